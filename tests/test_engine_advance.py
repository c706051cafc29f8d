"""advance(): a look-ahead's step. It must be the very world resolve() makes, for every order,
card, vote and ending, and leave its input as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ai.baseline import BaselineBot
from game.content import load_scenario
from game.engine import advance, new_world, resolve
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
