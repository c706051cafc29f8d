"""A report from ``resolve`` builds its lines and changes when first read: whoever reads it, and
whenever, sees what an eagerly built report says (the same JSON, equality, copies, pickles)."""

from __future__ import annotations

import copy
import pickle

import pytest

from game.content import find_scenario, load_scenario
from game.engine import TurnReport, World, new_world, resolve
from game.engine.report import _DICT, _UNREAD
from game.session.match import ai_orders
from game.session.saves import MatchRecord


def _match(scenario: str, seed: int) -> tuple[list[World], list[TurnReport], list[str]]:
    """An AI match: every world, every report (never read while playing), and each report's JSON
    as read the moment it was made, from a second report of the same turn."""
    world = new_world(load_scenario(find_scenario(scenario)), seed)
    worlds, reports, dumped = [world], [], []
    while not world.ended:
        orders = ai_orders(world)
        _, twin = resolve(world, orders)
        dumped.append(twin.model_dump_json())
        world, report = resolve(world, orders)
        worlds.append(world)
        reports.append(report)
    return worlds, reports, dumped


def _unread(report: TurnReport) -> bool:
    return _UNREAD in _DICT.__get__(report)


@pytest.mark.parametrize(
    "scenario,seed", [("kosovo", 3), ("financial", 5), ("pandemic", 2), ("sandbox", 2)]
)
def test_a_report_read_late_says_what_it_said_at_once(scenario: str, seed: int) -> None:
    _, reports, dumped = _match(scenario, seed)
    assert all(_unread(r) for r in reports)
    assert [r.model_dump_json() for r in reports] == dumped


def test_every_way_of_reading_a_report_sees_the_same_report() -> None:
    worlds, reports, dumped = _match("kosovo", 1)
    eager = [TurnReport.model_validate_json(d) for d in dumped]
    turn = max(range(len(reports)), key=lambda i: len(eager[i].lines) + len(eager[i].changes))
    assert eager[turn].lines and eager[turn].changes

    def fresh() -> TurnReport:
        return resolve(worlds[turn], ai_orders(worlds[turn]))[1]

    assert fresh().lines == eager[turn].lines
    assert fresh().changes == eager[turn].changes
    assert fresh() == eager[turn] and eager[turn] == fresh()
    assert fresh().model_dump() == eager[turn].model_dump()
    assert fresh().model_copy() == eager[turn]
    assert copy.deepcopy(fresh()) == eager[turn]
    assert pickle.loads(pickle.dumps(fresh())) == eager[turn]
    assert vars(fresh()) == vars(eager[turn])
    assert repr(fresh()) == repr(eager[turn])  # the fields in their own order
    assert list(vars(fresh())) == list(TurnReport.model_fields)
    seat = next(ln.private_to or ln.actor for ln in eager[turn].lines if ln.actor)
    assert fresh().for_actor(seat) == eager[turn].for_actor(seat)
    assert fresh().text() == eager[turn].text()
    # inside another model (a save's record of the match): dumped as it is read
    record = MatchRecord.empty(worlds[turn]).model_copy(update={"reports": [fresh()]})
    assert (
        record.model_dump_json()
        == MatchRecord.empty(worlds[turn])
        .model_copy(update={"reports": [eager[turn]]})
        .model_dump_json()
    )
    # a field set on an unread report keeps its value, the others are built
    r = fresh()
    r.ended = True
    assert r.lines == eager[turn].lines and r.ended


def test_an_unknown_attribute_is_still_an_error() -> None:
    world = new_world(load_scenario(find_scenario("kosovo")), 1)
    report = resolve(world, ai_orders(world))[1]
    with pytest.raises(AttributeError):
        _ = report.no_such_field  # type: ignore[attr-defined]
    assert _unread(report)
