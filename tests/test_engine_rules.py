"""The rules of Continuum, each one pinned by a small world where it must show.

Every test goes through the engine's public face: a scenario (mini.json, changed as a dict where
a rule needs another world), ``new_world``, ``resolve`` with explicit orders, and what the turn
report and the next world say.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game.content import find_scenario, load_scenario
from game.engine import (
    IllegalOrder,
    Order,
    Scenario,
    TurnReport,
    World,
    advance,
    arrangement,
    check_orders,
    legal_actions,
    new_world,
    resolve,
)
from game.engine import formulas as F
from game.engine.ops import colour_distance

FIXTURE = Path(__file__).parent / "fixtures" / "mini.json"
CRISIS = "highland_repression"  # mini.json's repression of the Highlanders in Castria
CRISIS_LABEL = "repression of the Highlanders in Castria"

# ---- helpers ---------------------------------------------------------------------------------


def mini_data(*, cards: bool = False) -> dict[str, Any]:
    """mini.json as a dict; without its event cards unless asked, so one rule shows on its own."""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    if not cards:
        data["cards"] = []
    return data


def actor_data(data: dict[str, Any], actor_id: str) -> dict[str, Any]:
    return next(a for a in data["actors"] if a["id"] == actor_id)


def build(data: dict[str, Any], seed: int = 7) -> World:
    return new_world(Scenario.model_validate(data), seed)


def order(actor: str, action: str, target: str | None = None, **kw: str) -> Order:
    return Order(actor=actor, action=action, target=target, **kw)


def add_state(data: dict[str, Any], state_id: str, slot: int) -> None:
    """A small state on an island of its own in the map's bottom-right corner."""
    x = 720 + 40 * slot
    data["actors"].append({"kind": "state", "id": state_id, "name": state_id.title()})
    data["regions"].append(
        {
            "id": f"{state_id}_isle",
            "name": f"{state_id.title()} Isle",
            "owner": state_id,
            "population": 2,
            "polygon": [[x, 520], [x + 30, 520], [x + 30, 560], [x, 560]],
        }
    )


def refused_lines(report: TurnReport) -> list[str]:
    return [ln.text for ln in report.lines if ln.kind == "refused"]


def cost_from(report: TurnReport, criterion: str, needle: str) -> float:
    """The summed change to a criterion whose cause mentions ``needle``."""
    return sum(
        c.amount for c in report.changes if c.criterion.value == criterion and needle in c.cause
    )


def play_turns(world: World, turns: int) -> list[TurnReport]:
    reports = []
    for _ in range(turns):
        if world.ended:
            break
        world, report = resolve(world, [])
        reports.append(report)
    return reports


# ---- the United Nations: votes take time, a veto can block ------------------------------------


def table_force_resolution(world: World) -> tuple[World, str]:
    """The UN tables a resolution authorizing force against the crisis; returns its id."""
    proposal = order("un", "propose", "un", subject=CRISIS, option="authorize_force")
    assert proposal in legal_actions(world, "un")
    world, _ = resolve(world, [proposal])
    (pid,) = world.proposals
    return world, pid


def votes(pid: str, **ballots: str) -> list[Order]:
    return [order(state, "vote", pid, option=ballot) for state, ballot in ballots.items()]


@pytest.mark.parametrize("kind", ["famine", "plague", "financial", "refugees"])
def test_force_is_authorized_only_against_what_force_can_stop(kind: str) -> None:
    """A famine, a plague, refugees or a financial panic call for relief and money: no
    resolution authorizes force against them (the UN would vote on an empty text)."""
    data = mini_data()
    data["crises"].append(
        {"id": "castria_crisis", "kind": kind, "state": "castria", "severity": 40}
    )
    world = build(data)
    tabled = {o.subject for o in legal_actions(world, "un") if o.option == "authorize_force"}
    assert tabled == {CRISIS}  # the repression, not the other crisis
    empty = order("un", "propose", "un", subject="castria_crisis", option="authorize_force")
    after, report = resolve(world, [empty])
    assert after.proposals == {} and refused_lines(report)


def test_resolution_is_voted_only_the_turn_after_it_is_tabled() -> None:
    world = build(mini_data())
    tabled, report = resolve(
        world, [order("un", "propose", "un", subject=CRISIS, option="authorize_force")]
    )
    assert report.votes == []
    assert not any(o.action == "vote" for o in legal_actions(world, "arcadia"))
    (pid,) = tabled.proposals
    assert order("arcadia", "vote", pid, option="yes") in legal_actions(tabled, "arcadia")


@pytest.mark.parametrize(
    "council", [["arcadia", "castria"], ["arcadia", "borealia", "castria"]], ids=["two", "three"]
)
def test_vetoed_force_resolution_fails_and_leaves_crisis_unauthorized(council: list[str]) -> None:
    data = mini_data()
    actor_data(data, "un")["permanent"] = council  # with three, the Council majority says yes
    world, pid = table_force_resolution(build(data))
    after, report = resolve(world, votes(pid, arcadia="yes", borealia="yes", castria="no"))
    (tally,) = report.votes
    assert tally.proposal == pid
    assert tally.passed is False
    assert tally.vetoed_by == ["castria"]
    assert after.crises[CRISIS].authorized is False
    assert not any(o.action == "deploy" for o in legal_actions(after, "un"))


def test_force_resolution_without_veto_passes_and_authorizes_crisis() -> None:
    world, pid = table_force_resolution(build(mini_data()))
    after, report = resolve(world, votes(pid, arcadia="yes", borealia="yes", castria="yes"))
    (tally,) = report.votes
    assert tally.passed is True
    assert tally.vetoed_by == []
    assert after.crises[CRISIS].authorized is True
    assert pid not in after.proposals


def test_un_deploy_is_legal_after_authorization_and_lowers_severity() -> None:
    world, pid = table_force_resolution(build(mini_data()))
    deploy = order("un", "deploy", CRISIS)
    assert deploy not in legal_actions(world, "un")
    world, _ = resolve(world, votes(pid, arcadia="yes", borealia="yes", castria="yes"))
    assert deploy in legal_actions(world, "un")
    severity = world.crises[CRISIS].severity
    deployed, _ = resolve(world, [deploy])
    idle, _ = resolve(world, [])
    assert deployed.crises[CRISIS].severity < severity
    assert deployed.crises[CRISIS].severity < idle.crises[CRISIS].severity


def assembly_world(extra_states: int) -> World:
    data = mini_data()
    for i in range(extra_states):
        add_state(data, f"isle_{i}", i)
    return build(data)


def assembly_votes(world: World, pid: str, yes: int) -> list[Order]:
    """Castria (a permanent member) vetoes; the first ``yes`` other states vote yes."""
    others = sorted(s.id for s in world.states() if s.id != "castria")
    ballots = {s: ("yes" if i < yes else "abstain") for i, s in enumerate(others)}
    return votes(pid, castria="no", **ballots)


def test_large_assembly_majority_overrides_vetoed_council_for_force() -> None:
    world, pid = table_force_resolution(assembly_world(extra_states=3))
    members = len(world.states())
    needed = next(n for n in range(members + 1) if n >= 0.67 * members)  # mini's majority: 0.67
    after, report = resolve(world, assembly_votes(world, pid, yes=needed))
    (tally,) = report.votes
    assert "castria" in tally.no
    assert tally.passed is True
    assert "Assembly" in tally.how
    assert after.crises[CRISIS].authorized is True


def test_assembly_short_of_its_large_majority_cannot_override_veto() -> None:
    world, pid = table_force_resolution(assembly_world(extra_states=3))
    members = len(world.states())
    needed = next(n for n in range(members + 1) if n >= 0.67 * members)
    after, report = resolve(world, assembly_votes(world, pid, yes=needed - 1))
    (tally,) = report.votes
    assert tally.passed is False
    assert tally.vetoed_by == ["castria"]
    assert after.crises[CRISIS].authorized is False


def test_assembly_majority_does_not_override_veto_on_sanctions() -> None:
    world = assembly_world(extra_states=3)
    sanctions = order("un", "propose", "un", subject="castria", option="sanctions")
    world, _ = resolve(world, [sanctions])
    (pid,) = world.proposals
    others = sorted(s.id for s in world.states() if s.id != "castria")
    after, report = resolve(world, votes(pid, castria="no", **dict.fromkeys(others, "yes")))
    (tally,) = report.votes
    assert len(tally.yes) >= 0.67 * len(world.states())  # a force resolution would pass
    assert tally.passed is False
    assert tally.vetoed_by == ["castria"]
    assert after.actors["castria"].sanctioned == 0


def test_un_without_council_still_needs_large_majority_for_force() -> None:
    data = mini_data()
    actor_data(data, "un")["permanent"] = []
    world, pid = table_force_resolution(build(data))
    after, report = resolve(world, votes(pid, arcadia="yes"))  # 1 of 3 members
    (tally,) = report.votes
    assert tally.passed is False
    assert after.crises[CRISIS].authorized is False


def test_same_matter_tabled_twice_in_one_turn_opens_one_resolution() -> None:
    world = build(mini_data())
    tabled = [
        order(who, "propose", "un", subject=CRISIS, option="authorize_force")
        for who in ("arcadia", "un")
    ]
    after, _ = resolve(world, tabled)
    assert len(after.proposals) == 1


# ---- repression and the agent nobody assigned --------------------------------------------------


def test_unanswered_repression_costs_peace_and_pluralism_with_no_agent_cause() -> None:
    world = build(mini_data())
    _, report = resolve(world, [order("castria", "repress", "highlanders")])
    no_agent = [c for c in report.changes if CRISIS_LABEL in c.cause and "no agent" in c.cause]
    assert {c.criterion.value for c in no_agent} >= {"peace", "pluralism"}
    assert all(c.amount < 0 for c in no_agent)
    assert any("repressed the Highlanders" in c.cause for c in report.changes)
    assert report.criteria_after.peace < report.criteria_before.peace
    assert report.criteria_after.pluralism < report.criteria_before.pluralism


def test_a_crisis_no_agent_has_answered_costs_more_than_an_answered_one() -> None:
    answered = mini_data()
    answered["crises"][0]["responders"] = ["borealia"]
    _, bare = resolve(build(mini_data()), [])
    _, acted_on = resolve(build(answered), [])
    for criterion in ("peace", "pluralism", "freedom"):
        assert cost_from(bare, criterion, CRISIS_LABEL) == pytest.approx(
            cost_from(acted_on, criterion, CRISIS_LABEL) * F.NO_AGENT_EXTRA, abs=0.02
        )  # the report rounds each change to 0.01


@pytest.mark.parametrize(
    "responder",
    [order("aid_watch", "relieve", CRISIS), order("arcadia", "intervene", CRISIS)],
    ids=["ngo_relief", "state_intervention"],
)
def test_repression_costs_less_when_someone_responds(responder: Order) -> None:
    world = build(mini_data())
    repress = order("castria", "repress", "highlanders")
    _, alone = resolve(world, [repress])
    _, answered = resolve(world, [repress, responder])
    for criterion in ("peace", "pluralism"):
        assert cost_from(answered, criterion, CRISIS_LABEL) > cost_from(
            alone, criterion, CRISIS_LABEL
        )
    # Relief eases the cost, but civil society is no agent with mandate and capacity: the cause
    # still says no agent acted. Force from a state answers the crisis.
    no_agent = any("no agent" in c.cause for c in answered.changes)
    assert no_agent == (responder.action == "relieve")
    assert answered.criteria_after.peace > alone.criteria_after.peace


def test_a_loan_to_a_state_in_a_panic_answers_the_panic() -> None:
    """The Monetary Fund lent to Suvarna, and the report still said of its panic "no agent with
    the mandate and capacity to act has acted": a lender of last resort is such an agent."""
    world = new_world(load_scenario(find_scenario("financial")), 1997)
    panic = world.crises["baht_panic"]
    assert panic.state == "suvarna" and not panic.responders
    _, alone = resolve(world, [])
    after, lent = resolve(world, [order("monetary_fund", "lend", "suvarna")])
    # the panic is Suvarna's, though it falls on its factory workers (its group)
    label = "the financial panic in the Kingdom of Suvarna"
    assert panic.group and not any("workers" in c.cause for c in alone.changes)
    assert any(label in c.cause and "no agent" in c.cause for c in alone.changes)
    assert not any(label in c.cause and "no agent" in c.cause for c in lent.changes)
    assert after.crises["baht_panic"].responders == ["monetary_fund"]
    assert after.crises["baht_panic"].severity < resolve(world, [])[0].crises["baht_panic"].severity


# ---- centralization's price: despotism -----------------------------------------------------------


def cede_everything(data: dict[str, Any]) -> None:
    for a in data["actors"]:
        if a["kind"] == "state":
            a["sovereignty"] = 0


def global_un(data: dict[str, Any]) -> None:
    """A UN with full mandate and force over states that have ceded all sovereignty to it."""
    actor_data(data, "un").update(mandate=100, enforcement=100)
    cede_everything(data)


def hegemon(data: dict[str, Any]) -> None:
    actor_data(data, "arcadia")["military"] = 300


def despotism_hits(report: TurnReport) -> list[Any]:
    return [c for c in report.changes if "despotism" in c.cause]


@pytest.mark.parametrize("centralize", [global_un, hegemon], ids=["global_un", "hegemon"])
def test_despotism_strikes_a_world_centralized_past_its_threshold(centralize: Any) -> None:
    data = mini_data()
    centralize(data)
    for seed in range(20):
        world = build(data, seed)
        assert world.centralization > F.DESPOTISM_FROM
        for report in play_turns(world, 4):
            hits = despotism_hits(report)
            if hits:
                freedom = [c for c in hits if c.criterion.value == "freedom"]
                assert freedom and freedom[0].amount == pytest.approx(-F.DESPOTISM_FREEDOM)
                assert report.criteria_after.freedom < report.criteria_before.freedom
                return
    pytest.fail("no seed in 0..19 saw despotism within 4 turns of a fully centralized world")


def test_despotism_never_strikes_below_its_threshold() -> None:
    data = mini_data()
    data["turns"] = 30
    data["end_conditions"] = []
    for seed in range(10):
        for report in play_turns(build(data, seed), 30):
            assert report.centralization_after < F.DESPOTISM_FROM, "precondition: mini drifted"
            assert despotism_hits(report) == []


def despotism_count(data: dict[str, Any], seeds: int = 30, turns: int = 5) -> int:
    return sum(
        1
        for seed in range(seeds)
        for report in play_turns(build(data, seed), turns)
        if despotism_hits(report)
    )


def test_independent_bodies_courts_and_civil_society_check_despotism() -> None:
    unchecked = mini_data()
    global_un(unchecked)
    checked = mini_data()
    global_un(checked)
    actor_data(checked, "un")["independence"] = 100
    actor_data(checked, "aid_watch").update(
        volunteers=200, reach=["arcadia", "borealia", "castria"], credibility=90
    )
    checked["actors"].append(
        {"kind": "global_body", "id": "court", "name": "World Court", "body": "court",
         "mandate": 60, "enforcement": 100, "independence": 100}
    )  # fmt: skip
    assert arrangement(build(checked)).arrangement.value == "global_state"
    assert despotism_count(checked) < despotism_count(unchecked) / 2


# ---- markets punish the lone regulator -------------------------------------------------------


def tax_gain(data: dict[str, Any]) -> tuple[float, TurnReport]:
    """What taxing capital adds to Arcadia's wealth, against the same turn without the tax."""
    world = build(data)
    taxed, report = resolve(world, [order("arcadia", "tax_capital")])
    untaxed, _ = resolve(world, [])
    return taxed.actors["arcadia"].wealth - untaxed.actors["arcadia"].wealth, report


def taxing_alone() -> dict[str, Any]:
    data = mini_data()
    actor_data(data, "union")["members"] = ["borealia"]  # Arcadia belongs to no union
    return data


def taxing_in_a_deep_union() -> dict[str, Any]:
    data = mini_data()
    actor_data(data, "union")["depth"] = 60
    return data


def corporate_capital_gain(data: dict[str, Any]) -> float:
    world = build(data)
    taxed, _ = resolve(world, [order("arcadia", "tax_capital")])
    untaxed, _ = resolve(world, [])
    return taxed.corporations["globex"].capital - untaxed.corporations["globex"].capital


def test_lone_state_loses_capital_tax_to_flight() -> None:
    gain, report = tax_gain(taxing_alone())
    deep_gain, _ = tax_gain(taxing_in_a_deep_union())
    assert gain < deep_gain / 2
    assert any("Capital flees" in ln.text and "alone" in ln.text for ln in report.lines)
    assert corporate_capital_gain(taxing_alone()) > 0


def test_state_in_deep_union_keeps_its_capital_tax() -> None:
    deep_gain, report = tax_gain(taxing_in_a_deep_union())
    lone_gain, _ = tax_gain(taxing_alone())
    assert deep_gain > 0
    assert deep_gain > lone_gain
    assert not any("Capital flees" in ln.text for ln in report.lines)
    assert corporate_capital_gain(taxing_in_a_deep_union()) == 0


# ---- civil society arrives late ------------------------------------------------------------------


def test_ngo_relief_halves_the_peace_cost_of_a_crisis() -> None:
    data = mini_data()
    data["crises"][0]["responders"] = ["borealia"]  # someone answered: only relief differs
    world = build(data)
    _, relieved = resolve(world, [order("aid_watch", "relieve", CRISIS)])
    _, bare = resolve(world, [])
    assert cost_from(bare, "peace", CRISIS_LABEL) < 0
    assert cost_from(relieved, "peace", CRISIS_LABEL) == pytest.approx(
        cost_from(bare, "peace", CRISIS_LABEL) * (1 - F.RELIEF_SHARE), abs=0.02
    )  # the report rounds each change to 0.01


def test_relief_from_two_ngos_still_absorbs_at_most_half_the_peace_cost() -> None:
    data = mini_data()
    data["crises"][0]["responders"] = ["borealia"]
    data["actors"].append(
        {"kind": "ngo", "id": "red_cross", "name": "Red Cross", "reach": ["castria"]}
    )
    world = build(data)
    both = [order("aid_watch", "relieve", CRISIS), order("red_cross", "relieve", CRISIS)]
    _, relieved = resolve(world, both)
    _, bare = resolve(world, [])
    floor = cost_from(bare, "peace", CRISIS_LABEL) * (1 - F.RELIEF_SHARE)
    assert cost_from(relieved, "peace", CRISIS_LABEL) <= floor + 0.01  # the report rounds to 0.01


def test_ngo_relief_alone_never_ends_a_repression_crisis() -> None:
    data = mini_data()
    data["turns"] = 20
    data["end_conditions"] = []
    world = build(data)
    for _ in range(20):
        world, _ = resolve(world, [order("aid_watch", "relieve", CRISIS)])
        assert CRISIS in world.crises
        if world.ended:
            break


@pytest.mark.parametrize(
    ("credibility", "verdict"),
    [(F.WARNING_HEEDED - 1, "dismissed"), (F.WARNING_HEEDED, "heard")],
)
def test_ngo_warning_is_dismissed_below_heeded_credibility(
    credibility: float, verdict: str
) -> None:
    data = mini_data()
    actor_data(data, "aid_watch")["credibility"] = credibility
    world = build(data)
    after, report = resolve(world, [order("aid_watch", "warn", "highlanders")])
    (line,) = [ln.text for ln in report.lines if "warns" in ln.text]
    assert verdict in line
    pressed = after.actors["castria"].pressure > 0
    assert pressed is (verdict == "heard")


# ---- fear makes war; the circle ----------------------------------------------------------------


def test_arming_makes_the_neighbours_afraid() -> None:
    world = build(mini_data())
    armed, _ = resolve(world, [order("arcadia", "arm")])
    idle, _ = resolve(world, [])
    for neighbour in ("borealia", "castria"):
        assert armed.actors[neighbour].fear > idle.actors[neighbour].fear


def test_attack_order_starts_a_war() -> None:
    world = build(mini_data())
    assert order("arcadia", "attack", "castria") in legal_actions(world, "arcadia")
    after, report = resolve(world, [order("arcadia", "attack", "castria")])
    assert [(w.attacker, w.defender) for w in after.wars.values()] == [("arcadia", "castria")]
    assert cost_from(report, "peace", "war between Arcadia and Castria") < 0
    assert order("arcadia", "make_peace", "castria") in legal_actions(after, "arcadia")


def test_much_stronger_attacker_conquers_a_bordering_region() -> None:
    data = mini_data()
    actor_data(data, "arcadia")["military"] = 200
    world = build(data)
    grievance = world.groups["castrians"].grievance
    after, report = resolve(world, [order("arcadia", "attack", "castria")])
    assert after.regions["castria_lowland"].owner == "arcadia"  # borders the Arcadian Plain
    assert after.regions["castria_highlands"].owner == "castria"  # not yet on the front
    assert any("conquered by Arcadia" in ln.text for ln in report.lines)
    assert after.groups["castrians"].grievance > grievance


def test_a_conquered_region_carries_its_share_of_the_losers_wealth() -> None:
    """The spoils: the loser's wealth falls by CONQUEST_SPOILS x the region's share of its
    people (beside what war costs both sides), and the conqueror gains what the loser lost."""
    data = mini_data()
    actor_data(data, "arcadia")["military"] = 200
    world = build(data)
    region = world.regions["castria_lowland"]
    share = region.population / world.population_of("castria")
    a0, c0 = world.state("arcadia").wealth, world.state("castria").wealth
    after, _ = resolve(world, [order("arcadia", "attack", "castria")])
    assert after.regions["castria_lowland"].owner == "arcadia"
    # the same war without the spoils: what war and the rest of the turn did to each
    spoils_rule = F.CONQUEST_SPOILS
    try:
        F.CONQUEST_SPOILS = 0.0
        plain, _ = resolve(world, [order("arcadia", "attack", "castria")])
    finally:
        F.CONQUEST_SPOILS = spoils_rule
    spoils = c0 * (1 - F.WAR_WEALTH_LOSS) * F.CONQUEST_SPOILS * share
    assert 0 < spoils < c0
    lost = plain.state("castria").wealth - after.state("castria").wealth
    gained = after.state("arcadia").wealth - plain.state("arcadia").wealth
    assert lost == pytest.approx(gained, rel=0.05) and lost > 0.5 * spoils
    assert after.state("arcadia").wealth > a0 * (1 - F.WAR_WEALTH_LOSS)


def test_evenly_matched_attacker_conquers_nothing() -> None:
    world = build(mini_data())
    after, _ = resolve(world, [order("arcadia", "attack", "castria")])
    owners = {r.id: r.owner for r in after.regions.values()}
    assert owners == {r.id: r.owner for r in world.regions.values()}


def strong_neighbour_not_hegemon(data: dict[str, Any]) -> None:
    """Arcadia far stronger than Castria but short of half of all power (no empire: a hegemon's
    beaten subject submits instead, test_continuum_mechanics)."""
    actor_data(data, "arcadia")["military"] = 90
    actor_data(data, "borealia")["military"] = 80
    actor_data(data, "castria")["military"] = 5


def test_conquering_the_last_region_removes_the_state() -> None:
    data = mini_data()
    strong_neighbour_not_hegemon(data)
    world, _ = resolve(build(data), [order("arcadia", "attack", "castria")])
    after, report = resolve(world, [])
    assert "castria" not in after.actors
    assert all(r.owner != "castria" for r in after.regions.values())
    assert "castria" not in after.actors["un"].permanent
    assert after.wars == {}
    assert any("ceases to exist" in ln.text for ln in report.lines)


def test_republic_attacker_tires_of_a_long_war() -> None:
    data = mini_data()
    data["end_conditions"] = []
    world, _ = resolve(build(data), [order("arcadia", "attack", "castria")])
    reports = play_turns(world, F.REPUBLIC_WAR_WEARINESS)
    assert any("Kant" in ln.text for r in reports for ln in r.lines)


def civil_war_data(host_military: float) -> dict[str, Any]:
    data = mini_data()
    actor_data(data, "castria")["military"] = host_military
    data["crises"].append(
        {"id": "highland_war", "kind": "civil_war", "state": "castria", "group": "highlanders",
         "severity": 80, "age": 5}
    )  # fmt: skip
    return data


def test_group_that_wins_its_civil_war_secedes_into_a_new_state() -> None:
    world = build(civil_war_data(host_military=20))
    after, report = resolve(world, [])
    new = [s for s in after.states() if s.id not in world.actors]
    assert len(new) == 1
    assert new[0].nation == "highlanders"
    assert new[0].sovereignty == 100
    assert after.regions["castria_highlands"].owner == new[0].id
    assert after.regions["castria_lowland"].owner == "castria"
    assert "highland_war" not in after.crises
    assert any("secede" in ln.text for ln in report.lines)
    assert new[0].id in [s.id for s in after.states()]
    assert legal_actions(after, new[0].id)  # the new state can play next turn


@pytest.mark.parametrize(
    "colours",
    [
        # the host in the gold every seceded state used to take
        {"castria": "#c9a227"},
        # every state in a colour a seceded state may take, as if they had seceded before
        {"arcadia": "#c9a227", "borealia": "#9e5fcf", "castria": "#8fb339"},
    ],
)
def test_a_seceded_state_takes_a_colour_no_state_on_the_map_is_near(
    colours: dict[str, str],
) -> None:
    """On the map a new state must not read as its host, a neighbour, or an earlier one."""
    data = civil_war_data(host_military=20)
    for actor, colour in colours.items():
        actor_data(data, actor)["color"] = colour
    world = build(data)
    after, _ = resolve(world, [])
    new = next(s for s in after.states() if s.id not in world.actors)
    nearest = min(colour_distance(new.color, s.color) for s in after.states() if s is not new)
    assert nearest >= 100, (new.color, nearest)
    assert resolve(build(data), [])[0].actors[new.id].color == new.color  # the same every time


def test_a_seceded_state_is_told_from_its_neighbours_before_a_state_elsewhere() -> None:
    """The eye compares a region with those beside it: with its neighbours (Castria, its host,
    and Borealia) both blue and Arcadia, which does not border it, brown, the new state takes a
    colour far from the blue, even one nearer the brown than the rest would be."""
    data = civil_war_data(host_military=20)
    colours = {"castria": "#3b6fb6", "borealia": "#3b6fb6", "arcadia": "#a0785a"}
    for actor, colour in colours.items():
        actor_data(data, actor)["color"] = colour
    world = build(data)
    after, _ = resolve(world, [])
    new = next(s for s in after.states() if s.id not in world.actors)
    assert set(after.neighbors_of(new.id)) == {"castria", "borealia"}
    assert colour_distance(new.color, "#3b6fb6") >= 300, new.color
    assert colour_distance(new.color, "#a0785a") >= 100, new.color


def test_civil_war_against_a_strong_host_does_not_secede() -> None:
    world = build(civil_war_data(host_military=60))
    after, _ = resolve(world, [])
    assert {s.id for s in after.states()} == {s.id for s in world.states()}
    assert after.regions["castria_highlands"].owner == "castria"


def test_aggrieved_insecure_group_rebels_into_civil_war() -> None:
    data = mini_data()
    data["crises"] = []
    group = next(g for g in data["groups"] if g["id"] == "highlanders")
    group.update(grievance=95, security=10)
    data["end_conditions"] = []
    for seed in range(5):
        world = build(data, seed)
        for _ in range(12):
            world, _ = resolve(world, [])
            if ("civil_war", "highlanders") in {(c.kind, c.group) for c in world.crises.values()}:
                break
        else:
            pytest.fail(f"seed {seed}: the Highlanders never rose in 12 turns")


# ---- where the world stands: the classifier ----------------------------------------------------


def dense_civil_society(data: dict[str, Any]) -> None:
    """Two strong associations: one alone counts at most CIVIL_SOCIETY_ONE_NGO."""
    everywhere = ["arcadia", "borealia", "castria"]
    actor_data(data, "aid_watch").update(volunteers=100, reach=everywhere, credibility=80)
    second = dict(actor_data(data, "aid_watch"), id="rights_net", name="Rights Net", focus="rights")
    data["actors"].append(second)


def as_global_state(data: dict[str, Any]) -> None:
    global_un(data)


def as_empire(data: dict[str, Any]) -> None:
    actor_data(data, "arcadia")["military"] = 300


def union_of_everyone(data: dict[str, Any], depth: float) -> None:
    """A union of every state, which have pooled ``depth`` of their sovereignty in it."""
    actor_data(data, "union").update(members=["arcadia", "borealia", "castria"], depth=depth)
    for a in data["actors"]:
        if a["kind"] == "state":
            a["sovereignty"] = 100 - depth


def as_federation(data: dict[str, Any]) -> None:
    union_of_everyone(data, 70)


def as_pluralism_3(data: dict[str, Any]) -> None:
    actor_data(data, "un").update(mandate=60, enforcement=50, independence=70)
    actor_data(data, "union")["depth"] = 45
    dense_civil_society(data)


def as_pluralism_2(data: dict[str, Any]) -> None:
    dense_civil_society(data)


def as_pluralism_1(data: dict[str, Any]) -> None:
    """mini.json as it is: a UN that binds a little, a shallow union, thin civil society."""


def as_anarchy(data: dict[str, Any]) -> None:
    actor_data(data, "un")["mandate"] = F.BODY_BINDING_MANDATE - 5
    actor_data(data, "union")["depth"] = F.BODY_BINDING_MANDATE - 5


SHAPES = {
    "global_state": as_global_state,
    "empire": as_empire,
    "federation": as_federation,
    "pluralism_3": as_pluralism_3,
    "pluralism_2": as_pluralism_2,
    "pluralism_1": as_pluralism_1,
    "anarchy": as_anarchy,
}


def shaped(name: str) -> dict[str, Any]:
    data = mini_data()
    SHAPES[name](data)
    return data


@pytest.mark.parametrize("expected", list(SHAPES))
def test_structure_classifies_as_its_arrangement(expected: str) -> None:
    world = build(shaped(expected))
    assert arrangement(world).arrangement.value == expected
    assert world.arrangement.value == expected


def test_continuum_position_follows_the_order_of_arrangements() -> None:
    measures = {name: arrangement(build(shaped(name))) for name in SHAPES}
    positions = [measures[name].position for name in SHAPES]
    assert positions == sorted(positions)
    assert measures["global_state"].centralization == pytest.approx(100)


def test_deepening_a_union_of_everyone_moves_from_pluralism_to_federation_to_global_state() -> None:
    seen = []
    for depth in range(0, 101, 5):
        data = mini_data()
        union_of_everyone(data, depth)
        seen.append(arrangement(build(data)).arrangement.value)
    order = list(SHAPES)
    assert [order.index(a) for a in seen] == sorted((order.index(a) for a in seen), reverse=True)
    assert {"federation", "global_state"} <= set(seen)
    assert seen[0] in ("pluralism_1", "anarchy") and seen[-1] == "global_state"


def test_a_strong_un_over_fully_sovereign_states_is_no_world_government() -> None:
    data = mini_data()
    actor_data(data, "un").update(mandate=100, enforcement=100)
    for a in data["actors"]:
        if a["kind"] == "state":
            a["sovereignty"] = 100
    assert arrangement(build(data)).arrangement.value not in ("global_state", "federation")


def test_a_deep_union_covering_few_people_is_no_global_center() -> None:
    data = mini_data()
    actor_data(data, "union")["depth"] = 100  # Arcadia and Borealia: 65 of 90 million
    cede_everything(data)
    assert arrangement(build(data)).arrangement.value != "global_state"


def test_the_world_is_an_empire_when_one_state_holds_the_hegemon_share_of_power() -> None:
    seen = set()
    for military in range(0, 401, 10):
        data = mini_data()
        actor_data(data, "arcadia")["military"] = military
        measure = arrangement(build(data))
        is_empire = measure.arrangement.value == "empire"
        assert is_empire is (measure.hegemon_share >= F.HEGEMON_SHARE), military
        assert not is_empire or measure.hegemon == "arcadia"
        seen.add(is_empire)
    assert seen == {True, False}


def test_civil_society_and_bodies_add_agents() -> None:
    thin = arrangement(build(mini_data()))
    dense = arrangement(build(shaped("pluralism_3")))
    assert dense.plurality > thin.plurality


# ---- event cards ---------------------------------------------------------------------------------


def arms_card(**extra: Any) -> dict[str, Any]:
    """A card dealt to Arcadia once its military reaches 40; each option sets a flag."""
    return {
        "id": "arms_race",
        "title": "An arms race",
        "text": "Your generals want more.",
        "lesson": "Arming breeds fear.",
        "target": "arcadia",
        "trigger": [{"type": "actor_stat", "actor": "arcadia", "stat": "military", "min": 40}],
        "options": [
            {"id": "restrain", "label": "Restrain them",
             "effects": [{"type": "flag", "flag": "answer", "set": 1}]},
            {"id": "build", "label": "Build more",
             "effects": [{"type": "flag", "flag": "answer", "set": 2},
                         {"type": "actor_stat", "actor": "$target", "stat": "wealth",
                          "amount": -10}]},
        ],
        **extra,
    }  # fmt: skip


def dealt_world(**card: Any) -> tuple[World, World]:
    """The world before Arcadia arms (military 35) and after, when the card is in hand."""
    data = mini_data()
    data["cards"] = [arms_card(**card)]
    data["crises"] = []  # a quiet world: nothing but the card happens
    world = build(data)
    after, _ = resolve(world, [order("arcadia", "arm")])
    return world, after


def test_card_is_dealt_on_the_turn_after_its_trigger_holds() -> None:
    before, after = dealt_world()
    assert before.hand == []
    (card,) = after.hand
    assert (card.card, card.actor, card.turn) == ("arms_race", "arcadia", after.turn)


def test_dealt_card_options_are_legal_choose_orders_of_its_actor_only() -> None:
    _, world = dealt_world()
    (card,) = world.hand
    chooses = {o for o in legal_actions(world, "arcadia") if o.action == "choose"}
    assert chooses == {
        order("arcadia", "choose", card.key, option="restrain"),
        order("arcadia", "choose", card.key, option="build"),
    }
    assert not any(o.action == "choose" for o in legal_actions(world, "borealia"))


def test_choosing_the_second_option_applies_its_effects() -> None:
    _, world = dealt_world()
    (card,) = world.hand
    chose, report = resolve(world, [order("arcadia", "choose", card.key, option="build")])
    first, _ = resolve(world, [order("arcadia", "choose", card.key, option="restrain")])
    assert chose.flags["answer"] == 2
    assert chose.actors["arcadia"].wealth < first.actors["arcadia"].wealth - 9
    assert [(c.card, c.option) for c in report.cards] == [("arms_race", "build")]
    assert chose.hand == []
    assert "arms_race" in chose.lessons


def test_unanswered_card_applies_its_first_option() -> None:
    _, world = dealt_world()
    after, report = resolve(world, [])
    assert after.flags["answer"] == 1
    assert [(c.card, c.option) for c in report.cards] == [("arms_race", "restrain")]
    assert after.hand == []


def test_once_card_is_never_dealt_again() -> None:
    _, world = dealt_world()
    for _ in range(4):
        world, _ = resolve(world, [])
        assert world.hand == []


def test_repeatable_card_returns_after_its_cooldown() -> None:
    _, world = dealt_world(once=False, cooldown=1)
    dealt_turns = []
    for _ in range(5):
        dealt_turns += [h.turn for h in world.hand]
        world, _ = resolve(world, [])
    assert dealt_turns == [2, 4, 6]


# ---- orders: legality and action points ----------------------------------------------------------


def test_illegal_order_is_refused_with_a_report_line() -> None:
    world = build(mini_data())
    _, report = resolve(world, [order("castria", "integrate")])  # a union's action
    (line,) = refused_lines(report)
    assert "Castria" in line


def test_refused_orders_change_nothing_in_the_world() -> None:
    world = build(mini_data())
    illegal = [
        order("castria", "integrate"),
        order("arcadia", "repress", "highlanders"),  # Castria's group, not Arcadia's
        order("atlantis", "invest"),
        order("un", "deploy", CRISIS),  # not authorized
    ]
    refused, report = resolve(world, illegal)
    idle, _ = resolve(world, [])
    assert len(refused_lines(report)) == len(illegal)
    assert refused.digest() == idle.digest()


def test_action_point_budget_is_enforced() -> None:
    world = build(mini_data())
    ap = world.actors["arcadia"].action_points
    wanted = [order("arcadia", a) for a in ("invest", "reform", "arm", "tax_capital")][: ap + 1]
    accepted, refused = check_orders(world, wanted)
    assert accepted == wanted[:ap]
    assert len(refused) == 1
    assert "action points" in refused[0]
    _, report = resolve(world, wanted)
    assert len(refused_lines(report)) == 1


def test_votes_and_card_choices_cost_no_action_points() -> None:
    data = mini_data()
    data["cards"] = [arms_card()]
    world = build(data)
    world, _ = resolve(
        world,
        [
            order("arcadia", "arm"),
            order("un", "propose", "un", subject=CRISIS, option="authorize_force"),
        ],
    )
    (pid,) = world.proposals
    (card,) = world.hand
    ap = world.actors["arcadia"].action_points
    paid = [order("arcadia", a) for a in ("invest", "reform", "tax_capital")][:ap]
    free = [order("arcadia", "vote", pid, option="yes"),
            order("arcadia", "choose", card.key, option="build")]  # fmt: skip
    accepted, refused = check_orders(world, free + paid)
    assert refused == []
    assert len(accepted) == len(free) + ap


def test_order_for_another_actors_action_is_refused() -> None:
    world = build(mini_data())
    assert order("castria", "repress", "highlanders") in legal_actions(world, "castria")
    accepted, refused = check_orders(world, [order("arcadia", "repress", "highlanders")])
    assert accepted == []
    assert len(refused) == 1


def test_same_order_twice_and_two_votes_on_one_resolution_are_refused() -> None:
    world, pid = table_force_resolution(build(mini_data()))
    twice = [order("arcadia", "invest"), order("arcadia", "invest")]
    _, refused = check_orders(world, twice)
    assert len(refused) == 1
    _, refused = check_orders(world, votes(pid, arcadia="yes") + votes(pid, arcadia="no"))
    assert len(refused) == 1


def annexation_card() -> dict[str, Any]:
    """A card that hands Borealia's only region to Arcadia: Borealia ceases to exist."""
    return {
        "id": "annexation", "title": "Annexation", "text": "Borealia is absorbed.",
        "lesson": "Sovereignty can vanish.", "target": "arcadia",
        "options": [{"id": "take", "label": "Take it", "effects": [
            {"type": "transfer_region", "region": "borealia_coast", "to": "arcadia"}]}],
    }  # fmt: skip


def test_order_aimed_at_a_state_that_vanished_earlier_in_the_turn_does_nothing() -> None:
    data = mini_data()
    data["cards"] = [annexation_card()]
    world = build(data)
    expand = order("aid_watch", "expand", "borealia")
    assert expand in legal_actions(world, "aid_watch")
    after, _ = resolve(world, [expand])
    assert "borealia" not in after.actors
    assert "borealia" not in after.actors["aid_watch"].reach


def test_check_orders_strict_raises_illegal_order() -> None:
    world = build(mini_data())
    with pytest.raises(IllegalOrder):
        check_orders(world, [order("castria", "integrate")], strict=True)
    legal = legal_actions(world, "arcadia")[:1]
    assert check_orders(world, legal, strict=True) == (legal, [])


def test_resolve_never_mutates_its_input_world() -> None:
    data = mini_data(cards=True)
    actor_data(data, "arcadia")["military"] = 200
    world = build(data)
    digest = world.digest()
    busy = [
        order("arcadia", "attack", "castria"),
        order("castria", "repress", "highlanders"),
        order("un", "propose", "un", subject=CRISIS, option="authorize_force"),
        order("aid_watch", "relieve", CRISIS),
        order("union", "integrate"),
        *[o for o in legal_actions(world, "castria") if o.action == "choose"][:1],
    ]
    after, _ = resolve(world, busy)
    assert world.digest() == digest
    assert after.digest() != digest


# ---- the end of a match --------------------------------------------------------------------------


def test_end_condition_ends_the_match() -> None:
    data = mini_data()
    strong_neighbour_not_hegemon(data)
    data["end_conditions"] = [
        {"id": "fallen", "text": "Castria has fallen.",
         "when": [{"type": "exists", "actor": "castria", "exists": False}]}
    ]  # fmt: skip
    world, report = resolve(build(data), [order("arcadia", "attack", "castria")])
    assert not report.ended
    world, report = resolve(world, [])
    assert report.ended and world.ended
    assert report.end_reason == world.end_reason == "Castria has fallen."
    assert world.turn < world.last_turn


def test_end_condition_waits_for_its_min_turn() -> None:
    data = mini_data()
    data["end_conditions"] = [
        {"id": "soon", "text": "Time is up.", "min_turn": 3, "when": [{"type": "turn", "min": 1}]}
    ]
    reports = play_turns(build(data), 5)
    assert [r.ended for r in reports] == [False, False, True]


def test_last_turn_ends_the_match() -> None:
    data = mini_data()
    data["turns"] = 2
    data["end_conditions"] = []
    world = build(data)
    world, first = resolve(world, [])
    world, last = resolve(world, [])
    assert not first.ended
    assert last.ended and world.ended
    assert world.end_reason == "the last turn has been played"
    assert [h.turn for h in world.history] == [0, 1, 2]


def test_resolve_on_an_ended_world_raises_and_offers_no_actions() -> None:
    data = mini_data()
    data["turns"] = 1
    world, _ = resolve(build(data), [])
    assert world.ended
    assert legal_actions(world, "arcadia") == []
    with pytest.raises(ValueError, match="ended"):
        resolve(world, [])


# ---- an NGO's volunteers ---------------------------------------------------------------------


def test_recruiting_stops_at_a_share_of_the_people_an_ngo_reaches() -> None:
    """Recruiting adds a quarter of an NGO's volunteers up to ``VOLUNTEER_SHARE`` of the people
    of the states it works in (mini.json's Aid Watch: Arcadia's 40 million and Castria's 25);
    past that line it still earns credibility; an office in Borealia (25 million) raises it."""
    data = mini_data()
    ngo = actor_data(data, "aid_watch")
    ngo["volunteers"], ngo["credibility"] = 1200, 50
    world = build(data)
    line = F.VOLUNTEER_SHARE * 1000 * (40 + 25)
    assert 1200 < line < 1200 * (1 + F.RECRUIT_RATE)
    world, _ = resolve(world, [order("aid_watch", "recruit")])
    ngo_now = world.actors["aid_watch"]
    assert ngo_now.volunteers == pytest.approx(line)  # not the quarter more (1,500)
    assert ngo_now.credibility == pytest.approx(52)
    world, _ = resolve(world, [order("aid_watch", "recruit")])
    ngo_now = world.actors["aid_watch"]
    assert ngo_now.volunteers == pytest.approx(line)
    assert ngo_now.credibility == pytest.approx(54)
    world, _ = resolve(world, [order("aid_watch", "expand", "borealia")])
    moved = world.actors["aid_watch"].volunteers
    assert moved == pytest.approx(line * 0.95)  # a twentieth go with the new office
    world, _ = resolve(world, [order("aid_watch", "recruit")])
    assert world.actors["aid_watch"].volunteers == pytest.approx(moved * (1 + F.RECRUIT_RATE))


def test_a_resolution_tabled_twice_in_a_turn_is_one_vote_and_the_seconders_are_named() -> None:
    """Played as Khmeria's UN, a mediation the Atlantic Republic tabled the same turn took the
    secretariat's action point and its order was gone from the report without a word. It is
    one resolution and one vote still; one line of the report names all who seconded it."""
    world = new_world(load_scenario(find_scenario("kosovo")), 1)
    orders = [
        o
        for actor in ("atlantica", "germania", "rossiya")
        for o in legal_actions(world, actor, only="propose")
        if (o.target, o.option, o.subject) == ("un", "sanctions", "servia")
    ]
    assert [o.actor for o in orders] == ["atlantica", "germania", "rossiya"]
    after, report = resolve(world, orders)
    tabled = [p for p in after.proposals.values() if p.kind == "sanctions"]
    assert [(p.proposer, p.target) for p in tabled] == [("atlantica", "servia")]
    lines = [(ln.key, ln.text) for ln in report.lines if ln.kind == "vote"]
    assert [key for key, _ in lines] == ["tables_in", "seconded"]
    assert lines[1][1] == (
        "The resolution the Atlantic Republic tabled in the United Nations, sanctions (the "
        "Republic of Servia), is seconded by Germania and Rossiya: one resolution, one vote."
    )
    # a look-ahead's quiet turn records nothing, and plays the same
    assert advance(world, orders).digest() == after.digest()


def test_deepening_a_union_says_what_each_member_cedes() -> None:
    """Played as Ruanda: its sovereignty fell 3 a turn, and the report said only that the OAU
    "deepens integration". The line says what each member cedes; the members cede it."""
    world = build(mini_data())
    union = world.actors["union"]
    before = {m: world.actors[m].sovereignty for m in union.members}
    after, report = resolve(world, [order("union", "integrate")])
    line = next(ln for ln in report.lines if ln.key == "integrates")
    assert line.text.endswith(": each member cedes 3 of its sovereignty.")
    assert {m: after.actors[m].sovereignty for m in before} == {
        m: pytest.approx(x - 3) for m, x in before.items()
    }


def test_an_attack_on_an_ally_ends_the_alliance() -> None:
    """Played as Karsk: "Declare war: Sarn" was on offer, and after the attack the two still
    stood in one alliance treaty, so Sarn's AI counted its invader as its ally (it would table
    no sanction against it). An ordered attack ends the attacker's alliance and non-aggression
    treaties with the state it attacks; the report says so; other treaties stand."""
    from game.ui.i18n import line
    from game.ui.scenes.match_words import order_hint

    world = new_world(load_scenario(find_scenario("sandbox")), 1).clone()
    world.actors["sarn"].military = 120  # (a Sarn that outlasts the first turn of the war)
    allied = [t for t in world.treaties.values() if {"karsk", "sarn"} <= set(t.parties)]
    assert [t.kind for t in allied] == ["alliance"]
    attack = Order(actor="karsk", action="attack", target="sarn")
    assert attack in legal_actions(world, "karsk")
    # the Actions tab says it before the click (and not of a state it has no treaty with)
    assert order_hint(world, "karsk", attack).endswith(" · your ally: the alliance ends")
    other = Order(actor="karsk", action="attack", target="ostrava")
    assert "ally" not in order_hint(world, "karsk", other)
    after, report = resolve(world, [attack])
    assert [w for w in after.wars.values() if (w.attacker, w.defender) == ("karsk", "sarn")]
    assert not [t for t in after.treaties.values() if {"karsk", "sarn"} <= set(t.parties)]
    assert [t for t in after.treaties.values() if {"aurelia", "lindmark"} <= set(t.parties)]
    assert allied[0].id in world.treaties  # the world it was given is unchanged
    (broken,) = [ln for ln in report.lines if ln.key == "breaks_alliance"]
    assert broken.text == "The Karsk Dominion breaks its alliance with Sarn.", broken.text
    assert line(broken, "es") == "El Dominio de Karsk rompe su alianza con Sarn."
    # a treaty of three: the attacker leaves it, the other two stay allied
    three = world.clone()
    treaty = three.treaties[allied[0].id]
    three.treaties[treaty.id] = treaty.model_copy(update={"parties": ["karsk", "sarn", "qadir"]})
    after, _ = resolve(three, [attack])
    assert after.treaties[treaty.id].parties == ["sarn", "qadir"]
