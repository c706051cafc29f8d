"""Which screen comes next in a local match: the hand-over between hot-seat players, the match
screen, the turn report, the debrief. Scenes call these instead of knowing each other."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine import TurnReport

if TYPE_CHECKING:
    from game.session.local import LocalMatch
    from game.ui.app import App
    from game.ui.scene import Scene


def seat_screen(app: App, local: LocalMatch) -> Scene:
    """The screen for whoever plays next: a hand-over first when several people share the
    machine (so no frame of one seat's screen shows to the next), the debrief at the end."""
    from game.ui.scenes.debrief import DebriefScene
    from game.ui.scenes.handover import HandoverScene
    from game.ui.scenes.match import MatchScene

    if local.world.ended:
        return DebriefScene(app, local)
    seat = local.current_seat()
    if seat is None:  # nobody human: watch the AI (the public view)
        return MatchScene(app, local, None)
    if len(local.seats) > 1:
        return HandoverScene(app, local, seat)
    return MatchScene(app, local, seat)


def start(app: App, local: LocalMatch) -> None:
    app.replace(seat_screen(app, local))


def after_submit(app: App, local: LocalMatch, report: TurnReport | None, seat: str | None) -> None:
    """After a seat ends its turn: the report if the turn resolved, else the next seat."""
    from game.ui.scenes.report import ReportScene

    if report is not None:
        app.replace(ReportScene(app, local, report, seat if len(local.seats) <= 1 else None))
    else:
        app.replace(seat_screen(app, local))


def after_report(app: App, local: LocalMatch) -> None:
    app.replace(seat_screen(app, local))
