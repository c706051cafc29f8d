"""`continuum study`: the per-match function, the fold, the jobs, the command's errors and JSON.

A few matches of tests/fixtures/mini.json (12 turns) each, played in real worker processes and by
the real `continuum` process (those tests are marked slow), so the whole file takes a few seconds.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from game.engine.say import TEMPLATES
from game.session import study as st

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.json"
ARRANGEMENTS = [
    "global_state",
    "empire",
    "federation",
    "pluralism_3",
    "pluralism_2",
    "pluralism_1",
    "anarchy",
]
CRITERIA = ["peace", "justice", "pluralism", "freedom"]
ROW_KEYS = {"arrangement", "turns", *CRITERIA, "drift", "targets", "causes", "next"}


def continuum(*args: object, home: Path) -> subprocess.CompletedProcess[str]:
    """``python -m game ARGS`` from the repo root, its user folders in ``home``; the output is
    piped, as a script reads it (so no progress bar)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "CONTINUUM_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        PYTHONIOENCODING="utf-8",
        SDL_VIDEODRIVER="dummy",
    )
    return subprocess.run(
        [sys.executable, "-m", "game", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture(scope="module")
def summaries() -> list[dict]:
    return [st.study_match(MINI, seed) for seed in (1, 2, 3)]


def test_a_match_summary_is_small_plain_data(summaries: list[dict]) -> None:
    s = summaries[0]
    assert pickle.loads(pickle.dumps(s)) == s
    assert json.loads(json.dumps(s)) == s  # plain data: any executor or file can carry it
    assert s["seed"] == 1 and s["turns"] == sum(r["turns"] for r in s["rows"].values()) > 0
    assert set(s["rows"]) <= set(ARRANGEMENTS)
    assert s["started_in"] in ARRANGEMENTS and s["ended_in"] in ARRANGEMENTS
    # the same match whoever plays it
    assert st.study_match(MINI, 1) == s


def test_reached_counts_each_match_once_for_every_arrangement_it_was_in(
    summaries: list[dict],
) -> None:
    """A match reached an arrangement if a turn began there or it ended there; the study says
    per scenario in how many matches each one was reached, which is never more than matches."""
    for s in summaries:
        assert s["reached"] == [a for a in ARRANGEMENTS if a in s["reached"]]  # unity first
        assert set(s["reached"]) == set(s["rows"]) | {s["ended_in"]}
        assert s["started_in"] in s["reached"]
    result = st.study([MINI], matches=3, seed=1)
    (run,) = result["scenarios"]
    expected: dict[str, int] = {}
    for s in summaries:
        for a in s["reached"]:
            expected[a] = expected.get(a, 0) + 1
    assert run["reached"] == expected and list(run["reached"]) == [
        a for a in ARRANGEMENTS if a in expected
    ]
    assert all(run["reached"][a] >= n for a, n in run["ended_in"].items())
    assert max(run["reached"].values()) <= run["matches"] == 3


def test_the_summary_reads_the_turn_reports(summaries: list[dict]) -> None:
    """Drift is where the criteria went; every cause is one of the engine's sentence keys."""
    from game.content import load_scenario
    from game.engine import new_world, resolve
    from game.session.match import ai_orders

    world = new_world(load_scenario(MINI), 2)
    first = world.criteria.as_dict()
    while not world.ended:
        world, _ = resolve(world, ai_orders(world))
    last = world.criteria.as_dict()
    s = summaries[1]
    for i, c in enumerate(CRITERIA):
        moved = sum(r["drift"][i] for r in s["rows"].values())
        assert moved == pytest.approx(last[c] - first[c], abs=1e-6)
    keys = {k.rsplit(" ", 1)[0] for r in s["rows"].values() for k in r["causes"]}
    assert keys and keys <= set(TEMPLATES) | {"other"}
    assert s["digest"] == world.digest()


def test_the_fold_merges_in_order_and_the_table_has_seven_rows(summaries: list[dict]) -> None:
    total = st.fold(summaries)
    assert total["matches"] == 3
    assert total["turns"] == sum(s["turns"] for s in summaries)
    assert [r["seed"] for r in total["runs"]] == [1, 2, 3]
    rows = st.table(total)
    assert [r["arrangement"] for r in rows] == ARRANGEMENTS
    assert sum(r["turns"] for r in rows) == total["turns"]
    for r in rows:
        assert set(r) >= ROW_KEYS
        if not r["turns"]:
            assert r["peace"] is None and r["next"] is None
            continue
        assert set(r["drift"]) == set(r["targets"]) == set(CRITERIA)
        assert all(0 <= r[c] <= 100 and 0 <= r["targets"][c] <= 100 for c in CRITERIA)
        assert 1 <= len(r["causes"]) <= st.CHIEF_CAUSES
        assert all(c["key"] in TEMPLATES or c["key"] == "other" for c in r["causes"])
        assert all(c["criterion"] in CRITERIA and c["text"] for c in r["causes"])
        assert r["next"] is None or (r["next"] in ARRANGEMENTS and r["next"] != r["arrangement"])
    # merging one by one is the fold
    step = st.empty()
    for s in summaries:
        st.merge(step, s)
    assert st.table(step) == rows


@pytest.mark.slow  # worker processes or the continuum process
def test_jobs_and_any_executor_give_the_same_study() -> None:
    """Real worker processes (two jobs) and another executor give what one process gives."""
    one = st.study([MINI], matches=4, seed=5, jobs=1)
    two = st.study([MINI], matches=4, seed=5, jobs=2)
    with ThreadPoolExecutor(3) as pool:
        other = st.study([MINI], matches=4, seed=5, executor=pool)
    assert two["timing"]["jobs"] == 2 and one["timing"]["jobs"] == 1
    for r in (one, two, other):
        r.pop("timing")
    assert one == two == other
    assert one["matches"] == 4 and one["scenarios"][0]["seed"] == 5


@pytest.mark.slow  # worker processes or the continuum process
def test_study_command_json_is_the_same_whatever_the_jobs(tmp_path: Path) -> None:
    args = ("study", MINI, "--matches", "5", "--seed", "3", "--json")
    one = continuum(*args, "--jobs", "1", home=tmp_path)
    two = continuum(*args, "--jobs", "2", home=tmp_path)
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert one.stderr == two.stderr == ""  # no progress bar when not on a terminal
    a, b = json.loads(one.stdout), json.loads(two.stdout)
    assert a.pop("timing")["jobs"] == 1 and b.pop("timing")["jobs"] == 2
    assert a == b
    assert a["matches"] == 5 and a["ai"] == "baseline"
    assert [r["arrangement"] for r in a["rows"]] == ARRANGEMENTS
    assert all(set(r) >= ROW_KEYS for r in a["rows"])
    assert sum(r["turns"] for r in a["rows"]) == a["turns"]


@pytest.mark.slow  # worker processes or the continuum process
def test_simulate_is_the_same_whatever_the_jobs(tmp_path: Path) -> None:
    args = ("simulate", MINI, "--matches", "4", "--seed", "2", "--json")
    one = continuum(*args, "--jobs", "1", home=tmp_path)
    two = continuum(*args, "--jobs", "2", home=tmp_path)
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    a, b = json.loads(one.stdout), json.loads(two.stdout)
    timings = (
        "seconds",
        "play_seconds",
        "summary_seconds",
        "turns_per_second",
        "turns_per_cpu_second",
        "turns_per_wall_second",
        "cpu_share",
        "jobs",
    )
    assert (a["jobs"], b["jobs"]) == (1, 2)
    for k in timings:
        a.pop(k), b.pop(k)
    assert a == b


@pytest.mark.slow  # worker processes or the continuum process
def test_study_table_on_the_terminal_names_every_arrangement(tmp_path: Path) -> None:
    done = continuum("study", MINI, "--matches", "2", "--jobs", "1", home=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for name in ("Global state", "Empire", "Federation", "Pluralism III", "Anarchy"):
        assert name in out
    assert "2 matches" in out and "Chief causes" in out
    assert "Matches that were ever in each arrangement" in out and "reached," in out
    assert max(len(line) for line in out.splitlines()) <= 100


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("no_such_scenario",), 1, "no scenario with id 'no_such_scenario'"),
        ((MINI, "--matches", "0"), 2, "--matches must be between 1 and 100000"),
        ((MINI, "--jobs", "0"), 2, "--jobs must be between 1 and 256"),
        ((MINI, "--matches", "many"), 2, "invalid int value: 'many'"),
        ((MINI, "--ai", "expert"), 2, "invalid choice: 'expert'"),
    ],
)
def test_study_errors_are_one_clear_line(
    tmp_path: Path, args: tuple, code: int, words: str
) -> None:
    done = continuum("study", *args, home=tmp_path)
    assert done.returncode == code, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    last = done.stderr.strip().splitlines()[-1]
    assert words in last and last.startswith("continuum")


@pytest.mark.slow  # worker processes or the continuum process
def test_help_names_the_ai_levels_and_jobs(tmp_path: Path) -> None:
    done = continuum("study", "--help", home=tmp_path)
    assert done.returncode == 0
    assert "--ai LEVEL" in done.stdout and "`baseline`" in done.stdout
    assert all(f"`{level}`" in done.stdout for level in ("easy", "normal", "hard"))
    assert "--jobs N" in done.stdout


@pytest.mark.slow  # worker processes
def test_the_mission_ai_studies_the_same_whatever_the_jobs() -> None:
    one = st.study([MINI], matches=2, seed=1, ai="easy", jobs=1)
    two = st.study([MINI], matches=2, seed=1, ai="easy", jobs=2)
    assert one["ai"] == "easy" and one["digest"] == two["digest"]
    one.pop("timing"), two.pop("timing")
    assert one == two
    assert one["digest"] != st.study([MINI], matches=2, seed=1)["digest"]  # not the baseline
