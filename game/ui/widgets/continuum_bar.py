"""The continuum bar: Walzer's seven arrangements from the global state (left) to anarchy
(right), the world's marker where it stands now, a ghost where it stood a turn ago, and an
arrow for this turn's move."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pygame

from game.engine.model import ARRANGEMENT_ORDER, Arrangement
from game.ui.i18n import number, t
from game.ui.widgets import CachedPicture, mix, wrap

if TYPE_CHECKING:
    from game.engine import Measure
    from game.ui.app import App


def position(arrangement: Arrangement | str, centralization: float) -> float:
    """Where a world sits on the bar, 0 (global state) … 6 (anarchy): the engine's own rule
    (``structure.measure``), so a turn record from the history can be placed too."""
    idx = ARRANGEMENT_ORDER.index(Arrangement(arrangement))
    offset = max(-0.45, min(0.45, 0.5 - centralization / 100))
    return min(6.0, max(0.0, idx + offset))


def signed(x: float, digits: int = 1) -> str:
    """+1.5 / −0.3 with a real minus sign; 0.0 shows as ±0."""
    if round(x, digits) == 0:
        return "±0"
    return number(x, digits, sign=True).replace("-", "−")  # a decimal comma in Spanish


class ContinuumBar(CachedPicture):
    def __init__(self, app: App, rect: pygame.Rect) -> None:
        super().__init__(app, rect)
        self.measure: Measure | None = None
        self.previous: float | None = None
        self.centralization_before: float | None = None
        self.headline_rect = pygame.Rect(0, 0, 0, 0)

    def set_state(
        self, measure: Measure, previous: float | None, centralization_before: float | None
    ) -> None:
        self.measure = measure
        self.previous = previous
        self.centralization_before = centralization_before
        self._surface = None

    # ---- geometry ----------------------------------------------------------------------------

    def _strip(self) -> pygame.Rect:
        s = self.app.s
        return pygame.Rect(
            self.rect.x + s(12), self.rect.y + s(26), self.rect.w - s(24), self.rect.h - s(42)
        )

    def segments(self) -> list[pygame.Rect]:
        """The seven segments, in screen coordinates."""
        strip = self._strip()
        gap = max(1, self.app.s(2))
        n = len(ARRANGEMENT_ORDER)
        out = []
        for i in range(n):
            x0 = strip.x + round(strip.w * i / n)
            x1 = strip.x + round(strip.w * (i + 1) / n)
            out.append(pygame.Rect(x0 + gap // 2, strip.y, x1 - x0 - gap, strip.h))
        return out

    def x_of(self, pos: float) -> int:
        strip = self._strip()
        return strip.x + round(strip.w * (pos + 0.5) / len(ARRANGEMENT_ORDER))

    # ---- words -------------------------------------------------------------------------------

    def headline(self) -> str:
        m = self.measure
        if m is None:
            return ""
        move = (
            ""
            if self.centralization_before is None
            else " "
            + t("match.bar.this_turn", delta=signed(m.centralization - self.centralization_before))
        )
        return t(
            "match.bar.headline",
            arrangement=t(f"match.arr_full.{m.arrangement.value}"),
            centralization=number(m.centralization),
            move=move,
        )

    def _headline_fit(self) -> tuple[str, pygame.Rect]:
        """The headline at its longest that fits between UNITY and DIVISION, and its place."""
        app, s = self.app, self.app.s
        m = self.measure
        small = app.font(11, bold=True)
        ends = (
            small.size(t("match.bar.unity").upper())[0]
            + small.size(t("match.bar.division").upper())[0]
        )
        room = self.rect.w - ends - s(60)
        font = app.font(13, bold=True)
        head = ""
        if m is not None:
            for candidate in (
                self.headline(),
                t(f"match.arr_full.{m.arrangement.value}"),
                t(f"match.arr.{m.arrangement.value}"),
            ):
                if font.size(candidate)[0] <= room:
                    head = candidate
                    break
        if not head:
            return "", pygame.Rect(0, 0, 0, 0)
        w, h = font.size(head)
        return head, pygame.Rect(self.rect.x + (self.rect.w - w) // 2, self.rect.y + s(5), w, h)

    def tooltips(self) -> list[tuple[pygame.Rect, str]]:
        """(screen rect, HTML) for every figure on the bar."""
        out = []
        for arr, rect in zip(ARRANGEMENT_ORDER, self.segments(), strict=True):
            text = f"<b>{html.escape(t(f'match.arr_full.{arr.value}'))}</b><br>" + html.escape(
                t(f"match.arr_tip.{arr.value}")
            )
            if self.measure is not None and arr == self.measure.arrangement:
                text += "<br><br><i>" + html.escape(t("match.bar.world_is_here")) + "</i>"
            out.append((rect, text))
        self.headline_rect = self._headline_fit()[1]
        if self.measure is not None and self.headline_rect.w:
            m = self.measure
            reasons = "; ".join(m.reasons)
            text = "<br>".join(
                [
                    f"<b>{html.escape(t('match.bar.centralization'))} {number(m.centralization)}</b>",
                    html.escape(t("match.bar.centralization_tip")),
                    html.escape(t("match.bar.plurality", n=number(m.plurality))),
                    html.escape(t("match.bar.why", reasons=reasons)) if reasons else "",
                    html.escape(t("match.bar.ghost_tip")),
                ]
            )
            out.append((self.headline_rect, text))
        return out

    # ---- drawing -----------------------------------------------------------------------------

    def _render(self) -> pygame.Surface:
        self.renders += 1
        app, pal, s = self.app, self.app.palette, self.app.s
        surf = pygame.Surface(self.rect.size, pygame.SRCALPHA)
        off = (-self.rect.x, -self.rect.y)
        m = self.measure
        current = ARRANGEMENT_ORDER.index(m.arrangement) if m else -1

        # Ends of the continuum and the headline between them.
        small = app.font(11, bold=True)
        left = small.render(t("match.bar.unity").upper(), True, pal.muted)
        right = small.render(t("match.bar.division").upper(), True, pal.muted)
        y = s(7)
        surf.blit(left, (s(12), y))
        surf.blit(right, (self.rect.w - s(12) - right.get_width(), y))
        head, rect = self._headline_fit()
        self.headline_rect = rect
        if head:
            img = app.font(13, bold=True).render(head, True, pal.text)
            surf.blit(img, rect.move(off))

        # The seven segments.
        for i, (arr, rect) in enumerate(zip(ARRANGEMENT_ORDER, self.segments(), strict=True)):
            r = rect.move(off)
            colour = pal.arrangements[i] if pal.arrangements else pal.accent
            here = i == current
            fill = colour if here else mix(colour, pal.panel, 0.62)
            pygame.draw.rect(surf, fill, r, border_radius=s(4))
            if here:
                pygame.draw.rect(surf, (255, 255, 255), r, max(1, s(2)), border_radius=s(4))
            self._segment_label(surf, r, t(f"match.arr.{arr.value}"), here)

        # The world's marker, last turn's ghost, and the move between them.
        if m is not None:
            strip = self._strip().move(off)
            x = self.x_of(m.position) + off[0]
            if self.previous is not None:
                gx = self.x_of(self.previous) + off[0]
                ay = strip.bottom + s(8)
                self._diamond(surf, (gx, ay), s(5), pal.muted, hollow=True)
                if abs(gx - x) >= s(3):
                    pygame.draw.line(surf, pal.accent, (gx, ay), (x, ay), max(2, s(2)))
                    d = 1 if x > gx else -1
                    tip = (x - d * s(6), ay)
                    pygame.draw.polygon(
                        surf,
                        pal.accent,
                        [tip, (tip[0] - d * s(6), ay - s(4)), (tip[0] - d * s(6), ay + s(4))],
                    )
            # A notch up into the segment, not a line across it: the label stays readable.
            top, bottom = strip.bottom - s(3), strip.bottom + s(4)
            pygame.draw.line(surf, pal.border, (x, top), (x, bottom), max(4, s(5)))
            pygame.draw.line(surf, (255, 255, 255), (x, top), (x, bottom), max(2, s(2)))
            self._diamond(surf, (x, strip.bottom + s(8)), s(7), pal.accent)
        return surf

    def _segment_label(self, surf: pygame.Surface, r: pygame.Rect, text: str, here: bool) -> None:
        pal = self.app.palette
        font = self.app.font(12, bold=here)
        colour = (255, 255, 255) if here else mix(pal.text, pal.panel, 0.25)
        lines = [text]
        if font.size(text)[0] > r.w - self.app.s(6):
            lines = wrap(text, font, r.w - self.app.s(6))
        if len(lines) > 1:
            font = self.app.font(10, bold=here)
            lines = wrap(text, font, r.w - self.app.s(4))
        lh = font.get_linesize()
        y = r.centery - lh * len(lines) // 2
        for line in lines:
            img = font.render(line, True, colour)
            if here:
                shadow = font.render(line, True, pal.border)
                surf.blit(shadow, shadow.get_rect(midtop=(r.centerx + 1, y + 1)))
            surf.blit(img, img.get_rect(midtop=(r.centerx, y)))
            y += lh

    def _diamond(
        self, surf: pygame.Surface, c: tuple[int, int], r: int, colour, hollow: bool = False
    ) -> None:
        x, y = c
        pts = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
        border = self.app.palette.border
        if hollow:
            pygame.draw.polygon(surf, border, pts)
            pygame.draw.polygon(surf, colour, pts, max(1, self.app.s(2)))
        else:
            pygame.draw.polygon(surf, colour, pts)
            pygame.draw.polygon(surf, border, pts, max(1, self.app.s(1)))
