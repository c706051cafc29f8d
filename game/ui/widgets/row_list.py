"""A scrolling list of rows that changes in place: a click re-renders the rows it changed and
moves the ones below, instead of killing and rebuilding every widget (140 ms at 100 %, 220 ms
at 200 % when the match screen's side panel did that on each click)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pygame
import pygame_gui
from pygame_gui.elements import UIScrollingContainer

from game.ui.widgets.gui_pieces import Backdrop, Picture

SCROLLBAR = 20  # pygame_gui's scroll bar is 20 px wide at every UI scale


@dataclass
class Focusable:
    """One stop of the keyboard focus ring."""

    key: str
    element: pygame_gui.core.UIElement
    activate: Callable[[], None]
    scroll: UIScrollingContainer | None = None


@dataclass
class TextSpan:
    """A line of text a row drew, and the box it was given: the layout tests measure the one
    against the other."""

    text: str
    font: pygame.font.Font
    rect: pygame.Rect  # relative to the row's top-left


@dataclass
class Row:
    """A horizontal band of the list: its elements sit at (x, dy) from the row's top."""

    key: str
    height: int = 0
    elements: list[tuple[pygame_gui.core.UIElement, int, int]] = field(default_factory=list)
    focus: list[Focusable] = field(default_factory=list)
    texts: list[TextSpan] = field(default_factory=list)
    group: str | None = None  # rows of a collapsible group hide with it
    visible: bool = True
    y: int = 0
    state: object = None  # what the row shows, for a maker to tell whether it must redraw it

    def add(self, element: pygame_gui.core.UIElement, x: int, dy: int) -> None:
        self.elements.append((element, x, dy))

    def kill(self) -> None:
        for e, _, _ in self.elements:
            e.kill()
        self.elements.clear()


def _move(e: pygame_gui.core.UIElement, x: int, y: int) -> None:
    """``set_relative_position`` without telling the container: pygame_gui's container then
    walks all its elements for each one moved (quadratic in the rows); ours never resizes to
    its elements, so the notice is not needed."""
    e.relative_rect.x, e.relative_rect.y = x, y
    e._update_absolute_rect_position_from_anchors(recalculate_margins=True)
    if e.drawable_shape is not None:
        e.drawable_shape.set_position(e.rect.topleft)
    e._update_container_clip()


class RowList:
    """Rows stacked in a ``UIScrollingContainer``; ``layout`` places them after any change,
    moving only the elements whose row moved."""

    def __init__(self, manager, rect: pygame.Rect, pad: int) -> None:
        self.rect = pygame.Rect(rect)
        self.pad = pad
        self.scroll = UIScrollingContainer(self.rect, manager, allow_scroll_x=False)
        view = pygame.Rect(self.rect.x, self.rect.y, self.rect.w - SCROLLBAR, self.rect.h)
        self.backdrop = Backdrop(view, manager, self.scroll)
        # pygame_gui walks every element of a container when one on its top layer goes away
        # (~15 ms at 200 %): a never-killed, invisible element above all rows (overlays are at
        # +2, the focus ring at +5) keeps removals off the top layer.
        self.cap = Picture(
            pygame.Rect(0, 0, 1, 1), pygame.Surface((1, 1), pygame.SRCALPHA), manager,
            container=self.scroll, starting_height=6,
        )  # fmt: skip
        self.rows: list[Row] = []
        self.collapsed: set[str] = set()
        self.height = -1  # of the scrollable area
        self.content_height = 0  # of the rows
        self.shown = True

    # ---- rows ------------------------------------------------------------------------------

    def index(self, key: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.key == key), -1)

    def get(self, key: str) -> Row | None:
        i = self.index(key)
        return self.rows[i] if i >= 0 else None

    def replace(self, keys: Iterable[str], new: list[Row], at: int) -> None:
        """Take out the rows named ``keys`` and put ``new`` at index ``at`` (counted before the
        removal); the other rows keep their widgets."""
        gone = set(keys)
        before = sum(1 for r in self.rows[:at] if r.key in gone)
        for r in self.rows:
            if r.key in gone:
                r.kill()
        self.rows = [r for r in self.rows if r.key not in gone]
        at -= before
        self.rows[at:at] = new

    def swap(self, key: str, row: Row) -> None:
        """Put ``row`` in place of the row ``key`` (same height keeps everything else still)."""
        i = self.index(key)
        if i < 0:
            return
        self.rows[i].kill()
        row.y = -1
        self.rows[i] = row

    # ---- placing ---------------------------------------------------------------------------

    def layout(self) -> None:
        y = self.pad
        for r in self.rows:
            r.visible = r.group is None or r.group not in self.collapsed
            for e, _x, _dy in r.elements:
                want = r.visible and self.shown
                if want and not e.visible:
                    e.show()
                elif not want and e.visible:
                    e.hide()
            if not r.visible:
                continue
            if r.y != y:
                for e, x, dy in r.elements:
                    _move(e, x, y + dy)
                r.y = y
            y += r.height
        self.content_height = y + self.pad
        # Resizing the scrollable area rebuilds the scroll bar and moves every element (10-40
        # ms): the first layout fits the rows exactly; later ones grow it with half a screen
        # to spare and shrink it only when a screen is left empty, so a row more or less in
        # the draft seldom needs it.
        step = max(1, self.rect.h // 2)
        content = self.content_height
        if self.height < 0:
            total = content
        elif content > self.height:
            total = content + step
        elif content < self.height - 2 * step:
            total = content
        else:
            return
        keep = self.top if self.height > 0 else 0
        self.height = total
        self.scroll.set_scrollable_area_dimensions((self.rect.w - SCROLLBAR, total))
        if keep:
            self.scroll.update(0.0)  # let it make its scroll bar for the new height first
            self.scroll_to(keep)

    def focus(self) -> list[Focusable]:
        return [f for r in self.rows if r.visible for f in r.focus]

    def texts(self) -> list[tuple[TextSpan, pygame.Rect]]:
        """Every visible line of text with its box on the screen (for the layout tests)."""
        top = self.scroll.scrollable_container.rect.topleft
        out = []
        for r in self.rows:
            if r.visible:
                for span in r.texts:
                    out.append((span, span.rect.move(top[0], top[1] + r.y)))
        return out

    # ---- showing ---------------------------------------------------------------------------

    def show(self) -> None:
        self.shown = True
        self.scroll.show()
        self.backdrop.show()
        self.layout()

    def hide(self) -> None:
        self.shown = False
        for r in self.rows:
            for e, _, _ in r.elements:
                if e.visible:
                    e.hide()
        self.backdrop.hide()
        self.scroll.hide()

    def kill(self) -> None:
        for r in self.rows:
            r.kill()
        self.rows = []
        self.scroll.kill()

    # ---- scrolling -------------------------------------------------------------------------

    @property
    def top(self) -> int:
        return -self.scroll.scrollable_container.relative_rect.y

    def scroll_to(self, y: int) -> None:
        sc = self.scroll
        if sc.vert_scroll_bar is None or self.height <= 0:
            return
        y = max(0, min(y, self.height - self.rect.h))
        sc.vert_scroll_bar.set_scroll_from_start_percentage(y / self.height)
        sc.scrollable_container.set_relative_position((0, -y))

    def click_bar(self, pos: tuple[int, int], line: int) -> bool:
        """A click on the scroll bar, as in any desktop list: on the track above or below the
        thumb, a page up or down; on an arrow, a line (pygame_gui scrolls only while an arrow
        is held, so a quick click moved nothing, and ignores the track). The thumb is left to
        pygame_gui to drag. Whether the click was the bar's."""
        bar = self.scroll.vert_scroll_bar
        if bar is None or not self.scroll.vert_scroll_bar_active or not bar.rect.collidepoint(pos):
            return False
        if bar.sliding_button is not None and bar.sliding_button.rect.collidepoint(pos):
            return False
        page = round(self.rect.h * 0.8)
        if bar.top_button is not None and bar.top_button.rect.collidepoint(pos):
            step = -line
        elif bar.bottom_button is not None and bar.bottom_button.rect.collidepoint(pos):
            step = line
        elif bar.sliding_button is not None and pos[1] < bar.sliding_button.rect.top:
            step = -page
        else:
            step = page
        self.scroll_to(self.top + step)
        return True

    def scroll_into_view(self, element, margin: int) -> None:
        if self.scroll.vert_scroll_bar is None:
            return
        top, r = self.top, element.relative_rect
        if r.top < top:
            self.scroll_to(r.top - margin)
        elif r.bottom > top + self.rect.h:
            self.scroll_to(r.bottom - self.rect.h + margin)
