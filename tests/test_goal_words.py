"""A goal's status reads the same on the match screen's mission box as in the report and the
debrief (the engine's word): one spelling per status in every language."""

from __future__ import annotations

import pytest

from game.engine.say import say
from game.ui import i18n

# the mission box's label -> the engine's status it shows
STATUSES = {"holding": "holding", "open": "open", "met": "met", "failed": "lost"}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_mission_box_names_a_status_as_the_engine_does(lang: str) -> None:
    i18n.set_language(lang)
    for panel, engine in STATUSES.items():
        word = say(f"goal_status.{engine}")
        engine_word = i18n.said(str(word), word.key, word.args)
        shown = i18n.t(f"panel.goal.{panel}", points="+10")
        assert shown == f"{engine_word} +10", (lang, panel)
