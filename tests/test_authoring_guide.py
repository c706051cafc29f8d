"""docs/authoring.md can't drift from the models: every JSON example in it is checked.

Each ```json block in the guide is preceded by a marker ``<!-- check: KIND -->``: ``scenario``
(a whole file, validated and cross-checked as ``continuum validate`` does), ``step`` (the
entries one step of the walk-through adds; all the steps together make the whole file),
``card``, ``condition`` or ``effect``. Section 3 must describe every condition and effect type.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import get_args

import pytest
from pydantic import TypeAdapter

from game.content import check_scenario
from game.engine import vocabulary
from game.engine.scenario import Card, Scenario
from game.engine.setup import new_world
from game.session.simulate import simulate

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "authoring.md"
BLOCK = re.compile(r"(?:<!-- check: (\w+) -->\n)?```json\n(.*?)```", re.S)
ADAPTERS = {
    "card": TypeAdapter(Card),
    "condition": TypeAdapter(vocabulary.Condition),
    "effect": TypeAdapter(vocabulary.Effect),
}


def _blocks() -> list[tuple[str, object]]:
    found = []
    for m in BLOCK.finditer(GUIDE.read_text(encoding="utf-8")):
        assert m.group(1), f"a ```json block has no check marker: {m.group(2)[:60]!r}"
        found.append((m.group(1), json.loads(m.group(2))))
    return found


def _types(union: object) -> set[str]:
    return {m.model_fields["type"].default for m in get_args(get_args(union)[0])}


def test_every_block_is_marked_and_known() -> None:
    kinds = {k for k, _ in _blocks()}
    assert kinds <= {"scenario", "step", "files", *ADAPTERS}
    assert {"scenario", "step", "condition", "effect"} <= kinds


@pytest.mark.parametrize("kind", sorted(ADAPTERS))
def test_snippets_validate(kind: str) -> None:
    for k, value in _blocks():
        if k == kind:
            ADAPTERS[kind].validate_python(value)


def test_every_condition_and_effect_is_described() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    conditions = text.split("### Conditions", 1)[1].split("### Effects", 1)
    for part, union in ((conditions[0], vocabulary.Condition), (conditions[1], vocabulary.Effect)):
        described = set(re.findall(r"^#### `(\w+)`", part, re.M))
        assert described == _types(union)
    shown = {(k, v["type"]) for k, v in _blocks() if k in ("condition", "effect")}
    assert {t for k, t in shown if k == "condition"} == _types(vocabulary.Condition)
    assert {t for k, t in shown if k == "effect"} == _types(vocabulary.Effect)
    for binding in vocabulary.BINDINGS:
        assert f"${binding}" in text


def _check_file(tmp_path: Path, doc: object) -> Scenario:
    path = tmp_path / "my_scenario.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    scenario, problems = check_scenario(path)
    assert scenario is not None and not problems, "\n".join(map(str, problems))
    return scenario


def test_walkthrough_steps_make_the_whole_file(tmp_path: Path) -> None:
    merged: dict[str, object] = {}
    for kind, value in _blocks():
        if kind == "step":
            assert isinstance(value, dict) and not set(value) & set(merged)
            merged.update(value)
    wholes = [v for k, v in _blocks() if k == "scenario"]
    assert wholes == [merged]
    scenario = _check_file(tmp_path, merged)
    assert Scenario.model_validate(merged) == scenario


def test_whole_scenarios_validate_and_play(tmp_path: Path) -> None:
    for kind, value in _blocks():
        if kind == "scenario":
            scenario = _check_file(tmp_path, value)
            assert new_world(scenario, 1).turn == 1
            summary = simulate(scenario, matches=3)
            assert len(summary["results"]) == 3
            assert all(r["cards"] > 0 for r in summary["results"]), "no card ever fires"


def test_a_scenario_split_into_files_is_the_same_scenario(tmp_path: Path) -> None:
    """Each ``files`` block: the scenario file's changed fields, then its parts. Written over
    the walk-through's whole scenario they must make exactly that scenario again."""
    (whole,) = [v for k, v in _blocks() if k == "scenario"]
    blocks = [v for k, v in _blocks() if k == "files"]
    assert blocks
    for i, files in enumerate(blocks):
        assert isinstance(files, dict)
        folder = tmp_path / str(i)
        (main, changed), *parts = files.items()
        for name, content in [(main, {**whole, **changed}), *parts]:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(json.dumps(content), encoding="utf-8")
        scenario, problems = check_scenario(folder / main)
        assert scenario is not None and not problems, "\n".join(map(str, problems))
        assert scenario == Scenario.model_validate(whole)
        assert "$include" in json.dumps(changed)
