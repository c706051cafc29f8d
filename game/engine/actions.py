"""Legal actions for an actor, and what each action does when resolved."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from operator import itemgetter
from typing import NamedTuple

from . import formulas as F
from . import ops
from .model import NGO, Crisis, Federation, GlobalBody, Group, Proposal, State
from .orders import PROPOSAL_KINDS, Order
from .report import Ledger
from .retable import may_table
from .say import as_data, say
from .world import World

# Crises that force can stop; famine, plague, refugees and financial panics call for relief and money.
VIOLENT = frozenset({"repression", "cleansing", "civil_war"})
# The crises a state's own government carries out (sanctions and courts answer them; it may not
# table force against them itself).
OWN_DOING = frozenset({"repression", "cleansing"})


def neighbors_of(world: World, state_id: str) -> tuple[str, ...]:
    """States that share a border with this one, in id order."""
    return world.neighbors_of(state_id)


def memberships(world: World, state_id: str) -> list[str]:
    """Unions, alliances and bodies the state belongs to."""
    out = [f.id for f in world.federations() if state_id in f.members]
    for b in world.bodies():
        if b.members is None or state_id in b.members or state_id in b.permanent:
            out.append(b.id)
    return out


def wealth_per_person(world: World, s: State) -> float:
    return s.wealth / max(0.1, world.population_of(s.id))


class Move(NamedTuple):
    """A legal order without its actor: cheap to make by the hundred, for checks and the AI."""

    action: str
    target: str | None = None
    subject: str | None = None
    option: str | None = None

    def order(self, actor: str) -> Order:
        """The order, built without validating again: a legal move's ids come from the world
        (validated when it was loaded) and its action from the rules. ``Order`` has no validator
        that changes a value, so this is the object ``Order(...)`` would make."""
        order = _new_order(Order)
        _set(
            order,
            "__dict__",
            {
                "actor": actor,
                "action": self.action,
                "target": self.target,
                "subject": self.subject,
                "option": self.option,
            },
        )
        _set(order, "__pydantic_fields_set__", _ORDER_FIELDS_SET)
        _set(order, "__pydantic_extra__", None)
        _set(order, "__pydantic_private__", None)
        return order


_new_order = Order.__new__
_set = object.__setattr__
_ORDER_FIELDS = ("actor", "action", "target", "subject", "option")
# One set for every such order: it already names every field, so pydantic's setattr (which adds
# the name it sets) leaves it as it is, and a copy of the order copies it.
_ORDER_FIELDS_SET = set(_ORDER_FIELDS)


def _proposals(
    world: World,
    common: _Common,
    actor_id: str,
    body: GlobalBody,
    out: list[Move],
    blocks: list[Block],
) -> None:
    """Resolutions the actor may table in the body: the body's list (the same for every
    proposer, so it is worked out once per world), less any aimed at the proposer itself."""
    kept = common.proposals.get(body.id)
    if kept is None:
        moves = _body_proposals(world, body)
        kept = common.proposals[body.id] = (moves, _aimed(world, moves))
    source, aimed = kept
    moves, without = source, aimed.get(actor_id)
    if without is not None:
        moves = [m for m in source if m.subject not in without]
    if len(moves) >= BLOCK_MIN:
        blocks.append(_block(("propose", len(out), len(out) + len(moves), source, without)))
    out.extend(moves)


def _aimed(world: World, moves: list[Move]) -> dict[str, frozenset[str | None]]:
    """Each actor -> the subjects of the body's resolutions aimed at it, which it may not table
    itself: those named for it (sanctions, aid), and for a state, force against a repression or
    cleansing its own government carries out (a government may still call for help against a
    civil war)."""
    aimed: dict[str, set[str | None]] = {}
    crises = world.crises
    for m in moves:
        subject = m.subject
        if m.option == "authorize_force":
            c = crises.get(subject or "")
            if c is not None and c.kind in OWN_DOING:
                aimed.setdefault(c.state, set()).add(subject)
        elif subject is not None:
            aimed.setdefault(subject, set()).add(subject)
    return {k: frozenset(v) for k, v in aimed.items()}


def _body_proposals(world: World, body: GlobalBody) -> list[Move]:
    out: list[Move] = []
    open_keys = {(p.body, p.kind, p.target) for p in world.proposals.values()}
    for kind in PROPOSAL_KINDS.get(body.body, ()):
        if kind == "authorize_force":  # only against what force can stop
            subjects = [
                c.id for c in world.crises.values() if c.kind in VIOLENT and not c.authorized
            ]
        elif kind == "mediate":
            subjects = list(world.wars)
        elif kind == "standards":
            subjects = [body.id]
        elif kind == "sanctions":  # against a state that represses or makes war
            culprits = {c.state for c in world.crises.values() if c.kind in OWN_DOING}
            culprits.update(w.attacker for w in world.wars.values())
            subjects = sorted(culprits)
        else:  # aid_package: a state less than half as rich per person as the average
            states = world.states()
            geo = world.geo()
            mean = sum(s.wealth for s in states) / (geo.total_population or 1.0)
            subjects = [
                s.id
                for s in states
                if s.wealth / max(0.1, geo.population.get(s.id, 0.0)) < mean / 2
            ]
        for subj in subjects:
            if (body.id, kind, subj) not in open_keys and may_table(world, body.id, kind, subj):
                out.append(Move("propose", body.id, subj, kind))
    return out


def legal_actions(world: World, actor_id: str, only: str | None = None) -> list[Order]:
    """Every order this actor may give this turn, each one concrete (with its target).
    ``only`` limits the list to one action."""
    return [m.order(actor_id) for m in legal_moves(world, actor_id, only)]


def legal_moves(world: World, actor_id: str, only: str | None = None) -> Sequence[Move]:
    """The legal orders as light ``Move`` tuples (what ``legal_actions`` wraps). The full list is
    remembered on the world (see ``World.memo``): the AI and the order check share it."""
    moves = legal_listing(world, actor_id)[0]
    if only is not None:
        return [m for m in moves if m.action == only]
    return moves


def legal_listing(world: World, actor_id: str) -> tuple[tuple[Move, ...], tuple[Block, ...]]:
    """The legal moves and their long blocks of one action (``Block``), in order: what lets a
    reader of many moves (the AI) take a long run of one action at once."""
    memo = world.memo()
    key = ("moves", actor_id)
    listing = memo.get(key)
    if listing is None:
        blocks: list[Block] = []
        moves = tuple(_moves(world, actor_id, blocks))
        listing = memo[key] = (moves, tuple(blocks) if blocks else ())
    return listing


class Shortfall(NamedTuple):
    """An action an actor would have this turn but for one of its figures."""

    action: str
    figure: str  # "wealth" or "budget"
    need: float
    have: float


# What each action draws on, by the kind of actor that takes it.
_COSTS: dict[tuple[str, str], tuple[str, float]] = {
    ("state", "arm"): ("wealth", F.ARM_COST),
    ("state", "fund"): ("wealth", F.FUND_COST),
    ("state", "aid"): ("wealth", F.AID_FLOOR),
    ("federation", "build_force"): ("budget", F.BUILD_FORCE_COST),
    ("federation", "sanction"): ("budget", F.SANCTION_COST),
    ("federation", "redistribute"): ("budget", F.REDISTRIBUTE),
    ("global_body", "build_capacity"): ("budget", F.BUILD_CAPACITY_COST),
    ("global_body", "lend"): ("budget", F.LEND_COST),
    ("global_body", "regulate"): ("budget", F.REGULATE_COST),
}


def short_of(world: World, actor_id: str) -> list[Shortfall]:
    """The actions this actor would have this turn with enough wealth or budget, and what each
    needs: what the match screen tells a player whose action left the list. Each is found by
    asking the legal moves of a copy of the world in which the actor has what the action needs,
    so the answer never disagrees with the rules."""
    actor = world.actors.get(actor_id)
    if actor is None:
        return []
    have = {m.action for m in legal_moves(world, actor_id)}
    out: list[Shortfall] = []
    for (kind, action), (figure, need) in _COSTS.items():
        value = getattr(actor, figure, None)
        if kind != actor.kind or action in have or value is None or value >= need:
            continue
        richer = world.clone()
        setattr(richer.actors[actor_id], figure, float(need))
        if any(m.action == action for m in legal_moves(richer, actor_id)):
            out.append(Shortfall(action, figure, float(need), float(value)))
    return out


BLOCK_MIN = 12  # the fewest moves of one action marked as a block


class Block(NamedTuple):
    """A long stretch of one actor's legal moves (``BLOCK_MIN`` or more) that are all of one
    action and come from one list of the rules: aid (the states poor enough to aid) or the
    resolutions the actor may table in one body: ``moves[start:stop]``, which is ``source``
    (the body's list, the same object for every member) less the resolutions whose subject is
    ``without``. Shorter stretches are not marked: read move by move they cost no more."""

    action: str
    start: int
    stop: int
    source: list[Move] | None  # the body's list the block comes from
    # the subjects the block leaves out of its source (those aimed at the actor itself)
    without: frozenset[str | None] | None


_block = partial(tuple.__new__, Block)  # a Block made without NamedTuple's Python __new__


def legal_set(world: World, actor_id: str) -> frozenset[Move] | LegalSet:
    """What ``move in legal_set(world, actor)`` answers as ``move in legal_moves(world, actor)``
    would, for checking orders: a set of the moves, in which a body's resolutions are one set a
    world shared by its members rather than hashed again for each of them."""
    moves, blocks = legal_listing(world, actor_id)
    shared = [b for b in blocks if b.source is not None] if blocks else None
    if not shared:
        return frozenset(moves)
    return LegalSet(world, moves, shared)


class LegalSet:
    """The legal moves of an actor who may table many resolutions in a body, as a set (``in``
    only): each such body's resolutions are the body's one set a world, less those aimed at the
    actor; the other moves a set of their own."""

    __slots__ = ("plain", "shared")

    def __init__(self, world: World, moves: tuple[Move, ...], shared: list[Block]) -> None:
        plain: list[Move] = []
        pos = 0
        # (the body's resolutions as a set, the subjects left out of them)
        self.shared: list[tuple[frozenset[Move], frozenset[str | None] | None]] = []
        memo = world.memo()
        for b in shared:
            plain.extend(moves[pos : b.start])
            pos = b.stop
            key = ("moves set", id(b.source))
            kept = memo.get(key)
            if kept is None or kept[0] is not b.source:
                kept = memo[key] = (b.source, frozenset(b.source))
            self.shared.append((kept[1], b.without))
        plain.extend(moves[pos:])
        self.plain = frozenset(plain)

    def __contains__(self, move: object) -> bool:
        if move in self.plain:
            return True
        for source, without in self.shared:
            if move in source:
                return without is None or move[2] not in without  # type: ignore[index]
        return False


# A Move made straight from its four fields: what ``Move(...)`` does, without the Python-level
# ``__new__`` that NamedTuple adds (a legal-move list makes hundreds a turn).
_move = partial(tuple.__new__, Move)

_INVEST = Move("invest")
_ARM = Move("arm")
_DISARM = Move("disarm")
_REFORM = Move("reform")
_TAX_CAPITAL = Move("tax_capital")
_INTEGRATE = Move("integrate")
_REDISTRIBUTE = Move("redistribute")
_BUILD_FORCE = Move("build_force")
_BUILD_CAPACITY = Move("build_capacity")
_REGULATE = Move("regulate")
_RECRUIT = Move("recruit")


class _OrgMoves(NamedTuple):
    """The moves that name a union, alliance or body: values, made once per id (``_org_moves``)."""

    cede: Move
    reclaim: Move
    fund: Move
    leave: Move
    join: Move


@lru_cache(maxsize=4096)
def _org_moves(org_id: str) -> _OrgMoves:
    return _OrgMoves(*(Move(a, org_id) for a in ("cede", "reclaim", "fund", "leave", "join")))


class _Org(NamedTuple):
    """A union, alliance or body as its members' moves see it."""

    moves: _OrgMoves
    leavable: bool  # a union, an alliance, or a body with a member list
    body: GlobalBody | None  # the body (resolutions, permanent members); None for a union


_new_org = partial(tuple.__new__, _Org)


@dataclass(slots=True)
class _Common:
    """What every actor's legal moves share, worked out once per world (kept in ``World.memo``),
    so that one seat's moves are lookups rather than scans of every actor, state or crisis.
    Each list keeps the order the rules list things in: the moves' order is part of the rules
    (the AI's noise depends on each move's place)."""

    cards: dict[str, list[Move]]  # actor -> its 'choose' moves this turn, in the hand's order
    enemies: dict[str, list[str]]  # state -> the states at war with it, sorted
    violent: list[tuple[Crisis, Move, Move]]  # each violent crisis, its intervene and deploy moves
    orgs: dict[str, _Org]
    member_of: dict[str, list[str]]  # state -> its unions, alliances and bodies (memberships())
    # (join move, org id, the members a state must border; None: any state may join)
    joinable: list[tuple[Move, str, frozenset[str] | None]]
    wpp: dict[str, float]  # wealth per person of each state
    # every state as (wealth per person, place in world.states(), id, aid move), poorest first
    by_wpp: list[tuple[float, int, str, Move]]
    wpp_sorted: list[float]  # by_wpp's first column, for bisect
    votes: list[tuple[str, tuple[Move, Move, Move]]]  # (body, yes/no/abstain) of each open vote
    states: list[tuple[str, Move]]  # each state's id and expand move, in world.states() order
    crises_in: dict[str, list[tuple[int, Move]]]  # state -> (place, relieve move) of its crises
    hosted: dict[str, list[tuple[int, Group]]]  # state -> (place, group) of the groups it hosts
    campaign_bodies: list[Move]
    neighbors: dict[str, tuple[str, ...]]  # the geography's borders (world.neighbors_of)
    bound: dict[str, frozenset[str]]  # state -> the states it may not attack (union_partners)
    # body -> what may be tabled there, and each actor's subjects among them that it may not
    # table, being aimed at it (filled as asked)
    proposals: dict[str, tuple[list[Move], dict[str, frozenset[str | None]]]]


def _common(world: World) -> _Common:
    memo = world.memo()
    common = memo.get("moves:common")
    if common is None:
        common = _build_common(world)
        world.memo()["moves:common"] = common  # (host_of may have rebuilt the memo)
    return common


def _build_common(world: World) -> _Common:
    turn = world.turn
    cards: dict[str, list[Move]] = {}
    card_of = world.rules.card
    for h in world.hand:
        if h.turn == turn:
            card = card_of(h.card)
            moves = cards.setdefault(h.actor, [])
            for opt in card.options if card else []:
                moves.append(_move(("choose", h.key, None, opt.id)))

    enemies: dict[str, set[str]] = {}
    for w in world.wars.values():
        enemies.setdefault(w.attacker, set()).add(w.defender)
        enemies.setdefault(w.defender, set()).add(w.attacker)

    violent = [
        (c, _move(("intervene", c.id, None, None)), _move(("deploy", c.id, None, None)))
        for c in world.crises.values()
        if c.kind in VIOLENT
    ]

    states = world.states()
    member_of: dict[str, list[str]] = {s.id: [] for s in states}
    orgs: dict[str, _Org] = {}
    joinable: list[tuple[Move, str, frozenset[str] | None]] = []
    for f in world.federations():
        for m in dict.fromkeys(f.members):
            if m in member_of:
                member_of[m].append(f.id)
    for b in world.bodies():
        if b.members is None:
            for mine in member_of.values():
                mine.append(b.id)
        else:
            for m in dict.fromkeys([*b.members, *b.permanent]):
                if m in member_of:
                    member_of[m].append(b.id)
    for org in world.actors.values():
        is_fed = isinstance(org, Federation)
        if not is_fed and not isinstance(org, GlobalBody):
            continue
        moves = _org_moves(org.id)
        leavable = is_fed or org.members is not None
        orgs[org.id] = _new_org((moves, leavable, None if is_fed else org))
        # Unions and alliances are regional: a state may apply only if it borders a member.
        if leavable:
            must_border = frozenset(org.members) if is_fed and org.members else None
            joinable.append((moves.join, org.id, must_border))

    pop = world.geo().population
    wpp = {s.id: s.wealth / max(0.1, pop.get(s.id, 0.0)) for s in states}
    by_wpp = sorted(
        (wpp[s.id], i, s.id, _move(("aid", s.id, None, None))) for i, s in enumerate(states)
    )

    votes = [
        (p.body, tuple(_move(("vote", p.id, None, v)) for v in ("yes", "no", "abstain")))
        for p in world.proposals.values()
        if p.opened < turn
    ]

    crises_in: dict[str, list[tuple[int, Move]]] = {}
    for i, c in enumerate(world.crises.values()):
        crises_in.setdefault(c.state, []).append((i, _move(("relieve", c.id, None, None))))
    hosted: dict[str, list[tuple[int, Group]]] = {}
    for i, g in enumerate(world.groups.values()):
        host = world.host_of(g)
        if host is not None:
            hosted.setdefault(host, []).append((i, g))

    return _Common(
        cards=cards,
        enemies={s: sorted(e) for s, e in enemies.items()},
        violent=violent,
        orgs=orgs,
        member_of=member_of,
        joinable=joinable,
        wpp=wpp,
        by_wpp=by_wpp,  # type: ignore[arg-type]
        wpp_sorted=[row[0] for row in by_wpp],
        votes=votes,  # type: ignore[arg-type]
        states=[(s.id, _move(("expand", s.id, None, None))) for s in states],
        crises_in=crises_in,
        hosted=hosted,
        campaign_bodies=[_move(("campaign", b.id, None, None)) for b in world.bodies()],
        proposals={},
        neighbors=world.geo().neighbors,
        bound=union_bonds(world),
    )


def union_bonds(world: World) -> dict[str, frozenset[str]]:
    """Each member of a union deep enough to be a regional federation, with its fellow members:
    the states it may not attack (``union_partners``), worked out afresh from ``world``."""
    out: dict[str, set[str]] = {}
    for f in world.federations():
        if _federated(f):
            for m in f.members:
                out.setdefault(m, set()).update(x for x in f.members if x != m)
    return {s: frozenset(o) for s, o in out.items()}


def _federated(f: Federation) -> bool:
    return f.purpose == "union" and f.depth >= F.FEDERATION_REGIONAL_DEPTH


def union_partners(world: World, state_id: str) -> frozenset[str]:
    """The states this one may not attack: its fellow members of a union deep enough to be a
    regional federation. Within a federation disputes go to its courts and councils, not its
    armies (the essay's second arrangement); a member that would make war on another must
    leave the union first."""
    return _common(world).bound.get(state_id, frozenset())


def barred_attacks(world: World, state_id: str) -> list[tuple[str, str]]:
    """The neighbours this state would attack but for a union it shares with them, each as
    (neighbour, the union), in the geography's order: what the match screen tells a player
    whose attack left the list."""
    common = _common(world)
    partners = common.bound.get(state_id, frozenset())
    enemies = common.enemies.get(state_id, ())
    barred = [n for n in common.neighbors.get(state_id, ()) if n in partners and n not in enemies]
    unions = [f for f in world.federations() if _federated(f) and state_id in f.members]
    return [(n, next(f.id for f in unions if n in f.members)) for n in barred]


def _moves(world: World, actor_id: str, blocks: list[Block]) -> list[Move]:
    actor = world.actors.get(actor_id)
    if actor is None or world.ended:
        return []
    common = _common(world)
    out: list[Move] = list(common.cards.get(actor_id, ()))
    if isinstance(actor, State):
        _state_moves(world, common, actor, out, blocks)
    elif isinstance(actor, Federation):
        _federation_moves(world, common, actor, out)
    elif isinstance(actor, GlobalBody):
        _body_moves(world, common, actor, out, blocks)
    elif isinstance(actor, NGO):
        _ngo_moves(world, common, actor, out)
    return out


def _state_moves(
    world: World, common: _Common, actor: State, out: list[Move], blocks: list[Block]
) -> None:
    actor_id = actor.id
    add = out.append
    add(_INVEST)
    if actor.wealth >= F.ARM_COST:
        add(_ARM)
    if actor.military >= 6:
        add(_DISARM)
    if actor.freedom < 95:
        add(_REFORM)
    for _, g in common.hosted.get(actor_id, ()):  # world.groups_in(actor_id)
        if actor.nation != g.id:
            add(_move(("repress", g.id, None, None)))
        if g.autonomy < 100:
            add(_move(("grant_autonomy", g.id, None, None)))
    enemies = common.enemies.get(actor_id, ())
    near = common.neighbors.get(actor_id, ())  # neighbors_of(world, actor_id)
    partners = common.bound.get(actor_id, ())
    for n in near:
        if n not in enemies and n not in partners:
            add(_move(("attack", n, None, None)))
    for enemy in enemies:
        add(_move(("make_peace", enemy, None, None)))
    if actor.military >= 10:
        for c, intervene, _ in common.violent:
            if c.state != actor_id:
                add(intervene)
    mine = common.member_of.get(actor_id)
    if mine is None:  # a state the geography has not listed yet
        mine = memberships(world, actor_id)
    for org_id in mine:
        moves, leavable, body = common.orgs[org_id]
        if actor.sovereignty >= 10:
            add(moves.cede)
        if actor.sovereignty <= 90:
            add(moves.reclaim)
        if actor.wealth >= F.FUND_COST:
            add(moves.fund)
        if leavable and (body is None or actor_id not in body.permanent):
            add(moves.leave)
        if body is not None:
            _proposals(world, common, actor_id, body, out, blocks)
    for join, org_id, must_border in common.joinable:
        if org_id not in mine and (must_border is None or not must_border.isdisjoint(near)):
            add(join)
    add(_TAX_CAPITAL)
    if actor.wealth >= F.AID_FLOOR:
        start = len(out)
        _aid_moves(world, common, actor, out)
        if len(out) - start >= BLOCK_MIN:
            blocks.append(_block(("aid", start, len(out), None, None)))
    for body, ballot in common.votes:
        if body in mine:  # is_member(world, actor_id, body), as memberships() lists them
            out.extend(ballot)


def _aid_moves(world: World, common: _Common, actor: State, out: list[Move]) -> None:
    """Aid goes to states at most half as rich per person as the donor: found by bisection in
    the states ranked by wealth per person, then put back in the world's order."""
    mine = common.wpp.get(actor.id)
    if mine is None:
        mine = actor.wealth / max(0.1, world.geo().population.get(actor.id, 0.0))
    poorer = common.by_wpp[: bisect_left(common.wpp_sorted, mine / 2)]
    for _, _, s_id, aid in sorted(poorer, key=itemgetter(1)):
        if s_id != actor.id:
            out.append(aid)


def _federation_moves(world: World, common: _Common, actor: Federation, out: list[Move]) -> None:
    add = out.append
    if actor.depth < 100 and actor.members:
        add(_INTEGRATE)
    if actor.budget >= F.REDISTRIBUTE and len(actor.members) >= 2:
        add(_REDISTRIBUTE)
    if actor.budget >= F.BUILD_FORCE_COST:
        add(_BUILD_FORCE)
    if actor.force >= 5 and common.violent:
        reach = set(actor.members)
        for m in actor.members:
            reach.update(neighbors_of(world, m))
        for c, _, deploy in common.violent:
            if c.state in reach:
                add(deploy)
    if actor.budget >= F.SANCTION_COST:
        members = set(actor.members)
        for s in world.states():
            if s.id not in members and s.sanctioned == 0:
                add(_move(("sanction", s.id, None, None)))


def _body_moves(
    world: World, common: _Common, actor: GlobalBody, out: list[Move], blocks: list[Block]
) -> None:
    add = out.append
    if actor.budget >= F.BUILD_CAPACITY_COST:
        add(_BUILD_CAPACITY)
    _proposals(world, common, actor.id, actor, out, blocks)
    if actor.body == "un" and actor.enforcement >= 5:
        for c, _, deploy in common.violent:
            if c.authorized:
                add(deploy)
    if actor.body == "bank" and actor.budget >= F.LEND_COST:
        for s_id, _ in common.states:
            add(_move(("lend", s_id, None, None)))
    if actor.body in ("bank", "trade") and actor.budget >= F.REGULATE_COST:
        add(_REGULATE)
    if actor.body == "court":
        guilty = sorted({c.state for c in world.crises.values() if c.kind in OWN_DOING})
        for s_id in guilty:
            s = world.state(s_id)
            if s is not None and not s.indicted:
                add(_move(("indict", s_id, None, None)))
        for s in world.states():
            if s.indicted:
                add(_move(("arrest", s.id, None, None)))
    # Its secretariat's appeal to the members for a wider mandate, which it alone tables (last
    # of its moves: the others keep their places in the list).
    appeal = ("propose", actor.id, actor.id, "mandate")
    if not any(
        (p.body, p.kind, p.target) == (actor.id, "mandate", actor.id)
        for p in world.proposals.values()
    ) and may_table(world, actor.id, "mandate", actor.id):
        add(_move(appeal))


def _ngo_moves(world: World, common: _Common, actor: NGO, out: list[Move]) -> None:
    """Relief and warnings where the NGO reaches, found through its reach (in the order the
    world lists crises and groups), then campaigns, recruiting and new offices."""
    add = out.append
    actor_id = actor.id
    reach = dict.fromkeys(actor.reach)
    relief = [row for s in reach for row in common.crises_in.get(s, ())]
    for _, relieve in sorted(relief, key=itemgetter(0)):
        add(relieve)
    groups = [row for s in reach for row in common.hosted.get(s, ())]
    for _, g in sorted(groups, key=itemgetter(0)):
        if actor_id not in g.warned_by:
            add(_move(("warn", g.id, None, None)))
    for s_id in actor.reach:
        if s_id in world.actors:
            add(_move(("campaign", s_id, None, None)))
    out.extend(common.campaign_bodies)
    add(_RECRUIT)
    for s_id, expand in common.states:
        if s_id not in reach:
            add(expand)


# ---- resolution of each action ----------------------------------------------------------------


def volunteer_ceiling(world: World, ngo: NGO) -> float:
    """The most volunteers (thousands) recruiting can bring an NGO: ``VOLUNTEER_SHARE`` of the
    people (millions) of the states it works in."""
    people = sum(world.population_of(s) for s in ngo.reach if s in world.actors)
    return F.VOLUNTEER_SHARE * 1000.0 * people


def recruits(world: World, ngo: NGO) -> float:
    """The volunteers one recruiting adds: ``RECRUIT_RATE`` of its own (at least
    ``RECRUIT_LEAST``), up to the ceiling of the people it reaches (none past it)."""
    v = ngo.volunteers
    room = volunteer_ceiling(world, ngo) - v
    return max(0.0, min(room, max(F.RECRUIT_LEAST, F.RECRUIT_RATE * v)))


def _pop_share(world: World, state_id: str) -> float:
    geo = world.geo()
    return geo.population.get(state_id, 0.0) / (geo.regions_total or 1.0)


def _strike(
    world: World, ledger: Ledger, crisis: Crisis, who: str, strength: float, how: str
) -> None:
    """Force sent against a crisis: severity falls; a heeded warning makes the first blow stronger."""
    group = world.groups.get(crisis.group or "")
    if (
        group is not None
        and group.warning_credibility >= F.WARNING_HEEDED
        and not crisis.responders
    ):
        strength *= F.WARNING_BONUS
        ledger.line(
            "crisis",
            ledger.later("warning_heeded", group=group.name),
        )
    if who not in crisis.responders:
        crisis.responders.append(who)
    cut = strength * F.FORCE_EFFECT
    ops.add(crisis, "severity", -cut)
    ledger.line(
        "action",
        ledger.later(
            "strike",
            who=ops.name(world, who),
            how=how,
            crisis=ops.crisis_label(world, crisis),
            cut=f"{cut:.0f}",
        ),
        who,
    )
    if crisis.severity <= 0:
        ops.end_crisis(world, ledger, crisis.id, say("stopped_it", who=ops.name(world, who)))
        if group is not None:
            ops.add(group, "security", F.PROTECTION)
            ops.add(group, "grievance", -F.PROTECTION / 2)


def _unilateral(world: World, ledger: Ledger, who: str, crisis: Crisis, scale: float) -> None:
    if crisis.authorized:
        return
    for s in world.states():
        if s.id != who:
            ops.add(s, "fear", F.UNILATERAL_FEAR * scale)
    target = world.state(crisis.state)
    if target is not None:
        ops.add(target, "sovereignty", -10 * scale)
    ledger.line(
        "world",
        ledger.later("unilateral", who=ops.name(world, who)),
        who,
    )


def apply_order(world: World, ledger: Ledger, o: Order) -> None:
    """Carry out one legal order. Votes and card choices are read elsewhere."""
    a = world.actors.get(o.actor)
    if a is None:
        return
    who = a.name
    t = o.target
    action = o.action  # read once: a model's fields are read through pydantic's slower path
    if isinstance(a, State):
        if action == "invest":
            gain = max(1.0, a.wealth * F.INVEST) * (0.5 if a.sanctioned else 1.0)
            ops.add(a, "wealth", gain)
            ledger.line("action", ledger.later("invests", who=who, gain=f"{gain:.1f}"), a.id)
        elif action == "arm":
            ops.add(a, "wealth", -F.ARM_COST)
            ops.add(a, "military", 6)
            for n in neighbors_of(world, a.id):
                ops.add(world.actors[n], "fear", F.FEAR_ARMING)
            ledger.line("action", ledger.later("arms", who=who), a.id)
        elif action == "disarm":
            ops.add(a, "military", -6)
            ops.add(a, "wealth", 2)
            for n in neighbors_of(world, a.id):
                ops.add(world.actors[n], "fear", -2)
            ledger.line("action", ledger.later("disarms", who=who), a.id)
        elif action == "reform":
            ops.add(a, "freedom", 8)
            ledger.change("freedom", 8 * _pop_share(world, a.id), ledger.say("reformed", who=who))
            if a.government == "autocracy" and a.freedom >= 60:
                a.government = "republic"
                ledger.line("world", ledger.later("becomes_republic", who=who), a.id)
            else:
                ledger.line("action", ledger.later("reforms", who=who), a.id)
        elif action == "repress" and t in world.groups:
            g = world.groups[t]
            ops.add(g, "grievance", 15)
            ops.add(g, "security", -15)
            ops.add(g, "autonomy", -10)
            ops.add(a, "freedom", -5)
            cause = say("repressed", who=who, group=g.name)
            ledger.change("freedom", -5 * _pop_share(world, a.id) - 1, cause)
            ledger.change("pluralism", -2, cause)
            ledger.change("peace", -2, cause)
            if g.warning_credibility >= F.WARNING_HEEDED:
                ops.add(a, "pressure", 20)
                cause = say("repressed_warned", who=who, group=g.name)
            ops.start_crisis(world, ledger, "repression", a.id, g.id, F.REPRESSION, cause)
        elif action == "grant_autonomy" and t in world.groups:
            g = world.groups[t]
            ops.add(g, "autonomy", 15)
            ops.add(g, "grievance", -10)
            ops.add(g, "security", 5)
            ops.add(a, "sovereignty", -3)
            ledger.change("pluralism", 2, ledger.say("granted_autonomy", who=who, group=g.name))
            ledger.line("action", ledger.later("grants_autonomy", who=who, group=g.name), a.id)
        elif action == "attack" and t:
            if ops.start_war(world, ledger, a.id, t, say("ordered_by", who=who)) is not None:
                ops.break_treaties(world, ledger, a.id, t)
        elif action == "make_peace" and t:
            _make_peace(world, ledger, a, t)
        elif action == "intervene" and t in world.crises:
            c = world.crises[t]
            committed = a.military * 0.3
            republic = a.government == "republic"
            strength = committed * (F.AIR_WAR_DISCOUNT if republic else 1.0)
            ops.add(a, "military", -committed * (0.03 if republic else 0.1))
            how = say("how.bombs") if republic else say("how.army")
            _strike(world, ledger, c, a.id, strength, how)
            _unilateral(world, ledger, a.id, c, 1.0)
        elif action == "cede" and t in world.actors:
            org = world.actors[t]
            ops.add(a, "sovereignty", -10)
            if isinstance(org, Federation):
                ops.add(org, "depth", 6)
            elif isinstance(org, GlobalBody):
                ops.add(org, "mandate", 5)
                ops.add(org, "enforcement", 2)
            ledger.line("action", ledger.later("cedes", who=who, org=org.name), a.id)
        elif action == "reclaim" and t in world.actors:
            org = world.actors[t]
            ops.add(a, "sovereignty", 10)
            if isinstance(org, Federation):
                ops.add(org, "depth", -6)
            elif isinstance(org, GlobalBody):
                ops.add(org, "mandate", -5)
            ledger.line("action", ledger.later("reclaims", who=who, org=org.name), a.id)
        elif action == "join" and t in world.actors:
            org = world.actors[t]
            if isinstance(org, Federation) and a.id not in org.members:
                org.members.append(a.id)
                ops.add(org, "depth", -3)  # enlargement dilutes integration
            elif (
                isinstance(org, GlobalBody) and org.members is not None and a.id not in org.members
            ):
                org.members.append(a.id)
            ledger.line("action", ledger.later("joins", who=who, org=org.name), a.id)
        elif action == "leave" and t in world.actors:
            org = world.actors[t]
            if (isinstance(org, Federation) and a.id in org.members) or (
                isinstance(org, GlobalBody) and org.members and a.id in org.members
            ):
                org.members.remove(a.id)
            ops.add(a, "sovereignty", 10)
            ledger.line("action", ledger.later("leaves", who=who, org=org.name), a.id)
        elif action == "tax_capital":
            _tax_capital(world, ledger, a)
        elif action == "aid" and t:
            other = world.state(t)
            amount = (
                min(max(4.0, a.wealth * F.AID_SHARE), max(1.0, other.wealth * F.AID_CAP))
                if other
                else 0
            )
            if other is not None and a.wealth >= amount:
                ops.add(a, "wealth", -amount)
                ops.add(other, "wealth", amount)
                ledger.change(
                    "justice", F.AID_JUSTICE, ledger.say("sent_aid", who=who, other=other.name)
                )
        elif action == "fund" and t in world.actors:
            org = world.actors[t]
            if a.wealth >= F.FUND_COST and hasattr(org, "budget"):
                ops.add(a, "wealth", -F.FUND_COST)
                ops.add(org, "budget", F.FUND_COST)
                ledger.line("action", ledger.later("funds", who=who, org=org.name), a.id)
        elif action == "propose":
            _propose(world, ledger, o)
    elif isinstance(a, Federation):
        if action == "integrate":
            ops.add(a, "depth", 8)
            pooled = 3 if a.purpose == "union" else 1  # an alliance pools command, not law
            for m in a.members:
                ops.add(world.actors[m], "sovereignty", -pooled)
            ledger.line(
                "action",
                ledger.later("integrates", who=who, depth=f"{a.depth:.0f}", pooled=str(pooled)),
                a.id,
            )
        elif action == "redistribute":
            members = [world.actors[m] for m in a.members if m in world.actors]
            if members and a.budget >= F.REDISTRIBUTE:
                poorest = min(members, key=lambda s: (wealth_per_person(world, s), s.id))  # type: ignore[arg-type]
                ops.add(a, "budget", -F.REDISTRIBUTE)
                ops.add(poorest, "wealth", F.REDISTRIBUTE)
                ledger.change(
                    "justice",
                    F.REDISTRIBUTE_JUSTICE,
                    ledger.say("redistributed", who=who, other=poorest.name),
                )
        elif action == "build_force":
            ops.add(a, "budget", -F.BUILD_FORCE_COST)
            ops.add(a, "force", 6)
            ledger.line("action", ledger.later("builds_force", who=who), a.id)
        elif action == "deploy" and t in world.crises:
            c = world.crises[t]
            strength = a.force * 0.6 + a.depth * F.CENTER_CAPACITY * 0.2
            ops.add(a, "force", -a.force * 0.1)
            _strike(world, ledger, c, a.id, strength, say("how.common_force"))
            _unilateral(world, ledger, a.id, c, 0.5)
        elif action == "sanction" and t:
            s = world.state(t)
            if s is not None:
                s.sanctioned = 3
                ops.add(a, "budget", -F.SANCTION_COST)
                ledger.line("action", ledger.later("sanctions", who=who, other=s.name), a.id)
    elif isinstance(a, GlobalBody):
        if action == "build_capacity":
            ops.add(a, "budget", -F.BUILD_CAPACITY_COST)
            ops.add(a, "enforcement", 5)
            ledger.line(
                "action",
                ledger.later("builds_capacity", who=who, enforcement=f"{a.enforcement:.0f}"),
                a.id,
            )
        elif action == "propose":
            _propose(world, ledger, o)
        elif action == "deploy" and t in world.crises:
            c = world.crises[t]
            strength = a.enforcement * 0.8 + a.mandate * F.CENTER_CAPACITY * 0.2
            ops.add(a, "enforcement", -3)
            _strike(world, ledger, c, a.id, strength, say("how.authorized_force"))
            ops.add(a, "legitimacy", 3)
        elif action == "lend" and t:
            s = world.state(t)
            if s is not None and a.budget >= F.LEND_COST:
                amount = min(float(F.LEND_COST), max(1.0, s.wealth * F.AID_CAP))
                ops.add(a, "budget", -amount)
                ops.add(s, "wealth", amount)
                for c in list(world.crises.values()):
                    if c.state == s.id and c.kind == "financial":
                        ops.add(c, "severity", -10)  # a lender of last resort calms a panic
                        # a body with the mandate and the money has acted on it
                        if a.id not in c.responders:
                            c.responders.append(a.id)
                        if c.severity <= 0:
                            ops.end_crisis(world, ledger, c.id, say("lent", who=who, other=s.name))
                ledger.change("justice", F.LEND_JUSTICE, ledger.say("lent", who=who, other=s.name))
        elif action == "regulate":
            cut = max(2.0, F.STANDARDS_ESCAPE * a.enforcement / 50)
            for corp in world.corporations.values():
                ops.add(corp, "escape", -cut)
            ops.add(a, "budget", -F.REGULATE_COST)
            ledger.change("justice", F.STANDARDS_JUSTICE, ledger.say("set_standards", who=who))
        elif action == "indict" and t:
            s = world.state(t)
            if s is not None:
                s.indicted = True
                ops.add(s, "pressure", 20)
                ops.add(a, "legitimacy", 3)
                for c in world.crises.values():
                    if c.state == t and c.kind in OWN_DOING:
                        ops.add(c, "severity", -5)
                ledger.line("action", ledger.later("indicts", who=who, other=s.name), a.id)
        elif action == "arrest" and t:
            _arrest(world, ledger, a, t)
    elif isinstance(a, NGO):
        if action == "relieve" and t in world.crises:
            c = world.crises[t]
            c.relief = F.RELIEF_SHARE * 100  # more NGOs reach more victims, not the cause
            if a.id not in c.responders:
                c.responders.append(a.id)
            if c.kind in ("famine", "refugees", "plague"):
                ops.add(c, "severity", -8)
            ops.add(a, "credibility", 2)
            ledger.line(
                "action",
                ledger.later("relief", who=who, crisis=ops.crisis_label(world, c)),
                a.id,
            )
        elif action == "warn" and t in world.groups:
            g = world.groups[t]
            g.warned_by.append(a.id)
            g.warning_credibility = max(g.warning_credibility, a.credibility)
            host = world.state(world.host_of(g) or "")
            if a.credibility >= F.WARNING_HEEDED:
                if host is not None:
                    ops.add(host, "pressure", 15)
                ledger.line(
                    "action",
                    ledger.later("warns_heard", who=who, group=g.name),
                    a.id,
                )
            else:
                ops.add(a, "credibility", -1)
                ledger.line(
                    "action",
                    ledger.later("warns_dismissed", who=who, group=g.name),
                    a.id,
                )
        elif action == "campaign" and t in world.actors:
            target = world.actors[t]
            scale = min(2.0, 0.5 + a.volunteers / 50)
            if isinstance(target, State):
                ops.add(target, "pressure", 15 * scale)
            elif isinstance(target, GlobalBody):
                ops.add(target, "mandate", 1.5 * scale)
                ops.add(target, "legitimacy", 2 * scale)
            ledger.line("action", ledger.later("campaigns", who=who, target=target.name), a.id)
        elif action == "recruit":
            ops.add(a, "volunteers", recruits(world, a))
            ops.add(a, "credibility", 2)
            ledger.line("action", ledger.later("recruits", who=who), a.id)
        elif action == "expand" and t in world.actors and t not in a.reach:
            a.reach.append(t)
            ops.add(a, "volunteers", -a.volunteers * 0.05)
            ledger.line(
                "action", ledger.later("opens_office", who=who, place=ops.name(world, t)), a.id
            )


def _make_peace(world: World, ledger: Ledger, a: State, enemy: str) -> None:
    for w in list(world.wars.values()):
        if {w.attacker, w.defender} != {a.id, enemy}:
            continue
        if w.attacker == a.id:
            ops.end_wars_between(world, ledger, w.id, say("sued_for_peace", who=a.name))
            return
        attacker = world.state(w.attacker)
        if attacker is None or (w.age >= 2 and attacker.military < a.military * 1.2):
            ops.end_wars_between(world, ledger, w.id, say("peace_accepted", who=a.name))
        else:
            ledger.line("war", ledger.later("fights_on", who=a.name, enemy=attacker.name), a.id)
        return


def _tax_capital(world: World, ledger: Ledger, s: State) -> None:
    """Markets punish the lone regulator: capital flees a tax that no one coordinates."""
    coord = 0.0  # the best coordination among its unions and its trade and bank bodies
    for f in world.federations():
        if f.purpose == "union" and s.id in f.members:
            coord = max(coord, f.depth / F.COORDINATED)
    for b in world.bodies():
        if b.body in ("trade", "bank") and (
            b.members is None or s.id in b.members or s.id in b.permanent
        ):
            coord = max(coord, (b.mandate + b.enforcement) / (2 * F.COORDINATED))
    coord = min(1.0, coord)
    corps = list(world.corporations.values())
    escape = sum(c.escape for c in corps) / len(corps) if corps else 0.0
    revenue = s.wealth * F.TAX_REVENUE
    flight = revenue * F.CAPITAL_FLIGHT * (escape / 100) * (1 - coord)
    ops.add(s, "wealth", revenue - flight)
    share = max(0.0, 1 - flight / (F.CAPITAL_FLIGHT * revenue)) if revenue > 0 else 0.0
    ledger.change("justice", F.TAX_JUSTICE * share, ledger.say("taxed_capital", who=s.name))
    if flight > 0.5 * revenue:
        for c in corps:
            ops.add(c, "capital", flight / len(corps))
        ledger.line(
            "world",
            ledger.later("capital_flees", who=s.name, flight=f"{flight:.1f}"),
            s.id,
        )
    else:
        ledger.line(
            "action",
            ledger.later("capital_stays", who=s.name),
            s.id,
        )


def _propose(world: World, ledger: Ledger, o: Order) -> None:
    body = world.actors.get(o.target or "")
    if not isinstance(body, GlobalBody) or o.option is None or o.subject is None:
        return
    key = (body.id, o.option, o.subject)
    # tabled by someone else this same turn: one resolution, one vote
    tabled = next((p for p in world.proposals.values() if (p.body, p.kind, p.target) == key), None)
    if tabled is not None and ledger.quiet:
        return  # a look-ahead step: nothing to report, so no name to say
    kind = say(f"proposal.{o.option}")
    who, subject = ops.name(world, o.actor), ops.name(world, o.subject)
    start = ledger.start  # a crisis or war that ended earlier this turn: its name then
    if (
        subject == o.subject
        and start is not None
        and (o.subject in start.crises or o.subject in start.wars)
    ):
        subject = ops.name(start, o.subject)
    if tabled is not None:
        # The report names who seconded it (or a seat that paid for it would find its order
        # gone without a word), all in one line: its list of names is said when it is read.
        names = ledger.seconded.get(tabled.id)
        if names is None:
            names = ledger.seconded[tabled.id] = []
            first = ops.name(world, tabled.proposer)
            args = {"first": first, "body": body.name, "kind": kind, "subject": subject}
            # a secretariat tables in its own body: "the UN tabled", not "in the UN" again
            line = "seconded_own" if tabled.proposer == body.id else "seconded"
            ledger.line("vote", ledger.later(line, **args, who=names), o.actor)
        names.append(who)
        return
    pid = world.new_id("res")
    world.proposals[pid] = Proposal(
        id=pid,
        body=body.id,
        proposer=o.actor,
        kind=o.option,
        target=o.subject,
        opened=world.turn,  # type: ignore[arg-type]
        subject=as_data(subject),  # its name, should the crisis end before the vote
    )
    if o.actor == body.id:
        # a secretariat's appeal for its own mandate: the body is not named again as its subject
        own = "tables_self" if o.subject == body.id else "tables"
        line = ledger.later(own, who=who, kind=kind, subject=subject)
    else:
        line = ledger.later("tables_in", who=who, body=body.name, kind=kind, subject=subject)
    ledger.line("vote", line, o.actor)


def arrest_succeeds(world: World, court: GlobalBody, state_id: str) -> bool:
    """Whether the court's arrest in ``state_id`` would take its suspects (a failed one costs
    the court legitimacy): it arrests on its own only when strong; otherwise it needs a force
    already on the ground under a UN authorization."""
    if court.enforcement >= F.ARREST_ENFORCEMENT:
        return True
    return any(
        c.authorized
        and c.state == state_id
        and any(
            world.actors.get(r) is not None and world.actors[r].kind != "ngo" for r in c.responders
        )
        for c in world.crises.values()
    )


def _arrest(world: World, ledger: Ledger, court: GlobalBody, state_id: str) -> None:
    s = world.state(state_id)
    if s is None:
        return
    if arrest_succeeds(world, court, state_id):
        # the suspects are taken (a new indictment may follow new crimes); that the court once
        # made its arrests stays on record, for the goals that read it
        s.indicted = False
        s.arrested = True
        for c in list(world.crises.values()):
            if c.state == state_id and c.kind in OWN_DOING:
                ops.add(c, "severity", -F.ARREST_SEVERITY)
                if c.severity <= 0:
                    ops.end_crisis(world, ledger, c.id, say("authors_arrested"))
        ops.add(court, "legitimacy", 10)
        ledger.change("freedom", 3, ledger.say("arrested", who=court.name, other=s.name))
    else:
        ops.add(court, "legitimacy", -5)
        ledger.line("action", ledger.later("no_arrests", who=court.name, other=s.name), court.id)
