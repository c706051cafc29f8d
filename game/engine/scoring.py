"""Scores: each actor's mission weighs the four criteria and adds the goals it met.

A goal counts at the end of the match: every goal whose conditions hold then is met and adds its
points. During the match a goal's status says where it stands (``goal_statuses``):

* **holding**: it holds now and has held at the end of every turn since the match began (met by
  default: nothing has been at stake yet); it counts only if it still holds at the end;
* **met**: it holds now, and at some point it did not: something achieved it;
* **open**: it does not hold now and never has;
* **failed**: it does not hold now but did at some point (during the match: lost for now).

At the end every goal is **met** (it holds) or **failed** (it does not). The score shown during
the match adds only the goals already met, not those merely holding; at the end it adds every
goal that holds, so a final score is the mission-weighted criteria plus the points of all the
goals that hold at the end (the debrief's figure).

A match that a scenario's ending closes before its last turn ("peace restored" at turn 9 of 12)
counts its criteria where the world's structure would carry them by the last turn
(``counted_criteria``): each criterion moves ``PULL`` of the way toward its structural level for
every turn left, as it would had the match gone on with nothing else happening. A calm world is
then not scored on criteria its structure had yet to raise, and a world left at the brink scores
where its structure takes it. A criterion the seats had pushed above its structural level falls
toward it, so an early finish can still score below a long match whose seats go on acting
(docs/balance.md measures it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from . import vocabulary as V
from .conditions import Compiled, Context, compiled, figure
from .model import CRITERIA, Fallen, Id, Model
from .names import Name, Translatable, as_name
from .say import Said, say
from .scenario import Goal, Mission, Text
from .structure import carried, targets_of
from .world import World

GoalState = Literal["met", "holding", "open", "failed"]


class GoalResult(Model):
    text: Translatable = Field(description="The goal in English, with the scenario's translations.")
    points: float
    met: bool = Field(description="Its points count in the score now.")
    secret: bool = False
    status: GoalState = "open"


class Score(Model):
    actor: Id
    role: Translatable
    criteria: float = Field(description="The mission-weighted mean of the four criteria, 0–100.")
    goals: list[GoalResult] = Field(default_factory=list)
    total: float
    turns_left: int = Field(
        0,
        ge=0,
        description="Turns the match had left when a scenario's ending closed it: its criteria "
        "then count where the world's structure would carry them by the last turn.",
    )
    fell: int | None = Field(
        None,
        ge=1,
        description="The turn the actor's state fell (it is scored as every seat is, on the "
        "world the match leaves).",
    )


@dataclass(frozen=True)
class GoalStatus:
    """One goal of a seat's mission and where it stands, for the match screen. ``label`` is the
    status in a word (message key goal_status.<status>); ``sentence`` the goal and its status in
    one sentence (goal.<...>); both are ``Said``, so a screen can say them in its language."""

    text: Text
    points: float
    secret: bool
    status: GoalState
    holds: bool  # its conditions hold now
    label: Said
    sentence: Said


def mission_of(world: World, actor_id: str) -> Mission:
    m = world.rules.mission(actor_id)
    if m is not None:
        return m
    actor = world.named(actor_id)
    return Mission(actor=actor_id, role=_labels(actor.name) if actor is not None else actor_id)


def stat_goals(mission: Mission, actor_id: str, stat: str) -> list[V.ActorStatIs]:
    """The tests of the mission's goals (public and secret) on one actor's figure, in order:
    what a seat wants of that figure (a ``min`` to reach, a ``max`` to stay under)."""
    return [
        c
        for g in (*mission.goals, *mission.secret)
        for c in g.when
        if type(c) is V.ActorStatIs and c.actor == actor_id and c.stat == stat
    ]


def _labels(name: str) -> str | dict[str, str]:
    return name.labels() if isinstance(name, Name) else str(name)


def _goals(m: Mission) -> list[tuple[bool, Goal]]:
    return [(False, g) for g in m.goals] + [(True, g) for g in m.secret]


def _holds(world: World, goal: Goal) -> bool:
    # A goal with a chance condition must not step the match's generator when merely read: it
    # is read on a copy.
    when = compiled(goal.when)
    return when.check(Context(world.clone() if when.draws else world))


def _holds_for(world: World, actor_id: str, goal: Goal) -> bool:
    """Whether the goal holds for its seat: a state that has fallen holds none of its goals (a
    Karsk that took Aurelia leaves "no empire" true of the map, not of a conquered Aurelia)."""
    return actor_id not in world.fallen and _holds(world, goal)


def goals_holding(world: World, mission: Mission) -> tuple[bool, ...]:
    """Whether each goal of the mission (goals, then secret goals) holds now."""
    return tuple(_holds(world, g) for _, g in _goals(mission))


def _status(world: World, actor_id: str, i: int, holds: bool) -> GoalState:
    if world.ended:
        return "met" if holds else "failed"
    start = world.goals_at_start.get(actor_id)
    if start is None or i >= len(start):
        # A save from before goals_at_start knows no start: a goal that holds is only "holding".
        return "holding" if holds else "open"
    changed = world.goals_changed.get(actor_id, ())
    moved = (changed[i] if i < len(changed) else False) or holds != start[i]
    if holds:
        return "met" if moved else "holding"
    return "failed" if moved else "open"


def track_goals(world: World) -> None:
    """Mark, on a world the engine is building, each goal whose truth has changed since the
    match began (``World.goals_changed``); called at the end of every turn. A goal once marked
    is not read again."""
    at_start, changed = world.goals_at_start, world.goals_changed
    # One context for the goals' guards, which read and write no binding; its figures serve
    # every goal (the world does not change while the goals are read).
    shared = Context(world)
    figures = shared._cache
    for m in world.rules.missions:
        start = at_start.get(m.actor)
        if start is None:
            continue
        before = changed.get(m.actor, ())
        plan = _plan(m)
        now: list[bool] = []
        for i in range(min(len(plan), len(start))):
            if i < len(before) and before[i]:
                now.append(True)
                continue
            when = plan[i]
            if when.draws:  # read on a copy: reading must not step the match's generator
                holds = when.check(Context(world.clone()))
            elif when.guard is not None and not when.guard(shared):
                holds = False
            else:
                holds = when.rest is None or when.rest(Context(world, None, figures))
            now.append(holds != start[i])
        if any(now):
            changed[m.actor] = tuple(now)


def record_falls(before: World, world: World) -> None:
    """On a world the engine is building, at the end of its turn: mark each state of ``before``
    (the turn's start) that is no longer on the map as fallen on this turn (``World.fallen``).
    A state back on the map (a secession may raise it again) is fallen no more."""
    fallen, actors = world.fallen, world.actors
    if fallen:
        for back in [k for k in fallen if k in actors]:
            del fallen[back]
    for actor_id, actor in before.actors.items():
        if actor_id not in actors:
            fallen[actor_id] = Fallen(turn=world.turn, name=actor.name)


_PLANS: dict[int, tuple[Mission, tuple[Compiled, ...]]] = {}


def _plan(m: Mission) -> tuple[Compiled, ...]:
    """The mission's goals (goals, then secret goals) compiled, once per mission: keyed by the
    mission's identity, which the cache keeps alive. Missions never change during a match."""
    hit = _PLANS.get(id(m))
    if hit is not None and hit[0] is m:
        return hit[1]
    plan = tuple(compiled(g.when) for _, g in _goals(m))
    if len(_PLANS) >= 4096:
        _PLANS.clear()
    _PLANS[id(m)] = (m, plan)
    return plan


_SENTENCE = {
    "holding": "goal.holding",
    "met": "goal.met",
    "open": "goal.open",
    "failed": "goal.lost",
}


def goal_statuses(world: World, actor_id: str) -> list[GoalStatus]:
    """Each goal of the actor's mission (its secret goals last) with its status and a sentence
    with a message key (English here, Spanish in assets/i18n/es/engine.json). Pure; give it the
    seat's view, where the secret goals of other seats are already gone."""
    out: list[GoalStatus] = []
    for i, (secret, g) in enumerate(_goals(mission_of(world, actor_id))):
        holds = _holds_for(world, actor_id, g)
        status = _status(world, actor_id, i, holds)
        key = ("goal.met_end" if holds else "goal.failed_end") if world.ended else _SENTENCE[status]
        lost = status == "failed" and not world.ended  # it may still come back
        label: Said = say("goal_status.lost" if lost else f"goal_status.{status}")
        out.append(
            GoalStatus(
                text=g.text,
                points=g.points,
                secret=secret,
                status=status,
                holds=holds,
                label=label,
                sentence=say(key, goal=g.text),
            )
        )
    return out


@dataclass(frozen=True)
class GoalFigure:
    """A figure one of a goal's conditions tests, and where it stands: ``subject`` is the
    actor's or group's id (None for a criterion), ``stat`` the figure (a criterion's name for
    a criterion), ``low`` and ``high`` the line it must stay within."""

    kind: Literal["actor", "group", "criterion"]
    subject: str | None
    stat: str
    value: float
    low: float | None
    high: float | None


def goal_figures(world: World, actor_id: str) -> list[list[GoalFigure]]:
    """For each goal of the actor's mission (goals, then secret goals, as ``goal_statuses``),
    the figures its conditions test (an actor's or a group's stat, a criterion) with where each
    stands now: how far a goal on a figure is from its line. A figure of what no longer exists
    is left out. Pure; give it the seat's view."""
    ctx = Context(world)
    out: list[list[GoalFigure]] = []
    for _, g in _goals(mission_of(world, actor_id)):
        found: list[GoalFigure] = []
        for c in g.when:
            t = type(c)
            if t is V.ActorStatIs:
                kind, subject, stat = "actor", ctx.ref(c.actor), c.stat
            elif t is V.GroupStatIs:
                kind, subject, stat = "group", ctx.ref(c.group), c.stat
            elif t is V.CriterionIs:
                kind, subject, stat = "criterion", None, c.criterion.value
            else:
                continue
            value = figure(c, ctx)
            if value is not None:
                found.append(GoalFigure(kind, subject, stat, value, c.min, c.max))  # type: ignore[arg-type]
        out.append(found)
    return out


def turns_left(world: World) -> int:
    """The turns a scenario's ending cut from the match (0 while it runs, and for a match that
    reached its last turn or lost its last state)."""
    if not world.ended or world.end_key is not None or not world.states():
        return 0
    return max(0, world.last_turn - world.turn)


def counted_criteria(world: World) -> dict[str, float]:
    """The criteria a score counts: as they stand, or for a match a scenario's ending closed
    early, each where the world's structure would carry it by the last turn (worked out once
    for every seat's score: kept in the world's memo)."""
    memo = world.memo()
    counted = memo.get("scoring:counted")
    if counted is None:
        now = {c.value: world.criteria.get(c.value) for c in CRITERIA}
        left = turns_left(world)
        if left:
            targets = targets_of(world)
            now = {c: carried(x, targets[c], left) for c, x in now.items()}
        counted = memo["scoring:counted"] = now
    return dict(counted)


def score(world: World, actor_id: str) -> Score:
    """The actor's score now (at the end of the match, its final score). A state that has fallen
    (``World.fallen``) is scored on its mission's values of the world as the match leaves it,
    and none of its goals: a state that is gone has met none. Its score says when it fell."""
    m = mission_of(world, actor_id)
    weights = {c.value: m.weights.get(c, 0.0) for c in CRITERIA}
    wsum = sum(weights.values()) or 1.0
    counted = counted_criteria(world)
    base = sum(counted[c] * w for c, w in weights.items()) / wsum
    goals: list[GoalResult] = []
    for i, (secret, g) in enumerate(_goals(m)):
        status = _status(world, actor_id, i, _holds_for(world, actor_id, g))
        goals.append(
            GoalResult(
                text=as_name(g.text),
                points=g.points,
                met=status == "met",
                secret=secret,
                status=status,
            )
        )
    total = base + sum(g.points for g in goals if g.met)
    gone = world.fallen.get(actor_id)  # never also on the map (the world's validator)
    return Score(
        actor=actor_id,
        role=as_name(m.role),
        criteria=round(base, 2),
        goals=goals,
        total=round(total, 2),
        turns_left=turns_left(world),
        fell=gone.turn if gone is not None else None,
    )


def scores(world: World) -> dict[str, Score]:
    """Every actor's score now (at the end of a match: the final score), the states that fell
    included, after the actors on the map."""
    return {a: score(world, a) for a in [*world.actors, *world.fallen]}
