"""The JSON Schema of a scenario file, for editors that complete and check as one types.

A scenario may name it in its ``"$schema"`` key; the file's own checker is still the loader,
which also checks what a schema cannot (that every id it names exists).
"""

from __future__ import annotations

from typing import Any

from game.engine.scenario import Scenario

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Not fetched by anything: an identifier for editors and for $ref between schema files.
SCHEMA_ID = "urn:continuum:schema:scenario:1"


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every scenario file follows."""
    schema = Scenario.model_json_schema(by_alias=True)
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
