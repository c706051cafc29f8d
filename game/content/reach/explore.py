"""The sample matches: who plays them, from where, and every world they pass through, shown to
the watches.

- a third of the matches are played by the baseline AI on every seat (seeds ``scenario.seed``,
  ``scenario.seed + 1``, ...);
- the rest by seeded random players (``player``), each match with its own temperament;
- the first third of the matches start from the scenario's start; the others start again from a
  world on the way to where a card or end condition still missing came nearest to holding, and
  try every turn a few times, going on from the try that came nearest: deep chains of cards and
  long constructions are searched where they nearly happened, not only by luck. Cards are
  answered with an option that leads toward what is missing (``wanted``: sets the flag it asks
  for, starts the crisis, raises the figure, or leads to a card that does), else with the option
  tried least.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from game.ai.baseline import BaselineBot
from game.engine.orders import Order
from game.engine.resolve import resolve
from game.engine.rng import Rng, mix
from game.engine.scenario import Scenario
from game.engine.setup import new_world
from game.engine.world import World
from game.session.match import ai_orders

from .player import RandomPlayer
from .wanted import Wanted
from .watch import Watch

_FROM_START = 1 / 3  # the share of the matches that all start from the scenario's start
_TRIES = 4  # tries of each turn in a match played again to reach what is missing
_SALT = 0x7265616368  # "reach": keeps the random players' draws apart from anything else


class Explorer:
    """Plays the sample matches and shows every world to the watches (see the module's text)."""

    def __init__(self, scenario: Scenario, watches: list[Watch]) -> None:
        self.scenario = scenario
        self.watches = watches
        self.tried: dict[tuple[str, str], int] = {}  # (card, option) -> chosen by random players
        self.played = self.turns = 0
        self.aim = 0  # which missing watch the next match played again aims at
        self._wanted: tuple[tuple[int, ...], Wanted] | None = None

    def run(self, k: int, matches: int) -> bool:
        """Plays match ``k``; False (and nothing played) once every watch has held."""
        pending = [w for w in self.watches if not w.done]
        if not pending:
            return False
        seed = self.scenario.seed
        if k % 3 == 0:
            bot = BaselineBot()
            self._play([new_world(self.scenario, seed + k // 3)], lambda w: ai_orders(w, bot))
            return True
        rng = Rng(mix(seed, k, _SALT))
        key = tuple(id(w) for w in pending)
        if self._wanted is None or self._wanted[0] != key:
            self._wanted = (key, Wanted(pending, self.scenario))
        wanted = self._wanted[1]
        near = [w for w in pending if w.best is not None]
        if k < matches * _FROM_START or not near:
            player = RandomPlayer(rng, self.tried, wanted)
            self._play([new_world(self.scenario, seed + k)], player.orders)
            return True
        aim = near[self.aim % len(near)]
        self.aim += 1
        trail, at = aim.best  # type: ignore[misc]
        # from there, or from any turn before it (the near miss may be a dead end)
        back = 0 if rng.random() < 0.5 else rng.randint(at + 1)
        player = RandomPlayer(rng, self.tried, wanted, aim.lean())
        self._play(trail[: at - back + 1], player.orders, aim)
        return True

    def _play(
        self,
        trail: list[World],
        orders_for: Callable[[World], list[Order]],
        aim: Watch | None = None,
    ) -> None:
        """Plays on from the last world of ``trail`` (the match's worlds so far) to the match's
        end. With ``aim``, each turn is tried ``_TRIES`` times and the match goes on from the try
        nearest to what ``aim`` asks for; every try is a world the match could reach, and read."""
        world = trail[-1]
        if len(trail) == 1:
            self._cards(world, trail)
        self.played += 1
        while not world.ended:
            tries = _TRIES if aim is not None and not aim.done else 1
            best, best_score = world, -math.inf
            for t in range(tries):
                nxt, _ = resolve(world, orders_for(world))
                self.turns += 1
                # check_end read the world before the turn number moved on
                turn = nxt.turn if nxt.ended else nxt.turn - 1
                for w in self.watches:
                    if w.target is None:  # an end condition
                        w.latest = max(w.latest, turn)
                        if not w.done and turn >= w.min_turn:
                            w.observe(nxt, turn, trail, len(trail) - 1)
                if not nxt.ended:  # a match that has ended deals no more cards
                    self._cards(nxt, [*trail, nxt])
                score = aim.closeness(nxt, turn) if aim is not None and tries > 1 else 0.0
                if t == 0 or score > best_score:
                    best, best_score = nxt, score
            world = best
            if not world.ended:
                trail = [*trail, world]

    def _cards(self, world: World, trail: list[World]) -> None:
        for w in self.watches:
            if w.target is not None and not w.done:
                w.observe(world, world.turn, trail, len(trail) - 1)
