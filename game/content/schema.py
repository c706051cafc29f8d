"""The JSON Schema of a scenario file, for editors that complete and check as one types.

A scenario may name it in its ``"$schema"`` key; the file's own checker is still the loader,
which also checks what a schema cannot (that every id it names exists).
"""

from __future__ import annotations

import json
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


# ---- parts: a file a scenario includes ---------------------------------------------------------

# Each kind of part: the scenario's field it stands in, and its shape: "one" item (which may
# name its schema in "$schema", as an object can), a "list" of items, or "either".
PART_KINDS: dict[str, tuple[str, str, str]] = {
    "card": ("cards", "one", "one event card"),
    "cards": ("cards", "list", "a list of event cards"),
    "actors": ("actors", "either", "an actor, or a list of actors"),
    "map": ("regions", "either", "a region of the map, or a list of regions"),
    "missions": ("missions", "either", "a mission, or a list of missions"),
    "endings": ("end_conditions", "either", "an end condition, or a list of them"),
}
_SCHEMA_KEY = {
    "title": "Schema",
    "description": "The JSON Schema this part follows, for the editor "
    "(docs/schema/<kind>.schema.json); the game reads past it.",
    "type": "string",
}


def part_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a part of ``kind`` (one of ``PART_KINDS``): what a
    file named by ``{"$include": …}`` holds in that place."""
    key, shape, what = PART_KINDS[kind]
    whole = scenario_schema()
    defs: dict[str, Any] = whole["$defs"]
    listed = whole["properties"][key]["anyOf"][0]  # the list, whose items may be includes
    one = _with_schema_key(listed["items"]["anyOf"][0], defs)
    many = {k: v for k, v in listed.items() if k not in ("minItems", "default")}
    body: dict[str, Any] = {"one": one, "list": many, "either": {"anyOf": [one, many]}}[shape]
    schema = {
        "$schema": SCHEMA_DIALECT,
        "$id": f"urn:continuum:schema:part:{kind}:1",
        "title": f"Continuum scenario part: {what}",
        "description": (
            f"A part of a scenario: {what}, read where the scenario's {key!r} names it with "
            '{"$include": "…"}. See docs/authoring.md, \'A scenario in several files\'. '
            "Ids must also refer to things the whole scenario defines; the game checks that."
        ),
        **body,
    }
    schema["$defs"] = _reachable(schema, defs)
    return schema


def _with_schema_key(item: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """``item`` (a reference to a definition, or a union of them) with a "$schema" key allowed
    at its top, in copies of the definitions named "<name>Part"."""
    if "$ref" in item:
        name = item["$ref"].rsplit("/", 1)[-1]
        part = f"{name}Part"
        if part not in defs:
            copy = json.loads(json.dumps(defs[name]))
            copy["properties"] = {"$schema": _SCHEMA_KEY, **copy["properties"]}
            defs[part] = copy
        return {"$ref": f"#/$defs/{part}"}
    out = dict(item)
    for union in ("oneOf", "anyOf"):
        if union in out:
            out[union] = [_with_schema_key(m, defs) for m in out[union]]
    if "discriminator" in out:
        d = dict(out["discriminator"])
        d["mapping"] = {k: f"{v}Part" for k, v in d.get("mapping", {}).items()}
        out["discriminator"] = d
    return out


def _reachable(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """The definitions ``schema`` refers to, directly or through each other, in name order."""
    seen: set[str] = set()
    stack: list[object] = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                name = ref.rsplit("/", 1)[-1]
                if name not in seen:
                    seen.add(name)
                    stack.append(defs[name])
            stack.extend(v for k, v in node.items() if k != "$defs")
        elif isinstance(node, list):
            stack.extend(node)
    return {name: defs[name] for name in sorted(seen)}
