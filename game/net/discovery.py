"""Finding a class on the local network without typing an address: mDNS / DNS-SD with the
``zeroconf`` library.

- **The host announces** ``_continuum._tcp.local.``: one service per class match, its address and
  port, and in its TXT record the protocol version (``v``), the scenario's id and title, how
  many seats students may take and how many are still free (kept up to date while the class
  joins). ``Announcer`` does it from a thread of its own, so the host's loop never waits on it;
  ``continuum host`` announces unless ``--no-announce`` (``announcing``).
- **The client browses**: ``LanBrowser`` collects the announced classes into a list the Join
  screen shows (``classes()``). Its record handling (``add``, ``remove``) takes ``ServiceInfo``
  objects and is all a test needs: a test never announces or browses on a real network.

What a record says is checked like any message from the network: a record without a usable
address or port is left out, and every text is cut to a length a screen can show. A class of
another protocol version is listed, marked, and cannot be joined (the screen says why).
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from zeroconf import ServiceInfo

from .protocol import PROTOCOL_VERSION

if TYPE_CHECKING:
    from .host import Host

SERVICE = "_continuum._tcp.local."
LAN_ENV = "CONTINUUM_LAN"  # "off": never look for nor announce classes on the network
MAX_TITLE = 80  # characters of a title shown or announced
MAX_LISTED = 50  # classes kept in the list (a network announcing more is not a school's)
UPDATE_SECONDS = 2.0  # how often the announcer looks for seats taken
RESOLVE_MS = 3000  # how long the browser waits for a class's address


@dataclass(frozen=True)
class Announced:
    """A class announced on the network, as the Join screen lists it."""

    name: str  # the service's name (unique on the network)
    title: str  # the scenario's title
    scenario: str  # the scenario's id
    host: str  # the address to connect to
    port: int
    seats: int  # seats students may play
    free: int  # of which nobody has taken yet
    version: int  # the host's protocol version

    @property
    def address(self) -> str:
        """``host:port``, as a student would type it."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def joinable(self) -> bool:
        """Whether this game speaks the host's protocol."""
        return self.version == PROTOCOL_VERSION


def lan_off() -> bool:
    """Whether ``CONTINUUM_LAN=off`` keeps this computer off the network's service records
    (the test suite sets it; so may a school that forbids multicast)."""
    return os.environ.get(LAN_ENV, "").strip().lower() in ("off", "0", "no", "false")


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())  # no line breaks or control spacing from the network
    return text if len(text) <= n else text[: n - 1] + "…"


def _count(value: str | None) -> int | None:
    if value is None or not value.isdigit() or len(value) > 4:
        return None
    return int(value)


def announced_from(info: ServiceInfo) -> Announced | None:
    """The class a service record announces, or ``None`` when it is not one (another service
    type, no address, no port, a version that is not a number)."""
    if not info.name.endswith("." + SERVICE) or not info.port or not 0 < info.port < 65536:
        return None
    addresses = info.parsed_scoped_addresses()
    if not addresses:
        return None
    v4 = [a for a in addresses if ":" not in a]
    host = (v4 or addresses)[0]
    props: dict[str, str | None] = {}
    with contextlib.suppress(Exception):  # undecodable TXT: treated as no TXT at all
        props = dict(info.decoded_properties)
    version = _count(props.get("v"))
    if version is None:
        return None
    seats = _count(props.get("seats")) or 0
    free = min(_count(props.get("free")) or 0, seats)
    label = info.name[: -len(SERVICE) - 1]
    return Announced(
        name=info.name,
        title=_clip(props.get("title") or label, MAX_TITLE),
        scenario=_clip(props.get("scenario") or "", 40),
        host=host,
        port=info.port,
        seats=seats,
        free=free,
        version=version,
    )


def service_info(
    title: str, scenario: str, address: str, port: int, seats: int, free: int, machine: str = ""
) -> ServiceInfo:
    """The record a host announces for its class (``machine``: this computer's name)."""
    machine = machine or socket.gethostname().split(".")[0] or "host"
    label = _clip(f"{title} ({machine})", 60).replace(".", " ")
    while len(label.encode()) > 63:  # a DNS label holds 63 bytes
        label = label[:-1]
    return ServiceInfo(
        SERVICE,
        f"{label}.{SERVICE}",
        port=port,
        parsed_addresses=[address],
        properties={
            "v": str(PROTOCOL_VERSION),
            "scenario": scenario[:40],
            "title": _clip(title, MAX_TITLE),
            "seats": str(seats),
            "free": str(free),
        },
        server=f"{machine}.local.",
    )


# ---- the client: browsing ----------------------------------------------------------------------


class LanBrowser:
    """The classes announced on the network, kept up to date. ``start()`` browses (a thread of
    zeroconf's own); ``add`` and ``remove`` are what its records come through, and what tests
    call. ``classes()`` may be called from the screen's thread at any time."""

    def __init__(self) -> None:
        self._found: dict[str, Announced] = {}
        self._lock = threading.Lock()
        self._zc: Any = None
        self._browser: Any = None
        self.problem = ""  # why browsing could not start (no network, multicast blocked)
        self.changes = 0  # moves every time the list does

    def add(self, info: ServiceInfo) -> Announced | None:
        """Take one service record: the class it announces (``None``: not a class)."""
        found = announced_from(info)
        with self._lock:
            if found is None:
                self._found.pop(info.name, None)
            elif (found.name in self._found or len(self._found) < MAX_LISTED) and self._found.get(
                found.name
            ) != found:
                self._found[found.name] = found
                self.changes += 1
        return found

    def remove(self, name: str) -> None:
        with self._lock:
            if self._found.pop(name, None) is not None:
                self.changes += 1

    def classes(self) -> list[Announced]:
        """The classes found, those this game can join first, then by title."""
        with self._lock:
            found = list(self._found.values())
        return sorted(found, key=lambda a: (not a.joinable, a.title.lower(), a.address))

    def start(self) -> bool:
        """Browse the network; whether it could (else ``problem`` says why)."""
        try:
            from zeroconf import ServiceBrowser, Zeroconf

            self._zc = Zeroconf()
            self._browser = ServiceBrowser(self._zc, SERVICE, handlers=[self._on_change])
        except (OSError, RuntimeError) as e:
            self.problem = getattr(e, "strerror", None) or str(e) or type(e).__name__
            self.close()
            return False
        return True

    def _on_change(self, zeroconf: Any, service_type: str, name: str, state_change: Any) -> None:
        from zeroconf import ServiceStateChange

        if state_change is ServiceStateChange.Removed:
            self.remove(name)
            return
        info = zeroconf.get_service_info(service_type, name, timeout=RESOLVE_MS)
        if info is not None:
            self.add(info)

    def close(self) -> None:
        """Stop browsing (in the background: closing zeroconf may take a moment)."""
        browser, zc = self._browser, self._zc
        self._browser = self._zc = None

        def close() -> None:
            with contextlib.suppress(Exception):
                if browser is not None:
                    browser.cancel()
                if zc is not None:
                    zc.close()

        if browser is not None or zc is not None:
            threading.Thread(target=close, name="continuum-lan-close", daemon=True).start()


# ---- the host: announcing ----------------------------------------------------------------------


def _free_seats(host: Host) -> tuple[int, int]:
    """(seats with a join code, of which nobody has claimed yet)."""
    offered = set(host.codes.values())
    return len(offered), len(offered - set(host.match.humans))


class Announcer:
    """Announces one host's class on the network from a thread of its own, and keeps the count
    of free seats up to date; ``close`` withdraws it."""

    def __init__(self, bind: str, out: TextIO | None = None) -> None:
        self.bind = bind
        self.out = out
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, host: Host) -> None:
        """Called once the host listens (its port is known)."""
        if self.bind.startswith("127.") or self.bind in ("::1", "localhost"):
            self._say("not announced on the network: this host listens to this computer only")
            return
        self._thread = threading.Thread(
            target=self._run, args=(host,), name="continuum-announce", daemon=True
        )
        self._thread.start()

    def _say(self, line: str) -> None:
        if self.out is not None:
            print(line, file=self.out, flush=True)

    def _run(self, host: Host) -> None:
        from zeroconf import Zeroconf

        from .host import local_address

        address = local_address() if self.bind in ("0.0.0.0", "", "::") else self.bind
        seats, free = _free_seats(host)
        info = service_info(host.title, host.match.world.scenario, address, host.port, seats, free)
        try:
            zc = Zeroconf()
            zc.register_service(info, allow_name_change=True)
        except Exception as e:  # a network without multicast: students type the address
            self._say(f"not announced on the network ({e}): students type the address")
            return
        self._say(f"announced on the network as {info.name[: -len(SERVICE) - 1]!r}")
        try:
            while not self._stop.wait(UPDATE_SECONDS):
                now = _free_seats(host)
                if now != (seats, free):
                    seats, free = now
                    info = service_info(
                        host.title, host.match.world.scenario, address, host.port, seats, free
                    )
                    zc.update_service(info)
        finally:
            with contextlib.suppress(Exception):
                zc.unregister_service(info)
            zc.close()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)


@contextlib.contextmanager
def announcing(
    enabled: bool, bind: str, out: TextIO | None = None
) -> Iterator[Callable[[Host], None] | None]:
    """``continuum host``'s announcement: what to call once the host listens (``None`` with
    ``enabled`` false or ``CONTINUUM_LAN=off``: nothing is announced), withdrawn when the host
    stops."""
    if not enabled or lan_off():  # quietly: what the host prints is the teacher's to read
        yield None
        return
    announcer = Announcer(bind, out)
    try:
        yield announcer.start
    finally:
        announcer.close()
