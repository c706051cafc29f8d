"""Long blocks of one action in the legal moves (aid, a body's resolutions) are read at once by
the baseline AI and the order check; both must answer exactly as a move-by-move reading does.
Checked on AI turns of the generated large world, where such blocks are many."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from gen_world import generate

from game.ai.baseline import BaselineBot
from game.engine import Order, Scenario, World, new_world, resolve
from game.engine.actions import (
    BLOCK_MIN,
    Move,
    legal_actions,
    legal_listing,
    legal_moves,
    legal_set,
)
from game.engine.resolve import check_orders
from game.session.match import ai_orders

TURNS = 4


@pytest.fixture(scope="module")
def worlds() -> list[World]:
    """The worlds at the start of the first turns of an AI match of the large world."""
    scenario = Scenario.model_validate(generate(40, 3))
    world = new_world(scenario, 3)
    out = []
    bot = BaselineBot()
    for _ in range(TURNS):
        out.append(world.clone())
        world, _ = resolve(world, ai_orders(world, bot))
    return out


def test_blocks_are_runs_of_one_action_from_their_source(worlds: list[World]) -> None:
    seen = {"aid": 0, "propose": 0, "propose without": 0}
    for world in worlds:
        for actor in world.actors:
            moves, blocks = legal_listing(world, actor)
            assert moves == legal_moves(world, actor)
            last = 0
            for b in blocks:
                assert last <= b.start and b.stop - b.start >= BLOCK_MIN
                last = b.stop
                part = list(moves[b.start : b.stop])
                assert {m.action for m in part} == {b.action}
                if b.action == "propose":
                    assert b.source is not None
                    assert part == [m for m in b.source if m.subject not in (b.without or ())]
                    assert all(m.target == part[0].target for m in part)  # one body's list
                    seen["propose without" if b.without else "propose"] += 1
                else:
                    assert b.source is None and b.without is None
                    seen["aid"] += 1
    assert all(seen.values()), f"the large world should show every kind of block: {seen}"


def test_the_legal_set_answers_as_the_list(worlds: list[World]) -> None:
    """Every legal move of every seat, and moves legal for another seat only (a resolution
    aimed at the seat itself, aid to a richer state, another body's resolution), are in the
    set exactly when they are in the list."""
    for world in worlds[:2]:
        everyone = {m for a in world.actors for m in legal_moves(world, a)}
        everyone.add(Move("propose", "nobody", "x", "sanctions"))
        for actor in world.actors:
            listed = set(legal_moves(world, actor))
            allowed = legal_set(world, actor)
            for m in everyone:
                assert (m in allowed) == (m in listed), (actor, m)


def test_the_order_check_refuses_what_is_not_listed(worlds: list[World]) -> None:
    world = worlds[1]
    _, blocks = legal_listing(
        world, actor := next(a for a in world.actors if _has_without(world, a))
    )
    without = next(b for b in blocks if b.without)
    aimed = next(m for m in without.source or () if m.subject in (without.without or ()))
    legal = legal_moves(world, actor)[0]
    orders = [aimed.order(actor), legal.order(actor)]
    accepted, refused = check_orders(world, orders)
    assert accepted == [orders[1]]
    assert len(refused) == 1 and world.actors[actor].name in refused[0]


def _has_without(world: World, actor: str) -> bool:
    return any(b.without for b in legal_listing(world, actor)[1])


def test_the_ai_chooses_by_blocks_as_it_does_move_by_move(worlds: list[World]) -> None:
    """Given its legal orders as a list, the AI scores them one by one (no blocks): the choice
    must be the same, seat by seat, turn by turn."""
    bot = BaselineBot()
    blocked = 0
    for world in worlds:
        for actor in sorted(world.actors):
            by_blocks = bot.choose(world, actor)
            listed: list[Order] = legal_actions(world, actor)
            one_by_one = bot.choose(world.clone(), actor, legal=listed)
            assert by_blocks == one_by_one, actor
            blocked += bool(legal_listing(world, actor)[1])
    assert blocked > 20
