"""Load a saved match: the saves folder listed newest first (read from each file's small header,
not the whole world), a save elsewhere through a file dialog, then who plays which seat.

A save that cannot be read is listed with what is wrong and is never written, moved or
deleted: the game only ever opens it for reading.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game import paths
from game.content.jsonio import not_a_file
from game.engine.model import Arrangement, Criterion
from game.engine.scenario import text as pick
from game.engine.world import World
from game.session.saves import (
    FORMAT_TAG,
    MAX_SAVE_BYTES,
    SAVE_VERSION,
    MatchRecord,
    SaveError,
    load_match,
    load_world,
    read_header,
)
from game.ui import i18n
from game.ui.i18n import save_error, t
from game.ui.scenes.menu import (
    Card,
    CardList,
    MenuScreen,
    Stop,
    autosave_path,
    blit,
    button_width,
    clip,
    draw_continuum,
    wrap,
)
from game.ui.widgets.seat_picker import (
    SeatPicker,
    remember_seats,
    remembered_seats,
    seats_of_world,
)

if TYPE_CHECKING:
    from game.ui.app import App


@dataclass(frozen=True)
class SaveInfo:
    """What the list shows of one save, read cheaply; ``error`` when it cannot be used."""

    path: Path
    mtime: float
    scenario: str = ""
    title: str = ""
    turn: int | None = None
    last_turn: int | None = None
    error: str = ""
    ended: bool = False  # the match is over (its debrief waits); a save that does not say: False


def peek_save(path: Path, titles: dict[str, str] | None = None) -> SaveInfo:
    """The save's header (read as JSON, key by key: ``read_header``) and a look at its last
    bytes (a file cut short by a crash ends without its closing brace). Never raises; never
    writes."""
    try:
        st = path.stat()
        kind = not_a_file(path)
        if kind:  # never opened: a pipe would be waited on forever
            return SaveInfo(path, st.st_mtime, error=t("menu.load.err.unreadable", reason=kind))
        if st.st_size > MAX_SAVE_BYTES:
            return SaveInfo(path, st.st_mtime, error=t("menu.load.err.too_big"))
        with path.open("rb") as f:
            f.seek(max(0, st.st_size - 64))
            tail = f.read()
    except OSError as e:
        return SaveInfo(path, 0.0, error=t("menu.load.err.unreadable", reason=e.strerror or e))
    mtime = st.st_mtime
    complete = tail.rstrip().endswith(b"}")
    try:
        header = read_header(path)
    except SaveError as e:
        if e.key == "damaged" and not complete:
            return SaveInfo(path, mtime, error=t("menu.load.err.cut_short"))
        return SaveInfo(path, mtime, error=short_error(e, path))
    if header.get("format") != FORMAT_TAG:
        return SaveInfo(path, mtime, error=t("menu.load.err.not_save"))
    version, scenario, turn = (header.get(k) for k in ("version", "scenario", "turn"))
    if type(version) is int and version > SAVE_VERSION:
        return SaveInfo(path, mtime, error=t("menu.load.err.newer", version=version))
    if not complete:
        return SaveInfo(path, mtime, error=t("menu.load.err.cut_short"))
    if type(version) is not int or not isinstance(scenario, str) or type(turn) is not int:
        return _peek_fully(path, mtime, titles)  # loading says exactly what is wrong
    last = header.get("last_turn")
    world_title = header.get("title")
    title = (titles or {}).get(scenario) or (world_title if isinstance(world_title, str) else "")
    return SaveInfo(
        path,
        mtime,
        scenario,
        title or scenario,
        turn,
        last if type(last) is int else None,
        ended=header.get("ended") is True,
    )


def progress(info: SaveInfo) -> str:
    """How far the saved match got: "Turn 12 of 24", or "Ended after turn 24 of 24"."""
    if info.last_turn:
        key = "menu.load.ended" if info.ended else "menu.load.turn_of"
        return t(key, turn=info.turn, last=info.last_turn)
    return t("menu.load.turn", turn=info.turn)


def _peek_fully(path: Path, mtime: float, titles: dict[str, str] | None) -> SaveInfo:
    try:
        world = load_world(path)
    except SaveError as e:
        return SaveInfo(path, mtime, error=short_error(e, path))
    title = (titles or {}).get(world.scenario) or world.title or world.scenario
    return SaveInfo(
        path, mtime, world.scenario, title, world.turn, world.last_turn, ended=world.ended
    )


def short_error(e: SaveError, path: Path) -> str:
    """A SaveError's message in the player's language, without the path in front (the list
    shows the file already)."""
    return save_error(e, path)


def list_saves(folder: Path, titles: dict[str, str] | None = None) -> list[SaveInfo]:
    """Every ``*.json`` in the saves folder, newest first."""
    try:
        files = [p for p in folder.glob("*.json") if p.is_file()]
    except OSError:
        return []
    infos = [peek_save(p, titles) for p in files]
    return sorted(infos, key=lambda i: (-i.mtime, i.path.name))


def scenario_titles() -> dict[str, str]:
    """Scenario titles by id in the current language (a save's header holds only the id)."""
    from game.content import list_scenarios

    lang = i18n.language()
    return {e.id: pick(e.title, lang) for e in list_scenarios()}


def match_in_progress() -> SaveInfo | None:
    """The match the autosave holds, when a player could go on with it or read its debrief:
    what a new match, or another save opened, would write over (``None``: nothing to lose; a
    match not yet past its first turn is started again as it was from New match)."""
    auto = autosave_path()
    if not auto.is_file():
        return None
    info = peek_save(auto, scenario_titles())
    if info.error or (not info.ended and (info.turn or 0) <= 1):
        return None
    return info


def keep_match(info: SaveInfo) -> Path:
    """Move the autosave's match (``match_in_progress``) to a save of its own beside it,
    ``<scenario>-turn<N>.json`` (numbered when the name is taken), before another match takes
    the autosave's place; where it went. ``OSError`` if it could not be moved (nothing moved)."""
    folder = info.path.parent
    stem = f"{info.scenario}-turn{info.turn}"
    target = folder / f"{stem}.json"
    n = 2
    while target.exists():  # never over a save of the player's own
        target = folder / f"{stem}-{n}.json"
        n += 1
    info.path.rename(target)  # the same folder: the file moves whole or not at all
    return target


def keep_first(
    screen: MenuScreen, go_key: str, then: Callable[[], None], opening: World | None = None
) -> None:
    """Run ``then`` (a match takes the autosave's place), keeping the match in progress first:
    a dialog says where it will go and, on the player's word, moves it (``keep_match``). With
    nothing in progress, or ``opening`` the very match and turn the autosave holds (a save of
    it), ``then`` at once; if the move fails, the dialog says so and ``then`` does not run."""
    info = match_in_progress()
    if info is None or (opening is not None and _holds(info.path, opening)):
        then()
        return

    def keep_and_go() -> None:
        try:
            keep_match(info)
        except OSError as e:
            reason = e.strerror or str(e)
            screen.tell(t("menu.keep.failed.title"), t("menu.keep.failed", reason=reason))
            return
        then()

    text = t("menu.keep.text", title=info.title, progress=progress(info))
    screen.ask(t("menu.keep.title"), text, t(go_key), keep_and_go, t("menu.back"), "#primary")


def _holds(path: Path, world: World) -> bool:
    """Whether the save at ``path`` holds ``world`` (the same match at the same turn)."""
    try:
        return load_world(path).digest() == world.digest()
    except SaveError:
        return False


def saved_when(mtime: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(mtime)) if mtime else "?"


class LoadScene(MenuScreen):
    """The saves on the left, the chosen one's details on the right; after Load, the seats.

    ``open_path`` loads that file at once (Continue); with ``quick`` a remembered choice of
    seats resumes the match without asking."""

    def __init__(self, app: App, open_path: Path | None = None, quick: bool = False) -> None:
        super().__init__(app)
        self.titles = scenario_titles()
        self.saves = list_saves(paths.saves_dir(), self.titles)
        self.errors: dict[Path, str] = {}  # what loading found, over what the header said
        self.selected = 0
        self.loaded: tuple[Path, World] | None = None
        self.record: MatchRecord | None = None  # what the loaded save knows of its match
        self.humans: list[str] = []
        self.pending = open_path
        self.quick = quick
        self.opened: Path | None = None  # the save read last
        self.list: CardList | None = None
        self.picker: SeatPicker | None = None

    # ---- building ---------------------------------------------------------------------------

    def build(self) -> None:
        app, s, m = self.app, self.app.s, self.margin
        w = app.size[0]
        top = self.header_height() + s(6)
        bottom = self.footer_top() - s(18)
        left_w = max(s(260), int((w - 2 * m) * 0.46))
        self.left = pygame.Rect(m, top, left_w, bottom - top)
        self.right = pygame.Rect(
            m + left_w + s(28), top, w - m - (m + left_w + s(28)), bottom - top
        )
        self.picker = None
        if self.loaded is None:
            self._build_list()
        elif not self.loaded[1].ended:  # a match that is over has no seat left to play
            self._build_seats()
        self._build_footer()

    def _cards(self) -> list[Card]:
        cards = []
        for info in self.saves:
            error = self.errors.get(info.path) or info.error
            if error:
                cards.append(
                    Card(
                        info.path.name,
                        saved_when(info.mtime),
                        problem=t("menu.load.broken", error=error),
                        enabled=False,
                    )
                )
            else:
                cards.append(Card(info.title, self._meta(info), body=info.path.name))
        return cards

    def _meta(self, info: SaveInfo) -> str:
        return f"{progress(info)} · {saved_when(info.mtime)}"

    def _build_list(self) -> None:
        self.list = CardList(
            self,
            self.left,
            self._cards(),
            self.selected,
            body_lines=1,
            on_select=self._select,
            on_activate=lambda i: self.load_selected(),
        )
        offset = getattr(self, "_offset", 0)
        self.list.restore(offset)
        self.stops.append(
            Stop(
                rect=lambda: self.list.rect if self.list else None,
                activate=self.load_selected,
                vertical=lambda d: self.list.move(d) if self.list else False,
            )
        )

    def _build_seats(self) -> None:
        assert self.loaded is not None
        _, world = self.loaded
        s = self.app.s
        area = self.right.copy()
        area.y += s(40)
        area.height -= s(40)
        seats = seats_of_world(world, self.app.palette.actor_colour)
        saved = dict(self.record.ai_levels) if self.record is not None else {}
        self.picker = SeatPicker(
            self.app, area, seats, self.humans, self._seats_changed, levels=saved
        )
        self.picker.build()
        for i in range(len(seats)):
            if not seats[i].available:
                continue
            self.stops.append(
                Stop(
                    rect=lambda i=i: self.picker.shown_rect(i) if self.picker else None,
                    activate=lambda i=i: self._toggle(i),
                    arrows=lambda d, i=i: self._arrow(i, d),
                    entered=lambda i=i: self.picker.scroll_to(i) if self.picker else None,
                )
            )

    def _arrow(self, i: int, d: int) -> bool:
        """An arrow on a seat: the AI's next level on a seat the AI plays, else the toggle."""
        if self.picker is not None and not self.picker.is_human(i):
            self.picker.cycle_level(i, 1 if d > 0 else -1)
        else:
            self._toggle(i)
        return True

    def _build_footer(self) -> None:
        app, s = self.app, self.app.s
        y, bh = self.footer_top(), s(40)

        if self.loaded is None:
            load_label, open_label = t("menu.load.load"), t("menu.load.open")
            load = self.footer_primary(
                load_label, self.load_selected, t("menu.load.load.tip"), enabled=bool(self.saves)
            )
            ow = button_width(app, open_label, 120)
            self.button(
                pygame.Rect(load.rect.x - s(12) - ow, y, ow, bh),
                open_label,
                self.open_dialog,
                t("menu.load.open.tip"),
            )
            self.footer_left(t("menu.back"), self.back)
        else:
            # Resume is the last stop, so Shift+Tab from the first seat reaches it at once.
            self.footer_left(t("menu.load.other"), self.cancel)
            key = self._primary_key()
            self.footer_primary(t(key), self.resume, t(f"{key}.tip"))

    # ---- actions ----------------------------------------------------------------------------

    def _select(self, i: int) -> None:
        self.selected = i
        self.app.dirty()

    def _toggle(self, i: int) -> bool:
        if self.picker is not None:
            self.picker.toggle(i)
        return True

    def _seats_changed(self, humans: list[str]) -> None:
        self.humans = humans

    def selected_info(self) -> SaveInfo | None:
        if 0 <= self.selected < len(self.saves):
            return self.saves[self.selected]
        return None

    def load_selected(self) -> None:
        info = self.selected_info()
        if info is not None:
            self.open(info.path)

    def open(self, path: Path) -> None:
        """Read the save (only read); on success ask who plays, else say what is wrong."""
        try:
            saved = load_match(path)
        except SaveError as e:
            self.errors[path] = short_error(e, path)
            self._offset = self.list.offset if self.list else 0
            self.refresh()
            error = f"{path.name}: {save_error(e, path)}"  # the player's language, not the CLI's
            self.tell(t("menu.load.failed.title"), t("menu.load.failed", error=error))
            return
        world, self.record = saved.world, saved.record
        self.opened = path
        remembered = remembered_seats(world.scenario)
        if saved.record.humans is not None:  # the save knows who was playing: they go on
            remembered = saved.record.humans
        seats = world.rules.seats or list(world.actors)
        if remembered is not None:
            self.humans = [h for h in remembered if h in world.actors]
        else:
            self.humans = [s for s in seats if s in world.actors][:1]
        if self.quick and remembered is not None:
            self._resume(world, self.humans)
            return
        self.loaded = (path, world)
        self._offset = self.list.offset if self.list else 0
        self.focus = 0
        self.refresh()
        if world.ended:  # no seat to choose: Enter opens the debrief at once
            self.focus = len(self.stops) - 1
            self._entered()
            self.app.dirty()

    def resume(self) -> None:
        if self.loaded is None:
            return
        humans = self.picker.humans if self.picker else self.humans
        # the seats the AI plays at the levels shown (the others keep their saved levels)
        levels = self.picker.ai_levels() if self.picker else None
        self._resume(self.loaded[1], humans, levels)

    def _resume(
        self, world: World, humans: list[str], levels: dict[str, str] | None = None
    ) -> None:
        if self.opened != autosave_path():  # another save: the match in progress is kept
            play = partial(self._play, world, humans, levels)
            keep_first(self, "menu.keep.open", play, opening=world)
        else:
            self._play(world, humans, levels)

    def _play(self, world: World, humans: list[str], levels: dict[str, str] | None) -> None:
        from game.session.hotseat import resumed_match
        from game.ui import flow

        # a seat whose state fell stays its player's (the debrief still says whose it was): the
        # seat picker offers only the seats on the map
        saved = self.record.humans if self.record is not None else None
        fallen = [h for h in saved or () if h in world.fallen and h not in humans]
        session = resumed_match(
            world, [*humans, *fallen], autosave=autosave_path(), record=self.record, levels=levels
        )
        remember_seats(world.scenario, session.humans)
        try:
            flow.start(self.app, session)
        except ImportError as e:  # a build without the match screens
            self.tell(t("menu.not_ready.title"), t("menu.not_ready", what=str(e)))

    def go(self) -> None:
        if self.loaded is None:
            self.load_selected()
        else:
            self.resume()

    def _primary_key(self) -> str:
        """What the footer's main button does once a save is read: resume it, or show the
        debrief of a match that is over."""
        if self.loaded is None:
            return "menu.load.load"
        return "menu.load.debrief" if self.loaded[1].ended else "menu.load.resume"

    def hints(self) -> list[tuple[Sequence[str], str]]:
        return [*super().hints(), (("Ctrl", "S"), t(self._primary_key()))]

    def cancel(self) -> None:
        self.loaded = None
        self.focus = 0
        self.refresh()

    def back(self) -> None:
        if self.loaded is not None:
            self.cancel()
        else:
            self.app.pop()

    def refresh(self) -> None:
        focus = self.focus
        self.leave()
        self.build()
        self.focus = min(focus, len(self.stops) - 1) if self.stops else 0
        self._entered()
        self.app.dirty()

    # ---- a save from elsewhere ---------------------------------------------------------

    def open_dialog(self) -> None:
        """Choose a save in any folder (our own screen, drawn at the UI scale)."""
        from game.ui.scenes.open_file import OpenFileScene

        folder = paths.saves_dir()
        start = folder if folder.is_dir() else Path.home()
        self.app.push(OpenFileScene(self.app, start, self.open, t("menu.load.open.title")))

    # ---- input ------------------------------------------------------------------------------

    def handle_more(self, event: pygame.event.Event) -> None:
        if self.picker is not None and self.picker.handle(event):
            return
        if self.list is not None and self.loaded is None:
            self.list.handle(event)

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.pending is not None:  # Continue: open the autosave once the screen is up
            path, self.pending = self.pending, None
            self.open(path)

    def leave(self) -> None:
        if self.picker is not None:
            self.picker.kill()
        self.file_dialog = None
        super().leave()

    # ---- drawing ----------------------------------------------------------------------------

    def draw_content(self, surface: pygame.Surface) -> None:
        self.draw_header(surface, t("menu.load.heading"))
        focused = self.focused
        if self.loaded is None:
            if self.list is not None and self.list.cards:
                self.list.draw(surface, focused is not None and focused is self.stops[0])
            else:
                self._draw_empty(surface)
            self._draw_details(surface)
        else:
            self._draw_seats_heading(surface)
            if self.picker is not None:
                self.picker.draw(surface)

    def draw_ring(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        if self.list is not None and r is self.list.rect:
            return  # the list shows its focus on its chosen card
        super().draw_ring(surface, r)

    def _draw_empty(self, surface: pygame.Surface) -> None:
        s, pal = self.app.s, self.app.palette
        r = self.left
        pygame.draw.rect(surface, pal.panel, r, border_radius=s(8))
        f = self.app.font(15)
        y = r.y + s(24)
        for line in wrap(t("menu.load.none", folder=str(paths.saves_dir())), f, r.width - s(40)):
            blit(surface, line, f, pal.muted, (r.x + s(20), y))
            y += f.get_linesize()

    def _draw_details(self, surface: pygame.Surface) -> None:
        app, s, pal = self.app, self.app.s, self.app.palette
        info = self.selected_info()
        r = self.right
        if info is None:
            return
        f_h, f, f_small = app.font(20, True), app.font(15), app.font(13)
        y = r.y + s(4)
        error = self.errors.get(info.path) or info.error
        title = info.path.name if error else info.title
        for line in wrap(title, f_h, r.width, 2):
            blit(surface, line, f_h, pal.text, (r.x, y))
            y += f_h.get_linesize()
        y += s(8)
        rows = [
            (t("menu.load.file"), info.path.name),
            (t("menu.load.saved"), saved_when(info.mtime)),
        ]
        if not error:
            rows.insert(0, (t("menu.load.progress"), progress(info)))
        label_w = max(f_small.size(k)[0] for k, _ in rows) + s(14)
        for k, v in rows:
            blit(surface, k, f_small, pal.muted, (r.x, y + s(2)))
            blit(surface, clip(v, f, r.width - label_w), f, pal.text, (r.x + label_w, y))
            y += f.get_linesize() + s(4)
        y += s(10)
        if error:
            for line in wrap(t("menu.load.broken", error=error), f, r.width, 8):
                blit(surface, line, f, pal.bad, (r.x, y))
                y += f.get_linesize()
            y += s(6)
            for line in wrap(t("menu.load.untouched"), f_small, r.width, 3):
                blit(surface, line, f_small, pal.muted, (r.x, y))
                y += f_small.get_linesize()
        else:
            hint = t("menu.load.ended.hint" if info.ended else "menu.load.hint")
            for line in wrap(hint, f_small, r.width, 4):
                blit(surface, line, f_small, pal.muted, (r.x, y))
                y += f_small.get_linesize()

    def _draw_world(self, surface: pygame.Surface, world: World, r: pygame.Rect) -> None:
        """Where the saved world stands: its arrangement and the four criteria (public facts,
        the same for every seat), when there is room."""
        app, s, pal = self.app, self.app.s, self.app.palette
        f_label, f = app.font(13, True), app.font(15)
        need = f_label.get_linesize() + s(30) + f.get_linesize() + 4 * s(22)
        if r.height < need:
            return
        y = r.y
        blit(surface, t("menu.load.world").upper(), f_label, pal.muted, (r.x, y))
        y += f_label.get_linesize() + s(6)
        order = [a.value for a in Arrangement]
        index = order.index(world.arrangement.value) if world.arrangement.value in order else None
        bar_w = min(r.width, s(300))
        draw_continuum(surface, app, pygame.Rect(r.x, y, bar_w, s(8)), index)
        y += s(8) + s(14)
        name = t(f"menu.arrangement.{world.arrangement.value}")
        blit(surface, clip(name, f, r.width), f, pal.text, (r.x, y))
        y += f.get_linesize() + s(10)
        f_small = app.font(13)
        label_w = max(f_small.size(t(f"menu.criterion.{c.value}"))[0] for c in Criterion)
        track_w = min(r.width - label_w - s(60), s(200))
        for c in Criterion:
            value = float(getattr(world.criteria, c.value))
            blit(surface, t(f"menu.criterion.{c.value}"), f_small, pal.muted, (r.x, y))
            track = pygame.Rect(r.x + label_w + s(12), y + s(6), track_w, s(6))
            pygame.draw.rect(surface, pal.panel, track, border_radius=s(3))
            fill = track.copy()
            fill.width = round(track.width * max(0.0, min(value, 100.0)) / 100)
            colour = pal.criteria.get(c.value, pal.accent)
            pygame.draw.rect(surface, colour, fill, border_radius=s(3))
            blit(surface, f"{value:.0f}", f_small, pal.text, (track.right + s(8), y))
            y += s(22)

    def _lacks(self, world: World) -> str:
        """What the loaded save does not know of its match ("" when it knows every turn)."""
        if self.record is None or self.record.first_turn <= 1:
            return ""
        last = self.record.first_turn - 1
        key = "trust.save_lacks_one" if last == 1 else "trust.save_lacks_many"
        return t(key, last=last)

    def _draw_seats_heading(self, surface: pygame.Surface) -> None:
        app, s, pal = self.app, self.app.s, self.app.palette
        assert self.loaded is not None
        path, world = self.loaded
        r = self.left
        f_h, f, f_small = app.font(20, True), app.font(15), app.font(13)
        y = r.y + s(4)
        title = self.titles.get(world.scenario) or world.title or world.scenario
        for line in wrap(title, f_h, r.width, 3):
            blit(surface, line, f_h, pal.text, (r.x, y))
            y += f_h.get_linesize()
        y += s(8)
        key = "menu.load.ended" if world.ended else "menu.load.turn_of"
        meta = t(key, turn=world.turn, last=world.last_turn)
        blit(surface, meta, f, pal.accent, (r.x, y))
        y += f.get_linesize() + s(4)
        blit(surface, clip(path.name, f_small, r.width), f_small, pal.muted, (r.x, y))
        y += f_small.get_linesize() + s(18)
        hint = wrap(t("menu.load.ended.hint" if world.ended else "menu.seats.hint"), f, r.width, 4)
        lacks = self._lacks(world)
        if lacks:  # an old save: say before resuming what its debrief will not know
            room = (r.bottom - y - s(8)) // f_small.get_linesize()
            lacks_lines = wrap(lacks, f_small, r.width, max(1, min(5, room)))
            if len(hint) * f.get_linesize() + len(lacks_lines) * f_small.get_linesize() + s(8) > (
                r.bottom - y
            ):
                hint = []  # a short canvas: what the save lacks matters more than the hint
        for line in hint:
            blit(surface, line, f, pal.muted, (r.x, y))
            y += f.get_linesize()
        if lacks:
            y += s(8) if hint else 0
            for line in lacks_lines:
                blit(surface, line, f_small, pal.accent, (r.x, y))
                y += f_small.get_linesize()
        self._draw_world(surface, world, pygame.Rect(r.x, y + s(22), r.width, r.bottom - y - s(22)))
        # the right column: who plays (no one, once the match is over)
        if not world.ended:
            rr = self.right
            heading = t("menu.seats.heading")
            blit(surface, heading, app.font(17, True), pal.accent, (rr.x, rr.y + s(4)))
