"""The main menu lists the scenarios on a worker thread (``warm_listing``). A player who quits at
once ends the process while that thread checks a file: the process must wait for it, not stop it
halfway through pydantic's compiled validator, which crashed the game at exit now and then (a
segfault, or "FATAL: exception not rethrown" from the packaged binary's smoke test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Ends right after starting the listing; at exit (atexit runs after Python has waited for the
# threads it must wait for) it says whether the listing thread was still running.
PROGRAM = """
import atexit
from game.content import loader
loader.warm_listing()
atexit.register(lambda: print("still listing" if loader._warming.is_alive() else "listed"))
"""


def test_a_process_that_ends_during_the_listing_waits_for_it() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "listed"
