"""No internal identifier reaches a player on the match screen: every legal order of every seat
of every shipped scenario, at a mid-match turn, in words (label, preview, hint), every line the
side panel draws, every tooltip, and the End-turn question."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pygame_gui
import pytest

from game.content import find_scenario, load_scenario
from game.content.loader import SHIPPED_ORDER
from game.engine import Arrangement
from game.session.local import LocalMatch
from game.ui.scenes.match import MatchScene
from game.ui.scenes.match_words import order_hint, order_preview, order_sentence, target_name
from tests.uikit import frames, make_app

ROOT = Path(__file__).resolve().parent.parent
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")  # hand_13, kosovo_repression, crisis_6


def identifiers(world) -> set[str]:
    """What the engine names things by (and a player must never read). Ids with an underscore
    are caught wherever they appear (SNAKE); a one-word id counts unless it is also an ordinary
    word of the interface ("autonomy", "empire")."""
    ids = set(world.actors) | set(world.regions) | set(world.groups) | set(world.crises)
    ids |= set(world.proposals) | set(world.wars) | {h.key for h in world.hand}
    ids |= {a.value for a in Arrangement}
    for c in world.rules.cards:
        ids.add(c.id)
        ids |= {o.id for o in c.options}
    texts = [*english().values(), *scenario_words(world.rules)]
    vocabulary = {w for text in texts for w in re.findall(r"\b[a-z]+\b", text)}
    return {i for i in ids if "_" in i or i not in vocabulary}


def scenario_words(rules) -> list[str]:
    """The scenario's own player-facing words (card and mission texts), not its ids."""
    out: list[str] = []

    def walk(v: object) -> None:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for k, x in v.items():
                if k not in ID_FIELDS:
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk([c.model_dump(mode="json") for c in rules.cards])
    walk([m.model_dump(mode="json") for m in rules.missions])
    return out


ID_FIELDS = {"id", "actor", "target", "group", "region", "state", "body", "when", "trigger"}
ID_FIELDS |= {"effects", "conditions", "to", "of", "who", "card", "option", "weights"}


def english() -> dict[str, str]:
    out: dict[str, str] = {}
    for f in sorted((ROOT / "assets/i18n/en").glob("*.json")):
        out |= json.loads(f.read_text(encoding="utf-8"))
    return out


def leaks(text: str, ids: set[str]) -> list[str]:
    plain = re.sub(r"<[^>]+>", " ", text)  # tooltips are HTML: its tags are not text
    words = set(re.findall(r"[A-Za-z0-9_]+", plain))
    return sorted(set(SNAKE.findall(plain)) | (words & ids))


def mid_match(scenario_id: str) -> LocalMatch:
    local = LocalMatch.start(load_scenario(find_scenario(scenario_id)), [], seed=3)
    while local.world.turn < max(2, local.world.last_turn // 2) and not local.world.ended:
        local.resolve()
    return local


def screen_texts(scene: MatchScene) -> list[str]:
    out = [span.text for rl in scene.panel.lists.values() for span, _ in rl.texts()]
    out += [e.tool_tip_text or "" for e in scene.tipped if e.alive()]
    for e in scene.app.manager.ui_group.sprites():
        if isinstance(e, pygame_gui.elements.UIButton):
            out.append(e.text)
    return out


@pytest.mark.parametrize("scenario_id", SHIPPED_ORDER)
def test_no_identifier_reaches_the_window(scenario_id):
    local = mid_match(scenario_id)
    world = local.world
    bad: list[str] = []
    app = make_app()
    for seat in [*world.rules.seats, None]:
        scene = MatchScene(app, local, seat)
        app.push(scene)
        frames(app, 2)
        ids = identifiers(world)
        texts = screen_texts(scene)
        if seat is not None:
            texts.append(scene._end_question())
            for o in scene.legal:
                texts += [
                    order_sentence(scene.view, o),
                    order_preview(scene.view, o),
                    order_hint(scene.view, seat, o),
                    target_name(scene.view, o),
                ]
        for text in texts:
            found = leaks(text, ids)
            if found:
                bad.append(f"{seat}: {text!r} shows {found}")
        app.pop()
    assert bad == [], "\n".join(bad[:20])


def test_the_check_catches_an_identifier():
    local = mid_match("kosovo")
    ids = identifiers(local.world)
    assert leaks("Answer hand_13", ids) == ["hand_13"]
    assert leaks("World: pluralism_1", ids) == ["pluralism_1"]
    assert leaks("Vote in un on sanctions (servia)", ids) == ["servia"]
    assert leaks("Sanctions on Servia (United Nations)", ids) == []
