"""How fast the engine plays: Continuum turns per second beside a peer measured in the same run.

    python bench/bench_engine.py [--scenario kosovo] [--seconds 5] [--rounds 5] [--json]

Measured in one process, after a warm-up, in interleaved rounds (Continuum, peer, Continuum,
peer, …) so that the machine's noise falls on both sides alike:

* Continuum turns/s: whole matches of the scenario with the baseline AI on every seat (the AI's
  orders for every actor, then ``resolve``), a new match (next seed) whenever one ends; split
  into the AI's choice and ``resolve``.
* the peer's turns/s: the ``diplomacy`` adjudicator on random seven-power games
  (``peer_diplomacy.py``): movement turns/s, and phases/s beside it.
* ``World.clone()`` and ``world.digest()`` on a mid-game world, in microseconds.
* look-ahead: ``resolve`` steps per second from that mid-game world with the AI's orders, which
  is what a look-ahead AI pays per step.

Each figure is the median over the rounds, with min and max. The goals from the issue: at least
300 Continuum turns/s, and at least the peer's rate in the same run (median of the per-round
ratio ≥ 1). Timing uses ``time.perf_counter``: this is a benchmark, outside the rules.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _path in (ROOT, HERE):  # a checkout that was not installed; the peer beside this file
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from game.ai.baseline import BaselineBot  # noqa: E402
from game.engine import Order, Scenario, World, new_world, resolve  # noqa: E402
from game.paths import shipped_scenarios_dir  # noqa: E402
from game.session.match import ai_orders  # noqa: E402

GOAL_TURNS_PER_SECOND = 300.0
PEER_REFERENCE_TURNS_PER_SECOND = 318.0  # the figure for the peer on this machine
clock = time.perf_counter


# ---- the scenario -----------------------------------------------------------------------------


def scenario_path(name: str) -> Path:
    """A path as given, else ``scenarios/NAME.json``, else ``tests/fixtures/NAME.json``."""
    given = Path(name)
    if given.suffix == ".json" or given.is_file():
        return given
    for folder in (shipped_scenarios_dir(), ROOT / "tests" / "fixtures"):
        candidate = folder / f"{name}.json"
        if candidate.exists():
            return candidate
    raise FileNotFoundError(
        f"no scenario {name!r}: looked for scenarios/{name}.json and tests/fixtures/{name}.json "
        "(or pass a path, e.g. --scenario tests/fixtures/mini.json)"
    )


def load_scenario(name: str) -> Scenario:
    with scenario_path(name).open(encoding="utf-8") as f:
        return Scenario.model_validate(json.load(f))


# ---- side A: Continuum --------------------------------------------------------------------


@dataclass
class ContinuumCounts:
    turns: int = 0
    matches: int = 0  # matches started during the stretch
    seconds: float = 0.0
    ai_seconds: float = 0.0
    resolve_seconds: float = 0.0
    setup_seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process's CPU time: less moved by other programs' load

    @property
    def turns_per_second(self) -> float:
        return self.turns / self.seconds if self.seconds > 0 else 0.0

    @property
    def turns_per_cpu_second(self) -> float:
        return self.turns / self.cpu_seconds if self.cpu_seconds > 0 else 0.0


class ContinuumRunner:
    """AI matches back to back; the match in progress carries over from one ``run`` to the next."""

    def __init__(self, scenario: Scenario, seed: int) -> None:
        self.scenario = scenario
        self.bot = BaselineBot()
        self.next_seed = seed
        self.world: World | None = None

    def run(self, seconds: float) -> ContinuumCounts:
        """Play turns for ``seconds`` of wall time (checked after every turn)."""
        counts = ContinuumCounts()
        bot, scenario = self.bot, self.scenario
        world = self.world
        cpu_start = time.process_time()
        start = clock()
        while True:
            t0 = clock()
            if world is None or world.ended:
                world = new_world(scenario, self.next_seed)
                self.next_seed += 1
                counts.matches += 1
            t1 = clock()
            orders = ai_orders(world, bot)
            t2 = clock()
            world, _ = resolve(world, orders)
            t3 = clock()
            counts.setup_seconds += t1 - t0
            counts.ai_seconds += t2 - t1
            counts.resolve_seconds += t3 - t2
            counts.turns += 1
            if t3 - start >= seconds:
                counts.seconds = t3 - start
                counts.cpu_seconds = time.process_time() - cpu_start
                self.world = world
                return counts


def mid_game(scenario: Scenario, seed: int) -> tuple[World, list[Order]]:
    """The world halfway through an AI match (the last one before it ends), and the AI's orders."""
    bot = BaselineBot()
    world = new_world(scenario, seed)
    halfway = max(1, scenario.turns // 2)
    while world.turn < halfway:
        nxt, _ = resolve(world, ai_orders(world, bot))
        if nxt.ended:
            break
        world = nxt
    return world, ai_orders(world, bot)


# ---- micro figures ----------------------------------------------------------------------------


def rate(fn: Callable[[], object], seconds: float) -> float:
    """Calls per second of ``fn`` over about ``seconds`` (batched, to keep the clock out)."""
    calls, batch = 0, 1
    start = clock()
    while True:
        for _ in range(batch):
            fn()
        calls += batch
        elapsed = clock() - start
        if elapsed >= seconds:
            return calls / elapsed
        if elapsed < seconds / 20:
            batch *= 2


def stats(values: list[float], digits: int = 1) -> dict[str, Any]:
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "rounds": [round(v, digits) for v in values],
    }


# ---- the run ----------------------------------------------------------------------------------


def bench(
    scenario: Scenario,
    seconds: float = 5.0,
    rounds: int = 5,
    warmup: float = 1.0,
    seed: int | None = None,
    log: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Every figure, as one JSON-ready dict. ``seconds`` is each side's time in each round."""
    from peer_diplomacy import MAX_PHASES, DiplomacyPeer  # imported here: it needs diplomacy

    say = log or (lambda _msg: None)
    base_seed = scenario.seed if seed is None else seed
    cont = ContinuumRunner(scenario, base_seed)
    peer = DiplomacyPeer(seed=1, max_phases=MAX_PHASES)  # one peer stream, whatever the scenario
    mid, mid_orders = mid_game(scenario, base_seed)
    micro = max(0.2, seconds / 10)

    def clone() -> World:
        return mid.clone()

    def digest() -> str:
        return mid.digest()

    def step() -> object:
        return resolve(mid, mid_orders)

    say(f"warm-up {warmup:.1f} s a side")
    cont.run(warmup)
    peer.run(warmup)
    for fn in (clone, digest, step):
        rate(fn, 0.05)

    a_runs: list[ContinuumCounts] = []
    b_tps: list[float] = []
    b_pps: list[float] = []
    b_cpu: list[float] = []
    clone_rate: list[float] = []
    digest_rate: list[float] = []
    step_rate: list[float] = []
    for r in range(rounds):
        gc.collect()
        a = cont.run(seconds)
        gc.collect()
        b = peer.run(seconds)
        gc.collect()
        clone_rate.append(rate(clone, micro))
        digest_rate.append(rate(digest, micro))
        step_rate.append(rate(step, micro))
        a_runs.append(a)
        b_tps.append(b.turns_per_second)
        b_pps.append(b.phases_per_second)
        b_cpu.append(b.movement_turns / b.cpu_seconds if b.cpu_seconds > 0 else 0.0)
        say(
            f"round {r + 1}/{rounds}: continuum {a.turns_per_second:.1f} turns/s, "
            f"diplomacy {b.turns_per_second:.1f} turns/s ({b.phases_per_second:.1f} phases/s)"
        )

    a_tps = [a.turns_per_second for a in a_runs]
    a_cpu = [a.turns_per_cpu_second for a in a_runs]
    ratio = [x / y for x, y in zip(a_tps, b_tps, strict=True)]
    ratio_cpu = [x / y for x, y in zip(a_cpu, b_cpu, strict=True)]
    ai_ms = [1000 * a.ai_seconds / a.turns for a in a_runs]
    resolve_ms = [1000 * a.resolve_seconds / a.turns for a in a_runs]
    setup_ms = [1000 * a.setup_seconds / a.turns for a in a_runs]
    turn_ms = [1000 * a.seconds / a.turns for a in a_runs]
    ai_share = [100 * a.ai_seconds / a.seconds for a in a_runs]
    resolve_share = [100 * a.resolve_seconds / a.seconds for a in a_runs]
    clone_us = [1e6 / x for x in clone_rate]
    step_us = [1e6 / x for x in step_rate]
    tps_median = statistics.median(a_tps)
    ratio_median = statistics.median(ratio)
    return {
        "benchmark": "continuum-engine",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "cores": os.cpu_count(),
            "platform": platform.platform(),
        },
        "settings": {"seconds_per_side_per_round": seconds, "rounds": rounds, "warmup": warmup},
        "scenario": {
            "id": scenario.id,
            "actors": len(scenario.actors),
            "regions": len(scenario.regions),
            "groups": len(scenario.groups),
            "cards": len(scenario.cards),
            "turns": scenario.turns,
            "seed": base_seed,
        },
        "continuum": {
            "turns_per_second": stats(a_tps),
            "turns_per_cpu_second": stats(a_cpu),
            "ms_per_turn": stats(turn_ms, 3),
            "ai_ms_per_turn": stats(ai_ms, 3),
            "resolve_ms_per_turn": stats(resolve_ms, 3),
            "new_world_ms_per_turn": stats(setup_ms, 3),
            "ai_percent": stats(ai_share),
            "resolve_percent": stats(resolve_share),
            "turns": sum(a.turns for a in a_runs),
            "matches_started": sum(a.matches for a in a_runs),
        },
        "peer": {
            "name": "diplomacy",
            "what": "random legal orders for all 7 powers every phase, standard map",
            "turns_per_second": stats(b_tps),
            "turns_per_cpu_second": stats(b_cpu),
            "turn": "a movement phase (spring or fall moves)",
            "phases_per_second": stats(b_pps),
            "max_phases_per_game": MAX_PHASES,
            "reference_turns_per_second": PEER_REFERENCE_TURNS_PER_SECOND,
        },
        "ratio_continuum_to_peer": stats(ratio, 3),
        "ratio_by_cpu_time": stats(ratio_cpu, 3),
        "clone": {"us": stats(clone_us, 2), "per_second": stats(clone_rate, 0)},
        "digest": {"us": stats([1e6 / x for x in digest_rate], 2)},
        "lookahead": {
            "from_turn": mid.turn,
            "orders": len(mid_orders),
            "resolve_steps_per_second": stats(step_rate),
            "us_per_step": stats(step_us, 1),
            "clone_percent_of_step": round(
                100 * statistics.median(clone_us) / statistics.median(step_us), 1
            ),
        },
        "goals": {
            "turns_per_second": GOAL_TURNS_PER_SECOND,
            "turns_per_second_met": tps_median >= GOAL_TURNS_PER_SECOND,
            "at_least_peer_met": ratio_median >= 1.0,
        },
    }


def table(r: dict[str, Any]) -> str:
    """The figures as a plain-text table."""
    c, p, la = r["continuum"], r["peer"], r["lookahead"]
    sc, s = r["scenario"], r["settings"]
    ai_pct = f"{c['ai_percent']['median']:.0f} %"
    resolve_pct = f"{c['resolve_percent']['median']:.0f} %"
    peer_ref = f"issue: ~{p['reference_turns_per_second']:.0f}"
    from_state = f"turn {la['from_turn']}, {la['orders']} orders"
    clone_pct = f"clone is {la['clone_percent_of_step']:.0f} %"
    rows: list[tuple[str, dict[str, Any], str]] = [
        ("Continuum turns/s (AI on every seat)", c["turns_per_second"], ""),
        ("  per CPU second", c["turns_per_cpu_second"], ""),
        ("  one turn, ms", c["ms_per_turn"], ""),
        ("  of which AI choice, ms", c["ai_ms_per_turn"], ai_pct),
        ("  of which resolve, ms", c["resolve_ms_per_turn"], resolve_pct),
        ("  of which new_world, ms", c["new_world_ms_per_turn"], ""),
        ("Peer: diplomacy movement turns/s", p["turns_per_second"], peer_ref),
        ("  per CPU second", p["turns_per_cpu_second"], ""),
        ("  diplomacy phases/s", p["phases_per_second"], ""),
        ("Ratio Continuum / peer (per round)", r["ratio_continuum_to_peer"], ""),
        ("  by CPU time", r["ratio_by_cpu_time"], ""),
        ("World.clone(), µs", r["clone"]["us"], ""),
        ("  clones/s", r["clone"]["per_second"], ""),
        ("world.digest(), µs", r["digest"]["us"], ""),
        ("Look-ahead resolve() steps/s", la["resolve_steps_per_second"], from_state),
        ("  µs per step", la["us_per_step"], clone_pct),
    ]

    def num(x: float) -> str:
        return f"{x:,.0f}" if abs(x) >= 1000 else f"{x:.3f}" if abs(x) < 10 else f"{x:.1f}"

    m = r["machine"]
    out = [
        f"Continuum engine benchmark — scenario {sc['id']} ({sc['actors']} actors, {sc['regions']} "
        f"regions, {sc['cards']} cards, {sc['turns']} turns), seed {sc['seed']}",
        f"{s['rounds']} interleaved rounds × {s['seconds_per_side_per_round']:g} s a side, "
        f"Python {m['python']}, {m['cores']} cores, {r['measured_at']}",
        "",
        f"{'':38} {'median':>10} {'min':>10} {'max':>10}",
    ]
    for label, st, note in rows:
        out.append(
            f"{label:38} {num(st['median']):>10} {num(st['min']):>10} {num(st['max']):>10}  {note}"
        )
    g = r["goals"]

    def met(ok: bool) -> str:
        return "MET" if ok else "NOT MET"

    out += [
        "",
        f"Goal ≥ {g['turns_per_second']:.0f} turns/s: {met(g['turns_per_second_met'])} "
        f"({c['turns_per_second']['median']:.1f})",
        f"Goal ≥ the peer in the same run: {met(g['at_least_peer_met'])} "
        f"(ratio {r['ratio_continuum_to_peer']['median']:.2f})",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--scenario", default="kosovo", help="a shipped scenario's id or a path (default kosovo)"
    )
    p.add_argument("--seconds", type=float, default=5.0, help="each side's time in each round")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--warmup", type=float, default=1.0, help="seconds a side before measuring")
    p.add_argument(
        "--seed", type=int, default=None, help="first match's seed (default: the scenario's)"
    )
    p.add_argument("--json", action="store_true", help="print one JSON object with every figure")
    args = p.parse_args(argv)
    try:
        scenario = load_scenario(args.scenario)
    except FileNotFoundError as e:
        print(e, file=sys.stderr)
        return 2
    try:
        import diplomacy  # noqa: F401
    except ImportError:
        print("the peer needs the diplomacy package: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    result = bench(
        scenario, args.seconds, args.rounds, args.warmup, args.seed,
        log=lambda msg: print(msg, file=sys.stderr, flush=True),
    )  # fmt: skip
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
