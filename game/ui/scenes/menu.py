"""The main menu, and what every menu screen shares: a keyboard focus ring, a modal dialog, a
scrolling list of cards, the header and the key hints.

Layouts are computed from the window size and the UI scale on every ``build``, so the same code
fits 1280x720 at 200% (a 640x360 canvas in design units) and 1920x1080 at 100%.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID, UIElement
from pygame_gui.elements import UIButton, UIImage, UILabel, UIPanel, UITextBox

from game import paths
from game.ui.i18n import key_name, t
from game.ui.palette import Colour
from game.ui.safe_font import SafeFont
from game.ui.scene import Scene
from game.ui.widgets import mix
from game.ui.widgets import wrap as wrap_lines

if TYPE_CHECKING:
    from game.ui.app import App

# ---- text -------------------------------------------------------------------------------------

ELLIPSIS = "…"
_italic: dict[int, pygame.font.Font] = {}


def italic_font(size_px: int) -> pygame.font.Font:
    """Noto Sans Italic at a size in pixels (the app's fonts are regular and bold only)."""
    if size_px not in _italic:
        import pygame_gui.data as data

        path = os.path.join(os.path.dirname(data.__file__), "NotoSans-Italic.ttf")
        _italic[size_px] = SafeFont(path, size_px)
    return _italic[size_px]


def clip(text: str, font: pygame.font.Font, width: int) -> str:
    """``text``, shortened with an ellipsis to fit ``width`` pixels."""
    if font.size(text)[0] <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if font.size(text[:mid].rstrip() + ELLIPSIS)[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


def wrap(text: str, font: pygame.font.Font, width: int, max_lines: int = 0) -> list[str]:
    """Words laid into lines of at most ``width`` pixels; the last line gets an ellipsis when
    ``max_lines`` cuts the text short."""
    lines = wrap_lines(text, font, width)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1].split()
        while len(last) > 1 and font.size(" ".join(last) + ELLIPSIS)[0] > width:
            last.pop()  # drop whole words to make room for the ellipsis
        lines[-1] = clip(" ".join(last).rstrip(".,;:") + ELLIPSIS, font, width)
    return lines


def blit(
    surface: pygame.Surface,
    text: str,
    font: pygame.font.Font,
    colour: Colour,
    pos: tuple[int, int],
    anchor: str = "topleft",
) -> pygame.Rect:
    image = font.render(text, True, colour)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect


def button_width(app: App, text: str, minimum: int = 0, bold: bool = False, size: int = 0) -> int:
    """A button wide enough for its label at the current scale (fonts as in ``ensure_theme``)."""
    size = size or (17 if bold else 15)
    return max(app.s(minimum), app.font(size, bold).size(text)[0] + app.s(36))


# ---- theme ------------------------------------------------------------------------------------

MENU = "@menu"  # buttons and fields: font 15
MENU_BIG = "@menu_big"  # the main menu's entries: font 17
MENU_TEXT = "@menu_text"  # text boxes
MENU_PLAIN = "@menu_plain"  # a dialog's message: no frame
MENU_SLIDER = "@menu_slider"  # a volume slider: a scaled handle, no tiny arrow buttons


def ensure_theme(app: App) -> None:
    """Theme blocks for the menu screens' widgets at the UI scale, added to the app's manager
    once. (pygame_gui 0.6 reads only the colours of assets/theme.json's "defaults", so a plain
    widget would keep a fixed 14 px font and square corners at every scale.)"""
    manager = app.manager
    if getattr(manager, "_continuum_menu_theme", None) == app.settings.ui_scale:
        return
    s = app.s

    def font(size: int, bold: bool = False) -> dict[str, str]:
        return {"name": "noto_sans", "size": str(s(size)), "bold": str(int(bold)), "italic": "0"}

    misc = {
        "shape": "rounded_rectangle",
        "shape_corner_radius": str(s(6)),
        "border_width": "1",
        "shadow_width": "0",
        "padding": f"{s(8)},{s(4)}",
    }
    manager.get_theme().load_theme(
        {
            MENU: {"font": font(15), "misc": misc},
            MENU_BIG: {"font": font(17), "misc": misc},
            MENU_TEXT: {
                "font": font(15),
                "misc": {"border_width": "1", "padding": f"{s(10)},{s(8)}"},
            },
            MENU_SLIDER: {
                "misc": {
                    "shape": "rounded_rectangle",
                    "shape_corner_radius": str(s(4)),
                    "sliding_button_width": str(s(20)),
                    "enable_arrow_buttons": "0",
                    "border_width": "1",
                }
            },
            MENU_PLAIN: {
                "font": font(15),
                "misc": {"border_width": "0", "padding": f"{s(4)},{s(4)}"},
            },
        }
    )
    manager._continuum_menu_theme = app.settings.ui_scale


def oid(object_id: str | None = None, class_id: str = MENU) -> ObjectID:
    return ObjectID(object_id=object_id, class_id=class_id)


# ---- keyboard focus ---------------------------------------------------------------------------


@dataclass
class Stop:
    """One place the keyboard focus can rest: a button, a list, a row of choices, a field."""

    rect: Callable[[], pygame.Rect | None]
    activate: Callable[[], None] | None = None  # Enter / Space
    arrows: Callable[[int], bool] | None = None  # Left / Right inside the control
    vertical: Callable[[int], bool] | None = None  # Up / Down inside the control (a list)
    entered: Callable[[], None] | None = None  # the focus arrives
    left: Callable[[], None] | None = None  # the focus goes
    element: UIElement | None = None
    enabled: Callable[[], bool] = field(default=lambda: True)

    def usable(self) -> bool:
        if self.element is not None and not self.element.is_enabled:
            return False
        return self.enabled()


# ---- the modal dialog -------------------------------------------------------------------------


class Modal:
    """A dialog over a dimmed screen, sized by the UI scale (pygame_gui's own dialogs keep
    fixed-height buttons that cut text off at 200%). Enter chooses the focused button, Escape
    cancels."""

    def __init__(
        self,
        screen: MenuScreen,
        title: str,
        text: str,
        buttons: Sequence[tuple[str, Callable[[], None] | None]],
        tone: str = "",
    ) -> None:
        app = screen.app
        s = app.s
        self.screen = screen
        self.text = text
        w, h = app.size
        dim = pygame.Surface((w, h), pygame.SRCALPHA)
        dim.fill((4, 8, 12, 190))
        self.overlay = UIImage(pygame.Rect(0, 0, w, h), dim, app.manager, starting_height=40)
        pw = min(w - s(32), max(s(440), w // 2))
        body = pygame.font.Font.size(app.font(15), "M")[1]
        lines = wrap(text, app.font(15), pw - s(48))
        text_h = min(len(lines) * (body + s(2)) + s(24), h - s(200))
        ph = min(h - s(24), s(20) + s(34) + text_h + s(20) + s(40) + s(20))
        rect = pygame.Rect(0, 0, pw, ph)
        rect.center = (w // 2, h // 2)
        self.panel = UIPanel(rect, starting_height=41, manager=app.manager)
        inner = self.panel.get_container()
        UILabel(
            pygame.Rect(s(20), s(14), pw - s(40), s(34)),
            clip(title, app.font(19, True), pw - s(48)),
            app.manager,
            container=inner,
            object_id=ObjectID(object_id="#heading"),
        )
        self.body = UITextBox(
            # laid out here, where a word wider than the box (a long file path) is broken:
            # pygame_gui's own layout raises on a word it cannot fit in a row
            "\n".join(lines),
            pygame.Rect(s(16), s(52), pw - s(32), ph - s(52) - s(40) - s(34)),
            app.manager,
            container=inner,
            object_id=oid(class_id=MENU_PLAIN),
            plain_text_display_only=True,
        )
        self.buttons: list[UIButton] = []
        self.actions: dict[UIElement, Callable[[], None] | None] = {}
        x = pw - s(20)
        for i, (label, action) in enumerate(reversed(buttons)):
            # the last button in the dialog's tone: "#primary" sets it in bold, larger type
            bw = button_width(app, label, 110, bold=i == 0 and tone == "#primary")
            x -= bw
            b = UIButton(
                pygame.Rect(x, ph - s(20) - s(40), bw, s(40)),
                label,
                app.manager,
                container=inner,
                object_id=oid(tone if i == 0 and tone else None),
            )
            x -= s(10)
            self.buttons.insert(0, b)
            self.actions[b] = action
        self.elements: list[UIElement] = [self.overlay, self.panel]

    def alive(self) -> bool:
        return self.panel.alive()

    def kill(self) -> None:
        for e in self.elements:
            e.kill()


# ---- a scrolling list of cards ----------------------------------------------------------------


@dataclass
class Card:
    """One row of a list: a title, a line of facts, a summary, and why it cannot be used."""

    title: str
    meta: str = ""
    body: str = ""
    problem: str = ""
    enabled: bool = True
    swatch: Colour | None = None


class CardList:
    """A list drawn by the scene (pygame_gui's list rows hold one line; these hold a summary):
    wheel and drag-free scrolling, click to select, double-click or Enter to use."""

    def __init__(
        self,
        screen: MenuScreen,
        rect: pygame.Rect,
        cards: list[Card],
        selected: int = 0,
        body_lines: int = 3,
        on_select: Callable[[int], None] | None = None,
        on_activate: Callable[[int], None] | None = None,
    ) -> None:
        self.screen = screen
        self.app = screen.app
        self.rect = rect
        self.cards = cards
        self.selected = min(max(selected, 0), len(cards) - 1) if cards else -1
        self.on_select = on_select
        self.on_activate = on_activate
        self.offset = 0
        self._last_click = (-1, 0)
        s = self.app.s
        self.pad = s(12)
        self.gap = s(8)
        self.f_title = self.app.font(16, True)
        self.f_meta = self.app.font(14)
        self.f_body = self.app.font(14)
        inner = rect.width - 2 * self.pad - s(14)
        self._lines: list[tuple[list[str], list[str], list[str]]] = []
        self._heights: list[int] = []
        for c in cards:
            title = wrap(c.title, self.f_title, inner, 2)
            body = wrap(c.body, self.f_body, inner, body_lines) if c.body else []
            problem = wrap(c.problem, self.f_body, inner, 4) if c.problem else []
            self._lines.append((title, body, problem))
            h = self.pad * 2 + len(title) * self.f_title.get_linesize()
            if c.meta:
                h += self.f_meta.get_linesize() + s(2)
            h += (len(body) + len(problem)) * self.f_body.get_linesize()
            if body or problem:
                h += s(4)
            self._heights.append(h)
        self.ensure_visible(self.selected)

    # geometry
    def content_height(self) -> int:
        return sum(self._heights) + self.gap * max(0, len(self._heights) - 1)

    def item_rect(self, i: int) -> pygame.Rect:
        y = self.rect.y + sum(self._heights[:i]) + self.gap * i - self.offset
        return pygame.Rect(self.rect.x, y, self.rect.width - self.app.s(12), self._heights[i])

    def scroll(self, dy: int) -> None:
        top = max(0, self.content_height() - self.rect.height)
        self.offset = min(max(0, self.offset + dy), top)
        self.app.dirty()

    def restore(self, offset: int) -> None:
        """Back where a rebuilt list was scrolled to (an absolute offset), the chosen card kept
        in view (``scroll`` is relative: after the new list scrolled to its choice on its own,
        adding the old offset again scrolled it past the choice)."""
        self.offset = 0
        self.scroll(offset)
        self.ensure_visible(self.selected)

    def ensure_visible(self, i: int) -> None:
        if not 0 <= i < len(self.cards):
            return
        r = self.item_rect(i)
        if r.top < self.rect.top:
            self.scroll(r.top - self.rect.top)
        elif r.bottom > self.rect.bottom:
            self.scroll(min(r.bottom - self.rect.bottom, r.top - self.rect.top))

    # input
    def select(self, i: int) -> None:
        if not self.cards:
            return
        i = min(max(i, 0), len(self.cards) - 1)
        changed = i != self.selected
        self.selected = i
        self.ensure_visible(i)
        self.app.dirty()
        if changed and self.on_select:
            self.on_select(i)

    def move(self, d: int) -> bool:
        if not self.cards:
            return False
        self.select(self.selected + d)
        return True

    def activate(self) -> None:
        if self.on_activate and 0 <= self.selected < len(self.cards):
            self.on_activate(self.selected)

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(pygame.mouse.get_pos()):
            self.scroll(-event.y * self.app.s(48))
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if not self.rect.collidepoint(event.pos):
                return False
            for i in range(len(self.cards)):
                if self.item_rect(i).collidepoint(event.pos):
                    now = pygame.time.get_ticks()
                    double = self._last_click[0] == i and now - self._last_click[1] < 400
                    self._last_click = (i, now)
                    self.select(i)
                    if double:
                        self.activate()
                    return True
        return False

    # drawing
    def draw(self, surface: pygame.Surface, focused: bool) -> None:
        pal, s = self.app.palette, self.app.s
        old_clip = surface.get_clip()
        surface.set_clip(self.rect)
        for i, card in enumerate(self.cards):
            r = self.item_rect(i)
            if r.bottom < self.rect.top or r.top > self.rect.bottom:
                continue
            chosen = i == self.selected
            bg = mix(pal.panel, pal.panel_border, 0.45 if chosen else 0.0)
            pygame.draw.rect(surface, bg, r, border_radius=s(6))
            border = pal.accent if chosen and focused else pal.panel_border
            if chosen and not focused:
                border = mix(pal.panel_border, pal.text, 0.4)
            pygame.draw.rect(
                surface, border, r, width=max(1, s(2) if chosen else 1), border_radius=s(6)
            )
            stripe = pal.bad if not card.enabled else (card.swatch or pal.panel_border)
            pygame.draw.rect(
                surface,
                stripe,
                pygame.Rect(r.x + s(4), r.y + s(8), s(4), r.height - s(16)),
                border_radius=s(2),
            )
            title_lines, body, problem = self._lines[i]
            x, y = r.x + self.pad + s(6), r.y + self.pad
            text_c = pal.text if card.enabled else pal.muted
            for line in title_lines:
                blit(surface, line, self.f_title, text_c, (x, y))
                y += self.f_title.get_linesize()
            if card.meta:
                y += s(2)
                blit(
                    surface,
                    card.meta,
                    self.f_meta,
                    pal.accent if card.enabled else pal.muted,
                    (x, y),
                )
                y += self.f_meta.get_linesize()
            if body or problem:
                y += s(4)
            for line in body:
                blit(surface, line, self.f_body, mix(pal.text, pal.muted, 0.5), (x, y))
                y += self.f_body.get_linesize()
            for line in problem:
                blit(surface, line, self.f_body, pal.bad, (x, y))
                y += self.f_body.get_linesize()
        surface.set_clip(old_clip)
        # a scroll bar when the list is longer than its box
        total = self.content_height()
        if total > self.rect.height:
            track = pygame.Rect(self.rect.right - s(6), self.rect.y, s(4), self.rect.height)
            pygame.draw.rect(surface, pal.panel, track, border_radius=s(2))
            h = max(s(24), track.height * self.rect.height // total)
            y = track.y + (track.height - h) * self.offset // max(1, total - self.rect.height)
            pygame.draw.rect(
                surface, pal.muted, pygame.Rect(track.x, y, track.width, h), border_radius=s(2)
            )


# ---- drawing pieces ---------------------------------------------------------------------------


def draw_keycap(surface: pygame.Surface, app: App, label: str, x: int, y: int) -> int:
    """A key drawn as a cap; ``label`` "up"/"down"/"left"/"right" draws an arrow (the UI font
    has no arrow glyphs). Returns the cap's right edge."""
    s, pal = app.s, app.palette
    f = app.font(12, True)
    h = s(20)
    arrow = label in ("up", "down", "left", "right")
    label = label if arrow else key_name(label)
    w = h if arrow else max(h, f.size(label)[0] + s(10))
    r = pygame.Rect(x, y, w, h)
    pygame.draw.rect(surface, pal.panel, r, border_radius=s(4))
    pygame.draw.rect(surface, pal.panel_border, r, width=1, border_radius=s(4))
    if arrow:
        c, k = r.center, s(5)
        points = {
            "up": [(c[0], c[1] - k), (c[0] - k, c[1] + k // 2 + 1), (c[0] + k, c[1] + k // 2 + 1)],
            "down": [
                (c[0], c[1] + k),
                (c[0] - k, c[1] - k // 2 - 1),
                (c[0] + k, c[1] - k // 2 - 1),
            ],
            "left": [
                (c[0] - k, c[1]),
                (c[0] + k // 2 + 1, c[1] - k),
                (c[0] + k // 2 + 1, c[1] + k),
            ],
            "right": [
                (c[0] + k, c[1]),
                (c[0] - k // 2 - 1, c[1] - k),
                (c[0] - k // 2 - 1, c[1] + k),
            ],
        }[label]
        pygame.draw.polygon(surface, pal.text, points)
    else:
        blit(surface, label, f, pal.text, r.center, "center")
    return r.right


def hints_width(app: App, hints: Sequence[tuple[Sequence[str], str]]) -> int:
    s, f, fk = app.s, app.font(13), app.font(12, True)
    w = 0
    for keys, what in hints:
        for k in keys:
            w += (
                s(20)
                if k in ("up", "down", "left", "right")
                else max(s(20), fk.size(key_name(k))[0] + s(10))
            )
            w += s(3)
        w += s(4) + f.size(what)[0] + s(16)
    return w


def draw_hints(
    surface: pygame.Surface,
    app: App,
    hints: Sequence[tuple[Sequence[str], str]],
    x: int,
    y: int,
    max_width: int,
) -> None:
    """Key hints ("[up][down] Move  [Enter] Choose"), as many as fit in ``max_width``."""
    s, pal, f = app.s, app.palette, app.font(13)
    right = x + max_width
    for keys, what in hints:
        if x + hints_width(app, [(keys, what)]) - s(16) > right:
            break
        for k in keys:
            x = draw_keycap(surface, app, k, x, y) + s(3)
        x += s(4)
        x = blit(surface, what, f, pal.muted, (x, y + s(10)), "midleft").right + s(16)


def draw_continuum(
    surface: pygame.Surface, app: App, rect: pygame.Rect, mark: int | None = 3, palette=None
) -> None:
    """The seven arrangements as a bar from unity to division, the game's emblem; ``mark``
    points at one of them."""
    s, pal = app.s, palette or app.palette
    colours = pal.arrangements or ((120, 120, 120),) * 7
    gap = max(1, s(3))
    w = (rect.width - gap * 6) / 7
    for i, c in enumerate(colours[:7]):
        seg = pygame.Rect(round(rect.x + i * (w + gap)), rect.y, round(w), rect.height)
        pygame.draw.rect(surface, c, seg, border_radius=s(2))
    if mark is not None:
        cx = round(rect.x + mark * (w + gap) + w / 2)
        k = s(6)
        y = rect.bottom + s(3)
        pygame.draw.polygon(surface, pal.text, [(cx, y), (cx - k, y + k), (cx + k, y + k)])


# ---- the shared screen ------------------------------------------------------------------------


SETTLE_FRAMES = 12


class MenuScreen(Scene):
    """A menu screen: its widgets are focus stops (Tab / Shift+Tab, arrows, Enter, Escape), a
    button's action runs on click or Enter, and ``ask``/``tell`` open a modal dialog."""

    heading_key = ""
    hover_focus = False  # the main menu lets the mouse move the focus

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.stops: list[Stop] = []
        self.focus = 0
        self.actions: dict[UIElement, Callable[[], None]] = {}
        self.modal: Modal | None = None
        self._under: tuple[list[Stop], int] | None = None
        self._settle = SETTLE_FRAMES

    # life cycle
    def enter(self) -> None:
        manager = self.app.manager
        from game.ui import i18n

        if getattr(manager, "_locale", "en") != i18n.language():
            manager.set_locale(i18n.language())  # pygame_gui's own words (its text boxes)
        ensure_theme(self.app)
        self.stops = []
        self.actions = {}
        self.modal = None
        self._under = None
        self.build()
        if self.stops:
            self.focus = min(self.focus, len(self.stops) - 1)
            if not self.stops[self.focus].usable():
                self.move_focus(1)
            self._entered()
        self.app.dirty()

    def leave(self) -> None:
        if self.modal is not None:
            self.modal.kill()
            self.modal = None
        super().leave()
        self.stops = []
        self.actions = {}

    def rebuild_in_place(self) -> None:
        """Build the screen's widgets again where they stand, the keyboard focus kept (the
        base's ``leave`` only: a subclass's own leaving, such as closing a link, is not done)."""
        focus = self.focus
        MenuScreen.leave(self)
        self.build()
        self.focus = min(focus, len(self.stops) - 1)
        self._entered()
        self.app.dirty()

    # widgets
    def button(
        self,
        rect: pygame.Rect,
        text: str,
        action: Callable[[], None],
        tooltip: str | None = None,
        object_id: str | None = None,
        enabled: bool = True,
        stop: bool = True,
        class_id: str = MENU,
    ) -> UIButton:
        b = UIButton(
            rect,
            text,
            self.app.manager,
            tool_tip_text=tooltip,
            object_id=oid(object_id, class_id),
        )
        if not enabled:
            b.disable()
        self.keep(b)
        self.actions[b] = action
        if stop:
            self.stops.append(Stop(rect=lambda b=b: b.rect, activate=action, element=b))
        return b

    # focus
    @property
    def focused(self) -> Stop | None:
        if 0 <= self.focus < len(self.stops):
            return self.stops[self.focus]
        return None

    def _entered(self) -> None:
        if self.modal is not None:  # the dialog's buttons show focus as their selected state
            for i, b in enumerate(self.modal.buttons):
                if i == self.focus:
                    b.select()
                else:
                    b.unselect()
        stop = self.focused
        if stop is not None and stop.entered:
            stop.entered()

    def set_focus(self, index: int) -> None:
        if index == self.focus:
            return
        old = self.focused
        if old is not None and old.left:
            old.left()
        self.focus = index
        self._entered()
        self.app.dirty()

    def focus_element(self, element: UIElement) -> None:
        for i, stop in enumerate(self.stops):
            if stop.element is element:
                self.set_focus(i)
                return

    def move_focus(self, d: int) -> None:
        n = len(self.stops)
        if not n:
            return
        i = self.focus
        for _ in range(n):
            i = (i + d) % n
            if self.stops[i].usable():
                self.set_focus(i)
                return

    # dialogs
    def ask(
        self,
        title: str,
        text: str,
        yes: str,
        on_yes: Callable[[], None],
        no: str | None = None,
        tone: str = "#danger",
    ) -> None:
        """A yes/no question; the focus starts on the safe answer."""
        self._open(Modal(self, title, text, [(no or t("menu.cancel"), None), (yes, on_yes)], tone))

    def tell(self, title: str, text: str) -> None:
        self._open(Modal(self, title, text, [(t("menu.ok"), None)]))

    def _open(self, modal: Modal) -> None:
        if self.modal is not None:
            self.close_modal()
        self._under = (self.stops, self.focus)
        self.modal = modal
        self.stops = [
            Stop(rect=lambda b=b: b.rect, activate=self._modal_action(b), element=b)
            for b in modal.buttons
        ]
        self.focus = 0
        self._entered()
        self.app.dirty()

    def _modal_action(self, b: UIElement) -> Callable[[], None]:
        def run() -> None:
            action = self.modal.actions.get(b) if self.modal else None
            self.close_modal()
            if action is not None:
                action()

        return run

    def close_modal(self) -> None:
        if self.modal is None:
            return
        self.modal.kill()
        self.modal = None
        if self._under is not None:
            self.stops, self.focus = self._under
            self._under = None
        self.app.dirty()

    # input
    def update(self, dt: float) -> None:
        # pygame_gui finishes a widget's new look (a label, a selected state) over the next
        # few updates; keep drawing until it has, since the app draws only when told to.
        if self._settle > 0:
            self._settle -= 1
            self.app.dirty()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL) or (
            event.type >= pygame.USEREVENT
        ):
            self._settle = SETTLE_FRAMES
        self._handle(event)

    def _handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if self.modal is not None:
                for stop in self.stops:
                    if stop.element is event.ui_element and stop.activate:
                        stop.activate()
                return
            action = self.actions.get(event.ui_element)
            if action is not None:
                self.focus_element(event.ui_element)
                action()
            else:
                self.handle_more(event)  # a widget's own buttons (the seat toggles)
            return
        if event.type == pygame_gui.UI_BUTTON_ON_HOVERED and self.hover_focus and not self.modal:
            self.focus_element(event.ui_element)
            return
        if event.type == pygame.KEYDOWN:
            self.key(event)
            return
        if self.modal is not None:
            return
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for i, stop in enumerate(self.stops):
                r = stop.rect()
                if r is not None and r.collidepoint(event.pos) and stop.usable():
                    self.set_focus(i)
                    break
        self.handle_more(event)

    def handle_more(self, event: pygame.event.Event) -> None:
        """Events a screen reacts to besides buttons and keys (its list's mouse wheel…)."""

    def key(self, event: pygame.event.Event) -> None:
        k = event.key
        stop = self.focused
        if k == pygame.K_ESCAPE:
            if self.modal is not None:
                self.close_modal()
            else:
                self.back()
        elif k == pygame.K_TAB:
            self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif k in (pygame.K_UP, pygame.K_DOWN):
            d = -1 if k == pygame.K_UP else 1
            if not (stop and stop.vertical and stop.vertical(d)):
                self.move_focus(d)
        elif k in (pygame.K_LEFT, pygame.K_RIGHT):
            d = -1 if k == pygame.K_LEFT else 1
            if not (stop and stop.arrows and stop.arrows(d)):
                self.move_focus(d)
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            if stop and stop.activate and stop.usable():
                stop.activate()
        elif self.modal is None:
            self.hotkey(event)
        self.app.dirty()

    def hotkey(self, event: pygame.event.Event) -> None:
        """Keys a screen gives a meaning of its own: Ctrl+S does the screen's main action."""
        if event.key == pygame.K_s and event.mod & pygame.KMOD_CTRL:
            self.go()

    def go(self) -> None:
        """The screen's main action (Start, Resume, Apply)."""

    def back(self) -> None:
        self.app.pop()

    # drawing
    def draw(self, surface: pygame.Surface) -> None:
        self.draw_backdrop(surface)
        self.draw_content(surface)
        self.draw_footer_hints(surface)
        stop = self.focused
        if stop is not None and self.modal is None:
            r = stop.rect()
            if r is not None:
                self.draw_ring(surface, r)

    def hints(self) -> list[tuple[Sequence[str], str]]:
        """The keys shown in the foot, between its buttons, when there is room."""
        return [
            (("Tab",), t("menu.keys.move")),
            (("Enter",), t("menu.keys.choose")),
            (("Esc",), t("menu.keys.back")),
        ]

    def footer_span(self) -> tuple[int, int]:
        """The free stretch of the foot between its left and right widgets."""
        w, top = self.app.size[0], self.footer_top()
        row = [e.rect for e in self.widgets if e.alive() and e.visible and e.rect.top == top]
        left = max((r.right for r in row if r.centerx < w // 2), default=self.margin)
        right = min((r.left for r in row if r.centerx >= w // 2), default=w - self.margin)
        return left, right

    def shown_hints(self) -> list[tuple[Sequence[str], str]]:
        """The hints that fit in the foot."""
        return self._hint_layout()[0]

    def _hint_layout(self) -> tuple[list[tuple[Sequence[str], str]], int, int]:
        """The hints that fit and the stretch they are centred in. The screen's own shortcuts
        (Ctrl+S Start…) go last: Tab, Enter and Esc work everywhere, but a player cannot guess
        a Ctrl key; when only those are left, they may come closer to the buttons."""
        hints = self.hints()
        left, right = self.footer_span()
        if not hints or self.modal is not None:
            return [], left, right
        s = self.app.s
        own = [h for h in hints if h[0] and h[0][0] == "Ctrl"]
        drop = [h for h in hints if h not in own][::-1] + own[::-1]

        def fits(pad: int) -> bool:
            return hints_width(self.app, hints) - s(16) <= right - left - 2 * pad

        while hints and not fits(s(28)) and not (hints == own and fits(s(8))):
            gone = drop.pop(0)
            hints = [h for h in hints if h is not gone]
        pad = s(28) if fits(s(28)) else s(8)
        return hints, left + pad, right - pad

    def draw_footer_hints(self, surface: pygame.Surface) -> None:
        hints, left, right = self._hint_layout()
        if hints:
            s = self.app.s
            width = hints_width(self.app, hints) - s(16)
            x = left + (right - left - width) // 2
            y = self.footer_top() + s(10)
            draw_hints(surface, self.app, hints, x, y, width + s(2))

    def draw_ring(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        s = self.app.s
        pygame.draw.rect(
            surface,
            self.app.palette.accent,
            r.inflate(s(8), s(8)),
            width=max(2, s(2)),
            border_radius=s(8),
        )

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        """A quiet vertical shade, darker at the foot."""
        w, h = surface.get_size()
        pal = self.app.palette
        top, foot = mix(pal.background, pal.panel, 0.55), pal.background
        band = max(1, h // 48)
        for i, y in enumerate(range(0, h, band)):
            f = i * band / h
            pygame.draw.rect(surface, mix(top, foot, f), (0, y, w, band))

    def draw_content(self, surface: pygame.Surface) -> None:
        pass

    # layout shared by the sub-screens
    @property
    def compact(self) -> bool:
        """Whether the canvas is short in design units (1280x720 at 150% and up)."""
        return self.app.size[1] / self.app.settings.scale < 540

    @property
    def margin(self) -> int:
        return self.app.s(20 if self.compact else 28)

    def header_height(self) -> int:
        return self.app.s(50 if self.compact else 66)

    def footer_top(self) -> int:
        return self.app.size[1] - self.app.s(14 if self.compact else 20) - self.app.s(40)

    def footer_primary(
        self, text: str, action: Callable[[], None], tooltip: str, enabled: bool = True
    ) -> UIButton:
        """The screen's main button, at the right end of the footer."""
        app, s = self.app, self.app.s
        width = button_width(app, text, 130, True)
        rect = pygame.Rect(app.size[0] - self.margin - width, self.footer_top(), width, s(40))
        return self.button(rect, text, action, tooltip, "#primary", enabled=enabled)

    def footer_left(self, text: str, action: Callable[[], None]) -> UIButton:
        """The way back (Back, Cancel), at the left end of the footer."""
        width = button_width(self.app, text, 110)
        rect = pygame.Rect(self.margin, self.footer_top(), width, self.app.s(40))
        return self.button(rect, text, action)

    def draw_header(self, surface: pygame.Surface, title: str) -> None:
        s, pal, m = self.app.s, self.app.palette, self.margin
        w = surface.get_width()
        f = self.app.font(20 if self.compact else 24, True)
        small = self.app.font(13, True)
        mid = (self.header_height() - s(10)) // 2
        x = blit(surface, "CONTINUUM", small, pal.muted, (m, mid), "midleft").right + s(10)
        pygame.draw.line(surface, pal.panel_border, (x, mid - s(12)), (x, mid + s(12)), s(1))
        bar = pygame.Rect(w - m - s(84), mid - s(3), s(84), s(6))
        room = bar.x - x - s(36)
        blit(surface, clip(title, f, room), f, pal.text, (x + s(12), mid), "midleft")
        y = self.header_height() - s(10)
        pygame.draw.line(surface, pal.panel_border, (m, y), (w - m, y), 1)
        draw_continuum(surface, self.app, bar, None)


# ---- the main menu ----------------------------------------------------------------------------


def autosave_path() -> Path:
    return paths.saves_dir() / "autosave.json"


def replay_folder() -> Path:
    """Where Watch a replay opens: the newest class debrief written from the game (each in its
    own folder of class-debriefs, replay.json beside debrief.html), else the data folder."""
    data = paths.user_data_dir()
    written: list[tuple[float, str, Path]] = []
    try:
        for folder in (data / "class-debriefs").iterdir():
            replay = folder / "replay.json"
            if replay.is_file():
                written.append((replay.stat().st_mtime, folder.name, folder))
    except OSError:  # none written yet, or the folder cannot be read
        pass
    if written:
        return max(written)[2]
    return data if data.is_dir() else Path.home()


class MainMenu(MenuScreen):
    """Title, subtitle and the way into everything: New match, Continue, Load, Join a class,
    the tutorial, Settings, Quit. Up/Down/Tab move, Enter chooses, Escape asks before quitting."""

    hover_focus = True

    def hints(self) -> list[tuple[Sequence[str], str]]:
        return []  # drawn under the title instead

    def enter(self) -> None:
        super().enter()
        from game.ui.audio import audio_of

        audio_of(self.app).start_music()
        if not self.app.headless:  # New match and Host a class then open without "checking…"
            from game.content.loader import warm_listing

            warm_listing()
        if self.app.notices:  # said once: the game started on defaults for some settings
            notices, self.app.notices = self.app.notices, []
            from game.ui.settings import ALL, settings_path

            what = (
                t("menu.settings.notice.all", path=str(settings_path()))
                if ALL in notices
                else t("menu.settings.notice.some", names=", ".join(notices))
            )
            self.tell(t("menu.settings.notice.title"), what)

    def build(self) -> None:
        app, s = self.app, self.app.s
        w, h = app.size
        m = s(40)
        from game.ui.scenes.load import peek_save

        auto = autosave_path()
        info = peek_save(auto) if auto.is_file() else None
        if info is None:
            cont_tip = t("menu.continue.none")
        elif info.error:
            cont_tip = t("menu.continue.broken")
        else:
            cont_tip = t("menu.continue.tip", title=info.title, turn=info.turn or "?")
        entries: list[tuple[str, Callable[[], None], str, bool, str | None]] = [
            (t("menu.new_match"), self.new_match, t("menu.new_match.tip"), True, "#primary"),
            (t("menu.continue"), self.resume, cont_tip, info is not None, None),
            (t("menu.load"), self.load, t("menu.load.tip"), True, None),
            (t("join.menu_entry"), self.join_class, t("join.menu_entry.tip"), True, None),
            (t("menu.host_class"), self.host_class, t("menu.host_class.tip"), True, None),
            (t("replay.menu_entry"), self.watch_replay, t("replay.menu_entry.tip"), True, None),
            (t("menu.tutorial"), self.tutorial, t("menu.tutorial.tip"), True, None),
            (t("menu.settings"), self.settings, t("menu.settings.tip"), True, None),
            (t("menu.quit"), self.quit, t("menu.quit.tip"), True, None),
        ]
        n = len(entries)
        frame_w = min(w - 2 * m, s(1120))
        fx = (w - frame_w) // 2
        widest = max(button_width(app, e[0], 0, True, 17) for e in entries)
        pw = min(max(s(300), widest + s(40)), frame_w // 2)
        foot = s(44)
        avail = h - m - foot - s(36)  # room for the buttons and the panel's padding
        bh, gap = s(44), s(10)
        if n * bh + (n - 1) * gap > avail:  # squeezed: the gaps give way before the buttons
            gap = s(4)
            bh = min(bh, (avail - (n - 1) * gap) // n)
        total = n * bh + (n - 1) * gap
        # Squeezed (a small window at a large scale), the entries keep their words whole in
        # the menu's smaller type rather than cut off in the big one.
        size = MENU_BIG if bh >= app.font(17, True).size("Ag")[1] else MENU
        px = fx + frame_w - pw
        top = m + max(0, (h - m - foot - total - s(36)) // 2) + s(18)
        self.panel_rect = pygame.Rect(px, top - s(18), pw, total + s(36))
        for i, (label, action, tip, enabled, object_id) in enumerate(entries):
            rect = pygame.Rect(px + s(20), top + i * (bh + gap), pw - s(40), bh)
            if size is MENU and object_id == "#primary":
                object_id = "#primary_compact"  # the same button in the smaller type
            self.button(rect, label, action, tip, object_id, enabled, class_id=size)
        self.title_col = pygame.Rect(fx, m, px - fx - s(48), h - m - foot)

    # actions
    def new_match(self) -> None:
        from game.ui.scenes.new_match import NewMatchScene

        self.app.push(NewMatchScene(self.app))

    def resume(self) -> None:
        from game.ui.scenes.load import LoadScene

        self.app.push(LoadScene(self.app, open_path=autosave_path(), quick=True))

    def load(self) -> None:
        from game.ui.scenes.load import LoadScene

        self.app.push(LoadScene(self.app))

    def join_class(self) -> None:
        from game.ui.scenes.join import JoinScene

        self.app.push(JoinScene(self.app))

    def host_class(self) -> None:
        from game.ui.scenes.host_form import HostFormScene

        self.app.push(HostFormScene(self.app))

    def watch_replay(self) -> None:
        """Pick a class match's replay file (``continuum debrief`` writes replay.json)."""
        from game.ui.scenes.open_file import OpenFileScene
        from game.ui.scenes.replay import open_replay

        def picked(path: Path) -> None:
            why = open_replay(self.app, path)
            if why is not None:
                self.app.scene.tell(t("replay.menu_entry"), why)  # type: ignore[attr-defined]

        self.app.push(OpenFileScene(self.app, replay_folder(), picked, t("replay.open_title")))

    def tutorial(self) -> None:
        try:
            from game.ui.scenes.tutorial import TutorialScene
        except ImportError:
            self.tell(t("menu.tutorial"), t("menu.tutorial.missing"))
            return
        self.app.push(TutorialScene(self.app))

    def settings(self) -> None:
        from game.ui.scenes.settings import SettingsScene

        self.app.push(SettingsScene(self.app))

    def quit(self) -> None:
        self.app.running = False

    def back(self) -> None:
        saved = autosave_path().is_file()
        text = t("menu.quit.ask") if saved else t("menu.quit.ask_plain")
        self.ask(t("menu.quit.title"), text, t("menu.quit"), self.quit, t("menu.stay"))

    # drawing
    def draw_content(self, surface: pygame.Surface) -> None:
        app, s, pal = self.app, self.app.s, self.app.palette
        w, h = surface.get_size()
        col = self.title_col
        # the menu's panel
        pygame.draw.rect(
            surface, mix(pal.panel, pal.background, 0.2), self.panel_rect, border_radius=s(10)
        )
        pygame.draw.rect(surface, pal.panel_border, self.panel_rect, width=1, border_radius=s(10))
        # the title block, centred on the column's height; the quote only if it fits whole
        title = "CONTINUUM"
        size = 66
        while (
            size > 28 and self._spaced_width(title, app.font(size, True), s(size // 8)) > col.width
        ):
            size -= 2
        f_title, spacing = app.font(size, True), s(size // 8)
        title_w = self._spaced_width(title, f_title, spacing)
        f_sub, f_quote, f_who = italic_font(s(20)), italic_font(s(15)), app.font(13)
        sub_lines = wrap(t("menu.subtitle"), f_sub, col.width)
        q_w = min(col.width - s(16), s(470))
        quote = wrap(t("menu.quote"), f_quote, q_w)
        who = wrap("— " + t("menu.quote.who"), f_who, q_w)
        head = f_title.get_linesize() + s(8) + s(10) + s(12) + s(18) + s(22)
        head += len(sub_lines) * f_sub.get_linesize()
        quote_h = s(30) + len(quote) * f_quote.get_linesize() + s(4)
        quote_h += len(who) * f_who.get_linesize()
        show_quote = head + quote_h <= col.height
        block = head + (quote_h if show_quote else 0)
        y = col.y + max(0, (col.height - block) // 2)
        self._spaced(surface, title, f_title, pal.accent, (col.x, y), spacing)
        y += f_title.get_linesize() + s(8)
        bar_w = min(col.width, title_w)
        draw_continuum(surface, app, pygame.Rect(col.x, y, bar_w, s(10)))
        y += s(10) + s(12)
        small = app.font(12, True)
        blit(surface, t("menu.unity").upper(), small, pal.muted, (col.x, y))
        blit(surface, t("menu.division").upper(), small, pal.muted, (col.x + bar_w, y), "topright")
        y += s(18) + s(22)
        for line in sub_lines:
            blit(surface, line, f_sub, pal.text, (col.x, y))
            y += f_sub.get_linesize()
        if show_quote:
            y += s(30)
            y0 = y
            for line in quote:
                blit(surface, line, f_quote, pal.muted, (col.x + s(16), y))
                y += f_quote.get_linesize()
            y += s(4)
            for line in who:
                blit(surface, line, f_who, mix(pal.muted, pal.background, 0.2), (col.x + s(16), y))
                y += f_who.get_linesize()
            pygame.draw.line(
                surface, pal.accent, (col.x, y0 + s(3)), (col.x, y - s(3)), max(2, s(2))
            )
        # the foot: keys and version
        hints = [
            (("up", "down"), t("menu.keys.move")),
            (("Enter",), t("menu.keys.choose")),
            (("Esc",), t("menu.keys.quit")),
        ]
        from game import __version__ as version

        fv = app.font(12)
        vw = fv.size(f"v{version}")[0]
        draw_hints(surface, app, hints, s(40), h - s(36), w - s(80) - vw - s(20))
        blit(surface, f"v{version}", fv, pal.muted, (w - s(40), h - s(26)), "midright")

    @staticmethod
    def _spaced_width(text: str, font: pygame.font.Font, spacing: int) -> int:
        return sum(font.size(c)[0] for c in text) + spacing * (len(text) - 1)

    @staticmethod
    def _spaced(
        surface: pygame.Surface,
        text: str,
        font: pygame.font.Font,
        colour: Colour,
        pos: tuple[int, int],
        spacing: int,
    ) -> None:
        x, y = pos
        for c in text:
            image = font.render(c, True, colour)
            surface.blit(image, (x, y))
            x += image.get_width() + spacing
