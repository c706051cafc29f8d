"""Settings: window, scale, colours, sound and language. Changes are a draft until Apply, which
hands them to the app (it saves them in the user's config folder and rebuilds every widget)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIHorizontalSlider

from game.ui.i18n import t
from game.ui.palette import palette_for
from game.ui.scenes.menu import (
    MENU_SLIDER,
    MenuScreen,
    Stop,
    blit,
    clip,
    draw_continuum,
    oid,
)
from game.ui.settings import SIZES, Settings

SCALES = (100, 125, 150, 175, 200)
VOLUME_STEP = 5

if TYPE_CHECKING:
    from game.ui.app import App


@dataclass
class Row:
    """One setting: a label and either a row of choices or a slider."""

    label: str
    field: str
    choices: Sequence[tuple[Any, str]] = ()  # (value, label)
    slider: bool = False
    tip: str = ""


class SettingsScene(MenuScreen):
    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.draft: Settings = app.settings.model_copy()
        self.segments: dict[str, list[tuple[UIButton, Any]]] = {}
        self.sliders: dict[str, UIHorizontalSlider] = {}
        self.row_rects: dict[str, pygame.Rect] = {}
        self.label_pos: dict[str, tuple[int, int]] = {}

    # ---- the rows ---------------------------------------------------------------------------

    def columns(self) -> list[tuple[str, list[Row]]]:
        off_on = [(False, t("menu.settings.off")), (True, t("menu.settings.on"))]
        display = [
            Row(
                t("menu.settings.window"),
                "size",
                [(size, f"{size[0]}×{size[1]}") for size in SIZES],
                tip=t("menu.settings.window.tip"),
            ),
            Row(t("menu.settings.fullscreen"), "fullscreen", off_on),
            Row(
                t("menu.settings.scale"),
                "ui_scale",
                [(v, f"{v}%") for v in SCALES],
                tip=t("menu.settings.scale.tip"),
            ),
            Row(
                t("menu.settings.palette"),
                "palette",
                [
                    ("standard", t("menu.settings.palette.standard")),
                    ("colorblind", t("menu.settings.palette.colorblind")),
                ],
                tip=t("menu.settings.palette.tip"),
            ),
        ]
        sound = [
            Row(t("menu.settings.sound"), "sound_volume", slider=True),
            Row(t("menu.settings.music"), "music_volume", slider=True),
            Row(t("menu.settings.mute"), "muted", off_on),
            Row(
                t("menu.settings.language"),
                "language",
                [("en", "English"), ("es", "Español")],
            ),
        ]
        return [(t("menu.settings.display"), display), (t("menu.settings.audio"), sound)]

    def value(self, field: str) -> Any:
        if field == "size":
            return (self.draft.width, self.draft.height)
        return getattr(self.draft, field)

    def set_value(self, field: str, value: Any) -> None:
        if field == "size":
            self.draft = self.draft.model_copy(update={"width": value[0], "height": value[1]})
        else:
            self.draft = self.draft.model_copy(update={field: value})
        self._restyle(field)
        self._sync_apply()
        self.app.dirty()

    # ---- building ---------------------------------------------------------------------------

    def build(self) -> None:
        app, s, m = self.app, self.app.s, self.margin
        w = app.size[0]
        self.segments, self.sliders, self.row_rects, self.label_pos = {}, {}, {}, {}
        cols = self.columns()
        top = self.header_height() + s(8)
        bottom = self.footer_top() - s(16)
        col_gap = s(40)
        col_w = min(s(460), (w - 2 * m - col_gap) // 2)
        x0 = (w - (2 * col_w + col_gap)) // 2
        f_label = app.font(14)
        label_h = f_label.get_linesize()
        ctrl_h = s(34)
        head_h = s(30)
        rows = max(len(c[1]) for c in cols)
        row_h = min(s(76), (bottom - top - head_h) // rows)
        ctrl_h = min(ctrl_h, row_h - label_h - s(6))
        used = head_h + rows * row_h
        top += max(0, (bottom - top - used) // 3)
        self.col_heads: list[tuple[str, int, int, int]] = []
        for c, (head, col_rows) in enumerate(cols):
            x = x0 + c * (col_w + col_gap)
            self.col_heads.append((head, x, top, col_w))
            for r, row in enumerate(col_rows):
                y = top + head_h + r * row_h
                self.label_pos[row.field] = (x, y)
                ctrl = pygame.Rect(x, y + label_h + s(2), col_w, ctrl_h)
                if row.slider:
                    self._slider(row, ctrl)
                else:
                    self._choices(row, ctrl)
        self.labels = {row.field: row.label for _, col_rows in cols for row in col_rows}
        # the foot
        self.apply_button = self.footer_primary(
            t("menu.settings.apply"), self.apply, t("menu.settings.apply.tip")
        )
        self.footer_left(t("menu.back"), self.back)
        self._sync_apply()

    def _choices(self, row: Row, rect: pygame.Rect) -> None:
        s = self.app.s
        gap = s(6)
        f = self.app.font(15)
        texts = [f.size(label)[0] for _, label in row.choices]
        room = rect.width - gap * (len(texts) - 1)
        pad = s(24)  # padding inside each choice: generous when there is room, never less
        while pad > s(10) and sum(texts) + pad * len(texts) > room:
            pad -= s(2)
        widths = [w + pad for w in texts]
        spare = room - sum(widths)
        if spare > 0:  # share the spare room so a row nearly spans its column
            widths = [w + min(spare // len(widths), s(40)) for w in widths]
        x = rect.x
        buttons = []
        for (value, label), wd in zip(row.choices, widths, strict=True):
            b = UIButton(
                pygame.Rect(x, rect.y, wd, rect.height),
                label,
                self.app.manager,
                tool_tip_text=row.tip or None,
                object_id=oid(),
            )
            self.keep(b)
            self.actions[b] = self._chooser(row.field, value)
            buttons.append((b, value))
            x += wd + gap
        self.segments[row.field] = buttons
        span = pygame.Rect(rect.x, rect.y, x - gap - rect.x, rect.height)
        self.row_rects[row.field] = span
        self._restyle(row.field)
        self.stops.append(
            Stop(
                rect=lambda span=span: span,
                activate=lambda f=row.field: self._step(f, 1, wrap=True),
                arrows=lambda d, f=row.field: self._step(f, d),
            )
        )

    def _chooser(self, field: str, value: Any) -> Callable[[], None]:
        return lambda: self.set_value(field, value)

    def _slider(self, row: Row, rect: pygame.Rect) -> None:
        s = self.app.s
        value_w = self.app.font(15).size("100%")[0] + s(14)
        r = pygame.Rect(rect.x, rect.y + s(3), rect.width - value_w, rect.height - s(6))
        slider = UIHorizontalSlider(
            r,
            round(self.value(row.field) * 100),
            (0, 100),
            self.app.manager,
            object_id=oid(class_id=MENU_SLIDER),
            click_increment=VOLUME_STEP,
        )
        self.keep(slider)
        self.sliders[row.field] = slider
        self.row_rects[row.field] = r
        self.stops.append(
            Stop(
                rect=lambda r=r: r,
                arrows=lambda d, f=row.field: self._nudge(f, d),
                element=slider,
            )
        )

    def _restyle(self, field: str) -> None:
        for b, value in self.segments.get(field, []):
            if value == self.value(field):
                b.select()
            else:
                b.unselect()

    def _sync_apply(self) -> None:
        b = getattr(self, "apply_button", None)
        if b is None or not b.alive():
            return
        if self.changed():
            b.enable()
        else:
            b.disable()

    def changed(self) -> bool:
        return self.draft != self.app.settings

    # ---- keyboard ---------------------------------------------------------------------------

    def _step(self, field: str, d: int, wrap: bool = False) -> bool:
        choices = [v for _, v in self.segments.get(field, [])]
        if not choices:
            return False
        current = self.value(field)
        i = choices.index(current) if current in choices else (-1 if d > 0 else len(choices))
        j = i + d
        j = j % len(choices) if wrap else min(max(j, 0), len(choices) - 1)
        self.set_value(field, choices[j])
        return True

    def _nudge(self, field: str, d: int) -> bool:
        slider = self.sliders.get(field)
        value = min(100, max(0, round(self.value(field) * 100) + d * VOLUME_STEP))
        if slider is not None:
            slider.set_current_value(value)
        self.set_value(field, value / 100)
        return True

    def _handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED:
            for field, slider in self.sliders.items():
                if slider is event.ui_element:
                    self.set_value(field, round(slider.get_current_value()) / 100)
                    self.focus_element(slider)
            return
        super()._handle(event)

    # ---- actions ----------------------------------------------------------------------------

    def apply(self) -> None:
        if self.changed():
            self.app.apply_settings(self.draft.model_copy())  # rebuilds this screen too
            from game.ui.audio import audio_of

            audio_of(self.app).set_volumes(self.app.settings)

    def go(self) -> None:
        self.apply()

    def back(self) -> None:
        if self.changed():
            self.ask(
                t("menu.settings.discard.title"),
                t("menu.settings.discard"),
                t("menu.settings.discard.yes"),
                self.app.pop,
                t("menu.settings.discard.no"),
            )
        else:
            self.app.pop()

    # ---- drawing ----------------------------------------------------------------------------

    def draw_content(self, surface: pygame.Surface) -> None:
        app, s, pal = self.app, self.app.s, self.app.palette
        self.draw_header(surface, t("menu.settings.heading"))
        f_head, f_label, f_value = app.font(16, True), app.font(14), app.font(15)
        for head, x, y, width in self.col_heads:
            blit(surface, head.upper(), f_head, pal.accent, (x, y))
            pygame.draw.line(surface, pal.panel_border, (x, y + s(24)), (x + width, y + s(24)), 1)
        for field, (x, y) in self.label_pos.items():
            blit(surface, clip(self.labels[field], f_label, s(400)), f_label, pal.muted, (x, y))
        for field, slider in self.sliders.items():
            value = f"{round(self.value(field) * 100)}%"
            muted = self.draft.muted
            colour = pal.muted if muted else pal.text
            blit(
                surface,
                value,
                f_value,
                colour,
                (slider.rect.right + s(10), slider.rect.centery),
                "midleft",
            )
        # the palette row shows the chosen palette's continuum colours
        if "palette" in self.label_pos:
            x, y = self.label_pos["palette"]
            label_w = f_label.size(self.labels["palette"])[0]
            bar = pygame.Rect(x + label_w + s(12), y + s(6), s(84), s(8))
            draw_continuum(surface, app, bar, None, palette_for(self.draft.palette))
