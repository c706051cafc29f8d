"""Writing a file so that a crash or a full disk mid-write leaves the old file whole."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it
    over ``path``. On any failure the temporary file is removed and ``path`` is untouched."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows has no folder handles to sync)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# A temporary file is ".<name>.<random>.tmp" beside the file it replaces (``write_atomic``).
_LEFTOVER = ".*.tmp"


def sweep_leftovers(folder: Path, older_than: float = 60.0, now: float | None = None) -> int:
    """Remove the temporary files a crash or a killed process left in ``folder`` mid-write
    (only those older than ``older_than`` seconds: a write under way elsewhere is fresh).
    Returns how many were removed; never raises."""
    import time

    removed = 0
    now = time.time() if now is None else now
    with contextlib.suppress(OSError):
        for p in folder.glob(_LEFTOVER):
            with contextlib.suppress(OSError):
                if p.is_file() and not p.is_symlink() and now - p.stat().st_mtime > older_than:
                    p.unlink()
                    removed += 1
    return removed
