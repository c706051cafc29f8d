"""One match: the world, who plays each actor, and the turn cycle with its log of orders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game.ai.baseline import BaselineBot
from game.engine import Order, Scenario, TurnReport, World, new_world, resolve
from game.session.saves import MatchRecord, played_turns, save_world

Seat = Callable[[World, str], list[Order]]


@dataclass
class Match:
    """A match in progress. ``log`` holds every turn's orders since ``first_turn`` (1 unless the
    match was resumed from a save that did not keep them): replay is a fold over it."""

    world: World
    log: list[list[Order]] = field(default_factory=list)
    reports: list[TurnReport] = field(default_factory=list)
    first_turn: int | None = None

    def __post_init__(self) -> None:
        if self.first_turn is None:
            self.first_turn = played_turns(self.world) - len(self.reports) + 1

    @classmethod
    def start(cls, scenario: Scenario, seed: int | None = None) -> Match:
        return cls(new_world(scenario, seed))

    @classmethod
    def resumed(cls, world: World, record: MatchRecord) -> Match:
        """The match saved as ``world`` with its ``record`` (``saves.load_match``)."""
        return cls(world, [list(o) for o in record.log], list(record.reports), record.first_turn)

    def play_turn(self, orders: list[Order]) -> TurnReport:
        self.world, report = resolve(self.world, orders)
        self.log.append(list(orders))
        self.reports.append(report)
        return report

    def save(self, path: Path) -> None:
        """Save the whole match (its world and record) to ``path``; SaveError says what failed."""
        save_world(self.world, path, self.record())

    def record(self) -> MatchRecord:
        """The orders and reports of every turn this match knows, for a save."""
        return MatchRecord.model_construct(
            first_turn=self.first_turn or 1,
            log=[list(orders) for orders in self.log],
            reports=list(self.reports),
            humans=None,
            drafts={},
            submitted=[],
        )


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
