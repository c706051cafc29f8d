"""The Messages tab of a class's seat (game/ui/scenes/match_messages.py) in a real window (SDL's
dummy driver), on a real host on 127.0.0.1: two students write to each other, one writes to a
group of seats, the tab counts what is unread, a message too long is refused in one line and
so is one the host refuses. A hot-seat match has no such tab."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from game.content import load_scenario
from game.net.client import RemoteMatch
from game.net.protocol import MAX_TEXT
from game.session.interface import messaging
from game.session.local import LocalMatch
from game.ui import flow
from game.ui.i18n import t
from game.ui.scenes.match import MatchScene
from tests.host_thread import MINI, host_thread
from tests.uikit import click, find_button, frames, key, make_app

pytestmark = pytest.mark.slow  # opens a window


def until(app, ready: Callable[[], bool], seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not ready():
        assert time.monotonic() < end, "waited in vain"
        app.frame(1 / 60, events=[])
        time.sleep(0.01)


def type_text(app, text: str) -> None:
    """Type into whatever has the keyboard, as pygame delivers typing (TEXTINPUT events)."""
    app.frame(1 / 60, events=[pygame.event.Event(pygame.TEXTINPUT, text=text)])
    app.frame(1 / 60)


def open_seat(address: str, code: str, name: str):
    session = RemoteMatch.join(address, code, name)
    assert session.wait(lambda: session.status == "playing", 10), session.failure
    app = make_app()
    flow.start(app, session)
    frames(app)
    scene = app.scene
    assert isinstance(scene, MatchScene) and scene.tabs[-1] == "messages"
    return app, scene, session


def test_students_write_to_one_seat_a_group_and_everyone(sandbox: Path) -> None:
    with host_thread(["castria", "arcadia", "borealia"]) as (served, address, codes):
        app, scene, ana = open_seat(address, codes["castria"], "Ana")
        ben = RemoteMatch.join(address, codes["arcadia"], "Ben")
        cy = RemoteMatch.join(address, codes["borealia"], "Cy")
        try:
            for s in (ben, cy):
                assert s.wait(lambda s=s: s.status == "playing", 10)
            assert scene.tab_buttons["messages"].text == "Chat"

            # Ben writes to Ana alone: the tab counts one unread, Cy gets nothing.
            assert ben.send_message(["castria"], "Shall we vote together?") is None
            until(app, lambda: scene.tab_buttons["messages"].text == "Chat (1)")
            assert ana.messages()[-1].text == "Shall we vote together?"
            assert ana.messages()[-1].to == ("castria",)

            # Ana opens the tab by its key (4): read, the count goes; the message is shown.
            key(app, pygame.K_4)
            assert scene.tab == "messages"
            frames(app)
            assert scene.tab_buttons["messages"].text == "Chat"
            shown = [span.text for span, _ in scene.panel.lists["messages"].texts()]
            assert "Shall we vote together?" in shown
            assert any("Turn 1" in line and "Ben" in line for line in shown)

            # She may write to everyone or to the seats people play in this class, not to the
            # seats the AI plays (mini's UN and Aid Watch: a message there would reach no one).
            assert set(scene.chat_buttons) == {"", "arcadia", "borealia"}
            # She answers Ben and Cy, a group: chosen with the mouse, typed, sent with Enter.
            click(app, scene.chat_buttons["arcadia"])
            click(app, scene.chat_buttons["borealia"])
            assert scene.chat_to == {"arcadia", "borealia"}
            assert not scene.chat_buttons[""].is_selected
            click(app, scene.chat_entry)
            assert scene.typing()
            type_text(app, "Yes: Arcadia and Borealia, vote no")
            key(app, pygame.K_e)  # typing: E must not end the turn
            assert isinstance(app.scene, MatchScene) and scene.typing()
            key(app, pygame.K_RETURN)
            assert scene.chat_status is not None and scene.chat_status[1] == "good"
            assert scene.chat_entry.get_text() == ""
            for s in (ben, cy):
                assert s.wait(
                    lambda s=s: any(m.text.startswith("Yes: Arcadia") for m in s.messages()), 10
                )
            assert not any(m.text == "Shall we vote together?" for m in cy.messages())
            got = next(m for m in cy.messages() if m.text.startswith("Yes: Arcadia"))
            assert got.sender == "castria" and got.name == "Ana"
            # Her own message comes back to her tab, as "You".
            until(app, lambda: any(m.sender == "castria" for m in ana.messages()))
            frames(app)
            shown = [span.text for span, _ in scene.panel.lists["messages"].texts()]
            assert any(line.startswith("Turn 1 · You →") for line in shown), shown

            # Everyone: Cy writes to all, Ana (on the tab) has it read at once.
            assert cy.send_message([], "Borealia abstains.") is None
            until(app, lambda: any(m.text == "Borealia abstains." for m in ana.messages()))
            frames(app)
            assert ana.messages()[-1].to == ()
            assert scene.tab_buttons["messages"].text == "Chat"
            assert ben.wait(lambda: any(m.text == "Borealia abstains." for m in ben.messages()))

            # The teacher (the host) saw every one of them.
            texts = [m.text for m in served.host.messages]
            assert "Shall we vote together?" in texts and "Borealia abstains." in texts
            assert any(t.startswith("Yes: Arcadia") for t in texts)

            # Off the tab, a new message counts as unread again.
            key(app, pygame.K_ESCAPE)  # leave the field
            key(app, pygame.K_1)
            assert scene.tab == "actions"
            ben.send_message(["castria"], "OK")
            until(app, lambda: scene.tab_buttons["messages"].text == "Chat (1)")
        finally:
            for s in (ana, ben, cy):
                s.close()


def test_a_message_too_long_or_refused_by_the_host_is_said_in_one_line(sandbox: Path) -> None:
    with host_thread(["castria", "arcadia"]) as (served, address, codes):
        app, scene, ana = open_seat(address, codes["castria"], "Ana")
        try:
            scene.set_tab("messages")
            frames(app)
            click(app, scene.chat_entry)
            type_text(app, "x" * (MAX_TEXT + 5))
            click(app, scene.chat_send_button)
            assert scene.chat_status == (
                f"Too long: {MAX_TEXT + 5} characters, at most {MAX_TEXT}. "
                "Shorten it and send again.",
                "bad",
            )
            assert scene.chat_entry.get_text() == "x" * (MAX_TEXT + 5)  # kept, to shorten
            assert not served.host.messages

            # The host refuses a flood: its reason, in the same line.
            for i in range(served.host.limits.burst + 10):
                ana.send_message([], f"spam {i}")
            until(app, lambda: scene.chat_status is not None and "refused" in scene.chat_status[0])
            assert scene.chat_status[1] == "bad"
            assert "too many messages" in scene.chat_status[0]
            assert isinstance(app.scene, MatchScene)  # the seat plays on
        finally:
            ana.close()


def test_a_hot_seat_match_has_no_messages(sandbox: Path) -> None:
    local = LocalMatch.start(load_scenario(MINI), ["castria"], seed=1)
    assert local.messages() is None and messaging(local) is None
    app = make_app()
    flow.start(app, local)
    frames(app)
    assert isinstance(app.scene, MatchScene)
    assert app.scene.tabs == ("actions", "cards", "actor")


def test_a_message_is_written_and_sent_by_keyboard_alone(sandbox: Path) -> None:
    with host_thread(["castria", "arcadia"]) as (served, address, codes):
        app, scene, ana = open_seat(address, codes["castria"], "Ana")
        try:
            key(app, pygame.K_4)
            assert scene.tab == "messages"
            while scene.focus_key != "chat:to:arcadia":  # Tab along the ring to a seat
                key(app, pygame.K_TAB)
            key(app, pygame.K_RETURN)  # chosen: Arcadia alone
            assert scene.chat_to == {"arcadia"}
            while scene.focus_key != "chat:entry":
                key(app, pygame.K_TAB)
            key(app, pygame.K_RETURN)  # into the field
            assert scene.typing()
            type_text(app, "By keyboard")
            key(app, pygame.K_RETURN)  # sent
            until(app, lambda: any(m.text == "By keyboard" for m in served.host.messages))
            assert served.host.messages[-1].to == "arcadia"
            key(app, pygame.K_ESCAPE)  # out of the field; the screen's keys work again
            assert not scene.typing()
            key(app, pygame.K_1)
            assert scene.tab == "actions"
        finally:
            ana.close()


def test_a_student_waiting_for_the_others_sees_the_messages_that_arrive(sandbox: Path) -> None:
    from game.ui.scenes.waiting import WaitingScene

    with host_thread(["castria", "arcadia"]) as (_served, address, codes):
        app, match, ana = open_seat(address, codes["castria"], "Ana")
        ben = RemoteMatch.join(address, codes["arcadia"], "Ben")
        try:
            assert ben.wait(lambda: ben.status == "playing", 10)
            click(app, find_button(app, "End turn"))  # Ana is done; Ben is not: she waits
            if match.modal == "confirm":
                click(app, match.modal_focus[0].element)
            until(app, lambda: isinstance(app.scene, WaitingScene))
            waiting = app.scene
            frames(app)
            assert not any("Ben:" in line for line in waiting.lines)
            assert ben.send_message(["castria"], "Wait for me, I am still reading") is None
            until(app, lambda: any("Ben: Wait for me" in line for line in waiting.lines))
            assert t("join.waiting.messages") in waiting.lines
        finally:
            for s in (ana, ben):
                s.close()
