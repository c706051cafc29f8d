"""Nothing left behind: a process saving a match over and over is killed (SIGKILL, as a power cut
or a task manager would) at random moments; each time the autosave is a whole save the game
loads, and the sweep the next start runs first leaves no temporary file in the saves folder."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.atomic import sweep_leftovers, write_atomic
from game.content import load_scenario
from game.session.local import LocalMatch
from game.session.saves import load_match
from game.ui import main

ROOT = Path(__file__).resolve().parent.parent

# Writes the saves given, one after another, through game.atomic, for ever; says "ready" once
# the first is written.
WRITER = """
import sys
from pathlib import Path
from game.atomic import write_atomic
target, blobs = Path(sys.argv[1]), [Path(p).read_bytes() for p in sys.argv[2:]]
n = 0
while True:
    write_atomic(target, blobs[n % len(blobs)])
    n += 1
    if n == 1:
        print("ready", flush=True)
"""


def _saves(folder: Path) -> list[Path]:
    """Real saves of a kosovo match at its first three turns (the largest is a few hundred KB)."""
    match = LocalMatch.start(load_scenario(ROOT / "scenarios" / "kosovo.json"), [], seed=5)
    paths = []
    for turn in range(3):
        if turn:
            match.resolve()
        paths.append(folder / f"turn{turn}.json")
        match.save(paths[-1])
    return paths


def test_a_writer_killed_at_random_leaves_a_whole_save_and_the_next_start_sweeps(
    sandbox: Path, tmp_path: Path
) -> None:
    blobs_dir = tmp_path / "blobs"
    blobs_dir.mkdir()
    blobs = _saves(blobs_dir)
    contents = {p.read_bytes() for p in blobs}
    saves = sandbox / "data" / "saves"
    target = saves / "autosave.json"
    write_atomic(target, blobs[0].read_bytes())
    rng = random.Random(14)
    left_behind = 0
    for _ in range(6):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target), *map(str, blobs)],
            stdout=subprocess.PIPE,
            cwd=ROOT,
        )
        try:
            assert child.stdout is not None and child.stdout.readline() == b"ready\n"
            time.sleep(rng.uniform(0.0, 0.1))
            deadline = time.monotonic() + 10
            while not list(saves.glob(".*.tmp")) and time.monotonic() < deadline:
                pass  # the kill lands while a temporary file exists: mid-write
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
            if child.stdout is not None:
                child.stdout.close()
        leftovers = list(saves.glob(".*.tmp"))
        left_behind += len(leftovers)
        if any(p.stat().st_size == 0 for p in leftovers):
            # Killed between creating its temporary file and locking it: so young and empty
            # a file is spared for two seconds (it may be another game's write just begun).
            time.sleep(2.1)
        main._sweep()  # what the next start does first
        assert list(saves.iterdir()) == [target]  # no temporary file, nothing else
        assert target.read_bytes() in contents  # the last save written whole, or the one before
        assert load_match(target).world.scenario == "kosovo"
    assert left_behind, "no kill landed mid-write: the sweep was never put to the test"


# The writer stalls in its flush to disk (a slow or full disk) until it is killed.
STALLED = """
import os, sys, time
from pathlib import Path
from game.atomic import write_atomic
os.fsync = lambda fd: time.sleep(60)
write_atomic(Path(sys.argv[1]), b'{"new": true}')
"""


@pytest.mark.skipif(os.name == "nt", reason="Windows has no flock: leftovers are told by age")
def test_a_write_under_way_in_another_game_is_never_swept(tmp_path: Path) -> None:
    target = tmp_path / "autosave.json"
    write_atomic(target, b'{"old": true}')
    child = subprocess.Popen([sys.executable, "-c", STALLED, str(target)], cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while not [p for p in tmp_path.glob(".*.tmp") if p.stat().st_size]:
            assert child.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
        (writing,) = tmp_path.glob(".*.tmp")
        # However old it looks, a file its writer still holds is left alone.
        assert sweep_leftovers(tmp_path, now=time.time() + 3600) == 0
        assert writing.exists()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert sweep_leftovers(tmp_path) == 1  # its writer is gone: removed at once
    assert os.listdir(tmp_path) == ["autosave.json"]
    assert target.read_bytes() == b'{"old": true}'
