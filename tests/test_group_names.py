"""A group's name reads in the report's sentences, which put their own article before it: played
in English, the sandbox said "Karsk granted autonomy to the The Veshi" and the Hot Money
scenario "to the Hanseong's unionized workers". validate now warns where and how to write it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from matches import name_warnings

from game.ai.baseline import BaselineBot
from game.content import load_scenario
from game.engine import new_world, resolve
from game.session.match import ai_orders
from game.ui import i18n

ROOT = Path(__file__).resolve().parent.parent


def _warnings(tmp_path: Path, en: str, es: str) -> list[str]:
    return name_warnings(tmp_path, "groups", 1, {"en": en, "es": es})


def test_a_name_with_its_own_article_is_warned_in_each_language(tmp_path: Path) -> None:
    (en,) = _warnings(tmp_path, "The Highlanders", "montañeses")
    assert en == (
        "groups[1].name.en: the group's name 'The Highlanders' reads 'the The Highlanders' in "
        "the report's sentences, which put 'the' before it: leave its article out"
    )
    (es,) = _warnings(tmp_path, "Highlanders", "Los montañeses")
    assert es.startswith("groups[1].name.es: the group's name 'Los montañeses' reads 'los Los")


def test_a_possessive_name_is_warned_with_the_way_to_write_it(tmp_path: Path) -> None:
    (en,) = _warnings(tmp_path, "Castria's highlanders", "montañeses de Castria")
    assert en.startswith("groups[1].name.en: the group's name \"Castria's highlanders\"")
    assert en.endswith("write it as 'highlanders of Castria'")


@pytest.mark.parametrize("en", ["Highlanders", "Theban exiles", "Highlanders of Castria"])
def test_names_that_read_well_pass(tmp_path: Path, en: str) -> None:
    assert _warnings(tmp_path, en, "montañeses") == []


def test_no_shipped_sentence_doubles_the_article_before_a_group() -> None:
    """Whole baseline matches of the scenarios whose names were mended, in both languages."""
    doubled = re.compile(r"\b(?:the The|[Ll]os [Ll][oa]s)\b")
    for key in ("sandbox", "cambodia", "financial"):
        w = new_world(load_scenario(ROOT / "scenarios" / f"{key}.json"), 1)
        bot = BaselineBot()
        said: list[str] = []
        while not w.ended:
            w, report = resolve(w, ai_orders(w, bot))
            said += [i18n.line(x, lang) for x in report.lines for lang in ("en", "es")]
        # "the Hanseong's unionized workers": a group named by a state's possessive
        owners = "|".join(re.escape(a.name) for a in w.actors.values())
        possessive = re.compile(rf"\bthe (?:{owners})'s\b")
        group_lines = [s for s in said if any(g.name in s for g in w.groups.values())]
        assert group_lines, key
        assert not [s for s in said if doubled.search(s) or possessive.search(s)], key
