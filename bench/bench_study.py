"""How fast `continuum study` plays: matches per second at 1 and 2 jobs (issue 12's figure).

    python bench/bench_study.py [--matches 25] [--rounds 3] [--jobs 1 2] [--ai LEVEL] [--json]

Each round runs the same study (``game.session.study.study``: the shipped sandbox and its seven
starts, ``--matches`` AI matches of each, seeds 1, 2, …) once per job count, the job counts
interleaved so that they share the machine's load; a figure is the median over the rounds
(min and max beside it). The time is the whole study as the command runs it: starting the
worker processes, playing, folding. The script also says how loaded the machine was (the load
average before and after, and the cores), since on a shared machine that moves the speed-up more
than anything in the program does, and it checks that every job count gave the same table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.content import find_scenario  # noqa: E402
from game.engine.model import ARRANGEMENT_ORDER  # noqa: E402
from game.session.study import study  # noqa: E402

GOAL_TWO_JOBS = 1.8  # issue 12: 2 jobs at least 1.8× one
SCENARIOS = ["sandbox"] + [f"sandbox_{a.value}" for a in ARRANGEMENT_ORDER]


def _load() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--matches", type=int, default=25, help="matches of each scenario (25)")
    ap.add_argument("--rounds", type=int, default=3, help="measured rounds (3)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="job counts (1 2)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scenarios", nargs="+", default=SCENARIOS)
    ap.add_argument(
        "--ai",
        default="baseline",
        help="who plays every seat: baseline (the default), easy,"
        " normal or hard, as `continuum study --ai`",
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    paths = [find_scenario(s) for s in args.scenarios]
    total = args.matches * len(paths)
    runs: dict[int, list[dict]] = {j: [] for j in args.jobs}
    digests: set[str] = set()
    load_before = _load()
    for r in range(args.rounds):
        for jobs in args.jobs:
            load = _load()
            started = time.perf_counter()
            res = study(paths, args.matches, args.seed, ai=args.ai, jobs=jobs)
            seconds = time.perf_counter() - started
            digests.add(res["digest"])
            runs[jobs].append(
                {"seconds": seconds, "matches_per_second": total / seconds, "load": load}
            )
            print(
                f"round {r + 1}: {jobs} job(s) {seconds:6.2f} s  {total / seconds:6.2f} matches/s"
                f"  (load {load[0] if load else '?'})",
                file=sys.stderr,
            )
    figures = {}
    for jobs, rs in runs.items():
        rates = [x["matches_per_second"] for x in rs]
        figures[jobs] = {
            "median": round(statistics.median(rates), 2),
            "min": round(min(rates), 2),
            "max": round(max(rates), 2),
        }
    first = args.jobs[0]
    speedup = {j: round(figures[j]["median"] / figures[first]["median"], 2) for j in args.jobs}
    out = {
        "scenarios": args.scenarios,
        "ai": args.ai,
        "matches_per_study": total,
        "rounds": args.rounds,
        "cores": os.cpu_count(),
        "load_before": load_before,
        "load_after": _load(),
        "matches_per_second": figures,
        "speedup_over_first": speedup,
        "same_table_whatever_the_jobs": len(digests) == 1,
    }
    if 2 in speedup and first == 1:
        out["goal_two_jobs_met"] = speedup[2] >= GOAL_TWO_JOBS
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(
        f"study of {total} matches ({len(paths)} scenarios x {args.matches}, AI {args.ai}), "
        f"{args.rounds} rounds, {out['cores']} cores"
    )
    print(f"load average (1, 5, 15 min) before {load_before}, after {out['load_after']}")
    for jobs in args.jobs:
        f = figures[jobs]
        print(
            f"  {jobs} job(s): {f['median']:6.2f} matches/s (min {f['min']}, max {f['max']})"
            f"  x{speedup[jobs]:.2f}"
        )
    print(f"same table whatever the jobs: {out['same_table_whatever_the_jobs']}")
    if "goal_two_jobs_met" in out:
        met = "MET" if out["goal_two_jobs_met"] else "NOT MET"
        print(f"Goal 2 jobs ≥ {GOAL_TWO_JOBS}× one job: {met} (×{speedup[2]:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
