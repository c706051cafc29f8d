"""Names of actors, regions, groups and corporations: English, with the scenario's translations.

A name is written in a scenario as a plain string or as a table of translations
(``{"en": "the Republic of Servia", "es": "la República de Servia"}``), each with the article
a sentence puts before it, if any. Inside the engine it is a
``Name``: an ordinary ``str`` holding the English (so the engine's own sentences, the CLI and the
tests read it as before) that also remembers its translations, so a screen can show it in the
player's language and a sentence the engine writes (``say``) carries the whole table.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer

LANGUAGE = Annotated[str, Field(pattern=r"^[a-z]{2}$")]


# Leading articles a name may carry ("the Atlantic Republic", "la República de Servia"): a
# sentence needs them ("sent aid to the Atlantic Republic", "envió ayuda a la República de
# Servia"), a label drops them ("Atlantic Republic" at the head of a row).
ARTICLES: dict[str, tuple[str, ...]] = {"en": ("the ",), "es": ("el ", "la ", "los ", "las ")}


def opened(sentence: str, template: str) -> str:
    """An English sentence whose template opens with a name: the article that name brings takes
    the capital ("the Atlantic Republic taxed capital" reads "The Atlantic Republic taxed
    capital"). A template that opens with its own words ("the {group} rebelled") is left alone."""
    if template[:1] == "{" and sentence[:4] == "the ":
        return "T" + sentence[1:]
    return sentence


def label(text: str, lang: str) -> str:
    """A name as a label: without a leading article, starting with a capital ("albanokosovares"
    reads "Albanokosovares" at the head of a row)."""
    # (a name left untranslated shows in English, with an English article)
    for article in (*ARTICLES.get(lang, ()), *ARTICLES["en"]):
        if text.startswith(article) and len(text) > len(article):
            text = text[len(article) :]
            break
    return text[:1].upper() + text[1:]


class Name(str):
    """An English name (the string itself) with its translations by language code."""

    texts: dict[str, str]

    def __new__(cls, english: str, texts: dict[str, str] | None = None) -> Name:
        out = super().__new__(cls, english)
        out.texts = dict(texts) if texts else {}
        return out

    def in_language(self, lang: str) -> str:
        """The name in ``lang``; English (the name itself) where it has no translation."""
        return self.texts.get(lang) or str(self)

    def label(self, lang: str) -> str:
        """The name in ``lang`` as a label: "República de Servia" rather than "la República…"."""
        return label(self.in_language(lang), lang)

    def labels(self) -> str | dict[str, str]:
        """The name as labels by language (a plain string if it has no translations)."""
        return {lang: self.label(lang) for lang in self.texts} if self.texts else str(self)

    def as_data(self) -> str | dict[str, str]:
        """The name as a file or a save holds it: the plain string, or its table."""
        return dict(self.texts) if self.texts else str(self)

    # A name is a value: copies share it (a world's deep copy stays cheap).
    def __copy__(self) -> Name:
        return self

    def __deepcopy__(self, memo: dict) -> Name:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Name, (str(self), self.texts))


def as_name(value: str | dict[str, str]) -> Name:
    """A name from a file's value: a string, or translations keyed by language code."""
    if isinstance(value, Name):
        return value
    if isinstance(value, dict):
        english = value.get("en") or next(iter(value.values()), "")
        return Name(english, value)
    return Name(value)


def as_data(value: object) -> object:
    """A name (or anything else) as a file holds it: a ``Name`` becomes its string or table."""
    return value.as_data() if isinstance(value, Name) else value


_data = as_data


def visible(text: str) -> str:
    """A name must show something: not only spaces, invisible marks or control characters
    (a name of "\u200b" alone draws nothing, and a screen cannot lay it out)."""
    if not any(unicodedata.category(c)[0] not in "CZM" for c in text):
        raise ValueError("a name needs at least one visible character")
    return text


_NameString = Annotated[str, Field(min_length=1, max_length=80), AfterValidator(visible)]

# The type of a name field: what a file may hold, read into a ``Name`` and written back as it came.
NameText = Annotated[
    _NameString | Annotated[dict[LANGUAGE, _NameString], Field(min_length=1)],
    AfterValidator(as_name),
    BeforeValidator(_data),  # a Name given to a model keeps its translations
    PlainSerializer(_data),
]


# A scenario text the engine passes on (a goal, a role): English as a ``str``, translations kept.
Translatable = Annotated[
    str | dict[LANGUAGE, str],
    AfterValidator(as_name),
    BeforeValidator(_data),
    PlainSerializer(_data),
]


def translated(english: str, pattern: dict[str, str], **parts: str) -> Name:
    """A name the engine makes from other names (a new state after a secession): ``pattern``
    holds the wording by language, ``parts`` the names it is made of. A language is kept only
    where every part has a translation in it, so no name mixes two languages."""
    texts = {"en": english[:80]}
    for lang, wording in pattern.items():
        if lang == "en":
            continue
        if all(isinstance(v, Name) and lang in v.texts for v in parts.values()):
            texts[lang] = wording.format(**{k: v.texts[lang] for k, v in parts.items()})[:80]  # type: ignore[attr-defined]
    return Name(english[:80], texts if len(texts) > 1 else None)
