"""The baseline AI plays by the rules: legal orders within its action points, every card
answered, every open resolution voted on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from game.ai.baseline import BaselineBot
from game.engine import (
    ACTIONS,
    Order,
    Scenario,
    World,
    check_orders,
    legal_actions,
    new_world,
    resolve,
)
from game.session.match import play_ai_match
from tests.matches import mini_data


def rich_data() -> dict[str, Any]:
    """mini.json with a court, a bank, a trade body, an alliance and a second NGO."""
    data = mini_data()
    data["actors"] += [
        {"kind": "global_body", "id": "court", "name": "World Court", "body": "court",
         "mandate": 30, "enforcement": 45, "independence": 80},
        {"kind": "global_body", "id": "bank", "name": "World Bank", "body": "bank",
         "members": ["arcadia", "borealia"], "budget": 40},
        {"kind": "global_body", "id": "wto", "name": "Trade Body", "body": "trade",
         "members": ["arcadia", "borealia", "castria"], "mandate": 30, "budget": 20},
        {"kind": "federation", "id": "pact", "name": "Southern Pact", "purpose": "alliance",
         "members": ["castria"], "depth": 10, "budget": 10, "force": 10},
        {"kind": "ngo", "id": "rights_now", "name": "Rights Now", "focus": "rights",
         "volunteers": 30, "reach": ["castria", "borealia"], "credibility": 70},
    ]  # fmt: skip
    data["turns"] = 16
    data["end_conditions"] = []
    return data


WORLDS = {"mini": mini_data, "rich": rich_data}
SEEDS = [1, 2, 3]


def ai_turns(data: dict[str, Any], seed: int) -> Iterator[tuple[World, dict[str, list[Order]]]]:
    """Each turn of a full AI match: the world before resolution and every actor's orders."""
    world = new_world(Scenario.model_validate(data), seed)
    bot = BaselineBot()
    while not world.ended:
        orders = {actor: bot.choose(world, actor) for actor in sorted(world.actors)}
        yield world, orders
        world, report = resolve(world, [o for mine in orders.values() for o in mine])
        assert [ln.text for ln in report.lines if ln.kind == "refused"] == []


MATCHES = [(name, seed) for name in WORLDS for seed in SEEDS]


@pytest.mark.parametrize(("name", "seed"), MATCHES)
def test_bot_gives_only_legal_orders_within_action_points(name: str, seed: int) -> None:
    for world, orders in ai_turns(WORLDS[name](), seed):
        for actor, mine in orders.items():
            legal = set(legal_actions(world, actor))
            assert set(mine) <= legal, (world.turn, actor, set(mine) - legal)
            assert len(set(mine)) == len(mine)
            assert sum(ACTIONS[o.action].cost for o in mine) <= world.actors[actor].action_points
            check_orders(world, mine, strict=True)


def test_bot_answers_every_card_dealt_to_its_actor() -> None:
    answered = 0
    for name, seed in MATCHES:
        for world, orders in ai_turns(WORLDS[name](), seed):
            for card in (h for h in world.hand if h.turn == world.turn):
                answers = [
                    o for o in orders[card.actor] if o.action == "choose" and o.target == card.key
                ]
                assert len(answers) == 1, (name, seed, world.turn, card)
                answered += 1
    assert answered >= 5  # the matches dealt cards: the check above was not vacuous


def test_bot_votes_on_every_open_resolution() -> None:
    ballots = 0
    for name, seed in MATCHES:
        for world, orders in ai_turns(WORLDS[name](), seed):
            open_now = [p.id for p in world.proposals.values() if p.opened < world.turn]
            for state in world.states():
                may_vote = {o.target for o in legal_actions(world, state.id) if o.action == "vote"}
                for pid in (p for p in open_now if p in may_vote):
                    cast = [o for o in orders[state.id] if o.action == "vote" and o.target == pid]
                    assert len(cast) == 1, (name, seed, world.turn, state.id, pid)
                    ballots += 1
    assert ballots >= 10


def test_bot_votes_against_force_aimed_at_itself() -> None:
    world = new_world(Scenario.model_validate(mini_data()), 7)
    tabled = Order(
        actor="un", action="propose", target="un", subject="highland_repression",
        option="authorize_force",
    )  # fmt: skip
    world, _ = resolve(world, [tabled])
    (pid,) = world.proposals
    castria = BaselineBot().choose(world, "castria")
    assert Order(actor="castria", action="vote", target=pid, option="no") in castria


def test_bot_does_not_change_the_world_it_reads() -> None:
    world = new_world(Scenario.model_validate(rich_data()), 5)
    digest = world.digest()
    bot = BaselineBot()
    for actor in world.actors:
        bot.choose(world, actor)
    assert world.digest() == digest


def test_bot_gives_no_orders_for_an_unknown_actor_or_an_ended_match() -> None:
    bot = BaselineBot()
    world = new_world(Scenario.model_validate(mini_data()), 1)
    assert bot.choose(world, "atlantis") == []
    ended = play_ai_match(Scenario.model_validate(mini_data()), 1).world
    assert ended.ended
    assert all(bot.choose(ended, actor) == [] for actor in ended.actors)


@pytest.mark.parametrize("name", list(WORLDS))
def test_ai_match_plays_to_its_end(name: str) -> None:
    scenario = Scenario.model_validate(WORLDS[name]())
    match = play_ai_match(scenario, 2)
    assert match.world.ended
    assert 1 <= len(match.reports) <= scenario.turns
    assert match.reports[-1].ended
    assert not any(r.ended for r in match.reports[:-1])
