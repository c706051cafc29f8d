"""Reading scenario files: hard limits, strict JSON, every problem with its line and column,
and finding scenarios by id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content import (
    MAX_SCENARIO_BYTES,
    ScenarioError,
    check_scenario,
    find_scenario,
    list_scenarios,
    load_scenario,
    read_json,
    validate_paths,
)
from game.engine.scenario import Scenario

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini.json"
THREE = FIXTURES / "three_mistakes.json"


def write(tmp_path: Path, content: str | bytes, name: str = "s.json") -> Path:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def mini_doc() -> dict:
    return json.loads(MINI.read_text(encoding="utf-8"))


def problems_of(path: Path) -> list:
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    return info.value.problems


def only(problems: list):
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


# ---- a good file -----------------------------------------------------------------------------


def test_mini_loads_without_any_problem() -> None:
    scenario = load_scenario(MINI)
    assert isinstance(scenario, Scenario)
    kinds = [a.kind for a in scenario.actors]
    assert kinds.count("state") == 3
    assert {"federation", "global_body", "ngo"} <= set(kinds)
    assert len(scenario.groups) == 2 and len(scenario.crises) == 1 and len(scenario.cards) == 3
    assert check_scenario(MINI) == (scenario, [])


def test_schema_key_is_allowed(tmp_path: Path) -> None:
    doc = {"$schema": "./scenario.schema.json", **mini_doc()}
    scenario = load_scenario(write(tmp_path, json.dumps(doc)))
    assert scenario.schema_ == "./scenario.schema.json"


def test_load_accepts_a_str_path_and_a_utf8_byte_order_mark(tmp_path: Path) -> None:
    p = write(tmp_path, b"\xef\xbb\xbf" + MINI.read_bytes())
    assert load_scenario(str(p)).id == "mini"


# ---- where a problem is ----------------------------------------------------------------------


def test_a_bad_value_is_reported_at_its_line_and_column() -> None:
    errors = [p for p in problems_of(THREE) if p.is_error]
    p = next(p for p in errors if p.path == "actors[0].sovereignty")
    # Line 6 is `{"kind": "state", "id": "arcadia", ..., "sovereignty": 140}`; 140 is at column 74.
    assert (p.file, p.line, p.column) == (str(THREE), 6, 74)
    assert p.message == "sovereignty must be at most 100, got 140"
    assert (
        str(p) == f"{THREE}:6:74: actors[0].sovereignty: sovereignty must be at most 100, got 140"
    )


def test_all_problems_are_reported_at_once() -> None:
    errors = [p for p in problems_of(THREE) if p.is_error]
    assert [(p.path, p.line, p.column) for p in errors] == [
        ("actors[0].sovereignty", 6, 74),
        ("actors[1].soverignty", 7, 61),  # the key itself
        ("regions[0].owner", 11, 48),
    ]


def test_unknown_field_suggests_the_field_meant() -> None:
    p = next(p for p in problems_of(THREE) if p.path == "actors[1].soverignty")
    assert p.message == "unknown field 'soverignty' (did you mean 'sovereignty'?)"


def test_unknown_id_suggests_the_closest_and_lists_the_known() -> None:
    p = next(p for p in problems_of(THREE) if p.path == "regions[0].owner")
    assert "unknown state 'arcadai'" in p.message
    assert "did you mean 'arcadia'?" in p.message
    assert "known: arcadia, borealia" in p.message


def test_a_missing_field_points_at_the_object_that_lacks_it(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8").replace('"owner": "arcadia", ', "", 1)
    p = only(problems_of(write(tmp_path, text)))
    assert p.path == "regions[0].owner"
    assert p.message == "missing required field 'owner'"
    lines = text.splitlines()
    region_line = next(i for i, line in enumerate(lines, 1) if '"id": "arcadia_plain"' in line) - 1
    assert lines[region_line - 1].strip() == "{"
    assert (p.line, p.column) == (region_line, lines[region_line - 1].index("{") + 1)


def test_paths_inside_cards_drop_the_union_tags(tmp_path: Path) -> None:
    doc = mini_doc()
    doc["cards"][2]["options"][0]["effects"][0]["stat"] = "welth"
    p = only(problems_of(write(tmp_path, json.dumps(doc, indent=2))))
    assert p.path == "cards[2].options[0].effects[0].stat"
    assert "did you mean 'wealth'?" in p.message


def test_a_union_tag_that_is_also_a_field_name_is_not_taken_for_the_field(tmp_path: Path) -> None:
    # Pydantic's loc here is (..., "government", "actor"): the first is the tag, not the field.
    doc = mini_doc()
    cond = {"type": "government", "actor": "Castria", "government": "autocracy"}
    doc["cards"][0]["trigger"].append(cond)
    p = only(problems_of(write(tmp_path, json.dumps(doc, indent=2))))
    assert p.path == "cards[0].trigger[1].actor"
    assert p.message.startswith("'Castria' is not an id or a binding")


def test_an_unknown_condition_type_points_at_the_type(tmp_path: Path) -> None:
    doc = mini_doc()
    doc["cards"][2]["trigger"][0]["type"] = "arangement"
    p = only(problems_of(write(tmp_path, json.dumps(doc, indent=2))))
    assert p.path == "cards[2].trigger[0].type"
    assert "unknown type 'arangement' (did you mean 'arrangement'?)" in p.message


def test_a_text_of_the_wrong_type_is_one_plain_problem(tmp_path: Path) -> None:
    doc = mini_doc()
    doc["title"] = 5
    p = only(problems_of(write(tmp_path, json.dumps(doc, indent=2))))
    assert p.path == "title"
    assert p.message.startswith("title must be a string, or translations like")


def test_a_whole_number_field_given_a_fraction(tmp_path: Path) -> None:
    doc = mini_doc()
    doc["turns"] = 2.5
    p = only(problems_of(write(tmp_path, json.dumps(doc))))
    assert (p.path, p.message) == ("turns", "turns must be a whole number, got 2.5")


# ---- what JSON is refused --------------------------------------------------------------------


def test_duplicate_keys_are_an_error_naming_the_key(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8").replace(
        '"id": "borealia",', '"id": "borealia", "id": "borealia2",', 1
    )
    p = only(problems_of(write(tmp_path, text)))
    assert p.path == "actors[1].id"
    assert "duplicate key 'id'" in p.message
    line = next(i for i, s in enumerate(text.splitlines(), 1) if '"borealia2"' in s)
    assert p.line == line
    assert p.column == text.splitlines()[line - 1].index('"id": "borealia2"') + 1


def test_a_depth_bomb_is_a_clean_error(tmp_path: Path) -> None:
    p = only(problems_of(write(tmp_path, "[" * 10_000 + "]" * 10_000)))
    assert "nested more than 64 levels" in p.message
    assert (p.line, p.column) == (1, 65)


def test_depth_is_counted_outside_strings_only(tmp_path: Path) -> None:
    doc = mini_doc()
    doc["briefing"] = "[" * 500  # brackets in text are just text
    assert load_scenario(write(tmp_path, json.dumps(doc))).briefing == "[" * 500


def test_an_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    p = tmp_path / "big.json"
    with p.open("wb") as f:
        f.write(b'{"id": "x", "pad": "')
        f.truncate(MAX_SCENARIO_BYTES + 1)
    assert "larger than the 4 MiB limit" in only(problems_of(p)).message


def test_non_utf8_bytes_are_reported_where_they_are(tmp_path: Path) -> None:
    raw = MINI.read_bytes().replace(b"Borealia", b"Bor\xe9alia", 1)
    p = only(problems_of(write(tmp_path, raw)))
    assert "not UTF-8" in p.message and "0xe9" in p.message
    line = next(i for i, s in enumerate(raw.splitlines(), 1) if b"\xe9" in s)
    assert (p.line, p.column) == (line, raw.splitlines()[line - 1].index(b"\xe9") + 1)


def test_utf16_gets_a_hint(tmp_path: Path) -> None:
    raw = MINI.read_text(encoding="utf-8").encode("utf-16")
    assert "UTF-16" in only(problems_of(write(tmp_path, raw))).message


@pytest.mark.parametrize("cut", [1, 100, 2000, -2])
def test_truncated_json_says_where_it_stops(tmp_path: Path, cut: int) -> None:
    text = MINI.read_text(encoding="utf-8")[:cut]
    p = only(problems_of(write(tmp_path, text)))
    assert "cut short" in p.message or "not valid JSON" in p.message
    assert p.line is not None and 1 <= p.line <= text.count("\n") + 1
    assert p.column is not None and p.column >= 1


def test_an_empty_file(tmp_path: Path) -> None:
    p = only(problems_of(write(tmp_path, "  \n")))
    assert p.message == "is empty"


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_numbers_are_refused(tmp_path: Path, token: str) -> None:
    text = MINI.read_text(encoding="utf-8").replace('"sovereignty": 85', f'"sovereignty": {token}')
    p = only(problems_of(write(tmp_path, text)))
    line = next(i for i, s in enumerate(text.splitlines(), 1) if token in s)
    assert p.line == line
    assert p.column == text.splitlines()[line - 1].index(token) + 1


def test_a_trailing_comma_is_explained(tmp_path: Path) -> None:
    p = only(problems_of(write(tmp_path, '{\n  "id": "x",\n}\n')))
    assert "comma" in p.message and (p.line, p.column) == (3, 1)


def test_the_top_level_must_be_an_object(tmp_path: Path) -> None:
    p = only(problems_of(write(tmp_path, "[1, 2]")))
    assert p.path == "" and "must be an object" in p.message


def test_hostile_strings_are_only_text(tmp_path: Path) -> None:
    doc = mini_doc()
    evil = "__import__('os').system('echo pwned')"
    doc["cards"][0]["text"] = evil
    doc["actors"][0]["name"] = "{{7*7}} ${jndi:x} %s%n"
    scenario = load_scenario(write(tmp_path, json.dumps(doc)))
    assert scenario.cards[0].text == evil
    assert scenario.actors[0].name == "{{7*7}} ${jndi:x} %s%n"


def test_characters_no_screen_can_show_are_refused(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8").replace('"Borealia"', '"Bor\\ud800alia"', 1)
    p = only(problems_of(write(tmp_path, text)))
    assert p.path.startswith("actors[1].name") and "surrogate" in p.message


def test_read_json_gives_the_document_and_its_text(tmp_path: Path) -> None:
    doc, text = read_json(MINI)
    assert isinstance(doc, dict) and doc["id"] == "mini"
    assert text == MINI.read_text(encoding="utf-8")
    with pytest.raises(ScenarioError):
        read_json(tmp_path / "missing.json")


# ---- fuzzing: only a Scenario or a ScenarioError, ever ----------------------------------------


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_the_loader(tmp_path: Path, data: bytes) -> None:
    p = write(tmp_path, data, "fuzz.json")
    try:
        assert isinstance(load_scenario(p), Scenario)
    except ScenarioError as e:
        assert e.problems and all(isinstance(x.message, str) for x in e.problems)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["$crisis", "$nope", "arcadia", "union", "un", "highlanders", "x"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(doc: object, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*prefix, i))
    return out


MINI_PATHS = _paths(mini_doc())[1:]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(where=st.sampled_from(MINI_PATHS), value=json_values, delete=st.booleans())
def test_any_damage_to_a_good_file_is_reported_and_located(
    tmp_path: Path, where: tuple, value: object, delete: bool
) -> None:
    doc = mini_doc()
    parent = doc
    for key in where[:-1]:
        parent = parent[key]
    if delete:
        del parent[where[-1]]
    else:
        parent[where[-1]] = value
    p = write(tmp_path, json.dumps(doc, indent=2), "damaged.json")
    try:
        load_scenario(p)
    except ScenarioError as e:
        assert e.problems
        for problem in e.problems:
            assert problem.line is not None and problem.column is not None, str(problem)
            assert problem.message and problem.severity == "error"


plain_keys = st.text(alphabet="abcdefghij_", min_size=1, max_size=6)
documents = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(plain_keys, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(doc=documents, indent=st.sampled_from([None, 0, 1, 2, 4]))
def test_source_map_agrees_with_json_source_map(doc: object, indent: int | None) -> None:
    """The locator walks only the paths it is asked for; json_source_map maps everything
    (slowly): on every path of every document they must agree."""
    from json_source_map import calculate

    from game.content.locate import SourceMap

    text = json.dumps(doc, indent=indent)
    oracle = calculate(text)
    paths = _paths(doc)
    spots = SourceMap(text).locate_all([(p, at_key) for p in paths for at_key in (False, True)])
    for (path, at_key), spot in zip(
        [(p, k) for p in paths for k in (False, True)], spots, strict=True
    ):
        entry = oracle["".join(f"/{e}" for e in path)]
        start = entry.key_start if (at_key and entry.key_start) else entry.value_start
        assert spot == (start.line + 1, start.column + 1), (path, at_key)


# ---- finding and listing scenarios ----------------------------------------------------------


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    shipped, user = tmp_path / "shipped", tmp_path / "user"
    shipped.mkdir()
    user.mkdir()
    monkeypatch.setattr("game.paths.shipped_scenarios_dir", lambda: shipped)
    monkeypatch.setattr("game.paths.user_scenarios_dir", lambda: user)
    return shipped, user


def _scenario_file(folder: Path, name: str, ident: str, title: str = "T") -> Path:
    doc = mini_doc()
    doc["id"], doc["title"] = ident, title
    p = folder / name
    p.write_text(json.dumps(doc), encoding="utf-8")
    return p


def test_find_scenario_by_path(folders: tuple[Path, Path]) -> None:
    assert find_scenario(str(MINI)) == MINI


def test_find_scenario_by_id_shipped_first(folders: tuple[Path, Path]) -> None:
    shipped, user = folders
    _scenario_file(user, "kosovo.json", "kosovo")
    assert find_scenario("kosovo") == user / "kosovo.json"
    _scenario_file(shipped, "kosovo.json", "kosovo")
    assert find_scenario("kosovo") == shipped / "kosovo.json"


def test_find_scenario_by_the_id_inside_the_file(folders: tuple[Path, Path]) -> None:
    _, user = folders
    p = _scenario_file(user, "My Balkans (draft).json", "balkans")
    assert find_scenario("balkans") == p


def test_an_unknown_id_lists_the_known_ones(folders: tuple[Path, Path]) -> None:
    shipped, user = folders
    _scenario_file(shipped, "kosovo.json", "kosovo")
    _scenario_file(user, "b.json", "balkans")
    with pytest.raises(ScenarioError) as info:
        find_scenario("kosovoo")
    message = only(info.value.problems).message
    assert "did you mean 'kosovo'?" in message
    assert "known scenarios: balkans, kosovo" in message


def test_a_missing_path_is_not_looked_up_as_an_id(folders: tuple[Path, Path]) -> None:
    with pytest.raises(ScenarioError, match="no such file"):
        find_scenario("scenarios/nowhere.json")


def test_list_scenarios_includes_broken_files_and_never_raises(folders: tuple[Path, Path]) -> None:
    shipped, user = folders
    _scenario_file(shipped, "a.json", "alpha", "Alpha")
    (user / "broken.json").write_bytes(b"\xff\xfe{nonsense")
    (user / "wrong.json").write_text('{"id": "wrong", "title": "Wrong", "turns": 9}')
    entries = list_scenarios()
    assert [e.path.name for e in entries] == ["a.json", "broken.json", "wrong.json"]
    good, broken, wrong = entries
    assert (good.id, good.title, good.turns, good.shipped, good.ok) == (
        "alpha",
        "Alpha",
        12,
        True,
        True,
    )
    assert good.seats == ("arcadia", "castria", "un", "aid_watch")
    assert not broken.ok and broken.id == "broken" and broken.problems
    assert (wrong.id, wrong.title, wrong.turns, wrong.ok) == ("wrong", "Wrong", 9, False)
    assert any("missing required field 'actors'" in p.message for p in wrong.problems)


def test_validate_paths_checks_files_and_folders(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "good.json").write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "bad.json").write_text("{", encoding="utf-8")
    (folder / "notes.txt").write_text("not a scenario", encoding="utf-8")
    (folder / "scenario.schema.json").write_text("{}", encoding="utf-8")  # not a scenario
    problems = validate_paths([str(folder), str(THREE), str(tmp_path / "nothing.json")])
    files = [Path(p.file).name for p in problems]
    assert files == [
        "bad.json",
        "three_mistakes.json",
        "three_mistakes.json",
        "three_mistakes.json",
        "nothing.json",
    ]
    assert problems[-1].message == "no such file or folder"


def test_validate_paths_reports_warnings(tmp_path: Path) -> None:
    doc = mini_doc()
    doc["summary"] = {"en": "English only"}
    problems = validate_paths([str(write(tmp_path, json.dumps(doc)))])
    p = only(problems)
    assert (p.severity, p.path) == ("warning", "summary")
    assert p.message == "no 'es' translation; English will be shown"
    assert ": warning: summary: " in str(p)
