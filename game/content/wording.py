"""Names that will not read in the report's sentences.

The engine says a group's name after an article it writes itself: "Servia granted autonomy to
the {group}", "the {group} rebelled"; in Spanish "a los {group}", "los {group} se rebelaron".
A name that brings its own article or a possessive reads twice over ("to the The Veshi", "to the
Hanseong's unionized workers", "los los kerrani"): a warning says which name and how to write it.
"""

from __future__ import annotations

import re

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
    if not isinstance(doc, dict) or not isinstance(doc.get("groups"), list):
        return []
    found: list[Finding] = []
    for i, g in enumerate(doc["groups"]):
        name = g.get("name") if isinstance(g, dict) else None
        spelt = {"en": name} if isinstance(name, str) else name
        if not isinstance(spelt, dict):
            continue
        for lang, article in _ARTICLE.items():
            text = spelt.get(lang)
            if not isinstance(text, str):
                continue
            where = ("groups", i, "name") if isinstance(name, str) else ("groups", i, "name", lang)
            said = f"{_BEFORE[lang]} {text}"
            if article.match(text):
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
