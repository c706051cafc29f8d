"""A student's seat in a class match: ``RemoteMatch``, a ``Session`` whose host is on another
computer, spoken to over websockets (``game/net/protocol.py``).

The screens drive it exactly as they drive a ``LocalMatch`` (``game/session/interface.py``),
and the frame never waits on the network:

- **Two threads.** The websocket lives in a background thread running its own asyncio loop
  (``_Link``): it connects, says hello with the join code, reads and validates every message
  (a big world is parsed there, not in a frame) and hands it to the screen's thread through a
  queue. The screen's thread takes what has arrived whenever it asks the session anything
  (``pump``), so every answer comes from what the client already holds: the seat's view, its
  legal orders, its draft, its reports. Nothing else of the session is touched by the
  background thread.
- **Drafting.** ``add``/``remove``/``replace`` check the order with the engine's own
  ``check_orders`` on the seat's view, change the draft here at once and send the change; the
  host checks it again and sends the seat's draft back to every client of the seat (a team sees
  each other's changes). A change the host refuses puts the host's draft back, and the reason
  is news for the screen.
- **Submitting.** ``submit`` sends the seat's orders and returns ``None``: the turn resolves
  on the host when every seat is in. Until then ``current_seat()`` is ``None`` and
  ``waiting_for_others`` is true; the turn's report arrives as a message and ``state_id``
  moves. The match's end brings the whole world (``outcome``) for the debrief.
- **The host going away.** A connection that drops (a sleeping laptop, the Wi-Fi, the host
  restarting) is tried again with the same code, waiting longer each time (``BACKOFF``). The
  draft stays here meanwhile and can still be changed; once the host welcomes the seat back,
  a draft it does not have is sent again, and so is a submit it never received. A turn that
  resolved meanwhile arrives with the welcome.
- **What cannot be played.** A wrong code, a host that cannot be reached, something that is not
  a Continuum host, or a host of another protocol version end the session before it starts:
  ``failure`` says which, in a form a screen can put in the player's language.

``Connected`` (``game/session/interface.py``) is the little more a screen may ask of a session
whose host is elsewhere: whether the seat waits for the others, the link, the news, ``close``.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import queue
import random
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from game.engine import Order, TurnReport, World, check_orders, view
from game.engine.orders import ACTIONS
from game.session.saves import SaveError

from .protocol import (
    PROTOCOL_VERSION,
    BadMessage,
    ChatMessage,
    DraftAdd,
    DraftRemove,
    DraftReplace,
    DraftState,
    Ended,
    Error,
    Hello,
    Message,
    Refused,
    Submit,
    TurnResolved,
    Welcome,
    encode,
    parse_host_message,
)

DEFAULT_PORT = 8765  # what `continuum host` listens on unless told otherwise
OPEN_TIMEOUT = 6.0  # seconds to reach a host before it counts as unreachable
BACKOFF = (0.5, 1.0, 2.0, 4.0, 8.0)  # seconds before each new try; the last one repeats
MAX_FRAME = 16 * 1024 * 1024  # a kosovo view with its reports is well under 1 MiB
MAX_NAME = 40


class AddressError(ValueError):
    """A typed address that is not ``host:port``."""


def parse_address(text: str) -> str:
    """The websocket URI of a typed address: ``192.168.1.20:8765``, ``teacher.local``,
    ``[fe80::1]:8765``, ``ws://host:port``. The default port is ``DEFAULT_PORT``."""
    raw = text.strip()
    if not raw:
        raise AddressError("no address: type the one the teacher's screen shows, like host:8765")
    if "://" in raw:
        scheme = raw.split("://", 1)[0].lower()
        if scheme not in ("ws", "wss"):
            raise AddressError(f"{raw!r}: a class's address starts with ws://, not {scheme}://")
        rest = raw.split("://", 1)[1]
    else:
        scheme, rest = "ws", raw
    rest = rest.rstrip("/")
    if "/" in rest or any(c.isspace() for c in rest):
        raise AddressError(f"{raw!r}: an address is host:port, with no spaces or path")
    if rest.count(":") > 1 and not rest.startswith("["):  # a bare IPv6 address, no port
        rest = f"[{rest}]"
    try:
        parts = urlsplit(f"//{rest}")
        host, port = parts.hostname, parts.port
    except ValueError:
        raise AddressError(f"{raw!r}: the port is a number from 1 to 65535") from None
    if not host:
        raise AddressError(f"{raw!r}: no host name or address before the port")
    port = DEFAULT_PORT if port is None else port
    if not 1 <= port <= 65535:
        raise AddressError(f"{raw!r}: the port is a number from 1 to 65535")
    shown = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown}:{port}"


@dataclass(frozen=True)
class Failure:
    """Why the session could not play: ``kind`` is one of ``unreachable`` (no host there),
    ``not_host`` (something there that is not a Continuum host), ``wrong_code``, ``refused``
    (the host said no, ``detail`` its reason), ``version`` (``detail``: the host's protocol
    version) and ``closed`` (the host closed the connection before the seat was taken)."""

    kind: str
    detail: str = ""

    def __str__(self) -> str:
        if self.kind == "version":
            return (
                f"The host speaks protocol {self.detail} and this game speaks "
                f"{PROTOCOL_VERSION}: the teacher and the class need the same version of Continuum."
            )
        words = {
            "unreachable": "cannot reach the host",
            "not_host": "that address is not a Continuum class",
            "wrong_code": "the host knows no seat with that join code",
            "refused": "the host refused",
            "closed": "the host closed the connection",
        }
        head = words.get(self.kind, self.kind)
        return f"{head}: {self.detail}" if self.detail else head


@dataclass(frozen=True)
class News:
    """Something a screen should say in one line: ``kind`` is ``refused`` (the host refused a
    change; ``text``: its reason), ``mate`` (a team mate changed the draft; ``text``: who),
    ``lost`` (the host went away; trying again), ``back`` (the host took the seat back) or
    ``failed`` (the session cannot go on; ``text``: why)."""

    kind: str
    text: str = ""


# ---- the background thread ---------------------------------------------------------------------


class _Fatal(Exception):
    def __init__(self, failure: Failure) -> None:
        super().__init__(str(failure))
        self.failure = failure


@dataclass(frozen=True)
class _Lost:
    reason: str


class _Link(threading.Thread):
    """The websocket, in a thread of its own with its own asyncio loop. Puts into ``inbox``
    every host message (validated), ``_Lost`` when the connection dropped (it tries again),
    and a ``Failure`` when it gives up."""

    def __init__(self, uri: str, hello: str, inbox: queue.Queue[Any]) -> None:
        super().__init__(name="continuum-link", daemon=True)
        self.uri, self.hello, self.inbox = uri, hello, inbox
        self.loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._ws: ClientConnection | None = None
        self._sendq: asyncio.Queue[str] | None = None  # None: not connected, sends are dropped
        self._dice = random.SystemRandom()  # spreads a class's retries (never the world's)
        self.stopped = False
        self._closing: asyncio.Future[None] | None = None

    def run(self) -> None:
        asyncio.run(self._main())

    def start_and_wait(self) -> None:
        self.start()
        self._ready.wait(5)

    def send(self, text: str) -> None:
        """Queue ``text`` for the host (from any thread); dropped while disconnected."""
        if self.loop is not None and not self.stopped:
            with contextlib.suppress(RuntimeError):  # the loop has just closed
                self.loop.call_soon_threadsafe(self._put, text)

    def _put(self, text: str) -> None:
        if self._sendq is not None:
            self._sendq.put_nowait(text)

    def stop(self) -> None:
        """Hang up and end the thread (without waiting for it)."""
        self.stopped = True
        if self.loop is not None:
            with contextlib.suppress(RuntimeError):
                self.loop.call_soon_threadsafe(self._shutdown)

    def _shutdown(self) -> None:
        if self._stop is not None:
            self._stop.set()
        if self._ws is not None:
            self._closing = asyncio.ensure_future(self._ws.close(1001, "the student left"))

    async def _main(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        if self.stopped:
            self._stop.set()
        self._ready.set()
        welcomed, tries = False, 0
        while not self._stop.is_set():
            try:
                reason = await self._session()
                welcomed = welcomed or self._welcomed
            except _Fatal as e:
                self.inbox.put(e.failure)
                return
            except (OSError, TimeoutError, InvalidHandshake, InvalidURI) as e:
                welcomed = welcomed or self._welcomed
                if not welcomed:
                    self.inbox.put(_first_failure(e))
                    return
                reason = _why(e)
            if self._stop.is_set():
                return
            if not welcomed:  # closed before the seat was taken: nothing to go back to
                self.inbox.put(Failure("closed", reason))
                return
            if self._welcomed:
                tries = 0  # it worked for a while: start the waits again from the shortest
            self.inbox.put(_Lost(reason))
            delay = BACKOFF[min(tries, len(BACKOFF) - 1)] * self._dice.uniform(0.8, 1.2)
            tries += 1
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), delay)

    _welcomed = False

    async def _session(self) -> str:
        """One connection, from hello to its end; why it ended."""
        self._welcomed = False
        async with connect(
            self.uri,
            open_timeout=OPEN_TIMEOUT,
            max_size=MAX_FRAME,
            compression=None,
            proxy=None,  # a class is on the LAN: never through the system's web proxy
            ping_interval=10,
            ping_timeout=10,
            close_timeout=2,
        ) as ws:
            self._ws = ws
            await ws.send(self.hello)
            sendq: asyncio.Queue[str] = asyncio.Queue()
            sender = asyncio.create_task(self._send_loop(ws, sendq))
            try:
                async for raw in ws:
                    message = self._read(raw)
                    if message is None:
                        continue
                    if isinstance(message, Welcome):
                        self._welcomed = True
                        self._sendq = sendq  # from now on the screen's changes go out
                    elif isinstance(message, Refused) and message.about == "hello":
                        raise _Fatal(_refusal(message.reason))
                    elif isinstance(message, Error):
                        if not self._welcomed:
                            raise _Fatal(Failure("closed", message.reason))
                        return message.reason
                    self.inbox.put(message)
                return "the host closed the connection"
            except ConnectionClosed as e:
                return _why(e)
            finally:
                self._sendq = None
                self._ws = None
                sender.cancel()

    def _read(self, raw: str | bytes) -> Message | None:
        try:
            return parse_host_message(raw)
        except BadMessage as e:
            if e.version or _other_version(raw):
                raise _Fatal(Failure("version", _their_version(raw))) from None
            if not self._welcomed:
                raise _Fatal(Failure("not_host", e.reason)) from None
            return None  # one message the client cannot read: skip it, play on

    @staticmethod
    async def _send_loop(ws: ClientConnection, sendq: asyncio.Queue[str]) -> None:
        with contextlib.suppress(ConnectionClosed):
            while True:
                await ws.send(await sendq.get())


def _other_version(raw: str | bytes) -> bool:
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(data, dict) and data.get("v", PROTOCOL_VERSION) != PROTOCOL_VERSION


def _their_version(raw: str | bytes) -> str:
    try:
        v = json.loads(raw).get("v")
    except (ValueError, UnicodeDecodeError, AttributeError):
        return "?"
    text = str(v)
    return text if len(text) <= 12 else "?"


def _refusal(reason: str) -> Failure:
    if "join code" in reason and "too many" not in reason:
        return Failure("wrong_code", reason)
    if "protocol" in reason:  # the host refused our hello for its version
        return Failure("version", _version_in(reason))
    return Failure("refused", reason)


def _version_in(reason: str) -> str:
    """The host's protocol version in its refusal ("This host speaks protocol 2; ...")."""
    words = reason.replace(";", " ").split()
    for before, word in itertools.pairwise(words):
        if before == "protocol":
            return word
    return "?"


def _why(e: BaseException) -> str:
    if isinstance(e, ConnectionClosed):
        rcvd = e.rcvd
        if rcvd is not None and rcvd.reason:
            return rcvd.reason
        return "the connection dropped"
    if isinstance(e, TimeoutError):
        return "the host did not answer"
    if isinstance(e, OSError):
        return e.strerror or str(e) or type(e).__name__
    return str(e) or type(e).__name__


def _first_failure(e: BaseException) -> Failure:
    if isinstance(e, InvalidHandshake | InvalidURI):
        return Failure("not_host", str(e))
    return Failure("unreachable", _why(e))


# ---- the session -------------------------------------------------------------------------------


class RemoteMatch:
    """A student's seat on a host elsewhere, behind the ``Session`` interface (see the module's
    docstring). ``RemoteMatch.join`` starts connecting and returns at once; ``status`` is
    ``connecting`` until the host welcomes the seat (``playing``) or says why not
    (``failed``, ``failure``)."""

    def __init__(self, address: str, code: str, name: str = "student") -> None:
        self.uri = parse_address(address)
        self.code = code.strip()
        self.name = (name.strip() or "student")[:MAX_NAME]
        self.status = "connecting"
        self.failure: Failure | None = None
        self.link = "connecting"  # "up", "down" (trying again), "closed"
        self.seat = ""
        self.messages: list[ChatMessage] = []  # chat received (the screens do not show it yet)
        self._inbox: queue.Queue[Any] = queue.Queue()
        self._news: list[News] = []
        self._news_id = 0
        self._view: World | None = None
        self._views: dict[str | None, World] = {}
        self._legal: list[Order] = []
        self._draft: list[Order] = []
        self._host_draft: list[Order] = []
        self._submitted = False  # the host has the seat's orders for this turn
        self._want_submit = False  # the student ended the turn; the host has not said so yet
        self._turn = 0
        self._reports: list[TurnReport] = []
        self._outcome: World | None = None
        self._ended = False
        self._held: Welcome | TurnResolved | None = None  # the last turn, until its ``ended``
        self._moves = 0
        self._unacked = 0  # draft changes sent that the host has not answered
        self._unsynced = False  # the draft changed while the host could not hear it
        hello = Hello(code=self.code[:32] or "-", name=self.name)
        self._link = _Link(self.uri, encode(hello), self._inbox)

    @classmethod
    def join(cls, address: str, code: str, name: str = "student") -> RemoteMatch:
        """Start joining ``address`` with the seat's join ``code``; returns at once.
        ``AddressError`` when the address cannot be one."""
        match = cls(address, code, name)
        match._link.start_and_wait()
        return match

    # ---- taking what has arrived -----------------------------------------------------------

    def pump(self, timeout: float = 0.0) -> bool:
        """Take every message that has arrived (waiting up to ``timeout`` seconds for the
        first); whether any did. Every other method calls it with no wait."""
        got = False
        while True:
            try:
                if timeout > 0 and not got:
                    item = self._inbox.get(timeout=timeout)
                else:
                    item = self._inbox.get_nowait()
            except queue.Empty:
                return got
            got = True
            self._take(item)

    def wait(self, until: Any, timeout: float = 10.0) -> bool:
        """Pump until ``until()`` holds or ``timeout`` seconds pass (for the command line and
        tests; a screen never waits); whether it holds."""
        end = time.monotonic() + timeout
        self.pump()
        while not until():
            left = end - time.monotonic()
            if left <= 0:
                return bool(until())
            self.pump(min(left, 0.1))
        return True

    def _take(self, item: Any) -> None:
        if isinstance(item, Welcome):
            self._welcome(item)
        elif isinstance(item, DraftState):
            self._draft_state(item)
        elif isinstance(item, Refused):
            self._refused(item)
        elif isinstance(item, TurnResolved):
            if item.ended:
                self._held = item  # the whole world follows: the end is shown with it
            else:
                self._new_turn(item.turn, item.view, item.legal, [*self._reports, item.report])
        elif isinstance(item, Ended):
            self._end(item.outcome)
        elif isinstance(item, ChatMessage):
            self.messages.append(item)
        elif isinstance(item, _Lost):
            self._lost(item.reason)
        elif isinstance(item, Failure):
            self._failed(item)

    def _tell(self, news: News) -> None:
        self._news.append(news)
        self._news_id += 1

    def _welcome(self, w: Welcome) -> None:
        first = self._view is None
        self.seat = w.seat
        self.link = "up"
        if w.ended:
            self._held = w  # the whole world follows it
            return
        if first or w.turn != self._turn:
            self._new_turn(w.turn, w.view, w.legal, list(w.reports))
            self._draft = list(w.draft)
            self._submitted = w.submitted
        else:  # back in the same turn: what the host holds, and what it missed
            self._reports = list(w.reports)
            self._submitted = w.submitted
            if w.submitted:
                self._draft, self._want_submit = list(w.draft), False
            elif self._unsynced and self._draft != list(w.draft):
                self._send(DraftReplace(orders=list(self._draft)))
            else:
                self._draft = list(w.draft)
            if self._want_submit and not w.submitted:
                self._send(Submit(turn=self._turn))
        self._host_draft = list(w.draft)
        self._unsynced = False
        self.status = "playing"
        if not first:
            self._tell(News("back"))

    def _new_turn(self, turn: int, seen: World, legal: list[Order], reports: list[TurnReport]):
        self._turn, self._view, self._views = turn, seen, {}
        self._legal, self._reports = list(legal), reports
        self._draft, self._host_draft = [], []
        self._submitted = self._want_submit = self._unsynced = False
        self._unacked = 0
        self._moves += 1

    def _end(self, outcome: World) -> None:
        held, self._held = self._held, None
        if self._ended:  # welcomed back after the end: nothing moved
            self._outcome = outcome
            return
        if isinstance(held, TurnResolved):
            self._new_turn(held.turn, held.view, [], [*self._reports, held.report])
        elif isinstance(held, Welcome):
            first = self._view is None
            self._new_turn(held.turn, held.view, [], list(held.reports))
            self.status = "playing"
            if not first:
                self._tell(News("back"))
        elif not self._ended:
            self._moves += 1
        self._outcome, self._ended = outcome, True

    def _draft_state(self, d: DraftState) -> None:
        if d.turn != self._turn or d.seat != self.seat:
            return
        self._host_draft = list(d.orders)
        self._submitted = d.submitted
        if d.submitted:
            self._want_submit = False
        mine = d.by == self.name
        if mine and self._unacked:
            self._unacked -= 1
        if self._unacked == 0 and not self._unsynced:
            self._draft = list(self._host_draft)  # what the host holds, once all is answered
        if not mine:
            self._tell(News("mate", d.by))  # a screen shows the team's change

    def _refused(self, r: Refused) -> None:
        if r.about.startswith("draft_"):
            self._unacked = max(0, self._unacked - 1)
            if self._unacked == 0:
                self._draft = list(self._host_draft)  # the host's draft stands
        elif r.about == "submit":
            self._want_submit = False
        self._tell(News("refused", r.reason))

    def _lost(self, reason: str) -> None:
        if self.link == "closed":
            return
        self.link = "down"
        if self._unacked:
            self._unsynced = True  # those changes may never have reached the host
        self._unacked = 0
        self._tell(News("lost", reason))

    def _failed(self, failure: Failure) -> None:
        self.failure = failure
        self.link = "closed"
        if self.status == "playing":
            self._tell(News("failed", str(failure)))
        self.status = "failed"

    # ---- the link ----------------------------------------------------------------------------

    def _send(self, message: Message) -> None:
        drafting = isinstance(message, DraftAdd | DraftRemove | DraftReplace)
        if self.link != "up":
            if drafting:
                self._unsynced = True  # sent again when the host takes the seat back
            return
        if drafting:
            self._unacked += 1
        self._link.send(encode(message))

    @property
    def waiting_for_others(self) -> bool:
        """The seat's orders are in (or it has left the match): the host awaits other seats."""
        self.pump()
        if self.status != "playing" or self._ended or self._view is None:
            return False
        return self._submitted or self._want_submit or self.seat not in self._view.actors

    @property
    def news_id(self) -> int:
        """Moves whenever there is news (a team mate's change, a refusal, the link)."""
        self.pump()
        return self._news_id

    def take_news(self) -> list[News]:
        """The news since it was last taken, oldest first."""
        self.pump()
        news, self._news = self._news, []
        return news

    def close(self) -> None:
        """Leave the class: hang up (the seat stays the student's on the host)."""
        self.link = "closed"
        if self.status == "connecting":
            self.status = "closed"
        self._link.stop()

    # ---- what a seat may see ---------------------------------------------------------------

    def view(self, seat: str | None) -> World:
        """The seat's view as the host sent it; another seat's or the public one worked out
        from it (so with less, never more)."""
        self.pump()
        if self._view is None:
            raise RuntimeError("the host has not welcomed this seat yet")
        if seat == self.seat:
            return self._view
        seen = self._views.get(seat)
        if seen is None:
            seen = self._views[seat] = view(self._view, seat)
        return seen

    @property
    def state_id(self) -> int:
        self.pump()
        return self._moves

    # ---- whose turn --------------------------------------------------------------------------

    @property
    def humans(self) -> list[str]:
        return [self.seat] if self.seat else []

    @property
    def seats(self) -> list[str]:
        self.pump()
        if self._view is None or self.seat not in self._view.actors:
            return []
        return [self.seat]

    def current_seat(self) -> str | None:
        self.pump()
        if self.status != "playing" or self._ended or self.waiting_for_others:
            return None
        return self.seat or None

    # ---- the seat's orders -------------------------------------------------------------------

    def legal(self, seat: str) -> list[Order]:
        self.pump()
        return list(self._legal) if seat == self.seat else []

    def draft(self, seat: str) -> list[Order]:
        self.pump()
        return list(self._draft) if seat == self.seat else []

    def points_left(self, seat: str) -> int:
        self.pump()
        actor = self._view.actors.get(seat) if self._view is not None else None
        if actor is None or seat != self.seat:
            return 0
        return actor.action_points - sum(ACTIONS[o.action].cost for o in self._draft)

    def _why_not(self, seat: str) -> str | None:
        if seat != self.seat:
            return f"not your seat: you play {self.seat}, not {seat}"
        if self.current_seat() != seat:
            return "not your turn"
        return None

    def add(self, order: Order) -> str | None:
        why = self._why_not(order.actor)
        if why is not None:
            return why
        assert self._view is not None
        draft = [
            o
            for o in self._draft
            if not (
                o.action == order.action
                and o.action in ("vote", "choose")
                and o.target == order.target
            )
        ]
        _, refused = check_orders(self._view, [*draft, order])
        if refused:
            return refused[-1]
        self._draft = [*draft, order]
        self._send(DraftAdd(order=order))
        return None

    def remove(self, seat: str, index: int) -> None:
        if self._why_not(seat) is None and 0 <= index < len(self._draft):
            del self._draft[index]
            self._send(DraftRemove(index=index))

    def replace(self, seat: str, orders: list[Order]) -> str | None:
        why = self._why_not(seat)
        if why is not None:
            return why
        if any(o.actor != seat for o in orders):
            return "not your seat"
        assert self._view is not None
        _, refused = check_orders(self._view, orders)
        if refused:
            return refused[0]
        self._draft = list(orders)
        self._send(DraftReplace(orders=list(orders)))
        return None

    # ---- ending the turn ---------------------------------------------------------------------

    def submit(self, seat: str) -> TurnReport | None:
        """Hand the seat's orders in; always ``None``: the report arrives when the host has
        resolved the turn (``state_id`` moves, ``reports`` grows)."""
        if self._why_not(seat) is not None:
            return None
        self._want_submit = True
        self._send(Submit(turn=self._turn))  # if the host cannot hear it: sent on return
        return None

    def resolve(self) -> TurnReport:
        raise RuntimeError("a class match's turns are resolved by its host, not by a student")

    # ---- the reports and the end -------------------------------------------------------------

    @property
    def reports(self) -> list[TurnReport]:
        self.pump()
        return list(self._reports)

    def ai_reasons(self, turn: int) -> dict[str, dict]:
        """None: protocol 1 carries no AI reasons (a class's host plays free seats with the
        baseline AI, which gives none)."""
        return {}

    @property
    def ended(self) -> bool:
        self.pump()
        return self._ended

    def outcome(self) -> World:
        """The whole world once the match has ended; before, the seat's own view (the host
        tells no more)."""
        self.pump()
        if self._outcome is not None:
            return self._outcome
        return self.view(self.seat)

    # ---- keeping the match -------------------------------------------------------------------

    def save(self, path: Path) -> None:
        raise SaveError(
            f"{path}: this class match is kept by its host, not on this computer", "hosted"
        )

    def keep(self) -> None:
        """Nothing to write: the host keeps the match, and the draft stays in this client."""

    @property
    def autosave(self) -> Path | None:
        return None

    @property
    def autosave_failure(self) -> SaveError | None:
        return None
