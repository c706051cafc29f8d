"""Checks that need play: can every card trigger, and can every end condition be met?

No formula says which worlds a scenario can reach, so ``check_reachable`` plays sample matches,
by the baseline AI and by seeded random players of many temperaments, some of them played again
from where a card or end condition still missing came nearest to holding; and it reads every
world they pass through against every card's trigger and every end condition. A card or end
condition that never held is a warning, which says how much was explored and, as near as can be
told, why. Some conditions can be seen never to hold without playing (a turn after the last, a
criterion above 100, a ``min_turn`` after the last turn): those are reported as "can never hold".

Everything is seeded from the scenario with the engine's own generator, never the clock, so the
findings are the same on every run.

The modules: ``static`` (what can never hold, seen without playing); ``explore`` (the sample
matches); ``player`` (the random players and their temperaments); ``wanted`` (answering cards
toward what is missing); ``axes`` (which way play leans to bring a condition about); ``watch``
(a trigger or end condition across the worlds shown to it); ``figures`` (what a range condition
reads); ``distance`` (how near a world comes, for the search); ``words`` (the findings' sentences).
"""

from __future__ import annotations

from game.engine.scenario import Scenario

from ..locate import Elems
from ..problems import Finding
from .explore import Explorer
from .static import check_static
from .wanted import Wanted
from .watch import Watch
from .words import explain

__all__ = ["check_reachable"]


# Enough for the deepest chain shipped (kosovo's bombing, airport dash, runway and great-power
# war) with room to spare: under the union-peace rule it first held at 56 (at 32 before).
SAMPLE_MATCHES = 64


def check_reachable(scenario: Scenario, matches: int = SAMPLE_MATCHES) -> list[Finding]:
    """Warnings for every card whose trigger never held, and every end condition that never held
    at or after its ``min_turn``, in ``matches`` sample matches of the scenario; and for every
    trigger or end condition that can be seen never to hold without playing."""
    findings, dead_cards, dead_ends = check_static(scenario)
    cards = {
        i: Watch(list(c.trigger), c.target)
        for i, c in enumerate(scenario.cards)
        if i not in dead_cards
    }
    ends = {
        j: Watch(list(ec.when), None, ec.min_turn)
        for j, ec in enumerate(scenario.end_conditions)
        if j not in dead_ends
    }
    watches = [*cards.values(), *ends.values()]
    for w in watches:
        w.chain = Wanted([w], scenario).level
    explorer = Explorer(scenario, watches)
    for k in range(matches):
        if not explorer.run(k, matches):
            break  # everything has held: more matches could not change the findings

    explored = (
        f"in {explorer.played} sample {'match' if explorer.played == 1 else 'matches'} "
        f"({explorer.turns} {'turn' if explorer.turns == 1 else 'turns'} of AI and random play)"
    )
    flags_set = {
        e.flag for c in scenario.cards for o in c.options for e in o.effects if e.type == "flag"
    }
    for i, w in cards.items():
        if not w.done:
            card = scenario.cards[i]
            elems, why = explain(w, ("cards", i), "trigger", flags_set)
            findings.append(
                Finding(elems, f"card {card.id!r} never triggered {explored}: {why}", "warning")
            )
    for j, w in ends.items():
        if not w.done:
            ec = scenario.end_conditions[j]
            since = f" from turn {ec.min_turn} on" if ec.min_turn > 1 else ""
            if w.checked == 0:
                elems: Elems = ("end_conditions", j, "min_turn")
                why = (
                    f"no sample match was still going at turn {ec.min_turn} "
                    f"(the longest stopped after turn {w.latest})"
                )
            else:
                elems, why = explain(w, ("end_conditions", j), "when", flags_set)
            findings.append(
                Finding(
                    elems, f"end condition {ec.id!r} never held{since} {explored}: {why}", "warning"
                )
            )
    return findings
