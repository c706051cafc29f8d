"""A seceded group's state (``<group id>_state``) can be named wherever a state can in cards,
goals and endings, before it exists: validate accepts it (a warning when nothing can make that
group secede), and in play the card and the goal act on the new state once it is there."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game.content import Problem, check_scenario, load_scenario
from game.engine import goal_statuses
from game.engine.ops import seceded_id
from game.session.local import LocalMatch
from tests.matches import mini_data


def _check(tmp_path: Path, doc: dict[str, Any]) -> list[Problem]:
    path = tmp_path / "seceding.json"
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return check_scenario(path)[1]


def _card(card_id: str, target: str, trigger: list, effects: list, **more: Any) -> dict:
    return {
        "id": card_id,
        "title": card_id.replace("_", " "),
        "text": "Something happens.",
        "lesson": "Something is learnt.",
        "target": target,
        "trigger": trigger,
        "options": [{"id": "yes", "label": "Yes", "default": True, "effects": effects}],
        **more,
    }


def seceding() -> dict[str, Any]:
    """mini.json with the Highlands let go on turn 1 (by Borealia, no seat: its default holds),
    a card dealt to the new state that names it in every kind of effect, and a goal on it."""
    doc = mini_data()
    doc["cards_per_turn"] = 5
    doc["cards"] += [
        _card(
            "independence",
            "borealia",
            [{"type": "turn", "max": 1}],
            [{"type": "secede", "group": "highlanders"}],
        ),
        _card(
            "recognition",
            "highlanders_state",
            [
                {"type": "exists", "actor": "highlanders_state"},
                {"type": "actor_stat", "actor": "highlanders_state", "stat": "wealth", "max": 50},
            ],
            [
                {
                    "type": "actor_stat",
                    "actor": "highlanders_state",
                    "stat": "wealth",
                    "amount": 25,
                },
                {"type": "membership", "state": "highlanders_state", "of": "union"},
                {"type": "transfer_region", "region": "borealia_coast", "to": "highlanders_state"},
            ],
            once=True,
        ),
    ]
    doc["missions"][0]["goals"].append(
        {
            "text": "A free highland",
            "points": 5,
            "when": [
                {
                    "type": "region_owner",
                    "region": "castria_highlands",
                    "owner": "highlanders_state",
                }
            ],
        }
    )
    return doc


def test_a_seceded_state_is_accepted_in_targets_goals_stats_transfers_and_memberships(
    tmp_path: Path,
) -> None:
    problems = _check(tmp_path, seceding())
    assert [str(p) for p in problems if "highlanders_state" in p.message] == []
    assert not any(p.is_error for p in problems), [str(p) for p in problems]


def test_the_card_and_the_goal_act_on_the_new_state_once_it_exists(tmp_path: Path) -> None:
    path = tmp_path / "seceding.json"
    path.write_text(json.dumps(seceding()), encoding="utf-8")
    match = LocalMatch.start(load_scenario(path), humans=[], seed=2)
    goal = next(g for g in goal_statuses(match.world, "arcadia") if g.text == "A free highland")
    assert not goal.holds and "highlanders_state" not in match.world.actors
    match.resolve()  # turn 1: the Highlands secede
    world = match.world
    new = world.actors["highlanders_state"]
    assert world.regions["castria_highlands"].owner == "highlanders_state"
    assert [h.card for h in world.hand if h.actor == "highlanders_state"] == ["recognition"]
    wealth = new.wealth
    match.resolve()  # turn 2: the card dealt to the new state is played
    world = match.world
    new = world.actors["highlanders_state"]
    assert new.wealth >= wealth + 20  # the actor_stat effect (the rules move it a little too)
    assert "highlanders_state" in world.actors["union"].members
    assert world.regions["borealia_coast"].owner == "highlanders_state"
    goal = next(g for g in goal_statuses(world, "arcadia") if g.text == "A free highland")
    assert goal.holds


def _errors(problems: list[Problem]) -> list[str]:
    return [p.message for p in problems if p.is_error]


def test_exists_on_a_bare_group_asks_for_its_state(tmp_path: Path) -> None:
    doc = seceding()
    doc["cards"][-1]["trigger"][0]["actor"] = "highlanders"
    (message,) = _errors(_check(tmp_path, doc))
    assert message == (
        "'highlanders' is a group, not an actor: did you mean 'highlanders_state'? "
        "(the state that group forms if it secedes)"
    )


def test_a_misspelt_seceded_state_is_unknown_with_a_suggestion(tmp_path: Path) -> None:
    doc = seceding()
    doc["cards"][-1]["options"][0]["effects"][1]["state"] = "highlander_state"
    (message,) = _errors(_check(tmp_path, doc))
    assert message.startswith("unknown state 'highlander_state' (did you mean 'highlanders_state'")


def test_the_world_at_the_start_cannot_name_a_state_that_does_not_exist_yet(
    tmp_path: Path,
) -> None:
    doc = seceding()
    doc["regions"][3]["owner"] = "highlanders_state"
    assert any("highlanders_state" in m for m in _errors(_check(tmp_path, doc)))


def test_a_state_whose_group_can_never_secede_is_a_warning(tmp_path: Path) -> None:
    doc = seceding()
    # The Castrians are Castria's own nation and no card lets them go: they never rebel.
    doc["end_conditions"].append(
        {"id": "split", "text": "Split.", "when": [{"type": "exists", "actor": "castrians_state"}]}
    )
    problems = _check(tmp_path, doc)
    assert not _errors(problems)
    (warning,) = [p for p in problems if "castrians_state" in p.message]
    assert warning.severity == "warning" and warning.path == "end_conditions[1].when[0].actor"
    assert "would form by seceding, but it never can" in warning.message
    assert "nation of 'castria'" in warning.message
    # A card that lets them go makes it possible: no warning.
    doc["cards"][-2]["options"][0]["effects"].append({"type": "secede", "group": "castrians"})
    assert not [p for p in _check(tmp_path, doc) if "castrians_state" in p.message]


@pytest.mark.parametrize("group_id", ["valley_folk", "g" * 42, "g" * 45, "g" * 48])
def test_the_names_validate_knows_are_the_names_the_engine_gives(
    tmp_path: Path, group_id: str
) -> None:
    """However long the group's id, the state a secession makes in play (and a second one's,
    while the first lives on) is a name validate accepts in an ending, with no warning."""
    from game.engine.ops import secede
    from game.engine.report import Ledger

    doc = json.loads(json.dumps(seceding()).replace('"highlanders"', json.dumps(group_id)))
    doc["cards"].pop()  # the card for highlanders_state: its name may not be this group's
    doc["missions"][0]["goals"].pop()
    path = tmp_path / "long.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    match = LocalMatch.start(load_scenario(path), humans=[], seed=2)
    match.resolve()
    world = match.world
    (first,) = [a for a in world.states() if a.nation == group_id]
    # Castria takes the Highlands back while the first new state lives on elsewhere: a second
    # secession makes a state of another name.
    world.regions["castria_highlands"].owner = "castria"
    world.regions["borealia_coast"].owner = first.id
    world.territory_changed()
    second = secede(world, Ledger(world), world.groups[group_id], "test")
    assert second is not None and second.id != first.id
    assert [first.id, second.id] == [seceded_id(group_id), seceded_id(group_id, 2)]
    doc["end_conditions"] += [
        {"id": f"end{i}", "text": "Free.", "when": [{"type": "exists", "actor": a}]}
        for i, a in enumerate((first.id, second.id))
    ]
    assert [str(p) for p in _check(tmp_path, doc) if "state" in p.path or p.is_error] == []
