"""Hot-seat hand-over: a neutral card between two people's turns at one computer.

It shows the next seat's name and one button, nothing of the match (no map, no score, no other
seat's orders), so no frame of one player's screen reaches the next. The button takes a moment
to arm, so the previous player's double press cannot open the next player's screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine.scenario import text as pick
from game.ui import i18n
from game.ui.i18n import name as i18n_name
from game.ui.i18n import t
from game.ui.scenes.menu import MenuScreen, blit, button_width, italic_font, wrap

if TYPE_CHECKING:
    from game.session.interface import Session
    from game.ui.app import App

ARM_SECONDS = 0.4


def seat_names(session: Session, seat: str) -> tuple[str, str]:
    """(the seat's role, its actor's name): "President of Servia", "Republic of Servia"."""
    world = session.view(seat)
    actor = world.actors.get(seat)
    name = i18n_name(actor) if actor is not None else seat
    mission = world.rules.mission(seat)
    role = pick(mission.role, i18n.language()) if mission is not None else ""
    return (role or name, name if role else "")


class HandoverScene(MenuScreen):
    def __init__(self, app: App, session: Session, seat: str) -> None:
        super().__init__(app)
        self.session = session
        self.seat = seat
        self.armed_in = ARM_SECONDS
        self.lines: list[str] = []  # every text this screen draws (tests read it)

    def build(self) -> None:
        app, s = self.app, self.app.s
        w, h = app.size
        role, name = seat_names(self.session, self.seat)
        label = t("menu.handover.ready", name=role)
        bw = button_width(app, label, 260, True)
        if bw > w - s(96):  # a very long role: the short label
            label = t("menu.handover.ready_short")
            bw = button_width(app, label, 260, True)
        # the card: as tall as what it holds, centred
        cw = min(w - s(32), max(s(520), bw + s(64)))
        inner = cw - s(64)
        f_lead, f_role, f_name = app.font(16), app.font(30, True), app.font(17)
        f_hint = italic_font(s(14))
        self.role_lines = wrap(role, f_role, inner, 2)
        self.hint_lines = wrap(t("menu.handover.hint"), f_hint, inner, 2)
        ch = s(34) + f_lead.get_linesize() + s(10)
        ch += len(self.role_lines) * f_role.get_linesize()
        ch += (s(2) + f_name.get_linesize()) if name else 0
        ch += s(28) + len(self.hint_lines) * f_hint.get_linesize() + s(18) + s(48) + s(30)
        self.card = pygame.Rect(0, 0, cw, min(h - s(16), ch))
        self.card.center = (w // 2, h // 2)
        rect = pygame.Rect(0, 0, bw, s(48))
        rect.midbottom = (w // 2, self.card.bottom - s(30))
        self.show_button = self.button(rect, label, self.show, None, "#primary")

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.armed_in > 0:
            self.armed_in -= dt

    def show(self) -> None:
        if self.armed_in > 0:
            return
        from game.ui.scenes.match import MatchScene

        self.app.replace(MatchScene(self.app, self.session, self.seat))

    def back(self) -> None:
        pass  # Escape does nothing here: the only way on is the named player's button

    def hints(self) -> list:
        return []  # the card and its button, nothing else

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        surface.fill(self.app.palette.background)

    def draw_content(self, surface: pygame.Surface) -> None:
        app, s, pal = self.app, self.app.s, self.app.palette
        _, name = seat_names(self.session, self.seat)
        card = self.card
        pygame.draw.rect(surface, pal.panel, card, border_radius=s(14))
        pygame.draw.rect(surface, pal.panel_border, card, width=1, border_radius=s(14))
        f_lead, f_role, f_name = app.font(16), app.font(30, True), app.font(17)
        f_hint = italic_font(s(14))
        lead = t("menu.handover.pass")
        self.lines = [lead, *self.role_lines, *([name] if name else []), *self.hint_lines]
        y = card.y + s(34)
        blit(surface, lead, f_lead, pal.muted, (card.centerx, y), "midtop")
        y += f_lead.get_linesize() + s(10)
        for line in self.role_lines:
            blit(surface, line, f_role, pal.accent, (card.centerx, y), "midtop")
            y += f_role.get_linesize()
        if name:
            blit(surface, name, f_name, pal.text, (card.centerx, y + s(2)), "midtop")
        y = self.show_button.rect.top - s(18) - len(self.hint_lines) * f_hint.get_linesize()
        for line in self.hint_lines:
            blit(surface, line, f_hint, pal.muted, (card.centerx, y), "midtop")
            y += f_hint.get_linesize()
