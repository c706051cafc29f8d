"""A new match, or another save opened, takes the autosave's place: the match Continue would
have opened is first kept as a save of its own (asked, in a dialog that says where), so a player
who starts something else never loses a match in progress. A real window (SDL's dummy driver),
real files in the test's own folders."""

from __future__ import annotations

from pathlib import Path

import pygame
from uikit import click, find_button, frames, key, make_app

from game.content import find_scenario, load_scenario
from game.session.local import LocalMatch
from game.session.saves import load_match
from game.ui.scenes.load import LoadScene
from game.ui.scenes.new_match import NewMatchScene


def in_progress(saves: Path, turns: int = 1) -> LocalMatch:
    """A kosovo match kept in the autosave, ``turns`` turns played (as New match leaves it)."""
    kosovo = load_scenario(find_scenario("kosovo"))
    match = LocalMatch.start(kosovo, ["servia"], seed=3, autosave=saves / "autosave.json")
    for _ in range(turns):
        match.submit("servia")
    return match


def new_match_started(app) -> NewMatchScene:
    scene = NewMatchScene(app)
    app.push(scene)
    frames(app)
    scene._select([e.id for e in scene.entries].index("rwanda"))
    frames(app)
    scene.start()
    frames(app)
    return scene


def test_a_new_match_keeps_the_match_in_progress_as_a_save(sandbox: Path, started) -> None:
    saves = sandbox / "data" / "saves"
    old = in_progress(saves, turns=2)
    app = make_app(language="es")
    scene = new_match_started(app)
    assert not started  # not yet: the dialog asks first, and says what becomes of the old one
    assert scene.modal is not None
    assert "Turno 3 de 24" in scene.modal.text and "Cargar" in scene.modal.text
    click(app, find_button(app, "Guardarla y empezar"))
    frames(app)
    assert len(started) == 1 and started[0].world.scenario == "rwanda"
    kept = load_match(saves / "kosovo-turn3.json")  # the old match, whole, where Load finds it
    assert kept.world.digest() == old.world.digest()
    assert len(kept.record.reports) == 2  # with its turns' reports: its debrief is whole
    assert load_match(saves / "autosave.json").world.scenario == "rwanda"


def test_going_back_from_the_dialog_changes_nothing(sandbox: Path, started) -> None:
    saves = sandbox / "data" / "saves"
    in_progress(saves)
    before = (saves / "autosave.json").read_bytes()
    app = make_app()
    scene = new_match_started(app)
    key(app, pygame.K_ESCAPE)  # the dialog's Back
    frames(app)
    assert scene.modal is None and not started
    assert (saves / "autosave.json").read_bytes() == before
    assert sorted(p.name for p in saves.iterdir()) == ["autosave.json"]


def test_a_save_of_the_players_own_is_never_written_over(sandbox: Path, started) -> None:
    saves = sandbox / "data" / "saves"
    in_progress(saves)
    (saves / "kosovo-turn2.json").write_text("the player's own file")
    app = make_app()
    new_match_started(app)
    click(app, find_button(app, "Keep it and start"))
    frames(app)
    assert (saves / "kosovo-turn2.json").read_text() == "the player's own file"
    assert load_match(saves / "kosovo-turn2-2.json").world.turn == 2
    assert len(started) == 1


def test_opening_another_save_keeps_the_match_in_progress(sandbox: Path, started) -> None:
    saves = sandbox / "data" / "saves"
    kosovo = load_scenario(find_scenario("kosovo"))
    LocalMatch.start(kosovo, ["servia"], seed=9).save(saves / "early.json")
    old = in_progress(saves, turns=3)
    app = make_app()
    scene = LoadScene(app)
    app.push(scene)
    frames(app)
    scene.open(saves / "early.json")
    frames(app)
    scene.resume()
    frames(app)
    assert not started and scene.modal is not None
    click(app, find_button(app, "Keep it and open"))
    frames(app)
    assert len(started) == 1 and started[0].world.turn == 1
    assert load_match(saves / "kosovo-turn4.json").world.digest() == old.world.digest()


def test_continue_and_a_first_match_ask_nothing(sandbox: Path, started) -> None:
    saves = sandbox / "data" / "saves"
    app = make_app()
    scene = new_match_started(app)  # nothing in progress: it starts at once
    assert scene.modal is None and len(started) == 1
    # the autosave itself, opened (as Continue does), is the match in progress: nothing to keep
    in_progress(saves)
    load = LoadScene(app, open_path=saves / "autosave.json")
    app.push(load)
    frames(app, 4)
    if load.loaded is not None:
        load.resume()
        frames(app)
    assert load.modal is None and len(started) == 2
    assert sorted(p.name for p in saves.iterdir()) == ["autosave.json"]


def test_a_match_not_yet_past_its_first_turn_is_not_kept(sandbox: Path, started) -> None:
    saves = sandbox / "data" / "saves"
    in_progress(saves, turns=0)  # opened, nothing played: New match gives it again
    app = make_app()
    scene = new_match_started(app)
    assert scene.modal is None and len(started) == 1
    assert sorted(p.name for p in saves.iterdir()) == ["autosave.json"]


def test_opening_a_save_of_the_match_in_progress_asks_nothing(sandbox: Path, started) -> None:
    """Saved from the match screen, then opened from Load: the autosave holds the same match
    at the same turn, and nothing would be lost."""
    saves = sandbox / "data" / "saves"
    in_progress(saves, turns=2).save(saves / "kosovo-turn3.json")
    app = make_app()
    load = LoadScene(app)
    app.push(load)
    frames(app)
    load.open(saves / "kosovo-turn3.json")
    load.resume()
    frames(app)
    assert load.modal is None and len(started) == 1
    assert sorted(p.name for p in saves.iterdir()) == ["autosave.json", "kosovo-turn3.json"]


def test_the_dialog_fits_its_words_at_200_percent_in_spanish(sandbox: Path, started) -> None:
    """Its main button is set in bold, larger type: it is as wide as that type needs, with the
    margin every button keeps (it was measured in the plain type: the words met its edges)."""
    saves = sandbox / "data" / "saves"
    in_progress(saves)
    app = make_app(size=(2560, 1440), ui_scale=200, language="es")
    scene = new_match_started(app)
    button = find_button(app, "Guardarla y empezar")
    assert button.font.size(button.text)[0] + app.s(24) <= button.rect.width
    assert scene.modal is not None and scene.modal.panel.rect.contains(button.rect)
