"""How an NGO grows (docs/rules.md, "Civil society arrives late"): recruiting brings a quarter
more volunteers (at least 2) and 2 credibility, an office in a new state takes a twentieth of
its volunteers, relief earns 2 credibility. Each order is played on the pandemic's first turn
beside the same turn without it, so what differs is the order's doing."""

from __future__ import annotations

import pytest

from game.content import find_scenario, load_scenario
from game.engine import Order, World, new_world, resolve

NGO = "open_rights"  # no card dealt on the first turn touches its figures


def _start() -> World:
    return new_world(load_scenario(find_scenario("pandemic")), 1)


def _turn(orders: list[Order]) -> World:
    return resolve(_start(), orders)[0]


def _ngo(w: World, ngo: str = NGO):
    return w.actors[ngo]


def test_recruiting_brings_a_quarter_more_volunteers_and_two_credibility() -> None:
    before = _ngo(_turn([]))
    after = _ngo(_turn([Order(actor=NGO, action="recruit")]))
    start = _start().actors[NGO]
    assert after.volunteers - before.volunteers == pytest.approx(max(2.0, start.volunteers / 4))
    assert after.credibility - before.credibility == pytest.approx(2.0)


def test_an_office_in_a_new_state_takes_a_twentieth_of_the_volunteers() -> None:
    start = _start().actors[NGO]
    state = next(s for s in ("aurelia", "lusara", "nordmark") if s not in start.reach)
    quiet = _ngo(_turn([]))
    done = _ngo(_turn([Order(actor=NGO, action="expand", target=state)]))
    assert state in done.reach and state not in quiet.reach
    assert quiet.volunteers - done.volunteers == pytest.approx(start.volunteers / 20)
    assert done.credibility == quiet.credibility


def test_relief_earns_two_credibility_and_no_volunteers() -> None:
    quiet = _ngo(_turn([]))
    done = _ngo(_turn([Order(actor=NGO, action="relieve", target="tava_fever")]))
    assert done.credibility - quiet.credibility == pytest.approx(2.0)
    assert done.volunteers == quiet.volunteers
