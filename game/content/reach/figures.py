"""Range conditions: which conditions test a figure against ``min`` and ``max``, and the figure
one reads in a world."""

from __future__ import annotations

from game.engine import vocabulary as V
from game.engine.conditions import Context

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


def figure(cond: V.Condition, ctx: Context, turn: int) -> float | None:
    """The figure a range condition reads (None if it names nothing that exists)."""
    w = ctx.world
    match cond:
        case V.CriterionIs():
            return w.criteria.get(cond.criterion)
        case V.CentralizationIs():
            return w.centralization
        case V.TurnIs():
            return float(turn)
        case V.ActorStatIs():
            actor = w.actors.get(ctx.ref(cond.actor) or "")
            value = getattr(actor, cond.stat, None) if actor is not None else None
            return float(value) if isinstance(value, int | float) else None
        case V.GroupStatIs():
            group = w.groups.get(ctx.ref(cond.group) or "")
            return float(getattr(group, cond.stat)) if group is not None else None
        case V.FlagIs():
            return w.flags.get(cond.flag, 0.0)
        case V.InequalityIs() | V.CivilSocietyIs():
            return ctx.figure(cond.type)
    return None
