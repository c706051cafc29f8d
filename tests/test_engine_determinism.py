"""Same scenario + same seed + same orders = the same match, bit for bit."""

from __future__ import annotations

import json

import pytest

from game.ai.baseline import BaselineBot
from game.engine import (
    Scenario,
    World,
    check_orders,
    legal_actions,
    new_world,
    resolve,
    view,
)
from game.session.match import ai_orders, play_ai_match, replay
from tests.matches import mini_data


def mini() -> Scenario:
    return Scenario.model_validate(mini_data())


def long_mini() -> Scenario:
    """mini.json played for 24 turns, with no early end, so clashes and cards have time."""
    data = mini_data()
    data["turns"] = 24
    data["end_conditions"] = []
    return Scenario.model_validate(data)


SEEDS = [1, 2, 3]


@pytest.mark.parametrize("seed", SEEDS)
def test_same_seed_and_ai_orders_give_the_same_digest(seed: int) -> None:
    first = play_ai_match(mini(), seed)
    second = play_ai_match(mini(), seed)
    assert first.world.digest() == second.world.digest()
    assert first.log == second.log
    assert [r.model_dump() for r in first.reports] == [r.model_dump() for r in second.reports]


def test_different_seeds_give_different_matches() -> None:
    digests = {play_ai_match(long_mini(), seed).world.digest() for seed in range(1, 6)}
    assert len(digests) == 5


def test_seed_argument_overrides_the_scenarios_seed() -> None:
    scenario = mini()
    assert new_world(scenario).digest() == new_world(scenario, scenario.seed).digest()
    assert new_world(scenario, scenario.seed + 1).digest() != new_world(scenario).digest()


@pytest.mark.parametrize("seed", SEEDS)
def test_replay_of_the_logged_orders_reproduces_the_match(seed: int) -> None:
    scenario = long_mini()
    match = play_ai_match(scenario, seed)
    replayed = replay(scenario, seed, match.log)
    assert replayed.digest() == match.world.digest()


def test_replay_with_a_changed_order_diverges() -> None:
    scenario = mini()
    match = play_ai_match(scenario, 1)
    first = new_world(scenario, 1)
    given = [o for o in match.log[0] if o.actor == "castria" and o.action != "choose"]
    other = next(
        o
        for o in legal_actions(first, "castria")
        if o.action not in ("vote", "choose") and o not in given
    )
    log = [list(turn) for turn in match.log]
    log[0] = [o for o in log[0] if o not in given] + [other]
    assert check_orders(first, log[0])[1] == []  # the changed turn is still all legal
    assert replay(scenario, 1, log).digest() != match.world.digest()


def test_digest_is_stable_across_a_save_and_load() -> None:
    world = new_world(long_mini(), 4)
    bot = BaselineBot()
    for _ in range(10):
        loaded = World.model_validate_json(world.model_dump_json())
        assert loaded.digest() == world.digest()
        orders = ai_orders(world, bot)
        world, _ = resolve(world, orders)
        from_save, _ = resolve(loaded, orders)
        assert from_save.digest() == world.digest()


def mutate_everything(world: World) -> None:
    """Change every kind of nested thing a clone holds."""
    world.turn += 1
    world.rng ^= 1
    world.criteria.peace = 1.0
    world.actors["arcadia"].wealth += 100  # type: ignore[union-attr]
    world.actors["union"].members.append("castria")  # type: ignore[union-attr]
    world.actors["aid_watch"].reach.clear()  # type: ignore[union-attr]
    world.own_region("castria_highlands").owner = "arcadia"  # a region changes in its own copy
    world.groups["highlanders"].warned_by.append("aid_watch")
    world.crises["highland_repression"].responders.append("un")
    world.corporations["globex"].escape = 0.0
    world.hand[0].actor = "nobody"
    world.flags["touched"] = 1.0
    world.fired["touched"] = 1
    # history is append-only (the engine never edits a past turn's record, and a clone shares
    # those records): a clone may add to it, not rewrite it. Likewise a region's outline and
    # borders and a dealt card's bindings are fixed once the world exists, and copies share them
    # (World.clone): they are not changed here. A region itself is shared by copies too, and
    # changed only in the world's own copy of it (World.own_region, as the engine's conquests
    # and secessions do).
    world.history.append(world.history[0].model_copy(update={"turn": 99}))
    world.lessons.append("touched")
    del world.actors["borealia"]


def test_clone_is_independent_of_its_original() -> None:
    world = new_world(mini(), 7)
    assert world.hand  # mini deals cards on turn 1: the clone's hand is mutated too
    digest = world.digest()
    clone = world.clone()
    assert clone.digest() == digest
    mutate_everything(clone)
    assert world.digest() == digest
    assert clone.digest() != digest


def test_original_is_independent_of_its_clone() -> None:
    world = new_world(mini(), 7)
    clone = world.clone()
    digest = clone.digest()
    mutate_everything(world)
    assert clone.digest() == digest


def test_reports_of_the_same_turn_are_identical() -> None:
    world = new_world(mini(), 9)
    orders = ai_orders(world)
    _, first = resolve(world, orders)
    _, second = resolve(world, orders)
    assert first.text() == second.text()
    assert first.model_dump() == second.model_dump()


def test_the_order_seats_hand_in_their_orders_does_not_change_the_outcome() -> None:
    world = new_world(long_mini(), 5)
    bot = BaselineBot()
    for _ in range(6):
        by_seat = [bot.choose(world, actor) for actor in sorted(world.actors)]
        forward, _ = resolve(world, [o for seat in by_seat for o in seat])
        backward, _ = resolve(world, [o for seat in reversed(by_seat) for o in seat])
        assert forward.digest() == backward.digest()
        world = forward


def test_ai_choice_is_deterministic_and_reads_only_its_seats_view() -> None:
    bot = BaselineBot()
    world = new_world(long_mini(), 3)
    for _ in range(8):
        for actor in sorted(world.actors):
            mine = bot.choose(world, actor)
            assert bot.choose(world, actor) == mine
            assert bot.choose(view(world, actor), actor) == mine
        world, _ = resolve(world, ai_orders(world, bot))


def test_where_the_map_shows_a_crisis_is_not_the_state_of_the_match() -> None:
    """A crisis's ``region`` only places its badge on the map: two worlds that differ in it
    alone are the same match (one digest), and play on alike."""
    data = mini_data()
    shown = json.loads(json.dumps(data))
    shown["crises"][0]["region"] = "castria_lowland"
    plain, placed = (
        new_world(Scenario.model_validate(data), 5),
        new_world(Scenario.model_validate(shown), 5),
    )
    assert placed.crises["highland_repression"].region == "castria_lowland"
    assert placed.digest() == plain.digest()
    bot = BaselineBot()
    for _ in range(3):
        plain, _ = resolve(plain, ai_orders(plain, bot))
        placed, _ = resolve(placed, ai_orders(placed, bot))
    assert placed.digest() == plain.digest()
    placed.crises["highland_repression"].severity += 1  # the rest of a crisis is the match
    assert placed.digest() != plain.digest()
