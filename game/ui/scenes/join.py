"""Join a class: a student's way into a seminar match hosted on the teacher's computer.

On the left, the classes announced on this network (``game.net.discovery``): choosing one fills
in its address. On the right, the address typed by hand (``host:port``, the fallback when the
school's network blocks multicast), the seat's join code from the teacher's screen, and the
student's name as team mates see it. **Join** (Enter in the code or name field, Ctrl+S)
connects in the background (``RemoteMatch``); the screen says "Connecting…" and, when the host
has welcomed the seat, the match screens take over. What goes wrong is said in one line under
the fields, in the player's language: not an address, no code, no host there, something there
that is not a class, a wrong code, a host of another version. Tab and Shift+Tab walk the list,
the fields and the buttons; Escape goes back.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryLine

from game.ui.i18n import reason, t
from game.ui.scenes.menu import Card, CardList, MenuScreen, Stop, blit, clip, oid, wrap

if TYPE_CHECKING:
    from game.net.client import Failure, RemoteMatch
    from game.net.discovery import Announced, LanBrowser
    from game.ui.app import App

JOIN_TIMEOUT = 20.0  # seconds without a welcome before the screen gives up on a host


def lan_browser() -> LanBrowser | None:
    """A browser looking for classes on the network (``None`` when switched off with
    ``CONTINUUM_LAN=off``)."""
    try:
        from game.net.discovery import LanBrowser, lan_off
    except ImportError:  # a build without zeroconf: the typed address still works
        return None
    if lan_off():
        return None
    browser = LanBrowser()
    browser.start()
    return browser


def failure_line(failure: Failure, address: str, code: str) -> str:
    """Why joining failed, in one line in the player's language."""
    from game.net.protocol import PROTOCOL_VERSION

    values = {
        "address": address,
        "code": code,
        "why": reason(failure.detail),  # the host's words, in the player's language
        "theirs": failure.detail,
        "ours": PROTOCOL_VERSION,
    }
    return t(f"join.error.{failure.kind}", **values)


class JoinScene(MenuScreen):
    """The Join screen (see the module's docstring). ``address`` and ``code`` given (``continuum
    join ADDRESS --code CODE``) join at once."""

    # Where the list of classes comes from; tests give a browser fed with records instead.
    browser_factory: Callable[[], LanBrowser | None] = staticmethod(lan_browser)

    def __init__(self, app: App, address: str = "", code: str = "", name: str = "") -> None:
        super().__init__(app)
        self.address = address
        self.code = code
        self.name = name
        self.auto = bool(address and code)
        self.browser: LanBrowser | None = None
        self.browsing = False
        self.classes: list[Announced] = []
        self.selected = 0
        self._changes = -1
        self.list: CardList | None = None
        self.entries: dict[str, UITextEntryLine] = {}
        self.session: RemoteMatch | None = None
        self.started = 0.0
        self.status = ""  # "Connecting to …"
        self.error = ""  # what went wrong, in one line
        self.join_button: pygame_gui.elements.UIButton | None = None
        self.lan_text = ""  # what the list says while it is empty (tests read it)
        self.shown = ""  # the line drawn under the fields

    @classmethod
    def after_failure(cls, app: App, session: RemoteMatch) -> JoinScene:
        """The Join screen for a class that could not go on, saying why, its fields filled in
        (joining again may work once the teacher has sorted it out)."""
        scene = cls(app, session.address, session.code, session.name)
        scene.auto = False
        if session.failure is not None:
            scene.error = failure_line(session.failure, session.address, session.code)
        return scene

    # ---- building ---------------------------------------------------------------------------

    def enter(self) -> None:
        if not self.browsing:
            self.browsing = True
            self.browser = type(self).browser_factory()
        self._take_classes()
        super().enter()

    def build(self) -> None:
        app, s, m = self.app, self.app.s, self.margin
        w = app.size[0]
        top = self.header_height() + s(6)
        bottom = self.footer_top() - s(14)
        left_w = max(s(240), int((w - 2 * m) * 0.46))
        self.heading_y = top
        list_top = top + app.font(16, True).get_linesize() + s(8)
        self.left = pygame.Rect(m, list_top, left_w, bottom - list_top)
        self.right = pygame.Rect(m + left_w + s(28), top, w - 2 * m - left_w - s(28), bottom - top)
        self.list = self._class_list()
        self.stops.append(
            Stop(
                rect=lambda: self.list.rect if self.list else None,
                activate=lambda: self._use_class(self.selected, join=True),
                vertical=lambda d: self.list.move(d) if self.list else False,
                enabled=lambda: bool(self.classes),
            )
        )
        f_label = app.font(14, True)
        y = self.right.y
        eh = s(38)
        gap = s(10) if self.compact else s(16)
        self.labels: list[tuple[str, int]] = []
        self.entries = {}
        fields = (
            ("address", self.address, 64),
            ("code", self.code, 16),
            ("name", self.name, 40),
        )
        # On a short canvas (a large scale) each label sits left of its field, which leaves
        # the lines under the fields room for a whole error.
        beside = self.compact
        label_w = max(f_label.size(t(f"join.{key}"))[0] for key, _, _ in fields) + s(12)
        beside = beside and label_w <= self.right.width * 0.45
        fx = self.right.x + (label_w if beside else 0)
        for key, value, limit in fields:
            if beside:
                self.labels.append((t(f"join.{key}"), y + (eh - f_label.get_linesize()) // 2))
            else:
                self.labels.append((t(f"join.{key}"), y))
                y += f_label.get_linesize() + s(3)
            entry = UITextEntryLine(
                pygame.Rect(fx, y, self.right.right - fx, eh), app.manager, object_id=oid()
            )
            entry.set_text_length_limit(limit)
            entry.set_text(value)
            entry.set_tooltip(t(f"join.{key}.tip"), wrap_width=min(s(340), w - s(40)))
            self.keep(entry)
            self.entries[key] = entry
            self.stops.append(
                Stop(
                    rect=lambda e=entry: e.rect,
                    entered=lambda e=entry: e.focus(),
                    left=lambda e=entry: self._leave_field(e),
                    element=entry,
                )
            )
            y += eh + gap
        self.status_y = y
        self.footer_left(t("menu.back"), self.back)
        self.join_button = self.footer_primary(t("join.join"), self.join, t("join.join.tip"))
        if self.session is not None:
            self.join_button.disable()  # rebuilt while connecting (a new scale or language)
        self._prefill()

    def _prefill(self) -> None:
        """A class found and no address typed yet: take the first one's."""
        entry = self.entries.get("address")
        empty = entry is not None and not entry.get_text().strip()
        if empty and self.classes and self.classes[0].joinable:
            self._use_class(0)

    def _class_list(self) -> CardList:
        """The classes found on the network, one card each (Enter joins the chosen one)."""
        return CardList(
            self,
            self.left,
            [self._card(a) for a in self.classes],
            self.selected,
            body_lines=1,
            on_select=self._select,
            on_activate=lambda i: self._use_class(i, join=True),
        )

    def _card(self, a: Announced) -> Card:
        if not a.joinable:
            return Card(a.title, a.address, problem=t("join.card.other_version"), enabled=False)
        seats = t("join.card.seats", free=a.free, seats=a.seats)
        room = self.left.width - self.app.s(48)  # the card's padding, stripe and scroll bar
        body = f"{a.address} · {a.scenario}" if a.scenario else a.address
        return Card(a.title, clip(seats, self.app.font(14), room), body=body)

    # ---- the classes found --------------------------------------------------------------------

    def _take_classes(self) -> bool:
        """The browser's list, if it changed; whether it did."""
        browser = self.browser
        if browser is None or browser.changes == self._changes:
            return False
        self._changes = browser.changes
        chosen = self.classes[self.selected].name if 0 <= self.selected < len(self.classes) else ""
        self.classes = browser.classes()
        names = [a.name for a in self.classes]
        self.selected = names.index(chosen) if chosen in names else 0
        self._prefill()
        return True

    def _select(self, i: int) -> None:
        self.selected = i
        self._use_class(i)

    def _use_class(self, i: int, join: bool = False) -> None:
        """Take the chosen class's address (and join it, on Enter or a double click)."""
        if not 0 <= i < len(self.classes):
            return
        found = self.classes[i]
        if not found.joinable:
            self.error = t("join.error.version", theirs=found.version, ours=_ours())
            self.app.dirty()
            return
        self.address = found.address
        entry = self.entries.get("address")
        if entry is not None:
            entry.set_text(found.address)
        self.error = ""
        if join:
            code = self.entries.get("code")
            if code is not None and not code.get_text().strip():
                self.focus_element(code)  # the code is what is still missing
            else:
                self.join()
        self.app.dirty()

    # ---- joining ------------------------------------------------------------------------------

    def _keep_fields(self) -> None:
        for key, entry in self.entries.items():
            setattr(self, key, entry.get_text())

    def _leave_field(self, entry: UITextEntryLine) -> None:
        entry.unfocus()
        self._keep_fields()

    def join(self) -> None:
        """Connect to the class with the code typed (in the background)."""
        if self.session is not None:
            return  # already on its way
        from game.net.client import AddressError, RemoteMatch

        self._keep_fields()
        address, code = self.address.strip(), self.code.strip()
        self.error = ""
        if not address:
            self.error = t("join.error.no_address")
        elif not code:
            self.error = t("join.error.no_code")
        if self.error:
            self.focus_element(self.entries["address" if not address else "code"])
            self.app.dirty()
            return
        try:
            self.session = RemoteMatch.join(address, code, self.name.strip() or "student")
        except AddressError:
            self.error = t("join.error.address", address=address)
            self.focus_element(self.entries["address"])
            self.app.dirty()
            return
        self.started = time.monotonic()
        self.status = t("join.connecting", address=address)
        if self.join_button is not None:
            self.join_button.disable()
        self.app.dirty()

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.auto and self.entries:
            self.auto = False
            self.join()
        if self._take_classes() and self.list is not None:
            self.list = self._class_list()
            self.app.dirty()
        session = self.session
        if session is None:
            return
        session.pump()
        if session.status == "playing":
            self.session = None
            self._stop_browsing()
            from game.ui import flow

            flow.start(self.app, session)
        elif session.status == "failed" or time.monotonic() - self.started > JOIN_TIMEOUT:
            failure = session.failure
            session.close()
            self.session = None
            self.status = ""
            if failure is None:
                self.error = t("join.error.timeout", address=self.address)
            else:
                self.error = failure_line(failure, self.address, self.code)
            if self.join_button is not None:
                self.join_button.enable()
            if failure is not None and failure.kind == "wrong_code":
                self.focus_element(self.entries["code"])
            self.app.dirty()

    def _stop_browsing(self) -> None:
        if self.browser is not None:
            self.browser.close()
            self.browser = None

    def back(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
        self._stop_browsing()
        self.app.pop()

    def go(self) -> None:
        self.join()

    # ---- input --------------------------------------------------------------------------------

    def _handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
            if event.ui_element is self.entries.get("address"):
                self.focus_element(self.entries["code"])
            else:
                self.join()  # Enter in the code or the name: join
            return
        super()._handle(event)

    def handle_more(self, event: pygame.event.Event) -> None:
        clicked = self.list is not None and self.classes and self.list.handle(event)
        if clicked and event.type == pygame.MOUSEBUTTONDOWN and self.list is not None:
            self._use_class(self.list.selected)  # a click on a class: its address

    def hints(self) -> list[tuple[Sequence[str], str]]:
        return [*super().hints(), (("Ctrl", "S"), t("join.join"))]

    # ---- drawing ------------------------------------------------------------------------------

    def draw_content(self, surface: pygame.Surface) -> None:
        app, s, pal = self.app, self.app.s, self.app.palette
        self.draw_header(surface, t("join.heading"))
        f_head, f_label, f = app.font(16, True), app.font(14, True), app.font(15)
        blit(
            surface,
            clip(t("join.lan.heading"), f_head, self.left.width),
            f_head,
            pal.accent,
            (self.left.x, self.heading_y),
        )
        if self.classes and self.list is not None:
            self.list.draw(surface, self.focused is not None and self.focus == 0)
        else:
            if self.browser is None:
                empty = t("join.lan.off")
            elif self.browser.problem:
                empty = t("join.lan.failed", why=self.browser.problem)
            else:
                empty = t("join.lan.looking")
            self.lan_text = empty
            y = self.left.y + s(8)
            for line in wrap(empty, f, self.left.width - s(8), 6):
                blit(surface, line, f, pal.muted, (self.left.x + s(4), y))
                y += f.get_linesize()
        for text, y in self.labels:
            blit(
                surface,
                clip(text, f_label, self.right.width),
                f_label,
                pal.muted,
                (self.right.x, y),
            )
        y = self.status_y
        lines = self.error or self.status
        colour = pal.bad if self.error else pal.text
        room = max(1, (self.footer_top() - s(10) - y) // f.get_linesize())
        for line in wrap(lines, f, self.right.width, room) if lines else []:
            blit(surface, line, f, colour, (self.right.x, y))
            y += f.get_linesize()
        self.shown = lines

    def draw_ring(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        if self.list is not None and r is self.list.rect:
            return  # the list shows its focus on its chosen card
        super().draw_ring(surface, r)


def _ours() -> int:
    from game.net.protocol import PROTOCOL_VERSION

    return PROTOCOL_VERSION
