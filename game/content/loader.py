"""Finding, reading and checking scenario files.

``load_scenario`` is the one way a scenario enters the game: the JSON is read under hard
limits, validated by the pydantic models, then cross-checked, and every problem found is
reported at once with its file, line, column and path.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from game import paths as game_paths
from game.engine.scenario import Scenario

from .explain import explain, listing, suggest
from .geometry import check_geometry, check_placement
from .jsonio import MIB, JsonReadError, decode_text, not_a_file, parse_json, read_limited
from .limits import MAX_PROBLEMS, MAX_VALUES, check_limits
from .locate import SourceMap
from .parts import Assembled, assemble
from .problems import Finding, Problem, ScenarioError, format_path
from .references import check_references
from .wording import check_group_names, check_name_articles, check_translated_names

MAX_SCENARIO_BYTES = 4 * MIB
M = TypeVar("M", bound=BaseModel)
_ID = re.compile(r"^[a-z][a-z0-9_]*$")

Text = str | dict[str, str]


@dataclass(frozen=True)
class ScenarioEntry:
    """A scenario as a menu lists it; a broken file is listed too, with its problems."""

    id: str
    title: Text
    summary: Text
    turns: int | None
    seats: tuple[str, ...]
    path: Path
    problems: tuple[Problem, ...]
    shipped: bool = False
    # The scenario as checked when listed (None if broken), so choosing it costs no second
    # check on the window's thread.
    scenario: Scenario | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        """Whether the scenario can be played (warnings don't stop it)."""
        return not any(p.is_error for p in self.problems)


def _read_error(file: str, e: JsonReadError) -> ScenarioError:
    return ScenarioError(
        [Problem(file, i.line, i.column, format_path(i.elems), i.message) for i in e.issues]
    )


def read_json(path: str | Path) -> tuple[object, str]:
    """The parsed document and its text, read under the scenario limits (4 MiB, 64 levels
    deep, 200,000 values, no duplicate keys, no NaN or Infinity, UTF-8). Raises
    ScenarioError."""
    path = Path(path)
    try:
        text = decode_text(read_limited(path, MAX_SCENARIO_BYTES))
        return parse_json(text, max_values=MAX_VALUES), text
    except JsonReadError as e:
        raise _read_error(str(path), e) from None


@dataclass(frozen=True)
class _Checked:
    doc: object
    scenario: Scenario | None
    problems: list[Problem]
    parts: tuple[Path, ...] = ()  # the files it includes, resolved
    text: str = ""  # the scenario file's own text
    read: tuple[Path, ...] = ()  # the part files it tried to read, found or not


def _check(path: Path, warnings: bool = True, deep: bool = False) -> _Checked:
    """Everything wrong with one file and its parts; the scenario only if nothing is an
    error. ``deep`` adds the slow checks that play sample matches (``continuum validate``).

    The passes, each bounded by what the file is worth: reading (size and depth limits),
    assembling the parts, the cheap limits (counts, before any walk), then the schema, the
    references and the outlines together, so one run reports every independent mistake; the
    checks that need the engine only for a file with no error. At most ``MAX_PROBLEMS`` are
    kept; the report says how many more there were."""
    try:
        doc, text = read_json(path)
    except ScenarioError as e:
        return _Checked(None, None, e.problems)
    whole = assemble(path, doc, text)
    if whole.issues:  # a part is missing or broken: the scenario cannot be put together
        return _Checked(
            whole.doc, None, _place_part_issues(whole), tuple(whole.parts), text, tuple(whole.read)
        )
    doc = whole.doc
    too_big = check_limits(doc)
    if too_big:  # walking it would cost more than the file is worth
        return _Checked(
            doc, None, _place(whole, too_big), tuple(whole.parts), text, tuple(whole.read)
        )
    findings: list[Finding] = []
    scenario: Scenario | None = None
    try:
        scenario = validate_strictly(Scenario, doc)
    except ValidationError as e:
        # Worded past the cap on places shown: a part included 256 times is one place.
        findings = explain(e, doc, Scenario, limit=10 * MAX_PROBLEMS)
    findings = _merge(findings, check_references(doc))
    rejected = {f.elems for f in findings if f.source == "schema" and f.message}
    findings += check_geometry(doc, rejected)
    findings += check_placement(doc)
    findings += check_group_names(doc)
    findings += check_name_articles(doc)
    findings += check_translated_names(doc)
    no_cards = _no_cards_dealt(doc)
    findings += no_cards
    if scenario is not None and not any(f.severity == "error" for f in findings):
        # These need the engine: only for files that parse.
        from .playable import check_playable

        findings += check_playable(scenario)
        if deep and not any(f.severity == "error" for f in findings):
            from .reach import check_reachable

            reach = check_reachable(scenario)
            if no_cards:  # said once above, not once for every card that is never dealt
                reach = [f for f in reach if f.elems[:1] != ("cards",)]
            findings += reach
    if not warnings:
        findings = [f for f in findings if f.severity == "error"]
    if any(f.severity == "error" for f in findings):
        scenario = None
    parts, read = tuple(whole.parts), tuple(whole.read)
    return _Checked(doc, scenario, _place(whole, findings), parts, text, read)


def _no_cards_dealt(doc: object) -> list[Finding]:
    """``cards_per_turn: 0`` with cards: one warning, instead of one for each card."""
    if not isinstance(doc, dict) or doc.get("cards_per_turn") != 0:
        return []
    cards = doc.get("cards")
    if not isinstance(cards, list) or not cards:
        return []
    return [
        Finding(
            ("cards_per_turn",),
            f"cards_per_turn is 0: none of the {len(cards)} cards is ever dealt, and what "
            "their options would do never happens; give it 1 or more, or leave the cards out",
            "warning",
            at_key=True,
        )
    ]


def _place(whole: Assembled, findings: list[Finding]) -> list[Problem]:
    """Each finding as a problem in the file it is in: its line, column and path there.

    A part included many times yields the same problem at the same place many times: it is
    said once, with how often. Past ``MAX_PROBLEMS`` places (errors first), the rest are
    counted in one last line for each severity."""
    # Group by the place in its own file first (cheap), then locate only what is shown.
    groups: dict[tuple, list[Finding]] = {}
    for f in sorted(
        (f for f in findings if f.message),  # explain and the checker count what they skip
        key=lambda f: f.severity != "error",
    ):
        file, elems = whole.place(f.elems)
        groups.setdefault((file, elems, f.message, f.severity, f.at_key), []).append(f)
    kept = list(groups.items())[:MAX_PROBLEMS]
    others = [whole.place(fs[0].other) if fs[0].other is not None else None for _, fs in kept]
    by_file: dict[str, list[tuple[int, tuple, bool]]] = {}
    for i, ((file, elems, _, _, at_key), _) in enumerate(kept):
        by_file.setdefault(file, []).append((i, elems, at_key))
    for i, other in enumerate(others):
        if other is not None:
            by_file.setdefault(other[0], []).append((len(kept) + i, other[1], False))
    spots: dict[int, tuple[int | None, int | None]] = {}
    for file, wanted in by_file.items():
        source = whole.source_map(file)
        if source is None:
            continue
        found = source.locate_all([(elems, at_key) for _, elems, at_key in wanted])
        for (i, _, _), spot in zip(wanted, found, strict=True):
            spots[i] = spot
    problems: list[Problem] = []
    for i, ((file, elems, message, severity, _), same) in enumerate(kept):
        other = others[i]
        if other is not None and other[0] != file:
            line, column = spots.get(len(kept) + i, (None, None))
            at = f":{line}:{column}" if line is not None and column is not None else ""
            message += f", in {other[0]}{at}"
        if len(same) > 1:
            message += f" (found {len(same)} times: this part is included more than once)"
        spot = spots.get(i, (None, None))
        problems.append(Problem(file, *spot, format_path(elems), message, severity, len(same)))
    problems.sort(key=lambda p: (whole.order(p.file), p.line or 0, p.column or 0))
    for severity in ("error", "warning"):
        total = sum(f.count for f in findings if f.severity == severity)
        hidden = total - sum(len(fs) for (_, _, _, sev, _), fs in kept if sev == severity)
        if hidden:
            problems.append(
                Problem(
                    whole.main,
                    None,
                    None,
                    "",
                    f"… and {hidden:,} more {severity}{'s' if hidden != 1 else ''} not shown",
                    severity,  # type: ignore[arg-type]
                    count=hidden,
                )
            )
    return problems


def _said_once(problems: list[Problem]) -> list[Problem]:
    """The same problem at the same place (a part included several times) said once."""
    counts: dict[Problem, int] = {}
    for p in problems:
        counts[p] = counts.get(p, 0) + 1
    return [
        p
        if n == 1
        else Problem(
            p.file,
            p.line,
            p.column,
            p.path,
            f"{p.message} (found {n} times: this part is included more than once)",
            p.severity,
        )
        for p, n in counts.items()
    ]


def _place_part_issues(whole: Assembled) -> list[Problem]:
    problems = []
    for issue in whole.issues[:MAX_PROBLEMS]:
        spot = (issue.line, issue.column)
        source = whole.source_map(issue.file)
        if not issue.located and source is not None:
            spot = source.locate(issue.elems)
        problems.append(Problem(issue.file, *spot, format_path(issue.elems), issue.message))
    problems = _said_once(problems)
    problems.sort(key=lambda p: (whole.order(p.file), p.line or 0, p.column or 0))
    hidden = len(whole.issues) - MAX_PROBLEMS
    if hidden > 0:
        problems.append(
            Problem(
                whole.main, None, None, "", f"… and {hidden:,} more errors not shown", count=hidden
            )
        )
    return problems


def _merge(validation: list[Finding], references: list[Finding]) -> list[Finding]:
    """One report from both checkers, without saying the same thing twice.

    A reference problem at a place the schema already rejected is dropped (the schema's words
    are about the value itself). A model validator's sentence ("region 'x': owner 'y' is not a
    state") is dropped when the reference check found an error under the same path, because
    that one points at the exact value; otherwise it is kept as it came.
    """
    rejected = {f.elems for f in validation if f.source == "schema"}
    refs = [f for f in references if f.elems not in rejected]
    ref_errors = [f.elems for f in refs if f.severity == "error"]
    kept = [
        f
        for f in validation
        if f.source != "model" or not any(e[: len(f.elems)] == f.elems for e in ref_errors)
    ]
    return kept + refs


def validate_strictly(model: type[M], doc: object) -> M:
    """``doc`` read as ``model`` strictly, as its JSON Schema says: a number, a whole number or
    true/false where one is asked for, never the text "140" or "false" (which pydantic's lax
    mode would quietly convert). Validated as JSON, in which strict mode still takes a list for
    a tuple or a set, and a string for an enumeration's value. Raises ValidationError."""
    return model.model_validate_json(json.dumps(doc, ensure_ascii=False), strict=True)


def load_scenario(path: str | Path) -> Scenario:
    """The validated scenario at ``path``; ScenarioError lists every error in the file."""
    checked = _check(Path(path), warnings=False)
    if checked.scenario is None:
        raise ScenarioError(checked.problems)
    return checked.scenario


def check_scenario(path: str | Path) -> tuple[Scenario | None, list[Problem]]:
    """The scenario (None if it has errors) and every problem, warnings included."""
    checked = _check(Path(path))
    return checked.scenario, checked.problems


@dataclass(frozen=True)
class Validation:
    """What ``validate_scenarios`` found: every problem, and the scenario files it checked
    (a file another one includes is a part, not a scenario, and is not counted)."""

    problems: list[Problem]
    scenarios: list[Path]


def validate_paths(paths: list[str], deep: bool = False) -> list[Problem]:
    """Every problem in each file named, or in each folder's scenario files (a file another
    one includes is checked as its part, not as a scenario of its own). ``deep`` adds the
    checks that play sample matches: can every card trigger, can every ending be met."""
    return validate_scenarios(paths, deep=deep).problems


def validate_scenarios(
    paths: list[str],
    deep: bool = False,
    progress: Callable[[Path, int, int], None] | None = None,
) -> Validation:
    """``validate_paths`` with the scenarios it counted; ``progress(file, i, total)`` is
    called before each file is checked (the deep checks take seconds a file).

    A name that is neither a file nor a folder but looks like an id is looked up as ``play``
    does. A folder is walked with its subfolders, less the folders that hold parts of a
    scenario found above them; two scenarios with the same id are an error (``play ID`` and
    New match could only ever reach one of them)."""
    problems: list[Problem] = []
    # (name, path, whether a folder, why it cannot be checked)
    plan: list[tuple[str, Path | None, bool, list[Problem]]] = []
    for name in paths:
        p = Path(name)
        if p.is_dir():
            plan.append((name, p, True, []))
        elif p.exists() or p.is_symlink():
            plan.append((name, p, False, []))
        elif _ID.match(name):  # an id, as `play` takes it
            try:
                plan.append((name, find_scenario(name), False, []))
            except ScenarioError as e:
                plan.append((name, None, False, e.problems))
        else:
            plan.append(
                (name, None, False, [Problem(name, None, None, "", "no such file or folder")])
            )
    folders = {p: _tree(p) for _, p, is_dir, _ in plan if is_dir and p is not None}
    total = sum(len(files) for files in folders.values()) + sum(
        1 for _, p, is_dir, _ in plan if p is not None and not is_dir
    )
    done = 0
    scenarios: list[Path] = []
    ids: dict[str, Path] = {}

    def check(f: Path) -> _Checked:
        nonlocal done
        if progress is not None:
            progress(f, done, total)
        done += 1
        return _check(f, deep=deep)

    def counted(f: Path, checked: _Checked) -> None:
        found = list(checked.problems)
        ident = _id_of(checked.doc)
        if ident is not None:
            first = ids.setdefault(ident, f)
            if first != f and first.resolve() != f.resolve():
                spot = SourceMap(checked.text).locate(("id",)) if checked.text else (None, None)
                found.append(
                    Problem(
                        str(f),
                        *spot,
                        "id",
                        f"the id {ident!r} is also the id of {first}: `play {ident}` and "
                        "New match reach only one of them; give each scenario its own id",
                        "warning",
                    )
                )
        problems.extend(found)
        scenarios.append(f)

    for name, path, is_dir, cannot in plan:
        if path is None:
            problems.extend(cannot)
            continue
        if not is_dir:
            counted(path, check(path))
            continue
        files = folders[path]
        if not files:
            problems.append(
                Problem(
                    name, None, None, "", "no scenario files (*.json) in this folder", "warning"
                )
            )
        checked: dict[Path, _Checked] = {}
        part_dirs: set[Path] = set()
        for f in files:
            here = f.parent.resolve()
            if any(here == d or here.is_relative_to(d) for d in part_dirs):
                done += 1  # a part folder: its files are read through their scenario
                continue
            c = checked[f] = check(f)
            root = f.parent.resolve()
            for part in c.parts:
                for d in part.parents:
                    if d == root or not d.is_relative_to(root):
                        break
                    part_dirs.add(d)
        for f in _scenarios_among(checked):
            counted(f, checked[f])
    return Validation(problems, scenarios)


def _id_of(doc: object) -> str | None:
    ident = doc.get("id") if isinstance(doc, dict) else None
    return ident if isinstance(ident, str) else None


def _tree(folder: Path) -> list[Path]:
    """The scenario files in a folder and its subfolders, each folder's own files first (a
    part folder is known only once the scenarios above it are read). Links to folders are not
    followed: a walk must end."""
    found: list[Path] = []
    for here, dirs, _ in os.walk(folder, onerror=None, followlinks=False):
        dirs.sort()
        found.extend(_files(Path(here)))
    return found


def _scenarios_among(checked: dict[Path, _Checked]) -> list[Path]:
    """The files checked together that are scenarios: those no other file includes."""
    included = {part for c in checked.values() for part in c.parts}
    return [f for f in checked if f.resolve() not in included]


def _scenario_dirs() -> list[tuple[Path, bool]]:
    return [(game_paths.shipped_scenarios_dir(), True), (game_paths.user_scenarios_dir(), False)]


def _files(folder: Path) -> list[Path]:
    """The scenario files in a folder: its ``*.json``, less a schema kept beside them."""
    try:
        found = [f for f in folder.glob("*.json") if f.is_file()]
    except OSError:
        return []
    return sorted(f for f in found if not f.name.endswith(".schema.json"))


def _peek_id(path: Path) -> str | None:
    try:
        doc, _ = read_json(path)
    except ScenarioError:
        return None
    ident = doc.get("id") if isinstance(doc, dict) else None
    return ident if isinstance(ident, str) else None


def find_scenario(name_or_path: str) -> Path:
    """A scenario file from a path, or from an id looked up in the shipped scenarios, then in
    the user's own folder (``<id>.json``, or any file whose ``"id"`` is the id)."""
    p = Path(name_or_path).expanduser()
    if p.is_file():
        return p
    if p.exists():
        what = not_a_file(p) or "not a regular file"
        raise ScenarioError(
            [Problem(name_or_path, None, None, "", f"is {what}, not a scenario file")]
        )
    dirs = [d for d, _ in _scenario_dirs()]
    if _ID.match(name_or_path):
        for d in dirs:
            if (d / f"{name_or_path}.json").is_file():
                return d / f"{name_or_path}.json"
        for d in dirs:
            for f in _files(d):
                if _peek_id(f) == name_or_path:
                    return f
    known = sorted({_peek_id(f) or f.stem for d in dirs for f in _files(d)})
    if not _ID.match(name_or_path) and ("/" in name_or_path or "\\" in name_or_path or p.suffix):
        message = "no such file"
    else:
        message = f"no scenario with id {name_or_path!r}{suggest(name_or_path, known)}"
    message += f"; known scenarios: {listing(known)}" if known else "; no scenarios are installed"
    raise ScenarioError([Problem(name_or_path, None, None, "", message)])


# The shipped library in the order a seminar meets it: the flagship first, the sandbox last,
# then the sandbox's starts in each arrangement along the continuum (unity to division).
SHIPPED_ORDER = (
    "kosovo",
    "rwanda",
    "cambodia",
    "financial",
    "pandemic",
    "sandbox",
    "sandbox_global_state",
    "sandbox_empire",
    "sandbox_federation",
    "sandbox_pluralism_3",
    "sandbox_pluralism_2",
    "sandbox_pluralism_1",
    "sandbox_anarchy",
)


_warming: threading.Thread | None = None


def warm_listing() -> None:
    """List the scenarios once on a worker thread, so that the first menu to list them (New
    match, Host a class) finds every file already checked. The main menu calls it as it opens."""
    global _warming
    if _warming is None:
        # Not a daemon: a process that ends while the thread checks a file (the player quits at
        # once) waits for it. A daemon thread stopped inside pydantic's compiled validator at
        # exit crashed the process (a segfault or "FATAL: exception not rethrown").
        _warming = threading.Thread(target=list_scenarios, name="warm-scenarios", daemon=False)
        _warming.start()


def list_scenarios() -> list[ScenarioEntry]:
    """Every scenario in the shipped and user folders, broken ones included. Never raises.
    Shipped ones come first, in SHIPPED_ORDER, then the player's own."""
    warming = _warming
    if warming is not None and warming is not threading.current_thread():
        warming.join()  # its checks are kept: listing again then reads no file twice
    entries: list[ScenarioEntry] = []
    for folder, shipped in _scenario_dirs():
        checked = {f: _check_listed(f) for f in _files(folder)}
        found = [_entry(f, checked[f], shipped) for f in _scenarios_among(checked)]
        if shipped:
            rank = {name: i for i, name in enumerate(SHIPPED_ORDER)}
            found.sort(key=lambda e: (rank.get(e.path.stem, len(rank)), e.path.name))
        entries.extend(found)
    return entries


# What listing found of each file, with the fingerprints of the file and of every part it
# includes: the menus list the scenarios each time New match or Host a class opens (~60 ms a
# shipped file, seconds on a slow or busy computer), and a file whose bytes and parts have not
# changed since is not read and checked again. Kept for the process; thread-safe enough (two
# listings at once may check a file twice, never mix two answers).
_LISTED: dict[Path, tuple[tuple[tuple[str, str | None], ...], _Checked]] = {}


def _fingerprint(path: Path) -> str | None:
    """The file's bytes as a digest (None: missing, unreadable, or too big to be a scenario:
    what it found then is not kept)."""
    try:
        return hashlib.sha256(read_limited(path, MAX_SCENARIO_BYTES)).hexdigest()
    except (OSError, ScenarioError, JsonReadError):
        return None


def _fingerprints(f: Path, parts: tuple[Path, ...]) -> tuple[tuple[str, str | None], ...]:
    return tuple((str(p), _fingerprint(p)) for p in (f, *parts))


def _check_listed(f: Path) -> _Checked:
    """``_check_safely``, or what it found last time when nothing it read has changed."""
    hit = _LISTED.get(f)
    if hit is not None:
        stamps, checked = hit
        if _fingerprints(f, checked.read) == stamps:
            return checked
    before = _fingerprint(f)
    checked = _check_safely(f)
    stamps = _fingerprints(f, checked.read)
    # kept only if every file could be read, and the scenario's own did not change meanwhile
    if before is not None and stamps[0][1] == before and all(d for _, d in stamps):
        _LISTED[f] = (stamps, checked)
    return checked


def _check_safely(f: Path) -> _Checked:
    try:
        return _check(f)
    except Exception as e:  # a menu must open even if a checker has a bug
        problem = Problem(str(f), None, None, "", f"could not be checked: {e!r}")
        return _Checked(None, None, [problem])


def _entry(f: Path, checked: _Checked, shipped: bool) -> ScenarioEntry:
    problems = tuple(checked.problems)
    s = checked.scenario
    if s is not None:
        return ScenarioEntry(
            s.id, s.title, s.summary, s.turns, tuple(s.seats), f, problems, shipped, s
        )
    # A broken file: show what can be read of it, so the menu can say which one it is.
    doc = checked.doc if isinstance(checked.doc, dict) else {}
    ident = doc.get("id") if isinstance(doc.get("id"), str) else f.stem
    turns = doc.get("turns") if type(doc.get("turns")) is int else None
    seats = doc.get("seats") if isinstance(doc.get("seats"), list) else []
    return ScenarioEntry(
        ident,
        _text_or(doc.get("title"), f.stem),
        _text_or(doc.get("summary"), ""),
        turns,
        tuple(x for x in seats if isinstance(x, str)),
        f,
        problems,
        shipped,
    )


def _text_or(value: object, default: Text) -> Text:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return value
    return default
