"""Saves: an exact round trip, atomic writes that never damage the previous save, and clear
errors for anything that is not a good save (the file is left as it was)."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import atomic
from game.ai.baseline import BaselineBot
from game.engine.model import Crisis, TurnRecord, War
from game.engine.scenario import Scenario
from game.engine.world import World
from game.session import saves
from game.session.match import Match, ai_orders
from game.session.saves import MAX_SAVE_BYTES, SAVE_VERSION, SaveError, load_world, save_world


def saved(world: World, tmp_path: Path, name: str = "match.save") -> Path:
    p = tmp_path / name
    save_world(world, p)
    return p


def later(world: World) -> World:
    """The world some turns on, with every kind of state a match grows."""
    w = world.clone()
    w.turn = 5
    w.crises["crisis_9"] = Crisis(id="crisis_9", kind="famine", state="borealia", severity=42.5)
    w.wars["war_1"] = War(id="war_1", attacker="castria", defender="borealia", age=2)
    w.flags["tax_pact"] = 1.0
    w.fired["capital_flight"] = 3
    w.lessons.append("capital_flight")
    w.history.append(
        TurnRecord(
            turn=4,
            criteria=w.criteria.model_copy(),
            arrangement=w.arrangement,
            centralization=12.25,
            plurality=3.5,
            cards=["capital_flight"],
        )
    )
    w.counter = 9
    return w


# ---- round trip ------------------------------------------------------------------------------


def test_round_trip_is_exact(mini_world: World, tmp_path: Path) -> None:
    assert mini_world.hand, "mini deals cards on turn 1: the save must carry them"
    loaded = load_world(saved(mini_world, tmp_path))
    assert loaded.digest() == mini_world.digest()
    assert loaded.rules == mini_world.rules


def test_round_trip_of_a_match_in_progress(mini_world: World, tmp_path: Path) -> None:
    world = later(mini_world)
    loaded = load_world(saved(world, tmp_path))
    assert loaded.digest() == world.digest()
    assert loaded.wars["war_1"].attacker == "castria" and loaded.turn == 5


def test_the_header_names_the_scenario_and_turn(mini_world: World, tmp_path: Path) -> None:
    doc = json.loads(saved(later(mini_world), tmp_path).read_text(encoding="utf-8"))
    assert {k: doc[k] for k in ("format", "version", "scenario", "turn")} == {
        "format": "continuum-save",
        "version": 2,
        "scenario": "mini",
        "turn": 5,
    }
    assert doc["world"]["rules"]["cards"], "the rules (cards etc.) are saved too"


stat = st.floats(min_value=0, max_value=100, allow_nan=False)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(peace=stat, sovereignty=stat, wealth=st.floats(0, 1_000_000), flag=st.floats(-1e6, 1e6))
def test_round_trip_keeps_every_float_exactly(
    mini_world: World, tmp_path: Path, peace: float, sovereignty: float, wealth: float, flag: float
) -> None:
    world = mini_world.clone()
    world.criteria.peace = peace
    world.actors["castria"].sovereignty = sovereignty
    world.actors["arcadia"].wealth = wealth
    world.flags["f"] = flag
    assert load_world(saved(world, tmp_path)).digest() == world.digest()


def test_every_turn_of_an_ai_match_round_trips(mini_scenario: Scenario, tmp_path: Path) -> None:
    match = Match.start(mini_scenario, 3)
    bot = BaselineBot()
    turns = 0
    while not match.world.ended:
        assert load_world(saved(match.world, tmp_path)).digest() == match.world.digest()
        match.play_turn(ai_orders(match.world, bot))
        turns += 1
    assert load_world(saved(match.world, tmp_path)).digest() == match.world.digest()
    assert turns >= 3


def test_saving_creates_the_folder(mini_world: World, tmp_path: Path) -> None:
    p = tmp_path / "a" / "b" / "match.save"
    save_world(mini_world, p)
    assert load_world(p).digest() == mini_world.digest()


# ---- atomic writes ---------------------------------------------------------------------------


def _boom(*args: object, **kwargs: object) -> None:
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("fail", ["fsync", "replace", "write"])
def test_a_failed_save_leaves_the_previous_one_byte_identical(
    mini_world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail: str
) -> None:
    p = saved(mini_world, tmp_path)
    before = p.read_bytes()
    if fail == "write":
        # Fail after part of the new save is on disk.
        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, f: object) -> None:
                self.f = f

            def __enter__(self) -> HalfWriter:
                return self

            def __exit__(self, *exc: object) -> None:
                self.f.close()  # type: ignore[attr-defined]

            def write(self, blob: bytes) -> None:
                self.f.write(blob[: len(blob) // 2])  # type: ignore[attr-defined]
                raise OSError(28, "No space left on device")

        monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(atomic.os, fail, _boom)
    with pytest.raises(SaveError, match="No space left on device") as info:
        save_world(later(mini_world), p)
    assert str(p) in str(info.value)
    assert p.read_bytes() == before
    assert os.listdir(tmp_path) == ["match.save"], "the temporary file is removed"


def test_a_failure_while_serializing_touches_nothing(
    mini_world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = saved(mini_world, tmp_path)
    before = p.read_bytes()

    def broken(*args: object, **kwargs: object) -> str:
        raise ValueError("cannot serialize")

    monkeypatch.setattr(saves.json, "dumps", broken)
    with pytest.raises(SaveError):
        save_world(later(mini_world), p)
    assert p.read_bytes() == before
    assert os.listdir(tmp_path) == ["match.save"]


def test_a_world_holding_nan_is_refused_not_saved(mini_world: World, tmp_path: Path) -> None:
    p = saved(mini_world, tmp_path)
    before = p.read_bytes()
    world = mini_world.clone()
    world.criteria.peace = math.nan
    with pytest.raises(SaveError, match="cannot store"):
        save_world(world, p)
    assert p.read_bytes() == before


def test_an_interrupted_save_still_removes_its_temporary_file(
    mini_world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = saved(mini_world, tmp_path)

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        save_world(mini_world, p)
    assert os.listdir(tmp_path) == ["match.save"]


# ---- bad saves -------------------------------------------------------------------------------


def _refused(p: Path, match: str) -> SaveError:
    before = p.read_bytes()
    with pytest.raises(SaveError, match=match) as info:
        load_world(p)
    assert str(p) in str(info.value), "the message names the file"
    assert p.read_bytes() == before, "loading never changes the file"
    return info.value


def _rewrite(p: Path, change: object) -> None:
    doc = json.loads(p.read_text(encoding="utf-8"))
    change(doc)  # type: ignore[operator]
    p.write_text(json.dumps(doc), encoding="utf-8")


def test_a_truncated_save(mini_world: World, tmp_path: Path) -> None:
    p = saved(mini_world, tmp_path)
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])
    _refused(p, "cut short|not valid JSON")


def test_a_corrupt_save(mini_world: World, tmp_path: Path) -> None:
    p = tmp_path / "junk.save"
    p.write_bytes(b"\x00\xff\x13garbage")
    _refused(p, "not UTF-8")


def test_a_save_from_a_newer_version(mini_world: World, tmp_path: Path) -> None:
    p = saved(mini_world, tmp_path)
    _rewrite(p, lambda d: d.update(version=SAVE_VERSION + 1))
    _refused(p, "saved by a newer version")


def test_not_a_save(tmp_path: Path) -> None:
    p = tmp_path / "mini.json"
    p.write_bytes((Path(__file__).parent / "fixtures" / "mini.json").read_bytes())
    _refused(p, "not a Continuum save")


def test_a_strange_version(mini_world: World, tmp_path: Path) -> None:
    p = saved(mini_world, tmp_path)
    _rewrite(p, lambda d: d.update(version="1"))
    _refused(p, "version '1' is not one this game knows")


def test_an_invalid_world_names_the_place_inside_the_save(
    mini_world: World, tmp_path: Path
) -> None:
    p = saved(mini_world, tmp_path)
    _rewrite(p, lambda d: d["world"]["actors"]["castria"].update(sovereignty=140))
    e = _refused(p, "not valid")
    assert "world.actors.castria.sovereignty: sovereignty must be at most 100, got 140" in str(e)


def test_many_problems_are_cut_to_ten(mini_world: World, tmp_path: Path) -> None:
    p = saved(mini_world, tmp_path)

    def spoil(d: dict) -> None:
        for a in d["world"]["actors"].values():
            a["color"] = "red"
        for r in d["world"]["regions"].values():
            r["population"] = -1
        for g in d["world"]["groups"].values():
            g["grievance"] = 101

    _rewrite(p, spoil)  # 6 actors + 4 regions + 2 groups: 12 problems
    message = str(_refused(p, "not valid"))
    assert message.count("\n  world.") == 10
    assert message.endswith("\n  … and 2 more")


def test_a_header_that_disagrees_with_the_world(mini_world: World, tmp_path: Path) -> None:
    p = saved(mini_world, tmp_path)
    _rewrite(p, lambda d: d.update(turn=7))
    _refused(p, "does not match")


def test_duplicate_keys_and_depth_limits_apply_to_saves(tmp_path: Path) -> None:
    p = tmp_path / "dup.save"
    p.write_text('{"format": "continuum-save", "format": "x"}', encoding="utf-8")
    _refused(p, "duplicate key 'format'")
    p.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    _refused(p, "nested more than 64")


def test_an_oversized_save(tmp_path: Path) -> None:
    p = tmp_path / "huge.save"
    with p.open("wb") as f:
        f.truncate(MAX_SAVE_BYTES + 1)
    _refused(p, "larger than the 32 MiB limit")


def test_a_missing_save(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="no such file"):
        load_world(tmp_path / "nothing.save")
