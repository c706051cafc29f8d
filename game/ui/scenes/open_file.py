"""Open a file from any folder: the folders and saves of one folder as a list drawn at the UI
scale, the folder's path above it. (pygame_gui's own file dialog keeps fixed pixel sizes: at
200 % its rows overlapped and its button read "OK".)

Enter or a double click opens a folder or picks a file; Backspace goes up a folder; Escape or
Back returns without a file. Only files with the wanted suffix are listed, and nothing is ever
written or deleted here."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pygame

from game.ui.app import App
from game.ui.i18n import t
from game.ui.scenes.menu import Card, CardList, MenuScreen, Stop, blit, clip


def folder_entries(folder: Path, suffix: str = ".json") -> tuple[list[Path], str]:
    """What a folder shows: its parent (if it has one), its folders, then its files with
    ``suffix``, each sorted by name (hidden ones left out); and why it could not be read."""
    entries: list[Path] = []
    if folder.parent != folder:
        entries.append(folder.parent)
    try:
        children = sorted(folder.iterdir(), key=lambda p: p.name.lower())
    except OSError as e:
        return entries, e.strerror or str(e)
    folders, files = [], []
    for p in children:
        if p.name.startswith("."):
            continue
        try:
            if p.is_dir():
                folders.append(p)
            elif p.is_file() and p.suffix.lower() == suffix:
                files.append(p)
        except OSError:
            continue  # a link to nowhere, a file that vanished: not shown
    return entries + folders + files, ""


class OpenFileScene(MenuScreen):
    """Choose a file; ``on_pick(path)`` is called once this screen has closed."""

    def __init__(
        self,
        app: App,
        start: Path,
        on_pick: Callable[[Path], None],
        title: str,
        suffix: str = ".json",
    ) -> None:
        super().__init__(app)
        self.folder = start if start.is_dir() else Path.home()
        self.on_pick = on_pick
        self.title = title
        self.suffix = suffix
        self.entries: list[Path] = []
        self.problem = ""
        self.selected = 0
        self.list: CardList | None = None

    # ---- building ---------------------------------------------------------------------------

    def build(self) -> None:
        app, s, m = self.app, self.app.s, self.margin
        w = app.size[0]
        self.entries, self.problem = folder_entries(self.folder, self.suffix)
        self.path_y = self.header_height() + s(4)
        top = self.path_y + app.font(14).get_linesize() + s(12)
        bottom = self.footer_top() - s(18)
        area = pygame.Rect(m, top, w - 2 * m, bottom - top)
        self.list = CardList(
            self,
            area,
            [self._card(p) for p in self.entries],
            self.selected,
            body_lines=1,
            on_select=self._select,
            on_activate=lambda i: self.choose(),
        )
        self.stops.append(
            Stop(
                rect=lambda: self.list.rect if self.list else None,
                activate=self.choose,
                vertical=lambda d: self.list.move(d) if self.list else False,
            )
        )
        self.footer_primary(t("menu.open.open"), self.choose, t("menu.open.open.tip"))
        self.footer_left(t("menu.back"), self.back)

    def _card(self, p: Path) -> Card:
        if p == self.folder.parent:
            return Card(t("menu.open.parent"), t("menu.open.folder"), body=str(p))
        if p.is_dir():
            return Card(p.name, t("menu.open.folder"))
        try:
            st = p.stat()
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(st.st_mtime))
            meta = t("menu.open.file", when=when, kb=max(1, round(st.st_size / 1024)))
        except OSError:
            meta = ""
        return Card(p.name, meta)

    # ---- actions ----------------------------------------------------------------------------

    def _select(self, i: int) -> None:
        self.selected = i

    def go_to(self, folder: Path) -> None:
        self.folder = folder
        self.selected = 0
        self.refresh()

    def choose(self) -> None:
        if not 0 <= self.selected < len(self.entries):
            return
        p = self.entries[self.selected]
        if p.is_dir():
            self.go_to(p)
            return
        self.app.pop()
        self.on_pick(p)

    def up(self) -> None:
        if self.folder.parent != self.folder:
            came_from = self.folder
            self.go_to(self.folder.parent)
            if came_from in self.entries:  # keep the place: the folder we came out of
                self.selected = self.entries.index(came_from)
                self.refresh()

    def go(self) -> None:
        self.choose()

    def back(self) -> None:
        self.app.pop()

    def refresh(self) -> None:
        self.leave()
        self.focus = 0
        self.build()
        self._entered()
        self.app.dirty()

    def hints(self) -> list[tuple[tuple[str, ...], str]]:
        return [*super().hints(), (("Backspace",), t("menu.open.up"))]

    # ---- input ------------------------------------------------------------------------------

    def handle_more(self, event: pygame.event.Event) -> None:
        if self.list is not None:
            self.list.handle(event)

    def hotkey(self, event: pygame.event.Event) -> None:
        if event.key == pygame.K_BACKSPACE:
            self.up()
        else:
            super().hotkey(event)

    # ---- drawing ----------------------------------------------------------------------------

    def draw_content(self, surface: pygame.Surface) -> None:
        app, s, pal = self.app, self.app.s, self.app.palette
        self.draw_header(surface, self.title)
        f = app.font(14)
        width = app.size[0] - 2 * self.margin
        blit(surface, clip(str(self.folder), f, width), f, pal.muted, (self.margin, self.path_y))
        if self.list is not None:
            self.list.draw(surface, self.focused is not None and self.focus == 0)
        if self.problem or len(self.entries) <= 1:
            why = (
                t("menu.open.unreadable", error=self.problem)
                if self.problem
                else t("menu.open.empty")
            )
            y = (self.list.rect.y if self.list else 0) + s(120)
            blit(surface, clip(why, f, width), f, pal.muted, (self.margin + s(16), y))
