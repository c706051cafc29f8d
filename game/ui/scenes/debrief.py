"""The debrief at the end of a match: what the class discusses.

The four criteria over time and the world's path along the continuum (charts with a hover
readout), the key decisions (cards and who chose what, the votes, the biggest single changes),
the lessons of the cards that fired, and every actor's score with its secret goals revealed.
Export writes the same debrief as files a teacher can hand out.

On a wide screen the charts stand on the left and the texts in tabs on the right; at a large UI
scale every part is a tab of its own.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui

from game.engine import World
from game.engine.model import ARRANGEMENT_ORDER, CRITERIA
from game.report import debrief as words
from game.report.debrief import ExportResult, export_debrief
from game.ui import i18n
from game.ui.i18n import language, number, signed, t
from game.ui.palette import Palette
from game.ui.scene import Scene
from game.ui.scenes.report import (
    ENTER_KEYS,
    SCROLL_KEYS,
    FocusRing,
    button_width,
    esc,
    hexc,
    plain,
    preload_fonts,
    scene_theme,
    scroll_text,
    t_markup,
    tooltip,
)
from game.ui.widgets import wrap
from game.ui.widgets.charts import Band, ChartStyle, LineChart, ReadoutLine, Series
from game.ui.widgets.text_fit import wrap_words

if TYPE_CHECKING:
    from game.session.interface import Session
    from game.ui.app import App

CHART_TABS = ("criteria", "path")
TEXT_TABS = ("scores", "decisions", "lessons")


# ---- the charts (on screen and in the exported PNG) -------------------------------------------


def criteria_chart(
    world: World, rect: pygame.Rect, style: ChartStyle, palette: Palette, compact: bool = False
) -> LineChart:
    """The four criteria, turn 0 (the start) to the last turn played. ``compact``: no title and
    no axis title (a tab already names the chart)."""
    h = world.history
    series = [
        Series(
            words.criterion_name(c.value),
            palette.criteria.get(c.value, palette.accent),
            [rec.criteria.get(c) for rec in h],
        )
        for c in CRITERIA
    ]

    def describe(i: int) -> list[ReadoutLine]:
        rec = h[i]
        first: ReadoutLine = (words.arrangement_name(rec.arrangement), None, False)
        return [first, *_card_lines(world, rec.cards)]

    return LineChart(
        rect=rect,
        x_values=[rec.turn for rec in h],
        series=series,
        style=style,
        title="" if compact else t("debrief.chart.criteria"),
        x_label=t("debrief.turn"),
        axis_title=not compact,
        y_range=(0.0, 100.0),
        describe=describe,
    )


def _card_lines(world: World, cards: list[str]) -> list[ReadoutLine]:
    """The readout's lines for the cards played in a turn."""
    return [
        (t("debrief.readout.card", title=words.card_texts(world, c)[0]), None, False) for c in cards
    ]


def path_chart(
    world: World, rect: pygame.Rect, style: ChartStyle, palette: Palette, compact: bool = False
) -> LineChart:
    """The world's place on the continuum each turn: unity at the top, division at the bottom,
    a band per arrangement; within a band, the more centralized the higher."""
    h = world.history
    colours = palette.arrangements or (palette.accent,) * len(ARRANGEMENT_ORDER)
    slot = {a: i for i, a in enumerate(ARRANGEMENT_ORDER)}

    def describe(i: int) -> list[ReadoutLine]:
        rec = h[i]
        out: list[ReadoutLine] = [
            (words.arrangement_name(rec.arrangement), colours[slot[rec.arrangement]], True),
            (t("debrief.readout.centralization", value=f"{rec.centralization:.0f}"), None, False),
            (t("debrief.readout.plurality", value=number(rec.plurality)), None, False),
        ]
        return out + _card_lines(world, rec.cards)

    return LineChart(
        rect=rect,
        x_values=[rec.turn for rec in h],
        series=[
            Series(
                t("debrief.chart.path"),
                style.text,
                [words.position(rec.arrangement, rec.centralization) for rec in h],
            )
        ],
        style=style,
        title="" if compact else t("debrief.chart.path"),
        x_label=t("debrief.turn"),
        axis_title=not compact,
        y_range=(-0.5, 6.5),
        y_ticks=[
            (i, words.arrangement_name(a, short=True)) for i, a in enumerate(ARRANGEMENT_ORDER)
        ],
        bands=[
            Band(i - 0.5, i + 0.5, colours[i % len(colours)]) for i in range(len(ARRANGEMENT_ORDER))
        ],
        invert=True,
        legend=False,
        marker_colours=[colours[slot[rec.arrangement] % len(colours)] for rec in h],
        describe=describe,
    )


def render_charts_png(
    world: World, palette: Palette, path: Path, size: tuple[int, int] = (1600, 1200)
) -> None:
    """Both charts on white, for print: the picture beside the exported Markdown."""
    w, h = size
    style = ChartStyle.from_palette(palette, scale=1.4).for_print()
    surf = pygame.Surface(size)
    surf.fill(style.background)
    m = style.s(16)
    title_f = style.font(20, True)
    y = m
    title = t("debrief.title", title=world.title_in(language()) or world.scenario)
    for line in wrap_words(title, title_f, w - 2 * m, 2):
        surf.blit(title_f.render(line, True, style.text), (m, y))
        y += title_f.get_linesize()
    sub_f = style.font(13)
    for line in wrap_words(words.end_text(world), sub_f, w - 2 * m, 3):
        surf.blit(sub_f.render(line, True, style.muted), (m, y))
        y += sub_f.get_linesize()
    y += m
    body = h - y - m
    top = pygame.Rect(m, y, w - 2 * m, round(body * 0.55))
    bottom = pygame.Rect(m, top.bottom + m, w - 2 * m, h - m - top.bottom - m)
    criteria_chart(world, top, style, palette).draw(surf)
    path_chart(world, bottom, style, palette).draw(surf)
    pygame.image.save(surf, str(path))


def wrap_path(path: str, font: pygame.font.Font, width: int) -> list[str]:
    """A file path in lines no wider than ``width``, broken after its separators."""
    parts = re.split(r"(?<=[/\\])", path)
    lines: list[str] = []
    line = ""
    for part in parts:
        if line and font.size(line + part)[0] > width:
            lines.append(line)
            line = ""
        line += part
    if line:
        lines.append(line)
    out: list[str] = []
    for ln in lines:  # a single part wider than the line: break it anywhere
        out += wrap(ln, font, width) if font.size(ln)[0] > width else [ln]
    return out


# ---- the scene ---------------------------------------------------------------------------------


class DebriefScene(Scene):
    def __init__(self, app: App, session: Session) -> None:
        super().__init__(app)
        self.session = session
        self.tab: str | None = None  # None: the first tab there is (see build)
        self.focus = FocusRing(app)
        self._focus_key: str | None = None
        self.charts: dict[str, LineChart] = {}
        self.text_box: pygame_gui.elements.UITextBox | None = None
        self.tab_buttons: dict[str, pygame_gui.elements.UIButton] = {}
        self.export_button: pygame_gui.elements.UIButton | None = None
        self.menu_button: pygame_gui.elements.UIButton | None = None
        # Export for the class (HTML, CSV, replay into a folder the teacher picks): a class
        # host's session (its journal) or a hot-seat match; a student's seat has none.
        from game.report.class_export import class_exporter

        self.class_export = class_exporter(session)
        self.class_button: pygame_gui.elements.UIButton | None = None
        self.status = ""
        self.status_ok = True
        self.last_export: ExportResult | None = None
        self._texts: list[tuple[pygame.Surface, tuple[int, int]]] = []
        self._mouse: tuple[int, int] | None = None
        self.wide = True

    @property
    def world(self) -> World:
        """The whole world at the end: nothing is secret any more (every mission, every score)."""
        return self.session.outcome()

    @property
    def tabs(self) -> tuple[str, ...]:
        return TEXT_TABS if self.wide else CHART_TABS + TEXT_TABS

    # ---- layout --------------------------------------------------------------------------------

    def build(self) -> None:
        app, s = self.app, self.app.s
        w, h = app.size
        m = s(16)
        scene_theme(app)
        preload_fonts(
            app,
            [
                (18, True, False),
                (17, True, False),
                (17, False, False),
                (15, True, False),
                (15, False, True),
            ],
        )
        self.wide = w / app.settings.scale >= 1000
        # A short canvas (a large UI scale): a one-line title and no key hint, so that the
        # text and charts keep most of the window.
        self.short = h < s(540)
        if self.tab not in self.tabs:
            self.tab = "scores" if self.wide else self.tabs[0]
        self._texts = []
        y = self._build_header(w, m)
        fy = self._build_footer(w, h, m)
        gap = s(12)
        body = pygame.Rect(m, y, w - 2 * m, fy - s(12) - y)

        # the body: charts on the left and tabs on the right, or every part a tab
        self.charts = {}
        if self.wide:
            left_w = round(body.width * 0.58)
            left = pygame.Rect(body.x, body.y, left_w, body.height)
            top_h = round((left.height - gap) * 0.55)
            self._make_charts(
                pygame.Rect(left.x, left.y, left.width, top_h),
                pygame.Rect(left.x, left.y + top_h + gap, left.width, left.height - top_h - gap),
            )
            right = pygame.Rect(
                left.right + gap, body.y, body.right - left.right - gap, body.height
            )
        else:
            right = body
        tabs_bottom = self._make_tabs(right)
        area = pygame.Rect(
            right.x, tabs_bottom + s(8), right.width, right.bottom - tabs_bottom - s(8)
        )
        self.text_box = None
        if self.tab in CHART_TABS:
            if self.tab == "criteria":
                self._make_charts(area, None)
            else:
                self._make_charts(None, area)
        else:
            self.text_box = self.keep(
                pygame_gui.elements.UITextBox(
                    self.markup(self.tab),
                    area,
                    manager=app.manager,
                    object_id="#report_text",
                )
            )
        keys = self._focus_keys()
        order = [*(self.tab_buttons[k] for k in self.tabs), self.menu_button, self.export_button]
        if self.class_button is not None:
            order.append(self.class_button)
        self.focus.reset(order, keys.index(self._focus_key) if self._focus_key in keys else None)

    def _focus_keys(self) -> list[str]:
        return [*self.tabs, "menu", "export", *(["class"] if self.class_export else [])]

    def _build_header(self, w: int, m: int) -> int:
        """The title and how the match ended; returns the y below them."""
        app, s, p = self.app, self.app.s, self.app.palette
        y = m
        tf = app.font(24 if self.wide and not self.short else 20, True)
        title = t("debrief.title", title=self.world.title_in(language()) or self.world.scenario)
        # At most two lines (one on a short canvas), cut at a word with an ellipsis: however
        # long a scenario's title, the charts keep their room.
        lines = wrap_words(title, tf, w - 2 * m, 1 if self.short else 2)
        for line in lines:
            self._texts.append((tf.render(line, True, p.accent), (m, y)))
            y += tf.get_linesize()
        sub = words.end_text(self.world)
        if self.world.history and self.wide:  # narrow: the path tab shows it
            sub += "  " + t(
                "debrief.where",
                arrangement=words.arrangement_name(self.world.history[-1].arrangement),
            )
        f = app.font(14)
        for line in wrap_words(sub, f, w - 2 * m, 3):
            self._texts.append((f.render(line, True, p.muted), (m, y)))
            y += f.get_linesize()
        return y + (s(6) if self.short else s(10))

    def _build_footer(self, w: int, h: int, m: int) -> int:
        """The hint (or what Export did) and the two buttons; returns the footer's top."""
        app, s, p = self.app, self.app.s, self.app.palette
        bh = s(44)
        export_label, menu_label = t("debrief.export"), t("debrief.menu")
        ew = button_width(app, export_label, bold=True)
        mw = button_width(app, menu_label)
        gap = s(12)
        class_label = t("class_export.button") if self.class_export is not None else ""
        cw = button_width(app, class_label) + gap if class_label else 0
        text_w = w - 2 * m - ew - mw - 2 * gap - cw
        fh = app.font(13)
        beside = text_w > s(160)  # else the message stands above the buttons
        lines = self._footer_lines(fh, text_w if beside else w - 2 * m)
        text_h = len(lines) * fh.get_linesize()
        footer_h = max(bh, text_h) if beside else bh + s(6) + text_h
        fy = h - m - footer_h
        by = fy + (footer_h - bh) // 2 if beside else fy + footer_h - bh
        colour = p.muted if not self.status else (p.good if self.status_ok else p.bad)
        ty = fy + (footer_h - text_h) // 2 if beside else fy
        for line in lines:
            self._texts.append((fh.render(line, True, colour), (m, ty)))
            ty += fh.get_linesize()
        self.export_button = self.keep(
            pygame_gui.elements.UIButton(
                pygame.Rect(w - m - ew, by, ew, bh),
                export_label,
                manager=app.manager,
                object_id="#primary",
            )
        )
        tooltip(app, self.export_button, t("debrief.export_tip"))
        self.class_button = None
        if class_label:
            self.class_button = self.keep(
                pygame_gui.elements.UIButton(
                    pygame.Rect(w - m - ew - cw, by, cw - gap, bh),
                    class_label,
                    manager=app.manager,
                )
            )
            tooltip(app, self.class_button, t("class_export.button_tip"))
        self.menu_button = self.keep(
            pygame_gui.elements.UIButton(
                pygame.Rect(w - m - ew - gap - mw - cw, by, mw, bh),
                menu_label,
                manager=app.manager,
                object_id="#report_button",
            )
        )
        tooltip(app, self.menu_button, t("debrief.menu_tip"))
        return fy

    def _footer_lines(self, font: pygame.font.Font, width: int) -> list[str]:
        """The hint, or what the last export did; a folder breaks after its separators."""
        if not self.status:  # the keys are in the buttons' tooltips on a short canvas
            return (
                [] if self.short else wrap(t("debrief.hint_arrows", n=len(self.tabs)), font, width)
            )
        if self.last_export is None or not self.status_ok:
            return wrap(self.status, font, width)
        folder = str(self.last_export.folder)
        head = self.status.replace(folder, "").rstrip()
        return wrap(head, font, width) + wrap_path(folder, font, width)

    def _make_charts(self, top: pygame.Rect | None, bottom: pygame.Rect | None) -> None:
        style = ChartStyle.from_palette(self.app.palette, self.app.settings.scale)
        if top is not None:
            self.charts["criteria"] = criteria_chart(
                self.world, top, style, self.app.palette, compact=not self.wide
            )
        if bottom is not None:
            self.charts["path"] = path_chart(
                self.world, bottom, style, self.app.palette, compact=not self.wide
            )

    def _make_tabs(self, area: pygame.Rect) -> int:
        """The tab buttons, flowing onto a second row when they do not fit on one."""
        s = self.app.s
        bh, gap = s(36), s(8)
        x, y = area.x, area.y
        self.tab_buttons = {}
        labels = [t(f"debrief.tab.{key}") for key in self.tabs]
        # roomy tabs when they fit on one row, tighter ones when that keeps them on one row
        padding = 32
        total = sum(button_width(self.app, lab, padding=padding) for lab in labels)
        if total + gap * (len(labels) - 1) > area.width:
            padding = 20
        for i, (key, label) in enumerate(zip(self.tabs, labels, strict=True)):
            bw = min(button_width(self.app, label, padding=padding), area.width)
            if x > area.x and x + bw > area.right:
                x, y = area.x, y + bh + gap
            b = self.keep(
                pygame_gui.elements.UIButton(
                    pygame.Rect(x, y, bw, bh),
                    label,
                    manager=self.app.manager,
                    object_id="#report_button",
                )
            )
            tooltip(self.app, b, t("debrief.tab_tip", hotkey=i + 1))
            if key == self.tab:
                b.select()
            self.tab_buttons[key] = b
            x += bw + gap
        return y + bh

    # ---- the texts -----------------------------------------------------------------------------

    def markup(self, tab: str) -> str:
        if tab == "scores":
            return self._scores()
        if tab == "decisions":
            return self._decisions()
        return self._lessons()

    def plain_text(self, tab: str | None = None) -> str:
        return plain(self.markup(tab or self.tab))

    def _head(self, text: str) -> str:
        return f"<font color='{hexc(self.app.palette.accent)}' pixel_size={self.app.s(18)}><b>{esc(text)}</b></font>"

    def _muted(self, text: str) -> str:
        return f"<font color='{hexc(self.app.palette.muted)}'>{text}</font>"

    def _scores(self) -> str:
        p = self.app.palette
        humans = set(self.session.humans)
        out = [self._muted(f"<i>{esc(t('debrief.scores_intro'))}</i>")]
        note = words.scores_note(self.world)
        if note:
            out.append(self._muted(f"<i>{esc(note)}</i>"))
        for rank, row in enumerate(words.score_rows(self.world), 1):
            out.append("")
            player = (
                f"  <font color='{hexc(p.accent)}'>({esc(t('debrief.player'))})</font>"
                if row.actor in humans
                else ""
            )
            out.append(
                f"<font pixel_size={self.app.s(17)}><b>{rank}. {esc(row.name)}</b>{player}"
                f"  <font color='{hexc(p.accent)}'><b>{number(row.total)}</b></font></font>"
            )
            out.append(self._muted(esc(row.role)))
            if row.fell is not None:
                out.append(self._muted(f"<i>{esc(row.fell_note)}</i>"))
            part = t(
                "debrief.criteria_part",
                value=number(row.criteria),
                weights=words.weights_text(row),
            )
            goals = t("debrief.goals_part", value=signed(row.goal_points))
            out.append(f"{esc(part)} \u00b7 {esc(goals)}")
            for g in row.goals:
                colour = p.good if g.met else p.muted
                secret = (
                    f"<font color='{hexc(p.accent)}'><b>{esc(t('debrief.secret'))}</b></font> \u00b7 "
                    if g.secret
                    else ""
                )
                text = esc(words.goal_text(g, mark_secret=False))
                out.append(f"&nbsp;&nbsp;&nbsp;{secret}<font color='{hexc(colour)}'>{text}</font>")
        return "<br>".join(out)

    def _decisions(self) -> str:
        p = self.app.palette
        world, reports = self.world, self.session.reports
        out = [self._head(t("debrief.path"))]
        h = world.history
        if h:
            out.append(
                esc(
                    t(
                        "debrief.start_at",
                        turn=h[0].turn,
                        arrangement=words.arrangement_name(h[0].arrangement),
                    )
                )
            )
        moves = words.path_moves(world)
        out += [f"\u2022 {esc(words.move_text(mv))}" for mv in moves]
        if h and not moves:
            out.append(
                self._muted(
                    esc(t("debrief.stayed", arrangement=words.arrangement_name(h[0].arrangement)))
                )
            )

        gap = words.unrecorded_turns(world, reports)
        if gap:  # an old save: say what is not known rather than "no vote was held"
            out += ["", self._muted(f"<i>{esc(words.unrecorded_text(gap))}</i>")]
        out += ["", self._head(t("debrief.cards_chosen"))]
        ds = words.decisions(world, reports)
        for d in ds:
            key = words.decision_key(d)
            out.append(
                "\u2022 "
                + t_markup(
                    key,
                    turn=str(d.turn),
                    title=f"<b>{esc(d.title)}</b>",
                    actor=esc(d.who),
                    option=esc(d.option),
                )
            )
        if not ds:
            out.append(self._muted(esc(t("debrief.no_cards"))))

        out += ["", self._head(t("debrief.biggest"))]
        big = words.biggest_changes(reports)
        for c in big:
            colour = p.good if c.amount > 0 else p.bad
            line = t_markup(
                "debrief.change",
                turn=str(c.turn),
                criterion=f"<b>{esc(words.criterion_name(c.criterion))}</b>",
                amount=f"<font color='{hexc(colour)}'><b>{esc(signed(c.amount))}</b></font>",
                cause=esc(c.cause),
            )
            out.append("\u2022 " + line)
        if not big:
            out.append(self._muted(esc(words.no_changes_text(gap))))

        out += ["", self._head(t("debrief.votes"))]
        vs = words.votes(world, reports)
        for v in vs:
            colour = p.good if v.passed else p.bad
            out.append(f"<font color='{hexc(colour)}'>\u2022</font> {esc(words.vote_text(v))}")
        if not vs:
            out.append(self._muted(esc(words.no_votes_text(gap))))
        return "<br>".join(out)

    def _lessons(self) -> str:
        out = [self._muted(f"<i>{esc(t('debrief.lessons_intro'))}</i>")]
        ls = words.lessons(self.world)
        for ls_ in ls:
            when = ", ".join(str(x) for x in ls_.turns)
            out.append("")
            out.append(
                f"<b>{esc(ls_.title)}</b>  {self._muted(esc(t('debrief.turns', turns=when)))}"
            )
            out.append(f"<i>{esc(ls_.lesson)}</i>")
        if not ls:
            out.append(self._muted(esc(t("debrief.no_cards"))))
        out += ["", self._head(t("debrief.question"))]
        out += [f"{i}. {esc(t(f'debrief.md.question{i}'))}" for i in (1, 2, 3)]
        return "<br>".join(out)

    # ---- actions -------------------------------------------------------------------------------

    def select(self, tab: str) -> None:
        if tab in self.tabs and tab != self.tab:
            self.tab = tab
            self.rebuild()

    def step_tab(self, d: int) -> None:
        """Left / Right: the tab before or after the open one (stopping at the ends, as on the
        New match strip); a focused tab button follows the tab it opened."""
        i = self.tabs.index(self.tab) if self.tab in self.tabs else 0
        tab = self.tabs[max(0, min(len(self.tabs) - 1, i + d))]
        if self._focus_key in self.tabs:
            self._focus_key = tab
        self.select(tab)

    def export(self) -> ExportResult | None:
        """Write the debrief's files; the footer says where (or why it could not). A finished
        match's debrief does not change, so once written a second press (Enter twice, E held)
        says where it already is instead of writing another copy; if that folder has been
        removed since, it is written afresh."""
        done = self.last_export
        if done is not None and self.status_ok and all(f.is_file() for f in done.files):
            self.status = t("debrief.export_again", folder=str(done.folder))
            self.rebuild()
            return done
        world, palette = self.world, self.app.palette
        try:
            result = export_debrief(
                world,
                self.session.reports,
                render_png=lambda path: render_charts_png(world, palette, path),
                humans=self.session.humans,
                lang=i18n.language(),
            )
        except (OSError, pygame.error) as e:
            self.status, self.status_ok = t("debrief.export_failed", error=str(e)), False
            self.rebuild()
            return None
        self.last_export = result
        files = ", ".join(f.name for f in result.files)
        self.status, self.status_ok = (
            t("debrief.exported", files=files, folder=str(result.folder)),
            True,
        )
        self.rebuild()
        return result

    def export_for_class(self) -> None:
        """The class debrief (HTML, CSV, replay) into a folder the teacher picks."""
        if self.class_export is None:
            return
        from game.ui.scenes.class_export import ClassExportScene

        self.app.push(ClassExportScene(self.app, self.world, self.class_export))

    def to_menu(self) -> None:
        from game.ui import flow

        flow.leave_match(self.app, self.session)  # a class's seat hangs up

    def _press(self, button: pygame_gui.elements.UIButton) -> None:
        if button is self.export_button:
            self._focus_key = "export"
            self.export()
        elif button is self.menu_button:
            self.to_menu()
        elif button is not None and button is self.class_button:
            self._focus_key = "class"
            self.export_for_class()
        else:
            for key, b in self.tab_buttons.items():
                if b is button:
                    self._focus_key = key if self.focus.focused is not None else None
                    self.select(key)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEMOTION:
            self._mouse = event.pos
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            self._press(event.ui_element)
        elif event.type == pygame.KEYDOWN:
            self._key(event)

    def _key(self, event: pygame.event.Event) -> None:
        k = event.key
        if k == pygame.K_TAB:
            self.focus.move(back=bool(event.mod & pygame.KMOD_SHIFT))
            b = self.focus.focused
            keys = self._focus_keys()
            self._focus_key = (
                keys[self.focus.index] if b is not None and self.focus.index is not None else None
            )
        elif k in ENTER_KEYS and self.focus.focused is not None:
            self._press(self.focus.focused)
        elif k in (pygame.K_LEFT, pygame.K_RIGHT):
            self.step_tab(-1 if k == pygame.K_LEFT else 1)
        elif pygame.K_1 <= k <= pygame.K_9 and k - pygame.K_1 < len(self.tabs):
            self.select(self.tabs[k - pygame.K_1])
        elif k == pygame.K_e:
            self.export()
        elif k == pygame.K_c:
            self.export_for_class()
        elif k == pygame.K_m:
            self.to_menu()
        elif k in SCROLL_KEYS:
            scroll_text(self.app, self.text_box, *SCROLL_KEYS[k])

    def draw(self, surface: pygame.Surface) -> None:
        for img, pos in self._texts:
            surface.blit(img, pos)
        for chart in self.charts.values():
            chart.draw(surface, self._mouse)
        self.focus.draw(surface)
