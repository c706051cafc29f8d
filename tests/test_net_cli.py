"""`continuum host SCENARIO --headless` as a teacher runs it: a real process on 127.0.0.1 that
prints the address, the console token and a join code per seat, lets a student in, and ends
cleanly on Ctrl+C."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from websockets.sync.client import connect

from game.net.protocol import PROTOCOL_VERSION

pytestmark = pytest.mark.slow  # starts the continuum process

ROOT = Path(__file__).resolve().parent.parent
MINI = str(ROOT / "tests" / "fixtures" / "mini.json")


def continuum(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", *args], capture_output=True, text=True, timeout=60, cwd=ROOT
    )


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C is a signal here")
def test_host_headless_prints_how_to_join_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    args = ["host", MINI, "--port", "0", "--bind", "127.0.0.1", "--seats", "castria,arcadia"]
    args.append("--no-announce")  # a test never announces on a network
    process = subprocess.Popen(
        [sys.executable, "-m", "game", *args, "--headless"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "XDG_DATA_HOME": str(tmp_path)},  # its journal
    )
    try:
        assert process.stdout is not None
        lines = []
        while not lines or not lines[-1].startswith("Ctrl+C"):
            line = process.stdout.readline()
            assert line, process.stderr.read() if process.stderr else "no output"
            lines.append(line.rstrip("\n"))
        assert lines[0] == "Continuum host: A province in flames, turn 1"
        address = re.fullmatch(r"address: (ws://127\.0\.0\.1:\d+)", lines[1])
        assert address and not address[1].endswith(":0")
        assert re.fullmatch(r"console token: [\w-]{16,}", lines[2])
        assert lines[3] == "join codes:"
        codes = dict(line.split() for line in lines[4:6])
        assert list(codes) == ["castria", "arcadia"]
        assert all(re.fullmatch(r"[A-Z2-9]{6}", code) for code in codes.values())
        assert len(set(codes.values())) == 2

        with connect(address[1], max_size=None) as ws:
            ws.send(json.dumps({"type": "hello", "v": PROTOCOL_VERSION, "code": codes["arcadia"]}))
            welcome = json.loads(ws.recv(timeout=10))
            assert welcome["type"] == "welcome" and welcome["seat"] == "arcadia"
            process.send_signal(signal.SIGINT)
            assert json.loads(ws.recv(timeout=10)) == {
                "v": PROTOCOL_VERSION,
                "type": "error",
                "reason": "the host has stopped",
                "key": "net.host_closed",  # for the student's screen to say in its language
                "args": {},
            }
        out, err = process.communicate(timeout=20)
        assert process.returncode == 0, err
        assert out.strip().endswith("host stopped") and err == ""
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C is a signal here")
def test_join_check_says_which_seat_a_code_gives_or_why_not(tmp_path: Path) -> None:
    """`continuum join ADDRESS --code C --check`: a student's connection test, no window."""
    args = ["host", MINI, "--port", "0", "--bind", "127.0.0.1", "--seats", "castria,arcadia"]
    process = subprocess.Popen(
        [sys.executable, "-m", "game", *args, "--no-announce", "--headless"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "XDG_DATA_HOME": str(tmp_path)},
    )
    try:
        assert process.stdout is not None
        lines: list[str] = []
        while not lines or not lines[-1].startswith("Ctrl+C"):
            line = process.stdout.readline()
            assert line, process.stderr.read() if process.stderr else "no output"
            lines.append(line.rstrip("\n"))
        address = lines[1].removeprefix("address: ws://")
        codes = dict(line.split() for line in lines[4:6])
        ok = continuum("join", address, "--code", codes["arcadia"], "--check")
        assert ok.returncode == 0, ok.stderr
        assert ok.stdout.strip() == "joined A province in flames as Arcadia (arcadia), turn 1"
        wrong = continuum("join", address, "--code", "ZZZZZZ", "--check")
        assert wrong.returncode == 1 and "no seat has the join code" in wrong.stderr
        missing = continuum("join", address, "--check")
        assert missing.returncode != 0 and "--code" in missing.stderr
    finally:
        process.kill()
        process.wait()
    nobody = continuum("join", address, "--code", codes["arcadia"], "--check")
    assert nobody.returncode == 1 and "could not join" in nobody.stderr


def test_host_refuses_what_it_cannot_serve() -> None:
    done = continuum("host", MINI, "--seats", "castria,atlantis", "--headless")
    assert done.returncode == 1
    assert "--seats castria,atlantis: each seat once, from those mini offers people" in done.stderr
    done = continuum("host", MINI, "--port", "-1")  # with a window as without: refused first
    assert done.returncode == 1 and "a port is a number from 0 to 65535" in done.stderr
    done = continuum("host", MINI, "--port", "70000", "--headless")
    assert done.returncode == 1 and "a port is a number from 0 to 65535" in done.stderr


def test_schema_prints_the_protocol_schema() -> None:
    done = continuum("schema", "--protocol")
    assert done.returncode == 0
    assert (ROOT / "docs" / "protocol.schema.json").read_text(encoding="utf-8") == done.stdout
