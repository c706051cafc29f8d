"""The JSON Schema of a scenario file, for editors that complete and check as one types.

A scenario may name it in its ``"$schema"`` key; the file's own checker is still the loader,
which also checks what a schema cannot (that every id it names exists).
"""

from __future__ import annotations

from typing import Any

from game.engine.scenario import Scenario

from .parts import INCLUDE

_META = ("title", "description", "default", "examples")
_INCLUDE_REF = {"$ref": "#/$defs/Include"}
_INCLUDE_DEF = {
    "title": "Include",
    "description": (
        "Read this value from another file of the scenario's folder: a whole top-level field, "
        "or an item of a top-level list (a part that is a list is spliced into the list). "
        "See docs/authoring.md, 'A scenario in several files'."
    ),
    "type": "object",
    "properties": {
        INCLUDE: {
            "title": "Include",
            "description": (
                "The part's path relative to the file that names it, with / between folders; "
                "it must end in .json and stay inside the scenario's folder."
            ),
            "examples": ["cards/famine.json", "shared/map.json"],
            "type": "string",
            "minLength": 1,
            "maxLength": 260,
            "pattern": r"^(?![/~])(?![A-Za-z]:)[^\\]*\.json$",
        }
    },
    "required": [INCLUDE],
    "additionalProperties": False,
}

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Not fetched by anything: an identifier for editors and for $ref between schema files.
SCHEMA_ID = "urn:continuum:schema:scenario:1"


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every scenario file follows."""
    schema = Scenario.model_json_schema(by_alias=True)
    schema["properties"] = {
        name: prop if name == "$schema" else _or_include(prop)
        for name, prop in schema["properties"].items()
    }
    schema["$defs"]["Include"] = _INCLUDE_DEF
    _closed_tables(schema)
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        **schema,
        "title": "Continuum scenario",
        "description": (
            "A scenario for Continuum: the world as it starts (actors, regions, groups, crises), "
            "the seats people may play, their missions, the event cards and the end conditions. "
            "Ids must also refer to things the file defines; the game's own validator checks that."
        ),
    }


def _or_include(prop: dict[str, Any]) -> dict[str, Any]:
    """A top-level field that may be read from a part, and, for a list, items that may be."""
    meta = {k: prop[k] for k in _META if k in prop}
    core = {k: v for k, v in prop.items() if k not in _META}
    if core.get("type") == "array" and "items" in core:
        core["items"] = {"anyOf": [core["items"], _INCLUDE_REF]}
    return {**meta, "anyOf": [core, _INCLUDE_REF]}


def _closed_tables(schema: object) -> None:
    """A table whose keys follow a pattern (a translation's language codes) allows no other
    key, as the game does: pydantic writes the pattern but leaves other keys open, so
    ``{"esp": "…"}`` would pass an editor and fail the game."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "patternProperties" in node and "properties" not in node:
                node.setdefault("additionalProperties", False)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
