"""Range conditions: which conditions test a figure against ``min`` and ``max``; the figure one
reads in a world is the engine's own (``game.engine.conditions.figure``)."""

from __future__ import annotations

from game.engine.conditions import figure

__all__ = ["RANGES", "figure"]

RANGES = frozenset(
    {
        "criterion",
        "centralization",
        "turn",
        "actor_stat",
        "group_stat",
        "flag",
        "inequality",
        "civil_society",
    }
)
