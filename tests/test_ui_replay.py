"""Watch a replay (game/ui/scenes/replay.py) in a real window (SDL's dummy driver): a replay
written by ``continuum debrief`` from a real journal, picked from the main menu, played back
turn by turn to its end (keys, buttons and the slider; the public view and a seat's), then the
debrief; a corrupt or foreign file is refused in one line, from the menu and from
``continuum replay``."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.content import load_scenario
from game.engine import view
from game.net.journal import Journal
from game.net.protocol import ChatMessage
from game.report.replay import load_replay
from game.session.local import LocalMatch
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.menu import MainMenu
from game.ui.scenes.open_file import OpenFileScene
from game.ui.scenes.replay import ReplayScene
from tests.host_thread import MINI
from tests.uikit import click, frames, from_menu, key, make_app

pytestmark = pytest.mark.slow  # opens a window


def class_journal(tmp_path: Path, turns: int = 4) -> Path:
    """A finished class match of mini (castria played by people), kept in a journal."""
    scenario = load_scenario(MINI).model_copy(update={"turns": turns})
    match = LocalMatch.start(scenario, ["castria"], seed=3)
    path = tmp_path / "class.continuum-journal"
    kept = Journal.create(path, match.world, {"CODE22": "castria", "CODE33": "un"}, "tok", "T")
    kept.claim("castria", 1)
    kept.message(1, ChatMessage(sender="castria", name="Ana", to="all", text="hello"))
    while not match.ended:
        legal = [o for o in match.legal("castria") if o.action != "choose"]
        match.add(legal[match.world.turn % len(legal)])
        kept.submitted(match.world.turn, "castria", match.draft("castria"), "Ana")
        report = match.resolve()
        kept.commit_turn(match.match.log[-1], report, match.world, ["castria"])
    kept.close()
    return path


@pytest.fixture
def replay_file(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    assert main(["debrief", str(class_journal(tmp_path)), "--out", str(out)]) == 0
    return out / "replay.json"


def pick(app, path: Path) -> None:
    """The open-file screen: go to the file's folder and open it, as Enter on it does."""
    scene = app.scene
    assert isinstance(scene, OpenFileScene)
    scene.go_to(path.parent)
    frames(app)
    scene._select(scene.entries.index(path))
    scene.choose()
    frames(app)


def test_a_replay_is_watched_from_the_menu_to_its_debrief(
    sandbox: Path, replay_file: Path, recwarn: pytest.WarningsRecorder
) -> None:
    replay = load_replay(replay_file)
    app = make_app()
    from_menu(app, "Watch a replay")
    pick(app, replay_file)
    scene = app.scene
    assert isinstance(scene, ReplayScene) and scene.turn == 0
    assert "turn 0 of 4" in scene.header and "Public view" in scene.header
    assert "before turn 1" in scene.text_box.html_text
    assert not scene.buttons["prev"].is_enabled

    # Right steps a turn: the world, the bar and the report are that turn's.
    key(app, pygame.K_RIGHT)
    assert scene.turn == 1 and "turn 1 of 4" in scene.header
    assert scene.map.world.turn == replay.turns[1].world.turn
    shown = scene.text_box.html_text
    assert shown and shown != "" and "before turn 1" not in shown

    # The seat's eyes: castria's report, the header says whose.
    click(app, scene.buttons["seat"])
    assert scene.seat == "castria" and "Castria" in scene.header
    seen = scene.map.world.model_dump()
    assert seen == view(replay.turns[1].world, "castria").model_dump()
    assert seen != view(replay.turns[1].world, None).model_dump()  # castria's secrets are in it

    # Next by the button, then the slider to the end; Left goes back one.
    click(app, scene.buttons["next"])
    assert scene.turn == 2
    scene.slider.set_current_value(4)
    app.frame(1 / 60, events=[pygame.event.Event(pygame.USEREVENT)])
    scene.go(round(scene.slider.get_current_value()))
    assert scene.turn == 4 and not scene.buttons["next"].is_enabled
    key(app, pygame.K_LEFT)
    assert scene.turn == 3
    key(app, pygame.K_END)
    assert scene.turn == 4
    assert replay.turns[4].world.ended

    # The end: the debrief of the whole match.
    click(app, scene.buttons["debrief"])
    assert isinstance(app.scene, DebriefScene)
    assert app.scene.world.turn == replay.turns[-1].world.turn
    assert "castria" in app.scene.session.humans
    # every face the report's and the debrief's markup use was loaded before it was drawn
    unloaded = [str(w.message) for w in recwarn if "not already loaded" in str(w.message)]
    assert unloaded == []


@pytest.mark.parametrize(
    "content, why",
    [
        ('{"format": "continuum-replay", "version": 1, "turns": [', "not JSON"),
        ('{"format": "a-save", "version": 1}', "not a Continuum replay"),
        ('{"format": "continuum-replay", "version": 9}', "replay version 9"),
    ],
)
def test_a_broken_or_foreign_file_is_refused_in_one_line(
    sandbox: Path, tmp_path: Path, content: str, why: str
) -> None:
    bad = tmp_path / "replay.json"
    bad.write_text(content, encoding="utf-8")
    app = make_app()
    from_menu(app, "Watch a replay")
    pick(app, bad)
    menu = app.scene
    assert isinstance(menu, MainMenu) and menu.modal is not None
    said = " ".join(str(getattr(menu.modal, a, "")) for a in ("title", "text"))
    assert "This file cannot be watched" in said and why in said and "Traceback" not in said


def test_a_replay_cut_short_is_refused(sandbox: Path, replay_file: Path, tmp_path: Path) -> None:
    doc = json.loads(replay_file.read_text(encoding="utf-8"))
    doc["turns"][2]["world"]["actors"] = "nobody"
    cut = tmp_path / "cut.json"
    cut.write_text(json.dumps(doc), encoding="utf-8")
    app = make_app()
    from game.ui.scenes.replay import open_replay

    why = open_replay(app, cut)
    assert why is not None and "turn 2 is not valid" in why and str(cut) in why


def test_continuum_replay_refuses_a_broken_file_without_a_window(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "replay.json"
    bad.write_text("not json at all", encoding="utf-8")
    assert main(["replay", str(bad)]) != 0
    err = capsys.readouterr().err
    assert "not a replay" in err and "Traceback" not in err


def test_a_spanish_viewer_reads_the_title_in_spanish_and_a_replay_of_no_turn_says_so(
    sandbox: Path, tmp_path: Path
) -> None:
    """The file keeps the title in English (its own field); the header showed "Repetición: A
    province in flames" in Spanish, and a class exported before its first turn read "cada uno de
    los 0 turnos"."""
    match = LocalMatch.start(load_scenario(MINI), ["castria"], seed=3)
    path = tmp_path / "none.continuum-journal"
    Journal.create(path, match.world, {"CODE22": "castria"}, "tok", "T").close()
    out = tmp_path / "out"
    assert main(["debrief", str(path), "--out", str(out)]) == 0
    app = make_app(language="es")
    scene = ReplayScene(app, load_replay(out / "replay.json"))
    app.push(scene)
    frames(app)
    assert scene.header.startswith("Repetición: Una provincia en llamas · turno 0 de 0")
    assert "aún no había jugado ningún turno" in scene.text_box.html_text
    assert "0 turnos" not in scene.text_box.html_text


def test_a_replay_of_one_turn_says_the_one_turn(sandbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["debrief", str(class_journal(tmp_path, turns=1)), "--out", str(out)]) == 0
    app = make_app()
    scene = ReplayScene(app, load_replay(out / "replay.json"))
    app.push(scene)
    frames(app)
    assert "see the one turn played and its report" in scene.text_box.html_text
