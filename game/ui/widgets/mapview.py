"""The map: regions coloured by the state that holds them, borders, labels, groups, crises and
wars, drawn from the world on the 1000 x 600 board and scaled into a rectangle.

Drawing is a function of (world, selection): the picture is rendered once into a cached surface
and only re-rendered when the world or the selection changes; ``draw`` is a blit.
"""

from __future__ import annotations

import html
import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.engine.ops import STATE_CRISES
from game.ui.i18n import name as i18n_name
from game.ui.i18n import number, t
from game.ui.widgets import Colour, mix, outlined, wrap

if TYPE_CHECKING:
    from game.engine import World
    from game.ui.app import App

BOARD = (1000.0, 600.0)
SUPERSAMPLE = 2  # polygons are drawn at twice the size and smoothed down: pygame has no AA fill

Point = tuple[float, float]


def point_in_polygon(p: Point, poly: list[Point]) -> bool:
    x, y = p
    inside = False
    n = len(poly)
    j = n - 1
    for i in range(n):
        xi, yi = poly[i]
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / ((yj - yi) or 1e-9) + xi:
            inside = not inside
        j = i
    return inside


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    u = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length))
    cx, cy = ax + u * dx, ay + u * dy
    return math.hypot(p[0] - cx, p[1] - cy)


def polygon_area(poly: list[Point]) -> float:
    s = 0.0
    for i in range(len(poly)):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % len(poly)]
        s += x1 * y2 - x2 * y1
    return abs(s) / 2


_label_points: dict[tuple[Point, ...], Point] = {}


def label_point(poly: list[Point]) -> Point:
    """A point well inside the polygon (roughly its pole of inaccessibility): where a label or
    marker sits. A centroid can fall outside a crescent-shaped region; this cannot."""
    key = tuple(poly)
    found = _label_points.get(key)
    if found is not None:
        return found
    xs = [p[0] for p in poly]
    ys = [p[1] for p in poly]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    best, best_d = ((x0 + x1) / 2, (y0 + y1) / 2), -1.0
    step_x, step_y = (x1 - x0) / 24 or 1, (y1 - y0) / 24 or 1
    edges = [(poly[i], poly[(i + 1) % len(poly)]) for i in range(len(poly))]
    for i in range(25):
        for j in range(25):
            p = (x0 + i * step_x, y0 + j * step_y)
            if not point_in_polygon(p, poly):
                continue
            d = min(_segment_distance(p, a, b) for a, b in edges)
            if d > best_d:
                best, best_d = p, d
    _label_points[key] = best
    return best


def short_name(name: str) -> str:
    """A map label drops a parenthesis: "Kosova (province)" reads "Kosova"."""
    cut = name.find(" (")
    return name[:cut] if cut > 0 else name


def label_names(world: World) -> dict[str, str]:
    """Each region's name on the map, in the interface's language: without its parenthesis,
    unless another region would then read the same ("Annam (North)" and "Annam (South and the
    Delta)" stay whole; "Sovetia (Far East)" reads "Sovetia")."""
    full = {rid: i18n_name(r) for rid, r in world.regions.items()}
    short = {rid: short_name(n) for rid, n in full.items()}
    count = Counter(short.values())
    return {rid: short[rid] if count[short[rid]] == 1 else full[rid] for rid in full}


@dataclass
class Label:
    region: str
    rect: pygame.Rect
    surface: pygame.Surface


class MapView:
    """The map of one world, as one seat sees it, in ``rect`` on the screen."""

    def __init__(self, app: App, rect: pygame.Rect) -> None:
        self.app = app
        self.rect = pygame.Rect(rect)
        self.world: World | None = None
        self.seat: str | None = None
        self.selected: str | None = None
        self.hovered: str | None = None
        self.focused = False  # keyboard focus: a frame is drawn around the map
        self._base: pygame.Surface | None = None
        self._composite: pygame.Surface | None = None
        self._composite_key: tuple | None = None
        self.renders = 0  # how many times the base picture was rendered (tests read it)
        self.labels: dict[str, Label] = {}
        self.legend_rect = pygame.Rect(0, 0, 0, 0)
        self._scale = 1.0
        self._origin = (0.0, 0.0)

    # ---- state -------------------------------------------------------------------------------

    def set_world(self, world: World, seat: str | None) -> None:
        self.world = world
        self.seat = seat
        if self.selected not in world.regions:
            self.selected = None
        self._base = None
        self._composite = None

    def invalidate(self) -> None:
        """Render again on the next draw (new palette, language or UI scale)."""
        self._base = None
        self._composite = None

    def set_rect(self, rect: pygame.Rect) -> None:
        if pygame.Rect(rect) != self.rect:
            self.rect = pygame.Rect(rect)
            self._base = None
            self._composite = None

    def select(self, region: str | None) -> bool:
        """Select a region (None: nothing). Returns whether the selection changed."""
        if region == self.selected:
            return False
        self.selected = region
        return True

    def hover(self, region: str | None) -> bool:
        if region == self.hovered:
            return False
        self.hovered = region
        return True

    # ---- geometry ----------------------------------------------------------------------------

    def _fit(self) -> None:
        """Fit the board's inhabited part into the rectangle, keeping its aspect."""
        assert self.world is not None
        xs = [p[0] for r in self.world.regions.values() for p in r.polygon]
        ys = [p[1] for r in self.world.regions.values() for p in r.polygon]
        margin = 20.0
        x0, x1 = max(0.0, min(xs) - margin), min(BOARD[0], max(xs) + margin)
        y0, y1 = max(0.0, min(ys) - margin), min(BOARD[1], max(ys) + margin)
        scale = min(self.rect.w / (x1 - x0), self.rect.h / (y1 - y0))
        self._scale = scale
        self._origin = (
            self.rect.x + (self.rect.w - (x1 - x0) * scale) / 2 - x0 * scale,
            self.rect.y + (self.rect.h - (y1 - y0) * scale) / 2 - y0 * scale,
        )

    def to_screen(self, p: Point) -> tuple[int, int]:
        return (
            round(self._origin[0] + p[0] * self._scale),
            round(self._origin[1] + p[1] * self._scale),
        )

    def to_board(self, pos: tuple[int, int]) -> Point:
        return ((pos[0] - self._origin[0]) / self._scale, (pos[1] - self._origin[1]) / self._scale)

    def region_at(self, pos: tuple[int, int]) -> str | None:
        """The region under a screen point, or None (the sea, or outside the map)."""
        if self.world is None or not self.rect.collidepoint(pos):
            return None
        if self._base is None:
            self._fit()
        p = self.to_board(pos)
        for rid, r in self.world.regions.items():
            if point_in_polygon(p, r.polygon):
                return rid
        return None

    def anchor(self, region: str) -> tuple[int, int]:
        """Where the region's label and markers sit, on the screen."""
        assert self.world is not None
        if self._base is None:
            self._fit()
        return self.to_screen(label_point(self.world.regions[region].polygon))

    def step(self, region: str | None, dx: int, dy: int) -> str | None:
        """The region an arrow key leads to from ``region``: the nearest one roughly in that
        direction (within 60 degrees), or the same region when there is none."""
        if self.world is None or not self.world.regions:
            return None
        if region not in self.world.regions:
            return self.home_region()
        here = label_point(self.world.regions[region].polygon)
        best, best_score = region, math.inf
        for rid, r in self.world.regions.items():
            if rid == region:
                continue
            there = label_point(r.polygon)
            vx, vy = there[0] - here[0], there[1] - here[1]
            dist = math.hypot(vx, vy) or 1e-9
            cos = (vx * dx + vy * dy) / dist
            if cos < 0.5:
                continue
            score = dist * (1 + 2 * (1 - cos))
            if score < best_score:
                best, best_score = rid, score
        return best

    def home_region(self) -> str | None:
        """Where keyboard navigation starts: the seat's most populous region, else the largest."""
        if self.world is None or not self.world.regions:
            return None
        regions = list(self.world.regions.values())
        own = [r for r in regions if r.owner == self.seat]
        pool = own or regions
        return max(pool, key=lambda r: (r.population, r.id)).id

    def capital(self, state: str) -> str | None:
        assert self.world is not None
        own = [r for r in self.world.regions.values() if r.owner == state]
        return max(own, key=lambda r: (r.population, r.id)).id if own else None

    # ---- colours -----------------------------------------------------------------------------

    def owner_colour(self, owner: str) -> Colour:
        assert self.world is not None
        ids = list(self.world.actors)
        actor = self.world.actors.get(owner)
        if actor is None:
            return self.app.palette.muted
        return self.app.palette.actor_colour(ids.index(owner), actor.color)

    def grievance_colour(self, grievance: float) -> Colour:
        p = self.app.palette
        x = max(0.0, min(1.0, grievance / 100))
        # Through the accent (yellow), not through grey: a middling grievance still reads.
        return mix(p.good, p.accent, x * 2) if x < 0.5 else mix(p.accent, p.bad, (x - 0.5) * 2)

    # ---- drawing -----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        if self.world is None:
            return
        key = (self.selected, self.hovered, self.focused)
        if self._base is None:
            self._render_base()
            self._composite = None
        if self._composite is None or self._composite_key != key:
            self._composite = self._render_overlay()
            self._composite_key = key
        surface.blit(self._composite, self.rect.topleft)

    def _local(self, p: Point, k: float = 1.0) -> tuple[float, float]:
        """A board point on the map's own surface (``k``: the supersampling factor)."""
        x, y = self.to_screen(p) if k == 1.0 else self._exact(p)
        if k == 1.0:
            return (x - self.rect.x, y - self.rect.y)
        return ((x - self.rect.x) * k, (y - self.rect.y) * k)

    def _exact(self, p: Point) -> tuple[float, float]:
        return (self._origin[0] + p[0] * self._scale, self._origin[1] + p[1] * self._scale)

    def _render_base(self) -> None:
        """Sea, land, borders, wars, labels and markers: everything but the selection."""
        assert self.world is not None
        self.renders += 1
        self._fit()
        app, pal, w = self.app, self.app.palette, self.world
        k = SUPERSAMPLE
        big = pygame.Surface((self.rect.w * k, self.rect.h * k))
        big.fill(pal.sea)
        # A graticule: a faint grid every 100 board units makes the sea read as a chart.
        grid = mix(pal.sea, pal.text, 0.07)
        for gx in range(0, int(BOARD[0]) + 1, 100):
            x = self._local((gx, 0), k)[0]
            pygame.draw.line(big, grid, (x, 0), (x, big.get_height()), k)
        for gy in range(0, int(BOARD[1]) + 1, 100):
            y = self._local((0, gy), k)[1]
            pygame.draw.line(big, grid, (0, y), (big.get_width(), y), k)

        polys = {rid: [self._local(p, k) for p in r.polygon] for rid, r in w.regions.items()}
        # Shallow water along every coast.
        shore = mix(pal.sea, (120, 170, 200), 0.25)
        halo = max(2, app.s(5)) * k
        for pts in polys.values():
            pygame.draw.polygon(big, shore, pts, halo)
            for p in pts:
                pygame.draw.circle(big, shore, p, halo // 2)
        fills: dict[str, Colour] = {}
        for rid, r in w.regions.items():
            fills[rid] = mix(self.owner_colour(r.owner), pal.panel, 0.18)
            pygame.draw.polygon(big, fills[rid], polys[rid])

        # Edges: a border between two states (or a coast) is bold; one inside a state is faint.
        edges: dict[tuple, list[str]] = {}
        for rid, r in w.regions.items():
            pts = r.polygon
            for i in range(len(pts)):
                a, b = pts[i], pts[(i + 1) % len(pts)]
                key = (a, b) if a <= b else (b, a)
                edges.setdefault(key, []).append(rid)
        thin, bold = max(1, app.s(1)) * k, max(2, app.s(2)) * k
        for (a, b), rids in edges.items():
            owners = {w.regions[r].owner for r in rids}
            pa, pb = self._local(a, k), self._local(b, k)
            if len(rids) > 1 and len(owners) == 1:
                pygame.draw.line(big, mix(fills[rids[0]], pal.border, 0.45), pa, pb, thin)
        for (a, b), rids in edges.items():
            owners = {w.regions[r].owner for r in rids}
            if not (len(rids) > 1 and len(owners) == 1):
                pa, pb = self._local(a, k), self._local(b, k)
                pygame.draw.line(big, pal.border, pa, pb, bold)
                pygame.draw.circle(big, pal.border, pa, bold / 2)
        base = pygame.transform.smoothscale(big, self.rect.size)

        # The seat's own territory is outlined in the accent colour, so a player finds home.
        if self.seat is not None:
            for (a, b), rids in edges.items():
                mine = [r for r in rids if w.regions[r].owner == self.seat]
                if mine and (len(rids) == 1 or len(mine) < len(rids)):
                    pygame.draw.line(
                        base, pal.accent, self._local(a), self._local(b), max(1, app.s(2))
                    )

        self._draw_wars(base)
        self._place_labels(base)
        self._draw_markers(base)
        self._draw_legend(base)
        self._base = base

    def _draw_wars(self, base: pygame.Surface) -> None:
        assert self.world is not None
        bad = self.app.palette.bad
        for war in self.world.wars.values():
            ca, cd = self.capital(war.attacker), self.capital(war.defender)
            if ca is None or cd is None:
                continue
            a = self._local(label_point(self.world.regions[ca].polygon))
            b = self._local(label_point(self.world.regions[cd].polygon))
            length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1
            dash = self.app.s(8)
            n = max(1, int(length // dash))
            for i in range(0, n, 2):
                p = (a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n)
                q = (a[0] + (b[0] - a[0]) * (i + 1) / n, a[1] + (b[1] - a[1]) * (i + 1) / n)
                pygame.draw.line(base, bad, p, q, max(2, self.app.s(3)))
            mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
            r = self.app.s(7)
            pygame.draw.circle(base, self.app.palette.border, mid, r + 2)
            pygame.draw.circle(base, bad, mid, r)
            pygame.draw.line(
                base,
                (255, 255, 255),
                (mid[0] - r / 2, mid[1] - r / 2),
                (mid[0] + r / 2, mid[1] + r / 2),
                2,
            )
            pygame.draw.line(
                base,
                (255, 255, 255),
                (mid[0] - r / 2, mid[1] + r / 2),
                (mid[0] + r / 2, mid[1] - r / 2),
                2,
            )

    def _group_region(self, group) -> str | None:
        assert self.world is not None
        return next((r for r in group.regions if r in self.world.regions), None)

    def _place_labels(self, base: pygame.Surface) -> None:
        """Markers first, at their region's anchor (where things happen is geography); then
        region names around them, the seat's and the troubled regions first, then by size. A
        name that would overlap tries above or below its markers, then a nudge, else is left to
        the tooltip."""
        assert self.world is not None
        w, app, pal = self.world, self.app, self.app.palette
        self.labels = {}
        self.marker_at: dict[str, tuple[int, int]] = {}
        self.crisis_at: dict[str, tuple[int, int]] = {}
        bounds = base.get_rect().inflate(-app.s(4), -app.s(4))
        badge = app.s(9)
        icon_gap = app.s(15)
        n_groups: dict[str, int] = {}
        for g in w.groups.values():
            rid = self._group_region(g)
            if rid is not None:
                n_groups[rid] = n_groups.get(rid, 0) + 1
        crisis_regions = {self._crisis_region(c) for c in w.crises.values()} - {None}
        placed: list[pygame.Rect] = []
        markers: dict[str, pygame.Rect] = {}
        names = label_names(w)
        for rid in sorted(set(n_groups) | crisis_regions):  # type: ignore[arg-type]
            x, y = (round(v) for v in self._local(label_point(w.regions[rid].polygon)))
            gw = n_groups.get(rid, 0) * icon_gap
            cw = badge * 4 if rid in crisis_regions else 0
            block = pygame.Rect(0, 0, max(1, gw + cw), badge * 2)
            block.center = (x, y)
            block.clamp_ip(bounds)
            self.marker_at[rid] = (block.x + gw // 2, block.centery)
            self.crisis_at[rid] = (block.x + gw + badge, block.centery)
            markers[rid] = block
            placed.append(block)
        order = sorted(
            w.regions.values(),
            key=lambda r: (
                r.owner != self.seat and r.id not in crisis_regions,
                -polygon_area(r.polygon),
            ),
        )
        for r in order:
            poly = r.polygon
            xs = [p[0] for p in poly]
            ys = [p[1] for p in poly]
            width_px = (max(xs) - min(xs)) * self._scale
            height_px = (max(ys) - min(ys)) * self._scale
            area = polygon_area(poly) * self._scale**2
            size = 15 if area > app.s(160) ** 2 else 13 if area > app.s(60) ** 2 else 11
            font = app.font(size, bold=True)
            name = names[r.id]
            lines = [name]
            if font.size(name)[0] > width_px * 1.1 and " " in name:
                wrapped = wrap(name, font, max(int(width_px), font.size("M" * 6)[0]))
                # Stacked lines only where the region is tall enough to hold them.
                if len(wrapped) <= 3 and height_px >= len(wrapped) * font.get_linesize() * 1.5:
                    lines = wrapped
            surfs = [outlined(line, font, (255, 255, 255), pal.border) for line in lines]
            lw = max(s.get_width() for s in surfs)
            lh = sum(s.get_height() for s in surfs) - (len(surfs) - 1) * app.s(3)
            cx, cy = self._local(label_point(poly))
            mark = markers.get(r.id)
            if mark is not None:
                centres = [
                    (mark.centerx, mark.top - lh / 2),
                    (mark.centerx, mark.bottom + lh / 2),
                    (mark.right + lw / 2 + app.s(2), mark.centery),
                    (mark.left - lw / 2 - app.s(2), mark.centery),
                ]
            else:
                centres = [(cx, cy), (cx, cy - lh * 0.8), (cx, cy + lh * 0.8)]
            centres += [(cx, cy - lh * 1.5), (cx, cy + lh * 1.5)]
            for px, py in centres:
                rect = pygame.Rect(0, 0, lw, lh)
                rect.center = (round(px), round(py))
                rect.clamp_ip(bounds)
                if any(rect.colliderect(o) for o in placed):
                    continue
                # A name must sit on its own region: one spilling onto a neighbour would name it.
                centre = self.to_board((rect.centerx + self.rect.x, rect.centery + self.rect.y))
                if not point_in_polygon(centre, poly):
                    continue
                surf = pygame.Surface(rect.size, pygame.SRCALPHA)
                y = 0
                for s in surfs:
                    surf.blit(s, ((lw - s.get_width()) // 2, y))
                    y += s.get_height() - app.s(3)
                base.blit(surf, rect)
                placed.append(rect.inflate(app.s(6), app.s(2)))
                self.labels[r.id] = Label(r.id, rect.move(self.rect.topleft), surf)
                break

    def _crisis_region(self, crisis) -> str | None:
        """Where a crisis shows: the region its scenario names while its state still holds it,
        else where its group lives in its state, else the group's first region, else the
        state's capital."""
        assert self.world is not None
        named = self.world.regions.get(crisis.region or "")
        if named is not None and named.owner == crisis.state:
            return named.id
        group = self.world.groups.get(crisis.group or "")
        if group is not None:
            for rid in group.regions:
                if rid in self.world.regions and self.world.regions[rid].owner == crisis.state:
                    return rid
            if group.regions and group.regions[0] in self.world.regions:
                return group.regions[0]
        return self.capital(crisis.state)

    def _draw_markers(self, base: pygame.Surface) -> None:
        """Groups as small figures coloured by grievance; crises as red badges with severity."""
        assert self.world is not None
        w, app, pal = self.world, self.app, self.app.palette
        by_region: dict[str, list] = {}
        for g in w.groups.values():
            rid = self._group_region(g)
            if rid is not None:
                by_region.setdefault(rid, []).append(g)
        for rid, groups in by_region.items():
            x0, y0 = self.marker_at[rid]
            r = app.s(6)
            gap = app.s(15)
            x = x0 - (len(groups) - 1) * gap / 2
            for g in groups:
                self._person(base, (round(x), y0), r, self.grievance_colour(g.grievance))
                x += gap
        font = app.font(11, bold=True)
        for c in w.crises.values():
            rid = self._crisis_region(c)
            if rid is None:
                continue
            cx, cy = self.crisis_at[rid]
            r = app.s(7)
            ring = r + round(c.severity / 100 * app.s(10))
            glow = pygame.Surface((ring * 2 + 2, ring * 2 + 2), pygame.SRCALPHA)
            pygame.draw.circle(glow, (*pal.bad, 70), (ring + 1, ring + 1), ring)
            pygame.draw.circle(glow, (*pal.bad, 160), (ring + 1, ring + 1), ring, max(1, app.s(1)))
            base.blit(glow, (cx - ring - 1, cy - ring - 1))
            pygame.draw.circle(base, pal.border, (cx, cy), r + 1)
            pygame.draw.circle(base, pal.bad, (cx, cy), r)
            bang = font.render("!", True, (255, 255, 255))
            base.blit(bang, bang.get_rect(center=(cx, cy)))
            sev = outlined(
                f"{c.severity:.0f}", app.font(10, bold=True), (255, 220, 220), pal.border
            )
            base.blit(sev, (cx + r + app.s(2), cy - sev.get_height() // 2))

    def _person(self, base: pygame.Surface, at: tuple[int, int], r: int, colour: Colour) -> None:
        """A group: a badge in its grievance colour with a white figure (head and shoulders)."""
        x, y = at
        rim = max(1, r // 5)
        size = 2 * (r + rim) + 2
        c = size // 2
        badge = pygame.Surface((size, size), pygame.SRCALPHA)
        pygame.draw.circle(badge, colour, (c, c), r)
        pygame.draw.circle(badge, (255, 255, 255), (c, c - r * 3 // 10), max(2, r * 3 // 10))
        shoulders = pygame.Rect(0, 0, r * 13 // 10, r)
        shoulders.midtop = (c, c + r // 10 + 1)
        pygame.draw.ellipse(badge, (255, 255, 255), shoulders)
        mask = pygame.Surface((size, size), pygame.SRCALPHA)
        pygame.draw.circle(mask, (255, 255, 255, 255), (c, c), r)
        badge.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)  # the figure stays inside
        pygame.draw.circle(badge, self.app.palette.border, (c, c), r + rim, rim)
        base.blit(badge, (x - c, y - c))

    def _draw_legend(self, base: pygame.Surface) -> None:
        app, pal = self.app, self.app.palette
        font = app.font(11)
        items = [
            ("group", t("match.map.legend_group")),
            ("crisis", t("match.map.legend_crisis")),
            ("war", t("match.map.legend_war")),
        ]
        pad, icon = app.s(6), app.s(14)
        widths = [icon + app.s(4) + font.size(text)[0] for _, text in items]
        total = sum(widths) + pad * (len(items) + 1)
        h = font.get_linesize() + pad
        self.legend_rect = pygame.Rect(self.rect.bottomright, (0, 0))
        if total > base.get_width() * 0.6:
            return  # a small map keeps its room: the tooltips still explain every marker
        box = pygame.Surface((total, h), pygame.SRCALPHA)
        box.fill((*pal.background, 190))
        x = pad
        for (kind, text), width in zip(items, widths, strict=True):
            cy = h // 2
            if kind == "group":
                self._person(box, (x + icon // 2, cy), app.s(6), self.grievance_colour(60))
            elif kind == "crisis":
                pygame.draw.circle(box, pal.bad, (x + icon // 2, cy), app.s(5))
            else:
                pygame.draw.line(box, pal.bad, (x, cy), (x + icon, cy), max(2, app.s(2)))
            box.blit(
                font.render(text, True, pal.muted),
                (x + icon + app.s(4), cy - font.get_linesize() // 2),
            )
            x += width + pad
        at = self._legend_corner(base.get_size(), box.get_size())
        base.blit(box, at)
        self.legend_rect = pygame.Rect(at, box.get_size()).move(self.rect.topleft)

    def _legend_corner(self, size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
        """Where the legend goes on the map's surface: the corner whose box covers the least land
        (bottom right, then bottom left, then top right on a tie; the top left is the selected
        region's card), so it does not hide a region at the map's edge, as it hid Khmeria's
        Atlantic Republic at the bottom right."""
        assert self.world is not None
        m = self.app.s(4)
        w, h = size
        corners = [
            (w - box[0] - m, h - box[1] - m),
            (m, h - box[1] - m),
            (w - box[0] - m, m),
        ]
        land = pygame.Surface(size, pygame.SRCALPHA)
        for r in self.world.regions.values():
            pygame.draw.polygon(land, (255, 255, 255, 255), [self._local(p) for p in r.polygon])
        covered = pygame.mask.from_surface(land)
        legend = pygame.mask.Mask(box, fill=True)
        # the first corner with the least land (min keeps the first of equals)
        return min(corners, key=lambda at: covered.overlap_area(legend, at))

    def _render_overlay(self) -> pygame.Surface:
        assert self._base is not None and self.world is not None
        pal, app = self.app.palette, self.app
        surf = self._base.copy()
        if self.hovered in self.world.regions and self.hovered != self.selected:
            pts = [self._local(p) for p in self.world.regions[self.hovered].polygon]
            pygame.draw.polygon(surf, (255, 255, 255), pts, max(1, app.s(1)))
        if self.selected in self.world.regions:
            pts = [self._local(p) for p in self.world.regions[self.selected].polygon]
            tint = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
            pygame.draw.polygon(tint, (255, 255, 255, 45), pts)
            surf.blit(tint, (0, 0))
            pygame.draw.polygon(surf, pal.accent, pts, max(2, app.s(3)))
        if self.focused:
            pygame.draw.rect(surf, pal.accent, surf.get_rect(), max(2, app.s(2)))
        return surf

    # ---- words -------------------------------------------------------------------------------

    def tooltip(self, region: str) -> str:
        """The region in a few lines (pygame_gui's HTML subset)."""
        assert self.world is not None
        w = self.world
        r = w.regions[region]
        owner = w.actors.get(r.owner)
        lines = [f"<b>{html.escape(i18n_name(r))}</b>"]
        lines.append(
            html.escape(
                t(
                    "match.map.held_by",
                    owner=i18n_name(owner) if owner else r.owner,
                    pop=number(r.population, None),
                )
            )
        )
        for g in w.groups.values():
            if region in g.regions:
                lines.append(
                    html.escape(
                        t(
                            "match.map.group_line",
                            name=i18n_name(g),
                            grievance=f"{g.grievance:.0f}",
                            security=f"{g.security:.0f}",
                            autonomy=f"{g.autonomy:.0f}",
                        )
                    )
                )
        for c in w.crises.values():
            if self._crisis_region(c) == region:
                lines.append(
                    "<font color='#e06666'>"
                    + html.escape(
                        capitalized(crisis_text(w, c))
                        + " · "
                        + t("match.map.severity", n=f"{c.severity:.0f}")
                    )
                    + "</font>"
                )
        for war in w.wars.values():
            if r.owner in (war.attacker, war.defender):
                a, d = w.actors.get(war.attacker), w.actors.get(war.defender)
                lines.append(
                    html.escape(
                        t(
                            "match.map.war_line",
                            attacker=i18n_name(a) if a else "?",
                            defender=i18n_name(d) if d else "?",
                        )
                    )
                )
        return "<br>".join(lines)


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def crisis_text(world: World, crisis) -> str:
    """ "Repression of the Kosovar Albanians in Servia", in the interface's language."""
    kind = t(f"match.crisis.{crisis.kind}")
    state = world.actors.get(crisis.state)
    where = i18n_name(state, article=True) if state else crisis.state
    group = world.groups.get(crisis.group or "")
    if group is not None and crisis.kind not in STATE_CRISES:
        return t(
            "match.crisis.of_group_in", kind=kind, group=i18n_name(group, article=True), state=where
        )
    return t("match.crisis.in", kind=kind, state=where)
