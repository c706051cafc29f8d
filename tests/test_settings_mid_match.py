"""Settings can be opened from inside a match (its menu): scale and language change mid-match,
and Back returns to the same match, redrawn in the new settings, its draft untouched."""

from __future__ import annotations

from pathlib import Path

from game.content import load_scenario
from game.session.local import LocalMatch
from game.ui import i18n
from game.ui.scenes.match import MatchScene
from game.ui.scenes.settings import SettingsScene
from tests.uikit import click, find_button, frames, make_app

MINI = Path(__file__).parent / "fixtures" / "mini.json"
SEAT = "castria"


def test_settings_from_the_match_menu_change_scale_and_language_and_come_back() -> None:
    local = LocalMatch.start(load_scenario(MINI), [SEAT], seed=1)
    move = next(o for o in local.legal(SEAT) if o.action == "invest")
    assert local.add(move) is None
    app = make_app()
    try:
        scene = MatchScene(app, local, SEAT)
        app.push(scene)
        frames(app)
        assert scene.end_button is not None
        height_before = scene.end_button.rect.height
        click(app, scene.menu_button)
        click(app, find_button(app, "Settings"))
        settings = app.scene
        assert isinstance(settings, SettingsScene)
        settings.set_value("ui_scale", 200)
        settings.set_value("language", "es")
        settings.apply()
        frames(app)
        click(app, find_button(app, i18n.t("menu.back")))
        frames(app)
        assert app.scene is scene  # the same match, not a new one
        assert i18n.language() == "es"
        assert scene.end_button.text == i18n.t("match.end_turn")
        assert scene.end_button.rect.height > height_before * 1.5  # rebuilt at 200 %
        assert local.draft(SEAT) == [move]  # the draft survived the visit
    finally:
        i18n.set_language("en")
