"""Checks that need the rules, not just the file: can the scenario be drawn and played?

- every seat has at least one legal action on turn 1 (otherwise its player can only watch);
- every region's outline is drawable: a real area, and edges that do not cross each other.
"""

from __future__ import annotations

from game.engine import legal_actions, new_world
from game.engine.scenario import Scenario

from .problems import Finding


def check_playable(scenario: Scenario) -> list[Finding]:
    findings: list[Finding] = []
    for i, region in enumerate(scenario.regions):
        points = region.polygon
        if _crosses_itself(points):
            findings.append(
                Finding(
                    ("regions", i, "polygon"),
                    f"region {region.id!r}: its outline crosses itself, so it cannot be drawn as one shape",
                )
            )
        elif abs(_area(points)) < 1.0:
            findings.append(
                Finding(
                    ("regions", i, "polygon"),
                    f"region {region.id!r} has no area: its points lie on a line",
                )
            )
    try:  # any failure to start a match is the author's to see, said plainly
        world = new_world(scenario)
        idle = [
            i
            for i, seat in enumerate(scenario.seats)
            if seat in world.actors and not legal_actions(world, seat)
        ]
    except Exception as e:
        return [*findings, Finding((), f"a match cannot start: {e}")]
    for i in idle:
        findings.append(
            Finding(
                ("seats", i),
                f"seat {scenario.seats[i]!r} has no legal action on turn 1: its player could only watch",
            )
        )
    return findings


def _area(points: list[tuple[float, float]]) -> float:
    return (
        sum(
            x1 * y2 - x2 * y1
            for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True)
        )
        / 2
    )


def _crosses_itself(points: list[tuple[float, float]]) -> bool:
    edges = list(zip(points, points[1:] + points[:1], strict=True))
    n = len(edges)
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):
                continue  # neighbouring edges share a corner
            if _proper_cross(*edges[i], *edges[j]):
                return True
    return False


def _proper_cross(a, b, c, d) -> bool:
    def orient(p, q, r) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return o1 * o2 < 0 and o3 * o4 < 0
