"""A write killed mid-way leaves the old file whole and a temporary file beside it; the next
start removes such leftovers (and only those: a write under way elsewhere holds its file)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from game.atomic import sweep_leftovers, write_atomic

# The writer stalls in its flush to disk (as a full or slow disk would), the moment it is killed.
WRITER = """
import os, sys, time
from pathlib import Path
from game.atomic import write_atomic
os.fsync = lambda fd: time.sleep(60)
write_atomic(Path(sys.argv[1]), b'{"new": true}')
"""


def test_a_writer_killed_mid_write_leaves_a_leftover_the_next_start_removes(
    tmp_path: Path,
) -> None:
    target = tmp_path / "autosave.json"
    write_atomic(target, b'{"old": true}')
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(target)])
    try:
        deadline = time.monotonic() + 30
        # killed once its bytes are in the file and it waits on the disk: a file still empty
        # may be one its writer has only just created, which the sweep rightly leaves a moment
        while not [p for p in tmp_path.glob(".*.tmp") if p.stat().st_size > 0]:
            assert child.poll() is None, "the writer finished before it could be killed"
            assert time.monotonic() < deadline, "the writer never started its temporary file"
            time.sleep(0.01)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert target.read_bytes() == b'{"old": true}'  # the old file is whole
    (leftover,) = tmp_path.glob(".*.tmp")
    assert sweep_leftovers(tmp_path) == 1  # fresh, but no writer holds it: the writer is dead
    assert not leftover.exists() and target.read_bytes() == b'{"old": true}'


def test_the_sweep_touches_nothing_but_leftovers(tmp_path: Path) -> None:
    keep = [tmp_path / "autosave.json", tmp_path / "notes.tmp", tmp_path / ".hidden"]
    for p in keep:
        p.write_text("x")
        os.utime(p, (0, 0))
    assert sweep_leftovers(tmp_path) == 0
    assert all(p.exists() for p in keep)
    assert sweep_leftovers(tmp_path / "no such folder") == 0
