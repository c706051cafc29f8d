"""The websocket of a student's client, in a thread of its own: ``Link`` connects to a class's
host, says hello with the seat's join code, reads and validates every message the host sends
(a big world is parsed here, never in a frame) and puts it in a queue for the screen's thread
(``game.net.client.RemoteMatch``); what the screen sends goes out through ``Link.send``.

A connection that drops after the host took the seat is tried again with the same hello,
waiting longer each time (``BACKOFF``, spread a little so a class does not come back all at
once). One that cannot start ends in a ``Failure``: no host at the address, something there
that is not a Continuum host, a wrong code, a host of another protocol version.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import queue
import random
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from .protocol import (
    PROTOCOL_VERSION,
    BadMessage,
    Error,
    Message,
    Refused,
    Welcome,
    parse_host_message,
)

DEFAULT_PORT = 8765  # what `continuum host` listens on unless told otherwise
OPEN_TIMEOUT = 6.0  # seconds to reach a host before it counts as unreachable
BACKOFF = (0.5, 1.0, 2.0, 4.0, 8.0)  # seconds before each new try; the last one repeats
MAX_FRAME = 16 * 1024 * 1024  # a kosovo view with its reports is well under 1 MiB


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


class _Fatal(Exception):
    def __init__(self, failure: Failure) -> None:
        super().__init__(str(failure))
        self.failure = failure


@dataclass(frozen=True)
class Lost:
    reason: str


class Link(threading.Thread):
    """The websocket, in a thread of its own with its own asyncio loop. Puts into ``inbox``
    every host message (validated), ``Lost`` when the connection dropped (it tries again),
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
        tries = 0
        while not self._stop.is_set():
            try:
                reason = await self._session()
            except _Fatal as e:
                self.inbox.put(e.failure)
                return
            except (OSError, TimeoutError, InvalidHandshake, InvalidURI) as e:
                if not self.ever_welcomed:
                    self.inbox.put(_first_failure(e))
                    return
                reason = _why(e)
            if self._stop.is_set():
                return
            if not self.ever_welcomed:  # closed before the seat was taken: nothing to go back to
                self.inbox.put(Failure("closed", reason))
                return
            if self._welcomed:
                tries = 0  # it worked for a while: start the waits again from the shortest
            self.inbox.put(Lost(reason))
            delay = BACKOFF[min(tries, len(BACKOFF) - 1)] * self._dice.uniform(0.8, 1.2)
            tries += 1
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), delay)

    _welcomed = False  # this connection's seat has been taken
    ever_welcomed = False  # some connection's was: a dropped one is tried again

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
            if self._stop is not None and self._stop.is_set():
                return "the student left"  # closed while it was connecting
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
                        self._welcomed = self.ever_welcomed = True
                        self._sendq = sendq  # from now on the screen's changes go out
                    elif isinstance(message, Refused) and message.about == "hello":
                        raise _Fatal(_refusal(message))
                    elif isinstance(message, Error):
                        if not self.ever_welcomed:
                            raise _Fatal(Failure("closed", message.said()))
                        return message.said()  # a host stopping: it may come back
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
            if not self.ever_welcomed:
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


def _refusal(refused: Refused) -> Failure:
    reason = refused.reason
    if refused.key == "net.wrong_code":
        return Failure("wrong_code", refused.said())
    if not refused.key and "protocol" in reason:  # the host refused our hello for its version
        return Failure("version", _version_in(reason))
    return Failure("refused", refused.said())


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
