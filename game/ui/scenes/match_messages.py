"""The match screen's Messages tab, for a class's seat (a session with ``Messaging``): the
messages the seat received (who wrote, to whom, in which turn), newest first, and a composer
on top: the seats to write to (Everyone, or one or more seats: a group), the text, Send, and
one line that says what became of the last message (sent, too long, refused by the host and
why). The tab's title counts the unread messages. Hot-seat has no such tab.

``MessageRows`` makes the tab's rows (mixed into the side panel); ``ChatTab`` is the screen's
part (mixed into ``MatchScene``): what is chosen, sending, and following what arrives. Nothing
here waits on the network: the session answers from what it already holds."""

from __future__ import annotations

import html
from functools import partial
from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIButton, UITextEntryLine

from game.net.protocol import MAX_TEXT
from game.session.interface import ChatLine, Messaging
from game.ui.i18n import reason, t
from game.ui.scenes.match_words import name_of
from game.ui.widgets.row_list import Focusable, Row
from game.ui.widgets.text_fit import wrap_words

if TYPE_CHECKING:
    from game.ui.scenes.match import MatchScene

TAB = "messages"


def recipients_words(scene: MatchScene, to: tuple[str, ...] | list[str]) -> str:
    """ "everyone", or the seats' names joined."""
    if not to:
        return t("chat.everyone")
    return ", ".join(name_of(scene.view, s) for s in to)


class MessageRows:
    """Mixed into ``SidePanel``: the rows of the Messages tab."""

    scene: MatchScene

    def _rows_messages(self) -> list[Row]:
        sc = self.scene  # type: ignore[attr-defined]
        rows = [self.heading("chat:to:head", t("chat.write_to"), t("chat.write_to_tip"))]  # type: ignore[attr-defined]
        rows += self._recipient_rows()
        rows.append(self._entry_row())
        rows.append(self._send_row())
        rows.append(self.gap("chat:gap", 6))  # type: ignore[attr-defined]
        rows.append(self.heading("chat:head", t("chat.received")))  # type: ignore[attr-defined]
        rows += self._message_rows(sc.chat_lines())
        return rows

    def _recipient_rows(self) -> list[Row]:
        """Everyone, then every other seat people play in the class (a message to a seat the
        AI plays would reach no one), as toggles flowed into rows."""
        sc, s, app = self.scene, self.s, self.app  # type: ignore[attr-defined]
        rl = self.list  # type: ignore[attr-defined]
        font = app.font(15)
        bh, gap, width = s(30), s(6), self.width  # type: ignore[attr-defined]
        people = sc.chat.chat_seats() if sc.chat is not None else None
        others = sorted(sc.view.actors) if people is None else sorted(people)
        choices = [("", t("chat.everyone_button"))] + [
            (a, name_of(sc.view, a)) for a in others if a != sc.seat and a in sc.view.actors
        ]
        rows: list[Row] = []
        row, x = Row("chat:to:0"), 0
        sc.chat_buttons = {}
        for seat, label in choices:
            bw = min(width, font.size(label)[0] + s(24))
            if x and x + bw > width:
                row.height = bh + gap
                rows.append(row)
                row, x = Row(f"chat:to:{len(rows)}"), 0
            shown = label
            while font.size(shown)[0] > bw - s(16) and len(shown) > 2:
                shown = shown[:-2] + "…"
            b = UIButton(
                pygame.Rect(s(4) + x, 0, bw, bh),
                shown,
                app.manager,
                container=rl.scroll,
                command=sc._cmd(partial(sc.toggle_recipient, seat)),
            )
            sc._tip(b, t("chat.to_tip", who=label))
            if (seat == "" and not sc.chat_to) or seat in sc.chat_to:
                b.select()
            row.add(b, s(4) + x, 0)
            row.focus.append(
                Focusable(f"chat:to:{seat}", b, partial(sc.toggle_recipient, seat), rl.scroll)
            )
            sc.chat_buttons[seat] = b
            x += bw + gap
        row.height = bh + gap
        rows.append(row)
        return rows

    def _entry_row(self) -> Row:
        sc, s, app = self.scene, self.s, self.app  # type: ignore[attr-defined]
        rl = self.list  # type: ignore[attr-defined]
        row = Row("chat:entry")
        h = app.font(15).get_linesize() + s(14)
        entry = UITextEntryLine(
            pygame.Rect(s(4), 0, self.width, h),  # type: ignore[attr-defined]
            app.manager,
            container=rl.scroll,
            placeholder_text=t("chat.placeholder"),
        )
        entry.set_text(sc.chat_text)
        sc._tip(entry, t("chat.entry_tip", n=MAX_TEXT))
        sc.chat_entry = entry
        row.add(entry, s(4), 0)
        row.focus.append(Focusable("chat:entry", entry, sc.start_typing, rl.scroll))
        row.height = h + s(6)
        return row

    def _send_row(self) -> Row:
        """Send, and beside it the one line about the last message."""
        sc, s, app, pal = self.scene, self.s, self.app, self.app.palette  # type: ignore[attr-defined]
        rl = self.list  # type: ignore[attr-defined]
        row = Row("chat:send", state=sc.chat_status)
        label = t("chat.send")
        bw, bh = app.font(15).size(label)[0] + s(28), s(32)
        b = UIButton(
            pygame.Rect(s(4), 0, bw, bh),
            label,
            app.manager,
            container=rl.scroll,
            object_id="#primary",
            command=sc._cmd(sc.send_chat),
        )
        sc._tip(b, t("chat.send_tip"))
        row.add(b, s(4), 0)
        row.focus.append(Focusable("chat:send", b, sc.send_chat, rl.scroll))
        sc.chat_send_button = b
        text, tone = sc.chat_status or ("", "muted")
        if text:
            font = app.font(12, bold=tone == "bad")
            width = self.width - bw - s(12)  # type: ignore[attr-defined]
            lines = wrap_words(text, font, width, max_lines=2)
            surf = pygame.Surface(
                (width, max(1, len(lines)) * font.get_linesize()), pygame.SRCALPHA
            )
            colour = {"good": pal.good, "bad": pal.bad}.get(tone, pal.muted)
            self._lines(row, surf, text, font, colour, 0, 0, width, 2)  # type: ignore[attr-defined]
            y = max(0, (bh - surf.get_height()) // 2)
            self._picture(row, surf, s(4) + bw + s(8), y, html.escape(text))  # type: ignore[attr-defined]
            bh = max(bh, surf.get_height())
        row.height = bh + s(6)
        return row

    def _message_rows(self, lines: list[ChatLine]) -> list[Row]:
        if not lines:
            return [self.para("chat:none", t("chat.none"), 12, self.app.palette.muted)]  # type: ignore[attr-defined]
        sc, pal = self.scene, self.app.palette  # type: ignore[attr-defined]
        rows = []
        for i in range(len(lines) - 1, -1, -1):  # the newest first
            m = lines[i]
            who = m.name if m.name == m.sender else f"{m.name} ({name_of(sc.view, m.sender)})"
            if m.sender == sc.seat and m.name == sc.chat_name:
                who = t("chat.you")
            head = t("chat.meta", turn=m.turn, who=who, to=recipients_words(sc, m.to))
            rows.append(self.para(f"chat:m:{i}:h", head, 12, pal.muted, bold=True))  # type: ignore[attr-defined]
            rows.append(self.para(f"chat:m:{i}:t", m.text, 13, indent=6))  # type: ignore[attr-defined]
            rows.append(self.gap(f"chat:m:{i}:g", 4))  # type: ignore[attr-defined]
        return rows

    def messages_changed(self) -> None:
        """New messages or a new status line: swap those rows of a built tab in place (the
        typed text and the chosen seats stay)."""
        rl = self.lists.get(TAB)  # type: ignore[attr-defined]
        if rl is None:
            return
        self.list = rl
        rl.swap("chat:send", self._send_row())
        old = [r.key for r in rl.rows if r.key.startswith("chat:m:") or r.key == "chat:none"]
        at = rl.index("chat:head") + 1
        rl.replace(old, self._message_rows(self.scene.chat_lines()), at)
        rl.layout()


class ChatTab:
    """Mixed into ``MatchScene``: the composer's state, sending, following what arrives."""

    chat: Messaging | None

    def _init_chat(self, chat: Messaging | None) -> None:
        self.chat = chat
        self.chat_to: set[str] = set()  # empty: everyone
        self.chat_text = ""
        self.chat_status: tuple[str, str] | None = None  # (text, "good" | "bad")
        self.chat_entry: UITextEntryLine | None = None
        self.chat_send_button: UIButton | None = None
        self.chat_buttons: dict[str, UIButton] = {}
        self._chat_count = -1
        self._chat_refusal: tuple[int, str] | None = chat.message_refusal if chat else None
        session = getattr(self, "session", None)
        self.chat_name = getattr(session, "name", "")

    def chat_lines(self) -> list[ChatLine]:
        return (self.chat.messages() or []) if self.chat is not None else []

    @property
    def unread(self) -> int:
        if self.chat is None:
            return 0
        return max(0, len(self.chat.messages() or []) - self.chat.messages_read)

    def typing(self) -> bool:
        """Whether the composer has the keyboard (the screen's keys then stay off)."""
        e = self.chat_entry
        return e is not None and e.alive() and e.visible and e.is_focused

    def start_typing(self) -> None:
        if self.chat_entry is not None and self.chat_entry.alive():
            self.chat_entry.focus()

    def stop_typing(self) -> None:
        if self.chat_entry is not None and self.chat_entry.alive():
            self.chat_entry.unfocus()

    def toggle_recipient(self, seat: str) -> None:
        """Everyone clears the seats; a seat is added or taken out (none left: everyone)."""
        if not seat:
            self.chat_to.clear()
        elif seat in self.chat_to:
            self.chat_to.discard(seat)
        else:
            self.chat_to.add(seat)
        for key, b in self.chat_buttons.items():
            on = (key == "" and not self.chat_to) or key in self.chat_to
            if on and not b.is_selected:
                b.select()
            elif not on and b.is_selected:
                b.unselect()
        self.app.dirty()  # type: ignore[attr-defined]

    def send_chat(self) -> None:
        if self.chat is None:
            return
        entry = self.chat_entry
        text = (entry.get_text() if entry is not None else self.chat_text).strip()
        to = sorted(self.chat_to)
        if not text:
            self._say(t("chat.error.empty"), "bad")
            return
        if len(text) > MAX_TEXT:
            self._say(t("chat.error.too_long", n=len(text), most=MAX_TEXT), "bad")
            return
        why = self.chat.send_message(to, text)
        if why is not None:
            self._say(t("chat.error.not_sent", why=why), "bad")
            return
        self.chat_text = ""
        if entry is not None:
            entry.set_text("")
        self._say(t("chat.sent", to=recipients_words(self, to)), "good")  # type: ignore[arg-type]

    def _say(self, text: str, tone: str) -> None:
        self.chat_status = (text, tone)
        self.panel.messages_changed()  # type: ignore[attr-defined]
        self._collect_focus()  # type: ignore[attr-defined]
        self.app.dirty()  # type: ignore[attr-defined]

    def follow_chat(self) -> None:
        """Once a frame: new messages, the host's refusal, the unread count on the tab."""
        chat = self.chat
        if chat is None:
            return
        if self.chat_entry is not None and self.chat_entry.alive():
            self.chat_text = self.chat_entry.get_text()
        refusal = chat.message_refusal
        if refusal != self._chat_refusal:
            self._chat_refusal = refusal
            if refusal is not None:
                self._say(t("chat.refused", why=reason(refusal[1])), "bad")
        n = len(chat.messages() or [])
        if self.tab == TAB:  # type: ignore[attr-defined]
            chat.messages_read = n
        if n != self._chat_count:
            first = self._chat_count < 0
            self._chat_count = n
            if not first:
                self.panel.messages_changed()  # type: ignore[attr-defined]
                self._collect_focus()  # type: ignore[attr-defined]
            self._set_tab_titles()  # type: ignore[attr-defined]
            self.app.dirty()  # type: ignore[attr-defined]
