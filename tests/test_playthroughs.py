"""Reference playthroughs: every shipped scenario, replayed turn by turn, must give the very
worlds recorded in tests/playthroughs/. A failure means a rule changed: if that was intended,
regenerate them (python tests/playthroughs/regenerate.py) and say in the commit what moved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.content import load_scenario
from game.session.match import Match, ai_orders

ROOT = Path(__file__).resolve().parent.parent
RECORDS = sorted((ROOT / "tests" / "playthroughs").glob("*.json"))


def test_every_shipped_scenario_has_a_reference_playthrough() -> None:
    shipped = {
        p.stem for p in (ROOT / "scenarios").glob("*.json") if not p.name.endswith(".schema.json")
    }
    recorded = {p.stem for p in RECORDS}
    assert shipped <= recorded, (
        f"no playthrough for {sorted(shipped - recorded)}: run tests/playthroughs/regenerate.py"
    )


@pytest.mark.parametrize("record", RECORDS, ids=[p.stem for p in RECORDS])
def test_playthrough_is_reproduced_turn_by_turn(record: Path) -> None:
    data = json.loads(record.read_text())
    scenario = load_scenario(ROOT / "scenarios" / f"{data['scenario']}.json")
    for run in data["runs"]:
        match = Match.start(scenario, run["seed"])
        assert match.world.digest() == run["digests"][0], "the starting world changed"
        turn = 0
        while not match.world.ended:
            match.play_turn(ai_orders(match.world))
            turn += 1
            assert match.world.digest() == run["digests"][turn], (
                f"seed {run['seed']}: turn {turn} differs from the reference playthrough; if a rule "
                "changed on purpose, run tests/playthroughs/regenerate.py"
            )
        assert turn == run["turns"]
        assert match.world.criteria.as_dict() == run["final"]
        assert match.world.lessons == run["cards"]
