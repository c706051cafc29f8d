"""Opening a match on this machine: the sessions the desktop's menus start.

The screens drive every match through ``Session`` (``game/session/interface.py``) and never
name the host behind it; these are where the desktop chooses it: a new hot-seat match (people
at the keyboard, the AI for the other seats, or for all of them to watch) and a saved one
resumed. A networked seat will be opened beside them, by joining a host.
"""

from __future__ import annotations

from pathlib import Path

from game.engine import Scenario, World
from game.session.interface import Session
from game.session.local import LocalMatch
from game.session.saves import MatchRecord


def new_match(
    scenario: Scenario,
    humans: list[str],
    seed: int | None = None,
    autosave: Path | None = None,
    levels: dict[str, str] | None = None,
) -> Session:
    """A new match of ``scenario``: ``humans`` share the keyboard, the AI plays the rest (all of
    them, with no human: a match to watch), each seat at its level in ``levels`` (``easy``,
    ``normal``, ``hard``; a seat not listed: the baseline bot). Kept in ``autosave`` every turn
    if given."""
    return LocalMatch.start(scenario, humans, seed, autosave=autosave, levels=levels)


def resumed_match(
    world: World,
    humans: list[str],
    autosave: Path | None = None,
    record: MatchRecord | None = None,
    levels: dict[str, str] | None = None,
) -> Session:
    """The match saved as ``world`` and ``record``, played on by ``humans``
    (``LocalMatch.resume``: a submitted turn counts, a draft comes back to its seat; the AI
    seats keep their saved levels unless ``levels`` gives them anew)."""
    return LocalMatch.resume(world, humans, autosave=autosave, record=record, levels=levels)
