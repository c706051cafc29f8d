"""An NGO's reach as a figure a goal or card may read (issue 12): the states it works in that are
still on the map, raised by its own new offices and by nothing else. The pandemic's Field Medics
has a goal on it; its `normal` AI opens offices while that goal's line is short."""

from __future__ import annotations

from game.ai import make_bot
from game.ai.baseline import BaselineBot
from game.content import find_scenario, load_scenario
from game.engine import Order, World, advance, new_world
from game.engine import vocabulary as V
from game.engine.conditions import Context, compiled, figure


def _pandemic(seed: int = 2) -> World:
    return new_world(load_scenario(find_scenario("pandemic")), seed)


def _reach(w: World, line: float) -> tuple[float | None, bool, bool]:
    """The figure, and whether ``reach >= line`` holds, read both ways the engine reads a
    condition (interpreted for a figure, compiled for a card's trigger or a goal)."""
    cond = V.ActorStatIs(actor="field_medics", stat="reach", min=line)
    ctx = Context(w)
    value = figure(cond, ctx)
    return value, value is not None and value >= line, compiled([cond]).check(ctx)


def test_reach_counts_the_states_an_ngo_works_in_and_grows_with_an_office() -> None:
    w = _pandemic()
    assert _reach(w, 4) == (4.0, True, True)
    assert _reach(w, 5) == (4.0, False, False)
    w = advance(w, [Order(actor="field_medics", action="expand", target="aurelia")])
    assert _reach(w, 5) == (5.0, True, True)


def test_reach_is_no_figure_of_a_state() -> None:
    w = _pandemic()
    cond = V.ActorStatIs(actor="aurelia", stat="reach", min=0)
    assert figure(cond, Context(w)) is None
    assert not compiled([cond]).check(Context(w))


def test_normal_field_medics_opens_offices_while_its_goal_wants_more() -> None:
    """Its goal asks for six of the seven states; it starts in four. `normal` opens the two
    offices it lacks within the first turns and none past the line (the baseline, which reads
    no goal, opens none)."""
    bot = make_bot("normal")
    w = _pandemic(2)
    offices: list[str] = []
    while not w.ended and w.turn <= 6:
        orders = [o for a in sorted(w.actors) for o in bot.choose(w, a)]
        offices += [
            o.target or "" for o in orders if o.actor == "field_medics" and o.action == "expand"
        ]
        w = advance(w, orders)
    assert len(offices) == 2 and _reach(w, 6)[1]
    baseline = BaselineBot()
    w = _pandemic(2)
    for _ in range(6):
        orders = [o for a in sorted(w.actors) for o in baseline.choose(w, a)]
        assert not [o for o in orders if o.actor == "field_medics" and o.action == "expand"]
        w = advance(w, orders)
