"""What still waits for a seat this turn (cards and ballots not yet answered, with what happens
if the turn ends without an answer) and where its mission's goals stand.

The one seam the match screen reads decisions through; the rules are the engine's
(``engine.decisions.waiting`` and ``default_option``, ``engine.scoring.goal_statuses``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.engine import Order, goal_statuses
from game.engine import default_option as engine_default
from game.engine import waiting as engine_waiting
from game.engine.scenario import text as scenario_text
from game.engine.scoring import goal_figures
from game.report.goal_lines import fact_lines, figure_line
from game.ui.i18n import language

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
    """The option that applies when a card goes unanswered (the one the scenario marks, else
    the least drastic: the engine's rule)."""
    return engine_default(card).id


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


def waiting(world: World, seat: str | None, draft: list[Order]) -> list[Waiting]:
    """Cards, then ballots, that the seat's draft does not answer yet."""
    if seat is None:
        return []
    return [
        Waiting("card" if w.kind == "card" else "ballot", w.target, w.default)
        for w in engine_waiting(world, seat, draft)
    ]


@dataclass(frozen=True)
class GoalState:
    """A mission goal as the seat reads it. ``state`` is the engine's status: "holding" (it
    holds and always has: nothing was at stake yet; it counts only at the end), "met" (it was
    achieved), "open" (it never held yet) or "failed" (lost; at the end: missed)."""

    text: str
    points: float
    state: str
    secret: bool
    figures: tuple[str, ...] = ()  # each figure it tests, where it stands and its line


def goal_states(world: World, seat: str | None) -> list[GoalState]:
    if seat is None or seat not in world.actors:
        return []
    lang = language()
    figures = goal_figures(world, seat)
    facts = fact_lines(world, seat)
    return [
        GoalState(
            scenario_text(g.text, lang),
            g.points,
            g.status,
            g.secret,
            (*facts[i], *(figure_line(world, f) for f in figures[i])),
        )
        for i, g in enumerate(goal_statuses(world, seat))
    ]
