"""Can each region be drawn? Checked on the raw document, region by region, so that an outline
that parsed is checked even when something else in the file is wrong (every problem at once).
"""

from __future__ import annotations

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
    """Outlines that cross themselves or have no area. ``rejected`` holds the paths the schema
    already refused; a region whose outline is among them (or under them) is left alone."""
    if not isinstance(doc, dict) or not isinstance(doc.get("regions"), list):
        return []
    findings: list[Finding] = []
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
    return findings


def _corner(p: Point) -> str:
    return f"[{number(p[0])}, {number(p[1])}]"


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
    """The first two edges (by the index of their first corner) that properly cross."""
    edges = list(zip(points, points[1:] + points[:1], strict=True))
    n = len(edges)
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):
                continue  # neighbouring edges share a corner
            if _proper_cross(*edges[i], *edges[j]):
                return i, j
    return None


def _proper_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return o1 * o2 < 0 and o3 * o4 < 0
