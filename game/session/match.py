"""One match: the world, who plays each actor, and the turn cycle with its log of orders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from game.ai.baseline import BaselineBot
from game.engine import Order, Scenario, TurnReport, World, new_world, resolve

Seat = Callable[[World, str], list[Order]]


@dataclass
class Match:
    """A match in progress. ``log`` holds every turn's orders: replay is a fold over it."""

    world: World
    log: list[list[Order]] = field(default_factory=list)
    reports: list[TurnReport] = field(default_factory=list)

    @classmethod
    def start(cls, scenario: Scenario, seed: int | None = None) -> Match:
        return cls(new_world(scenario, seed))

    def play_turn(self, orders: list[Order]) -> TurnReport:
        self.world, report = resolve(self.world, orders)
        self.log.append(list(orders))
        self.reports.append(report)
        return report


def ai_orders(world: World, bot: BaselineBot | None = None) -> list[Order]:
    """The orders the baseline AI gives for every actor this turn."""
    bot = bot or BaselineBot()
    orders: list[Order] = []
    for actor_id in sorted(world.actors):
        orders.extend(bot.choose(world, actor_id))
    return orders


def play_ai_match(
    scenario: Scenario, seed: int | None = None, on_turn: Callable[[TurnReport], None] | None = None
) -> Match:
    """The AI plays every seat until the match ends."""
    match = Match.start(scenario, seed)
    bot = BaselineBot()
    while not match.world.ended:
        report = match.play_turn(ai_orders(match.world, bot))
        if on_turn is not None:
            on_turn(report)
    return match


def replay(scenario: Scenario, seed: int, log: list[list[Order]]) -> World:
    """The world after folding the logged orders over a new match."""
    world = new_world(scenario, seed)
    for orders in log:
        world, _ = resolve(world, orders)
    return world
