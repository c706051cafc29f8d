"""Where the world stands: centralization, plurality of agents, and the arrangement they make.

The arrangement is never set by a slider; it is read off the world's structure each turn:
who holds power, how much sovereignty has been pooled and where, how strong and independent
the global bodies are, how dense civil society is, how deep the regional unions are.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

from . import formulas as F
from .model import ARRANGEMENT_ORDER, Arrangement, Federation, GlobalBody
from .say import say
from .world import World


@dataclass(frozen=True)
class Measure:
    arrangement: Arrangement
    centralization: float  # 0–100: power in the single strongest center
    plurality: float  # effective number of centers sharing power
    position: float  # 0 (global state) … 6 (anarchy), continuous, for the continuum bar
    hegemon: str | None
    hegemon_share: float
    center: str | None  # the strongest pooled center (a union or a global body)
    center_strength: float
    center_level: float  # 0–100: how much sovereignty the strongest center holds (its level)
    center_coverage: float  # 0–1: the share of the world's people it covers
    center_cession: float  # 0–100: the sovereignty its median member has ceded
    civil_society: float  # 0–100
    inequality: float  # 0–100, Gini of wealth per person between states
    strong_bodies: list[str] = field(default_factory=list)
    regional_unions: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def power(state) -> float:
    return state.military * F.POWER_MILITARY + math.sqrt(state.wealth) * F.POWER_WEALTH


def gini(values: list[float], weights: list[float]) -> float:
    """Weighted Gini coefficient, 0 (equal) to 1."""
    total_w = sum(weights)
    if total_w <= 0 or len(values) < 2:
        return 0.0
    mean = sum([v * w for v, w in zip(values, weights, strict=True)]) / total_w
    if mean <= 0:
        return 0.0
    # Sum of w_i w_j |x_i - x_j| over ordered pairs, in one pass over the sorted values.
    diff = 0.0
    below_w = below_wx = 0.0
    for v, w in sorted(zip(values, weights, strict=True)):
        diff += w * (v * below_w - below_wx)
        below_w += w
        below_wx += w * v
    return 2 * diff / (2 * total_w * total_w * mean)


def civil_society(world: World) -> float:
    return _civil_society(world, len(world.states()))


def _civil_society(world: World, n_states: int) -> float:
    n = max(1, n_states)
    actors = world.actors
    total = 0.0
    for ngo in world.ngos():
        reach = len([r for r in ngo.reach if r in actors]) / n
        # No one association is civil society: each counts up to a cap, so density takes several.
        total += min(F.CIVIL_SOCIETY_ONE_NGO, 1.5 * ngo.volunteers * reach * ngo.credibility / 100)
    crowded = F.CORPORATE_CROWDING * corporate_escape(world) / 100 if total > 0 else 0.0
    return max(0.0, min(100.0, total - crowded))


def inequality(world: World) -> float:
    return _inequality(world, world.states())


def _inequality(world: World, states: list) -> float:
    # Each state's population is the geography's (summed over its regions in the same order).
    population = world.geo().population
    ids = [s.id for s in states if population.get(s.id, 0.0) > 0]
    actors = world.actors
    values = [actors[i].wealth / population[i] for i in ids]  # type: ignore[union-attr]
    return 100 * gini(values, [population[i] for i in ids])


def coverage(world: World, members: list[str], total_pop: float) -> float:
    return _coverage(world.geo().population, members, total_pop)


def _coverage(population: dict[str, float], members: list[str], total_pop: float) -> float:
    if total_pop <= 0:
        return 0.0
    return sum(population.get(m, 0.0) for m in members) / total_pop


def center_level(world: World, actor: Federation | GlobalBody, members: list[str]) -> float:
    """How much sovereignty a center really holds: what it was granted (a union's depth, a body's
    mandate and force) and what its members gave up, taken together (their geometric mean), so a
    strong body over fully sovereign states is not yet a world government."""
    return _center_level(world, world.geo().population, actor, members)


def _center_level(
    world: World,
    population: dict[str, float],
    actor: Federation | GlobalBody,
    members: list[str],
) -> float:
    if isinstance(actor, Federation):
        granted = actor.depth if actor.purpose == "union" else actor.depth * 0.5
    else:
        granted = (actor.mandate + actor.enforcement) / 2
    actors = world.actors
    present = [m for m in members if m in actors]
    pops = [population.get(m, 0.0) for m in present]
    return math.sqrt(max(0.0, granted) * max(0.0, _ceded(actors, present, pops)))


def _ceded(actors: dict, members: list[str], pops: list[float]) -> float:
    """What the members broadly gave up: the lesser of their population-weighted mean cession
    and the median member's, so one populous state ceding everything does not make a federation
    of members that kept most of theirs."""
    total = sum(pops)
    if total <= 0:
        return 0.0
    ceded = [100 - actors[m].sovereignty for m in members]
    mean = sum([p * c for p, c in zip(pops, ceded, strict=True)]) / total
    return min(mean, statistics.median(ceded))


def _median_cession(actors: dict, members: list[str]) -> float:
    ceded = [100 - actors[m].sovereignty for m in members if m in actors]
    return statistics.median(ceded) if ceded else 0.0


def _center(
    world: World,
    population: dict[str, float],
    actor: Federation | GlobalBody,
    members: list[str],
    total_pop: float,
) -> tuple[float, float]:
    """``coverage`` and ``center_level`` of a union or body in one pass, for members that all
    exist (the population they cover is then the same sum in both)."""
    pops = [population.get(m, 0.0) for m in members]
    total = sum(pops)
    cov = total / total_pop if total_pop > 0 else 0.0
    if isinstance(actor, Federation):
        granted = actor.depth if actor.purpose == "union" else actor.depth * 0.5
    else:
        granted = (actor.mandate + actor.enforcement) / 2
    ceded = _ceded(world.actors, members, pops)
    return cov, math.sqrt(max(0.0, granted) * max(0.0, ceded))


def measure(world: World) -> Measure:
    states = world.states()
    population = world.geo().population
    total_pop = world.geo().regions_total  # every region's people, summed in the regions' order
    powers, hegemon, share = _hegemon(states)

    center, center_strength, center_cov, center_lvl, center_ces = None, 0.0, 0.0, 0.0, 0.0
    strong: list[str] = []
    bodies, federations = world.bodies(), world.federations()
    # Effective number of sovereign states: weighted by power and sovereignty retained.
    weights = [powers[s.id] * s.sovereignty / 100 for s in states]
    wsum = sum(weights) or 1.0
    eff_states = 1.0 / sum([(w / wsum) ** 2 for w in weights]) if any(weights) else 0.0
    # The more sovereign states, the more mandate it takes to bind them all.
    binds = F.BODY_BINDING_MANDATE * max(1.0, eff_states / F.STATES_BOUND)
    binding = False
    used, turn = world.used, world.turn
    for b in bodies:
        # Only a political body can become the world's center; banks, trade bodies and courts
        # are further centers beside it (they count toward plurality, not centralization), so
        # their coverage and level are not needed.
        if b.body == "un":
            members = [s.id for s in states] if b.members is None else world.body_members(b)
            cov, lvl = _center(world, population, b, members, total_pop)
            if lvl * cov > center_strength:
                center, center_strength, center_cov, center_lvl = b.id, lvl * cov, cov, lvl
                center_ces = _median_cession(world.actors, members)
        if b.mandate >= binds:
            binding = True
        if (
            b.mandate >= F.BODY_STRONG_MANDATE
            and b.enforcement >= F.BODY_STRONG_ENFORCEMENT
            and b.independence >= F.BODY_INDEPENDENT
            and turn - used.get(b.id, 0) <= F.IN_USE_TURNS
        ):
            strong.append(b.id)
    regional: list[str] = []
    for f in federations:
        members = [m for m in f.members if m in world.actors]
        cov, lvl = _center(world, population, f, members, total_pop)
        if lvl * cov > center_strength:
            center, center_strength, center_cov, center_lvl = f.id, lvl * cov, cov, lvl
            center_ces = _median_cession(world.actors, members)
        if (
            f.purpose == "union"
            and f.depth >= F.FEDERATION_REGIONAL_DEPTH
            and turn - used.get(f.id, 0) <= F.IN_USE_TURNS
        ):
            regional.append(f.id)
        if f.depth >= binds and f.purpose == "union":
            binding = True

    civil = _civil_society(world, len(states))
    ineq = _inequality(world, states)
    centralization = max(share * 100, center_strength)

    # Effective number of sovereign centers: the sovereign states, plus every body, union and
    # civil society strong enough to act on its own.
    plurality = eff_states
    for b in bodies:
        plurality += (b.mandate / 100) * (b.independence / 100) * 2
    for f in federations:
        plurality += f.depth / 50
    plurality += civil / 25

    reasons: list[str] = []
    broad = center_cov >= F.GLOBAL_CENTER_COVERAGE and center_ces >= F.BROAD_CESSION
    if center is not None and broad and center_lvl >= F.GLOBAL_STATE_DEPTH:
        arr = Arrangement.GLOBAL_STATE
        reasons.append(say("reason.global_state", center=world.actors[center].name))
    elif center is not None and broad and center_lvl >= F.GLOBAL_FEDERATION_DEPTH:
        arr = Arrangement.FEDERATION
        reasons.append(say("reason.federation", center=world.actors[center].name))
    elif hegemon and share >= F.HEGEMON_SHARE:
        arr = Arrangement.EMPIRE
        reasons.append(
            say("reason.empire", hegemon=world.actors[hegemon].name, share=f"{share:.0%}")
        )
    elif (
        strong and len(strong) + len(regional) >= 2 and regional and civil >= F.CIVIL_SOCIETY_DENSE
    ):
        arr = Arrangement.PLURALISM_3
        reasons.append(say("reason.pluralism_3"))
    elif binding and civil >= F.CIVIL_SOCIETY_DENSE:
        arr = Arrangement.PLURALISM_2
        reasons.append(say("reason.pluralism_2"))
    elif binding:
        arr = Arrangement.PLURALISM_1
        reasons.append(say("reason.pluralism_1"))
    else:
        arr = Arrangement.ANARCHY
        reasons.append(say("reason.anarchy"))

    idx = ARRANGEMENT_ORDER.index(arr)
    offset = max(-0.45, min(0.45, 0.5 - centralization / 100))
    return Measure(
        arrangement=arr,
        centralization=round(centralization, 3),
        plurality=round(plurality, 3),
        position=round(min(6.0, max(0.0, idx + offset)), 3),
        hegemon=hegemon,
        hegemon_share=share,
        center=center,
        center_strength=center_strength,
        center_level=center_lvl,
        center_coverage=center_cov,
        center_cession=center_ces,
        civil_society=civil,
        inequality=ineq,
        strong_bodies=strong,
        regional_unions=regional,
        reasons=reasons,
    )


def structural_targets(world: World, m: Measure) -> dict[str, float]:
    """The level each criterion tends toward in a world built like this one."""
    empire = m.arrangement == Arrangement.EMPIRE
    return _targets(world, world.states(), m.inequality, m.hegemon_share if empire else None)


def carried(now: float, target: float, turns: int) -> float:
    """Where the structure's pull alone carries a criterion standing at ``now`` in ``turns``
    turns: ``PULL`` of the way toward its structural level every turn."""
    return target + (now - target) * (1.0 - F.PULL) ** max(0, turns)


def targets_of(world: World) -> dict[str, float]:
    """``structural_targets(world, measure(world))``, measuring only what the targets read: the
    inequality between states, and whether the world is an empire and the hegemon's share. A
    world is an empire only where one state holds ``HEGEMON_SHARE`` of all power, so the whole
    measure is taken only then. What a look-ahead pays to judge each world it reaches."""
    states = world.states()
    _, _, share = _hegemon(states)
    if share >= F.HEGEMON_SHARE:
        return structural_targets(world, measure(world))
    return _targets(world, states, _inequality(world, states), None)


def _hegemon(states: list) -> tuple[dict[str, float], str | None, float]:
    """Each state's power (``power(s)``), the strongest state (ties to the first id) and its
    share of all power."""
    military, wealth, sqrt = F.POWER_MILITARY, F.POWER_WEALTH, math.sqrt
    powers = {s.id: s.military * military + sqrt(s.wealth) * wealth for s in states}
    total_power = sum(powers.values()) or 1.0
    hegemon = max(sorted(powers), key=lambda k: powers[k]) if powers else None
    share = powers[hegemon] / total_power if hegemon else 0.0
    return powers, hegemon, share


def _targets(
    world: World, states: list, inequality: float, imperial_share: float | None
) -> dict[str, float]:
    """The targets, given the inequality between states and, in an empire, the hegemon's
    share of power (None: not an empire)."""
    total_pop = world.geo().regions_total or 1.0
    avg_fear = sum([s.fear for s in states]) / len(states) if states else 0.0
    crisis_cost = 0.0
    for c in world.crises.values():
        weight = 2.0 if c.kind == "cleansing" else 1.0
        crisis_cost += c.severity * F.PEACE_PER_CRISIS_SEVERITY * weight
    peace = 100 - F.PEACE_PER_WAR * len(world.wars) - crisis_cost - F.PEACE_FEAR * avg_fear

    groups = list(world.groups.values())
    gpop = sum([g.population for g in groups]) or 1.0
    grievance = sum([g.grievance * g.population for g in groups]) / gpop if groups else 30.0
    justice = 0.6 * (100 - inequality) + 0.4 * (100 - grievance)
    justice -= corporate_escape(world) * F.CORPORATE_JUSTICE / 100
    if imperial_share is not None:
        justice -= F.IMPERIAL_INEQUALITY * imperial_share

    standing = (
        sum([(g.security + g.autonomy) / 2 * g.population for g in groups]) / gpop
        if groups
        else 60.0
    )
    forms = {s.government for s in states}
    population = world.geo().population
    weights = [population.get(s.id, 0.0) * s.sovereignty / 100 for s in states]
    wsum = sum(weights) or 1.0
    eff = 1.0 / sum([(w / wsum) ** 2 for w in weights]) if any(weights) else 1.0
    # Pooling sovereignty costs diversity in absolute terms: the effective number of sovereign
    # states counts fully only while they keep most of their sovereignty.
    pop_total = sum([population.get(s.id, 0.0) for s in states]) or 1.0
    kept = sum([population.get(s.id, 0.0) * s.sovereignty for s in states]) / pop_total
    pooled = min(1.0, kept / F.SOVEREIGNTY_FOR_DIVERSITY)
    diversity = 0.7 * min(1.0, eff / 5) * pooled + 0.3 * (1.0 if len(forms) > 1 else 0.0)
    pluralism = 0.6 * standing + 40 * diversity

    freedom = sum([s.freedom * population.get(s.id, 0.0) for s in states]) / total_pop
    return {
        "peace": _clamp(peace),
        "justice": _clamp(justice),
        "pluralism": _clamp(pluralism),
        "freedom": _clamp(freedom),
    }


def corporate_escape(world: World) -> float:
    """How far the corporations escape regulation, 0–100, weighted by their capital."""
    corps = list(world.corporations.values())
    capital = sum([c.capital for c in corps])
    return sum([c.capital * c.escape for c in corps]) / capital if capital > 0 else 0.0


def _clamp(x: float) -> float:
    return max(0.0, min(100.0, x))
