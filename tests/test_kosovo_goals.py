"""Kosovo's goals read the court's real acts: an indictment by the Tribunal's own order (not only
the card that sets a flag) breaks Servia's "No tribunal indicts you" and meets the Tribunal's
"Indict those most responsible"."""

from __future__ import annotations

from game.content import find_scenario, load_scenario
from game.engine import goal_statuses, legal_actions, new_world, resolve
from game.session.match import ai_orders


def _status(world, actor: str, english: str) -> str:
    for g in goal_statuses(world, actor):
        if g.text["en"] == english:
            return g.status
    raise AssertionError(f"{actor} has no goal {english!r}")


def test_the_tribunals_indictment_counts_against_servia_and_for_the_court() -> None:
    world = new_world(load_scenario(find_scenario("kosovo")), 1)
    assert _status(world, "servia", "No tribunal indicts you.") == "holding"
    indict = [o for o in legal_actions(world, "tribunal") if o.action == "indict"]
    assert [o.target for o in indict] == ["servia"]
    orders = [o for o in ai_orders(world) if o.actor != "tribunal"] + indict
    world, _ = resolve(world, orders)
    assert world.actors["servia"].indicted
    assert _status(world, "servia", "No tribunal indicts you.") == "failed"
    assert _status(world, "tribunal", "Indict those most responsible.") == "met"
