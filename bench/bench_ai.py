"""How strong and how fast the mission AI (game/ai/mission.py) is: issue 12's first targets.

    python bench/bench_ai.py [--seeds 10] [--warlord 10] [--duel 10] [--seed 1] [--only NAME]

Sections (``--only policies|warlord|duel|speed|sweep``):

* **policies**: a fixed one-action policy on one seat (the first legal move of that action every
  turn where legal, nothing else: no card answered, no vote), every other seat ``normal``,
  against the same seat played ``normal`` on the same seeds. Prints how often the policy's seat
  scores higher (target: at most a third of the seeds).
* **warlord**: sandbox, Karsk attacks its weakest neighbour every turn (and plays ``normal`` with
  its other points), every other seat ``normal``: in how many matches the world is an empire
  with Karsk the strongest state, at any turn and at the end (target: well under half).
* **duel**: kosovo, one seat of each kind played ``hard`` and then ``easy`` (all others
  ``normal``), same seeds: how often ``hard`` scores higher (target: 70 %).
* **sweep** (``--sweep N``, off by default): every seat of every shipped scenario (or
  ``--sweep-scenarios``), each one-action policy its seat has at the start and doing nothing, N
  seeds each, against the same seat played ``normal``; prints the cases where the policy wins in
  more than a third of the seeds. ``--confirm M`` plays each flagged case on up to M seeds (the
  screen's first) and lists those still over a third: a 3-seed screen flags near ties, and misses
  more than half the cases that win 45 % of matches (fewer than two wins in three seeds).
  ``--screen-share S`` flags a case once its wins are more than S of the screen's seeds (default
  a third; ``--sweep 10 --screen-share 0.25`` flags three wins in ten, and misses a case that
  wins 40 % of matches about one time in six).
  Each case still over a third is printed beside a control: the same seat played ``normal``
  with its first turn skipped, on the same seeds (how often a seat beats itself: the floor of
  a case whose policy plays about as well as ``normal``).
  ``--sweep-seats a,b`` sweeps those actors instead of the seats (an actor not yet offered as a
  seat can be screened before it is).
* **speed**: median decision per seat per turn at ``normal`` and ``hard`` beside one engine turn
  (``resolve``) of the same worlds, in rounds that alternate the two (``--speed-rounds``; the
  ratio is taken within each round, its median printed with its range), and a whole kosovo
  match with every seat ``hard``.

Single process; every figure is deterministic for the seeds given.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.ai import make_bot
from game.ai.mission import MissionBot
from game.content.loader import SHIPPED_ORDER, load_scenario
from game.engine import Order, World, advance, legal_actions, new_world, resolve
from game.engine.model import Arrangement
from game.engine.scenario import Scenario
from game.engine.scoring import score
from game.engine.structure import measure, power
from game.session.settle import settle

ROOT = Path(__file__).resolve().parent.parent
Seat = Callable[[World, str], list[Order]]

POLICIES = [
    ("kosovo", "servia", "grant_autonomy"),
    ("kosovo", "servia", "reform"),
    ("kosovo", "atlantica", "reform"),
    ("sandbox", "karsk", None),  # do nothing
    ("sandbox", "tessaly", "grant_autonomy"),
]
DUEL_SEATS = ["servia", "atlantica", "european_union", "un", "rights_watch"]

_SCENARIOS: dict[str, Scenario] = {}


def scenario(key: str) -> Scenario:
    if key not in _SCENARIOS:
        _SCENARIOS[key] = load_scenario(ROOT / "scenarios" / f"{key}.json")
        settle()  # as the game does once its scenario is loaded (game/session/settle.py)
    return _SCENARIOS[key]


def play(key: str, seed: int, default: MissionBot, seats: dict[str, Seat] | None = None) -> World:
    """A whole match: ``default`` plays every seat not in ``seats``."""
    seats = seats or {}
    w = new_world(scenario(key), seed)
    while not w.ended:
        orders: list[Order] = []
        for a in sorted(w.actors):
            play_seat = seats.get(a)
            orders.extend(play_seat(w, a) if play_seat else default.choose(w, a))
        w = advance(w, orders)
    return w


def policy(action: str | None) -> Seat:
    def seat(w: World, a: str) -> list[Order]:
        if action is None:
            return []
        legal = legal_actions(w, a, only=action)
        return legal[:1]

    return seat


def warlord(w: World, a: str) -> list[Order]:
    """Attack the weakest neighbour not yet at war with it (nothing else)."""
    attacks = legal_actions(w, a, only="attack")
    if not attacks:
        return []
    return [min(attacks, key=lambda o: (power(w.state(o.target)), o.target))]  # type: ignore[arg-type]


def karsk_empire(w: World) -> bool:
    """The engine's own reading: the world is an empire and Karsk its hegemon."""
    m = measure(w)
    return m.arrangement == Arrangement.EMPIRE and m.hegemon == "karsk"


def karsk_people(w: World) -> float:
    """Karsk's share of the continent's people."""
    people = sum(w.population_of(s.id) for s in w.states()) or 1.0
    return w.population_of("karsk") / people if w.state("karsk") is not None else 0.0


def section_policies(args) -> None:
    print("## policies: a fixed one-action seat against the same seat played normal")
    normal_scores: dict[tuple[str, int], World] = {}
    for key, seat, action in POLICIES:
        wins, pol_s, norm_s = 0, [], []
        for k in range(args.seeds):
            seed = args.seed + k
            base = normal_scores.get((key, seed))
            if base is None:
                base = normal_scores[(key, seed)] = play(key, seed, make_bot("normal"))
            w = play(key, seed, make_bot("normal"), {seat: policy(action)})
            p, n = score(w, seat).total, score(base, seat).total
            pol_s.append(p)
            norm_s.append(n)
            wins += p > n
        name = f"{action or 'do nothing'} every turn"
        print(
            f"{key:8} {seat:10} {name:30} policy wins {wins}/{args.seeds}"
            f"  (policy mean {statistics.mean(pol_s):6.1f}, normal {statistics.mean(norm_s):6.1f})"
        )


def _warlord_run(bot: Callable[[], object], n: int, seed: int) -> tuple[int, int, list, list]:
    ever = end = 0
    first: list[int] = []
    half: list[int] = []  # the turn Karsk first held half the people
    for k in range(n):
        player = bot()
        w = new_world(scenario("sandbox"), seed + k)
        hit = halfway = None
        while not w.ended:
            orders: list[Order] = []
            for a in sorted(w.actors):
                orders.extend(warlord(w, a) if a == "karsk" else player.choose(w, a))  # type: ignore[attr-defined]
            w = advance(w, orders)
            if hit is None and karsk_empire(w):
                hit = w.turn
            if halfway is None and karsk_people(w) >= 0.5:
                halfway = w.turn
        ever += hit is not None
        end += karsk_empire(w)
        first += [hit] if hit is not None else []
        half += [halfway] if halfway is not None else []
    return ever, end, first, half


def section_warlord(args) -> None:
    from game.ai.baseline import BaselineBot

    print("## warlord: sandbox, Karsk attacks its weakest neighbour every turn")
    runs = [("normal", lambda: make_bot("normal"), args.warlord)]
    if args.warlord_baseline:
        runs.append(("baseline", BaselineBot, args.warlord_baseline))
    for name, bot, n in runs:
        ever, end, first, half = _warlord_run(bot, n, args.seed)
        when = f" (first at turn {min(first)}–{max(first)})" if first else ""
        halves = f", at turn {min(half)}–{max(half)}" if half else ""
        print(
            f"others {name:8}: an empire with Karsk its hegemon at any turn {ever}/{n}{when},"
            f" at the end {end}/{n}; Karsk held half the people in {len(half)}/{n}{halves}"
        )


def section_duel(args) -> None:
    print("## duel: kosovo, one seat hard then easy, every other seat normal")
    total_w = total_n = 0
    for seat in DUEL_SEATS:
        wins, hs, es = 0, [], []
        for k in range(args.duel):
            seed = args.seed + k
            hard = make_bot("hard")
            easy = make_bot("easy")
            wh = play("kosovo", seed, make_bot("normal"), {seat: hard.choose})
            we = play("kosovo", seed, make_bot("normal"), {seat: easy.choose})
            h, e = score(wh, seat).total, score(we, seat).total
            hs.append(h)
            es.append(e)
            wins += h > e
        total_w += wins
        total_n += args.duel
        kind = scenario("kosovo").actors[[a.id for a in scenario("kosovo").actors].index(seat)].kind
        print(
            f"{seat:15} ({kind:11}) hard beats easy {wins}/{args.duel}"
            f"  (hard mean {statistics.mean(hs):6.1f}, easy {statistics.mean(es):6.1f})"
        )
    print(f"all seats: {total_w}/{total_n} ({100 * total_w / max(1, total_n):.0f} %)")


SPEED_WORLDS = 24  # kosovo's turns: the speed section's sample

# every shipped scenario, the sandbox's seven starts included (the sweep left them out until
# 2026-12-06), in the order New match lists them
SWEEP_SCENARIOS = SHIPPED_ORDER


def section_sweep(args) -> None:
    """Every seat of every shipped scenario, every one-action policy its seat has at the start:
    the issue's "any seat of any shipped scenario", screened on a few seeds; with ``--confirm
    N``, each case the screen flags is played again up to N seeds (the screen's seeds first).
    With ``--jobs J``, the scenarios are swept in J processes (the same cases, the same
    figures, printed scenario by scenario in the same order)."""
    keys = args.sweep_scenarios.split(",") if args.sweep_scenarios else SWEEP_SCENARIOS
    n, confirm = args.sweep, max(args.confirm, args.sweep)
    print(f"## sweep: every seat's one-action policies against normal, {n} seeds each")
    jobs = max(1, min(args.jobs, len(keys)))
    seats = tuple(args.sweep_seats.split(",")) if args.sweep_seats else ()
    sweep = partial(
        _sweep_scenario,
        n=n,
        confirm=confirm,
        seed=args.seed,
        echo=jobs == 1,
        seats=seats,
        share=args.screen_share,
    )
    if jobs == 1:
        results = [sweep(key) for key in keys]
    else:
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            results = []
            for lines in pool.map(sweep, keys):
                for line in lines[1]:
                    print(line, flush=True)
                results.append(lines)
    cases = sum(r[0] for r in results)
    flagged = sum(len(r[1]) for r in results)
    held = [line for r in results for line in r[2]]
    share = "a third" if args.screen_share == 1 / 3 else f"{args.screen_share:g}"
    print(f"cases: {cases}; more than {share} of {n} seeds: {flagged}")
    if confirm > n:
        print(f"of those, more than a third of {confirm} seeds: {len(held)}")
        for line in held:
            print("  " + line)


def _sweep_scenario(
    key: str,
    n: int,
    confirm: int,
    seed: int,
    echo: bool,
    seats: tuple[str, ...] = (),
    share: float = 1 / 3,
) -> tuple[int, list[str], list[str]]:
    """One scenario's sweep: the cases screened, the lines of those flagged, and the lines of
    those still over a third of ``confirm`` seeds (each line printed as found if ``echo``).
    ``seats``, if given, are the actors swept instead of the scenario's seats (an actor the
    scenario does not offer may be screened as a seat before it is offered)."""
    normal: dict[int, World] = {}

    def wins_of(seat: str, played: Seat, seeds: range) -> tuple[int, float]:
        """How often the seat so ``played`` beats `normal` on the seeds, and the mean margin."""
        wins, margin = 0, 0.0
        for s in seeds:
            base = normal.get(s)
            if base is None:
                base = normal[s] = play(key, s, make_bot("normal"))
            w = play(key, s, make_bot("normal"), {seat: played})
            diff = score(w, seat).total - score(base, seat).total
            wins += diff > 0
            margin += diff
        return wins, margin

    controls: dict[str, int] = {}

    def control(seat: str) -> int:
        """How often ``normal`` with its first turn skipped beats ``normal`` on the confirm
        seeds: the floor a near tie stands on (a seat whose play moves the world a little
        beats itself about half the time)."""
        if seat not in controls:
            bot = make_bot("normal")

            def skip(w: World, a: str) -> list[Order]:
                return [] if w.turn <= 1 else bot.choose(w, a)

            controls[seat] = wins_of(seat, skip, range(seed, seed + confirm))[0]
        return controls[seat]

    cases = 0
    flagged: list[str] = []
    held: list[str] = []
    start = new_world(scenario(key), seed)
    for seat in [a for a in seats if a in start.actors] if seats else scenario(key).rules().seats:
        actions = sorted({o.action for o in legal_actions(start, seat)} - {"vote", "choose"})
        for action in [*actions, None]:
            wins, margin = wins_of(seat, policy(action), range(seed, seed + n))
            cases += 1
            if wins <= share * n:  # the screen (by default the limit, a third)
                continue
            name = f"{action or 'do nothing'} every turn"
            line = f"{key:10} {seat:18} {name:30} policy wins {wins}/{n}"
            if confirm > n:
                more, extra = wins_of(seat, policy(action), range(seed + n, seed + confirm))
                wins, margin = wins + more, margin + extra
                line += f", {wins}/{confirm} (mean margin {margin / confirm:+.1f})"
                if 3 * wins > confirm:
                    held.append(f"{line}; normal skipping turn 1: {control(seat)}/{confirm}")
            flagged.append(line)
            if echo:
                print(line, flush=True)
    return cases, flagged, held


def section_speed(args) -> None:
    print("## speed (one core)")
    worlds: list[World] = []
    seed = args.seed
    # at least a whole match's worth of worlds: a seed whose match ends early adds the next
    while len(worlds) < SPEED_WORLDS:
        w = new_world(scenario("kosovo"), seed)
        bot = make_bot("normal")
        while not w.ended:
            worlds.append(w)
            w = advance(w, [o for a in sorted(w.actors) for o in bot.choose(w, a)])
        seed += 1
    settle()  # the worlds measured are kept alive: out of the collector's full passes
    # Rounds alternate the engine's turns and each level's decisions, and every ratio is taken
    # within a round: a busy moment of the machine falls on both sides of it alike.
    turns = [
        (w, [o for a in sorted(w.actors) for o in make_bot("easy").choose(w, a)]) for w in worlds
    ]
    levels = ("easy", "normal", "hard")
    eng_r: list[float] = []
    med_r: dict[str, list[float]] = {lv: [] for lv in levels}
    mean_r: dict[str, list[float]] = {lv: [] for lv in levels}
    for _ in range(args.speed_rounds):
        engine: list[float] = []
        for w, orders in turns:
            t = time.process_time()
            resolve(w, orders)
            engine.append(time.process_time() - t)
        eng_r.append(statistics.median(engine) * 1000)
        for level in levels:
            per_seat: list[float] = []
            for w in worlds:
                b = make_bot(level)
                fresh = w.clone()  # no memo: the turn's shared work is paid inside the timing
                for a in sorted(fresh.actors):
                    t = time.process_time()
                    b.choose(fresh, a)
                    per_seat.append(time.process_time() - t)
            med_r[level].append(statistics.median(per_seat) * 1000)
            mean_r[level].append(statistics.mean(per_seat) * 1000)
    eng = statistics.median(eng_r)
    print(
        f"kosovo, one engine turn (resolve, {len(worlds)} worlds): median {eng:.2f} ms"
        f" ({args.speed_rounds} rounds, {min(eng_r):.2f}–{max(eng_r):.2f})"
    )
    for level in levels:
        ratios = [m / e for m, e in zip(med_r[level], eng_r, strict=True)]
        means = [m / e for m, e in zip(mean_r[level], eng_r, strict=True)]
        print(
            f"{level:6} decision per seat per turn: median {statistics.median(med_r[level]):.2f} ms"
            f" ({statistics.median(ratios):.2f} engine turns, {min(ratios):.2f}–{max(ratios):.2f}),"
            f" mean {statistics.median(mean_r[level]):.2f} ms ({statistics.median(means):.2f})"
        )
    # the first seed whose match runs to its last turn (an early ending would flatter it)
    seed = args.seed
    while True:
        t = time.process_time()
        w = play("kosovo", seed, make_bot("hard"))
        spent = time.process_time() - t
        if w.turn >= w.last_turn or seed >= args.seed + 20:
            break
        seed += 1
    print(f"a whole kosovo match, every seat hard: {spent:.2f} s (seed {seed}, {w.turn} turns)")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seeds", type=int, default=10, help="seeds per policy case")
    p.add_argument("--warlord", type=int, default=10, help="warlord matches")
    p.add_argument("--warlord-baseline", type=int, default=0, help="same, against the baseline")
    p.add_argument("--duel", type=int, default=10, help="seeds per duel seat")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--speed-rounds", type=int, default=5, help="rounds of the speed section")
    p.add_argument("--sweep", type=int, default=0, help="seeds per case of the sweep (0: off)")
    p.add_argument("--sweep-scenarios", default="", help="comma-separated scenario ids")
    p.add_argument(
        "--sweep-seats", default="", help="comma-separated actor ids swept instead of the seats"
    )
    p.add_argument(
        "--confirm", type=int, default=0, help="seeds each case the sweep flags is played to"
    )
    p.add_argument(
        "--jobs", type=int, default=1, help="processes the sweep's scenarios are shared among"
    )
    p.add_argument(
        "--screen-share",
        type=float,
        default=1 / 3,
        help="the sweep's screen flags a case whose wins are more than this share of its seeds",
    )
    p.add_argument("--only", choices=["policies", "warlord", "duel", "speed", "sweep"])
    args = p.parse_args(argv)
    sections = {
        "speed": section_speed,
        "policies": section_policies,
        "warlord": section_warlord,
        "duel": section_duel,
        "sweep": section_sweep,
    }
    for name, run in sections.items():
        if name == "sweep" and not args.sweep:
            continue  # hours of matches: only when asked for (--sweep N)
        if args.only in (None, name):
            t, wall = time.process_time(), time.perf_counter()
            run(args)
            spent = time.perf_counter() - wall
            print(f"({name}: {time.process_time() - t:.0f} s, {spent:.0f} s wall)\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
