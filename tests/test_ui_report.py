"""The turn report and the debrief, driven headlessly as a player would: what a seat is shown
(and not shown), Continue, keyboard play, the charts, Export, 200% UI scale and Spanish."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pygame
import pytest
from matches import finished_match, sandbox_offering_ostrava
from uikit import click, find_button, frames, key, make_app

from game import paths
from game.content import load_scenario
from game.engine import Order, TurnReport
from game.engine.report import Line
from game.engine.scenario import text
from game.session.local import LocalMatch
from game.ui import flow
from game.ui.app import App
from game.ui.scene import Scene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.report import ReportScene
from game.ui.widgets.charts import ChartStyle, LineChart, Series

MINI = Path(__file__).parent / "fixtures" / "mini.json"
CRISIS = "highland_repression"


# ---- matches to report on ------------------------------------------------------------------


def voted_match() -> tuple[LocalMatch, TurnReport]:
    """Castria and the UN are people: the UN tables a force resolution on turn 1, Castria votes
    no on turn 2 (the AI votes for the others). Returns the match and turn 2's report."""
    local = LocalMatch.start(load_scenario(MINI), humans=["un", "castria"])
    propose = Order(
        actor="un", action="propose", target="un", subject=CRISIS, option="authorize_force"
    )
    assert local.add(propose) is None
    local.submit("un")
    assert local.submit("castria") is not None
    (pid,) = local.world.proposals
    assert local.add(Order(actor="castria", action="vote", target=pid, option="no")) is None
    local.submit("un")
    report = local.submit("castria")
    assert report is not None and report.votes
    return local, report


@pytest.fixture(scope="module")
def voted() -> tuple[LocalMatch, TurnReport]:
    return voted_match()


@pytest.fixture(scope="module")
def finished() -> LocalMatch:
    return finished_match()


def show_report(
    local: LocalMatch, report: TurnReport, seat: str | None, **settings: object
) -> tuple[App, ReportScene]:
    app = make_app(**settings)
    scene = ReportScene(app, local, report, seat)
    app.push(scene)
    frames(app)
    return app, scene


def show_debrief(local: LocalMatch, **settings: object) -> tuple[App, DebriefScene]:
    app = make_app(**settings)
    scene = DebriefScene(app, local)
    app.push(scene)
    frames(app)
    return app, scene


def assert_inside_screen(app: App) -> None:
    screen = app.screen.get_rect()
    for el in app.manager.ui_group.sprites():
        if getattr(el, "visible", True):
            assert screen.contains(el.rect), f"{type(el).__name__} {el.rect} is off the screen"


# ---- the turn report -----------------------------------------------------------------------


def test_report_shows_every_cause_and_the_tallies(voted: tuple[LocalMatch, TurnReport]) -> None:
    local, report = voted
    _app, scene = show_report(local, report, "castria")
    assert scene.text_box is not None and scene.text_box.html_text == scene.markup()
    shown = scene.plain_text()
    assert report.changes
    for change in report.changes:
        assert change.cause in shown
    for tally in report.votes:
        assert f"Yes ({len(tally.yes)})" in shown
        assert f"No ({len(tally.no)})" in shown
        assert f"Abstained ({len(tally.abstain)})" in shown
        assert tally.how in shown
        for voter in tally.no:
            assert local.world.actors[voter].name in shown
    assert "Castria" in shown and "Votes in the global bodies" in shown
    for fired in report.cards:
        card = next(c for c in local.world.rules.cards if c.id == fired.card)
        assert text(card.lesson) in shown


def test_report_headline_tiles_have_tooltips(voted: tuple[LocalMatch, TurnReport]) -> None:
    local, report = voted
    _app, scene = show_report(local, report, None)
    assert len(scene.tiles) == 5  # the world and the four criteria
    for tile in scene.tiles:
        assert tile.tool_tip_text
    peace = scene.tiles[1].tool_tip_text
    assert "Peace" in peace
    top = max(
        (c for c in report.changes if c.criterion.value == "peace"), key=lambda c: abs(c.amount)
    )
    assert top.cause in peace


def test_a_seat_never_sees_another_seats_private_line(voted: tuple[LocalMatch, TurnReport]) -> None:
    local, report = voted
    lines = [
        *report.lines,
        Line(kind="action", text="Arcadia's secret cable.", actor="arcadia", private_to="arcadia"),
        Line(kind="action", text="Castria's secret order.", actor="castria", private_to="castria"),
    ]
    secret = report.model_copy(update={"lines": lines})
    _, castria = show_report(local, secret, "castria")
    assert "Castria's secret order." in castria.plain_text()
    assert "Arcadia's secret cable." not in castria.plain_text()
    _, public = show_report(local, secret, None)
    assert "secret" not in public.plain_text()


def test_continue_goes_on_by_click_and_by_key(
    voted: tuple[LocalMatch, TurnReport], monkeypatch: pytest.MonkeyPatch
) -> None:
    local, report = voted
    calls: list[tuple[App, LocalMatch]] = []
    monkeypatch.setattr(flow, "after_report", lambda app, lm: calls.append((app, lm)))
    app, _ = show_report(local, report, "castria")
    click(app, find_button(app, "Continue"))
    assert calls == [(app, local)]
    for k in (pygame.K_RETURN, pygame.K_SPACE, pygame.K_KP_ENTER):
        calls.clear()
        app, _ = show_report(local, report, "castria")
        key(app, k)
        assert calls == [(app, local)]


def test_the_keyboard_scrolls_the_log(voted: tuple[LocalMatch, TurnReport]) -> None:
    local, report = voted
    app, scene = show_report(local, report, None, ui_scale=200)
    bar = scene.text_box.scroll_bar
    assert bar is not None, "at 200% the log is longer than its box"
    key(app, pygame.K_PAGEDOWN)
    assert bar.start_percentage > 0
    key(app, pygame.K_END)
    end = bar.start_percentage
    key(app, pygame.K_UP)
    assert bar.start_percentage < end
    key(app, pygame.K_HOME)
    assert bar.start_percentage == 0
    key(app, pygame.K_TAB)  # the focus stays on Continue, its only button
    assert scene.focus.focused is scene.continue_button


def test_page_down_moves_a_page_keeping_one_line_in_sight(
    voted: tuple[LocalMatch, TurnReport],
) -> None:
    # Page Down moved eight lines, a third of the box at 100 %: a page is what the box shows
    local, report = voted
    long = report.model_copy(
        update={"lines": [Line(kind="action", text=f"Event {i}.") for i in range(120)]}
    )
    app, scene = show_report(local, long, None)
    bar = scene.text_box.scroll_bar
    shown = bar.visible_percentage
    assert shown < 0.5, "the log runs past two boxes"
    key(app, pygame.K_PAGEDOWN)
    first = bar.start_percentage
    assert 0.85 * shown < first < shown  # a page, less the line kept in sight
    key(app, pygame.K_PAGEDOWN)
    assert bar.start_percentage == pytest.approx(min(2 * first, 1 - shown))
    key(app, pygame.K_PAGEUP)
    key(app, pygame.K_PAGEUP)
    assert bar.start_percentage == 0


def test_the_last_report_leads_to_the_debrief(finished: LocalMatch) -> None:
    app, scene = show_report(finished, finished.reports[-1], None)
    assert find_button(app, "To the debrief")
    assert finished.reports[-1].ended
    assert f"The match ends: {finished.world.end_reason}" in scene.header_text


def test_continue_after_the_last_report_opens_the_debrief(finished: LocalMatch) -> None:
    app, _ = show_report(finished, finished.reports[-1], "castria")
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, DebriefScene)


@pytest.mark.parametrize("scale", [100, 150, 200])
def test_report_fits_the_screen_at_every_scale(
    voted: tuple[LocalMatch, TurnReport], scale: int
) -> None:
    local, report = voted
    app, scene = show_report(local, report, "castria", ui_scale=scale)
    assert_inside_screen(app)
    screen = app.screen.get_rect()
    for img, pos in scene._header:
        assert screen.contains(pygame.Rect(pos, img.get_size()))


def test_report_in_spanish(voted: tuple[LocalMatch, TurnReport]) -> None:
    local, report = voted
    app, scene = show_report(local, report, "castria", language="es")
    assert find_button(app, "Continuar")
    shown = scene.plain_text()
    assert "Qué cambió y por qué" in shown and "Votaciones en los organismos globales" in shown
    assert "Castria" in shown


# ---- the debrief ---------------------------------------------------------------------------


def test_debrief_charts_have_a_point_per_turn(finished: LocalMatch) -> None:
    _app, scene = show_debrief(finished)
    n = len(finished.world.history)
    assert set(scene.charts) == {"criteria", "path"}
    criteria = scene.charts["criteria"]
    assert criteria.point_count == n and len(criteria.series) == 4
    for i in range(4):
        assert len(criteria.points(i)) == n
    assert scene.charts["path"].point_count == n
    assert len(scene.charts["path"].points(0)) == n


def test_debrief_chart_hover_reads_out_a_turn(finished: LocalMatch) -> None:
    app, scene = show_debrief(finished)
    chart = scene.charts["criteria"]
    x, y = chart.points(0)[2]
    app.frame(
        1 / 60,
        events=[
            pygame.event.Event(
                pygame.MOUSEMOTION, pos=(round(x), round(y)), rel=(0, 0), buttons=(0, 0, 0)
            )
        ],
    )
    assert chart.hover_index((round(x), round(y))) == 2
    readout = [line for line, _, _ in chart.readout(2)]
    assert readout[0] == "Turn 2"
    peace = finished.world.history[2].criteria.peace
    assert f"Peace  {peace:.0f}" in readout


def test_debrief_shows_scores_with_secrets_decisions_and_lessons(finished: LocalMatch) -> None:
    _app, scene = show_debrief(finished)
    scores = scene.plain_text("scores")
    for actor in finished.world.actors.values():
        assert actor.name in scores
    assert "Castria  (player)" in scores
    assert "Keep the Highlands" in scores  # a secret goal, revealed
    lessons = scene.plain_text("lessons")
    cards = {c.id: c for c in finished.world.rules.cards}
    for cid in finished.world.lessons:
        assert text(cards[cid].lesson) in lessons
    decisions = scene.plain_text("decisions")
    for r in finished.reports:
        for fired in r.cards:
            assert text(cards[fired.card].title) in decisions


def test_debrief_tabs_by_key_and_focus(finished: LocalMatch) -> None:
    app, scene = show_debrief(finished)
    assert scene.tab == "scores"
    key(app, pygame.K_2)
    assert scene.tab == "decisions"
    assert (
        scene.text_box is not None
        and "Event cards and the choices made" in scene.text_box.html_text
    )
    key(app, pygame.K_TAB)  # focus on the first tab …
    key(app, pygame.K_TAB)  # … the second …
    key(app, pygame.K_TAB)  # … the third: Lessons
    key(app, pygame.K_RETURN)
    assert scene.tab == "lessons"
    click(app, find_button(app, "Scores"))
    assert scene.tab == "scores"


def test_debrief_export_writes_the_files_and_says_where(
    finished: LocalMatch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "user_data_dir", lambda: tmp_path)
    app, scene = show_debrief(finished)
    click(app, find_button(app, "Handout and charts"))
    result = scene.last_export
    assert result is not None
    assert result.folder.parent == tmp_path / "debriefs"
    assert result.folder.name.startswith("mini-")
    names = sorted(f.name for f in result.folder.iterdir())
    assert names == ["charts.png", "criteria.csv", "debrief.md"]
    md = (result.folder / "debrief.md").read_text(encoding="utf-8")
    cards = {c.id: c for c in finished.world.rules.cards}
    for cid in finished.world.lessons:
        assert text(cards[cid].lesson) in md
    picture = pygame.image.load(str(result.folder / "charts.png"))
    assert picture.get_size() == (1600, 1200)
    assert str(result.folder) in scene.status and scene.status_ok
    key(app, pygame.K_e)  # the key again: no second copy, it says where the first one is
    assert scene.last_export == result
    assert list((tmp_path / "debriefs").iterdir()) == [result.folder]
    assert str(result.folder) in scene.status and scene.status_ok


def test_debrief_export_failure_is_said_not_raised(
    finished: LocalMatch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(paths, "user_data_dir", lambda: blocker)
    app, scene = show_debrief(finished)
    key(app, pygame.K_e)
    assert scene.last_export is None and not scene.status_ok
    assert "Could not write the debrief" in scene.status


def test_main_menu_button(finished: LocalMatch, monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeMenu(Scene):
        def __init__(self, app: App) -> None:
            super().__init__(app)

    module = types.ModuleType("game.ui.scenes.menu")
    module.MainMenu = FakeMenu  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "game.ui.scenes.menu", module)
    app, _ = show_debrief(finished)
    click(app, find_button(app, "Main menu"))
    assert isinstance(app.scene, FakeMenu)


@pytest.mark.parametrize("scale", [100, 150, 200])
def test_debrief_fits_the_screen_at_every_scale(finished: LocalMatch, scale: int) -> None:
    app, scene = show_debrief(finished, ui_scale=scale)
    screen = app.screen.get_rect()
    for tab in scene.tabs:
        scene.select(tab)
        frames(app)
        assert_inside_screen(app)
        for chart in scene.charts.values():
            assert screen.contains(chart.rect)
            assert chart.plot_rect().height >= app.s(80)
        for img, pos in scene._texts:
            assert screen.contains(pygame.Rect(pos, img.get_size()))
    if scale == 200:
        assert set(scene.tabs) == {"criteria", "path", "scores", "decisions", "lessons"}


def test_debrief_in_spanish(finished: LocalMatch) -> None:
    app, scene = show_debrief(finished, language="es")
    assert find_button(app, "Hoja y gráficos")
    assert find_button(app, "Menú principal")
    assert "Cada puntuación" in scene.plain_text("scores")
    assert scene.charts["criteria"].series[0].label == "Paz"


# ---- the chart widget ----------------------------------------------------------------------


def test_line_chart_geometry_and_single_point() -> None:
    pygame.font.init()
    style = ChartStyle(
        background=(0, 0, 0),
        plot=(10, 10, 10),
        grid=(40, 40, 40),
        axis=(80, 80, 80),
        text=(255, 255, 255),
        muted=(150, 150, 150),
        accent=(255, 200, 0),
        readout=(0, 0, 0),
        readout_border=(200, 200, 200),
    )
    chart = LineChart(
        rect=pygame.Rect(0, 0, 400, 300),
        x_values=[0, 1, 2, 3],
        series=[Series("a", (255, 0, 0), [0, 50, 100, 25])],
        style=style,
        title="t",
        x_label="Turn",
    )
    p = chart.plot_rect()
    pts = chart.points(0)
    assert pts[0] == (p.x, p.bottom)
    assert pts[2] == pytest.approx((p.x + p.width * 2 / 3, p.y))
    assert pts[3][0] == p.right
    assert chart.hover_index((round(pts[1][0]), p.centery)) == 1
    assert chart.hover_index((0, 0)) is None
    surface = pygame.Surface((400, 300))
    chart.draw(surface, (round(pts[3][0]), p.centery))
    one = LineChart(pygame.Rect(0, 0, 200, 150), [0], [Series("a", (0, 0, 255), [40])], style)
    one.draw(surface, one.plot_rect().center)
    assert one.point_count == 1 and one.hover_index(one.plot_rect().center) == 0


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "The match is over for Ostrava: it has ceased to exist"),
        ("es", "La partida ha terminado para Ostrava: ha dejado de existir"),
    ],
)
def test_a_player_whose_state_falls_is_told_so_and_watches_on(lang: str, words: str) -> None:
    """Ostrava, played by the only person at the machine, falls to Karsk in its first turns:
    the report of the turn it falls says its match is over and what comes next, and the next
    screen is the public view (the AI plays on), not a silent switch."""
    sandbox = sandbox_offering_ostrava()
    levels = {a.id: "normal" for a in sandbox.actors if a.id != "ostrava"}  # as New match sets
    local = LocalMatch.start(sandbox, ["ostrava"], seed=1, levels=levels)
    app = make_app(language=lang)
    flow.start(app, local)
    seen: list[str] = []
    for _ in range(12):  # ending turns with nothing played, until Ostrava is gone
        scene = app.scene
        if isinstance(scene, ReportScene):
            frames(app)
            seen.append(scene.header_text)
            if "ostrava" not in local.world.actors:
                break
            key(app, pygame.K_RETURN)
        else:
            assert getattr(scene, "seat", None) == "ostrava", type(scene)
            scene.end_turn(confirmed=True)
    assert "ostrava" not in local.world.actors, "Ostrava still stands: pick a seed it falls on"
    assert words in seen[-1], seen[-1]
    assert all(words not in h for h in seen[:-1])  # said in the turn it falls, not before
    key(app, pygame.K_RETURN)
    frames(app)
    assert getattr(app.scene, "seat", "no seat attribute") is None  # the public view: AI plays
