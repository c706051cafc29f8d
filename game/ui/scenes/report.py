"""The turn report: what changed and why, as a student reads it after each resolution.

A headline strip (the world's arrangement and whether it moved, the four criteria with their
change) over a scrolling causal log: every criterion change with its cause, the votes and their
tallies, the cards that fired and their lessons, wars and crises, what every actor did. A seat
sees only what it may know (``TurnReport.for_actor``); ``seat=None`` is the public view.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from game.ai.reasons import english
from game.engine import TurnReport
from game.engine.model import CRITERIA
from game.engine.report import Line, Tally
from game.report import debrief as words
from game.ui import flow
from game.ui.i18n import cause, language, save_error, signed, t
from game.ui.i18n import end_reason as i18n_end_reason
from game.ui.i18n import line as i18n_line
from game.ui.i18n import said as i18n_said
from game.ui.palette import Colour
from game.ui.scene import Scene
from game.ui.widgets import mix, triangle, wrap
from game.ui.widgets.mapview import capitalized

if TYPE_CHECKING:
    from game.engine import World
    from game.session.interface import Session
    from game.ui.app import App

ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)


def hexc(c: Colour) -> str:
    return "#{:02x}{:02x}{:02x}".format(*c[:3])


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def t_markup(key: str, **parts: str) -> str:
    """A translated sentence as markup: its own words escaped, ``parts`` (markup already)
    put in their places."""
    marks = {k: f"\x00{i}\x00" for i, k in enumerate(parts)}
    out = esc(t(key, **marks))
    for k, mark in marks.items():
        out = out.replace(mark, parts[k])
    return out


def plain(markup: str) -> str:
    """The text a UITextBox shows for ``markup``: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup.replace("<br>", "\n")))


class FocusRing:
    """Keyboard focus over a scene's buttons: Tab and Shift+Tab move it, Enter or Space press
    the focused button. The focused button gets an accent outline."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.buttons: list[pygame_gui.elements.UIButton] = []
        self.index: int | None = None

    def reset(self, buttons: Sequence[pygame_gui.elements.UIButton], index: int | None) -> None:
        self.buttons = list(buttons)
        self.index = index if index is not None and index < len(self.buttons) else None

    @property
    def focused(self) -> pygame_gui.elements.UIButton | None:
        return self.buttons[self.index] if self.index is not None else None

    def move(self, back: bool = False) -> None:
        if not self.buttons:
            return
        n = len(self.buttons)
        if self.index is None:
            self.index = n - 1 if back else 0
        else:
            self.index = (self.index + (-1 if back else 1)) % n
        self.app.dirty()

    def draw(self, surface: pygame.Surface) -> None:
        b = self.focused
        if b is None or not b.alive():
            return
        s = self.app.s
        pygame.draw.rect(
            surface,
            self.app.palette.accent,
            b.rect.inflate(s(8), s(8)),
            width=max(2, s(2)),
            border_radius=s(7),
        )


def button_width(app: App, label: str, bold: bool = False, padding: int = 40) -> int:
    """A button wide enough for its label at the player's scale (the theme's 15/17 px font)."""
    f = app.font(17, True) if bold else app.font(15)
    return f.size(label)[0] + app.s(padding)


def scene_theme(app: App) -> None:
    """Fonts at the player's scale for this screen's widgets. pygame_gui 0.6 ignores a font in
    the theme's "defaults" block, so plain buttons and text boxes would stay at 14 px: they get
    ids of their own here (a theme block per id, added to the app's theme)."""
    size = str(app.s(15))
    app.manager.get_theme().load_theme(
        {
            "#report_text": {"font": {"name": "noto_sans", "size": size}},
            "#report_button": {"font": {"name": "noto_sans", "size": size}},
            # a tooltip's words are a text box inside it: the "tool_tip" font does not reach them
            "#report_tip.text_box": {"font": {"name": "noto_sans", "size": str(app.s(14))}},
        }
    )


def tooltip(app: App, element: pygame_gui.core.UIElement, text: str) -> None:
    """A tooltip at the player's scale, never wider than the screen."""
    element.set_tooltip(
        text,
        object_id=ObjectID(object_id="#report_tip", class_id=None),
        wrap_width=min(app.s(420), app.size[0] - app.s(32)),
    )


# The (size, bold, italic) faces the report's markup uses: whatever shows it loads them first.
REPORT_FONTS = [(19, True, False), (17, True, False), (15, True, False), (15, False, True)]
# The votes section's lines besides the tallies and the tabled resolutions (engine/say.py)
_NOTICES = frozenset(
    {
        "vote.lapsed",
        "vote.closed",
        "vote.closed_appeal",
        "mandate_granted",
        "mandate_refused",
        "aid_unpaid",
    }
)


def preload_fonts(app: App, fonts: list[tuple[int, bool, bool]]) -> None:
    """Load (size, bold, italic) Noto Sans fonts at the player's scale, unless already loaded."""
    fd = app.manager.get_theme().get_font_dictionary()
    for size, bold, italic in fonts:
        px = app.s(size)
        if not fd.check_font_preloaded(fd.create_font_id(px, "noto_sans", bold, italic)):
            fd.preload_font(px, "noto_sans", bold=bold, italic=italic)


def scroll_text(
    app: App,
    box: pygame_gui.elements.UITextBox | None,
    lines: float = 0,
    to: float | None = None,
    pages: float = 0,
) -> None:
    """Scroll a text box by ``lines`` lines and ``pages`` pages (what the box shows at once, less
    one line kept in sight), or to a fraction of its length (0 top, 1 end)."""
    bar = box.scroll_bar if box is not None else None
    if box is None or bar is None or box.text_box_layout is None:
        return
    height = max(1, box.text_box_layout.layout_rect.height)
    line = app.s(24) / height
    page = max(line, bar.visible_percentage - line)
    pct = to if to is not None else bar.start_percentage + lines * line + pages * page
    bar.set_scroll_from_start_percentage(max(0.0, min(pct, 1.0 - bar.visible_percentage)))
    app.dirty()


# key -> (lines, to, pages), as ``scroll_text`` takes them
SCROLL_KEYS = {
    pygame.K_UP: (-1, None, 0),
    pygame.K_DOWN: (1, None, 0),
    pygame.K_PAGEUP: (0, None, -1),
    pygame.K_PAGEDOWN: (0, None, 1),
    pygame.K_HOME: (0, 0.0, 0),
    pygame.K_END: (0, 1.0, 0),
}


class ReportScene(Scene):
    def __init__(
        self,
        app: App,
        session: Session,
        report: TurnReport,
        seat: str | None,
        fallen: dict[str, str] | None = None,
    ) -> None:
        super().__init__(app)
        self.session = session
        self.seat = seat
        self.fallen = dict(fallen or {})  # seats played here whose state fell this turn
        self.report = report.for_actor(seat)
        self.focus = FocusRing(app)
        self.text_box: pygame_gui.elements.UITextBox | None = None
        self.continue_button: pygame_gui.elements.UIButton | None = None
        self.tiles: list[pygame_gui.elements.UIImage] = []
        self._header: list[tuple[pygame.Surface, tuple[int, int]]] = []
        self.header_text = ""  # what the header says, for tests and screen readers
        self._done = False
        self._sounded = False

    def enter(self) -> None:
        super().enter()
        if not self._sounded:  # once, not again when settings rebuild the screen
            from game.ui.audio import audio_of

            audio = audio_of(self.app)
            audio.play("turn")
            if self.report.votes:
                audio.play("vote_passed" if self.report.votes[0].passed else "vote_failed")
            self._sounded = True

    # ---- words ---------------------------------------------------------------------------------

    @property
    def world(self) -> World:
        """The world after the turn, as the seat (or, with several seats, anyone) may see it."""
        return self.session.view(self.seat)

    def name(self, actor_id: str | None) -> str:
        return words.actor_name(self.world, actor_id)

    def _delta_colour(self, value: float) -> Colour:
        p = self.app.palette
        if abs(value) < 0.05:
            return p.muted
        return p.good if value > 0 else p.bad

    # ---- layout --------------------------------------------------------------------------------

    def build(self) -> None:
        app, s = self.app, self.app.s
        w, h = app.size
        m = s(16)
        ended = self.world.ended
        scene_theme(app)
        self._preload_fonts()

        # A short canvas (a large UI scale): a one-line header, a strip of chips and no key
        # hint, so that the causal log, the point of the screen, keeps most of the window.
        short = h < s(540)
        self.short = short

        # the header: title, who sees it, and (at the end) how the match ended
        self._header = []
        self.header_text = ""
        tf = app.font(24 if w / app.settings.scale >= 1000 and not short else 20, True)
        title = t("report.title", turn=self.report.turn)
        sub = self.world.title_in(language())
        who = (
            t("report.public")
            if self.seat is None
            else t("report.as_seat", actor=words.actor_in_sentence(self.world, self.seat))
        )
        if short and self._one_line(title, who, tf, app.font(14), m, m, w - 2 * m):
            y = m + tf.get_linesize()
        else:
            y = self._text(title, tf, app.palette.accent, m, m, w - 2 * m)
            y = self._text(
                f"{sub} \u00b7 {who}" if sub else who,
                app.font(14),
                app.palette.muted,
                m,
                y,
                w - 2 * m,
            )
        if self.report.ended:
            reason = t("report.match_ends", reason=i18n_end_reason(self.world))
            y = self._text(reason, app.font(15, True), app.palette.accent, m, y, w - 2 * m)
        failure = self.session.autosave_failure
        if failure is not None:  # the match goes on, but the player must know it is not kept
            where = self.session.autosave  # the player's language (the CLI keeps the English)
            failed = f"{where}: {save_error(failure, where)}" if where else save_error(failure)
            y = self._text(
                t("trust.autosave_failed", error=failed),
                app.font(13),
                app.palette.bad,
                m,
                y,
                w - 2 * m,
            )
        for name in self.fallen.values():  # a player whose state fell: what now, said once
            said = "report.seat_fell_others" if self.session.seats else "report.seat_fell"
            y = self._text(
                t(said, actor=name), app.font(15, True), app.palette.bad, m, y, w - 2 * m
            )
        y += s(6) if short else s(10)

        # the headline strip: the world, then the four criteria
        y = self._build_tiles(m, y, w - 2 * m, strip=short)
        y += s(8) if short else s(12)

        # the footer: the hint and Continue
        label = t("report.to_debrief") if ended else t("report.continue")
        bw = min(button_width(app, label, bold=True), w - 2 * m)
        bh = s(44)
        hint_w = w - 3 * m - bw
        fh = app.font(13)
        hint = wrap(t("report.hint"), fh, hint_w) if hint_w > s(120) else []
        if short:  # the keys are in Continue's tooltip; the log needs the room more
            hint, bh = [], s(38)
        footer_h = max(bh, len(hint) * fh.get_linesize())
        fy = h - m - footer_h
        self.continue_button = self.keep(
            pygame_gui.elements.UIButton(
                pygame.Rect(w - m - bw, fy + (footer_h - bh) // 2, bw, bh),
                label,
                manager=app.manager,
                object_id="#primary",
            )
        )
        tooltip(
            app,
            self.continue_button,
            t("report.to_debrief_tip") if ended else t("report.continue_tip"),
        )
        hy = fy + (footer_h - len(hint) * fh.get_linesize()) // 2
        for line in hint:
            self._header.append((fh.render(line, True, app.palette.muted), (m, hy)))
            hy += fh.get_linesize()

        # the causal log fills the rest
        self.text_box = self.keep(
            pygame_gui.elements.UITextBox(
                self.markup(),
                pygame.Rect(m, y, w - 2 * m, max(s(60), fy - (s(8) if short else s(12)) - y)),
                manager=app.manager,
                object_id="#report_text",
            )
        )
        self.focus.reset([self.continue_button], 0)

    def _text(
        self, text: str, font: pygame.font.Font, colour: Colour, x: int, y: int, width: int
    ) -> int:
        """Header text wrapped to ``width`` at (x, y); returns the y below it."""
        for line in wrap(text, font, width):
            self._header.append((font.render(line, True, colour), (x, y)))
            y += font.get_linesize()
        self.header_text += text + "\n"
        return y

    def _one_line(
        self,
        title: str,
        who: str,
        tf: pygame.font.Font,
        sf: pygame.font.Font,
        x: int,
        y: int,
        width: int,
    ) -> bool:
        """The title and who sees it on one line, if they fit; False when they do not."""
        gap = self.app.s(14)
        tw, ww = tf.size(title)[0], sf.size(who)[0]
        if tw + gap + ww > width:
            return False
        pal = self.app.palette
        self._header.append((tf.render(title, True, pal.accent), (x, y)))
        base = y + tf.get_ascent() - sf.get_ascent()  # on the title's baseline
        self._header.append((sf.render(who, True, pal.muted), (x + tw + gap, base)))
        self.header_text += f"{title}\n{who}\n"
        return True

    def _preload_fonts(self) -> None:
        """The sizes and styles the log's markup uses, loaded once (no warnings, no stutter)."""
        preload_fonts(self.app, REPORT_FONTS)

    def _build_tiles(self, x: int, y: int, width: int, strip: bool = False) -> int:
        """The world's tile and the four criteria's: rich tiles on one row when the screen is
        wide enough at the player's scale, else a compact row of chips, and on a short canvas a
        one-line strip (the details are in their tooltips)."""
        s = self.app.s
        gap = s(10)
        unit = (width - 4 * gap) / 6
        compact = unit < s(150)
        if compact:
            unit = (width - 4 * gap) / 5.6
            arr_w = round(unit * 1.6)
        else:
            arr_w = round(unit * 2)
        crit_w = [round(unit)] * 4
        crit_w[-1] = width - arr_w - 4 * gap - sum(crit_w[:3])
        make_world = self._world_chip if compact else self._world_tile
        make_crit = self._criterion_chip if compact else self._criterion_tile
        if strip:  # one line each, as wide as its words need, if all five fit unclipped
            gap = s(8)
            needs = [
                self._world_strip_width(),
                *(self._criterion_strip_width(c.value) for c in CRITERIA),
            ]
            spare = width - 4 * gap - sum(needs)
            if spare >= 0:
                bar = min(spare, s(110))  # room first for the continuum bar beside the world
                needs[0] += bar
                widths = [n + (spare - bar) // 5 for n in needs]
                widths[0] += width - 4 * gap - sum(widths)
                arr_w, crit_w = widths[0], widths[1:]
                make_world, make_crit = self._world_strip, self._criterion_strip
        first = [
            make_world(arr_w),
            *(make_crit(c.value, w) for c, w in zip(CRITERIA, crit_w, strict=True)),
        ]
        row_h = max(f.get_height() for f in first)
        surfs = [
            make_world(arr_w, row_h),
            *(make_crit(c.value, w, row_h) for c, w in zip(CRITERIA, crit_w, strict=True)),
        ]
        tips = [self._world_tip(), *(self._criterion_tip(c.value) for c in CRITERIA)]
        self.tiles = []
        xx = x
        for surf, tip in zip(surfs, tips, strict=True):
            img = pygame_gui.elements.UIImage(
                pygame.Rect((xx, y), surf.get_size()), surf, manager=self.app.manager
            )
            tooltip(self.app, img, tip)
            self.tiles.append(self.keep(img))
            xx += surf.get_width() + gap
        return y + row_h

    def _world_chip(self, width: int, height: int | None = None) -> pygame.Surface:
        """The world, compact: its arrangement's short name over the continuum bar."""
        p, s = self.app.palette, self.app.s
        r = self.report
        pad = s(8)
        f = self.app.font(14, True)
        lines = wrap(words.arrangement_name(r.arrangement_after, short=True), f, width - 2 * pad)
        bar_h = s(8)
        content = f.get_linesize() * len(lines) + s(6) + bar_h
        height = max(height or 0, content + 2 * pad)
        surf = self._panel(width, height)
        y = pad + (height - 2 * pad - content) // 2
        moved = r.arrangement_after != r.arrangement_before
        for line in lines:
            surf.blit(f.render(line, True, p.accent if moved else p.text), (pad, y))
            y += f.get_linesize()
        self._continuum_bar(surf, pygame.Rect(pad, y + s(6), width - 2 * pad, bar_h))
        return surf

    def _strip_fonts(self) -> tuple[pygame.font.Font, pygame.font.Font, pygame.font.Font]:
        return self.app.font(13, True), self.app.font(15, True), self.app.font(12, True)

    def _world_strip_width(self) -> int:
        s = self.app.s
        name = words.arrangement_name(self.report.arrangement_after, short=True)
        return self.app.font(14, True).size(name)[0] + 2 * s(8)

    def _world_strip(self, width: int, height: int | None = None) -> pygame.Surface:
        """The world on one line: its arrangement's short name, the continuum bar beside it
        when there is room."""
        p, s = self.app.palette, self.app.s
        r = self.report
        pad = s(8)
        f = self.app.font(14, True)
        height = max(height or 0, self._strip_fonts()[1].get_linesize() + 2 * s(6))
        surf = self._panel(width, height)
        moved = r.arrangement_after != r.arrangement_before
        name = words.arrangement_name(r.arrangement_after, short=True)
        img = f.render(name, True, p.accent if moved else p.text)
        surf.blit(img, (pad, (height - img.get_height()) // 2))
        bar_w = width - 3 * pad - img.get_width()
        if bar_w >= s(40):
            bar = pygame.Rect(width - pad - bar_w, height // 2 - s(4), bar_w, s(8))
            self._continuum_bar(surf, bar)
        return surf

    def _criterion_strip_parts(self, c: str) -> list[tuple[str, pygame.font.Font, Colour]]:
        """Name, value and change (its sign and colour say which way: no room for an arrow)."""
        p = self.app.palette
        r = self.report
        before, after = r.criteria_before.get(c), r.criteria_after.get(c)
        name_f, value_f, delta_f = self._strip_fonts()
        return [
            (words.criterion_name(c), name_f, p.text),
            (f"{after:.0f}", value_f, p.text),
            (signed(after - before), delta_f, self._delta_colour(after - before)),
        ]

    def _criterion_strip_width(self, c: str) -> int:
        s = self.app.s
        parts = self._criterion_strip_parts(c)
        return s(10) + sum(f.size(text)[0] for text, f, _ in parts) + 2 * s(5) + s(6)

    def _criterion_strip(self, c: str, width: int, height: int | None = None) -> pygame.Surface:
        """A criterion on one line: its name, its value and its change."""
        p, s = self.app.palette, self.app.s
        _, value_f, _ = self._strip_fonts()
        height = max(height or 0, value_f.get_linesize() + 2 * s(6))
        surf = self._panel(width, height, p.criteria.get(c, p.accent))
        x = s(10)
        base = (height - value_f.get_linesize()) // 2 + value_f.get_ascent()
        for text, f, colour in self._criterion_strip_parts(c):
            img = f.render(text, True, colour)
            surf.blit(img, (x, base - f.get_ascent()))
            x += img.get_width() + s(5)
        return surf

    def _criterion_chip(self, c: str, width: int, height: int | None = None) -> pygame.Surface:
        """A criterion, compact: its name over its value and change."""
        app, p, s = self.app, self.app.palette, self.app.s
        r = self.report
        before, after = r.criteria_before.get(c), r.criteria_after.get(c)
        pad, left = s(8), s(8) + s(6)
        name_f, value_f, delta_f = app.font(13, True), app.font(18, True), app.font(13, True)
        content = name_f.get_linesize() + value_f.get_linesize()
        height = max(height or 0, content + 2 * pad)
        surf = self._panel(width, height, p.criteria.get(c, p.accent))
        y = pad + (height - 2 * pad - content) // 2
        surf.blit(name_f.render(words.criterion_name(c), True, p.text), (left, y))
        y += name_f.get_linesize()
        self._value_and_delta(surf, left, y, value_f, delta_f, after, after - before)
        return surf

    def _value_and_delta(
        self,
        surf: pygame.Surface,
        x: int,
        y: int,
        value_f: pygame.font.Font,
        delta_f: pygame.font.Font,
        value: float,
        delta: float,
    ) -> None:
        s = self.app.s
        img = value_f.render(f"{value:.0f}", True, self.app.palette.text)
        surf.blit(img, (x, y))
        dx = x + img.get_width() + s(8)
        colour = self._delta_colour(delta)
        cy = y + value_f.get_linesize() // 2 + s(1)
        size = max(6, delta_f.get_height() * 5 // 8)
        if abs(delta) >= 0.05:
            triangle(surf, (dx + size // 2, cy), size, delta > 0, colour)
            dx += size + s(4)
        img = delta_f.render(signed(delta), True, colour)
        surf.blit(img, (dx, cy - img.get_height() // 2))

    def _panel(self, width: int, height: int, strip: Colour | None = None) -> pygame.Surface:
        p, s = self.app.palette, self.app.s
        surf = pygame.Surface((width, height), pygame.SRCALPHA)
        rect = surf.get_rect()
        pygame.draw.rect(surf, p.panel, rect, border_radius=s(6))
        if strip is not None:
            pygame.draw.rect(
                surf,
                strip,
                pygame.Rect(0, 0, s(6), height),
                border_top_left_radius=s(6),
                border_bottom_left_radius=s(6),
            )
        pygame.draw.rect(surf, p.panel_border, rect, width=1, border_radius=s(6))
        return surf

    def _world_tile(self, width: int, height: int | None = None) -> pygame.Surface:
        app, p, s = self.app, self.app.palette, self.app.s
        r = self.report
        pad = s(10)
        inner = width - 2 * pad
        small, name_f, status_f = app.font(13), app.font(18, True), app.font(14)
        moved = r.arrangement_after != r.arrangement_before
        cent = t(
            "report.centralization",
            value=f"{r.centralization_after:.0f}",
            delta=signed(r.centralization_after - r.centralization_before),
        )
        label = t("report.world")
        same_row = small.size(label)[0] + s(16) + small.size(cent)[0] <= inner
        name_lines = wrap(words.arrangement_name(r.arrangement_after), name_f, inner)
        status = self._moved_text()
        status_lines = wrap(status, status_f, inner)
        bar_h = s(10)
        content = (
            small.get_linesize() * (1 if same_row else 2)
            + name_f.get_linesize() * len(name_lines)
            + status_f.get_linesize() * len(status_lines)
            + s(8)
            + bar_h
            + s(4)
            + app.font(11).get_linesize()
        )
        height = max(height or 0, content + 2 * pad)
        surf = self._panel(width, height)
        y = pad + max(0, (height - 2 * pad - content) // 2)
        surf.blit(small.render(label, True, p.muted), (pad, y))
        if same_row:
            img = small.render(cent, True, p.muted)
            surf.blit(img, (width - pad - img.get_width(), y))
        y += small.get_linesize()
        if not same_row:
            surf.blit(small.render(cent, True, p.muted), (pad, y))
            y += small.get_linesize()
        for line in name_lines:
            surf.blit(name_f.render(line, True, p.text), (pad, y))
            y += name_f.get_linesize()
        for line in status_lines:
            surf.blit(status_f.render(line, True, p.accent if moved else p.muted), (pad, y))
            y += status_f.get_linesize()
        y += s(8)
        self._continuum_bar(surf, pygame.Rect(pad, y, inner, bar_h))
        y += bar_h + s(4)
        f11 = app.font(11)
        surf.blit(f11.render(t("report.unity"), True, p.muted), (pad, y))
        img = f11.render(t("report.division"), True, p.muted)
        surf.blit(img, (width - pad - img.get_width(), y))
        return surf

    def _continuum_bar(self, surf: pygame.Surface, rect: pygame.Rect) -> None:
        """Seven segments, unity to division; a ring where the world was, a dot where it is."""
        p, s = self.app.palette, self.app.s
        r = self.report
        n = 7
        for i in range(n):
            x1 = rect.x + rect.width * i // n
            x2 = rect.x + rect.width * (i + 1) // n
            colour = p.arrangements[i] if i < len(p.arrangements) else p.panel_border
            pygame.draw.rect(
                surf, mix(p.panel, colour, 0.8), pygame.Rect(x1, rect.y, x2 - x1 - 1, rect.height)
            )

        def at(pos: float) -> int:
            return round(rect.x + rect.width * (pos + 0.5) / n)

        before = at(words.position(r.arrangement_before, r.centralization_before))
        after = at(words.position(r.arrangement_after, r.centralization_after))
        rad = max(3, rect.height // 2 + s(2))
        pygame.draw.circle(surf, p.text, (before, rect.centery), rad, width=max(1, s(2)))
        pygame.draw.circle(surf, p.background, (after, rect.centery), rad + s(1))
        pygame.draw.circle(surf, p.accent, (after, rect.centery), rad - s(1))

    def _moved_text(self) -> str:
        r = self.report
        if r.arrangement_after == r.arrangement_before:
            return t("report.held")
        mv = words.Move(r.turn, r.arrangement_before, r.arrangement_after)
        way = t("report.toward_unity") if mv.toward_unity else t("report.toward_division")
        return t("report.moved", before=words.arrangement_name(r.arrangement_before), way=way)

    def _criterion_tile(self, c: str, width: int, height: int | None = None) -> pygame.Surface:
        app, p, s = self.app, self.app.palette, self.app.s
        r = self.report
        before, after = r.criteria_before.get(c), r.criteria_after.get(c)
        delta = after - before
        pad = s(10)
        left = pad + s(6)
        name_f, big, delta_f, small = (
            app.font(14, True),
            app.font(26, True),
            app.font(15, True),
            app.font(12),
        )
        content = name_f.get_linesize() + big.get_linesize() + small.get_linesize()
        height = max(height or 0, content + 2 * pad)
        surf = self._panel(width, height, p.criteria.get(c, p.accent))
        y = pad + max(0, (height - 2 * pad - content) // 2)
        surf.blit(name_f.render(words.criterion_name(c), True, p.text), (left, y))
        y += name_f.get_linesize()
        self._value_and_delta(surf, left, y, big, delta_f, after, delta)
        y += big.get_linesize()
        surf.blit(small.render(t("report.from", value=f"{before:.0f}"), True, p.muted), (left, y))
        return surf

    def _world_tip(self) -> str:
        r = self.report
        a = r.arrangement_after.value
        return t(
            "report.world_tip",
            name=esc(words.arrangement_name(a)),
            help=esc(words.t(f"report.arrangement_help.{a}")),
            moved=esc(self._moved_text()),
            before=f"{r.centralization_before:.0f}",
            after=f"{r.centralization_after:.0f}",
        )

    def _criterion_tip(self, c: str) -> str:
        r = self.report
        before, after = r.criteria_before.get(c), r.criteria_after.get(c)
        tip = t(
            "report.criterion_tip",
            name=esc(words.criterion_name(c)),
            help=esc(t(f"report.criterion_help.{c}")),
            before=f"{before:.0f}",
            after=f"{after:.0f}",
            delta=signed(after - before),
        )
        causes = sorted(
            (ch for ch in r.changes if ch.criterion.value == c), key=lambda ch: -abs(ch.amount)
        )
        if not causes:
            return tip + t("report.criterion_tip_none")
        tip += t("report.criterion_tip_causes")
        for ch in causes[:3]:
            tip += f"<br>{signed(ch.amount)}  {esc(cause(ch))}"
        return tip

    # ---- the causal log ------------------------------------------------------------------------

    def markup(self) -> str:
        """The report's text as UITextBox markup, section by section."""
        parts = [
            self._section(t("report.section.changes"), self._changes()),
            self._section(t("report.section.votes"), self._votes()),
            self._section(t("report.section.cards"), self._cards()),
            self._section(t("report.section.world"), self._world_lines()),
            self._section(t("report.section.actions"), self._actions()),
        ]
        reasons = self._ai_reasons()
        if reasons:
            parts.append(self._section(t("report.section.ai"), reasons))
        refused = [ln for ln in self.report.lines if ln.kind == "refused"]
        if refused:
            parts.append(
                self._section(
                    t("report.section.refused"), [f"\u2022 {esc(ln.text)}" for ln in refused]
                )
            )
        return "<br><br>".join(parts)

    def _ai_reasons(self) -> list[str]:
        """Each AI seat's line of reasons for this turn's orders, in the screen's language
        (nothing secret is in them: every seat may read them)."""
        said = self.session.ai_reasons(self.report.turn)
        return [
            f"\u2022 {esc(i18n_said(english(data), str(data.get('key', '')), data.get('args')))}"
            for _, data in sorted(said.items())
            if isinstance(data, dict)
        ]

    def plain_text(self) -> str:
        """What the causal log says, without its markup (what a reader sees)."""
        return plain(self.markup())

    def _section(self, title: str, lines: list[str]) -> str:
        p, s = self.app.palette, self.app.s
        head = f"<font color='{hexc(p.accent)}' pixel_size={s(19)}><b>{esc(title)}</b></font>"
        return "<br>".join([head, *lines])

    def _muted(self, text: str) -> str:
        return f"<font color='{hexc(self.app.palette.muted)}'>{text}</font>"

    def _signed(self, value: float) -> str:
        return f"<font color='{hexc(self._delta_colour(value))}'><b>{signed(value)}</b></font>"

    def _changes(self) -> list[str]:
        r, p = self.report, self.app.palette
        out: list[str] = []
        for c in CRITERIA:
            causes = sorted(
                (ch for ch in r.changes if ch.criterion == c), key=lambda ch: -abs(ch.amount)
            )
            before, after = r.criteria_before.get(c), r.criteria_after.get(c)
            if not causes and abs(after - before) < 0.05:
                continue
            colour = hexc(p.criteria.get(c.value, p.accent))
            total = t_markup(
                "report.criterion_total",
                before=f"{before:.0f}",
                after=f"{after:.0f}",
                delta=self._signed(after - before),
            )
            if out:
                out.append("")
            out.append(
                f"<font color='{colour}'><b>{esc(words.criterion_name(c.value))}</b></font>  {total}"
            )
            for ch in causes:
                out.append(
                    f"&nbsp;&nbsp;&nbsp;{self._signed(ch.amount)}&nbsp;&nbsp;{esc(cause(ch))}"
                )
            # the causes too small to list one by one: the lines under a total add up to it
            rest = (after - before) - sum(ch.amount for ch in causes)
            if round(rest, 1) != 0:
                out.append(
                    f"&nbsp;&nbsp;&nbsp;{self._signed(rest)}&nbsp;&nbsp;"
                    + self._muted(esc(t("trust.smaller_effects")))
                )
        return out or [self._muted(esc(t("report.none.changes")))]

    def _votes(self) -> list[str]:
        r = self.report
        out: list[str] = []
        for tally in r.votes:
            if out:
                out.append("")
            out += self._tally(tally)
        tabled = [ln for ln in r.lines if ln.kind == "vote" and ln.actor is not None]
        if tabled:
            if out:
                out.append("")
            out.append(self._muted(esc(t("report.tabled"))))
            out += [f"\u2022 {self._line(ln)}" for ln in tabled]
        # what the bodies said besides: a mandate granted or refused, a question closed after two
        # vetoes, and last a resolution that lapsed (its matter over by the turn's end)
        notices = [ln for ln in r.lines if ln.key in _NOTICES]
        if notices:
            if out:
                out.append("")
            out += [f"\u2022 {esc(i18n_line(ln))}" for ln in notices]
        return out or [self._muted(esc(t("report.none.votes")))]

    def _names(self, ids: list[str]) -> str:
        if not ids:
            return "\u2014"
        accent = hexc(self.app.palette.accent)
        parts = []
        for i in ids:
            n = esc(self.name(i))
            parts.append(f"<font color='{accent}'><b>{n}</b></font>" if i == self.seat else n)
        return ", ".join(parts)

    def _tally(self, tally: Tally) -> list[str]:
        p = self.app.palette
        world = self.world
        verdict = t("report.vote.passed") if tally.passed else t("report.vote.failed")
        colour = hexc(p.good if tally.passed else p.bad)
        # what it was about: a state, a crisis, a war; not the body again (its own mandate)
        about = (
            "" if tally.target == tally.body else f" \u00b7 {esc(words.tally_target(world, tally))}"
        )
        head = (
            f"<b>{esc(self.name(tally.body))}</b> \u00b7 {esc(words.proposal_name(tally.kind))}"
            f"{about}: <font color='{colour}'><b>{esc(verdict)}</b></font>, {esc(i18n_line(tally))}"
        )
        ind = "&nbsp;&nbsp;&nbsp;"
        out = [
            head,
            f"{ind}<font color='{hexc(p.good)}'>{esc(t('report.vote.yes', n=len(tally.yes)))}</font>: {self._names(tally.yes)}",
            f"{ind}<font color='{hexc(p.bad)}'>{esc(t('report.vote.no', n=len(tally.no)))}</font>: {self._names(tally.no)}",
            f"{ind}{self._muted(esc(t('report.vote.abstain', n=len(tally.abstain))))}: {self._names(tally.abstain)}",
        ]
        if tally.vetoed_by:
            out.append(
                f"{ind}<font color='{hexc(p.bad)}'><b>{esc(t('report.vote.veto'))}</b></font>: {self._names(tally.vetoed_by)}"
            )
        return out

    def _cards(self) -> list[str]:
        out: list[str] = []
        world = self.world
        for fired in self.report.cards:
            title, option, lesson = words.card_texts(world, fired.card, fired.option)
            if out:
                out.append("")
            out.append(f"<b>{esc(title or fired.title)}</b>")
            key = "report.card.defaulted" if fired.by_default else "report.card.chose"
            who = words.actor_in_sentence(world, fired.actor)
            out.append(esc(capitalized(t(key, actor=who, option=option))))
            out.append(
                self._muted(f"<i>{esc(t('report.card.lesson'))}: {esc(lesson or fired.lesson)}</i>")
            )
        return out or [self._muted(esc(t("report.none.cards")))]

    def _world_lines(self) -> list[str]:
        p = self.app.palette
        colours = {"war": p.bad, "crisis": p.bad, "world": p.accent, "structure": p.accent}
        out = []
        for ln in self.report.lines:
            if ln.kind in colours:
                tag = f"<font color='{hexc(colours[ln.kind])}'><b>{esc(t(f'report.kind.{ln.kind}'))}</b></font>"
                out.append(f"{tag} \u00b7 {esc(i18n_line(ln))}")
        return out or [self._muted(esc(t("report.none.world")))]

    def _line(self, ln: Line) -> str:
        """A line with its actor's name in bold (in the accent colour for the seat's own), as the
        sentence opens with it: with the article it brings ("The Atlantic Alliance builds…",
        "La República de Servia invierte…") or as its label."""
        text = i18n_line(ln)
        name = ""
        if ln.actor:
            opening = capitalized(words.actor_in_sentence(self.world, ln.actor))
            name = next((n for n in (opening, self.name(ln.actor)) if text.startswith(n)), "")
        if name:
            rest = esc(text[len(name) :])
            if ln.actor == self.seat:
                return (
                    f"<font color='{hexc(self.app.palette.accent)}'><b>{esc(name)}</b></font>{rest}"
                )
            return f"<b>{esc(name)}</b>{rest}"
        return esc(text)

    def _actions(self) -> list[str]:
        lines = [ln for ln in self.report.lines if ln.kind == "action"]
        if not lines:
            return [self._muted(esc(t("report.none.actions")))]
        own = [ln for ln in lines if self.seat and ln.actor == self.seat]
        others = [ln for ln in lines if ln not in own]
        if not own:
            return [f"\u2022 {self._line(ln)}" for ln in others]
        out = [f"<b>{esc(t('report.yours', actor=self.name(self.seat)))}</b>"]
        out += [f"\u2022 {self._line(ln)}" for ln in own]
        if others:
            out += ["", f"<b>{esc(t('report.others'))}</b>"]
            out += [f"\u2022 {self._line(ln)}" for ln in others]
        return out

    # ---- input and drawing ---------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.continue_button:
            self.proceed()
        elif event.type == pygame.KEYDOWN:
            if event.key in ENTER_KEYS:
                self.proceed()
            elif event.key == pygame.K_TAB:
                self.focus.move(back=bool(event.mod & pygame.KMOD_SHIFT))
            elif event.key in SCROLL_KEYS:
                self.scroll(*SCROLL_KEYS[event.key])

    def proceed(self) -> None:
        """Continue: the next seat, the next turn or the debrief."""
        if self._done:
            return
        self._done = True
        flow.after_report(self.app, self.session)

    def scroll(self, lines: float = 0, to: float | None = None, pages: float = 0) -> None:
        scroll_text(self.app, self.text_box, lines, to, pages)

    def draw(self, surface: pygame.Surface) -> None:
        for img, pos in self._header:
            surface.blit(img, pos)
        self.focus.draw(surface)
