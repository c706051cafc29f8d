"""Scores: each actor's mission weighs the four criteria and adds the goals it met."""

from __future__ import annotations

from pydantic import Field

from .conditions import Context, holds_all
from .model import CRITERIA, Id, Model
from .scenario import Mission, text
from .world import World


class GoalResult(Model):
    text: str
    points: float
    met: bool
    secret: bool = False


class Score(Model):
    actor: Id
    role: str
    criteria: float = Field(description="The mission-weighted mean of the four criteria, 0–100.")
    goals: list[GoalResult] = Field(default_factory=list)
    total: float


def mission_of(world: World, actor_id: str) -> Mission:
    m = world.rules.mission(actor_id)
    if m is not None:
        return m
    return Mission(
        actor=actor_id, role=world.actors[actor_id].name if actor_id in world.actors else actor_id
    )


def score(world: World, actor_id: str) -> Score:
    m = mission_of(world, actor_id)
    weights = {c.value: m.weights.get(c, 0.0) for c in CRITERIA}
    wsum = sum(weights.values()) or 1.0
    base = sum(world.criteria.get(c) * w for c, w in weights.items()) / wsum
    goals: list[GoalResult] = []
    for secret, goal_list in ((False, m.goals), (True, m.secret)):
        for g in goal_list:
            met = holds_all(g.when, Context(world.clone() if _has_chance(g.when) else world))
            goals.append(GoalResult(text=text(g.text), points=g.points, met=met, secret=secret))
    total = base + sum(g.points for g in goals if g.met)
    return Score(
        actor=actor_id,
        role=text(m.role),
        criteria=round(base, 2),
        goals=goals,
        total=round(total, 2),
    )


def scores(world: World) -> dict[str, Score]:
    """Every actor's score now (at the end of a match: the final score)."""
    return {a: score(world, a) for a in world.actors}


def _has_chance(conds: list) -> bool:
    # A goal with a chance condition must not step the match's generator when merely read.
    return any(getattr(c, "type", "") in ("chance", "any", "not") for c in conds)
