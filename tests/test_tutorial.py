"""Turn Zero, the tutorial: its scenario, its texts in both languages, and a player walking it
from the first step to the last with the clicks and keys each step asks for."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.content import check_scenario, list_scenarios, load_scenario
from game.engine.model import ARRANGEMENT_ORDER
from game.ui.scenes import tutorial as T
from tests.uikit import click, click_at, frames, key, make_app

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "assets" / "tutorial" / "turn_zero.json"


# ---- the scenario ----------------------------------------------------------------------------------


def test_the_tutorial_scenario_validates() -> None:
    scenario = load_scenario(SCENARIO)
    assert scenario.id == "turn_zero" and scenario.turns == 6
    _, problems = check_scenario(SCENARIO)
    assert problems == []  # not even a warning
    done = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(SCENARIO)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_tutorial_is_not_listed_among_playable_scenarios() -> None:
    assert "turn_zero" not in {e.id for e in list_scenarios()}


def test_the_scenario_is_small_and_each_card_teaches_one_idea() -> None:
    s = load_scenario(SCENARIO)
    states = [a for a in s.actors if a.kind == "state"]
    assert 3 <= len(states) <= 4
    assert [a.kind for a in s.actors].count("global_body") == 1
    assert [a.kind for a in s.actors].count("ngo") == 1
    assert len(s.groups) == 1 and len(s.crises) == 1
    assert 6 <= len(s.cards) <= 8
    ids = {c.id for c in s.cards}
    for idea in (
        "no_one_comes",  # a crisis no one answers costs more
        "the_veto",
        "warning_dismissed",
        "relief_convoy",  # relief that eases but does not end
        "common_force",  # centralization's gift
        "overreach",  # and its price
        "capital_flight",  # the lone taxer
    ):
        assert idea in ids
    assert all(c.target == T.SEAT for c in s.cards)  # the player sees every one


def _texts(node: object, path: str = "") -> list[tuple[str, object]]:
    """Every player-facing text field of the scenario document, with where it is."""
    fields = {"title", "summary", "briefing", "argument", "text", "lesson", "label", "role"}
    out: list[tuple[str, object]] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if k in fields or (k == "brief" and path.startswith("missions")):
                out.append((f"{path}.{k}", v))
            else:
                out += _texts(v, f"{path}.{k}" if path else k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _texts(v, f"{path}[{i}]")
    return out


def test_every_scenario_text_is_in_english_and_spanish() -> None:
    doc = json.loads(SCENARIO.read_text(encoding="utf-8"))
    texts = _texts(doc)
    assert len(texts) > 40
    for where, value in texts:
        assert isinstance(value, dict), where
        assert value.get("en") and value.get("es"), where


# ---- the texts of the steps ------------------------------------------------------------------------


def _table(lang: str) -> dict[str, str]:
    """The tutorial's strings: its steps (tutorial.json) and its keys (tutorial_keys.json, keyboard.json)."""
    table: dict[str, str] = {}
    for name in ("tutorial.json", "tutorial_keys.json", "keyboard.json"):
        table |= json.loads((ROOT / "assets" / "i18n" / lang / name).read_text("utf-8"))
    return table


def test_every_step_has_its_text_in_english_and_spanish() -> None:
    en, es = _table("en"), _table("es")
    keys = T.step_keys()
    assert len(keys) >= 2 * len(T.STEPS)
    for k in keys:
        assert en.get(k), f"{k} missing in English"
        assert es.get(k), f"{k} missing in Spanish"
    assert set(en) == set(es)  # nothing translated on one side only
    for k in keys:
        if k.endswith(".text"):
            sentences = en[k].count(". ") + 1
            assert 2 <= sentences <= 4, f"{k}: {sentences} sentences"


def test_every_key_the_scene_asks_for_exists() -> None:
    import re

    source = (ROOT / "game" / "ui" / "scenes" / "tutorial.py").read_text("utf-8")
    literal = set(re.findall(r'"(tutorial\.[a-z_.]+)"', source))
    en, es = _table("en"), _table("es")
    for k in literal:
        assert k in en and k in es, k
    for arr in ARRANGEMENT_ORDER:  # what a click on each segment of the bar reveals
        for k in (f"tutorial.arr.{arr.value}", f"tutorial.arr_tip.{arr.value}"):
            assert en.get(k) and es.get(k), k
    for hint in T.HINTS:  # the key hints, named in the scene by T.HINTS
        assert en.get(f"tutorial.hint.{hint}") and es.get(f"tutorial.hint.{hint}"), hint
    used = literal | set(T.step_keys()) | {f"tutorial.hint.{h}" for h in T.HINTS}
    used |= {f"tutorial.{p}.{a.value}" for p in ("arr", "arr_tip") for a in ARRANGEMENT_ORDER}
    assert set(en) == used  # and no key left over that nothing shows


# ---- walking the tutorial ----------------------------------------------------------------------------


class Walker:
    """Plays the tutorial as a student would: reads (Enter), clicks what each step points at,
    uses the keyboard where a click target has scrolled out of sight. ``choices`` answers
    particular cards; any other card gets its first option."""

    def __init__(self, app, tut: T.TutorialScene, choices: dict[str, str] | None = None) -> None:
        self.app = app
        self.tut = tut
        self.choices = choices or {}
        self.panels: list[tuple[str, pygame.Rect, list[pygame.Rect]]] = []

    def record(self) -> None:
        if getattr(self.tut.inner, "modal", None) is not None:
            return  # the match screen asks something: the panel steps aside
        buttons = [b.rect for b in (self.tut.next_button, self.tut.leave_button) if b is not None]
        self.panels.append((self.tut.step_id(), pygame.Rect(self.tut.panel_rect), buttons))

    def _visible(self, buttons, area: pygame.Rect):
        for b in buttons:
            if b.alive() and area.contains(b.rect) and not self.tut.panel_rect.colliderect(b.rect):
                return b
        return None

    def _press_focused(self, prefix: str) -> None:
        inner = self.tut.inner
        for _ in range(100):
            if (inner.focus_key or "").startswith(prefix):
                key(self.app, pygame.K_RETURN)
                return
            key(self.app, pygame.K_TAB)
        raise AssertionError(f"nothing to focus for {prefix}")

    def _answer(self, inner) -> None:
        world = inner.view
        for h in inner._hand():
            if any(o.action == "choose" and o.target == h.key for o in inner.draft):
                continue
            card = next(c for c in world.rules.cards if c.id == h.card)
            option = self.choices.get(card.id, card.options[0].id)
            button = inner.option_buttons[(h.key, option)]
            if self._visible([button], inner.lay.content):
                click(self.app, button)
            else:
                self._press_focused(f"opt:{h.key}:{option}")
            return

    def act(self) -> None:
        tut, app = self.tut, self.app
        step, inner = tut.step, tut.inner
        kind = T._kind(inner)
        if step.wait == "read" or tut.done:
            key(app, pygame.K_RETURN)
        elif step.wait == "bar":
            click_at(app, inner.bar.segments()[0].center)
        elif step.wait == "region":
            click_at(app, inner.map.anchor(T.FOCUS_REGION))
        elif kind == "report":
            click(app, inner.continue_button)
        elif kind == "match" and inner.modal is not None:
            click(app, inner.modal_focus[0].element)  # "End turn" with points left: confirm
        elif step.wait in ("answer", "end_turn") and inner._hand() and self._unanswered(inner):
            if inner.tab != "cards":
                click(app, inner.tab_buttons["cards"])
            else:
                self._answer(inner)
        elif step.wait == "order":
            if inner.tab != "actions":
                click(app, inner.tab_buttons["actions"])
            else:
                b = self._visible(list(inner.action_buttons.values()), inner.lay.content)
                if b is None:
                    self._press_focused("order:")
                else:
                    click(app, b)
        elif step.wait == "end_turn":
            click(app, inner.end_button)
        else:
            raise AssertionError(f"stuck at {step} on {type(inner).__name__}")

    @staticmethod
    def _unanswered(inner) -> bool:
        answered = {o.target for o in inner.draft if o.action == "choose"}
        return any(h.key not in answered for h in inner._hand())

    def walk(self, limit: int = 400) -> None:
        last = None
        for _ in range(limit):
            if self.app.scene is not self.tut:
                return
            now = (self.tut.index, self.tut.done, id(self.tut.inner), self.tut.panel_rect.size)
            if now != last:
                self.record()
                last = now
            self.act()
        raise AssertionError(f"the walk did not end; visited {self.tut.visited}")


def _expected(variant: str) -> list[str]:
    ids = [s.id for s in T.STEPS]
    return [variant if i == "turn5" else i for i in ids]


@pytest.mark.parametrize(
    ("scale", "lang", "choices", "variant"),
    [
        (100, "en", {"common_force": "pool", "no_one_comes": "envoy"}, "turn5_pooled"),
        (200, "es", {}, "turn5_alone"),
    ],
)
def test_a_player_walks_from_the_first_step_to_the_last(
    menu, scale: int, lang: str, choices: dict[str, str], variant: str
) -> None:
    app = make_app(ui_scale=scale, language=lang)
    app.push(menu(app))
    tut = T.TutorialScene(app)
    app.push(tut)
    frames(app, 2)
    walker = Walker(app, tut, choices)
    walker.walk()
    assert tut.visited == _expected(variant)
    assert tut.session is not None and tut.session.world.ended
    # back at the menu the tutorial was opened from, and nothing left on the stack
    assert isinstance(app.scene, menu) and len(app.stack) == 1
    # every panel, and its buttons, stayed on the screen
    screen = pygame.Rect((0, 0), app.size)
    assert len(walker.panels) >= len(T.STEPS)
    for sid, rect, buttons in walker.panels:
        assert rect.w > 0 and screen.contains(rect), (sid, rect)
        for b in buttons:
            assert rect.contains(b), (sid, b, rect)


def test_the_player_can_reach_what_each_step_points_at(menu) -> None:
    """At 200%, the panel never covers the target a task needs clicked."""
    app = make_app(ui_scale=200)
    tut = T.TutorialScene(app)
    app.push(tut)
    frames(app, 2)
    walker = Walker(app, tut)
    for _ in range(120):
        if tut.step.wait in ("region", "bar") and not tut.done:
            target = tut.rect_of(tut.step.target)
            assert target is not None
            point = (
                tut.inner.map.anchor(T.FOCUS_REGION)
                if tut.step.wait == "region"
                else tut.inner.bar.segments()[0].center
            )
            assert not tut.panel_rect.collidepoint(point), tut.step_id()
        if T._kind(tut.inner) == "report":
            assert not tut.panel_rect.colliderect(tut.inner.continue_button.rect)
        if tut.step.wait == "end_turn" and T._kind(tut.inner) == "match":
            assert not tut.panel_rect.colliderect(tut.inner.end_button.rect)
        if tut.step.id == "turn2":
            break
        walker.act()
    assert tut.step.id == "turn2"


# ---- leaving, and holding the turn ------------------------------------------------------------------


def test_escape_asks_then_goes_back_to_the_menu_it_came_from(menu) -> None:
    app = make_app()
    below = menu(app)
    app.push(below)
    tut = T.TutorialScene(app)
    app.push(tut)
    frames(app)
    key(app, pygame.K_RETURN)  # some progress, not to be lost by one key
    key(app, pygame.K_ESCAPE)
    assert app.scene is tut and tut.asking
    assert tut.key_hints() == ["confirm_leave", "stay"]
    key(app, pygame.K_ESCAPE)  # Esc closes the innermost thing: the question
    assert app.scene is tut and not tut.asking and tut.step.id == "continuum"
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)  # Enter: leave
    assert app.scene is below and len(app.stack) == 1


def test_escape_without_a_menu_below_opens_one(menu) -> None:
    app = make_app()
    app.push(T.TutorialScene(app))
    frames(app)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, menu) and len(app.stack) == 1


def test_the_leave_button_asks_first(menu) -> None:
    app = make_app()
    tut = T.TutorialScene(app)
    app.push(tut)
    frames(app)
    click(app, tut.leave_button)
    assert app.scene is tut and tut.asking
    # The question covers the step's panel: its buttons are the only ones that answer.
    assert tut.question_rect.colliderect(tut.panel_rect) or tut.question_rect.w > 0
    click(app, tut.next_button)  # under the question: nothing happens
    assert tut.asking and tut.step.id == "welcome"
    click(app, tut.stay_button)
    assert app.scene is tut and not tut.asking and tut.step.id == "welcome"
    click(app, tut.leave_button)
    click(app, tut.confirm_leave_button)
    assert isinstance(app.scene, menu)


def test_quitting_from_the_match_menu_asks_then_leaves_the_tutorial(menu) -> None:
    app = make_app()
    tut = T.TutorialScene(app)
    app.push(tut)
    frames(app)
    tut.inner.quit_to_menu()  # the match screen's own Menu → Quit to the main menu
    frames(app)
    assert app.scene is tut and tut.asking  # the tutorial's progress would be lost: it asks
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, menu) and len(app.stack) == 1


def test_the_turn_waits_until_the_tutorial_gets_there(menu) -> None:
    app = make_app()
    tut = T.TutorialScene(app)
    app.push(tut)
    frames(app)
    inner = tut.inner
    assert not inner.end_button.is_enabled
    key(app, pygame.K_e)  # the match screen's shortcut for End turn
    click(app, inner.end_button)
    frames(app)
    assert tut.session.world.turn == 1 and tut.session.reports == []
    assert tut.step.id == "welcome"
    key(app, pygame.K_RETURN)  # Enter reads on
    assert tut.step.id == "continuum"


def test_a_doing_step_waits_for_the_deed(menu) -> None:
    app = make_app()
    tut = T.TutorialScene(app)
    app.push(tut)
    frames(app)
    for _ in range(2):
        key(app, pygame.K_RETURN)
    assert tut.step.id == "arrangements"
    key(app, pygame.K_RETURN)  # not yet: the bar has not been clicked
    assert tut.step.id == "arrangements" and not tut.next_button.is_enabled
    click_at(app, tut.inner.bar.segments()[3].center)
    assert tut.done and tut.info == "pluralism_3" and tut.next_button.is_enabled
    click(app, tut.next_button)
    assert tut.step.id == "criteria"


def test_a_broken_install_says_so_and_lets_the_player_leave(
    menu, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(T, "scenario_path", lambda: tmp_path / "missing.json")
    app = make_app()
    tut = T.TutorialScene(app)
    app.push(tut)
    frames(app)
    assert tut.error and tut.inner is None
    assert pygame.Rect((0, 0), app.size).contains(tut.panel_rect)
    key(app, pygame.K_RETURN)  # nothing to go on to
    assert app.scene is tut
    click(app, tut.leave_button)
    assert isinstance(app.scene, menu)


def test_the_main_menu_opens_the_tutorial_and_escape_returns_to_it() -> None:
    menu_module = pytest.importorskip("game.ui.scenes.menu")
    main_menu = getattr(menu_module, "MainMenu", None)
    if main_menu is None or not hasattr(main_menu, "tutorial"):
        pytest.skip("the main menu has no tutorial entry yet")
    app = make_app()
    home = main_menu(app)
    app.push(home)
    frames(app)
    home.tutorial()
    frames(app)
    assert isinstance(app.scene, T.TutorialScene)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_RETURN)
    assert app.scene is home and len(app.stack) == 1


# ---- Esc closes the innermost thing; every key hint is true --------------------------------------


def _to_step(app, tut: T.TutorialScene, step_id: str) -> Walker:
    walker = Walker(app, tut)
    for _ in range(200):
        if tut.step.id == step_id:
            return walker
        walker.act()
    raise AssertionError(f"never reached {step_id}; visited {tut.visited}")


def test_escape_in_the_region_panel_closes_only_the_panel(menu) -> None:
    app = make_app()
    tut = T.TutorialScene(app)
    app.push(tut)
    frames(app)
    _to_step(app, tut, "map")
    click_at(app, tut.inner.map.anchor(T.FOCUS_REGION))
    assert tut.inner.map.selected == T.FOCUS_REGION and tut.done
    assert tut.key_hints() == ["next", "close_region"]
    key(app, pygame.K_ESCAPE)
    assert app.scene is tut and not tut.asking
    assert tut.inner.map.selected is None
    assert tut.step.id == "map" and tut.done  # nothing of the progress lost
    assert tut.key_hints() == ["next", "leave"]
    key(app, pygame.K_ESCAPE)  # now there is nothing open: it asks
    assert tut.asking
    key(app, pygame.K_ESCAPE)
    assert not tut.asking and tut.step.id == "map"


def test_escape_closes_a_tip_before_anything_else(menu) -> None:
    from tests.uikit import hover

    app = make_app()
    tut = T.TutorialScene(app)
    app.push(tut)
    frames(app)
    _to_step(app, tut, "criteria")
    # A figure of the match screen that carries a tip (the criteria, the bar), in sight.
    tipped = [
        el
        for el in app.manager.get_sprite_group().sprites()
        if getattr(el, "tool_tip_text", None)
        and el.visible
        and not tut.panel_rect.colliderect(el.rect)
        and tut.inner.lay.criteria.contains(el.rect)
    ]
    assert tipped, "a criterion with a tip in sight"
    try:
        hover(app, tipped[0].rect.center, frames=60)
        assert tut.escape_closes() == "tip" and tut.key_hints()[-1] == "close_tip"
        key(app, pygame.K_ESCAPE)
        assert tut._tip_owner() is None and not tut.asking and app.scene is tut
        assert tut.step.id == "criteria"
        frames(app, 60)  # the pointer stays: the tip stays closed
        assert tut._tip_owner() is None
        assert tut.key_hints() == ["next", "leave"]
    finally:
        pygame.mouse.set_pos((0, 0))


def test_a_step_whose_next_is_disabled_never_says_enter_next(menu) -> None:
    """The reported bug: on turn 2, Next is disabled, the box said "Enter: next" and Enter
    opened "End the turn?"."""
    app = make_app()
    tut = T.TutorialScene(app)
    app.push(tut)
    frames(app)
    _to_step(app, tut, "turn2")
    assert not tut.next_button.is_enabled
    assert tut.key_hints() == ["end_turn", "leave"]
    shown = tut._hints_text()
    assert "Enter" not in shown and "E: end the turn" in shown


def _check_leave_hint(app, tut: T.TutorialScene) -> None:
    """ "Esc: leave the tutorial": Esc asks (Enter leaves), and Esc again stays."""
    before = (tut.index, tut.done, id(tut.inner))
    key(app, pygame.K_ESCAPE)
    assert tut.asking and app.scene is tut
    assert tut.key_hints() == ["confirm_leave", "stay"]
    key(app, pygame.K_ESCAPE)
    assert not tut.asking and (tut.index, tut.done, id(tut.inner)) == before


@pytest.mark.parametrize(("scale", "lang"), [(100, "en"), (200, "es")])
def test_every_key_hint_does_what_it_says_at_every_step(menu, scale: int, lang: str) -> None:
    app = make_app(ui_scale=scale, language=lang)
    app.push(menu(app))
    tut = T.TutorialScene(app)
    app.push(tut)
    frames(app, 2)
    walker = Walker(app, tut)
    seen: set[tuple] = set()
    tried: set[str] = set()
    for _ in range(500):
        if app.scene is not tut:
            break
        hints = tut.key_hints()
        assert set(hints) <= set(T.HINTS)
        if "next" not in hints and "finish" not in hints:
            assert tut.next_button is None or not tut.next_button.is_enabled, tut.step_id()
        state = (tut.index, tut.done, id(tut.inner), tuple(hints))
        if state in seen or not hints:
            walker.act()
            continue
        seen.add(state)
        tried |= set(hints)
        if "leave" in hints:
            _check_leave_hint(app, tut)
        if "close_region" in hints:
            step = tut.index
            key(app, pygame.K_ESCAPE)
            assert tut.inner.map.selected is None and not tut.asking and tut.index == step
            continue
        if "next" in hints:
            step = tut.index
            key(app, pygame.K_RETURN)
            assert tut.index > step, tut.step_id()
        elif "continue" in hints:
            report = tut.inner
            key(app, pygame.K_RETURN)
            assert tut.inner is not report and app.scene is tut
        elif "end_turn" in hints:
            resolved = len(tut.session.reports)
            key(app, pygame.K_e)
            asked = getattr(tut.inner, "modal", None) == "confirm"
            assert asked or len(tut.session.reports) == resolved + 1, tut.step_id()
        elif "leave_now" in hints:
            assert tut.step.id == "finish"
            key(app, pygame.K_ESCAPE)  # nothing left to lose: no question
            assert isinstance(app.scene, menu)
        else:
            walker.act()
    assert app.scene is not tut, f"the walk did not end; visited {tut.visited}"
    assert {"next", "continue", "end_turn", "leave", "leave_now"} <= tried, tried
