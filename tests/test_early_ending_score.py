"""A match that a scenario's ending closes early counts its criteria where the world's
structure would carry them by the last turn: a seat whose play ends the crisis sooner is not
scored on criteria the structure had not yet pulled up (pandemic's "contained" at turn 9 of 14
scored idle seats above those that contained it). The debrief says so, in both languages."""

from __future__ import annotations

import pytest

from game.engine import advance
from game.engine.model import CRITERIA
from game.engine.scoring import counted_criteria, mission_of, score, turns_left
from game.engine.structure import targets_of
from game.engine.world import World
from game.report.debrief import debrief_markdown, scores_note
from game.ui.i18n import set_language


def _played(world: World, turns: int) -> World:
    w = world
    for _ in range(turns):
        w = advance(w, [])
    return w


def _ended_early(world: World) -> World:
    """The world as a scenario's ending leaves it (the engine's own endings set ``end_key``)."""
    w = world.clone()
    w.ended, w.end_reason = True, "Peace has collapsed across the region."
    w.end_key = None
    return w


def _weighted(world: World, actor: str, criteria: dict[str, float]) -> float:
    m = mission_of(world, actor)
    weights = {c.value: m.weights.get(c, 0.0) for c in CRITERIA}
    return sum(criteria[c] * x for c, x in weights.items()) / (sum(weights.values()) or 1.0)


def test_an_early_ending_counts_each_criterion_between_now_and_its_structural_level(
    mini_world: World,
) -> None:
    w = _ended_early(_played(mini_world, 2))
    left = w.last_turn - w.turn
    assert turns_left(w) == left > 0
    counted, targets = counted_criteria(w), targets_of(w)
    moved = 0
    for c in CRITERIA:
        now, target, x = w.criteria.get(c.value), targets[c.value], counted[c.value]
        assert min(now, target) - 1e-9 <= x <= max(now, target) + 1e-9, c
        if abs(target - now) > 1:
            moved += 1
            assert abs(x - target) < abs(now - target), c  # nearer its level than it stood
    assert moved >= 1  # the world is away from its structural levels: the test can tell
    for actor in w.actors:
        s = score(w, actor)
        assert s.turns_left == left
        assert s.criteria == pytest.approx(_weighted(w, actor, counted), abs=0.01)


def test_a_running_match_and_one_played_to_its_last_turn_count_the_criteria_as_they_stand(
    mini_world: World,
) -> None:
    running = _played(mini_world, 2)
    assert not running.ended and turns_left(running) == 0
    last = running.clone()
    last.turn = last.last_turn
    last.ended, last.end_key = True, "end.last_turn"
    for w in (running, last):
        now = {c.value: w.criteria.get(c.value) for c in CRITERIA}
        assert counted_criteria(w) == now
        for actor in w.actors:
            assert score(w, actor).criteria == pytest.approx(_weighted(w, actor, now), abs=0.01)
            assert score(w, actor).turns_left == 0
    assert scores_note(running) is None and scores_note(last) is None


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "ended at turn 3 of 12"), ("es", "terminó en el turno 3 de 12")]
)
def test_the_debrief_says_how_an_early_ending_is_counted(
    mini_world: World, lang: str, words: str
) -> None:
    w = _ended_early(_played(mini_world, 2))
    set_language(lang)
    try:
        note = scores_note(w)
        md = debrief_markdown(w, [], lang=lang, charts=None)
    finally:
        set_language("en")
    assert note is not None and words in note, note
    # each criterion as it stood and as counted
    pairs = ("Peace", "Justice", "Pluralism", "Freedom") if lang == "en" else ("Paz", "Justicia")
    for name in pairs:
        assert (f"{name} " if lang == "en" else f"{name} de ") in note, name
    assert note.count(" to " if lang == "en" else " a ") >= 4
    assert note in md
