"""The peer the engine benchmark measures Continuum against: the `diplomacy` adjudicator.

`diplomacy` (pip ``diplomacy==1.1.2``, the project's ``bench`` extra) is a Python engine for
simultaneous orders on the standard seven-power map. Here each of the seven powers gives a
random legal order for every unit it may order, every phase, and the game adjudicates them;
a game is restarted when it ends or after ``max_phases`` phases.

Two rates come out of it:

* **movement turns per second**: phases whose name ends in ``M`` (spring and fall moves). This
  is the peer's "turn", and the figure that corresponds to the ~318 turns/s quoted in the issue.
* **phases per second**: every call to ``game.process()``, retreats and winter adjustments too
  (about 1.47 phases per movement turn in random play).

Choices that move the figure, measured on the 2-core machine (2026-11-25), each 4 s:

==============  =============  ===========  ==================
orders parsed   game length    phases/s     movement turns/s
==============  =============  ===========  ==================
expand=True     10 phases      309          225
expand=True     to the end     213          145
expand=False    10 phases      529          381
expand=False    30 phases      470          322
expand=False    100 phases     410          274
expand=False    to the end     370          252
==============  =============  ===========  ==================

Orders are given with ``expand=False``: they come from ``get_all_possible_orders()`` already in
the engine's canonical form, so expanding them again only re-parses strings (~40 % of a phase)
and adjudicates nothing differently (checked: the same units, centers and results phase by phase
over 80 phases). Random games grow long and slow (one played to its end takes ~280 phases), so
a game is restarted after ``MAX_PHASES`` = 36 phases: 24 movement turns on average (22–26), 12
game years, the length of a 24-turn Continuum match such as ``kosovo``.

Run alone: ``python bench/peer_diplomacy.py [--seconds 5] [--expand] [--max-phases 36]``.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import dataclass

from diplomacy import Game

MAX_PHASES = 36


@dataclass
class PeerCounts:
    """What one timed stretch of play did."""

    phases: int = 0
    movement_turns: int = 0
    games: int = 0  # games started during the stretch
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process's CPU time: less moved by other programs' load

    @property
    def phases_per_second(self) -> float:
        return self.phases / self.seconds if self.seconds > 0 else 0.0

    @property
    def turns_per_second(self) -> float:
        """Movement turns per second: the peer's turns/s."""
        return self.movement_turns / self.seconds if self.seconds > 0 else 0.0


class DiplomacyPeer:
    """Random seven-power games, played phase by phase; the game in progress carries over
    from one ``run`` to the next, so interleaved rounds see one continuous stream of play."""

    def __init__(self, seed: int = 1, max_phases: int = MAX_PHASES, expand: bool = False) -> None:
        self.rng = random.Random(seed)
        self.max_phases = max_phases
        self.expand = expand
        self.game: Game | None = None
        self.game_phases = 0

    def _new_game(self) -> bool:
        """Start a game if none is going or the current one is over; True if one was started."""
        if self.game is None or self.game.is_game_done or self.game_phases >= self.max_phases:
            self.game = Game()
            self.game_phases = 0
            return True
        return False

    def step(self) -> bool:
        """Play one phase: random legal orders for all seven powers, then adjudicate.

        Returns whether the phase was a movement phase (a turn)."""
        game = self.game
        assert game is not None
        possible = game.get_all_possible_orders()
        rng = self.rng
        for power in game.powers:
            orders = [
                rng.choice(possible[loc])
                for loc in game.get_orderable_locations(power)
                if possible[loc]
            ]
            game.set_orders(power, orders, expand=self.expand)
        movement = game.get_current_phase().endswith("M")
        game.process()
        self.game_phases += 1
        return movement

    def run(self, seconds: float) -> PeerCounts:
        """Play for ``seconds`` of wall time (checked after every phase)."""
        counts = PeerCounts()
        clock = time.perf_counter
        cpu_start = time.process_time()
        start = clock()
        while True:
            counts.games += self._new_game()
            counts.movement_turns += self.step()
            counts.phases += 1
            elapsed = clock() - start
            if elapsed >= seconds:
                counts.seconds = elapsed
                counts.cpu_seconds = time.process_time() - cpu_start
                return counts


def play_random_games(
    seconds: float, seed: int = 1, max_phases: int = MAX_PHASES, expand: bool = False
) -> PeerCounts:
    """Random seven-power games for ``seconds``: the peer's phases and movement turns."""
    return DiplomacyPeer(seed, max_phases, expand).run(seconds)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="The diplomacy peer alone: random 7-power games.")
    p.add_argument("--seconds", type=float, default=5.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--max-phases", type=int, default=MAX_PHASES)
    p.add_argument("--expand", action="store_true", help="re-parse every order (slower)")
    args = p.parse_args(argv)
    c = play_random_games(args.seconds, args.seed, args.max_phases, args.expand)
    print(
        f"diplomacy: {c.movement_turns} movement turns, {c.phases} phases, {c.games} games "
        f"in {c.seconds:.2f} s"
    )
    print(f"  movement turns/s {c.turns_per_second:8.1f}   (the peer's turns/s)")
    print(f"  phases/s         {c.phases_per_second:8.1f}")


if __name__ == "__main__":
    main()
