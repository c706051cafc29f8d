"""What a center does to the world it holds: centralization's gift and its price, as rules.

Two kinds of center act on their own, without a vote, each turn (docs/rules.md, "Centers"):

* an **assigned agent**: a union or the UN at federation or global level (the world reads
  ``federation`` or ``global_state``). It answers every crisis in its reach, forbids war between
  its members and holds them together (no secession), redistributes between them, lowers their
  fear and ties their citizens to its courts. Its price: uniformity, and despotism
  (``mechanics.centralization``).
* a **hegemon** (the world reads ``empire``). Its pax comes from policing its subjects: wars
  that are not its own end, massacres outside its own lands are struck. Its price: arbitrary
  acts (a granted autonomy revoked), inequality, and revolt where it holds more land than its
  army can garrison.

Both are read from the arrangement the world stood in at the turn's start.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import formulas as F
from . import ops
from .model import Arrangement
from .report import Ledger
from .rng import Rng
from .say import say
from .structure import measure
from .world import World

VIOLENT = ("repression", "cleansing", "civil_war")


@dataclass(frozen=True)
class Center:
    id: str
    hegemon: bool  # a hegemon (empire) rather than an assigned agent (federation, global state)
    reach: frozenset[str]  # the states it holds
    level: float  # 0–100: an agent's pooled sovereignty; a hegemon's share of power x 100


def center_of(world: World) -> Center | None:
    """The center acting on the world this turn, if the world stood where one acts."""
    arr = world.arrangement
    if arr not in (Arrangement.GLOBAL_STATE, Arrangement.FEDERATION, Arrangement.EMPIRE):
        return None
    m = measure(world)
    if arr == Arrangement.EMPIRE:
        if m.hegemon is None:
            return None
        subjects = frozenset(s.id for s in world.states())
        return Center(m.hegemon, True, subjects, m.hegemon_share * 100)
    actor = world.actors.get(m.center or "")
    if actor is None:
        return None
    if actor.kind == "federation":
        members = [x for x in actor.members if x in world.actors]  # type: ignore[union-attr]
    else:
        members = world.body_members(actor)  # type: ignore[arg-type]
    return Center(actor.id, False, frozenset(members), m.center_level)


def holds_together(world: World, host: str | None) -> str | None:
    """The name of the assigned agent that keeps ``host`` whole (no secession), if any."""
    c = center_of(world)
    if c is None or c.hegemon or host not in c.reach:
        return None
    return ops.name(world, c.id)


def act(world: World, ledger: Ledger, c: Center, struck: set[str]) -> None:
    """The center's own acts this turn, before wars and crises run their course."""
    if c.hegemon:
        _police_subjects(world, ledger, c, struck)
    else:
        _assigned_agent(world, ledger, c, struck)


def _assigned_agent(world: World, ledger: Ledger, c: Center, struck: set[str]) -> None:
    name = ops.name(world, c.id)
    for wid in sorted(world.wars):
        w = world.wars[wid]
        if w.attacker in c.reach and w.defender in c.reach:
            ops.end_wars_between(world, ledger, wid, say("center_forbids_war", center=name))
    cut = F.CENTER_POLICE * c.level / 100
    for cid in sorted(world.crises):
        crisis = world.crises[cid]
        if crisis.state not in c.reach:
            continue
        if c.id not in crisis.responders:
            crisis.responders.append(c.id)
        ops.add(crisis, "severity", -cut)
        struck.add(cid)
        _answered(world, ledger, c.id, name, crisis, cut)
    # Redistribution: members' wealth per person moves toward their mean (the total is kept).
    population = world.geo().population
    members = [s for s in world.states() if s.id in c.reach and population.get(s.id, 0.0) > 0]
    pop = sum([population[s.id] for s in members])
    if len(members) >= 2 and pop > 0:
        mean = sum([s.wealth for s in members]) / pop
        rate = F.CENTER_REDISTRIBUTION * c.level / 100
        moved = 0.0
        for s in members:
            delta = (mean * population[s.id] - s.wealth) * rate
            s.__dict__["wealth"] = s.wealth + delta
            moved += abs(delta) / 2
        if moved >= 0.5:
            ledger.line(
                "world",
                ledger.later("center_redistributes", center=name, amount=f"{moved:.0f}"),
                c.id,
            )
    for s in members:
        if s.freedom < F.FEDERAL_RIGHTS:
            ops.add(s, "freedom", 1.5)  # citizens tied to the center appeal to its courts


def _police_subjects(world: World, ledger: Ledger, c: Center, struck: set[str]) -> None:
    heg = c.id
    name = ops.name(world, heg)
    share = c.level / 100
    for wid in sorted(world.wars):
        w = world.wars[wid]
        if heg not in (w.attacker, w.defender):
            ops.end_wars_between(world, ledger, wid, say("pax_imposed", hegemon=name))
    cut = F.HEGEMON_POLICE * share
    for cid in sorted(world.crises):
        crisis = world.crises[cid]
        if crisis.state == heg or crisis.kind not in VIOLENT:
            continue  # it ends massacres in its subjects' lands, not its own repression
        if heg not in crisis.responders:
            crisis.responders.append(heg)
        ops.add(crisis, "severity", -cut)
        struck.add(cid)
        _answered(world, ledger, heg, name, crisis, cut)
    hegemon = world.state(heg)
    if hegemon is None:
        return
    # Caprice: the autonomy it granted is not secure, since the center can cancel it.
    rng = Rng(world.rng)
    if rng.random() < F.IMPERIAL_CAPRICE:
        granted = sorted(
            (g for g in world.groups.values() if g.id != hegemon.nation and g.autonomy > 0),
            key=lambda g: g.id,
        )
        if granted:
            g = granted[rng.randint(len(granted))]
            ops.add(g, "autonomy", -F.CAPRICE_AUTONOMY)
            ops.add(g, "grievance", 15)
            cause = say("caprice", hegemon=name, group=g.name)
            ledger.change("freedom", -1.0, cause)
            ledger.change("pluralism", -1.5, cause)
    world.rng = rng.state
    # Overstretch: more land than its army can garrison breeds revolt among its subject groups.
    stretch = overstretch(world, heg)
    if stretch > 1:
        for g in world.groups.values():
            if world.host_of(g) == heg and g.id != hegemon.nation:
                ops.add(g, "grievance", F.OVERSTRETCH_GRIEVANCE * (stretch - 1))
        ledger.line("world", ledger.later("overstretched", hegemon=name), heg)


def _answered(world: World, ledger: Ledger, who: str, name: str, crisis, cut: float) -> None:
    label = ops.crisis_label(world, crisis)
    ledger.line(
        "action", ledger.later("center_acts", center=name, crisis=label, cut=f"{cut:.0f}"), who
    )


def overstretch(world: World, state_id: str | None) -> float:
    """Regions held over regions the state's army can garrison (above 1: overstretched)."""
    s = world.state(state_id or "")
    if s is None:
        return 0.0
    can_hold = max(1.0, s.military * F.GARRISON / 100)
    return len(world.regions_of(s.id)) / can_hold


def deterrence(world: World, c: Center | None) -> dict[str, float]:
    """The fear each state's center takes away: no motive for war inside one center."""
    if c is None:
        return {}
    off = (F.HEGEMON_AWE if c.hegemon else F.CENTER_DETERRENCE) * c.level / 100
    return {s: off for s in c.reach if s != (c.id if c.hegemon else None)}


def domesticated(world: World) -> bool:
    """Whether a strong center leaves corporations no borders to cross."""
    return world.centralization > F.DESPOTISM_FROM or world.arrangement in (
        Arrangement.GLOBAL_STATE,
        Arrangement.FEDERATION,
        Arrangement.EMPIRE,
    )
