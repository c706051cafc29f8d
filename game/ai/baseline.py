"""The baseline AI: a rule-of-thumb player for every kind of actor that only plays legal orders.

It scores each legal order by what the actor's mission weighs and what the world shows (a
crisis's severity, a state's fear, a group's grievance), adds a little noise from its own
generator, and takes the best orders its action points allow. Its generator is derived from the
scenario, the turn and the actor: it never steps the world's generator, so a human playing a
seat instead of the AI changes nothing else.
"""

from __future__ import annotations

import zlib

from game.engine.actions import VIOLENT, Move, legal_moves, neighbors_of, wealth_per_person
from game.engine.model import CRITERIA, NGO, Crisis, Federation, GlobalBody, State
from game.engine.orders import ACTIONS, Order
from game.engine.resolve import card_by_id
from game.engine.retable import renewed_cause
from game.engine.rng import Rng, mix
from game.engine.scoring import mission_of
from game.engine.structure import power
from game.engine.world import World


class BaselineBot:
    """``choose(world, actor_id) -> orders``; one instance can play every seat."""

    name = "baseline"

    def __init__(self) -> None:
        self._rules: object = None
        self._wt: dict[str, dict[str, float]] = {}

    def _weights(self, world: World, actor_id: str) -> dict[str, float]:
        """The mission's weights, scaled to a mean of 1 (the rules never change in a match)."""
        if world.rules is not self._rules:
            self._rules, self._wt = world.rules, {}
        wt = self._wt.get(actor_id)
        if wt is None:
            m = mission_of(world, actor_id)
            mean = sum(m.weights.get(c, 0.0) for c in CRITERIA) / 4 or 1.0
            wt = self._wt[actor_id] = {c.value: m.weights.get(c, 0.0) / mean for c in CRITERIA}
        return wt

    def choose(self, world: World, actor_id: str, legal: list[Order] | None = None) -> list[Order]:
        actor = world.actors.get(actor_id)
        if actor is None or world.ended:
            return []
        moves = (
            legal_moves(world, actor_id)
            if legal is None
            else [
                Move(o.action, o.target, o.subject, o.option) for o in legal if o.actor == actor_id
            ]
        )
        # Seeded from what every seat may see (not the match's secret seed), so a bot given its
        # seat's view chooses exactly as one given the whole world.
        rng = Rng(
            mix(zlib.crc32(world.scenario.encode()), world.turn, zlib.crc32(actor_id.encode()))
        )
        wt = self._weights(world, actor_id)
        allies = _allies(world, actor_id)

        base = rng.random()
        utility = _UTILITY[actor.kind]
        free: list[Move] = []
        scored: list[tuple[float, int, Move]] = []
        votes: dict[str, list[Move]] = {}
        cards: dict[str, list[Move]] = {}
        for i, o in enumerate(moves):
            if o.action == "vote":
                votes.setdefault(o.target or "", []).append(o)
            elif o.action == "choose":
                cards.setdefault(o.target or "", []).append(o)
            else:
                u = utility(world, actor, o, wt, allies)
                if u > 0:
                    # Noise to break near-ties: a low-discrepancy sequence from one draw.
                    jitter = (base + i * 0.6180339887498949) % 1.0
                    scored.append((-(u + jitter * 0.3), i, o))
        for key, options in cards.items():
            free.append(_pick_option(world, key, options, wt, rng))
        for pid, options in votes.items():
            choice = _vote(world, actor_id, pid, wt, allies)
            free.extend(o for o in options if o.option == choice)
        scored.sort()
        chosen: list[Move] = []
        ap = actor.action_points
        used_actions: set[str] = set()
        for _, _, o in scored:
            cost = ACTIONS[o.action].cost
            if cost > ap or o.action in used_actions:
                continue
            chosen.append(o)
            used_actions.add(o.action)
            ap -= cost
            if ap <= 0:
                break
        return [m.order(actor_id) for m in free + chosen]


def _side_power(world: World, state_id: str) -> float:
    """A state's power with its alliances' common forces behind it (deterrence)."""
    s = world.state(state_id)
    total = power(s) if s is not None else 0.0
    for f in world.federations():
        if f.purpose == "alliance" and state_id in f.members:
            total += f.force
    return total


def _will(crisis, alone: bool = False) -> bool:
    """Political will: the AI acts on a crisis only once it is grave or others authorized it,
    and acting alone takes a graver crisis still ("not organization but political will")."""
    if crisis.authorized:
        return True
    return crisis.kind == "cleansing" or crisis.severity >= (50 if alone else 40)


def _allies(world: World, actor_id: str) -> set[str]:
    out = {actor_id}
    for t in world.treaties.values():
        if t.kind == "alliance" and actor_id in t.parties:
            out.update(t.parties)
    return out


def _crisis_of(world: World, o: Move) -> tuple[Crisis | None, float]:
    """The crisis a force or relief order aims at, and its severity on a 0–2.5 scale."""
    if o.action in ("intervene", "deploy", "relieve"):
        crisis = world.crises.get(o.target or "")
        return crisis, (crisis.severity / 40 if crisis else 0.0)
    return None, 0.0


def _state_utility(
    world: World, a: State, o: Move, wt: dict[str, float], allies: set[str]
) -> float:
    t = o.target
    crisis, sev = _crisis_of(world, o)
    match o.action:
        case "propose":
            return _proposal_utility(world, a.id, o, wt, allies)
        case "aid":
            other = world.state(t or "")
            if other is None or a.wealth <= 60:
                return 0.0
            ratio = wealth_per_person(world, a) / max(0.01, wealth_per_person(world, other))
            return 0.1 * wt["justice"] * min(3.0, ratio / 3)
        case "cede":
            return 0.15 * wt["justice"]
        case "fund":
            return 0.15
        case "reclaim":
            return 0.25 if a.sovereignty < 50 else 0.02
        case "attack":
            other = world.state(t or "")
            if other is None or t in allies or a.government == "republic":
                return 0.0
            edge = _side_power(world, a.id) / max(1.0, _side_power(world, other.id)) - 2.0
            return 0.25 * edge + (a.fear - 50) / 100 - 0.3 * wt["peace"]
        case "leave":
            return 0.02
        case "invest":
            return 0.8 + 0.2 * wt["justice"]
        case "reform":
            return 0.5 * wt["freedom"] if a.freedom < 70 else 0.05
        case "tax_capital":
            return 0.35 * wt["justice"]
        case "disarm":
            return 0.3 if a.fear < 15 else 0.0
        case "arm":
            return (a.fear - 30) / 50
        case "join":
            org = world.actors[t]  # type: ignore[index]
            if (
                isinstance(org, Federation)
                and org.purpose == "union"
                and a.government == "republic"
            ):
                return 0.25
            return 0.05
        case "intervene":
            if crisis is None or crisis.state in allies or not _will(crisis, alone=True):
                return 0.0
            if a.military < 25 or (
                crisis.state not in neighbors_of(world, a.id) and a.military < 60
            ):
                return 0.0
            return wt["peace"] * sev * (0.7 if a.government == "republic" else 0.4) - (
                0.0 if crisis.authorized else 0.35
            )
        case "repress":
            g = world.groups[t]  # type: ignore[index]
            temptation = 1.1 if a.government == "autocracy" else 0.1
            return temptation * g.grievance / 100 - a.pressure / 100 - 0.3 * wt["freedom"] + 0.3
        case "grant_autonomy":
            g = world.groups[t]  # type: ignore[index]
            return (0.4 * wt["pluralism"] + (0.3 if a.government == "republic" else -0.3)) * (
                1 - g.autonomy / 100
            ) + a.pressure / 200
        case "make_peace":
            return 0.4 + 0.5 * wt["peace"]
    return 0.0


def _federation_utility(
    world: World, a: Federation, o: Move, wt: dict[str, float], allies: set[str]
) -> float:
    t = o.target
    crisis, sev = _crisis_of(world, o)
    match o.action:
        case "integrate":
            # A union whose member represses its own people is torn, not deepened; autocrats
            # make reluctant partners.
            if any(c.state in a.members and c.kind in VIOLENT for c in world.crises.values()):
                return 0.0
            members = [world.state(m) for m in a.members]
            willing = sum(1 for s in members if s is not None and s.government == "republic")
            share = willing / len(members) if members else 0.0
            return (0.45 if a.purpose == "union" else 0.1) * (1 - a.depth / 100) * share
        case "redistribute":
            return 0.6 * wt["justice"]
        case "build_force":
            return 0.6 if a.force < 25 else 0.1
        case "deploy":
            if crisis is None or not _will(crisis):
                return 0.0
            if crisis.state in a.members and a.depth < 75:
                return 0.0  # a loose union does not turn its force on its own member
            return wt["peace"] * sev * 1.1 - (0.0 if crisis.authorized else 0.25)
        case "sanction":
            bad = any(
                c.state == t and c.kind in ("repression", "cleansing")
                for c in world.crises.values()
            )
            return 0.5 if bad else 0.0
    return 0.0


def _body_utility(
    world: World, a: GlobalBody, o: Move, wt: dict[str, float], allies: set[str]
) -> float:
    t = o.target
    sev = _crisis_of(world, o)[1]
    match o.action:
        case "build_capacity":
            return 0.6 if a.enforcement < 45 else 0.15
        case "deploy":
            return 1.2 * sev + 0.2
        case "lend":
            other = world.state(t or "")
            if other is None:
                return 0.0
            if any(c.state == t and c.kind == "financial" for c in world.crises.values()):
                return 1.0
            return 0.4 * wt["justice"] if other.wealth < 40 else 0.0
        case "regulate":
            return 0.4 * wt["justice"]
        case "indict":
            return 0.9
        case "arrest":
            return 0.9 if a.enforcement >= 40 else 0.1
        case "propose":
            return _proposal_utility(world, a.id, o, wt, allies)
    return 0.0


def _ngo_utility(world: World, a: NGO, o: Move, wt: dict[str, float], allies: set[str]) -> float:
    t = o.target
    sev = _crisis_of(world, o)[1]
    match o.action:
        case "relieve":
            return sev + 0.2
        case "warn":
            g = world.groups[t]  # type: ignore[index]
            return g.grievance / 80 if g.security < 50 else 0.0
        case "campaign":
            target = world.actors[t]  # type: ignore[index]
            if isinstance(target, State):
                return 0.6 if any(c.state == t for c in world.crises.values()) else 0.05
            return 0.2
        case "recruit":
            return 0.5
        case "expand":
            return 0.15
    return 0.0


_UTILITY = {
    "state": _state_utility,
    "federation": _federation_utility,
    "global_body": _body_utility,
    "ngo": _ngo_utility,
}


def _proposal_utility(
    world: World, me: str, o: Move, wt: dict[str, float], allies: set[str]
) -> float:
    u = _proposal_worth(world, me, o, wt, allies)
    # A resolution vetoed before, on a matter no graver, will most likely be vetoed again: the AI
    # would rather spend the point on what else can be done.
    if u > 0 and not renewed_cause(world, o.target or "", o.option or "", o.subject or ""):
        u *= 0.7
    return u


def _proposal_worth(
    world: World, me: str, o: Move, wt: dict[str, float], allies: set[str]
) -> float:
    subj = o.subject or ""
    match o.option:
        case "authorize_force":
            c = world.crises.get(subj)
            if c is None or c.state in allies:
                return 0.0
            return wt["peace"] * c.severity / 35
        case "sanctions":
            if subj in allies:
                return 0.0
            bad = any(
                c.state == subj and c.kind in ("repression", "cleansing")
                for c in world.crises.values()
            )
            return 0.5 if bad else 0.0
        case "mediate":
            return 0.6 * wt["peace"]
        case "aid_package":
            s = world.state(subj)
            return 0.3 * wt["justice"] if s is not None and s.wealth < 30 else 0.0
        case "standards":
            return 0.35 * wt["justice"]
    return 0.0


def _vote(world: World, me: str, pid: str, wt: dict[str, float], allies: set[str]) -> str:
    p = world.proposals.get(pid)
    if p is None:
        return "abstain"
    if p.kind == "authorize_force":
        c = world.crises.get(p.target)
        if c is None:
            return "abstain"
        if c.state in allies:
            return "no"
        # Sovereign states are slow to authorize force against another's internal affairs.
        grave = (
            c.kind == "cleansing" or c.severity >= 45 or (c.severity >= 35 and wt["peace"] >= 1.2)
        )
        return "yes" if grave else "abstain"
    if p.kind == "sanctions":
        return "no" if p.target in allies else "yes"
    if p.kind == "standards":
        home = any(corp.home == me for corp in world.corporations.values())
        return "no" if home and wt["justice"] < 1 else "yes"
    return "yes"


def _pick_option(
    world: World, key: str, options: list[Move], wt: dict[str, float], rng: Rng
) -> Move:
    hand = next((h for h in world.hand if h.key == key), None)
    card = card_by_id(world, hand.card) if hand else None
    if card is None:
        return options[0]
    best, best_u = options[0], float("-inf")
    for o in options:
        opt = next((x for x in card.options if x.id == o.option), None)
        u = rng.random() * 2
        for e in opt.effects if opt else []:
            if e.type == "criterion":
                u += e.amount * wt[e.criterion.value]
        if u > best_u:
            best, best_u = o, u
    return best
