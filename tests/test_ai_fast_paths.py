"""The fast paths of legal moves and the baseline AI give exactly what the plain code gives."""

from __future__ import annotations

import zlib

from game.ai.baseline import _mix_on
from game.engine import Order, Scenario, new_world
from game.engine.actions import Move, legal_moves
from game.engine.rng import mix
from tests.matches import mini_data


def test_a_move_makes_the_order_validation_would_make() -> None:
    for move in (Move("invest"), Move("propose", "un", "castria", "sanctions")):
        fast = move.order("arcadia")
        slow = Order(
            actor="arcadia",
            action=move.action,  # type: ignore[arg-type]
            target=move.target,
            subject=move.subject,
            option=move.option,
        )
        assert fast == slow
        assert fast.model_dump() == slow.model_dump()
        assert fast.model_dump_json() == slow.model_dump_json()
        assert fast.model_fields_set == slow.model_fields_set
        assert Order.model_validate(fast.model_dump()) == fast


def test_a_seat_seed_folded_from_the_world_part_is_mix_of_all_three() -> None:
    for scenario, turn, actor in (("kosovo", 1, "servia"), ("mini", 17, "un"), ("x", 0, "")):
        a, c = zlib.crc32(scenario.encode()), zlib.crc32(actor.encode())
        assert _mix_on(mix(a, turn), c) == mix(a, turn, c)


def test_legal_moves_for_one_action_are_the_full_list_filtered() -> None:
    world = new_world(Scenario.model_validate(mini_data()), 1)
    for actor in world.actors:
        moves = legal_moves(world, actor)
        for action in {m.action for m in moves}:
            assert legal_moves(world, actor, action) == [m for m in moves if m.action == action]


def test_orders_made_from_moves_stay_independent() -> None:
    """Orders made from moves share one set of given fields (it names every field): changing or
    copying one order changes no other."""
    a, b = Move("invest").order("arcadia"), Move("reform").order("castria")
    a.target = "borealia"
    copy = b.model_copy(update={"actor": "arcadia"})
    assert (a.target, b.target, copy.actor, b.actor) == ("borealia", None, "arcadia", "castria")
    every = {"actor", "action", "target", "subject", "option"}
    assert a.model_fields_set == b.model_fields_set == copy.model_fields_set == every
    assert Order.model_validate(b.model_dump()) == b
