"""Ambitions: a goal that only the whole world's arrangement can meet, made visible to a short
look-ahead.

Karsk's "becomes the continent's hegemon (empire)" is worth its points at the end of the match,
but one or two turns ahead it never holds: the look-ahead alone never sees what arming or a
winnable war is worth to a would-be hegemon, and the role, which ranks what a state usually
wants (safety, its groups' calm), never proposes them. So a mission whose goal names the empire
arrangement gives its state an ambition: the hegemon of the issue's roles, which "seeks order on
its own terms".

* ``aims(mission)``: the arrangements the seat's positive goals ask for, alone (a goal whose one
  condition is the arrangement); only the empire is an ambition a state pursues itself.
* ``prior(...)``: what the ambition adds to the role's ranking of a move: arming while short of
  the hegemon's share, a war against a neighbour it outweighs past the conquest ratio (and no
  peace in such a war), never disarming.
  Joining a union deep enough to bar war among its members is a move the role rejects, so the
  plan without it is always weighed.
* ``credit(...)``: what it adds to the valuation: the goal's points times the seat's progress
  toward a hegemon's share of all power (the engine's own ``HEGEMON_SHARE``), times
  ``PROGRESS_WEIGHT``, times ``reach``: how much of that share is still open to it outside the
  unions that bind it. So the look-ahead sees what a join costs the ambition; a would-be
  hegemon joins only when the union is worth more to it than the road it closes.

Everything is read from the seat's mission and from what every seat may see (power, borders,
wars, alliances), so a seat's view and the whole world give the same.
"""

from __future__ import annotations

from game.engine import formulas as F
from game.engine.actions import Move, union_partners
from game.engine.centers import center_of
from game.engine.model import Arrangement, Federation, State
from game.engine.scenario import Mission
from game.engine.structure import power
from game.engine.world import World

PROGRESS_WEIGHT = 1.0  # the way to a goal counts this share of the goal's points (at the line: all)
OUTWEIGH = F.CONQUEST_RATIO  # a war is worth trying against a neighbour it can take land from


def aims(mission: Mission) -> dict[Arrangement, float]:
    """The arrangements the mission's positive goals ask for on their own, with their points."""
    out: dict[Arrangement, float] = {}
    for g in [*mission.goals, *mission.secret]:
        if g.points <= 0 or len(g.when) != 1:
            continue
        arrangements = getattr(g.when[0], "arrangements", None)
        if arrangements is not None and len(arrangements) == 1:
            a = Arrangement(arrangements[0])
            out[a] = out.get(a, 0.0) + float(g.points)
    return out


def empire_points(mission: Mission) -> float:
    """The points a state's mission gives for the world becoming an empire (0: no ambition)."""
    return aims(mission).get(Arrangement.EMPIRE, 0.0)


def share(world: World, state_id: str) -> float:
    """The state's share of all states' power, as the engine measures a hegemon's."""
    states = world.states()
    total = sum(power(s) for s in states) or 1.0
    me = world.state(state_id)
    return power(me) / total if me is not None else 0.0


def side_power(world: World, state_id: str) -> float:
    """A state's power with its alliances' forces behind it."""
    s = world.state(state_id)
    total = power(s) if s is not None else 0.0
    for f in world.federations():
        if f.purpose == "alliance" and state_id in f.members:
            total += f.force
    return total


def prior(world: World, actor: object, mission: Mission, m: Move) -> float:
    """What the ambition adds to the role's ranking of ``m`` (0 for a seat without one)."""
    if not isinstance(actor, State):
        return 0.0
    points = empire_points(mission)
    if points <= 0:
        return 0.0
    act = m.action
    if act == "arm":
        return 1.2 if share(world, actor.id) < F.HEGEMON_SHARE else 0.3
    if act == "disarm":
        return -1.5
    if act in ("attack", "make_peace"):
        t = world.state(m.target or "")
        if t is None:
            return 0.0
        # a war it can win adds the beaten state's lands (and, beaten, its submission): it is
        # worth starting and not worth ending; one against its match is a drain on it
        winnable = side_power(world, actor.id) >= OUTWEIGH * max(1.0, side_power(world, t.id))
        if winnable and subject_without_spoils(world, actor.id, t.id):
            winnable = False  # the hegemon's war on it takes no land, only wears both down
        if act == "attack":
            return 1.6 if winnable else -0.2
        return -2.0 if winnable else 0.0
    if act in ("reform", "grant_autonomy"):
        return -0.3  # order on its own terms: not the liberal's road
    if act == "join" and _closes(world, actor.id, world.actors.get(m.target or "")):
        # a union this deep bars war among its members: the plan without the join is weighed
        # too, and the look-ahead sees what it closes (``reach``)
        return -0.6
    return 0.0


def _closes(world: World, me: str, org: object) -> bool:
    """Whether joining ``org`` would bar ``me`` from a war it may wage today: a union deep
    enough to bar war among its members, with a member ``me`` is not already bound to (in a
    world federation, its center binds every member already)."""
    if not (
        isinstance(org, Federation)
        and org.purpose == "union"
        and org.depth >= F.FEDERATION_REGIONAL_DEPTH
    ):
        return False
    bound = _bound(world, me)
    return any(s != me and s not in bound for s in org.members)


def _bound(world: World, me: str) -> frozenset[str]:
    """The states ``me`` cannot take land from for long: its fellow members of a union deep
    enough to bar war among them (``union_partners``), and, while the world reads
    ``federation`` or ``global_state``, its fellow members of the center, which ends their wars
    (``centers``)."""
    bound = union_partners(world, me)
    if world.arrangement not in (Arrangement.FEDERATION, Arrangement.GLOBAL_STATE):
        return bound
    c = center_of(world)
    if c is None or c.hegemon or me not in c.reach:
        return bound
    return bound | {s for s in c.reach if s != me}


def subject_without_spoils(world: World, hegemon: str, target: str) -> bool:
    """Whether ``hegemon`` rules an empire in which beating ``target`` takes no land: a subject
    left one region submits and keeps it (the engine's wars)."""
    return (
        world.arrangement == Arrangement.EMPIRE
        and share(world, hegemon) >= F.HEGEMON_SHARE
        and len(world.regions_of(target)) <= 1
    )


def credit(w: World, me: str, mission: Mission, parts: dict[str, float]) -> None:
    """Add the ambition's progress to a valuation's parts (``ambition:empire``)."""
    points = empire_points(mission)
    if points <= 0 or w.state(me) is None:
        return
    progress = min(1.0, share(w, me) / F.HEGEMON_SHARE)
    parts["ambition:empire"] = PROGRESS_WEIGHT * points * progress * reach(w, me)


def reach(w: World, me: str) -> float:
    """How far the hegemon's share stays open to ``me`` (1: open): the share it would hold were
    every state it may attack gone, over the hegemon's share, at most 1. A union deep enough to
    bar war among its members closes the road through them, and so does a world federation's
    center, which ends their wars (``_bound``)."""
    bound = _bound(w, me)
    if not bound:
        return 1.0
    mine = power(w.state(me))
    kept = sum(power(s) for s in w.states() if s.id in bound)
    return min(1.0, mine / max(1.0, mine + kept) / F.HEGEMON_SHARE)
