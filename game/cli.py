"""The `continuum` command."""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game import __version__
from game.progress import ProgressLine, plural

if TYPE_CHECKING:
    from game.net.console_client import ServedHost

DEFAULT_SCENARIO = "kosovo"

DESCRIPTION = """\
Continuum: a turn-based strategy game about how the world could be governed.

Every choice moves the world along the continuum of Michael Walzer's essay, from one global
state to the anarchy of sovereign states; the world is judged on peace, distributive justice,
cultural pluralism and individual freedom.

With no command, the game opens its window at the main menu.
"""

EPILOG = """\
examples:
  continuum simulate kosovo --matches 20 --seed 1 --json
  continuum study sandbox sandbox_empire --matches 50 --jobs 2
  continuum validate scenarios/ my_scenario.json
  continuum schema > scenario.schema.json
  continuum host kosovo            (the teacher console in a window)
  continuum host kosovo --headless
  continuum host --resume JOURNAL --headless
  continuum debrief JOURNAL --out handout/
  continuum join 192.168.1.20:8765 --code K7QP2M
  continuum snapshot kosovo --turns 5 --out match.png --screen match

SCENARIO is a path to a scenario file or the id of a shipped or user scenario.
Exit codes: 0 success, 1 bad input (the message says where and what), 2 bad command line.
"""


def _wrap(text: str) -> str:
    import textwrap

    return textwrap.fill(text, width=88)


def _ai_option(parser: argparse.ArgumentParser, about_mission: str) -> None:
    """``--ai LEVEL``: who plays every seat, the baseline (the default) or the mission AI."""
    parser.add_argument(
        "--ai",
        default="baseline",
        choices=("baseline", "easy", "normal", "hard"),
        metavar="LEVEL",
        help="the AI that plays every seat: `baseline` (the rule-of-thumb AI, the default) or "
        f"the mission AI at `easy`, `normal` or `hard` ({about_mission})",
    )


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser and each command's own (whose usage a wrong option shows)."""
    p = argparse.ArgumentParser(
        prog="continuum",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"continuum {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="watch the AI play a match, turn report by turn report")
    play.add_argument("scenario", nargs="?", default=DEFAULT_SCENARIO, metavar="SCENARIO")
    play.add_argument(
        "--seed", type=int, default=None, help="the match's seed (default: the scenario's)"
    )
    play.add_argument("--turns", type=int, default=None, metavar="N", help="stop after N turns")
    play.add_argument(
        "--save",
        metavar="FILE",
        help="save the match to FILE when play stops (atomic; its folder must exist)",
    )
    play.add_argument(
        "--load", metavar="FILE", help="go on with the match saved in FILE instead of a new one"
    )
    _ai_option(play, "which says after each report why each seat chose as it did")

    sim = sub.add_parser(
        "simulate",
        help="AI plays every seat; print a summary",
        description="The AI plays every seat of SCENARIO for N matches with seeds S, S+1, …",
    )
    sim.add_argument("scenario", metavar="SCENARIO")
    sim.add_argument(
        "--matches", type=int, default=1, metavar="N", help="how many matches (default 1)"
    )
    sim.add_argument(
        "--seed", type=int, default=None, metavar="S", help="first seed (default: the scenario's)"
    )
    sim.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: one per core); the results are the same whatever N",
    )
    sim.add_argument("--json", action="store_true", help="print one JSON object instead of a table")

    stu = sub.add_parser(
        "study",
        help="AI matches of one or more scenarios; print the table of the seven arrangements",
        description=_wrap(
            "The AI plays every seat of N matches of each SCENARIO (seeds S, S+1, …) and the "
            "study prints the game's table of the seven arrangements: for each, the turns spent "
            "there, the mean of each criterion there, its mean change a turn there (drift), the "
            "level the world's structure pulls it toward there (structural target), the chief "
            "causes of change from the turn reports, and where the world most often went next."
        ),
        epilog="example:\n  continuum study sandbox sandbox_empire sandbox_federation "
        "--matches 50 --seed 1\n\n"
        + _wrap(
            "A turn counts for the arrangement it began in. The figures are the same whatever "
            "the number of jobs; with --json they come as one object whose rows hold one entry "
            "per arrangement (arrangement, turns, peace, justice, pluralism, freedom, drift, "
            "targets, causes, next). A progress bar shows on a terminal, never with --json."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    stu.add_argument(
        "scenarios",
        nargs="+",
        metavar="SCENARIO",
        help="a scenario's id or file; several are studied together, in the order given",
    )
    stu.add_argument(
        "--matches",
        type=int,
        default=20,
        metavar="N",
        help="matches of each scenario (default 20)",
    )
    stu.add_argument(
        "--seed",
        type=int,
        default=None,
        metavar="S",
        help="first seed of each scenario's matches (default: each scenario's own)",
    )
    _ai_option(stu, "slower: it looks ahead")
    stu.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: one per core); the table is the same whatever N",
    )
    stu.add_argument(
        "--json", action="store_true", help="print one JSON object instead of the table"
    )

    val = sub.add_parser(
        "validate",
        help="check scenario files; print every problem with file, line and column",
        description="Check each scenario file (and the parts it includes): its shape, that every "
        "id it names exists, that its map can be drawn and every seat can act, and, by playing "
        "sample matches, that every card can be dealt and every end condition met. Exit 0 when "
        "nothing is an error (warnings are printed); otherwise print each problem and exit 1.",
    )
    val.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="scenario files, folders (walked with their subfolders) or scenario ids",
    )
    val.add_argument(
        "--quick",
        action="store_true",
        help="skip the sample matches (cards that never trigger, endings never met)",
    )

    window = sub.add_parser(
        "window",
        help="open the game at its main menu (what `continuum` alone does)",
        description="Open the game window at the main menu.",
    )

    snap = sub.add_parser(
        "snapshot",
        help="render a screen headlessly to a PNG after N AI turns",
        description="Render the match, report or debrief screen of SCENARIO to a PNG, headlessly "
        "(SDL's dummy video driver), after N turns played by the AI.",
    )
    snap.add_argument("scenario", metavar="SCENARIO")
    snap.add_argument(
        "--out", required=True, metavar="FILE.png", help="the PNG to write (its folder must exist)"
    )
    snap.add_argument("--turns", type=int, default=0, metavar="N")
    snap.add_argument("--seed", type=int, default=None, metavar="S")
    snap.add_argument("--size", default="1280x720", metavar="WxH")
    snap.add_argument("--screen", choices=("match", "report", "debrief"), default="match")

    schema = sub.add_parser(
        "schema",
        help="print the scenario JSON Schema",
        description="Print the JSON Schema of scenario files.",
    )
    schema.add_argument(
        "--protocol",
        action="store_true",
        help="print the seminar protocol's JSON Schema instead (docs/protocol.schema.json)",
    )
    schema.add_argument(
        "--part",
        choices=("card", "cards", "actors", "map", "missions", "endings"),
        metavar="KIND",
        help="print the JSON Schema of a part file a scenario includes instead "
        "(docs/schema/KIND.schema.json): card, cards, actors, map, missions or endings",
    )
    host = sub.add_parser(
        "host",
        help="host a class match on the network (seminar play)",
        description="Host one match of SCENARIO for a class: students join a seat each (or a "
        "team a seat) with the join codes printed, from the game on their own computers; the "
        "AI plays every seat nobody claimed. Serves until Ctrl+C.",
    )
    host.add_argument(
        "scenario", nargs="?", metavar="SCENARIO", help="the scenario (not with --resume)"
    )
    host.add_argument(
        "--resume",
        metavar="JOURNAL",
        help="go on with the class match kept in JOURNAL (the file the host printed), from its "
        "last committed turn, with the same seats and join codes",
    )
    host.add_argument(
        "--journal",
        metavar="FILE",
        help="keep the match in FILE, a new file (default: a new file in the journals folder "
        "of your data folder)",
    )
    host.add_argument(
        "--port",
        type=int,
        default=8765,
        metavar="N",
        help="the port to listen on (default 8765; 0: any free port)",
    )
    host.add_argument(
        "--bind",
        default="0.0.0.0",
        metavar="ADDRESS",
        help="the address to listen on (default: every network of this computer; "
        "127.0.0.1: this computer only)",
    )
    host.add_argument(
        "--seats",
        metavar="SEAT,...",
        help="the seats students may play, a join code each (default: every seat the scenario "
        "offers people)",
    )
    host.add_argument(
        "--seed",
        type=int,
        default=None,
        metavar="S",
        help="the match's seed (default: the scenario's)",
    )
    host.add_argument(
        "--headless",
        action="store_true",
        help="serve without a window: print the address, the console token and the join codes",
    )
    host.add_argument(
        "--no-announce",
        action="store_true",
        help="do not announce the class on the local network (students then type the address)",
    )
    join = sub.add_parser(
        "join",
        help="join a class match as a student (seminar play)",
        description="Open the game on the Join screen, the classes announced on the local "
        "network listed; with ADDRESS (and --code) it joins that class's seat straight away.",
    )
    join.add_argument(
        "address",
        nargs="?",
        metavar="ADDRESS",
        help="the host's address as the teacher's screen shows it (host:port)",
    )
    join.add_argument("--code", metavar="CODE", help="your seat's join code")
    join.add_argument(
        "--name", metavar="NAME", help="your name, as your team mates see it (default: student)"
    )
    join.add_argument(
        "--check",
        action="store_true",
        help="no window: join ADDRESS with --code, say which seat of which match the host "
        "gave (or why not) and leave; a connection test for a student's computer (the seat is "
        "taken as joining takes it: the student then joins it with the same code)",
    )
    rep = sub.add_parser(
        "replay",
        help="watch a class match's replay file (the replay.json `continuum debrief` writes)",
        description="Open the game on Watch a replay with FILE: the match turn by turn, then "
        "its debrief. A file that is not a whole replay is refused with a line that says why.",
    )
    rep.add_argument("file", metavar="FILE", help="the replay file (replay.json)")
    deb = sub.add_parser(
        "debrief",
        help="write a class match's debrief (HTML, CSV, replay) from its journal",
        description=_wrap(
            "Write the debrief of the class match kept in JOURNAL into the folder DIR: "
            "debrief.html (one self-contained page: the four criteria and the path along the "
            "continuum as charts, each seat's decisions turn by turn, the cards and their "
            "lessons, questions for discussion drawn from this match), criteria.csv (every "
            "criterion and the place on the continuum per turn) and replay.json (the match "
            "turn by turn, for Watch a replay). The match need not be over."
        ),
    )
    deb.add_argument("journal", metavar="JOURNAL", help="the journal the host printed")
    deb.add_argument(
        "--out", required=True, metavar="DIR", help="the folder to write (made if missing)"
    )
    deb.add_argument(
        "--messages",
        action="store_true",
        help="include the messages the students sent (left out unless asked)",
    )
    deb.add_argument(
        "--lang", choices=("en", "es"), default="en", help="the page's language (default en)"
    )
    commands = {
        "host": host,
        "debrief": deb,
        "replay": rep,
        "join": join,
        "play": play,
        "simulate": sim,
        "study": stu,
        "validate": val,
        "window": window,
        "snapshot": snap,
        "schema": schema,
    }
    return p, commands


def _load(name: str):
    from game.content import find_scenario, load_scenario

    return load_scenario(find_scenario(name))


def _cannot_write(option: str, value: str) -> str | None:
    from game.writable import cannot_write

    return cannot_write(value, option)


def _refuse(message: str) -> int:
    print(f"continuum: {message}", file=sys.stderr)
    return 1


def arrangement_name(value: str) -> str:
    """An arrangement as the report names it ("First degree of global pluralism")."""
    from game.ui.i18n import t

    return t(f"report.arrangement.{value}")


def cmd_play(args: argparse.Namespace) -> int:
    from game.engine import scores
    from game.engine.names import label
    from game.engine.scenario import text
    from game.session.match import Match, ai_orders
    from game.session.saves import SaveError, load_match

    if args.turns is not None and args.turns < 0:
        print("continuum: --turns must be 0 or more", file=sys.stderr)
        return 2
    if args.save and (why := _cannot_write("--save", args.save)):
        return _refuse(why)  # before the match is played, not after
    try:
        if args.load:
            saved = load_match(Path(args.load))
            match = Match.resumed(saved.world, saved.record)
            print(f"{match.world.title}: resumed at turn {match.world.turn}")
        else:
            scenario = _load(args.scenario)
            match = Match.start(scenario, args.seed)
            print(text(scenario.title))
            print(text(scenario.briefing) or text(scenario.summary))
        print()
        played = 0
        bot = None
        if args.ai != "baseline":
            from game.ai import make_bot

            bot = make_bot(args.ai)  # one for the whole match: it caches between seats
        while not match.world.ended and (args.turns is None or played < args.turns):
            if bot is None:
                orders = ai_orders(match.world)
            else:
                from game.ai import ai_orders as mission_orders

                before = match.world
                orders = mission_orders(before, bot)
            report = match.play_turn(orders)
            print(report.text(), end="\n\n")
            if bot is not None:
                print("Why the AI chose so:")
                for actor_id, reason in sorted(bot.reasons.items()):
                    if actor_id in before.actors:
                        print(f"  {reason.text()}")  # each line names its seat
                print()
            played += 1
        world = match.world
        if world.ended:
            print("Scores:")
            for actor_id, s in sorted(scores(world).items(), key=lambda kv: -kv[1].total):
                who = world.named(actor_id)  # on the map, or fallen: scores() lists both
                name = label(text(who.name), "en") if who is not None else actor_id  # no article
                fell = f", fell on turn {s.fell}" if s.fell is not None else ""
                print(f"  {name:<32} {s.total:6.1f}  ({text(s.role)}{fell})")
            print()
        if args.save:
            match.save(Path(args.save))
        print(_closing(world, played, args.save))
    except SaveError as e:
        print(f"continuum: {e}", file=sys.stderr)
        return 1
    return 0


def _closing(world: Any, played: int, saved: str | None) -> str:
    """The last line of ``play``: how the match stands, and where it was saved."""
    from game.engine import arrangement

    last = world.last_turn
    where = arrangement_name(arrangement(world).arrangement.value)
    if world.ended:
        line = f"The match is over after turn {world.turn} of {last}; the world ends as: {where}."
    elif played == 0:
        line = f"No turn played: the match stands at turn {world.turn} of {last}."
    else:
        line = f"Stopped after turn {world.turn - 1} of {last}; the world stands as: {where}."
    if saved:
        return f"{line} Saved to {saved}."
    if not world.ended:
        return f"{line} (Add --save FILE to go on later with --load FILE.)"
    return line


MAX_MATCHES = 100_000
MAX_JOBS = 256
# Under this share of their time on a processor, simulate says the machine was busy.
BUSY_SHARE = 0.8


def _bad_counts(args: argparse.Namespace) -> str | None:
    """What is wrong with --matches or --jobs, in one line (None: nothing)."""
    if args.matches < 1 or args.matches > MAX_MATCHES:
        return f"--matches must be between 1 and {MAX_MATCHES}"
    if args.jobs is not None and not 1 <= args.jobs <= MAX_JOBS:
        return f"--jobs must be between 1 and {MAX_JOBS}"
    return None


def _jobs(args: argparse.Namespace) -> int:
    from game.session.study import default_jobs

    return args.jobs if args.jobs is not None else default_jobs()


def cmd_simulate(args: argparse.Namespace) -> int:
    from game.content import find_scenario, load_scenario
    from game.session.simulate import simulate

    if why := _bad_counts(args):
        print(f"continuum: {why}", file=sys.stderr)
        return 2
    path = find_scenario(args.scenario)
    scenario = load_scenario(path)
    result = simulate(scenario, args.matches, args.seed, jobs=_jobs(args), source=path)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    head = (
        f"{result['scenario']}: {plural(result['matches'], 'match', 'matches')}, "
        f"{plural(result['turns'], 'turn', 'turns')}, {result['turns_per_second']} turns/s "
    )
    if result["jobs"] == 1:
        head += (
            f"(the matches timed alone, as bench/bench_engine.py times them: "
            f"{result['play_seconds']:.2f} s of {result['seconds']:.2f} s)"
        )
    else:
        head += (
            f"a process (the matches timed alone, as bench/bench_engine.py times them), "
            f"{result['turns_per_wall_second']} turns/s in all on {result['jobs']} jobs "
            f"({result['seconds']:.2f} s)"
        )
    print(head)
    share = result["cpu_share"]
    if share is not None and share < BUSY_SHARE:
        print(
            f"the matches had a processor {share:.0%} of their time (other programs ran, or more "
            f"jobs than free cores): {result['turns_per_cpu_second']} turns per CPU second, the "
            "figure to set beside bench/bench_engine.py's per-CPU-second row"
        )
    print("mean final criteria: " + ", ".join(f"{k} {v:.1f}" for k, v in result["final"].items()))
    print(
        "ended in: "
        + ", ".join(
            f"{arrangement_name(k)} ({plural(v, 'match', 'matches')})"
            for k, v in result["arrangements"].items()
            if v
        )
    )
    print()
    # One row a match, under headers that say what each column is.
    rows = [
        [str(r["seed"]), arrangement_name(r["arrangement"])]
        + [f"{v:.1f}" for v in r["final"].values()]
        + [r["digest"][:12]]
        for r in result["results"]
    ]
    criteria = list(result["results"][0]["final"]) if result["results"] else []
    head = ["seed", "world at the end", *criteria, "digest"]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    numeric = {0, *range(2, 2 + len(criteria))}

    def fmt(row: list[str]) -> str:
        cells = [
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  " + "  ".join(cells).rstrip()

    print(fmt(head))
    for row in rows:
        print(fmt(row))
    return 0


def _bar(done: int, total: int, width: int = 24) -> str:
    filled = round(width * done / total) if total else width
    return "[" + "#" * filled + "." * (width - filled) + "]"


def cmd_study(args: argparse.Namespace) -> int:
    import time

    from game.content import find_scenario, load_scenario
    from game.session.study import study

    if why := _bad_counts(args):
        print(f"continuum: {why}", file=sys.stderr)
        return 2
    paths: list[Path] = []
    for name in args.scenarios:  # every one is read before any match is played
        path = find_scenario(name)
        load_scenario(path)
        if path.resolve() not in {p.resolve() for p in paths}:
            paths.append(path)
    total = args.matches * len(paths)
    # The bar only on a terminal, and never beside the JSON a program reads.
    line = ProgressLine(sys.stderr)
    line.active = line.active and not args.json and sys.stdout.isatty()
    started = time.perf_counter()

    def progress(done: int, of: int) -> None:
        ahead = (time.perf_counter() - started) / done * (of - done)
        left = f", about {ahead:.0f} s left" if ahead >= 1 else ""
        line.show(f"study {_bar(done, of)} {done:,} of {of:,} matches{left}")

    line.show(f"study {_bar(0, total)} 0 of {total:,} matches")
    try:
        result = study(
            paths, args.matches, args.seed, ai=args.ai, jobs=_jobs(args), progress=progress
        )
    finally:
        line.clear()
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(study_text(result))
    return 0


def _short(arrangement: str) -> str:
    from game.ui.i18n import t

    return t(f"report.arrangement_short.{arrangement}")


def study_text(result: dict[str, Any]) -> str:
    """The study as a terminal shows it: three small tables, each under 80 columns."""
    from game.session.study import CRITERIA

    timing = result["timing"]
    names = ", ".join(r["scenario"] for r in result["scenarios"])
    seeds = sorted({r["seed"] for r in result["scenarios"]})
    first = (
        f"seeds {seeds[0]}–{seeds[0] + result['scenarios'][0]['matches'] - 1}"
        if len(seeds) == 1
        else "each scenario's own seeds"
    )
    out = [
        f"{names}: {plural(result['matches'], 'match', 'matches')} ({first}), "
        f"{plural(result['turns'], 'turn', 'turns')}, AI {result['ai']}; "
        f"{timing['seconds']:.1f} s on {plural(timing['jobs'] or 1, 'job', 'jobs')} "
        f"({timing['matches_per_second']} matches/s)",
        "",
        "The world in each arrangement (a turn counts where it began):",
    ]
    rows = result["rows"]
    all_turns = sum(r["turns"] for r in rows) or 1
    head = ["arrangement", "turns", "share", *CRITERIA, "most often next"]
    body = []
    for r in rows:
        if not r["turns"]:
            body.append([_short(r["arrangement"]), "0", "", "", "", "", "", "never reached"])
            continue
        moves = sum(r["left"].values())
        nxt = (
            f"{_short(r['next'])} ({r['left'][r['next']]} of {moves} moves)"
            if r["next"]
            else "never left"
        )
        body.append(
            [_short(r["arrangement"]), f"{r['turns']:,}", f"{100 * r['turns'] / all_turns:.1f}%"]
            + [f"{r[c]:.1f}" for c in CRITERIA]
            + [nxt]
        )
    out += _grid(head, body, numeric=range(1, 7))
    out += ["", "Change a turn there (drift) → the level its structure pulls toward (target):"]
    body = []
    for r in rows:
        if not r["turns"]:
            body.append([_short(r["arrangement"]), *["—"] * len(CRITERIA)])
            continue
        body.append(
            [_short(r["arrangement"])]
            + [f"{r['drift'][c]:+.2f} → {r['targets'][c]:.0f}" for c in CRITERIA]
        )
    out += _grid(["arrangement", *CRITERIA], body, numeric=range(1, 5))
    out += ["", "Chief causes of change there, a turn (from the turn reports):"]
    for r in rows:
        if not r["turns"]:
            continue
        out.append(f"  {_short(r['arrangement'])}:")
        for c in r["causes"][:3]:
            out.append(f"    {c['criterion']:<9} {c['per_turn']:+6.2f}  {c['text']}")
    out += ["", "Matches that were ever in each arrangement, and where they ended:"]
    for run in result["scenarios"]:
        reached = run.get("reached", {})
        ended = run.get("ended_in", {})
        out.append(f"  {run['scenario']} ({plural(run['matches'], 'match', 'matches')}):")
        for arr, n in reached.items():
            out.append(f"    {_short(arr):<15} {n:>6,} reached, {ended.get(arr, 0):>6,} ended")
    out += ["", "(--json gives every figure, five causes a row and every move between them.)"]
    return "\n".join(out)


def _grid(head: list[str], rows: list[list[str]], numeric: Any = ()) -> list[str]:
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    numeric = set(numeric)

    def fmt(row: list[str]) -> str:
        cells = [
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  " + "  ".join(cells).rstrip()

    return [fmt(head), *(fmt(row) for row in rows)]


def cmd_validate(args: argparse.Namespace) -> int:
    from game.content.loader import validate_scenarios

    line = ProgressLine(sys.stderr)

    def progress(path: Path, done: int, total: int) -> None:
        line.show(f"checking {path.name} ({done + 1} of {total})…")

    try:
        found = validate_scenarios(args.paths, deep=not args.quick, progress=progress)
    finally:
        line.clear()
    problems = found.problems
    # A report's last line may stand for many ("… and 1,200 more errors not shown").
    errors = sum(p.count for p in problems if p.is_error)
    warnings = sum(p.count for p in problems if not p.is_error)
    for p in problems:
        print(p)
    checked = plural(len(found.scenarios), "scenario", "scenarios") + " checked"
    if errors:
        print(
            f"{checked}: {errors:,} error{'' if errors == 1 else 's'}, "
            f"{warnings:,} warning{'' if warnings == 1 else 's'}"
        )
        return 1
    count = len(found.scenarios)
    print(
        f"ok: {plural(count, 'scenario', 'scenarios')} valid"
        + (f", {plural(warnings, 'warning', 'warnings')}" if warnings else "")
    )
    return 0


def cmd_snapshot(args: argparse.Namespace) -> int:
    try:
        w, h = (int(x) for x in args.size.lower().split("x"))
    except ValueError:
        print(
            f"continuum: --size must be WIDTHxHEIGHT, like 1280x720, not {args.size!r}",
            file=sys.stderr,
        )
        return 2
    if not (320 <= w <= 7680 and 240 <= h <= 4320) or args.turns < 0:
        print("continuum: --size or --turns out of range", file=sys.stderr)
        return 2
    if why := _cannot_write("--out", args.out):
        return _refuse(why)
    from game.ui.snapshot import SnapshotError, snapshot

    try:
        path = snapshot(
            args.scenario,
            Path(args.out),
            turns=args.turns,
            seed=args.seed,
            size=(w, h),
            screen=args.screen,
        )
    except SnapshotError as e:
        print(f"continuum: {e}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    return 0


def cmd_window(args: argparse.Namespace) -> int:
    from game.session.settle import settle
    from game.ui.main import run

    settle()  # the code is loaded: keep it out of the collector's full passes (no frame pauses)
    run()
    return 0


def cmd_host(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        return _refuse(f"--port {args.port}: a port is a number from 0 to 65535")
    if args.resume is not None:
        return _host_resume(args)
    if args.scenario is None:
        return _refuse("host: name the SCENARIO to play, or --resume JOURNAL to go on with one")
    scenario = _load(args.scenario)
    seats = None
    if args.seats is not None:
        seats = [s.strip() for s in args.seats.split(",") if s.strip()]
        unknown = [s for s in seats if s not in scenario.seats]
        if unknown or not seats or len(set(seats)) != len(seats):
            return _refuse(
                f"--seats {args.seats}: each seat once, from those {scenario.id} offers people: "
                + ", ".join(scenario.seats)
            )
    from game.net.discovery import announcing
    from game.net.host import run_headless
    from game.net.journal import JournalError, new_journal_path

    journal = Path(args.journal) if args.journal else new_journal_path(scenario.id)
    if not args.headless:
        from game.net.console_client import ServedHost

        return _host_window(
            lambda: ServedHost.new(scenario, seats, journal, args.bind, args.port, args.seed),
            args,
        )
    try:
        with announcing(not args.no_announce, args.bind, sys.stdout) as on_start:
            return run_headless(
                scenario,
                seats,
                args.bind,
                args.port,
                args.seed,
                journal=journal,
                on_start=on_start,
            )
    except JournalError as e:
        return _refuse(str(e))
    except OSError as e:
        return _refuse(f"cannot listen on {args.bind}:{args.port}: {e.strerror or e}")


def _host_resume(args: argparse.Namespace) -> int:
    """``host --resume JOURNAL``: the match kept there goes on, same seats and codes."""
    if args.scenario is not None or args.seats is not None or args.seed is not None:
        return _refuse(
            "host --resume: the journal already holds the scenario, seats and seed; "
            "give none of SCENARIO, --seats, --seed"
        )
    if args.journal is not None:
        return _refuse("host --resume: the match goes on in the journal it came from; no --journal")
    from game.net.discovery import announcing
    from game.net.host import run_headless
    from game.net.journal import JournalError

    if not args.headless:
        from game.net.console_client import ServedHost

        return _host_window(
            lambda: ServedHost.resume(Path(args.resume), args.bind, args.port), args
        )
    try:
        with announcing(not args.no_announce, args.bind, sys.stdout) as on_start:
            return run_headless(
                None, None, args.bind, args.port, resume=Path(args.resume), on_start=on_start
            )
    except JournalError as e:
        return _refuse(str(e))
    except OSError as e:
        return _refuse(f"cannot listen on {args.bind}:{args.port}: {e.strerror or e}")


def _host_window(start: Callable[[], ServedHost], args: argparse.Namespace) -> int:
    """``continuum host`` with a window: the host in a background thread, the teacher console
    in the window; what the headless host prints is printed too (the codes, the journal)."""
    from game.net.journal import JournalError

    try:
        served = start()
    except JournalError as e:
        return _refuse(str(e))
    except OSError as e:
        return _refuse(f"cannot listen on {args.bind}:{args.port}: {e.strerror or e}")
    host = served.host
    width = max((len(s) for s in host.codes.values()), default=4)
    lines = [
        f"Continuum host: {host.title}, turn {host.match.world.turn}",
        f"address: {served.address}",
        f"console token: {host.console_token}",
        "join codes:",
        *(f"  {seat:<{width}}  {code}" for code, seat in host.codes.items()),
        *([f"journal: {host.journal.path}"] if host.journal is not None else []),
    ]
    print("\n".join(lines), flush=True)
    from game.session.settle import settle
    from game.ui.main import run
    from game.ui.scenes.host_form import open_console

    settle()
    try:
        if not args.no_announce:
            served.announce(sys.stdout)
        run(lambda app: open_console(app, served))
    finally:
        served.stop()
    return 0


def cmd_debrief(args: argparse.Namespace) -> int:
    from game.net.journal import JournalError, read_journal
    from game.report.class_debrief import export_class_debrief

    try:
        contents = read_journal(args.journal)
        written = export_class_debrief(
            contents, Path(args.out), messages=args.messages, lang=args.lang
        )
    except JournalError as e:
        return _refuse(str(e))
    except OSError as e:
        return _refuse(f"{args.out}: could not be written: {e.strerror or e}")
    for path in written:
        print(f"wrote {path}")
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    from game.report.replay import ReplayError, load_replay

    try:
        replay = load_replay(args.file)  # refused here, before a window opens
    except ReplayError as e:
        return _refuse(str(e))
    from game.session.settle import settle
    from game.ui.main import run
    from game.ui.scenes.replay import ReplayScene

    settle()
    run(lambda app: ReplayScene(app, replay, Path(args.file)))
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    from game.net.client import AddressError, parse_address

    if args.address:
        try:
            parse_address(args.address)
        except AddressError as e:
            return _refuse(f"{e}")
    if args.code and not args.address:
        return _refuse("--code needs the host's ADDRESS too (host:port)")
    if args.check:
        return _join_check(args)
    from game.session.settle import settle
    from game.ui.main import run
    from game.ui.scenes.join import JoinScene

    settle()
    run(lambda app: JoinScene(app, args.address or "", args.code or "", args.name or ""))
    return 0


def _join_check(args: argparse.Namespace) -> int:
    """Join, report the seat the host gave, and leave."""
    from game.net.client import RemoteMatch

    if not args.address or not args.code:
        return _refuse("--check needs the host's ADDRESS and your --code")
    match = RemoteMatch.join(args.address, args.code, args.name or "check")
    try:
        match.wait(lambda: match.status != "connecting", timeout=15.0)
        if match.status != "playing":
            why = str(match.failure) if match.failure else "the host did not answer in 15 s"
            return _refuse(f"could not join {args.address}: {why}")
        world = match.view(match.seat)
        actor = world.actors.get(match.seat)
        who = str(actor.name) if actor is not None else match.seat
        print(f"joined {world.title_in('en')} as {who} ({match.seat}), turn {world.turn}")
        return 0
    finally:
        match.close()


def cmd_schema(args: argparse.Namespace) -> int:
    if args.protocol:
        from game.net.protocol import protocol_schema

        print(json.dumps(protocol_schema(), indent=2))
        return 0
    if args.part:
        from game.content.schema import part_schema

        print(json.dumps(part_schema(args.part), indent=2))
        return 0
    from game.content import scenario_schema

    print(json.dumps(scenario_schema(), indent=2))
    return 0


def _crash_log(exc: BaseException) -> Path | None:
    """Write the traceback to the user's log folder; the user sees one readable line."""
    try:
        import platformdirs

        folder = Path(platformdirs.user_log_dir("continuum", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "crash.log"
        path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
        return path
    except OSError:
        return None


def _safe_streams() -> None:
    """Never die on a character the terminal or the file cannot encode (Windows consoles and
    redirected output are often not UTF-8): show a replacement instead."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _safe_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {
        "host": cmd_host,
        "debrief": cmd_debrief,
        "join": cmd_join,
        "replay": cmd_replay,
        "play": cmd_play,
        "simulate": cmd_simulate,
        "study": cmd_study,
        "validate": cmd_validate,
        "schema": cmd_schema,
        "snapshot": cmd_snapshot,
        "window": cmd_window,
    }
    if not argv:
        argv = ["window"]  # `continuum` alone opens the game at its main menu
    parser, subparsers = _parser()
    # An unknown option belongs to its command: show that command's usage, not the top one's.
    args, extra = parser.parse_known_args(argv)
    if args.command is None:
        parser.error(f"unrecognized arguments: {' '.join(extra)}" if extra else "no command")
    if extra:
        subparsers[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    from game.content import ScenarioError

    try:
        return commands[args.command](args)
    except ScenarioError as e:
        print(f"continuum: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug: say so plainly and keep the details in a file
        if os.environ.get("CONTINUUM_DEBUG"):
            raise
        log = _crash_log(e)
        where = f" Details: {log}" if log else ""
        print(f"continuum: internal error: {type(e).__name__}: {e}.{where}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
