"""The rules of Continuum, pure: no screen, no files, no network.

The engine's face is small::

    world = new_world(scenario, seed)
    legal_actions(world, actor_id) -> list[Order]
    resolve(world, orders) -> (next_world, TurnReport)
    advance(world, orders) -> next_world        # the same world, no report: a look-ahead's step
    peek(world, orders) -> next_world           # advance's world to judge: no cards dealt
    arrangement(world) -> Measure
    scores(world) -> dict[actor_id, Score]

What a seat still owes, for a screen: ``waiting(world, actor_id, draft) -> list[Waiting]``,
``default_option(card)``, ``vote_sentence(world, order)`` and
``goal_statuses(world, actor_id) -> list[GoalStatus]``.
"""

from __future__ import annotations

from .actions import legal_actions
from .decisions import Waiting, default_option, vote_sentence, waiting
from .model import Arrangement, Criterion
from .orders import ACTIONS, Order, OrderSet
from .report import TurnReport
from .resolve import IllegalOrder, advance, check_orders, peek, resolve
from .scenario import Scenario
from .scoring import GoalStatus, Score, goal_statuses, scores
from .setup import new_world
from .structure import Measure, measure
from .view import view
from .world import World


def arrangement(world: World) -> Measure:
    """Where the world stands on the continuum, read off its structure."""
    return measure(world)


__all__ = [
    "ACTIONS",
    "Arrangement",
    "Criterion",
    "GoalStatus",
    "IllegalOrder",
    "Measure",
    "Order",
    "OrderSet",
    "Scenario",
    "Score",
    "TurnReport",
    "Waiting",
    "World",
    "advance",
    "arrangement",
    "check_orders",
    "default_option",
    "goal_statuses",
    "legal_actions",
    "new_world",
    "peek",
    "resolve",
    "scores",
    "view",
    "vote_sentence",
    "waiting",
]
