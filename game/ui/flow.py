"""Which screen comes next in a match: the hand-over between hot-seat players, the match
screen, the turn report, the debrief. Scenes call these instead of knowing each other.

Every screen drives the match through its ``Session`` (``game/session/interface.py``) and
never knows whether the match is played on this machine or hosted on another. A session whose
host is elsewhere (``Connected``: a student's seat in a class) adds one screen, "waiting for the
others" between ending a turn and its report, and a turn may resolve while its match screen is
open (a team mate ended it): these functions decide that too."""

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
    if _gone(session):  # a class that cannot go on: the Join screen says why
        from game.ui.scenes.join import JoinScene

        return JoinScene.after_failure(app, session)
    seat = session.current_seat()
    if seat is None and waits_for_others(session):  # a class: the host awaits other seats
        from game.ui.scenes.waiting import WaitingScene

        return WaitingScene(app, session, session.humans[0], None)
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
        shown = seat if len(session.seats) <= 1 else None
        app.replace(ReportScene(app, session, report, shown, fell_in(session, report)))
    else:
        app.replace(seat_screen(app, session))


def fell_in(session: Session, report: TurnReport) -> dict[str, str]:
    """The seats played here whose state fell in the report's turn (``World.fallen``), by name:
    the report tells their players that the match is over for them."""
    from game.report.goal_lines import actor_in_sentence

    world = session.view(None)
    return {
        h: actor_in_sentence(world, h)
        for h in session.humans
        if (fell := world.fallen.get(h)) is not None and fell.turn == report.turn
    }


def after_report(app: App, session: Session) -> None:
    app.replace(seat_screen(app, session))


def _gone(session: Session) -> bool:
    """A class's session whose host will not take the seat back (the seat was freed, the
    host changed version)."""
    from game.session.interface import Connected

    return isinstance(session, Connected) and session.link == "closed"


def waits_for_others(session: Session) -> bool:
    """Whether the seat played here is done and the host elsewhere awaits other seats."""
    from game.session.interface import Connected

    return isinstance(session, Connected) and session.waiting_for_others and bool(session.humans)


def submitted(app: App, session: Session, seat: str, since: int | None) -> None:
    """A class's seat is done with its turn (``since``: the session's ``state_id`` the turn
    was drafted at): waiting for the others, or the turn's report once the host has resolved
    it, however soon that comes."""
    from game.ui.scenes.waiting import WaitingScene

    app.replace(WaitingScene(app, session, seat, since))


def turn_resolved(app: App, session: Session, seat: str | None) -> None:
    """The host resolved a turn while this screen waited or drafted: its report (the last one
    the seat may read), or the next screen if there is none."""
    from game.ui.scenes.report import ReportScene

    reports = session.reports
    if reports:
        report = reports[-1]
        app.replace(ReportScene(app, session, report, seat, fell_in(session, report)))
    else:
        app.replace(seat_screen(app, session))


def leave_match(app: App, session: Session) -> None:
    """Back to the main menu; a class's connection is hung up (the seat stays the student's)."""
    from game.session.interface import Connected
    from game.ui.scenes.menu import MainMenu

    if isinstance(session, Connected):
        session.close()
    app.replace(MainMenu(app))
