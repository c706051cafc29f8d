"""The game's models read their fields without pydantic's attribute fallback on CPython 3.11
(game/engine/fastattr.py), and everything that kept private state through it still works."""

from __future__ import annotations

import hashlib
import json
import sys

import pytest
from pydantic import BaseModel

from game.engine.fastattr import fast_attribute_reads
from game.engine.model import Group
from game.engine.scenario import Scenario
from game.engine.world import World

OLD_CPYTHON = sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def test_the_fallback_is_gone_where_it_costs() -> None:
    assert fast_attribute_reads() is OLD_CPYTHON
    assert ("__getattr__" in vars(BaseModel)) is not OLD_CPYTHON
    assert fast_attribute_reads() is OLD_CPYTHON  # twice is harmless


def test_a_missing_attribute_is_still_an_attribute_error(mini_world: World) -> None:
    group = next(iter(mini_world.groups.values()))
    assert isinstance(group, Group)
    with pytest.raises(AttributeError):
        group.no_such_field  # noqa: B018
    assert not hasattr(mini_world, "_geo")  # private state lives in __pydantic_private__
    assert getattr(group, "grievance") == group.__dict__["grievance"]  # noqa: B009


def test_rules_private_indexes(mini_scenario: Scenario) -> None:
    rules = mini_scenario.rules()
    for m in rules.missions:
        assert rules.mission(m.actor) is m
    assert rules.mission("nobody") is None
    blob = json.dumps(rules.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    assert rules.digest() == hashlib.sha256(blob.encode()).hexdigest()
    assert rules.digest() is rules.digest()  # worked out once
    first = rules.cards[0]
    assert rules.card(first.id) is first
    assert rules.card("no_such_card") is None


def test_world_private_caches(mini_world: World) -> None:
    geo = mini_world.geo()
    assert mini_world.geo() is geo
    copy = mini_world.clone()
    assert copy.geo().regions_of == geo.regions_of
    memo = copy.memo()
    memo["x"] = 1
    assert copy.memo()["x"] == 1
    assert "x" not in mini_world.memo()
