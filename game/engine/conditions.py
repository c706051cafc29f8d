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
    w = ctx.world
    match cond:
        case V.ArrangementIs():
            return w.arrangement in cond.arrangements
        case V.CentralizationIs():
            return in_range(w.centralization, cond)
        case V.CriterionIs():
            return in_range(w.criteria.get(cond.criterion), cond)
        case V.TurnIs():
            return in_range(w.turn, cond)
        case V.ActorStatIs():
            actor = w.actors.get(ctx.ref(cond.actor) or "")
            if actor is None or not hasattr(actor, cond.stat):
                return False
            return in_range(float(getattr(actor, cond.stat)), cond)
        case V.GroupStatIs():
            group = w.groups.get(ctx.ref(cond.group) or "")
            return group is not None and in_range(getattr(group, cond.stat), cond)
        case V.CrisisIs():
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
                if cond.unanswered and c.responders:
                    continue
                ctx.bindings.setdefault("crisis", c.id)
                ctx.bindings.setdefault("crisis_state", c.state)
                if c.group:
                    ctx.bindings.setdefault("crisis_group", c.group)
                return True
            return False
        case V.WarIs():
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
        case V.ExistsIs():
            return ((ctx.ref(cond.actor) or "") in w.actors) == cond.exists
        case V.RegionOwnerIs():
            region = w.regions.get(ctx.ref(cond.region) or "")
            held = region is not None and region.owner == ctx.ref(cond.owner)
            return held == cond.held
        case V.StatusIs():
            s = w.state(ctx.ref(cond.actor) or "")
            if s is None:
                return False
            on = s.indicted if cond.status == "indicted" else s.sanctioned > 0
            return on == cond.active
        case V.GovernmentIs():
            s = w.state(ctx.ref(cond.actor) or "")
            return s is not None and s.government == cond.government
        case V.MemberIs():
            return is_member(w, ctx.ref(cond.state) or "", ctx.ref(cond.of) or "") == cond.member
        case V.FlagIs():
            return in_range(w.flags.get(cond.flag, 0.0), cond)
        case V.InequalityIs():
            return in_range(ctx.figure("inequality"), cond)
        case V.CivilSocietyIs():
            return in_range(ctx.figure("civil_society"), cond)
        case V.Chance():
            rng = Rng(w.rng)
            hit = rng.random() < cond.p
            w.rng = rng.state
            return hit
        case V.AnyOf():
            return any(holds(c, ctx) for c in cond.conditions)
        case V.NotIs():
            return not holds(cond.condition, Context(w, dict(ctx.bindings), ctx._cache))
    raise TypeError(f"unknown condition {cond!r}")  # pragma: no cover - the union is closed


def is_member(world: World, state: str, of: str) -> bool:
    org = world.actors.get(of)
    if org is None or state not in world.actors:
        return False
    if org.kind == "federation":
        return state in org.members
    if org.kind == "global_body":
        return org.members is None or state in org.members or state in org.permanent
    return False
