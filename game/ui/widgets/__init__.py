"""Pictures the scenes draw themselves (the map, the continuum bar, the criteria) and the small
text-layout helpers they share: wrapping to a width and drawing legible text on a map."""

from __future__ import annotations

import pygame

from game.ui.widgets.text_fit import fitting_prefix

Colour = tuple[int, int, int]


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """``text`` broken into lines no wider than ``width``; a word longer than the width is
    broken by characters, so nothing is ever cut off. Newlines start new paragraphs."""
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        line = ""
        for word in words:
            trial = f"{line} {word}" if line else word
            if font.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            while len(word) > 1:
                cut = fitting_prefix(word, font, width)  # measures only short prefixes
                if cut >= len(word):
                    break
                cut = max(1, cut)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def text_block(
    text: str, font: pygame.font.Font, colour: Colour, width: int, line_gap: int = 0
) -> pygame.Surface:
    """Wrapped text on a transparent surface exactly as tall as its lines."""
    lines = wrap(text, font, width)
    h = font.get_linesize()
    surf = pygame.Surface((width, max(1, len(lines) * (h + line_gap))), pygame.SRCALPHA)
    for i, line in enumerate(lines):
        if line:
            surf.blit(font.render(line, True, colour), (0, i * (h + line_gap)))
    return surf


def outlined(
    text: str, font: pygame.font.Font, colour: Colour, outline: Colour, px: int = 1
) -> pygame.Surface:
    """Text with a dark halo, readable over any map colour."""
    inner = font.render(text, True, colour)
    halo = font.render(text, True, outline)
    w, h = inner.get_width() + 2 * px, inner.get_height() + 2 * px
    surf = pygame.Surface((w, h), pygame.SRCALPHA)
    for dx in range(-px, px + 1):
        for dy in range(-px, px + 1):
            if dx or dy:
                surf.blit(halo, (px + dx, px + dy))
    surf.blit(inner, (px, px))
    return surf


def fit_text(text: str, font: pygame.font.Font, width: int) -> bool:
    return font.size(text)[0] <= width


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """The colour a fraction ``t`` of the way from ``a`` to ``b``."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def luminance(c: Colour) -> float:
    return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255


def triangle(surface: pygame.Surface, centre: tuple[int, int], size: int, up: bool, colour: Colour):
    """A ▲ or ▼ drawn as a polygon: the UI font need not carry the glyph."""
    x, y = centre
    half = max(2, size // 2)
    if up:
        pts = [(x - half, y + half // 1.2), (x + half, y + half // 1.2), (x, y - half)]
    else:
        pts = [(x - half, y - half // 1.2), (x + half, y - half // 1.2), (x, y + half)]
    pygame.draw.polygon(surface, colour, pts)


class CachedPicture:
    """A picture a scene draws itself, rendered once into a surface and blitted until its state,
    size or look changes. Subclasses implement ``_render``."""

    def __init__(self, app, rect: pygame.Rect) -> None:
        self.app = app
        self.rect = pygame.Rect(rect)
        self._surface: pygame.Surface | None = None
        self.renders = 0

    def invalidate(self) -> None:
        """Render again on the next draw (new state, palette, language or UI scale)."""
        self._surface = None

    def set_rect(self, rect: pygame.Rect) -> None:
        if pygame.Rect(rect) != self.rect:
            self.rect = pygame.Rect(rect)
            self._surface = None

    def draw(self, surface: pygame.Surface) -> None:
        if self._surface is None:
            self._surface = self._render()
        surface.blit(self._surface, self.rect.topleft)

    def _render(self) -> pygame.Surface:  # pragma: no cover - every subclass renders
        raise NotImplementedError
