"""What one seat may know: the world with other seats' secrets taken out."""

from __future__ import annotations

from .world import World


def view(world: World, actor_id: str | None) -> World:
    """A copy of the world as ``actor_id`` sees it (``None``: the public, projector view).

    Hidden: other actors' hands of cards, other missions' secret goals, votes cast on
    resolutions not yet tallied, and the generator's seed and state (so no one can foresee a
    draw).
    """
    v = world.clone()
    v.rng = 0
    v.seed = 0  # with the seed and the orders anyone could replay the generator
    v.hand = [h for h in v.hand if h.actor == actor_id]
    for p in v.proposals.values():
        p.votes = {k: x for k, x in p.votes.items() if k == actor_id}
    missions = [
        m if m.actor == actor_id else m.model_copy(update={"secret": []})
        for m in world.rules.missions
    ]
    # Whether another seat's secret goals held at the start, or have changed, would betray
    # them: keep only the public goals' marks of other missions.
    v.goals_at_start, v.goals_changed = (
        {
            a: marks if a == actor_id else marks[: len(_public_goals(world, a))]
            for a, marks in table.items()
        }
        for table in (world.goals_at_start, world.goals_changed)
    )
    v.rules = world.rules.model_copy(update={"missions": missions})
    v.rules._digest = None  # the copy is other rules: its digest and index are its own
    v.rules._missions = None
    return v


def _public_goals(world: World, actor_id: str) -> list:
    m = world.rules.mission(actor_id)
    return list(m.goals) if m is not None else []
