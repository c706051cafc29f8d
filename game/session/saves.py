"""Saving a match and loading it back, exactly.

A save is one JSON file: a small header (format tag, version, scenario, turn) that a menu can
read cheaply, and the whole world. Writing goes through a temporary file in the same folder
and an atomic rename, so a crash or a full disk never leaves half a save where a good one was.
Reading uses the same hard limits as scenario files, with room for a long match's history.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from game.atomic import write_atomic
from game.content.explain import explain
from game.content.jsonio import MIB, JsonReadError, decode_text, parse_json, read_limited
from game.content.problems import format_path
from game.engine.world import SAVE_FORMAT, World

FORMAT_TAG = "continuum-save"
SAVE_VERSION = SAVE_FORMAT
MAX_SAVE_BYTES = 32 * MIB
MAX_LISTED = 10


class SaveError(Exception):
    """A save could not be written or read; the message names the file and what is wrong."""


def save_world(world: World, path: str | Path) -> None:
    """Write ``world`` to ``path`` atomically: on any failure the previous file is untouched."""
    path = Path(path)
    document = {
        "format": FORMAT_TAG,
        "version": SAVE_VERSION,
        "scenario": world.scenario,
        "turn": world.turn,
        "world": world.model_dump(mode="json"),
    }
    try:
        # allow_nan=False: a NaN would be written, then refused on loading.
        blob = json.dumps(document, allow_nan=False, separators=(",", ":")).encode("ascii")
    except (TypeError, ValueError) as e:
        raise SaveError(f"{path}: the world holds a value a save cannot store ({e})") from e
    if len(blob) > MAX_SAVE_BYTES:
        raise SaveError(
            f"{path}: the save would be larger than the {MAX_SAVE_BYTES // MIB} MiB limit"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, blob)
    except OSError as e:
        raise SaveError(f"{path}: could not be written: {e.strerror or e}") from e


def load_world(path: str | Path) -> World:
    """The world saved at ``path``. Raises SaveError naming the file and what is wrong."""
    path = Path(path)
    try:
        # Saves hold text the game wrote itself, so the scenario reader's extra text checks
        # are skipped: any world that validates must load back exactly as it was saved.
        doc = parse_json(decode_text(read_limited(path, MAX_SAVE_BYTES)), check_text=False)
    except JsonReadError as e:
        issue = e.issues[0]
        where = f"line {issue.line}, column {issue.column}: " if issue.line else ""
        raise SaveError(f"{path}: {where}{issue.message}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_TAG:
        raise SaveError(f"{path}: not a Continuum save")
    version = doc.get("version")
    if type(version) is not int or version < 1:
        raise SaveError(f"{path}: the save's version {version!r} is not one this game knows")
    if version > SAVE_VERSION:
        raise SaveError(
            f"{path}: saved by a newer version of Continuum (save version {version}; "
            f"this game reads version {SAVE_VERSION} and older). Update the game to load it."
        )
    data = doc.get("world")
    if not isinstance(data, dict):
        raise SaveError(f"{path}: the save holds no world")
    try:
        world = World.model_validate(data)
    except ValidationError as e:
        findings = explain(e, data, World)
        lines = [f"  {_where(f.elems)}: {f.message}" for f in findings[:MAX_LISTED]]
        if len(findings) > MAX_LISTED:
            lines.append(f"  … and {len(findings) - MAX_LISTED} more")
        raise SaveError(f"{path}: the saved world is not valid:\n" + "\n".join(lines)) from None
    if doc.get("scenario") != world.scenario or doc.get("turn") != world.turn:
        raise SaveError(
            f"{path}: the header (scenario {doc.get('scenario')!r}, turn {doc.get('turn')!r}) "
            f"does not match the world inside (scenario {world.scenario!r}, turn {world.turn})"
        )
    return world


def _where(elems: tuple[str | int, ...]) -> str:
    """A path inside the save document, which keeps the world under ``"world"``."""
    return format_path(("world", *elems))
