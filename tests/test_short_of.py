"""What an actor would have but for its wealth or budget (``actions.short_of``): the match screen
says it under the Actions tab, so it must agree with the rules to the unit."""

from __future__ import annotations

from pathlib import Path

from game.content import load_scenario
from game.engine import World, advance, legal_actions, new_world
from game.engine import formulas as F
from game.engine.actions import Shortfall, short_of
from game.session.match import ai_orders

ROOT = Path(__file__).resolve().parent.parent


def _with(world: World, actor: str, figure: str, value: float) -> World:
    w = world.clone()
    setattr(w.actors[actor], figure, value)
    return w


def _can(world: World, actor: str, action: str) -> bool:
    return bool(legal_actions(world, actor, only=action))


def test_the_fund_short_of_a_loan_is_told_what_a_loan_needs() -> None:
    w = new_world(load_scenario(ROOT / "scenarios" / "financial.json"), 1)
    assert short_of(w, "monetary_fund") == []  # a budget of 32: every action in reach
    while w.turn < 3:
        w = advance(w, ai_orders(w))
    budget = w.actors["monetary_fund"].budget  # type: ignore[union-attr]
    assert 6 <= budget < F.LEND_COST and not _can(w, "monetary_fund", "lend")
    assert short_of(w, "monetary_fund") == [Shortfall("lend", "budget", F.LEND_COST, budget)]
    # the line is the rule's own: a hair under it, no loan and the same shortfall; at it, a loan
    under = _with(w, "monetary_fund", "budget", F.LEND_COST - 0.01)
    assert not _can(under, "monetary_fund", "lend")
    assert [f.action for f in short_of(under, "monetary_fund")] == ["lend"]
    at = _with(w, "monetary_fund", "budget", float(F.LEND_COST))
    assert _can(at, "monetary_fund", "lend") and short_of(at, "monetary_fund") == []


def test_a_poor_state_is_told_what_arming_and_funding_need() -> None:
    """Servia at wealth 3. Aid is not said: with the 10 aid needs, Servia would still have no state
    half as rich per person as itself to give to."""
    w = new_world(load_scenario(ROOT / "scenarios" / "kosovo.json"), 1)
    poor = _with(w, "servia", "wealth", 3.0)
    assert not _can(_with(w, "servia", "wealth", float(F.AID_FLOOR)), "servia", "aid")
    assert {(f.action, f.figure, f.need) for f in short_of(poor, "servia")} == {
        ("arm", "wealth", F.ARM_COST),
        ("fund", "wealth", F.FUND_COST),
    }
    for f in short_of(poor, "servia"):
        assert not _can(poor, "servia", f.action)
        assert _can(_with(w, "servia", "wealth", f.need), "servia", f.action), f


def test_an_action_no_money_would_bring_is_not_listed() -> None:
    """A union with one member never redistributes, whatever its budget: no shortfall is said."""
    w = new_world(load_scenario(ROOT / "scenarios" / "kosovo.json"), 1)
    union = w.actors["european_union"]
    broke = _with(w, "european_union", "budget", 0.0)
    broke.actors["european_union"].members = list(union.members[:1])  # type: ignore[union-attr]
    assert "redistribute" not in [f.action for f in short_of(broke, "european_union")]
    assert "build_force" in [f.action for f in short_of(broke, "european_union")]
