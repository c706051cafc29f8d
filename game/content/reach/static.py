"""What can be seen without playing: the conditions that can never hold, whatever is played (a
turn after the last, a figure of 0 to 100 asked to be above 100, a ``chance`` of 0, a
``min_turn`` after the last turn), and the cards and end conditions they rule out."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine import vocabulary as V
from game.engine.scenario import Scenario

from ..locate import Elems
from ..problems import Finding
from .words import range_name, range_words

_PERCENT = frozenset({"criterion", "centralization", "inequality", "civil_society"})


def check_static(scenario: Scenario) -> tuple[list[Finding], set[int], set[int]]:
    """Conditions that can never hold, whatever is played; and the cards and end conditions they
    rule out (sampling those would only repeat the finding)."""
    findings: list[Finding] = []
    dead_cards: set[int] = set()
    dead_ends: set[int] = set()
    turns = scenario.turns
    for i, card in enumerate(scenario.cards):
        window = (1, turns, f"the scenario has {turns} turns")
        for elems, why, whole in _dead(card.trigger, ("cards", i, "trigger"), window):
            if whole:
                dead_cards.add(i)
            findings.append(
                Finding(
                    elems,
                    f"card {card.id!r} can never trigger: {why}"
                    if whole
                    else f"card {card.id!r}: this alternative can never hold: {why}",
                    "warning",
                )
            )
    for j, ec in enumerate(scenario.end_conditions):
        if ec.min_turn > turns:
            dead_ends.add(j)
            findings.append(
                Finding(
                    ("end_conditions", j, "min_turn"),
                    f"end condition {ec.id!r} can never hold: its min_turn is {ec.min_turn}, "
                    f"after the scenario's last turn ({turns})",
                    "warning",
                )
            )
            continue
        where = (
            f"it is checked only from turn {ec.min_turn} (its min_turn) to turn {turns}"
            if ec.min_turn > 1
            else f"the scenario has {turns} turns"
        )
        for elems, why, whole in _dead(
            ec.when, ("end_conditions", j, "when"), (ec.min_turn, turns, where)
        ):
            if whole:
                dead_ends.add(j)
            findings.append(
                Finding(
                    elems,
                    f"end condition {ec.id!r} can never hold: {why}"
                    if whole
                    else f"end condition {ec.id!r}: this alternative can never hold: {why}",
                    "warning",
                )
            )
    return findings, dead_cards, dead_ends


def _dead(
    conds: Sequence[V.Condition], at: Elems, window: tuple[int, int, str]
) -> list[tuple[Elems, str, bool]]:
    """(where, why, whether it rules out the whole list) for each condition that can never hold;
    inside an ``any`` that may still hold, each alternative that never can."""
    out: list[tuple[Elems, str, bool]] = []
    for k, cond in enumerate(conds):
        why = _impossible(cond, window)
        if why is not None:
            out.append(((*at, k), why, True))
        elif isinstance(cond, V.AnyOf):
            out += [
                (elems, why, False)
                for elems, why, _ in _dead(cond.conditions, (*at, k, "conditions"), window)
            ]
    return out


def _impossible(cond: V.Condition, window: tuple[int, int, str]) -> str | None:
    """Why this condition can never hold, or None if it might. ``window``: the first and last
    turn it is read on, and how to say so."""
    if isinstance(cond, V.TurnIs):
        first, last, where = window
        if (cond.min is not None and cond.min > last) or (
            cond.max is not None and cond.max < first
        ):
            return f"it asks for {range_words(cond, turn=True)}, but {where}"
    elif cond.type in _PERCENT:
        if (cond.min is not None and cond.min > 100) or (cond.max is not None and cond.max < 0):
            return (
                f"{range_name(cond)} always lies between 0 and 100, so it is never "
                f"{range_words(cond)}"
            )
    elif isinstance(cond, V.Chance) and cond.p <= 0:
        return "a chance of 0 never comes"
    elif isinstance(cond, V.AnyOf):
        whys = [_impossible(c, window) for c in cond.conditions]
        if all(w is not None for w in whys):
            return "none of its alternatives can hold: " + "; ".join(w for w in whys if w)
    return None
