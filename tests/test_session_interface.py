"""The session interface (game/session/interface.py) as the hot-seat host gives it: each seat's
view, its draft (add, remove, replace), whose turn it is, the reports and the end."""

from __future__ import annotations

from game.engine import Order, view
from game.engine.scenario import Scenario
from game.session.hotseat import new_match, resumed_match
from game.session.interface import Session
from game.session.local import LocalMatch


def repress(actor: str = "castria") -> Order:
    return Order(actor=actor, action="repress", target="highlanders")


def test_the_hot_seat_match_is_a_session(mini_scenario: Scenario) -> None:
    session = new_match(mini_scenario, ["castria", "arcadia"], seed=2)
    assert isinstance(session, Session) and isinstance(session, LocalMatch)
    assert session.humans == ["castria", "arcadia"] == session.seats
    assert session.autosave is None and session.autosave_failure is None
    assert not session.ended and session.reports == []


def test_a_seat_sees_its_view_and_it_is_kept_until_the_world_moves(
    mini_scenario: Scenario,
) -> None:
    session = LocalMatch.start(mini_scenario, ["castria"], seed=2)
    seen, state = session.view("castria"), session.state_id
    assert seen.model_dump() == view(session.world, "castria").model_dump()
    assert session.view("castria") is seen and session.state_id == state  # not worked out again
    assert session.view(None) is not seen  # the public view is another
    assert session.outcome() is session.world  # the whole world, secrets and all
    session.submit("castria")
    assert session.state_id != state and session.view("castria") is not seen
    assert session.view("castria").turn == 2


def test_replace_sets_the_whole_draft_or_refuses_and_keeps_it(mini_scenario: Scenario) -> None:
    session = LocalMatch.start(mini_scenario, ["castria"], seed=2)
    assert session.add(Order(actor="castria", action="invest")) is None
    assert session.replace("castria", [repress()]) is None
    assert session.draft("castria") == [repress()]
    why = session.replace("castria", [repress(), repress()])  # the same order twice
    assert why and session.draft("castria") == [repress()]
    assert session.replace("castria", [repress("arcadia")]) == "not your seat"
    assert session.replace("arcadia", []) == "not your turn"
    assert session.replace("castria", []) is None and session.draft("castria") == []


def test_a_resumed_match_is_a_session_with_its_drafts(mini_scenario: Scenario) -> None:
    first = LocalMatch.start(mini_scenario, ["castria"], seed=2)
    assert first.add(repress()) is None
    session = resumed_match(first.world, ["castria"], record=first.record())
    assert isinstance(session, Session)
    assert session.draft("castria") == [repress()] and session.current_seat() == "castria"
