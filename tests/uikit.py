"""Driving the real pygame window headlessly (SDL's dummy driver), as a player would: clicks
and keys become real pygame events fed to the app's loop."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.ui.app import App
from game.ui.scene import Scene
from game.ui.settings import Settings


def make_app(size: tuple[int, int] = (1280, 720), **settings: object) -> App:
    """A headless app with default settings (never the player's own, never saved), the pointer
    where a new process has it: a test that hovered left it over the last one's widgets."""
    app = App(Settings(width=size[0], height=size[1], **settings), size=size, headless=True)
    pygame.mouse.set_pos((0, 0))
    return app


def from_menu(app: App, label: str) -> None:
    """The game at its main menu, and the button ``label`` clicked, as a player starts."""
    from game.ui.scenes.menu import MainMenu

    app.push(MainMenu(app))
    frames(app)
    click(app, find_button(app, label))


def frames(app: App, n: int = 2) -> None:
    for _ in range(n):
        app.frame(1 / 60, events=[])


def click_at(app: App, pos: tuple[int, int]) -> None:
    events = [
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
    ]
    app.frame(1 / 60, events=events)
    # pygame_gui posts its own events (button pressed …) to the queue: deliver them.
    app.frame(1 / 60)


def hover(app: App, pos: tuple[int, int], frames: int = 2) -> None:
    """Point at ``pos``: pygame_gui reads hover from the real mouse position, so move it."""
    pygame.mouse.set_pos(pos)
    app.frame(
        1 / 60,
        events=[pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))],
    )
    for _ in range(frames):
        app.frame(1 / 60, events=[])


def click(app: App, widget) -> None:
    """Click the middle of a widget."""
    click_at(app, widget.rect.center)


def key(app: App, key: int, mod: int = 0, unicode: str = "") -> None:
    events = [
        pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0),
        pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0),
    ]
    app.frame(1 / 60, events=events)
    app.frame(1 / 60)


def find_button(app: App, text: str):
    """The visible button whose label is ``text`` (a test fails clearly if there is none)."""
    import pygame_gui

    for el in app.manager.ui_group.sprites():
        if isinstance(el, pygame_gui.elements.UIButton) and el.text == text and el.visible:
            return el
    labels = sorted(
        el.text
        for el in app.manager.ui_group.sprites()
        if isinstance(el, pygame_gui.elements.UIButton)
    )
    raise AssertionError(f"no button {text!r}; buttons: {labels}")


class StubMenu(Scene):
    """Stands in for the main menu: the tutorial and match screens only need somewhere to return to."""

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((0, 0, 0))


def kosovo_first_report(lang: str, levels: dict[str, str] | None = None):
    """Kosovo's first turn (seed 3) played with Servia a human seat, its report screen open in
    ``lang``: (the match, the report, the report scene)."""
    from pathlib import Path

    from game.content import load_scenario
    from game.session.local import LocalMatch
    from game.ui.scenes.report import ReportScene

    app = make_app(ui_scale=100, language=lang)
    kosovo = Path(__file__).resolve().parent.parent / "scenarios" / "kosovo.json"
    match = LocalMatch.start(load_scenario(kosovo), ["servia"], 3, levels=levels or {})
    report = match.submit("servia")
    assert report is not None
    scene = ReportScene(app, match, report, "servia")
    app.push(scene)
    frames(app)
    return match, report, scene
