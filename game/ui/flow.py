"""Which screen comes next in a match: the hand-over between hot-seat players, the match
screen, the turn report, the debrief. Scenes call these instead of knowing each other.

Every screen drives the match through its ``Session`` (``game/session/interface.py``) and
never knows whether the match is played on this machine or hosted on another."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine import TurnReport

if TYPE_CHECKING:
    from game.session.interface import Session
    from game.ui.app import App
    from game.ui.scene import Scene


def seat_screen(app: App, session: Session) -> Scene:
    """The screen for whoever plays next: a hand-over first when several people share the
    machine (so no frame of one seat's screen shows to the next), the debrief at the end."""
    from game.ui.scenes.debrief import DebriefScene
    from game.ui.scenes.handover import HandoverScene
    from game.ui.scenes.match import MatchScene

    if session.ended:
        return DebriefScene(app, session)
    seat = session.current_seat()
    if seat is None:  # nobody human: watch the AI (the public view)
        return MatchScene(app, session, None)
    if len(session.seats) > 1:
        return HandoverScene(app, session, seat)
    return MatchScene(app, session, seat)


def start(app: App, session: Session) -> None:
    app.replace(seat_screen(app, session))


def after_submit(app: App, session: Session, report: TurnReport | None, seat: str | None) -> None:
    """After a seat ends its turn: the report if the turn resolved, else the next seat."""
    from game.ui.scenes.report import ReportScene

    if report is not None:
        app.replace(ReportScene(app, session, report, seat if len(session.seats) <= 1 else None))
    else:
        app.replace(seat_screen(app, session))


def after_report(app: App, session: Session) -> None:
    app.replace(seat_screen(app, session))
