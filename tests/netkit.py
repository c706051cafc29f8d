"""A student's client for the host's tests: a real websockets connection that keeps everything
it received, raw, so a test can check what never reached it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from game.content import load_scenario
from game.net.host import Host, Limits
from game.net.protocol import PROTOCOL_VERSION

MINI = Path(__file__).resolve().parent / "fixtures" / "mini.json"
WAIT = 10.0  # seconds a test waits for a message before it fails


class Student:
    """One client: ``raw`` is every frame it received, ``inbox`` those not yet read."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.raw: list[str] = []
        self.inbox: list[dict[str, Any]] = []

    @classmethod
    async def connect(cls, address: str, **kwargs: Any) -> Student:
        return cls(await connect(address, max_size=None, **kwargs))

    @classmethod
    async def join(cls, address: str, code: str, name: str = "student") -> Student:
        student = await cls.connect(address)
        await student.send("hello", code=code, name=name)
        welcome = await student.expect("welcome")
        student.welcome = welcome
        return student

    welcome: dict[str, Any]

    async def send(self, type: str, **fields: Any) -> None:
        await self.ws.send(json.dumps({"type": type, "v": PROTOCOL_VERSION, **fields}))

    async def _next(self, timeout: float) -> dict[str, Any]:
        text = await asyncio.wait_for(self.ws.recv(), timeout)
        text = text if isinstance(text, str) else text.decode()
        self.raw.append(text)
        return json.loads(text)

    async def expect(self, type: str, timeout: float = WAIT) -> dict[str, Any]:
        """The next message of ``type`` (others received on the way are kept in ``inbox``)."""
        for i, message in enumerate(self.inbox):
            if message["type"] == type:
                return self.inbox.pop(i)
        while True:
            message = await self._next(timeout)
            if message["type"] == type:
                return message
            self.inbox.append(message)

    async def quiet(self, seconds: float = 0.2) -> list[dict[str, Any]]:
        """Whatever arrives within ``seconds`` (to prove nothing does)."""
        got = []
        try:
            while True:
                got.append(await self._next(seconds))
        except TimeoutError:
            pass
        self.inbox.extend(got)
        return got

    async def refused(self, timeout: float = WAIT) -> str:
        return (await self.expect("refused", timeout))["reason"]

    async def close(self) -> None:
        await self.ws.close()


@asynccontextmanager
async def hosting(
    seats: list[str], seed: int = 1, limits: Limits | None = None
) -> AsyncIterator[tuple[Host, str, dict[str, str]]]:
    """A real host of mini.json on 127.0.0.1 (a free port): it, its address, seat -> code."""
    host = Host.new(load_scenario(MINI), seats, seed=seed, limits=limits)
    address = await host.start("127.0.0.1", 0)
    try:
        yield host, address, {seat: code for code, seat in host.codes.items()}
    finally:
        await host.close()


def run(test: Callable[[], Coroutine[Any, Any, None]]) -> None:
    asyncio.run(asyncio.wait_for(test(), 60))
