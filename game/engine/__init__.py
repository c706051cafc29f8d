"""The rules of Continuum, pure: no screen, no files, no network.

The engine's face is small::

    world = new_world(scenario, seed)
    legal_actions(world, actor_id) -> list[Order]
    resolve(world, orders) -> (next_world, TurnReport)
    arrangement(world) -> Measure
    scores(world) -> dict[actor_id, Score]
"""

from __future__ import annotations

from .actions import legal_actions
from .model import Arrangement, Criterion
from .orders import ACTIONS, Order, OrderSet
from .report import TurnReport
from .resolve import IllegalOrder, check_orders, resolve
from .scenario import Scenario
from .scoring import Score, scores
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
    "IllegalOrder",
    "Measure",
    "Order",
    "OrderSet",
    "Scenario",
    "Score",
    "TurnReport",
    "World",
    "arrangement",
    "check_orders",
    "legal_actions",
    "new_world",
    "resolve",
    "scores",
    "view",
]
