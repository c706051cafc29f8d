"""Members of one union deep enough to be a regional federation do not make war on each other.

In the federation start Karsk joined the Coastal Compact, deepened it past 80, and then took a
disarmed Aurelia, a fellow member, region by region: a federation whose members conquer each
other is no federation. A member that would attack another must leave the union first; a clash
between members never becomes war; the Actions tab says why the attack left the list."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pygame
import pytest

from game.content import load_scenario
from game.engine import Order, Scenario, World, legal_actions, new_world, resolve
from game.engine import formulas as F
from game.engine.actions import barred_attacks, union_partners
from game.session.local import LocalMatch
from game.ui.scenes.match import MatchScene
from tests.uikit import frames, key, make_app

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.json"


def mini(depth: float, **states: dict[str, Any]) -> World:
    """mini.json without its cards, Arcadia and Borealia's union ``depth`` deep, and any
    state's figures changed as given."""
    data = json.loads(MINI.read_text(encoding="utf-8"))
    data["cards"] = []
    for a in data["actors"]:
        if a["id"] == "union":
            a["depth"] = depth
        a.update(states.get(a["id"], {}))
    return new_world(Scenario.model_validate(data), 7)


def attacks(world: World, actor: str) -> set[str | None]:
    return {o.target for o in legal_actions(world, actor, only="attack")}


def test_a_member_of_a_federated_union_may_not_attack_a_fellow_member() -> None:
    shallow = mini(F.FEDERATION_REGIONAL_DEPTH - 1)
    assert "borealia" in attacks(shallow, "arcadia")
    assert union_partners(shallow, "arcadia") == frozenset()
    deep = mini(F.FEDERATION_REGIONAL_DEPTH)
    assert "borealia" not in attacks(deep, "arcadia")
    assert "arcadia" not in attacks(deep, "borealia")
    assert union_partners(deep, "arcadia") == {"borealia"}
    assert barred_attacks(deep, "arcadia") == [("borealia", "union")]
    # a state outside the union may still attack either, and be attacked by them
    assert {"arcadia", "borealia"} & attacks(deep, "castria")
    assert barred_attacks(deep, "castria") == []
    # an attack ordered anyway is refused, and no war starts
    after, report = resolve(deep, [Order(actor="arcadia", action="attack", target="borealia")])
    assert not after.wars
    assert any(ln.kind == "refused" for ln in report.lines)


def test_leaving_the_union_frees_a_member_to_attack() -> None:
    deep = mini(60)
    after, _ = resolve(deep, [Order(actor="arcadia", action="leave", target="union")])
    assert "arcadia" not in after.actors["union"].members  # type: ignore[union-attr]
    assert "borealia" in attacks(after, "arcadia")
    assert barred_attacks(after, "arcadia") == []


def _wars_between_the_two(depth: float, turns: int = 30) -> int:
    """Turns on which Arcadia and Borealia, two frightened autocracies, are at war."""
    scared = {"government": "autocracy", "fear": 100}
    world = mini(depth, arcadia=scared, borealia=scared)
    at_war = 0
    for _ in range(turns):
        world, _ = resolve(world, [])
        if world.ended:
            break
        assert (world.actors["union"].depth >= F.FEDERATION_REGIONAL_DEPTH) == (depth >= 40)  # type: ignore[union-attr]
        pairs = {frozenset((w.attacker, w.defender)) for w in world.wars.values()}
        at_war += frozenset(("arcadia", "borealia")) in pairs
        for s in ("arcadia", "borealia"):
            world.actors[s].fear = 100.0  # type: ignore[union-attr]
    return at_war


def test_a_clash_between_members_never_becomes_war() -> None:
    """(A union's depth wears away unless tended: 70 stays past 40 for the whole run.)"""
    assert _wars_between_the_two(20) > 0  # the control
    assert _wars_between_the_two(70) == 0


@pytest.mark.parametrize(
    ("scenario", "seat", "language", "line"),
    [
        (
            "kosovo",
            "germania",
            "en",
            "Declare war on Gallia: not while you are fellow members of the Union of Europe, a "
            "federation; leave it first",
        ),
        (
            "kosovo",
            "germania",
            "es",
            "Declarar la guerra a Gallia: no mientras seáis miembros de la Unión de Europa, una "
            "federación; sal de ella antes",
        ),
        (  # the Coastal Compact deepened to 50: one line for the three it bars
            "sandbox",
            "aurelia",
            "es",
            "Declarar la guerra a Lindmark, Ciudad Libre de Port Ilya y Tessaly: no mientras "
            "seáis miembros del Pacto Costero, una federación; sal de ella antes",
        ),
    ],
)
def test_the_actions_tab_says_why_the_attack_left_the_list(
    scenario: str, seat: str, language: str, line: str
) -> None:
    """The Actions tab's "Out of reach" list names the neighbours the seat's union bars it from
    attacking, one line a union (kosovo's Union of Europe is 50 deep: Germania may not attack
    Gallia)."""
    world = LocalMatch.start(load_scenario(ROOT / f"scenarios/{scenario}.json"), [], seed=1).world
    if scenario == "sandbox":
        world = world.clone()
        world.actors["coastal_compact"].depth = 50.0  # type: ignore[union-attr]
    app = make_app(language=language)
    scene = MatchScene(app, LocalMatch.resume(world, [seat]), seat)
    app.push(scene)
    frames(app)
    key(app, pygame.K_1)
    texts = [" ".join(s.text for s in r.texts) for r in scene.panel.lists["actions"].rows]
    assert line in texts, [x for x in texts if x][-5:]
