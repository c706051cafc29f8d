"""The engine names what it speaks of: no crisis or war id in a report line, the report screen,
the debrief or its export, in English or Spanish, for every shipped scenario; and a resolution
on a crisis that ended before the vote still names that crisis."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine import Order, new_world, ops, resolve
from game.report import debrief_markdown
from game.session.local import LocalMatch
from game.ui import i18n
from game.ui.scenes.report import ReportScene
from tests.uikit import frames, make_app

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(f.stem for f in (ROOT / "scenarios").glob("*.json"))
# What the engine makes up as ids while a match runs (crisis_41, war_29, res_3)
MADE_UP = re.compile(r"\b(?:crisis|war|res)_\d+\b")


def played(scenario: str, turns: int = 12) -> LocalMatch:
    data = load_scenario(ROOT / "scenarios" / f"{scenario}.json")
    local = LocalMatch.start(data.model_copy(update={"turns": turns}), humans=[], seed=3)
    while not local.world.ended:
        local.resolve()
    return local


@pytest.fixture(scope="module", params=SHIPPED)
def match(request: pytest.FixtureRequest) -> LocalMatch:
    return played(request.param)


def test_report_lines_and_votes_name_crises_and_wars(match: LocalMatch) -> None:
    for report in match.reports:
        assert not MADE_UP.findall(report.text()), report.text()
        for lang in ("en", "es"):
            for ln in report.lines:
                assert not MADE_UP.findall(i18n.line(ln, lang)), (lang, ln.text)


def test_debrief_export_names_crises_and_wars(match: LocalMatch) -> None:
    for lang in ("en", "es"):
        md = debrief_markdown(match.world, match.reports, lang=lang, charts=None)
        assert not MADE_UP.findall(md), sorted(set(MADE_UP.findall(md)))


def test_report_screen_names_crises_and_wars(match: LocalMatch) -> None:
    app = make_app(language="es")
    try:
        for report in match.reports:
            scene = ReportScene(app, match, report, None)
            app.push(scene)
            frames(app, 1)
            shown = scene.plain_text() + scene.header_text
            assert not MADE_UP.findall(shown), (report.turn, sorted(set(MADE_UP.findall(shown))))
            app.pop()
    finally:
        i18n.set_language("en")


def test_a_resolution_on_a_crisis_over_before_its_vote_lapses_naming_it() -> None:
    world = new_world(load_scenario(ROOT / "scenarios" / "kosovo.json"), 3)
    label = ops.crisis_label(world, world.crises["kosovo_repression"])
    assert ops.name(world, "kosovo_repression") == label
    table = Order(
        actor="un",
        action="propose",
        target="un",
        subject="kosovo_repression",
        option="authorize_force",
    )
    world, report = resolve(world, [table])
    (tabled,) = [ln for ln in report.lines if ln.key == "tables"]
    assert str(label) in tabled.text and "kosovo_repression" not in tabled.text
    # The crisis ends (its authors arrested, say) before the members vote.
    world.crises.pop("kosovo_repression", None)
    world, report = resolve(world, [])
    (lapsed,) = [ln for ln in report.lines if ln.key == "vote.lapsed"]  # not put to a vote
    assert str(label) in lapsed.text, lapsed.text
    spanish = i18n.line(lapsed, "es")
    assert "represión" in spanish and "kosovo_repression" not in spanish, spanish
    assert not report.votes and "kosovo_repression" not in report.text()


def test_a_crisis_a_card_starts_says_the_card_without_nested_parentheses() -> None:
    """Played as the pandemic's WHA: "Una nueva crisis: la epidemia en el Estado Popular de
    Kordava (Una segunda ola (Aceptar el equipo permanente de la Asamblea))". A card's name
    carries its answer in parentheses: the crisis line sets its cause off with a dash."""
    from game.ai import ai_orders, make_bot

    world = new_world(load_scenario(ROOT / "scenarios" / "pandemic.json"), 1)
    _, report = resolve(world, ai_orders(world, make_bot("normal")))
    (new,) = [ln for ln in report.lines if ln.key == "new_crisis"]
    assert new.text == (
        "A new crisis: plague in Marisa — The fever crosses the river (Borrow to test and trace "
        "every trader)."
    ), new.text
    spanish = i18n.line(new, "es")
    assert spanish.startswith("Una nueva crisis: la epidemia en Marisa — La fiebre cruza"), spanish
    assert spanish.count("(") == 1 and spanish.endswith(").")
