"""The baseline AI: a rule-of-thumb player for every kind of actor that only plays legal orders.

It scores each legal order by what the actor's mission weighs and what the world shows (a
crisis's severity, a state's fear, a group's grievance), adds a little noise from its own
generator, and takes the best orders its action points allow. Its generator is derived from the
scenario, the turn and the actor: it never steps the world's generator, so a human playing a
seat instead of the AI changes nothing else.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from game.engine.actions import (
    VIOLENT,
    Block,
    Move,
    legal_listing,
    neighbors_of,
    wealth_per_person,
)
from game.engine.mechanics import voters
from game.engine.model import CRITERIA, NGO, Crisis, Federation, GlobalBody, State
from game.engine.orders import ACTIONS, Order
from game.engine.retable import renewed_cause
from game.engine.rng import MASK, Rng, mix, next_u64
from game.engine.scenario import Card
from game.engine.scoring import mission_of, stat_goals
from game.engine.structure import power
from game.engine.world import World

# The golden ratio's fractional part: consecutive moves' noise spread evenly over [0, 1).
_PHI = 0.6180339887498949


class BaselineBot:
    """``choose(world, actor_id) -> orders``; one instance can play every seat."""

    name = "baseline"

    def __init__(self) -> None:
        self._rules: object = None
        self._wt: dict[str, dict[str, float]] = {}
        self._crc: dict[str, int] = {}
        self._effects: dict[tuple[str, str | None], tuple[tuple[float, str], ...]] = {}

    def _weights(self, world: World, actor_id: str) -> dict[str, float]:
        """The mission's weights, scaled to a mean of 1 (the rules never change in a match)."""
        if world.rules is not self._rules:
            self._rules, self._wt, self._effects = world.rules, {}, {}
        wt = self._wt.get(actor_id)
        if wt is None:
            m = mission_of(world, actor_id)
            mean = sum(m.weights.get(c, 0.0) for c in CRITERIA) / 4 or 1.0
            wt = self._wt[actor_id] = {c.value: m.weights.get(c, 0.0) / mean for c in CRITERIA}
        return wt

    def _rng(self, facts: _Facts, actor_id: str) -> Rng:
        """The seat's own generator: seeded from what every seat may see (not the match's secret
        seed), so a bot given its seat's view chooses exactly as one given the whole world."""
        crc = self._crc.get(actor_id)
        if crc is None:
            crc = self._crc[actor_id] = zlib.crc32(actor_id.encode())
        return Rng(_mix_on(facts.seed, crc))

    def choose(self, world: World, actor_id: str, legal: list[Order] | None = None) -> list[Order]:
        actor = world.actors.get(actor_id)
        if actor is None or world.ended:
            return []
        if legal is None:
            moves, blocks = legal_listing(world, actor_id)
        else:
            moves = [
                Move(o.action, o.target, o.subject, o.option) for o in legal if o.actor == actor_id
            ]
            blocks = ()
        facts = _facts(world)
        rng = self._rng(facts, actor_id)
        wt = self._weights(world, actor_id)
        seat = _Seat(world, actor, wt, facts.allies_of(actor_id), facts)

        base = rng.random()
        kind = actor.kind
        flat = _FLAT[kind](actor, wt).get
        targeted = _TARGETED[kind].get
        # Each action's best move as (-score, index, move). Every move of an action costs the
        # same, so taking the best-scored moves of distinct actions (below) only ever takes an
        # action's best: ranking each action's best is ranking every move.
        best: dict[str, tuple[float, int, Move]] = {}
        votes: dict[str, list[Move]] = {}
        cards: dict[str, list[Move]] = {}
        pos, n = 0, len(moves)
        for block in (*blocks, None):  # the moves between the long blocks of one action
            stretch = (
                moves
                if block is None and pos == 0
                else moves[pos : n if block is None else block.start]
            )
            for i, o in enumerate(stretch, pos):
                action = o[0]
                u = flat(action)
                if u is None:
                    utility = targeted(action)
                    if utility is None:
                        if action == "vote":
                            votes.setdefault(o[1] or "", []).append(o)
                        elif action == "choose":
                            cards.setdefault(o[1] or "", []).append(o)
                        continue
                    u = utility(seat, o)
                if u > 0:
                    # Noise to break near-ties: a low-discrepancy sequence from one draw.
                    jitter = (base + i * _PHI) % 1.0
                    score = -(u + jitter * 0.3)
                    held = best.get(action)
                    if held is None or score < held[0]:  # on a tie the earlier move stays
                        best[action] = (score, i, o)
            if block is None:
                break
            pos = block.stop
        if blocks:
            self._blocks(seat, moves, blocks, best, flat, base, actor.action_points)
        free: list[Move] = []
        for key, options in cards.items():
            free.append(self._pick_option(world, key, options, wt, rng))
        for pid, options in votes.items():
            choice = _vote(seat, pid)
            free.extend(o for o in options if o.option == choice)
        scored = sorted(best.values())
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

    def _blocks(
        self,
        seat: _Seat,
        moves: Sequence[Move],
        blocks: Sequence[Block],
        best: dict[str, tuple[float, int, Move]],
        flat: Callable[[str], float | None],
        base: float,
        points: int,
    ) -> None:
        """Fold the long blocks of one action (aid, a body's resolutions) into ``best``, the
        most promising first. A block none of whose moves could be taken is not scored: its
        best worth (``_ceiling``) is below that of enough other actions to spend every point
        first (the choice below takes actions best first until the points run out)."""
        ranked = []
        for block in blocks:
            u = flat(block.action)
            top = _ceiling(seat, block) if u is None else u
            if top is None:
                top = float("inf")
            elif top <= 0:
                continue  # no move of it is worth anything: none would be kept
            ranked.append((-top, block.start, block, u, top))
        ranked.sort(key=lambda t: (t[0], t[1]))
        for _, _, block, u, top in ranked:
            # every move of the block scores -(worth + noise × 0.3) ≥ -(top + 0.3); and once one
            # block is out of reach so is every block after it, whose best worth is no higher
            if top < float("inf") and _spent_before(best, -(top + 0.3), points):
                break
            action, start, stop = block.action, block.start, block.stop
            if u is None:
                worths = _BLOCK[action](seat, moves[start:stop], block)
            else:  # the same worth for every move of the block
                worths = [u] * (stop - start)
            _keep(best, action, moves, start, worths, base)

    def _pick_option(
        self, world: World, key: str, options: list[Move], wt: dict[str, float], rng: Rng
    ) -> Move:
        hand = next((h for h in world.hand if h.key == key), None)
        card = world.rules.card(hand.card) if hand else None
        if card is None:
            return options[0]
        best, best_u = options[0], float("-inf")
        for o in options:
            u = rng.random() * 2
            for amount, criterion in self._option_effects(card, o.option):
                u += amount * wt[criterion]
            if u > best_u:
                best, best_u = o, u
        return best

    def _option_effects(self, card: Card, option: str | None) -> tuple[tuple[float, str], ...]:
        """An option's effects on the criteria as (amount, criterion), in the card's order
        (kept per card and option: the rules never change in a match)."""
        key = (card.id, option)
        effects = self._effects.get(key)
        if effects is None:
            opt = next((x for x in card.options if x.id == option), None)
            effects = self._effects[key] = tuple(
                (e.amount, e.criterion.value)
                for e in (opt.effects if opt else [])
                if e.type == "criterion"
            )
        return effects


def _mix_on(prefix: int, last: int) -> int:
    """``mix(a, b, last)`` given ``prefix = mix(a, b)``: mix folds its parts in one at a time,
    so the part every seat shares (scenario and turn) is folded once per world."""
    return next_u64((prefix ^ (last & MASK)) & MASK)[1]


@dataclass(slots=True)
class _Facts:
    """What every seat's choice reads of one world, worked out once (kept in ``World.memo``): a
    seat's utilities then look things up instead of scanning every crisis, treaty or alliance.
    It holds no reference to the world (the world's memo holds it: no cycle to collect)."""

    seed: int  # mix(crc32(scenario), turn): each seat's generator folds in its own id
    partners: dict[str, set[str]]  # actor -> the parties of every alliance treaty it is in
    wpp: dict[str, float]  # each state's wealth per person
    crisis_states: set[str]  # states with any crisis
    abusive: set[str]  # states repressing or cleansing their own people
    financial: set[str]  # states in a financial panic
    violent: set[str]  # states with a crisis that force can stop
    alliance_forces: dict[str, list[float]]  # state -> its alliances' forces, in their order
    corporation_homes: set[str]
    # each resolution a seat may table, as _resolution reads it (filled as asked)
    resolutions: dict[Move, tuple[str, str | None, float, bool]] = field(default_factory=dict)
    # a body's shared list of resolutions (by identity: one object a world) -> _matters of it
    body_matters: dict[int, tuple] = field(default_factory=dict)
    _side_power: dict[str, float] = field(default_factory=dict)

    def allies_of(self, actor_id: str) -> set[str]:
        out = {actor_id}
        out.update(self.partners.get(actor_id, ()))
        return out

    def side_power(self, world: World, state_id: str) -> float:
        """A state's power with its alliances' common forces behind it (deterrence), added up
        in the alliances' order."""
        total = self._side_power.get(state_id)
        if total is None:
            s = world.state(state_id)
            total = power(s) if s is not None else 0.0
            for force in self.alliance_forces.get(state_id, ()):
                total += force
            self._side_power[state_id] = total
        return total


def _facts(world: World) -> _Facts:
    memo = world.memo()
    facts = memo.get("ai:facts")
    if facts is None:
        facts = memo["ai:facts"] = _build_facts(world)
    return facts


def _build_facts(world: World) -> _Facts:
    partners: dict[str, set[str]] = {}
    for t in world.treaties.values():
        if t.kind == "alliance":
            for p in t.parties:
                partners.setdefault(p, set()).update(t.parties)
    pop = world.geo().population
    alliance_forces: dict[str, list[float]] = {}
    for f in world.federations():
        if f.purpose == "alliance":
            for m in dict.fromkeys(f.members):
                alliance_forces.setdefault(m, []).append(f.force)
    crises = world.crises.values()
    return _Facts(
        seed=mix(zlib.crc32(world.scenario.encode()), world.turn),
        partners=partners,
        wpp={s.id: s.wealth / max(0.1, pop.get(s.id, 0.0)) for s in world.states()},
        crisis_states={c.state for c in crises},
        abusive={c.state for c in crises if c.kind in ("repression", "cleansing")},
        financial={c.state for c in crises if c.kind == "financial"},
        violent={c.state for c in crises if c.kind in VIOLENT},
        alliance_forces=alliance_forces,
        corporation_homes={corp.home for corp in world.corporations.values()},
    )


class _Seat:
    """One actor choosing this turn: what its utilities read."""

    __slots__ = ("actor", "allies", "facts", "world", "wt")

    def __init__(
        self, world: World, actor: object, wt: dict[str, float], allies: set[str], facts: _Facts
    ) -> None:
        self.world = world
        self.actor = actor
        self.wt = wt
        self.allies = allies
        self.facts = facts


def _will(crisis: Crisis, alone: bool = False) -> bool:
    """Political will: the AI acts on a crisis only once it is grave or others authorized it,
    and acting alone takes a graver crisis still ("not organization but political will")."""
    if crisis.authorized:
        return True
    return crisis.kind == "cleansing" or crisis.severity >= (50 if alone else 40)


def _severity(seat: _Seat, o: Move) -> tuple[Crisis | None, float]:
    """The crisis a force or relief order aims at, and its severity on a 0–2.5 scale."""
    crisis = seat.world.crises.get(o.target or "")
    return crisis, (crisis.severity / 40 if crisis else 0.0)


# ---- utilities: for each kind of actor, those the same for every target of an action (worked
# out once a seat), then those that read the target ------------------------------------------

Utility = Callable[[_Seat, Move], float]


def _state_flat(a: State, wt: dict[str, float]) -> dict[str, float]:
    flat = {
        "cede": 0.15 * wt["justice"],
        "fund": 0.15,
        "reclaim": 0.25 if a.sovereignty < 50 else 0.02,
        "leave": 0.02,
        "invest": 0.8 + 0.2 * wt["justice"],
        "reform": 0.5 * wt["freedom"] if a.freedom < 70 else 0.05,
        "tax_capital": 0.35 * wt["justice"],
        "disarm": 0.3 if a.fear < 15 else 0.0,
        "arm": (a.fear - 30) / 50,
        "make_peace": 0.4 + 0.5 * wt["peace"],
    }
    # Targeted utilities that are nothing for this seat whatever the target (their own first
    # tests: _aid, _attack, _intervene): said once here, so a large world's many aid and attack
    # moves are not scored one by one only to be dropped.
    if a.wealth <= 60:
        flat["aid"] = 0.0
    if a.government == "republic":
        flat["attack"] = 0.0
    if a.military < 25:
        flat["intervene"] = 0.0
    return flat


def _aid(seat: _Seat, o: Move) -> float:
    a: State = seat.actor  # type: ignore[assignment]
    if a.wealth <= 60:
        return 0.0
    world, wpp = seat.world, seat.facts.wpp
    # A target in the per-world table is a state, and the table holds its wealth per person.
    theirs = wpp.get(o.target or "")
    if theirs is None:
        other = world.state(o.target or "")
        if other is None:
            return 0.0
        theirs = wealth_per_person(world, other)
    mine = wpp.get(a.id)
    if mine is None:
        mine = wealth_per_person(world, a)
    ratio = mine / max(0.01, theirs)
    return 0.1 * seat.wt["justice"] * min(3.0, ratio / 3)


def _attack(seat: _Seat, o: Move) -> float:
    a: State = seat.actor  # type: ignore[assignment]
    t = o.target
    other = seat.world.state(t or "")
    if other is None or t in seat.allies or a.government == "republic":
        return 0.0
    side = seat.facts.side_power
    edge = side(seat.world, a.id) / max(1.0, side(seat.world, other.id)) - 2.0
    return 0.25 * edge + (a.fear - 50) / 100 - 0.3 * seat.wt["peace"]


def _join(seat: _Seat, o: Move) -> float:
    a: State = seat.actor  # type: ignore[assignment]
    org = seat.world.actors[o.target]  # type: ignore[index]
    if isinstance(org, Federation) and org.purpose == "union" and a.government == "republic":
        return 0.25
    return 0.05


def _intervene(seat: _Seat, o: Move) -> float:
    a: State = seat.actor  # type: ignore[assignment]
    crisis, sev = _severity(seat, o)
    if crisis is None or crisis.state in seat.allies or not _will(crisis, alone=True):
        return 0.0
    if a.military < 25 or (crisis.state not in neighbors_of(seat.world, a.id) and a.military < 60):
        return 0.0
    return seat.wt["peace"] * sev * (0.7 if a.government == "republic" else 0.4) - (
        0.0 if crisis.authorized else 0.35
    )


def _repress(seat: _Seat, o: Move) -> float:
    a: State = seat.actor  # type: ignore[assignment]
    g = seat.world.groups[o.target]  # type: ignore[index]
    temptation = 1.1 if a.government == "autocracy" else 0.1
    return temptation * g.grievance / 100 - a.pressure / 100 - 0.3 * seat.wt["freedom"] + 0.3


def _grant_autonomy(seat: _Seat, o: Move) -> float:
    a: State = seat.actor  # type: ignore[assignment]
    g = seat.world.groups[o.target]  # type: ignore[index]
    return (0.4 * seat.wt["pluralism"] + (0.3 if a.government == "republic" else -0.3)) * (
        1 - g.autonomy / 100
    ) + a.pressure / 200


def _federation_flat(a: Federation, wt: dict[str, float]) -> dict[str, float]:
    return {
        "redistribute": 0.6 * wt["justice"],
        "build_force": 0.6 if a.force < 25 else 0.1,
    }


def _integrate(seat: _Seat, o: Move) -> float:
    # A union whose member represses its own people is torn, not deepened; autocrats make
    # reluctant partners.
    a: Federation = seat.actor  # type: ignore[assignment]
    violent = seat.facts.violent
    if any(m in violent for m in a.members):
        return 0.0
    members = [seat.world.state(m) for m in a.members]
    willing = sum(1 for s in members if s is not None and s.government == "republic")
    share = willing / len(members) if members else 0.0
    return (0.45 if a.purpose == "union" else 0.1) * (1 - a.depth / 100) * share


def _federation_deploy(seat: _Seat, o: Move) -> float:
    a: Federation = seat.actor  # type: ignore[assignment]
    crisis, sev = _severity(seat, o)
    if crisis is None or not _will(crisis):
        return 0.0
    if crisis.state in a.members and a.depth < 75:
        return 0.0  # a loose union does not turn its force on its own member
    return seat.wt["peace"] * sev * 1.1 - (0.0 if crisis.authorized else 0.25)


def _sanction(seat: _Seat, o: Move) -> float:
    return 0.5 if o.target in seat.facts.abusive else 0.0


def _body_flat(a: GlobalBody, wt: dict[str, float]) -> dict[str, float]:
    return {
        "build_capacity": 0.6 if a.enforcement < 45 else 0.15,
        "regulate": 0.4 * wt["justice"],
        "indict": 0.9,
        "arrest": 0.9 if a.enforcement >= 40 else 0.1,
    }


def _body_deploy(seat: _Seat, o: Move) -> float:
    return 1.2 * _severity(seat, o)[1] + 0.2


def _lend(seat: _Seat, o: Move) -> float:
    t = o.target
    other = seat.world.state(t or "")
    if other is None:
        return 0.0
    if t in seat.facts.financial:
        return 1.0
    return 0.4 * seat.wt["justice"] if other.wealth < 40 else 0.0


def _ngo_flat(a: NGO, wt: dict[str, float]) -> dict[str, float]:
    return {"recruit": 0.5, "expand": 0.15}


def _relieve(seat: _Seat, o: Move) -> float:
    return _severity(seat, o)[1] + 0.2


def _warn(seat: _Seat, o: Move) -> float:
    g = seat.world.groups[o.target]  # type: ignore[index]
    return g.grievance / 80 if g.security < 50 else 0.0


def _campaign(seat: _Seat, o: Move) -> float:
    t = o.target
    if isinstance(seat.world.actors[t], State):  # type: ignore[index]
        return 0.6 if t in seat.facts.crisis_states else 0.05
    return 0.2


def _propose(seat: _Seat, o: Move) -> float:
    facts = seat.facts
    matter = facts.resolutions.get(o)
    if matter is None:
        matter = facts.resolutions[o] = _resolution(seat.world, facts, o)
    kind, aimed_at, amount, renewed = matter
    if aimed_at in seat.allies:
        return 0.0  # no resolution against an ally
    return _worth(kind, amount, renewed, seat.wt)


def _resolution(world: World, facts: _Facts, o: Move) -> tuple[str, str | None, float, bool]:
    """What every seat reads of a resolution it may table: its kind, the state an ally would not
    table it against (None: any seat may), the figure its worth grows with (a crisis's severity;
    for sanctions their worth; for an aid package whether the state is poor enough), and whether
    it could be tabled with a new cause (``retable.renewed_cause``)."""
    kind, subj = o.option or "", o.subject or ""
    renewed = renewed_cause(world, o.target or "", kind, subj)
    if kind == "authorize_force":
        c = world.crises.get(subj)
        if c is None:
            return "", None, 0.0, renewed
        return kind, c.state, c.severity, renewed
    if kind == "sanctions":
        return kind, subj, 0.5 if subj in facts.abusive else 0.0, renewed
    if kind == "aid_package":
        s = world.state(subj)
        return kind, None, 1.0 if s is not None and s.wealth < 30 else 0.0, renewed
    return kind, None, 0.0, renewed


_FLAT: dict[str, Callable[..., dict[str, float]]] = {
    "state": _state_flat,
    "federation": _federation_flat,
    "global_body": _body_flat,
    "ngo": _ngo_flat,
}
_TARGETED: dict[str, dict[str, Utility]] = {
    "state": {
        "propose": _propose,
        "aid": _aid,
        "attack": _attack,
        "join": _join,
        "intervene": _intervene,
        "repress": _repress,
        "grant_autonomy": _grant_autonomy,
    },
    "federation": {
        "integrate": _integrate,
        "deploy": _federation_deploy,
        "sanction": _sanction,
    },
    "global_body": {"deploy": _body_deploy, "lend": _lend, "propose": _propose},
    "ngo": {"relieve": _relieve, "warn": _warn, "campaign": _campaign},
}


# ---- scoring the moves: every move in the list's order, or a block of one action at once ------


def _keep(
    best: dict[str, tuple[float, int, Move]],
    action: str,
    moves: Sequence[Move],
    start: int,
    worths: Sequence[float],
    base: float,
) -> None:
    """Fold ``moves[start + k]`` worth ``worths[k]`` into the action's best, exactly as
    ``choose`` scores a move at a time (the same sums; on a tie the earlier move stays, here
    too, where the move held may come later in the list than the block)."""
    held = best.get(action)
    top, first = (held[0], held[1]) if held is not None else (None, -1)
    at = -1
    for k, u in enumerate(worths):
        if u > 0:
            i = start + k
            score = -(u + ((base + i * _PHI) % 1.0) * 0.3)
            if top is None or score < top or (score == top and i < first):
                top, at, first = score, i, i
    if at >= 0:
        best[action] = (top, at, moves[at])  # type: ignore[assignment]


def _spent_before(best: dict[str, tuple[float, int, Move]], bound: float, points: int) -> bool:
    """Whether ``choose``'s pick, taking actions best first, spends every point on actions
    scoring below ``bound`` (better than it) before any action scoring ``bound`` or more."""
    for _, _, o in sorted(v for v in best.values() if v[0] < bound):
        cost = ACTIONS[o.action].cost
        if cost <= points:
            points -= cost
            if points <= 0:
                return True
    return False


def _ceiling(seat: _Seat, block: Block) -> float | None:
    """The most any move of a block whose worth reads its target can be worth to the seat
    (None: no bound known), its noise aside."""
    if block.action == "aid":
        a: State = seat.actor  # type: ignore[assignment]
        # _aid_block: k × the ratio of wealth per person over 3, at most 3 (every aid target is
        # a state, in the table of wealth per person); the product as it computes it
        return 0.1 * seat.wt["justice"] * 3.0 if a.wealth > 60 else 0.0
    if block.action == "propose":
        wt = seat.wt
        classes = _body_matters(seat, block.source or ())[2]
        return max((_worth(k, x, r, wt) for k, x, r in classes), default=0.0)
    return None


def _aid_block(seat: _Seat, part: Sequence[Move], block: Block) -> list[float]:
    """Aid to each state poor enough, as ``_aid`` scores it, the seat's own figures read once."""
    a: State = seat.actor  # type: ignore[assignment]
    if a.wealth <= 60:
        return []
    world, wpp = seat.world, seat.facts.wpp
    mine = wpp.get(a.id)
    if mine is None:
        mine = wealth_per_person(world, a)
    k = 0.1 * seat.wt["justice"]
    worths = []
    for o in part:
        theirs = wpp.get(o[1] or "")
        if theirs is None:
            worths.append(_aid(seat, o))
        else:
            worths.append(k * min(3.0, mine / max(0.01, theirs) / 3))
    return worths


def _propose_block(seat: _Seat, part: Sequence[Move], block: Block) -> list[float]:
    """The resolutions of one body, as ``_propose`` scores them: what each resolution is, read
    once a world for a body's shared list; its worth, once a seat for each kind of matter."""
    source = block.source or ()
    aimed, kinds, classes = _body_matters(seat, source)
    wt, allies = seat.wt, seat.allies
    worth = [_worth(kind, amount, renewed, wt) for kind, amount, renewed in classes]
    worths = [0.0 if target in allies else worth[c] for target, c in zip(aimed, kinds, strict=True)]
    if block.without is not None:  # the seat's own block leaves out what is aimed at itself
        without = block.without
        worths = [w for w, m in zip(worths, source, strict=True) if m[2] not in without]
    return worths


def _body_matters(
    seat: _Seat, source: Sequence[Move]
) -> tuple[list[str | None], list[int], list[tuple[str, float, bool]]]:
    """``_matters`` of a body's shared list of resolutions, worked out once a world."""
    facts = seat.facts
    matters = facts.body_matters.get(id(source))
    if matters is None:
        matters = facts.body_matters[id(source)] = _matters(seat.world, facts, source)
    return matters


def _matters(
    world: World, facts: _Facts, part: Sequence[Move]
) -> tuple[list[str | None], list[int], list[tuple[str, float, bool]]]:
    """For each resolution: the state an ally would not table it against, and its matter's place
    among the distinct matters (kind, the figure its worth grows with, renewed)."""
    aimed: list[str | None] = []
    kinds: list[int] = []
    places: dict[tuple[str, float, bool], int] = {}
    for o in part:
        matter = facts.resolutions.get(o)
        if matter is None:
            matter = facts.resolutions[o] = _resolution(world, facts, o)
        kind, aimed_at, amount, renewed = matter
        aimed.append(aimed_at)
        kinds.append(places.setdefault((kind, amount, renewed), len(places)))
    return aimed, kinds, list(places)


def _worth(kind: str, amount: float, renewed: bool, wt: dict[str, float]) -> float:
    """What tabling a resolution is worth to a seat, unless it is aimed at an ally."""
    if kind == "authorize_force":
        u = wt["peace"] * amount / 35
    elif kind == "sanctions":
        u = amount
    elif kind == "mediate":
        u = 0.6 * wt["peace"]
    elif kind == "aid_package":
        u = 0.3 * wt["justice"] if amount else 0.0
    elif kind == "standards":
        u = 0.35 * wt["justice"]
    else:
        u = 0.0
    # A resolution vetoed before, on a matter no graver, will most likely be vetoed again: the AI
    # would rather spend the point on what else can be done.
    if u > 0 and not renewed:
        u *= 0.7
    return u


# Each long block's worths, move by move (``Block``): the same as the action's utility gives.
_BLOCK: dict[str, Callable[[_Seat, Sequence[Move], Block], list[float]]] = {
    "aid": _aid_block,
    "propose": _propose_block,
}


def _vote(seat: _Seat, pid: str) -> str:
    world, wt, allies = seat.world, seat.wt, seat.allies
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
        home = seat.actor.id in seat.facts.corporation_homes  # type: ignore[attr-defined]
        return "no" if home and wt["justice"] < 1 else "yes"
    if p.kind == "mandate":
        return _mandate_vote(world, seat.actor, seat.facts, p.body)
    return "yes"


def appeal_votes(world: World, body_id: str) -> dict[str, str]:
    """How each member would vote, as this bot votes, on the body's appeal for a wider mandate:
    what a secretariat weighs before it asks."""
    body = world.actors.get(body_id)
    if not isinstance(body, GlobalBody):
        return {}
    facts = _facts(world)
    return {
        m: _mandate_vote(world, world.actors[m], facts, body_id)
        for m in voters(world, body)
        if m in world.actors
    }


def _mandate_vote(world: World, actor: object, facts: _Facts, body_id: str) -> str:
    """A wider mandate for a body takes from every member's freedom of action: a seat whose
    mission counts that body's mandate votes as its goal asks; otherwise a state grants it only
    when it needs the body (afraid, or a crisis at home), and refuses it (a great power, a
    permanent member, with a veto)."""
    aid = actor.id  # type: ignore[attr-defined]
    for c in stat_goals(mission_of(world, aid), body_id, "mandate"):
        return "yes" if c.min is not None else "no"
    if isinstance(actor, State) and (actor.fear >= 50 or aid in facts.crisis_states):
        return "yes"
    return "no"
