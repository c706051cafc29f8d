"""Seminar play under a class's load: 40 students on loopback play a 20-turn kosovo match.

    python bench/bench_seminar.py [--clients 40] [--turns 20] [--chats 30] [--json]

The host is the real thing, started as a teacher starts it (``python -m game host kosovo
--headless --port 0 --bind 127.0.0.1``, its journal in a temporary folder) in its own process;
the students are real websockets clients in this one. Kosovo offers 10 seats: the clients take
them in turn, so past the tenth they join as teams (40 clients: four to a seat). Each turn every
seat's first student drafts one order (the first it may give that is not a card answer or a
vote), every student sends its team one chat message, and each seat submits; the turn is timed
from the last submit sent to the moment every client holds the new turn.

Then a chat burst: every client sends ``--chats`` messages to everyone, ``--rate`` a second
(default 8, under the host's limit of 20), and the burst is timed until every client has
received every message. A client the host drops as too slow (its queue of messages to send
passed 256) ends the bench with that reason: the rate is then more than the host sustains.

It prints:

- turn latency: from the last order submitted to every client holding the new turn, p50, p99
  and max over the turns (goal: p99 under 250 ms). The host commits the turn to its journal
  (SQLite, synchronous) before it sends it, so this includes the commit.
- messages a second the host sustains in the burst: messages taken in, and messages delivered
  (each chat to everyone goes to every client), each journaled before it is delivered.
- the host's peak memory (resident, from /proc; Linux only) and the journal's size.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.net.protocol import PROTOCOL_VERSION  # noqa: E402

GOAL_P99_MS = 250.0
HEADLESS = ("--headless", "--port", "0", "--bind", "127.0.0.1")


class Student:
    """One client: it reads everything the host sends into a queue per type."""

    def __init__(self, ws: ClientConnection, seat: str, lead: bool) -> None:
        self.ws, self.seat, self.lead = ws, seat, lead
        self.turns: asyncio.Queue[tuple[float, dict[str, Any]]] = asyncio.Queue()
        self.chats = 0
        self.chat_goal = 0
        self.all_chats = asyncio.Event()
        self.received = 0
        self.turn_bytes: list[int] = []  # the size of every turn message received
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        try:
            await self._read_all()
        except ConnectionClosed as e:
            self.dropped = f"{e.rcvd.reason if e.rcvd else 'closed'}"
            self.all_chats.set()  # nothing more will come: let the bench see why

    dropped = ""

    async def _read_all(self) -> None:
        async for raw in self.ws:
            now = time.perf_counter()
            self.received += 1
            kind = raw[raw.index('"type":"') + 8 :].split('"', 1)[0]
            if kind == "turn":  # only a seat's lead reads it: the others only hold it
                self.turn_bytes.append(len(raw))
                self.turns.put_nowait((now, json.loads(raw) if self.lead else {}))
            elif kind == "message":
                self.chats += 1
                if self.chat_goal and self.chats >= self.chat_goal:
                    self.all_chats.set()

    async def send(self, type: str, **fields: Any) -> None:
        await self.ws.send(json.dumps({"type": type, "v": PROTOCOL_VERSION, **fields}))


def start_host(
    folder: Path, seed: int | None
) -> tuple[subprocess.Popen[str], str, dict[str, str], Path]:
    journal = folder / "bench.continuum-journal"
    args = ["kosovo", *HEADLESS, "--journal", str(journal)]
    args += ["--seed", str(seed)] if seed is not None else []
    host = subprocess.Popen(
        [sys.executable, "-m", "game", "host", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert host.stdout is not None
    lines: list[str] = []
    while not lines or not lines[-1].startswith("Ctrl+C"):
        line = host.stdout.readline()
        if not line:
            raise SystemExit(host.stderr.read() if host.stderr else "the host did not start")
        lines.append(line.rstrip("\n"))
    text = "\n".join(lines)
    found = re.search(r"^address: (\S+)$", text, re.M)
    assert found, text
    codes = {}
    for line in lines[lines.index("join codes:") + 1 :]:
        parts = line.split()
        if len(parts) == 2 and line.startswith("  ") and not line.startswith("  ("):
            codes[parts[0]] = parts[1]
    return host, found[1], codes, journal


def peak_memory_mib(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(found[1]) / 1024 if found else None


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


async def bench(
    clients: int, turns: int, chats: int, rate: float, seed: int | None
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        host, address, codes, journal = start_host(Path(tmp), seed)
        try:
            return await _play(host, address, codes, journal, clients, turns, chats, rate)
        finally:
            if host.poll() is None:
                host.send_signal(signal.SIGINT)
                try:
                    host.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    host.kill()


async def _play(
    host: subprocess.Popen[str],
    address: str,
    codes: dict[str, str],
    journal: Path,
    clients: int,
    turns: int,
    chats: int,
    rate: float,
) -> dict[str, Any]:
    seats = list(codes)
    students: list[Student] = []
    welcome: dict[str, dict[str, Any]] = {}
    welcome_bytes: list[int] = []
    for i in range(clients):
        seat = seats[i % len(seats)]
        ws = await connect(address, max_size=None, compression=None)
        await ws.send(
            json.dumps(
                {"type": "hello", "v": PROTOCOL_VERSION, "code": codes[seat], "name": f"s{i}"}
            )
        )
        raw = await ws.recv()
        welcome_bytes.append(len(raw))
        first = json.loads(raw)
        assert first["type"] == "welcome", first
        students.append(Student(ws, seat, seat not in welcome))
        welcome.setdefault(seat, first)
    leads = {s: next(st for st in students if st.seat == s) for s in seats}
    team = {s: sum(st.seat == s for st in students) for s in seats}
    now = {s: welcome[s] for s in seats}
    latencies: list[float] = []
    firsts: list[float] = []  # to the first client: the host's own work (resolve, commit, encode)
    started = time.perf_counter()
    played = 0
    for _ in range(turns):
        turn = next(iter(now.values()))["turn"]
        for seat, lead in leads.items():
            legal = [o for o in now[seat]["legal"] if o["action"] not in ("choose", "vote")]
            if legal:
                await lead.send("draft_add", order=legal[0])
        for st in students:
            st.chats, st.chat_goal = 0, team[st.seat]
            st.all_chats.clear()
        for i, st in enumerate(students):
            await st.send("chat", to=st.seat, text=f"turn {turn}: a word to my team ({i})")
        # every team's chat has gone round before the seats submit: only the turn is timed
        await asyncio.wait_for(asyncio.gather(*(st.all_chats.wait() for st in students)), 60)
        for lead in leads.values():
            await lead.send("submit", turn=turn)
        last_submit = time.perf_counter()
        got = await asyncio.gather(*(asyncio.wait_for(st.turns.get(), 60) for st in students))
        latencies.append((max(t for t, _ in got) - last_submit) * 1000)
        firsts.append((min(t for t, _ in got) - last_submit) * 1000)
        for st, (_, message) in zip(students, got, strict=True):
            if st is leads[st.seat]:
                now[st.seat] = message
        played += 1
        if next(iter(now.values()))["ended"]:
            break
    match_seconds = time.perf_counter() - started

    # the chat burst: every client to everyone, ``rate`` a second
    for st in students:
        st.chats, st.chat_goal = 0, chats * len(students)
        st.all_chats.clear()

    async def chatter(st: Student, i: int) -> None:
        for n in range(chats):
            await st.send("chat", to="all", text=f"burst {i}.{n}")
            await asyncio.sleep(1 / rate)

    burst_start = time.perf_counter()
    await asyncio.gather(*(chatter(st, i) for i, st in enumerate(students)))
    await asyncio.wait_for(asyncio.gather(*(st.all_chats.wait() for st in students)), 120)
    burst = time.perf_counter() - burst_start
    dropped = [st.dropped for st in students if st.dropped]
    if dropped:
        raise SystemExit(f"{len(dropped)} clients were dropped by the host: {dropped[0]}")
    memory = peak_memory_mib(host.pid)
    for st in students:
        await st.ws.close()
    size = sum(p.stat().st_size for p in journal.parent.glob(journal.name + "*"))
    sent_in = chats * len(students)
    return {
        "clients": len(students),
        "seats": len(seats),
        "turns": played,
        "match_seconds": round(match_seconds, 2),
        "turn_latency_ms": {
            "p50": round(percentile(latencies, 0.5), 1),
            "p99": round(percentile(latencies, 0.99), 1),
            "max": round(max(latencies), 1),
            "goal_p99": GOAL_P99_MS,
            "first_client_p50": round(percentile(firsts, 0.5), 1),
        },
        "burst": {
            "seconds": round(burst, 2),
            "messages_in": sent_in,
            "rate_per_client": rate,
            "messages_in_per_second": round(sent_in / burst),
            "deliveries_per_second": round(sent_in * len(students) / burst),
        },
        "welcome_kb": round(sum(welcome_bytes) / len(welcome_bytes) / 1000, 1),
        "turn_message_kb": round(
            sum(sum(st.turn_bytes) for st in students)
            / max(1, sum(len(st.turn_bytes) for st in students))
            / 1000,
            1,
        ),
        "host_peak_memory_mib": None if memory is None else round(memory, 1),
        "journal_bytes": size,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--chats", type=int, default=30, help="messages each client sends")
    parser.add_argument(
        "--rate", type=float, default=8.0, help="messages a second each client sends in the burst"
    )
    parser.add_argument("--seed", type=int, default=None, help="the match's seed")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = asyncio.run(bench(args.clients, args.turns, args.chats, args.rate, args.seed))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    lat, burst = result["turn_latency_ms"], result["burst"]
    met = "MET" if lat["p99"] < GOAL_P99_MS else "NOT MET"
    memory = result["host_peak_memory_mib"]
    print(
        f"kosovo: {result['clients']} clients on {result['seats']} seats, "
        f"{result['turns']} turns in {result['match_seconds']:.1f} s"
    )
    print(
        f"turn latency (last submit -> every client holds the new turn): p50 {lat['p50']:.1f} ms, "
        f"p99 {lat['p99']:.1f} ms, max {lat['max']:.1f} ms (goal p99 < {GOAL_P99_MS:.0f} ms: {met}); "
        f"the first client holds it after {lat['first_client_p50']:.1f} ms (p50)"
    )
    print(
        f"chat burst ({burst['rate_per_client']:g} a second from each client, to everyone): "
        f"{burst['messages_in']} messages in {burst['seconds']:.2f} s: "
        f"{burst['messages_in_per_second']} taken in a second, "
        f"{burst['deliveries_per_second']} delivered a second"
    )
    print(
        f"sizes: a welcome {result['welcome_kb']:.1f} kB, a turn message "
        f"{result['turn_message_kb']:.1f} kB (mean over every client and turn)"
    )
    print("host peak memory: " + (f"{memory:.1f} MiB" if memory is not None else "n/a (not Linux)"))
    print(f"journal: {result['journal_bytes'] / 1024 / 1024:.2f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
