"""Whether a world the look-ahead reached stands near one of the scenario's early ends.

A match that may end at the end of the coming turn (a plague all but contained, peace a few
points from its line) is scored as it then stands: a goal's figure that would only be won back
(or spent) over turns the match may not have is worth what it is now. ``ending_near`` reads
each end condition the way its turn allows it: every condition holds or stands within one
turn's move of holding (a figure within ``NEAR_FIGURE`` of its line, the crises a condition
wants gone at ``NEAR_SEVERITY`` or under).
"""

from __future__ import annotations

from game.engine import vocabulary as V
from game.engine.conditions import Context, crises_named, holds
from game.engine.conditions import figure as figure_of
from game.engine.world import World

NEAR_FIGURE = 5.0  # a figure this close to an end condition's line may cross it in a turn
NEAR_SEVERITY = 10.0  # a crisis this weak may be put out in a turn
# the figures on a 0-100 scale that drift from turn to turn (a flag or the turn is read exactly)
_DRIFTING = (
    V.CriterionIs,
    V.ActorStatIs,
    V.GroupStatIs,
    V.CentralizationIs,
    V.InequalityIs,
    V.CivilSocietyIs,
)


def ending_near(w: World) -> bool:
    """Whether one of the scenario's early ends may come when the turn ``w`` is in resolves."""
    if w.ended:
        return False
    ctx = Context(w)
    return any(
        w.turn >= ec.min_turn and all(_near(c, ctx) for c in ec.when)
        for ec in w.rules.end_conditions
    )


def _near(c: V.Condition, ctx: Context) -> bool:
    if isinstance(c, V.NotIs) and isinstance(c.condition, V.CrisisIs):
        return all(x.severity <= NEAR_SEVERITY for x in crises_named(c.condition, ctx))
    x = figure_of(c, ctx) if isinstance(c, _DRIFTING) else None
    if x is not None:
        return (c.min is None or x >= c.min - NEAR_FIGURE) and (
            c.max is None or x <= c.max + NEAR_FIGURE
        )
    return holds(c, ctx)
