"""bench/starts.py: each sandbox start validates and begins where it says; bench/balance.py runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import starts  # noqa: E402

from game.engine import new_world  # noqa: E402
from game.engine.structure import measure  # noqa: E402


@pytest.fixture(scope="module")
def base() -> dict:
    return starts.sandbox_doc()


def test_the_seven_arrangements_and_both_governments_have_a_start() -> None:
    intended = {s.intended for s in starts.STARTS.values() if s.intended}
    assert intended == {
        "global_state",
        "empire",
        "federation",
        "pluralism_3",
        "pluralism_2",
        "pluralism_1",
        "anarchy",
    }
    assert {"all_republic", "all_autocracy"} <= set(starts.STARTS)


@pytest.mark.parametrize("name", list(starts.STARTS))
def test_start_validates_and_classifies_at_turn_0(name: str, base: dict) -> None:
    doc = starts.start_doc(name, base)
    assert starts.validate(doc) == []
    world = new_world(starts.start_scenario(name, base))
    assert measure(world).arrangement.value == starts.intended(name)


def test_governments_of_the_government_starts(base: dict) -> None:
    rep = starts.start_doc("all_republic", base)
    aut = starts.start_doc("all_autocracy", base)
    assert {a["government"] for a in rep["actors"] if a["kind"] == "state"} == {"republic"}
    assert {a["government"] for a in aut["actors"] if a["kind"] == "state"} == {"autocracy"}


def test_the_shipped_sandbox_is_not_edited(base: dict) -> None:
    before = json.dumps(base, sort_keys=True)
    for name in starts.STARTS:
        starts.start_doc(name, base)
    assert json.dumps(base, sort_keys=True) == before


def test_balance_script_runs_the_starts_section() -> None:
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "balance.py"),
            "--only",
            "starts",
            "targets",
            "--matches",
            "2",
            "--json",
            "--jobs",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result = json.loads(out.stdout)
    assert set(result["data"]["starts"]) == set(starts.STARTS)
    assert all(r["ok"] for r in result["data"]["starts"].values())
    assert set(result["data"]["targets"]) == set(starts.STARTS)
