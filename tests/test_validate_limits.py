"""Validation costs what the file is worth, and says every problem at once (issue 14).

Hostile files are built in tmp_path at a size that keeps the suite fast; bench/bench_validate.py
builds the full-size ones and prints what rejecting them costs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.content import check_scenario
from game.content.limits import (
    LIST_LIMITS,
    MAX_CONDITION_DEPTH,
    MAX_CONDITIONS_PER_LIST,
    MAX_PROBLEMS,
    MAX_VALUES,
)
from game.content.loader import list_scenarios, validate_scenarios

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.json"


def mini() -> dict:
    return json.loads(MINI.read_text(encoding="utf-8"))


def write(path: Path, doc: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return path


def errors_of(path: Path) -> list:
    _, problems = check_scenario(path)
    return [p for p in problems if p.is_error]


def test_the_limits_are_those_of_the_models() -> None:
    # Read off the models: the guide's table and the models cannot drift apart.
    assert LIST_LIMITS["actors"] == 128 and LIST_LIMITS["cards"] == 400
    assert LIST_LIMITS["regions"] == 256


def test_a_million_empty_actors_are_refused_before_they_are_read(tmp_path: Path) -> None:
    doc = mini()
    doc["actors"] = [{}] * (MAX_VALUES + 10)
    (p,) = errors_of(write(tmp_path / "s.json", doc))
    assert f"more than {MAX_VALUES:,} values" in p.message, p


def test_too_many_cards_is_one_problem_not_one_a_card(tmp_path: Path) -> None:
    doc = mini()
    doc["cards"] = [{"id": "c"}] * 5_000  # under the values limit: the list limit says it
    (p,) = errors_of(write(tmp_path / "s.json", doc))
    assert p.path == "cards" and "5,000 cards" in p.message and "at most 400" in p.message


def deep_not(depth: int) -> dict:
    node: dict = {"type": "turn", "min": 1}
    for _ in range(depth - 1):
        node = {"type": "not", "condition": node}
    return node


def test_conditions_nested_too_deep_are_refused(tmp_path: Path) -> None:
    doc = mini()
    trigger = doc["cards"][0]["trigger"]
    doc["cards"][0]["trigger"] = [*trigger, deep_not(MAX_CONDITION_DEPTH + 1)]
    (p,) = errors_of(write(tmp_path / "s.json", doc))
    assert p.path == "cards[0].trigger" and f"more than {MAX_CONDITION_DEPTH} deep" in p.message
    doc["cards"][0]["trigger"] = [*trigger, deep_not(MAX_CONDITION_DEPTH)]
    assert errors_of(write(tmp_path / "s.json", doc)) == []


def test_too_many_conditions_in_one_trigger(tmp_path: Path) -> None:
    doc = mini()
    leaves = [{"type": "turn", "min": 1}] * 16
    doc["cards"][0]["trigger"] = [{"type": "any", "conditions": leaves}] * 4  # 68 in all
    (p,) = errors_of(write(tmp_path / "s.json", doc))
    assert f"more than {MAX_CONDITIONS_PER_LIST} conditions" in p.message


def test_problems_are_capped_and_the_rest_counted(tmp_path: Path) -> None:
    doc = mini()
    doc["regions"][0]["neighbors"] = [f"nowhere_{i}" for i in range(1_000)]
    _, problems = check_scenario(write(tmp_path / "s.json", doc))
    errors = [p for p in problems if p.is_error]
    assert len(errors) == MAX_PROBLEMS + 1
    last = errors[-1]
    assert last.message == f"… and {1_000 - MAX_PROBLEMS:,} more errors not shown"
    assert last.count == 1_000 - MAX_PROBLEMS
    assert sum(p.count for p in errors) == 1_000
    # The ones shown are worded and placed like any other.
    assert errors[0].path == "regions[0].neighbors[0]" and errors[0].line is not None
    assert "unknown region 'nowhere_0'" in errors[0].message


def test_an_include_bomb_says_its_problem_once(tmp_path: Path) -> None:
    doc = mini()
    card = dict(doc["cards"][0], colour="red")
    card["id"] = "bomb"
    write(tmp_path / "cards" / "bomb.json", card)
    doc["cards"] = [*doc["cards"], *[{"$include": "cards/bomb.json"}] * 50]
    _, problems = check_scenario(write(tmp_path / "s.json", doc))
    colour = [p for p in problems if "'colour'" in p.message]
    assert len(colour) == 1, problems
    assert colour[0].file.endswith("bomb.json") and "found 50 times" in colour[0].message
    # The duplicate card ids are in the same part each time: one line too, not 49.
    dup = [p for p in problems if "is already used" in p.message]
    assert len(dup) == 1 and "found 49 times" in dup[0].message, dup


def test_five_independent_mistakes_are_five_problems(tmp_path: Path) -> None:
    doc = mini()
    doc["turns"] = "twelve"  # the schema
    doc["actors"][1]["welth"] = 45  # the schema
    doc["regions"][1]["owner"] = "borealai"  # a reference
    doc["cards"][0]["target"] = "nobody"  # a reference
    doc["regions"][0]["polygon"] = [[0, 0], [100, 100], [100, 0], [0, 100]]  # crosses itself
    found = {p.path: p.message for p in errors_of(write(tmp_path / "s.json", doc))}
    assert set(found) == {
        "turns",
        "actors[1].welth",
        "regions[1].owner",
        "cards[0].target",
        "regions[0].polygon",
    }, found
    crossing = found["regions[0].polygon"]
    assert "crosses itself" in crossing
    assert "from corner 0 [0, 0] to corner 1 [100, 100]" in crossing
    assert "from corner 2 [100, 0] to corner 3 [0, 100]" in crossing


def test_an_outline_the_schema_refused_is_not_checked_again(tmp_path: Path) -> None:
    doc = mini()
    doc["regions"][0]["polygon"] = [[0, 0], [100, 100], [100, 0], [0, "x"]]
    messages = [p.message for p in errors_of(write(tmp_path / "s.json", doc))]
    assert len(messages) == 1 and "crosses" not in messages[0], messages


def test_a_duplicate_id_across_two_parts_names_both_files(tmp_path: Path) -> None:
    doc = mini()
    first, second = dict(doc["cards"][0]), dict(doc["cards"][0])
    write(tmp_path / "cards" / "one.json", first)
    write(tmp_path / "cards" / "two.json", second)
    doc["cards"] = [{"$include": "cards/one.json"}, {"$include": "cards/two.json"}]
    (p,) = errors_of(write(tmp_path / "s.json", doc))
    assert p.file.endswith("two.json") and p.path == "id"
    assert "one.json:" in p.message, p.message  # with its line and column there


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_out_of_the_folder_says_it_is_a_link_and_where_it_leads(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    write(outside / "card.json", mini()["cards"][0])
    folder = tmp_path / "scenario"
    folder.mkdir()
    (folder / "shared").symlink_to(outside, target_is_directory=True)
    doc = mini()
    doc["cards"] = [{"$include": "shared/card.json"}]
    (p,) = errors_of(write(folder / "s.json", doc))
    assert "'shared/card.json' goes through shared, a symbolic link to" in p.message, p
    assert str(outside.resolve()) in p.message


def test_validate_walks_subfolders_but_not_part_folders(tmp_path: Path) -> None:
    doc = mini()
    write(tmp_path / "top" / "split" / "cards" / "c.json", doc["cards"][0])
    split = dict(doc, id="split", cards=[{"$include": "split/cards/c.json"}])
    write(tmp_path / "top" / "split.json", split)
    write(tmp_path / "top" / "more" / "deeper" / "mini.json", doc)
    found = validate_scenarios([str(tmp_path / "top")])
    assert sorted(f.name for f in found.scenarios) == ["mini.json", "split.json"]
    assert [p for p in found.problems if p.is_error] == []


def test_two_scenarios_with_one_id_are_flagged(tmp_path: Path) -> None:
    write(tmp_path / "a.json", mini())
    write(tmp_path / "sub" / "b.json", mini())
    found = validate_scenarios([str(tmp_path)])
    (p,) = [p for p in found.problems if "also the id of" in p.message]
    assert p.file.endswith("b.json") and p.line is not None and "a.json" in p.message


def test_a_hostile_user_file_is_listed_as_broken(sandbox: Path) -> None:
    import game.paths

    user = game.paths.user_scenarios_dir()
    doc = mini()
    doc["id"] = "hostile"
    doc["regions"][0]["neighbors"] = [f"n{i}" for i in range(5_000)]
    write(user / "hostile.json", doc)
    (entry,) = [e for e in list_scenarios() if e.id == "hostile"]
    assert not entry.ok and len(entry.problems) <= MAX_PROBLEMS + 2
    assert sum(p.count for p in entry.problems if p.is_error) == 5_000
