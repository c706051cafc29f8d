"""A mission that asks for an empire makes its state a would-be hegemon (game/ai/ambition.py).

Through the public faces: the shipped sandbox (Karsk's mission: "Karsk becomes the continent's
hegemon (empire)", 20 points), the mission AI's decisions, and its valuation of a world.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ai import ambition, make_bot
from game.ai.value import evaluate
from game.content import load_scenario
from game.engine import Order, legal_actions, new_world, resolve
from game.engine import formulas as F
from game.engine.actions import Move
from game.engine.model import Arrangement
from game.engine.scenario import Scenario
from game.engine.scoring import mission_of
from game.engine.structure import power

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sandbox() -> Scenario:
    return load_scenario(ROOT / "scenarios" / "sandbox.json")


def without_empire_goal(sc: Scenario) -> Scenario:
    """The sandbox with Karsk's empire goal taken out of its mission (nothing else changed)."""
    doc = sc.model_dump(mode="json", by_alias=True, exclude_none=True)
    for m in doc["missions"]:
        if m["actor"] == "karsk":
            m["goals"] = [g for g in m["goals"] if g["when"][0].get("arrangements") != ["empire"]]
    return Scenario.model_validate(doc)


def test_aims_read_the_goals_that_ask_for_one_arrangement(sandbox: Scenario) -> None:
    w = new_world(sandbox, 1)
    assert ambition.aims(mission_of(w, "karsk")) == {Arrangement.EMPIRE: 20.0}
    # Aurelia's goals are "no empire" (a negation asks for no arrangement) and its freedom and
    # wealth
    assert ambition.aims(mission_of(w, "aurelia")) == {}
    assert ambition.empire_points(mission_of(w, "aurelia")) == 0.0
    calm = new_world(without_empire_goal(sandbox), 1)
    assert ambition.empire_points(mission_of(calm, "karsk")) == 0.0


def test_the_valuation_credits_the_way_to_half_of_all_power(sandbox: Scenario) -> None:
    w = new_world(sandbox, 1)
    mission = mission_of(w, "karsk")
    before = evaluate(w, w, w, "karsk", mission).parts["ambition:empire"]
    share = ambition.share(w, "karsk")
    assert before == pytest.approx(20.0 * ambition.PROGRESS_WEIGHT * share / F.HEGEMON_SHARE)
    stronger = w.clone()
    stronger.state("karsk").__dict__["military"] += 100
    after = evaluate(stronger, w, stronger, "karsk", mission).parts["ambition:empire"]
    assert after > before
    # no ambition, no such part: a seat without the goal is valued as before
    assert "ambition:empire" not in evaluate(w, w, w, "aurelia", mission_of(w, "aurelia")).parts


def test_a_would_be_hegemon_arms_and_makes_war_where_it_outweighs(sandbox: Scenario) -> None:
    """Turn 1 of the sandbox: Karsk (215 power) borders Ostrava (95), which it outweighs past
    the conquest ratio. With its empire goal it arms and attacks; without it, it does neither."""
    w = new_world(sandbox, 1)
    ambitious = {(o.action, o.target) for o in make_bot("normal").choose(w, "karsk")}
    assert ("arm", None) in ambitious
    attacked = {t for a, t in ambitious if a == "attack"}
    assert attacked and all(
        ambition.side_power(w, "karsk") >= F.CONQUEST_RATIO * ambition.side_power(w, t)
        for t in attacked
    )
    calm_world = new_world(without_empire_goal(sandbox), 1)
    calm = {(o.action, o.target) for o in make_bot("normal").choose(calm_world, "karsk")}
    assert not any(a == "attack" for a, _ in calm)


def test_a_hegemon_makes_no_war_on_a_subject_with_no_land_to_give() -> None:
    """The empire start, turn 1: Karsk rules an empire. A war on Sarn (one region: beaten, it
    submits and keeps it) is not worth trying; one on Aurelia (two regions) still is."""
    empire_start = load_scenario(ROOT / "scenarios" / "sandbox_empire.json")
    w = new_world(empire_start, 1)
    assert w.arrangement == Arrangement.EMPIRE
    assert len(w.regions_of("sarn")) == 1 and len(w.regions_of("aurelia")) == 2
    mission, karsk = mission_of(w, "karsk"), w.state("karsk")
    assert ambition.subject_without_spoils(w, "karsk", "sarn")
    assert ambition.prior(w, karsk, mission, Move("attack", "sarn", None, None)) < 0
    assert ambition.prior(w, karsk, mission, Move("attack", "aurelia", None, None)) > 0
    chosen = {(o.action, o.target) for o in make_bot("normal").choose(w, "karsk")}
    assert ("attack", "sarn") not in chosen
    # in the shipped sandbox (no empire yet) the same one-region neighbour is fair game
    sandbox_world = new_world(load_scenario(ROOT / "scenarios" / "sandbox.json"), 1)
    assert not ambition.subject_without_spoils(sandbox_world, "karsk", "sarn")


def test_the_reason_names_the_ambition_in_both_languages() -> None:
    from game.ai.reasons import english
    from game.ai.value import Valuation
    from game.ui import i18n

    ahead = Valuation({"ambition:empire": 7.0, "criterion:peace": 40.0}, {})
    behind = Valuation({"ambition:empire": 5.0, "criterion:peace": 40.0}, {})
    why = ahead.why(behind)
    assert why.key == "ai.why.standing"
    said = why.data()
    text = english(said)
    assert "+2" in text and "an empire" in text, text
    es = i18n.said(text, said["key"], said["args"], "es")
    assert "imperio" in es and "ai." not in es and "{" not in es, es


def test_a_union_that_bars_war_closes_the_road_the_valuation_credits(sandbox: Scenario) -> None:
    """``reach``: a state outside every union has the whole road to half of all power open; a
    member of a union deep enough to bar war among its members has only the share it would hold
    were every state it may still attack gone. The valuation's credit is scaled by it."""
    w = new_world(sandbox, 1).clone()
    w.actors["coastal_compact"].depth = 60.0  # type: ignore[union-attr]
    assert ambition.reach(w, "karsk") == 1.0
    joined, _ = resolve(w, [Order(actor="karsk", action="join", target="coastal_compact")])
    assert "karsk" in joined.actors["coastal_compact"].members  # type: ignore[union-attr]
    members = [joined.state(s) for s in ("aurelia", "lindmark", "tessaly", "mirel", "port_ilya")]
    mine = power(joined.state("karsk"))
    left = mine / (mine + sum(power(s) for s in members if s is not None))
    assert ambition.reach(joined, "karsk") == pytest.approx(left / F.HEGEMON_SHARE)
    assert ambition.reach(joined, "karsk") < 1.0
    mission = mission_of(joined, "karsk")
    part = evaluate(joined, joined, joined, "karsk", mission).parts["ambition:empire"]
    share = ambition.share(joined, "karsk")
    assert part == pytest.approx(
        20.0 * share / F.HEGEMON_SHARE * ambition.reach(joined, "karsk") * ambition.PROGRESS_WEIGHT
    )
    # the role rejects the join (so the plan without it is weighed); a shallow union it does not
    karsk = w.state("karsk")
    join = Move("join", "coastal_compact", None, None)
    assert ambition.prior(w, karsk, mission, join) <= -0.5
    shallow = new_world(sandbox, 1)
    assert ambition.prior(shallow, shallow.state("karsk"), mission, join) == 0.0
    # the federation start: the Assembly, the world's center, already ends war among all its
    # members, so joining the Compact (as deep) closes nothing more and the role weighs it as any
    fed = new_world(load_scenario(ROOT / "scenarios" / "sandbox_federation.json"), 1).clone()
    fed.actors["coastal_compact"].depth = 60.0  # type: ignore[union-attr]
    assert fed.arrangement == Arrangement.FEDERATION
    assert ambition.reach(fed, "karsk") < 1.0
    assert ambition.prior(fed, fed.state("karsk"), mission_of(fed, "karsk"), join) == 0.0


def test_a_would_be_hegemon_stays_out_of_the_union_while_its_road_is_open(
    sandbox: Scenario,
) -> None:
    """Seed 1 of the shipped sandbox: the Coastal Compact is past 40 from turn 7 and open to
    Karsk, which borders its members. Before the ambition weighed the union, `normal` Karsk
    joined it on turn 14 and never made its empire; now it stays out for the first 20 turns."""
    bot = make_bot("normal")
    w = new_world(sandbox, 1)
    offered = 0
    while w.turn <= 20:
        joins = {o.target for o in legal_actions(w, "karsk", only="join")}
        compact = w.actors["coastal_compact"]
        offered += "coastal_compact" in joins and compact.depth >= F.FEDERATION_REGIONAL_DEPTH  # type: ignore[union-attr]
        orders = [o for a in sorted(w.actors) for o in bot.choose(w, a)]
        assert not any(o.actor == "karsk" and o.action == "join" for o in orders), w.turn
        w, _ = resolve(w, orders)
    assert offered >= 10
