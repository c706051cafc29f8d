"""Reading the vocabulary's conditions against a world."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from . import vocabulary as V
from .rng import Rng
from .structure import civil_society, inequality, power
from .world import World


@dataclass
class Context:
    """What a card's conditions and effects are read against: the world and the bindings."""

    world: World
    bindings: dict[str, str] = field(default_factory=dict)
    _cache: dict[str, float] = field(default_factory=dict)

    def ref(self, ref: str | None) -> str | None:
        """An id, or the id a ``$binding`` stands for (None when it is unbound)."""
        if ref is None:
            return None
        if not ref.startswith("$"):
            return ref
        name = ref[1:]
        if name == "hegemon" and "hegemon" not in self.bindings:
            states = self.world.states()
            if states:
                self.bindings["hegemon"] = max(sorted(states, key=lambda s: s.id), key=power).id
        return self.bindings.get(name)

    def figure(self, name: str) -> float:
        if name not in self._cache:
            fn = {"civil_society": civil_society, "inequality": inequality}[name]
            self._cache[name] = fn(self.world)
        return self._cache[name]


def in_range(value: float, cond: V.Range) -> bool:
    return (cond.min is None or value >= cond.min) and (cond.max is None or value <= cond.max)


def holds_all(conds: Iterable[V.Condition], ctx: Context) -> bool:
    return all(holds(c, ctx) for c in conds)


def holds(cond: V.Condition, ctx: Context) -> bool:
    """Whether the condition holds; a crisis or war condition binds what it found."""
    return _HOLDS[type(cond)](cond, ctx)  # type: ignore[arg-type]


def figure(cond: V.Condition, ctx: Context, turn: int | None = None) -> float | None:
    """The figure a range condition tests against its ``min`` and ``max`` (None when it is not
    a range condition, or names an actor or group that does not exist). ``turn``: the turn to
    read instead of the world's (an end condition is read before the turn moves on)."""
    read = _FIGURES.get(type(cond))
    return None if read is None else read(cond, ctx, ctx.world.turn if turn is None else turn)


def _in_range(cond: V.Condition, ctx: Context) -> bool:
    value = _FIGURES[type(cond)](cond, ctx, ctx.world.turn)
    return value is not None and in_range(value, cond)  # type: ignore[arg-type]


def _actor_stat(cond: V.ActorStatIs, ctx: Context) -> float | None:
    actor = ctx.world.actors.get(ctx.ref(cond.actor) or "")
    if actor is None or not hasattr(actor, cond.stat):
        return None
    return float(getattr(actor, cond.stat))


def _group_stat(cond: V.GroupStatIs, ctx: Context) -> float | None:
    group = ctx.world.groups.get(ctx.ref(cond.group) or "")
    return None if group is None else getattr(group, cond.stat)


_FIGURES = {
    V.CriterionIs: lambda c, ctx, turn: ctx.world.criteria.get(c.criterion),
    V.CentralizationIs: lambda c, ctx, turn: ctx.world.centralization,
    V.TurnIs: lambda c, ctx, turn: turn,
    V.ActorStatIs: lambda c, ctx, turn: _actor_stat(c, ctx),
    V.GroupStatIs: lambda c, ctx, turn: _group_stat(c, ctx),
    V.FlagIs: lambda c, ctx, turn: ctx.world.flags.get(c.flag, 0.0),
    V.InequalityIs: lambda c, ctx, turn: ctx.figure("inequality"),
    V.CivilSocietyIs: lambda c, ctx, turn: ctx.figure("civil_society"),
}


def _arrangement_is(cond: V.ArrangementIs, ctx: Context) -> bool:
    w = ctx.world
    return w.arrangement in cond.arrangements


def _crisis_is(cond: V.CrisisIs, ctx: Context) -> bool:
    w = ctx.world
    state = ctx.ref(cond.state)
    group = ctx.ref(cond.group)
    for c in w.crises.values():
        if cond.kind is not None and c.kind not in cond.kind:
            continue
        if cond.state is not None and c.state != state:
            continue
        if cond.group is not None and c.group != group:
            continue
        if c.severity < cond.min_severity or c.age < cond.min_age:
            continue
        if cond.unanswered and any(
            r in w.actors and w.actors[r].kind != "ngo" for r in c.responders
        ):
            continue
        ctx.bindings.setdefault("crisis", c.id)
        ctx.bindings.setdefault("crisis_state", c.state)
        if c.group:
            ctx.bindings.setdefault("crisis_group", c.group)
        return True
    return False


def _war_is(cond: V.WarIs, ctx: Context) -> bool:
    w = ctx.world
    who = ctx.ref(cond.involving)
    wars = [
        war
        for war in w.wars.values()
        if (who is None or who in (war.attacker, war.defender)) and war.age >= cond.min_age
    ]
    if wars and cond.active:
        ctx.bindings.setdefault("attacker", wars[0].attacker)
        ctx.bindings.setdefault("defender", wars[0].defender)
    return bool(wars) == cond.active


def _exists_is(cond: V.ExistsIs, ctx: Context) -> bool:
    w = ctx.world
    return ((ctx.ref(cond.actor) or "") in w.actors) == cond.exists


def _region_owner_is(cond: V.RegionOwnerIs, ctx: Context) -> bool:
    w = ctx.world
    region = w.regions.get(ctx.ref(cond.region) or "")
    held = region is not None and region.owner == ctx.ref(cond.owner)
    return held == cond.held


def _status_is(cond: V.StatusIs, ctx: Context) -> bool:
    w = ctx.world
    s = w.state(ctx.ref(cond.actor) or "")
    if s is None:
        return False
    on = s.indicted if cond.status == "indicted" else s.sanctioned > 0
    return on == cond.active


def _government_is(cond: V.GovernmentIs, ctx: Context) -> bool:
    w = ctx.world
    s = w.state(ctx.ref(cond.actor) or "")
    return s is not None and s.government == cond.government


def _member_is(cond: V.MemberIs, ctx: Context) -> bool:
    w = ctx.world
    return is_member(w, ctx.ref(cond.state) or "", ctx.ref(cond.of) or "") == cond.member


def _chance(cond: V.Chance, ctx: Context) -> bool:
    w = ctx.world
    rng = Rng(w.rng)
    hit = rng.random() < cond.p
    w.rng = rng.state
    return hit


def _any_of(cond: V.AnyOf, ctx: Context) -> bool:
    return any(holds(c, ctx) for c in cond.conditions)


def _not_is(cond: V.NotIs, ctx: Context) -> bool:
    w = ctx.world
    return not holds(cond.condition, Context(w, dict(ctx.bindings), ctx._cache))


_HOLDS = {
    V.ArrangementIs: _arrangement_is,
    V.CentralizationIs: _in_range,
    V.CriterionIs: _in_range,
    V.TurnIs: _in_range,
    V.ActorStatIs: _in_range,
    V.GroupStatIs: _in_range,
    V.CrisisIs: _crisis_is,
    V.WarIs: _war_is,
    V.ExistsIs: _exists_is,
    V.RegionOwnerIs: _region_owner_is,
    V.StatusIs: _status_is,
    V.GovernmentIs: _government_is,
    V.MemberIs: _member_is,
    V.FlagIs: _in_range,
    V.InequalityIs: _in_range,
    V.CivilSocietyIs: _in_range,
    V.Chance: _chance,
    V.AnyOf: _any_of,
    V.NotIs: _not_is,
}


def is_member(world: World, state: str, of: str) -> bool:
    org = world.actors.get(of)
    if org is None or state not in world.actors:
        return False
    if org.kind == "federation":
        return state in org.members
    if org.kind == "global_body":
        return org.members is None or state in org.members or state in org.permanent
    return False
