"""Saving from the match screen keeps the whole match, and a failing autosave is said on the
match screen in one line (in both languages) and tried again on the next turn."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

import game.paths
from game.content import load_scenario
from game.engine import Order
from game.session.local import LocalMatch
from game.session.saves import load_match
from game.ui import i18n
from game.ui.app import App
from game.ui.scenes.match import MatchScene
from tests.uikit import frames, make_app

MINI = Path(__file__).parent / "fixtures" / "mini.json"
SEAT = "castria"


@pytest.fixture
def saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "saves"
    monkeypatch.setattr(game.paths, "saves_dir", lambda: folder)
    yield folder
    i18n.set_language("en")


def test_save_from_the_match_screen_keeps_every_turn(saves: Path) -> None:
    local = LocalMatch.start(load_scenario(MINI), [SEAT], seed=1)
    for _ in range(3):
        assert local.submit(SEAT) is not None
    app = make_app()
    scene = MatchScene(app, local, SEAT)
    app.push(scene)
    frames(app)
    scene.save()
    (path,) = saves.glob("*.json")
    saved = load_match(path)
    assert saved.world.digest() == local.world.digest()
    assert [r.turn for r in saved.record.reports] == [1, 2, 3]
    assert saved.record.log == local.match.log and saved.record.humans == [SEAT]


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "autosave failed"), ("es", "guardado automático")]
)
def test_a_failed_autosave_is_said_on_the_match_screen_and_retried(
    tmp_path: Path, lang: str, words: str
) -> None:
    blocker = tmp_path / "blocked"
    auto = blocker / "autosave.json"
    local = LocalMatch.start(load_scenario(MINI), [SEAT], seed=1, autosave=auto)
    assert local.autosave_error is None  # the match is kept from the moment it opens
    # The folder is broken during play: a file stands where the saves folder was.
    auto.unlink()
    blocker.rmdir()
    blocker.write_text("a file where the saves folder should be")
    app = make_app(language=lang, ui_scale=200)
    scene = MatchScene(app, local, SEAT)
    app.push(scene)
    frames(app)
    assert scene.autosave_line() == ""  # nothing has failed yet
    assert local.submit(SEAT) is not None
    assert local.autosave_error
    frames(app)
    line = scene.autosave_line()
    assert words in line.lower() and "\n" not in line
    assert scene.autosave_shown  # drawn, on one line (cut with an ellipsis if it must be)
    # The folder is mended: the next turn saves again and the line goes away.
    blocker.unlink()
    assert local.submit(SEAT) is not None
    assert local.autosave_error is None and load_match(auto).world.turn == local.world.turn
    frames(app)
    assert scene.autosave_line() == ""


def _mid_turn(tmp_path: Path) -> tuple[Path, LocalMatch, list[Order], App, MatchScene]:
    """A match on its match screen with an order and a card's answer drafted, not yet sent."""
    auto = tmp_path / "autosave.json"
    local = LocalMatch.start(load_scenario(MINI), [SEAT], seed=1, autosave=auto)
    order = next(o for o in local.legal(SEAT) if o.action not in ("vote", "choose"))
    answer = next(o for o in local.legal(SEAT) if o.action == "choose")
    for o in (order, answer):
        assert local.add(o) is None
    app = make_app()
    scene = MatchScene(app, local, SEAT)
    app.push(scene)
    frames(app)
    return auto, local, [order, answer], app, scene


def test_quitting_to_the_menu_mid_turn_keeps_the_draft_for_continue(tmp_path: Path) -> None:
    auto, _, drafted, _, scene = _mid_turn(tmp_path)
    scene.quit_to_menu()
    saved = load_match(auto)
    assert saved.record.drafts == {SEAT: drafted}
    resumed = LocalMatch.resume(saved.world, [SEAT], autosave=auto, record=saved.record)
    assert resumed.draft(SEAT) == drafted


def test_closing_the_window_mid_turn_keeps_the_draft_and_the_answers(tmp_path: Path) -> None:
    """The window's close button (or the system ending the program, which SDL turns into the
    same event) once lost every order and card answer drafted that turn: the debrief then said
    the seat had not answered."""
    auto, _, drafted, app, _ = _mid_turn(tmp_path)
    app.frame(events=[pygame.event.Event(pygame.QUIT)])
    assert not app.running
    assert load_match(auto).record.drafts == {SEAT: drafted}
