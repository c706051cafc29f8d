"""AI-only matches in bulk: the figures `continuum simulate` prints.

``turns_per_second`` measures what ``bench/bench_engine.py`` measures as "Continuum turns/s":
whole AI matches, each ``new_world`` then, every turn, the baseline AI's orders for every actor
(``ai_orders``) and ``resolve``. Only that is timed (``play_seconds``); what simulate adds to
summarize a match (its digest, criteria, arrangement) is timed apart (``summary_seconds``), and
``seconds`` is the whole run's wall time. So a user reading either figure gets the same story.
``turns_per_cpu_second`` is the same count over this process's CPU time, as the benchmark's "per
CPU second" row: other programs on a busy machine move it much less than the wall-clock rate.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

from game.ai.baseline import BaselineBot
from game.engine import Arrangement, Criterion, Scenario, World, new_world, resolve
from game.session.match import ai_orders
from game.session.settle import settle

clock = time.perf_counter
cpu_clock = time.process_time


def play_timed(scenario: Scenario, seed: int, bot: BaselineBot) -> tuple[World, int, float, float]:
    """One AI match, as the benchmark plays it: the final world, the turns played, and the
    seconds (wall, then CPU) spent in ``new_world`` and in the turns, nothing else."""
    start, cpu_start = clock(), cpu_clock()
    world = new_world(scenario, seed)
    turns = 0
    while not world.ended:
        world, _ = resolve(world, ai_orders(world, bot))
        turns += 1
    return world, turns, clock() - start, cpu_clock() - cpu_start


def simulate(scenario: Scenario, matches: int = 1, seed: int | None = None) -> dict[str, Any]:
    """Play ``matches`` AI matches with seeds seed, seed+1, … and summarize them."""
    base = scenario.seed if seed is None else seed
    settle()  # the code and the scenario are loaded for the whole run (see settle.py)
    bot = BaselineBot()  # one bot for the whole run, as in the benchmark (it caches weights)
    results = []
    turns = 0
    play_seconds = cpu_seconds = 0.0
    started = clock()
    for i in range(matches):
        w, played, seconds, cpu = play_timed(scenario, base + i, bot)
        turns += played
        play_seconds += seconds
        cpu_seconds += cpu
        results.append(
            {
                "seed": base + i,
                "final": w.criteria.as_dict(),
                "arrangement": w.arrangement.value,
                "centralization": w.centralization,
                "turns": played,
                "end_reason": w.end_reason,
                "cards": len(w.lessons),
                "digest": w.digest(),
            }
        )
    elapsed = clock() - started
    arrangements = Counter(r["arrangement"] for r in results)
    n = max(1, len(results))
    return {
        "scenario": scenario.id,
        "matches": matches,
        "seed": base,
        "turns": turns,
        "seconds": round(elapsed, 4),
        "play_seconds": round(play_seconds, 4),
        "summary_seconds": round(elapsed - play_seconds, 4),
        "turns_per_second": round(turns / play_seconds, 1) if play_seconds > 0 else None,
        "turns_per_cpu_second": round(turns / cpu_seconds, 1) if cpu_seconds > 0 else None,
        "timing": "turns_per_second = turns / play_seconds: new_world and every turn's AI "
        "orders and resolve, as bench/bench_engine.py times them; seconds is the whole run",
        "final": {
            c.value: round(sum(r["final"][c.value] for r in results) / n, 2) for c in Criterion
        },
        "arrangements": {a.value: arrangements.get(a.value, 0) for a in Arrangement},
        "results": results,
    }
