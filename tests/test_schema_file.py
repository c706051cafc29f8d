"""docs/scenario.schema.json is the schema the models generate, and the shipped scenarios follow it.

The file is generated (``python -m game schema > docs/scenario.schema.json``) and committed so
that editors can use it: every shipped scenario names it in its ``"$schema"`` key.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.content import scenario_schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "docs" / "scenario.schema.json"
SCENARIOS = sorted(
    p for p in (ROOT / "scenarios").glob("*.json") if not p.name.endswith(".schema.json")
)
REGENERATE = "python -m game schema > docs/scenario.schema.json"


def _stale(what: str) -> str:
    return (
        f"docs/scenario.schema.json {what} the schema the models generate now. "
        f"Regenerate it from the repo root with:\n    {REGENERATE}\nand commit it."
    )


def _load(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


def test_schema_file_is_up_to_date() -> None:
    assert SCHEMA_FILE.is_file(), _stale("is missing; it must hold")
    committed = _load(SCHEMA_FILE)
    current = scenario_schema()
    if committed != current:
        changed = sorted(
            {k for k in committed.keys() | current.keys() if committed.get(k) != current.get(k)}
            | {
                f"$defs.{k}"
                for k in committed.get("$defs", {}).keys() | current.get("$defs", {}).keys()
                if committed.get("$defs", {}).get(k) != current.get("$defs", {}).get(k)
            }
        )
        pytest.fail(_stale(f"differs (in {', '.join(changed)}) from"))


def test_schema_file_is_formatted_as_generated() -> None:
    # Exactly what `python -m game schema` prints, so regenerating never makes a noisy diff.
    # (read_text turns a checkout's CRLF line endings back into LF.)
    expected = json.dumps(scenario_schema(), indent=2) + "\n"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == expected, _stale("is not formatted as")


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda p: p.name)
def test_shipped_scenario_names_the_schema_file(scenario: Path) -> None:
    doc = _load(scenario)
    assert isinstance(doc, dict)
    ref = doc.get("$schema")
    assert isinstance(ref, str), f'{scenario.name} has no "$schema" key naming the schema file'
    assert (scenario.parent / ref).resolve() == SCHEMA_FILE.resolve(), ref


def test_there_are_shipped_scenarios() -> None:
    assert SCENARIOS, "scenarios/ holds no scenario files"


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = _load(SCHEMA_FILE)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)  # a valid JSON Schema of the dialect it names
    return cls(schema)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda p: p.name)
def test_shipped_scenario_follows_the_schema(validator, scenario: Path) -> None:
    errors = sorted(validator.iter_errors(_load(scenario)), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{e.json_path}: {e.message}" for e in errors[:20])


def test_schema_rejects_a_bad_scenario(validator) -> None:
    # The schema is no rubber stamp: a value out of range and a misspelt key both fail it.
    doc = _load(ROOT / "tests" / "fixtures" / "mini.json")
    assert validator.is_valid(doc)
    doc["actors"][2]["sovereignty"] = 140
    assert not validator.is_valid(doc)
    doc["actors"][2]["sovereignty"] = 95
    doc["actors"][2]["soverignty"] = 95
    assert not validator.is_valid(doc)


def test_schema_accepts_includes_where_the_loader_reads_them(validator) -> None:
    doc = _load(ROOT / "tests" / "fixtures" / "mini.json")
    doc["regions"] = {"$include": "shared/map.json"}
    doc["cards"] = [doc["cards"][0], {"$include": "cards/famine.json"}]
    assert validator.is_valid(doc)
    # ("../x.json" may be right: from a part in a subfolder back up to a shared piece.)
    for bad in ({"$include": "/etc/x.json"}, {"$include": "a.txt"}, {"$include": 3}):
        doc["cards"][1] = bad
        assert not validator.is_valid(doc), bad
    doc["cards"][1] = {"$include": "cards/famine.json", "weight": 2}
    assert not validator.is_valid(doc)
    # Inside a card an include is no more allowed than the loader allows it.
    doc["cards"][1] = {**doc["cards"][0], "options": [{"$include": "option.json"}]}
    assert not validator.is_valid(doc)


CARD_PARTS = sorted(ROOT.glob("scenarios/*/cards/*.json"))


def test_a_shipped_scenario_keeps_its_cards_in_parts() -> None:
    # The library shows authors a scenario in several files (docs/authoring.md, section 5).
    assert CARD_PARTS


@pytest.mark.parametrize("part", CARD_PARTS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_shipped_card_parts_follow_the_schemas_card(part: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = {**_load(SCHEMA_FILE), "$ref": "#/$defs/Card"}
    schema.pop("properties"), schema.pop("required", None), schema.pop("additionalProperties")
    # Its "$schema" names its own schema file (tests/test_part_schemas.py); the loader reads
    # past it, as here.
    card = {k: v for k, v in _load(part).items() if k != "$schema"}
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(card))
    assert not errors, "\n".join(f"{e.json_path}: {e.message}" for e in errors[:20])
