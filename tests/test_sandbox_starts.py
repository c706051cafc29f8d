"""The sandbox's shipped starts (scenarios/sandbox_<arrangement>.json): one in each of the seven
arrangements, each exactly what `python bench/starts.py --ship` writes from the shipped sandbox,
valid, beginning where it says, with its own words in English and Spanish, and playable.

They are the sandbox's document with a few figures changed, so the other per-scenario tests
skip them (tests/conftest.py says why); `continuum validate scenarios/` in tests/test_cli.py
checks that every card and ending can happen in each.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import starts  # noqa: E402

from game.content import find_scenario, list_scenarios, load_scenario  # noqa: E402
from game.content.loader import check_scenario  # noqa: E402
from game.engine import new_world, resolve  # noqa: E402
from game.engine.structure import measure  # noqa: E402
from game.session.match import ai_orders  # noqa: E402
from tests.conftest import GENERATED_STARTS  # noqa: E402

ORDER = [
    "global_state",
    "empire",
    "federation",
    "pluralism_3",
    "pluralism_2",
    "pluralism_1",
    "anarchy",
]


@pytest.fixture(scope="module")
def base() -> dict:
    return starts.sandbox_doc()


def test_one_start_ships_for_each_arrangement() -> None:
    assert list(starts.SHIPPED) == ORDER
    assert {f"sandbox_{a}" for a in ORDER} == GENERATED_STARTS
    files = {p.stem for p in (ROOT / "scenarios").glob("sandbox_*.json")}
    assert files == GENERATED_STARTS


@pytest.mark.parametrize("name", ORDER)
def test_the_file_is_what_bench_starts_writes(name: str, base: dict) -> None:
    """Regenerate with `python bench/starts.py --ship` after changing the sandbox or a start."""
    path = starts.shipped_path(name)
    assert path.read_text(encoding="utf-8") == starts.file_text(name, base), (
        f"{path.name} is not the sandbox's start any more: run python bench/starts.py --ship"
    )


@pytest.mark.parametrize("name", ORDER)
def test_the_start_is_valid_and_begins_in_its_arrangement(name: str) -> None:
    path = find_scenario(f"sandbox_{name}")
    assert path == starts.shipped_path(name)
    scenario, problems = check_scenario(path)
    assert problems == []
    assert scenario is not None and scenario.id == f"sandbox_{name}"
    world = new_world(scenario)
    assert measure(world).arrangement.value == name
    # playable: the AI plays its first turns on every seat without a refused order
    for _ in range(3):
        world, report = resolve(world, ai_orders(world))
        assert not [ln for ln in report.lines if ln.kind == "refused"]


@pytest.mark.parametrize("name", ORDER)
def test_the_start_speaks_for_itself_in_both_languages(name: str, base: dict) -> None:
    doc = json.loads(starts.shipped_path(name).read_text(encoding="utf-8"))
    for field in ("title", "summary", "briefing"):
        assert set(doc[field]) == {"en", "es"}
        assert doc[field] != base[field]
        assert all(len(v) > 20 for v in doc[field].values())
    assert "Meridia" in doc["title"]["en"] and "Meridia" in doc["title"]["es"]
    others = [starts.TEXTS[n]["briefing"]["en"] for n in ORDER if n != name]
    assert doc["briefing"]["en"] not in others


def test_what_a_start_leaves_out_of_the_sandbox(base: dict) -> None:
    """Only the pieces LEFT_OUT names go, and only where it says."""
    for name in ORDER:
        doc = starts.start_doc(name, base)
        gone = starts.LEFT_OUT.get(name, {})
        for field in ("cards", "end_conditions"):
            ids = [x["id"] for x in base[field] if x["id"] not in gone.get(field, ())]
            assert [x["id"] for x in doc[field]] == ids
        for field in ("regions", "groups", "seats", "turns", "seed"):
            assert doc[field] == base[field]
        # the missions too, but where a start pools a state's sovereignty below a goal's line:
        # that goal keeps its other conditions (Tessaly's highlands in the pooled starts)
        pooled = doc["actors"][0]["sovereignty"] < 80
        for m, m0 in zip(doc["missions"], base["missions"], strict=True):
            if not (pooled and m["actor"] in starts.POOLED_GOAL_TEXTS):
                assert m == m0, (name, m["actor"])
                continue
            kept = [c for c in m0["goals"][0]["when"] if c.get("stat") != "sovereignty"]
            assert len(kept) < len(m0["goals"][0]["when"])
            assert m["goals"][0]["when"] == kept
            assert m["goals"][0]["text"] == starts.POOLED_GOAL_TEXTS[m["actor"]]
            assert {**m, "goals": m0["goals"]} == m0


def test_new_match_lists_them_after_the_sandbox_along_the_continuum(tmp_path, monkeypatch) -> None:
    import game.paths

    monkeypatch.setattr(game.paths, "user_scenarios_dir", lambda: tmp_path)
    entries = list_scenarios()
    ids = [e.id for e in entries]
    at = ids.index("sandbox")
    assert ids[at + 1 : at + 8] == [f"sandbox_{a}" for a in ORDER]
    titles = {e.id: e.title["en"] for e in entries if e.id in GENERATED_STARTS}
    assert titles["sandbox_empire"] == "Meridia, starting as the Karsk empire"
    assert load_scenario(find_scenario("sandbox_anarchy")).turns == 40
