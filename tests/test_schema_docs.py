"""Every field of the scenario schema is documented, so an editor can explain and complete it.

Issue 4: the JSON Schema generated from the pydantic models (``python -m game schema``) must
carry a title, a description and examples on every property, a default on every optional one,
and a description on every definition. The words come from the models (``Field(description=...,
examples=[...])`` and the class docstrings in game/engine/model.py, vocabulary.py and
scenario.py); a field added without them fails here, naming the definition and the property.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter

import game.engine.model as model_module
import game.engine.scenario as scenario_module
import game.engine.vocabulary as vocabulary_module
from game.content.schema import scenario_schema

SCHEMA = scenario_schema()
DEFS: dict[str, dict[str, Any]] = SCHEMA.get("$defs", {})
ROOT = "(root)"


def _objects() -> dict[str, dict[str, Any]]:
    """Every schema object a scenario file can contain, by definition name (the file itself
    is the root)."""
    return {ROOT: SCHEMA, **DEFS}


# Keys whose values are data (a file's values), not schemas.
_DATA_KEYS = ("examples", "default", "const", "enum")


def _nested(where: str, schema: object) -> Iterator[tuple[str, dict[str, Any]]]:
    """Object schemas written inline inside a property rather than as a definition."""
    if isinstance(schema, dict):
        if "properties" in schema:
            yield where, schema
        for key, value in schema.items():
            if key in _DATA_KEYS:
                continue
            if key != "properties":
                yield from _nested(f"{where}.{key}", value)
            else:
                for name, prop in value.items():
                    yield from _nested(f"{where}.{name}", prop)
    elif isinstance(schema, list):
        for i, value in enumerate(schema):
            yield from _nested(f"{where}[{i}]", value)


def _property_problems(name: str, obj: dict[str, Any]) -> list[str]:
    problems = []
    required = set(obj.get("required", []))
    for prop_name, prop in obj.get("properties", {}).items():
        where = f"{name}.{prop_name}"
        for key in ("title", "description"):
            value = prop.get(key)
            if not (isinstance(value, str) and value.strip()):
                problems.append(f"{where}: no {key}")
        examples = prop.get("examples")
        if not (isinstance(examples, list) and examples):
            problems.append(f"{where}: no examples")
        if prop_name not in required and "default" not in prop:
            problems.append(
                f"{where}: optional but no default (for a default_factory field add "
                "json_schema_extra={'default': ...})"
            )
    return problems


def _inline_objects() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for name, obj in _objects().items():
        for prop_name, prop in obj.get("properties", {}).items():
            found.extend(_nested(f"{name}.{prop_name}", prop))
        for key, value in obj.items():
            if key not in ("properties", "$defs", *_DATA_KEYS):
                found.extend(_nested(f"{name}.{key}", value))
    return found


def test_the_walk_sees_the_whole_schema() -> None:
    # A guard on the test itself: if the schema's shape changed so that the walk below saw
    # nothing, every check would pass vacuously.
    assert len(DEFS) >= 40, sorted(DEFS)
    total = sum(len(o.get("properties", {})) for o in _objects().values())
    assert total >= 250, total
    for expected in ("Card", "Option", "State", "Region", "CrisisIs", "ChangeCrisis", "Mission"):
        assert expected in DEFS


@pytest.mark.parametrize("name", sorted(_objects()))
def test_definition_has_a_description(name: str) -> None:
    description = _objects()[name].get("description")
    assert isinstance(description, str) and description.strip(), (
        f"definition {name} has no description: give its model class a docstring"
    )


@pytest.mark.parametrize("name", sorted(_objects()))
def test_every_property_has_title_description_examples_and_default(name: str) -> None:
    problems = _property_problems(name, _objects()[name])
    assert not problems, "undocumented in the scenario schema:\n" + "\n".join(problems)


def test_inline_objects_are_documented_too() -> None:
    problems = []
    for where, obj in _inline_objects():
        if not obj.get("description"):
            problems.append(f"{where}: inline object without a description")
        problems.extend(_property_problems(where, obj))
    assert not problems, "\n".join(problems)


def _validator(prop: dict[str, Any]):
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft202012Validator({**prop, "$defs": DEFS})


def _examples_and_defaults() -> Iterator[tuple[str, str, object]]:
    for name, obj in _objects().items():
        for prop_name, prop in obj.get("properties", {}).items():
            for i, example in enumerate(prop.get("examples", [])):
                yield f"{name}.{prop_name}", f"examples[{i}]", example
            if "default" in prop:
                yield f"{name}.{prop_name}", "default", prop["default"]


def test_examples_and_defaults_follow_the_schema() -> None:
    # An example an editor offers must itself be accepted: a typo in one would teach it.
    problems = []
    for where, what, value in _examples_and_defaults():
        name, prop_name = where.split(".", 1)
        prop = _objects()[name]["properties"][prop_name]
        errors = list(_validator(prop).iter_errors(value))
        if errors:
            problems.append(f"{where} {what} = {value!r}: {errors[0].message}")
    assert not problems, "\n".join(problems)


def _models() -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    for module in (model_module, vocabulary_module, scenario_module):
        for cls in vars(module).values():
            if inspect.isclass(cls) and issubclass(cls, BaseModel) and cls.__name__ in DEFS:
                found[cls.__name__] = cls
    found[ROOT] = scenario_module.Scenario
    return found


def test_schema_defaults_of_factory_fields_are_what_the_factory_makes() -> None:
    # pydantic leaves a default_factory out of the schema; the models state it by hand with
    # json_schema_extra, and this keeps the hand-written value true.
    problems = []
    checked = 0
    for name, cls in _models().items():
        props = _objects()[name].get("properties", {})
        for field_name, field in cls.model_fields.items():
            if field.default_factory is None:
                continue
            key = field.alias or field_name
            made = TypeAdapter(field.annotation).dump_python(
                field.default_factory(),  # type: ignore[call-arg]
                mode="json",
            )
            checked += 1
            if props.get(key, {}).get("default") != made:
                problems.append(
                    f"{name}.{key}: schema default {props.get(key, {}).get('default')!r}, factory makes {made!r}"
                )
    assert checked >= 15, checked
    assert not problems, "\n".join(problems)
