"""A goal's conditions that are not figures say what misses them, in the mission panel and the
debrief: who holds a region, where the world stands, a crisis still burning, a membership, a
government, a sanction or an indictment.

Played as the empire start's Tessaly, the debrief read "not met: Tessaly keeps the Kerran
highlands and its sovereignty (at least 80); Sovereignty of Tessaly: 96.0 (80 or more)": the
one figure it named was met, and nothing said that Karsk held the highlands."""

from __future__ import annotations

from pathlib import Path

from game.content import load_scenario
from game.engine import World
from game.report.debrief import debrief_markdown, score_rows
from game.session.local import LocalMatch
from game.ui.i18n import set_language
from game.ui.scenes.match_pending import goal_states

ROOT = Path(__file__).resolve().parents[1]


def start(name: str) -> World:
    return LocalMatch.start(load_scenario(ROOT / "scenarios" / f"{name}.json"), [], 1).world


def with_region(world: World, region: str, owner: str, ended: bool = False) -> World:
    regions = dict(world.regions)
    regions[region] = regions[region].model_copy(update={"owner": owner})
    return world.model_copy(update={"regions": regions, "ended": ended})


def test_a_missed_goal_says_who_holds_the_region_it_wanted() -> None:
    world = with_region(start("sandbox_empire"), "kerran_highlands", "karsk", ended=True)
    sovereignty = world.actors["tessaly"].sovereignty
    row = next(r for r in score_rows(world) if r.actor == "tessaly")
    missed = row.goals[0]
    assert not missed.met
    assert missed.figures == (
        "Kerran Highlands: held by the Karsk Dominion",
        f"Sovereignty of Tessaly: {sovereignty:.1f} (80 or more)",
    )
    said = "; ".join(missed.figures)
    assert said in debrief_markdown(world, [])  # the handout says it too
    set_language("es")
    spanish = next(r for r in score_rows(world) if r.actor == "tessaly").goals[0].figures
    assert spanish[0] == "Montañas de Kerran: en manos del Dominio de Karsk"  # not "de el"


def test_the_panel_says_it_while_the_goal_is_open_and_nothing_once_it_holds() -> None:
    world = start("sandbox_empire")
    held = goal_states(world, "tessaly")[0]
    assert held.state == "holding"
    assert [f.split(":")[0] for f in held.figures] == ["Sovereignty of Tessaly"]
    lost = goal_states(with_region(world, "kerran_highlands", "karsk"), "tessaly")[0]
    assert lost.state == "failed"
    assert lost.figures[0] == "Kerran Highlands: held by the Karsk Dominion"


def test_a_goal_against_a_crisis_names_the_crisis_still_burning_once() -> None:
    financial = start("financial")
    goal = next(g for g in goal_states(financial, "suvarna") if "panic" in g.text)
    assert goal.figures == ("Financial panic in the Kingdom of Suvarna",)
    over = financial.model_copy(update={"crises": {}})
    assert next(g for g in goal_states(over, "suvarna") if "panic" in g.text).figures == ()
    # Khmeria represses two peoples: the goal says so once
    cambodia = start("cambodia")
    assert sum(c.kind == "repression" for c in cambodia.crises.values()) >= 2
    raids = next(g for g in goal_states(cambodia, "annam") if "raids" in g.text)
    assert raids.figures.count("Repression in Democratic Khmeria") == 1


def test_a_goal_to_join_says_the_state_is_not_a_member_until_it_is() -> None:
    kosovo = start("kosovo")
    join = next(g for g in goal_states(kosovo, "hrvatska") if "Union" in g.text)
    assert join.figures == ("Hrvatska: not a member of the Union of Europe",)
    union = kosovo.actors["european_union"]
    joined = union.model_copy(update={"members": [*union.members, "hrvatska"]})
    kosovo = kosovo.model_copy(update={"actors": {**kosovo.actors, "european_union": joined}})
    assert next(g for g in goal_states(kosovo, "hrvatska") if "Union" in g.text).figures == ()


def test_a_goal_on_the_arrangement_says_where_the_world_stands() -> None:
    world = start("sandbox_federation")
    hegemon = goal_states(world, "karsk")[0]
    assert hegemon.figures == ("The world: Global federation",)
    set_language("es")
    assert goal_states(world, "karsk")[0].figures == ("El mundo: Federación global",)


def with_state(world: World, state: str, **changes: object) -> World:
    actors = dict(world.actors)
    actors[state] = actors[state].model_copy(update=changes)
    return world.model_copy(update={"actors": actors})


def test_a_goal_on_a_government_or_a_status_says_which_stands() -> None:
    cambodia = start("cambodia")
    party = next(g for g in goal_states(cambodia, "cathay") if "Party" in g.text)
    assert party.figures == ()  # it holds: nothing to say
    reformed = with_state(cambodia, "cathay", government="republic")
    said = next(g for g in goal_states(reformed, "cathay") if "Party" in g.text).figures
    assert said == ("People's Republic of Cathay: a republic",)
    sanctioned = with_state(cambodia, "annam", sanctioned=3)
    said = next(g for g in goal_states(sanctioned, "sovetia") if "sanctioned" in g.text).figures
    assert said == ("Socialist Republic of Annam: under sanctions",)
    kosovo = with_state(start("kosovo"), "servia", indicted=True)
    said = next(g for g in goal_states(kosovo, "servia") if "indicts" in g.text).figures
    assert said == ("Republic of Servia: its leaders indicted",)
    set_language("es")
    said = next(g for g in goal_states(reformed, "cathay") if "Partido" in g.text).figures
    assert said == ("República Popular de Cathay: una república",)
