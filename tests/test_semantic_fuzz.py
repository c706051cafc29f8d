"""What the loader accepts plays, saves and loads again (issue 14).

A semantic fuzzer: the sandbox with one extra card that every turn deals to a random actor (a
state, a union, a body or an NGO) and whose options carry random effects, each naming random
things (any actor, group, region or binding such as ``$attacker`` where a state belongs).
Whatever the loader accepts must play turn after turn with the AI on every seat, be saved and
loaded after each turn, and keep its digest through the round trip. Refusals are fine; an
accepted scenario that crashes the engine or makes a save the game refuses is the defect.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.loader import ScenarioError, load_scenario
from game.engine import new_world, resolve
from game.session.match import ai_orders
from game.session.saves import MatchRecord, load_match, save_world

ROOT = Path(__file__).resolve().parent.parent
BASE: dict[str, Any] = json.loads((ROOT / "scenarios" / "sandbox.json").read_text("utf-8"))
ACTORS = [a["id"] for a in BASE["actors"]]
GROUPS = [g["id"] for g in BASE["groups"]]
REGIONS = [r["id"] for r in BASE["regions"]]
BINDINGS = ["$target", "$crisis", "$crisis_state", "$crisis_group", "$attacker", "$defender"]
BINDINGS += ["$hegemon"]
ANY_REF = st.sampled_from(ACTORS + GROUPS + REGIONS + BINDINGS)
KINDS = ["repression", "cleansing", "civil_war", "famine", "plague", "financial", "refugees"]
STATS = ["wealth", "military", "sovereignty", "fear", "freedom", "depth", "mandate", "volunteers"]

EFFECTS = st.one_of(
    st.fixed_dictionaries(
        {
            "type": st.just("start_crisis"),
            "kind": st.sampled_from(KINDS),
            "state": ANY_REF,
            "severity": st.integers(1, 100),
        },
        optional={"group": ANY_REF},
    ),
    st.fixed_dictionaries({"type": st.just("start_war"), "attacker": ANY_REF, "defender": ANY_REF}),
    st.fixed_dictionaries({"type": st.just("end_war")}, optional={"involving": ANY_REF}),
    st.fixed_dictionaries({"type": st.just("transfer_region"), "region": ANY_REF, "to": ANY_REF}),
    st.fixed_dictionaries(
        {"type": st.just("membership"), "state": ANY_REF, "of": ANY_REF, "join": st.booleans()}
    ),
    st.fixed_dictionaries({"type": st.just("secede"), "group": ANY_REF}),
    st.fixed_dictionaries(
        {
            "type": st.just("actor_stat"),
            "actor": ANY_REF,
            "stat": st.sampled_from(STATS),
            "amount": st.integers(-60, 60),
        }
    ),
    st.fixed_dictionaries(
        {
            "type": st.just("group_stat"),
            "group": ANY_REF,
            "stat": st.sampled_from(["grievance", "security", "autonomy"]),
            "amount": st.integers(-60, 60),
        }
    ),
    st.fixed_dictionaries(
        {
            "type": st.just("crisis"),
            "crisis": ANY_REF,
            "amount": st.integers(-60, 60),
            "authorize": st.booleans(),
        },
        optional={"responder": ANY_REF},
    ),
    st.fixed_dictionaries(
        {
            "type": st.just("government"),
            "actor": ANY_REF,
            "government": st.sampled_from(["republic", "autocracy"]),
        }
    ),
)


def fuzzed(target: str, options: list[list[dict]]) -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    doc["cards_per_turn"] = max(2, int(doc.get("cards_per_turn", 1)))
    doc["cards"].insert(
        0,
        {
            "id": "fuzz",
            "title": "A fuzzed card",
            "text": "Random effects on random things.",
            "target": target,
            "lesson": "None: it is a test.",
            "weight": 100,
            "cooldown": 0,
            "trigger": [],
            "options": [
                {"id": f"o{i}", "label": f"Option {i}", "effects": effects}
                for i, effects in enumerate(options)
            ],
        },
    )
    return doc


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    target=st.sampled_from([*ACTORS, "$hegemon"]),
    options=st.lists(st.lists(EFFECTS, min_size=1, max_size=4), min_size=1, max_size=2),
    seed=st.integers(0, 2**31),
)
def test_what_the_loader_accepts_plays_saves_and_loads(
    tmp_path: Path, target: str, options: list[list[dict]], seed: int
) -> None:
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(fuzzed(target, options)), encoding="utf-8")
    try:
        scenario = load_scenario(path)
    except ScenarioError:
        return  # refused with its reasons: fine
    world = new_world(scenario, seed)
    save = tmp_path / "save.json"
    for _ in range(4):
        if world.ended:
            break
        world, _ = resolve(world, ai_orders(world))
        save_world(world, save, MatchRecord.empty(world))
        again = load_match(save).world  # a SaveError here is the defect this test looks for
        assert again.digest() == world.digest()
        world = again


def test_the_fuzzed_card_itself_loads_and_is_dealt(tmp_path: Path) -> None:
    """The fuzzer's frame is sound: with effects on proper targets the scenario loads and the
    card is dealt at once (else every example above would be a refusal and test nothing)."""
    state = next(a["id"] for a in BASE["actors"] if a["kind"] == "state")
    effects = [{"type": "actor_stat", "actor": "$target", "stat": "wealth", "amount": 5}]
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(fuzzed(state, [effects])), encoding="utf-8")
    world = new_world(load_scenario(path), 1)
    assert any(h.card == "fuzz" for h in world.hand)


def test_an_effect_that_would_break_the_world_does_nothing(tmp_path: Path) -> None:
    """Effects whose bindings name the wrong kind of actor at play time (the card's target an
    NGO where a state belongs, a body as a side of a war or a region's new owner): each does
    nothing, and the world still saves and loads."""
    from game.engine import effects as E
    from game.engine import vocabulary as V
    from game.engine.conditions import Context
    from game.engine.report import Ledger

    scenario = load_scenario(ROOT / "scenarios" / "sandbox.json")
    world = new_world(scenario, 1).clone()
    ngo = next(a.id for a in world.actors.values() if a.kind == "ngo")
    body = next(a.id for a in world.actors.values() if a.kind == "global_body")
    state = next(a.id for a in world.actors.values() if a.kind == "state")
    region = next(iter(world.regions))
    crises, wars, owner = set(world.crises), set(world.wars), world.regions[region].owner
    ctx = Context(world, {"target": ngo, "attacker": body})
    ledger = Ledger(world)
    for effect in [
        V.StartCrisis(type="start_crisis", kind="famine", state="$target", severity=30),
        V.StartWar(type="start_war", attacker="$attacker", defender=state),
        V.TransferRegion(type="transfer_region", region=region, to="$attacker"),
        V.JoinBody(type="membership", state="$target", of=body, join=True),
    ]:
        E.apply(effect, ctx, ledger, "a test")
    assert set(world.crises) == crises and set(world.wars) == wars
    assert world.regions[region].owner == owner
    save = tmp_path / "save.json"
    save_world(world, save)
    assert load_match(save).world.digest() == world.digest()
