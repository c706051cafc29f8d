"""What still waits for a seat this turn (cards and ballots not yet answered, with what happens
if the turn ends without an answer) and where its mission's goals stand.

This is the one seam the match screen reads decisions through. The engine is gaining its own
pure function for both (``default`` card options and goal statuses); when it lands, point
``waiting`` and ``goal_states`` at it and the screen follows unchanged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.engine import Order
from game.engine.scoring import score

if TYPE_CHECKING:
    from game.engine import World


@dataclass(frozen=True)
class Waiting:
    """One decision still open: a card (``kind == "card"``, ``key`` its key in hand) or a
    ballot (``kind == "ballot"``, ``key`` the resolution), and the answer that applies if none
    is given (a card's option id; "abstain" for a ballot)."""

    kind: str
    key: str
    default: str


def default_option(card) -> str:
    """The option that applies when a card goes unanswered: the one the scenario marks as the
    default when it marks one, else (as the engine resolves today) the first."""
    marked = next((o for o in card.options if getattr(o, "default", False)), None)
    return (marked or card.options[0]).id


def hand_of(world: World, seat: str | None) -> list:
    """The seat's cards dealt this turn."""
    if seat is None:
        return []
    return [h for h in world.hand if h.actor == seat and h.turn == world.turn]


def ballots_of(legal: list[Order]) -> dict[str, list[Order]]:
    """The resolutions the seat may vote on, each with its yes / no / abstain orders."""
    out: dict[str, list[Order]] = {}
    for o in legal:
        if o.action == "vote" and o.target:
            out.setdefault(o.target, []).append(o)
    return out


def waiting(
    world: World, seat: str | None, legal: list[Order], draft: list[Order]
) -> list[Waiting]:
    """Cards, then ballots, that the seat's draft does not answer yet."""
    answered = {o.target for o in draft if o.action in ("choose", "vote")}
    out: list[Waiting] = []
    for h in hand_of(world, seat):
        card = next((c for c in world.rules.cards if c.id == h.card), None)
        if card is not None and card.options and h.key not in answered:
            out.append(Waiting("card", h.key, default_option(card)))
    for pid in ballots_of(legal):
        if pid not in answered:
            out.append(Waiting("ballot", pid, "abstain"))
    return out


@dataclass(frozen=True)
class GoalState:
    """A mission goal as the seat reads it: ``state`` is "holding" (it would count if the match
    ended now; goals count only at the end), "open", and at the end "met" or "missed"."""

    text: str
    points: float
    state: str
    secret: bool


def goal_states(world: World, seat: str | None) -> list[GoalState]:
    if seat is None or seat not in world.actors:
        return []
    over = world.ended
    out = []
    for g in score(world, seat).goals:
        state = ("met" if g.met else "missed") if over else ("holding" if g.met else "open")
        out.append(GoalState(g.text, g.points, state, g.secret))
    return out
