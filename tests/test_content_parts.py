"""A scenario in several files: cards and shared pieces read from parts by relative path."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content import (
    ScenarioError,
    check_scenario,
    list_scenarios,
    load_scenario,
    validate_paths,
)
from game.content.parts import MAX_PARTS

MINI = Path(__file__).parent / "fixtures" / "mini.json"


def write(path: Path, value: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def split(folder: Path) -> tuple[Path, dict]:
    """mini.json as a teacher would split it: each card in cards/, the map in a shared file,
    the end conditions as one list part."""
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    main = dict(doc)
    main["cards"] = []
    for card in doc["cards"]:
        write(folder / "cards" / f"{card['id']}.json", card)
        main["cards"].append({"$include": f"cards/{card['id']}.json"})
    write(folder / "shared" / "map.json", doc["regions"])
    main["regions"] = {"$include": "shared/map.json"}
    write(folder / "endings.json", doc["end_conditions"])
    main["end_conditions"] = [{"$include": "endings.json"}]
    return write(folder / "mini_split.json", main), doc


def include_lines(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_split_scenario_loads_as_the_same_scenario(tmp_path: Path) -> None:
    main, _ = split(tmp_path)
    whole = load_scenario(MINI)
    parts = load_scenario(main)
    assert parts.model_dump() == whole.model_dump()
    assert parts.rules().digest() == whole.rules().digest()


def test_a_list_part_is_spliced_and_may_itself_include(tmp_path: Path) -> None:
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    cards = doc.pop("cards")
    write(tmp_path / "deck" / "last.json", cards[-1])
    write(tmp_path / "deck" / "all.json", [*cards[:-1], {"$include": "last.json"}])
    doc["cards"] = [{"$include": "deck/all.json"}]
    s = load_scenario(write(tmp_path / "s.json", doc))
    assert [c.id for c in s.cards] == [c["id"] for c in cards]


def test_an_error_in_a_part_names_the_part_and_its_line(tmp_path: Path) -> None:
    main, doc = split(tmp_path)
    card = doc["cards"][1]
    card["options"][0]["effects"] = [{"type": "criterion", "criterion": "peace", "amount": 500}]
    part = write(tmp_path / "cards" / f"{card['id']}.json", card)
    _, problems = check_scenario(main)
    (p,) = [p for p in problems if p.is_error]
    assert p.file == str(part)
    assert p.path == "options[0].effects[0].amount"
    assert p.line == include_lines(part.read_text(), '"amount": 500')


def test_a_reference_error_in_a_spliced_list_points_into_its_file(tmp_path: Path) -> None:
    main, doc = split(tmp_path)
    ending = doc["end_conditions"]
    ending[-1]["when"] = [{"type": "exists", "actor": "atlantis"}]
    part = write(tmp_path / "endings.json", ending)
    _, problems = check_scenario(main)
    (p,) = [p for p in problems if p.is_error]
    assert (p.file, p.path) == (str(part), f"[{len(ending) - 1}].when[0].actor")
    assert "atlantis" in p.message
    assert p.line == include_lines(part.read_text(), '"atlantis"')


def test_the_main_files_own_errors_keep_their_place(tmp_path: Path) -> None:
    main, _ = split(tmp_path)
    doc = json.loads(main.read_text())
    doc["turns"] = 0
    write(main, doc)
    _, problems = check_scenario(main)
    (p,) = [p for p in problems if p.is_error]
    assert (p.file, p.path) == (str(main), "turns")


def test_a_missing_part_is_reported_at_the_include(tmp_path: Path) -> None:
    main, _ = split(tmp_path)
    gone = next((tmp_path / "cards").iterdir())
    gone.unlink()
    with pytest.raises(ScenarioError) as e:
        load_scenario(main)
    (p,) = e.value.problems
    assert p.file == str(main)
    assert p.path.startswith("cards[") and p.path.endswith(".$include")
    assert "no such file" in p.message and gone.name in p.message
    assert p.line == include_lines(main.read_text(), f"cards/{gone.name}")


@pytest.mark.parametrize(
    "name, words",
    [
        ("../outside.json", "outside the scenario's folder"),
        ("cards/../../outside.json", "outside the scenario's folder"),
        ("/etc/passwd", "not relative"),
        ("C:/x.json", "not relative"),
        ("cards\\a.json", "with / between folders"),
        ("cards/a.txt", "not a .json file"),
        ("", "needs a file path"),
        (7, "needs a file path"),
    ],
)
def test_a_path_that_escapes_or_is_not_a_plain_relative_path_is_refused(
    tmp_path: Path, name: object, words: str
) -> None:
    write(tmp_path / "outside.json", [])
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    doc["cards"].append({"$include": name})
    main = write(tmp_path / "game" / "s.json", doc)
    (p,) = [p for p in validate_paths([str(main)]) if p.is_error]
    assert words in p.message
    assert p.file == str(main) and p.line is not None


def test_a_symbolic_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret" / "card.json", {"id": "x"})
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    doc["cards"].append({"$include": "cards/link.json"})
    main = write(tmp_path / "game" / "s.json", doc)
    (tmp_path / "game" / "cards").mkdir()
    try:
        os.symlink(secret, tmp_path / "game" / "cards" / "link.json")
    except OSError:
        pytest.skip("this system cannot make symbolic links")
    (p,) = [p for p in validate_paths([str(main)]) if p.is_error]
    assert "outside the scenario's folder" in p.message


def test_a_part_that_includes_itself_is_a_loop_not_a_hang(tmp_path: Path) -> None:
    write(tmp_path / "a.json", [{"$include": "b.json"}])
    write(tmp_path / "b.json", [{"$include": "a.json"}])
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    doc["cards"] = [{"$include": "a.json"}]
    (p,) = validate_paths([str(write(tmp_path / "s.json", doc))])
    assert "includes itself: a.json -> b.json -> a.json" in p.message
    assert p.file == str(tmp_path / "b.json")


def test_too_many_includes_stop_with_one_message(tmp_path: Path) -> None:
    write(tmp_path / "none.json", [])
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    doc["cards"] = [*doc["cards"], *[{"$include": "none.json"}] * (MAX_PARTS + 50)]
    problems = validate_paths([str(write(tmp_path / "s.json", doc))])
    assert [p.message for p in problems] == [f"more than {MAX_PARTS} includes in one scenario"]


def test_a_broken_part_reports_its_own_line(tmp_path: Path) -> None:
    main, _ = split(tmp_path)
    part = write(tmp_path / "endings.json", [])
    part.write_text('[\n  {"id": "x",\n   "id": "y"}\n]\n', encoding="utf-8")
    (p,) = validate_paths([str(main)])
    assert (p.file, p.line) == (str(part), 3)
    assert "duplicate key 'id'" in p.message


def test_an_include_inside_a_card_says_where_includes_may_stand(tmp_path: Path) -> None:
    main, doc = split(tmp_path)
    card = doc["cards"][0]
    card["options"][0]["effects"] = [{"$include": "effect.json"}]
    part = write(tmp_path / "cards" / f"{card['id']}.json", card)
    (p,) = validate_paths([str(main)])
    assert p.file == str(part)
    assert p.path == "options[0].effects[0].$include"
    assert "only a whole top-level field or an item of a top-level list" in p.message


def test_an_include_with_other_keys_is_refused(tmp_path: Path) -> None:
    main, _ = split(tmp_path)
    doc = json.loads(main.read_text())
    doc["cards"][0]["weight"] = 2
    write(main, doc)
    (p,) = validate_paths([str(main)])
    assert "stands alone" in p.message and "'weight'" in p.message


def test_a_part_may_name_a_schema_for_its_editor(tmp_path: Path) -> None:
    main, doc = split(tmp_path)
    card = {"$schema": "../../docs/scenario.schema.json", **doc["cards"][0]}
    write(tmp_path / "cards" / f"{card['id']}.json", card)
    assert [c.id for c in load_scenario(main).cards] == [c["id"] for c in doc["cards"]]


def test_a_folder_lists_scenarios_not_their_parts(tmp_path: Path) -> None:
    main, _ = split(tmp_path)
    (tmp_path / "endings.json").rename(tmp_path / "cards" / "endings.json")
    doc = json.loads(main.read_text())
    doc["end_conditions"] = [{"$include": "cards/endings.json"}]
    write(main, doc)
    # A part beside the scenario (the shared map) is checked with it, not as a scenario.
    (tmp_path / "shared" / "map.json").rename(tmp_path / "map.json")
    doc["regions"] = {"$include": "map.json"}
    write(main, doc)
    assert validate_paths([str(tmp_path)]) == []


def test_user_scenarios_share_a_part_and_the_menu_lists_only_scenarios(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "user"
    monkeypatch.setattr("game.paths.user_scenarios_dir", lambda: user)
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    write(user / "world_map.json", doc["regions"])
    for ident in ("first", "second"):
        write(
            user / f"{ident}.json", {**doc, "id": ident, "regions": {"$include": "world_map.json"}}
        )
    mine = [e for e in list_scenarios() if not e.shipped]
    assert [(e.id, e.ok) for e in mine] == [("first", True), ("second", True)]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.one_of(
        st.text(max_size=40),
        st.lists(
            st.sampled_from(["..", ".", "cards", "x.json", "", "~", "C:", "/"]), max_size=6
        ).map("/".join),
        st.integers(),
        st.none(),
        st.lists(st.integers(), max_size=3),
    )
)
def test_any_include_path_gives_a_clean_answer_and_never_leaves_the_folder(
    tmp_path: Path, name: object
) -> None:
    inside = tmp_path / "game"
    write(tmp_path / "x.json", {"id": "outside_card"})
    write(tmp_path / "cards" / "x.json", {"id": "outside_card"})
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    doc["cards"].append({"$include": name})
    main = write(inside / "s.json", doc)
    problems = validate_paths([str(main)])  # never raises
    assert problems, "an include that names no part inside the folder must be refused"
    assert all(p.file == str(main) and p.line is not None for p in problems)


def test_a_pipe_in_place_of_a_part_is_refused_without_blocking(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(tmp_path / "pipe.json")
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    doc["cards"].append({"$include": "pipe.json"})
    (p,) = validate_paths([str(write(tmp_path / "s.json", doc))])
    assert "'pipe.json' is not a regular file" in p.message
