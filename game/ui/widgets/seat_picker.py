"""Who plays which seat: one row per seat (the actor, its mission's role) with a Human/AI
toggle, and on a seat the AI plays the AI's level (easy, normal, hard: a click, or the arrow
keys, goes to the next). Shared by the new-match and load screens.

Only the rows that fit get widgets; the rest scroll into view (mouse wheel, the scroll bar's
track and thumb, or the keyboard focus moving onto them), so ten seats fit a 640x360 canvas
at 200% without a cut-off row.
The last choice of seats per scenario is remembered, so Continue can resume at once.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game import paths
from game.ai.mission import LEVELS as AI_LEVELS
from game.atomic import write_atomic
from game.engine.scenario import Scenario
from game.engine.scenario import text as pick
from game.engine.world import World
from game.ui import i18n
from game.ui.i18n import name as i18n_name
from game.ui.i18n import t
from game.ui.palette import Colour
from game.ui.scenes.menu import blit, clip, mix, oid, wrap

if TYPE_CHECKING:
    from game.ui.app import App

MEMORY_FILE = "seats.json"
LEVELS = tuple(AI_LEVELS)  # the mission AI's levels, easiest first
DEFAULT_LEVEL = "normal"
ColourOf = Callable[[int, str], Colour]  # the palette's actor_colour(index, hex)


@dataclass(frozen=True)
class SeatOption:
    id: str
    name: str  # the actor's name
    role: str  # its mission's role, in the current language
    colour: Colour
    available: bool = True  # False: the actor is gone (a conquered state)


def seats_of_scenario(scenario: Scenario, colour_of: ColourOf) -> list[SeatOption]:
    """The scenario's seats in its order. ``colour_of(index, hex)`` is the palette's."""
    lang = i18n.language()
    index = {a.id: i for i, a in enumerate(scenario.actors)}
    actors = {a.id: a for a in scenario.actors}
    roles = {m.actor: pick(m.role, lang) for m in scenario.missions}
    out = []
    for seat in scenario.seats:
        a = actors.get(seat)
        if a is None:
            continue
        out.append(
            SeatOption(
                seat, i18n_name(a), roles.get(seat, ""), colour_of(index[seat], a.color), True
            )
        )
    return out


def seats_of_world(world: World, colour_of: ColourOf) -> list[SeatOption]:
    """The seats of a saved match; an actor no longer in the world cannot be played."""
    lang = i18n.language()
    index = {a: i for i, a in enumerate(world.actors)}
    out = []
    seats = world.rules.seats or list(world.actors)
    for seat in seats:
        a = world.actors.get(seat)
        m = world.rules.mission(seat)
        role = pick(m.role, lang) if m else ""
        if a is None:
            out.append(SeatOption(seat, seat, role, (120, 120, 120), False))
        else:
            out.append(SeatOption(seat, i18n_name(a), role, colour_of(index[seat], a.color), True))
    return out


def role_or_name(option: SeatOption) -> str:
    return option.role or option.name


# ---- remembering who played -------------------------------------------------------------------


def remember_seats(scenario: str, humans: list[str]) -> None:
    """Keep the human seats last chosen for a scenario (best effort: never fails a start)."""
    path = paths.user_data_dir() / MEMORY_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError, RecursionError):
        data = {}  # a broken memory is forgotten, not fatal
    if not isinstance(data, dict):
        data = {}
    data[scenario] = list(humans)
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(data, indent=1).encode("utf-8"))


def remembered_seats(scenario: str) -> list[str] | None:
    path = paths.user_data_dir() / MEMORY_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # however broken or deeply nested
        return None
    seats = data.get(scenario) if isinstance(data, dict) else None
    if isinstance(seats, list) and all(isinstance(s, str) for s in seats):
        return seats
    return None


# ---- the widget -------------------------------------------------------------------------------


class SeatPicker:
    """Rows of seats in ``rect``; ``humans`` are the seats people play."""

    def __init__(
        self,
        app: App,
        rect: pygame.Rect,
        seats: list[SeatOption],
        humans: Iterable[str],
        on_change: Callable[[list[str]], None] | None = None,
        levels: dict[str, str] | None = None,
    ) -> None:
        self.app = app
        self.rect = rect
        self.seats = seats
        self.chosen = {h for h in humans if any(s.id == h and s.available for s in seats)}
        self.on_change = on_change
        # the AI's level per seat (kept for a seat made human, should it go back to the AI)
        self.levels = {k: v for k, v in (levels or {}).items() if v in LEVELS}
        self.level_buttons: dict[int, UIButton] = {}
        s = app.s
        self.row_h = s(54)
        self.gap = s(6)
        self.per_page = max(1, (rect.height + self.gap) // (self.row_h + self.gap))
        self.first = 0
        self._drag: tuple[int, int] | None = None  # the thumb held: where, and the first row then
        self.buttons: dict[int, UIButton] = {}
        f = app.font(15)
        self.toggle_w = max(f.size(t("menu.seat.human"))[0], f.size(t("menu.seat.ai"))[0]) + s(40)
        self.toggle_w = max(self.toggle_w, s(92))
        widest = max(f.size(t(f"menu.seat.level.{lv}"))[0] for lv in LEVELS)
        self.level_w = widest + s(28)
        self.level_gap = s(8)
        # A narrow row (a small canvas at a large scale) keeps room for the role's words: the
        # two buttons lose their padding rather than the role its line.
        if rect.width - s(34) - self.toggle_w - self.level_w - s(32) < s(150):
            self.toggle_w = max(f.size(t("menu.seat.human"))[0], f.size(t("menu.seat.ai"))[0])
            self.toggle_w += s(18)
            self.level_w, self.level_gap = widest + s(14), s(4)

    # state
    @property
    def humans(self) -> list[str]:
        """The human seats in the scenario's order."""
        return [s.id for s in self.seats if s.id in self.chosen]

    def is_human(self, i: int) -> bool:
        return self.seats[i].id in self.chosen

    def level_of(self, seat: str) -> str:
        return self.levels.get(seat, DEFAULT_LEVEL)

    def ai_levels(self) -> dict[str, str]:
        """The level of every available seat the AI plays."""
        return {
            s.id: self.level_of(s.id) for s in self.seats if s.available and s.id not in self.chosen
        }

    def cycle_level(self, i: int, step: int = 1) -> None:
        """The AI's next level on an AI seat (``step`` -1: the one before), wrapping round."""
        seat = self.seats[i]
        if not seat.available or seat.id in self.chosen:
            return
        k = LEVELS.index(self.level_of(seat.id))
        self.levels[seat.id] = LEVELS[(k + step) % len(LEVELS)]
        self.scroll_to(i)
        b = self.level_buttons.get(i)
        if b is not None:
            b.set_text(t(f"menu.seat.level.{self.levels[seat.id]}"))
        self.app.dirty()

    def toggle(self, i: int) -> None:
        seat = self.seats[i]
        if not seat.available:
            return
        if seat.id in self.chosen:
            self.chosen.discard(seat.id)
        else:
            self.chosen.add(seat.id)
        self.scroll_to(i)
        self.build()  # the row gains or loses its level button
        if self.on_change:
            self.on_change(self.humans)
        self.app.dirty()

    # widgets
    def build(self) -> None:
        self.kill()
        s = self.app.s
        last = min(len(self.seats), self.first + self.per_page)
        for i in range(self.first, last):
            if not self.seats[i].available:
                continue
            r = self.row_rect(i)
            rect = pygame.Rect(
                r.right - self.toggle_w - s(10), r.centery - s(18), self.toggle_w, s(36)
            )
            b = UIButton(
                rect, "", self.app.manager, tool_tip_text=t("menu.seat.tip"), object_id=oid()
            )
            self._style(b, i)
            self.buttons[i] = b
            if not self.is_human(i):
                lv = pygame.Rect(
                    rect.x - self.level_w - self.level_gap, rect.y, self.level_w, rect.height
                )
                self.level_buttons[i] = UIButton(
                    lv,
                    t(f"menu.seat.level.{self.level_of(self.seats[i].id)}"),
                    self.app.manager,
                    tool_tip_text=t("menu.seat.level.tip"),
                    object_id=oid(),
                )

    def _style(self, b: UIButton, i: int) -> None:
        if self.is_human(i):
            b.set_text(t("menu.seat.human"))
            b.select()
        else:
            b.set_text(t("menu.seat.ai"))
            b.unselect()

    def kill(self) -> None:
        for b in [*self.buttons.values(), *self.level_buttons.values()]:
            b.kill()
        self.buttons.clear()
        self.level_buttons.clear()

    def button(self, seat: str) -> UIButton | None:
        """The toggle of a seat (scrolled into view)."""
        for i, s in enumerate(self.seats):
            if s.id == seat:
                self.scroll_to(i)
                return self.buttons.get(i)
        return None

    # geometry and scrolling
    def row_rect(self, i: int) -> pygame.Rect:
        y = self.rect.y + (i - self.first) * (self.row_h + self.gap)
        return pygame.Rect(self.rect.x, y, self.rect.width - self.app.s(10), self.row_h)

    def visible(self, i: int) -> bool:
        return self.first <= i < self.first + self.per_page

    def shown_rect(self, i: int) -> pygame.Rect | None:
        """A row's place while it is in view, else None: a row scrolled out of the list has no
        place on screen for the focus ring or a click (``row_rect`` would lie over the
        briefing above the list, or the buttons below it)."""
        return self.row_rect(i) if self.visible(i) else None

    def scroll_to(self, i: int) -> None:
        if self.visible(i):
            return
        self.first = i if i < self.first else i - self.per_page + 1
        self.build()
        self.app.dirty()

    def scroll(self, d: int) -> None:
        top = max(0, len(self.seats) - self.per_page)
        first = min(max(0, self.first + d), top)
        if first != self.first:
            self.first = first
            self.build()
            self.app.dirty()

    def handle(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for i, b in self.buttons.items():
                if b is event.ui_element:
                    self.toggle(i)
                    return True
            for i, b in self.level_buttons.items():
                if b is event.ui_element:
                    self.cycle_level(i)
                    return True
        elif event.type == pygame.MOUSEWHEEL and self.rect.collidepoint(pygame.mouse.get_pos()):
            self.scroll(-event.y)
            return True
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self._press_bar(event.pos)
        elif event.type == pygame.MOUSEMOTION and self._drag is not None:
            if not event.buttons[0]:  # released outside the window: no button-up came
                self._drag = None
                return False
            self._drag_to(event.pos[1])
            return True
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self._drag is not None:
            self._drag = None
            return True
        return False

    # the scroll bar answers the mouse as any desktop list's: a click on the track above or
    # below the thumb turns a page, the thumb drags
    def _bar(self) -> tuple[pygame.Rect, pygame.Rect] | None:
        """The scroll bar's track and thumb, when there are more seats than rows."""
        if len(self.seats) <= self.per_page:
            return None
        s = self.app.s
        track = pygame.Rect(self.rect.right - s(4), self.rect.y, s(4), self.rect.height)
        h = max(s(20), track.height * self.per_page // len(self.seats))
        top = max(1, len(self.seats) - self.per_page)
        y = track.y + (track.height - h) * self.first // top
        return track, pygame.Rect(track.x, y, track.width, h)

    def _press_bar(self, pos: tuple[int, int]) -> bool:
        bar = self._bar()
        if bar is None:
            return False
        track, thumb = bar
        s = self.app.s
        # a hand's width: the drawn bar is 4 px, the gap beside the rows is the target
        zone = pygame.Rect(self.rect.right - s(10), track.y, s(12), track.height)
        if not zone.collidepoint(pos):
            return False
        if pos[1] < thumb.top:
            self.scroll(-self.per_page)
        elif pos[1] >= thumb.bottom:
            self.scroll(self.per_page)
        else:
            self._drag = (pos[1], self.first)
        return True

    def _drag_to(self, y: int) -> None:
        bar = self._bar()
        if bar is None or self._drag is None:
            return
        track, thumb = bar
        y0, first0 = self._drag
        room = max(1, track.height - thumb.height)
        top = len(self.seats) - self.per_page
        self.scroll(first0 + round((y - y0) * top / room) - self.first)

    # drawing
    def draw(self, surface: pygame.Surface, focused: int | None = None) -> None:
        app, s, pal = self.app, self.app.s, self.app.palette
        f_name, f_role = app.font(15, True), app.font(13)
        last = min(len(self.seats), self.first + self.per_page)
        for i in range(self.first, last):
            seat, r = self.seats[i], self.row_rect(i)
            human = self.is_human(i)
            bg = mix(pal.panel, pal.good, 0.12) if human else pal.panel
            pygame.draw.rect(surface, bg, r, border_radius=s(6))
            edge = pal.good if human else pal.panel_border
            pygame.draw.rect(surface, edge, r, width=1, border_radius=s(6))
            dot = (r.x + s(18), r.centery)
            pygame.draw.circle(surface, mix(pal.text, pal.panel, 0.35), dot, s(7) + max(1, s(1)))
            pygame.draw.circle(surface, seat.colour, dot, s(7))
            x = r.x + s(34)
            width = r.width - s(34) - self.toggle_w - s(24)
            if not human:  # the level button stands beside the toggle
                width -= self.level_w + self.level_gap
            text_c = pal.text if seat.available else pal.muted
            title = role_or_name(seat)
            sub = seat.name if seat.role else ""
            if not seat.available:
                sub = t("menu.seat.gone")
            lines = wrap(title, f_name, width, 2)
            if len(lines) == 1 and sub:  # the role, and the actor's name under it
                blit(surface, lines[0], f_name, text_c, (x, r.y + s(7)))
                blit(surface, clip(sub, f_role, width), f_role, pal.muted, (x, r.y + s(29)))
            else:  # a long role takes both lines (the toggle's tooltip has no room for more)
                y = r.centery - len(lines) * f_name.get_linesize() // 2
                for line in lines:
                    blit(surface, line, f_name, text_c, (x, y))
                    y += f_name.get_linesize()
        # more rows above or below: a thin scroll bar
        bar = self._bar()
        if bar is not None:
            track, thumb = bar
            pygame.draw.rect(surface, pal.panel, track, border_radius=s(2))
            pygame.draw.rect(surface, pal.muted, thumb, border_radius=s(2))
