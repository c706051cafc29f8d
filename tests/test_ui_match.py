"""The match screen, driven as a player would: clicks and keys into the real pygame window
(SDL's dummy driver), asserting on the match underneath and on what the screen shows."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pygame
import pygame_gui
import pytest

from game.content import load_scenario
from game.engine import Order, advance, new_world
from game.session.local import LocalMatch
from game.session.match import ai_orders
from game.ui import flow
from game.ui.i18n import name as i18n_name
from game.ui.scenes.match import MatchScene
from game.ui.scenes.match_words import order_preview
from game.ui.widgets.mapview import crisis_text
from tests.uikit import click, click_at, find_button, frames, hover, key, make_app

MINI = Path(__file__).parent / "fixtures" / "mini.json"
ROOT = Path(__file__).resolve().parent.parent
SEAT = "castria"


def start(size=(1280, 720), seat: str | None = SEAT, actions: bool = True, **settings):
    """The mini match on turn 1; a card waits, so the screen opens on Cards: ``actions`` goes
    to the Actions tab, as most tests want."""
    app = make_app(size, **settings)
    local = LocalMatch.start(load_scenario(MINI), [seat] if seat else [], seed=1)
    scene = MatchScene(app, local, seat)
    app.push(scene)
    frames(app)
    if actions and seat is not None:
        key(app, pygame.K_1)
    return app, local, scene


def press(app, scene, button) -> None:
    """Scroll a side-panel button into view, as a player would, and click it."""
    scene.reveal(button)
    frames(app, 1)
    click(app, button)


def answer_the_card(app, scene) -> None:
    """Answer the mini match's one card, as a player would, in the Cards tab."""
    key(app, pygame.K_2)
    press(app, scene, scene.option_buttons[("hand_2", "autonomy")])
    key(app, pygame.K_1)


class AfterSubmit:
    """Stands in for flow.after_submit: records the hand-over instead of opening the report."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def __call__(self, app, local, report, seat, fallen=None) -> None:
        self.calls.append((report, seat))
        self.fallen = fallen


@pytest.fixture
def after(monkeypatch) -> AfterSubmit:
    rec = AfterSubmit()
    monkeypatch.setattr(flow, "after_submit", rec)
    return rec


def test_clicking_an_action_drafts_it_and_shows_it_at_once():
    app, local, scene = start()
    order = Order(actor=SEAT, action="repress", target="highlanders")
    button = scene.action_buttons[order]
    scene.reveal(button)
    frames(app, 20)
    pos = button.rect.center
    events = [
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
    ]
    # One frame: the click is handled, the order drafted and the new state drawn.
    assert app.frame(1 / 60, events=events)
    assert order in local.drafts[SEAT]
    assert scene.notice is not None and "Highlanders" in scene.notice[0]
    assert scene.notice is not None and scene.notice[1] == "good"
    # The draft list now shows it with a Remove button, and the button reads as ordered.
    assert len(scene.remove_buttons) == 1
    assert order in scene.draft
    assert scene.points_left == 1


def test_clicking_an_ordered_action_again_takes_it_back():
    app, local, scene = start()
    order = Order(actor=SEAT, action="invest")
    press(app, scene, scene.action_buttons[order])
    assert local.draft(SEAT) == [order]
    press(app, scene, scene.action_buttons[order])
    assert local.draft(SEAT) == []


def test_remove_button_takes_an_order_back():
    app, local, scene = start()
    order = Order(actor=SEAT, action="invest")
    press(app, scene, scene.action_buttons[order])
    press(app, scene, scene.remove_buttons[0])
    assert local.draft(SEAT) == []
    assert scene.remove_buttons == []


def test_a_refused_order_shows_why():
    app, local, scene = start()
    for o in (
        Order(actor=SEAT, action="invest"),
        Order(actor=SEAT, action="reform"),
        Order(actor=SEAT, action="arm"),
    ):
        press(app, scene, scene.action_buttons[o])
    assert len(local.draft(SEAT)) == 2  # two action points
    text, tone = scene.notice
    assert tone == "bad"
    assert "Arm" in text
    refused = local.add(Order(actor=SEAT, action="arm"))
    assert refused and refused in text


def test_a_refused_order_says_why_in_spanish():
    """The engine's reason came in English inside a Spanish sentence: "No se puede ordenar
    «Armarse»: Castria has no action points left for arm"."""
    app, _local, scene = start(language="es")
    for o in (
        Order(actor=SEAT, action="invest"),
        Order(actor=SEAT, action="reform"),
        Order(actor=SEAT, action="arm"),
    ):
        press(app, scene, scene.action_buttons[o])
    text, tone = scene.notice
    assert tone == "bad" and text.startswith("No se puede ordenar «Armarse»: ")
    assert "no action points" not in text and "no le quedan puntos de acción" in text, text


def test_the_preview_names_the_target():
    _app, _local, scene = start()
    o = Order(actor=SEAT, action="repress", target="highlanders")
    text = order_preview(scene.view, o)
    assert text.startswith("Repress the Highlanders: grievance rises")
    assert scene.action_buttons[o].tool_tip_text.startswith("Repress the Highlanders")


def test_card_option_is_drafted_as_a_choose_order():
    app, local, scene = start()
    click(app, find_button(app, "Cards (1)"))
    assert scene.tab == "cards"
    button = scene.option_buttons[("hand_2", "autonomy")]
    click(app, button)
    assert Order(actor=SEAT, action="choose", target="hand_2", option="autonomy") in local.draft(
        SEAT
    )
    # Choosing the other option replaces the first answer.
    press(app, scene, scene.option_buttons[("hand_2", "crack_down")])
    chosen = [o for o in local.draft(SEAT) if o.action == "choose"]
    assert [o.option for o in chosen] == ["crack_down"]


def test_end_turn_with_points_left_asks_first_then_resolves(after):
    app, local, scene = start()
    repress = Order(actor=SEAT, action="repress", target="highlanders")
    press(app, scene, scene.action_buttons[repress])
    before = local.world.groups["highlanders"].grievance
    click(app, find_button(app, "End turn"))
    assert scene.modal == "confirm"  # one action point is left
    assert local.world.turn == 1
    buttons = [f.element for f in scene.modal_focus]
    click(app, buttons[0])  # "End turn" in the dialog
    assert local.world.turn == 2
    assert local.world.groups["highlanders"].grievance > before
    report, seat = after.calls[-1]
    assert report is not None and report.turn == 1 and seat == SEAT


def test_end_turn_through_the_real_flow_opens_the_report():
    app, local, scene = start()
    answer_the_card(app, scene)
    for o in (Order(actor=SEAT, action="invest"), Order(actor=SEAT, action="reform")):
        press(app, scene, scene.action_buttons[o])
    click(app, find_button(app, "End turn"))  # no points left, nothing waits: no question
    assert local.world.turn == 2
    assert type(app.scene).__name__ == "ReportScene"


def test_keyboard_tab_to_an_action_and_enter_drafts_it():
    app, local, scene = start()
    target = Order(actor=SEAT, action="repress", target="highlanders")
    for _ in range(60):
        key(app, pygame.K_TAB)
        if scene.focus_key == f"order:{'|'.join(str(x) for x in target.key())}":
            break
    else:
        pytest.fail("Tab never reached the repress order")
    focused = scene.focused()
    assert focused is not None and focused.element is scene.action_buttons[target]
    # The focused widget is scrolled into the panel's view and ringed.
    assert scene.lay.content.contains(focused.element.rect) or scene.lay.content.colliderect(
        focused.element.rect
    )
    assert scene._ring is not None and scene._ring.alive()
    key(app, pygame.K_RETURN)
    assert target in local.draft(SEAT)


def test_shift_tab_goes_back():
    app, _local, scene = start()
    key(app, pygame.K_TAB)
    first = scene.focus_key
    key(app, pygame.K_TAB)
    key(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    assert scene.focus_key == first


def test_e_ends_the_turn(after):
    app, local, scene = start()
    answer_the_card(app, scene)
    for o in (Order(actor=SEAT, action="invest"), Order(actor=SEAT, action="reform")):
        press(app, scene, scene.action_buttons[o])
    key(app, pygame.K_e)
    assert local.world.turn == 2
    assert after.calls


def test_enter_with_nothing_focused_ends_the_turn_after_confirming(after):
    app, local, scene = start()
    key(app, pygame.K_RETURN)
    assert scene.modal == "confirm"
    key(app, pygame.K_RETURN)  # the dialog's first button: End turn
    assert local.world.turn == 2


def test_points_nothing_can_buy_are_not_asked_about(after):
    """Played as the pandemic's WHA: its budget spent and its appeal for a mandate tabled, the
    Actions tab said "Nothing to do this turn", yet ending the turn asked "You still have 2 action
    points to spend. End the turn anyway?". Points nothing can buy end the turn at once (here
    the appeal given, and no budget to build capacity); points something can still buy are
    asked about, as before."""
    world = new_world(load_scenario(ROOT / "scenarios" / "pandemic.json"), 1).clone()
    wha = world.actors["wha"]
    wha.budget = 0.0
    local = LocalMatch.resume(world, humans=["wha"])
    app = make_app((1280, 720))
    scene = MatchScene(app, local, "wha")
    app.push(scene)
    frames(app)
    # no card waits on this seed; the one order that costs a point: the appeal
    assert not [o for o in local.legal("wha") if o.action in ("choose", "vote")]
    (appeal,) = [o for o in local.legal("wha") if o.action == "propose"]
    key(app, pygame.K_1)
    press(app, scene, scene.action_buttons[appeal])
    assert local.points_left("wha") == 1
    # every order that costs a point is given: the one left buys nothing
    assert [o for o in local.legal("wha") if o.action not in ("choose", "vote")] == [appeal]
    assert local.draft("wha") == [appeal]
    key(app, pygame.K_e)
    assert scene.modal is None and local.world.turn == 2
    # the same seat with a budget: building capacity still costs a point it has
    world = new_world(load_scenario(ROOT / "scenarios" / "pandemic.json"), 1)
    local = LocalMatch.resume(world, humans=["wha"])
    scene = MatchScene(app, local, "wha")
    app.push(scene)
    frames(app)
    assert local.add(appeal) is None
    key(app, pygame.K_e)
    assert scene.modal == "confirm" and local.world.turn == 1


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_order_that_would_undo_another_is_not_taken(lang: str) -> None:
    """Played as Karsk: a click meant for "Invest" landed on "Disarm" with "Arm" already given,
    and both stood in the turn's orders, two points spent on nothing. The screen says why and
    leaves the draft as it was; another group's autonomy beside a repression is taken."""
    world = new_world(load_scenario(ROOT / "scenarios" / "sandbox.json"), 1)
    local = LocalMatch.resume(world, humans=["karsk"])
    app = make_app((1280, 720), language=lang)
    scene = MatchScene(app, local, "karsk")
    app.push(scene)
    frames(app)
    key(app, pygame.K_1)
    arm, disarm = Order(actor="karsk", action="arm"), Order(actor="karsk", action="disarm")
    press(app, scene, scene.action_buttons[arm])
    press(app, scene, scene.action_buttons[disarm])
    assert local.draft("karsk") == [arm]
    words = {
        "en": "it would undo your order “Arm”, two points spent on nothing",
        "es": "desharía tu orden «Armarse», dos puntos gastados en nada",
    }[lang]
    assert scene.notice is not None and scene.notice[1] == "bad" and words in scene.notice[0]
    repress = Order(actor="karsk", action="repress", target="veshi")
    other = Order(actor="karsk", action="grant_autonomy", target="severi")
    press(app, scene, scene.action_buttons[repress])
    press(app, scene, scene.action_buttons[other])
    assert local.draft("karsk") == [arm, repress, other]


def test_escape_opens_the_menu_and_resume_closes_it():
    app, _local, scene = start()
    key(app, pygame.K_ESCAPE)
    assert scene.modal == "menu"
    click(app, find_button(app, "Resume"))
    assert scene.modal is None


def test_save_from_the_menu(monkeypatch, tmp_path):
    import game.paths

    monkeypatch.setattr(game.paths, "saves_dir", lambda: tmp_path)
    app, _local, scene = start()
    key(app, pygame.K_ESCAPE)
    click(app, find_button(app, "Save"))
    saved = tmp_path / "mini-turn1.json"
    assert saved.is_file()
    assert json.loads(saved.read_text())["turn"] == 1
    assert scene.modal == "message" and str(saved) in scene.modal_text


def test_a_failed_save_says_why(monkeypatch, tmp_path):
    import game.paths

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(game.paths, "saves_dir", lambda: blocker / "saves")
    app, _local, scene = start()
    key(app, pygame.K_ESCAPE)
    click(app, find_button(app, "Save"))
    assert scene.modal == "message"
    assert "could not be saved" in scene.modal_text


def test_quit_to_the_main_menu():
    app, _local, _scene = start()
    key(app, pygame.K_ESCAPE)
    click(app, find_button(app, "Quit to main menu"))
    assert type(app.scene).__name__ == "MainMenu"


def test_hovering_a_region_names_it():
    app, local, scene = start()
    lowland = local.world.regions["castria_lowland"]
    xs = [p[0] for p in lowland.polygon]
    ys = [p[1] for p in lowland.polygon]
    pos = scene.map.to_screen((sum(xs) / len(xs), sum(ys) / len(ys)))
    app.frame(
        0.0, events=[pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0))]
    )
    assert scene.map.hovered == "castria_lowland"
    tip = scene.map_hotspot.tool_tip_text
    assert "Castrian Lowland" in tip and "Castria" in tip and "Castrians" in tip


def test_tabs_switch_with_number_keys():
    app, _local, scene = start()
    key(app, pygame.K_3)
    assert scene.tab == "actor"
    key(app, pygame.K_2)
    assert scene.tab == "cards"
    key(app, pygame.K_1)
    assert scene.tab == "actions"


def test_clicking_a_region_selects_it():
    app, local, scene = start()
    highlands = local.world.regions["castria_highlands"]
    xs = [p[0] for p in highlands.polygon]
    ys = [p[1] for p in highlands.polygon]
    centroid = (sum(xs) / len(xs), sum(ys) / len(ys))
    click_at(app, scene.map.to_screen(centroid))
    assert scene.map.selected == "castria_highlands"
    assert "Highlands" in scene.map.tooltip("castria_highlands")  # its label
    click_at(app, scene.map.rect.topleft)  # the sea
    assert scene.map.selected is None


def test_m_and_arrows_move_over_the_map_and_enter_shows_details():
    app, local, scene = start()
    key(app, pygame.K_m)
    assert scene.map.focused
    start_region = scene.map.selected
    assert start_region == "castria_lowland"  # the seat's most populous region
    key(app, pygame.K_RIGHT)
    assert scene.map.selected == "castria_highlands"
    key(app, pygame.K_UP)
    assert scene.map.selected == "borealia_coast"
    key(app, pygame.K_RETURN)
    assert scene.show_details
    assert local.world.turn == 1  # Enter on the map is not End turn


def test_every_figure_has_a_tooltip():
    app, _local, scene = start()
    tips = [e.tool_tip_text for e in scene.tipped if e.alive() and e.tool_tip_text]
    # Seven arrangements, the world's marker, four criteria, turn, seat, action points.
    assert sum("degree" in tip or "state" in tip.lower() for tip in tips) >= 7
    for crit in ("Peace", "Justice", "Pluralism", "Freedom"):
        assert any(tip.startswith(f"<b>{crit}") for tip in tips)
    assert any("Centralization" in tip for tip in tips)
    key(app, pygame.K_3)
    stats = [e.tool_tip_text for e in scene.tipped if e.alive() and e.tool_tip_text]
    assert any("Sovereignty still held" in tip for tip in stats)
    assert any("Your score" in tip for tip in stats)


def test_a_tooltip_appears_when_hovering_a_figure():
    app, _local, scene = start()
    spot = next(e for e in scene.tipped if "Centralization" in (e.tool_tip_text or ""))
    pos = spot.rect.center
    pygame.mouse.set_pos(pos)  # pygame_gui reads hover from the mouse, not from events
    try:
        app.frame(
            0.0,
            events=[pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))],
        )
        drawn = app.frames_drawn
        for _ in range(40):
            app.frame(1 / 60, events=[])
        assert spot.tool_tip is not None
        assert app.frames_drawn > drawn  # the tooltip's appearance was drawn
    finally:
        pygame.mouse.set_pos((0, 0))


def test_idle_frames_draw_nothing_and_the_map_is_cached():
    app, _local, scene = start()
    frames(app, 30)  # the app draws a few frames after input while widgets settle
    renders, drawn = scene.map.renders, app.frames_drawn
    frames(app, 30)
    assert app.frames_drawn == drawn
    # Moving the mouse redraws the screen, but the map picture is not rendered again.
    app.frame(
        0.0,
        events=[
            pygame.event.Event(pygame.MOUSEMOTION, pos=(200, 300), rel=(1, 1), buttons=(0, 0, 0))
        ],
    )
    assert scene.map.renders == renders
    assert scene.bar.renders == 1 and scene.criteria.renders == 1


def _inside(app, scene) -> list[str]:
    screen = pygame.Rect((0, 0), app.size)
    bad = []
    for el in app.manager.ui_group.sprites():
        if isinstance(el, pygame_gui.elements.UITooltip) or not el.visible:
            continue
        if el.rect.w and not screen.contains(el.rect):
            # A widget scrolled out of the side panel is clipped by it, not off the screen.
            if scene.scroll is not None and _in_scroll(el, scene.scroll):
                continue
            bad.append(f"{type(el).__name__} {el.rect}")
    return bad


def _in_scroll(el, scroll) -> bool:
    """Whether ``el`` is part of the scrolling panel, which clips everything inside it (its
    content, and the parts of a scroll bar it has folded away)."""
    target, c, seen = scroll._root_container, el, set()
    while c is not None and id(c) not in seen:  # the root container is its own container
        if c is target:
            return True
        seen.add(id(c))
        c = getattr(c, "ui_container", None)
    return False


def _text_fits(app) -> list[str]:
    """Buttons whose label is wider than the button (pygame_gui would cut it off)."""
    return [
        el.text
        for el in app.manager.ui_group.sprites()
        if isinstance(el, pygame_gui.elements.UIButton)
        and el.text
        and el.visible
        and el.font.size(el.text)[0] > el.rect.w
    ]


@pytest.mark.parametrize("size", [(1280, 720), (1600, 900)])
@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("language", ["en", "es"])
def test_layout_fits_the_window(size, scale, language):
    app, _local, scene = start(size, ui_scale=scale, language=language)
    for tab in ("1", "2", "3"):
        key(app, getattr(pygame, f"K_{tab}"))
        assert _inside(app, scene) == []
        assert _text_fits(app) == []
    # Nothing overlaps: the map, the side panel, the bar and the criteria tile the screen.
    lay = scene.lay
    parts = [lay.header, lay.bar, lay.map, lay.side, lay.criteria, lay.footer]
    for i, a in enumerate(parts):
        for b in parts[i + 1 :]:
            assert not a.colliderect(b), (a, b)
    # The menu and the end-of-turn question fit too.
    key(app, pygame.K_ESCAPE)
    assert scene.modal == "menu"
    assert _inside(app, scene) == [] and _text_fits(app) == []
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_e)
    assert scene.modal == "confirm"
    assert _inside(app, scene) == [] and _text_fits(app) == []


def test_spanish_has_every_string(monkeypatch):
    en: dict[str, str] = {}
    # Every file is loaded, so a key may live in any of them (a part's own file too).
    for name in sorted(p.name for p in (ROOT / "assets/i18n/en").glob("*.json")):
        en_part = json.loads((ROOT / "assets/i18n/en" / name).read_text(encoding="utf-8"))
        es_part = json.loads((ROOT / "assets/i18n/es" / name).read_text(encoding="utf-8"))
        assert sorted(en_part) == sorted(es_part), name
        for k, v in en_part.items():
            assert set(re.findall(r"{(\w+)}", v)) == set(re.findall(r"{(\w+)}", es_part[k])), k
        en |= en_part
    # Every literal key the screen asks for exists.
    sources = [
        *(ROOT / "game/ui/scenes").glob("match*.py"),
        *(ROOT / "game/ui/widgets").glob("*.py"),
    ]
    used = set()
    for src in sources:
        used |= set(
            re.findall(r"""tn?\(\s*["']((?:match|panel)\.[a-z0-9_.]+)["']""", src.read_text())
        )
    missing = {
        k for k in used if k not in en and f"{k}.other" not in en
    }  # plural keys: .one/.other
    assert used and not missing, sorted(missing)


def test_spanish_screen_builds():
    app, _local, scene = start(language="es")
    assert find_button(app, "Terminar turno")
    key(app, pygame.K_3)
    key(app, pygame.K_2)
    assert _inside(app, scene) == []


def test_public_view_next_turn_plays_an_ai_turn(after):
    app, local, scene = start(seat=None)
    click(app, find_button(app, "Next turn"))
    assert local.world.turn == 2
    assert after.calls[-1][1] is None
    assert scene.tabs == ("world", "log")


def test_the_view_hides_other_seats_cards():
    _app, local, scene = start()
    assert all(h.actor == SEAT for h in scene.view.hand)
    assert any(h.actor != SEAT for h in local.world.hand)


def test_new_settings_redraw_the_pictures():
    app, _local, scene = start()
    renders = scene.map.renders
    app.apply_settings(app.settings.model_copy(update={"palette": "colorblind", "ui_scale": 150}))
    frames(app, 2)
    assert scene.map.renders > renders
    assert scene.lay.header.h == app.s(32)
    assert app.scene is scene and scene.tab_buttons["actions"].alive()


@pytest.mark.parametrize("scale,language", [(100, "en"), (200, "es")])
def test_choosing_an_option_moves_no_button_under_the_pointer(scale, language):
    app, local, scene = start(ui_scale=scale, language=language, actions=False)
    assert scene.tab == "cards"  # a card waits: the screen opens on it
    buttons = [scene.option_buttons[("hand_2", o)] for o in ("autonomy", "crack_down")]
    press(app, scene, buttons[1])
    target = scene.option_buttons[("hand_2", "autonomy")]
    scene.reveal(target)
    frames(app, 30)
    before = [pygame.Rect(b.rect) for b in scene.option_buttons.values()]
    click(app, target)  # no scrolling in between: the pointer stays where it was
    frames(app, 30)
    assert [o.option for o in local.draft(SEAT)] == ["autonomy"]
    after = [pygame.Rect(b.rect) for b in scene.option_buttons.values()]
    assert after == before


def test_counts_show_what_still_waits_and_end_turn_asks_about_it(after):
    app, local, scene = start(actions=False)
    assert scene.tab_buttons["cards"].text == "Cards (1)"
    click(app, find_button(app, "End turn"))
    assert scene.modal == "confirm"
    # The question names the card and what would be chosen by default.
    assert "Unrest in the highlands" in scene.modal_text or "“" in scene.modal_text
    assert "chosen for you" in scene.modal_text
    key(app, pygame.K_ESCAPE)
    press(app, scene, scene.option_buttons[("hand_2", "autonomy")])
    assert scene.tab_buttons["cards"].text == "Cards"  # nothing waits now
    assert local.world.turn == 1


def test_a_vote_in_your_orders_says_which_way():
    from game.ui.scenes.match_words import order_sentence

    local = LocalMatch.start(load_scenario(ROOT / "scenarios/kosovo.json"), ["servia"], seed=1)
    for _ in range(3):
        local.resolve()
    votes = [o for o in local.legal("servia") if o.action == "vote"]
    assert votes, "kosovo's turn 4 has a resolution to vote on"
    words = {o.option: order_sentence(local.world, o) for o in votes}
    assert words["yes"].startswith("Vote yes in") and words["no"].startswith("Vote no in")
    assert words["abstain"].startswith("Abstain in")


def test_the_mission_and_its_goals_lead_the_actions_tab():
    _app, _local, scene = start()
    rows = [r.key for r in scene.panel.lists["actions"].rows]
    assert rows[0] == "grp:mission"
    goals = [r for r in rows if r.startswith("mission:goal:")]
    assert goals and rows.index(goals[0]) < rows.index("draft:head")
    texts = [s.text for r in scene.panel.lists["actions"].rows for s in r.texts]
    assert not any(t.startswith("met ") for t in texts)  # turn 1: goals hold, none is met yet


def test_the_mouse_wheel_scrolls_the_actions_list():
    app, _local, scene = start(ui_scale=200)
    rl = scene.panel.lists["actions"]
    c = scene.lay.content
    for pos in [(c.x + 30, c.y + 40), (c.centerx, c.centery), (c.right - 40, c.bottom - 20)]:
        rl.scroll_to(0)
        hover(app, pos)
        wheel = pygame.event.Event(
            pygame.MOUSEWHEEL, x=0, y=-1, flipped=False, precise_x=0.0, precise_y=-1.0
        )
        for _ in range(3):
            app.frame(1 / 60, events=[wheel])
        frames(app, 30)
        assert rl.top > 0, pos
    pygame.mouse.set_pos((0, 0))


def test_groups_fold_and_unfold():
    app, _local, scene = start()
    rl = scene.panel.lists["actions"]
    kind = scene.panel.group_kinds[0]
    inside = [r for r in rl.rows if r.group == kind]
    assert inside and all(r.visible for r in inside)
    head = rl.get(f"grp:{kind}").focus[0].element
    press(app, scene, head)
    assert not any(r.visible for r in rl.rows if r.group == kind)
    assert all(not e.visible for r in inside for e, _, _ in r.elements)
    press(app, scene, rl.get(f"grp:{kind}").focus[0].element)
    assert all(r.visible for r in rl.rows if r.group == kind)


def test_a_group_folded_with_the_list_scrolled_keeps_its_title():
    """Folding a group from far down the list drew its header blank but for the arrow: the
    arrow was drawn on the picture as the scrolled list had clipped it, not on the whole."""
    app, _local, scene = start()
    rl = scene.panel.lists["actions"]
    kind = scene.panel.group_kinds[-1]
    rl.scroll_to(10_000)
    frames(app)
    assert rl.top > 0
    press(app, scene, rl.get(f"grp:{kind}").focus[0].element)
    assert not any(r.visible for r in rl.rows if r.group == kind)
    button = rl.get(f"grp:{kind}").focus[0].element
    scene.reveal(button)
    pygame.mouse.set_pos((0, 0))  # no hover: the button's plain colour behind its title
    frames(app)
    left = button.rect.copy()
    left.width //= 2  # the title's half (the arrow is at the right)
    assert app.screen.get_rect().contains(left)
    colours = {
        tuple(app.screen.get_at((x, y)))
        for x in range(left.left, left.right)
        for y in range(left.top, left.bottom)
    }
    assert len(colours) > 8, colours  # the title's letters, not a blank bar


def test_the_mission_box_counts_a_lost_goal_as_lost_not_open():
    """Played as Servia: once its sovereignty is gone, the goal line says "lost" and the box's
    summary counts it as lost (it used to add it to the open goals)."""
    app = make_app()
    local = LocalMatch.start(load_scenario(ROOT / "scenarios/kosovo.json"), ["servia"], seed=1)
    local.world.actors["servia"].sovereignty = 5
    scene = MatchScene(app, local, "servia")
    app.push(scene)
    frames(app)
    key(app, pygame.K_1)
    rows = {r.key: [s.text for s in r.texts] for r in scene.panel.lists["actions"].rows}
    goal_lines = [" ".join(v) for k, v in rows.items() if k.startswith("mission:goal:")]
    lost = sum(1 for g in goal_lines if " lost " in f" {g} ")
    opened = sum(1 for g in goal_lines if " open " in f" {g} ")
    assert lost == 1, goal_lines
    head = " ".join(rows["grp:mission"])
    assert f"open: {opened}" in head and "lost: 1" in head, head


@pytest.mark.parametrize("scale", [100, 200])
def test_a_long_mission_title_never_runs_under_its_fold_arrow(scale):
    """The Tava Fever's "Chairman of the Kordavan Council" ran under the mission box's fold
    arrow at 100 %: every header that folds keeps the arrow's room free of its title."""
    app = make_app(ui_scale=scale)
    local = LocalMatch.start(load_scenario(ROOT / "scenarios/pandemic.json"), ["kordava"], 1)
    scene = MatchScene(app, local, "kordava")
    app.push(scene)
    frames(app)
    key(app, pygame.K_1)
    s = scene.panel.s
    heads = [r for r in scene.panel.lists["actions"].rows if r.key.startswith("grp:")]
    assert heads and heads[0].key == "grp:mission"
    for row in heads:
        width = row.elements[-1][0].image.get_width()
        arrow_left = width - s(14) - s(9) // 2
        for span in row.texts[:1]:
            right = span.rect.x + span.font.size(span.text)[0]
            assert right < arrow_left, (row.key, span.text, right, arrow_left)


def actor_tab(
    seat: str,
    before: Callable[[LocalMatch], None] = lambda local: None,
    tab: str = "actor",
    **settings: object,
) -> list[str]:
    """The texts of kosovo's Actor tab (or ``tab``: "actions") for ``seat``, after ``before``
    touched the match; ``settings`` as the player's (``language``)."""
    app = make_app(**settings)
    local = LocalMatch.start(load_scenario(ROOT / "scenarios/kosovo.json"), [seat], seed=1)
    before(local)
    scene = MatchScene(app, local, seat)
    app.push(scene)
    frames(app)
    key(app, pygame.K_3 if tab == "actor" else pygame.K_1)
    return [s.text for r in scene.panel.lists[tab].rows for s in r.texts]


def test_the_actor_tab_says_sanctions_run_for_so_many_turns():
    """ "Under sanctions: 1 left" left the player to guess one what: it says turns."""

    def sanction(local: LocalMatch) -> None:
        local.world.actors["servia"].sanctioned = 2

    texts = actor_tab("servia", sanction)
    at = texts.index("Under sanctions")
    assert "2 turns left" in texts[at : at + 3], texts[at : at + 3]


def test_the_actor_tab_says_how_far_recruiting_can_take_an_ngo():
    """An NGO's volunteers with the line recruiting stops at: 2 % of the people where it works
    (kosovo's Rights Watch: 18 thousand, at most 5,803)."""
    texts = actor_tab("rights_watch")
    at = texts.index("Volunteers")
    assert "18 thousand (recruiting reaches at most 5,803)" in texts[at : at + 3], texts
    texts = actor_tab("rights_watch", language="es")  # digits grouped as Spanish writes them
    at = texts.index("Voluntarios")
    assert "18 mil (reclutando llega a 5803 como mucho)" in texts[at : at + 3], texts


def test_a_long_figure_in_the_actor_tab_wraps_instead_of_running_off_the_panel():
    """An NGO working in all seven of the pandemic's states, at 200 % in Spanish: its list of
    states ran past the panel's edge ("…Vastia, Repúbl"); it wraps onto more lines."""
    app = make_app(ui_scale=200, language="es")
    local = LocalMatch.start(load_scenario(ROOT / "scenarios/pandemic.json"), ["field_medics"], 1)
    medics = local.world.actors["field_medics"]
    medics.reach = [s.id for s in local.world.states()]
    scene = MatchScene(app, local, "field_medics")
    app.push(scene)
    frames(app)
    key(app, pygame.K_3)
    rl = scene.panel.lists["actor"]
    spans = [(r, sp) for r in rl.rows for sp in r.texts if r.key == "fig:reach"]
    assert len(spans) > 2  # the label and the value's lines
    width = scene.panel.width
    for _row, sp in spans:
        assert sp.rect.x + sp.font.size(sp.text)[0] <= width, sp.text
    shown = " ".join(sp.text for _, sp in spans[1:])
    assert shown == ", ".join(i18n_name(scene.view.actors[s]) for s in medics.reach)


@pytest.mark.parametrize("volunteers", [18, 5803])
def test_recruit_says_when_it_can_only_earn_credibility(volunteers: int):
    """At the line of the people it reaches (kosovo's Rights Watch: 5,803 thousand), Recruit
    says it earns credibility only and how to grow; below it, the quarter more."""

    def staff(local: LocalMatch) -> None:
        local.world.actors["rights_watch"].volunteers = volunteers

    text = " ".join(actor_tab("rights_watch", staff, tab="actions"))
    full = "Credibility +2 only: your volunteers have reached 2% of the people where you work"
    assert (full in text) == (volunteers == 5803)
    assert ("Volunteers +25%" in text) == (volunteers != 5803)
    if volunteers == 5803:
        assert "(5,803 thousand); open an office to grow." in text


def test_a_loan_to_a_state_in_a_panic_is_listed_with_the_crises():
    """The Monetary Fund's goal is that no financial panic is left, and a loan is what calms one;
    Lend to the panicked Suvarna sat among eight loans "Abroad", told apart by nothing."""
    app = make_app()
    local = LocalMatch.start(
        load_scenario(ROOT / "scenarios/financial.json"), ["monetary_fund"], seed=1997
    )
    scene = MatchScene(app, local, "monetary_fund")
    app.push(scene)
    frames(app)
    key(app, pygame.K_1)
    rows = scene.panel.lists["actions"].rows
    texts = {g: [" ".join(s.text for s in r.texts) for r in rows if r.group == g] for g in
             ("crises", "abroad")}  # fmt: skip
    panic = local.world.crises["baht_panic"].severity
    assert any(
        "Kingdom of Suvarna" in x and f"financial panic {panic:.0f}" in x for x in texts["crises"]
    ), texts["crises"]
    assert not any("Kingdom of Suvarna" in x for x in texts["abroad"])
    assert any("Atlantic Republic" in x and "wealth" in x for x in texts["abroad"])
    assert scene.panel.group_kinds[0] == "crises"
    # the panic is the state's, named by it (its workers are who pay for it)
    assert crisis_text(local.world, local.world.crises["baht_panic"]) == (
        "financial panic in the Kingdom of Suvarna"
    )


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "en",
            [
                "OUT OF REACH THIS TURN",
                "Lend: needs budget 8; you have 7",
            ],
        ),
        (
            "es",
            [
                "FUERA DE ALCANCE ESTE TURNO",
                "Prestar: necesita presupuesto 8; tienes 7",
            ],
        ),
    ],
)
def test_an_action_gone_for_want_of_budget_says_what_it_needs(
    language: str, lines: list[str]
) -> None:
    """The Monetary Fund's Lend left its list, with nothing to say why, once its budget fell under
    a loan's 8 (financial, seed 1, the baseline on every seat: budget 7.07 on turn 3). The Actions
    tab ends with what the seat would have with more wealth or budget, and what each needs; on
    turn 1 (budget 32), nothing."""
    scenario = load_scenario(ROOT / "scenarios/financial.json")
    world = LocalMatch.start(scenario, [], seed=1).world
    for turn in (1, 3):
        while world.turn < turn:
            world = advance(world, ai_orders(world))
        app = make_app(language=language)
        scene = MatchScene(app, LocalMatch.resume(world, ["monetary_fund"]), "monetary_fund")
        app.push(scene)
        frames(app)
        key(app, pygame.K_1)
        texts = [" ".join(s.text for s in r.texts) for r in scene.panel.lists["actions"].rows]
        texts = [x for x in texts if x]
        if turn == 1:
            assert lines[0] not in texts and lines[1] not in texts
        else:
            assert texts[-2:] == lines, texts[-5:]


def _legend_over(name: str, size: tuple[int, int]) -> tuple[pygame.Rect, pygame.Rect, set[str]]:
    """The map's rect, its legend's rect, and the states whose land lies under the legend (a
    point every 3 pixels), on the first turn of ``name``."""
    app = make_app(size)
    scenario = load_scenario(ROOT / "scenarios" / f"{name}.json")
    seat = scenario.rules().seats[0]
    local = LocalMatch.start(scenario, [seat], seed=1)
    scene = MatchScene(app, local, seat)
    app.push(scene)
    frames(app)
    m, r = scene.map, scene.map.legend_rect
    points = [(x, y) for x in range(r.left, r.right, 3) for y in range(r.top, r.bottom, 3)]
    under = {m.world.regions[rid].owner for p in points if (rid := m.region_at(p))}
    return m.rect, r, under


def test_the_map_legend_hides_no_small_state_at_the_corner():
    """Khmeria's map put the legend over the Atlantic Republic's one small region at the bottom
    right; it goes to the corner with the least land under it (the bottom right where it is sea)."""
    for size in ((1280, 720), (1600, 900)):
        _, legend, under = _legend_over("cambodia", size)
        assert legend.w > 0 and "atlantica" not in under, (size, under)
    area, legend, under = _legend_over("sandbox", (1280, 720))
    assert not under and legend.bottom > area.centery and legend.right > area.centerx


def _badges(scenario_path: Path, seat: str) -> dict[str, bool]:
    """The regions where the map shows a crisis badge (its red dot drawn at the spot)."""
    app = make_app((1280, 720))
    local = LocalMatch.start(load_scenario(scenario_path), [seat], seed=1)
    scene = MatchScene(app, local, seat)
    app.push(scene)
    frames(app)
    m = scene.map
    side = app.s(5)  # left of the badge's centre, where its "!" is not
    return {
        rid: tuple(app.screen.get_at((m.rect.x + x - side, m.rect.y + y)))[:3] == app.palette.bad
        for rid, (x, y) in m.crisis_at.items()
    }


def test_a_crisis_shows_in_the_region_its_scenario_names(tmp_path: Path):
    """The pandemic's fever broke out in the Tava Valley, as its first card says: the map shows
    it there, not at Kordava's capital. A region its state does not hold is not where it shows
    (validate warns of it): the map falls back to the state's capital."""
    shown = _badges(ROOT / "scenarios" / "pandemic.json", "kordava")
    assert [rid for rid, red in shown.items() if red] == ["tava_valley"]

    doc = json.loads((ROOT / "scenarios" / "pandemic.json").read_text(encoding="utf-8"))
    doc["crises"][0]["region"] = "sudra"  # Sudra's own region: not Kordava's
    shutil.copytree(ROOT / "scenarios" / "pandemic", tmp_path / "pandemic")  # its cards
    path = tmp_path / "pandemic.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    shown = _badges(path, "kordava")
    assert [rid for rid, red in shown.items() if red] == ["kordava_core"]


def test_every_action_tip_says_the_points_left_after_a_click():
    """Played as Ruanda: after one order, an action's tip still said "you have 2 left" (a tip
    was written when its row was built, and a click rebuilds only the rows it touched)."""
    app, _, scene = start()
    repress = Order(actor=SEAT, action="repress", target="highlanders")
    others = [o for o in scene.action_buttons if o.action not in ("repress", "vote", "choose")]
    assert others

    def tips() -> set[str]:
        return {scene.action_buttons[o].tool_tip_text.rpartition("<br><br>")[2] for o in others}

    assert tips() == {"Costs 1 action point; you have 2 left."}
    press(app, scene, scene.action_buttons[repress])
    assert scene.points_left == 1
    assert tips() == {"Costs 1 action point; you have 1 left."}
    press(app, scene, scene.action_buttons[repress])  # taken back
    assert tips() == {"Costs 1 action point; you have 2 left."}


def test_the_actor_tab_says_the_points_left_after_an_order():
    """Played as Ruanda: with one order given, the Actor tab still said "Puntos de acción 2 de
    2" while the footer said "quedan 1 de 2" (the tab, built before, kept its rows)."""
    app, _, scene = start()
    key(app, pygame.K_3)
    frames(app)

    def points() -> list[str]:
        return [s.text for s in scene.panel.lists["actor"].get("actor:points").texts]

    assert "2 of 2" in points()
    key(app, pygame.K_1)
    frames(app)
    press(app, scene, scene.action_buttons[Order(actor=SEAT, action="invest")])
    key(app, pygame.K_3)
    frames(app)
    assert scene.points_left == 1 and "1 of 2" in points(), points()


def test_a_tip_closes_with_its_tab():
    """Played as Ruanda: a goal's tip stayed up after the Actor tab was opened with the key,
    the pointer not moved, and the Actor tab's own tip came up over it (two tips at once)."""
    app, _, scene = start()
    goal = scene.panel.lists["actions"].get("mission:goal:0").elements[0][0]
    hover(app, goal.rect.center, frames=40)

    def tips() -> list:
        return [
            e for e in app.manager.get_sprite_group().sprites() if type(e).__name__ == "UITooltip"
        ]

    assert len(tips()) == 1
    key(app, pygame.K_3)
    frames(app, 40)  # the pointer rests on the Actor tab's rows: one of them may show its tip
    shown = tips()
    assert len(shown) <= 1 and goal.tool_tip is None and goal.tool_tip not in shown


def test_a_goal_tip_says_each_figure_it_tests_and_its_line(tmp_path: Path):
    """Played as Ruanda: "Ruanda keeps most of its sovereignty: lost +10", and nothing said the
    line was 65 and Ruanda stood at 64. A goal's tip now says each figure it tests."""
    from game.ui.i18n import set_language
    from game.ui.scenes.match_pending import goal_states

    _, local, scene = start()
    tip = scene.panel.lists["actions"].get("mission:goal:0").elements[0][0].tool_tip_text
    states = goal_states(scene.view, SEAT)
    assert states[0].figures and all(f in tip for f in states[0].figures)
    world = load_scenario(ROOT / "scenarios" / "rwanda.json")
    local = LocalMatch.start(world, ["ruanda"], seed=1)
    sovereignty = local.world.actors["ruanda"].sovereignty
    lines = [g.figures for g in goal_states(local.world, "ruanda")]
    assert lines == [
        (),
        (f"Sovereignty of the Republic of Ruanda: {sovereignty:.1f} (65 or more)",),
        (),
    ]
    kosovo = LocalMatch.start(load_scenario(ROOT / "scenarios" / "kosovo.json"), [], 1).world
    said = goal_states(kosovo, "arberia")[0].figures
    assert said[0].startswith("Security of the Kosovar Albanians: "), said  # as the report says
    set_language("es")
    try:
        assert (
            goal_states(kosovo, "arberia")[0]
            .figures[0]
            .startswith("Seguridad de los albanokosovares: ")
        )
        compact = LocalMatch.start(
            load_scenario(ROOT / "scenarios" / "sandbox.json"), ["coastal_compact"], 1
        )
        said = [f for g in goal_states(compact.world, "coastal_compact") for f in g.figures]
        assert said[0].startswith("Profundidad del Pacto Costero: "), said  # not "de el"
        assert said[0].endswith(" (40 o más)"), said
    finally:
        set_language("en")


def test_the_debrief_says_how_far_a_missed_goal_ended_from_its_line():
    """A missed goal on a figure says where the figure ended and its line, in the debrief, its
    Markdown handout alike; a goal met says nothing more."""
    from game.engine.scoring import score
    from game.report.debrief import debrief_markdown, score_rows

    world = LocalMatch.start(load_scenario(ROOT / "scenarios" / "rwanda.json"), [], 1).world
    actors = dict(world.actors)
    ruanda = actors["ruanda"].model_copy(update={"sovereignty": 64.3})
    world = world.model_copy(update={"actors": {**actors, "ruanda": ruanda}, "ended": True})
    assert [g.met for g in score(world, "ruanda").goals][1] is False
    row = next(r for r in score_rows(world) if r.actor == "ruanda")
    missed = row.goals[1]
    assert missed.figures == ("Sovereignty of the Republic of Ruanda: 64.3 (65 or more)",)
    assert all(not g.figures for g in row.goals if g.met)
    said = "not met: Ruanda keeps most of its sovereignty. (+10); " + missed.figures[0]
    assert said in debrief_markdown(world, [])


def test_two_regions_whose_short_names_match_keep_their_whole_names():
    """Khmeria's map read "Annam" on both of Annam's regions: a label drops its parenthesis
    only where no other region would then read the same."""
    from game.ui.widgets.mapview import label_names

    names = label_names(
        LocalMatch.start(load_scenario(ROOT / "scenarios" / "cambodia.json"), [], 1).world
    )
    assert names["annam_north"] == "Annam (North)"
    assert names["annam_south"] == "Annam (South and the Delta)"
    assert names["sovetia_far_east"] == "Sovetia"  # the one Sovetia on the map
    kosovo = LocalMatch.start(load_scenario(ROOT / "scenarios" / "kosovo.json"), [], 1).world
    shown = label_names(kosovo)
    assert len(set(shown.values())) == len(shown)  # every label its own
    assert any(n != i18n_name(kosovo.regions[r]) for r, n in shown.items())  # some shortened
