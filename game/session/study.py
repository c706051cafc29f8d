"""The game's own table of the seven arrangements: what each does to the four criteria.

``continuum study`` plays many AI matches and reads every turn report. A turn counts for the
arrangement the world *began* it in (``report.arrangement_before``); for each arrangement the
study keeps:

- ``turns``: turns spent there;
- the mean of each criterion while there (the criteria as each such turn began);
- ``drift``: the mean change of each criterion in a turn begun there (``criteria_after -
  criteria_before``): where the arrangement pushes, not only where the worlds that reached it
  happened to stand;
- ``targets``: the mean structural level each criterion tends toward there
  (``game.engine.structure.structural_targets``, read on the world the turn began in);
- ``causes``: the chief causes of change, from the turn reports' ledger (``report.changes``),
  by their stable message ``key`` (engine/say.py) and criterion;
- ``next``: the most common arrangement the world moved to when it left this one.

The work is split so that it can run anywhere: ``study_match(scenario, seed, ai)`` plays one
match and returns a small picklable summary (plain dicts, lists, numbers and strings);
``fold(summaries)`` merges them, always in the order given; ``table(total)`` turns the sum into
the rows. ``study(...)`` runs the matches in ``jobs`` processes (``ProcessPoolExecutor``, the
forkserver context where there is one, else spawn) and folds the summaries in seed order, so
the result is identical whatever the number of jobs. Any ``concurrent.futures.Executor`` can
play the matches instead (``executor=``): a cluster's, for example (docs/balance.md).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from game.engine import Arrangement, Criterion, Scenario, new_world, resolve
from game.engine.structure import measure, structural_targets

ARRANGEMENTS: tuple[str, ...] = tuple(a.value for a in Arrangement)  # unity to division
CRITERIA: tuple[str, ...] = tuple(c.value for c in Criterion)
# baseline: the rule-of-thumb bot (the default, as simulate); easy, normal, hard: the mission AI
AI_LEVELS: tuple[str, ...] = ("baseline", "easy", "normal", "hard")
CHIEF_CAUSES = 5  # causes named per arrangement

Summary = dict[str, Any]  # one match's summary: plain data, picklable and JSON-ready

# What each cause key of the ledger (engine/say.py) names, said without its arguments.
CAUSE_WORDS: dict[str, str] = {
    "reformed": "a state reformed its government",
    "repressed": "a state repressed a group",
    "repressed_warned": "a state repressed a group the world had been warned about",
    "granted_autonomy": "a state granted a group autonomy",
    "sent_aid": "aid sent abroad",
    "redistributed": "redistribution between states",
    "lent": "loans from the bank",
    "set_standards": "labour and capital standards set",
    "taxed_capital": "a state taxed capital",
    "arrested": "indicted leaders arrested",
    "card_choice": "event cards and the choices made on them",
    "aid_package": "aid packages voted by a global body",
    "adopted_standards": "binding standards adopted by a global body",
    "war_between": "war between states",
    "conquered": "conquest of a region",
    "crisis_unanswered": "crises no agent with mandate and capacity answered",
    "crisis_unanswered_relief": "crises unanswered, though relief eased them",
    "crisis_goes_on": "crises going on",
    "crisis_goes_on_relief": "crises going on, though relief eased them",
    "rebelled": "rebellion: oppression breeds rebellion",
    "border_clash": "border clashes: fear makes war",
    "despotism": "terrifying despotism of the center",
    "uniformity": "uniformity pressure inside a union",
    "pax": "imperial peace: the hegemon keeps order",
    "imperial_inequality": "imperial hegemony breeds inequality",
    "structure": "the world's structure pulling toward its level",
    "caprice": "arbitrary rule: autonomy revoked",
    "pax_imposed": "the hegemon imposed its peace",
    "submits": "a state submitted to the hegemon",
    "center_forbids_war": "the center forbids war between its members",
    "center_acts": "the center acts on a crisis without a vote",
    "center_redistributes": "the center redistributes between its members",
    "overstretched": "an overstretched hegemon's restive subjects",
    "held_together": "the center holds its members together",
}


def cause_words(key: str) -> str:
    """A cause key in words a reader understands ("war_between": "war between states")."""
    return CAUSE_WORDS.get(key) or key.replace("_", " ")


# ---- one match ----------------------------------------------------------------------------

_LOADED: dict[str, Scenario] = {}
_BOTS: dict[str, Any] = {}


def _scenario(source: Scenario | str | os.PathLike) -> Scenario:
    """A scenario given as itself or as a file's path (loaded once per process)."""
    if isinstance(source, Scenario):
        return source
    key = str(source)
    hit = _LOADED.get(key)
    if hit is None:
        from game.content import load_scenario

        hit = _LOADED[key] = load_scenario(Path(key))
    return hit


def _bot(ai: str) -> Any:
    """The baseline bot: one per process, as simulate keeps one for the whole run (it caches
    weights only). A mission bot (easy, normal, hard): a new one each match, as game.ai asks
    (it caches within a match), so no match depends on which matches a process played before."""
    if ai not in AI_LEVELS:
        raise ValueError(f"unknown AI level {ai!r}; known: {', '.join(AI_LEVELS)}")
    if ai != "baseline":
        from game.ai import make_bot

        return make_bot(ai)
    bot = _BOTS.get(ai)
    if bot is None:
        from game.ai.baseline import BaselineBot

        bot = _BOTS[ai] = BaselineBot()
    return bot


def _row() -> dict[str, Any]:
    return {
        "turns": 0,
        "level": [0.0] * len(CRITERIA),
        "drift": [0.0] * len(CRITERIA),
        "targets": [0.0] * len(CRITERIA),
        "causes": {},  # "key criterion" -> summed amount
        "next": {},  # arrangement left for -> times
    }


def study_match(scenario: Scenario | str | os.PathLike, seed: int, ai: str = "baseline") -> Summary:
    """Play one AI match and summarize it by arrangement: plain, picklable data.

    ``scenario`` is a ``Scenario`` or the path of a scenario file (read once per process,
    which is what a pool of workers, or a cluster's, wants to be sent)."""
    from game.session.match import ai_orders

    sc = _scenario(scenario)
    bot = _bot(ai)
    world = new_world(sc, seed)
    started_in = world.arrangement.value
    rows: dict[str, dict[str, Any]] = {}
    turns = 0
    while not world.ended:
        targets = structural_targets(world, measure(world))
        nxt, rep = resolve(world, ai_orders(world, bot))
        turns += 1
        arr = rep.arrangement_before.value
        row = rows.get(arr)
        if row is None:
            row = rows[arr] = _row()
        row["turns"] += 1
        before, after = rep.criteria_before.as_dict(), rep.criteria_after.as_dict()
        for i, c in enumerate(CRITERIA):
            row["level"][i] += before[c]
            row["drift"][i] += after[c] - before[c]
            row["targets"][i] += targets[c]
        causes = row["causes"]
        for ch in rep.changes:
            k = f"{ch.key or 'other'} {ch.criterion.value}"
            causes[k] = causes.get(k, 0.0) + ch.amount
        went = rep.arrangement_after.value
        if went != arr:
            row["next"][went] = row["next"].get(went, 0) + 1
        world = nxt
    return {
        "scenario": sc.id,
        "seed": seed,
        "ai": ai,
        "turns": turns,
        "started_in": started_in,
        "ended_in": world.arrangement.value,
        # every arrangement the world was in: a turn began there, or the match ended there
        "reached": sorted({*rows, world.arrangement.value}, key=_rank),
        "digest": world.digest(),
        "rows": rows,
    }


# ---- the fold -----------------------------------------------------------------------------


def empty() -> dict[str, Any]:
    """The fold's starting point: nothing played."""
    return {"matches": 0, "turns": 0, "runs": [], "rows": {}}


def merge(total: dict[str, Any], summary: Summary) -> dict[str, Any]:
    """Add one match's summary to ``total`` (changed in place and returned). Sums of floats
    depend on their order: merge in a fixed order (seed order) for results that never vary."""
    total["matches"] += 1
    total["turns"] += summary["turns"]
    total["runs"].append(
        {
            k: summary[k]
            for k in ("scenario", "seed", "turns", "started_in", "ended_in", "reached", "digest")
        }
    )
    for arr, r in summary["rows"].items():
        row = total["rows"].get(arr)
        if row is None:
            row = total["rows"][arr] = _row()
        row["turns"] += r["turns"]
        for f in ("level", "drift", "targets"):
            row[f] = [a + b for a, b in zip(row[f], r[f], strict=True)]
        for k, v in r["causes"].items():
            row["causes"][k] = row["causes"].get(k, 0.0) + v
        for k, v in r["next"].items():
            row["next"][k] = row["next"].get(k, 0) + v
    return total


def fold(summaries: Iterable[Summary]) -> dict[str, Any]:
    """Merge match summaries, in the order given, into one total."""
    total = empty()
    for s in summaries:
        merge(total, s)
    return total


def _rank(value: str) -> int:
    return ARRANGEMENTS.index(value) if value in ARRANGEMENTS else len(ARRANGEMENTS)


def table(total: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per arrangement, unity to division (a row never reached has ``turns`` 0 and
    ``None`` for every figure)."""
    rows = []
    for arr in ARRANGEMENTS:
        r = total["rows"].get(arr)
        n = r["turns"] if r else 0
        row: dict[str, Any] = {"arrangement": arr, "turns": n}
        if not n:
            row.update({c: None for c in CRITERIA})
            row.update({"drift": None, "targets": None, "causes": [], "next": None, "left": {}})
            rows.append(row)
            continue
        for i, c in enumerate(CRITERIA):
            row[c] = round(r["level"][i] / n, 2)
        row["drift"] = {c: round(r["drift"][i] / n, 3) for i, c in enumerate(CRITERIA)}
        row["targets"] = {c: round(r["targets"][i] / n, 2) for i, c in enumerate(CRITERIA)}
        causes = []
        # the largest first; ties by key, then criterion, so the order never varies
        ranked = sorted(r["causes"].items(), key=lambda kv: (-abs(kv[1]), kv[0]))
        for k, v in ranked[:CHIEF_CAUSES]:
            key, criterion = k.rsplit(" ", 1)
            causes.append(
                {
                    "key": key,
                    "criterion": criterion,
                    "per_turn": round(v / n, 3),
                    "text": cause_words(key),
                }
            )
        row["causes"] = causes
        left = dict(sorted(r["next"].items(), key=lambda kv: _rank(kv[0])))
        row["left"] = left
        row["next"] = (
            min(left, key=lambda a: (-left[a], _rank(a))) if left else None
        )  # the most common; a tie goes to the one nearer unity
        rows.append(row)
    return rows


# ---- running many matches -----------------------------------------------------------------


def default_jobs() -> int:
    """One job per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _context() -> multiprocessing.context.BaseContext:
    """Forkserver where the platform has it (Linux, macOS), else spawn (Windows): never a
    plain fork of a process that may hold threads (a window, a pool)."""
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods and sys.platform != "darwin":
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["game.session.study", "game.session.simulate"])
        return ctx
    return multiprocessing.get_context("spawn")


def _settle() -> None:
    from game.session.settle import settle

    settle()


def run_tasks(
    fn: Callable[..., Any],
    tasks: Sequence[tuple],
    jobs: int = 1,
    executor: Executor | None = None,
) -> Iterator[Any]:
    """``fn(*task)`` for every task, yielded in the tasks' order: in this process (one job), in
    ``jobs`` worker processes, or on the ``executor`` given."""
    if executor is not None:
        yield from executor.map(fn, *zip(*tasks, strict=True)) if tasks else ()
        return
    jobs = max(1, min(jobs, len(tasks)))
    if jobs == 1:
        for t in tasks:
            yield fn(*t)
        return
    with ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_settle) as pool:
        # small chunks: the matches differ in length, and the progress line moves smoothly
        chunk = max(1, min(4, len(tasks) // (jobs * 16)))
        yield from pool.map(fn, *zip(*tasks, strict=True), chunksize=chunk)


def study(
    scenarios: Sequence[Scenario | str | os.PathLike],
    matches: int = 1,
    seed: int | None = None,
    ai: str = "baseline",
    jobs: int = 1,
    executor: Executor | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Play ``matches`` AI matches of each scenario (seeds seed, seed+1, …; default each
    scenario's own seed), fold them in that order and return the table with what made it.

    Everything but ``timing`` is identical whatever ``jobs`` (or executor) played them."""
    if ai not in AI_LEVELS:
        raise ValueError(f"unknown AI level {ai!r}; known: {', '.join(AI_LEVELS)}")
    loaded = [_scenario(s) for s in scenarios]
    # Workers are sent a file's path when there is one (each reads it once), else the scenario.
    sources = [str(s) if not isinstance(s, Scenario) else s for s in scenarios]
    tasks: list[tuple] = []
    runs = []
    for sc, src in zip(loaded, sources, strict=True):
        base = sc.seed if seed is None else seed
        tasks += [(src, base + i, ai) for i in range(matches)]
        runs.append({"scenario": sc.id, "matches": matches, "seed": base})
    _settle()
    started, cpu_started = time.perf_counter(), time.process_time()
    total = empty()
    for done, summary in enumerate(run_tasks(study_match, tasks, jobs, executor), 1):
        merge(total, summary)
        if progress is not None:
            progress(done, len(tasks))
    seconds = time.perf_counter() - started
    for k, run in enumerate(runs):  # the tasks went scenario by scenario, in seed order
        mine = total["runs"][k * matches : (k + 1) * matches]
        run["turns"] = sum(r["turns"] for r in mine)
        run["started_in"] = dict(Counter(r["started_in"] for r in mine))
        run["ended_in"] = dict(
            sorted(Counter(r["ended_in"] for r in mine).items(), key=lambda kv: _rank(kv[0]))
        )
        run["reached"] = dict(
            sorted(
                Counter(a for r in mine for a in r["reached"]).items(),
                key=lambda kv: _rank(kv[0]),
            )
        )
    digest = hashlib.sha256("".join(r["digest"] for r in total["runs"]).encode()).hexdigest()
    used = 1 if executor is None and min(jobs, len(tasks)) <= 1 else jobs
    return {
        "ai": ai,
        "matches": total["matches"],
        "turns": total["turns"],
        "scenarios": runs,
        "definitions": DEFINITIONS,
        "rows": table(total),
        "digest": digest,
        "timing": {
            "jobs": used if executor is None else None,
            "seconds": round(seconds, 3),
            "matches_per_second": round(total["matches"] / seconds, 2) if seconds > 0 else None,
            "turns_per_second": round(total["turns"] / seconds, 1) if seconds > 0 else None,
            "cpu_seconds_here": round(time.process_time() - cpu_started, 3),
        },
    }


DEFINITIONS = {
    "turns": "turns that began in the arrangement (report.arrangement_before)",
    "criteria": "peace, justice, pluralism, freedom: their mean as those turns began",
    "drift": "the mean change of each criterion in a turn begun there (after - before)",
    "targets": "the mean structural level each criterion tends toward there "
    "(engine.structure.structural_targets on the world the turn began in)",
    "causes": "the largest causes of change there by total amount, from the ledger "
    "(report.changes) by message key and criterion, per turn spent there",
    "next": "the arrangement the world most often moved to when it left (left: every move)",
    "reached": "per scenario: in how many of its matches the world was in each arrangement "
    "(a turn began there, or the match ended there)",
    "digest": "sha256 of every match's final-world digest, in seed order",
}
