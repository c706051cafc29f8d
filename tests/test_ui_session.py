"""The real screens (the hand-over, the match, the report, the debrief) play a whole match on a
second session that is not ``LocalMatch``: ``tests/wire_session.py``, which knows its match
only through JSON messages to a host, as a student's networked seat will. So the screens drive
a match through the session interface alone (game/session/interface.py), whatever is behind it.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
import pytest

from game.content import load_scenario
from game.engine import Order
from game.engine.scenario import Scenario
from game.session.interface import Session
from game.session.local import LocalMatch
from game.ui import flow
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.handover import HandoverScene
from game.ui.scenes.match import MatchScene
from game.ui.scenes.report import ReportScene
from tests.uikit import click, find_button, frames, key, make_app
from tests.wire_session import Refused, WireHost, WireSession

MINI = Path(__file__).parent / "fixtures" / "mini.json"


@pytest.fixture
def short() -> Scenario:
    return load_scenario(MINI).model_copy(update={"turns": 3})


def press(app, scene: MatchScene, order: Order) -> None:
    if scene.tab != "actions":  # the screen opened on a card that waits
        key(app, pygame.K_1)
    button = scene.action_buttons[order]
    scene.reveal(button)
    frames(app, 1)
    click(app, button)


def only_button(app) -> pygame_gui.elements.UIButton:
    buttons = [
        el
        for el in app.manager.ui_group.sprites()
        if isinstance(el, pygame_gui.elements.UIButton) and el.visible
    ]
    assert len(buttons) == 1, [b.text for b in buttons]
    return buttons[0]


def test_the_screens_play_a_whole_hot_seat_match_on_a_session_that_is_not_local(
    short: Scenario,
) -> None:
    humans = ["castria", "arcadia"]
    host = WireHost(LocalMatch.start(short, humans, seed=2))
    session = WireSession(host)
    assert isinstance(session, Session) and not isinstance(session, LocalMatch)
    app = make_app()
    flow.start(app, session)
    drafted: list[dict[str, list[Order]]] = []
    while not isinstance(app.scene, DebriefScene):
        turn: dict[str, list[Order]] = {}
        for seat in humans:
            assert isinstance(app.scene, HandoverScene) and app.scene.seat == seat
            frames(app, 40)  # the button arms
            click(app, only_button(app))
            scene = app.scene
            assert isinstance(scene, MatchScene) and scene.seat == seat
            assert all(h.actor == seat for h in scene.view.hand)  # its view, no one else's
            order = next(o for o in session.legal(seat) if o in scene.action_buttons)
            press(app, scene, order)
            assert session.draft(seat) == [order] == scene.draft
            turn[seat] = session.draft(seat)
            click(app, find_button(app, "End turn"))
            if scene.modal == "confirm":  # points left, or a card waits: the game asks first
                click(app, scene.modal_focus[0].element)
        drafted.append(turn)
        report = app.scene
        assert isinstance(report, ReportScene) and report.seat is None
        assert report.report.turn == len(drafted) and f"Turn {len(drafted)}" in report.header_text
        frames(app)
        click(app, find_button(app, "To the debrief" if report.report.ended else "Continue"))
    assert len(drafted) == 3 and session.ended
    debrief = app.scene
    frames(app)
    assert debrief.world.digest() == host.match.world.digest()  # the whole world, at the end

    # The same orders given to the host directly make the same match.
    again = LocalMatch.start(short, humans, seed=2)
    for turn in drafted:
        for seat in humans:
            for order in turn[seat]:
                assert again.add(order) is None
            again.submit(seat)
    assert again.world.digest() == host.match.world.digest()
    assert {m["call"] for m in host.messages} >= {"view", "legal", "add", "submit", "outcome"}


def test_watching_the_ai_on_the_wire(short: Scenario) -> None:
    session = WireSession(WireHost(LocalMatch.start(short, [], seed=2)))
    app = make_app()
    flow.start(app, session)
    assert isinstance(app.scene, MatchScene) and app.scene.seat is None
    click(app, find_button(app, "Next turn"))
    assert isinstance(app.scene, ReportScene) and app.scene.report.turn == 1
    click(app, find_button(app, "Continue"))
    assert isinstance(app.scene, MatchScene) and app.scene.view.turn == 2


def test_the_host_gives_a_seat_its_own_and_nothing_of_another(short: Scenario) -> None:
    match = LocalMatch.start(short, ["castria", "arcadia"], seed=2)
    session = WireSession(WireHost(match, seats=["castria"]))  # this client plays Castria only
    assert session.view("castria").model_dump() == match.view("castria").model_dump()
    assert session.view(None).hand == []  # the public view: no one's cards
    for ask in (
        lambda: session.view("arcadia"),
        lambda: session.draft("arcadia"),
        lambda: session.add(Order(actor="arcadia", action="invest")),
        lambda: session.submit("arcadia"),
        session.outcome,  # not before the end
    ):
        with pytest.raises(Refused):
            ask()
    assert session.add(Order(actor="castria", action="invest")) is None
    assert match.draft("castria") == [Order(actor="castria", action="invest")]
