"""What each kind of actor favours, before any look-ahead: the roles of issue 12.

``prior(facts, world, actor, mission, move)`` ranks a legal move for the shortlist: above zero
the role favours it, below zero it rejects it (a rejected move is only played when the look-ahead
shows the mission gains by it). The look-ahead decides; the role only says what is worth trying.

* a state guards its lands and sovereignty: it balances a rising or warring neighbour (arms,
  joins an alliance, appeals to a global body for sanctions or force), makes peace, eases its
  groups' grievance rather than repressing them, and never asks a body to sanction or strike an
  ally (a veto power guards its ally);
* a union or alliance holds its members together: it builds and deploys its force against an
  aggressor or a massacre near its members, sanctions aggressors, deepens when calm;
* a global body's secretariat seeks mandate and acts when authorized: it tables sanctions and
  force against aggressors and grave crises, deploys what was authorized, indicts, lends;
* an NGO presses for warnings, relief and intervention: it warns about groups at risk, relieves
  crises, campaigns where a state abuses its people, recruits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.ai import ambition
from game.engine import formulas as F
from game.engine import vocabulary as V
from game.engine.actions import Move, arrest_succeeds, neighbors_of
from game.engine.conditions import reach_of
from game.engine.model import CRITERIA, NGO, Federation, GlobalBody, State
from game.engine.scenario import Mission
from game.engine.scoring import stat_goals
from game.engine.structure import power
from game.engine.world import World


@dataclass(frozen=True)
class Facts:
    """What every role reads of the public view, once a turn."""

    aggressors: frozenset[str]  # states that attacked someone and are at war
    enemies: dict[str, frozenset[str]]  # state -> the states at war with it
    power: dict[str, float]
    share: dict[str, float]  # each state's share of all states' power
    leader: str | None  # the strongest state
    abusive: frozenset[str]  # states repressing or cleansing their people
    crisis_states: frozenset[str]
    land: dict[str, float]  # each state's share of the world's people
    allies: dict[str, frozenset[str]]  # state -> the other parties of its alliance treaties


def facts_of(world: World) -> Facts:
    pw = {s.id: power(s) for s in world.states()}
    total = sum(pw.values()) or 1.0
    people = sum(world.population_of(s) for s in pw) or 1.0
    enemies: dict[str, set[str]] = {}
    for w in world.wars.values():
        enemies.setdefault(w.attacker, set()).add(w.defender)
        enemies.setdefault(w.defender, set()).add(w.attacker)
    allies: dict[str, set[str]] = {}
    for t in world.treaties.values():
        if t.kind == "alliance":
            for p in t.parties:
                allies.setdefault(p, set()).update(x for x in t.parties if x != p)
    return Facts(
        aggressors=frozenset(w.attacker for w in world.wars.values() if w.attacker in pw),
        enemies={k: frozenset(v) for k, v in enemies.items()},
        power=pw,
        share={k: v / total for k, v in pw.items()},
        leader=max(pw, key=lambda k: (pw[k], k)) if pw else None,
        abusive=frozenset(
            c.state for c in world.crises.values() if c.kind in ("repression", "cleansing")
        ),
        crisis_states=frozenset(c.state for c in world.crises.values()),
        land={s: world.population_of(s) / people for s in pw},
        allies={k: frozenset(v) for k, v in allies.items()},
    )


def weights(mission: Mission) -> dict[str, float]:
    """The mission's weights scaled to a mean of 1."""
    raw = {c.value: mission.weights.get(c, 0.0) for c in CRITERIA}
    mean = sum(raw.values()) / 4 or 1.0
    return {k: v / mean for k, v in raw.items()}


def threat(facts: Facts, world: World, me: str) -> float:
    """How much a neighbour that makes war, or is far stronger, threatens ``me``: 0 none, 1 and
    more a real danger (its power over mine, for an aggressor or a state at war with me)."""
    mine = max(1.0, facts.power.get(me, 0.0))
    worst = 0.0
    for n in neighbors_of(world, me):
        p = facts.power.get(n, 0.0)
        hostile = n in facts.aggressors or n in facts.enemies.get(me, ())
        ratio = p / mine
        worst = max(worst, ratio if hostile else (ratio - 1.5) / 2)
    leader = facts.leader
    if leader is not None and leader != me and facts.share[leader] > 0.3:
        worst = max(worst, 0.5 + 2.0 * (facts.share[leader] - 0.3))
    return worst


def prior(facts: Facts, world: World, actor: object, mission: Mission, m: Move) -> float:
    return priors(facts, world, actor, mission, [m])[0]


def priors(
    facts: Facts,
    world: World,
    actor: object,
    mission: Mission,
    moves: Sequence[Move],
    guarded: frozenset[str] = frozenset(),
) -> list[float]:
    """``prior`` of each move, with what the role reads of the seat's situation (its weights,
    the threat to it or to its members) worked out once for them all. ``guarded``: the seat's
    own figures that a goal of its mission tests near the goal's line (``value.guarded``)."""
    wt = weights(mission)
    if isinstance(actor, State):
        danger = threat(facts, world, actor.id)
        keep = "sovereignty" in guarded
        out = _with_wanted(
            [_state(facts, world, actor, wt, m, danger, keep) for m in moves],
            moves,
            _wanted(world, mission, actor),
        )
        if ambition.empire_points(mission) <= 0:  # (the ambition adds nothing to such a seat)
            return out
        return [
            u + ambition.prior(world, actor, mission, m) for u, m in zip(out, moves, strict=True)
        ]
    if isinstance(actor, Federation):
        pressed = any(threat(facts, world, s) > 0.5 for s in actor.members if s in facts.power)
        return [_federation(facts, world, actor, wt, m, pressed) for m in moves]
    if isinstance(actor, GlobalBody):
        seeks = _seeks_mandate(mission, actor.id)
        return _with_wanted(
            [_body(facts, world, actor, wt, m, seeks) for m in moves],
            moves,
            _wanted(world, mission, actor),
        )
    if isinstance(actor, NGO):
        return _with_wanted(
            [_ngo(facts, world, actor, wt, m) for m in moves],
            moves,
            _wanted(world, mission, actor),
            NGO_WANTED,
        )
    return [0.0 for _ in moves]


WANTED = 0.8  # the prior of a move that brings what a goal of the seat's asks and lacks
# an NGO's: its own growth is all it can do for its goals, so it ranks above a campaign against
# an abusive state (0.8), and under relief of a grave crisis
NGO_WANTED = 0.9


def _wanted(
    world: World, mission: Mission, me: State | GlobalBody | NGO
) -> frozenset[tuple[str, str | None]]:
    """The moves (action, target) that bring what a goal of the mission asks of the seat's own
    doing and does not have yet: aid to another state whose wealth a goal wants at a line it
    stands short of (or a bank's loan to it), a reform while the seat's own freedom is short of a
    goal's line, joining a union or body a goal wants the seat a member of, an NGO's office in a
    state it does not reach while its reach is short of a goal's line."""
    out: set[tuple[str, str | None]] = set()
    for g in (*mission.goals, *mission.secret):
        for c in g.when:
            t = type(c)
            if t is V.ActorStatIs and c.min is not None and isinstance(me, NGO):
                if c.actor == me.id:
                    out.update(_ngo_wanted(world, me, c.stat, c.min))
            elif t is V.ActorStatIs and c.min is not None:
                s = world.state(c.actor)
                if s is None or getattr(s, c.stat) >= c.min:
                    continue
                if c.stat == "wealth" and c.actor != me.id:
                    out.add(("aid", c.actor))  # a state's move
                    out.add(("lend", c.actor))  # a bank's
                elif c.stat == "freedom" and c.actor == me.id:
                    out.add(("reform", None))
            elif t is V.MemberIs and c.member and c.state == me.id:
                org = world.actors.get(c.of)
                members = getattr(org, "members", None)
                if members is not None and me.id not in members:
                    out.add(("join", c.of))
    return frozenset(out)


def _ngo_wanted(world: World, me: NGO, stat: str, line: float) -> list[tuple[str, str | None]]:
    """The moves that bring an NGO's reach up to a goal's line it stands short of."""
    if stat == "reach" and (reach_of(me, world.actors) or 0.0) < line:
        return [("expand", s.id) for s in world.states() if s.id not in me.reach]
    return []  # (its volunteers: recruiting is already its role's and the baseline's habit)


def _with_wanted(
    priors: list[float],
    moves: Sequence[Move],
    wanted: frozenset[tuple[str, str | None]],
    value: float = WANTED,
) -> list[float]:
    """The priors with each move that brings what a goal asks (``_wanted``) at ``value``."""
    if not wanted:
        return priors
    return [
        value if (m.action, m.target) in wanted else u for u, m in zip(priors, moves, strict=True)
    ]


def _rising(facts: Facts, state_id: str) -> bool:
    """A state that makes war and holds more of the continent than any other: a rising
    hegemon, whom the others balance against."""
    return facts.land.get(state_id, 0.0) >= max(facts.land.values(), default=0.0) - 1e-9 and (
        facts.land.get(state_id, 0.0) > 0.25
    )


def _grave(world: World, crisis_id: str | None) -> float:
    c = world.crises.get(crisis_id or "")
    if c is None:
        return 0.0
    return c.severity / 40 + (0.5 if c.kind == "cleansing" else 0.0)


def _state(
    facts: Facts,
    world: World,
    a: State,
    wt: dict[str, float],
    m: Move,
    danger: float,
    keep: bool = False,
) -> float:
    act = m.action
    if keep:  # its mission counts its sovereignty, near the line: it guards it
        if act == "reclaim":
            return 1.0
        if act == "cede" or (
            act == "join" and isinstance(world.actors.get(m.target or ""), Federation)
        ):
            return -0.5
    if act == "repress":
        return -1.0
    if act == "attack":
        # balancing: join the war against a neighbour that is already conquering another
        t = m.target or ""
        if t in facts.aggressors and t not in facts.enemies.get(a.id, ()) and _rising(facts, t):
            return 0.4 + 0.5 * min(1.0, danger)
        return -1.0 if a.government == "republic" else -0.6
    if act == "grant_autonomy":
        g = world.groups.get(m.target or "")
        if g is None:
            return 0.0
        troubled = any(c.group == g.id for c in world.crises.values())
        # autonomy that reaches the secure line protects the group from then on
        securing = g.autonomy < F.AUTONOMY_SECURE <= g.autonomy + 15
        # (and autonomy is itself part of pluralism)
        need = g.grievance / 60 + (0.5 if troubled else 0.0) + (0.6 if securing else 0.0) + 0.3
        return need * (0.5 + 0.5 * wt["pluralism"]) * (1 - g.autonomy / 100) - 0.1
    if act == "reform":
        return 0.7 * wt["freedom"] * (1 - a.freedom / 100)
    if act == "make_peace":
        return 1.2
    if act == "arm":
        return min(1.5, danger) if danger > 0.3 else (a.fear - 40) / 100
    if act == "disarm":
        return 0.1 if danger < 0.1 and a.fear < 20 else -0.5
    if act == "join":
        org = world.actors.get(m.target or "")
        if isinstance(org, Federation) and org.purpose == "alliance":
            return 0.3 + min(1.0, danger)
        return 0.3 if a.government == "republic" else 0.05
    if act == "propose":
        kind, subj = m.option, m.subject
        if _against_ally(facts, world, a.id, m):
            return -1.0
        if kind == "sanctions":
            return 1.0 if subj in facts.aggressors or subj in facts.abusive else 0.2
        if kind == "authorize_force":
            return 0.4 * _grave(world, subj) * wt["peace"]
        if kind == "mediate":
            return 0.6 * wt["peace"]
        return 0.2 * wt["justice"]
    if act == "invest":
        return 0.3
    if act == "intervene":
        return 0.2 * _grave(world, m.target) * wt["peace"] - 0.3
    if act in ("aid", "tax_capital"):
        return 0.1 * wt["justice"]
    if act == "leave":
        return -0.3
    return 0.0


def _federation(
    facts: Facts, world: World, a: Federation, wt: dict[str, float], m: Move, pressed: bool
) -> float:
    act = m.action
    members = set(a.members)
    if act == "sanction":
        t = m.target or ""
        hits_member = any(t in facts.enemies.get(s, ()) for s in members)
        if t in facts.aggressors:
            return 1.2 if hits_member or _rising(facts, t) else 0.7
        return 0.4 if t in facts.abusive else -0.2
    if act == "build_force":
        return 0.9 if pressed or a.force < 20 else 0.2
    if act == "deploy":
        return 0.6 * _grave(world, m.target) * wt["peace"]
    if act == "integrate":
        return 0.4 * (1 - a.depth / 100) if not facts.abusive & members else 0.0
    if act == "redistribute":
        return 0.35 * wt["justice"]
    return 0.0


def _seeks_mandate(mission: Mission, body_id: str) -> bool:
    """Whether one of the body's own goals asks for a mandate of at least some size."""
    return any(c.min is not None for c in stat_goals(mission, body_id, "mandate"))


def _against_ally(facts: Facts, world: World, actor_id: str, m: Move) -> bool:
    """A resolution for sanctions on, or force against a crisis in, a party to one of the
    actor's alliances: no one asks the world to punish or strike its ally."""
    if m.option == "sanctions":
        aimed = m.subject
    elif m.option == "authorize_force":
        crisis = world.crises.get(m.subject or "")
        aimed = crisis.state if crisis is not None else m.subject
    else:  # an aid package for an ally, a mediation of its war: asked for, not against it
        return False
    return aimed in facts.allies.get(actor_id, ())


def _body(
    facts: Facts,
    world: World,
    a: GlobalBody,
    wt: dict[str, float],
    m: Move,
    seeks: bool = False,
) -> float:
    act = m.action
    if act == "propose":
        kind, subj = m.option, m.subject
        if _against_ally(facts, world, a.id, m):
            return -1.0
        if kind == "sanctions":
            return 1.1 if subj in facts.aggressors else 0.6 if subj in facts.abusive else 0.1
        if kind == "authorize_force":
            return 0.5 * _grave(world, subj) * wt["peace"] + 0.2
        if kind == "mediate":
            return 0.7 * wt["peace"]
        if kind == "mandate":  # a secretariat whose goal is a mandate asks its members for it
            return 0.6 if seeks else -0.5
        return 0.35 * wt["justice"]
    if act == "deploy":
        return 1.2 + _grave(world, m.target)
    if act == "build_capacity":
        return 0.6 if a.enforcement < 45 else 0.2
    if act == "indict":
        return 0.9
    if act == "arrest":
        # an arrest it cannot carry out costs the court its legitimacy: not ordered
        return 0.9 if arrest_succeeds(world, a, m.target or "") else -0.6
    if act == "lend":
        s = world.state(m.target or "")
        return 0.4 * wt["justice"] if s is not None and s.wealth < 40 else 0.0
    if act == "regulate":
        return 0.35 * wt["justice"]
    return 0.0


def _ngo(facts: Facts, world: World, a: NGO, wt: dict[str, float], m: Move) -> float:
    act = m.action
    if act == "warn":
        g = world.groups.get(m.target or "")
        if g is None:
            return 0.0
        return (g.grievance / 60) * (1.2 if g.security < 50 else 0.3)
    if act == "relieve":
        return 0.2 + _grave(world, m.target)
    if act == "campaign":
        t = world.actors.get(m.target or "")
        if isinstance(t, State):
            return 0.8 if t.id in facts.abusive else 0.5 if t.id in facts.crisis_states else 0.0
        return 0.4
    if act == "recruit":
        return 0.5 if a.credibility < 60 else 0.25
    if act == "expand":
        return 0.15
    return 0.0
