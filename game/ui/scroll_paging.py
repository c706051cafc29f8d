"""A click on a scroll bar's track pages the text, as a desktop's scroll bars do.

pygame_gui's vertical scroll bar moves by its arrows, its thumb and the wheel only: a click on
the track above or below the thumb does nothing. The debrief's scores, a scenario's briefing and
the turn report are text boxes with such a bar, and a player who clicks the track (at 200 % it
is most of the bar) expects the text to move a page. Applied once, when the UI is imported.
"""

from __future__ import annotations

import pygame
from pygame_gui.elements import UIVerticalScrollBar

_process_event = UIVerticalScrollBar.process_event


def _page_on_track_click(self: UIVerticalScrollBar, event: pygame.event.Event) -> bool:
    if _process_event(self, event):
        return True
    if (
        event.type != pygame.MOUSEBUTTONDOWN
        or event.button != 1
        or not self.is_enabled
        or self.sliding_button is None
    ):
        return False
    x, y = self.ui_manager.calculate_scaled_mouse_position(event.pos)
    if not self.rect.collidepoint(x, y):
        return False
    thumb = self.sliding_button.rect
    arrows = (b for b in (self.top_button, self.bottom_button) if b is not None)
    if thumb.top <= y < thumb.bottom or any(b.rect.collidepoint(x, y) for b in arrows):
        return False  # the thumb and the arrows are buttons of their own
    page = self.visible_percentage if y >= thumb.bottom else -self.visible_percentage
    self.set_scroll_from_start_percentage(self.start_percentage + page)
    return True


if not getattr(UIVerticalScrollBar, "_continuum_track_paging", False):
    UIVerticalScrollBar.process_event = _page_on_track_click
    UIVerticalScrollBar._continuum_track_paging = True
