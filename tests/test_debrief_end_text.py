"""How the debrief says a match ended: one full stop, whatever the ending's own text ends with
(a Spanish player saw "…la paz de la región se ha recompuesto.." after a whole match)."""

from __future__ import annotations

import pytest

from game.engine import resolve
from game.engine.world import World
from game.report.debrief import end_text
from game.ui.i18n import set_language


def _ended(world: World, en: str, es: str) -> World:
    w = world.clone()
    w.ended, w.end_reason, w.end_texts = True, en, {"en": en, "es": es}
    return w


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_ending_with_its_own_full_stop_gets_one(mini_world: World, lang: str) -> None:
    w = _ended(
        mini_world, "Peace restored: the region has mended.", "Paz restablecida: se ha recompuesto."
    )
    set_language(lang)
    try:
        said = end_text(w)
    finally:
        set_language("en")
    assert said.endswith(("mended.", "recompuesto.")), said
    assert ".." not in said, said


def test_an_ending_without_a_full_stop_and_one_that_asks(mini_world: World) -> None:
    plain = end_text(_ended(mini_world, "Collapse", "Colapso"))
    assert plain.endswith(": Collapse."), plain
    asked = end_text(_ended(mini_world, "Was it worth it?", "¿Valió la pena?"))
    assert asked.endswith("worth it?"), asked


@pytest.mark.parametrize(
    ("lang", "played", "said"),
    [
        ("en", 0, "The match goes on: 0 of its 3 turns played."),
        ("en", 1, "The match goes on: 1 of its 3 turns played."),
        ("es", 0, "La partida sigue: se han jugado 0 de sus 3 turnos."),
        ("es", 1, "La partida sigue: se ha jugado 1 de sus 3 turnos."),
    ],
)
def test_a_match_in_progress_says_how_many_turns_were_played(
    mini_world: World, lang: str, played: int, said: str
) -> None:
    """A class debrief written before the first turn was done read "La partida va por el turno
    0 de 24": there is no turn 0, and the turn in progress was the first."""
    w = mini_world
    for _ in range(played):
        w, _ = resolve(w, [])
    set_language(lang)  # (the autouse fixture puts English back)
    text = end_text(w)
    assert text == said.replace(" 3 ", f" {w.last_turn} "), text
