"""A name inside a Spanish sentence keeps its article ("Tal como lo ve la República de Servia",
"la República de Servia eligió …"), while a label drops it."""

from __future__ import annotations

import pytest

from game.content import find_scenario, load_scenario
from game.report import debrief_markdown
from game.session.local import LocalMatch
from game.ui import i18n
from game.ui.scenes.report import ReportScene
from tests.uikit import frames, make_app

SEAT = "servia"


@pytest.fixture(scope="module")
def carded() -> tuple[LocalMatch, object]:
    """Kosovo with Servia human, turns ended until a card of Servia's has been decided."""
    local = LocalMatch.start(load_scenario(find_scenario("kosovo")), [SEAT], seed=7)
    for _ in range(10):
        report = local.submit(SEAT)
        assert report is not None
        if any(c.actor == SEAT for c in report.cards):
            return local, report
    raise AssertionError("no card reached Servia in ten turns")


def test_the_report_header_and_cards_say_the_name_with_its_article(carded) -> None:
    local, report = carded
    app = make_app(language="es")
    try:
        scene = ReportScene(app, local, report, SEAT)
        app.push(scene)
        frames(app)
        assert "Tal como lo ve la República de Servia" in scene.header_text, scene.header_text
        assert "ve República" not in scene.header_text
        text = scene.plain_text()
        assert "La República de Servia no respondió" in text, text
    finally:
        i18n.set_language("en")


def test_the_debrief_says_who_chose_with_the_article(carded) -> None:
    local, _ = carded
    md = debrief_markdown(local.world, local.reports, lang="es")
    assert "la República de Servia no respondió" in md
    assert ": República de Servia no respondió" not in md
    en = debrief_markdown(local.world, local.reports, lang="en")
    assert "Republic of Servia did not answer" in en


def test_an_english_name_that_brings_its_own_article_is_not_doubled() -> None:
    """Cambodia's "The Hoa": "repressed the Hoa", never "repressed the The Hoa"."""
    from game.engine.say import say

    assert say("repressed", who="Kampuchea", group="The Hoa") == "Kampuchea repressed the Hoa"
    assert i18n.contracted("Repress the The Hoa", "en") == "Repress the Hoa"
    assert i18n.contracted("The The Hoa rebelled", "en") == "The Hoa rebelled"
