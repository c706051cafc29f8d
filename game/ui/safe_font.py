"""A font that draws any text: pygame refuses to render a string of zero width ("\u200b", a run
of direction marks) with an error that would close the window; this draws nothing instead."""

from __future__ import annotations

import pygame


class SafeFont(pygame.font.Font):
    def render(self, text, antialias, color, bgcolor=None, wraplength=0):  # type: ignore[override]
        try:
            return super().render(text, antialias, color, bgcolor, wraplength)
        except pygame.error:
            if self.size(str(text))[0] > 0:
                raise  # not the zero-width case: a real error
            return super().render("", antialias, color, bgcolor, wraplength)
