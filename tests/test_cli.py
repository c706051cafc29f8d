"""The `continuum` command, driven as a user drives it: a real process, its exit code and output.

Every run is ``python -m game ...`` from the repo root with HOME and the XDG folders moved into
the test's temporary folder, so no run reads or writes the real user folders (user scenarios,
crash logs).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.json"
MINI_REL = "tests/fixtures/mini.json"
TIMEOUT = 60

COMMANDS = ("play", "simulate", "validate", "schema", "snapshot", "window")
CRITERIA = ("peace", "justice", "pluralism", "freedom")
ARRANGEMENTS = (
    "global_state",
    "empire",
    "federation",
    "pluralism_3",
    "pluralism_2",
    "pluralism_1",
    "anarchy",
)
SUMMARY_KEYS = {
    "scenario",
    "matches",
    "seed",
    "turns_per_second",
    "final",
    "arrangements",
    "results",
}
RESULT_KEYS = {"seed", "final", "arrangement", "turns", "digest"}
SHA256 = re.compile(r"[0-9a-f]{64}")
MIB = 1024 * 1024


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "CONTINUUM_"))}
    env.update(
        SDL_VIDEODRIVER="dummy",
        HOME=str(home),
        USERPROFILE=str(home),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        PYTHONDONTWRITEBYTECODE="1",
        # The tests read the output as UTF-8 whatever the console's encoding is.
        PYTHONIOENCODING="utf-8",
    )
    return env


def continuum(
    *args: object, home: Path, encoding: str = "utf-8"
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m game ARGS`` from the repo root, as a user would run ``continuum ARGS``;
    ``encoding`` is the one its output is written in (a console's or a redirected file's)."""
    return subprocess.run(
        [sys.executable, "-m", "game", *map(str, args)],
        cwd=ROOT,
        env={**_env(home), "PYTHONIOENCODING": encoding},
        capture_output=True,
        text=True,
        encoding=encoding,
        errors="replace",
        timeout=TIMEOUT,
    )


def _show(done: subprocess.CompletedProcess[str]) -> str:
    return f"exit {done.returncode}\n--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"


def _assert_no_crash(done: subprocess.CompletedProcess[str]) -> None:
    both = done.stdout + done.stderr
    assert "Traceback" not in both, _show(done)
    assert "internal error" not in both, _show(done)


def _assert_clean_failure(done: subprocess.CompletedProcess[str], code: int = 1) -> None:
    assert done.returncode == code, _show(done)
    _assert_no_crash(done)
    assert done.stderr.strip() or done.stdout.strip(), "a failure must say why"


def _files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def _simulate_json(*args: object, home: Path) -> dict:
    done = continuum("simulate", *args, "--json", home=home)
    assert done.returncode == 0, _show(done)
    _assert_no_crash(done)
    # json.loads takes exactly one document: a second object or any other text fails here.
    summary = json.loads(done.stdout)
    assert isinstance(summary, dict), done.stdout
    return summary


def _mini_with(*replacements: tuple[str, str]) -> str:
    """mini.json's text with each ``old`` (found exactly once) replaced by ``new``."""
    text = MINI.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, f"{old!r} must occur once in {MINI_REL}"
        text = text.replace(old, new)
    return text


def _where(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column (in characters) where ``needle``, found exactly once, starts."""
    assert text.count(needle) == 1, needle
    pos = text.index(needle)
    return text.count("\n", 0, pos) + 1, pos - text.rfind("\n", 0, pos)


def _write(path: Path, text: str, newline: str = "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


# A bad value on a known line: Castria (actors[2]) with sovereignty above the 100 maximum.
CASTRIA_OK = '"government": "autocracy", "sovereignty": 95'
CASTRIA_BAD = '"government": "autocracy", "sovereignty": 140'


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def sim_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def sim5(sim_home: Path) -> dict:
    return _simulate_json("kosovo", "--matches", 2, "--seed", 5, home=sim_home)


# --- help -------------------------------------------------------------------------------------


def test_help_lists_every_command(home: Path) -> None:
    done = continuum("--help", home=home)
    assert done.returncode == 0, _show(done)
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\s+\S", done.stdout, re.MULTILINE), (
            f"`continuum --help` does not list {command!r}:\n{done.stdout}"
        )


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help(home: Path, command: str) -> None:
    done = continuum(command, "--help", home=home)
    assert done.returncode == 0, _show(done)
    assert f"usage: continuum {command}" in done.stdout


def test_version(home: Path) -> None:
    done = continuum("--version", home=home)
    assert done.returncode == 0, _show(done)
    assert re.fullmatch(r"continuum \S+\n", done.stdout), done.stdout


# --- simulate ---------------------------------------------------------------------------------


def _check_criteria(final: object) -> None:
    assert isinstance(final, dict)
    assert set(final) == set(CRITERIA), final
    for name, value in final.items():
        assert isinstance(value, int | float) and not isinstance(value, bool), (name, value)
        assert 0 <= value <= 100, (name, value)


def test_simulate_json_summary(sim5: dict) -> None:
    assert set(sim5) >= SUMMARY_KEYS, sorted(sim5)
    assert sim5["scenario"] == "kosovo"
    assert sim5["matches"] == 2
    assert sim5["seed"] == 5
    tps = sim5["turns_per_second"]
    assert isinstance(tps, int | float) and tps > 0, tps
    _check_criteria(sim5["final"])

    arrangements = sim5["arrangements"]
    assert set(arrangements) == set(ARRANGEMENTS), arrangements
    assert all(type(n) is int and n >= 0 for n in arrangements.values()), arrangements
    assert sum(arrangements.values()) == sim5["matches"]

    results = sim5["results"]
    assert len(results) == 2
    assert [r["seed"] for r in results] == [5, 6]
    for r in results:
        assert set(r) >= RESULT_KEYS, sorted(r)
        _check_criteria(r["final"])
        assert r["arrangement"] in ARRANGEMENTS, r["arrangement"]
        assert type(r["turns"]) is int and r["turns"] >= 1, r["turns"]
        assert SHA256.fullmatch(r["digest"]), r["digest"]
    # The summary agrees with the matches it summarizes.
    assert Counter(r["arrangement"] for r in results) == Counter(
        {k: v for k, v in arrangements.items() if v}
    )
    for c in CRITERIA:
        mean = sum(r["final"][c] for r in results) / len(results)
        assert sim5["final"][c] == pytest.approx(mean, abs=0.01), c


def test_simulate_is_reproducible_and_seeded(sim5: dict, sim_home: Path) -> None:
    again = _simulate_json("kosovo", "--matches", 2, "--seed", 5, home=sim_home)
    assert again["results"] == sim5["results"]
    assert again["final"] == sim5["final"]
    assert again["arrangements"] == sim5["arrangements"]

    other = _simulate_json("kosovo", "--matches", 2, "--seed", 6, home=sim_home)
    digests5 = [r["digest"] for r in sim5["results"]]
    digests6 = [r["digest"] for r in other["results"]]
    assert [r["seed"] for r in other["results"]] == [6, 7]
    assert digests6 != digests5
    assert digests6[1] not in digests5
    # Seed 6 is the same match whether it is the first of its run or the second.
    assert other["results"][0] == sim5["results"][1]


def test_simulate_by_path(home: Path) -> None:
    summary = _simulate_json(MINI_REL, home=home)
    assert summary["scenario"] == "mini"
    assert summary["matches"] == 1
    assert summary["seed"] == json.loads(MINI.read_text(encoding="utf-8"))["seed"]
    assert len(summary["results"]) == 1


def test_simulate_table(home: Path) -> None:
    done = continuum("simulate", MINI_REL, "--matches", 2, "--seed", 3, home=home)
    assert done.returncode == 0, _show(done)
    _assert_no_crash(done)
    assert done.stdout.startswith("mini: 2 matches"), done.stdout
    assert "mean final criteria: peace" in done.stdout
    lines = done.stdout.splitlines()
    # The table has a header row naming every column, then one row a match.
    (head,) = [i for i, line in enumerate(lines) if line.split()[:1] == ["seed"]]
    assert lines[head].split() == [
        "seed",
        "world",
        "at",
        "the",
        "end",
        "peace",
        "justice",
        "pluralism",
        "freedom",
        "digest",
    ], lines[head]
    rows = lines[head + 1 :]
    assert [r.split()[0] for r in rows] == ["3", "4"], done.stdout
    for row in rows:
        # The world's arrangement by its name, never its id (pluralism_1).
        assert "_" not in row and re.search(
            r"\b(pluralism|state|empire|federation|anarchy)", row, re.I
        )
        assert SHA256.fullmatch(row.split()[-1] + "0" * 52), row
    assert re.search(r"^ended in: .+ \(\d+ match(es)?\)", done.stdout, re.MULTILINE), done.stdout


def test_simulate_unknown_id_names_the_known_ones(home: Path) -> None:
    done = continuum("simulate", "nonexistent_id", home=home)
    _assert_clean_failure(done)
    assert "nonexistent_id" in done.stderr
    assert "known scenarios" in done.stderr
    assert "kosovo" in done.stderr
    assert done.stdout == ""


def test_user_scenario_found_by_id(home: Path) -> None:
    where = subprocess.run(
        [sys.executable, "-c", "from game import paths; print(paths.user_scenarios_dir())"],
        cwd=ROOT,
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert where.returncode == 0, where.stderr
    folder = Path(where.stdout.strip())
    if not folder.is_relative_to(home):
        pytest.skip(f"the user data folder cannot be moved on this platform ({folder})")
    # Found by the "id" inside, not by the file name.
    _write(folder / "my_copy.json", MINI.read_text(encoding="utf-8"))
    assert _simulate_json("mini", home=home)["scenario"] == "mini"
    done = continuum("simulate", "nonexistent_id", home=home)
    _assert_clean_failure(done)
    assert "kosovo" in done.stderr and "mini" in done.stderr, done.stderr


@pytest.mark.parametrize("matches", ["0", "-1", "abc"])
def test_bad_match_count_is_a_command_line_error(home: Path, matches: str) -> None:
    done = continuum("simulate", "kosovo", "--matches", matches, home=home)
    _assert_clean_failure(done, code=2)
    assert "--matches" in done.stderr
    assert done.stdout == ""


# --- validate ---------------------------------------------------------------------------------


def test_validate_shipped_scenarios(home: Path) -> None:
    done = continuum("validate", "scenarios/", home=home)
    assert done.returncode == 0, _show(done)
    _assert_no_crash(done)
    # No warning either: every card can be dealt, every ending met, every text translated.
    shipped = [
        f for f in (ROOT / "scenarios").glob("*.json") if not f.name.endswith(".schema.json")
    ]
    assert len(shipped) >= 6
    # Scenarios are counted, not paths; a part (pandemic's cards) is not a scenario.
    assert done.stdout.splitlines() == [f"ok: {len(shipped)} scenarios valid"], done.stdout
    # Not a terminal: no progress line either.
    assert done.stderr == "", done.stderr


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_validate_points_at_the_bad_value(tmp_path: Path, home: Path, newline: str) -> None:
    assert json.loads(MINI.read_text(encoding="utf-8"))["actors"][2]["id"] == "castria"
    text = _mini_with((CASTRIA_OK, CASTRIA_BAD))
    line, col = _where(text, "140")
    bad = _write(tmp_path / "in" / "bad.json", text, newline)

    done = continuum("validate", bad, home=home)
    _assert_clean_failure(done)
    lines = done.stdout.splitlines()
    assert len(lines) == 2, _show(done)  # the problem, then the summary, both on stdout
    prefix = f"{bad}:{line}:{col}: actors[2].sovereignty: "
    assert lines[0].startswith(prefix), f"expected {prefix!r}…, got {lines[0]!r}"
    assert "100" in lines[0] and "140" in lines[0], lines[0]
    assert lines[1] == "1 scenario checked: 1 error, 0 warnings", lines[1]


def test_validate_reports_every_problem_in_every_file(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "in"
    texts = {
        "a.json": _mini_with((CASTRIA_OK, CASTRIA_BAD)),
        "b.json": _mini_with(('"turns": 12', '"turns": "twelve"'), ('"peace": 55', '"peace": 150')),
        "c.json": _mini_with(
            ('"owner": "borealia"', '"owner": "borealai"'),
            ('"wealth": 45,', '"welth": 45,'),
        ),
    }
    expected = {
        "a.json": [("140", "actors[2].sovereignty")],
        "b.json": [('"twelve"', "turns"), ("150", "criteria.peace")],
        "c.json": [('"welth"', "actors[1].welth"), ('"borealai"', "regions[1].owner")],
    }
    # One file named directly, the other two found in a folder.
    sub = folder / "more"
    paths = {
        name: _write((folder if name == "a.json" else sub) / name, text)
        for name, text in texts.items()
    }

    done = continuum("validate", paths["a.json"], sub, home=home)
    _assert_clean_failure(done)
    # The misspelt owner also leaves Borealia with no region: a warning, not counted here.
    printed = [p for p in done.stdout.splitlines()[:-1] if ": warning: " not in p]
    want = []
    for name, problems in expected.items():
        for needle, path in problems:
            line, col = _where(texts[name], needle)
            want.append(f"{paths[name]}:{line}:{col}: {path}: ")
    for prefix in want:
        assert any(p.startswith(prefix) for p in printed), f"missing {prefix!r}\n{_show(done)}"
    assert len(printed) == len(want), _show(done)
    assert done.stdout.splitlines()[-1].startswith(f"3 scenarios checked: {len(want)} errors,")


def _deep(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


UNREADABLE = {
    # name: (the file's bytes, a word the message must contain, whether it has a line:column)
    "truncated": (MINI.read_bytes()[:400], "cut short", True),
    "empty": (b"", "empty", True),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "UTF-8", True),
    "huge": (b'{"pad": "' + b"a" * (5 * MIB - 11) + b'"}', "MiB", False),
    "deep": (_deep(10_000), "nested", True),
}


@pytest.mark.parametrize("kind", list(UNREADABLE))
@pytest.mark.parametrize("command", ["validate", "simulate"])
def test_unreadable_file_fails_cleanly(tmp_path: Path, home: Path, command: str, kind: str) -> None:
    content, word, located = UNREADABLE[kind]
    if kind == "huge":
        assert len(content) == 5 * MIB
    bad = tmp_path / "in" / f"{kind}.json"
    bad.parent.mkdir()
    bad.write_bytes(content)

    done = continuum(command, bad, home=home)
    _assert_clean_failure(done)
    out = done.stdout if command == "validate" else done.stderr
    problems = [p for p in out.splitlines() if str(bad) in p]
    assert len(problems) == 1, _show(done)
    pattern = re.escape(str(bad)) + (r":\d+:\d+: " if located else r": ")
    assert re.search(pattern, problems[0]), problems[0]
    assert word in problems[0], problems[0]
    assert len(problems[0]) < 300, "the message must be one readable line"
    # Nothing written: no crash log in the (temporary) user folders, nothing beside the file.
    assert _files_under(tmp_path) == {bad}


# --- schema -----------------------------------------------------------------------------------


def test_schema_prints_the_json_schema(home: Path) -> None:
    done = continuum("schema", home=home)
    assert done.returncode == 0, _show(done)
    schema = json.loads(done.stdout)
    assert isinstance(schema, dict)
    assert schema["$schema"].startswith("https://json-schema.org/"), schema["$schema"]
    assert {"actors", "cards"} <= set(schema["properties"])


# --- play -------------------------------------------------------------------------------------


def _check_play_output(out: str, max_turns: int) -> None:
    turns = [int(n) for n in re.findall(r"^== Turn (\d+) ==$", out, re.MULTILINE)]
    assert turns and turns == list(range(1, len(turns) + 1)), turns
    assert len(turns) <= max_turns
    assert "Scores:" in out
    head, scores = out.rsplit("Scores:", 1)
    assert "== Turn" in head and "== Turn" not in scores
    *rows, closing = [r for r in scores.splitlines() if r.strip()]
    assert rows and all(re.search(r"\s-?\d+\.\d\s+\(", r) for r in rows), scores
    # The last line closes the match: which turn it ended on, and how the world stands.
    assert re.fullmatch(
        rf"The match is over after turn {turns[-1]} of \d+; the world ends as: [A-Z][a-z ]+\.",
        closing,
    ), closing


def test_play_prints_turn_reports_and_scores(home: Path) -> None:
    done = continuum("play", MINI_REL, "--seed", 1, home=home)
    assert done.returncode == 0, _show(done)
    _assert_no_crash(done)
    _check_play_output(done.stdout, json.loads(MINI.read_text(encoding="utf-8"))["turns"])
    again = continuum("play", MINI_REL, "--seed", 1, home=home)
    assert again.stdout == done.stdout, "the same scenario and seed must replay the same match"


def test_play_with_the_mission_ai_says_why_each_seat_chose(home: Path) -> None:
    done = continuum("play", MINI_REL, "--seed", 1, "--turns", 2, "--ai", "easy", home=home)
    assert done.returncode == 0, _show(done)
    _assert_no_crash(done)
    assert done.stdout.count("Why the AI chose so:") == 2
    names = [a["name"] for a in json.loads(MINI.read_text(encoding="utf-8"))["actors"]]
    why = done.stdout.split("Why the AI chose so:")[1]
    assert any((n["en"] if isinstance(n, dict) else n) in why for n in names), why
    again = continuum("play", MINI_REL, "--seed", 1, "--turns", 2, "--ai", "easy", home=home)
    assert again.stdout == done.stdout  # deterministic for a seed
    bad = continuum("play", MINI_REL, "--ai", "genius", home=home)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_no_command_opens_the_window_at_the_main_menu(home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "game"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**_env(home), "CONTINUUM_QUIT_AFTER_FIRST_FRAME": "1"},
    )
    assert done.returncode == 0, _show(done)
    _assert_no_crash(done)
    assert "first frame: MainMenu" in done.stdout, done.stdout


def test_play_without_a_scenario_plays_kosovo(home: Path) -> None:
    done = continuum("play", home=home)
    assert done.returncode == 0, _show(done)
    _assert_no_crash(done)
    assert done.stdout.startswith("Kosova"), done.stdout[:200]
    kosovo = json.loads((ROOT / "scenarios" / "kosovo.json").read_text(encoding="utf-8"))
    _check_play_output(done.stdout, kosovo["turns"])


def test_play_survives_an_output_that_is_not_utf8(home: Path) -> None:
    done = continuum("play", "kosovo", "--seed", 1, home=home, encoding="cp1252")
    assert done.returncode == 0, _show(done)
    _assert_no_crash(done)
    assert "Scores:" in done.stdout


def test_play_saves_and_a_loaded_save_goes_on_like_the_unbroken_match(
    home: Path, tmp_path: Path
) -> None:
    save = tmp_path / "match.json"
    first = continuum("play", MINI_REL, "--seed", 3, "--turns", 2, "--save", save, home=home)
    assert first.returncode == 0, first.stderr
    assert save.exists()
    # The last line says where play stopped and where the match went.
    assert re.fullmatch(
        rf"Stopped after turn 2 of 12; the world stands as: [A-Z][a-z ]+\. Saved to {re.escape(str(save))}\.",
        first.stdout.splitlines()[-1],
    ), first.stdout
    resumed = continuum("play", "--load", save, "--turns", 1, home=home)
    assert resumed.returncode == 0, resumed.stderr
    assert "resumed at turn 3" in resumed.stdout
    whole = continuum("play", MINI_REL, "--seed", 3, "--turns", 3, home=home)
    turn3 = whole.stdout[whole.stdout.index("== Turn 3 ==") :]
    assert resumed.stdout[resumed.stdout.index("== Turn 3 ==") :].strip() == turn3.strip()


def test_play_refuses_a_broken_save_and_leaves_it_alone(home: Path, tmp_path: Path) -> None:
    save = tmp_path / "broken.json"
    save.write_text('{"format": "continuum-save", "version": 1, "world": {', encoding="utf-8")
    before = save.read_bytes()
    done = continuum("play", "--load", save, "--save", save, home=home)
    assert done.returncode == 1
    assert "broken.json" in done.stderr and "Traceback" not in done.stderr
    assert save.read_bytes() == before


def test_validate_plays_sample_matches_unless_quick(tmp_path: Path, home: Path) -> None:
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    doc["end_conditions"][0]["when"] = [{"type": "flag", "flag": "never_set", "min": 1}]
    path = tmp_path / "unreachable.json"
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")

    deep = continuum("validate", path, home=home)
    assert deep.returncode == 0, _show(deep)  # a warning: the scenario still plays
    (warning,) = [line for line in deep.stdout.splitlines() if ": warning: " in line]
    assert ": warning: end_conditions[0].when[0]: " in warning
    assert "'never_set'" in warning and "sample matches" in warning
    assert deep.stdout.splitlines()[-1] == "ok: 1 scenario valid, 1 warning"

    quick = continuum("validate", "--quick", path, home=home)
    assert quick.returncode == 0 and quick.stdout.splitlines() == ["ok: 1 scenario valid"]


def test_play_stopped_early_says_so_and_how_to_go_on(home: Path) -> None:
    done = continuum("play", MINI_REL, "--seed", 1, "--turns", 3, home=home)
    assert done.returncode == 0, _show(done)
    assert "Scores:" not in done.stdout  # the match is not over
    last = done.stdout.splitlines()[-1]
    assert last.startswith("Stopped after turn 3 of 12; the world stands as: "), last
    assert "--save FILE" in last, last


def test_an_unknown_option_shows_the_commands_own_usage(home: Path) -> None:
    done = continuum("play", "kosovo", "--bogus", home=home)
    _assert_clean_failure(done, code=2)
    assert done.stderr.startswith("usage: continuum play "), done.stderr
    assert "continuum play: error: unrecognized arguments: --bogus" in done.stderr
    assert done.stdout == ""
    top = continuum("--bogus", home=home)
    _assert_clean_failure(top, code=2)
    assert top.stderr.startswith("usage: continuum "), top.stderr


# --- files the command line writes ------------------------------------------------------------


WRITERS = {
    # command: (its arguments before the file, the option that names the file)
    "snapshot": (["snapshot", MINI_REL], "--out"),
    "play": (["play", MINI_REL, "--turns", "1"], "--save"),
}


@pytest.mark.parametrize("command", list(WRITERS))
def test_a_missing_folder_is_refused_and_nothing_is_created(
    tmp_path: Path, home: Path, command: str
) -> None:
    args, option = WRITERS[command]
    target = tmp_path / "missing" / "deeper" / "out.png"
    done = continuum(*args, option, target, home=home)
    _assert_clean_failure(done)
    assert f"{option} {target}" in done.stderr, done.stderr
    assert "does not exist" in done.stderr, done.stderr
    assert not (tmp_path / "missing").exists()
    assert "== Turn" not in done.stdout  # refused before the match was played


@pytest.mark.parametrize("command", list(WRITERS))
def test_a_folder_is_not_a_file(tmp_path: Path, home: Path, command: str) -> None:
    args, option = WRITERS[command]
    done = continuum(*args, option, tmp_path, home=home)
    _assert_clean_failure(done)
    assert "folder" in done.stderr, done.stderr
    assert _files_under(tmp_path) == set()


@pytest.mark.parametrize("command", list(WRITERS))
def test_an_existing_folder_gets_the_file(tmp_path: Path, home: Path, command: str) -> None:
    args, option = WRITERS[command]
    target = tmp_path / ("out.png" if command == "snapshot" else "match.json")
    done = continuum(*args, option, target, home=home)
    assert done.returncode == 0, _show(done)
    assert _files_under(tmp_path) == {target}


# --- validate's progress on a terminal --------------------------------------------------------


def test_validate_shows_progress_on_a_terminal_only(tmp_path: Path, home: Path) -> None:
    pty = pytest.importorskip("pty")
    folder = tmp_path / "two"
    for name in ("a.json", "b.json"):  # two scenarios, each with its own id
        text = MINI.read_text(encoding="utf-8")
        _write(folder / name, text.replace('"id": "mini"', f'"id": "mini_{name[0]}"', 1))
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "game", "validate", "--quick", str(folder)],
            cwd=ROOT,
            env=_env(home),
            stdout=subprocess.PIPE,
            stderr=follower,
            text=True,
            timeout=TIMEOUT,
        )
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal's other end is closed: all is read
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
    assert done.returncode == 0, done.stdout
    shown = seen.decode("utf-8", "replace")
    assert "checking a.json (1 of 2)" in shown and "checking b.json (2 of 2)" in shown, shown
    assert shown.endswith("\r\x1b[K"), repr(shown)  # and the line is erased at the end
    assert done.stdout == "ok: 2 scenarios valid\n"

    piped = continuum("validate", "--quick", folder, home=home)
    assert piped.returncode == 0 and piped.stderr == "", _show(piped)
    assert piped.stdout == "ok: 2 scenarios valid\n"


# --- no internal identifiers ------------------------------------------------------------------

SHIPPED = sorted(f.stem for f in (ROOT / "scenarios").glob("*.json"))
SNAKE = re.compile(r"(?<![\w/.-])[a-z0-9]+(?:_[a-z0-9]+)+(?![\w/.-])")


def _ids(scenario_path: Path) -> set[str]:
    """The ids a scenario names things by: every entity's, and every card's made of several
    words (a one-word card id such as "drought" is also an ordinary word of the text)."""
    from game.content import load_scenario

    scenario = load_scenario(scenario_path)
    ids = {
        thing.id
        for table in ("actors", "groups", "regions", "crises", "wars")
        for thing in getattr(scenario, table, None) or []
    }
    ids |= {c.id for c in scenario.cards if "_" in c.id}
    return ids


@pytest.mark.parametrize("scenario", [*SHIPPED, "mini"])
def test_play_shows_names_never_ids(home: Path, scenario: str) -> None:
    path = MINI if scenario == "mini" else ROOT / "scenarios" / f"{scenario}.json"
    done = continuum("play", path, "--seed", 2, home=home)
    assert done.returncode == 0, _show(done)
    out = done.stdout
    assert out.count("== Turn") >= 5, out[:500]
    # Nothing in the engine's snake_case (pluralism_1, kosovo_repression, crisis_6, aid_package)…
    assert SNAKE.findall(out) == [], sorted(set(SNAKE.findall(out)))
    # …and no id of the scenario's, as a word of its own (un, bank, servia in lower case).
    found = {i for i in _ids(path) if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", out)}
    assert found == set(), found
