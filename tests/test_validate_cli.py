"""`continuum validate` for the author's terminal (issue 14): ids like `play`, folders walked
with their subfolders, a count of the scenarios checked, one summary on stdout after the
problems, bounded output, and one warning for `cards_per_turn: 0`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import _env, _show

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.json"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def validate(*args: object, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game", "validate", "--quick", *map(str, args)],
        cwd=ROOT,
        env=_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def mini(**changes: object) -> dict:
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    doc.update(changes)
    return doc


def write(path: Path, doc: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return path


def test_an_id_is_found_as_play_finds_it(home: Path) -> None:
    done = validate("kosovo", home=home)
    assert done.returncode == 0, _show(done)
    assert done.stdout == "ok: 1 scenario valid\n" and done.stderr == ""
    unknown = validate("kosovoo", home=home)
    assert unknown.returncode == 1
    assert "no scenario with id 'kosovoo' (did you mean 'kosovo'?)" in unknown.stdout


def test_problems_then_the_summary_on_stdout(tmp_path: Path, home: Path) -> None:
    bad = mini(turns="12")
    bad["actors"][0]["wealth"] = "140"
    write(tmp_path / "in" / "bad.json", bad)
    write(tmp_path / "in" / "deeper" / "good.json", mini(id="good"))
    done = validate(tmp_path / "in", home=home)
    assert done.returncode == 1 and done.stderr == "", _show(done)
    lines = done.stdout.splitlines()
    assert len(lines) == 3, _show(done)
    assert 'turns: turns must be a whole number, not the text "12"' in lines[0]
    assert 'wealth must be a number, not the text "140": remove the quotes' in lines[1]
    assert lines[2] == "2 scenarios checked: 2 errors, 0 warnings"


def test_output_is_bounded_and_the_totals_stay_true(tmp_path: Path, home: Path) -> None:
    doc = mini()
    doc["regions"][0]["neighbors"] = [f"nowhere_{i}" for i in range(2_000)]
    done = validate(write(tmp_path / "many.json", doc), home=home)
    lines = done.stdout.splitlines()
    # 200 problems (errors first), a line for the errors not shown, one for the warnings.
    assert len(lines) == 203, _show(done)
    assert lines[-3].endswith(": … and 1,800 more errors not shown")
    assert lines[-2].endswith(": warning: … and 2 more warnings not shown")
    assert lines[-1] == "1 scenario checked: 2,000 errors, 2 warnings"


def test_two_scenarios_with_one_id_are_flagged(tmp_path: Path, home: Path) -> None:
    write(tmp_path / "in" / "a.json", mini())
    write(tmp_path / "in" / "copy" / "b.json", mini())
    done = validate(tmp_path / "in", home=home)
    assert done.returncode == 0, _show(done)  # a warning: each still plays
    (flag,) = [line for line in done.stdout.splitlines() if "also the id of" in line]
    assert "b.json:3:" in flag and ": warning: id: the id 'mini' is also the id of" in flag
    assert done.stdout.splitlines()[-1] == "ok: 2 scenarios valid, 1 warning"


def test_no_card_dealt_is_one_warning(tmp_path: Path, home: Path) -> None:
    path = write(tmp_path / "zero.json", mini(cards_per_turn=0))
    done = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(path)],  # with the sample matches
        cwd=ROOT,
        env=_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    warnings = [line for line in done.stdout.splitlines() if ": warning: " in line]
    assert len(warnings) == 1, _show(done)
    assert "cards_per_turn is 0: none of the 3 cards is ever dealt" in warnings[0]
