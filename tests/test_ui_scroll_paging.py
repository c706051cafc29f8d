"""A click on a text box's scroll bar track pages the text (game/ui/scroll_paging.py): the
debrief's scores at 200 %, clicked with the mouse as a player would, below the thumb, above it,
and on the thumb itself (which drags and does not page)."""

from __future__ import annotations

import pytest

from game.ui.scenes.debrief import DebriefScene
from tests.matches import finished_match
from tests.uikit import click, click_at, frames, make_app


@pytest.fixture(scope="module")
def debrief_bar():
    app = make_app(ui_scale=200)
    scene = DebriefScene(app, finished_match())
    app.push(scene)
    frames(app)
    click(app, scene.tab_buttons["scores"])  # at 1280 x 720 the charts have tabs of their own
    box = scene.text_box
    assert box is not None and box.scroll_bar is not None, "the scores must overflow at 200 %"
    return app, box


def test_a_click_below_the_thumb_pages_down_and_above_it_pages_back(debrief_bar) -> None:
    app, box = debrief_bar
    bar = box.scroll_bar
    page = bar.visible_percentage
    assert bar.start_percentage == 0.0
    old_bottom = bar.sliding_button.rect.bottom
    click_at(app, (bar.rect.centerx, old_bottom + 4))
    frames(app)
    assert bar.start_percentage == pytest.approx(page, abs=0.02)
    assert abs(bar.sliding_button.rect.top - old_bottom) <= 1  # a page: the thumb's own length
    click_at(app, (bar.rect.centerx, bar.sliding_button.rect.top - 4))
    frames(app)
    assert bar.start_percentage == pytest.approx(0.0, abs=0.02)


def test_a_click_on_the_thumb_or_an_arrow_does_not_page(debrief_bar) -> None:
    app, box = debrief_bar
    bar = box.scroll_bar
    bar.set_scroll_from_start_percentage(0.0)
    frames(app)
    click_at(app, bar.sliding_button.rect.center)
    frames(app)
    assert bar.start_percentage == pytest.approx(0.0, abs=0.02)
    click_at(app, bar.top_button.rect.center)
    frames(app)
    assert bar.start_percentage == pytest.approx(0.0, abs=0.02)
