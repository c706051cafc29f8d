"""Small changes to the world that actions, mechanics and card effects share."""

from __future__ import annotations

from functools import lru_cache

from . import formulas as F
from .model import Crisis, Group, Proposal, Region, State, Treaty, War
from .names import translated
from .report import Ledger
from .say import Said, from_data, say
from .world import World

STAT_MAX = {
    "wealth": 1_000_000.0,
    "military": 1_000_000.0,
    "budget": 1_000_000.0,
    "force": 1_000_000.0,
    "volunteers": 1_000_000.0,
    "capital": 1_000_000.0,
}


def add(obj: object, stat: str, amount: float) -> float:
    """Add to a numeric field, clamped to its range; returns the change actually made."""
    d = obj.__dict__  # models here do not validate assignment: write the field directly
    before = float(d[stat])
    # clamped to 0..STAT_MAX (100 unless listed): min(high, x) then max(0, x), written out
    # because this is the engine's most called helper
    after = before + amount
    high = STAT_MAX.get(stat, 100.0)
    if not after < high:
        after = high
    if not after > 0.0:
        after = 0.0
    d[stat] = after
    return after - before


# What a seceded group's new state is called, by language (the group's name in that language).
FREE_STATE = {"en": "Free {group}", "es": "el Estado libre de los {group}"}

# The colours a seceded state may take on the map, each readable on its dark ground. The new
# state takes the one farthest from the colours of the states beside it, then of every other
# (``distinct_colour``), so it does not read as its neighbour or as a state that seceded
# before. One fixed colour for all made the sandbox's Free Veshi the gold of Tessaly, and two
# seceded states alike.
SECEDED_COLOURS = (
    "#c9a227",
    "#8fb339",
    "#b5487f",
    "#3f8f8a",
    "#9e5fcf",
    "#d0683f",
    "#5a7fd6",
    "#cf4f5f",
    "#4fae6f",
    "#a0785a",
)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


# Kept per pair: a secession weighs each of the ten candidates against every state (600
# distances in a world of 60 states), and the states' colours barely change.
@lru_cache(maxsize=4096)
def colour_distance(a: str, b: str) -> float:
    """How far apart two colours look (the "redmean" weighting of RGB: 0 alike, ~765 apart)."""
    (r1, g1, b1), (r2, g2, b2) = _rgb(a), _rgb(b)
    r = (r1 + r2) / 2
    dr, dg, db = r1 - r2, g1 - g2, b1 - b2
    return ((2 + r / 256) * dr * dr + 4 * dg * dg + (2 + (255 - r) / 256) * db * db) ** 0.5


FAR_STATE_WEIGHT = 1.5  # a state that does not border the new one: its colour counts this much
# farther, as the eye compares a region with the ones beside it first


def distinct_colour(world: World, state_id: str | None = None) -> str:
    """The colour of ``state_id``, a state just seceded: the candidate whose nearest state colour
    is farthest, a state that does not border it counting ``FAR_STATE_WEIGHT`` times its distance
    (the first such, so the same world gives the same colour)."""
    near = set(world.neighbors_of(state_id)) if state_id is not None else set()
    others = [s for s in world.states() if s.id != state_id]

    def nearest(c: str) -> float:
        return min(
            (
                colour_distance(c, s.color) * (1.0 if s.id in near else FAR_STATE_WEIGHT)
                for s in others
            ),
            default=0.0,
        )

    return max(SECEDED_COLOURS, key=nearest)


def name(world: World, ident: str | None) -> str:
    """What a reader calls ``ident``: an actor's, group's or region's ``Name``; a crisis's label
    and a war's sentence as messages (``Said``), so no sentence the engine writes shows an id
    and a screen can still say it in the player's language."""
    if ident is None:
        return "nobody"
    actor = world.actors.get(ident)  # most names asked for are actors'
    if actor is not None:
        return actor.name
    for table in (world.groups, world.regions):
        if ident in table:
            return table[ident].name  # type: ignore[union-attr]
    if ident in world.crises:
        return crisis_label(world, world.crises[ident])
    if ident in world.wars:
        war = world.wars[ident]
        return say("war_between", a=name(world, war.attacker), b=name(world, war.defender))
    for p in world.proposals.values():  # a crisis or war gone since a resolution named it
        if p.target == ident and p.subject is not None:
            return from_data(p.subject)
    return ident


def subject_name(world: World, p: Proposal) -> str:
    """What a resolution is about, by name, even once its crisis or war is over."""
    named = name(world, p.target)
    if named == p.target and p.subject is not None:
        return from_data(p.subject)
    return named


# Crises named by their state alone, whatever group they fall on.
STATE_CRISES = frozenset({"financial"})


def crisis_label(world: World, c: Crisis) -> Said:
    """ "repression of the Kosovar Albanians in Servia", as a message a screen can translate.
    Said once for each kind and pair of names (the names themselves, not their spelling: two
    names alike in English may differ in another language), as a crisis is named many times a
    turn; the cache keeps the names alive, so their ids stay theirs."""
    # a panic is the state's (its group, if any, is who pays for it): "financial panic in Suvarna"
    group = name(world, c.group) if c.group and c.kind not in STATE_CRISES else None
    state = name(world, c.state)
    key = (c.kind, id(group), id(state))
    hit = _LABELS.get(key)
    if hit is not None and hit[0] is group and hit[1] is state:
        return hit[2]
    kind = say(f"kind.{c.kind}")
    if group is not None:
        label = say("crisis_label", kind=kind, group=group, state=state)
    else:
        label = say("crisis_label_state", kind=kind, state=state)
    if len(_LABELS) >= 4096:
        _LABELS.clear()
    _LABELS[key] = (group, state, label)
    return label


_LABELS: dict[tuple[str, int, int], tuple[object, object, Said]] = {}


def start_crisis(
    world: World,
    ledger: Ledger,
    kind: str,
    state: str,
    group: str | None,
    severity: float,
    cause: str,
) -> Crisis | None:
    if world.state(state) is None or (group is not None and group not in world.groups):
        return None  # a crisis happens in a state, to one of the world's groups
    for c in world.crises.values():
        if c.kind == kind and c.state == state and c.group == group:
            add(c, "severity", severity / 2)
            ledger.line(
                "crisis", ledger.later("deepens", crisis=crisis_label(world, c), cause=cause)
            )
            return c
    c = Crisis(id=world.new_id("crisis"), kind=kind, state=state, group=group, severity=severity)  # type: ignore[arg-type]
    world.crises[c.id] = c
    ledger.line("crisis", ledger.later("new_crisis", crisis=crisis_label(world, c), cause=cause))
    return c


def end_crisis(world: World, ledger: Ledger, crisis_id: str, why: str) -> None:
    c = world.crises.pop(crisis_id, None)
    if c is not None:
        ledger.line("crisis", ledger.later("crisis_over", crisis=crisis_label(world, c), why=why))


def start_war(world: World, ledger: Ledger, attacker: str, defender: str, cause: str) -> War | None:
    a, d = world.state(attacker), world.state(defender)
    if a is None or d is None or attacker == defender:
        return None
    for w in world.wars.values():
        if {w.attacker, w.defender} == {attacker, defender}:
            return w
    war = War(id=world.new_id("war"), attacker=attacker, defender=defender)
    world.wars[war.id] = war
    ledger.line("war", ledger.later("war_starts", a=a.name, b=d.name, cause=cause))
    return war


# what a war one party makes on another ends: their promise to stand together, or to keep the
# peace (a guarantee of a group's autonomy or a trade agreement outlasts it)
BROKEN_BY_WAR = ("alliance", "non_aggression")


def treaties_broken(world: World, attacker: str, defender: str) -> list[Treaty]:
    """The treaties an attack of ``attacker`` on ``defender`` would end: every alliance or
    non-aggression treaty binding the two, in id order."""
    return [
        t
        for _, t in sorted(world.treaties.items())
        if t.kind in BROKEN_BY_WAR and attacker in t.parties and defender in t.parties
    ]


def break_treaties(world: World, ledger: Ledger, attacker: str, defender: str) -> None:
    """The attacker leaves every alliance or non-aggression treaty it shares with the state it
    attacked; a treaty left with one party lapses."""
    for t in treaties_broken(world, attacker, defender):
        parties = [p for p in t.parties if p != attacker]
        if len(parties) < 2:
            del world.treaties[t.id]
        else:
            world.treaties[t.id] = t.model_copy(update={"parties": parties})
        ledger.line(
            "war",
            ledger.later(
                f"breaks_{t.kind}", who=name(world, attacker), other=name(world, defender)
            ),
            attacker,
        )


def end_wars(world: World, ledger: Ledger, involving: str | None, why: str) -> None:
    for wid in sorted(world.wars):
        w = world.wars[wid]
        if involving is None or involving in (w.attacker, w.defender):
            del world.wars[wid]
            ledger.line(
                "war",
                ledger.later(
                    "war_ends", a=name(world, w.attacker), b=name(world, w.defender), why=why
                ),
            )


def transfer_region(world: World, ledger: Ledger, region: Region, to: str, cause: str) -> None:
    old = region.owner
    if old == to or world.state(to) is None:
        return
    region = world.own_region(region.id)  # copies share regions: change this world's own
    region.owner = to
    world.region_moved(region, old)
    ledger.line(
        "war",
        ledger.later(
            "region_passes",
            region=region.name,
            old=name(world, old),
            new=name(world, to),
            cause=cause,
        ),
    )
    for g in world.groups.values():
        if (
            region.id in g.regions
            and world.state(to) is not None
            and world.actors[to].nation != g.id
        ):  # type: ignore[union-attr]
            add(g, "grievance", F.CONQUERED_GRIEVANCE)
            add(g, "autonomy", -20)
    if not world.regions_of(old):
        remove_state(world, ledger, old, say("last_region", who=name(world, to)))


def remove_state(world: World, ledger: Ledger, state_id: str, why: str) -> None:
    s = world.actors.pop(state_id, None)
    if s is None:
        return
    world.landless_removed(state_id)
    ledger.line("war", ledger.later("ceases", who=s.name, why=why))
    for a in world.actors.values():
        if a.kind == "federation" and state_id in a.members:
            a.members.remove(state_id)
        elif a.kind == "global_body":
            if a.members and state_id in a.members:
                a.members.remove(state_id)
            if state_id in a.permanent:
                a.permanent.remove(state_id)
        elif a.kind == "ngo" and state_id in a.reach:
            a.reach.remove(state_id)
    for wid in [w for w, war in world.wars.items() if state_id in (war.attacker, war.defender)]:
        del world.wars[wid]
    for cid in [c for c, cr in world.crises.items() if cr.state == state_id]:
        del world.crises[cid]
    for pid in [p for p, pr in world.proposals.items() if state_id in (pr.target, pr.proposer)]:
        del world.proposals[pid]
    world.hand = [h for h in world.hand if h.actor != state_id]
    for t in list(world.treaties.values()):
        if state_id in t.parties:
            del world.treaties[t.id]
    states = sorted(x.id for x in world.states())
    for corp in world.corporations.values():
        if corp.home == state_id and states:
            corp.home = states[0]  # capital moves on; it does not die with a state


def seceded_id(group_id: str, n: int = 1) -> str:
    """The id of the state a group forms when it secedes: ``<group id>_state``, or, when that
    is taken (the group seceded before and that state lives on), ``<group id>_state2``, then 3…
    (cut to fit the 48 characters of an id). Scenarios may name it before it exists."""
    return f"{group_id}_state"[:48] if n == 1 else f"{group_id[:40]}_state{n}"


def secede(world: World, ledger: Ledger, group: Group, cause: str) -> State | None:
    """The group's regions form a new sovereign state: the circle turns toward anarchy."""
    host = world.host_of(group)
    if host is None:
        return None
    regions = [
        world.regions[r]
        for r in group.regions
        if r in world.regions and world.regions[r].owner == host
    ]
    if not regions or len(regions) == len(world.regions_of(host)):
        return None  # the group is already the whole state
    n = 1
    while (new_id := seceded_id(group.id, n)) in world.actors:
        n += 1
    old = world.actors[host]
    share = sum(r.population for r in regions) / max(1e-9, world.population_of(host))
    new = State(
        id=new_id,
        name=translated(f"Free {group.name}", FREE_STATE, group=group.name),
        color=SECEDED_COLOURS[0],  # its own once it is on the map (below)
        wealth=round(old.wealth * share * 0.6, 3),  # type: ignore[union-attr]
        military=round(old.military * share * 0.5, 3),  # type: ignore[union-attr]
        government="republic",
        sovereignty=100.0,
        fear=60.0,
        freedom=55.0,
        nation=group.id,
    )
    add(old, "wealth", -old.wealth * share * 0.5)  # type: ignore[union-attr]
    world.actors[new_id] = new
    for r in regions:
        world.own_region(r.id).owner = new_id  # copies share regions: change this world's own
    world.seceded([world.regions[r.id] for r in regions], host)
    new.color = distinct_colour(world, new_id)  # far from its neighbours' colours first
    group.security = min(100.0, group.security + 30)
    group.autonomy = 100.0
    group.grievance = max(0.0, group.grievance - 40)
    for cid in [c for c, cr in world.crises.items() if cr.group == group.id]:
        del world.crises[cid]
    for body in world.bodies():
        if body.members is not None and host in body.members:
            body.members.append(new_id)
    ledger.line(
        "world", ledger.later("secedes", group=group.name, old=old.name, new=new.name, cause=cause)
    )
    return new


def end_wars_between(world: World, ledger: Ledger, war_id: str, why: str) -> None:
    w = world.wars.pop(war_id, None)
    if w is not None:
        ledger.line(
            "war",
            ledger.later("war_ends", a=name(world, w.attacker), b=name(world, w.defender), why=why),
        )
