"""Turning a scenario into the world of a new match."""

from __future__ import annotations

from .rng import seed_state
from .scenario import Scenario, text
from .world import World, copy_model


def new_world(scenario: Scenario, seed: int | None = None) -> World:
    """The world at the start of turn 1, cards for turn 1 already dealt."""
    from .resolve import open_turn  # resolve imports setup's callers; keep the cycle lazy
    from .structure import measure, structural_targets

    seed = scenario.seed if seed is None else seed
    # The scenario's pieces copied by the world's copy plan (what a match changes is copied;
    # a region's outline and borders, names, are shared: the engine never changes them).
    world = World.model_construct(
        scenario=scenario.id,
        title=text(scenario.title),
        titles=dict(scenario.title) if isinstance(scenario.title, dict) else {},
        seed=seed,
        rng=seed_state(seed),
        turn=1,
        last_turn=scenario.turns,
        criteria=scenario.criteria.model_copy() if scenario.criteria else None,
        actors={a.id: copy_model(a) for a in scenario.actors},
        regions={r.id: copy_model(r) for r in scenario.regions},
        groups={g.id: copy_model(g) for g in scenario.groups},
        corporations={c.id: copy_model(c) for c in scenario.corporations},
        crises={c.id: copy_model(c) for c in scenario.crises},
        wars={w.id: copy_model(w) for w in scenario.wars},
        treaties={t.id: copy_model(t) for t in scenario.treaties},
        proposals={},
        hand=[],
        flags={},
        fired={},
        lessons=[],
        history=[],
        counter=0,
        ended=False,
        end_reason="",
        rules=scenario.rules(),
        goals_at_start={},
    )
    m = measure(world)
    world.arrangement, world.centralization, world.plurality = (
        m.arrangement,
        m.centralization,
        m.plurality,
    )
    if world.criteria is None:
        from .model import Criteria

        world.criteria = Criteria(**structural_targets(world, m))
    from .model import TurnRecord

    world.history.append(
        TurnRecord(turn=0, criteria=world.criteria.model_copy(), arrangement=world.arrangement,
                   centralization=world.centralization, plurality=world.plurality)
    )  # fmt: skip
    from .scoring import goals_holding

    world.goals_at_start = {m.actor: goals_holding(world, m) for m in world.rules.missions}
    open_turn(world)
    return world
