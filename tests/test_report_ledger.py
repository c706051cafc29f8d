"""The turn report's summary sentences come from the same ledger as the detail under them: a
crisis that moved is never "no crisis changed", a criterion's total is the sum of the lines
under it, and a change that rounds to 0.0 is no change (never "−0.0")."""

from __future__ import annotations

import re

import pygame
import pytest
from uikit import frames, make_app

from game.content import find_scenario, load_scenario
from game.engine import TurnReport, World
from game.report.debrief import signed
from game.session.local import LocalMatch
from game.ui import i18n
from game.ui.scenes.report import ReportScene

NO_CRISIS = {
    "en": "no crisis changed",
    "es": "ninguna crisis cambió",
}


@pytest.fixture(scope="module")
def turns() -> list[tuple[World, World, TurnReport, LocalMatch]]:
    """A kosovo match played by the AI: each turn's world before and after, and its report."""
    local = LocalMatch.start(load_scenario(find_scenario("kosovo")), [], seed=1)
    out = []
    while not local.world.ended:
        before = local.world
        report = local.resolve()
        out.append((before, local.world, report, local))
    return out


def report_text(local: LocalMatch, report: TurnReport, lang: str = "en") -> str:
    i18n.set_language(lang)
    try:
        app = make_app(language=lang)
        scene = ReportScene(app, local, report, None)
        app.push(scene)
        frames(app, 1)
        return scene.plain_text()
    finally:
        i18n.set_language("en")


def section(text: str, title: str, nxt: str) -> str:
    return text.split(title, 1)[1].split(nxt, 1)[0]


def test_signed_never_shows_a_change_that_rounds_to_nothing() -> None:
    assert signed(-0.04) == "0.0" and signed(0.049) == "0.0" and signed(-0.0) == "0.0"
    assert signed(-0.05) == "\u22120.1" and signed(2.345) == "+2.3"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_turn_a_crisis_moved_says_how_far(turns, lang: str) -> None:
    moved = [
        (before, after, report, local)
        for before, after, report, local in turns
        if any(
            cid in after.crises and f"{c.severity:.0f}" != f"{after.crises[cid].severity:.0f}"
            for cid, c in before.crises.items()
        )
    ]
    assert moved, "the match has turns on which a crisis grew or eased"
    for before, after, report, local in moved:
        text = report_text(local, report, lang)
        assert NO_CRISIS[lang] not in text.lower()
        for cid, c in before.crises.items():
            if cid in after.crises:
                a, b = f"{c.severity:.0f}", f"{after.crises[cid].severity:.0f}"
                if a != b:
                    pattern = f"from {a} to {b}" if lang == "en" else f"de {a} a {b}"
                    assert pattern in text, (report.turn, cid, a, b)


def test_every_total_is_the_sum_of_the_lines_under_it_and_no_minus_zero(turns) -> None:
    checked = 0
    for _, _, report, local in turns:
        text = report_text(local, report)
        assert "\u22120.0" not in text and "-0.0" not in text, report.turn
        changes = section(text, "What changed and why", "Votes in the global bodies")
        blocks = [b for b in changes.strip().split("\n\n") if b.strip()]
        for block in blocks:
            head, *details = block.strip().splitlines()
            total = re.search(r"\(([+\u2212]?\d+\.\d)\)", head)
            if total is None:  # "No criterion changed this turn."
                continue
            want = float(total.group(1).replace("\u2212", "-"))
            amounts = [
                float(m.group(1).replace("\u2212", "-"))
                for d in details
                if (m := re.match(r"\s*([+\u2212]\d+\.\d)\s", d))
            ]
            assert amounts, (report.turn, head)
            # each line is rounded to 0.1 for the reader: they add up within that rounding
            assert abs(sum(amounts) - want) <= 0.05 * (len(amounts) + 1), (report.turn, block)
            checked += 1
    assert checked > 20


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("scale", [100, 150, 200])
def test_the_log_fills_the_window_at_every_scale(turns, scale: int, lang: str) -> None:
    """At 200 % on 1280x720 the log showed four lines; now the header is one line and the
    headline a strip, and the log keeps more than half the window."""
    _, _, report, local = turns[5]
    i18n.set_language(lang)
    try:
        app = make_app(ui_scale=scale, language=lang)
        scene = ReportScene(app, local, report, "servia")
        app.push(scene)
        frames(app, 1)
    finally:
        i18n.set_language("en")
    box = scene.text_box.rect
    line = app.font(15).get_linesize() * 1.25  # the text box's line spacing
    assert box.height / line >= 7, (scale, lang, box.height)
    assert box.height >= app.size[1] * 0.55
    screen = app.screen.get_rect()
    for img, pos in scene._header:  # nothing drawn outside the window or under the log
        r = pygame.Rect(pos, img.get_size())
        assert screen.contains(r) and not r.colliderect(box)
    for tile in scene.tiles:
        assert screen.contains(tile.rect) and not tile.rect.colliderect(box)
