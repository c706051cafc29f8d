"""**Host a class** (the main menu): the small form that starts a host on this computer (in a
background thread) and opens the teacher console on it; its **Resume a class** goes on with a
match kept in a journal instead.

The form: the scenario (Left/Right, or click, go through the playable ones), the port students
connect to (8765 unless typed; 0 takes any free one), how many of the scenario's seats get a
join code (all, or the first few: the AI plays the rest) and the match's seed (the scenario's
own unless typed, as in New match: a class can play again the match another class played).
**Start hosting** starts the host with a new journal in the user's data folder. **Resume a
class** picks a journal file (the open file screen) and goes on with its match.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.content import ScenarioEntry, ScenarioError, list_scenarios, load_scenario
from game.engine.scenario import text as pick
from game.net.console_client import ConsoleLink, ServedHost
from game.net.journal import SUFFIX, JournalError, journals_dir, new_journal_path
from game.ui.app import App
from game.ui.i18n import language, t
from game.ui.scenes.console import ConsoleScene
from game.ui.scenes.menu import MenuScreen, Stop, blit, button_width, oid
from game.ui.scenes.new_match import typed_seed

DEFAULT_PORT = 8765
ROWS = ("console.form.scenario", "console.form.port", "console.form.seats", "console.form.seed")
BIND = "0.0.0.0"  # every network of this computer: the students' laptops reach it


def open_console(app: App, served: ServedHost) -> ConsoleScene:
    """The teacher console on ``served``, a host running in this process."""
    return ConsoleScene(app, ConsoleLink(served.loopback, served.host.console_token), served)


def resume_class(app: App, path: Path, port: int | None = None) -> str | None:
    """Go on with the class kept at ``path`` and open its console; why not, or None."""
    try:
        served = ServedHost.resume(path, BIND, DEFAULT_PORT if port is None else port)
    except JournalError as e:
        return str(e)
    except OSError as e:
        return t("console.form.failed") + f": {e.strerror or e}"
    served.announce()
    app.push(open_console(app, served))
    return None


def pick_journal(app: App) -> None:
    """**Resume a class**: choose a journal, then its console (or why it cannot go on)."""
    from game.ui.scenes.open_file import OpenFileScene

    def picked(path: Path) -> None:
        why = resume_class(app, path)
        scene = app.scene
        if why is not None and isinstance(scene, MenuScreen):
            scene.tell(t("console.resume.failed"), why)

    folder = journals_dir()
    app.push(OpenFileScene(app, folder, picked, t("console.resume.title"), SUFFIX))


class HostFormScene(MenuScreen):
    """The form (see the module's docstring)."""

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.entries: list[ScenarioEntry] = [e for e in list_scenarios() if e.ok and e.seats]
        default = next((i for i, e in enumerate(self.entries) if e.id == "kosovo"), 0)
        self.index = default
        self.seat_count = 0  # 0: every seat
        self.port_text = str(DEFAULT_PORT)
        self.port_entry: UITextEntryLine | None = None
        self.seeds: dict[str, str] = {}  # the seed typed for each scenario, by its id
        self.seed_entry: UITextEntryLine | None = None
        self.seed_of = ""  # the scenario the seed field was built for

    @property
    def entry(self) -> ScenarioEntry | None:
        return self.entries[self.index] if 0 <= self.index < len(self.entries) else None

    def build(self) -> None:
        app, s, m = self.app, self.app.s, self.margin
        w = app.size[0]
        bh = s(44)
        self.label_w = max(app.font(17, True).size(t(k))[0] for k in ROWS)
        x = m + self.label_w + s(24)
        fw = min(w - x - m, s(560))
        y = self.header_height() + s(24)
        self.rows_y = [y + i * (bh + s(18)) for i in range(len(ROWS))]
        entry = self.entry
        title = pick(entry.title, language()) if entry else "—"
        b = self.button(pygame.Rect(x, y, fw, bh), f"<  {title}  >", lambda: self.next_scenario(1))
        self.stops[-1].arrows = self.next_scenario
        del b
        self.port_entry = self._number_field(
            pygame.Rect(x, self.rows_y[1], s(160), bh), self.port_text, 5, self._keep_port
        )
        n = len(entry.seats) if entry else 0
        count = t("console.form.all_seats", n=n) if not self.seat_count else self.seats_label()
        self.button(
            pygame.Rect(x, self.rows_y[2], fw, bh), f"<  {count}  >", lambda: self.more_seats(1)
        )
        self.stops[-1].arrows = self.more_seats
        self.seed_entry = None
        if entry is not None and entry.scenario is not None:
            text = self.seeds.get(entry.id, str(entry.scenario.seed))
            rect = pygame.Rect(x, self.rows_y[3], s(260), bh)
            self.seed_entry = self._number_field(rect, text, 19, self._keep_seed)
            self.seed_entry.set_tooltip(t("menu.new.seed.tip"))
            self.seed_of = entry.id
        self.footer_primary(
            t("console.form.start"), self.start, t("console.form.start.tip"), entry is not None
        )
        back = self.footer_left(t("menu.back"), self.back)
        # Resume a class: the match of a journal, after the host stopped or the laptop restarted
        label = t("menu.resume_class")
        rect = pygame.Rect(back.rect.right + s(12), back.rect.y, 0, back.rect.h)
        rect.w = button_width(app, label, 110)
        self.button(rect, label, self.resume, t("menu.resume_class.tip"))

    def _number_field(
        self, rect: pygame.Rect, text: str, digits: int, left: Callable[[], None]
    ) -> UITextEntryLine:
        """A field of digits, kept and reached with Tab; ``left`` keeps its text on leaving,
        when the field gives up the keys too (what is typed next must not land in it)."""
        field = UITextEntryLine(rect, self.app.manager, object_id=oid())
        self.keep(field)
        field.set_allowed_characters("numbers")
        field.set_text_length_limit(digits)
        field.set_text(text)

        def leave() -> None:
            field.unfocus()
            left()

        self.stops.append(
            Stop(rect=lambda: field.rect, entered=field.focus, left=leave, element=field)
        )
        return field

    def resume(self) -> None:
        pick_journal(self.app)

    def seats_label(self) -> str:
        entry = self.entry
        seats = entry.seats[: self.seat_count] if entry else ()
        return ", ".join(seats)

    def _keep_port(self) -> None:
        if self.port_entry is not None:
            self.port_text = self.port_entry.get_text()

    def _keep_seed(self) -> None:
        # kept under the scenario the field was built for: moving to the next scenario must
        # not hand it this one's seed
        if self.seed_entry is not None and self.seed_of:
            self.seeds[self.seed_of] = self.seed_entry.get_text()

    def seed(self) -> int | None:
        """The seed typed for the chosen scenario; None: the scenario's own (an empty field, or a
        number past what a seed may be)."""
        self._keep_seed()
        entry = self.entry
        return typed_seed(self.seeds.get(entry.id, "")) if entry else None

    def _rebuild(self) -> None:
        self._keep_port()
        self._keep_seed()
        self.rebuild_in_place()

    def next_scenario(self, d: int) -> bool:
        if self.entries:
            self.index = (self.index + d) % len(self.entries)
            self.seat_count = 0
            self._rebuild()
        return True

    def more_seats(self, d: int) -> bool:
        entry = self.entry
        if entry is not None:
            n = len(entry.seats)
            # 0 (all) -> n-1 -> ... -> 1 -> all: the first few seats, the AI the rest
            now = self.seat_count or n
            now = now - d
            self.seat_count = 0 if now >= n or now < 1 else now
            self._rebuild()
        return True

    def port(self) -> int | None:
        self._keep_port()
        text = self.port_text.strip()
        if not text.isdigit():
            return None
        port = int(text)
        return port if port == 0 or 1024 <= port <= 65535 else None

    def start(self) -> None:
        entry = self.entry
        if entry is None:
            return
        port = self.port()
        if port is None:
            self.tell(t("console.form.failed"), t("console.form.bad_port"))
            return
        try:
            scenario = load_scenario(entry.path)
            seats = list(scenario.seats[: self.seat_count]) if self.seat_count else None
            served = ServedHost.new(
                scenario, seats, new_journal_path(scenario.id), BIND, port, self.seed()
            )
        except (ScenarioError, JournalError) as e:
            self.tell(t("console.form.failed"), str(e))
            return
        except OSError as e:
            self.tell(t("console.form.failed"), f"{port}: {e.strerror or e}")
            return
        served.announce()
        self.app.replace(open_console(self.app, served))

    def go(self) -> None:
        self.start()

    def _handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element in (
            self.port_entry,
            self.seed_entry,
        ):
            self.move_focus(1)  # Enter goes on to the next field, then to Start hosting
            return
        super()._handle(event)

    def hints(self) -> list[tuple[Sequence[str], str]]:
        return [*super().hints()[:2], (("Ctrl", "S"), t("console.form.start"))]

    def draw_content(self, surface: pygame.Surface) -> None:
        app, s, pal, m = self.app, self.app.s, self.app.palette, self.margin
        self.draw_header(surface, t("console.form.title"))
        f = app.font(17, True)
        bh = s(44)
        for key, y in zip(ROWS, self.rows_y, strict=True):
            blit(surface, t(key), f, pal.text, (m, y + bh // 2), "midleft")
