"""The class match's journal: everything a seminar did, in one SQLite file, so nothing is lost.

The host writes here before it tells anyone anything (``game/net/host.py``): a turn's result is
committed before any client is sent it, a seat's submitted orders and every chat message as they
come. ``continuum host --resume FILE`` rebuilds the match from it (``Journal.resume``), and
``continuum debrief FILE`` reads it (``read_journal``).

The file (standard-library ``sqlite3``, write-ahead log) holds the following. A turn is synced
to the disk (``synchronous=FULL``) before the host sends it; a claim, submitted orders or a
message is in the write-ahead log when the host goes on (``synchronous=NORMAL``: it survives
the host process dying, and is synced with the next turn), so a chatty class does not wait on
the disk for every message.

- ``meta``: key/value text: ``format`` (``continuum-journal``), ``version``, ``scenario``,
  ``seed``, ``title``, ``console_token``, ``created`` (UTC, ISO 8601) and ``game`` (the version
  that started it).
- ``seats``: each join code and the seat it names, in the order printed.
- ``claims``: the seats people claimed, in order, and the turn they did.
- ``turns``: one row a turn, each written in one transaction. Row 0 is the start (the world as
  dealt); row *n* holds every order given in turn *n* (``orders``: the seats' and the AI's, as
  resolved), its report, the seats people played then (``humans``) and the world after it, as a
  save document (``game/session/saves.py``: format tag, version, scenario, turn, world, and an
  empty record: the turns before are the rows before).
- ``submissions``: a seat's orders for a turn, written when the seat submits (a host that
  crashes before the turn resolves keeps them).
- ``messages``: every chat message, with the turn it was sent in (``recipient``: a seat,
  ``all``, or a group of seats as a JSON list).
- ``console``: every action of the teacher's console (``pause``, ``set_timer``, ``reassign``
  with the new code, ``free_seat``, ``end_match``...) and every claim of a seat, in order, with
  the turn and the action's fields as JSON: a resumed host folds them to keep the pause, the
  timer, the codes and who plays which seat. A journal written before the console has no such
  table: it is added when the journal is resumed.

Rows are only ever added. A file that is not a journal (another SQLite file, a damaged one, a
save) is refused with a message that says which file and what is wrong, and is never written
to: it is opened read-only until it has been recognised.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game import __version__, paths
from game.engine import Order, TurnReport, World
from game.session.saves import FORMAT_TAG, SAVE_VERSION, MatchRecord

from .protocol import ChatMessage

JOURNAL_FORMAT = "continuum-journal"
JOURNAL_VERSION = 1
SUFFIX = ".continuum-journal"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE seats (code TEXT PRIMARY KEY, seat TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE claims (seat TEXT PRIMARY KEY, turn INTEGER NOT NULL, position INTEGER NOT NULL);
CREATE TABLE turns (
    turn INTEGER PRIMARY KEY,
    orders TEXT NOT NULL,
    report TEXT,
    humans TEXT NOT NULL,
    world TEXT NOT NULL,
    committed TEXT NOT NULL
);
CREATE TABLE submissions (
    turn INTEGER NOT NULL,
    seat TEXT NOT NULL,
    orders TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (turn, seat)
);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    turn INTEGER NOT NULL,
    sender TEXT NOT NULL,
    name TEXT NOT NULL,
    recipient TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS console (
    id INTEGER PRIMARY KEY,
    turn INTEGER NOT NULL,
    action TEXT NOT NULL,
    data TEXT NOT NULL
);
"""
_CONSOLE_TABLE = _SCHEMA[_SCHEMA.index("CREATE TABLE IF NOT EXISTS console") :]
_TABLES = {"meta", "seats", "claims", "turns", "submissions", "messages"}


class JournalError(Exception):
    """A journal that cannot be written or read; the message names the file and what is wrong."""


def journals_dir() -> Path:
    """Where the host keeps its journals: the user's data folder, never beside the program."""
    return paths.user_data_dir() / "journals"


def new_journal_path(scenario: str, now: datetime | None = None, root: Path | None = None) -> Path:
    """journals/<scenario>-<timestamp>.continuum-journal, a name no file has yet."""
    return paths.stamped(root if root is not None else journals_dir(), scenario, SUFFIX, now)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dump_orders(orders: Iterable[Order]) -> str:
    return json.dumps([o.model_dump(mode="json") for o in orders], separators=(",", ":"))


def world_document(world: World) -> str:
    """The world as a save document (``game/session/saves.py``) whose record starts after it."""
    head = {
        "format": FORMAT_TAG,
        "version": SAVE_VERSION,
        "scenario": world.scenario,
        "turn": world.turn,
        "record": MatchRecord.empty(world).model_dump(mode="json"),
    }
    # The world is serialised by pydantic's own encoder (several times faster than a dict
    # through json.dumps) and set into the document: the host does this every turn.
    return json.dumps(head, allow_nan=False, separators=(",", ":"))[:-1] + (
        ',"world":' + world.model_dump_json() + "}"
    )


@dataclass
class JournalTurn:
    """One committed turn: ``turn`` 0 is the start (no orders, no report)."""

    turn: int
    orders: list[Order]
    report: TurnReport | None
    humans: list[str]
    world_json: str  # the save document, parsed only when asked (``world``)
    committed: str
    _world: World | None = field(default=None, repr=False)

    @property
    def world(self) -> World:
        if self._world is None:
            self._world = _world_from(self.world_json, f"turn {self.turn}")
        return self._world


@dataclass
class JournalContents:
    """Everything a journal holds, read back."""

    path: Path
    meta: dict[str, str]
    codes: dict[str, str]  # join code -> seat, in the order printed
    claims: list[str]  # seats people claimed, in order
    turns: list[JournalTurn]  # the start, then every committed turn
    submissions: dict[int, dict[str, tuple[list[Order], str]]]  # turn -> seat -> (orders, by)
    messages: list[tuple[int, ChatMessage]]  # (turn sent in, message)
    console: list[tuple[int, str, dict[str, Any]]] = field(default_factory=list)
    # (turn, action, its fields): the console's actions and the claims, in order

    @property
    def scenario(self) -> str:
        return self.meta.get("scenario", "")

    @property
    def title(self) -> str:
        return self.meta.get("title", "") or self.scenario

    @property
    def console_token(self) -> str:
        return self.meta.get("console_token", "")

    @property
    def last(self) -> JournalTurn:
        return self.turns[-1]

    @property
    def log(self) -> list[list[Order]]:
        return [t.orders for t in self.turns[1:]]

    @property
    def reports(self) -> list[TurnReport]:
        return [t.report for t in self.turns[1:] if t.report is not None]

    def record(self) -> MatchRecord:
        """The match's record (every turn's orders and reports), as a save keeps it."""
        return MatchRecord.model_construct(
            first_turn=1,
            log=self.log,
            reports=self.reports,
            humans=list(self.last.humans),
            drafts={},
            submitted=[],
        )


def _world_from(text: str, where: str) -> World:
    try:
        doc = json.loads(text)
    except ValueError as e:
        raise ValueError(f"{where}: the world is not JSON ({e})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_TAG:
        raise ValueError(f"{where}: the world is not a Continuum save document")
    version = doc.get("version")
    if type(version) is not int or not 1 <= version <= SAVE_VERSION:
        raise ValueError(
            f"{where}: the world's save version {version!r} is not one this game reads"
        )
    try:
        return World.model_validate(doc.get("world"))
    except ValidationError as e:
        first = e.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise ValueError(f"{where}: the world is not valid: {loc}: {first['msg']}") from None


class Journal:
    """An open journal the host writes to. ``create`` starts one, ``resume`` opens one."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self._db = db
        self._durable = True  # synchronous=FULL, as _connect leaves it

    # ---- opening -------------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        world: World,
        codes: dict[str, str],
        console_token: str,
        title: str = "",
    ) -> Journal:
        """A new journal at ``path`` (which must not exist: nothing is ever overwritten) that
        starts with ``world`` as dealt and the seats' join codes (code -> seat)."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # O_EXCL: a file already there (or a link) is refused, never replaced
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            raise JournalError(
                f"{path}: a file is already there; a journal is never overwritten"
            ) from None
        except OSError as e:
            raise JournalError(f"{path}: could not be created: {e.strerror or e}") from None
        try:
            db = cls._connect(path)
            with _transaction(db):
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                meta = {
                    "format": JOURNAL_FORMAT,
                    "version": str(JOURNAL_VERSION),
                    "scenario": world.scenario,
                    "seed": str(world.seed),
                    "title": title,
                    "console_token": console_token,
                    "created": _now(),
                    "game": __version__,
                }
                db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
                db.executemany(
                    "INSERT INTO seats VALUES (?, ?, ?)",
                    [(code, seat, i) for i, (code, seat) in enumerate(codes.items())],
                )
                db.execute(
                    "INSERT INTO turns VALUES (0, '[]', NULL, '[]', ?, ?)",
                    (world_document(world), _now()),
                )
        except sqlite3.Error as e:
            raise JournalError(f"{path}: could not be written: {e}") from None
        return cls(path, db)

    @classmethod
    def resume(cls, path: Path) -> tuple[Journal, JournalContents]:
        """The journal at ``path`` opened to go on writing, and what it holds. A file that is not
        a journal is refused (JournalError) and left exactly as it was."""
        path = Path(path)
        contents = read_journal(path)  # read-only: a foreign file is never written to
        try:
            db = cls._connect(path)
            db.execute(_CONSOLE_TABLE)  # a journal from before the console has none
        except sqlite3.Error as e:
            raise JournalError(f"{path}: could not be opened for writing: {e}") from None
        return cls(path, db), contents

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")  # a committed turn survives a power cut too
        return db

    def checkpoint(self) -> None:
        """Copy the committed turns from the write-ahead log into the file itself, so a copy
        of the file alone (to a USB stick, while the host runs or after a crash) holds them.
        Best effort: a reader in the way only delays it to the next turn."""
        with contextlib.suppress(sqlite3.Error):
            self._db.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    # ---- writing ---------------------------------------------------------------------------------

    def _write(
        self, what: str, statements: Sequence[tuple[str, tuple[Any, ...]]], durable: bool = False
    ) -> None:
        """One transaction. A turn is ``durable``: synced to the disk before this returns. A
        claim, an order or a message is in the write-ahead log when this returns: safe when
        the host process dies, and synced with the next turn (or by the system within moments)."""
        try:
            if durable != self._durable:
                self._db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
                self._durable = durable
            with _transaction(self._db):
                for sql, values in statements:
                    self._db.execute(sql, values)
        except sqlite3.Error as e:
            raise JournalError(f"{self.path}: could not record {what}: {e}") from None

    def claim(self, seat: str, turn: int) -> None:
        """People play ``seat`` from ``turn`` on."""
        self._write(
            f"the claim of {seat}",
            [
                (
                    "INSERT OR IGNORE INTO claims VALUES (?, ?, (SELECT COUNT(*) FROM claims))",
                    (seat, turn),
                ),
                _console_row(turn, "claim", {"seat": seat}),
            ],
        )

    def console(self, turn: int, action: str, data: dict[str, Any]) -> None:
        """The teacher's console did ``action`` (with ``data``) in ``turn``."""
        self._write(f"the console's {action}", [_console_row(turn, action, data)])

    def submitted(self, turn: int, seat: str, orders: Sequence[Order], name: str) -> None:
        """``seat`` handed in ``orders`` for ``turn``."""
        self._write(
            f"{seat}'s orders",
            [
                (
                    "INSERT OR REPLACE INTO submissions VALUES (?, ?, ?, ?)",
                    (turn, seat, _dump_orders(orders), name),
                )
            ],
        )

    def message(self, turn: int, message: ChatMessage) -> None:
        self._write(
            "a message",
            [
                (
                    "INSERT INTO messages (turn, sender, name, recipient, text) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (turn, message.sender, message.name, _recipient(message.to), message.text),
                )
            ],
        )

    def commit_turn(
        self, orders: Sequence[Order], report: TurnReport, world: World, humans: Sequence[str]
    ) -> None:
        """Turn ``report.turn`` resolved: its orders, report, players and resulting world, in one
        transaction. Only when this returns may anyone be told the result."""
        self._write(
            f"turn {report.turn}",
            [
                (
                    "INSERT INTO turns VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        report.turn,
                        _dump_orders(orders),
                        report.model_dump_json(),
                        json.dumps(list(humans)),
                        world_document(world),
                        _now(),
                    ),
                )
            ],
            durable=True,
        )


def _console_row(turn: int, action: str, data: dict[str, Any]) -> tuple[str, tuple[Any, ...]]:
    return (
        "INSERT INTO console (turn, action, data) VALUES (?, ?, ?)",
        (turn, action, json.dumps(data, separators=(",", ":"))),
    )


def _recipient(to: str | list[str]) -> str:
    """A message's recipient as the journal keeps it: a group as a JSON list."""
    return to if isinstance(to, str) else json.dumps(to, separators=(",", ":"))


def _recipient_from(text: str) -> str | list[str]:
    if text.startswith("["):
        got = json.loads(text)
        if not isinstance(got, list):
            raise ValueError("a message's recipients are not a list")
        return [str(s) for s in got]
    return text


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


# ---- reading -------------------------------------------------------------------------------------


def read_journal(path: str | Path) -> JournalContents:
    """Everything the journal at ``path`` holds, read without writing to it. Raises
    JournalError naming the file and what is wrong when it is not a whole journal."""
    path = Path(path)
    if not path.exists():
        raise JournalError(f"{path}: no such file")
    if not path.is_file():
        raise JournalError(f"{path}: is not a file")
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError as e:
        raise JournalError(f"{path}: cannot be read: {e.strerror or e}") from None
    if head != b"SQLite format 3\x00":
        raise JournalError(f"{path}: not a Continuum class journal (not an SQLite file)")
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise JournalError(f"{path}: cannot be opened: {e}") from None
    try:
        return _read(path, db)
    except sqlite3.DatabaseError as e:
        raise JournalError(f"{path}: the journal is damaged: {e}") from None
    except ValueError as e:
        raise JournalError(f"{path}: the journal is damaged: {e}") from None
    finally:
        db.close()


def _read(path: Path, db: sqlite3.Connection) -> JournalContents:
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        raise JournalError(
            f"{path}: not a Continuum class journal (an SQLite file of another kind)"
        )
    meta = {str(k): str(v) for k, v in db.execute("SELECT key, value FROM meta")}
    if meta.get("format") != JOURNAL_FORMAT:
        raise JournalError(
            f"{path}: not a Continuum class journal (an SQLite file of another kind)"
        )
    version = meta.get("version", "")
    if not version.isdigit():
        raise JournalError(f"{path}: the journal's version {version!r} is not one this game knows")
    if int(version) > JOURNAL_VERSION:
        raise JournalError(
            f"{path}: written by a newer version of Continuum (journal version {version}; this "
            f"game reads version {JOURNAL_VERSION}). Update the game to resume it."
        )
    missing = _TABLES - tables
    if missing:
        raise JournalError(f"{path}: the journal is damaged: no {', '.join(sorted(missing))} table")
    check = db.execute("PRAGMA quick_check").fetchone()
    if not check or check[0] != "ok":
        raise JournalError(f"{path}: the journal is damaged: {check[0] if check else 'unreadable'}")
    codes = {
        str(code): str(seat)
        for code, seat in db.execute("SELECT code, seat FROM seats ORDER BY position")
    }
    claims = [str(s) for (s,) in db.execute("SELECT seat FROM claims ORDER BY position")]
    turns: list[JournalTurn] = []
    for turn, orders, report, humans, world, committed in db.execute(
        "SELECT turn, orders, report, humans, world, committed FROM turns ORDER BY turn"
    ):
        where = f"turn {turn}"
        if turn != len(turns):
            raise ValueError(f"{where} follows turn {len(turns) - 1}: a turn is missing")
        turns.append(
            JournalTurn(
                turn=turn,
                orders=_orders(orders, where),
                report=_report(report, where) if turn else None,
                humans=[str(h) for h in json.loads(humans)],
                world_json=world,
                committed=str(committed),
            )
        )
    if not turns:
        raise ValueError("it holds no start")
    submissions: dict[int, dict[str, tuple[list[Order], str]]] = {}
    for turn, seat, orders, name in db.execute(
        "SELECT turn, seat, orders, name FROM submissions ORDER BY turn, seat"
    ):
        got = _orders(orders, f"{seat}'s orders for turn {turn}")
        submissions.setdefault(turn, {})[str(seat)] = (got, str(name))
    messages = []
    for turn, sender, name, to, text in db.execute(
        "SELECT turn, sender, name, recipient, text FROM messages ORDER BY id"
    ):
        try:
            recipient = _recipient_from(str(to))
            messages.append(
                (
                    int(turn),
                    ChatMessage(sender=sender, name=name or sender, to=recipient, text=text),
                )
            )
        except (ValidationError, ValueError):
            raise ValueError(f"a message of turn {turn} is not valid") from None
    console: list[tuple[int, str, dict[str, Any]]] = []
    if "console" in tables:
        for turn, action, data in db.execute("SELECT turn, action, data FROM console ORDER BY id"):
            fields = json.loads(data)
            if not isinstance(fields, dict):
                raise ValueError(f"the console's {action} of turn {turn} is not valid")
            console.append((int(turn), str(action), fields))
    contents = JournalContents(path, meta, codes, claims, turns, submissions, messages, console)
    contents.last.world  # noqa: B018 - the world a resume starts from must be whole
    return contents


def _orders(text: str, where: str) -> list[Order]:
    try:
        data = json.loads(text)
        if not isinstance(data, list):
            raise ValueError("not a list")
        return [Order.model_validate(o) for o in data]
    except (ValueError, ValidationError) as e:
        raise ValueError(f"{where}: the orders are not valid ({str(e).splitlines()[0]})") from None


def _report(text: str | None, where: str) -> TurnReport:
    if text is None:
        raise ValueError(f"{where}: the report is missing")
    try:
        return TurnReport.model_validate_json(text)
    except ValidationError as e:
        raise ValueError(f"{where}: the report is not valid ({str(e).splitlines()[0]})") from None
