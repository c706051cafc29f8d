"""The seminar host: one class match served over websockets, the ``LocalMatch`` its only authority.

The flow, as boardgame.io's master does it:

1. **Start.** ``Host.new(scenario, seats)`` starts the match (a ``LocalMatch`` with no human seat
   yet) and gives each seat people may play a short join code (``secrets``, never the world's
   generator) and the teacher a console token. ``await host.start(bind, port)`` listens;
   ``continuum host SCENARIO --headless`` prints the address, the token and the codes.
2. **Join.** A client's first message is ``hello`` with a code. The code names a seat: the
   client is welcomed with that seat's view (the engine's ``view``: no other seat's hand, secret
   goals or untallied votes), its legal orders, its draft, whether it has submitted and every
   report so far as that seat may read it. The seat is now *claimed*: people play it, and it
   stays claimed when its clients drop. Several clients may hold the same code: a team, who see
   each other's draft (every change goes to every client of the seat). A client that drops and
   comes back with the same code gets the same seat, its draft or submitted orders, and the
   match where it stands.
3. **Draft.** ``draft_add``, ``draft_remove`` and ``draft_replace`` go through the match's
   ``add``/``remove``/``replace``, so the engine's ``check_orders`` checks every order; an order
   for another seat is refused before it gets there.
4. **Resolve.** ``submit`` hands the seat's orders in. When every claimed seat still in the
   match has submitted, the turn resolves: the AI gives the orders of every other actor (a seat
   nobody claimed is the AI's), and each client receives its seat's part of the report
   (``TurnReport.for_actor``) with the seat's new view. When the match ends every client
   receives the whole world (``ended``): the debrief shows every mission.
5. **Refuse and carry on.** What cannot be taken is refused with a reason to that client alone
   (``refused``), and nothing else happens: not JSON, not a valid message, another protocol
   version, a wrong code, an order for another seat, a submit for another turn or a second one,
   a message over ``Limits.max_message`` bytes. A frame over ``Limits.max_frame`` is cut off
   by the websockets library itself (close code 1009). Each client has a token bucket: a
   client sending faster than ``Limits.rate`` a second (after a ``Limits.burst``) has the excess
   refused and its connection read more slowly; one that keeps on is dropped. Each client's
   outgoing messages wait in its own queue, so a slow reader slows no one else; one whose
   queue passes ``Limits.queue`` is dropped.

``LocalMatch`` is used as it is; one thing it lacks is wrapped here: its ``submit`` takes the
seats in hot-seat order, and a class submits in any order, so the host marks the seat submitted
in the match's ``submitted`` (which ``add``/``replace`` then refuse, and saves keep) and calls
``resolve`` when no seat is awaited (``current_seat()`` is ``None``). Claimed seats are the
match's ``humans``.

**The teacher's console.** A connection that says ``console_hello`` with the console token is
the teacher's (a wrong token is refused; ``Limits.wrong_tokens`` of them and the connection is
dropped). It receives every seat's status (``console_status``, on every change), every chat
message, the public view and each turn's public report; its actions (``pause``, ``set_timer``,
``resolve_now``, ``reassign``, ``free_seat``, ``remove_client``, ``end_match``, ``play_card``)
are journaled before they take effect, so a resumed host keeps the pause, the timer, the codes
and the seats as the teacher left them. The turn timer runs on the event loop's clock (never
inside the rules): when it runs out, the seats that have not submitted are played by the AI for
that turn, or hand in their drafts as they stand ("hold"), as the teacher chose. While paused,
nothing resolves and the timer stands still.

**What a turn costs.** The rules (cards, missions) never change in a match: a client gets its
seat's rules once, in its welcome, and each turn's view goes without them (``rules_digest``
names them). Each seat's turn message is encoded once and shared by its team.

**Nothing lost.** A host with a journal (``game/net/journal.py``, an SQLite file) writes to it
before it tells anyone: a seat's claim when it is claimed, a seat's orders when it submits, a
chat message before it is delivered, and a resolved turn (its orders, report, players and world)
in one transaction before any client is sent the result. ``Host.resume(FILE)`` rebuilds the
match from the last committed turn, with the same codes, console token, claimed seats, messages
and the orders submitted for the turn in progress. When the journal cannot be written (a full
disk, a removed USB stick) the host stops and tells every client why, rather than play on with
turns it could not keep: the match resumes from the journal's last turn.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import secrets
import signal
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from game.engine import Order, Scenario, TurnReport
from game.engine.model import HandCard
from game.engine.say import Said, args_data
from game.engine.scenario import Rules, text
from game.session.local import LocalMatch

from .journal import Journal, JournalError
from .protocol import (
    CODE_ALPHABET,
    CODE_LENGTH,
    BadMessage,
    Chat,
    ChatMessage,
    ClientInfo,
    ConsoleAction,
    ConsoleHello,
    ConsoleStatus,
    ConsoleTurn,
    ConsoleWelcome,
    DraftAdd,
    DraftRemove,
    DraftReplace,
    DraftState,
    Ended,
    EndMatch,
    Error,
    FreeSeat,
    Hello,
    Message,
    OnTimeout,
    Pause,
    Ping,
    PlayCard,
    Pong,
    Reassign,
    Refused,
    RemoveClient,
    ResolveNow,
    SeatStatus,
    SetTimer,
    Submit,
    TeacherCard,
    TurnResolved,
    Welcome,
    encode,
    parse_client_message,
    reaches,
    without_rules,
)
from .refusals import TEMPLATES, in_languages, said

ENDED_BY_TEACHER = TEMPLATES["net.ended_by_teacher"]


@dataclass(frozen=True)
class Limits:
    """What one client may cost the host."""

    max_message: int = 64 * 1024  # bytes: a longer message is refused, the connection goes on
    max_frame: int = 1024 * 1024  # bytes: a longer frame closes the connection (1009)
    rate: float = 20.0  # messages a second, sustained
    burst: int = 40  # messages at once, beyond the rate
    flood: int = 200  # messages over the rate before the client is dropped
    queue: int = 256  # messages waiting to go to one client before it is dropped as too slow
    wrong_codes: int = 10  # wrong join codes before the client is dropped
    wrong_tokens: int = 3  # wrong console tokens before the client is dropped


class TokenBucket:
    """``rate`` tokens a second, at most ``burst`` held; each message takes one."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, float(burst)
        self.tokens = float(burst)
        self.stamp = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False

    def wait(self) -> float:
        """Seconds until the next token."""
        return max(0.0, (1 - self.tokens) / self.rate)


@dataclass(eq=False)
class Client:
    """One connection: its seat once it has said hello, and what it costs."""

    ws: ServerConnection
    bucket: TokenBucket
    id: int = 0  # its number in the console's list
    seat: str | None = None
    console: bool = False  # the teacher's console (said console_hello with the token)
    name: str = ""
    outbox: asyncio.Queue[str | None] = field(default_factory=asyncio.Queue)
    over: int = 0  # messages over the rate since the last one taken
    flooded: int = 0  # messages over the rate in all
    wrong_codes: int = 0
    wrong_tokens: int = 0
    closing: bool = False
    close_code: int = 1008  # how the host closes it: a policy violation unless it shuts down


def new_code(taken: Iterable[str] = ()) -> str:
    """A fresh join code, from the system's random source (never the world's generator)."""
    used = set(taken)
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in used:
            return code


def _keyed(kind: type[Refused] | type[Error], reason: str, **fields: str) -> Refused | Error:
    """A ``refused`` or ``error`` message with its reason in English and, for a ``Said`` (the
    host's ``refusals.said`` or the engine's ``say``), its key and arguments as data."""
    if isinstance(reason, Said):
        key, args = reason.key, args_data(reason.args)
    else:
        key, args = "", {}
    return kind(reason=str(reason), key=key, args=args, **fields)


def _plain(code: str) -> str:
    """A code as typed ("abc-234 ") as printed ("ABC234")."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


class Host:
    """One class match served over websockets (see the module's docstring)."""

    def __init__(
        self,
        match: LocalMatch,
        codes: dict[str, str],
        console_token: str | None = None,
        limits: Limits | None = None,
        journal: Journal | None = None,
    ) -> None:
        self.match = match
        self.journal = journal  # where every turn is committed before anyone sees it
        self.title = "Continuum"  # the scenario's title, when started from one (Host.new)
        self.codes = dict(codes)  # join code -> seat
        self.console_token = console_token or secrets.token_urlsafe(16)
        self.limits = limits or Limits()
        self.clients: set[Client] = set()
        self.messages: list[ChatMessage] = []  # every chat message (the teacher sees them all)
        self._server: Server | None = None
        self._closing: set[asyncio.Future[None]] = set()  # connections being cut off
        self.broken: str | None = None  # why the host stopped (its journal failed), or None
        self.stopped = asyncio.Event()  # set when the host stops by itself (``broken``)
        # The teacher's console: pause, the turn timer and what it does to a late seat.
        self.paused = False
        self.timer = 0  # seconds a turn may take; 0: no timer
        self.on_timeout: OnTimeout = "hold"
        self._remaining: float | None = None  # seconds left of this turn's timer when paused
        self._deadline: float | None = None  # the event loop's time the timer runs out
        self._alarm: asyncio.TimerHandle | None = None
        self._ids = itertools.count(1)
        self._rules: dict[str, tuple[Rules, str]] = {}  # seat -> (its rules, their digest)

    @classmethod
    def new(
        cls,
        scenario: Scenario,
        seats: list[str] | None = None,
        seed: int | None = None,
        limits: Limits | None = None,
        journal: Path | None = None,
    ) -> Host:
        """A new match of ``scenario`` with a join code for each of ``seats`` (default: every
        seat the scenario offers people); no seat is claimed yet. With ``journal`` (a path no
        file has yet), every turn is kept there (JournalError when it cannot be created)."""
        match = LocalMatch.start(scenario, [], seed=seed)
        codes: dict[str, str] = {}
        for seat in seats if seats is not None else scenario.seats:
            codes[new_code(codes)] = seat
        host = cls(match, codes, limits=limits)
        host.title = text(scenario.title)
        if journal is not None:
            host.journal = Journal.create(
                journal, match.world, codes, host.console_token, host.title
            )
        return host

    @classmethod
    def resume(cls, path: Path, limits: Limits | None = None) -> Host:
        """The match kept in the journal at ``path``, from its last committed turn: the same
        codes and console token, the seats people had claimed (still theirs: the turn waits for
        them), the messages, and the orders seats had submitted for the turn in progress.
        JournalError when the file is not a whole journal (it is then left as it was)."""
        journal, got = Journal.resume(path)
        try:
            world = got.last.world
            humans = [s for s in got.claims if s in world.actors]
            match = LocalMatch.resume(world, humans, record=got.record())
            for seat, (orders, _) in got.submissions.get(world.turn, {}).items():
                if seat in match.seats and match.replace(seat, orders) is None:
                    match.submitted.add(seat)
            host = cls(match, got.codes, got.console_token or None, limits, journal)
            host.title = got.title
            host.messages = [message for _, message in got.messages]
            host._replay_console(got.console)
            if match.seats and match.current_seat() is None and not match.ended and not host.paused:
                # every seat had submitted when the host stopped: the turn resolves now
                host._commit(match.resolve(), list(match.humans))
        except BaseException:
            journal.close()
            raise
        return host

    def _replay_console(self, events: list[tuple[int, str, dict]]) -> None:
        """Put back what the teacher's console changed (pause, timer, codes, seats, the end),
        from the journal's console events, in order."""
        m = self.match
        for turn, action, data in events:
            if action == "pause":
                self.paused = bool(data.get("paused"))
            elif action == "set_timer":
                self.timer = int(data.get("seconds", 0))
                self.on_timeout = "ai" if data.get("on_timeout") == "ai" else "hold"
            elif action == "reassign":
                seat, code = str(data.get("seat")), str(data.get("code"))
                self.codes = {c: s for c, s in self.codes.items() if s != seat}
                self.codes[code] = seat
            elif action == "free_seat":
                seat = str(data.get("seat"))
                if seat in m.humans:
                    m.humans.remove(seat)
                m.submitted.discard(seat)
                m.drafts.pop(seat, None)
            elif action == "claim":
                seat = str(data.get("seat"))
                if seat in m.world.actors and seat not in m.humans:
                    m.humans.append(seat)
            elif action == "end_match" and not m.ended:
                self._end_world()
            elif action == "play_card" and turn == m.world.turn and not m.ended:
                # played in the turn in progress (the turns before hold theirs in their worlds)
                self._deal(str(data.get("card")), str(data.get("seat")))

    # ---- serving -------------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Listen on ``host``:``port`` (0: any free port); the address clients connect to."""
        self._server = await serve(
            self._connection,
            host,
            port,
            max_size=self.limits.max_frame,
            max_queue=16,
            compression=None,  # a frame's size is what it costs; no zip bombs
        )
        self._arm()
        return f"ws://{host}:{self.port}"

    @property
    def port(self) -> int:
        assert self._server is not None, "the host has not started"
        return int(next(iter(self._server.sockets)).getsockname()[1])

    async def close(self, reason: str = "") -> None:
        """Tell every client why, and stop serving."""
        self._disarm()
        for client in list(self.clients):
            client.close_code = 1001  # going away
            self._post(client, _keyed(Error, reason or said("net.host_closed")))
            self._hang_up(client)
        if self._server is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._flushed(), 2)
            self._server.close()
            await self._server.wait_closed()
        if self.journal is not None:
            self.journal.close()

    async def _flushed(self) -> None:
        while any(not c.outbox.empty() for c in self.clients):
            await asyncio.sleep(0.01)

    async def __aenter__(self) -> Host:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # ---- one connection ------------------------------------------------------------------------

    async def _connection(self, ws: ServerConnection) -> None:
        client = Client(ws, TokenBucket(self.limits.rate, self.limits.burst), id=next(self._ids))
        self.clients.add(client)
        sender = asyncio.create_task(self._send_loop(client))
        try:
            async for raw in ws:
                if client.closing:
                    break
                if not client.bucket.take():
                    await self._slow_down(client)
                    continue
                client.over = 0
                self._receive(client, raw)
        except ConnectionClosed:
            pass
        finally:
            self.clients.discard(client)
            client.closing = True
            client.outbox.put_nowait(None)
            if client.seat is not None:
                self._tell_console()
            with contextlib.suppress(asyncio.CancelledError, ConnectionClosed, TimeoutError):
                await asyncio.wait_for(sender, 2)

    async def _slow_down(self, client: Client) -> None:
        """A message over the rate: refused (once a run), the client read more slowly, and
        dropped when it keeps on. Only this client's own reading waits."""
        client.over += 1
        client.flooded += 1
        if client.flooded > self.limits.flood:
            self._drop(client, said("net.flood"))
            return
        if client.over == 1:
            self._refuse(client, "frame", said("net.rate", rate=f"{self.limits.rate:g}"))
        await asyncio.sleep(client.bucket.wait())

    async def _send_loop(self, client: Client) -> None:
        try:
            while True:
                text = await client.outbox.get()
                if text is None:
                    await self._close(client)
                    return
                await client.ws.send(text)
        except ConnectionClosed:
            return

    @staticmethod
    async def _close(client: Client, reason: str = "") -> None:
        """Close the connection; one that does not answer the close (a client that reads
        nothing, a flood still in the pipe) is cut off after a second."""
        with contextlib.suppress(TimeoutError, ConnectionClosed):
            await asyncio.wait_for(client.ws.close(client.close_code, reason), 1)
        client.ws.transport.abort()

    def _post(self, client: Client, message: Message | str) -> None:
        """Queue a message for one client; a client too slow to read it is dropped."""
        if client.closing:
            return
        if client.outbox.qsize() >= self.limits.queue:
            client.closing = True
            cut = asyncio.ensure_future(self._close(client, "too slow: messages piled up"))
            self._closing.add(cut)
            cut.add_done_callback(self._closing.discard)
            return
        client.outbox.put_nowait(message if isinstance(message, str) else encode(message))

    def _hang_up(self, client: Client) -> None:
        """Close the connection once what is queued for it has gone."""
        if not client.closing:
            client.outbox.put_nowait(None)
            client.closing = True

    def _drop(self, client: Client, reason: str) -> None:
        self._post(client, _keyed(Error, reason))
        self._hang_up(client)

    def _refuse(self, client: Client, about: str, reason: str) -> None:
        """Refuse one message of the client's; ``reason`` a ``Said`` (``refusals.said`` or the
        engine's) travels with its key and arguments, for the client to say in its language."""
        self._post(client, _keyed(Refused, reason, about=about))

    def _name(self, seat: str) -> object:
        """A seat's name for a sentence (with its translations), the seat's id if it has none."""
        actor = self.match.world.named(seat)
        return actor.name if actor is not None else seat

    # ---- one message ---------------------------------------------------------------------------

    def _receive(self, client: Client, raw: str | bytes) -> None:
        if len(raw) > self.limits.max_message:
            too_big = said("net.too_big", size=len(raw), limit=self.limits.max_message)
            self._refuse(client, "frame", too_big)
            return
        try:
            message = parse_client_message(raw)
        except BadMessage as e:
            self._refuse(client, e.about, e.reason)
            return
        if self.broken is not None:
            self._refuse(client, message.type, said("net.stopped", why=self.broken))
            return
        if isinstance(message, Hello):
            self._hello(client, message)
        elif isinstance(message, Ping):
            self._post(client, Pong(n=message.n))
        elif isinstance(message, ConsoleHello):
            self._console_hello(client, message)
        elif isinstance(message, ConsoleAction):
            if not client.console:
                self._refuse(client, message.type, said("net.console_only"))
            else:
                self._console_action(client, message)
        elif client.seat is None:
            self._refuse(client, message.type, said("net.hello_first"))
        elif isinstance(message, Chat):
            self._chat(client, client.seat, message)
        else:
            self._order(client, client.seat, message)

    def _hello(self, client: Client, hello: Hello) -> None:
        if client.seat is not None or client.console:
            already = (
                said("net.is_console")
                if client.console
                else said("net.already_plays", seat=self._name(client.seat or ""))
            )
            self._refuse(client, "hello", already)
            return
        seat = self.codes.get(_plain(hello.code))
        if seat is None:
            client.wrong_codes += 1
            if client.wrong_codes >= self.limits.wrong_codes:
                self._drop(client, said("net.wrong_codes"))
            else:
                self._refuse(client, "hello", said("net.wrong_code", code=hello.code))
            return
        m = self.match
        if seat not in m.world.actors:
            self._refuse(client, "hello", said("net.gone", seat=self._name(seat)))
            return
        if seat not in m.humans:
            if not self._kept(lambda j: j.claim(seat, m.world.turn)):
                self._refuse(client, "hello", said("net.not_recorded", why=self.broken))
                return
            m.humans.append(seat)  # claimed: people play it from now on, the AI no longer
        client.seat, client.name = seat, hello.name
        self._post(client, self._welcome(seat, hello.name))
        if m.ended:
            self._post(client, Ended(outcome=m.outcome()))
        self._tell_console()

    def _welcome(self, seat: str, name: str) -> Welcome:
        """The seat as it stands, for a client that joins it (or gets it afresh)."""
        m = self.match
        rules, digest = self._seat_rules(seat)
        return Welcome(
            seat=seat,
            name=name,
            turn=m.world.turn,
            state_id=m.state_id,
            view=without_rules(m.view(seat)),
            rules=rules,
            rules_digest=digest,
            legal=self._legal(seat),
            draft=m.draft(seat),
            points_left=m.points_left(seat),
            submitted=seat in m.submitted,
            reports=[r.for_actor(seat) for r in m.reports],
            ended=m.ended,
            people=self.people(),
        )

    def people(self) -> list[str]:
        """The seats the class gives to people: each with a join code, or played by one."""
        return list(dict.fromkeys([*self.codes.values(), *self.match.humans]))

    def _seat_rules(self, seat: str) -> tuple[Rules, str]:
        """The rules as ``seat`` may read them and their digest, worked out once a seat."""
        got = self._rules.get(seat)
        if got is None:
            rules = self.match.view(seat).rules
            got = self._rules[seat] = (rules, rules.digest())
        return got

    def _legal(self, seat: str) -> list[Order]:
        return self.match.legal(seat) if seat in self.match.world.actors else []

    def _order(
        self, client: Client, seat: str, message: DraftAdd | DraftRemove | DraftReplace | Submit
    ) -> None:
        m = self.match
        about = message.type
        if m.ended:
            self._refuse(client, about, said("net.ended"))
            return
        if seat not in m.world.actors:
            self._refuse(client, about, said("net.gone", seat=self._name(seat)))
            return
        if isinstance(message, Submit):
            self._submit(client, seat, message)
            return
        if seat in m.submitted:
            self._refuse(client, about, said("net.submitted"))
            return
        if isinstance(message, DraftRemove):
            if message.index >= len(m.draft(seat)):
                self._refuse(client, about, said("net.no_order", index=message.index))
                return
            m.remove(seat, message.index)
        else:
            orders = [message.order] if isinstance(message, DraftAdd) else message.orders
            other = next((o.actor for o in orders if o.actor != seat), None)
            if other is not None:
                mine, theirs = self._name(seat), self._name(other)
                self._refuse(client, about, said("net.not_your_seat", seat=mine, other=theirs))
                return
            if isinstance(message, DraftAdd):
                why = m.add(message.order)
            else:
                why = m.replace(seat, message.orders)
            if why is not None:
                self._refuse(client, about, why)
                return
        self._tell_draft(seat, client.name)

    def _submit(self, client: Client, seat: str, message: Submit) -> None:
        m = self.match
        turn = m.world.turn
        if message.turn != turn:
            self._refuse(client, "submit", said("net.out_of_turn", turn=turn))
            return
        if seat in m.submitted:
            self._refuse(
                client, "submit", said("net.already_submitted", seat=self._name(seat), turn=turn)
            )
            return
        if not self._kept(lambda j: j.submitted(turn, seat, m.draft(seat), client.name)):
            self._refuse(client, "submit", said("net.not_recorded", why=self.broken))
            return
        m.submitted.add(seat)  # LocalMatch.submit takes seats in hot-seat order; a class doesn't
        self._tell_draft(seat, client.name)
        self._tell_console()
        self._resolve_when_ready()

    def _resolve_when_ready(self) -> None:
        """Resolve the turn when no seat is awaited and the teacher has not paused it."""
        m = self.match
        if m.seats and m.current_seat() is None and not self.paused and not m.ended:
            self._resolve()

    def _resolve(self, late: list[str] | None = None) -> None:
        """Resolve the turn; the seats in ``late`` are played by the AI for this turn."""
        m = self.match
        humans = list(m.humans)
        if late:
            m.humans[:] = [h for h in humans if h not in late]
        try:
            played = list(m.humans)
            report = m.resolve()
        finally:
            m.humans[:] = humans
        if self._commit(report, played):
            self._remaining = None
            self._arm()
            self._resolved(report)
            if self.journal is not None:  # after the sends have started, not before
                asyncio.get_running_loop().call_soon(self.journal.checkpoint)

    def _commit(self, report: TurnReport, humans: list[str]) -> bool:
        """Keep the turn just resolved in the journal; False (and the host stops) when it
        cannot be: no client may see a result the journal does not hold."""
        m = self.match
        return self._kept(lambda j: j.commit_turn(m.match.log[-1], report, m.world, humans))

    def _kept(self, write: Callable[[Journal], None]) -> bool:
        """Run one journal write; on failure the host stops, telling every client why."""
        if self.journal is None:
            return True
        try:
            write(self.journal)
            return True
        except JournalError as e:
            self._fail(str(e))
            return False

    def _fail(self, reason: str) -> None:
        """The journal failed: stop playing (a turn the journal does not hold would be lost on
        a restart) and tell every client why; the match resumes from the journal."""
        if self.broken is not None:
            return
        self.broken = reason
        for client in list(self.clients):
            client.close_code = 1011  # the server met an unexpected condition
            self._drop(client, said("net.host_stopped", why=reason))
        self.stopped.set()

    def _tell_draft(self, seat: str, by: str) -> None:
        m = self.match
        state = encode(
            DraftState(
                seat=seat,
                turn=m.world.turn,
                orders=m.draft(seat),
                points_left=m.points_left(seat),
                submitted=seat in m.submitted,
                by=by,
            )
        )
        for other in self._at(seat):
            self._post(other, state)

    def _resolved(self, report: TurnReport) -> None:
        """Each client gets its seat's part of the report and its new view: encoded once a
        seat (a team shares it), without the rules (the welcome brought them)."""
        m = self.match
        for seat in sorted({c.seat for c in self.clients if c.seat is not None}):
            text = encode(
                TurnResolved(
                    seat=seat,
                    report=report.for_actor(seat),
                    turn=m.world.turn,
                    state_id=m.state_id,
                    view=without_rules(m.view(seat)),
                    rules_digest=self._seat_rules(seat)[1],
                    legal=[] if m.ended else self._legal(seat),
                    points_left=m.points_left(seat),
                    ended=m.ended,
                )
            )
            for client in self._at(seat):
                self._post(client, text)
        consoles = self._consoles()
        if consoles:
            public = encode(
                ConsoleTurn(report=report.for_actor(None), view=without_rules(m.view(None)))
            )
            for client in consoles:
                self._post(client, public)
        if m.ended:
            self._tell_ended()
        self._tell_console()

    def _tell_ended(self) -> None:
        ended = encode(Ended(outcome=self.match.outcome()))
        for client in self.clients:
            if client.seat is not None or client.console:
                self._post(client, ended)

    def _chat(self, client: Client, seat: str, chat: Chat) -> None:
        named = chat.to if isinstance(chat.to, list) else [] if chat.to == "all" else [chat.to]
        unknown = next((s for s in named if s not in self.match.world.actors), None)
        if unknown is not None:
            self._refuse(client, "chat", said("net.no_seat", seat=unknown))
            return
        message = ChatMessage(sender=seat, name=client.name or seat, to=chat.to, text=chat.text)
        turn = self.match.world.turn
        if not self._kept(lambda j: j.message(turn, message)):
            self._refuse(client, "chat", said("net.not_recorded", why=self.broken))
            return
        self.messages.append(message)
        text = encode(message)
        for other in self.clients:
            if other.console or (
                other.seat is not None and (reaches(chat.to, other.seat) or other.seat == seat)
            ):
                self._post(other, text)

    def _at(self, seat: str) -> list[Client]:
        return [c for c in self.clients if c.seat == seat]

    def _consoles(self) -> list[Client]:
        return [c for c in self.clients if c.console]

    # ---- the teacher's console -----------------------------------------------------------------

    def _console_hello(self, client: Client, hello: ConsoleHello) -> None:
        if client.seat is not None or client.console:
            self._refuse(client, "console_hello", said("net.console_twice"))
            return
        if not secrets.compare_digest(hello.token.encode(), self.console_token.encode()):
            client.wrong_tokens += 1
            if client.wrong_tokens >= self.limits.wrong_tokens:
                self._drop(client, said("net.wrong_tokens"))
            else:
                self._refuse(client, "console_hello", said("net.wrong_token"))
            return
        client.console, client.name = True, "console"
        m = self.match
        self._post(
            client,
            ConsoleWelcome(
                title=self.title,
                view=m.view(None),
                reports=[r.for_actor(None) for r in m.reports],
                messages=self.messages,
                cards=self.teacher_cards(),
                status=self.status(),
            ),
        )
        if m.ended:
            self._post(client, Ended(outcome=m.outcome()))

    def teacher_cards(self) -> list[TeacherCard]:
        """The scenario's teacher deck: the cards the console may play."""
        return [
            TeacherCard(id=c.id, title=text(c.title))
            for c in self.match.world.rules.cards
            if getattr(c, "teacher", False)
        ]

    def status(self) -> ConsoleStatus:
        """Where the class stands, as the console shows it."""
        m = self.match
        codes = {seat: code for code, seat in self.codes.items()}
        seats = self.people()
        return ConsoleStatus(
            turn=m.world.turn,
            state_id=m.state_id,
            ended=m.ended,
            paused=self.paused,
            timer=self.timer,
            on_timeout=self.on_timeout,
            remaining=self.remaining(),
            seats=[
                SeatStatus(
                    seat=seat,
                    code=codes.get(seat, ""),
                    claimed=seat in m.humans,
                    in_match=seat in m.world.actors,
                    clients=[
                        ClientInfo(id=c.id, name=c.name)
                        for c in sorted(self._at(seat), key=lambda c: c.id)
                    ],
                    submitted=seat in m.submitted,
                )
                for seat in seats
            ],
        )

    def _tell_console(self) -> None:
        consoles = self._consoles()
        if consoles:
            text = encode(self.status())
            for client in consoles:
                self._post(client, text)

    def remaining(self) -> float | None:
        """Seconds left on this turn's timer (None: no timer running or paused with none)."""
        if self._deadline is not None:
            return max(0.0, self._deadline - asyncio.get_running_loop().time())
        return self._remaining

    def _disarm(self) -> None:
        if self._alarm is not None:
            self._alarm.cancel()
        self._alarm, self._deadline = None, None

    def _arm(self) -> None:
        """Start (or start over) this turn's timer, from what was left when it was paused."""
        self._disarm()
        if not self.timer or self.match.ended:
            self._remaining = None
            return
        if self._remaining is None:
            self._remaining = float(self.timer)
        if self.paused:
            return
        loop = asyncio.get_running_loop()
        self._deadline = loop.time() + self._remaining
        self._remaining = None
        self._alarm = loop.call_at(self._deadline, self._time_up)

    def _time_up(self) -> None:
        self._alarm, self._deadline, self._remaining = None, None, None
        if self.broken is None and not self.match.ended:
            self._force(self.on_timeout)

    def _force(self, policy: OnTimeout) -> None:
        """Resolve the turn now: a seat that has not submitted is the AI's for this turn
        (``ai``) or hands in its draft as it stands (``hold``)."""
        m = self.match
        turn = m.world.turn
        late = [s for s in m.seats if s not in m.submitted]
        if policy == "hold":
            for seat in late:
                draft = m.draft(seat)
                if not self._kept(lambda j, s=seat, d=draft: j.submitted(turn, s, d, "")):
                    return
                m.submitted.add(seat)
                self._tell_draft(seat, "")
            late = []
        self._resolve(late)

    def _console_action(self, client: Client, action: ConsoleAction) -> None:
        m = self.match
        about = action.type
        if m.ended and not isinstance(action, RemoveClient):
            self._refuse(client, about, said("net.ended"))
            return
        data = action.model_dump(mode="json", exclude={"type", "v"})
        if isinstance(action, Reassign | FreeSeat) and action.seat not in self._seats():
            self._refuse(client, about, said("net.no_seat", seat=action.seat))
            return
        if isinstance(action, RemoveClient):
            target = next((c for c in self.clients if c.id == action.client), None)
            if target is None or target is client:
                self._refuse(client, about, said("net.no_client", client=action.client))
                return
        if isinstance(action, PlayCard):
            why = self._card_refusal(action)
            if why is not None:
                self._refuse(client, about, why)
                return
        if isinstance(action, Reassign):
            data["code"] = new_code(self.codes)
        if not self._kept(lambda j: j.console(m.world.turn, about, data)):
            self._refuse(client, about, said("net.not_recorded", why=self.broken))
            return
        if isinstance(action, Pause):
            if action.paused != self.paused:
                self.paused = action.paused
                if self.paused:
                    self._remaining = self.remaining()
                    self._disarm()
                else:
                    self._arm()
                    self._resolve_when_ready()
        elif isinstance(action, SetTimer):
            self.timer, self.on_timeout = action.seconds, action.on_timeout
            self._remaining = None
            self._arm()
        elif isinstance(action, ResolveNow):
            self._force(self.on_timeout)
        elif isinstance(action, Reassign):
            self.codes = {c: s for c, s in self.codes.items() if s != action.seat}
            self.codes[data["code"]] = action.seat
            for other in self._at(action.seat):
                self._drop(other, said("net.new_code"))
        elif isinstance(action, FreeSeat):
            if action.seat in m.humans:
                m.humans.remove(action.seat)
            m.submitted.discard(action.seat)
            m.drafts.pop(action.seat, None)
            for other in self._at(action.seat):
                other.seat = None  # no longer counted as the seat's (status, turns)
                self._drop(other, said("net.to_ai"))
            self._resolve_when_ready()
        elif isinstance(action, RemoveClient):
            for other in self.clients:
                if other.id == action.client:
                    self._drop(other, said("net.removed"))
        elif isinstance(action, EndMatch):
            self._end_world()
            self._disarm()
            self._tell_ended()
        elif isinstance(action, PlayCard):
            self._play_card(action)
        self._tell_console()

    def _seats(self) -> set[str]:
        """The seats people may play: those with a code, and the scenario's."""
        m = self.match
        return {s for s in [*self.codes.values(), *m.world.rules.seats] if s in m.world.actors}

    def _end_world(self) -> None:
        """End the match where it stands (the teacher's ``end_match``)."""
        world = self.match.world.clone()
        world.ended = True
        world.end_reason = ENDED_BY_TEACHER
        world.end_key = None  # not the engine's ending: its criteria count as they stand
        world.end_texts = in_languages("net.ended_by_teacher")
        self.match.match.world = world

    def _card_refusal(self, action: PlayCard) -> str | None:
        """Why the teacher card cannot be played onto that seat now, or None."""
        world = self.match.world
        card = world.rules.card(action.card)
        if card is None or not card.teacher:
            return said("net.no_card", card=action.card)
        if action.seat not in world.actors:
            return said("net.no_seat", seat=action.seat)
        if any(h.card == card.id and h.actor == action.seat for h in world.hand):
            return said("net.holds_card", seat=self._name(action.seat))
        return None

    def _play_card(self, action: PlayCard) -> None:
        """Deal the teacher card to the seat now: its clients get the seat afresh (a welcome:
        the card in its hand, the answers among its legal orders)."""
        self._deal(action.card, action.seat)
        for client in self._at(action.seat):
            self._post(client, self._welcome(action.seat, client.name))

    def _deal(self, card: str, seat: str) -> None:
        """The card in ``seat``'s hand, ``target`` bound to the seat, as the engine deals one
        (its key from the world's own counter: the same on a resume)."""
        world = self.match.world.clone()
        world.hand.append(
            HandCard(
                key=world.new_id("hand"),
                card=card,
                actor=seat,
                turn=world.turn,
                bindings={"target": seat},
            )
        )
        world.fired[card] = world.turn
        self.match.match.world = world


def local_address() -> str:
    """This machine's address on the network, as students would type it (best effort: no
    packet is sent, and the loopback address when there is no network)."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET: routing only, nothing goes out
            return str(s.getsockname()[0])
    except OSError:
        return "127.0.0.1"


async def serve_until_stopped(
    host: Host, bind: str, port: int, out: TextIO, on_start: Callable[[Host], None] | None = None
) -> None:
    """Serve ``host`` on ``bind``:``port``, print how to join, and stop on Ctrl+C (or SIGTERM).
    ``on_start`` is called once it listens (``continuum host`` announces the class there)."""
    address = await host.start(bind, port)
    if bind in ("0.0.0.0", ""):
        address = f"ws://{local_address()}:{host.port}"
    world = host.match.world
    width = max((len(s) for s in host.codes.values()), default=4)
    lines = [
        f"Continuum host: {host.title}, turn {world.turn}",
        f"address: {address}",
        f"console token: {host.console_token}",
        "join codes:",
        *(f"  {seat:<{width}}  {code}" for code, seat in host.codes.items()),
        *(
            [f"journal: {host.journal.path}", f"  (continuum host --resume {host.journal.path})"]
            if host.journal is not None
            else []
        ),
        "Ctrl+C stops the host.",
    ]
    print("\n".join(lines), file=out, flush=True)
    if on_start is not None:
        on_start(host)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, stop.set)
    waits = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(host.stopped.wait())]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()
        await host.close()
        if host.broken is not None:
            print(f"host stopped: {host.broken}", file=out, flush=True)
        else:
            print("host stopped", file=out, flush=True)


def run_headless(
    scenario: Scenario | None,
    seats: list[str] | None = None,
    bind: str = "0.0.0.0",
    port: int = 8765,
    seed: int | None = None,
    out: TextIO = sys.stdout,
    journal: Path | None = None,
    resume: Path | None = None,
    on_start: Callable[[Host], None] | None = None,
) -> int:
    """``continuum host --headless``: serve one match until interrupted; the exit code (1 when
    the host stopped because its journal could not be written). The match is kept in
    ``journal`` (a new file); with ``resume``, the match kept there goes on instead of a new one
    (JournalError says why a file cannot be resumed). ``on_start`` is called once it listens."""
    if resume is not None:
        host = Host.resume(resume)
    else:
        assert scenario is not None, "a new match needs its scenario"
        host = Host.new(scenario, seats, seed=seed, journal=journal)
    try:
        with contextlib.suppress(KeyboardInterrupt):  # where signal handlers cannot be set
            asyncio.run(serve_until_stopped(host, bind, port, out, on_start))
    finally:
        if host.journal is not None:
            host.journal.close()
    return 1 if host.broken is not None else 0
