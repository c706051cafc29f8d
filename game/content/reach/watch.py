"""What is watched: one card's trigger (or one end condition) across every world shown to it.

Every world in which the engine would deal cards (the start, and every later turn's start) is
read against every card's trigger, with one ``Context`` per card so that bindings flow from one
condition to the next as in ``open_turn``; every world after a turn's resolution against every
end condition, with the turn ``check_end`` uses. ``chance`` counts as possible when 0 < p < 1
and is never drawn: the probe never changes a world. ``once`` and ``cooldown`` do not matter.
A watch keeps what explains a miss (which conditions held on their own, the nearest value of each
range) and where it came nearest to holding, for the search to play again from.
"""

from __future__ import annotations

import math

from game.engine import vocabulary as V
from game.engine.conditions import Context, holds, in_range
from game.engine.model import Arrangement
from game.engine.world import World

from .axes import leans
from .distance import failing_cost
from .figures import RANGES, figure

# Three-valued truth: a ``chance`` between 0 and 1 may hold or not.
NO, MAYBE, YES = 0, 1, 2
CHAIN = 4  # how many cards back along a chain of cards the random players look


class Watch:
    """One card's trigger (or one end condition) across every world shown to it."""

    def __init__(self, conds: list[V.Condition], target: str | None, min_turn: int = 1) -> None:
        self.conds = conds
        self.target = target  # None for an end condition
        self.min_turn = min_turn
        self.done = False  # it held (and its target named an actor) in some world
        self.checked = 0  # worlds read
        self.latest = 0  # the latest turn an end condition could have been read on
        self.alone = [False] * len(conds)  # each top-level condition held in some world
        self.most = 0  # the most top-level conditions that held in one world
        self.trigger_held = False
        self.nearest: dict[tuple[int, ...], tuple[float, float]] = {}  # path -> (gap, value)
        self.arrangements: set[Arrangement] = set()
        # Where it came nearest to holding: the score, the match's worlds up to where it would be
        # played again from, which of them, and the conditions that failed there.
        self.score = -math.inf
        self.best: tuple[list[World], int] | None = None
        self.failing: list[V.Condition] = []
        self.chain: dict[str, int] = {}  # cards whose options lead here -> how many steps back

    def observe(self, world: World, turn: int, trail: list[World], at: int) -> None:
        """Reads the conditions in ``world`` (on ``turn``); ``trail[at]`` is where a match would
        be played again from to try for it once more."""
        self.checked += 1
        self.arrangements.add(world.arrangement)
        ctx = Context(world)
        held, cost, failing = 0, 0.0, []
        for k, cond in enumerate(self.conds):  # every one, not only up to the first that fails
            if _truth(cond, ctx, turn, self, (k,)) != NO:
                self.alone[k] = True
                held += 1
            else:
                cost += failing_cost(cond, ctx, turn)
                failing.append(cond)
        self.most = max(self.most, held)
        score = self._progress(world) - cost
        if score > self.score:
            self.score, self.best, self.failing = score, (trail, at), failing
        if held < len(self.conds):
            return
        self.trigger_held = True
        if self.target is None:
            self.done = True
            return
        target = ctx.ref(self.target)  # as open_turn: the target must name an actor
        if target is not None and target in world.actors:
            self.done = True

    def closeness(self, world: World, turn: int) -> float:
        """How near ``world`` comes to what this asks for: 0 or more when it holds."""
        if self.target is not None and world.ended:
            return -math.inf  # no more cards
        ctx = Context(world)
        return self._progress(world) - sum(
            failing_cost(cond, ctx, turn)
            for cond in self.conds
            if _truth(cond, ctx, turn, None, ()) == NO
        )

    def _progress(self, world: World) -> float:
        """Up to 0.5 when a card of the chain that leads here has just been dealt (the nearer the
        end of the chain, the more): a match that gets there is on its way."""
        levels = [self.chain[h.card] for h in world.hand if h.card in self.chain]
        return 0.5 * (CHAIN + 1 - min(levels)) / (CHAIN + 1) if levels else 0.0

    def lean(self) -> dict[int, int]:
        """Which way play should lean to bring the failing conditions about: axis -> end."""
        votes: dict[int, set[int]] = {}
        for cond in self.failing:
            for axis, end in leans(cond):
                votes.setdefault(axis, set()).add(end)
        return {axis: min(ends) for axis, ends in votes.items() if len(ends) == 1}

    def near(self, path: tuple[int, ...], cond: V.Condition, ctx: Context, turn: int) -> None:
        """Remembers the value of a range condition that failed, if it is the nearest yet."""
        value = figure(cond, ctx, turn)
        if value is None:
            return
        gap = max(0.0, cond.min - value if cond.min is not None else 0.0) + max(
            0.0, value - cond.max if cond.max is not None else 0.0
        )
        if path not in self.nearest or gap < self.nearest[path][0]:
            self.nearest[path] = (gap, value)


def _truth(
    cond: V.Condition, ctx: Context, turn: int, watch: Watch | None, path: tuple[int, ...]
) -> int:
    """Three-valued: ``chance`` is maybe (never drawn); ``any`` and ``not`` combine as the engine
    does, with the same bindings in the same order; every other condition is the engine's own
    ``holds``, except ``turn``, read against ``turn`` (check_end reads end conditions before the
    turn number moves on). ``watch`` remembers the values of the ranges that failed."""
    if isinstance(cond, V.Chance):
        return NO if cond.p <= 0 else YES if cond.p >= 1 else MAYBE
    if isinstance(cond, V.AnyOf):
        best = NO
        for m, c in enumerate(cond.conditions):
            v = _truth(c, ctx, turn, watch, (*path, m))
            if v == YES:
                return YES
            best = max(best, v)
        return best
    if isinstance(cond, V.NotIs):
        inner = Context(ctx.world, dict(ctx.bindings), ctx._cache)
        return YES - _truth(cond.condition, inner, turn, None, path)
    ok = in_range(turn, cond) if isinstance(cond, V.TurnIs) else holds(cond, ctx)
    if not ok and watch is not None and cond.type in RANGES:
        watch.near(path, cond, ctx, turn)
    return YES if ok else NO
