"""The class match's journal (game/net/journal.py): a real host on 127.0.0.1 with real websockets
clients writes every turn to a real SQLite file before anyone sees the result; the host process
killed with SIGKILL mid-match goes on with `continuum host --resume` with no committed turn
lost and the same codes; a file that is not a whole journal is refused and left as it was."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from websockets.sync.client import connect

from game.content import load_scenario
from game.net.host import Host
from game.net.journal import Journal, JournalError, read_journal
from game.net.protocol import PROTOCOL_VERSION
from game.session.saves import save_world
from tests.netkit import MINI, Student, run

ROOT = Path(__file__).resolve().parent.parent


@asynccontextmanager
async def journaled(
    path: Path, seats: list[str], seed: int = 1
) -> AsyncIterator[tuple[Host, str, dict[str, str]]]:
    """A real host of mini.json with its journal at ``path``: it, its address, seat -> code."""
    host = Host.new(load_scenario(MINI), seats, seed=seed, journal=path)
    address = await host.start("127.0.0.1", 0)
    try:
        yield host, address, {seat: code for code, seat in host.codes.items()}
    finally:
        await host.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_journal_holds_every_turn_before_the_class_sees_it(tmp_path: Path) -> None:
    path = tmp_path / "class.continuum-journal"

    async def play() -> None:
        async with journaled(path, ["arcadia", "castria"]) as (host, address, codes):
            ana = await Student.join(address, codes["castria"], "Ana")
            carl = await Student.join(address, codes["arcadia"], "Carl")
            await ana.send("chat", to="all", text="Shall we talk before we vote?")
            await carl.expect("message")
            given: dict[int, list[dict]] = {}
            now = ana.welcome
            for turn in (1, 2, 3):
                order = next(o for o in now["legal"] if o["action"] != "choose")
                await ana.send("draft_replace", orders=[order])
                await ana.expect("draft")
                await ana.send("submit", turn=turn)
                await ana.expect("draft")
                await carl.send("submit", turn=turn)
                now = await ana.expect("turn")
                await carl.expect("turn")
                # The result reached the class: the journal already holds the turn, whole.
                kept = read_journal(path)
                assert kept.last.turn == turn == now["turn"] - 1
                assert kept.last.world.model_dump() == host.match.world.model_dump()
                given[turn] = [order]
            kept = read_journal(path)
            assert [t.turn for t in kept.turns] == [0, 1, 2, 3]
            assert kept.codes == host.codes and kept.console_token == host.console_token
            assert kept.claims == ["castria", "arcadia"]
            for t in kept.turns[1:]:
                assert t.humans == ["castria", "arcadia"]
                assert t.report is not None and t.report.turn == t.turn
                assert t.report.model_dump() == host.match.reports[t.turn - 1].model_dump()
                # every seat's orders: castria's own and the AI's for the seats nobody claimed
                assert t.orders == host.match.match.log[t.turn - 1]
                mine = [o.model_dump(mode="json") for o in t.orders if o.actor == "castria"]
                assert mine == given[t.turn]
                assert {o.actor for o in t.orders} - {"castria", "arcadia"}
                castria = [o for o in t.orders if o.actor == "castria"]
                assert kept.submissions[t.turn]["castria"] == (castria, "Ana")
            assert [(n, m.sender, m.name, m.text) for n, m in kept.messages] == [
                (1, "castria", "Ana", "Shall we talk before we vote?")
            ]
            with sqlite3.connect(path) as db:
                assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            db.close()
            # The file alone, copied while the host runs (a USB stick), holds every turn too.
            copy = tmp_path / "copy.continuum-journal"
            copy.write_bytes(path.read_bytes())
            assert [t.turn for t in read_journal(copy).turns] == [0, 1, 2, 3]
            for student in (ana, carl):
                await student.close()

    run(play)


def test_a_turn_the_journal_cannot_keep_is_never_sent(tmp_path: Path) -> None:
    """A full disk (SQLite's own size limit: the turn does not fit) stops the host: no client
    is sent a result the journal does not hold, each is told why, and the file resumes."""
    path = tmp_path / "full.continuum-journal"

    async def play() -> None:
        async with journaled(path, ["arcadia", "castria"]) as (host, address, codes):
            ana = await Student.join(address, codes["castria"])
            carl = await Student.join(address, codes["arcadia"])
            await ana.send("submit", turn=1)
            await ana.expect("draft")
            assert host.journal is not None
            db = host.journal._db  # the disk fills up: not one more page
            pages = db.execute("PRAGMA page_count").fetchone()[0]
            db.execute(f"PRAGMA max_page_count = {pages}")
            await carl.send("submit", turn=1)
            for student in (ana, carl):
                error = await student.expect("error")
                assert "could not record turn 1" in error["reason"]
                assert not any(json.loads(r)["type"] == "turn" for r in student.raw)
            assert host.broken is not None and host.stopped.is_set()
            late = await Student.connect(address)
            await late.send("hello", code=codes["castria"])
            assert "the host has stopped" in await late.refused()
            await late.close()

    run(play)
    kept = read_journal(path)
    assert kept.last.turn == 0 and set(kept.submissions[1]) == {"castria", "arcadia"}
    host = Host.resume(path)  # from the last committed turn: both had submitted, so it resolves
    try:
        assert host.match.world.turn == 2 and read_journal(path).last.turn == 1
    finally:
        assert host.journal is not None
        host.journal.close()


HEADLESS = ("--headless", "--port", "0", "--bind", "127.0.0.1")


def _start(args: list[str], data: Path) -> tuple[subprocess.Popen[str], list[str]]:
    """`python -m game host ... --headless` on 127.0.0.1, port 0; it and what it printed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "host", *args, *HEADLESS],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "XDG_DATA_HOME": str(data)},
    )
    assert process.stdout is not None
    lines: list[str] = []
    while not lines or not lines[-1].startswith("Ctrl+C"):
        line = process.stdout.readline()
        if not line:
            process.kill()
            raise AssertionError(process.stderr.read() if process.stderr else "no output")
        lines.append(line.rstrip("\n"))
    return process, lines


def _printed(lines: list[str]) -> tuple[str, dict[str, str], str, Path]:
    """The address, seat -> code, the console token and the journal a host printed."""
    text = "\n".join(lines)
    address = re.search(r"^address: (ws://127\.0\.0\.1:\d+)$", text, re.M)
    token = re.search(r"^console token: (\S+)$", text, re.M)
    journal = re.search(r"^journal: (.+)$", text, re.M)
    assert address and token and journal, text
    codes = dict(
        line.split() for line in lines[lines.index("join codes:") + 1 :] if line.startswith("  ")
        and not line.startswith("  (")
    )  # fmt: skip
    return address[1], codes, token[1], Path(journal[1])


class Seat:
    """A student at one seat of a host in another process (the sync websockets client)."""

    def __init__(self, address: str, code: str) -> None:
        self._open = contextlib.ExitStack()
        self.ws = self._open.enter_context(connect(address, max_size=None))
        self.send("hello", code=code, name="student")
        self.welcome = self.expect("welcome")

    def send(self, type: str, **fields: object) -> None:
        self.ws.send(json.dumps({"type": type, "v": PROTOCOL_VERSION, **fields}))

    def expect(self, type: str) -> dict:
        while True:
            message = json.loads(self.ws.recv(timeout=20))
            if message["type"] == type:
                return message

    def close(self) -> None:
        self._open.close()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_host_killed_mid_match_resumes_with_every_committed_turn_and_the_same_codes(
    tmp_path: Path,
) -> None:
    seats = ["--seats", "castria,arcadia", "--seed", "3"]
    host, lines = _start([str(MINI), *seats], tmp_path)
    resumed = None
    try:
        address, codes, token, journal = _printed(lines)
        assert journal.parent == tmp_path / "continuum" / "journals"  # the user's data folder
        ana, carl = Seat(address, codes["castria"]), Seat(address, codes["arcadia"])
        for turn in (1, 2):
            ana.send("submit", turn=turn)
            carl.send("submit", turn=turn)
            now = ana.expect("turn")
            carl.expect("turn")
        # Turn 3: Ana hands in an order, then the host dies before Carl submits.
        order = next(o for o in now["legal"] if o["action"] != "choose")
        ana.send("draft_add", order=order)
        ana.expect("draft")
        ana.send("submit", turn=3)
        assert ana.expect("draft")["submitted"] is True
        before = read_journal(journal)
        host.send_signal(signal.SIGKILL)
        host.wait(timeout=20)
        ana.close()
        carl.close()

        resumed, lines = _start(["--resume", str(journal)], tmp_path)
        assert lines[0] == "Continuum host: A province in flames, turn 3"
        address2, codes2, token2, journal2 = _printed(lines)
        assert (codes2, token2, journal2) == (codes, token, journal)
        ana, carl = Seat(address2, codes["castria"]), Seat(address2, codes["arcadia"])
        # The match where it stood: two committed turns, Ana's submitted order kept.
        assert ana.welcome["turn"] == 3 and len(ana.welcome["reports"]) == 2
        assert ana.welcome["submitted"] is True and ana.welcome["draft"] == [order]
        assert carl.welcome["submitted"] is False
        assert [r["turn"] for r in carl.welcome["reports"]] == [1, 2]
        carl.send("submit", turn=3)
        assert ana.expect("turn")["turn"] == 4 and carl.expect("turn")["turn"] == 4
        after = read_journal(journal)
        assert [t.turn for t in after.turns] == [0, 1, 2, 3]
        for old, new in zip(before.turns, after.turns, strict=False):  # nothing rewritten
            assert (old.world_json, old.orders, old.committed) == (
                new.world_json,
                new.orders,
                new.committed,
            )
        assert [
            o.model_dump(mode="json") for o in after.turns[3].orders if o.actor == "castria"
        ] == [order]
        ana.close()
        carl.close()
        resumed.send_signal(signal.SIGINT)
        _, err = resumed.communicate(timeout=20)
        assert resumed.returncode == 0, err
    finally:
        for p in (host, resumed):
            if p is not None and p.poll() is None:
                p.kill()
                p.wait()


def _real_journal(path: Path) -> None:
    host = Host.new(load_scenario(MINI), ["castria"], seed=2, journal=path)
    assert host.journal is not None
    host.match.humans.append("castria")
    report = host.match.resolve()
    host.journal.commit_turn(host.match.match.log[-1], report, host.match.world, ["castria"])
    host.journal.close()


def _refused(path: Path, why: str) -> None:
    before = digest(path)
    with pytest.raises(JournalError) as e:
        Host.resume(path)
    assert str(e.value).startswith(f"{path}: ") and why in str(e.value), str(e.value)
    assert digest(path) == before  # refused, never changed


def test_what_is_not_a_whole_journal_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    noise = tmp_path / "noise.continuum-journal"
    noise.write_bytes(os.urandom(4096))
    _refused(noise, "not a Continuum class journal (not an SQLite file)")

    save = tmp_path / "a-save.json"
    host = Host.new(load_scenario(MINI), ["castria"])
    save_world(host.match.world, save)
    _refused(save, "not an SQLite file")

    foreign = tmp_path / "photos.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE photos (name TEXT)")
        db.execute("INSERT INTO photos VALUES ('beach')")
    db.close()
    _refused(foreign, "an SQLite file of another kind")

    whole = tmp_path / "whole.continuum-journal"
    _real_journal(whole)
    cut = tmp_path / "cut.continuum-journal"
    cut.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 2])
    _refused(cut, "the journal is damaged")

    damaged = tmp_path / "damaged.continuum-journal"
    _real_journal(damaged)
    with sqlite3.connect(damaged) as db:
        db.execute('UPDATE turns SET world = \'{"format": "continuum-save"\' WHERE turn = 1')
    db.close()
    _refused(damaged, "turn 1: the world is not JSON")

    newer = tmp_path / "newer.continuum-journal"
    _real_journal(newer)
    with sqlite3.connect(newer) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'version'")
    db.close()
    _refused(newer, "written by a newer version of Continuum")

    # And a new journal never overwrites a file already there.
    before = digest(whole)
    with pytest.raises(JournalError, match="never overwritten"):
        Journal.create(whole, host.match.world, host.codes, "token")
    assert digest(whole) == before


@pytest.mark.slow
def test_continuum_host_resume_refuses_a_damaged_journal_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "class.continuum-journal"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    before = digest(bad)
    done = subprocess.run(
        [sys.executable, "-m", "game", "host", "--resume", str(bad), "--headless", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 1
    assert done.stderr.startswith(f"continuum: {bad}: ") and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert digest(bad) == before
    done = subprocess.run(
        [sys.executable, "-m", "game", "host", str(MINI), "--resume", str(bad), "--headless"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 1 and "give none of SCENARIO" in done.stderr
