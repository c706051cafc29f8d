"""New match keeps the seats chosen at every UI scale and in every language (at a large scale
the briefing and "Who plays?" share a tab strip), and Start with nobody human asks first."""

from __future__ import annotations

from pathlib import Path

import pytest
from uikit import click, click_at, find_button, frames, make_app

from game.session.local import LocalMatch
from game.ui.i18n import t
from game.ui.scenes.new_match import NewMatchScene


def new_match(scale: int, lang: str, scenario: str = "kosovo") -> tuple[object, NewMatchScene]:
    app = make_app(ui_scale=scale, language=lang)
    scene = NewMatchScene(app)
    app.push(scene)
    frames(app)
    scene._select([e.id for e in scene.entries].index(scenario))
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


def mouse(app, kind: int, pos: tuple[int, int], held: bool = False) -> None:
    """One mouse event: a press or release of the left button, or a move (button held or not)."""
    import pygame

    if kind == pygame.MOUSEMOTION:
        event = pygame.event.Event(kind, pos=pos, rel=(0, 0), buttons=(int(held), 0, 0))
    else:
        event = pygame.event.Event(kind, pos=pos, button=1)
    app.frame(1 / 60, events=[event])


@pytest.mark.parametrize("scale", [100, 200])
def test_the_seats_scroll_bar_answers_the_mouse(sandbox: Path, scale: int) -> None:
    """The pandemic's nine seats do not fit: a click on the bar's track below or above the
    thumb turns a page, the thumb drags to the last seat, and neither toggles a seat."""
    from pygame import MOUSEBUTTONDOWN, MOUSEBUTTONUP, MOUSEMOTION

    app, scene = new_match(scale, "es", "pandemic")
    show_seats(app, scene)
    picker = scene.picker
    humans = picker.humans
    assert picker.first == 0 and len(picker.seats) > picker.per_page
    right = picker.rect.right - app.s(3)
    last = len(picker.seats) - picker.per_page

    click_at(app, (right, picker.rect.bottom - app.s(2)))  # the track, below the thumb
    assert picker.first == min(picker.per_page, last)
    click_at(app, (right, picker.rect.y + app.s(2)))  # above it
    assert picker.first == 0

    thumb = picker._bar()[1]
    mouse(app, MOUSEBUTTONDOWN, (right, thumb.centery))
    for y in range(thumb.centery, picker.rect.bottom + app.s(40), app.s(10)):
        mouse(app, MOUSEMOTION, (right, y), held=True)
    mouse(app, MOUSEBUTTONUP, (right, picker.rect.bottom))
    assert picker.first == last and picker.visible(len(picker.seats) - 1)
    mouse(app, MOUSEMOTION, (right, picker.rect.y))  # the pointer moving on drags nothing
    assert picker.first == last
    # held, then let go outside the window (no button-up comes): the next move drags nothing
    mouse(app, MOUSEBUTTONDOWN, (right, picker._bar()[1].centery))
    mouse(app, MOUSEMOTION, (right, picker.rect.y))
    assert picker.first == last
    assert picker.humans == humans


def test_a_seat_scrolled_out_of_the_list_has_no_place_on_screen(sandbox: Path) -> None:
    """With the list scrolled to its end, a click where the first seat's row would lie (over
    the briefing) neither focuses that seat nor scrolls the list back; it draws no ring."""
    app, scene = new_match(100, "es", "pandemic")
    picker = scene.picker
    assert picker is not None and not scene.tabbed
    picker.scroll(len(picker.seats))
    last = picker.first
    assert last > 0 and picker.shown_rect(0) is None
    ghost = picker.row_rect(0)  # above the list, over the briefing
    assert ghost.bottom < picker.rect.top
    click_at(app, ghost.center)
    assert picker.first == last  # the first seat did not take the focus (which scrolls to it)
