"""The keys on New match, Load's seat step and the debrief, pressed as a player would (real
pygame key events) at 200 % in Spanish and at 100 % in English: the Ctrl+S hint always shows,
Resume is one Shift+Tab from the seats, arrows switch the debrief's parts, Enter on the New
match tab strip goes into the open tab, and Enter twice on Export writes one copy."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from matches import finished_match
from uikit import frames, key, make_app

from game.content import load_scenario
from game.session.local import LocalMatch
from game.ui.i18n import t
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.load import LoadScene
from game.ui.scenes.new_match import NewMatchScene

ROOT = Path(__file__).resolve().parent.parent
CASES = [(200, "es"), (100, "en")]


def ctrl_s(app) -> None:
    key(app, pygame.K_s, pygame.KMOD_CTRL, "s")


def shown(scene) -> list[tuple[tuple[str, ...], str]]:
    return [(tuple(keys), what) for keys, what in scene.shown_hints()]


@pytest.mark.parametrize(("scale", "lang"), CASES)
def test_new_match_always_shows_ctrl_s_start_and_it_starts(
    sandbox: Path, started: list[LocalMatch], scale: int, lang: str
) -> None:
    app = make_app(ui_scale=scale, language=lang)
    scene = NewMatchScene(app)
    app.push(scene)
    frames(app)
    assert (("Ctrl", "S"), t("menu.new.start")) in shown(scene)
    if scale == 100:  # with room, the usual keys too
        assert len(shown(scene)) == 3
    ctrl_s(app)
    assert len(started) == 1


@pytest.mark.parametrize("lang", ["es", "en"])  # at 100 % there is no strip: room for both
def test_enter_on_the_tab_strip_goes_into_the_open_tab(sandbox: Path, lang: str) -> None:
    app = make_app(ui_scale=200, language=lang)
    scene = NewMatchScene(app)
    app.push(scene)
    frames(app)
    assert scene.tabbed
    key(app, pygame.K_TAB)  # the list, then the strip
    strip = scene.focus
    assert scene.focused.arrows is not None
    key(app, pygame.K_RIGHT)
    assert scene.tab == "seats" and scene.picker is not None
    key(app, pygame.K_RETURN)
    assert scene.tab == "seats"  # was: back to the briefing
    assert scene.focus == strip + 1  # on the first seat
    first = scene.picker.seats[0].id
    before = scene.picker.is_human(0)
    key(app, pygame.K_RETURN)  # Enter on a seat toggles it
    assert scene.picker.is_human(0) != before, first
    key(app, pygame.K_LEFT)
    assert scene.tab == "seats"  # Left on a seat toggles it, it does not leave the tab


def test_enter_on_the_strip_when_the_briefing_is_open_stays_there(sandbox: Path) -> None:
    app = make_app(ui_scale=200, language="es")
    scene = NewMatchScene(app)
    app.push(scene)
    frames(app)
    assert scene.tabbed
    key(app, pygame.K_TAB)
    key(app, pygame.K_RETURN)
    assert scene.tab == "brief"


def loaded_seat_step(sandbox: Path, scale: int, lang: str):
    local = LocalMatch.start(load_scenario(ROOT / "scenarios" / "kosovo.json"), [], seed=3)
    local.save(sandbox / "data" / "saves" / "nobody.json")  # no humans: the seats are asked
    app = make_app(ui_scale=scale, language=lang)
    scene = LoadScene(app)
    app.push(scene)
    frames(app)
    key(app, pygame.K_RETURN)  # Enter on the list loads the save
    assert scene.loaded is not None and scene.picker is not None
    return app, scene


@pytest.mark.parametrize(("scale", "lang"), CASES)
def test_load_seat_step_shows_ctrl_s_and_resume_is_one_shift_tab_away(
    sandbox: Path, started: list[LocalMatch], scale: int, lang: str
) -> None:
    app, scene = loaded_seat_step(sandbox, scale, lang)
    assert (("Ctrl", "S"), t("menu.load.resume")) in shown(scene)
    assert scene.focused.arrows is not None  # the focus starts on the first seat
    key(app, pygame.K_TAB, pygame.KMOD_SHIFT)
    assert scene.focused.element is not None
    assert scene.focused.element.text == t("menu.load.resume")
    key(app, pygame.K_RETURN)
    assert len(started) == 1


@pytest.mark.parametrize(("scale", "lang"), CASES)
def test_load_seat_step_resumes_on_ctrl_s(
    sandbox: Path, started: list[LocalMatch], scale: int, lang: str
) -> None:
    app, _scene = loaded_seat_step(sandbox, scale, lang)
    ctrl_s(app)
    assert len(started) == 1


def debrief(scale: int, lang: str):
    app = make_app(ui_scale=scale, language=lang)
    scene = DebriefScene(app, finished_match())
    app.push(scene)
    frames(app)
    return app, scene


@pytest.mark.parametrize(("scale", "lang"), CASES)
def test_arrows_switch_the_debrief_parts(sandbox: Path, scale: int, lang: str) -> None:
    app, scene = debrief(scale, lang)
    tabs = scene.tabs
    first = scene.tab
    i = tabs.index(first)
    key(app, pygame.K_RIGHT)
    assert scene.tab == tabs[i + 1]
    key(app, pygame.K_LEFT)
    assert scene.tab == first
    for _ in range(len(tabs) + 2):  # it stops at the last part
        key(app, pygame.K_RIGHT)
    assert scene.tab == tabs[-1]
    for _ in range(len(tabs) + 2):
        key(app, pygame.K_LEFT)
    assert scene.tab == tabs[0]


def test_a_focused_tab_button_follows_the_arrows(sandbox: Path) -> None:
    app, scene = debrief(200, "es")
    key(app, pygame.K_TAB)
    assert scene.focus.focused is scene.tab_buttons[scene.tabs[0]]
    key(app, pygame.K_RIGHT)
    assert scene.focus.focused is scene.tab_buttons[scene.tabs[1]]


@pytest.mark.parametrize(("scale", "lang"), CASES)
def test_enter_twice_on_export_writes_one_copy_and_says_where(
    sandbox: Path, scale: int, lang: str
) -> None:
    app, scene = debrief(scale, lang)
    for _ in range(len(scene.tabs) + 2):  # Tab round to the Export button
        key(app, pygame.K_TAB)
    assert scene.focus.focused is scene.export_button
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_e)
    folders = list((sandbox / "data" / "debriefs").iterdir())
    assert len(folders) == 1
    assert str(folders[0]) in scene.status
    assert scene.status == t("debrief.export_again", folder=str(folders[0]))
    # the folder removed since: Export writes it afresh rather than pointing at nothing
    for f in folders[0].iterdir():
        f.unlink()
    folders[0].rmdir()
    key(app, pygame.K_RETURN)
    again = list((sandbox / "data" / "debriefs").iterdir())
    assert len(again) == 1 and (again[0] / "debrief.md").is_file()
