"""Reading the vocabulary's conditions against a world.

Two readers give the same answers: ``holds`` interprets one condition (the content tools use
it, one condition at a time), and ``holds_all`` runs a list of conditions compiled once into
closures (``compiled``). The engine reads every card's trigger, goal and end condition each
turn, thousands of times a match; the rules never change during a match, so each list is
compiled once and its closures are kept, keyed by the list itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from . import vocabulary as V
from .model import NGO, Crisis, State
from .rng import Rng
from .scenario import Card
from .structure import civil_society, inequality, power
from .world import World


class Context:
    """What a card's conditions and effects are read against: the world and the bindings."""

    __slots__ = ("_cache", "bindings", "world")

    def __init__(
        self,
        world: World,
        bindings: dict[str, str] | None = None,
        _cache: dict[str, float] | None = None,
    ) -> None:
        self.world = world
        self.bindings: dict[str, str] = {} if bindings is None else bindings
        self._cache: dict[str, float] = {} if _cache is None else _cache

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
    """Whether every condition holds, read in order (a crisis or war condition binds what it
    found, a chance condition draws). When the answer is False the bindings are left as they
    fell (no caller reads them then)."""
    if type(conds) is list:
        return compiled(conds).check(ctx)
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
    actors = ctx.world.actors
    actor = actors.get(ctx.ref(cond.actor) or "")
    if cond.stat == "reach":
        return reach_of(actor, actors)
    if actor is None or not hasattr(actor, cond.stat):
        return None
    return float(getattr(actor, cond.stat))


def reach_of(actor: object, actors: Mapping[str, object]) -> float | None:
    """An NGO's reach as a figure: the states it works in that still exist (None for any other
    actor)."""
    if not isinstance(actor, NGO):
        return None
    return float(sum(1 for s in actor.reach if s in actors))


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


def crises_named(cond: V.CrisisIs, ctx: Context) -> list[Crisis]:
    """The crises a crisis condition's kind, state and group name (its severity, age and
    answer aside): what a goal or an end that wants them over still waits on."""
    state, group = ctx.ref(cond.state), ctx.ref(cond.group)
    return [
        c
        for c in ctx.world.crises.values()
        if (cond.kind is None or c.kind in cond.kind)
        and (cond.state is None or c.state == state)
        and (cond.group is None or c.group == group)
    ]


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
    return _status_on(s, cond.status) == cond.active


def _status_on(s: State, status: str) -> bool:
    if status == "indicted":
        return s.indicted
    if status == "arrested":
        return s.arrested
    return s.sanctioned > 0


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


# ---- compiled conditions ------------------------------------------------------------------
# Each condition becomes a closure ``check(ctx) -> bool`` that does exactly what ``holds`` does,
# in the same order and with the same bindings and draws, with what can be decided once (which
# figure, which ids, which bounds) decided at compile time.

Check = Callable[[Context], bool]
Read = Callable[[Context], "float | None"]


class Compiled(NamedTuple):
    """A list of conditions made ready to read: ``check(ctx)`` is ``holds_all(conds, ctx)``.

    It is also given in two parts, ``check(ctx) == guard(ctx) and rest(ctx)``: ``guard`` holds
    the cheap conditions read first, which read and write no binding (so one context may serve
    the guards of many lists, and a list that fails there needs no context of its own);
    ``rest`` the others, in order. Either is None when it is empty. ``draws`` says whether
    reading the list may draw from the match's generator (a chance condition, at any depth)."""

    check: Check
    draws: bool
    guard: Check | None
    rest: Check | None


_COMPILED: dict[int, tuple[Sequence[V.Condition], Compiled]] = {}
_COMPILED_MAX = 8192  # lists kept; past it the cache starts over (a long session of many scenarios)


def compiled(conds: Sequence[V.Condition]) -> Compiled:
    """The list compiled, once: keyed by the list's identity, which the cache keeps alive (so the
    key cannot be reused). Rules never change during a match, so neither do their lists."""
    hit = _COMPILED.get(id(conds))
    if hit is not None and hit[0] is conds:
        return hit[1]
    out = _compile_list(conds)
    if len(_COMPILED) >= _COMPILED_MAX:
        _COMPILED.clear()
    _COMPILED[id(conds)] = (conds, out)
    return out


def _compile_list(conds: Sequence[V.Condition]) -> Compiled:
    # A cheap condition that reads no binding and draws nothing may be read first when no chance
    # condition comes before it: if it fails the list fails, with the same draws (none) as in
    # order; if it holds, reading it again later would change nothing. Cards' turn windows and
    # flags then rule a card out before its crisis conditions search the crises.
    first_draw = next((i for i, c in enumerate(conds) if _draws(c)), len(conds))
    early = [c for c in conds[:first_draw] if _cheap(c)]
    later = [c for c in conds if not any(c is e for e in early)]
    guard, rest = _all_of(early), _all_of(later)
    check = _all_of(early + later) or (lambda ctx: True)
    return Compiled(check, any(_draws(c) for c in conds), guard, rest)


def _all_of(conds: list[V.Condition]) -> Check | None:
    checks = tuple(_compile(c) for c in conds)
    if not checks:
        return None
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        a, b = checks
        return lambda ctx: a(ctx) and b(ctx)

    def check(ctx: Context) -> bool:
        for c in checks:  # noqa: SIM110 - a plain loop: all() over a generator costs more
            if not c(ctx):
                return False
        return True

    return check


def _bound(ref: str | None) -> bool:
    """Whether a reference is a ``$binding`` (read through the context) rather than an id."""
    return ref is not None and ref.startswith("$")


def _draws(cond: V.Condition) -> bool:
    if isinstance(cond, V.Chance):
        return True
    if isinstance(cond, V.AnyOf):
        return any(_draws(c) for c in cond.conditions)
    if isinstance(cond, V.NotIs):
        return _draws(cond.condition)
    return False


_PLAIN = (V.TurnIs, V.FlagIs, V.CriterionIs, V.CentralizationIs, V.ArrangementIs)
_BY_IDS = (
    V.ActorStatIs,
    V.GroupStatIs,
    V.ExistsIs,
    V.RegionOwnerIs,
    V.StatusIs,
    V.GovernmentIs,
    V.MemberIs,
)
_REFS = ("actor", "group", "region", "owner", "state", "of")


def _cheap(cond: V.Condition) -> bool:
    """Reads a few fields of the world, no binding (so it binds nothing: not even $hegemon), and
    draws nothing."""
    if isinstance(cond, _PLAIN):
        return True
    if isinstance(cond, _BY_IDS):
        return not any(_bound(getattr(cond, r, None)) for r in _REFS)
    return False


def _compile(cond: V.Condition) -> Check:
    make = _COMPILERS.get(type(cond))
    if make is None:  # pragma: no cover - the union is closed
        return lambda ctx: holds(cond, ctx)
    return make(cond)


def _ranged(read: Read, cond: V.Range) -> Check:
    """``read``'s figure tested against the condition's bounds (false when there is none)."""
    lo, hi = cond.min, cond.max
    if lo is not None and hi is not None:

        def both(ctx: Context) -> bool:
            v = read(ctx)
            return v is not None and v >= lo and v <= hi

        return both
    if lo is not None:

        def at_least(ctx: Context) -> bool:
            v = read(ctx)
            return v is not None and v >= lo

        return at_least
    if hi is not None:

        def at_most(ctx: Context) -> bool:
            v = read(ctx)
            return v is not None and v <= hi

        return at_most
    return lambda ctx: read(ctx) is not None


def _c_criterion(cond: V.CriterionIs) -> Check:
    name = str(cond.criterion)
    return _ranged(lambda ctx: float(getattr(ctx.world.criteria, name)), cond)


def _c_centralization(cond: V.CentralizationIs) -> Check:
    return _ranged(lambda ctx: ctx.world.centralization, cond)


def _c_turn(cond: V.TurnIs) -> Check:
    return _ranged(lambda ctx: ctx.world.turn, cond)


def _c_flag(cond: V.FlagIs) -> Check:
    flag = cond.flag
    return _ranged(lambda ctx: ctx.world.flags.get(flag, 0.0), cond)


def _c_inequality(cond: V.InequalityIs) -> Check:
    return _ranged(lambda ctx: ctx.figure("inequality"), cond)


def _c_civil_society(cond: V.CivilSocietyIs) -> Check:
    return _ranged(lambda ctx: ctx.figure("civil_society"), cond)


def _c_actor_stat(cond: V.ActorStatIs) -> Check:
    ref, stat = cond.actor, cond.stat
    bound = _bound(ref)

    def read(ctx: Context) -> float | None:
        actor = ctx.world.actors.get((ctx.ref(ref) or "") if bound else ref)
        if actor is None or not hasattr(actor, stat):
            return None
        return float(getattr(actor, stat))

    def read_reach(ctx: Context) -> float | None:
        actors = ctx.world.actors
        return reach_of(actors.get((ctx.ref(ref) or "") if bound else ref), actors)

    return _ranged(read_reach if stat == "reach" else read, cond)


def _c_group_stat(cond: V.GroupStatIs) -> Check:
    ref, stat = cond.group, cond.stat
    bound = _bound(ref)

    def read(ctx: Context) -> float | None:
        group = ctx.world.groups.get((ctx.ref(ref) or "") if bound else ref)
        return None if group is None else getattr(group, stat)

    return _ranged(read, cond)


def _c_arrangement(cond: V.ArrangementIs) -> Check:
    arrangements = cond.arrangements
    return lambda ctx: ctx.world.arrangement in arrangements


def _c_crisis(cond: V.CrisisIs) -> Check:
    kinds = cond.kind
    state_ref, group_ref = cond.state, cond.group
    min_severity, min_age, unanswered = cond.min_severity, cond.min_age, cond.unanswered

    def check(ctx: Context) -> bool:
        w = ctx.world
        state = ctx.ref(state_ref)
        group = ctx.ref(group_ref)
        for c in w.crises.values():
            if kinds is not None and c.kind not in kinds:
                continue
            if state_ref is not None and c.state != state:
                continue
            if group_ref is not None and c.group != group:
                continue
            if c.severity < min_severity or c.age < min_age:
                continue
            if unanswered and any(
                r in w.actors and w.actors[r].kind != "ngo" for r in c.responders
            ):
                continue
            b = ctx.bindings
            b.setdefault("crisis", c.id)
            b.setdefault("crisis_state", c.state)
            if c.group:
                b.setdefault("crisis_group", c.group)
            return True
        return False

    return check


def _c_war(cond: V.WarIs) -> Check:
    involving, min_age, active = cond.involving, cond.min_age, cond.active

    def check(ctx: Context) -> bool:
        who = ctx.ref(involving)
        for war in ctx.world.wars.values():
            if (who is None or who in (war.attacker, war.defender)) and war.age >= min_age:
                if active:  # the first war found binds its sides
                    ctx.bindings.setdefault("attacker", war.attacker)
                    ctx.bindings.setdefault("defender", war.defender)
                return active
        return not active

    return check


def _c_exists(cond: V.ExistsIs) -> Check:
    ref, exists = cond.actor, cond.exists
    if not _bound(ref):
        return lambda ctx: (ref in ctx.world.actors) == exists
    return lambda ctx: ((ctx.ref(ref) or "") in ctx.world.actors) == exists


def _c_region_owner(cond: V.RegionOwnerIs) -> Check:
    region_ref, owner_ref, held = cond.region, cond.owner, cond.held

    def check(ctx: Context) -> bool:
        region = ctx.world.regions.get(ctx.ref(region_ref) or "")
        return (region is not None and region.owner == ctx.ref(owner_ref)) == held

    return check


def _c_status(cond: V.StatusIs) -> Check:
    ref, status, active = cond.actor, cond.status, cond.active

    def check(ctx: Context) -> bool:
        s = ctx.world.state(ctx.ref(ref) or "")
        if s is None:
            return False
        return _status_on(s, status) == active

    return check


def _c_government(cond: V.GovernmentIs) -> Check:
    ref, government = cond.actor, cond.government

    def check(ctx: Context) -> bool:
        s = ctx.world.state(ctx.ref(ref) or "")
        return s is not None and s.government == government

    return check


def _c_member(cond: V.MemberIs) -> Check:
    state_ref, of_ref, member = cond.state, cond.of, cond.member
    return lambda ctx: (
        is_member(ctx.world, ctx.ref(state_ref) or "", ctx.ref(of_ref) or "") == member
    )


def _c_chance(cond: V.Chance) -> Check:
    return lambda ctx: _chance(cond, ctx)


def _c_any(cond: V.AnyOf) -> Check:
    checks = tuple(_compile(c) for c in cond.conditions)

    def check(ctx: Context) -> bool:
        for c in checks:  # noqa: SIM110 - a plain loop: any() over a generator costs more
            if c(ctx):
                return True
        return False

    return check


def _c_not(cond: V.NotIs) -> Check:
    inner = _compile(cond.condition)
    if _cheap(cond.condition):  # it binds nothing: no need to shield the bindings from it
        return lambda ctx: not inner(ctx)
    return lambda ctx: not inner(Context(ctx.world, dict(ctx.bindings), ctx._cache))


_COMPILERS: dict[type, Callable[..., Check]] = {
    V.ArrangementIs: _c_arrangement,
    V.CentralizationIs: _c_centralization,
    V.CriterionIs: _c_criterion,
    V.TurnIs: _c_turn,
    V.ActorStatIs: _c_actor_stat,
    V.GroupStatIs: _c_group_stat,
    V.CrisisIs: _c_crisis,
    V.WarIs: _c_war,
    V.ExistsIs: _c_exists,
    V.RegionOwnerIs: _c_region_owner,
    V.StatusIs: _c_status,
    V.GovernmentIs: _c_government,
    V.MemberIs: _c_member,
    V.FlagIs: _c_flag,
    V.InequalityIs: _c_inequality,
    V.CivilSocietyIs: _c_civil_society,
    V.Chance: _c_chance,
    V.AnyOf: _c_any,
    V.NotIs: _c_not,
}


# ---- dealing: which cards may be dealt this turn ------------------------------------------


class _Dealt(NamedTuple):
    """A card made ready to deal: its trigger compiled, and the turns it can hold at all."""

    card: Card
    guard: Check | None  # its trigger's compiled parts (Compiled.guard and .rest)
    rest: Check | None
    first: float  # the turn window its top-level turn conditions allow (read before any draw)
    last: float
    # the card's own fields the deal reads every turn, as plain values (a model's fields are
    # read through pydantic's slower attribute path)
    id: str
    once: bool
    cooldown: int
    target: str


_DECKS: dict[int, tuple[list[Card], tuple[_Dealt, ...]]] = {}


def dealable(world: World) -> list[tuple[Card, dict[str, str]]]:
    """The cards ``resolve.open_turn`` may deal now, in the rules' order, each with its bindings
    (``target`` bound): every card not of the teacher's deck, not resting (dealt once, or within
    its cooldown) whose trigger holds and whose target names an actor. A card whose turn window
    excludes this turn is not read at all: its trigger would fail on that turn condition before
    drawing anything."""
    turn, fired, actors = world.turn, world.fired, world.actors
    # One context for the guards, which read and write no binding; its figures (inequality,
    # civil society) serve every card too: the world does not change while cards are dealt.
    shared = Context(world)
    figures = shared._cache
    out: list[tuple[Card, dict[str, str]]] = []
    for card, guard, rest, first, last, card_id, once, cooldown, aim in _deck(world.rules.cards):
        if turn < first or turn > last:
            continue
        fired_on = fired.get(card_id)
        if fired_on is not None and (once or turn - fired_on <= cooldown):
            continue
        if guard is not None and not guard(shared):
            continue
        ctx = Context(world, None, figures)
        if rest is not None and not rest(ctx):
            continue
        target = ctx.ref(aim)
        if target is None or target not in actors:
            continue
        ctx.bindings["target"] = target
        out.append((card, ctx.bindings))
    return out


def _deck(cards: list[Card]) -> tuple[_Dealt, ...]:
    hit = _DECKS.get(id(cards))
    if hit is not None and hit[0] is cards:
        return hit[1]
    deck = tuple(
        _Dealt(
            c,
            compiled(c.trigger).guard,
            compiled(c.trigger).rest,
            *_turn_window(c.trigger),
            c.id,
            c.once,
            c.cooldown,
            c.target,
        )
        for c in cards
        if not c.teacher  # the teacher's deck is played by the teacher console, never drawn
    )
    if len(_DECKS) >= 64:  # one deck per match's rules: keep the last few
        _DECKS.clear()
    _DECKS[id(cards)] = (cards, deck)
    return deck


def _turn_window(conds: Sequence[V.Condition]) -> tuple[float, float]:
    """The turns the list's top-level turn conditions allow, counting only those read before any
    chance condition (as ``_compile_list`` reads them first)."""
    first, last = -math.inf, math.inf
    for c in conds:
        if _draws(c):
            break
        if isinstance(c, V.TurnIs):
            if c.min is not None:
                first = max(first, c.min)
            if c.max is not None:
                last = min(last, c.max)
    return first, last
