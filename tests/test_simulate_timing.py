"""`continuum simulate`'s timing measures what the benchmark measures: the matches' play alone.

Not timed: a fake clock that moves only when the code under test says so proves which work falls
inside ``play_seconds`` (``new_world`` and each turn's AI orders and ``resolve``) and which falls
outside it (the digest and the summary of each match).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import game.session.simulate as sim
from game.content import load_scenario
from game.engine import World

MINI = Path(__file__).resolve().parent / "fixtures" / "mini.json"
NEW_WORLD, TURN, DIGEST = 10.0, 1.0, 1000.0  # fake seconds each step costs


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_simulate_times_only_the_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeClock()
    real_new_world, real_resolve, real_digest = sim.new_world, sim.resolve, World.digest

    def new_world(*args, **kwargs):
        clock.now += NEW_WORLD
        return real_new_world(*args, **kwargs)

    def resolve(*args, **kwargs):
        clock.now += TURN
        return real_resolve(*args, **kwargs)

    def digest(self: World) -> str:
        clock.now += DIGEST
        return real_digest(self)

    monkeypatch.setattr(sim, "clock", clock)
    monkeypatch.setattr(sim, "cpu_clock", clock)
    monkeypatch.setattr(sim, "new_world", new_world)
    monkeypatch.setattr(sim, "resolve", resolve)
    monkeypatch.setattr(World, "digest", digest)

    result = sim.simulate(load_scenario(MINI), matches=3, seed=4)

    fields = {"seconds", "play_seconds", "summary_seconds", "turns_per_second", "timing"}
    assert fields | {"turns_per_cpu_second"} <= set(result)
    turns = result["turns"]
    assert turns == sum(r["turns"] for r in result["results"]) > 3
    # new_world and every turn are inside the clock; the three digests are not.
    assert result["play_seconds"] == 3 * NEW_WORLD + turns * TURN
    assert result["summary_seconds"] == 3 * DIGEST
    assert result["seconds"] == result["play_seconds"] + result["summary_seconds"]
    assert result["turns_per_second"] == round(turns / result["play_seconds"], 1)
    assert result["turns_per_cpu_second"] == result["turns_per_second"]  # the same fake clock


class HalfClock:
    """A process clock that runs at half the wall clock's pace: the matches had a processor
    half of their time (another program, or two jobs on one free core)."""

    def __init__(self, wall: FakeClock) -> None:
        self.wall = wall

    def __call__(self) -> float:
        return self.wall.now / 2


@pytest.mark.parametrize("busy", [False, True])
def test_simulate_says_when_its_matches_waited_for_a_processor(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], busy: bool
) -> None:
    from game.cli import main

    clock = FakeClock()
    real_resolve = sim.resolve

    def resolve(*args, **kwargs):
        clock.now += TURN
        return real_resolve(*args, **kwargs)

    monkeypatch.setattr(sim, "clock", clock)
    monkeypatch.setattr(sim, "cpu_clock", HalfClock(clock) if busy else clock)
    monkeypatch.setattr(sim, "resolve", resolve)

    result = sim.simulate(load_scenario(MINI), matches=2, seed=4)
    assert result["cpu_share"] == (0.5 if busy else 1.0)
    assert result["turns_per_cpu_second"] == round(
        result["turns_per_second"] * (2 if busy else 1), 1
    )

    assert main(["simulate", str(MINI), "--matches", "2", "--seed", "4", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    said = "the matches had a processor 50% of their time" in out
    assert said is busy, out
    if busy:
        assert f"{result['turns_per_cpu_second']} turns per CPU second" in out
