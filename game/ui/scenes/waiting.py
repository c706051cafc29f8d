"""Waiting for the others: a student's seat has ended its turn in a class match, and the host
resolves it when every seat is in.

A card with the seat's role, that its orders for this turn are in, and how the link to the host
stands (it says so while the host is away and the client tries again). It watches the session
every frame and gives way by itself: to the turn's report when the host has resolved the turn,
back to the match screen when the host refused the submit. "Leave the class" hangs up; the seat
stays the student's on the host, who may join again with the same code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.session.interface import messaging
from game.ui import flow
from game.ui.i18n import reason, t
from game.ui.scenes.handover import seat_names
from game.ui.scenes.menu import MenuScreen, blit, button_width, clip, italic_font, wrap

if TYPE_CHECKING:
    from game.session.interface import Session
    from game.ui.app import App

DOT_SECONDS = 0.5  # the dots after "Waiting" grow once every half second


def news_line(news: object) -> tuple[str, str]:
    """A class's news (``game.net.client.News``) as a screen's one-line notice, in the player's
    language: (the text, "good" or "bad")."""
    kind, text = getattr(news, "kind", ""), reason(getattr(news, "text", ""))
    tone = "good" if kind in ("mate", "back") else "bad"
    return t(f"join.news.{kind}", why=text, name=text), tone


class WaitingScene(MenuScreen):
    def __init__(self, app: App, session: Session, seat: str, since: int | None = None) -> None:
        super().__init__(app)
        self.session = session
        self.seat = seat
        # The state the seat's turn was drafted at: a report that arrives even before this
        # screen first looks is still shown.
        self.state = session.state_id if since is None else since
        self.turn = session.view(seat).turn
        self.link = ""
        self.clock = 0.0
        self.lines: list[str] = []  # every text this screen draws (tests read it)
        self._heard = -1  # how many chat messages the screen last drew

    def build(self) -> None:
        app, s = self.app, self.app.s
        w, h = app.size
        label = t("join.waiting.leave")
        bw = button_width(app, label, 200)
        cw = min(w - s(32), s(620))
        self.card = pygame.Rect(0, 0, cw, min(h - s(16), s(330)))
        self.card.center = (w // 2, h // 2)
        rect = pygame.Rect(0, 0, bw, s(44))
        rect.midbottom = (w // 2, self.card.bottom - s(26))
        self.leave_button = self.button(rect, label, self.back)  # asks first: Stay is safe

    # ---- the session ---------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        super().update(dt)
        self.clock += dt
        session = self.session
        if session.state_id != self.state:  # the host resolved the turn: its report
            flow.turn_resolved(self.app, session, self.seat)
            return
        if not flow.waits_for_others(session):  # refused, or the class is gone: on
            flow.start(self.app, session)
            return
        chat = messaging(session)
        heard = len(chat.messages() or []) if chat is not None else 0
        if heard != self._heard:  # a message came while the seat waits: show it
            self._heard = heard
            self.app.dirty()
        link = getattr(session, "link", "up")
        if link != self.link or int(self.clock / DOT_SECONDS) != int(
            (self.clock - dt) / DOT_SECONDS
        ):
            self.link = link
            self.app.dirty()

    def leave_class(self) -> None:
        flow.leave_match(self.app, self.session)

    def back(self) -> None:
        self.ask(
            t("join.waiting.leave_title"),
            t("join.waiting.leave_ask"),
            t("join.waiting.leave"),
            self.leave_class,
            t("join.waiting.stay"),
        )

    def hints(self) -> list:
        return []

    # ---- drawing -------------------------------------------------------------------------------

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        surface.fill(self.app.palette.background)

    def draw_content(self, surface: pygame.Surface) -> None:
        app, s, pal = self.app, self.app.s, self.app.palette
        card = self.card
        pygame.draw.rect(surface, pal.panel, card, border_radius=s(14))
        pygame.draw.rect(surface, pal.panel_border, card, width=1, border_radius=s(14))
        inner = card.width - s(64)
        role, _ = seat_names(self.session, self.seat)
        f_lead, f_role, f_body = app.font(16), app.font(26, True), app.font(17)
        f_hint = italic_font(s(14))
        dots = "." * (1 + int(self.clock / DOT_SECONDS) % 3)
        lead = t("join.waiting.in", turn=self.turn)
        waiting = t("join.waiting.others") + dots
        if self.link == "down":
            status, colour = t("join.waiting.link_down"), pal.bad
        else:
            status, colour = t("join.waiting.link_up"), pal.muted
        y = card.y + s(28)
        self.lines = [lead]
        blit(surface, lead, f_lead, pal.muted, (card.centerx, y), "midtop")
        y += f_lead.get_linesize() + s(8)
        for line in wrap(role, f_role, inner, 2):
            self.lines.append(line)
            blit(surface, line, f_role, pal.accent, (card.centerx, y), "midtop")
            y += f_role.get_linesize()
        y += s(14)
        blit(surface, waiting, f_body, pal.text, (card.centerx, y), "midtop")
        self.lines.append(waiting)
        y += f_body.get_linesize() + s(6)
        for line in wrap(status, f_hint, inner, 2):
            self.lines.append(line)
            blit(surface, line, f_hint, colour, (card.centerx, y), "midtop")
            y += f_hint.get_linesize()
        end = self._draw_orders(surface, y + s(12), self.leave_button.rect.top - s(12))
        # the latest messages under the card, or in the card's own room when the card fills
        # the window (a large scale)
        line = app.font(14).get_linesize()
        if app.size[1] - s(8) - (card.bottom + s(16)) >= 2 * line:
            self._draw_messages(surface, card.bottom + s(16), app.size[1] - s(8))
        else:
            self._draw_messages(surface, end + s(6), self.leave_button.rect.top - s(6))

    def _draw_messages(self, surface: pygame.Surface, top: int, bottom: int) -> None:
        """The class's latest messages (read and answered on the Chat tab), as many as fit:
        under a heading when there is room for one, the latest alone when there is not."""
        chat = messaging(self.session)
        said = (chat.messages() or []) if chat is not None else []
        app, pal = self.app, self.app.palette
        f = app.font(14)
        room = (bottom - top) // f.get_linesize()
        if not said or room < 1:
            return
        lines: list[tuple[str, object]] = []
        if room >= 2:
            lines.append((t("join.waiting.messages"), pal.muted))
        for m in said[-min(room - len(lines), 3) :]:
            who = t("chat.you") if m.sender == self.seat else (m.name or m.sender)
            lines.append((f"{who}: {m.text}", pal.text))
        y = top
        for text, colour in lines:
            shown = clip(text, f, self.card.width - self.app.s(32))
            self.lines.append(shown)
            blit(surface, shown, f, colour, (self.card.centerx, y), "midtop")
            y += f.get_linesize()

    def _draw_orders(self, surface: pygame.Surface, top: int, bottom: int) -> int:
        """The orders handed in, one a line, as many as fit above the button; the y below."""
        from game.ui.scenes.match_words import order_sentence

        app, s, pal = self.app, self.app.s, self.app.palette
        f = app.font(14)
        orders = self.session.draft(self.seat)
        room = (bottom - top) // f.get_linesize()
        if room < 2:
            return top
        world = self.session.view(self.seat)
        if orders:
            lines = [t("join.waiting.orders")]
            said = [order_sentence(world, o) for o in orders]
            if len(said) > room - 1:  # the last line says how many more
                said = [*said[: room - 2], t("join.waiting.more", n=len(said) - (room - 2))]
            lines += said
        else:
            lines = [t("join.waiting.no_orders")]
        width = self.card.width - s(64)
        y = top
        for i, line in enumerate(lines):
            text = clip(line, f, width)
            self.lines.append(text)
            blit(
                surface,
                text,
                f,
                pal.muted if i == 0 else pal.text,
                (self.card.centerx, y),
                "midtop",
            )
            y += f.get_linesize()
        return y
