"""How far a condition that fails is from holding, for the search to climb: a figure play can
lean toward, a turn still to come, or an arrangement, read off the engine's classifier."""

from __future__ import annotations

from game.engine import formulas as F
from game.engine import vocabulary as V
from game.engine.conditions import Context
from game.engine.model import Arrangement
from game.engine.structure import civil_society
from game.engine.world import World

from .axes import leans
from .figures import RANGES, figure


def failing_cost(cond: V.Condition, ctx: Context, turn: int) -> float:
    """How far a condition that fails is from holding, for the search: a figure play can lean
    toward (or a turn still to come) counts as nearer than an event that must happen."""
    if isinstance(cond, V.TurnIs) or leans(cond):
        return 0.5 * _gap(cond, ctx, turn)
    return 1.5


def _gap(cond: V.Condition, ctx: Context, turn: int) -> float:
    """0–1: how far the value lies outside a range (for an arrangement, the world from it)."""
    if isinstance(cond, V.ArrangementIs):
        return min(_arrangement_gap(ctx.world, a) for a in cond.arrangements)
    value = figure(cond, ctx, turn) if cond.type in RANGES else None
    if value is None:
        return 1.0
    if cond.min is not None and value < cond.min:
        return min(1.0, (cond.min - value) / (abs(cond.min) + 10))
    if cond.max is not None and value > cond.max:
        return min(1.0, (value - cond.max) / (abs(cond.max) + 10))
    return 0.0


# The order in which the engine's classifier (structure.measure) tries the arrangements.
_PRECEDENCE = (
    Arrangement.GLOBAL_STATE,
    Arrangement.FEDERATION,
    Arrangement.EMPIRE,
    Arrangement.PLURALISM_3,
    Arrangement.PLURALISM_2,
    Arrangement.PLURALISM_1,
    Arrangement.ANARCHY,
)


def _short(value: float, goal: float) -> float:
    """How far short of ``goal`` a value falls, as a share of it (0 once it is reached)."""
    return max(0.0, min(1.0, (goal - value) / goal)) if goal > 0 else 0.0


def _arrangement_gap(world: World, arr: Arrangement) -> float:
    """A rough distance (0–1) from the world to an arrangement, read off the figures the
    engine's classifier reads, with its thresholds, so that a search can climb toward it."""
    if world.arrangement == arr:
        return 0.0
    # an arrangement the classifier finds first hides this one
    hidden = 0.5 if _PRECEDENCE.index(world.arrangement) < _PRECEDENCE.index(arr) else 0.0
    bodies = world.bodies()
    unions = [f for f in world.federations() if f.purpose == "union"]
    binding = max([b.mandate for b in bodies] + [f.depth for f in unions] + [0.0])
    civil = _short(civil_society(world), F.CIVIL_SOCIETY_DENSE)
    cent = world.centralization
    match arr:
        case Arrangement.ANARCHY:
            short = min(1.0, max(0.0, binding / F.BODY_BINDING_MANDATE - 1))
        case Arrangement.PLURALISM_1:
            short = _short(binding, F.BODY_BINDING_MANDATE)
        case Arrangement.PLURALISM_2:
            short = (_short(binding, F.BODY_BINDING_MANDATE) + civil) / 2
        case Arrangement.PLURALISM_3:
            strong = min(
                [
                    (
                        _short(b.mandate, F.BODY_STRONG_MANDATE)
                        + _short(b.enforcement, F.BODY_STRONG_ENFORCEMENT)
                        + _short(b.independence, F.BODY_INDEPENDENT)
                    )
                    / 3
                    for b in bodies
                ]
                + [1.0]
            )
            regional = min([_short(f.depth, F.FEDERATION_REGIONAL_DEPTH) for f in unions] + [1.0])
            short = (strong + regional + civil) / 3
        case Arrangement.EMPIRE:
            short = _short(cent, 100 * F.HEGEMON_SHARE)
        case Arrangement.FEDERATION:
            short = _short(cent, F.GLOBAL_FEDERATION_DEPTH)
        case _:
            short = _short(cent, F.GLOBAL_STATE_DEPTH)
    return min(1.0, hidden + short)
