"""A whole evening with the client, headless, through the real screens and nothing stubbed:
main menu → new match → an action → end turn → the report → the next turn → save → back to
the menu → load → the same match goes on. Every step asserts on the state it produced."""

from __future__ import annotations

from pathlib import Path

import pytest

import game.paths
from game.engine import Order
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.load import LoadScene
from game.ui.scenes.match import MatchScene
from game.ui.scenes.menu import MainMenu
from game.ui.scenes.new_match import NewMatchScene
from game.ui.scenes.report import ReportScene
from tests.uikit import click, click_at, find_button, frames, make_app


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Saves, settings and user scenarios go to a temporary folder, never the real one."""
    monkeypatch.setattr(game.paths, "user_data_dir", lambda: tmp_path)
    monkeypatch.setattr("game.ui.settings.settings_path", lambda: tmp_path / "settings.json")
    return tmp_path


def press(app, scene: MatchScene, button) -> None:
    scene.reveal(button)
    frames(app, 1)
    click(app, button)


def end_turn(app, scene: MatchScene) -> None:
    click(app, find_button(app, "End turn"))
    if scene.modal == "confirm":  # action points left: the game asks first
        click(app, scene.modal_focus[0].element)


def test_menu_new_match_turn_report_save_load(home: Path) -> None:
    app = make_app()
    app.push(MainMenu(app))
    frames(app, 3)

    click(app, find_button(app, "New match"))
    assert isinstance(app.scene, NewMatchScene)
    click(app, find_button(app, "Start"))  # kosovo is first, its first seat (Servia) is human
    scene = app.scene
    assert isinstance(scene, MatchScene) and scene.seat == "servia"
    local = scene.session
    assert local.world.turn == 1 and local.seats == ["servia"]

    repress = Order(actor="servia", action="repress", target="kosovar_albanians")
    grievance = local.world.groups["kosovar_albanians"].grievance
    press(app, scene, scene.action_buttons[repress])
    assert local.draft("servia") == [repress]
    end_turn(app, scene)

    assert isinstance(app.scene, ReportScene)
    report = app.scene.report
    assert report.turn == 1 and local.world.turn == 2
    assert any("repressed the Kosovar Albanians" in c.cause for c in report.changes)
    assert local.world.groups["kosovar_albanians"].grievance > grievance
    autosave = home / "saves" / "autosave.json"
    assert autosave.is_file(), "every turn is autosaved"

    click(app, find_button(app, "Continue"))
    scene = app.scene
    assert isinstance(scene, MatchScene) and scene.session.world.turn == 2

    click(app, find_button(app, "Menu"))
    click(app, find_button(app, "Save"))
    saved = home / "saves" / "kosovo-turn2.json"
    assert saved.is_file()
    digest = local.world.digest()
    click(app, find_button(app, "OK"))  # "Saved to …"
    click(app, find_button(app, "Menu"))
    click(app, find_button(app, "Quit to main menu"))
    assert isinstance(app.scene, MainMenu)

    click(app, find_button(app, "Load"))
    load = app.scene
    assert isinstance(load, LoadScene)
    names = [info.path.name for info in load.saves]
    index = next(i for i, info in enumerate(load.saves) if info.path == saved)
    click_at(app, load.list.item_rect(index).center)
    click(app, find_button(app, "Load"))
    assert load.loaded is not None, names
    click(app, find_button(app, "Resume"))
    scene = app.scene
    assert isinstance(scene, MatchScene)
    assert scene.session.world.digest() == digest
    assert scene.session.world.turn == 2


def test_a_match_played_to_its_end_reaches_the_debrief(home: Path) -> None:
    from game.content import load_scenario
    from game.session.local import LocalMatch
    from game.ui import flow

    scenario = load_scenario(Path(__file__).parent / "fixtures" / "mini.json")
    scenario = scenario.model_copy(update={"turns": 2, "end_conditions": []})
    app = make_app()
    local = LocalMatch.start(scenario, ["castria"], seed=1)
    app.push(MainMenu(app))
    flow.start(app, local)
    for _ in range(2):
        end_turn(app, app.scene)
        assert isinstance(app.scene, ReportScene)
        click(app, app.scene.continue_button)
    assert local.world.ended
    assert isinstance(app.scene, DebriefScene)
