"""The teacher console's table of seats, drawn for a projector: each seat's name and join code,
who is connected, and whether it has submitted (or is the AI's). One row is selected: the
console's seat actions (a new code, back to the AI, remove a client, a teacher card) act on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.i18n import name as i18n_name
from game.ui.i18n import t
from game.ui.widgets import mix

if TYPE_CHECKING:
    from game.engine import World
    from game.net.protocol import SeatStatus
    from game.ui.app import App


def _clip(text: str, font: pygame.font.Font, width: int) -> str:
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text + "…"


class SeatsTable:
    """Rows of seats in ``rect``; ``selected`` is the row the seat actions act on."""

    def __init__(self, app: App, rect: pygame.Rect) -> None:
        self.app = app
        self.rect = pygame.Rect(rect)
        self.seats: list[SeatStatus] = []
        self.world: World | None = None
        self.selected = 0
        self.top = 0  # the first row shown
        self.ended = False  # the match is over: no seat is drafting any more

    def set_seats(self, seats: list[SeatStatus], world: World | None, ended: bool = False) -> None:
        self.seats, self.world, self.ended = seats, world, ended
        self.selected = min(self.selected, max(0, len(seats) - 1))

    @property
    def seat(self) -> SeatStatus | None:
        return self.seats[self.selected] if 0 <= self.selected < len(self.seats) else None

    def row_height(self) -> int:
        return self.app.font(20, True).get_linesize() + self.app.s(6)

    def head_height(self) -> int:
        return self.app.font(13, True).get_linesize() + self.app.s(6)

    def rows_shown(self) -> int:
        room = self.rect.h - self.head_height()
        if len(self.seats) * self.row_height() > room:  # a line below says which are shown
            room -= self.head_height()
        return max(1, room // self.row_height())

    def move(self, d: int) -> bool:
        if not self.seats:
            return False
        i = self.selected + d
        if not 0 <= i < len(self.seats):
            return False
        self.selected = i
        self._keep_visible()
        return True

    def _keep_visible(self) -> None:
        n = self.rows_shown()
        if self.selected < self.top:
            self.top = self.selected
        elif self.selected >= self.top + n:
            self.top = self.selected - n + 1

    def row_at(self, pos: tuple[int, int]) -> int | None:
        if not self.rect.collidepoint(pos):
            return None
        i = self.top + (pos[1] - self.rect.y - self.head_height()) // self.row_height()
        return (
            i if 0 <= i < len(self.seats) and pos[1] >= self.rect.y + self.head_height() else None
        )

    def seat_name(self, seat: str, article: bool = False) -> str:
        """The seat's name as a label, or with ``article`` as it reads inside a sentence ("the
        Republic of Servia", "la República de Servia")."""
        actor = self.world.actors.get(seat) if self.world is not None else None
        return i18n_name(actor, article=article) if actor is not None else seat

    def draw(self, surface: pygame.Surface, focused: bool) -> None:
        app, s, pal = self.app, self.app.s, self.app.palette
        r = self.rect
        pygame.draw.rect(surface, mix(pal.panel, pal.background, 0.3), r, border_radius=s(8))
        head = app.font(13, True)
        big, small = app.font(17, True), app.font(14)
        code_font = app.font(20, True)
        code_w = code_font.size("MMMMMM")[0] + s(12)
        states = [t(f"console.seat.{k}") for k in ("submitted", "drafting", "ai", "ended")]
        state_w = max(head.size(w)[0] for w in states) + s(16)
        x_code = r.right - s(12) - state_w - code_w
        x_state = r.right - s(12) - state_w
        y = r.y + s(4)
        surface.blit(head.render(t("console.seats.seat"), True, pal.muted), (r.x + s(12), y))
        surface.blit(head.render(t("console.seats.code"), True, pal.muted), (x_code, y))
        surface.blit(head.render(t("console.seats.state"), True, pal.muted), (x_state, y))
        y = r.y + self.head_height()
        rh = self.row_height()
        shown = range(self.top, min(len(self.seats), self.top + self.rows_shown()))
        for i in shown:
            st = self.seats[i]
            row = pygame.Rect(r.x + s(4), y, r.w - s(8), rh - s(2))
            mid = row.centery
            if i == self.selected:
                colour = mix(pal.panel, pal.accent, 0.35 if focused else 0.18)
                pygame.draw.rect(surface, colour, row, border_radius=s(6))
            name_w = x_code - r.x - s(24)
            gone = "" if st.in_match else f" ({t('console.seat.gone')})"
            label = _clip(self.seat_name(st.seat) + gone, big, name_w)
            drawn = big.render(label, True, pal.text if st.in_match else pal.muted)
            surface.blit(drawn, drawn.get_rect(midleft=(r.x + s(12), mid)))
            # who is at it, after the name, as far as there is room
            if not st.clients:
                who = t("console.seat.nobody") if st.claimed else t("console.seat.unclaimed")
            else:
                names = ", ".join(c.name for c in st.clients)
                who = t("console.seat.people", n=len(st.clients), names=names)
            room = name_w - drawn.get_width() - s(12)
            if room > s(40):
                said = small.render(_clip(who, small, room), True, pal.muted)
                surface.blit(said, said.get_rect(midleft=(r.x + s(24) + drawn.get_width(), mid)))
            code = code_font.render(st.code or "-", True, pal.text)
            surface.blit(code, code.get_rect(midleft=(x_code, mid)))
            if self.ended:
                state, colour = t("console.seat.ended"), pal.muted
            elif not st.claimed:
                state, colour = t("console.seat.ai"), pal.muted
            elif st.submitted:
                state, colour = t("console.seat.submitted"), pal.good
            else:
                state, colour = t("console.seat.drafting"), pal.accent
            shown_state = head.render(state, True, colour)
            surface.blit(shown_state, shown_state.get_rect(midleft=(x_state, mid)))
            y += rh
        if self.top > 0 or self.top + self.rows_shown() < len(self.seats):
            more = t("console.seats.more", first=self.top + 1, last=shown.stop, n=len(self.seats))
            tag = head.render(more, True, pal.accent)
            surface.blit(tag, tag.get_rect(bottomright=(r.right - s(12), r.bottom - s(2))))
        if not self.seats:
            surface.blit(small.render(t("console.seats.none"), True, pal.muted), (r.x + s(12), y))
