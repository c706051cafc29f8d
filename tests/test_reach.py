"""Can every card trigger and every end condition be met? ``check_reachable`` on small scenarios
built from tests/fixtures/mini.json (12 turns), and on every shipped scenario."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from game.content import load_scenario
from game.content.problems import Finding
from game.content.reach import check_reachable
from game.engine.scenario import Scenario

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.json"
SHIPPED = sorted(
    p for p in (ROOT / "scenarios").glob("*.json") if not p.name.endswith(".schema.json")
)


def scenario(tmp_path: Path, cards: list[dict], ends: list[dict] | None = None) -> Scenario:
    """mini.json with these cards and end conditions (none if left out), read as a file is."""
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    doc["cards"] = cards
    doc["end_conditions"] = ends or []
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return load_scenario(path)


def card(card_id: str, trigger: list[dict], effects: list[dict] | None = None) -> dict:
    return {
        "id": card_id,
        "title": card_id,
        "text": "A situation.",
        "lesson": "A lesson.",
        "target": "arcadia",
        "trigger": trigger,
        "options": [
            {"id": "act", "label": "Act", "effects": effects or []},
            {"id": "wait", "label": "Wait", "effects": []},
        ],
    }


def ending(end_id: str, when: list[dict], min_turn: int = 1) -> dict:
    return {"id": end_id, "text": "It ends.", "min_turn": min_turn, "when": when}


def at(findings: list[Finding], *elems: str | int) -> list[Finding]:
    """The findings about the card or end condition at ``elems`` (or inside it)."""
    return [f for f in findings if f.elems[: len(elems)] == elems]


def test_a_card_that_can_trigger_gives_no_warning(tmp_path: Path) -> None:
    s = scenario(
        tmp_path,
        [
            card("soon", [{"type": "turn", "min": 3}]),
            # chance is never drawn: 0 < p < 1 counts as possible, whatever the luck
            card("lucky", [{"type": "chance", "p": 0.01}]),
            # bindings flow from one condition to the next, as when the engine deals cards
            card("crackdown", [{"type": "crisis", "kind": ["repression"]},
                               {"type": "government", "actor": "$crisis_state",
                                "government": "autocracy"}]),
        ],
    )  # fmt: skip
    assert check_reachable(s, matches=6) == []


def test_a_flag_nobody_sets_is_found_with_the_value_seen(tmp_path: Path) -> None:
    s = scenario(
        tmp_path,
        [
            card("ask", [{"type": "turn", "min": 2}], [{"type": "flag", "flag": "standing_force", "set": 1}]),
            card("one_law", [{"type": "turn", "min": 2}, {"type": "flag", "flag": "standing_forse", "min": 1}]),
        ],
    )  # fmt: skip
    found = check_reachable(s, matches=6)
    assert len(found) == 1, found
    f = found[0]
    assert (f.elems, f.severity) == (("cards", 1, "trigger", 1), "warning")
    assert f.message.startswith("card 'one_law' never triggered in 6 sample matches (")
    assert re.search(r"\(\d+ turns of AI and random play\)", f.message)
    assert f.message.endswith(
        "the flag 'standing_forse' never rose to 1 or above; the highest seen was 0 "
        "(no card's option sets or changes this flag: is its name misspelt?)"
    )


def test_the_nearest_value_of_a_figure_is_said(tmp_path: Path) -> None:
    s = scenario(
        tmp_path, [card("bliss", [{"type": "criterion", "criterion": "peace", "min": 99.5}])]
    )
    (f,) = check_reachable(s, matches=6)
    assert f.elems == ("cards", 0, "trigger", 0)
    m = re.search(r"peace never rose to 99.5 or above; the highest seen was ([\d.]+)$", f.message)
    assert m, f.message
    assert 0 < float(m.group(1)) < 99.5


def test_a_status_that_never_held_is_named(tmp_path: Path) -> None:
    """mini has no court: its leaders are never arrested, and the finding says so in words."""
    s = scenario(
        tmp_path, [card("trial", [{"type": "status", "actor": "arcadia", "status": "arrested"}])]
    )
    (f,) = check_reachable(s, matches=3)
    assert f.elems == ("cards", 0, "trigger", 0)
    assert f.message.endswith("'arcadia' was never arrested"), f.message


def test_conditions_that_each_hold_but_never_together(tmp_path: Path) -> None:
    s = scenario(
        tmp_path, [card("never", [{"type": "turn", "max": 1}, {"type": "turn", "min": 12}])]
    )
    (f,) = check_reachable(s, matches=3)
    assert f.elems == ("cards", 0, "trigger")
    assert f.message.endswith(
        "each of its 2 conditions held at some time, but never all together (at most 1 at once)"
    )


def test_a_target_that_never_names_an_actor(tmp_path: Path) -> None:
    """An ``any`` stops at its first alternative that holds, as in the engine: the crisis after
    it is never read, so $crisis_state is never set."""
    c = card(
        "relief",
        [
            {
                "type": "any",
                "conditions": [{"type": "turn", "min": 1}, {"type": "crisis", "kind": ["famine"]}],
            }
        ],
    )
    c["target"] = "$crisis_state"
    (f,) = check_reachable(scenario(tmp_path, [c]), matches=3)
    assert (f.elems, f.severity) == (("cards", 0, "target"), "warning")
    assert f.message.endswith(
        "its trigger held, but its target '$crisis_state' never named an actor that existed "
        "at the time"
    )


def test_a_turn_after_the_last_can_never_hold_without_playing(tmp_path: Path) -> None:
    s = scenario(
        tmp_path,
        [
            card("late", [{"type": "crisis"}, {"type": "turn", "min": 30}]),
            card("either", [{"type": "any", "conditions": [{"type": "turn", "min": 2},
                                                           {"type": "turn", "max": 0}]}]),
            card("huge", [{"type": "criterion", "criterion": "justice", "min": 120}]),
            card("never", [{"type": "chance", "p": 0}]),
        ],
    )  # fmt: skip
    found = check_reachable(s, matches=3)
    assert [(f.elems, f.message) for f in found] == [
        (
            ("cards", 0, "trigger", 1),
            "card 'late' can never trigger: it asks for turn 30 or later, "
            "but the scenario has 12 turns",
        ),
        (
            ("cards", 1, "trigger", 0, "conditions", 1),
            "card 'either': this alternative can never hold: it asks for turn 0 or earlier, "
            "but the scenario has 12 turns",
        ),
        (
            ("cards", 2, "trigger", 0),
            "card 'huge' can never trigger: justice always lies between 0 and 100, "
            "so it is never 120 or above",
        ),
        (("cards", 3, "trigger", 0), "card 'never' can never trigger: a chance of 0 never comes"),
    ]
    assert all(f.severity == "warning" for f in found)


def test_end_conditions_that_can_and_cannot_be_met(tmp_path: Path) -> None:
    s = scenario(
        tmp_path,
        [],
        [
            ending("last_day", [{"type": "turn", "min": 12}], min_turn=12),
            ending("utopia", [{"type": "flag", "flag": "utopia", "min": 1}]),
            ending("too_late", [{"type": "criterion", "criterion": "peace", "max": 100}], min_turn=13),
            ending("early", [{"type": "turn", "max": 5}], min_turn=8),
        ],
    )  # fmt: skip
    found = check_reachable(s, matches=6)
    assert not at(found, "end_conditions", 0)
    (utopia,) = at(found, "end_conditions", 1)
    assert utopia.elems == ("end_conditions", 1, "when", 0)
    assert utopia.message.startswith("end condition 'utopia' never held in 6 sample matches")
    assert "the flag 'utopia' never rose to 1 or above; the highest seen was 0" in utopia.message
    (late,) = at(found, "end_conditions", 2)
    assert (late.elems, late.message) == (
        ("end_conditions", 2, "min_turn"),
        "end condition 'too_late' can never hold: its min_turn is 13, after the scenario's "
        "last turn (12)",
    )
    (early,) = at(found, "end_conditions", 3)
    assert (early.elems, early.message) == (
        ("end_conditions", 3, "when", 0),
        "end condition 'early' can never hold: it asks for turn 5 or earlier, but it is "
        "checked only from turn 8 (its min_turn) to turn 12",
    )


def test_end_conditions_are_read_on_the_turn_just_played(tmp_path: Path) -> None:
    """check_end reads them after a turn's resolution, before the turn number moves on, so an
    ending on turn 1 can be met, even when the luck that would end the match is not drawn."""
    s = scenario(
        tmp_path,
        [],
        [ending("at_once", [{"type": "turn", "max": 1}, {"type": "chance", "p": 0.001}])],
    )
    assert check_reachable(s, matches=3) == []


def test_the_same_scenario_gives_the_same_findings(tmp_path: Path) -> None:
    s = scenario(
        tmp_path,
        [
            card("bliss", [{"type": "criterion", "criterion": "peace", "min": 99.5}]),
            card("rich", [{"type": "actor_stat", "actor": "castria", "stat": "wealth", "min": 500}]),
        ],
        [ending("calm", [{"type": "inequality", "max": 0.5}])],
    )  # fmt: skip
    before = s.model_dump(mode="json")
    random.seed(1)
    first = check_reachable(s, matches=6)
    random.seed(2)  # nothing may depend on Python's global generator (nor on the clock)
    second = check_reachable(s, matches=6)
    assert len(first) == 3
    assert first == second
    assert s.model_dump(mode="json") == before  # the probe changes nothing it is given


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_every_shipped_scenario_can_reach_all_its_cards_and_endings(path: Path) -> None:
    assert [f"{f.elems}: {f.message}" for f in check_reachable(load_scenario(path))] == []
