"""A scenario's rules are made once and shared by its matches; a copy with other rules gets its
own."""

from __future__ import annotations

from game.engine import Scenario, new_world
from tests.matches import mini_data


def test_matches_of_one_scenario_share_its_rules() -> None:
    scenario = Scenario.model_validate(mini_data())
    first, second = new_world(scenario, 1), new_world(scenario, 2)
    assert first.rules is second.rules
    assert first.rules.digest() == second.rules.digest()


def test_a_copy_with_other_cards_plays_by_its_own_rules() -> None:
    scenario = Scenario.model_validate(mini_data())
    fewer = scenario.model_copy(update={"cards": scenario.cards[:1]})
    assert len(new_world(fewer, 1).rules.cards) == 1
    assert len(new_world(scenario, 1).rules.cards) == len(scenario.cards) > 1
    assert new_world(fewer, 1).rules.digest() != new_world(scenario, 1).rules.digest()
