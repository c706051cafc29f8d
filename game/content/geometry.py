"""Can the map be drawn as the author meant it? Outlines that cross themselves or have no area,
regions drawn over each other, borders without neighbours and neighbours without a border, and
crises placed where their group does not live. Checked on the raw document, so that what parsed
is checked even when something else in the file is wrong (every problem at once).
"""

from __future__ import annotations

import math

from .explain import number
from .locate import Elem
from .problems import Finding

Point = tuple[float, float]


def _points(polygon: object) -> list[Point] | None:
    """The outline's corners, or None if it is not a list of [x, y] numbers (the schema says
    what is wrong with it then)."""
    if not isinstance(polygon, list):
        return None
    points: list[Point] = []
    for p in polygon:
        if not (isinstance(p, list) and len(p) == 2):
            return None
        x, y = p
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (x, y)):
            return None
        points.append((float(x), float(y)))
    return points if len(points) >= 3 else None


def check_geometry(doc: object, rejected: set[tuple[Elem, ...]]) -> list[Finding]:
    """Outlines that cross themselves or have no area, then how the drawable ones lie against
    each other (``_compare``). ``rejected`` holds the paths the schema already refused; a
    region whose outline is among them (or under them) is left alone."""
    if not isinstance(doc, dict) or not isinstance(doc.get("regions"), list):
        return []
    findings: list[Finding] = []
    drawable: list[_Shape] = []
    seen: set[str] = set()
    for i, region in enumerate(doc["regions"]):
        if not isinstance(region, dict):
            continue
        where: tuple[Elem, ...] = ("regions", i, "polygon")
        if any(r and (where[: len(r)] == r or r[: len(where)] == where) for r in rejected):
            continue
        points = _points(region.get("polygon"))
        if points is None or len(points) > 64:
            continue
        rid = region.get("id")
        name = f"region {rid!r}" if isinstance(rid, str) else f"regions[{i}]"
        crossing = first_crossing(points)
        if crossing is not None:
            a, b = crossing
            findings.append(
                Finding(
                    where,
                    f"{name}: its outline crosses itself, so it cannot be drawn as one shape: "
                    f"the edge {_edge(points, a)} crosses the edge {_edge(points, b)}",
                    source="geometry",
                )
            )
        elif abs(area(points)) < 1.0:
            findings.append(
                Finding(where, f"{name} has no area: its points lie on a line", source="geometry")
            )
        elif isinstance(rid, str) and rid not in seen:
            seen.add(rid)
            drawable.append(_Shape(i, rid, points))
    return findings + _compare(doc, drawable)


def _corner(p: Point) -> str:
    return f"[{number(round(p[0], 1))}, {number(round(p[1], 1))}]"


def _edge(points: list[Point], i: int) -> str:
    j = (i + 1) % len(points)
    return f"from corner {i} {_corner(points[i])} to corner {j} {_corner(points[j])}"


def area(points: list[Point]) -> float:
    return (
        sum(
            x1 * y2 - x2 * y1
            for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True)
        )
        / 2
    )


def first_crossing(points: list[Point]) -> tuple[int, int] | None:
    """The first two edges (by the index of their first corner) that properly cross. Written
    out flat, with a look at the edges' boxes first: 256 outlines of 64 corners are half a
    million pairs of edges."""
    n = len(points)
    edges = []
    for (ax, ay), (bx, by) in zip(points, points[1:] + points[:1], strict=True):
        edges.append((ax, ay, bx, by, min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)))
    for i in range(n):
        ax, ay, bx, by, x0, x1, y0, y1 = edges[i]
        dx, dy = bx - ax, by - ay
        # Neighbouring edges share a corner: i+1, and the last with the first.
        for j in range(i + 2, n - 1 if i == 0 else n):
            cx, cy, ex, ey, u0, u1, v0, v1 = edges[j]
            if u1 < x0 or u0 > x1 or v1 < y0 or v0 > y1:
                continue
            if (dx * (cy - ay) - dy * (cx - ax)) * (dx * (ey - ay) - dy * (ex - ax)) >= 0:
                continue
            fx, fy = ex - cx, ey - cy
            if (fx * (ay - cy) - fy * (ax - cx)) * (fx * (by - cy) - fy * (bx - cx)) < 0:
                return i, j
    return None


def _proper_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return o1 * o2 < 0 and o3 * o4 < 0


# ---- how regions lie against each other ------------------------------------------------------

# Units of the 1000 x 600 board. Two outlines closer than TOUCH are drawn as one line; a border
# is a stretch at least BORDER long (regions meeting at a corner only are not neighbours);
# neighbours may be NEAR apart (a strait) and still be neighbours.
TOUCH = 1.0
BORDER = 10.0
NEAR = 20.0
# Pairs of edges compared, at most, for the whole map (256 regions of 64 corners would be 134
# million), about half a second: past it the map is checked in part, and validate says so.
EDGE_PAIRS = 200_000


def _compare(doc: dict, shapes: list[_Shape]) -> list[Finding]:
    """Regions drawn over each other, regions that share a border without being neighbours,
    and neighbours whose outlines are far apart: each with both regions named and a point
    where they meet (or come closest). Only regions that can be drawn are compared (the others'
    own problem is reported)."""
    if len(shapes) < 2:
        return []
    neighbors = _neighbor_pairs(doc)
    findings: list[Finding] = []
    budget = EDGE_PAIRS
    unchecked = 0
    for a_at, a in enumerate(shapes):
        for b in shapes[a_at + 1 :]:
            listed = (a.id, b.id) in neighbors or (b.id, a.id) in neighbors
            if not listed and _box_gap(a.box, b.box) > TOUCH:
                continue  # too far apart to touch, and nobody says they do
            cost = (len(a.points) + 8) * (len(b.points) + 8)  # and what a pair costs anyway
            if cost > budget:
                unchecked += 1
                continue
            budget -= cost
            findings += _pair(a, b, listed, neighbors)
    if unchecked:
        findings.append(
            Finding(
                ("regions",),
                f"the map was checked for overlaps and borders only in part: its outlines have "
                f"too many corners to compare every region with its neighbours "
                f"({unchecked:,} pairs of regions not compared)",
                "warning",
                at_key=True,
                source="geometry",
            )
        )
    return findings


class _Shape:
    __slots__ = ("box", "edges", "i", "id", "points")

    def __init__(self, i: int, rid: str, points: list[Point]) -> None:
        self.i, self.id, self.points = i, rid, points
        self.edges = list(zip(points, points[1:] + points[:1], strict=True))
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        self.box = (min(xs), min(ys), max(xs), max(ys))


def _neighbor_pairs(doc: dict) -> dict[tuple[str, str], int]:
    """(region, neighbour) -> the index of the neighbour in the region's list."""
    pairs: dict[tuple[str, str], int] = {}
    for region in doc["regions"]:
        if isinstance(region, dict) and isinstance(region.get("id"), str):
            listed = region.get("neighbors")
            for k, n in enumerate(listed if isinstance(listed, list) else []):
                if isinstance(n, str):
                    pairs.setdefault((region["id"], n), k)
    return pairs


def _pair(
    a: _Shape, b: _Shape, listed: bool, neighbors: dict[tuple[str, str], int]
) -> list[Finding]:
    inside = _overlap(a, b)
    if inside is not None:
        return [
            Finding(
                ("regions", b.i, "polygon"),
                f"region {b.id!r} is drawn over region {a.id!r} around {_corner(inside)}: "
                "their outlines overlap; move the corners so that they only share a border "
                "(the same corners on both sides)",
                source="geometry",
            )
        ]
    if listed:
        gap, p, q = _nearest(a, b)
        if gap <= NEAR:
            return []
        k = neighbors.get((a.id, b.id))
        where = ("regions", a.i, "neighbors", k) if k is not None else None
        if where is None:
            where = ("regions", b.i, "neighbors", neighbors[(b.id, a.id)])
        return [
            Finding(
                where,
                f"regions {a.id!r} and {b.id!r} are neighbours but do not touch: they come "
                f"no closer than {number(round(gap))} apart ({_corner(p)} and {_corner(q)}); "
                "make them share a border, or take them off each other's neighbors",
                "warning",
                source="geometry",
            )
        ]
    length, start, end = _shared_border(a, b)
    if length < BORDER:
        return []
    return [
        Finding(
            ("regions", a.i, "id"),
            f"regions {a.id!r} and {b.id!r} share a border {number(round(length))} long "
            f"(from {_corner(start)} to {_corner(end)}), but neither lists the other as a "
            "neighbour; add each to the other's neighbors",
            "warning",
            source="geometry",
        )
    ]


def _box_gap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    dx = max(0.0, b[0] - a[2], a[0] - b[2])
    dy = max(0.0, b[1] - a[3], a[1] - b[3])
    return max(dx, dy)


def _inside(p: Point, shape: _Shape) -> bool:
    """Whether ``p`` is inside the outline (even-odd rule, as it is drawn filled)."""
    x, y = p
    odd = False
    for (x1, y1), (x2, y2) in shape.edges:
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            odd = not odd
    return odd


def _segment_distance(p: Point, a: Point, b: Point) -> tuple[float, Point]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = (
        0.0
        if length == 0
        else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    )
    q = (a[0] + t * dx, a[1] + t * dy)
    return math.hypot(p[0] - q[0], p[1] - q[1]), q


def _depth(p: Point, shape: _Shape) -> float:
    """How far ``p`` is from the outline."""
    return min(_segment_distance(p, a, b)[0] for a, b in shape.edges)


def _deep_in(p: Point, shape: _Shape) -> bool:
    return _inside(p, shape) and _depth(p, shape) > TOUCH


def _overlap(a: _Shape, b: _Shape) -> Point | None:
    """A point inside both outlines, further than TOUCH from either edge, if there is one: a
    corner of one inside the other, a point inside one inside the other (one drawn exactly on
    the other), or a point beside two edges that cross."""
    for p in a.points:
        if _deep_in(p, b):
            return p
    for p in b.points:
        if _deep_in(p, a):
            return p
    step = 4 * TOUCH
    for s, t in ((a, b), (b, a)):
        p = _interior_point(s)
        if p is not None and _deep_in(p, t) and _depth(p, s) > TOUCH:
            return p
        # Just inside each edge: finds one drawn along another's edge, into it.
        inward = 1.0 if area(s.points) > 0 else -1.0
        for p1, p2 in s.edges:
            ux, uy = _unit(p1, p2)
            nx, ny = -uy * inward, ux * inward  # the normal pointing into s
            for k in (0.25, 0.5, 0.75):
                c = (
                    p1[0] + (p2[0] - p1[0]) * k + nx * step,
                    p1[1] + (p2[1] - p1[1]) * k + ny * step,
                )
                if _deep_in(c, s) and _deep_in(c, t):
                    return c
    tries = 8  # crossings looked at closely: a zigzag border may cross another at every edge
    for p1, p2 in a.edges:
        for q1, q2 in b.edges:
            x = _crossing(p1, p2, q1, q2)
            if x is None:
                continue
            tries -= 1
            if tries < 0:
                return None
            u, v = _unit(p1, p2), _unit(q1, q2)
            for su in (-1, 1):
                for sv in (-1, 1):
                    c = (
                        x[0] + step * (su * u[0] + sv * v[0]),
                        x[1] + step * (su * u[1] + sv * v[1]),
                    )
                    if _deep_in(c, a) and _deep_in(c, b):
                        return c
    return None


def _unit(p: Point, q: Point) -> Point:
    d = math.hypot(q[0] - p[0], q[1] - p[1]) or 1.0
    return ((q[0] - p[0]) / d, (q[1] - p[1]) / d)


def _crossing(a: Point, b: Point, c: Point, d: Point) -> Point | None:
    """Where two edges properly cross (not at a shared corner), if they do."""
    if not _proper_cross(a, b, c, d):
        return None
    r = (b[0] - a[0], b[1] - a[1])
    s = (d[0] - c[0], d[1] - c[1])
    denom = r[0] * s[1] - r[1] * s[0]
    t = ((c[0] - a[0]) * s[1] - (c[1] - a[1]) * s[0]) / denom
    return (a[0] + t * r[0], a[1] + t * r[1])


def _interior_point(shape: _Shape) -> Point | None:
    """A point well inside the outline: the middle of the widest stretch of a line across it."""
    _, y0, _, y1 = shape.box
    best: tuple[float, Point] | None = None
    for k in (0.5, 0.31, 0.69):
        y = y0 + (y1 - y0) * k + 1e-7
        xs = sorted(
            p1[0] + (y - p1[1]) * (p2[0] - p1[0]) / (p2[1] - p1[1])
            for p1, p2 in shape.edges
            if (p1[1] > y) != (p2[1] > y)
        )
        for left, right in zip(xs[::2], xs[1::2], strict=False):
            if best is None or right - left > best[0]:
                best = (right - left, ((left + right) / 2, y))
    return best[1] if best else None


def _nearest(a: _Shape, b: _Shape) -> tuple[float, Point, Point]:
    """How close the two outlines come, and where (a point on each)."""
    best = (math.inf, a.points[0], b.points[0])
    for s, t, flip in ((a, b, False), (b, a, True)):
        for p in s.points:
            for q1, q2 in t.edges:
                d, q = _segment_distance(p, q1, q2)
                if d < best[0]:
                    best = (d, q, p) if flip else (d, p, q)
    return best


def _shared_border(a: _Shape, b: _Shape) -> tuple[float, Point, Point]:
    """How long a stretch of the two outlines runs together (within TOUCH, side by side), and
    where it begins and ends (the first and last point found, along ``a``)."""
    total = 0.0
    ends: list[Point] = []
    for p1, p2 in a.edges:
        ux, uy = _unit(p1, p2)
        length = math.hypot(p2[0] - p1[0], p2[1] - p1[1])
        for q1, q2 in b.edges:
            vx, vy = _unit(q1, q2)
            if abs(ux * vy - uy * vx) > 0.1:  # not side by side
                continue
            # Distance from a's line and position along a, at both ends of b's edge.
            d1 = (q1[0] - p1[0]) * uy - (q1[1] - p1[1]) * ux
            d2 = (q2[0] - p1[0]) * uy - (q2[1] - p1[1]) * ux
            if abs(d1) > TOUCH or abs(d2) > TOUCH:
                continue
            s1 = (q1[0] - p1[0]) * ux + (q1[1] - p1[1]) * uy
            s2 = (q2[0] - p1[0]) * ux + (q2[1] - p1[1]) * uy
            lo, hi = max(0.0, min(s1, s2)), min(length, max(s1, s2))
            if hi - lo <= 0:
                continue
            total += hi - lo
            ends += [(p1[0] + lo * ux, p1[1] + lo * uy), (p1[0] + hi * ux, p1[1] + hi * uy)]
    if not ends:
        return 0.0, a.points[0], a.points[0]
    return total, ends[0], ends[-1]


# ---- where crises happen ---------------------------------------------------------------------


def check_placement(doc: object) -> list[Finding]:
    """A crisis (in the world, or started by a card with ids written out) placed in a state
    where its group does not live: none of the group's regions belongs to that state. Refugee
    crises are left alone: refugees are where they fled to. And a crisis shown on the map in a
    region (its ``region``) that its state does not hold."""
    if not isinstance(doc, dict):
        return []
    owners = {
        r["id"]: r.get("owner")
        for r in _dicts(doc.get("regions"))
        if isinstance(r.get("id"), str) and isinstance(r.get("owner"), str)
    }
    homes: dict[str, list[str]] = {}
    for g in _dicts(doc.get("groups")):
        if isinstance(g.get("id"), str) and isinstance(g.get("regions"), list):
            homes[g["id"]] = [r for r in g["regions"] if isinstance(r, str) and r in owners]
    states = {
        a["id"]
        for a in _dicts(doc.get("actors"))
        if a.get("kind") == "state" and isinstance(a.get("id"), str)
    }
    places: list[tuple[tuple[Elem, ...], dict]] = [
        (("crises", i), c) for i, c in _indexed(doc.get("crises"))
    ]
    for i, card in _indexed(doc.get("cards")):
        for j, option in _indexed(card.get("options")):
            for k, e in _indexed(option.get("effects")):
                if e.get("type") == "start_crisis":
                    places.append((("cards", i, "options", j, "effects", k), e))
    findings = []
    for i, c in _indexed(doc.get("crises")):
        state, region = c.get("state"), c.get("region")
        if not isinstance(state, str) or state not in states or region not in owners:
            continue  # a binding, an unknown id: said elsewhere
        if owners[region] != state:
            what = f"crisis {c['id']!r}" if isinstance(c.get("id"), str) else "this crisis"
            findings.append(
                Finding(
                    ("crises", i, "region"),
                    f"{what} happens in {state!r}, but the map would show it in {region!r}, "
                    f"which {owners[region]!r} holds: name a region of {state!r}",
                    "warning",
                    source="geometry",
                )
            )
    for where, c in places:
        state, group = c.get("state"), c.get("group")
        if (
            c.get("kind") == "refugees"
            or not isinstance(state, str)
            or state not in states
            or not isinstance(group, str)
            or not homes.get(group)
        ):
            continue  # a binding, an unknown id or a group with no home: said elsewhere
        if any(owners[r] == state for r in homes[group]):
            continue
        lives = ", ".join(f"{r!r} ({owners[r]!r})" for r in homes[group][:4])
        what = f"crisis {c['id']!r}" if isinstance(c.get("id"), str) else "this crisis"
        findings.append(
            Finding(
                (*where, "state"),
                f"{what} is placed in {state!r}, but its group {group!r} does not live there: "
                f"it lives in {lives}; place it in the state that holds one of those regions",
                "warning",
                source="geometry",
            )
        )
    return findings


def _dicts(seq: object) -> list[dict]:
    return [x for _, x in _indexed(seq)]


def _indexed(seq: object) -> list[tuple[int, dict]]:
    """The objects in a list with their indexes (anything else in it, or a non-list, skipped)."""
    return (
        [(i, x) for i, x in enumerate(seq) if isinstance(x, dict)] if isinstance(seq, list) else []
    )
