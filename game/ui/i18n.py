"""Interface strings in English and Spanish, from assets/i18n/<lang>/*.json.

Each screen keeps its strings in its own file (menu.json, match.json, …); keys are dotted
(``menu.new_match``). A key missing in Spanish falls back to English, and a key missing in
English shows the key itself, so a gap is visible, never a crash.

A string that depends on a number has plural forms: ``KEY.one`` and ``KEY.other`` ("1 point",
"2 points"); ``tn(KEY, n)`` picks the form, and so does ``t(KEY, n=…)`` when KEY itself has none.
Names (actors, regions, groups) and scenario texts may carry translations: ``name()`` and
``localized()`` show them in the current language.
"""

from __future__ import annotations

import contextlib
import errno
import json
import re
import unicodedata
from functools import cache

from game.engine.names import label
from game.engine.say import Said, and_list, as_data
from game.paths import install_root

_lang = "en"


def set_language(lang: str) -> None:
    global _lang
    _lang = lang if lang in ("en", "es") else "en"


def language() -> str:
    return _lang


@cache
def _table(lang: str) -> dict[str, str]:
    table: dict[str, str] = {}
    folder = install_root() / "assets" / "i18n" / lang
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            table.update({str(k): str(v) for k, v in data.items()})
    return table


def _lookup(key: str) -> str | None:
    return _table(_lang).get(key) or _table("en").get(key)


def key_name(key: str) -> str:
    """A key as its cap and the hints name it in the current language: Spanish says "Intro"
    for Enter, as its tutorial and tooltips do (assets/i18n/<lang>/ends.json, "key.*")."""
    return _lookup(f"key.{key}") or key


def plural_form(n: float, lang: str | None = None) -> str:
    """``one`` or ``other``: which form a count takes (English and Spanish: only exactly 1 is
    singular; 0, 1.5 and 2 are plural)."""
    return "one" if n == 1 else "other"


def t(key: str, **values: object) -> str:
    """The string for ``key`` in the current language, with ``{name}`` fields filled in. A key
    that only has plural forms takes the one its ``n`` (or ``count``) asks for."""
    text = _lookup(key)
    if text is None:
        count = values.get("n", values.get("count"))
        if isinstance(count, int | float) and not isinstance(count, bool):
            return tn(key, count, **{k: v for k, v in values.items() if k != "n"})
        text = key
    if values:
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def tn(key: str, n: float, **values: object) -> str:
    """The plural form of ``key`` that fits the count ``n`` (``KEY.one`` / ``KEY.other``), with
    ``{n}`` and the other fields filled in. A key without plural forms reads as ``t(key)``."""
    values.setdefault("n", n)
    text = _lookup(f"{key}.{plural_form(n)}") or _lookup(f"{key}.other") or _lookup(key) or key
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


def localized(value: object, lang: str | None = None) -> str:
    """A scenario text or a name in the current language: a plain string as it is, a table of
    translations in this language (else English, else any), a ``Name`` by its translations."""
    lang = lang or _lang
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("en") or next(iter(value.values()), ""))
    texts = getattr(value, "texts", None)
    if isinstance(value, str) and isinstance(texts, dict):
        return str(texts.get(lang) or value)
    return "" if value is None else str(value)


# "de el" and "a el" contract in Spanish once a name with "el" is put into a sentence.
_CONTRACTIONS = {
    "es": ((re.compile(r"\b([Dd])e el\b"), r"\1el"), (re.compile(r"\b([Aa]) el\b"), r"\1l")),
    # a name that brings its own article: "repress the The Hoa" reads "repress the Hoa"
    "en": ((re.compile(r"\b([Tt])he [Tt]he\b"), r"\1he"),),
}


def contracted(text: str, lang: str | None = None) -> str:
    """``text`` with the contractions its language makes once a name is put into a sentence:
    Spanish "a el Reino" reads "al Reino", "de el Pacto" reads "del Pacto"."""
    for pattern, short in _CONTRACTIONS.get(lang or _lang, ()):
        text = pattern.sub(short, text)
    return text


def name(thing: object, lang: str | None = None, article: bool = False) -> str:
    """The name of an actor, region, group or corporation (the thing itself or its name) in the
    current language, as a label ("República de Servia", "Albanokosovares"); with ``article``, as
    it reads inside a sentence ("la República de Servia", "los albanokosovares" after "los")."""
    lang = lang or _lang
    if not isinstance(thing, str | dict) and hasattr(thing, "name"):
        thing = thing.name  # type: ignore[union-attr]
    shown = localized(thing, lang)
    if not any(unicodedata.category(c)[0] not in "CZM" for c in shown):
        return "?"  # a name that would draw nothing (the checks refuse them; a screen must not)
    return shown if article else label(shown, lang)


def said(
    english: str,
    key: str | None,
    args: dict | None = None,
    lang: str | None = None,
    *,
    top: bool = True,
) -> str:
    """A sentence the engine wrote (a cause in the report), in the current language: its message
    key's template from assets/i18n/<lang>/engine.json filled with its arguments (names as they
    are, scenario texts in this language, nested messages translated the same way). English,
    an unknown key or a broken template shows the engine's own English sentence. A name that
    opens the sentence (``top``: not a message nested in another) gets a capital letter."""
    lang = lang or _lang
    if lang == "en" or not key:
        return english
    template = _table(lang).get(f"engine.{key}")
    if not template:
        return english
    args = args or {}
    try:
        text = template.format(**{k: _said_arg(v, lang) for k, v in args.items()})
    except (KeyError, IndexError, ValueError):
        return english
    for pattern, contracted in _CONTRACTIONS.get(lang, ()):
        text = pattern.sub(contracted, text)
    first = re.match(r"\{(\w+)\}", template)
    if top and first and not _is_message(args.get(first.group(1))):
        text = text[:1].upper() + text[1:]  # a name opens the sentence: "La República de…"
    return text


def reason(text: object, lang: str | None = None) -> str:
    """A reason the engine or a class's host gave (a ``Said``: English that keeps its message
    key and arguments), in the current language, as it reads after a colon or in brackets (a
    name that opens it keeps its small letter: "refused: the Republic of Servia holds..."); any
    other text as it is."""
    if isinstance(text, Said):
        return said(text, text.key, as_data(text)["args"], lang, top=False)
    return str(text)


def _is_message(value: object) -> bool:
    return isinstance(value, dict) and "key" in value and "args" in value


def _said_arg(value: object, lang: str) -> str:
    if isinstance(value, dict) and "key" in value and "args" in value:
        from game.engine.say import TEMPLATES

        key = str(value["key"])
        args = value["args"] if isinstance(value["args"], dict) else {}
        english = TEMPLATES.get(key, key)
        with contextlib.suppress(KeyError, IndexError, ValueError):
            english = english.format(**{k: _said_arg(v, "en") for k, v in args.items()})
        return said(english, key, args, lang, top=False)
    if isinstance(value, dict):  # a scenario text or a name with its translations
        return localized(value, lang)
    if isinstance(value, list):  # names, each in this language: "A, B and C"
        return names_list([_said_arg(v, lang) for v in value], lang)
    shown = localized(value, lang)
    if lang == "es" and _DECIMAL.fullmatch(shown):  # a figure the engine wrote: "3,4"
        return shown.replace(".", ",")
    return shown


_DECIMAL = re.compile(r"[+\-−]?\d+\.\d+")


def names_list(items: list[str], lang: str | None = None) -> str:
    """Names in a sentence of the language: "A, B and C"; in Spanish "A, B y C", and "e"
    before a name that begins with the sound i ("Gallia e Iberia"; not "hie-", "hia-")."""
    lang = lang or language()
    if lang != "es" or len(items) < 2:
        return and_list(items)
    head = unicodedata.normalize("NFD", items[-1].lower())
    head = "".join(c for c in head if not unicodedata.combining(c))
    sound_i = (head.startswith("i") or head.startswith("hi")) and not head.startswith(
        ("hia", "hie", "hio", "hiu")
    )
    return and_list(items, "e" if sound_i else "y")


def message(value: object, lang: str | None = None) -> str:
    """A piece of a sentence the engine keeps as data (a crisis's label as ``{"key", "args"}``,
    a name's table of translations, a plain string) in the current language."""
    return _said_arg(value, lang or _lang)


def cause(change: object, lang: str | None = None) -> str:
    """A report's ``Change`` cause in the current language."""
    return said(change.cause, change.key, change.args, lang)  # type: ignore[attr-defined]


def line(report_line: object, lang: str | None = None) -> str:
    """A report line (``Line``) or a vote's explanation (``Tally``: its ``how``) in the current
    language."""
    text = getattr(report_line, "text", None)
    if text is None:
        text = report_line.how  # type: ignore[attr-defined]
    return said(text, report_line.key, report_line.args, lang)  # type: ignore[attr-defined]


def end_reason(world: object, lang: str | None = None) -> str:
    """Why the match ended, in the current language (the scenario's end condition, or the
    engine's own words)."""
    lang = lang or _lang
    texts = getattr(world, "end_texts", {}) or {}
    if lang in texts:
        return texts[lang]
    return said(world.end_reason, getattr(world, "end_key", None), {}, lang)  # type: ignore[attr-defined]


def save_error(error: Exception, path: object = None) -> str:
    """A save that failed to be written or read (``SaveError``), in the current language: "no
    se pudo escribir el archivo: no queda espacio en el disco". The error's own English words
    stay for the command line; an error without a message key (an ``OSError``) reads as those
    words, and so does English. ``path``, when given, is dropped from the front of the English
    (the screen names the file)."""
    own = str(error)
    if path is not None and own.startswith(f"{path}: "):
        own = own[len(f"{path}: ") :]
    key = getattr(error, "key", None)
    if _lang == "en" or not key or _lookup(f"saves.err.{key}") is None:
        return own  # English players read the engine's own words, details included
    values = dict(getattr(error, "values", None) or {})
    code = values.get("errno")
    if isinstance(code, int) and code in errno.errorcode:  # "File exists" → "ya existe…"
        values["reason"] = _lookup(f"saves.errno.{errno.errorcode[code]}") or values.get("reason")
    line, column = values.get("line"), values.get("column")
    values["where"] = t("saves.err.where", line=line, column=column) if line else ""
    return t(f"saves.err.{key}", **values)


def number(value: float, digits: int | None = 1, sign: bool = False) -> str:
    """A figure as the player's language writes it: "37.6" in English, "37,6" in Spanish (a
    decimal comma). ``digits`` None: as few digits as the value needs ("1.5", "2"); ``sign``: with
    its sign ("+1.5")."""
    plus = "+" if sign else ""
    text = f"{value:{plus}g}" if digits is None else f"{value:{plus}.{digits}f}"
    return text.replace(".", ",") if _lang == "es" else text


def whole(value: float) -> str:
    """A count as the player's language groups its digits: "5,803" and "12,500" in English;
    "5803" and "12 500" in Spanish (the RAE's rule: a space, here one that never breaks a line,
    from five digits on; never a point, which a Spanish reader could take for a decimal one)."""
    text = f"{value:,.0f}"
    if _lang != "es":
        return text
    return text.replace(",", "") if abs(round(value)) < 10_000 else text.replace(",", "\u00a0")


def signed(value: float, digits: int = 1) -> str:
    """A change as the report shows it ("+4.5", "−2.8"; "0.0" for one too small to show), in
    the player's language ("+4,5" in Spanish)."""
    shown = round(value, digits)
    if shown == 0:
        return number(0, digits)
    return number(shown, digits, sign=True).replace("-", "\u2212")
