"""The match screen by keyboard: the focus ring (Tab, arrows, Enter), the tabs (1-3; 4: a
class's Messages), the map (M, arrows), End turn (E), scrolling (Page Up/Down) and Escape,
innermost first."""

from __future__ import annotations

import pygame

from game.ui.widgets.gui_pieces import Picture
from game.ui.widgets.row_list import Focusable

TAB_KEYS = {
    pygame.K_1: 0,
    pygame.K_2: 1,
    pygame.K_3: 2,
    pygame.K_4: 3,  # a class's seat: Messages
    pygame.K_KP1: 0,
    pygame.K_KP2: 1,
    pygame.K_KP3: 2,
    pygame.K_KP4: 3,
}


class KeyboardFocus:
    """Mixed into MatchScene: the focus ring and the keys."""

    def _ring_list(self) -> list[Focusable]:
        return self.modal_focus if self.modal else self.focusables

    def move_focus(self, step: int) -> None:
        items = self._ring_list()
        if not items:
            return
        if self.map.focused:
            self.map.focused = False
        keys = [f.key for f in items]
        if self.focus_key in keys:
            i = (keys.index(self.focus_key) + step) % len(items)
        else:
            i = 0 if step > 0 else len(items) - 1
        self.focus_key = items[i].key
        self._show_focus()

    def focused(self) -> Focusable | None:
        for f in self._ring_list():
            if f.key == self.focus_key:
                return f
        return None

    def _show_focus(self) -> None:
        """Draw the focus ring (an accent outline above the focused widget) and scroll the
        side panel so the focused widget is in view."""
        if self._ring is not None:
            self._ring.kill()
            self._ring = None
        f = self.focused()
        if f is None or not f.element.alive():
            return
        if f.scroll is not None:
            self._scroll_into_view(f.element)
        s = self.app.s
        rel = (
            f.element.get_relative_rect()
            if hasattr(f.element, "get_relative_rect")
            else f.element.relative_rect
        )
        rect = pygame.Rect(rel).inflate(s(4), s(4))
        surf = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(
            surf, self.app.palette.accent, surf.get_rect(), max(2, s(2)), border_radius=s(5)
        )
        container = f.scroll if f.scroll is not None else f.element.ui_container
        height = 20 if self.modal else 5
        self._ring = Picture(
            rect, surf, self.app.manager, container=container, starting_height=height
        )
        if self.modal:
            self.modal_widgets.append(self._ring)
        self.app.dirty()

    def reveal(self, element) -> None:
        """Scroll the side panel so ``element`` (one of its widgets) is in view."""
        self._scroll_into_view(element)
        self.app.dirty()

    def _scroll_into_view(self, element) -> None:
        rl = self.panel.lists.get(self.tab)
        if rl is not None:
            rl.scroll_into_view(element, self.app.s(8))

    def _key(self, event: pygame.event.Event) -> None:
        k = event.key
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        enter = k in (pygame.K_RETURN, pygame.K_KP_ENTER)
        if self.modal is not None:
            if k == pygame.K_TAB:
                self.move_focus(-1 if shift else 1)
            elif enter or k == pygame.K_SPACE:
                f = self.focused()
                self.queue(f.activate if f else self.modal_default)
            elif k == pygame.K_ESCAPE:
                self.queue(self.modal_cancel)
            elif k in (pygame.K_LEFT, pygame.K_UP):
                self.move_focus(-1)
            elif k in (pygame.K_RIGHT, pygame.K_DOWN):
                self.move_focus(1)
            return
        if k == pygame.K_TAB:
            self.move_focus(-1 if shift else 1)
        elif self.map.focused and k in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN):
            dx = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1}.get(k, 0)
            dy = {pygame.K_UP: -1, pygame.K_DOWN: 1}.get(k, 0)
            self.select_region(self.map.step(self.map.selected, dx, dy))
        elif enter and self.map.focused:
            if self.map.selected is None:
                self.select_region(self.map.home_region())
            self.show_details = not self.show_details
            self._details = None
            self.app.dirty()
        elif enter or (k == pygame.K_SPACE and self.focused() is not None):
            f = self.focused()
            self.queue(f.activate if f else (self.end_turn if enter else None))
        elif k in (pygame.K_UP, pygame.K_DOWN) and self.focused() is not None:
            self.move_focus(-1 if k == pygame.K_UP else 1)
        elif k == pygame.K_ESCAPE:
            if self.map.focused or self.map.selected is not None:
                self.map.focused = False
                self.show_details = False
                self.select_region(None)
                self.app.dirty()
            elif self.focus_key is not None:
                self.focus_key = None
                self._show_focus()
            else:
                self.queue(self.open_menu)
        elif k == pygame.K_e:
            self.queue(self.end_turn)
        elif k == pygame.K_m:
            self.focus_key = None
            self._show_focus()
            self.map.focused = True
            if self.map.selected is None:
                self.select_region(self.map.home_region())
            self.app.dirty()
        elif k in TAB_KEYS:
            n = TAB_KEYS[k]
            if n < len(self.tabs):
                tab = self.tabs[n]
                self.queue(lambda: self.set_tab(tab))
        elif k in (pygame.K_PAGEUP, pygame.K_PAGEDOWN) and self.tab in self.panel.lists:
            rl = self.panel.lists[self.tab]
            step = self.lay.content.h * 0.8 * (1 if k == pygame.K_PAGEDOWN else -1)
            rl.scroll_to(round(rl.top + step))
            self.app.dirty()
