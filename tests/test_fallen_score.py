"""A state that falls leaves the map but not the debrief: its seat is still scored (its mission's
values on the world the match leaves; a state that is gone meets none of its goals, not even one
about the world that holds at the end) and listed with the others, saying when it fell, in the
debrief, the class's page and `continuum play`, in English and Spanish. A save keeps the record,
and a save that contradicts itself is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError
from test_engine_rules import (
    build,
    mini_data,
    order,
    strong_neighbour_not_hegemon,
)
from uikit import frames, make_app

from game.engine import World, advance, resolve
from game.engine.model import Arrangement
from game.engine.scoring import goal_statuses, score, scores
from game.engine.view import view
from game.net.journal import Journal, read_journal
from game.report.class_debrief import ClassMatch, debrief_html
from game.report.debrief import debrief_markdown, score_rows
from game.session.local import LocalMatch
from game.ui import i18n
from game.ui.scenes.debrief import DebriefScene

NO_GLOBAL_STATE = {
    "text": "No global state",
    "points": 20,
    "when": [
        {"type": "not", "condition": {"type": "arrangement", "arrangements": ["global_state"]}}
    ],
}


def castria_fallen() -> World:
    """mini.json: Arcadia (army 90) takes Castria's (army 5) last region on turn 2. Castria's
    mission gains a goal about the world that holds whatever becomes of Castria (no global
    state)."""
    data = mini_data()
    strong_neighbour_not_hegemon(data)
    castria = next(m for m in data["missions"] if m["actor"] == "castria")
    castria["goals"].append(NO_GLOBAL_STATE)
    world, _ = resolve(build(data), [order("arcadia", "attack", "castria")])
    after, _ = resolve(world, [])
    assert "castria" not in after.actors
    return after


def test_a_fallen_state_is_recorded_and_scored_on_the_world_the_match_leaves() -> None:
    fallen = castria_fallen()
    assert fallen.fallen["castria"].turn == 2
    assert fallen.fallen["castria"].name == "Castria"
    s = score(fallen, "castria")
    assert s.fell == 2
    # "sovereignty above 80" and "no global state", which the world is not: gone, it met none
    assert fallen.arrangement != Arrangement.GLOBAL_STATE
    assert len(s.goals) >= 2 and {g.status for g in s.goals} == {"failed"}
    assert s.total == s.criteria
    shown = goal_statuses(view(fallen, "castria"), "castria")
    world_goal = next(g for g in shown if g.text == "No global state")
    assert not any(g.holds for g in shown)
    assert world_goal.status == "failed"  # it held at the start: lost with the state
    later = fallen
    for _ in range(4):
        later = advance(later, [order("arcadia", "reform")])
    assert later.fallen == fallen.fallen
    again = score(later, "castria")
    assert again.fell == 2
    assert again.criteria != s.criteria  # the world moved on, and its seat is judged on it
    assert scores(later)["castria"] == again
    assert list(scores(later))[-1] == "castria"  # after the actors on the map
    assert score(later, "arcadia").fell is None


def test_a_state_on_the_map_is_scored_as_before() -> None:
    world, _ = resolve(build(mini_data()), [])
    assert world.fallen == {}
    assert all(s.fell is None for s in scores(world).values())
    assert set(scores(world)) == set(world.actors)


def test_the_record_survives_a_save_and_every_seats_view() -> None:
    fallen = castria_fallen()
    again = World.model_validate_json(fallen.model_dump_json())
    assert again.fallen == fallen.fallen
    assert score(again, "castria") == score(fallen, "castria")
    for seat in (None, "arcadia", "castria"):
        assert view(fallen, seat).fallen == fallen.fallen
    # a save from before the record loads, and lists only the states on the map
    old = json.loads(fallen.model_dump_json())
    del old["fallen"]
    before = World.model_validate(old)
    assert before.fallen == {} and "castria" not in scores(before)


def test_a_save_whose_fallen_state_stands_or_falls_in_the_future_is_refused() -> None:
    fallen = castria_fallen()
    data = json.loads(fallen.model_dump_json())
    standing = json.loads(json.dumps(data))
    standing["fallen"]["arcadia"] = {"turn": 1, "name": "Arcadia"}
    with pytest.raises(ValidationError, match="fallen: 'arcadia' is still on the map"):
        World.model_validate(standing)
    future = json.loads(json.dumps(data))
    future["fallen"]["castria"]["turn"] = 99
    with pytest.raises(ValidationError, match="fell on turn 99"):
        World.model_validate(future)


@pytest.mark.parametrize(
    ("lang", "note", "short"),
    [
        ("en", "Fell on turn 2. Its mission still weighs", "Castria (player) (fell on turn 2)"),
        ("es", "Cayó en el turno 2. Su misión sigue pesando", "(cayó en el turno 2)"),
    ],
)
def test_the_debrief_lists_the_fallen_seat_and_says_when_it_fell(
    lang: str, note: str, short: str
) -> None:
    local = LocalMatch.resume(castria_fallen(), humans=["castria"])
    while not local.world.ended:
        local.resolve()
    world = local.world
    rows = {r.actor: r for r in score_rows(world)}
    assert rows["castria"].fell == 2
    assert rows["castria"].total == score(world, "castria").total
    try:
        i18n.set_language(lang)
        markdown = debrief_markdown(world, local.reports, humans=["castria"])
        app = make_app(language=lang)
        scene = DebriefScene(app, local)
        app.push(scene)
        frames(app)
        shown = scene.plain_text("scores")
    finally:
        i18n.set_language("en")
    assert short in markdown
    assert note in markdown
    assert note in shown
    player = "player" if lang == "en" else "jugador"
    heading = next(line for line in shown.splitlines() if "Castria" in line)
    assert f"({player})" in heading  # resumed after its fall, the seat is still its player's


def test_the_class_page_lists_the_students_fallen_seat(tmp_path: Path) -> None:
    """A class's journal: Ana's Castria falls to Ben's Arcadia on turn 2; the class page's table
    of scores still has Ana's seat, marked as played by people and as fallen."""
    data = mini_data()
    strong_neighbour_not_hegemon(data)
    data["turns"] = 4
    world = build(data)
    match = LocalMatch.resume(world, humans=["arcadia", "castria"])
    path = tmp_path / "class.continuum-journal"
    kept = Journal.create(path, match.world, {"ANA1": "castria", "BEN2": "arcadia"}, "tok", "T")
    kept.claim("castria", 1)
    kept.claim("arcadia", 1)
    while not match.ended:
        turn = match.world.turn
        if turn == 1:
            match.add(order("arcadia", "attack", "castria"))
        for seat in match.seats:
            kept.submitted(turn, seat, match.draft(seat), seat.title())
        humans = list(match.seats)
        report = match.resolve()
        kept.commit_turn(match.match.log[-1], report, match.world, humans)
    kept.close()
    assert match.world.fallen["castria"].turn == 2
    page = debrief_html(ClassMatch.from_journal(read_journal(path)))
    row = next(r for r in page.split("<tr>") if "Castria" in r and "fell on turn 2" in r)
    assert "(player)" in row
