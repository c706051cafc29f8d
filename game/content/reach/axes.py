"""The axes a temperament leans along (to war or peace, to the center or to sovereignty, to many
agents or away from them), the actions each end favours, and which end brings a condition about."""

from __future__ import annotations

from game.engine import vocabulary as V
from game.engine.model import Arrangement

# The axes a temperament leans along: (what one end favours, what the other end favours).
AXES = (
    (  # to war, or to peace
        ("attack", "arm", "repress", "intervene", "sanction"),
        ("make_peace", "disarm", "reform", "grant_autonomy", "relieve", "warn", "aid"),
    ),
    (  # to the center, or to sovereignty
        ("cede", "join", "integrate", "fund", "build_capacity", "build_force", "redistribute",
         "propose", "regulate", "lend", "deploy", "campaign", "recruit", "expand"),
        ("reclaim", "leave", "invest", "tax_capital"),
    ),
    (  # to many agents, each strong and used (the third degree), or away from them
        ("build_capacity", "fund", "integrate", "campaign", "recruit", "expand", "propose",
         "regulate"),
        ("cede", "reclaim", "leave"),
    ),
)  # fmt: skip
WAR, CENTER, PLURAL = 0, 1, 2  # the axes; on each, end 0 is the first of the pair

_CENTERED = {
    Arrangement.GLOBAL_STATE,
    Arrangement.FEDERATION,
    Arrangement.PLURALISM_3,
    Arrangement.PLURALISM_2,
}
_LOOSE = {Arrangement.ANARCHY, Arrangement.PLURALISM_1}
_ORG_STATS = frozenset(V.FEDERATION_STATS + V.BODY_STATS)


def leans(cond: V.Condition) -> list[tuple[int, int]]:
    """(axis, end) pairs that play should lean toward to bring this condition about."""
    up = getattr(cond, "min", None) is not None
    down = getattr(cond, "max", None) is not None

    def toward(axis: int, when_up: int) -> list[tuple[int, int]]:
        return [(axis, when_up)] if up else [(axis, 1 - when_up)] if down else []

    match cond:
        case V.CentralizationIs():
            return toward(CENTER, 0)
        case V.ArrangementIs():
            wanted = set(cond.arrangements)
            if wanted <= {Arrangement.PLURALISM_3, Arrangement.PLURALISM_2}:
                return [(PLURAL, 0)]
            if wanted <= _CENTERED:
                return [(CENTER, 0)]
            if wanted <= _LOOSE:
                return [(CENTER, 1)]
            if wanted == {Arrangement.EMPIRE}:
                return [(WAR, 0)]
        case V.CriterionIs():
            if cond.criterion.value == "justice":
                return [(CENTER, 0)] if up else []
            return toward(WAR, 1)  # peace, freedom and pluralism rise with peace
        case V.WarIs():
            return [(WAR, 0 if cond.active else 1)]
        case V.CrisisIs():
            return [(WAR, 0)]
        case V.GroupStatIs():  # grievance rises, security and autonomy fall, with repression
            return toward(WAR, 0 if cond.stat == "grievance" else 1)
        case V.ActorStatIs():
            if cond.stat in _ORG_STATS:
                return toward(CENTER, 0)
            if cond.stat == "sovereignty":
                return toward(CENTER, 1)
            if cond.stat in ("military", "fear"):
                return toward(WAR, 0)
        case V.AnyOf():
            for c in cond.conditions:
                if found := leans(c):
                    return found
    return []
