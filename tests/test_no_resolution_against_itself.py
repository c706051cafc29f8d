"""No state tables a resolution against itself (docs/rules.md, "Votes"): not force against a
repression or cleansing its own government carries out. A government may still ask for force
against a civil war on its soil, and every other member may table force against its crimes.

mini.json: Castria represses its Highlanders; Arcadia, Borealia and Castria sit in the UN."""

from __future__ import annotations

import pytest

from game.engine import Order, Scenario, World, legal_actions, new_world, resolve
from game.engine.resolve import check_orders
from tests.matches import mini_data

CRISIS = "highland_repression"


def start(kind: str) -> World:
    data = mini_data()
    data["cards"] = []
    data["crises"][0]["kind"] = kind
    return new_world(Scenario.model_validate(data), 7)


def force(actor: str) -> Order:
    return Order(
        actor=actor, action="propose", target="un", subject=CRISIS, option="authorize_force"
    )


@pytest.mark.parametrize("kind", ["repression", "cleansing"])
def test_the_perpetrator_may_not_table_force_against_its_own_crimes(kind: str) -> None:
    world = start(kind)
    assert force("castria") not in legal_actions(world, "castria")
    assert force("arcadia") in legal_actions(world, "arcadia")
    assert force("un") in legal_actions(world, "un")
    accepted, refused = check_orders(world, [force("castria"), force("arcadia")])
    assert accepted == [force("arcadia")]
    assert len(refused) == 1 and "Castria" in refused[0]


def test_a_government_may_ask_for_force_against_a_civil_war() -> None:
    world = start("civil_war")
    assert force("castria") in legal_actions(world, "castria")
    world, report = resolve(world, [force("castria")])
    assert [p.target for p in world.proposals.values()] == [CRISIS]
    assert not [line for line in report.lines if "may not" in line.text]


def test_the_others_still_table_it_once_the_perpetrator_is_refused() -> None:
    world, report = resolve(start("repression"), [force("castria"), force("borealia")])
    assert [(p.proposer, p.target) for p in world.proposals.values()] == [("borealia", CRISIS)]
    assert any("Castria" in line.text for line in report.lines)
