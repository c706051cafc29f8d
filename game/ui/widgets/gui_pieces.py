"""Small pygame_gui pieces the scenes lay over what they draw themselves."""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.elements import UIImage


class Picture(UIImage):
    """A picture laid over a button (its wrapped text): hover, clicks and the mouse wheel go
    to what lies beneath, so the button highlights, shows its tooltip and the list scrolls.
    ``source`` is the picture as given: ``image`` is what a scrolled list's clip leaves of it
    (and in premultiplied colour), so a mark drawn later goes on ``source``."""

    def __init__(self, rect: pygame.Rect, image_surface: pygame.Surface, *args, **kw) -> None:
        super().__init__(rect, image_surface, *args, **kw)
        self.source = image_surface

    def set_image(self, new_image: pygame.Surface | None, *args, **kw) -> None:
        super().set_image(new_image, *args, **kw)
        if new_image is not None:
            self.source = new_image

    def can_hover(self) -> bool:
        return False

    def check_hover(self, time_delta: float, hovered_higher_element: bool) -> bool:
        self.hovered = False
        return False  # never blocks the hover of the element under it


class Hotspot(UIImage):
    """An invisible element over a drawn figure: it carries the figure's tooltip. ``placer``,
    when set, moves a new tooltip before it is first drawn (see match_tips)."""

    def __init__(self, rect: pygame.Rect, manager, tip: str, wrap_width: int, **kw) -> None:
        super().__init__(rect, pygame.Surface((1, 1), pygame.SRCALPHA), manager, **kw)
        self.set_tooltip(tip, wrap_width=wrap_width, delay=0.35)
        self.placer: Callable[[Hotspot, object, tuple[int, int]], None] | None = None

    def while_hovering(self, time_delta: float, mouse_pos) -> None:
        had = self.tool_tip is not None
        super().while_hovering(time_delta, mouse_pos)
        if not had and self.tool_tip is not None and self.placer is not None:
            self.placer(self, self.tool_tip, (int(mouse_pos[0]), int(mouse_pos[1])))


class Blocker(UIImage):
    """A dimmed veil under a modal panel that swallows clicks meant for what it covers."""

    def process_event(self, event: pygame.event.Event) -> bool:
        return event.type in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL)


class Backdrop(UIImage):
    """An invisible element under a scrolling list's rows that counts as hovered wherever the
    pointer is over the list, gaps included: pygame_gui scrolls a list on the mouse wheel only
    while something in it is hovered."""

    def __init__(self, view: pygame.Rect, manager, container) -> None:
        super().__init__(
            pygame.Rect(0, 0, 1, 1), pygame.Surface((1, 1), pygame.SRCALPHA), manager,
            container=container,
        )  # fmt: skip
        self.view = pygame.Rect(view)

    def hover_point(self, hover_x: float, hover_y: float) -> bool:
        return self.view.collidepoint(hover_x, hover_y)
