"""Properties of the engine under random play, and of the models under bad input (hypothesis)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from game.engine import (
    ACTIONS,
    Order,
    Scenario,
    World,
    arrangement,
    check_orders,
    legal_actions,
    new_world,
    resolve,
    scores,
    view,
)
from tests.matches import mini_data

PLAY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

# Fields on the 0–100 scale, and amounts that may grow but never go below zero.
STATS = {
    "state": ("sovereignty", "fear", "freedom", "pressure"),
    "federation": ("depth",),
    "global_body": ("mandate", "enforcement", "legitimacy", "independence"),
    "ngo": ("credibility",),
}
AMOUNTS = {
    "state": ("wealth", "military"),
    "federation": ("budget", "force"),
    "global_body": ("budget",),
    "ngo": ("volunteers",),
}
GROUP_STATS = ("grievance", "security", "autonomy", "separation", "warning_credibility")
CRITERIA = ("peace", "justice", "pluralism", "freedom")

# ---- worlds to play in ---------------------------------------------------------------------------


def rich_data() -> dict[str, Any]:
    """mini.json with every kind of body, an alliance, a second NGO and a second corporation,
    so that random play reaches every action."""
    data = mini_data()
    data["actors"] += [
        {"kind": "global_body", "id": "court", "name": "World Court", "body": "court",
         "mandate": 30, "enforcement": 45, "independence": 80},
        {"kind": "global_body", "id": "bank", "name": "World Bank", "body": "bank",
         "members": ["arcadia", "borealia"], "budget": 40},
        {"kind": "global_body", "id": "wto", "name": "Trade Body", "body": "trade",
         "mandate": 30, "enforcement": 30, "budget": 20},
        {"kind": "federation", "id": "pact", "name": "Southern Pact", "purpose": "alliance",
         "members": ["castria"], "depth": 10, "budget": 10, "force": 10},
        {"kind": "ngo", "id": "rights_now", "name": "Rights Now", "focus": "rights",
         "volunteers": 30, "reach": ["castria", "borealia"], "credibility": 70},
    ]  # fmt: skip
    data["corporations"].append(
        {"id": "castco", "name": "CastCo", "home": "castria", "capital": 30, "escape": 80}
    )
    data["end_conditions"] = []
    return data


STATE_IDS = ("arcadia", "borealia", "castria")


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    """mini or rich, with the states' strength and the groups' mood drawn at random."""
    data = draw(st.sampled_from([mini_data, rich_data]))()
    for actor in data["actors"]:
        if actor["kind"] == "state":
            actor["military"] = draw(st.floats(0, 250))
            actor["wealth"] = draw(st.floats(0, 200))
            actor["fear"] = draw(st.floats(0, 100))
        elif actor["kind"] == "federation":
            actor["depth"] = draw(st.floats(0, 100))
    for group in data["groups"]:
        group["grievance"] = draw(st.floats(0, 100))
        group["security"] = draw(st.floats(0, 100))
    data["turns"] = draw(st.integers(1, 12))
    return Scenario.model_validate(data)


def draw_orders(data: st.DataObject, world: World, actor_id: str) -> list[Order]:
    """A random set of this actor's legal orders within its action points: at most one answer
    per card and one ballot per resolution, and any subset of the rest that it can pay for."""
    legal = legal_actions(world, actor_id)
    slots: dict[tuple[str, str | None], list[Order]] = {}
    for o in legal:
        if o.action in ("vote", "choose"):
            slots.setdefault((o.action, o.target), []).append(o)
    chosen = [
        data.draw(st.sampled_from(opts)) for opts in slots.values() if data.draw(st.booleans())
    ]
    paid = [o for o in legal if o.action not in ("vote", "choose")]
    budget = world.actors[actor_id].action_points
    if paid:
        for o in data.draw(st.lists(st.sampled_from(paid), unique=True, max_size=budget)):
            if ACTIONS[o.action].cost <= budget:
                chosen.append(o)
                budget -= ACTIONS[o.action].cost
    return chosen


# ---- invariants --------------------------------------------------------------------------------


def assert_in_range(world: World) -> None:
    for c in CRITERIA:
        assert 0 <= getattr(world.criteria, c) <= 100, c
    for a in world.actors.values():
        for f in STATS[a.kind]:
            assert 0 <= getattr(a, f) <= 100, (a.id, f, getattr(a, f))
        for f in AMOUNTS[a.kind]:
            assert getattr(a, f) >= 0, (a.id, f, getattr(a, f))
    for g in world.groups.values():
        for f in GROUP_STATS:
            assert 0 <= getattr(g, f) <= 100, (g.id, f, getattr(g, f))
    for c in world.crises.values():
        assert 0 <= c.severity <= 100, (c.id, c.severity)
        assert 0 <= c.relief <= 100, (c.id, c.relief)
    for corp in world.corporations.values():
        assert corp.capital >= 0 and 0 <= corp.escape <= 100, corp


def assert_references_hold(world: World) -> None:
    states = {s.id for s in world.states()}
    assert all(r.owner in states for r in world.regions.values())
    for a in world.actors.values():
        refs: list[str] = []
        if a.kind == "federation":
            refs = a.members
        elif a.kind == "global_body":
            refs = (a.members or []) + a.permanent
        elif a.kind == "ngo":
            refs = a.reach
        assert set(refs) <= states, (a.id, refs)
    for c in world.crises.values():
        assert c.state in states and (c.group is None or c.group in world.groups), c
    for w in world.wars.values():
        assert {w.attacker, w.defender} <= states and w.attacker != w.defender, w
    for p in world.proposals.values():
        assert world.actors.get(p.body) is not None and world.actors[p.body].kind == "global_body"
    assert all(h.actor in world.actors for h in world.hand)


def assert_valid_world(world: World) -> None:
    assert_in_range(world)
    assert_references_hold(world)
    World.model_validate(world.model_dump())  # every field constraint of the model holds


# ---- random legal play -------------------------------------------------------------------------


@PLAY
@given(scenario=scenarios(), seed=st.integers(0, 2**40), data=st.data())
def test_random_legal_play_never_raises_and_keeps_every_figure_in_range(
    scenario: Scenario, seed: int, data: st.DataObject
) -> None:
    world = new_world(scenario, seed)
    assert_valid_world(world)
    while not world.ended:
        orders = [o for a in sorted(world.actors) for o in draw_orders(data, world, a)]
        before = world.digest()
        world_after, report = resolve(world, orders)
        assert world.digest() == before
        assert [ln.text for ln in report.lines if ln.kind == "refused"] == []
        for c in CRITERIA:
            assert 0 <= getattr(report.criteria_after, c) <= 100
        world = world_after
        assert_valid_world(world)
        arrangement(world)
        scores(world)
        for actor in world.actors:
            view(world, actor)


@st.composite
def any_orders(draw: st.DrawFn, world: World) -> list[Order]:
    """Orders of every shape, most of them nonsense: wrong actor, target, option or action."""
    ids = sorted({*world.actors, *world.groups, *world.crises, *world.proposals, "nobody"})
    ids += [h.key for h in world.hand]
    order = st.builds(
        Order,
        actor=st.sampled_from([*sorted(world.actors), "nobody"]),
        action=st.sampled_from(sorted(ACTIONS)),
        target=st.none() | st.sampled_from(ids),
        subject=st.none() | st.sampled_from(ids),
        option=st.none() | st.sampled_from(["yes", "no", "authorize_force", "sanctions", "hold"]),
    )
    return draw(st.lists(order, max_size=25))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(seed=st.integers(0, 2**40), data=st.data())
def test_refused_orders_never_raise_and_change_nothing(seed: int, data: st.DataObject) -> None:
    world = new_world(Scenario.model_validate(rich_data()), seed)
    world, _ = resolve(world, [])  # turn 2: no proposals yet, but cards and crises
    orders = data.draw(any_orders(world))
    accepted, refused = check_orders(world, orders)
    assert len(accepted) + len(refused) == len(orders)
    with_junk, report = resolve(world, orders)
    only_accepted, _ = resolve(world, accepted)
    assert with_junk.digest() == only_accepted.digest()
    assert len([ln for ln in report.lines if ln.kind == "refused"]) == len(refused)


# ---- the models refuse what is out of range ---------------------------------------------------

OUT_OF_RANGE = st.floats(min_value=100.001, max_value=1e5) | st.floats(
    min_value=-1e5, max_value=-0.001
)
NEGATIVE = st.floats(min_value=-1e5, max_value=-0.001)


def first_of_kind(data: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(a for a in data["actors"] if a["kind"] == kind)


def assert_rejected_naming(data: dict[str, Any], *names: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate(data)
    message = str(caught.value)
    for name in names:
        assert name in message, (name, message)


ACTOR_FIELDS = [(kind, f) for kind, fields in STATS.items() for f in fields]


@pytest.mark.parametrize(("kind", "field"), ACTOR_FIELDS)
@settings(max_examples=10, deadline=None, derandomize=True)
@given(value=OUT_OF_RANGE)
def test_actor_stat_out_of_range_is_rejected_naming_the_field(
    kind: str, field: str, value: float
) -> None:
    data = rich_data()
    first_of_kind(data, kind)[field] = value
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate(data)
    assert any(err["loc"][-1] == field for err in caught.value.errors())


@pytest.mark.parametrize(("kind", "field"), [(k, f) for k, fs in AMOUNTS.items() for f in fs])
@settings(max_examples=10, deadline=None, derandomize=True)
@given(value=NEGATIVE)
def test_negative_amount_is_rejected_naming_the_field(kind: str, field: str, value: float) -> None:
    data = rich_data()
    first_of_kind(data, kind)[field] = value
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate(data)
    assert any(err["loc"][-1] == field for err in caught.value.errors())


@pytest.mark.parametrize("field", ["grievance", "security", "autonomy", "separation"])
@settings(max_examples=10, deadline=None, derandomize=True)
@given(value=OUT_OF_RANGE)
def test_group_stat_out_of_range_is_rejected_naming_the_field(field: str, value: float) -> None:
    data = mini_data()
    data["groups"][0][field] = value
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate(data)
    assert any(err["loc"][-1] == field for err in caught.value.errors())


@settings(max_examples=20, deadline=None, derandomize=True)
@given(criterion=st.sampled_from(CRITERIA), value=OUT_OF_RANGE)
def test_criterion_out_of_range_is_rejected(criterion: str, value: float) -> None:
    data = mini_data()
    data["criteria"][criterion] = value
    with pytest.raises(ValidationError) as caught:
        Scenario.model_validate(data)
    assert any(err["loc"][-1] == criterion for err in caught.value.errors())


def test_sovereignty_140_is_rejected_naming_the_field() -> None:
    data = mini_data()
    first_of_kind(data, "state")["sovereignty"] = 140
    assert_rejected_naming(data, "sovereignty", "less than or equal to 100")


UNKNOWN_IDS = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True).filter(
    lambda s: s not in STATE_IDS
)


@settings(max_examples=25, deadline=None, derandomize=True)
@given(ghost=UNKNOWN_IDS)
def test_federation_member_that_is_no_state_is_rejected_by_name(ghost: str) -> None:
    data = mini_data()
    first_of_kind(data, "federation")["members"].append(ghost)
    assert_rejected_naming(data, repr(ghost), "union")


@settings(max_examples=25, deadline=None, derandomize=True)
@given(ghost=UNKNOWN_IDS)
def test_region_owned_by_no_state_is_rejected_by_name(ghost: str) -> None:
    data = mini_data()
    data["regions"][0]["owner"] = ghost
    assert_rejected_naming(data, repr(ghost), "arcadia_plain")


@pytest.mark.parametrize(
    ("change", "names"),
    [
        (lambda d: d["actors"].append(dict(d["actors"][0])), ["arcadia", "twice"]),
        (lambda d: first_of_kind(d, "ngo")["reach"].append("union"), ["'union'", "not a state"]),
        (lambda d: first_of_kind(d, "global_body")["permanent"].append("un"), ["'un'"]),
        (lambda d: d["regions"][0]["neighbors"].append("atlantis"), ["atlantis"]),
        (lambda d: d["groups"][0]["regions"].append("atlantis"), ["atlantis"]),
        (lambda d: d["seats"].append("atlantis"), ["atlantis"]),
        (lambda d: d["corporations"][0].update(home="union"), ["globex", "'union'"]),
        (lambda d: d.update(wars=[{"id": "w", "attacker": "atlantis", "defender": "castria"}]),
         ["atlantis"]),
        (lambda d: d["cards"][0]["options"].append(d["cards"][0]["options"][0]),
         ["highland_crackdown"]),
        (lambda d: d["cards"][0]["trigger"].append({"type": "turn", "min": 5, "max": 2}),
         ["min 5.0 is above max 2.0"]),
        (lambda d: first_of_kind(d, "state").update(id="Arcadia"), ["id"]),
        (lambda d: d["actors"][0].update(sovreignty=50), ["sovreignty"]),
    ],
    ids=[
        "duplicate_actor", "ngo_reach_not_state", "permanent_not_state", "unknown_neighbor",
        "group_unknown_region", "seat_not_actor", "corporation_home_not_state",
        "war_side_unknown", "card_duplicate_option", "range_min_above_max", "bad_id",
        "misspelled_field",
    ],
)  # fmt: skip
def test_broken_references_and_shapes_are_rejected_by_name(change: Any, names: list[str]) -> None:
    data = mini_data()
    change(data)
    assert_rejected_naming(data, *names)


@settings(max_examples=30, deadline=None, derandomize=True)
@given(action=st.text(min_size=1, max_size=12).filter(lambda s: s not in ACTIONS))
def test_order_with_unknown_action_is_rejected(action: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Order(actor="arcadia", action=action)  # type: ignore[arg-type]
    assert any(err["loc"] == ("action",) for err in caught.value.errors())
