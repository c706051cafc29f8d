"""The continuum as mechanics (issue 11): each arrangement's gift and price come from its
structure, and the classification closes the circle and its loopholes. Every test plays turns
through ``resolve`` on the mini fixture shaped into one arrangement."""

from __future__ import annotations

from typing import Any

import pytest

from game.engine import formulas as F
from game.engine import resolve
from game.engine.structure import measure, structural_targets
from tests.test_engine_rules import (
    actor_data,
    build,
    civil_war_data,
    dense_civil_society,
    global_un,
    mini_data,
    order,
    union_of_everyone,
)


def test_one_populous_state_ceding_all_does_not_make_a_federation() -> None:
    data = mini_data()
    union_of_everyone(data, 70)
    assert measure(build(data)).arrangement.value == "federation"
    # Arcadia alone (the most populous) gives everything up; the others keep nearly all of theirs.
    for a in data["actors"]:
        if a["kind"] == "state":
            a["sovereignty"] = 0 if a["id"] == "arcadia" else 95
    assert measure(build(data)).arrangement.value != "federation"


def test_more_sovereign_states_need_more_mandate_to_bind() -> None:
    data = mini_data()
    actor_data(data, "union")["depth"] = 10
    actor_data(data, "un")["mandate"] = F.BODY_BINDING_MANDATE + 1
    world = build(data)
    assert measure(world).arrangement.value == "pluralism_1"
    # The same body over many evenly matched sovereign states binds no one: anarchy.
    for i in range(8):
        extra = dict(actor_data(data, "borealia"), id=f"new_{i}", name=f"New {i}", nation=None)
        data["actors"].append(extra)
        data["regions"].append(
            {"id": f"new_{i}_land", "name": f"New {i}", "owner": f"new_{i}", "population": 8,
             "neighbors": [], "polygon": [[0, 0], [1, 0], [1, 1]]}
        )  # fmt: skip
    many = build(data)
    assert measure(many).plurality > measure(world).plurality
    assert measure(many).arrangement.value == "anarchy"


def third_degree() -> dict[str, Any]:
    data = mini_data()
    actor_data(data, "un").update(mandate=60, enforcement=50, independence=70)
    actor_data(data, "union")["depth"] = 45
    dense_civil_society(data)
    return data


def test_third_degree_needs_its_institutions_in_use() -> None:
    world = build(third_degree())
    assert measure(world).arrangement.value == "pluralism_3"
    # Nobody uses the UN or the union: past IN_USE_TURNS they no longer make the third degree.
    for _ in range(F.IN_USE_TURNS + 1):
        world, _ = resolve(world, [])
    m = measure(world)
    assert m.strong_bodies == [] and m.regional_unions == []
    assert m.arrangement.value != "pluralism_3"


def test_an_institution_that_acts_stays_in_use() -> None:
    data = third_degree()
    actor_data(data, "union")["budget"] = 100
    world = build(data)
    for _ in range(F.IN_USE_TURNS + 2):
        world, _ = resolve(world, [order("union", "sanction", "castria")])
    assert world.turn - world.used["union"] <= 3  # sanctions last three turns
    assert "union" in measure(world).regional_unions


def test_one_association_alone_is_not_a_dense_civil_society() -> None:
    data = mini_data()
    actor_data(data, "aid_watch").update(
        volunteers=1000, reach=["arcadia", "borealia", "castria"], credibility=100
    )
    data["corporations"] = []  # nothing crowds civil society out
    m = measure(build(data))
    assert m.civil_society == F.CIVIL_SOCIETY_ONE_NGO < F.CIVIL_SOCIETY_DENSE
    dense_civil_society(data)  # a second association
    assert measure(build(data)).civil_society >= F.CIVIL_SOCIETY_DENSE


def test_corporations_crowd_civil_society_out() -> None:
    data = mini_data()
    dense_civil_society(data)
    data["corporations"][0]["escape"] = 0
    free = measure(build(data)).civil_society
    data["corporations"][0]["escape"] = 100
    assert measure(build(data)).civil_society == pytest.approx(free - F.CORPORATE_CROWDING)


def test_an_empire_is_less_just_by_its_structure() -> None:
    plain = build(mini_data())
    data = mini_data()
    actor_data(data, "arcadia")["military"] = 300
    empire_world = build(data)
    assert measure(empire_world).arrangement.value == "empire"
    drop = (
        structural_targets(plain, measure(plain))["justice"]
        - structural_targets(empire_world, measure(empire_world))["justice"]
    )
    assert drop >= F.IMPERIAL_INEQUALITY * F.HEGEMON_SHARE - 1


def test_pooled_sovereignty_costs_pluralism() -> None:
    sovereign = build(mini_data())
    pooled_data = mini_data()
    for a in pooled_data["actors"]:
        if a["kind"] == "state":
            a["sovereignty"] = 20  # pooled evenly: the same shares as before, less of them
    pooled = build(pooled_data)
    low = structural_targets(pooled, measure(pooled))["pluralism"]
    assert low < structural_targets(sovereign, measure(sovereign))["pluralism"] - 10


# ---- the assigned agent -------------------------------------------------------------------------


def global_state() -> dict[str, Any]:
    data = mini_data()
    global_un(data)
    return data


def test_a_global_center_answers_crises_without_a_vote() -> None:
    world = build(global_state())
    assert world.arrangement.value == "global_state"
    before = world.crises["highland_repression"].severity
    after, report = resolve(world, [])
    crisis = after.crises.get("highland_repression")
    assert crisis is None or crisis.severity < before
    assert crisis is None or "un" in crisis.responders
    assert any(line.key == "center_acts" for line in report.lines)
    # No crisis went unanswered: no "no agent has acted" cause this turn.
    assert not [c for c in report.changes if c.key.startswith("crisis_unanswered")]


def test_a_global_center_forbids_war_between_its_members() -> None:
    data = global_state()
    data["wars"] = [{"id": "w1", "attacker": "castria", "defender": "arcadia"}]
    world = build(data)
    assert world.wars
    after, report = resolve(world, [])
    assert not after.wars
    assert any("forbids war" in line.text for line in report.lines)


def test_a_global_center_redistributes_between_its_members() -> None:
    world = build(global_state())
    after, _ = resolve(world, [])
    assert measure(after).inequality < measure(world).inequality


def test_a_global_center_holds_its_members_together() -> None:
    data = civil_war_data(host_military=5)
    data["crises"][-1]["severity"] = 100  # still past secession after the center's blow
    global_un(data)
    world = build(data)
    after, report = resolve(world, [])
    assert after.regions["castria_highlands"].owner == "castria"
    assert any(line.key == "held_together" for line in report.lines)
    # The same civil war in a divided world wins its secession.
    free, _ = resolve(build(civil_war_data(host_military=5)), [])
    assert free.regions["castria_highlands"].owner != "castria"


# ---- the hegemon --------------------------------------------------------------------------------


def empire(**arcadia: Any) -> dict[str, Any]:
    data = mini_data()
    actor_data(data, "arcadia").update(military=300, **arcadia)
    return data


def test_a_hegemon_imposes_its_peace_on_wars_not_its_own() -> None:
    data = empire()
    data["wars"] = [{"id": "w1", "attacker": "castria", "defender": "borealia"}]
    world = build(data)
    assert world.arrangement.value == "empire"
    after, report = resolve(world, [])
    assert not after.wars
    assert any("imposed its peace" in line.text for line in report.lines)


def test_a_beaten_subject_submits_to_the_hegemon() -> None:
    world = build(empire())
    world, _ = resolve(world, [order("arcadia", "attack", "castria")])
    assert "castria" in world.actors and not world.wars  # it submitted; it was not abolished
    assert world.actors["castria"].sovereignty == 95 - F.SUBMISSION
    assert world.regions["castria_lowland"].owner == "arcadia"


def test_a_subject_left_one_region_submits_and_keeps_it() -> None:
    """An empire rules subject nations; it does not abolish them: beaten again once it holds
    one region, the subject submits once more and the region stays its own."""
    world = build(empire())
    world, _ = resolve(world, [order("arcadia", "attack", "castria")])
    assert world.arrangement.value == "empire"
    last = [r.id for r in world.regions.values() if r.owner == "castria"]
    assert len(last) == 1
    world, report = resolve(world, [order("arcadia", "attack", "castria")])
    assert "castria" in world.actors and not world.wars
    assert world.regions[last[0]].owner == "castria"
    assert world.actors["castria"].sovereignty == 95 - 2 * F.SUBMISSION
    assert any("submitted to the hegemon" in line.text for line in report.lines)
    assert not any("ceases to exist" in line.text for line in report.lines)


def test_a_hegemon_polices_massacres_in_its_subjects_lands() -> None:
    world = build(empire())
    after, _ = resolve(world, [])
    crisis = after.crises.get("highland_repression")
    assert crisis is None or "arcadia" in crisis.responders


def test_imperial_rule_is_capricious() -> None:
    revoked = 0
    for seed in range(12):
        world = build(empire(), seed)
        for _ in range(3):
            world, report = resolve(world, [])
            revoked += sum(1 for c in report.changes if c.key == "caprice")
    assert revoked > 0


def test_despotism_is_open_to_a_hegemon_whatever_its_share() -> None:
    hits = 0
    for seed in range(30):
        world = build(empire(), seed)
        assert world.centralization <= F.DESPOTISM_FROM or world.arrangement.value == "empire"
        _, report = resolve(world, [])
        hits += any(c.key == "despotism" for c in report.changes)
    assert hits > 0


def test_an_overstretched_hegemon_loses_a_province_to_rebellion() -> None:
    # Castria is the hegemon, strong enough that the old rule (host military below
    # SECESSION_MILITARY) would keep its highlands, but it holds more land than it can garrison.
    data = civil_war_data(host_military=40)
    actor_data(data, "castria").update(wealth=4000)
    for sid in ("arcadia", "borealia"):
        actor_data(data, sid)["military"] = 1
    for i in range(3):
        data["regions"].append(
            {"id": f"castria_march_{i}", "name": f"March {i}", "owner": "castria", "population": 2,
             "neighbors": ["castria_lowland"], "polygon": [[0, 0], [1, 0], [1, 1]]}
        )  # fmt: skip
    world = build(data)
    assert world.arrangement.value == "empire"
    assert F.SECESSION_MILITARY <= 40 and 40 * F.GARRISON / 100 < 5  # five regions held
    after, _ = resolve(world, [])
    assert after.regions["castria_highlands"].owner != "castria"
    # Held within its garrison, the same hegemon keeps them.
    data["regions"] = [r for r in data["regions"] if not r["id"].startswith("castria_march")]
    actor_data(data, "castria")["military"] = 60
    kept, _ = resolve(build(data), [])
    assert kept.regions["castria_highlands"].owner == "castria"


# ---- republics, corporations ----------------------------------------------------------------


def wars_among_fearful(government: str) -> int:
    """Turns at war in 150 short matches of three states at full fear, all of one government."""
    data = mini_data()
    for sid in ("arcadia", "borealia", "castria"):
        actor_data(data, sid).update(fear=100, government=government)
    actor_data(data, "un")["mandate"] = 0
    wars = 0
    for seed in range(150):
        world = build(data, seed)
        for _ in range(4):
            world, _ = resolve(world, [])
            wars += bool(world.wars)
    return wars


def test_republican_restraint_is_a_tendency_not_a_wall() -> None:
    republics, autocracies = wars_among_fearful("republic"), wars_among_fearful("autocracy")
    assert 0 < republics < autocracies / 3


def test_a_strong_center_domesticates_corporations() -> None:
    divided = build(mini_data())
    centered = build(global_state())
    a, _ = resolve(divided, [])
    b, _ = resolve(centered, [])
    assert a.corporations["globex"].escape > divided.corporations["globex"].escape
    assert b.corporations["globex"].escape < centered.corporations["globex"].escape
