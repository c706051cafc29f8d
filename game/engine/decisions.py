"""Decisions a seat owes: the default of an event card, what still waits, how a vote reads.

An unanswered card is never silently decided by its first option. It takes its **default**:

* the option the scenario marks ``"default": true`` (one per card at most), or else
* the **least drastic** option: the one whose effects weigh least, a tie going to the option
  listed first. An option's weight (``drasticness``) is the sum, over its effects, of

  - the size of every figure it moves (criterion, actor or group figure, corporations, a
    crisis's severity): ``abs(amount)``;
  - the severity of every crisis it starts;
  - ``UPHEAVAL`` (50) for every act of violence or upheaval: starting a war; starting a
    repression, an ethnic cleansing or a civil war (on top of its severity); a secession; a
    region changing hands; a change of government; a state joining or leaving a body; force
    authorized against a crisis.

  Flags, relief, naming a responder and ending a war weigh nothing: they are the scenario's
  memory or the end of violence, not a push on the world.

A ballot not cast counts as an abstention (see ``mechanics.tally_votes``).

The match screen asks ``waiting(world, actor, draft)`` what its seat still has to decide, and
``vote_sentence(world, order)`` how to say a vote order. All of it is pure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from . import ops
from .actions import legal_moves
from .orders import Order
from .say import Said, say
from .scenario import Card, Option, Text
from .world import World

UPHEAVAL = 50.0
VIOLENT_CRISES = ("repression", "cleansing", "civil_war")
_UPHEAVALS = ("start_war", "secede", "transfer_region", "government", "membership")


def drasticness(option: Option) -> float:
    """How hard an option pushes the world (the rule is in the module's docstring)."""
    weight = 0.0
    for e in option.effects:
        kind = e.type
        if kind == "start_crisis":
            weight += e.severity + (UPHEAVAL if e.kind in VIOLENT_CRISES else 0.0)  # type: ignore[union-attr]
        elif kind in _UPHEAVALS:
            weight += UPHEAVAL
        elif kind in ("criterion", "actor_stat", "group_stat", "corporations", "crisis"):
            weight += abs(e.amount)  # type: ignore[union-attr]
            if kind == "crisis" and e.authorize:  # type: ignore[union-attr]
                weight += UPHEAVAL
    return weight


def default_option(card: Card) -> Option:
    """The option that applies when the card is not answered: the one marked default, else the
    least drastic (ties: the first listed)."""
    for o in card.options:
        if o.default:
            return o
    weights = [drasticness(o) for o in card.options]
    return card.options[min(range(len(weights)), key=lambda i: (weights[i], i))]


def card_of(world: World, card_id: str) -> Card | None:
    """The scenario's card with this id."""
    return next((c for c in world.rules.cards if c.id == card_id), None)


@dataclass(frozen=True)
class Waiting:
    """One decision a seat has not yet taken this turn.

    ``kind`` is "card" or "vote"; ``target`` is what the answering order names as its target
    (the dealt card's key, the resolution's id). For a card, ``title`` is its title and
    ``default``/``default_label`` the option that applies unanswered; for a vote, ``title`` says
    what is voted on (a ``Said``) and ``default`` is "abstain". ``sentence`` says it all in one
    line ("... waits for an answer; if none is given, ... applies"), with its message key.
    """

    kind: Literal["card", "vote"]
    target: str
    title: Text
    default: str
    default_label: Text
    sentence: Said


def waiting(world: World, actor: str, draft: Iterable[Order] = ()) -> list[Waiting]:
    """What ``actor`` may still decide this turn and its draft does not yet answer: each event
    card dealt to it (with the option that would apply by default), then each resolution it may
    vote on (unvoted, it counts as an abstention). Works on the whole world or the seat's view."""
    answered = {
        (o.action, o.target) for o in draft if o.actor == actor and o.action in ("choose", "vote")
    }
    out: list[Waiting] = []
    seen: set[tuple[str, str | None]] = set()
    for m in legal_moves(world, actor):
        if m.action not in ("choose", "vote") or (m.action, m.target) in seen:
            continue
        seen.add((m.action, m.target))
        if (m.action, m.target) in answered or m.target is None:
            continue
        if m.action == "choose":
            item = _card_waiting(world, m.target)
        else:
            item = _vote_waiting(world, m.target)
        if item is not None:
            out.append(item)
    out.sort(key=lambda w: w.kind != "card")  # cards first; stable otherwise
    return out


def _card_waiting(world: World, key: str) -> Waiting | None:
    dealt = next((h for h in world.hand if h.key == key), None)
    card = card_of(world, dealt.card) if dealt is not None else None
    if card is None:
        return None
    opt = default_option(card)
    return Waiting(
        kind="card",
        target=key,
        title=card.title,
        default=opt.id,
        default_label=opt.label,
        sentence=say("waiting_card", title=card.title, option=opt.label),
    )


def _vote_waiting(world: World, proposal_id: str) -> Waiting | None:
    p = world.proposals.get(proposal_id)
    if p is None:
        return None
    what = motion(world, p.kind, p.target)
    body = ops.name(world, p.body)
    return Waiting(
        kind="vote",
        target=proposal_id,
        title=say("motion_in", motion=what, body=body),
        default="abstain",
        default_label=say("ballot.abstain"),
        sentence=say("waiting_vote", motion=what, body=body),
    )


def motion(world: World, kind: str, target: str, subject: str | None = None) -> Said:
    """What a resolution is about, as a phrase: "sanctions on Republic of Servia". ``subject``:
    the target's name when it is already known (a crisis over since it was tabled)."""
    return say(
        f"motion.{kind}", subject=subject if subject is not None else ops.name(world, target)
    )


def vote_sentence(world: World, order: Order) -> Said | None:
    """A vote order as a sentence that says which way: "Vote for sanctions on Republic of Servia
    in United Nations" / "Vote against …" / "Abstain on …". ``None`` for any other order, or a
    resolution no longer open."""
    p = world.proposals.get(order.target or "")
    if order.action != "vote" or p is None or order.option not in ("yes", "no", "abstain"):
        return None
    return say(
        f"vote_order.{order.option}",
        motion=motion(world, p.kind, p.target),
        body=ops.name(world, p.body),
    )
