"""Saving a match and loading it back, exactly.

A save is one JSON file: a small header (format tag, version, scenario, turn) that a menu can
read cheaply, the whole world, and the match's record: every turn's orders and every turn
report, who plays which seat, and the hot-seat drafts of the turn in progress. With the record a
match resumed any number of times debriefs exactly as one played in one sitting. Writing goes
through a temporary file in the same folder and an atomic rename, so a crash or a full disk
never leaves half a save where a good one was. Reading uses the same hard limits as scenario
files, with room for a long match's history.

Version 1 saves hold only the world: they still load, with an empty record that starts at the
save's turn (the debrief then says which turns carry no record instead of guessing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.atomic import write_atomic
from game.content.explain import explain
from game.content.jsonio import (
    MIB,
    JsonReadError,
    decode_text,
    not_a_file,
    parse_json,
    read_limited,
)
from game.content.loader import validate_strictly
from game.content.problems import format_path
from game.engine import Order, TurnReport
from game.engine.world import World

FORMAT_TAG = "continuum-save"
SAVE_VERSION = 2  # 2: the match's record (orders, reports, seats, drafts) beside the world
MAX_SAVE_BYTES = 32 * MIB  # a 40-turn match with its reports is about 1 MiB
MAX_LISTED = 10


class SaveError(Exception):
    """A save could not be written or read; the message names the file and what is wrong.

    The message is English, for the command line. ``key`` and ``values`` say the same for a
    screen to put in the player's language (``game.ui.i18n.save_error``): the key is one of
    ``unwritable``, ``unstorable``, ``too_large``, ``missing``, ``unreadable``, ``damaged``,
    ``not_save``, ``bad_version``, ``newer`` and ``invalid``."""

    def __init__(self, message: str, key: str = "invalid", **values: object) -> None:
        super().__init__(message)
        self.key = key
        self.values = values


AiLevel = Literal["easy", "normal", "hard"]


class AiReason(BaseModel):
    """One AI seat's line of reasons, as data (``game.ai.reasons.Reason.data``): a message key
    of the ``ai.`` family and its arguments (names as their tables of translations, figures as
    text, nested reasons). A screen says it through its translation tables and falls back to
    the key's English; nothing in it is ever run."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(max_length=64, pattern=r"^ai\.[a-z_.]+$")
    args: dict[str, Any] = Field(default_factory=dict, max_length=16)


class MatchRecord(BaseModel):
    """What a match remembers beside its world: the orders and the report of every turn played
    since ``first_turn`` (1 for a whole match), and the people at the keyboard."""

    first_turn: int = Field(1, ge=1, description="The first turn the record holds.")
    log: list[list[Order]] = Field(default_factory=list)
    reports: list[TurnReport] = Field(default_factory=list)
    humans: list[str] | None = Field(None, description="The seats people play (None: unknown).")
    drafts: dict[str, list[Order]] = Field(default_factory=dict)
    submitted: list[str] = Field(default_factory=list, description="Seats done this turn.")
    ai_levels: dict[str, AiLevel] = Field(
        default_factory=dict,
        description="The mission AI's level for each seat it plays (a seat not listed: the "
        "baseline AI, as saves made before levels existed).",
    )
    ai_reasons: dict[int, dict[str, AiReason]] = Field(
        default_factory=dict,
        description="Turn -> seat -> the AI's one line of reasons for its orders that turn.",
    )

    @classmethod
    def empty(cls, world: World) -> MatchRecord:
        """A record that starts now: nothing is known of the turns already played."""
        return cls(first_turn=played_turns(world) + 1)


def played_turns(world: World) -> int:
    """How many turns the world has resolved (its history starts with turn 0, the start)."""
    return world.history[-1].turn if world.history else 0


@dataclass(frozen=True)
class SavedMatch:
    world: World
    record: MatchRecord


# ---- writing ------------------------------------------------------------------------------------


def save_world(world: World, path: str | Path, record: MatchRecord | None = None) -> None:
    """Write ``world`` and its record to ``path`` atomically: on any failure the previous file is
    untouched. Without ``record``, the world alone (as a match that begins at its turn: the save
    says it lacks the turns before). A match saves itself whole: ``LocalMatch.save``."""
    path = Path(path)
    if record is None:
        record = MatchRecord.empty(world)
    document = {
        "format": FORMAT_TAG,
        "version": SAVE_VERSION,
        "scenario": world.scenario,
        "turn": world.turn,
        "ended": world.ended,
        "world": world.model_dump(mode="json"),
        "record": record.model_dump(mode="json"),
    }
    try:
        # allow_nan=False: a NaN would be written, then refused on loading.
        blob = json.dumps(document, allow_nan=False, separators=(",", ":")).encode("ascii")
    except (TypeError, ValueError) as e:
        raise SaveError(
            f"{path}: the world holds a value a save cannot store ({e})", "unstorable"
        ) from e
    if len(blob) > MAX_SAVE_BYTES:
        raise SaveError(
            f"{path}: the save would be larger than the {MAX_SAVE_BYTES // MIB} MiB limit",
            "too_large",
            limit=MAX_SAVE_BYTES // MIB,
        )
    if path.is_symlink() or (path.exists() and not path.is_file()):
        # Never replace a link, a device, a pipe or a folder with a save.
        what = "a link" if path.is_symlink() else not_a_file(path)
        raise SaveError(
            f"{path}: is {what}, not a save file: choose another name",
            "unwritable",
            reason=f"{what}, not a file",
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, blob)
    except OSError as e:
        raise SaveError(
            f"{path}: could not be written: {e.strerror or e}",
            "unwritable",
            reason=e.strerror or str(e),
            errno=e.errno,
        ) from e


# ---- reading ------------------------------------------------------------------------------------


def load_world(path: str | Path) -> World:
    """The world saved at ``path``, without the record of the turns played (``load_match``
    has both). Raises SaveError naming the file and what is wrong."""
    return load_match(path).world


def load_match(path: str | Path) -> SavedMatch:
    """The world and the record saved at ``path``. Raises SaveError naming the file and what is
    wrong."""
    path = Path(path)
    try:
        # Saves hold text the game wrote itself, so the scenario reader's extra text checks
        # are skipped: any world that validates must load back exactly as it was saved.
        doc = parse_json(decode_text(read_limited(path, MAX_SAVE_BYTES)), check_text=False)
    except JsonReadError as e:
        issue = e.issues[0]
        where = f"line {issue.line}, column {issue.column}: " if issue.line else ""
        raise SaveError(
            f"{path}: {where}{issue.message}",
            _read_problem(issue.message),
            line=issue.line,
            column=issue.column,
            limit=MAX_SAVE_BYTES // MIB,
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_TAG:
        raise SaveError(f"{path}: not a Continuum save", "not_save")
    version = doc.get("version")
    if type(version) is not int or version < 1:
        raise SaveError(
            f"{path}: the save's version {version!r} is not one this game knows",
            "bad_version",
            version=version,
        )
    if version > SAVE_VERSION:
        raise SaveError(
            f"{path}: saved by a newer version of Continuum (save version {version}; "
            f"this game reads version {SAVE_VERSION} and older). Update the game to load it.",
            "newer",
            version=version,
            known=SAVE_VERSION,
        )
    data = doc.get("world")
    if not isinstance(data, dict):
        raise SaveError(f"{path}: the save holds no world")
    world = _validated(path, World, data, "world")
    if "ended" in doc and doc["ended"] is not world.ended:
        raise SaveError(
            f"{path}: the header says the match {'ended' if doc['ended'] else 'goes on'}, but "
            f"the world inside {'has ended' if world.ended else 'has not ended'}"
        )
    if doc.get("scenario") != world.scenario or doc.get("turn") != world.turn:
        raise SaveError(
            f"{path}: the header (scenario {doc.get('scenario')!r}, turn {doc.get('turn')!r}) "
            f"does not match the world inside (scenario {world.scenario!r}, turn {world.turn})"
        )
    if version < 2:  # the world alone: what came before this save is not known
        record = MatchRecord.empty(world)
    else:
        raw = doc.get("record")
        if not isinstance(raw, dict):
            raise SaveError(f"{path}: the save holds no record of the turns played")
        record = _validated(path, MatchRecord, raw, "record")
        _check_record(path, world, record)
    return SavedMatch(world, record)


# ---- the header, for a list of saves ------------------------------------------------------------

HEADER_KEYS = ("format", "version", "scenario", "turn")
# Read with the header where a save holds it (the game writes it before the world since
# 2026-12-06: a list says which matches are over); a save without it is not read further for it.
ENDED_KEY = "ended"
WORLD_KEYS = ("title", "last_turn")  # what a list shows of the world, beside the header
_HEAD_BYTES = 16 * 1024  # the game writes the header and these first: a few hundred bytes


class _Short(Exception):
    """The part of the file read so far ends before the header does."""


def read_header(path: str | Path) -> dict[str, object]:
    """The save's header (``format``, ``version``, ``scenario``, ``turn``, and ``ended`` where
    the save says it) and its world's ``title`` and ``last_turn``, as far as the file holds them
    (keys it lacks are absent).

    Read as JSON, key by key at the top level of the document and of its world, not searched
    for as text: a save an editor has pretty-printed, reordered or given a byte-order mark reads
    as well as one the game wrote. In a save as the game writes it everything wanted is in the
    first few hundred bytes, and only the first bytes are read; otherwise the whole file is
    read (within the size limit). Raises SaveError when the file cannot be read, is not JSON
    where the header should be (``damaged``) or is not a JSON object (``not_save``)."""
    path = Path(path)
    try:
        kind = not_a_file(path)
        if kind:  # never opened: a pipe would be waited on forever
            raise SaveError(f"{path}: is {kind}, not a file", "unreadable", reason=kind)
        with path.open("rb") as f:
            head = f.read(_HEAD_BYTES)
    except FileNotFoundError:
        raise SaveError(f"{path}: no such file", "missing") from None
    except OSError as e:
        raise SaveError(
            f"{path}: cannot be read: {e.strerror or e}", "unreadable", reason=e.strerror or e
        ) from None
    if len(head) == _HEAD_BYTES:
        try:
            return _scan_header(path, head.decode("utf-8", errors="replace"), whole=False)
        except _Short:
            pass
    try:
        text = decode_text(read_limited(path, MAX_SAVE_BYTES))
    except JsonReadError as e:
        message = e.issues[0].message
        raise SaveError(
            f"{path}: {message}", _read_problem(message), limit=MAX_SAVE_BYTES // MIB
        ) from None
    return _scan_header(path, text, whole=True)


_DECODER = json.JSONDecoder()
_SPACE = " \t\n\r"


def _scan_header(path: Path, text: str, whole: bool) -> dict[str, object]:
    """The wanted keys of the top-level object in ``text`` (and of its ``world``). With
    ``whole`` false, ``text`` is the file's beginning: _Short when what is wanted lies past it."""
    found: dict[str, object] = {}

    def fail(at: int) -> SaveError | _Short:
        if not whole:
            return _Short()
        line = text.count("\n", 0, at) + 1
        return SaveError(
            f"{path}: line {line}: not valid JSON where the save's header should be", "damaged"
        )

    def scan(i: int, wanted: tuple[str, ...], nested: bool) -> int:
        """Read the object at ``i`` to its end, or until everything is found (the header and the
        world's keys: the world is read to its end when the header may follow it)."""
        i = _skip_space(text, i)
        if i >= len(text) or text[i] != "{":
            if i >= len(text) and not whole:
                raise _Short()
            raise SaveError(f"{path}: not a Continuum save", "not_save") if not nested else fail(i)
        i += 1
        while not all(k in found for k in (*HEADER_KEYS, *WORLD_KEYS)):
            i = _skip_space(text, i)
            if text.startswith("}", i):
                return i + 1
            if text.startswith(",", i):
                i += 1
                continue
            try:
                key, i = _DECODER.raw_decode(text, i)
                i = _skip_space(text, i)
                if not isinstance(key, str) or not text.startswith(":", i):
                    raise fail(i)
                i = _skip_space(text, i + 1)
                if key == "world" and not nested:
                    i = scan(i, WORLD_KEYS, nested=True)
                    continue
                value, i = _DECODER.raw_decode(text, i)
            except json.JSONDecodeError as e:
                raise fail(e.pos) from None
            if key in wanted:
                found.setdefault(key, value)
        return i

    if text.startswith("\ufeff"):  # a byte-order mark, as some Windows editors write
        text = text[1:]
    scan(0, (*HEADER_KEYS, ENDED_KEY), nested=False)
    return found


def _skip_space(text: str, i: int) -> int:
    n = len(text)
    while i < n and text[i] in _SPACE:
        i += 1
    return i


def _validated(path: Path, model: type[Any], data: dict, where: str) -> Any:
    try:
        return validate_strictly(model, data)  # as the schema reads it: "8" is not a number
    except ValidationError as e:
        findings = explain(e, data, model)
        lines = [f"  {format_path((where, *f.elems))}: {f.message}" for f in findings[:MAX_LISTED]]
        if len(findings) > MAX_LISTED:
            lines.append(f"  … and {len(findings) - MAX_LISTED} more")
        what = "world" if where == "world" else "record of the turns played"
        raise SaveError(f"{path}: the saved {what} is not valid:\n" + "\n".join(lines)) from None


def _check_record(path: Path, world: World, record: MatchRecord) -> None:
    """The record must tell the turns from ``first_turn`` up to the world's last, one each."""
    played = played_turns(world)
    want = list(range(record.first_turn, played + 1))
    got = [r.turn for r in record.reports]
    if got != want or len(record.log) != len(got):
        raise SaveError(
            f"{path}: the record of the turns played does not match the world: it should hold "
            f"turns {record.first_turn}–{played} with their orders, and holds "
            f"{len(got)} report(s) and {len(record.log)} turn(s) of orders"
        )


def _read_problem(message: str) -> str:
    """The kind of a reading failure (the JSON reader says it in English words only)."""
    if message.startswith("no such file"):
        return "missing"
    if message.startswith(("cannot be read", "is a ")):  # a folder, a pipe, a device
        return "unreadable"
    if message.startswith("is larger than"):
        return "too_large"
    return "damaged"
