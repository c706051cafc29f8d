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

import os
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


_BOT: list[BaselineBot] = []


def simulate_match(scenario: Scenario | str | os.PathLike, seed: int) -> dict[str, Any]:
    """One AI match and its summary (plain, picklable data), with the seconds its play took
    (``play_seconds``, ``cpu_seconds``). ``scenario``: a ``Scenario`` or a file's path (read once
    per process: what a worker is sent)."""
    from game.session.study import _scenario

    if not _BOT:
        _BOT.append(BaselineBot())  # one bot per process, as in the benchmark (it caches)
    w, played, seconds, cpu = play_timed(_scenario(scenario), seed, _BOT[0])
    return {
        "seed": seed,
        "final": w.criteria.as_dict(),
        "arrangement": w.arrangement.value,
        "centralization": w.centralization,
        "turns": played,
        "end_reason": w.end_reason,
        "cards": len(w.lessons),
        "digest": w.digest(),
        "play_seconds": seconds,
        "cpu_seconds": cpu,
    }


def simulate(
    scenario: Scenario,
    matches: int = 1,
    seed: int | None = None,
    jobs: int = 1,
    source: str | os.PathLike | None = None,
) -> dict[str, Any]:
    """Play ``matches`` AI matches with seeds seed, seed+1, … and summarize them, in ``jobs``
    processes (each is sent ``source``, the scenario's file, when given; else the scenario).
    Everything but the timings is the same whatever ``jobs``."""
    from game.session.study import run_tasks

    base = scenario.seed if seed is None else seed
    settle()  # the code and the scenario are loaded for the whole run (see settle.py)
    results = []
    turns = 0
    play_seconds = cpu_seconds = 0.0
    started = clock()
    send: Scenario | str = str(source) if source is not None and jobs > 1 else scenario
    tasks = [(send, base + i) for i in range(matches)]
    for r in run_tasks(simulate_match, tasks, jobs):
        turns += r["turns"]
        play_seconds += r.pop("play_seconds")
        cpu_seconds += r.pop("cpu_seconds")
        results.append(r)
    elapsed = clock() - started
    used = max(1, min(jobs, matches))
    arrangements = Counter(r["arrangement"] for r in results)
    n = max(1, len(results))
    return {
        "scenario": scenario.id,
        "matches": matches,
        "seed": base,
        "turns": turns,
        "seconds": round(elapsed, 4),
        "play_seconds": round(play_seconds, 4),
        # with several jobs the matches' play overlaps: the rest of the run is not its difference
        "summary_seconds": round(elapsed - play_seconds, 4) if used == 1 else None,
        "turns_per_second": round(turns / play_seconds, 1) if play_seconds > 0 else None,
        "turns_per_cpu_second": round(turns / cpu_seconds, 1) if cpu_seconds > 0 else None,
        # the share of their play time the matches had a processor: well under 1 when other
        # programs ran, or more jobs than free cores (the benchmark, one process, then gets a
        # whole core while each job gets a part, and the wall-clock rates part ways)
        "cpu_share": round(cpu_seconds / play_seconds, 3) if play_seconds > 0 else None,
        "jobs": used,
        "turns_per_wall_second": round(turns / elapsed, 1) if elapsed > 0 else None,
        "timing": "turns_per_second = turns / play_seconds: new_world and every turn's AI "
        "orders and resolve, as bench/bench_engine.py times them (summed over the jobs: the "
        "rate of one process); seconds is the whole run, turns_per_wall_second all jobs together",
        "final": {
            c.value: round(sum(r["final"][c.value] for r in results) / n, 2) for c in Criterion
        },
        "arrangements": {a.value: arrangements.get(a.value, 0) for a in Arrangement},
        "results": results,
    }
