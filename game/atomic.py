"""Writing a file so that a crash or a full disk mid-write leaves the old file whole."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

try:
    import fcntl  # POSIX: a writer holds a lock on its temporary file while it writes
except ImportError:  # pragma: no cover - Windows: leftovers are told by their age alone
    fcntl = None  # type: ignore[assignment]


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it
    over ``path``. On any failure the temporary file is removed and ``path`` is untouched."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if fcntl is not None:
            # Held until the file is closed, or the process dies (a kill, a power cut): a
            # temporary file nobody holds is a leftover (``sweep_leftovers``).
            fcntl.flock(fd, fcntl.LOCK_EX)
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


# An empty temporary file this young may be one a writer has just created and not yet locked.
_JUST_CREATED = 2.0


def sweep_leftovers(folder: Path, older_than: float = 60.0, now: float | None = None) -> int:
    """Remove the temporary files a crash or a killed process left in ``folder`` mid-write.
    Returns how many were removed; never raises.

    Where files can be locked (POSIX), a temporary file no process holds is a leftover at once
    (an empty one after a moment: its writer may not have locked it yet): ``write_atomic``
    holds a lock on it while it writes, and the system releases a killed process's locks, so a
    write under way in another game is never touched, however slow its disk. Elsewhere only files older than ``older_than`` seconds are removed
    (a write under way is fresh)."""
    removed = 0
    now = time.time() if now is None else now
    with contextlib.suppress(OSError):
        for p in folder.glob(_LEFTOVER):
            with contextlib.suppress(OSError):
                if p.is_symlink() or not p.is_file():
                    continue
                st = p.stat()
                age = now - st.st_mtime
                if fcntl is None:
                    stale = age > older_than
                else:
                    young = st.st_size == 0 and age <= min(older_than, _JUST_CREATED)
                    stale = not young and not _held(p)
                if stale:
                    p.unlink()
                    removed += 1
    return removed


def _held(path: Path) -> bool:
    """Whether a live process holds the lock ``write_atomic`` takes on its temporary file."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing releases the lock taken just now
    return False
