"""Shared fixtures: the small valid scenario in tests/fixtures/mini.json, and a world from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine.scenario import Scenario
from game.engine.setup import new_world
from game.engine.world import World

MINI = Path(__file__).parent / "fixtures" / "mini.json"


@pytest.fixture
def mini_scenario() -> Scenario:
    return load_scenario(MINI)


@pytest.fixture
def mini_world(mini_scenario: Scenario) -> World:
    """The world at the start of a match of mini.json (turn 1, cards dealt), seed 1."""
    return new_world(mini_scenario, 1)
