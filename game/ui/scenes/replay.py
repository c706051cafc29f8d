"""Watch a replay: a class match's replay file (``game/report/replay.py``) played back turn by
turn on the match's read-only pictures (the continuum bar, the map, the four criteria) with
that turn's report beside them, as the public (projector) view or as one seat saw it; the
debrief at the end.

Left/Right (or the buttons) step a turn, Home/End go to the start and the last turn, the slider
goes anywhere; S (or the seat button) changes whose eyes the turn is seen with; D opens the
debrief; Escape goes back. A broken or foreign file is refused before this screen opens, with
the line ``load_replay`` gives (``open_replay``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIHorizontalSlider, UITextBox

from game.engine import TurnReport, World, view
from game.engine.structure import measure
from game.report.replay import Replay, ReplayError, load_replay
from game.session.saves import SaveError
from game.ui.i18n import language, t, tn
from game.ui.scene import Scene
from game.ui.scenes.report import (
    ENTER_KEYS,
    REPORT_FONTS,
    SCROLL_KEYS,
    button_width,
    esc,
    preload_fonts,
    scene_theme,
    scroll_text,
    tooltip,
)
from game.ui.widgets.continuum_bar import ContinuumBar, position
from game.ui.widgets.criteria import CriteriaPanel
from game.ui.widgets.mapview import MapView

if TYPE_CHECKING:
    from game.ui.app import App


class ReplaySession:
    """A replay at one turn, read-only, as the screens read a session: the world after
    ``turn`` (every secret of it in ``outcome``; a seat's or the public view in ``view``), the
    reports up to it. Nothing can be ordered, submitted or saved."""

    def __init__(self, replay: Replay, turn: int) -> None:
        self.replay, self.turn = replay, turn
        self._views: dict[str | None, World] = {}

    @property
    def world(self) -> World:
        return self.replay.turns[self.turn].world

    def view(self, seat: str | None) -> World:
        seen = self._views.get(seat)
        if seen is None:
            seen = self._views[seat] = view(self.world, seat)
        return seen

    @property
    def state_id(self) -> int:
        return self.turn

    @property
    def humans(self) -> list[str]:
        return [s["seat"] for s in self.replay.seats if s.get("people")]

    @property
    def seats(self) -> list[str]:
        return []

    def current_seat(self) -> None:
        return None

    @property
    def reports(self) -> list[TurnReport]:
        return [x.report for x in self.replay.turns[1 : self.turn + 1] if x.report is not None]

    def ai_reasons(self, turn: int) -> dict[str, dict]:
        return {}  # a replay keeps none

    @property
    def ended(self) -> bool:
        return self.world.ended

    def outcome(self) -> World:
        return self.world

    def legal(self, seat: str) -> list:
        return []

    def draft(self, seat: str) -> list:
        return []

    def points_left(self, seat: str) -> int:
        return 0

    def add(self, order) -> str:
        return "a replay cannot be played"

    def remove(self, seat: str, index: int) -> None:
        return None

    def replace(self, seat: str, orders) -> str:
        return "a replay cannot be played"

    def submit(self, seat: str) -> None:
        return None

    def resolve(self) -> TurnReport:
        raise RuntimeError("a replay cannot be played")

    def save(self, path: Path) -> None:
        raise SaveError(f"{path}: a replay is not a match to save", "replay")

    def keep(self) -> None:
        return None

    autosave = None
    autosave_failure = None


def open_replay(app: App, path: Path) -> str | None:
    """Open the replay at ``path`` on the replay screen; why not (one line), or ``None``."""
    try:
        replay = load_replay(path)
    except ReplayError as e:
        return t("replay.error", why=str(e))
    app.push(ReplayScene(app, replay, path))
    return None


class ReplayScene(Scene):
    """A replay, turn by turn (see the module's docstring)."""

    def __init__(self, app: App, replay: Replay, path: Path | None = None) -> None:
        super().__init__(app)
        self.replay = replay
        self.path = path
        self.turn = 0
        self.seat: str | None = None  # None: the public view
        self.map = MapView(app, pygame.Rect(0, 0, 10, 10))
        self.bar = ContinuumBar(app, pygame.Rect(0, 0, 10, 10))
        self.criteria = CriteriaPanel(app, pygame.Rect(0, 0, 10, 10))
        self.text_box: UITextBox | None = None
        self.slider: UIHorizontalSlider | None = None
        self.buttons: dict[str, UIButton] = {}
        self.header = ""
        self._texts: list[tuple[pygame.Surface, tuple[int, int]]] = []

    # ---- what is shown -------------------------------------------------------------------------

    @property
    def last(self) -> int:
        return len(self.replay.turns) - 1

    @property
    def seat_choices(self) -> list[str | None]:
        """The public view, then every actor of the match (those people played first)."""
        actors = list(self.replay.turns[0].world.actors)
        people = [s["seat"] for s in self.replay.seats if s.get("people") and s["seat"] in actors]
        return [None, *people, *(a for a in actors if a not in people)]

    def session(self) -> ReplaySession:
        return ReplaySession(self.replay, self.turn)

    def seat_name(self) -> str:
        if self.seat is None:
            return t("replay.public")
        from game.report import debrief as words

        return words.actor_name(self.replay.turns[0].world, self.seat)

    def report_markup(self) -> str:
        entry = self.replay.turns[self.turn]
        if entry.report is None:
            if not self.last:  # written before the class played a turn
                return esc(t("replay.start.none"))
            return esc(tn("replay.start", self.last))
        from game.ui.scenes.report import ReportScene

        seat = self.seat if self.seat in entry.world.actors else None
        return ReportScene(self.app, self.session(), entry.report, seat).markup()  # type: ignore[arg-type]

    def go(self, turn: int) -> None:
        turn = max(0, min(self.last, turn))
        if turn != self.turn:
            self.turn = turn
            self.rebuild()

    def step(self, d: int) -> None:
        self.go(self.turn + d)

    def next_seat(self, d: int = 1) -> None:
        choices = self.seat_choices
        i = choices.index(self.seat) if self.seat in choices else 0
        self.seat = choices[(i + d) % len(choices)]
        self.rebuild()

    def debrief(self) -> None:
        from game.ui.scenes.debrief import DebriefScene

        self.app.push(DebriefScene(self.app, ReplaySession(self.replay, self.last)))  # type: ignore[arg-type]

    def back(self) -> None:
        self.app.pop()

    # ---- layout --------------------------------------------------------------------------------

    def build(self) -> None:
        app, s, p = self.app, self.app.s, self.app.palette
        w, h = app.size
        scene_theme(app)
        preload_fonts(app, REPORT_FONTS)  # the turn's report is shown in the report's markup
        m = s(12)
        self._texts = []
        world = self.session().view(self.seat)
        # the scenario's title in the viewer's language (the file's own is English)
        title = self.replay.turns[0].world.title_in(language()) or self.replay.scenario
        self.header = t(
            "replay.header", title=title, turn=self.turn, last=self.last, seat=self.seat_name()
        )
        f = app.font(17, True)
        self._texts.append((f.render(self._fit(self.header, f, w - 2 * m), True, p.accent), (m, m)))
        top = m + f.get_linesize() + s(4)
        bar = pygame.Rect(0, top, w, s(66))
        foot_h = s(44)
        foot = pygame.Rect(m, h - m - foot_h, w - 2 * m, foot_h)
        left = [("back", t("replay.back"), None), ("prev", t("replay.prev"), None)]
        right = [
            ("debrief", t("replay.debrief"), "#primary"),
            ("seat", self.seat_name(), None),
            ("next", t("replay.next"), None),
        ]
        widths = {
            key: min(button_width(app, label, bold=oid is not None, padding=28), s(220))
            for key, label, oid in left + right
        }
        gap = s(8)
        room = foot.w - sum(widths.values()) - gap * (len(widths) + 1)
        below = foot.y  # the pictures and the report end above this
        if room >= s(160):  # the slider between the buttons
            slider_rect = pygame.Rect(0, foot.y + s(6), room, foot_h - s(12))
        else:  # a large scale: the slider on a row of its own, over the buttons
            slider_rect = pygame.Rect(m, foot.y - s(36), foot.w, s(30))
            below = slider_rect.y
        crit = pygame.Rect(0, below - s(8) - s(64), int(w * 0.55), s(64))
        mid = pygame.Rect(0, bar.bottom, int(w * 0.55), crit.y - bar.bottom)
        side = pygame.Rect(mid.right + m, bar.bottom + s(6), w - mid.right - 2 * m, 0)
        side.height = below - s(8) - side.y
        self.map.set_rect(mid)
        self.bar.set_rect(bar)
        self.criteria.set_rect(crit)
        for picture in (self.map, self.bar, self.criteria):
            picture.invalidate()
        hist = world.history
        prev = hist[-2] if len(hist) >= 2 and self.turn else None
        self.bar.set_state(
            measure(world),
            position(prev.arrangement, prev.centralization) if prev else None,
            prev.centralization if prev else None,
        )
        report = self.replay.turns[self.turn].report
        self.criteria.set_state(hist, world.criteria, report.changes if report else None)
        self.map.set_world(world, self.seat)
        self.text_box = self.keep(
            UITextBox(self.report_markup(), side, manager=app.manager, object_id="#report_text")
        )

        # The footer: back, the turn's buttons and slider, the seat, the debrief.
        tips = {
            "back": t("replay.back_tip"),
            "prev": t("replay.prev_tip"),
            "next": t("replay.next_tip"),
            "seat": t("replay.seat_tip"),
            "debrief": t("replay.debrief_tip"),
        }
        self.buttons = {}
        x = foot.x
        for key, label, oid in left:
            rect = pygame.Rect(x, foot.y, widths[key], foot_h)
            self.buttons[key] = self._button(rect, label, tips[key], oid)
            x += widths[key] + gap
        rx = foot.right
        for key, label, oid in right:
            rx -= widths[key]
            rect = pygame.Rect(rx, foot.y, widths[key], foot_h)
            self.buttons[key] = self._button(rect, label, tips[key], oid)
            rx -= gap
        if slider_rect.x == 0:
            slider_rect.x = x
        self.slider = self.keep(
            UIHorizontalSlider(slider_rect, self.turn, (0, max(1, self.last)), app.manager)
        )
        tooltip(app, self.slider, t("replay.slider_tip", last=self.last))
        if self.turn == 0:
            self.buttons["prev"].disable()
        if self.turn == self.last:
            self.buttons["next"].disable()

    def _button(self, rect: pygame.Rect, label: str, tip: str, oid: str | None) -> UIButton:
        b = self.keep(UIButton(rect, label, manager=self.app.manager, object_id=oid))
        tooltip(self.app, b, tip)
        return b

    @staticmethod
    def _fit(text: str, font: pygame.font.Font, width: int) -> str:
        while font.size(text)[0] > width and len(text) > 2:
            text = text[:-2] + "…"
        return text

    # ---- input ---------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for key, b in self.buttons.items():
                if b is event.ui_element:
                    self._press(key)
                    return
        elif (
            event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED and event.ui_element is self.slider
        ):
            self.go(round(event.value))
        elif event.type == pygame.KEYDOWN:
            self._key(event)

    def _press(self, key: str) -> None:
        {
            "back": self.back,
            "prev": lambda: self.step(-1),
            "next": lambda: self.step(1),
            "seat": self.next_seat,
            "debrief": self.debrief,
        }[key]()

    def _key(self, event: pygame.event.Event) -> None:
        k = event.key
        if k == pygame.K_LEFT:
            self.step(-1)
        elif k == pygame.K_RIGHT or (k in ENTER_KEYS and self.turn < self.last):
            self.step(1)
        elif k in ENTER_KEYS or k == pygame.K_d:
            self.debrief()
        elif k == pygame.K_HOME:
            self.go(0)
        elif k == pygame.K_END:
            self.go(self.last)
        elif k == pygame.K_s:
            self.next_seat(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif k == pygame.K_ESCAPE:
            self.back()
        elif k in (pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            scroll_text(self.app, self.text_box, *SCROLL_KEYS[k])

    def draw(self, surface: pygame.Surface) -> None:
        for img, pos in self._texts:
            surface.blit(img, pos)
        self.bar.draw(surface)
        self.map.draw(surface)
        self.criteria.draw(surface)
