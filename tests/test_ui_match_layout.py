"""The match screen's layout at 100, 150 and 200 % in English and Spanish: every line of text
the side panel draws fits the box it was given and cuts no word, no two widgets of the panel
overlap, every button's label fits, and the figure tooltips stay off the panel and header."""

from __future__ import annotations

import pygame
import pygame_gui
import pytest

from game.content import find_scenario, load_scenario
from game.session.local import LocalMatch
from game.ui.scenes.match import MatchScene
from game.ui.widgets.gui_pieces import Backdrop, Hotspot
from game.ui.widgets.text_fit import ELLIPSIS
from tests.uikit import frames, hover, key, make_app

SCALES = [100, 150, 200]
LANGUAGES = ["en", "es"]


def kosovo_turn_4(seat: str | None = "servia", **settings):
    """Kosovo on turn 4, where a vote waits for Servia: every kind of row is on screen."""
    local = LocalMatch.start(load_scenario(find_scenario("kosovo")), [], seed=1)
    for _ in range(3):
        local.resolve()
    app = make_app(**settings)
    scene = MatchScene(app, local, seat)
    app.push(scene)
    frames(app, 2)
    return app, local, scene


def text_problems(scene: MatchScene) -> list[str]:
    """Lines wider than their box, and lines cut at an ellipsis with no tooltip to read them."""
    bad = []
    for tab, rl in scene.panel.lists.items():
        for row in rl.rows:
            tipped = any(getattr(e, "tool_tip_text", None) for e, _, _ in row.elements)
            for span in row.texts:
                width = span.font.size(span.text)[0]
                if width > span.rect.w:
                    bad.append(f"{tab}/{row.key}: {span.text!r} is {width} px in {span.rect.w}")
                if span.text.endswith(ELLIPSIS) and not tipped:
                    bad.append(f"{tab}/{row.key}: {span.text!r} is cut with no tooltip")
            # Lines of one row never overlap each other.
            boxes = [
                (pygame.Rect(s.rect.x, s.rect.y, s.font.size(s.text)[0], s.font.get_linesize()), s)
                for s in row.texts
                if s.text
            ]
            for i, (a, sa) in enumerate(boxes):
                for b, sb in boxes[i + 1 :]:
                    if a.colliderect(b):
                        bad.append(f"{tab}/{row.key}: {sa.text!r} overlaps {sb.text!r}")
    return bad


def single_letter_lines(scene: MatchScene) -> list[str]:
    """A name broken one letter per line (what 200 % did to group names)."""
    return [
        f"{row.key}: {span.text!r}"
        for rl in scene.panel.lists.values()
        for row in rl.rows
        for span in row.texts
        if len(span.text.strip()) == 1 and span.text.strip().isalpha()
    ]


def overlaps(scene: MatchScene) -> list[str]:
    """Widgets of the shown list that overlap (a picture laid exactly over its button is one
    widget), and widgets that stick out of their row."""
    rl = scene.panel.lists[scene.tab]
    bad = []
    placed = []
    for row in rl.rows:
        if not row.visible:
            continue
        for e, _, _ in row.elements:
            r = pygame.Rect(e.relative_rect)
            if r.top < row.y or r.bottom > row.y + row.height:
                bad.append(
                    f"{row.key}: {type(e).__name__} {r} outside its row ({row.y}+{row.height})"
                )
            placed.append((row.key, e, r))
    for i, (ka, ea, a) in enumerate(placed):
        for kb, eb, b in placed[i + 1 :]:
            if a == b or isinstance(ea, Backdrop) or isinstance(eb, Backdrop):
                continue
            if a.colliderect(b):
                bad.append(f"{ka} {type(ea).__name__} {a} overlaps {kb} {type(eb).__name__} {b}")
    return bad


def button_labels_fit(app) -> list[str]:
    return [
        el.text
        for el in app.manager.ui_group.sprites()
        if isinstance(el, pygame_gui.elements.UIButton)
        and el.text
        and el.visible
        and el.font.size(el.text)[0] > el.rect.w - 4
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scale", SCALES)
def test_the_side_panel_text_fits_and_nothing_overlaps(scale, language):
    app, _local, scene = kosovo_turn_4(ui_scale=scale, language=language)
    for k in (pygame.K_1, pygame.K_2, pygame.K_3):
        key(app, k)
        assert overlaps(scene) == []
    assert text_problems(scene) == []
    assert single_letter_lines(scene) == []
    assert button_labels_fit(app) == []
    # Folding every group changes nothing of that.
    key(app, pygame.K_1)
    for kind in [*scene.panel.group_kinds, "mission"]:
        scene.toggle_group(kind)
    frames(app, 2)
    assert overlaps(scene) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("scale", SCALES)
def test_the_public_view_fits(scale, language):
    app, _local, scene = kosovo_turn_4(seat=None, ui_scale=scale, language=language)
    for k in (pygame.K_1, pygame.K_2):
        key(app, k)
        assert overlaps(scene) == []
    assert text_problems(scene) == []
    assert button_labels_fit(app) == []
    # The footer's note stays inside the footer: the list above is not drawn over.
    foot = scene._render_footer()
    bounds = foot.get_bounding_rect()
    assert bounds.h <= scene.lay.footer.h


def test_the_check_catches_text_wider_than_its_box():
    _app, _local, scene = kosovo_turn_4()
    row = scene.panel.lists["actions"].rows[0]
    span = row.texts[0]
    span.rect.w = 3
    assert text_problems(scene)


@pytest.mark.parametrize("scale", [100, 200])
def test_figure_tooltips_open_over_the_map_not_the_panel(scale):
    app, _local, scene = kosovo_turn_4(ui_scale=scale)
    lay = scene.lay
    spots = [e for e in scene.tipped if isinstance(e, Hotspot) and lay.bar.contains(e.rect)]
    targets = [spots[0].rect.center, spots[-1].rect.center]  # the bar's first and last segment
    targets.append((lay.map.right - 10, lay.map.centery))  # the map, by the panel
    try:
        for pos in targets:
            hover(app, pos, frames=40)
            tips = [
                e
                for e in app.manager.ui_group.sprites()
                if isinstance(e, pygame_gui.elements.UITooltip)
            ]
            assert tips, f"no tooltip at {pos}"
            for tip in tips:
                assert not tip.rect.colliderect(lay.side), (pos, tip.rect)
                assert not tip.rect.colliderect(lay.header), (pos, tip.rect)
                assert not tip.rect.collidepoint(pos), (pos, tip.rect)
            hover(app, (lay.side.centerx, lay.footer.centery), frames=2)
    finally:
        pygame.mouse.set_pos((0, 0))


def test_a_tooltip_is_placed_off_the_box_it_must_not_hide():
    from game.ui.scenes.match_tips import place

    room = pygame.Rect(0, 100, 800, 500)
    anchor = pygame.Rect(390, 290, 20, 20)
    box = pygame.Rect(300, 310, 300, 200)  # a tutorial's box right under the pointer
    r = place((200, 100), anchor, room, [box])
    assert room.contains(r)
    assert not r.colliderect(box) and not r.colliderect(anchor)
    # Larger than the room: it starts at the room's corner, never above or left of it.
    big = place((900, 600), anchor, room, [])
    assert big.topleft == room.topleft
