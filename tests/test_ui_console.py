"""The teacher console screen (SDL dummy driver) on a real host served from this process on
127.0.0.1, with a real student client: what it shows, its keys and buttons acting on the host,
at 100 % and 200 %, in English and Spanish; and the Host a class form starting a host."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pygame
import pygame_gui
import pytest
from websockets.sync.client import ClientConnection, connect

from game.content import load_scenario
from game.net.console_client import ServedHost
from game.net.protocol import PROTOCOL_VERSION
from game.ui.app import App
from game.ui.scenes.console import ConsoleScene
from game.ui.scenes.host_form import HostFormScene, open_console
from game.ui.scenes.menu import MainMenu
from tests.uikit import click, find_button, frames, key, make_app

MINI = Path(__file__).resolve().parent / "fixtures" / "mini.json"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[ServedHost]:
    scenario = load_scenario(MINI)
    host = ServedHost.new(
        scenario, ["arcadia", "castria"], tmp_path / "c.continuum-journal", "127.0.0.1", 0, seed=1
    )
    try:
        yield host
    finally:
        host.stop()


def until(app: App, ok: Callable[[], bool], what: str, seconds: float = 10) -> None:
    """Run frames until ``ok()`` holds (the console hears the host from its own thread)."""
    end = time.monotonic() + seconds
    while not ok():
        assert time.monotonic() < end, f"waited {seconds} s for {what}"
        frames(app, 1)
        time.sleep(0.01)


@contextmanager
def student(served: ServedHost, seat: str, name: str) -> Iterator[ClientConnection]:
    code = next(c for c, s in served.host.codes.items() if s == seat)
    with connect(served.loopback, max_size=None) as ws:
        ws.send(json.dumps({"type": "hello", "v": PROTOCOL_VERSION, "code": code, "name": name}))
        assert json.loads(ws.recv(timeout=10))["type"] == "welcome"
        yield ws


def reasons(ws: ClientConnection) -> list[str]:
    """Every error the host sent this client until it closed the connection."""
    got = []
    try:
        while True:
            message = json.loads(ws.recv(timeout=10))
            if message["type"] == "error":
                got.append(message["reason"])
    except Exception:
        pass
    return got


def console_on(
    served: ServedHost, size: tuple[int, int] = (1280, 720), **settings: object
) -> tuple[App, ConsoleScene]:
    app = make_app(size, **settings)
    app.push(MainMenu(app))
    scene = open_console(app, served)
    app.push(scene)
    until(app, lambda: scene.link.state.status is not None, "the console's welcome")
    return app, scene


def visible_buttons(app: App) -> list[pygame_gui.elements.UIButton]:
    return [
        el
        for el in app.manager.ui_group.sprites()
        if isinstance(el, pygame_gui.elements.UIButton) and el.visible
    ]


def assert_fits(app: App) -> None:
    screen = pygame.Rect((0, 0), app.size)
    for b in visible_buttons(app):
        assert screen.contains(b.rect), f"{b.text!r} {b.rect} outside {screen}"
        w = b.font.size(b.text)[0]
        assert w <= b.rect.width - 2 * app.s(4), f"{b.text!r} cut off in {b.rect}"


def test_the_console_shows_the_class_and_its_keys_act_on_the_host(served: ServedHost) -> None:
    app, scene = console_on(served)
    with ExitStack() as held:
        held.callback(scene.link.close)
        ana = held.enter_context(student(served, "castria", "Ana"))
        until(
            app,
            lambda: any(s.clients for s in scene.seats.seats if s.seat == "castria"),
            "Ana in the seats table",
        )
        assert [s.seat for s in scene.seats.seats] == ["arcadia", "castria"]
        assert scene.link.state.view is not None and scene.link.state.view.hand == []
        assert_fits(app)

        key(app, pygame.K_p)  # pause
        until(app, lambda: served.host.paused, "the host paused")
        status = lambda: scene.link.state.status  # noqa: E731
        until(app, lambda: status().paused, "the console told of the pause")
        frames(app, 2)
        find_button(app, "Resume  [P]")
        key(app, pygame.K_t)  # the timer: off -> 1:00
        until(app, lambda: served.host.timer == 60, "a one-minute timer")
        until(app, lambda: scene.link.state.remaining() == 60, "the timer shown, standing still")
        click(app, find_button(app, "Late: hold draft  [O]"))  # the mouse as well as the keys
        until(app, lambda: served.host.on_timeout == "ai", "late seats to the AI")

        # Down selects castria; N gives it a new code, and Ana is told so and disconnected
        key(app, pygame.K_DOWN)
        assert scene.seats.seat is not None and scene.seats.seat.seat == "castria"
        old = next(c for c, s in served.host.codes.items() if s == "castria")
        key(app, pygame.K_n)
        assert reasons(ana) == ["the teacher gave your seat a new join code"]
        until(app, lambda: old not in served.host.codes, "castria's new code")
        new = next(c for c, s in served.host.codes.items() if s == "castria")
        until(
            app,
            lambda: any(s.code == new for s in scene.seats.seats),
            "the new code in the table",
        )

        # E asks first; Enter on the safe answer cancels, the other ends the match
        key(app, pygame.K_e)
        assert scene.modal is not None
        click(app, find_button(app, "End the match"))
        until(app, lambda: served.host.match.ended, "the match ended")
        until(app, lambda: scene.link.state.outcome is not None, "the console told it ended")
        until(app, lambda: scene.seats.ended, "the seats table told it ended")
        frames(app, 3)


def test_the_console_fits_at_200_percent_in_spanish(served: ServedHost) -> None:
    for size in ((1920, 1080), (1280, 720)):
        app, scene = console_on(served, size=size, ui_scale=200, language="es")
        try:
            # on the shorter canvas the keys are left off the buttons (they work all the same)
            find_button(app, "Pausar  [P]" if size == (1920, 1080) else "Pausar")
            find_button(app, "Dejar de alojar")
            assert_fits(app)
            frames(app, 2)
        finally:
            scene.link.close()


def test_host_a_class_starts_a_host_and_opens_its_console(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import game.paths

    monkeypatch.setattr(game.paths, "user_data_dir", lambda: tmp_path / "data")
    monkeypatch.setattr("game.ui.scenes.host_form.BIND", "127.0.0.1")
    app = make_app()
    app.push(MainMenu(app))
    key(app, pygame.K_DOWN)  # New match -> (Continue is disabled) Load
    key(app, pygame.K_DOWN)  # -> Join a class
    key(app, pygame.K_DOWN)  # -> Host a class
    key(app, pygame.K_RETURN)
    form = app.scene
    assert isinstance(form, HostFormScene)
    assert form.entry is not None and form.entry.id == "kosovo"
    assert form.port_entry is not None
    form.port_entry.set_text("0")  # any free port: the test never takes 8765
    click(app, find_button(app, "Start hosting"))
    scene = app.scene
    assert isinstance(scene, ConsoleScene) and scene.served is not None
    try:
        until(app, lambda: scene.link.state.status is not None, "the console's welcome")
        assert len(scene.seats.seats) == 10  # kosovo's ten seats, each with a code
        journal = scene.served.host.journal
        assert journal is not None and journal.path.parent == tmp_path / "data" / "journals"
        key(app, pygame.K_ESCAPE)  # Stop hosting? asks first
        assert scene.modal is not None
        click(app, scene.modal.buttons[-1])  # the dialog's own Stop hosting
        assert isinstance(app.scene, MainMenu)
        assert journal.path.exists()  # the match is kept for Resume a class
    finally:
        scene.close()


def test_host_a_class_plays_the_seed_typed_for_its_scenario(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form's seed starts as the scenario's own; a seed typed for one scenario stays with it
    while the teacher looks at another (which shows its own), and the host plays it."""
    import game.paths

    monkeypatch.setattr(game.paths, "user_data_dir", lambda: tmp_path / "data")
    monkeypatch.setattr("game.ui.scenes.host_form.BIND", "127.0.0.1")
    app = make_app()
    app.push(MainMenu(app))
    form = HostFormScene(app)
    app.push(form)
    frames(app)
    assert form.entry is not None and form.entry.scenario is not None
    kosovo = form.entry.scenario.seed
    assert form.seed_entry is not None and form.seed_entry.get_text() == str(kosovo)
    form.seed_entry.set_text("4242")
    form.next_scenario(1)
    other = form.entry
    assert other is not None and other.id != "kosovo" and other.scenario is not None
    assert form.seed_entry is not None
    assert form.seed_entry.get_text() == str(other.scenario.seed)
    form.next_scenario(-1)
    assert form.entry is not None and form.entry.id == "kosovo"
    assert form.seed_entry is not None and form.seed_entry.get_text() == "4242"
    assert form.port_entry is not None
    form.port_entry.set_text("0")
    click(app, find_button(app, "Start hosting"))
    scene = app.scene
    assert isinstance(scene, ConsoleScene) and scene.served is not None
    try:
        assert scene.served.host.match.world.seed == 4242
    finally:
        scene.close()


def test_typing_after_tab_leaves_the_host_form_s_fields_alone(sandbox: Path) -> None:
    """Tab out of the port or the seed field: the ring moves on, and what is typed next no
    longer lands in the field the ring left (it did: a seed of 1999 became 199977)."""
    app = make_app()
    form = HostFormScene(app)
    app.push(form)
    frames(app)
    assert form.port_entry is not None and form.seed_entry is not None
    for field, before in ((form.port_entry, "8765"), (form.seed_entry, "1999")):
        click(app, field)
        assert field.is_focused
        key(app, pygame.K_TAB)
        assert not field.is_focused
        app.frame(1 / 60, events=[pygame.event.Event(pygame.TEXTINPUT, text="77")])
        frames(app)
        assert field.get_text() == before


def test_resume_a_class_goes_on_from_a_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import game.paths
    from game.net.host import Host
    from game.ui.scenes.open_file import OpenFileScene

    monkeypatch.setattr(game.paths, "user_data_dir", lambda: tmp_path / "data")
    monkeypatch.setattr("game.ui.scenes.host_form.BIND", "127.0.0.1")
    monkeypatch.setattr("game.ui.scenes.host_form.DEFAULT_PORT", 0)  # any free port
    folder = tmp_path / "data" / "journals"
    kept = Host.new(
        load_scenario(MINI), ["castria"], seed=1, journal=folder / "a.continuum-journal"
    )
    assert kept.journal is not None
    kept.journal.close()
    (folder / "notes.continuum-journal").write_text("not a journal")
    app = make_app()
    app.push(MainMenu(app))
    app.push(HostFormScene(app))
    frames(app)
    click(app, find_button(app, "Resume a class"))
    picker = app.scene
    assert isinstance(picker, OpenFileScene) and picker.folder == folder
    picker.selected = picker.entries.index(folder / "notes.continuum-journal")
    picker.choose()  # a file that is not a journal: said in one dialog, nothing started
    frames(app)
    assert isinstance(app.scene, HostFormScene) and app.scene.modal is not None
    assert "not a Continuum class journal" in app.scene.modal.text
    app.scene.close_modal()
    click(app, find_button(app, "Resume a class"))
    picker = app.scene
    assert isinstance(picker, OpenFileScene)
    picker.selected = picker.entries.index(folder / "a.continuum-journal")
    picker.choose()
    scene = app.scene
    assert isinstance(scene, ConsoleScene) and scene.served is not None
    try:
        until(app, lambda: scene.link.state.status is not None, "the console's welcome")
        assert [s.seat for s in scene.seats.seats] == ["castria"]
        assert scene.served.host.codes == kept.codes  # the same codes as before
    finally:
        scene.close()


def test_export_on_the_console_writes_the_class_debrief_from_its_journal(
    served: ServedHost, tmp_path: Path
) -> None:
    """W (Web page and replay) on the teacher's console: the debrief so far, from the journal
    the host keeps, written where the teacher says."""
    from game.report.class_debrief import CLASS_DEBRIEF_FILES
    from game.ui.scenes.class_export import ClassExportScene

    app, scene = console_on(served)
    try:
        key(app, pygame.K_r)  # play a turn, so the debrief has one
        until(app, lambda: served.host.match.world.turn == 2, "the turn resolved")
        key(app, pygame.K_w)
        frames(app, 2)
        export = app.scene
        assert isinstance(export, ClassExportScene), type(export).__name__
        export.entry.set_text(str(tmp_path / "handout"))
        written = export.write()
        assert written is not None and [f.name for f in written] == list(CLASS_DEBRIEF_FILES)
        assert all((tmp_path / "handout" / name).stat().st_size > 0 for name in CLASS_DEBRIEF_FILES)
    finally:
        scene.link.close()


def test_the_console_speaks_the_teacher_s_language(tmp_path: Path) -> None:
    """The host sends its titles in English; a Spanish console shows the match's title and its
    teacher cards in Spanish, as the students' screens do."""
    kosovo = load_scenario(Path(__file__).resolve().parent.parent / "scenarios" / "kosovo.json")
    served = ServedHost.new(
        kosovo, ["servia"], tmp_path / "k.continuum-journal", "127.0.0.1", 0, seed=1
    )
    try:
        app, scene = console_on(served, ui_scale=100, language="es")
        try:
            assert scene.heading() == kosovo.title["es"]
            teacher = [c for c in kosovo.cards if getattr(c, "teacher", False)]
            assert teacher
            scene.pick_card()
            frames(app, 2)
            prompt = " ".join(line for line, _ in scene.message_lines())
            assert "para jugarla sobre la República de Servia" in prompt, prompt
            shown = {b.text for b in visible_buttons(app)}
            for card in teacher:
                assert card.title["es"] in shown, (card.title["es"], sorted(shown))
                assert card.title["en"] not in shown or card.title["en"] == card.title["es"]
            # played: the host deals it, and the console says so until the turn moves on
            scene.play_card(0)
            until(app, lambda: any(h.card == teacher[0].id for h in served.host.match.world.hand),
                  "the card in Servia's hand")  # fmt: skip
            said = " ".join(line for line, _ in scene.message_lines())
            assert f"Jugada «{teacher[0].title['es']}» sobre la República de Servia" in said, said
            # played again: the host refuses, and the console says why in Spanish
            scene.pick_card()
            scene.play_card(0)
            until(app, lambda: scene.link.state.refused, "the host's refusal")
            said = " ".join(line for line, _ in scene.message_lines())
            assert "la República de Servia ya tiene esa carta" in said, said
        finally:
            scene.link.close()
    finally:
        served.stop()
