"""Checks that need the rules, not just the file: can the scenario be drawn and played?

- a match can start, and every seat has at least one legal action on turn 1 (otherwise its
  player can only watch).
"""

from __future__ import annotations

from game.engine import legal_actions, new_world
from game.engine.scenario import Scenario

from .problems import Finding


def check_playable(scenario: Scenario) -> list[Finding]:
    """Whether a match of the scenario can start and every seat can act on turn 1. (Whether
    each region can be drawn is checked in ``geometry``, on the raw file.)"""
    findings: list[Finding] = []
    try:  # any failure to start a match is the author's to see, said plainly
        world = new_world(scenario)
        idle = [
            i
            for i, seat in enumerate(scenario.seats)
            if seat in world.actors and not legal_actions(world, seat)
        ]
    except Exception as e:
        return [*findings, Finding((), f"a match cannot start: {e}")]
    for i in idle:
        findings.append(
            Finding(
                ("seats", i),
                f"seat {scenario.seats[i]!r} has no legal action on turn 1: its player could only watch",
            )
        )
    return findings
