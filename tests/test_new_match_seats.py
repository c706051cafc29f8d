"""New match keeps the seats chosen at every UI scale and in every language (at a large scale
the briefing and "Who plays?" share a tab strip), and Start with nobody human asks first."""

from __future__ import annotations

from pathlib import Path

import pytest
from uikit import click, find_button, frames, make_app

from game.session.local import LocalMatch
from game.ui.i18n import t
from game.ui.scenes.new_match import NewMatchScene


def new_match(scale: int, lang: str) -> tuple[object, NewMatchScene]:
    app = make_app(ui_scale=scale, language=lang)
    scene = NewMatchScene(app)
    app.push(scene)
    frames(app)
    scene._select([e.id for e in scene.entries].index("kosovo"))
    frames(app)
    return app, scene


def show_seats(app, scene: NewMatchScene) -> None:
    if scene.tabbed:
        scene._switch_tab("seats")
        frames(app)
    assert scene.picker is not None


def show_briefing(app, scene: NewMatchScene) -> None:
    if scene.tabbed:
        scene._switch_tab("brief")
        frames(app)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("scale", [100, 150, 200])
def test_the_seats_chosen_hold_at_every_scale(
    sandbox: Path, started: list[LocalMatch], scale: int, lang: str
) -> None:
    app, scene = new_match(scale, lang)
    show_briefing(app, scene)  # "Who plays?" never opened: the first seat is human
    click(app, find_button(app, t("menu.new.start")))
    assert [s.seats for s in started] == [["servia"]]
    show_seats(app, scene)
    click(app, scene.picker.button("arberia"))  # AI -> Human
    show_briefing(app, scene)  # the choice holds when the seats are out of sight
    click(app, find_button(app, t("menu.new.start")))
    assert started[-1].seats == ["servia", "arberia"]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("scale", [100, 150, 200])
def test_start_with_nobody_human_asks_first(
    sandbox: Path, started: list[LocalMatch], scale: int, lang: str
) -> None:
    app, scene = new_match(scale, lang)
    show_seats(app, scene)
    click(app, scene.picker.button("servia"))  # Human -> AI: nobody plays
    show_briefing(app, scene)
    click(app, find_button(app, t("menu.new.start")))
    assert started == [] and scene.modal is not None  # asked, not started
    click(app, find_button(app, t("trust.nobody.choose")))  # back to "Who plays?"
    assert started == [] and scene.modal is None and scene.picker is not None
    click(app, find_button(app, t("menu.new.start")))
    click(app, find_button(app, t("trust.nobody.watch")))
    assert [s.seats for s in started] == [[]]
