"""Where the game's shipped files and the user's own files live.

The same code runs from a source checkout and from a PyInstaller bundle: a bundle unpacks its
data under ``sys._MEIPASS``, a checkout keeps it beside the ``game`` package.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import platformdirs

APP = "continuum"


def install_root() -> Path:
    """The folder that holds ``scenarios/`` and ``assets/`` as shipped."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def shipped_scenarios_dir() -> Path:
    return install_root() / "scenarios"


def user_data_dir() -> Path:
    """Saves and user scenarios: never beside the executable."""
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def user_scenarios_dir() -> Path:
    return user_data_dir() / "scenarios"


def saves_dir() -> Path:
    return user_data_dir() / "saves"


def stamped(root: Path, stem: str, suffix: str = "", now: datetime | None = None) -> Path:
    """``root/<stem>-<YYYYmmdd-HHMMSS><suffix>``, a name nothing has yet (``-2``, ``-3``… after
    the stamp when two are made in the same second): journals, debrief and export folders."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    path = root / f"{stem}-{stamp}{suffix}"
    n = 2
    while path.exists():
        path = root / f"{stem}-{stamp}-{n}{suffix}"
        n += 1
    return path
