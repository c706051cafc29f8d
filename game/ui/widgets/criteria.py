"""The four criteria: each one's value, its last change (▲/▼) and a sparkline of the match so
far, with the causes of the last change in its tooltip."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pygame

from game.engine.model import CRITERIA
from game.ui.i18n import cause, number, t
from game.ui.widgets import CachedPicture, mix, triangle
from game.ui.widgets.continuum_bar import signed

if TYPE_CHECKING:
    from game.engine.model import Criteria, TurnRecord
    from game.engine.report import Change
    from game.ui.app import App


class CriteriaPanel(CachedPicture):
    def __init__(self, app: App, rect: pygame.Rect) -> None:
        super().__init__(app, rect)
        self.values: dict[str, float] = {}
        self.series: dict[str, list[float]] = {}
        self.deltas: dict[str, float | None] = {}
        self.causes: dict[str, list[Change]] = {}

    def set_state(
        self, history: list[TurnRecord], current: Criteria, changes: list[Change] | None = None
    ) -> None:
        self.values = current.as_dict()
        self.series = {c.value: [h.criteria.get(c) for h in history] for c in CRITERIA}
        for c in CRITERIA:
            s = self.series[c.value]
            if not s or s[-1] != self.values[c.value]:
                s.append(self.values[c.value])
        self.deltas = {c: (s[-1] - s[-2]) if len(s) >= 2 else None for c, s in self.series.items()}
        self.causes = {c.value: [] for c in CRITERIA}
        for ch in changes or []:
            self.causes[ch.criterion.value].append(ch)
        self._surface = None

    def cells(self) -> list[tuple[str, pygame.Rect]]:
        s = self.app.s
        inner = self.rect.inflate(-s(12), -s(12))
        gap = s(8)
        n = len(CRITERIA)
        w = (inner.w - gap * (n - 1)) // n
        return [
            (c.value, pygame.Rect(inner.x + i * (w + gap), inner.y, w, inner.h))
            for i, c in enumerate(CRITERIA)
        ]

    def tooltips(self) -> list[tuple[pygame.Rect, str]]:
        out = []
        for c, rect in self.cells():
            delta = self.deltas.get(c)
            head = f"<b>{html.escape(t(f'match.crit.{c}'))} {number(self.values.get(c, 0))}</b>"
            if delta is not None:
                head += " " + html.escape(t("match.crit.last_turn", delta=signed(delta)))
            lines = [head, html.escape(t(f"match.crit_tip.{c}"))]
            causes = sorted(self.causes.get(c, []), key=lambda ch: -abs(ch.amount))[:5]
            if causes:
                lines.append("<i>" + html.escape(t("match.crit.why")) + "</i>")
                lines += [html.escape(f"{signed(ch.amount)}: {cause(ch)}") for ch in causes]
            out.append((rect, "<br>".join(lines)))
        return out

    def _render(self) -> pygame.Surface:
        self.renders += 1
        app, pal, s = self.app, self.app.palette, self.app.s
        surf = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        for c, cell in self.cells():
            r = cell.move(-self.rect.x, -self.rect.y)
            colour = pal.criteria.get(c, pal.accent)
            pygame.draw.rect(surf, pal.background, r, border_radius=s(5))
            pygame.draw.rect(
                surf, mix(colour, pal.panel, 0.55), r, max(1, s(1)), border_radius=s(5)
            )
            pygame.draw.rect(surf, colour, (r.x, r.y + s(4), s(3), r.h - s(8)), border_radius=s(2))
            wide = r.w >= s(150)
            spark = (
                pygame.Rect(r.x + r.w * 52 // 100, r.y + s(8), r.w * 45 // 100, r.h - s(16))
                if wide
                else pygame.Rect(r.x + s(6), r.y + s(6), r.w - s(12), r.h - s(12))
            )
            self._sparkline(surf, spark, self.series.get(c, []), colour, faint=not wide)

            name = t(f"match.crit.{c}").upper()
            # A narrow cell (200% UI, a long Spanish word) takes a size smaller, never a cut.
            font = next(
                (
                    app.font(size, bold=True)
                    for size in (11, 10, 9)
                    if app.font(size, bold=True).size(name)[0] <= r.w - s(14)
                ),
                app.font(9, bold=True),
            )
            label = font.render(name, True, colour)
            surf.blit(label, (r.x + s(10), r.y + s(5)))
            value = app.font(22, bold=True).render(f"{self.values.get(c, 0):.0f}", True, pal.text)
            vy = r.bottom - value.get_height() - s(2)
            surf.blit(value, (r.x + s(10), vy))
            delta = self.deltas.get(c)
            dx = r.x + s(14) + value.get_width()
            dfont = app.font(12, bold=True)
            mid = vy + value.get_height() // 2 + s(2)
            if delta is None or round(delta, 1) == 0:
                img = dfont.render(signed(delta or 0.0), True, pal.muted)
                surf.blit(img, (dx, mid - img.get_height() // 2))
            else:
                up = delta > 0
                tone = pal.good if up else pal.bad
                triangle(surf, (dx + s(5), mid), s(9), up, tone)
                img = dfont.render(number(abs(delta)), True, tone)
                surf.blit(img, (dx + s(12), mid - img.get_height() // 2))
        return surf

    def _sparkline(
        self, surf: pygame.Surface, r: pygame.Rect, values: list[float], colour, faint: bool
    ) -> None:
        if len(values) < 2 or r.w < 4 or r.h < 4:
            return
        lo, hi = min(values), max(values)
        pad = max(5.0, (hi - lo) * 0.15)
        lo, hi = max(0.0, lo - pad), min(100.0, hi + pad)
        span = (hi - lo) or 1.0
        n = len(values)
        pts = [
            (r.x + r.w * i / (n - 1), r.bottom - r.h * (v - lo) / span)
            for i, v in enumerate(values)
        ]
        area = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
        pygame.draw.polygon(
            area, (*colour, 28 if faint else 45), [(r.x, r.bottom), *pts, (r.right, r.bottom)]
        )
        surf.blit(area, (0, 0))
        line = (*colour, 90) if faint else colour
        layer = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
        pygame.draw.lines(layer, line, False, pts, max(1, self.app.s(2)))
        if not faint:
            pygame.draw.circle(layer, colour, pts[-1], max(2, self.app.s(3)))
        surf.blit(layer, (0, 0))
