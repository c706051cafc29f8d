"""advance(): a look-ahead's step. It must be the very world resolve() makes, for every order,
card, vote and ending, and leave its input as it was. peek(): the last step of a look-ahead,
advance's world in everything a valuation reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ai.baseline import BaselineBot
from game.content import load_scenario
from game.engine import advance, new_world, peek, resolve
from game.session.match import ai_orders

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(p for p in (ROOT / "scenarios").glob("*.json") if "schema" not in p.name)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_advance_makes_the_world_resolve_makes(path: Path) -> None:
    scenario = load_scenario(path)
    bot = BaselineBot()
    for seed in (1, 2):
        world = new_world(scenario, seed)
        while not world.ended:
            orders = ai_orders(world, bot)
            start = world.digest()
            quick = advance(world, orders)
            assert world.digest() == start  # the input is untouched
            world, report = resolve(world, orders)
            assert quick.digest() == world.digest(), (path.stem, seed, world.turn)
            assert quick.ended == world.ended and quick.end_reason == world.end_reason
        assert report.ended


def test_advance_leaves_its_input_alone_and_refuses_an_ended_match() -> None:
    world = new_world(load_scenario(ROOT / "scenarios" / "kosovo.json"), 3)
    start = world.digest()
    orders = ai_orders(world)
    nxt = advance(world, orders)
    assert world.digest() == start
    assert nxt.turn == world.turn + 1
    while not world.ended:
        world = advance(world, ai_orders(world))
    with pytest.raises(ValueError):
        advance(world, [])


# What peek() leaves out: the next turn's cards (the hand, their rest, the ids and draws that
# dealing takes) and the goals' progress marks.
NOT_PEEKED = {"hand", "fired", "counter", "rng", "goals_changed"}


@pytest.mark.parametrize("name", ["kosovo", "sandbox"])
def test_peek_is_advance_but_for_the_next_turns_cards(name: str) -> None:
    scenario = load_scenario(ROOT / "scenarios" / f"{name}.json")
    bot = BaselineBot()
    world = new_world(scenario, 4)
    differed = set()
    while not world.ended:
        orders = ai_orders(world, bot)
        start = world.digest()
        judged = peek(world, orders)
        assert world.digest() == start  # the input is untouched
        whole = advance(world, orders)
        a, b = judged.model_dump(), whole.model_dump()
        assert a.keys() == b.keys()
        differed |= {k for k in a if a[k] != b[k]}
        for k in a.keys() - NOT_PEEKED:
            assert a[k] == b[k], (name, world.turn, k)
        assert judged.ended == whole.ended and judged.turn == whole.turn
        world = whole
    assert "hand" in differed  # cards were dealt on the way, and peek dealt none
    with pytest.raises(ValueError):
        peek(world, [])


def test_orders_checked_once_play_as_if_checked_again() -> None:
    """advance/peek(world, mine, checked=others): the others' orders, checked once against this
    world, play as if they came first among the orders; only the seat's own are checked."""
    world = new_world(load_scenario(ROOT / "scenarios" / "kosovo.json"), 6)
    bot = BaselineBot()
    for _ in range(6):
        orders = ai_orders(world, bot)
        for me in ("servia", "un", "rights_watch"):
            mine = [o for o in orders if o.actor == me]
            others = [o for o in orders if o.actor != me]
            mine += mine[:1]  # a twice-given order: refused either way
            full = advance(world, others + mine)
            assert advance(world, mine, checked=others).digest() == full.digest()
            assert peek(world, mine, checked=others).criteria == peek(world, others + mine).criteria
        world = advance(world, orders)


def test_the_look_aheads_targets_are_the_measured_ones() -> None:
    """targets_of(world): structural_targets(world, measure(world)), measuring only what the
    targets read, in every kind of world the sandbox starts reach (an empire among them)."""
    from game.engine.structure import measure, structural_targets, targets_of

    seen = set()
    for start in ("sandbox", "sandbox_empire", "sandbox_global_state", "sandbox_anarchy"):
        world = new_world(load_scenario(ROOT / "scenarios" / f"{start}.json"), 2)
        bot = BaselineBot()
        while not world.ended:
            m = measure(world)
            seen.add(m.arrangement)
            assert targets_of(world) == structural_targets(world, m), (start, world.turn)
            world = advance(world, ai_orders(world, bot))
    assert "empire" in seen and "global_state" in seen
