"""How the debrief says a match ended: one full stop, whatever the ending's own text ends with
(a Spanish player saw "…la paz de la región se ha recompuesto.." after a whole match)."""

from __future__ import annotations

import pytest

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
