"""A scene: one screen on the app's stack. It turns input into orders or navigation and draws
the state; it never changes the world itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame
import pygame_gui

if TYPE_CHECKING:
    from game.ui.app import App


class Scene:
    """Subclasses build their widgets in ``build`` (called on every ``enter``, so a changed
    language or UI scale takes effect), react in ``handle``, and draw their own pictures (the
    map, charts) in ``draw``; pygame_gui draws the widgets on top."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.widgets: list[pygame_gui.core.UIElement] = []

    def enter(self) -> None:
        self.build()

    def leave(self) -> None:
        for w in self.widgets:
            w.kill()
        self.widgets.clear()

    def rebuild(self) -> None:
        self.leave()
        self.build()
        self.app.dirty()

    def build(self) -> None:  # pragma: no cover - every scene overrides it
        pass

    def keep(self, widget: pygame_gui.core.UIElement) -> pygame_gui.core.UIElement:
        """Track a widget so it is removed when the scene leaves."""
        self.widgets.append(widget)
        return widget

    def handle(self, event: pygame.event.Event) -> None:
        pass

    def closing(self) -> None:
        """The window is closing (its close button, or the system ending the program): keep
        what must outlive it. Called on every scene in the stack, the top one first."""

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        pass
