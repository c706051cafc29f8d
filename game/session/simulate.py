"""AI-only matches in bulk: the figures `continuum simulate` prints."""

from __future__ import annotations

import time
from collections import Counter

from game.engine import Arrangement, Criterion, Scenario
from game.session.match import play_ai_match


def simulate(scenario: Scenario, matches: int = 1, seed: int | None = None) -> dict:
    """Play ``matches`` AI matches with seeds seed, seed+1, … and summarize them."""
    base = scenario.seed if seed is None else seed
    results = []
    turns = 0
    started = time.perf_counter()
    for i in range(matches):
        m = play_ai_match(scenario, base + i)
        w = m.world
        turns += len(m.reports)
        results.append(
            {
                "seed": base + i,
                "final": w.criteria.as_dict(),
                "arrangement": w.arrangement.value,
                "centralization": w.centralization,
                "turns": len(m.reports),
                "end_reason": w.end_reason,
                "cards": len(w.lessons),
                "digest": w.digest(),
            }
        )
    elapsed = time.perf_counter() - started
    arrangements = Counter(r["arrangement"] for r in results)
    n = max(1, len(results))
    return {
        "scenario": scenario.id,
        "matches": matches,
        "seed": base,
        "turns": turns,
        "seconds": round(elapsed, 4),
        "turns_per_second": round(turns / elapsed, 1) if elapsed > 0 else None,
        "final": {
            c.value: round(sum(r["final"][c.value] for r in results) / n, 2) for c in Criterion
        },
        "arrangements": {a.value: arrangements.get(a.value, 0) for a in Arrangement},
        "results": results,
    }
