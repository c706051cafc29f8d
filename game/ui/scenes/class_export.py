"""Export for the class: the screen where the teacher picks the folder the class debrief
(debrief.html, criteria.csv, replay.json) is written into (the field starts on a new folder in
the user's data folder), and where it went, or why not, is said in one line. Which match can
be written, and how, is ``game.report.class_export``'s business (``class_exporter``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.report.class_export import ClassExportError, Exporter, default_folder
from game.ui.i18n import t
from game.ui.scene import Scene
from game.ui.scenes.report import button_width, scene_theme, tooltip
from game.ui.widgets import wrap

if TYPE_CHECKING:
    from game.engine import World
    from game.ui.app import App


class ClassExportScene(Scene):
    """The folder to write into (a field, filled with a new folder), Write and Back; the line
    under them says what was written where, or why not."""

    def __init__(self, app: App, world: World, exporter: Exporter) -> None:
        super().__init__(app)
        self.exporter = exporter
        self.folder = str(default_folder(world))
        self.status = ""
        self.status_ok = True
        self.written: list[Path] = []
        self.entry: UITextEntryLine | None = None
        self.write_button: UIButton | None = None
        self.back_button: UIButton | None = None
        self._texts: list[tuple[pygame.Surface, tuple[int, int]]] = []
        self._focus_entry = False

    def build(self) -> None:
        app, s, p = self.app, self.app.s, self.app.palette
        w = app.size[0]
        scene_theme(app)
        m = s(40)
        width = min(w - 2 * m, s(900))
        x = (w - width) // 2
        y = m
        self._texts = []

        def text(words: str, size: int, colour, bold: bool = False) -> None:
            nonlocal y
            font = app.font(size, bold)
            for line in wrap(words, font, width):
                self._texts.append((font.render(line, True, colour), (x, y)))
                y += font.get_linesize()

        text(t("class_export.title"), 24, p.accent, True)
        y += s(8)
        text(t("class_export.intro"), 15, p.text)
        y += s(16)
        text(t("class_export.folder"), 15, p.muted, True)
        y += s(4)
        eh = app.font(15).get_linesize() + s(16)
        self.entry = self.keep(
            UITextEntryLine(pygame.Rect(x, y, width, eh), app.manager, initial_text=self.folder)
        )
        tooltip(app, self.entry, t("class_export.folder_tip"))
        y += eh + s(14)
        bh = s(44)
        wl, bl = t("class_export.write"), t("class_export.back")
        ww, bw = button_width(app, wl, bold=True), button_width(app, bl)
        self.write_button = self.keep(
            UIButton(pygame.Rect(x, y, ww, bh), wl, app.manager, object_id="#primary")
        )
        tooltip(app, self.write_button, t("class_export.write_tip"))
        self.back_button = self.keep(
            UIButton(pygame.Rect(x + ww + s(12), y, bw, bh), bl, app.manager)
        )
        tooltip(app, self.back_button, t("class_export.back_tip"))
        y += bh + s(14)
        if self.status:
            text(self.status, 15, p.good if self.status_ok else p.bad, not self.status_ok)
        self._focus_entry = True  # next frame: the key that opened this screen is not typed

    def update(self, dt: float) -> None:
        if self._focus_entry and self.entry is not None:
            self._focus_entry = False
            self.entry.focus()

    def write(self) -> list[Path] | None:
        """Write the files into the folder in the field; the line says where or why not."""
        if self.entry is not None:
            self.folder = self.entry.get_text().strip()
        if not self.folder:
            self.status, self.status_ok = t("class_export.error.no_folder"), False
            self.rebuild()
            return None
        folder = Path(self.folder).expanduser()
        if not folder.is_absolute():  # not the game's working folder, which no one sees
            folder = Path.home() / folder
        try:
            files = self.exporter(folder)
        except ClassExportError as e:
            self.status, self.status_ok = str(e), False
        except OSError as e:
            why = e.strerror or str(e)
            self.status, self.status_ok = t("class_export.error.write", why=why), False
        else:
            self.written = files
            names = ", ".join(f.name for f in files)
            self.status = t("class_export.written", files=names, folder=str(folder))
            self.status_ok = True
            self.rebuild()
            return files
        self.rebuild()
        return None

    def back(self) -> None:
        self.app.pop()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.write_button:
                self.write()
            elif event.ui_element is self.back_button:
                self.back()
        elif event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            self.write()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.back()
        elif event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.write()  # the field does not have the keyboard: Enter writes all the same

    def draw(self, surface: pygame.Surface) -> None:
        for img, pos in self._texts:
            surface.blit(img, pos)


def export_journal(app: App, journal: Path) -> str | None:
    """Open the export screen for a class host's journal (the teacher console's end: one call
    with the host's ``journal.path``); why not (a journal that cannot be read), or ``None``."""
    from game.net.journal import JournalError, read_journal
    from game.report.class_export import class_exporter

    try:
        world = read_journal(journal).last.world
    except JournalError as e:
        return str(e)

    class Host:  # what class_exporter asks of a class host's session
        class_journal = journal

    exporter = class_exporter(Host())
    assert exporter is not None
    app.push(ClassExportScene(app, world, exporter))
    return None
