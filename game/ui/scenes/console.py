"""The teacher console: the class match as a projector shows it, and the teacher's hands on it.

Above: the turn, the turn timer (counting down; what becomes of a late seat), whether the match
is paused, and the address students type. Left: the continuum bar, the four criteria and the
map (the public view: no seat's secrets). Right: every seat with its join code, who is
connected and whether it has submitted, and the class's latest messages. Below: a button for
every console action, each with its key:

- P pause / resume (the turn and its timer stand still), T the turn timer (off, 1, 2, 3, 5, 10,
  15 minutes), O what the timer does to a late seat (hold its draft, or give it to the AI),
  R resolve now, N a new join code for the selected seat, F the selected seat back to the AI,
  X remove the selected seat's last client, C play a teacher card onto the selected seat,
  E end the match (asked first).

Up/Down choose the seat (or a click on its row). Escape leaves; a console that hosts the match
(``ServedHost``) asks first, since leaving stops the host (the journal keeps the match:
**Resume a class** goes on with it).

The console never waits on the network: ``ConsoleLink`` talks to the host from a thread of its
own, and the screen takes what arrived once a frame (``pump``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.engine.structure import measure
from game.net.console_client import ConsoleLink, ServedHost
from game.net.protocol import (
    EndMatch,
    FreeSeat,
    Message,
    Pause,
    PlayCard,
    Reassign,
    RemoveClient,
    ResolveNow,
    SetTimer,
)
from game.ui.app import App
from game.ui.i18n import language, localized, reason, t
from game.ui.scenes.menu import MenuScreen, Stop, blit, button_width, clip, wrap
from game.ui.widgets import mix
from game.ui.widgets.class_seats import SeatsTable
from game.ui.widgets.continuum_bar import ContinuumBar, position
from game.ui.widgets.criteria import CriteriaPanel
from game.ui.widgets.mapview import MapView

TIMERS = (0, 60, 120, 180, 300, 600, 900)  # the turn timer's choices, in seconds


def clock(seconds: float) -> str:
    """Seconds as a clock reads them: 2:05."""
    whole = max(0, int(seconds + 0.999))
    return f"{whole // 60}:{whole % 60:02d}"


@dataclass
class Action:
    """One console button: its label, its key, what it does, whether it may be used now."""

    key: str
    label: str
    keycode: int
    run: Callable[[], None]
    enabled: bool = True


class ConsoleScene(MenuScreen):
    """The teacher console (see the module's docstring)."""

    def __init__(self, app: App, link: ConsoleLink, served: ServedHost | None = None) -> None:
        super().__init__(app)
        self.link = link
        self.served = served
        self.map = MapView(app, pygame.Rect(0, 0, 10, 10))
        self.bar = ContinuumBar(app, pygame.Rect(0, 0, 10, 10))
        self.criteria = CriteriaPanel(app, pygame.Rect(0, 0, 10, 10))
        self.seats = SeatsTable(app, pygame.Rect(0, 0, 10, 10))
        self.picking_card = False  # the card row: which teacher card to play
        # the last teacher card played, and on which turn: said until the turn moves on
        self.played: tuple[int, str] | None = None
        self.card_index = 0
        self._shown_view: object = None
        self._shape: tuple = ()  # what the buttons were built for (their labels, enabled)
        self._second = -1
        self.show_map = True
        self.show_world = True

    # ---- life cycle ----------------------------------------------------------------------------

    def close(self) -> None:
        """Stop listening (and hosting, when this console hosts the match)."""
        self.link.close()
        if self.served is not None:
            self.served.stop()

    # ---- what the buttons are ------------------------------------------------------------------

    def heading(self) -> str:
        """The match's title in the teacher's language (the host sends its English one)."""
        st = self.link.state
        title = st.view.title_in(language()) if st.view is not None else st.title
        return title or t("console.title")

    def _card_title(self, card_id: str, sent: str) -> str:
        """A teacher card's title in the teacher's language, from the rules the host sent (it
        sends the English one)."""
        rules = self.link.state.rules
        card = rules.card(card_id) if rules is not None else None
        return localized(card.title) if card is not None else sent

    def console_actions(self) -> list[Action]:
        st = self.link.state
        status = st.status
        live = st.connected and status is not None and not status.ended
        seat = self.seats.seat
        if self.picking_card:
            cards = [
                Action(
                    "",
                    self._card_title(card.id, card.title),
                    0,
                    lambda i=i: self.play_card(i),
                    live and seat is not None,
                )
                for i, card in enumerate(st.cards)
            ]
            return [*cards, Action("Esc", t("console.cancel"), pygame.K_ESCAPE, self.cancel_card)]
        paused = bool(status and status.paused)
        timer = status.timer if status else 0
        on_timeout = status.on_timeout if status else "hold"
        return [
            Action(
                "P",
                t("console.resume") if paused else t("console.pause"),
                pygame.K_p,
                self.toggle_pause,
                live,
            ),
            Action(
                "T",
                t("console.timer", time=clock(timer)) if timer else t("console.timer.off"),
                pygame.K_t,
                self.next_timer,
                live,
            ),
            Action(
                "O",
                t(f"console.on_timeout.{on_timeout}"),
                pygame.K_o,
                self.toggle_on_timeout,
                live,
            ),
            Action("R", t("console.resolve"), pygame.K_r, self.resolve_now, live),
            Action(
                "N", t("console.new_code"), pygame.K_n, self.new_code, live and seat is not None
            ),
            Action(
                "F",
                t("console.free"),
                pygame.K_f,
                self.free_seat,
                live and seat is not None and seat.claimed,
            ),
            Action(
                "X",
                t("console.remove"),
                pygame.K_x,
                self.remove_client,
                st.connected and seat is not None and bool(seat.clients),
            ),
            Action(
                "C",
                t("console.card"),
                pygame.K_c,
                self.pick_card,
                live and seat is not None and bool(st.cards),
            ),
            Action("E", t("console.end"), pygame.K_e, self.end_match, live),
            # the class debrief (web page, criteria, replay) from the journal, at any time
            Action("W", t("console.export"), pygame.K_w, self.export, bool(self.journal_path())),
        ]

    # ---- building ------------------------------------------------------------------------------

    def build(self) -> None:
        app, s, m = self.app, self.app.s, self.margin
        w = app.size[0]
        acts = self.console_actions()
        self._shape = self._shape_of(acts)
        # the buttons, in as many rows as they need, above the foot
        bh, gap = (s(34), s(6)) if self.tiny else (s(40), s(8))
        rows: list[list[tuple[Action, int]]] = [[]]
        x = m
        for a in acts:
            label = self._label(a)
            bw = button_width(app, label, 90)
            if rows[-1] and x + bw > w - m:
                rows.append([])
                x = m
            rows[-1].append((a, bw))
            x += bw + gap
        buttons_top = self.footer_top() - s(10) - len(rows) * (bh + gap)
        for r, row in enumerate(rows):
            x = m
            for a, bw in row:
                label = self._label(a)
                rect = pygame.Rect(x, buttons_top + r * (bh + gap), bw, bh)
                tone = "#danger" if a.keycode == pygame.K_e else None
                self.button(rect, label, a.run, None, tone, a.enabled)
                x += bw + gap
        leave = t("console.stop_hosting") if self.served is not None else t("console.leave")
        self.footer_left(leave, self.back)

        # the body: the world on the left, the seats and messages on the right (on a very
        # short canvas, the seats alone: they are what the class reads from the projector)
        self.info_y = s(8) if self.tiny else self.header_height()
        top = self.info_y + app.font(22, True).get_linesize() + s(10)
        bottom = buttons_top - s(10)
        right_w = min(max(s(440), (w - 2 * m) * 2 // 5), w - 2 * m - s(200))
        if self.tiny:
            right_w = w - 2 * m
        left = pygame.Rect(m, top, w - 2 * m - right_w - s(16), bottom - top)
        right = pygame.Rect(w - m - right_w, top, right_w, bottom - top)
        self.show_world = not self.tiny
        bar_h, crit_h = (s(80), s(70)) if self.compact else (s(96), s(92))
        self.bar.set_rect(pygame.Rect(left.x, left.y, left.w, bar_h))
        self.criteria.set_rect(pygame.Rect(left.x, left.y + bar_h + s(6), left.w, crit_h))
        map_top = left.y + bar_h + crit_h + s(12)
        self.show_map = left.bottom - map_top >= s(80)
        self.map.set_rect(pygame.Rect(left.x, map_top, left.w, max(s(10), left.bottom - map_top)))
        rows = max(1, len(self.seats.seats) or 10)  # room for every seat when there is room
        wanted = self.seats.head_height() + rows * self.seats.row_height() + s(8)
        seats_h = right.h if right.h < s(260) else min(wanted, right.h - s(100))
        self.seats.rect = pygame.Rect(right.x, right.y, right.w, seats_h)
        self.messages_rect = pygame.Rect(
            right.x, right.y + seats_h + s(8), right.w, right.bottom - right.y - seats_h - s(8)
        )
        self.stops.insert(
            0,
            Stop(
                rect=lambda: self.seats.rect,
                activate=lambda: None,
                vertical=self._move_seat,
            ),
        )
        self._refresh_world(force=True)

    @property
    def tiny(self) -> bool:
        """A canvas too short for the world beside the seats (1280x720 at 200 %)."""
        return self.app.size[1] / self.app.settings.scale < 420

    def _label(self, a: Action) -> str:
        """A button's words with its key; on a short screen without it, so the buttons take
        fewer rows (the keys work all the same)."""
        if not a.key or a.key == "Esc" or self.compact:
            return a.label
        return f"{a.label}  [{a.key}]"

    def _move_seat(self, d: int) -> bool:
        moved = self.seats.move(d)
        if moved:
            self._rebuild_if_changed()
            self.app.dirty()
        return moved

    def _refresh_world(self, force: bool = False) -> None:
        st = self.link.state
        view = st.outcome or st.view
        if view is None or (view is self._shown_view and not force):
            return
        self._shown_view = view
        hist = view.history
        prev = hist[-2] if len(hist) >= 2 else None
        self.bar.set_state(
            measure(view),
            position(prev.arrangement, prev.centralization) if prev else None,
            prev.centralization if prev else None,
        )
        last = st.reports[-1] if st.reports else None
        self.criteria.set_state(hist, view.criteria, last.changes if last else None)
        self.map.set_world(view, None)

    def _shape_of(self, acts: list[Action]) -> tuple:
        """What the layout was built for: the buttons' labels and states, and the seats."""
        return (tuple((a.label, a.enabled) for a in acts), len(self.seats.seats))

    def _rebuild_if_changed(self) -> None:
        if self._shape_of(self.console_actions()) != self._shape:
            self.rebuild_in_place()

    # ---- every frame ---------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.link.pump():
            st = self.link.state
            if st.status is not None:
                self.seats.set_seats(st.status.seats, st.view, st.status.ended)
            self._refresh_world()
            if self.modal is None:
                self._rebuild_if_changed()
            self.app.dirty()
        left = self.link.state.remaining()
        second = -1 if left is None else int(left)
        if second != self._second:
            self._second = second
            self.app.dirty()

    # ---- actions -------------------------------------------------------------------------------

    def send(self, message: Message) -> None:
        self.link.state.refused = ""
        self.link.send(message)

    def toggle_pause(self) -> None:
        status = self.link.state.status
        self.send(Pause(paused=not (status and status.paused)))

    def next_timer(self) -> None:
        status = self.link.state.status
        now = status.timer if status else 0
        later = [x for x in TIMERS if x > now]
        on = status.on_timeout if status else "hold"
        self.send(SetTimer(seconds=later[0] if later else 0, on_timeout=on))

    def toggle_on_timeout(self) -> None:
        status = self.link.state.status
        now = status.timer if status else 0
        on = status.on_timeout if status else "hold"
        self.send(SetTimer(seconds=now, on_timeout="ai" if on == "hold" else "hold"))

    def resolve_now(self) -> None:
        self.send(ResolveNow())

    def new_code(self) -> None:
        seat = self.seats.seat
        if seat is not None:
            self.send(Reassign(seat=seat.seat))

    def free_seat(self) -> None:
        seat = self.seats.seat
        if seat is not None:
            self.send(FreeSeat(seat=seat.seat))

    def remove_client(self) -> None:
        seat = self.seats.seat
        if seat is not None and seat.clients:
            self.send(RemoveClient(client=seat.clients[-1].id))

    def pick_card(self) -> None:
        self.picking_card = True
        self._rebuild_if_changed()

    def cancel_card(self) -> None:
        self.picking_card = False
        self._rebuild_if_changed()

    def play_card(self, i: int) -> None:
        seat = self.seats.seat
        st = self.link.state
        cards = st.cards
        if seat is not None and 0 <= i < len(cards):
            self.send(PlayCard(card=cards[i].id, seat=seat.seat))
            said = t(
                "console.card.played",
                card=self._card_title(cards[i].id, cards[i].title),
                seat=self.seats.seat_name(seat.seat, article=True),
            )
            self.played = (st.status.turn if st.status else 0, said)
        self.cancel_card()

    def end_match(self) -> None:
        self.ask(t("console.end.title"), t("console.end.text"), t("console.end.yes"), self._end_now)

    def _end_now(self) -> None:
        self.send(EndMatch())

    def back(self) -> None:
        if self.picking_card:
            self.cancel_card()
            return
        if self.served is None:
            self._leave_now()
            return
        self.ask(
            t("console.stop.title"),
            t("console.stop.text", path=str(self.journal_path())),
            t("console.stop.yes"),
            self._leave_now,
        )

    def export(self) -> None:
        """Export for the class: the debrief written from this host's journal, so far or at the
        end (the teacher picks the folder); a journal that cannot be read is said in one line."""
        from game.ui.scenes.class_export import export_journal

        path = self.journal_path()
        why = export_journal(self.app, Path(path)) if path else t("console.export.none")
        if why is not None:
            self.tell(t("console.export"), why)

    def journal_path(self) -> str:
        journal = self.served.host.journal if self.served is not None else None
        return str(journal.path) if journal is not None else ""

    def _leave_now(self) -> None:
        self.close()
        self.app.pop()

    def key(self, event: pygame.event.Event) -> None:
        # Up/Down always choose the seat (the buttons are a row: Tab and Left/Right go along it)
        if self.modal is None and event.key in (pygame.K_UP, pygame.K_DOWN):
            self._move_seat(-1 if event.key == pygame.K_UP else 1)
            return
        super().key(event)

    def hotkey(self, event: pygame.event.Event) -> None:
        for a in self.console_actions():
            if a.keycode and event.key == a.keycode and a.enabled:
                a.run()
                return
        super().hotkey(event)

    def handle_more(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            row = self.seats.row_at(event.pos)
            if row is not None:
                self.seats.selected = row
                self.set_focus(0)
                self._rebuild_if_changed()
                self.app.dirty()

    def hints(self) -> list[tuple[Sequence[str], str]]:
        return [(("up", "down"), t("console.keys.seat")), (("Esc",), t("console.keys.leave"))]

    # ---- drawing -------------------------------------------------------------------------------

    def draw_content(self, surface: pygame.Surface) -> None:
        app, s, pal, m = self.app, self.app.s, self.app.palette, self.margin
        st = self.link.state
        status = st.status
        if not self.tiny:
            self.draw_header(surface, self.heading())
        # the info strip: the turn, the timer, the pause, the address
        big = app.font(22, True)
        y = self.info_y
        x = m
        if status is not None:
            last = st.view.last_turn if st.view is not None else 0
            turn = t("console.turn", turn=status.turn, last=last)
            x = blit(surface, turn, big, pal.text, (x, y)).right + s(24)
            left = st.remaining()
            if status.ended:
                words, colour = t("console.ended"), pal.accent
            elif status.paused:
                words, colour = t("console.paused"), pal.bad
                if left is not None:
                    words += "  " + clock(left)
            elif left is not None:
                words = t("console.time_left", time=clock(left))
                colour = pal.bad if left < 30 else pal.good
            else:
                words, colour = t("console.no_timer"), pal.muted
            x = blit(surface, words, big, colour, (x, y)).right + s(24)
        address = self.served.address if self.served is not None else self.link.address
        small = app.font(16)
        where = t("console.address", address=address)
        if not st.connected:
            where = reason(st.error) if st.error else t("console.connecting")
        room = app.size[0] - m - x
        blit(surface, clip(where, small, room), small, pal.muted, (x, y + s(4)))

        if self.show_world and (st.view is not None or st.outcome is not None):
            self.bar.draw(surface)
            self.criteria.draw(surface)
            if self.show_map:
                self.map.draw(surface)
        self.seats.draw(surface, self.focused is not None and self.focus == 0 and not self.modal)
        self._draw_messages(surface)

    def _draw_messages(self, surface: pygame.Surface) -> None:
        app, s, pal = self.app, self.app.s, self.app.palette
        r = self.messages_rect
        if r.h < s(40):
            return
        pygame.draw.rect(surface, mix(pal.panel, pal.background, 0.3), r, border_radius=s(8))
        head, f = app.font(13, True), app.font(15)
        title = t("console.messages", n=len(self.link.state.messages))
        surface.blit(head.render(title, True, pal.muted), (r.x + s(10), r.y + s(4)))
        y_top = r.y + head.get_linesize() + s(6)
        lines = self.message_lines()
        fits = max(0, (r.bottom - y_top - s(4)) // f.get_linesize())
        y = y_top
        for line, colour in lines[-fits:] if fits else []:
            surface.blit(f.render(line, True, colour), (r.x + s(10), y))
            y += f.get_linesize()

    def message_lines(self) -> list[tuple[str, tuple[int, int, int]]]:
        """The lines of the messages panel, wrapped to it, with their colours: what the card
        row is for, the host's refusal or the card just played, then the class's messages."""
        app, s, pal = self.app, self.app.s, self.app.palette
        width, f = self.messages_rect.w - s(20), app.font(15)
        st = self.link.state
        lines: list[tuple[str, tuple[int, int, int]]] = []
        seat = self.seats.seat
        if self.picking_card and seat is not None:  # what the row of cards below is for
            prompt = t("console.card.prompt", seat=self.seats.seat_name(seat.seat, article=True))
            for line in wrap(prompt, app.font(15, True), width):
                lines.append((line, pal.accent))
        if st.refused:  # the host's last refusal of the teacher's own action
            lines.append((t("console.refused", reason=reason(st.refused)), pal.bad))
        elif self.played and st.status and self.played[0] == st.status.turn:
            for line in wrap(self.played[1], f, width):
                lines.append((line, pal.accent))
        for msg in [] if self.picking_card else st.messages[-12:]:
            named = [msg.to] if isinstance(msg.to, str) else msg.to
            to = ", ".join(
                t("console.to_all") if x == "all" else self.seats.seat_name(x) for x in named
            )
            said = t(
                "console.message",
                name=msg.name,
                seat=self.seats.seat_name(msg.sender),
                to=to,
                text=msg.text,
            )
            for line in wrap(said, f, width):
                lines.append((line, pal.text))
        return lines
