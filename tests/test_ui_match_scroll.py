"""The side panel's scroll bar answers the mouse as any desktop list does: a click on an arrow
moves a line, a click on the track above or below the thumb a page. pygame_gui scrolls only
while an arrow is held and ignores the track, so a player who clicked them saw nothing move
(the tester at 200 % could reach Marisa's lower actions only by folding sections)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content import find_scenario, load_scenario
from game.session.local import LocalMatch
from game.ui.scenes.match import MatchScene
from tests.uikit import click_at, frames, make_app


@pytest.mark.parametrize(("size", "scale"), [((1280, 720), 100), ((2560, 1440), 200)])
def test_arrows_and_track_scroll_the_actions(
    sandbox: Path, size: tuple[int, int], scale: int
) -> None:
    local = LocalMatch.start(load_scenario(find_scenario("pandemic")), ["marisa"], seed=1)
    app = make_app(size, ui_scale=scale)
    scene = MatchScene(app, local, "marisa")
    app.push(scene)
    frames(app, 3)
    scene.set_tab("actions")
    frames(app, 3)
    rl = scene.panel.lists["actions"]
    bar = scene.scroll.vert_scroll_bar  # type: ignore[union-attr]
    assert rl.content_height > rl.rect.h and rl.top == 0  # a list longer than its view

    click_at(app, bar.bottom_button.rect.center)
    frames(app, 2)
    line = rl.top
    assert app.s(40) <= line < rl.rect.h // 2  # a line, not a page

    thumb = bar.sliding_button.rect
    click_at(app, (thumb.centerx, min(thumb.bottom + app.s(20), bar.bottom_button.rect.top - 2)))
    frames(app, 2)
    assert rl.top - line >= rl.rect.h // 2  # a page down

    before = rl.top
    thumb = bar.sliding_button.rect
    click_at(app, (thumb.centerx, max(thumb.top - app.s(10), bar.top_button.rect.bottom + 2)))
    frames(app, 2)
    assert before - rl.top >= rl.rect.h // 2  # a page up

    before = rl.top
    click_at(app, bar.top_button.rect.center)
    frames(app, 2)
    assert 0 < before - rl.top < rl.rect.h // 2  # a line up
