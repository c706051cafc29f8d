"""The Join screen (game/ui/scenes/join.py) in a real window (SDL's dummy driver), joining a real
host on 127.0.0.1: from the main menu, a class found on the network (its record fed to the
browser, nothing announced), the join code typed, the match screen, a turn ended, "waiting for
the others", the report. And what goes wrong, said in one line: a wrong code, no host."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pygame_gui
import pytest

from game.net.client import RemoteMatch
from game.net.discovery import LanBrowser, service_info
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.join import JoinScene
from game.ui.scenes.match import MatchScene
from game.ui.scenes.match_words import order_sentence
from game.ui.scenes.menu import MainMenu
from game.ui.scenes.report import ReportScene
from game.ui.scenes.waiting import WaitingScene
from tests.host_thread import host_thread
from tests.uikit import click, click_at, find_button, frames, from_menu, key, make_app

pytestmark = pytest.mark.slow  # opens a window


@pytest.fixture
def fed(monkeypatch: pytest.MonkeyPatch) -> Iterator[LanBrowser]:
    """The Join screen's browser, never started: a test feeds it records."""
    browser = LanBrowser()
    monkeypatch.setattr(JoinScene, "browser_factory", staticmethod(lambda: browser))
    yield browser


def until(app, ready: Callable[[], bool], seconds: float = 10.0) -> None:
    """Run frames, as the game loop does, until ``ready()``."""
    end = time.monotonic() + seconds
    while not ready():
        assert time.monotonic() < end, f"still on {type(app.scene).__name__}"
        app.frame(1 / 60, events=[])
        time.sleep(0.01)


def visible(app) -> list:
    return [e for e in app.manager.ui_group.sprites() if e.visible and e.alive()]


def assert_fits(app) -> None:
    screen = pygame.Rect((0, 0), app.size)
    for el in visible(app):
        assert screen.contains(el.rect), f"{type(el).__name__} {el.rect} outside {screen}"
        if isinstance(el, pygame_gui.elements.UIButton) and len(el.text) > 1:
            assert el.font.size(el.text)[0] <= el.rect.width, f"{el.text!r} cut off"


def test_a_student_joins_from_the_menu_plays_a_turn_and_reads_the_report(
    sandbox: Path, fed: LanBrowser
) -> None:
    with host_thread(["castria", "arcadia"]) as (served, address, codes):
        fed.add(service_info("A province in flames", "mini", "127.0.0.1", served.port, 2, 2, "t"))
        app = make_app()
        from_menu(app, "Join a class")
        join = app.scene
        assert isinstance(join, JoinScene)
        frames(app)
        assert [a.address for a in join.classes] == [address]
        click_at(app, join.list.item_rect(0).center)  # the class found: its address
        assert join.entries["address"].get_text() == address
        join.entries["code"].set_text(codes["castria"].lower())  # as a student types it
        click(app, find_button(app, "Join"))
        until(app, lambda: isinstance(app.scene, MatchScene))
        scene = app.scene
        assert scene.seat == "castria" and {h.actor for h in scene.view.hand} == {"castria"}
        assert served.host.match.humans == ["castria"]

        # Draft through the screen: the host has the order.
        if scene.tab != "actions":
            key(app, pygame.K_1)
        order = next(o for o in scene.legal if o in scene.action_buttons)
        scene.reveal(scene.action_buttons[order])
        frames(app, 1)
        click(app, scene.action_buttons[order])
        assert scene.draft == [order]
        until(app, lambda: served.host.match.draft("castria") == [order])

        # End the turn: waiting for the others until the last seat is in.
        carl = RemoteMatch.join(address, codes["arcadia"], "Carl")  # another student's seat
        try:
            assert carl.wait(lambda: carl.status == "playing", 10)
            click(app, find_button(app, "End turn"))
            if scene.modal == "confirm":
                click(app, scene.modal_focus[0].element)
            until(app, lambda: isinstance(app.scene, WaitingScene))
            frames(app, 3)
            assert "Waiting for the other seats" in " ".join(app.scene.lines)
            said = order_sentence(scene.view, order)
            assert app.scene.lines[-2:] == ["Your orders:", said]  # what was handed in
            until(app, lambda: "castria" in served.host.match.submitted)
            carl.submit("arcadia")
            until(app, lambda: isinstance(app.scene, ReportScene))
            report = app.scene
            assert report.report.turn == 1 and report.seat == "castria"
            assert order in served.host.match.match.log[0]
            # Play on to the end: the last report, then the debrief with the whole world.
            while not report.report.ended:
                click(app, find_button(app, "Continue"))
                scene = app.scene
                assert isinstance(scene, MatchScene) and scene.view.turn == report.report.turn + 1
                assert carl.wait(lambda: carl.current_seat() == "arcadia", 10)
                carl.submit("arcadia")
                click(app, find_button(app, "End turn"))
                if scene.modal == "confirm":
                    click(app, scene.modal_focus[0].element)
                until(app, lambda: isinstance(app.scene, ReportScene))
                report = app.scene
            click(app, find_button(app, "To the debrief"))
            debrief = app.scene
            assert isinstance(debrief, DebriefScene)
            assert debrief.world.digest() == served.host.match.world.digest()
            key(app, pygame.K_m)  # back to the menu: the client hangs up
            assert isinstance(app.scene, MainMenu) and debrief.session.link == "closed"
        finally:
            carl.close()


def test_a_team_mates_change_and_a_dropped_connection_show_on_the_match_screen(
    sandbox: Path, fed: LanBrowser
) -> None:
    with host_thread(["castria", "arcadia"]) as (served, address, codes):
        app = make_app()
        app.push(MainMenu(app))
        app.push(JoinScene(app, address, codes["castria"], "Ana"))
        until(app, lambda: isinstance(app.scene, MatchScene))
        scene = app.scene
        bea = RemoteMatch.join(address, codes["castria"], "Bea")  # the same seat: a team
        try:
            assert bea.wait(lambda: bea.status == "playing", 10)
            order = next(o for o in bea.legal("castria") if o.action not in ("choose", "vote"))
            assert bea.add(order) is None
            until(app, lambda: scene.draft == [order])  # Bea's order, on Ana's screen
            assert scene.notice == ("Bea changed your seat's orders.", "good")
            served.cut("castria")  # the Wi-Fi drops (Bea's too: she is at the same seat)
            until(app, lambda: scene.notice is not None and "Lost the class" in scene.notice[0])
            until(app, lambda: scene.notice == ("Back with the class's host.", "good"))
            assert app.scene is scene and scene.draft == [order]
            # Bea ends the seat's turn, the only one claimed: the host resolves it, and Ana's
            # match screen gives way to the turn's report.
            assert bea.wait(lambda: "back" in [n.kind for n in bea.take_news()], 10)
            bea.submit("castria")
            until(app, lambda: isinstance(app.scene, ReportScene))
            assert app.scene.report.turn == 1 and app.scene.seat == "castria"
        finally:
            bea.close()
            app.scene.session.close()


def test_join_address_and_code_given_open_the_match_straight_away(
    sandbox: Path, fed: LanBrowser
) -> None:
    with host_thread(["castria"]) as (_, address, codes):
        app = make_app()
        app.push(MainMenu(app))
        app.push(JoinScene(app, address, codes["castria"], "Ana"))  # `continuum join ADDR --code`
        until(app, lambda: isinstance(app.scene, MatchScene))
        assert app.scene.seat == "castria"
        app.scene.session.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_what_goes_wrong_is_said_in_one_line(sandbox: Path, fed: LanBrowser) -> None:
    with host_thread(["castria"]) as (_, address, _codes):
        app = make_app()
        app.push(MainMenu(app))
        app.push(JoinScene(app))
        frames(app)
        scene = app.scene
        assert scene.lan_text.startswith("Looking for classes on this network")
        click(app, find_button(app, "Join"))  # nothing typed
        assert "address" in scene.error
        scene.entries["address"].set_text("teacher:99999")
        click(app, find_button(app, "Join"))
        assert "code" in scene.error  # the code is checked before the address is tried
        scene.entries["code"].set_text("ZZZZZZ")
        click(app, find_button(app, "Join"))
        assert "is not an address" in scene.error
        scene.entries["address"].set_text(address)
        key(app, pygame.K_s, mod=pygame.KMOD_CTRL)  # Ctrl+S joins too
        until(app, lambda: bool(scene.error))
        assert "no seat with the code “ZZZZZZ”" in scene.error
        assert scene.session is None and find_button(app, "Join").is_enabled
        scene.entries["address"].set_text(f"127.0.0.1:{free_port()}")
        click(app, find_button(app, "Join"))
        until(app, lambda: bool(scene.error))
        assert scene.error.startswith("No class answers at 127.0.0.1:")
        frames(app, 2)
        assert scene.shown == scene.error  # drawn under the fields
        key(app, pygame.K_ESCAPE)
        assert isinstance(app.scene, MainMenu)


def test_spanish_at_200_percent_fits_and_keys_walk_the_screen(
    sandbox: Path, fed: LanBrowser
) -> None:
    fed.add(service_info("Una provincia en llamas", "kosovo", "192.168.1.20", 8765, 5, 3, "aula"))
    app = make_app(ui_scale=200, language="es")
    app.push(MainMenu(app))
    app.push(JoinScene(app))
    frames(app, 3)
    scene = app.scene
    assert_fits(app)
    find_button(app, "Unirse")
    assert scene.entries["address"].get_text() == "192.168.1.20:8765"  # the one class found
    # Tab walks the list, the three fields, Back and Join.
    focus = []
    for _ in range(6):
        focus.append(scene.focus)
        key(app, pygame.K_TAB)
    assert sorted(focus) == list(range(6)) and scene.focus == focus[0]
    scene.entries["code"].set_text("")
    scene.join()
    frames(app, 2)
    assert scene.error.startswith("Escribe el código")
    right = scene.right
    assert right.right <= app.size[0] and scene.status_y < scene.footer_top()


def test_continuum_join_refuses_what_cannot_be_joined(capsys: pytest.CaptureFixture) -> None:
    from game.cli import main

    assert main(["join", "teacher:99999", "--code", "ABCDEF"]) == 1
    assert "the port is a number from 1 to 65535" in capsys.readouterr().err
    assert main(["join", "--code", "ABCDEF"]) == 1
    assert "--code needs the host's ADDRESS" in capsys.readouterr().err


def test_a_seat_the_host_will_not_take_back_returns_to_the_join_screen_saying_why(
    sandbox: Path, fed: LanBrowser
) -> None:
    with host_thread(["castria"]) as (served, address, codes):
        app = make_app()
        app.push(MainMenu(app))
        app.push(JoinScene(app, address, codes["castria"], "Ana"))
        until(app, lambda: isinstance(app.scene, MatchScene))
        served.stop()
        scene = app.scene
        until(app, lambda: scene.notice is not None and "Lost the class" in scene.notice[0])
        frames(app, 600)  # ten seconds of frames: the notice stays while the host is away
        assert scene.notice is not None and "Lost the class" in scene.notice[0]
        del served.host.codes[codes["castria"]]  # the teacher freed the seat meanwhile
        served.restart()
        until(app, lambda: isinstance(app.scene, JoinScene))
        join = app.scene
        assert join.error.startswith("The class has no seat with the code")
        assert join.entries["address"].get_text() == address  # ready to try again
        key(app, pygame.K_ESCAPE)
        assert isinstance(app.scene, MainMenu)


def test_continuum_join_opens_the_game_on_the_join_screen(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        CONTINUUM_LAN="off",  # never browse a real network from a test
        CONTINUUM_QUIT_AFTER_FIRST_FRAME="1",
    )
    done = subprocess.run(
        [sys.executable, "-m", "game", "join"],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "first frame: JoinScene" in done.stdout


def test_a_student_whose_state_falls_is_told_so_in_the_report() -> None:
    """A class of two: Carl's Arcadia, far stronger, takes Castria's two regions in two turns.
    The report of the second turn, on Castria's student's screen, says the match is over for
    Castria (the network path: the waiting screen hands the seat's name to the report)."""
    from game.engine import Order
    from game.engine.scenario import Scenario
    from game.ui import flow
    from tests.host_thread import short_mini

    doc = short_mini().model_dump(mode="json", by_alias=True, exclude_none=True)
    armies = {"arcadia": 90, "borealia": 80, "castria": 5}  # Arcadia no hegemon: no empire
    for a in doc["actors"]:
        if a["id"] in armies:
            a["military"] = armies[a["id"]]
    scenario = Scenario.model_validate(doc)
    with host_thread(["castria", "arcadia"], scenario=scenario) as (served, address, codes):
        ana = RemoteMatch.join(address, codes["castria"], "Ana")
        carl = RemoteMatch.join(address, codes["arcadia"], "Carl")
        try:
            assert ana.wait(lambda: ana.status == "playing", 10)
            assert carl.wait(lambda: carl.status == "playing", 10)
            app = make_app()
            flow.start(app, ana)
            attack = Order(actor="arcadia", action="attack", target="castria")
            headers: list[str] = []
            for turn in (1, 2):
                until(app, lambda: isinstance(app.scene, MatchScene))
                app.scene.end_turn(confirmed=True)
                until(app, lambda: isinstance(app.scene, WaitingScene))
                assert carl.wait(lambda: carl.current_seat() == "arcadia", 10)
                if turn == 1:
                    assert carl.add(attack) is None
                carl.submit("arcadia")
                until(app, lambda: isinstance(app.scene, ReportScene))
                frames(app)
                headers.append(app.scene.header_text)
                if turn == 1:
                    click(app, find_button(app, "Continue"))
            assert "castria" not in served.host.match.world.actors
            assert "The match is over for Castria" not in headers[0]
            assert "The match is over for Castria: it has ceased to exist" in headers[1]
        finally:
            ana.close()
            carl.close()
