"""The game accepts only what its schema accepts (issue 14).

Every case of the table below is written to a file and checked twice: by the game's loader and
by check-jsonschema against docs/scenario.schema.json (one run over all the files). The two must
agree, except for what a JSON Schema cannot express; those cases are listed apart, each with
its reason, and must be accepted by the schema and refused by the game.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from game.content import check_scenario

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.json"
SCHEMA = ROOT / "docs" / "scenario.schema.json"

Change = Callable[[dict], None]


def put(path: str, value: object) -> Change:
    """A change that sets the value at a dotted path ("actors.0.wealth")."""

    def change(doc: dict) -> None:
        *head, last = path.split(".")
        node: object = doc
        for key in head:
            node = node[int(key)] if isinstance(node, list) else node[key]  # type: ignore[index]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value  # type: ignore[index]

    return change


def drop(path: str) -> Change:
    def change(doc: dict) -> None:
        *head, last = path.split(".")
        node: object = doc
        for key in head:
            node = node[int(key)] if isinstance(node, list) else node[key]  # type: ignore[index]
        del node[last]  # type: ignore[union-attr]

    return change


# name: (the change, whether both must accept it)
AGREE: dict[str, tuple[Change, bool]] = {
    "as_shipped": (lambda d: None, True),
    "a_fractional_wealth": (put("actors.0.wealth", 40.5), True),
    "an_integer_where_a_number_is_asked": (put("criteria.peace", 40), True),
    "translations_en_es": (put("title", {"en": "Mini", "es": "Mini"}), True),
    "a_translation_in_one_language": (put("title", {"fr": "Mini"}), True),
    "no_optional_fields": (drop("actors.0.freedom"), True),
    "wealth_as_text": (put("actors.0.wealth", "140"), False),
    "wealth_true": (put("actors.0.wealth", True), False),
    "once_as_text": (put("cards.0.once", "false"), False),
    "once_as_a_number": (put("cards.0.once", 0), False),
    "amount_as_text": (put("cards.0.options.0.effects.0.amount", "8"), False),
    "turns_as_text": (put("turns", "12"), False),
    "turns_true": (put("turns", True), False),
    "seed_as_text": (put("seed", "7"), False),
    "out_of_range": (put("actors.2.sovereignty", 140), False),
    "negative_seed": (put("seed", -1), False),
    "too_many_cards_a_turn": (put("cards_per_turn", 7), False),
    "unknown_field": (put("actors.0.welth", 45), False),
    "language_key_esp": (put("title", {"en": "Mini", "esp": "Mini"}), False),
    "language_key_upper": (put("title", {"EN": "Mini"}), False),
    "id_with_a_space": (put("id", "mini scenario"), False),
    "id_in_capitals": (put("actors.0.id", "Arcadia"), False),
    "unknown_actor_kind": (put("actors.0.kind", "empire"), False),
    "unknown_government": (put("actors.0.government", "monarchy"), False),
    "colour_by_name": (put("actors.0.color", "red"), False),
    "unknown_effect_type": (put("cards.0.options.0.effects.0.type", "explode"), False),
    "unknown_condition_type": (put("cards.0.trigger.0.type", "weather"), False),
    "unknown_criterion_weight": (put("missions.0.weights", {"happiness": 1}), False),
    "outline_of_two_points": (put("regions.0.polygon", [[0, 0], [10, 10]]), False),
    "null_criterion": (put("criteria.peace", None), False),
    "format_2": (put("format", 2), False),
    "missing_title": (drop("title"), False),
    "empty_name": (put("actors.0.name", ""), False),
    "include_with_a_key_beside": (put("cards.0", {"$include": "c.json", "weight": 2}), False),
}

# What a JSON Schema cannot say: accepted by the schema, refused by the game. name: (change, why)
BEYOND_THE_SCHEMA: dict[str, tuple[Change, str]] = {
    "turns_written_12_0": (
        put("turns", 12.0),
        "JSON Schema counts 12.0 as an integer; the game asks for a whole number written as one",
    ),
    "an_owner_that_does_not_exist": (
        put("regions.0.owner", "atlantis"),
        "a reference: the schema cannot know which ids the file defines",
    ),
    "a_seat_that_is_not_an_actor": (
        put("seats.0", "nobody"),
        "a reference: the schema cannot know which ids the file defines",
    ),
    "two_cards_with_one_id": (
        lambda d: d["cards"].append(copy.deepcopy(d["cards"][0])),
        "uniqueness of a field across a list's items cannot be said in JSON Schema",
    ),
    "a_self_crossing_outline": (
        put("regions.0.polygon", [[0, 0], [100, 100], [100, 0], [0, 100]]),
        "geometry: whether edges cross is not a property of the values one by one",
    ),
    "a_binding_no_trigger_sets": (
        put("cards.2.target", "$crisis_state"),
        "a binding is set by the card's trigger: a relation between two fields",
    ),
}


def _mini() -> dict:
    return json.loads(MINI.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bool, bool, str]]:
    """name -> (the game accepts it, the schema accepts it, what the game said)."""
    exe = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]')")
    folder = tmp_path_factory.mktemp("agreement")
    files: dict[str, Path] = {}
    for name, change in [(n, c) for n, (c, _) in AGREE.items()] + [
        (n, c) for n, (c, _) in BEYOND_THE_SCHEMA.items()
    ]:
        doc = _mini()
        doc.pop("$schema", None)
        change(doc)
        files[name] = folder / f"{name}.json"
        files[name].write_text(json.dumps(doc, indent=1), encoding="utf-8")
    done = subprocess.run(
        [exe, "--schemafile", str(SCHEMA), "-o", "json", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(done.stdout)
    refused = {Path(e["filename"]).name for e in report.get("errors", [])}
    assert not report.get("parse_errors"), report.get("parse_errors")
    out = {}
    for name, path in files.items():
        _, problems = check_scenario(path)
        errors = [p for p in problems if p.is_error]
        out[name] = (not errors, path.name not in refused, "; ".join(p.message for p in errors))
    return out


@pytest.mark.parametrize("name", list(AGREE))
def test_the_game_and_the_schema_agree(verdicts, name: str) -> None:
    game, schema, said = verdicts[name]
    want = AGREE[name][1]
    assert schema == want, f"the schema {'accepts' if schema else 'refuses'} {name}"
    assert game == want, f"the game {'accepts' if game else 'refuses'} {name}: {said}"


@pytest.mark.parametrize("name", list(BEYOND_THE_SCHEMA))
def test_what_the_schema_cannot_say_only_the_game_refuses(verdicts, name: str) -> None:
    game, schema, said = verdicts[name]
    assert schema, f"the schema refuses {name}: move it to the table of agreements"
    assert not game, f"the game accepts {name}"
    assert said


def test_a_quoted_number_is_told_to_lose_its_quotes(verdicts) -> None:
    assert (
        'wealth must be a number, not the text "140": remove the quotes'
        in verdicts["wealth_as_text"][2]
    )
    assert 'not the text "false": remove the quotes' in verdicts["once_as_text"][2]
    assert "written without a point: 12, not 12.0" in verdicts["turns_written_12_0"][2]


def test_a_save_is_read_as_strictly(tmp_path: Path) -> None:
    from game.content import load_scenario
    from game.engine import new_world
    from game.session.saves import SaveError, load_match, save_world

    world = new_world(load_scenario(MINI))
    path = tmp_path / "save.json"
    save_world(world, path)
    assert load_match(path).world.digest() == world.digest()
    doc = json.loads(path.read_text(encoding="utf-8"))
    actors = doc["world"]["actors"]
    first = next(iter(actors.values())) if isinstance(actors, dict) else actors[0]
    first["wealth"] = str(first["wealth"])
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(SaveError) as e:
        load_match(path)
    assert "wealth must be a number, not the text" in str(e.value)
