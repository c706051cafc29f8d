"""Line charts with plain pygame: axes, gridlines, labels, a legend and a hover readout.

A chart draws itself once onto a cached Surface; each frame only the hover layer (a guide line,
the points under it and a readout box) is drawn on top. The same class draws the four criteria
over time and the world's path along the continuum (bands for the seven arrangements, named
ticks instead of numbers), on screen and into the PNG a teacher hands out.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import pygame

from game.ui.palette import Colour, Palette
from game.ui.safe_font import SafeFont
from game.ui.widgets import luminance, mix, wrap

# A readout line: its text, a colour swatch drawn before it (or None), and whether it is bold.
ReadoutLine = tuple[str, Colour | None, bool]

_fonts: dict[tuple[int, bool], pygame.font.Font] = {}


def font(px: int, bold: bool = False) -> pygame.font.Font:
    """pygame_gui's Noto Sans at a size in pixels (the app's fonts, without needing an app)."""
    key = (max(6, px), bold)
    if key not in _fonts:
        import pygame_gui.data as data

        if not pygame.font.get_init():
            pygame.font.init()
        name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
        _fonts[key] = SafeFont(os.path.join(os.path.dirname(data.__file__), name), key[0])
    return _fonts[key]


@dataclass(frozen=True)
class ChartStyle:
    """The chart's colours and its scale (the player's UI scale, or the PNG's)."""

    background: Colour
    plot: Colour
    grid: Colour
    axis: Colour
    text: Colour
    muted: Colour
    accent: Colour
    readout: Colour
    readout_border: Colour
    scale: float = 1.0
    # a series colour too light for the background is darkened (the printed PNG)
    darken_light_series: bool = False

    @classmethod
    def from_palette(cls, palette: Palette, scale: float = 1.0) -> ChartStyle:
        return cls(
            background=palette.panel,
            plot=mix(palette.panel, palette.background, 0.55),
            grid=mix(palette.panel, palette.panel_border, 0.55),
            axis=palette.panel_border,
            text=palette.text,
            muted=palette.muted,
            accent=palette.accent,
            readout=palette.background,
            readout_border=palette.muted,
            scale=scale,
        )

    def for_print(self) -> ChartStyle:
        """Dark ink on white paper."""
        return replace(
            self,
            background=(255, 255, 255),
            plot=(250, 250, 250),
            grid=(222, 226, 231),
            axis=(120, 130, 140),
            text=(20, 26, 33),
            muted=(80, 90, 100),
            accent=(150, 100, 0),
            readout=(255, 255, 255),
            readout_border=(120, 130, 140),
            darken_light_series=True,
        )

    def s(self, px: float) -> int:
        return max(1, round(px * self.scale))

    def font(self, size: float, bold: bool = False) -> pygame.font.Font:
        return font(round(size * self.scale), bold)

    def ink(self, colour: Colour) -> Colour:
        """A series colour as drawn: darkened on a light background when it would be faint."""
        if self.darken_light_series and luminance(colour) > 0.55:
            return mix(colour, (0, 0, 0), 0.35)
        return colour


@dataclass(frozen=True)
class Series:
    label: str
    colour: Colour
    values: Sequence[float]


@dataclass(frozen=True)
class Band:
    """A horizontal band behind the lines (an arrangement's slot on the continuum)."""

    low: float
    high: float
    colour: Colour


@dataclass
class LineChart:
    """A line chart inside ``rect``: x is the turn, each series one line.

    ``y_ticks`` names values on the y axis (the arrangements) instead of numbers; ``invert``
    puts the low values at the top; ``describe(i)`` adds lines to the hover readout for point i.
    """

    rect: pygame.Rect
    x_values: Sequence[int]
    series: Sequence[Series]
    style: ChartStyle
    title: str = ""
    x_label: str = ""
    y_range: tuple[float, float] = (0.0, 100.0)
    y_ticks: Sequence[tuple[float, str]] | None = None
    bands: Sequence[Band] = ()
    invert: bool = False
    legend: bool = True
    value_format: Callable[[float], str] = field(default=lambda v: f"{v:.0f}")
    marker_colours: Sequence[Colour] | None = None  # per point, for the first series
    describe: Callable[[int], list[ReadoutLine]] | None = None
    axis_title: bool = True  # x_label under the axis (it always heads the readout)
    _surface: pygame.Surface | None = field(default=None, init=False, repr=False)
    _plot: pygame.Rect | None = field(default=None, init=False, repr=False)

    # ---- geometry ------------------------------------------------------------------------------

    @property
    def point_count(self) -> int:
        return len(self.x_values)

    def plot_rect(self) -> pygame.Rect:
        if self._plot is None:
            self._plot = self._layout()
        return self._plot

    def _title_lines(self) -> list[list[tuple[str, Colour | None]]]:
        """The title and the legend's entries, wrapped into rows that fit the chart's width."""
        st = self.style
        pad = st.s(12)
        width = self.rect.width - 2 * pad
        rows: list[list[tuple[str, Colour | None]]] = []
        if self.title:
            rows.append([(self.title, None)])
        if self.legend and self.series:
            entries = [(s.label, st.ink(s.colour)) for s in self.series]
            f = st.font(13)
            gap = st.s(18)
            # the legend on the title's row when it all fits, else rows of its own
            title_w = st.font(15, True).size(self.title)[0] + gap if self.title else 0
            total = sum(self._legend_w(f, e[0]) for e in entries) + gap * (len(entries) - 1)
            if rows and title_w + total <= width:
                rows[0] += entries
                return rows
            row: list[tuple[str, Colour | None]] = []
            used = 0
            for e in entries:
                w = self._legend_w(f, e[0])
                if row and used + gap + w > width:
                    rows.append(row)
                    row, used = [], 0
                used += w + (gap if row else 0)
                row.append(e)
            if row:
                rows.append(row)
        return rows

    def _legend_w(self, f: pygame.font.Font, label: str) -> int:
        return self.style.s(22) + f.size(label)[0]

    def _row_h(self) -> int:
        return max(self.style.font(15, True).get_linesize(), self.style.font(13).get_linesize())

    def _y_label_w(self) -> int:
        f = self.style.font(12)
        if self.y_ticks is not None:
            labels = [lab for _, lab in self.y_ticks]
        else:
            labels = [self.value_format(v) for v in self.y_range]
        return max((f.size(lab)[0] for lab in labels), default=0)

    def _y_ticks(self) -> list[tuple[float, str]]:
        if self.y_ticks is not None:
            return list(self.y_ticks)
        lo, hi = self.y_range
        # as many gridlines as the height allows, at most six
        room = self.plot_rect().height // max(1, round(self.style.font(12).get_linesize() * 1.6))
        step = _nice_step((hi - lo) / max(1, min(5, room)))
        v = math.ceil(lo / step) * step
        out = []
        while v <= hi + 1e-9:
            out.append((v, self.value_format(v)))
            v += step
        return out

    def _y_label_order(self) -> list[tuple[float, str]]:
        """The y labels, those the lines pass through first (they win when labels crowd)."""
        ticks = self._y_ticks()
        if self.y_ticks is None:
            return ticks
        visited = {round(v) for s in self.series for v in s.values}
        return sorted(ticks, key=lambda tick: (round(tick[0]) not in visited, tick[0]))

    def _layout(self) -> pygame.Rect:
        st = self.style
        pad = st.s(12)
        top = self.rect.y + pad + len(self._title_lines()) * self._row_h() + st.s(8)
        f = st.font(12)
        bottom = self.rect.bottom - pad - f.get_linesize() - st.s(4)
        if self.x_label and self.axis_title:
            bottom -= f.get_linesize()
        left = self.rect.x + pad + self._y_label_w() + st.s(8)
        right = self.rect.right - pad - st.s(6)
        return pygame.Rect(left, top, max(10, right - left), max(10, bottom - top))

    def x_at(self, i: int) -> float:
        p = self.plot_rect()
        n = len(self.x_values)
        if n <= 1:
            return p.centerx
        return p.x + p.width * i / (n - 1)

    def y_at(self, v: float) -> float:
        p = self.plot_rect()
        lo, hi = self.y_range
        frac = (v - lo) / (hi - lo) if hi != lo else 0.5
        frac = max(0.0, min(1.0, frac))
        if self.invert:
            return p.y + p.height * frac
        return p.bottom - p.height * frac

    def points(self, series_index: int = 0) -> list[tuple[float, float]]:
        """Where the series' points are drawn, one per x value."""
        values = self.series[series_index].values
        return [(self.x_at(i), self.y_at(v)) for i, v in enumerate(values)]

    def hover_index(self, pos: tuple[int, int]) -> int | None:
        """The point under the mouse (the nearest x) when the mouse is over the plot."""
        p = self.plot_rect().inflate(self.style.s(16), self.style.s(8))
        if not p.collidepoint(pos) or not self.x_values:
            return None
        n = len(self.x_values)
        if n == 1:
            return 0
        inner = self.plot_rect()
        i = round((pos[0] - inner.x) / inner.width * (n - 1))
        return max(0, min(n - 1, i))

    # ---- drawing -------------------------------------------------------------------------------

    def surface(self) -> pygame.Surface:
        """The chart without its hover layer, drawn once."""
        if self._surface is None:
            self._surface = self._render()
        return self._surface

    def draw(self, target: pygame.Surface, mouse: tuple[int, int] | None = None) -> None:
        target.blit(self.surface(), self.rect.topleft)
        i = self.hover_index(mouse) if mouse is not None else None
        if i is not None:
            self._draw_hover(target, i)

    def _render(self) -> pygame.Surface:
        st = self.style
        surf = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        local = pygame.Rect(0, 0, *self.rect.size)
        pygame.draw.rect(surf, st.background, local, border_radius=st.s(6))
        pygame.draw.rect(surf, st.axis, local, width=max(1, st.s(1)), border_radius=st.s(6))
        dx, dy = -self.rect.x, -self.rect.y
        p = self.plot_rect().move(dx, dy)
        pygame.draw.rect(surf, st.plot, p)

        # bands, then the grid and the y labels
        lo, hi = self.y_range
        for b in self.bands:
            y1, y2 = self.y_at(b.low) + dy, self.y_at(b.high) + dy
            band = pygame.Rect(p.x, round(min(y1, y2)), p.width, round(abs(y2 - y1)))
            pygame.draw.rect(surf, mix(st.plot, b.colour, 0.22), band.clip(p))
        f = st.font(12)
        placed: list[int] = []
        for v, label in self._y_label_order():
            y = round(self.y_at(v) + dy)
            if self.y_ticks is None or not self.bands:
                pygame.draw.line(surf, st.grid, (p.x, y), (p.right, y), 1)
            if any(abs(y - other) < f.get_linesize() * 0.9 for other in placed):
                continue  # too close to a label already drawn: the band's colour still tells
            placed.append(y)
            img = f.render(label, True, st.muted)
            surf.blit(img, (p.x - st.s(8) - img.get_width(), y - img.get_height() // 2))
        if self.bands:  # thin separators between the bands
            for b in self.bands:
                for edge in (b.low, b.high):
                    if lo < edge < hi:
                        y = round(self.y_at(edge) + dy)
                        pygame.draw.line(surf, st.grid, (p.x, y), (p.right, y), 1)

        # x axis: ticks that never overlap
        n = len(self.x_values)
        label_w = max((f.size(str(x))[0] for x in self.x_values), default=0) + st.s(10)
        step = 1
        while n > 1 and step < n and (p.width / (n - 1)) * step < label_w:
            step += 1
        step = _nice_int(step)
        for i, x in enumerate(self.x_values):
            if i % step and i != n - 1:
                continue
            if i == n - 1 and i % step and (i % step) * p.width / max(1, n - 1) < label_w:
                continue  # the last tick would crowd the one before it
            xx = round(self.x_at(i) + dx)
            pygame.draw.line(surf, st.grid, (xx, p.y), (xx, p.bottom), 1)
            img = f.render(str(x), True, st.muted)
            surf.blit(img, (xx - img.get_width() // 2, p.bottom + st.s(4)))
        if self.x_label and self.axis_title:
            img = f.render(self.x_label, True, st.muted)
            surf.blit(
                img, (p.centerx - img.get_width() // 2, p.bottom + st.s(4) + f.get_linesize())
            )
        pygame.draw.line(surf, st.axis, (p.x, p.bottom), (p.right, p.bottom), max(1, st.s(1)))
        pygame.draw.line(surf, st.axis, (p.x, p.y), (p.x, p.bottom), max(1, st.s(1)))

        # the lines and their points
        width = max(2, st.s(2.5))
        r = max(2, st.s(3))
        for si, s in enumerate(self.series):
            colour = st.ink(s.colour)
            pts = [(x + dx, y + dy) for x, y in self.points(si)]
            if len(pts) > 1:
                pygame.draw.lines(surf, colour, False, pts, width)
            for k, (x, y) in enumerate(pts):
                c = colour
                if si == 0 and self.marker_colours is not None and k < len(self.marker_colours):
                    c = st.ink(self.marker_colours[k])
                    pygame.draw.circle(surf, st.plot, (round(x), round(y)), r + st.s(2))
                pygame.draw.circle(surf, c, (round(x), round(y)), r)

        # the title and the legend
        y = st.s(12)
        for row in self._title_lines():
            x = st.s(12)
            for label, colour in row:
                if colour is None:
                    img = st.font(15, True).render(label, True, st.text)
                    surf.blit(img, (x, y + (self._row_h() - img.get_height()) // 2))
                    x += img.get_width() + st.s(18)
                    continue
                lf = st.font(13)
                cy = y + self._row_h() // 2
                pygame.draw.line(surf, colour, (x, cy), (x + st.s(14), cy), max(2, st.s(3)))
                pygame.draw.circle(surf, colour, (x + st.s(7), cy), max(2, st.s(3)))
                img = lf.render(label, True, st.text)
                surf.blit(img, (x + st.s(20), cy - img.get_height() // 2))
                x += self._legend_w(lf, label) + st.s(18)
            y += self._row_h()
        return surf

    def readout(self, i: int) -> list[ReadoutLine]:
        """The hover readout's lines for point i."""
        lines: list[ReadoutLine] = [(f"{self.x_label} {self.x_values[i]}".strip(), None, True)]
        if self.y_ticks is None:
            for s in self.series:
                if i < len(s.values):
                    lines.append(
                        (
                            f"{s.label}  {self.value_format(s.values[i])}",
                            self.style.ink(s.colour),
                            False,
                        )
                    )
        if self.describe is not None:
            lines += self.describe(i)
        return lines

    def _draw_hover(self, target: pygame.Surface, i: int) -> None:
        st = self.style
        p = self.plot_rect()
        x = round(self.x_at(i))
        pygame.draw.line(target, st.accent, (x, p.y), (x, p.bottom), max(1, st.s(1)))
        for s in self.series:
            if i < len(s.values):
                y = round(self.y_at(s.values[i]))
                pygame.draw.circle(target, st.text, (x, y), st.s(6))
                pygame.draw.circle(target, st.ink(s.colour), (x, y), st.s(4))
        # the readout: wrapped (never cut) to the chart's width, beside the guide line
        max_w = self.rect.width - st.s(44)
        sw = st.s(16)
        rows: list[tuple[str, Colour | None, bool, bool]] = []  # text, swatch, bold, indent
        for txt, colour, bold in self.readout(i):
            f = st.font(13, bold)
            for k, part in enumerate(wrap(txt, f, max_w - (sw if colour else 0))):
                rows.append((part, colour if k == 0 else None, bold, colour is not None))
        lh = max(st.font(13).get_linesize(), st.font(13, True).get_linesize())
        w = st.s(20) + max(
            st.font(13, bold).size(txt)[0] + (sw if indent else 0) for txt, _, bold, indent in rows
        )
        h = lh * len(rows) + st.s(12)
        bx = x + st.s(14)
        if bx + w > self.rect.right - st.s(4):
            bx = x - st.s(14) - w
        bx = max(self.rect.x + st.s(4), bx)
        by = max(self.rect.y + st.s(4), min(p.y + st.s(4), self.rect.bottom - h - st.s(4)))
        box = pygame.Rect(bx, by, w, h)
        pygame.draw.rect(target, st.readout, box, border_radius=st.s(5))
        pygame.draw.rect(target, st.readout_border, box, width=1, border_radius=st.s(5))
        yy = by + st.s(6)
        for txt, colour, bold, indent in rows:
            xx = bx + st.s(10)
            if colour is not None:
                pygame.draw.circle(target, colour, (xx + st.s(5), yy + lh // 2), st.s(5))
            if indent:
                xx += sw
            f = st.font(13, bold)
            target.blit(f.render(txt, True, st.text), (xx, yy + (lh - f.get_linesize()) // 2))
            yy += lh


def _nice_step(raw: float) -> float:
    if raw <= 0:
        return 1.0
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def _nice_int(step: int) -> int:
    for n in (1, 2, 4, 5, 10, 20, 25, 50, 100):
        if step <= n:
            return n
    return step
