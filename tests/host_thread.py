"""A real seminar host for the client's tests: ``Host`` serving on 127.0.0.1 (a free port) from a
thread of its own, so a test can drive ``RemoteMatch`` clients (and the screens) synchronously,
as the game's frame loop does. It can be stopped and started again on the same port with the
same match and codes: a host that went away and came back."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from game.content import load_scenario
from game.engine.scenario import Scenario
from game.net.host import Host

MINI = Path(__file__).resolve().parent / "fixtures" / "mini.json"
T = TypeVar("T")


def short_mini(turns: int = 3) -> Scenario:
    return load_scenario(MINI).model_copy(update={"turns": turns})


class HostThread:
    """``host`` served from a background asyncio loop; ``call`` runs code on that loop."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.port = 0

    def call(self, fn: Callable[[], Coroutine[Any, Any, T]], timeout: float = 10) -> T:
        return asyncio.run_coroutine_threadsafe(fn(), self.loop).result(timeout)

    def start(self, port: int = 0) -> str:
        self.call(lambda: self.host.start("127.0.0.1", port))
        self.port = self.host.port
        return f"127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.call(self.host.close)

    def restart(self) -> None:
        """The host went away and comes back on the same port, with the same match and codes:
        from its journal when it keeps one (``host --resume``), else the same match in memory."""
        old = self.host
        if old.journal is not None:
            self.host = Host.resume(old.journal.path, old.limits)
        else:
            self.host = Host(old.match, old.codes, old.console_token, old.limits)
            self.host.title = old.title
        self.start(self.port)

    def cut(self, seat: str) -> int:
        """Cut every connection of ``seat`` from the host's side, mid-turn (no goodbye);
        how many."""

        async def cut() -> int:
            cut = [c for c in self.host.clients if c.seat == seat]
            for c in cut:
                c.ws.transport.abort()
            return len(cut)

        return self.call(cut)

    def codes(self) -> dict[str, str]:
        return {seat: code for code, seat in self.host.codes.items()}

    def close(self) -> None:
        try:
            self.stop()
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(5)
            self.loop.close()


@contextmanager
def host_thread(
    seats: list[str], scenario: Scenario | None = None, seed: int = 2, journal: Path | None = None
) -> Iterator[tuple[HostThread, str, dict[str, str]]]:
    """A real host of ``scenario`` (mini.json, 3 turns) on 127.0.0.1, keeping the match in
    ``journal`` if given: it, the address to type, seat -> join code."""
    served = HostThread(Host.new(scenario or short_mini(), seats, seed=seed, journal=journal))
    address = served.start()
    try:
        yield served, address, served.codes()
    finally:
        served.close()
