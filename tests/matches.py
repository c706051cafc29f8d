"""Matches the tests share: small scenarios played by the AI to a known point."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.ai import make_bot
from game.content import check_scenario, load_scenario
from game.engine import Order, Scenario, World, advance
from game.session.local import LocalMatch

MINI = Path(__file__).parent / "fixtures" / "mini.json"
SANDBOX = Path(__file__).resolve().parent.parent / "scenarios" / "sandbox.json"


def mini_data() -> dict[str, Any]:
    """mini.json as plain data, to change before it is validated."""
    return json.loads(MINI.read_text(encoding="utf-8"))


def sandbox_offering_ostrava() -> Scenario:
    """The sandbox with Ostrava among its seats, as it shipped until the seat was taken out
    (bench/starts.py's SEATS says why): a seat whose state Karsk takes on turn 2 of every match,
    as an author's scenario may still offer one."""
    doc = json.loads(SANDBOX.read_text(encoding="utf-8"))
    doc["seats"] = [*doc["seats"], "ostrava"]
    return Scenario.model_validate(doc)


def name_warnings(folder: Path, table: str, index: int, name: object) -> list[str]:
    """mini.json with one name changed (``table``'s item ``index``), written to ``folder`` and
    checked: validate's warnings as "path: message" (the scenario still plays)."""
    doc = mini_data()
    doc[table][index]["name"] = name
    path = folder / "named.json"
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
    scenario, problems = check_scenario(path)
    assert scenario is not None
    return [f"{p.path}: {p.message}" for p in problems if p.severity == "warning"]


def finished_match(turns: int = 4) -> LocalMatch:
    """mini.json played by the AI to its (lowered) last turn, Castria a human seat."""
    scenario = load_scenario(MINI).model_copy(update={"turns": turns})
    local = LocalMatch.start(scenario, humans=["castria"])
    while not local.world.ended:
        local.resolve()
    return local


def played_out(world: World, seat: str, play: Callable[[World, str], list[Order]]) -> World:
    """``world`` played to its end: ``play`` gives ``seat``'s orders, the mission AI at normal
    every other seat's."""
    others = make_bot("normal")
    while not world.ended:
        orders: list[Order] = []
        for a in sorted(world.actors):
            orders.extend(play(world, a) if a == seat else others.choose(world, a))
        world = advance(world, orders)
    return world
