"""A resolution vetoed twice on the same question is not re-tabled unchanged (retable.py).

mini.json: the UN's Council is Arcadia and Castria; Castria represses its Highlanders and vetoes
every resolution authorizing force against it."""

from __future__ import annotations

from game.engine import Order, Scenario, World, legal_actions, new_world, resolve
from game.engine import formulas as F
from tests.matches import mini_data

CRISIS = "highland_repression"
severity_at_vote = 0.0
FORCE = Order(actor="un", action="propose", target="un", subject=CRISIS, option="authorize_force")


def start() -> World:
    data = mini_data()
    data["cards"] = []
    data["turns"] = 40
    return new_world(Scenario.model_validate(data), 7)


def table_and_vote(world: World, castria: str) -> tuple[World, list[str]]:
    """The UN tables force against the crisis; next turn Arcadia votes yes, Castria ``castria``.
    The crisis's severity when the votes were counted is kept in ``severity_at_vote``."""
    global severity_at_vote
    assert FORCE in legal_actions(world, "un")
    world, _ = resolve(world, [FORCE])
    (pid,) = world.proposals
    severity_at_vote = world.crises[CRISIS].severity  # votes are counted before the crisis grows
    ballots = [
        Order(actor="arcadia", action="vote", target=pid, option="yes"),
        Order(actor="castria", action="vote", target=pid, option=castria),
    ]
    world, report = resolve(world, ballots)
    return world, [line.text for line in report.lines]


def may_table_force(world: World, actor: str = "un") -> bool:
    return any(
        o.action == "propose" and o.subject == CRISIS and o.option == "authorize_force"
        for o in legal_actions(world, actor)
    )


def test_one_veto_leaves_the_question_open() -> None:
    world, _ = table_and_vote(start(), "no")
    assert may_table_force(world)


def test_two_vetoes_close_the_question_for_every_sponsor_and_the_report_says_why() -> None:
    world, _ = table_and_vote(start(), "no")
    world, lines = table_and_vote(world, "no")
    assert any("needs a new cause" in line for line in lines), lines
    assert not may_table_force(world, "un")
    assert not may_table_force(world, "arcadia")  # a member state cannot table it either


def test_a_graver_crisis_is_a_new_cause() -> None:
    world, _ = table_and_vote(start(), "no")
    world, _ = table_and_vote(world, "no")
    vetoed_at = severity_at_vote
    turns = 0
    while world.crises[CRISIS].severity < vetoed_at + F.RETABLE_WORSENED:
        assert not may_table_force(world), f"re-tabled at {world.crises[CRISIS].severity}"
        world, _ = resolve(world, [])
        turns += 1
        assert turns < 30, "the crisis never worsened"
    assert turns > 0
    assert may_table_force(world)


def test_failing_without_a_veto_does_not_count() -> None:
    world = start()
    for _ in range(3):
        world, _ = table_and_vote(world, "abstain")  # no Council majority: no veto
    assert may_table_force(world)


def test_a_passed_resolution_clears_the_record() -> None:
    world, _ = table_and_vote(start(), "no")
    world, _ = table_and_vote(world, "yes")
    assert world.crises[CRISIS].authorized
    assert world.vetoes == {}


def test_the_ai_does_not_table_a_closed_question() -> None:
    from game.ai.baseline import BaselineBot

    world, _ = table_and_vote(start(), "no")
    assert any(o.action == "propose" for o in BaselineBot().choose(world, "un"))  # still open
    world, _ = table_and_vote(world, "no")
    for actor in ("un", "arcadia"):
        chosen = BaselineBot().choose(world, actor)
        assert not any(o.action == "propose" and o.subject == CRISIS for o in chosen), chosen
