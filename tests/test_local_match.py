"""The hot-seat controller the desktop client drives: seats take turns drafting orders, the AI
plays the rest, the turn resolves when the last human submits, and every turn is autosaved."""

from __future__ import annotations

from pathlib import Path

from game.engine import Order
from game.engine.scenario import Scenario
from game.session.local import LocalMatch
from game.session.match import replay
from game.session.saves import load_world


def repress(actor: str = "castria") -> Order:
    return Order(actor=actor, action="repress", target="highlanders")


def test_seats_take_turns_and_the_turn_resolves_after_the_last(mini_scenario: Scenario) -> None:
    local = LocalMatch.start(mini_scenario, ["castria", "arcadia"], seed=2)
    assert local.current_seat() == "castria"
    assert local.submit("arcadia") is None  # not arcadia's turn yet
    assert local.submit("castria") is None
    assert local.current_seat() == "arcadia"
    report = local.submit("arcadia")
    assert report is not None and report.turn == 1
    assert local.world.turn == 2
    assert local.current_seat() == "castria"  # a new turn starts with the first seat


def test_a_drafted_order_takes_effect_and_the_ai_plays_the_other_actors(
    mini_scenario: Scenario,
) -> None:
    local = LocalMatch.start(mini_scenario, ["castria"], seed=2)
    before = local.world.groups["highlanders"].grievance
    assert local.add(repress()) is None
    assert local.draft("castria") == [repress()]
    report = local.submit("castria")
    assert report is not None
    assert any("repressed the Highlanders" in c.cause for c in report.changes)
    assert local.world.groups["highlanders"].grievance > before
    ai_lines = [ln for ln in report.lines if ln.actor not in (None, "castria")]
    assert ai_lines, "the AI gave orders for the other actors"


def test_an_illegal_or_unaffordable_order_is_refused_with_the_reason(
    mini_scenario: Scenario,
) -> None:
    local = LocalMatch.start(mini_scenario, ["castria"], seed=2)
    why = local.add(Order(actor="castria", action="repress", target="castrians"))
    assert why and "may not" in why
    points = local.points_left("castria")
    for order in [repress(), Order(actor="castria", action="invest")][:points]:
        assert local.add(order) is None
    assert local.points_left("castria") == 0
    why = local.add(Order(actor="castria", action="arm"))
    assert why and "action points" in why
    assert len(local.draft("castria")) == points


def test_another_seats_order_is_not_its_to_give(mini_scenario: Scenario) -> None:
    local = LocalMatch.start(mini_scenario, ["castria"], seed=2)
    assert local.add(Order(actor="arcadia", action="invest")) == "not your turn"


def test_a_vote_or_card_answer_replaces_the_earlier_one(mini_scenario: Scenario) -> None:
    local = LocalMatch.start(mini_scenario, ["castria"], seed=2)
    hand = [h for h in local.world.hand if h.actor == "castria"]
    if not hand:  # mini deals Castria a card on some seeds only: find one that does
        for seed in range(3, 40):
            local = LocalMatch.start(mini_scenario, ["castria"], seed=seed)
            hand = [h for h in local.world.hand if h.actor == "castria"]
            if hand:
                break
    assert hand, "no seed deals Castria a card"
    answers = [
        o for o in local.legal("castria") if o.action == "choose" and o.target == hand[0].key
    ]
    assert len(answers) >= 2
    assert local.add(answers[0]) is None
    assert local.add(answers[1]) is None
    assert local.draft("castria") == [answers[1]]


def test_every_turn_is_autosaved_and_the_save_replays(
    mini_scenario: Scenario, tmp_path: Path
) -> None:
    save = tmp_path / "autosave.json"
    local = LocalMatch.start(mini_scenario, ["castria"], seed=4, autosave=save)
    log = []
    for _ in range(3):
        local.add(repress())
        local.submit("castria")
        log.append(local.match.log[-1])
        assert load_world(save).digest() == local.world.digest()
    assert replay(mini_scenario, 4, log).digest() == local.world.digest()


def test_resume_keeps_only_seats_that_still_exist(mini_scenario: Scenario) -> None:
    local = LocalMatch.start(mini_scenario, ["castria"], seed=2)
    resumed = LocalMatch.resume(local.world, ["castria", "atlantis"])
    assert resumed.seats == ["castria"]
    assert resumed.world.digest() == local.world.digest()


def test_with_no_human_seat_the_turn_resolves_at_once(mini_scenario: Scenario) -> None:
    local = LocalMatch.start(mini_scenario, [], seed=2)
    assert local.current_seat() is None
    report = local.resolve()
    assert report.turn == 1 and local.world.turn == 2
