"""The window, the pygame_gui manager, the scene stack and the frame loop.

The loop is: events → the top scene and the widgets; update(dt); draw only when something
changed (a scene says so with ``app.dirty()``, and any widget event marks the frame dirty), so
an idle match screen costs nothing but the event poll.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pygame_gui

from game.paths import install_root
from game.ui import (
    gui_fixes,  # noqa: F401  (pygame_gui's line breaks at the right edge)
    i18n,
    scroll_paging,  # noqa: F401  (a click on a scroll bar's track pages)
)
from game.ui.palette import Palette, palette_for
from game.ui.safe_font import SafeFont
from game.ui.settings import Settings, read_settings, save_settings

if TYPE_CHECKING:
    from game.ui.scene import Scene

WINDOW_CLASS = "continuum"
FONT_ELEMENTS = (
    "button",
    "label",
    "text_box",
    "text_entry_line",
    "drop_down_menu",
    "selection_list",
    "horizontal_slider",
    "tool_tip",
    "tool_tip.text_box",
    "window",
    "message_window",
    "confirmation_dialog",
)
FPS = 60
SETTLE_FRAMES = 12  # frames drawn after input while pygame_gui updates the widgets it changed


def build_theme(settings: Settings, palette: Palette) -> dict:
    """assets/theme.json with its font sizes scaled to the UI scale and the palette's accents."""
    base = json.loads((install_root() / "assets" / "theme.json").read_text(encoding="utf-8"))
    theme = copy.deepcopy(base)
    # pygame_gui 0.6 does not apply the "defaults" font to elements: give each element type the
    # default font explicitly (before scaling), unless the theme sets its own.
    default_font = theme.get("defaults", {}).get("font")
    if default_font:
        for element in FONT_ELEMENTS:
            block = theme.setdefault(element, {})
            block.setdefault("font", dict(default_font))
    # Sizes in pixels scale with the UI: each font's size, and a tooltip's wrap width
    # (pygame_gui's ``rect_width``; unscaled, a 200 % tooltip wrapped a word or two to a line).
    for block in theme.values():
        if not isinstance(block, dict):
            continue
        for part, key in (("font", "size"), ("misc", "rect_width")):
            values = block.get(part)
            if values and key in values:
                values[key] = str(round(int(values[key]) * settings.scale))
    for key, colour in palette.theme_overrides().items():
        theme.setdefault(key, {}).setdefault("colours", {}).update(colour)
    return theme


class App:
    """One window and its scenes. ``headless`` apps (tests, snapshots) never open a real window:
    they need SDL_VIDEODRIVER=dummy, which they set if nothing else is set."""

    def __init__(
        self,
        settings: Settings | None = None,
        size: tuple[int, int] | None = None,
        headless: bool = False,
        persist_settings: bool = True,
    ) -> None:
        if headless:
            os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
            os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        self.headless = headless
        self.notices: list[str] = []  # what the main menu says once: a settings file set aside
        if settings is None:
            settings, self.notices = read_settings()
        self.settings = settings
        self.persist_settings = persist_settings and not headless
        i18n.set_language(self.settings.language)
        pygame.init()
        _fonts.clear()  # fonts from an earlier pygame session are dead after pygame.quit()
        pygame.display.set_caption("Continuum")
        self.size = size or (self.settings.width, self.settings.height)
        flags = pygame.FULLSCREEN if self.settings.fullscreen and not headless else 0
        self.screen = pygame.display.set_mode(self.size, flags)
        self.palette = palette_for(self.settings.palette)
        self.manager = self._new_manager()
        self.clock = pygame.time.Clock()
        self.stack: list[Scene] = []
        self.running = True
        self._dirty = True
        self._settling = 0
        self.frames_drawn = 0
        self.after_frame: list[Callable[[], None]] = []

    # ---- scale -------------------------------------------------------------------------------

    def s(self, px: float) -> int:
        """A length in pixels at the player's UI scale."""
        return round(px * self.settings.scale)

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        return _font(self.s(size), bold)

    # ---- the scene stack ---------------------------------------------------------------------

    @property
    def scene(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def push(self, scene: Scene) -> None:
        if self.stack:
            self.stack[-1].leave()
        self.stack.append(scene)
        scene.enter()
        self.dirty()
        self.settle()

    def pop(self) -> None:
        if self.stack:
            self.stack.pop().leave()
        if self.stack:
            self.stack[-1].enter()
        else:
            self.running = False
        self.dirty()
        self.settle()

    def replace(self, scene: Scene) -> None:
        if self.stack:
            self.stack.pop().leave()
        self.push(scene)

    def dirty(self) -> None:
        self._dirty = True

    def settle(self, frames: int = SETTLE_FRAMES) -> None:
        """Keep drawing a few frames: pygame_gui finishes a widget's new look (hover, a changed
        label, a selection) over its next updates, and those frames must reach the screen."""
        self._settling = max(self._settling, frames)

    def apply_settings(self, settings: Settings) -> None:
        """Take new settings: rebuild the window, the theme and the current scene's widgets."""
        self.settings = settings
        if self.persist_settings:
            save_settings(settings)
        i18n.set_language(settings.language)
        self.palette = palette_for(settings.palette)
        size = (settings.width, settings.height)
        if (
            size != self.size
            or bool(self.screen.get_flags() & pygame.FULLSCREEN) != settings.fullscreen
        ):
            self.size = size
            flags = pygame.FULLSCREEN if settings.fullscreen else 0
            self.screen = pygame.display.set_mode(size, flags)
        scene = self.scene
        if scene is not None:
            scene.leave()
        self.manager = self._new_manager()
        if scene is not None:
            scene.enter()
        self.dirty()

    def _new_manager(self) -> pygame_gui.UIManager:
        return pygame_gui.UIManager(
            self.size,
            build_theme(self.settings, self.palette),
            starting_language=self.settings.language,
        )

    # ---- the loop ----------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            for scene in reversed(self.stack):
                scene.closing()
            self.running = False
            return
        consumed = self.manager.process_events(event)
        if (
            event.type >= pygame.USEREVENT
            or consumed
            or event.type
            in (
                pygame.MOUSEMOTION,
                pygame.MOUSEBUTTONDOWN,
                pygame.MOUSEBUTTONUP,
                pygame.KEYDOWN,
                pygame.WINDOWEXPOSED,
                pygame.VIDEOEXPOSE,
            )
        ):
            self.dirty()
            self.settle()
        scene = self.scene
        if scene is not None and not (consumed and event.type == pygame.KEYDOWN):
            scene.handle(event)

    def frame(self, dt: float = 1 / FPS, events: list[pygame.event.Event] | None = None) -> bool:
        """One frame: events, update, and a redraw if anything changed. Returns whether it drew."""
        for event in pygame.event.get() if events is None else events:
            self.handle(event)
        scene = self.scene
        if scene is not None:
            scene.update(dt)
        widgets = len(self.manager.ui_group.sprites())
        self.manager.update(dt)
        if len(self.manager.ui_group.sprites()) != widgets:
            self.settle()  # a widget appeared or went away on its own (a tooltip's timer)
        drew = False
        if self._settling > 0:
            self._settling -= 1
            self._dirty = True
        if self._dirty and scene is not None:
            self.draw()
            drew = True
        for fn in self.after_frame:
            fn()
        self.after_frame.clear()
        return drew

    def draw(self) -> None:
        self._dirty = False
        self.screen.fill(self.palette.background)
        if self.scene is not None:
            self.scene.draw(self.screen)
        self.manager.draw_ui(self.screen)
        pygame.display.flip()
        self.frames_drawn += 1

    def run(self) -> None:
        # For start-up measurements and smoke tests: leave once the first screen is on display.
        quit_after_first = os.environ.get("CONTINUUM_QUIT_AFTER_FIRST_FRAME") == "1"
        while self.running and self.stack:
            dt = self.clock.tick(FPS) / 1000
            if self.frame(dt) and quit_after_first:
                print(f"first frame: {type(self.scene).__name__}", flush=True)
                self.running = False
        pygame.quit()


_fonts: dict[tuple[int, bool], pygame.font.Font] = {}


def _font(size: int, bold: bool) -> pygame.font.Font:
    """pygame_gui's own Noto Sans (it ships with it and covers Latin, Greek, Cyrillic)."""
    key = (size, bold)
    if key not in _fonts:
        import pygame_gui.data as data

        name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
        path = os.path.join(os.path.dirname(data.__file__), name)
        _fonts[key] = SafeFont(path, size)
    return _fonts[key]
