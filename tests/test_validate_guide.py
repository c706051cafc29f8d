"""docs/authoring.md says what validate does and what it refuses: its examples and its table of
limits are checked against the game (issue 14)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from game.content import check_scenario
from game.content.limits import (
    LIST_LIMITS,
    MAX_CONDITION_DEPTH,
    MAX_CONDITIONS,
    MAX_CONDITIONS_PER_LIST,
    MAX_VALUES,
)
from game.content.parts import MAX_NESTING, MAX_PARTS

GUIDE = (Path(__file__).resolve().parent.parent / "docs" / "authoring.md").read_text(
    encoding="utf-8"
)


def _whole_scenario() -> dict:
    (block,) = re.findall(r"<!-- check: scenario -->\n```json\n(.*?)```", GUIDE, re.S)
    return json.loads(block)


def test_the_corporations_wars_and_treaties_example_validates(tmp_path: Path) -> None:
    section = GUIDE.split("### Also under way at the start", 1)[1]
    block = re.search(r"```text\n(.*?)```", section, re.S)
    assert block is not None
    lists = json.loads("{" + block.group(1) + "}")
    assert set(lists) == {"corporations", "wars", "treaties"}
    doc = {**_whole_scenario(), **lists}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    scenario, problems = check_scenario(path)
    assert scenario is not None, "\n".join(map(str, problems))
    assert [w.id for w in scenario.wars] == ["border_war"]


def _limits_table() -> dict[str, str]:
    table = GUIDE.split("**Limits.**", 1)[1].split("\n\n", 2)[1]
    rows = [line.split("|")[1:3] for line in table.splitlines()[2:]]
    return {what.strip(): most.strip() for what, most in rows}


def test_the_limits_table_is_the_games() -> None:
    table = _limits_table()
    for what, most in table.items():
        for name in re.findall(r"`(\w+)`", what):
            if name in LIST_LIMITS:
                assert most.startswith(f"{LIST_LIMITS[name]:,}"), (name, most)
    listed = {n for what in table for n in re.findall(r"`(\w+)`", what)}
    assert set(LIST_LIMITS) <= listed, set(LIST_LIMITS) - listed
    assert table["values in the whole scenario (objects, lists, strings, numbers)"] == (
        f"{MAX_VALUES:,}"
    )
    assert table[
        "conditions in one trigger or `when` (counting those inside `any` and `not`)"
    ] == str(MAX_CONDITIONS_PER_LIST)
    assert table["conditions in the whole scenario (triggers, goals and end conditions)"] == (
        f"{MAX_CONDITIONS:,}"
    )
    assert table["`any` and `not` nested inside each other"] == f"{MAX_CONDITION_DEPTH} deep"
    assert table["includes in one scenario; parts including parts"] == (
        f"{MAX_PARTS}; {MAX_NESTING} deep"
    )
