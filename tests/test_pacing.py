"""Every shipped scenario keeps giving its seats decisions to make over the whole match.

A weaker, faster guard than ``bench/bench_pacing.py`` (which plays 50 matches of each kind and
asks for one decision every three turns): a few fixed seeds, and half that rate. A content change
that empties the middle or the end of a match (cards all ``once`` and spent early, triggers that
stop holding) fails here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from game.content import load_scenario

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_pacing import GOAL, SHIPPED, Pace, play  # noqa: E402

SEEDS = (11, 12, 13)


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_every_seat_gets_decisions_in_every_third(scenario_id: str) -> None:
    scenario = load_scenario(ROOT / "scenarios" / f"{scenario_id}.json")
    seats = list(scenario.seats)
    ai = Pace()
    for seed in SEEDS:
        ai.add(play(scenario, seed), seats)
    for seat in seats:
        rates = ai.rate(seat)
        assert min(rates) >= GOAL / 2, (
            f"{scenario_id}: {seat} gets {rates} decisions a turn by third (AI on every seat)"
        )
    assert min(ai.fired) >= len(SEEDS) * 2, f"{scenario_id}: cards fired by third {ai.fired}"


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_the_first_seat_played_by_a_simple_human_meets_the_goal(scenario_id: str) -> None:
    """The seat a new player takes first, played by someone who invests, reforms and answers
    every card with its default, still gets a decision every three turns in every third."""
    scenario = load_scenario(ROOT / "scenarios" / f"{scenario_id}.json")
    first = scenario.seats[0]
    human = Pace()
    for seed in SEEDS:
        human.add(play(scenario, seed, scripted=first), [first])
    assert min(human.rate(first)) >= GOAL, (
        f"{scenario_id}: {first} (scripted) gets {human.rate(first)} decisions a turn by third"
    )
    assert sum(human.cards[first][1:]) > 0, f"{scenario_id}: no card reached {first} after turn 1/3"
