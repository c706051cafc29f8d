"""Resolving a turn: every seat's orders at once, in a fixed and documented order.

1. Orders are checked against the legal actions of the turn's start and each actor's action
   points; what is refused is reported, never silently dropped.
2. Event cards dealt this turn take effect: the chosen option, or the card's default (the option
   the scenario marks default, else the least drastic: see ``decisions``), which the report names.
3. Votes are recorded and resolutions tabled on earlier turns are tallied and carried out.
4. Actions, phase by phase: economy, politics, force, civil society; within a phase by actor id.
5. The world's own dynamics (``mechanics.run``): wars, crises, groups, fear, clashes, the price of
   centralization, the economy, the structural pull of the criteria.
6. The turn is recorded; end conditions are checked; the next turn's cards are dealt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from . import mechanics
from .actions import apply_order, legal_set
from .conditions import Context, dealable, holds_all
from .decisions import default_option
from .effects import apply_all
from .model import Arrangement, Criteria, HandCard, TurnRecord
from .orders import ACTIONS, Order
from .report import FiredCard, Ledger, TurnReport, lazy_report, trusted
from .rng import Rng
from .say import say
from .scenario import Card, text
from .scoring import record_falls, track_goals
from .structure import Measure
from .world import World, copy_model

PHASES: tuple[tuple[str, ...], ...] = (
    ("invest", "tax_capital", "aid", "fund", "lend", "regulate", "redistribute", "build_force", "build_capacity"),
    ("reform", "repress", "grant_autonomy", "cede", "reclaim", "join", "leave", "integrate", "sanction", "indict", "propose"),
    ("arm", "disarm", "attack", "make_peace", "intervene", "deploy", "arrest"),
    ("relieve", "warn", "campaign", "recruit", "expand"),
)  # fmt: skip
PHASE_OF = {action: i for i, phase in enumerate(PHASES) for action in phase}
COST = {action: spec.cost for action, spec in ACTIONS.items()}  # action points an order takes


# The engine's own records of a turn (a card fired, a card dealt, the turn's history row) are
# built from values it made itself: not validated again (``report.trusted``).
_FIRED_FIELDS = set(FiredCard.model_fields)
_HAND_FIELDS = set(HandCard.model_fields)
_RECORD_FIELDS = set(TurnRecord.model_fields)


class IllegalOrder(ValueError):
    """Raised by ``check_orders(strict=True)`` for an order the actor may not give."""


def card_by_id(world: World, card_id: str) -> Card | None:
    return world.rules.card(card_id)


def check_orders(
    world: World, orders: Iterable[Order], strict: bool = False
) -> tuple[list[Order], list[str]]:
    """Split orders into those that will be carried out and the reasons the others were refused."""
    accepted, refused = _check(world, orders, strict)
    return accepted, [why for _, why in refused]


def _check(
    world: World, orders: Iterable[Order], strict: bool = False
) -> tuple[list[Order], list[tuple[str, str]]]:
    accepted: list[Order] = []
    refused: list[tuple[str, str]] = []
    # Each seat's legal moves as a set, kept with the world's other answers (``World.memo``):
    # a look-ahead that resolves many branches from one world builds it once. One entry a seat
    # for the whole check: [actor, its legal set, points left, the slots it has used].
    memo = world.memo()
    seats: dict[str, list] = {}
    actors = world.actors
    for o in orders:
        d = o.__dict__  # the order's fields, read once (a model's fields live in its __dict__)
        who, action = d["actor"], d["action"]
        seat = seats.get(who)
        if seat is None:
            allowed = memo.get(("legal set", who))
            if allowed is None:
                allowed = memo[("legal set", who)] = legal_set(world, who)
            actor = actors.get(who)
            points = actor.action_points if actor is not None else 0
            seat = seats[who] = [actor, allowed, points, set()]
        actor, allowed, points, seen = seat
        move = (action, d["target"], d["subject"], d["option"])
        why = ""
        if actor is None:
            why = say("why.not_in_match", who=who)
        elif move not in allowed:
            target = d["target"]
            words = action.replace("_", " ")
            why = (
                say("why.may_not", who=actor.name, action=words, target=target)
                if target
                else say("why.may_not_plain", who=actor.name, action=words)
            )
        else:
            # one answer per card or ballot; any other order at most once
            slot = (action, d["target"]) if action in _ANSWERS else move
            cost = COST[action]
            if slot in seen:
                why = say("why.twice", who=actor.name)
            elif cost > points:
                why = say("why.no_points", who=actor.name, action=action.replace("_", " "))
            else:
                seen.add(slot)
                seat[2] = points - cost
        if why:
            if strict:
                raise IllegalOrder(why)
            refused.append((who, why))
        else:
            accepted.append(o)
    return accepted, refused


_ANSWERS = frozenset({"vote", "choose"})  # orders that answer a card or a ballot


def _in_phase(order: tuple[Order, dict]) -> tuple[int, str, str, str, str, str]:
    """An order's place in the turn: its phase, then its actor, then the order itself."""
    f = order[1]
    return (
        PHASE_OF[f["action"]],
        f["actor"],
        f["action"],
        f["target"] or "",
        f["subject"] or "",
        f["option"] or "",
    )


def resolve(world: World, orders: Iterable[Order]) -> tuple[World, TurnReport]:
    """The next world and the report of the turn. ``world`` itself is never changed."""
    w, ledger, m, before, arr_before, cent_before = _play(world, orders, Ledger)
    # The engine's own record of the turn: built without validating it again, its lines and
    # changes when first read.
    return w, lazy_report(
        dict(
            turn=w.turn - (0 if w.ended else 1),
            criteria_before=before,
            criteria_after=copy_model(w.criteria),
            arrangement_before=arr_before,
            arrangement_after=m.arrangement,
            centralization_before=cent_before,
            centralization_after=m.centralization,
            votes=ledger.votes,
            cards=ledger.cards,
            ended=w.ended,
            end_reason=w.end_reason,
        ),
        ledger,
    )


def advance(world: World, orders: Iterable[Order], checked: Sequence[Order] = ()) -> World:
    """The next world alone, without the turn's report: what a look-ahead pays per step. It is
    the very world ``resolve`` returns (the same digest); only the report's lines, causes and
    tallies are not written. ``world`` itself is never changed.

    ``checked``: orders already checked against this very world, every one accepted
    (``check_orders``), of seats that give none of ``orders``: played without checking them
    again, as if they came first in ``orders`` (a seat's orders are checked apart from every
    other seat's, so the turn is the same). A look-ahead that tries many plans of one seat
    against one prediction of the others checks the prediction once."""
    return _play(world, orders, _quiet_ledger, checked=checked)[0]


def peek(world: World, orders: Iterable[Order], checked: Sequence[Order] = ()) -> World:
    """The next world as the last step of a look-ahead reads it: ``advance``'s world, but the
    next turn's cards are not dealt and the goals' progress is not marked (``open_turn`` and
    ``track_goals``). Everything a valuation reads is ``advance``'s own: the criteria, the
    actors, regions, groups, crises and wars, the arrangement, the turn and whether the match
    ended. What differs is the hand, the cards' rest (``fired``), the id counter, the generator
    and ``goals_changed``: a world to judge, not to play on (a chance condition read on it draws
    from another point of the generator). ``world`` itself is never changed. ``checked`` as for
    ``advance``."""
    return _play(world, orders, _quiet_ledger, whole=False, checked=checked)[0]


def _quiet_ledger(w: World) -> Ledger:
    return Ledger(w, quiet=True)


def _play(
    world: World,
    orders: Iterable[Order],
    new_ledger: Callable[[World], Ledger],
    whole: bool = True,
    checked: Sequence[Order] = (),
) -> tuple[World, Ledger, Measure, Criteria, Arrangement, float]:
    """Play one turn on a copy of ``world``: the new world, the ledger that saw it, the measure
    of its structure, and the criteria, arrangement and centralization it began with. Not
    ``whole`` (``peek``): the goals' progress is not marked nor the next turn's cards dealt."""
    if world.ended:
        raise ValueError("the match has ended")
    accepted, refused = _check(world, orders)  # against the turn's start, as the seats saw it
    if checked:
        accepted = [*checked, *accepted]
    w = world.clone()
    ledger = new_ledger(w)
    ledger.start = world
    before = copy_model(w.criteria)
    arr_before, cent_before = w.arrangement, w.centralization
    for actor, why in refused:  # a seat's refused orders are its own business
        ledger.line(
            "refused",
            ledger.later("refused", why=why),
            actor,
            private_to=actor if actor in w.actors else None,
        )

    # 2. cards
    # The orders' fields as plain dicts, read once (a model's fields are read through
    # pydantic's slower attribute path).
    fields = [o.__dict__ for o in accepted]
    choices = {f["target"]: f["option"] for f in fields if f["action"] == "choose"}
    fired_now: list[str] = []
    for h in [h for h in w.hand if h.turn == w.turn]:
        card = card_by_id(w, h.card)
        if card is None:
            continue
        chosen = next((op for op in card.options if op.id == choices.get(h.key)), None)
        opt = chosen if chosen is not None else default_option(card)
        ctx = Context(w, dict(h.bindings))
        title = text(card.title)
        who = w.actors[h.actor].name if h.actor in w.actors else h.actor
        ledger.line(
            "card",
            ledger.later(
                "chose" if chosen else "card_default", title=card.title, who=who, option=opt.label
            ),
            h.actor,
        )
        apply_all(opt.effects, ctx, ledger, say("card_choice", title=card.title, option=opt.label))
        fired = {
            "card": card.id,
            "actor": h.actor,
            "option": opt.id,
            "title": title,
            "lesson": text(card.lesson),
            "by_default": chosen is None,
        }
        ledger.cards.append(trusted(FiredCard, fired, _FIRED_FIELDS))
        w.lessons.append(card.id)
        fired_now.append(card.id)
    wd = w.__dict__  # the world's own fields, written in place (no pydantic __setattr__)
    wd["hand"] = [h for h in w.hand if h.turn != w.turn]

    # 3. votes
    proposals = w.proposals
    for f in fields:
        if f["action"] == "vote" and f["target"] in proposals:
            proposals[f["target"]].votes[f["actor"]] = f["option"]
    mechanics.tally_votes(w, ledger)

    # 4. actions by phase
    acts = [(o, f) for o, f in zip(accepted, fields, strict=True) if f["action"] not in _ANSWERS]
    # Within a phase by actor, then by the order itself: the outcome never depends on the order
    # in which a seat listed its orders.
    acts.sort(key=_in_phase)
    struck: set[str] = set()
    for o, f in acts:
        if f["action"] in ("intervene", "deploy") and f["target"]:
            struck.add(f["target"])
        apply_order(w, ledger, o)

    # 5. dynamics
    # (a body's appeal for its own mandate is not the body at work: it keeps nothing from decay)
    acted = {f["actor"] for _, f in acts if f["option"] != "mandate" or f["action"] != "propose"}
    used = {f["actor"] for _, f in acts if f["action"] in mechanics.USES}
    m = mechanics.run(w, ledger, struck, acted, used)
    wd["arrangement"], wd["centralization"], wd["plurality"] = (
        m.arrangement,
        m.centralization,
        m.plurality,
    )
    if m.arrangement != arr_before:
        ledger.line(
            "structure",
            ledger.later(
                "moves",
                before=ledger.say(f"arrangement.{arr_before.value}"),
                after=ledger.say(f"arrangement.{m.arrangement.value}"),
                reasons=m.reasons[0] if len(m.reasons) == 1 else "; ".join(m.reasons),
            ),
        )
    _round(w)
    if whole:
        track_goals(w)
    record_falls(world, w)
    record = {
        "turn": w.turn,
        "criteria": copy_model(w.criteria),
        "arrangement": m.arrangement,
        "centralization": m.centralization,
        "plurality": m.plurality,
        "cards": fired_now,
    }
    w.history.append(trusted(TurnRecord, record, _RECORD_FIELDS))

    # 6. ending, then the next turn's briefing
    check_end(w)
    if not w.ended:
        wd["turn"] += 1
        if whole:
            open_turn(w)
    return w, ledger, m, before, arr_before, cent_before


def check_end(w: World) -> None:
    for ec in w.rules.end_conditions:
        if w.turn >= ec.min_turn and holds_all(ec.when, Context(w)):
            w.ended, w.end_reason = True, text(ec.text)
            w.end_texts = dict(ec.text) if isinstance(ec.text, dict) else {}
            return
    ending = (
        "end.last_turn" if w.turn >= w.last_turn else "end.no_state" if not w.states() else None
    )
    if ending is not None:
        w.ended, w.end_reason, w.end_key = True, str(say(ending)), ending


def open_turn(w: World) -> None:
    """The briefing: deal this turn's event cards to the actors they concern."""
    # every card not resting whose trigger holds, with its bindings, in the rules' order
    eligible = dealable(w)
    rng = Rng(w.rng)
    for _ in range(min(w.rules.cards_per_turn, len(eligible))):
        i = rng.choice_weighted([c.weight for c, _ in eligible])
        card, bindings = eligible.pop(i)
        dealt = {
            "key": w.new_id("hand"),
            "card": card.id,
            "actor": bindings["target"],
            "turn": w.turn,
            "bindings": dict(bindings),
        }
        w.hand.append(trusted(HandCard, dealt, _HAND_FIELDS))
        w.fired[card.id] = w.turn
    w.rng = rng.state


_FIGURES = {
    "state": ("wealth", "military", "sovereignty", "fear", "freedom", "pressure"),
    "federation": ("depth", "budget", "force"),
    "global_body": ("mandate", "enforcement", "budget", "legitimacy", "independence"),
    "ngo": ("volunteers", "credibility"),
}


def _round(w: World) -> None:
    """Round every figure, so that a save and a replay on another machine agree to the bit.
    (Plain floats, rounded in place through each model's fields: no validation to pay.)"""
    d = w.criteria.__dict__
    for c in ("peace", "justice", "pluralism", "freedom"):
        d[c] = round(d[c], 4)
    for a in w.actors.values():
        d = a.__dict__
        for f in _FIGURES[a.kind]:
            d[f] = round(d[f], 4)
    for g in w.groups.values():
        d = g.__dict__
        d["grievance"] = round(d["grievance"], 4)
        d["security"] = round(d["security"], 4)
        d["autonomy"] = round(d["autonomy"], 4)
    for c in w.crises.values():
        c.__dict__["severity"] = round(c.severity, 4)
    for corp in w.corporations.values():
        d = corp.__dict__
        d["capital"] = round(d["capital"], 4)
        d["escape"] = round(d["escape"], 4)
