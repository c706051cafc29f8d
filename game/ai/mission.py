"""Mission AI: one player per kind of actor, driven by its seat's mission, that looks ahead.

Each decision, for one seat:

1. It reads only its seat's view (``view(world, seat)``); the look-ahead itself runs on the
   public view (``view(world, None)``), which any seat's view yields alike, so the bot chooses
   the same from its view as from the whole world. A seat with no card in hand and no vote on
   record sees nothing the public view does not show but its own mission: it decides on the
   turn's shared public view, with no copy of the world of its own.
2. It predicts the others: the baseline bot's orders for every actor on the public view,
   computed once per turn and shared by every seat (kept in the world's memo).
3. It draws a shortlist of candidate order sets: the baseline's own plan for the seat, and
   variants that swap in the moves its role favours (``roles.py``: a state balancing a rising
   neighbour, a union deploying its force, a secretariat seeking mandate, an NGO warning), its
   role's staple first (a state's autonomy for a group: worth more over the rest of the match
   than one turn shows). When a goal on the seat's own figures (its budget, its sovereignty)
   stands near its line, a state so placed favours taking its sovereignty back over pooling
   more of it, and if the best course found spends that figure, holding back (no move) is
   tried too. If the best course found throws away a goal that holds now (one reform too many
   for a goal that keeps the seat's state an autocracy), that course without each of its
   moves is tried too.
4. It plays each candidate on a copy with ``advance`` against the prediction (one or two turns,
   by level; the last with ``peek``, which deals no cards for a turn nobody will play, and with
   the prediction checked once a turn), and scores the result by its mission (``value.py``:
   weighted criteria, the goals whose conditions hold and how near their lines stand, as they
   stand where the match may end as the coming turn resolves (``horizon.py``), its own
   standing), then keeps the best and says why in one line. One turn ahead, a candidate that
   only tables another resolution than an earlier one (voted the turn after) reaches that one's
   world but for the record: it takes that one's worth without being played (``_twins``).

Levels (``LEVELS``): ``easy`` has no look-ahead and some noise (each move of its plan and each
card's answer may be drawn at random); ``normal`` tries two alternatives one turn ahead;
``hard`` three, two turns ahead. Every draw comes from a generator seeded
by what every seat may see (scenario, turn, seat, level), so a level is deterministic.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from game.ai.baseline import BaselineBot
from game.ai.reasons import Reason
from game.ai.reasons import plan as plan_reason
from game.ai.roles import Facts, facts_of, priors
from game.ai.value import (
    Valuation,
    budgets_read,
    evaluate,
    guarded,
    held_outright,
    loses_goal,
    spends,
)
from game.engine.actions import Move, legal_moves
from game.engine.decisions import default_option
from game.engine.orders import ACTIONS, Order
from game.engine.resolve import advance, check_orders, peek
from game.engine.rng import Rng, mix
from game.engine.scenario import Mission
from game.engine.scoring import mission_of
from game.engine.view import view
from game.engine.world import World

FREE = ("vote", "choose")
# what each kind of actor comes back to, turn after turn, whose worth a short look-ahead
# undervalues: it is always among the candidates tried when the role favours it at all
STAPLES = frozenset({"grant_autonomy", "warn", "sanction", "deploy", "relieve"})


@dataclass(frozen=True)
class Level:
    name: str
    breadth: int  # alternative candidates tried besides the baseline's plan
    depth: int  # turns played ahead (0: no look-ahead)
    noise: float  # chance that each move of the plan gives way to a random legal one


LEVELS: dict[str, Level] = {
    "easy": Level("easy", 0, 0, 0.5),
    "normal": Level("normal", 2, 1, 0.0),
    "hard": Level("hard", 3, 2, 0.0),
}


@dataclass(frozen=True)
class Decision:
    """A seat's orders and the one line of reasons behind them."""

    actor: str
    orders: list[Order]
    reason: Reason
    tried: int = 0  # candidate plans played ahead
    kept: int = 0  # of which the best course without one of its moves, to keep a goal it threw away


@dataclass
class _Shared:
    """What every seat's decision reads of one turn, computed once (kept in the world's memo):
    the public view, the baseline's predicted orders for every actor, and the status quo (the
    public view played ahead with those orders)."""

    public: World
    predicted: dict[str, list[Order]]
    facts: Facts
    # every predicted order accepted on the public view (checked once): a look-ahead's first
    # step then plays the others' as checked and checks only the seat's own
    checked: bool = False
    ahead: dict[int, World] = field(default_factory=dict)  # depth -> status quo world

    def others(self, me: str) -> list[Order]:
        return [o for a, os in self.predicted.items() if a != me for o in os]


class MissionBot:
    """``choose(world, actor_id) -> orders``; ``decide`` adds the reason; ``reasons`` keeps the
    last reason given for each seat. One instance can play every seat of one level."""

    def __init__(self, level: str = "normal") -> None:
        if level not in LEVELS:
            raise ValueError(f"unknown AI level {level!r}: one of {', '.join(LEVELS)}")
        self.level = LEVELS[level]
        self.name = level
        self.baseline = BaselineBot()
        self.reasons: dict[str, Reason] = {}

    # ---- the face ------------------------------------------------------------------------------

    def choose(self, world: World, actor_id: str, legal: list[Order] | None = None) -> list[Order]:
        return self.decide(world, actor_id).orders

    def decide(self, world: World, actor_id: str) -> Decision:
        if actor_id not in world.actors or world.ended:
            who = world.actors[actor_id].name if actor_id in world.actors else actor_id
            d = Decision(actor_id, [], Reason("ai.idle", {"actor": who}))
            self.reasons[actor_id] = d.reason
            return d
        shared = self.shared(world)
        mine, base = self._seat(world, shared, actor_id)
        d = self._decide(mine, base, mission_of(world, actor_id), shared, actor_id)
        self.reasons[actor_id] = d.reason
        return d

    def shared(self, world: World) -> _Shared:
        """The turn's shared look-ahead material, kept on ``world`` (and computed from its public
        view only, so any seat's view of the same world yields the same)."""
        memo = world.memo()
        sh = memo.get("ai:mission")
        if sh is None:
            public = view(world, None)
            predicted = {a: self.baseline.choose(public, a) for a in sorted(public.actors)}
            _, refused = check_orders(public, [o for os in predicted.values() for o in os])
            sh = memo["ai:mission"] = _Shared(public, predicted, facts_of(public), not refused)
        return sh

    def _seat(self, world: World, sh: _Shared, me: str) -> tuple[World, list[Order]]:
        """The seat's view and the baseline's plan for it. A seat with no card in its hand and
        no vote of its own on record sees what the public view shows (its secret goals aside,
        which its mission brings): the turn's shared public view and prediction serve it, with
        no copy of the world made."""
        if not any(h.actor == me for h in world.hand) and not any(
            me in p.votes for p in world.proposals.values()
        ):
            return sh.public, list(sh.predicted.get(me, []))
        mine = view(world, me)
        return mine, self.baseline.choose(mine, me)

    # ---- one seat ------------------------------------------------------------------------------

    def _decide(
        self, mine: World, base: list[Order], mission: Mission, sh: _Shared, me: str
    ) -> Decision:
        actor = mine.actors[me]
        # names as the engine keeps them (with their translations): a screen says them in its
        # language; a crisis goes by the name of its state
        names: dict[str, object] = {k: a.name for k, a in mine.actors.items()}
        names.update({k: g.name for k, g in mine.groups.items()})
        names.update({k: names.get(c.state, k) for k, c in mine.crises.items()})
        names.update(
            {
                k: Reason(
                    "ai.war", {"a": names.get(x.attacker, ""), "b": names.get(x.defender, "")}
                )
                for k, x in mine.wars.items()
            }
        )
        free = [o for o in base if o.action in FREE]
        plan = [_move(o) for o in base if o.action not in FREE]
        moves = [m for m in legal_moves(mine, me) if m.action not in FREE]
        rng = Rng(mix(zlib.crc32(mine.scenario.encode()), mine.turn, zlib.crc32(me.encode())))
        lv = self.level

        guard = guarded(mission, mine, me) if lv.depth else frozenset()
        ranked = sorted(
            (
                (u, i, m)
                for i, (u, m) in enumerate(
                    zip(priors(sh.facts, mine, actor, mission, moves, guard), moves, strict=True)
                )
            ),
            key=lambda t: (-t[0], t[1]),
        )
        candidates = _candidates(plan, ranked, actor.action_points, lv.breadth)
        if lv.depth == 0:
            chosen = candidates[0]
            # each move of the plan, by chance, gives way to one drawn from the legal moves
            for m in list(chosen):
                if moves and rng.random() < lv.noise:
                    alt = moves[rng.randint(len(moves))]
                    chosen = _swap(chosen, alt, ranked, actor.action_points, instead=m)
            # and each card, by the same chance, is answered with any of its options
            answers = [
                _pick(legal_moves(mine, me, only="choose"), o, rng)
                if rng.random() < lv.noise
                else o
                for o in free
                if o.action == "choose"
            ]
            free = [o for o in free if o.action != "choose"] + answers
            orders = free + [m.order(me) for m in chosen]
            words = plan_reason([tuple(m) for m in chosen], names)
            return Decision(me, orders, Reason("ai.instinct", {"actor": names[me], "plan": words}))

        scored: list[tuple[float, int, list[Move], Valuation]] = []
        others = sh.others(me)
        own_free = [o for o in sh.predicted.get(me, []) if o.action in FREE]
        reached: list[World] = []
        # one turn ahead, a course that only tables another resolution than an earlier one
        # reaches that course's world in all but the resolution's name: its worth is the same
        twins = _twins(candidates, budgets_read(mission), others) if lv.depth == 1 else {}
        for k, cand in enumerate(candidates):
            j = twins.get(k)
            if j is not None:
                w, val = reached[j], scored[j][3]
            else:
                w = self._ahead(sh, me, others, own_free, cand, lv.depth)
                val = evaluate(w, sh.public, mine, me, mission)
            reached.append(w)
            scored.append((val.total, -k, cand, val))
        top = max(scored, key=lambda t: (t[0], t[1]))
        kept, dropped = 0, 0  # courses tried to keep a goal; of which, ones that lose it too
        held = held_outright(mission, mine) if top[2] else []
        if held and loses_goal(held, reached[-top[1]]):
            # the best course found throws a goal away: it is tried without each of its moves,
            # and one that keeps the goal competes with the rest (one that loses it too is no
            # answer, whatever else it saves)
            for m in top[2]:
                cand = [x for x in top[2] if x != m]
                if cand in candidates:
                    continue
                kept += 1
                w = self._ahead(sh, me, others, own_free, cand, lv.depth)
                if loses_goal(held, w):
                    dropped += 1
                    continue
                candidates.append(cand)
                reached.append(w)
                val = evaluate(w, sh.public, mine, me, mission)
                scored.append((val.total, -len(candidates) + 1, cand, val))
            top = max(scored, key=lambda t: (t[0], t[1]))
        if plan and [] not in candidates and spends(mission, mine, reached[-top[1]], me, guard):
            # the best course spends what a goal near its line keeps: holding back is tried too
            candidates.append([])
            w = self._ahead(sh, me, others, own_free, [], lv.depth)
            val = evaluate(w, sh.public, mine, me, mission)
            scored.append((val.total, -len(candidates) + 1, [], val))
        scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
        best, first = scored[0], next(s for s in scored if s[1] == 0)
        free = self._cards(mine, sh, me, free, best[2], mission)
        orders = free + [m.order(me) for m in best[2]]
        plan_text = plan_reason([tuple(m) for m in best[2]], names)
        if best[1] == 0:
            runner = scored[1] if len(scored) > 1 else None
            why = best[3].why(runner[3]) if runner else Reason("ai.why.even")
            reason = Reason("ai.kept", {"actor": names[me], "plan": plan_text, "why": why})
        else:
            other = plan_reason([tuple(m) for m in first[2]], names)
            why = best[3].why(first[3])
            if why.key == "ai.why.even":  # better all the same, by small parts, none of them alone
                why = Reason("ai.why.slight")
            reason = Reason(
                "ai.chose",
                {"actor": names[me], "plan": plan_text, "other": other, "why": why},
            )
        return Decision(me, orders, reason, tried=len(candidates) + dropped, kept=kept)

    def _cards(
        self,
        mine: World,
        sh: _Shared,
        me: str,
        free: list[Order],
        plan: list[Move],
        mission: Mission,
    ) -> list[Order]:
        """Each card in the seat's hand answered by looking ahead: every option played one turn
        on the seat's own view (where its hand is) against the prediction, the best by the
        mission kept (ties to the option the card would take by default)."""
        answers = [o for o in free if o.action == "choose"]
        if not answers:
            return free
        rest = [o for o in free if o.action != "choose"]
        others = sh.others(me)
        mine_orders = [m.order(me) for m in plan] + rest
        out: list[Order] = []
        for key in dict.fromkeys(o.target for o in answers):
            options = [m for m in legal_moves(mine, me, only="choose") if m.target == key]
            hand = next((h for h in mine.hand if h.key == key), None)
            card = mine.rules.card(hand.card) if hand else None
            default = default_option(card).id if card is not None else None
            best: tuple[float, int, Move] | None = None
            for m in options:
                w = peek(mine, others + mine_orders + [m.order(me)])
                v = evaluate(w, mine, mine, me, mission).total
                cand = (v, 1 if m.option == default else 0, m)
                if best is None or cand[:2] > best[:2]:
                    best = cand
            if best is not None:
                out.append(best[2].order(me))
        return rest + out

    def _ahead(
        self,
        sh: _Shared,
        me: str,
        others: list[Order],
        own_free: list[Order],
        cand: list[Move],
        depth: int,
    ) -> World:
        """The public view played ``depth`` turns ahead with the candidate (repeated) against the
        prediction (repeated: orders no longer legal are refused by the engine)."""
        mine = [m.order(me) for m in cand]
        if sorted(map(tuple, cand)) == sorted(
            _move(o) for o in sh.predicted.get(me, []) if o.action not in FREE
        ):
            return self._status_quo(sh, depth)
        w = sh.public
        for step in range(depth):
            if w.ended:
                break
            # the last step is only judged: no cards dealt for a turn nobody plays (peek)
            step_ = peek if step == depth - 1 else advance
            if step == 0 and sh.checked:  # the prediction was checked on this very world
                w = step_(w, own_free + mine, checked=others)
            else:
                w = step_(w, others + (own_free if step == 0 else []) + mine)
        return w

    def _status_quo(self, sh: _Shared, depth: int) -> World:
        w = sh.ahead.get(depth)
        if w is None:
            w = sh.public
            orders = [o for os in sh.predicted.values() for o in os]
            for step in range(depth):
                if w.ended:
                    break
                step_ = peek if step == depth - 1 else advance
                w = step_(w, orders if step == 0 else [o for o in orders if o.action not in FREE])
            sh.ahead[depth] = w
        return w


# A resolution tabled this turn is voted next turn. Until then the turn reads nothing of it but
# what the aid packages on the table will take from their bodies' budgets, which a seat's
# valuation counts against a goal on such a budget (``value.budgets_read``). So one turn ahead, a
# course that tables one resolution reaches the world another course reaches by tabling another
# (but for their own records and the id counter), and the seat scores both alike; unless one is
# an aid package in a body whose budget the seat's goals read, and then only another package
# in the same body stands for it, none the other seats table too (a resolution tabled twice in
# one turn is one resolution: the package would add nothing to the table).
_TABLED = Move("propose", None, None, "*")


def _one_turn(
    cand: list[Move], read: frozenset[str] | None, theirs: set[tuple[str | None, str | None]]
) -> tuple[Move, ...]:
    """What a course does within the turn it is played, its resolutions standing for those that
    do the same (above). ``read``: the bodies whose budget the seat's goals read (None: any);
    ``theirs``: the aid packages the other seats table, as (body, state)."""
    moves = []
    for m in cand:
        if m.action == "propose" and m.option != "mandate":  # (an appeal counts: _committed)
            if m.option != "aid_package" or (read is not None and m.target not in read):
                m = _TABLED
            elif (m.target, m.subject) not in theirs:
                m = Move("propose", m.target, None, m.option)
        moves.append(m)
    return tuple(sorted(moves, key=repr))


def _twins(
    candidates: list[list[Move]], read: frozenset[str] | None, others: list[Order]
) -> dict[int, int]:
    """candidate -> the first earlier candidate that plays the same turn (``_one_turn``)."""
    theirs = {
        (o.target, o.subject) for o in others if o.action == "propose" and o.option == "aid_package"
    }
    first: dict[tuple[Move, ...], int] = {}
    out: dict[int, int] = {}
    for k, cand in enumerate(candidates):
        j = first.setdefault(_one_turn(cand, read, theirs), k)
        if j != k:
            out[k] = j
    return out


def _move(o: Order) -> Move:
    return Move(o.action, o.target, o.subject, o.option)


def _pick(options: list[Move], answer: Order, rng: Rng) -> Order:
    """One of the card's options (those of ``answer``'s card) drawn at random."""
    mine = [m for m in options if m.target == answer.target]
    return mine[rng.randint(len(mine))].order(answer.actor) if mine else answer


def _fits(plan: list[Move], points: int) -> bool:
    return sum(ACTIONS[m.action].cost for m in plan) <= points and len(
        {m.action for m in plan}
    ) == len(plan)


def _swap(
    plan: list[Move],
    alt: Move,
    ranked: Sequence[tuple[float, int, Move]],
    points: int,
    instead: Move | None = None,
) -> list[Move]:
    """The plan with ``alt`` in it: added if the points allow (unless ``instead`` is given),
    else in place of the plan's move of the same action or, failing that, of ``instead`` (by
    default its lowest-ranked move)."""
    if alt in plan:
        return plan
    same = [m for m in plan if m.action == alt.action]
    if same:
        return [alt if m == same[0] else m for m in plan]
    if instead is None and _fits([*plan, alt], points):
        return [*plan, alt]
    if not plan:
        return [alt]
    rank = {m: r for r, (_, _, m) in enumerate(ranked)}
    worst = instead if instead in plan else max(plan, key=lambda m: rank.get(m, len(rank)))
    out = [alt if m == worst else m for m in plan]
    return out if _fits(out, points) else plan


def _candidates(
    plan: list[Move],
    ranked: Sequence[tuple[float, int, Move]],
    points: int,
    breadth: int,
) -> list[list[Move]]:
    """The baseline's plan first, then up to ``breadth`` variants: the plan with the role's
    staple swapped in (unless the role rejects it outright, at -0.5 or below), the role's own
    top plan, the plan without what the role rejects, and the plan with the role's most
    favoured moves swapped in (a move the role rejects, below zero, is never swapped in)."""
    out = [plan]
    seen = {tuple(sorted(plan))}
    role_plan: list[Move] = []
    for u, _, m in ranked:
        if u <= 0:
            break
        if m.action not in {x.action for x in role_plan} and _fits([*role_plan, m], points):
            role_plan.append(m)
    # the plan without what the role rejects (repression, war...), filled from the role's list
    kept = [m for m in plan if _rank_value(ranked, m) > -0.5]
    for u, _, m in ranked:
        if u <= 0 or len(kept) >= len(plan):
            break
        if m.action not in {x.action for x in kept} and _fits([*kept, m], points):
            kept.append(m)
    # the role's staple (a state's autonomy for its most pressing group...) swapped into the plan
    staple = next((m for u, _, m in ranked if u > -0.5 and m.action in STAPLES), None)
    tries: list[list[Move]] = []
    if staple is not None:
        tries.append(_swap(plan, staple, ranked, points))
    tries.append(role_plan)
    tries.append(kept)
    for _, _, m in ranked[:breadth]:
        tries.append(_swap(plan, m, ranked, points))
    for t in tries:
        key = tuple(sorted(t))
        if key in seen or (not t and plan):
            continue
        seen.add(key)
        out.append(t)
        if len(out) > breadth:
            break
    return out


def _rank_value(ranked: Sequence[tuple[float, int, Move]], m: Move) -> float:
    for u, _, x in ranked:
        if x == m:
            return u
    return 0.0
