"""Whether a file the user named can be written: one check for the command line and the code
it calls (``snapshot``). A missing folder is refused, never created: a typo must not leave
folders behind (at the filesystem's root or anywhere)."""

from __future__ import annotations

import os
from pathlib import Path


def cannot_write(value: str | Path, option: str = "") -> str | None:
    """Why the file ``value`` cannot be written, or None. ``option`` (e.g. "--out") opens the
    message, so it says where the bad value came from."""
    path = Path(value)
    folder = path.parent
    head = f"{option} {value}" if option else str(value)
    if path.is_dir():
        return f"{head}: this is a folder; name a file inside it"
    if path.is_symlink() or (path.exists() and not path.is_file()):
        # Never write over a link, a device or a pipe (as root a save once replaced /dev/...).
        return f"{head}: this is not a regular file (a link, a device or a pipe); name a new file"
    if not folder.exists():
        return f"{head}: the folder {folder} does not exist (create it first)"
    if not folder.is_dir():
        return f"{head}: {folder} is not a folder"
    if not os.access(folder, os.W_OK):
        return f"{head}: cannot write in the folder {folder}"
    return None
