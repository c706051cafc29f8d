"""At a large UI scale the debrief keeps most of the window for its parts: a one-line title and
no key hint (the keys are in the buttons' tooltips)."""

from __future__ import annotations

import pytest
from matches import finished_match
from uikit import frames, make_app

from game.ui import i18n
from game.ui.scenes.debrief import DebriefScene


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_debrief_body_fills_the_window_at_200_percent(lang: str) -> None:
    local = finished_match()
    try:
        app = make_app(ui_scale=200, language=lang)
        scene = DebriefScene(app, local)
        app.push(scene)
        frames(app)
        scene.select("decisions")
        frames(app)
    finally:
        i18n.set_language("en")
    box = scene.text_box.rect
    assert box.height >= app.size[1] * 0.4, box
    title_rows = {pos[1] for img, pos in scene._texts if pos[1] < box.y}
    assert len(title_rows) <= 2  # the title on one line, how the match ended on the next
    assert all(pos[1] < box.y for _, pos in scene._texts)  # no hint under the body
