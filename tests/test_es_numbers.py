"""Figures in Spanish take a decimal comma ("centralización 37,6", "Población 9,8 M") on the
match screen (every tab, the continuum bar, the criteria and their tooltips, the map's region
tooltips) and in the turn report; English keeps its decimal point."""

from __future__ import annotations

import re

import pytest

from game.session.local import LocalMatch
from game.ui import i18n
from game.ui.scenes.match import MatchScene
from game.ui.scenes.report import ReportScene
from tests.test_ui_no_ids import mid_match, screen_texts
from tests.uikit import frames, make_app

POINT = re.compile(r"(?<![\w.])[+\-−]?\d+\.\d+(?![\w.])")  # 37.6, +1.5 (not "v1.2.3")
COMMA = re.compile(r"\d,\d")


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_language("en")


def match_texts(local: LocalMatch, lang: str) -> list[str]:
    app = make_app(language=lang)
    out: list[str] = []
    world = local.world
    for seat in [*world.rules.seats[:3], None]:
        scene = MatchScene(app, local, seat)
        app.push(scene)
        frames(app, 2)
        for tab in scene.tabs:
            scene.set_tab(tab)
            frames(app, 1)
            out += screen_texts(scene)
        out.append(scene.bar.headline())
        out += [tip for _, tip in scene.bar.tooltips()]
        out += [tip for _, tip in scene.criteria.tooltips()]
        out += [tip for _, tip in getattr(scene.map, "tooltips", list)()]
        app.pop()
    return out


def report_texts(local: LocalMatch, lang: str) -> list[str]:
    app = make_app(language=lang)
    seat = local.world.rules.seats[0]
    local.humans = [seat]
    report = local.submit(seat)
    assert report is not None
    scene = ReportScene(app, local, report, seat)
    app.push(scene)
    frames(app, 2)
    out = [scene.header_text, getattr(scene.text_box, "html_text", "")]
    out += [e.tool_tip_text or "" for e in app.manager.ui_group.sprites()]
    return out


def pointed(texts: list[str]) -> list[str]:
    return [text for text in texts if POINT.search(re.sub(r"<[^>]+>", " ", text))]


@pytest.mark.parametrize("scenario_id", ["kosovo", "financial"])
def test_the_spanish_match_screen_writes_a_decimal_comma(scenario_id: str) -> None:
    local = mid_match(scenario_id)
    texts = match_texts(local, "es")
    assert any(COMMA.search(text) for text in texts)  # there are figures, and they read 37,6
    assert pointed(texts) == [], pointed(texts)[:10]
    assert any(
        COMMA.search(text) is None and POINT.search(text) for text in match_texts(local, "en")
    )


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_report_writes_figures_in_the_players_language(lang: str) -> None:
    local = mid_match("kosovo")
    texts = report_texts(local, lang)
    if lang == "es":
        assert any(COMMA.search(text) for text in texts)
        assert pointed(texts) == [], pointed(texts)[:10]
    else:
        assert pointed(texts)


def test_the_helper_writes_each_language() -> None:
    assert (i18n.number(37.64), i18n.number(9.8, None, sign=True)) == ("37.6", "+9.8")
    assert (i18n.whole(5803.4), i18n.whole(12500)) == ("5,803", "12,500")
    i18n.set_language("es")
    assert (i18n.whole(5803.4), i18n.whole(12500)) == ("5803", "12\u00a0500")
    assert (i18n.number(37.64), i18n.number(2.0, None)) == ("37,6", "2")
    assert i18n.signed(-2.84) == "−2,8" and i18n.signed(0.01) == "0,0"
