"""Names that will not read in the report's sentences.

The engine says a group's name after an article it writes itself: "Servia granted autonomy to
the {group}", "the {group} rebelled"; in Spanish "a los {group}", "los {group} se rebelaron".
A name that brings its own article or a possessive reads twice over ("to the The Veshi", "to the
Hanseong's unionized workers", "los los kerrani"): a warning says which name and how to write it.
An actor's, a region's or a corporation's name brings its own article where the language wants
one ("the Atlantic Republic", "la República de Servia"), in lower case: a capital there reads
wrong mid-sentence, and a warning says so. A translated text that names an actor otherwise than
the actor's name in that language does ("la Unión Costera" in a card, "el Pacto Costero" on the
map) is warned about too: a player would read two names for one actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .limits import MAX_PROBLEMS
from .problems import Finding

# the articles the engine's own sentences put before a group's name, by language
_ARTICLE = {
    "en": re.compile(r"^the\s", re.IGNORECASE),
    "es": re.compile(r"^(?:los|las|el|la)\s", re.IGNORECASE),
}
_POSSESSIVE = re.compile(r"^(\S+)'s\s+(.+)$")  # "Hanseong's unionized workers"
_BEFORE = {"en": "the", "es": "los"}


def check_group_names(doc: object) -> list[Finding]:
    """A warning for each group name, in any language the engine speaks, that would read badly
    after the article the engine puts before it."""
    found: list[Finding] = []
    for lang, text, where in _spellings(doc, "groups", tuple(_ARTICLE)):
        said = f"{_BEFORE[lang]} {text}"
        if _ARTICLE[lang].match(text):
            found.append(
                Finding(
                    where,
                    f"the group's name {text!r} reads {said!r} in the report's sentences, "
                    f"which put {_BEFORE[lang]!r} before it: leave its article out",
                    severity="warning",
                )
            )
        elif lang == "en" and (owned := _POSSESSIVE.match(text)):
            owner, what = owned.groups()
            found.append(
                Finding(
                    where,
                    f"the group's name {text!r} reads {said!r} in the report's sentences, "
                    f"which put 'the' before it: write it as '{what} of {owner}'",
                    severity="warning",
                )
            )
    return found


# A name's own article, written with a capital: the sentences put the name mid-sentence
_CAPITAL_ARTICLE = {
    "en": re.compile(r"^(The)\s"),
    "es": re.compile(r"^(El|La|Los|Las)\s"),
}


def check_name_articles(doc: object) -> list[Finding]:
    """A warning for each name of an actor, region or corporation that opens with an article
    written with a capital ("The Cardamom Mountains"): the report's sentences put the name
    where a capital reads wrong ("Khmeria took The Cardamom Mountains"), and the game gives the
    article its capital itself when the name opens a sentence, and drops it from labels."""
    found: list[Finding] = []
    for table in ("actors", "regions", "corporations"):
        for lang, text, where in _spellings(doc, table, tuple(_CAPITAL_ARTICLE)):
            if not (m := _CAPITAL_ARTICLE[lang].match(text)):
                continue
            lower = m.group(1).lower() + text[len(m.group(1)) :]
            found.append(
                Finding(
                    where,
                    f"the name {text!r} brings its article with a capital, which reads "
                    f"wrong inside a sentence: write {lower!r} (a sentence that opens "
                    "with it gives it its capital, and labels leave it out)",
                    severity="warning",
                )
            )
    return found


_LEADING_ARTICLE = re.compile(r"^(?:the|el|la|los|las)\s+", re.IGNORECASE)


def check_translated_names(doc: object) -> list[Finding]:
    """A warning for each translated text whose English names an actor (its English name, its
    article aside, as a whole word) while the translation does not hold the actor's name in that
    language (its article aside, in any case): a card that calls the actor something else."""
    spelling: dict[str, dict[str, str]] = {}  # an actor's English name, article aside -> its names
    for _, text, where in _spellings(doc, "actors", ("en",)):
        bare = _LEADING_ARTICLE.sub("", text)
        if where[-1] == "en" and bare.strip():  # (a plain name has no translation to hold to)
            spelling[bare] = doc["actors"][where[1]]["name"]  # type: ignore[index]
    if not spelling:
        return []
    # one pattern for every name, the longest first ("Republic of Servia" before "Servia"):
    # each text is read once, whatever the number of actors
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(n) for n in sorted(spelling, key=len, reverse=True)) + r")\b"
    )
    found: list[Finding] = []
    rest = 0
    for where, texts in _translated_texts(doc, ()):
        for en in dict.fromkeys(pattern.findall(texts["en"])):
            spelt = spelling[en]
            for lang, text in texts.items():
                name = spelt.get(lang)
                if lang == "en" or not isinstance(name, str):
                    continue
                bare = _LEADING_ARTICLE.sub("", name)
                if bare and bare.lower() not in text.lower():
                    if len(found) >= MAX_PROBLEMS:  # past the cap: counted, not worded
                        rest += 1
                        continue
                    found.append(
                        Finding(
                            (*where, lang),
                            f"the English names {en!r} but this text does not say the actor's "
                            f"{lang!r} name, {name!r}: a player would read one name on the map "
                            "and another here",
                            severity="warning",
                        )
                    )
    return found + ([Finding((), "", severity="warning", count=rest)] if rest else [])


def _translated_texts(
    node: object, where: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], dict[str, str]]]:
    """Every text table of the document (English and at least one translation) with its place,
    names aside (a group's or a region's name may say a people's adjective, not its state's
    name)."""
    if isinstance(node, dict):
        texts = {k: v for k, v in node.items() if isinstance(v, str) and len(k) == 2}
        if "en" in texts and len(texts) > 1 and where[-1:] != ("name",):
            yield where, texts
        for key, value in node.items():
            yield from _translated_texts(value, (*where, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _translated_texts(value, (*where, i))


def _spellings(
    doc: object, table: str, langs: tuple[str, ...]
) -> Iterator[tuple[str, str, tuple[str | int, ...]]]:
    """Each name in the scenario's ``table`` as (language, text, where it is), item by item and
    in ``langs``' order: a plain string is the English name, a table gives its translations."""
    things = doc.get(table) if isinstance(doc, dict) else None
    if not isinstance(things, list):
        return
    for i, thing in enumerate(things):
        name = thing.get("name") if isinstance(thing, dict) else None
        spelt = {"en": name} if isinstance(name, str) else name
        if not isinstance(spelt, dict):
            continue
        for lang in langs:
            text = spelt.get(lang)
            if isinstance(text, str):  # a plain string's place is the name itself
                where = (table, i, "name") if isinstance(name, str) else (table, i, "name", lang)
                yield lang, text, where
