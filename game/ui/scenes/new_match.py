"""Start a new match: every shipped and user scenario on the left (a broken one listed with its
problems and not startable), the chosen one's briefing, seats and seed on the right."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextBox, UITextEntryLine

from game.content import Problem, ScenarioEntry, ScenarioError, list_scenarios, load_scenario
from game.engine.scenario import Scenario
from game.engine.scenario import text as pick
from game.ui import i18n
from game.ui.i18n import t, tn
from game.ui.scenes.load import keep_first
from game.ui.scenes.menu import (
    MENU_TEXT,
    Card,
    CardList,
    MenuScreen,
    Modal,
    Stop,
    autosave_path,
    blit,
    clip,
    oid,
    wrap,
)
from game.ui.widgets.seat_picker import (
    DEFAULT_LEVEL,
    SeatPicker,
    remember_seats,
    seats_of_scenario,
)

MAX_SEED = 2**63 - 1


def typed_seed(text: str) -> int | None:
    """The seed a field's text gives; None (the scenario's own) for one empty, not a whole
    number, or past what a seed may be."""
    raw = text.strip()
    if not raw.isdigit():
        return None
    value = int(raw)
    return value if value <= MAX_SEED else None


PROBLEMS_LISTED = 3  # on the list's card; the right pane lists them all

if TYPE_CHECKING:
    from game.ui.app import App


def problem_line(p: Problem, scenario_file: Path) -> str:
    """One problem as the author needs it: a problem in one of the scenario's parts names
    that file (from the scenario's folder), since the line number is in it."""
    where = f"{t('menu.new.line', line=p.line)}: " if p.line else ""
    if p.file != str(scenario_file):
        part = Path(p.file)
        with contextlib.suppress(ValueError):
            part = part.relative_to(scenario_file.parent)
        where = f"{part.as_posix()}, {where}" if where else f"{part.as_posix()}: "
    path = f"{p.path}: " if p.path else ""
    return f"{where}{path}{p.message}"


class _Listing:
    """``list_scenarios`` on a worker thread: every file is read and checked there, so a slow
    or hostile file in the user's folder never holds up the window."""

    def __init__(self) -> None:
        self.entries: list[ScenarioEntry] | None = None
        self.thread = threading.Thread(target=self._run, name="list-scenarios", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.entries = list_scenarios()
        except Exception:  # it never raises; a window must open all the same
            self.entries = []

    def done(self) -> bool:
        return self.entries is not None


class NewMatchScene(MenuScreen):
    def __init__(self, app: App, background: bool | None = None) -> None:
        """``background``: list the scenarios on a worker thread, showing "checking…" until
        they are ready (the default in a window; a headless app lists them at once)."""
        super().__init__(app)
        self.entries: list[ScenarioEntry] = []
        self.selected = 0
        self.listing: _Listing | None = None
        if background if background is not None else not app.headless:
            self.listing = _Listing()
        else:
            self._listed(list_scenarios())
        self.loaded: dict[Path, Scenario | ScenarioError] = {}
        self.humans: dict[str, list[str]] = {}  # the seats chosen per scenario, kept on switching
        self.levels: dict[str, dict[str, str]] = {}  # the AI's level per seat, per scenario
        self.seeds: dict[str, str] = {}
        self.list: CardList | None = None
        self.picker: SeatPicker | None = None
        self.seed_entry: UITextEntryLine | None = None
        self.seed_of = ""  # the scenario the seed field was built for: its text is that one's
        self.start_button = None
        self._offset = 0
        self.tab = "brief"  # on a short canvas: "brief" or "seats"
        self.tabbed = False
        self.tab_buttons: list[tuple[UIButton, str]] = []

    # ---- data -------------------------------------------------------------------------------

    def _listed(self, entries: list[ScenarioEntry]) -> None:
        self.entries = entries
        ok = [i for i, e in enumerate(entries) if e.ok]
        self.selected = ok[0] if ok else 0

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.listing is not None and self.listing.done():
            self._listed(self.listing.entries or [])
            self.listing = None
            if self.list is not None:  # built while checking: build again with the list
                self._refresh()
                self.focus = 0  # on the list, as when it is there from the start

    @property
    def entry(self) -> ScenarioEntry | None:
        return self.entries[self.selected] if 0 <= self.selected < len(self.entries) else None

    def scenario(self, entry: ScenarioEntry) -> Scenario | None:
        """The entry's scenario, loaded once (a list entry holds no briefing or missions)."""
        if not entry.ok:
            return None
        if entry.scenario is not None:
            return entry.scenario
        if entry.path not in self.loaded:
            try:
                self.loaded[entry.path] = load_scenario(entry.path)
            except ScenarioError as e:  # changed on disk since it was listed
                self.loaded[entry.path] = e
        got = self.loaded[entry.path]
        return got if isinstance(got, Scenario) else None

    def _card(self, e: ScenarioEntry) -> Card:
        lang = i18n.language()
        facts = []
        if e.turns:
            facts.append(tn("menu.new.turns", e.turns))
        facts.append(tn("menu.new.seats", len(e.seats)))
        if not e.shipped:
            facts.append(t("menu.new.yours"))
        if e.ok:
            return Card(pick(e.title, lang), " · ".join(facts), pick(e.summary, lang))
        errors = [p for p in e.problems if p.is_error]
        shown = "\n".join(problem_line(p, e.path) for p in errors[:PROBLEMS_LISTED])
        more = sum(p.count for p in errors) - PROBLEMS_LISTED  # the last may stand for many
        if more > 0:
            shown += "\n" + t("menu.new.more_problems", n=more)
        return Card(
            pick(e.title, lang) or e.path.name,
            f"{e.path.name} · {t('menu.new.broken')}",
            problem=shown,
            enabled=False,
        )

    # ---- building ---------------------------------------------------------------------------

    def build(self) -> None:
        app, s, m = self.app, self.app.s, self.margin
        w = app.size[0]
        top = self.header_height() + s(6)
        bottom = self.footer_top() - s(18)
        left_w = max(s(250), int((w - 2 * m) * 0.42))
        self.left = pygame.Rect(m, top, left_w, bottom - top)
        rx = m + left_w + s(28)
        self.right = pygame.Rect(rx, top, w - m - rx, bottom - top)
        self.list = CardList(
            self,
            self.left,
            [self._card(e) for e in self.entries],
            self.selected,
            on_select=self._select,
            on_activate=lambda i: self.start(),
        )
        self.list.restore(self._offset)
        self.stops.append(
            Stop(
                rect=lambda: self.list.rect if self.list else None,
                activate=self.start,
                vertical=lambda d: self.list.move(d) if self.list else False,
            )
        )
        self._build_details()
        self._build_footer()

    def _build_details(self) -> None:
        app, s = self.app, self.app.s
        entry, r = self.entry, self.right
        self.picker = None
        self.briefing = None
        self.tab_buttons: list[tuple[UIButton, str]] = []
        self.seats_label_y = None
        if entry is None:
            return
        lang = i18n.language()
        scenario = self.scenario(entry)
        f_h = app.font(20, True)
        self.title_lines = wrap(pick(entry.title, lang) or entry.path.name, f_h, r.width, 2)
        head = len(self.title_lines) * f_h.get_linesize() + s(4) + app.font(14).get_linesize()
        row = s(54) + s(6)
        # Room for the title, a briefing and three seats? If not (a short canvas), the list's
        # card already names the scenario, and the briefing and the seats share a tab strip.
        self.tabbed = head + s(12) + s(90) + s(12) + s(28) + 3 * row > r.height
        y = r.y if self.tabbed else r.y + head + s(12)
        if scenario is None:  # broken: its problems, all of them, for the author
            err = self.loaded.get(entry.path)
            problems = err.problems if isinstance(err, ScenarioError) else list(entry.problems)
            text = "\n".join(problem_line(p, entry.path) for p in problems if p.is_error)
            self.problems_y = y
            y += app.font(15, True).get_linesize() + s(8)
            self.briefing = self._text_box(text, pygame.Rect(r.x, y, r.width, r.bottom - y))
            return
        body = pick(scenario.briefing, lang) or pick(scenario.summary, lang)
        seats = seats_of_scenario(scenario, app.palette.actor_colour)
        if entry.id not in self.humans:
            self.humans[entry.id] = [seats[0].id] if seats else []
        if self.tabbed:
            self._build_tabs(pygame.Rect(r.x, y, r.width, s(36)))
            area = pygame.Rect(r.x, y + s(36) + s(12), r.width, r.bottom - y - s(48))
            if self.tab == "brief":
                self.briefing = self._text_box(body, area)
                return
            self._build_picker(seats, area)
            return
        brief_h = max(s(90), int((r.bottom - y) * 0.36))
        self.briefing = self._text_box(body, pygame.Rect(r.x, y, r.width, brief_h))
        y += brief_h + s(12)
        self.seats_label_y = y
        y += s(28)
        self._build_picker(seats, pygame.Rect(r.x, y, r.width, r.bottom - y))

    def _text_box(self, text: str, rect: pygame.Rect) -> UITextBox:
        box = UITextBox(
            text,
            rect,
            self.app.manager,
            object_id=oid(class_id=MENU_TEXT),
            plain_text_display_only=True,
        )
        self.keep(box)
        return box

    def _build_tabs(self, rect: pygame.Rect) -> None:
        s = self.app.s
        n = len(self.picker_humans())
        tabs = [("brief", t("menu.new.tab.brief")), ("seats", t("menu.new.tab.seats", n=n))]
        width = (rect.width - s(6)) // 2
        for i, (key, label) in enumerate(tabs):
            b = UIButton(
                pygame.Rect(rect.x + i * (width + s(6)), rect.y, width, rect.height),
                label,
                self.app.manager,
                object_id=oid(),
            )
            if key == self.tab:
                b.select()
            self.keep(b)
            self.actions[b] = lambda key=key: self._switch_tab(key)
            self.tab_buttons.append((b, key))
        span = rect.copy()
        strip = Stop(
            rect=lambda: span,
            activate=lambda: self._enter_tab(strip),
            arrows=lambda d: self._switch_tab("brief" if d < 0 else "seats") or True,
        )
        self.stops.append(strip)

    def _enter_tab(self, strip: Stop) -> None:
        """Enter on the tab strip: the arrows already opened the focused tab, so Enter goes
        into it (to its first seat); it never switches to the other tab."""
        if self.tab == "seats" and self.picker and self.picker.seats and strip in self.stops:
            self.set_focus(self.stops.index(strip) + 1)

    def _build_picker(self, seats, area: pygame.Rect) -> None:
        entry = self.entry
        assert entry is not None
        self.picker = SeatPicker(
            self.app,
            area,
            seats,
            self.humans[entry.id],
            self._seats_changed,
            levels=self.levels.setdefault(entry.id, {}),
        )
        self.picker.levels = self.levels[entry.id]  # one table: a level set here is kept
        self.picker.build()
        for i in range(len(seats)):
            self.stops.append(
                Stop(
                    rect=lambda i=i: self.picker.shown_rect(i) if self.picker else None,
                    activate=lambda i=i: self._toggle(i),
                    arrows=lambda d, i=i: self._arrow(i, d),
                    entered=lambda i=i: self.picker.scroll_to(i) if self.picker else None,
                )
            )

    def picker_humans(self) -> list[str]:
        entry = self.entry
        return self.humans.get(entry.id, []) if entry else []

    def _switch_tab(self, key: str) -> None:
        if key == self.tab:
            return
        self.tab = key
        self._refresh()

    def _build_footer(self) -> None:
        app, s, m = self.app, self.app.s, self.margin
        w = app.size[0]
        y, bh = self.footer_top(), s(40)
        entry = self.entry
        scenario = self.scenario(entry) if entry else None
        self.start_button = self.footer_primary(
            t("menu.new.start"), self.start, t("menu.new.start.tip"), enabled=scenario is not None
        )
        gw = self.start_button.rect.width
        self.seed_entry = None
        if scenario is not None:
            ew = s(110 if self.compact else 150)  # leaves the foot room for Ctrl+S Start
            ex = w - m - gw - s(16) - ew
            entry_line = UITextEntryLine(pygame.Rect(ex, y, ew, bh), app.manager, object_id=oid())
            entry_line.set_allowed_characters("numbers")
            entry_line.set_text_length_limit(19)
            entry_line.set_text(self.seeds.get(entry.id, str(scenario.seed)))
            self.seed_of = entry.id
            entry_line.set_tooltip(t("menu.new.seed.tip"))
            self.seed_entry = self.keep(entry_line)
            self.seed_label_x = ex - s(10)
            self.stops.insert(
                len(self.stops) - 1,
                Stop(
                    rect=lambda: self.seed_entry.rect if self.seed_entry else None,
                    entered=lambda: self.seed_entry.focus() if self.seed_entry else None,
                    left=self._seed_left,
                    element=self.seed_entry,
                ),
            )
        self.footer_left(t("menu.back"), self.back)

    # ---- actions ----------------------------------------------------------------------------

    def _select(self, i: int) -> None:
        self._keep_seed()
        self.selected = i
        self._refresh()

    def _refresh(self) -> None:
        """Rebuild the widgets in place, keeping the list's scroll and the focus."""
        self._offset = self.list.offset if self.list else 0
        focus = self.focus
        self.leave()
        self.build()
        self.focus = min(focus, len(self.stops) - 1)
        self.app.dirty()

    def _toggle(self, i: int) -> bool:
        if self.picker is not None:
            self.picker.toggle(i)
        return True

    def _arrow(self, i: int, d: int) -> bool:
        """An arrow on a seat: the AI's next level on a seat the AI plays, else the toggle."""
        if self.picker is not None and not self.picker.is_human(i):
            self.picker.cycle_level(i, 1 if d > 0 else -1)
        else:
            self._toggle(i)
        return True

    def _seats_changed(self, humans: list[str]) -> None:
        if self.entry is not None:
            self.humans[self.entry.id] = humans
        for b, key in self.tab_buttons:
            if key == "seats":
                b.set_text(t("menu.new.tab.seats", n=len(humans)))

    def _seed_left(self) -> None:
        if self.seed_entry is not None:
            self.seed_entry.unfocus()
        self._keep_seed()

    def _keep_seed(self) -> None:
        # Kept under the scenario the field was built for, not the one now selected: a rebuild
        # after the selection moved must not hand one scenario's seed to the next.
        if self.seed_entry is not None and self.seed_of:
            self.seeds[self.seed_of] = self.seed_entry.get_text()

    def seed(self, scenario: Scenario) -> int:
        typed = typed_seed(self.seed_entry.get_text() if self.seed_entry else "")
        return scenario.seed if typed is None else typed

    def start(self, confirmed: bool = False, kept: bool = False) -> None:
        entry = self.entry
        scenario = self.scenario(entry) if entry else None
        if scenario is None:
            if entry is not None:
                self.tell(t("menu.new.broken.title"), t("menu.new.cannot_start"))
            return
        from game.session.hotseat import new_match
        from game.ui import flow

        # The seats chosen for this scenario, whether or not "Who plays?" is open (at a large
        # scale the briefing and the seats share a tab strip and the picker may not exist).
        humans = self.picker.humans if self.picker else list(self.picker_humans())
        if not humans and not confirmed:
            choose = [(t("trust.nobody.choose"), lambda: self._switch_tab("seats"))]
            watch = [(t("trust.nobody.watch"), lambda: self.start(confirmed=True))]
            self._open(
                Modal(
                    self,
                    t("trust.nobody.title"),
                    t("trust.nobody.text"),
                    choose + watch,
                    "#primary",
                )
            )
            return
        if not kept:  # the match in progress is kept as a save first (asked)
            keep_first(self, "menu.keep.start", lambda: self.start(confirmed=True, kept=True))
            return
        chosen = self.levels.get(scenario.id, {})
        # every actor no person plays, seat or not, at its chosen level (normal by default)
        levels = {
            a.id: chosen.get(a.id, DEFAULT_LEVEL) for a in scenario.actors if a.id not in humans
        }
        session = new_match(
            scenario, humans, self.seed(scenario), autosave=autosave_path(), levels=levels
        )
        remember_seats(scenario.id, humans)
        try:
            flow.start(self.app, session)
        except ImportError as e:  # a build without the match screens
            self.tell(t("menu.not_ready.title"), t("menu.not_ready", what=str(e)))

    def _handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.seed_entry:
            self.move_focus(1)  # Enter in the seed field goes on to Start
            return
        super()._handle(event)

    def handle_more(self, event: pygame.event.Event) -> None:
        if self.picker is not None and self.picker.handle(event):
            return
        if self.list is not None:
            self.list.handle(event)

    def go(self) -> None:
        self.start()

    def hints(self) -> list[tuple[Sequence[str], str]]:
        return [*super().hints()[:2], (("Ctrl", "S"), t("menu.new.start"))]

    def footer_span(self) -> tuple[int, int]:
        left, right = super().footer_span()
        if self.seed_entry is not None:  # its label sits left of the field
            right -= self.app.font(14).size(t("menu.new.seed"))[0] + self.app.s(10)
        return left, right

    def leave(self) -> None:
        self._keep_seed()
        if self.picker is not None:
            self.picker.kill()
        super().leave()

    # ---- drawing ----------------------------------------------------------------------------

    def draw_content(self, surface: pygame.Surface) -> None:
        app, s, pal = self.app, self.app.s, self.app.palette
        self.draw_header(surface, t("menu.new.heading"))
        if self.list is not None:
            self.list.draw(surface, self.focused is not None and self.focused is self.stops[0])
        entry, r = self.entry, self.right
        f_meta = app.font(14)
        if entry is None:
            words = t("menu.new.checking") if self.listing is not None else t("menu.new.none")
            f_none = app.font(15)
            for i, line in enumerate(wrap(words, f_none, self.left.width)):
                y = self.left.y + i * f_none.get_linesize()
                blit(surface, line, f_none, pal.muted, (self.left.x, y))
            return
        if not self.tabbed:
            f_h = app.font(20, True)
            y = r.y
            for line in self.title_lines:
                blit(surface, line, f_h, pal.text, (r.x, y))
                y += f_h.get_linesize()
            y += s(4)
            meta = [tn("menu.new.seats", len(entry.seats))]
            if entry.turns:
                meta.insert(0, tn("menu.new.turns", entry.turns))
            meta.append(t("menu.new.shipped") if entry.shipped else t("menu.new.yours"))
            blit(surface, clip(" · ".join(meta), f_meta, r.width), f_meta, pal.accent, (r.x, y))
        if self.picker is not None and self.seats_label_y is not None:
            f_l = app.font(16, True)
            heading = t("menu.seats.heading")
            blit(surface, heading, f_l, pal.accent, (r.x, self.seats_label_y))
            x = r.x + f_l.size(heading)[0] + s(12)
            hint = clip(t("menu.seats.short_hint"), f_meta, r.right - x)
            blit(surface, hint, f_meta, pal.muted, (x, self.seats_label_y + s(3)))
        if self.picker is not None:
            self.picker.draw(surface)
        if self.scenario(entry) is None:
            f_bad = app.font(15, True)
            line = clip(t("menu.new.cannot_start_short"), f_bad, r.width)
            blit(surface, line, f_bad, pal.bad, (r.x, self.problems_y))
        if self.seed_entry is not None:
            f = app.font(14)
            pos = (self.seed_label_x, self.seed_entry.rect.centery)
            blit(surface, t("menu.new.seed"), f, pal.muted, pos, "midright")

    def draw_ring(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        if self.list is not None and r is self.list.rect:
            return  # the list shows its focus on its chosen card
        super().draw_ring(surface, r)
