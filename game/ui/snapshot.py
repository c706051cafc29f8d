"""`continuum snapshot`: a screen of the desktop client rendered headlessly to a PNG, after the
AI has played some turns: for the docs, for bug reports, and to look at a layout without a
window."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.settings import Settings

SCREENS = ("match", "report", "debrief")


class SnapshotError(Exception):
    """The snapshot cannot be taken; the message says why."""


def snapshot(
    scenario_path_or_id: str | Path,
    out: str | Path,
    turns: int = 0,
    seed: int | None = None,
    size: tuple[int, int] = (1280, 720),
    screen: str = "match",
    settings: Settings | None = None,
) -> Path:
    """Render ``screen`` of a match of the scenario after ``turns`` AI turns into ``out``.

    The scenario's first seat is the human seat (the screen shows what it may see); the AI
    gives every actor's orders for the turns played. ``settings`` sets the language, palette
    and UI scale (the window size is always ``size``). Returns the path written."""
    if screen not in SCREENS:
        raise SnapshotError(f"unknown screen {screen!r}; choose one of {', '.join(SCREENS)}")
    if turns < 0:
        raise SnapshotError("turns must be 0 or more")
    from game.writable import cannot_write

    if why := cannot_write(out):  # before the match is played, and no folder is made
        raise SnapshotError(why)
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

    import pygame

    from game.content import load_scenario
    from game.content.loader import find_scenario
    from game.session.hotseat import new_match
    from game.ui.app import App
    from game.ui.settings import Settings

    scenario = load_scenario(find_scenario(str(scenario_path_or_id)))
    seat = scenario.seats[0] if scenario.seats else None
    session = new_match(scenario, [seat] if seat else [], seed)
    for _ in range(turns):
        if session.ended:
            break
        session.resolve()  # no drafts: the AI gives every actor's orders

    base = settings or Settings()
    app = App(
        base.model_copy(update={"width": size[0], "height": size[1], "fullscreen": False}),
        size=size,
        headless=True,
        persist_settings=False,
    )
    if screen == "match":
        from game.ui.scenes.match import MatchScene

        scene = MatchScene(app, session, seat)
    elif screen == "report":
        if not session.reports:
            raise SnapshotError("the report screen needs at least one turn played (--turns 1)")
        try:
            from game.ui.scenes.report import ReportScene
        except ImportError as e:
            raise SnapshotError(f"the report screen is not available: {e}") from e
        scene = ReportScene(app, session, session.reports[-1], seat)
    else:
        try:
            from game.ui.scenes.debrief import DebriefScene
        except ImportError as e:
            raise SnapshotError(f"the debrief screen is not available: {e}") from e
        scene = DebriefScene(app, session)
    app.push(scene)
    # Two frames: pygame_gui lays some text out on its first update.
    app.frame(0.0, events=[])
    app.dirty()
    app.frame(0.0, events=[])
    path = Path(out)
    pygame.image.save(app.screen, str(path))
    return path
