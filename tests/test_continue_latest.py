"""The main menu's Continue brings back the match last opened, even before its first turn ends:
a new match or a loaded save is kept in the autosave as soon as it is open."""

from __future__ import annotations

from pathlib import Path

import pytest
from matches import sandbox_offering_ostrava
from uikit import frames, make_app

import game.paths
from game.content import find_scenario, load_scenario
from game.session.local import LocalMatch
from game.session.saves import load_match
from game.ui import i18n
from game.ui import settings as ui_settings
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.menu import MainMenu


@pytest.fixture
def saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setattr(game.paths, "user_data_dir", lambda: data)
    monkeypatch.setattr(game.paths, "saves_dir", lambda: data / "saves")
    monkeypatch.setattr(ui_settings, "settings_path", lambda: tmp_path / "settings.json")
    (data / "saves").mkdir(parents=True)
    yield data / "saves"
    i18n.set_language("en")


def continued(saves: Path) -> LocalMatch:
    app = make_app()
    app.push(MainMenu(app))
    frames(app)
    app.scene.resume()  # the menu's Continue
    frames(app)
    return app.scene.session


def test_continue_resumes_a_new_match_before_its_first_turn_ends(saves: Path) -> None:
    kosovo = load_scenario(find_scenario("kosovo"))
    rwanda = load_scenario(find_scenario("rwanda"))
    old = LocalMatch.start(kosovo, ["servia"], seed=3, autosave=saves / "autosave.json")
    old.submit("servia")  # the old match has an autosave of its turn 2
    LocalMatch.start(rwanda, [rwanda.actors[0].id], seed=5, autosave=saves / "autosave.json")
    local = continued(saves)
    assert local.world.scenario == rwanda.id and local.world.turn == 1


def test_continue_resumes_a_loaded_save_before_a_turn_ends(saves: Path) -> None:
    kosovo = load_scenario(find_scenario("kosovo"))
    early = LocalMatch.start(kosovo, ["servia"], seed=3)
    early.save(saves / "early.json")
    later = LocalMatch.start(kosovo, ["servia"], seed=3, autosave=saves / "autosave.json")
    for _ in range(3):
        later.submit("servia")
    loaded = load_match(saves / "early.json")
    LocalMatch.resume(
        loaded.world, ["servia"], autosave=saves / "autosave.json", record=loaded.record
    )
    assert continued(saves).world.turn == 1


def test_continue_keeps_the_player_of_a_seat_that_fell(saves: Path) -> None:
    """The sandbox as Ostrava, which Karsk takes by turn 2 in every match: played to its end,
    then brought back by Continue, the debrief still names Ostrava's row as the player's."""
    sandbox = sandbox_offering_ostrava()
    local = LocalMatch.start(
        sandbox, ["ostrava"], seed=3, autosave=saves / "autosave.json",
        levels=dict.fromkeys(sandbox.seats, "easy"),
    )  # fmt: skip
    while not local.world.ended:
        if local.current_seat():
            local.submit(local.current_seat())
        else:
            local.resolve()
    assert "ostrava" in local.world.fallen
    session = continued(saves)
    assert "ostrava" in session.humans and session.world.ended
    app = make_app()
    scene = DebriefScene(app, session)
    app.push(scene)
    frames(app)
    heading = next(line for line in scene.plain_text("scores").splitlines() if "Ostrava" in line)
    assert "(player)" in heading
