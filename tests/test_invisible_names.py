"""A name that draws nothing ("\u200b", a run of direction marks) is refused where a scenario is
read, and any text a screen is handed is drawn safely (it used to close the window)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.content import load_scenario
from game.content.loader import check_scenario
from game.engine.names import Name
from game.session.local import LocalMatch
from game.ui import i18n
from game.ui.scenes.match import MatchScene
from game.ui.scenes.report import ReportScene
from tests.uikit import frames, make_app

MINI = Path(__file__).parent / "fixtures" / "mini.json"


@pytest.mark.parametrize("name", ["\u200b", "\u200e\u200f\u200e", " \u2060 ", {"en": "\u200b"}])
def test_a_name_with_nothing_visible_is_refused_with_where(tmp_path: Path, name: object) -> None:
    data = json.loads(MINI.read_text(encoding="utf-8"))
    data["actors"][0]["name"] = name
    path = tmp_path / "invisible.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    scenario, problems = check_scenario(path)
    assert scenario is None
    assert any("visible character" in str(p) and "actors[0].name" in str(p) for p in problems)


def test_the_screens_draw_a_name_that_shows_nothing() -> None:
    local = LocalMatch.start(load_scenario(MINI), ["castria"], seed=1)
    for actor in local.world.actors.values():
        actor.__dict__["name"] = Name("\u200b")  # as if a file had slipped past the checks
    app = make_app()
    assert app.font(14).render("\u200b", True, (255, 255, 255)).get_width() == 0
    assert i18n.name(local.world.actors["castria"]) == "?"
    scene = MatchScene(app, local, "castria")
    app.push(scene)
    frames(app)
    report = local.submit("castria")
    assert report is not None
    app.push(ReportScene(app, local, report, "castria"))
    frames(app)
