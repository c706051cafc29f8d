"""A conquest updates the world's geography in place of a rebuild (World.region_moved): after
every one of a long seeded run of conquests, who holds what, the borders, the people and the
groups' hosts are exactly what a rebuild from the regions gives."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from game.content import load_scenario
from game.engine import new_world
from game.engine.ops import secede, transfer_region
from game.engine.report import Ledger
from game.engine.rng import Rng
from game.engine.world import World

ROOT = Path(__file__).resolve().parent.parent
SANDBOX = load_scenario(ROOT / "scenarios" / "sandbox.json")


def rebuilt(world: World) -> dict:
    """The geography a rebuild gives (a copy told that everything changed), as plain data."""
    copy = world.clone()
    copy.territory_changed()
    return _plain(copy)


def _plain(world: World) -> dict:
    g = world.geo()
    return {
        "regions_of": g.regions_of,
        "population": list(g.population.items()),  # in order: sums over it must not change
        "total_population": g.total_population,
        "regions_total": g.regions_total,
        "neighbors": g.neighbors,
        "host": g.host,
        "groups_in": g.groups_in,
        "kinds": g.kinds,
    }


def conquer(world: World, rng: Rng, steps: int) -> int:
    """Up to ``steps`` conquests of a border region by a neighbouring state; the geography is
    checked against a rebuild after each. Returns how many regions changed hands."""
    moved = 0
    for _ in range(steps):
        borders = [
            (r, world.regions[n].owner)
            for r in world.regions.values()
            for n in r.neighbors
            if n in world.regions and world.regions[n].owner != r.owner
        ]
        if not borders:
            break
        region, taker = borders[rng.randint(len(borders))]
        if world.state(taker) is None:
            continue
        transfer_region(world, Ledger(world, quiet=True), region, taker, "test")
        moved += 1
        assert _plain(world) == rebuilt(world)
        world.geo()  # the updated geography is the one the next conquest starts from
    return moved


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_every_conquest_leaves_the_geography_a_rebuild_would_give(seed: int) -> None:
    world = new_world(SANDBOX, 1)
    world.geo()
    assert conquer(world, Rng(seed), 25) > 0


def test_a_copy_keeps_its_own_geography_when_the_original_is_conquered() -> None:
    world = new_world(SANDBOX, 1)
    before = _plain(world)
    owners = {r.id: r.owner for r in world.regions.values()}
    copy = world.clone()  # shares the geography and the regions until one of them changes
    assert conquer(world, Rng(7), 5) == 5
    assert _plain(copy) == before
    assert {r.id: r.owner for r in copy.regions.values()} == owners
    assert _plain(world) != before
    assert {r.id: r.owner for r in world.regions.values()} != owners
    # and the other way round: conquests in the copy leave the original as it was
    again = world.clone()
    now = {r.id: r.owner for r in world.regions.values()}
    assert conquer(again, Rng(8), 5) == 5
    assert {r.id: r.owner for r in world.regions.values()} == now


def test_a_state_conquered_to_its_last_region_leaves_the_map_a_rebuild_would_give() -> None:
    world = new_world(SANDBOX, 1)
    world.geo()
    for victim in sorted(s.id for s in world.states()):
        while held := world.regions_of(victim):
            region = held[0]
            takers = sorted(
                world.regions[n].owner
                for n in region.neighbors
                if n in world.regions
                and world.regions[n].owner != victim
                and world.state(world.regions[n].owner) is not None
            )
            if not takers:
                break
            transfer_region(world, Ledger(world, quiet=True), region, takers[0], "test")
            assert _plain(world) == rebuilt(world)
            world.geo()
        if world.state(victim) is None:  # gone with its last region, from every list of actors
            assert all(victim not in ids for ids in world.geo().kinds.values())
            assert victim not in world.actors
            return
    raise AssertionError("no state could be conquered whole")


def test_a_secession_leaves_the_map_a_rebuild_would_give() -> None:
    """Every group of the sandbox and its starts that can secede does, one after another, with
    conquests between: after each, the map is what a rebuild gives (the new state among them)."""
    seceded = 0
    for name in ("sandbox", "sandbox_empire", "sandbox_federation"):
        world = new_world(load_scenario(ROOT / "scenarios" / f"{name}.json"), 1)
        world.geo()
        for group in list(world.groups.values()):
            new = secede(world, Ledger(world, quiet=True), group, "test")
            if new is None:
                continue
            seceded += 1
            assert new.id in world.geo().kinds["state"]
            assert _plain(world) == rebuilt(world)
            world.geo()
            conquer(world, Rng(seceded), 3)
    assert seceded >= 3
