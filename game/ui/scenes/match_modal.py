"""The match screen's modal panels (the menu, the End-turn question, messages): a small panel
over a dimmed screen, driven by the keyboard as well as the mouse."""

from __future__ import annotations

from collections.abc import Callable

import pygame
from pygame_gui.elements import UIButton, UIPanel

from game.ui.widgets import text_block
from game.ui.widgets.gui_pieces import Blocker, Picture
from game.ui.widgets.row_list import Focusable


class ModalPanels:
    """Mixed into MatchScene: one modal panel at a time."""

    def open_modal(
        self,
        kind: str,
        title: str,
        text: str,
        buttons: list[tuple[str, Callable[[], None], str | None]],
    ) -> None:
        """A small panel over a dimmed screen (menu, confirmation, message), keyboard-driven:
        Tab moves between its buttons, Enter presses, Escape closes."""
        self._close_modal()
        app, s, pal = self.app, self.app.s, self.app.palette
        m = app.manager
        self.modal, self.modal_text = kind, text
        veil = pygame.Surface(app.size, pygame.SRCALPHA)
        veil.fill((*pal.background, 170))
        self.modal_widgets.append(
            Blocker(pygame.Rect((0, 0), app.size), veil, m, starting_height=200)
        )
        width = min(s(440), app.size[0] - s(40))
        inner = width - s(40)
        tsurf = text_block(title, app.font(19, bold=True), pal.accent, inner)
        bsurf = text_block(text, app.font(14), pal.text, inner)
        bfont = app.font(15)
        # Buttons side by side when they fit, else stacked.
        widths = [bfont.size(label)[0] + s(32) for label, _, _ in buttons]
        # A menu stacks its buttons; a question puts its answers side by side when they fit.
        row = kind != "menu" and sum(widths) + s(8) * (len(buttons) - 1) <= inner
        bh = s(36)
        buttons_h = bh if row else len(buttons) * (bh + s(8)) - s(8)
        height = s(20) + tsurf.get_height() + s(10) + bsurf.get_height() + s(18) + buttons_h + s(20)
        height = min(height, app.size[1] - s(20))
        rect = pygame.Rect(0, 0, width, height)
        rect.center = (app.size[0] // 2, app.size[1] // 2)
        panel = UIPanel(rect, starting_height=210, manager=m)
        self.modal_widgets.append(panel)
        y = s(20)
        for surf in (tsurf, bsurf):
            img = Picture(pygame.Rect((s(20), y), surf.get_size()), surf, m, container=panel)
            self.modal_widgets.append(img)
            y += surf.get_height() + (s(10) if surf is tsurf else s(18))
        self.modal_focus = []
        x = s(20)
        for (label, fn, style), bw in zip(buttons, widths, strict=True):
            r = pygame.Rect(x, y, bw, bh) if row else pygame.Rect(s(20), y, inner, bh)
            b = UIButton(r, label, m, container=panel, object_id=style, command=self._cmd(fn))
            self.modal_widgets.append(b)
            self.modal_focus.append(Focusable(f"modal:{label}", b, fn))
            if row:
                x += bw + s(8)
            else:
                y += bh + s(8)
        self.modal_default = buttons[0][1]
        self.modal_cancel = buttons[-1][1] if kind == "confirm" else self._close_modal
        self.focus_key = self.modal_focus[0].key
        self._show_focus()
        app.dirty()

    def _close_modal(self) -> None:
        for w in self.modal_widgets:
            w.kill()
        self.modal_widgets = []
        if self.modal is not None:
            self.focus_key = None
        self.modal = None
        self.modal_focus = []
        self.modal_default = self.modal_cancel = None
        self._show_focus()
        self.app.dirty()
