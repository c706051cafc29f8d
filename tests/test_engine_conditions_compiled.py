"""The compiled conditions (``holds_all``) answer exactly as the interpreter (``holds``), with
the same bindings and the same draws, on every card trigger, goal and end condition of every
shipped scenario, in worlds met along AI-played matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine import new_world, resolve
from game.engine.conditions import Context, compiled, dealable, holds
from game.session.match import ai_orders

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted(
    p for p in (ROOT / "scenarios").glob("*.json") if not p.name.endswith(".schema.json")
)


def _interpreted(conds, ctx: Context) -> bool:
    return all(holds(c, ctx) for c in conds)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_compiled_conditions_agree_with_the_interpreter(path: Path) -> None:
    scenario = load_scenario(path)
    world = new_world(scenario, scenario.seed)
    rules = world.rules
    lists = [c.trigger for c in rules.cards]
    lists += [g.when for m in rules.missions for g in (*m.goals, *m.secret)]
    lists += [e.when for e in rules.end_conditions]
    checked = 0
    while not world.ended:
        for conds in lists:
            a, b = world.clone(), world.clone()
            ca, cb = Context(a, {"target": "x"}), Context(b, {"target": "x"})
            got = compiled(conds).check(ca)
            assert got == _interpreted(conds, cb)
            assert a.rng == b.rng, "a different number of draws"
            if got:
                assert ca.bindings == cb.bindings
            checked += 1
        world, _ = resolve(world, ai_orders(world))
    assert checked > 0


def _dealable_by_the_rules(world) -> list[tuple[str, dict[str, str]]]:
    """What resolve.open_turn's loop over every card deals, read by the interpreter."""
    out = []
    for card in world.rules.cards:
        if card.teacher:  # the teacher's deck: played by the teacher console, never drawn
            continue
        last = world.fired.get(card.id)
        if last is not None and (card.once or world.turn - last <= card.cooldown):
            continue
        ctx = Context(world)
        if not _interpreted(card.trigger, ctx):
            continue
        target = ctx.ref(card.target)
        if target is None or target not in world.actors:
            continue
        ctx.bindings["target"] = target
        out.append((card.id, ctx.bindings))
    return out


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_dealable_cards_are_those_the_rules_name(path: Path) -> None:
    scenario = load_scenario(path)
    world = new_world(scenario, scenario.seed + 1)
    while not world.ended:
        a, b = world.clone(), world.clone()
        got = [(card.id, bindings) for card, bindings in dealable(a)]
        assert got == _dealable_by_the_rules(b)
        assert a.rng == b.rng
        world, _ = resolve(world, ai_orders(world))
