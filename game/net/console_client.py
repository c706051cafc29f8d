"""The teacher console's two background pieces, each an asyncio loop in a thread of its own so
the window's frame loop never waits on the network:

- ``ServedHost``: a ``Host`` served from this process (**Host a class**, ``continuum host
  SCENARIO`` with a window), started and stopped from the frame loop.
- ``ConsoleLink``: the console's client. It connects over websockets (to a host in this process
  or on another computer), says ``console_hello`` with the token, and keeps what the host tells
  it: the public view, the reports, every message, the seats' status. The screen calls
  ``pump()`` once a frame to take what arrived and ``send()`` to act; both return at once. When
  the connection drops it tries again every second, with the same token.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO, TypeVar

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from game.engine import TurnReport, World
from game.engine.scenario import Rules, Scenario

from .host import Host
from .protocol import (
    BadMessage,
    ChatMessage,
    ConsoleHello,
    ConsoleStatus,
    ConsoleTurn,
    ConsoleWelcome,
    Ended,
    Error,
    Message,
    Refused,
    TeacherCard,
    encode,
    parse_host_message,
    with_rules,
)

T = TypeVar("T")
RETRY = 1.0  # seconds between tries to reach the host again


class _Loop:
    """An asyncio loop running in a daemon thread; ``call`` runs a coroutine there."""

    def __init__(self, name: str) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name=name, daemon=True)
        self.thread.start()

    def call(self, make: Callable[[], Coroutine[Any, Any, T]], timeout: float = 10) -> T:
        return asyncio.run_coroutine_threadsafe(make(), self.loop).result(timeout)

    def soon(self, make: Callable[[], Coroutine[Any, Any, Any]]) -> None:
        asyncio.run_coroutine_threadsafe(make(), self.loop)

    def stop(self) -> None:
        """Cancel what still runs on the loop (let it finish), then stop it."""

        async def drain() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        if self.loop.is_closed():
            return
        with contextlib.suppress(Exception):
            self.call(drain, timeout=3)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        if not self.thread.is_alive():
            self.loop.close()


class ServedHost:
    """A class match served from this process, in a thread of its own."""

    def __init__(self, host: Host, loop: _Loop) -> None:
        self.host = host
        self._loop = loop
        self.address = ""  # what students type, once started
        self._announcer: Any = None  # the class's announcement on the network (discovery.py)

    @classmethod
    def new(
        cls,
        scenario: Scenario,
        seats: list[str] | None,
        journal: Path,
        bind: str = "0.0.0.0",
        port: int = 8765,
        seed: int | None = None,
    ) -> ServedHost:
        """Start a new match of ``scenario`` kept in ``journal``; JournalError or OSError (the
        port is taken) says why it could not start."""
        served = cls._make(lambda: Host.new(scenario, seats, seed=seed, journal=journal))
        served.start(bind, port)
        return served

    @classmethod
    def resume(cls, path: Path, bind: str = "0.0.0.0", port: int = 8765) -> ServedHost:
        """Go on with the match kept in the journal at ``path`` (JournalError: why not)."""
        served = cls._make(lambda: Host.resume(path))
        served.start(bind, port)
        return served

    @classmethod
    def _make(cls, make: Callable[[], Host]) -> ServedHost:
        # The host is made on its own loop: its events and timers belong to that loop.
        loop = _Loop("continuum-host")

        async def made() -> Host:
            return make()

        try:
            host = loop.call(made)
        except BaseException:
            loop.stop()
            raise
        return cls(host, loop)

    def start(self, bind: str, port: int) -> None:
        try:
            address = self._loop.call(lambda: self.host.start(bind, port))
        except BaseException:
            self.stop()
            raise
        if bind in ("0.0.0.0", ""):
            from .host import local_address

            address = f"ws://{local_address()}:{self.host.port}"
        self.address = address
        self.bind = bind

    def announce(self, out: TextIO | None = None) -> None:
        """Announce the class on the network (mDNS), as ``continuum host`` does, so Join
        lists it; nothing with ``CONTINUUM_LAN=off`` or a host that listens to this computer
        only. Withdrawn by ``stop``."""
        from .discovery import Announcer, lan_off

        if lan_off() or self._announcer is not None:
            return
        self._announcer = Announcer(self.bind, out)
        self._announcer.start(self.host)

    @property
    def loopback(self) -> str:
        """The address this computer's console connects to."""
        return f"ws://127.0.0.1:{self.host.port}"

    def stop(self) -> None:
        """Tell every client the host stops, and stop (a second call does nothing)."""
        if self._announcer is not None:
            self._announcer.close()
            self._announcer = None
        if self._loop.loop.is_closed() or not self._loop.thread.is_alive():
            return
        with contextlib.suppress(Exception):
            self._loop.call(self.host.close, timeout=5)
        self._loop.stop()


@dataclass
class ConsoleState:
    """What the console knows of the class, as the host told it."""

    title: str = ""
    view: World | None = None  # the public view, with its rules
    rules: Rules | None = None
    reports: list[TurnReport] = field(default_factory=list)
    messages: list[ChatMessage] = field(default_factory=list)
    cards: list[TeacherCard] = field(default_factory=list)
    status: ConsoleStatus | None = None
    status_at: float = 0.0  # time.monotonic() when the status came (the timer counts from it)
    outcome: World | None = None  # the whole world, once the match has ended
    refused: str = ""  # the host's last refusal of an action
    error: str = ""  # why the host closed the connection, or why it cannot be reached
    connected: bool = False

    def remaining(self) -> float | None:
        """Seconds left on the turn's timer now (counted down since the status came)."""
        st = self.status
        if st is None or st.remaining is None:
            return None
        if st.paused:
            return st.remaining
        return max(0.0, st.remaining - (time.monotonic() - self.status_at))


class ConsoleLink:
    """The console's connection to a host (see the module's docstring)."""

    def __init__(self, address: str, token: str) -> None:
        self.address = address if "://" in address else f"ws://{address}"
        self.token = token
        self.state = ConsoleState()
        self._inbox: queue.SimpleQueue[Message | str | None] = queue.SimpleQueue()
        self._outbox: asyncio.Queue[str] | None = None
        self._loop = _Loop("continuum-console")
        self._closing = False
        self._stop: asyncio.Event | None = None
        self._loop.soon(self._run)

    # ---- the frame loop's side -----------------------------------------------------------------

    def pump(self) -> bool:
        """Take what the host sent since the last call; whether anything changed."""
        changed = False
        while True:
            try:
                item = self._inbox.get_nowait()
            except queue.Empty:
                return changed
            changed = True
            self._take(item)

    def send(self, message: Message) -> None:
        """Send an action to the host (dropped, with ``state.error`` set, when not connected)."""
        if not self.state.connected or self._outbox is None:
            self.state.refused = "not connected"
            return
        text = encode(message)
        outbox = self._outbox
        self._loop.loop.call_soon_threadsafe(outbox.put_nowait, text)

    def close(self) -> None:
        """Hang up and stop the link's thread (a second call does nothing)."""
        if self._closing:
            return
        self._closing = True
        stop = self._stop
        if stop is not None:
            self._loop.loop.call_soon_threadsafe(stop.set)
        time.sleep(0.05)  # let the connection say goodbye
        self._loop.stop()

    def _take(self, item: Message | str | None) -> None:
        st = self.state
        if item is None:
            st.connected = False
        elif isinstance(item, str):
            st.error = item
        elif isinstance(item, ConsoleWelcome):
            st.connected, st.error = True, ""
            st.title, st.rules = item.title, item.view.rules
            st.view = item.view
            st.reports, st.messages = list(item.reports), list(item.messages)
            st.cards = list(item.cards)
            self._status(item.status)
        elif isinstance(item, ConsoleStatus):
            self._status(item)
        elif isinstance(item, ConsoleTurn):
            if st.rules is not None:
                st.view = with_rules(item.view, st.rules)
            st.reports.append(item.report)
        elif isinstance(item, ChatMessage):
            st.messages.append(item)
        elif isinstance(item, Ended):
            st.outcome = item.outcome
        elif isinstance(item, Refused):
            st.refused = item.said()
        elif isinstance(item, Error):
            st.error = item.said()

    def _status(self, status: ConsoleStatus) -> None:
        self.state.status, self.state.status_at = status, time.monotonic()

    # ---- the network's side (the link's own loop) ----------------------------------------------

    async def _run(self) -> None:
        self._stop = asyncio.Event()
        while not self._closing:
            try:
                await self._session()
            except (OSError, InvalidHandshake, InvalidURI, TimeoutError) as e:
                self._inbox.put(f"cannot reach the host at {self.address}: {e}")
            except ConnectionClosed:
                pass
            self._inbox.put(None)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), RETRY)

    async def _session(self) -> None:
        async with connect(self.address, max_size=None, open_timeout=5) as ws:
            await ws.send(encode(ConsoleHello(token=self.token)))
            self._outbox = outbox = asyncio.Queue()
            assert self._stop is not None
            stop = asyncio.ensure_future(self._stop.wait())
            stop.add_done_callback(lambda _: asyncio.ensure_future(ws.close()))

            async def sending() -> None:
                while True:
                    await ws.send(await outbox.get())

            sender = asyncio.ensure_future(sending())
            try:
                async for raw in ws:
                    try:
                        self._inbox.put(parse_host_message(raw))
                    except BadMessage as e:
                        self._inbox.put(f"the host sent what this game cannot read: {e.reason}")
            finally:
                sender.cancel()
                stop.cancel()
                self._outbox = None
