"""A JSON Schema for each kind of part a scenario includes (docs/schema/KIND.schema.json, printed
by `continuum schema --part KIND`), named in the "$schema" of the shipped parts so that an editor
completes and checks a part file; the schemas and the game's loader agree on what a part holds.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from game.cli import main
from game.content import check_scenario
from game.content.schema import PART_KINDS, part_schema
from tests.matches import mini_data

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "docs" / "schema"
PARTS = sorted(p for p in ROOT.glob("scenarios/*/**/*.json"))


@pytest.mark.parametrize("kind", PART_KINDS)
def test_the_schema_file_is_what_the_command_prints(
    kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", "--part", kind]) == 0
    printed = capsys.readouterr().out
    assert printed == json.dumps(part_schema(kind), indent=2) + "\n"
    assert (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8") == printed, (
        f"docs/schema/{kind}.schema.json is stale: regenerate it from the repo root with\n"
        f"    python -m game schema --part {kind} > docs/schema/{kind}.schema.json"
    )
    jsonschema.Draft202012Validator.check_schema(json.loads(printed))


def test_every_shipped_part_names_its_schema_and_follows_it() -> None:
    assert PARTS, "no shipped scenario keeps parts in files"
    named: dict[Path, list[str]] = {}
    for part in PARTS:
        ref = json.loads(part.read_text(encoding="utf-8")).get("$schema")
        assert isinstance(ref, str), f"{part} names no schema"
        schema = (part.parent / ref).resolve()
        assert schema.parent == SCHEMAS.resolve() and schema.is_file(), ref
        named.setdefault(schema, []).append(str(part))
    for schema, parts in named.items():  # the outside validator, as an author would run it
        out = subprocess.run(
            [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *parts],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 0, out.stdout + out.stderr


def _split(folder: Path) -> dict[str, Any]:
    """mini.json written as a scenario and one part of each kind (object parts naming their
    schema): what the schema of each kind and the loader must both accept."""
    doc = mini_data()
    parts = {
        "actors.json": ("actors", doc["actors"][:3]),
        "union.json": ("actors", doc["actors"][3]),
        "map.json": ("map", doc["regions"]),
        "mission.json": ("missions", doc["missions"][0]),
        "missions.json": ("missions", doc["missions"][1:]),
        "endings.json": ("endings", doc["end_conditions"]),
        "card.json": ("card", doc["cards"][0]),
        "cards.json": ("cards", [doc["cards"][1], {"$include": "card3.json"}]),
        "card3.json": ("card", doc["cards"][2]),
    }
    for name, (kind, content) in parts.items():
        if isinstance(content, dict):
            content = {"$schema": f"schema/{kind}.schema.json", **content}
        (folder / name).write_text(json.dumps(content, indent=1), encoding="utf-8")
    doc["actors"] = [{"$include": "actors.json"}, {"$include": "union.json"}, *doc["actors"][4:]]
    doc["regions"] = {"$include": "map.json"}
    doc["missions"] = [{"$include": "mission.json"}, {"$include": "missions.json"}]
    doc["end_conditions"] = {"$include": "endings.json"}
    doc["cards"] = [{"$include": "card.json"}, {"$include": "cards.json"}]
    (folder / "split.json").write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return {name: kind for name, (kind, _) in parts.items()}


def _errors(kind: str, doc: object) -> list[str]:
    validator = jsonschema.Draft202012Validator(part_schema(kind))
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(doc)]


def test_parts_of_every_kind_pass_their_schema_and_the_loader(tmp_path: Path) -> None:
    kinds = _split(tmp_path)
    scenario, problems = check_scenario(tmp_path / "split.json")
    assert scenario is not None, [str(p) for p in problems if p.is_error]
    assert len(scenario.actors) == 6 and len(scenario.cards) == 3
    for name, kind in kinds.items():
        doc = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        assert _errors(kind, doc) == [], name


# A mistake in a part, and the kind of part it is made in: the schema and the loader both
# refuse each.
MISTAKES = {
    "once as text": ("card.json", "card", lambda d: d.update(once="false")),
    "a misspelt field": ("card.json", "card", lambda d: d.update(wieght=2)),
    "no options": ("card.json", "card", lambda d: d.pop("options")),
    "an effect of no type": (
        "card.json",
        "card",
        lambda d: d["options"][0]["effects"].append({"type": "explode"}),
    ),
    "an include inside a card": (
        "card.json",
        "card",
        lambda d: d["options"].append({"$include": "option.json"}),
    ),
    "a region off the board": ("map.json", "map", lambda d: d[0]["polygon"].append([1200, 5])),
    "a state too sovereign": ("actors.json", "actors", lambda d: d[0].update(sovereignty=140)),
    "a mission without a role": ("mission.json", "missions", lambda d: d.pop("role")),
    "an ending keyed esp": (
        "endings.json",
        "endings",
        lambda d: d[0].update(text={"en": "x", "esp": "x"}),
    ),
    "a schema key in a list's item": (
        "cards.json",
        "cards",
        lambda d: d[0].update({"$schema": "schema/card.schema.json"}),
    ),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_mistake_in_a_part_is_refused_by_its_schema_and_by_the_loader(
    tmp_path: Path, mistake: str
) -> None:
    _split(tmp_path)
    name, kind, change = MISTAKES[mistake]
    path = tmp_path / name
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    assert _errors(kind, doc), f"the {kind} schema accepts {mistake}"
    scenario, problems = check_scenario(tmp_path / "split.json")
    assert scenario is None, f"the loader accepts {mistake}"
    assert any(p.file.endswith(name) for p in problems if p.is_error), [str(p) for p in problems]
