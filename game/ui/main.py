"""The desktop client's entry point: the window with the player's saved settings, the main menu,
the loop. A crash is written to the user's log folder and reported in one line."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.scene import Scene


def run(first: Callable[[App], Scene] | None = None) -> None:
    """Open the main menu and play until the player quits; ``first``, a screen to open over it
    (``continuum join`` opens the Join screen). Exits with status 3 on a crash (the traceback
    goes to the crash log; set CONTINUUM_DEBUG=1 to see it raised)."""
    try:
        from game.ui.app import App
        from game.ui.scenes.menu import MainMenu

        _sweep()  # what a crash left half-written last time
        app = App()  # the saved settings, from the user's config folder
        app.push(MainMenu(app))
        if first is not None:
            app.push(first(app))
        app.run()
    except KeyboardInterrupt:
        _quit_display()
    except Exception as e:
        _quit_display()
        if os.environ.get("CONTINUUM_DEBUG"):
            raise
        from game.cli import _crash_log

        log = _crash_log(e)
        where = f" Details: {log}" if log else ""
        print(f"continuum: internal error: {type(e).__name__}: {e}.{where}", file=sys.stderr)
        raise SystemExit(3) from None


def _sweep() -> None:
    """Remove temporary files a killed or crashed game left in its saves and config folders."""
    from game import paths
    from game.atomic import sweep_leftovers
    from game.ui.settings import settings_path

    for folder in (paths.saves_dir(), paths.user_data_dir(), settings_path().parent):
        sweep_leftovers(folder)


def _quit_display() -> None:
    try:
        import pygame

        pygame.quit()
    except Exception:  # already gone, or never came up
        pass


if __name__ == "__main__":
    run()
