"""The match screen: the map, the continuum bar, the four criteria, and a side panel where a
seat drafts its orders (Actions), answers its event cards and votes (Cards), and reads its own
actor (Actor); "End turn" hands the draft to the match.

Everything drawn comes from ``view(world, seat)``: a seat sees what its actor may know. The
view, the legal orders and the score are worked out when the turn or the draft changes, never
per frame; the map, the bar and the criteria are cached pictures and ``draw`` only blits them.
Clicks queue their action; ``update`` carries it out before the same frame is drawn, so a
click shows its effect in the next picture.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIImage, UIPanel, UIScrollingContainer

from game.engine import Order, view
from game.engine.model import NGO, Federation, GlobalBody, State
from game.engine.scenario import text as scenario_text
from game.engine.scoring import Score, mission_of, score
from game.engine.structure import measure
from game.ui import flow
from game.ui.i18n import language, t
from game.ui.scene import Scene
from game.ui.scenes.match_panel import SidePanel
from game.ui.scenes.match_pending import Waiting, hand_of, waiting
from game.ui.scenes.match_tips import place
from game.ui.scenes.match_words import (  # noqa: F401 - the words' old home: tests import here
    action_label,
    action_preview,
    name_of,
    option_label,
    order_hint,
    order_key,
    order_preview,
    order_sentence,
    target_name,
)
from game.ui.widgets import mix, text_block
from game.ui.widgets.continuum_bar import ContinuumBar, position
from game.ui.widgets.criteria import CriteriaPanel
from game.ui.widgets.gui_pieces import Blocker, Hotspot, Picture
from game.ui.widgets.mapview import MapView, capitalized, crisis_text
from game.ui.widgets.row_list import Focusable

if TYPE_CHECKING:
    from game.engine import World
    from game.session.local import LocalMatch
    from game.ui.app import App

TIP_WIDTH = 320
NOTICE_SECONDS = 8.0


@dataclass
class Layout:
    header: pygame.Rect
    bar: pygame.Rect
    map: pygame.Rect
    side: pygame.Rect
    tabs: pygame.Rect
    content: pygame.Rect
    criteria: pygame.Rect
    footer: pygame.Rect


def layout(size: tuple[int, int], s: Callable[[float], int]) -> Layout:
    """Where everything goes. The side panel takes up to 400 px (scaled) but never more than
    47% of the width, so at 200% the map keeps half the screen and the panel scrolls."""
    w, h = size
    header_h, bar_h, bottom_h = s(32), s(66), s(64)
    side_w = min(s(400), int(w * 0.47))
    mid_y = header_h + bar_h
    mid_h = h - mid_y - bottom_h
    side = pygame.Rect(w - side_w, mid_y, side_w, mid_h)
    tabs = pygame.Rect(side.x + s(8), side.y + s(8), side.w - s(16), s(34))
    content = pygame.Rect(
        side.x + s(4), tabs.bottom + s(6), side.w - s(8), side.bottom - tabs.bottom - s(8)
    )
    return Layout(
        header=pygame.Rect(0, 0, w, header_h),
        bar=pygame.Rect(0, header_h, w, bar_h),
        map=pygame.Rect(0, mid_y, w - side_w, mid_h),
        side=side,
        tabs=tabs,
        content=content,
        criteria=pygame.Rect(0, h - bottom_h, w - side_w, bottom_h),
        footer=pygame.Rect(w - side_w, h - bottom_h, side_w, bottom_h),
    )


# ---- the scene ------------------------------------------------------------------------------------

TABS_SEAT = ("actions", "cards", "actor")
TABS_PUBLIC = ("world", "log")


class MatchScene(Scene):
    """The match as ``seat`` sees it; ``seat=None`` is the public (projector) view, where a
    "Next turn" button lets the AI play a turn."""

    def __init__(self, app: App, local: LocalMatch, seat: str | None) -> None:
        super().__init__(app)
        self.local = local
        self.seat = seat
        self.tabs = TABS_SEAT if seat is not None else TABS_PUBLIC
        self.tab = self.tabs[0]
        self.map = MapView(app, pygame.Rect(0, 0, 10, 10))
        self.bar = ContinuumBar(app, pygame.Rect(0, 0, 10, 10))
        self.criteria = CriteriaPanel(app, pygame.Rect(0, 0, 10, 10))
        self.lay = layout(app.size, app.s)
        self.pending: list[Callable[[], None]] = []
        self.notice: tuple[str, str] | None = None  # (text, "good" | "bad")
        self.notice_age = 0.0
        self.show_details = False
        self.focus_key: str | None = None
        self.focusables: list[Focusable] = []
        self.modal: str | None = None
        self.modal_text = ""
        self.modal_focus: list[Focusable] = []
        self.modal_widgets: list[pygame_gui.core.UIElement] = []
        self.modal_default: Callable[[], None] | None = None
        self.modal_cancel: Callable[[], None] | None = None
        self.action_buttons: dict[Order, UIButton] = {}
        self.option_buttons: dict[tuple[str, str], UIButton] = {}
        self.vote_buttons: dict[tuple[str, str], UIButton] = {}
        self.remove_buttons: list[UIButton] = []
        self.tab_buttons: dict[str, UIButton] = {}
        self.tipped: list[pygame_gui.core.UIElement] = []
        self.panel = SidePanel(self)
        self._waiting: list[Waiting] | None = None
        self._opened_turn = -1  # the turn the screen last opened on what waits
        self.map_hotspot: Hotspot | None = None
        self.end_button: UIButton | None = None
        self.menu_button: UIButton | None = None
        self._ring: UIImage | None = None
        self._tips_shown = False
        self._static: pygame.Surface | None = None
        self._details: pygame.Surface | None = None
        self._details_key: tuple | None = None
        self._notice_surface: pygame.Surface | None = None
        self._footer: pygame.Surface | None = None
        self.builds = 0
        self._world_ref: World | None = None
        self.refresh_world()

    # ---- what the seat knows ---------------------------------------------------------------------

    def refresh_world(self) -> None:
        """Recompute everything that follows from the world: once per turn, never per frame."""
        w = self.local.world
        self._world_ref = w
        self.view = view(w, self.seat)
        self.measure = measure(self.view)
        hist = self.view.history
        prev = hist[-2] if len(hist) >= 2 else None
        self.bar.set_state(
            self.measure,
            position(prev.arrangement, prev.centralization) if prev else None,
            prev.centralization if prev else None,
        )
        last = self.local.reports[-1] if self.local.reports else None
        self.criteria.set_state(hist, self.view.criteria, last.changes if last else None)
        self.map.set_world(self.view, self.seat)
        self.legal: list[Order] = self.local.legal(self.seat) if self.seat else []
        self.score: Score | None = (
            score(self.view, self.seat) if self.seat in self.view.actors else None
        )
        self._static = self._footer = None
        self._details = None
        self.panel.reset()
        self.refresh_draft()
        if self.seat is not None and self.view.turn != self._opened_turn:
            # A new turn: open on the first card or vote that waits, if any does.
            self._opened_turn = self.view.turn
            if self.waiting():
                self.tab = "cards"
                self._open_on_waiting = True

    def refresh_draft(self) -> None:
        self.draft: list[Order] = self.local.draft(self.seat) if self.seat else []
        self.points_left = self.local.points_left(self.seat) if self.seat else 0
        self._waiting = None
        self._footer = None

    @property
    def actor(self):
        return self.view.actors.get(self.seat or "")

    # ---- building the widgets --------------------------------------------------------------------

    def leave(self) -> None:
        self._close_modal()
        super().leave()
        self.panel.reset()
        self.tipped.clear()
        self.focusables.clear()
        self._ring = None

    def enter(self) -> None:
        super().enter()
        if (
            not getattr(self, "_card_sounded", False)
            and self.seat is not None
            and hand_of(self.view, self.seat)
        ):
            from game.ui.audio import audio_of

            audio_of(self.app).play("card")  # once per turn: new cards are waiting
        self._card_sounded = True

    def build(self) -> None:
        self.builds += 1
        app, s = self.app, self.app.s
        # Tooltips use <b> and <i>: load those faces up front (pygame_gui warns otherwise).
        fonts = app.manager.get_theme().get_font_dictionary()
        for size in (app.s(14), app.s(15)):
            for bold, italic in ((True, False), (False, True)):
                if not fonts.check_font_preloaded(
                    fonts.create_font_id(size, "noto_sans", bold, italic)
                ):
                    fonts.preload_font(size, "noto_sans", bold, italic, force_immediate_load=True)
        self.lay = lay = layout(app.size, s)
        self.map.set_rect(lay.map)
        self.bar.set_rect(lay.bar)
        self.criteria.set_rect(lay.criteria)
        # Entering again may follow a change of palette, language or scale: draw afresh.
        for picture in (self.map, self.bar, self.criteria):
            picture.invalidate()
        self._details = self._notice_surface = self._footer = None
        self._static = None
        self.tab_buttons = {}
        self.tipped = []
        m = app.manager

        # Header: the menu.
        label = t("match.menu_button")
        bw = app.font(15).size(label)[0] + s(28)
        self.menu_button = self.keep(
            UIButton(
                pygame.Rect(lay.header.right - bw - s(6), s(3), bw, lay.header.h - s(6)),
                label,
                m,
                command=self._cmd(self.open_menu),
            )
        )
        self._tip(self.menu_button, t("match.menu_tip"))

        # Tabs.
        n = len(self.tabs)
        gap = s(6)
        tw = (lay.tabs.w - gap * (n - 1)) // n
        for i, tab in enumerate(self.tabs):
            rect = pygame.Rect(lay.tabs.x + i * (tw + gap), lay.tabs.y, tw, lay.tabs.h)
            b = self.keep(
                UIButton(
                    rect,
                    self._tab_title(tab),
                    m,
                    command=self._cmd(partial(self.set_tab, tab)),
                )
            )
            self._tip(b, t(f"match.tab_tip.{tab}", n=str(i + 1)))
            if tab == self.tab:
                b.select()
            self.tab_buttons[tab] = b

        # Footer: End turn (or Next turn for the public view).
        f = lay.footer
        label = t("match.end_turn") if self.seat else t("match.next_turn")
        ew = max(app.font(17, bold=True).size(label)[0] + s(36), s(130))
        self.end_button = self.keep(
            UIButton(
                pygame.Rect(f.right - ew - s(10), f.y + s(10), ew, f.h - s(20)),
                label,
                m,
                object_id="#primary",
                command=self._cmd(self.end_turn),
            )
        )
        self._tip(
            self.end_button, t("match.end_turn_tip") if self.seat else t("match.next_turn_tip")
        )

        # Hotspots carrying the tooltips of the drawn figures; those of the bar, the criteria
        # and the map open over the map, never over the panel, the header or a tutorial box.
        for rect, tip in self.bar.tooltips() + self.criteria.tooltips():
            self._hotspot(rect, tip).placer = self._place_tip
        self._header_hotspots()
        self.map_hotspot = self._hotspot(lay.map, None)
        self.map_hotspot.placer = self._place_tip

        self.panel.reset()  # a new scale or language: every tab draws afresh
        for tab in self.tabs:  # all at once, so a tab switch later only hides and shows
            if tab != self.tab:
                self.panel.show(tab)
        self.build_content()
        if getattr(self, "_open_on_waiting", False):
            self._open_on_waiting = False
            self.go_to_waiting()

    def _tab_title(self, tab: str) -> str:
        if tab == "cards":
            n = len(self.waiting())  # what still waits, not what was dealt
            return t("match.tab.cards_n", n=n) if n else t("match.tab.cards")
        if tab == "actions" and self.draft:
            return t("match.tab.actions_n", n=len(self.draft))
        return t(f"match.tab.{tab}")

    def _tip(self, element: pygame_gui.core.UIElement, tip: str | None) -> None:
        if tip:
            element.set_tooltip(tip, wrap_width=self.app.s(TIP_WIDTH), delay=0.35)
            self.tipped.append(element)

    def _hotspot(self, rect: pygame.Rect, tip: str | None, container=None) -> Hotspot:
        h = self.keep(
            Hotspot(rect, self.app.manager, tip or "", self.app.s(TIP_WIDTH), container=container)
        )
        if not tip:
            h.set_tooltip(None)
        self.tipped.append(h)
        return h

    def _place_tip(self, spot: Hotspot, tip, mouse: tuple[int, int]) -> None:
        """Put a figure's new tooltip over the map, off the figure it explains (the pointer's
        surroundings on the map), the side panel, the header and any box a hosting screen (the
        tutorial) lays over this one."""
        s, lay = self.app.s, self.lay
        if spot is self.map_hotspot:
            anchor = pygame.Rect(0, 0, s(28), s(28))
            anchor.center = mouse
        else:
            anchor = pygame.Rect(spot.rect)
        avoid = [lay.side, lay.header, lay.bar, lay.footer]
        host = self.app.scene
        box = getattr(host, "panel_rect", None) if host is not self else None
        if isinstance(box, pygame.Rect) and box.w:
            avoid.append(box)
        room = pygame.Rect(0, lay.header.bottom, lay.map.w, self.app.size[1] - lay.header.bottom)
        rect = place(tip.rect.size, anchor, room, avoid, s(8))
        tip.set_position(rect.topleft)

    def _header_hotspots(self) -> None:
        """The header's figures (turn, seat) are drawn; their tooltips ride on hotspots."""
        self._static = None
        self._render_static()
        for rect, tip in self._header_tips:
            self._hotspot(rect, tip)

    def build_content(self) -> None:
        """Show the current tab's list (built the first time), and the focus ring around it."""
        rl = self.panel.show(self.tab)
        self._sync_buttons()
        self._set_tab_titles()
        self._collect_focus()
        del rl
        self.app.dirty()

    def _sync_buttons(self) -> None:
        p = self.panel
        self.action_buttons, self.option_buttons = p.action_buttons, p.option_buttons
        self.vote_buttons, self.remove_buttons = p.vote_buttons, p.remove_buttons

    def _set_tab_titles(self) -> None:
        for tab, b in self.tab_buttons.items():
            title = self._tab_title(tab)
            if b.text != title:
                b.set_text(title)
            if tab == self.tab and not b.is_selected:
                b.select()
            elif tab != self.tab and b.is_selected:
                b.unselect()

    def _collect_focus(self) -> None:
        """The focus ring: the tabs, the shown list's controls, End turn and the menu."""
        rl = self.panel.lists.get(self.tab)
        self.focusables = [
            Focusable(f"tab:{tab}", b, partial(self.set_tab, tab))
            for tab, b in self.tab_buttons.items()
        ]
        if rl is not None:
            self.focusables += rl.focus()
        if self.end_button is not None:
            self.focusables.append(Focusable("end", self.end_button, self.end_turn))
        if self.menu_button is not None:
            self.focusables.append(Focusable("menu", self.menu_button, self.open_menu))
        self._show_focus()

    @property
    def scroll(self) -> UIScrollingContainer | None:
        rl = self.panel.lists.get(self.tab)
        return rl.scroll if rl is not None else None

    # ---- what still waits -----------------------------------------------------------------------

    def waiting(self) -> list[Waiting]:
        """The seat's unanswered cards and ballots (see match_pending: the engine's seam)."""
        if self.seat is None:
            return []
        if self._waiting is None:
            self._waiting = waiting(self.view, self.seat, self.legal, self.draft)
        return self._waiting

    def _hand(self) -> list:
        """The seat's cards dealt this turn (the tutorial asks by this name)."""
        return hand_of(self.view, self.seat)

    def default_words(self, w: Waiting) -> str:
        """ "Waiting: if unanswered, Hunt them village by village" — what ending the turn now
        would decide for the player."""
        if w.kind == "card":
            return t("panel.card.waiting", choice=option_label(self.view, w.key, w.default))
        return t("panel.vote.waiting")

    def go_to_waiting(self) -> None:
        """The Cards tab, with the first unanswered card or ballot in view."""
        self.set_tab("cards")
        first = next(iter(self.waiting()), None)
        rl = self.panel.lists.get("cards")
        if first is None or rl is None:
            return
        prefix = f"card:{first.key}:" if first.kind == "card" else f"ballot:{first.key}:"
        row = next((r for r in rl.rows if r.key.startswith(prefix)), None)
        if row is not None:
            rl.scroll.update(0.0)
            rl.scroll_to(row.y - self.app.s(4))
            self.app.dirty()

    def toggle_group(self, kind: str) -> None:
        self.panel.toggle_group(kind)
        self._collect_focus()
        self.app.dirty()

    def _figures(self, a) -> list[tuple[str, str, float | None]]:
        w = self.view
        if isinstance(a, State):
            out = [
                ("population", t("match.millions", n=f"{w.population_of(a.id):.1f}"), None),
                ("wealth", f"{a.wealth:.0f}", None),
                ("military", f"{a.military:.0f}", None),
                ("sovereignty", f"{a.sovereignty:.0f}", a.sovereignty),
                ("freedom", f"{a.freedom:.0f}", a.freedom),
                ("fear", f"{a.fear:.0f}", a.fear),
                ("pressure", f"{a.pressure:.0f}", a.pressure),
            ]
            if a.sanctioned:
                out.append(("sanctioned", t("match.turns_left", n=a.sanctioned), None))
            if a.indicted:
                out.append(("indicted", t("match.yes"), None))
            return out
        if isinstance(a, Federation):
            members = ", ".join(w.actors[m].name for m in a.members if m in w.actors) or "—"
            return [
                ("purpose", t(f"match.purpose.{a.purpose}"), None),
                ("members", members, None),
                ("depth", f"{a.depth:.0f}", a.depth),
                ("budget", f"{a.budget:.0f}", None),
                ("force", f"{a.force:.0f}", None),
            ]
        if isinstance(a, GlobalBody):
            members = (
                t("match.every_state")
                if a.members is None
                else str(len([m for m in a.members if m in w.actors]))
            )
            out = [
                ("members", members, None),
                ("mandate", f"{a.mandate:.0f}", a.mandate),
                ("enforcement", f"{a.enforcement:.0f}", a.enforcement),
                ("budget", f"{a.budget:.0f}", None),
                ("legitimacy", f"{a.legitimacy:.0f}", a.legitimacy),
                ("independence", f"{a.independence:.0f}", a.independence),
            ]
            if a.permanent:
                names = ", ".join(w.actors[p].name for p in a.permanent if p in w.actors)
                out.append(("permanent", names, None))
            return out
        if isinstance(a, NGO):
            reach = ", ".join(w.actors[r].name for r in a.reach if r in w.actors) or "—"
            return [
                ("focus", t(f"match.focus.{a.focus}"), None),
                ("volunteers", t("match.thousands", n=f"{a.volunteers:.0f}"), None),
                ("credibility", f"{a.credibility:.0f}", a.credibility),
                ("reach", reach, None),
            ]
        return []

    # ---- actions ----------------------------------------------------------------------------------

    def _cmd(self, fn: Callable[[], None]) -> Callable[[], None]:
        """A button command (pygame_gui calls a one-argument function with event data, so a
        command must take none) that queues ``fn`` for ``update``."""
        return lambda: self.queue(fn)

    def queue(self, fn: Callable[[], None] | None) -> None:
        """Carry ``fn`` out in ``update``: never inside pygame_gui's event loop, which must not
        see its widgets killed under it."""
        if fn is not None:
            self.pending.append(fn)
            self.app.dirty()

    def set_tab(self, tab: str) -> None:
        if tab in self.tabs and tab != self.tab:
            self.tab = tab
            self.build_content()

    def toggle(self, order: Order) -> None:
        """Draft an order, or take it back if it is already drafted."""
        if self.seat is None:
            return
        if order in self.draft:
            self.remove(self.draft.index(order), anchor=self._row_of(order))
            return
        before = list(self.draft)
        refused = self.local.add(order)
        if refused:
            self.notice = (
                t("match.refused", order=order_sentence(self.view, order), why=refused),
                "bad",
            )
        else:
            self.notice = (t("match.ordered", order=order_sentence(self.view, order)), "good")
        self._notice_surface = None
        self.notice_age = 0.0
        self._after_change(before, self._row_of(order))

    def remove(self, index: int, anchor: str | None = None) -> None:
        if self.seat is None or not (0 <= index < len(self.draft)):
            return
        before = list(self.draft)
        o = self.draft[index]
        self.local.remove(self.seat, index)
        self.notice = (t("match.removed", order=order_sentence(self.view, o)), "good")
        self._notice_surface = None
        self.notice_age = 0.0
        if self.focus_key == f"remove:{index}" and index >= len(before) - 1:
            self.focus_key = f"remove:{index - 1}" if index else None
        self._after_change(before, anchor)

    def _after_change(self, before: list[Order], anchor: str | None) -> None:
        """The draft changed: swap the rows it touched, in place, and the tab counts."""
        self.refresh_draft()
        self.panel.draft_changed(before, anchor)
        self._sync_buttons()
        self._set_tab_titles()
        self._collect_focus()
        self.app.dirty()

    @staticmethod
    def _row_of(order: Order) -> str:
        """The key of the side-panel row that holds ``order``'s button."""
        if order.action == "choose":
            return f"card:{order.target}:opt:{order.option}"
        if order.action == "vote":
            return f"ballot:{order.target}:buttons"
        return f"order:{order_key(order)}"

    def end_turn(self, confirmed: bool = False) -> None:
        if self.modal is not None and not confirmed:
            return
        if self.seat is None:
            if self.local.world.ended:  # nothing left to play: on to the debrief
                flow.start(self.app, self.local)
                return
            report = self.local.resolve()
            flow.after_submit(self.app, self.local, report, None)
            return
        open_ = self.waiting()
        if (self.points_left > 0 or open_) and not confirmed:
            buttons = [(t("match.confirm.end"), lambda: self.end_turn(confirmed=True), "#primary")]
            if open_:
                buttons.append((t("panel.confirm.answer"), self._answer_waiting, None))
            buttons.append((t("match.confirm.back"), self._close_modal, None))
            self.open_modal("confirm", t("match.confirm.title"), self._end_question(), buttons)
            return
        self._close_modal()
        report = self.local.submit(self.seat)
        flow.after_submit(self.app, self.local, report, self.seat)

    def _end_question(self) -> str:
        """What ending the turn now would leave to defaults, in words, and the points left."""
        parts = []
        open_ = self.waiting()
        if open_:
            lines = [t("panel.confirm.waiting")]
            for w in open_[:4]:
                if w.kind == "card":
                    lines.append(
                        t(
                            "panel.confirm.card",
                            card=name_of(self.view, w.key),
                            choice=option_label(self.view, w.key, w.default),
                        )
                    )
                else:
                    p = self.view.proposals.get(w.key)
                    body = name_of(self.view, p.body) if p else ""
                    lines.append(
                        t("panel.confirm.ballot", body=body, what=name_of(self.view, w.key))
                    )
            if len(open_) > 4:
                lines.append(t("panel.confirm.more", n=len(open_) - 4))
            parts.append("\n".join(lines))
        if self.points_left > 0:
            parts.append(t("match.confirm.text", n=self.points_left))
        return "\n\n".join(parts)

    def _answer_waiting(self) -> None:
        self._close_modal()
        self.go_to_waiting()

    def open_menu(self) -> None:
        self.open_modal(
            "menu",
            t("match.menu.title"),
            t("match.menu.text", scenario=self.view.title_in(language()), turn=self.view.turn),
            [
                (t("match.menu.resume"), self._close_modal, "#primary"),
                (t("match.menu.save"), self.save, None),
                (t("match.menu.quit"), self.quit_to_menu, "#danger"),
            ],
        )

    def save(self) -> None:
        from game import paths
        from game.session.saves import SaveError, save_world

        w = self.local.world
        path = paths.saves_dir() / f"{w.scenario}-turn{w.turn}.json"
        try:
            save_world(w, path)
        except (SaveError, OSError) as e:
            self.message(t("match.save.failed_title"), t("match.save.failed", error=str(e)))
            return
        self.message(t("match.save.done_title"), t("match.save.done", path=str(path)))

    def quit_to_menu(self) -> None:
        try:
            from game.ui.scenes.menu import MainMenu
        except ImportError as e:
            self.message(t("match.menu.title"), t("match.menu.no_menu", error=str(e)))
            return
        self._close_modal()
        self.app.replace(MainMenu(self.app))

    def message(self, title: str, text: str) -> None:
        self.open_modal("message", title, text, [(t("match.ok"), self._close_modal, "#primary")])

    # ---- modal panels ---------------------------------------------------------------------------

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

    # ---- keyboard focus -------------------------------------------------------------------------

    def _ring_list(self) -> list[Focusable]:
        return self.modal_focus if self.modal else self.focusables

    def move_focus(self, step: int) -> None:
        items = self._ring_list()
        if not items:
            return
        if self.map.focused:
            self.map.focused = False
        keys = [f.key for f in items]
        if self.focus_key in keys:
            i = (keys.index(self.focus_key) + step) % len(items)
        else:
            i = 0 if step > 0 else len(items) - 1
        self.focus_key = items[i].key
        self._show_focus()

    def focused(self) -> Focusable | None:
        for f in self._ring_list():
            if f.key == self.focus_key:
                return f
        return None

    def _show_focus(self) -> None:
        """Draw the focus ring (an accent outline above the focused widget) and scroll the
        side panel so the focused widget is in view."""
        if self._ring is not None:
            self._ring.kill()
            self._ring = None
        f = self.focused()
        if f is None or not f.element.alive():
            return
        if f.scroll is not None:
            self._scroll_into_view(f.element)
        s = self.app.s
        rel = (
            f.element.get_relative_rect()
            if hasattr(f.element, "get_relative_rect")
            else f.element.relative_rect
        )
        rect = pygame.Rect(rel).inflate(s(4), s(4))
        surf = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(
            surf, self.app.palette.accent, surf.get_rect(), max(2, s(2)), border_radius=s(5)
        )
        container = f.scroll if f.scroll is not None else f.element.ui_container
        height = 20 if self.modal else 5
        self._ring = Picture(
            rect, surf, self.app.manager, container=container, starting_height=height
        )
        if self.modal:
            self.modal_widgets.append(self._ring)
        self.app.dirty()

    def reveal(self, element) -> None:
        """Scroll the side panel so ``element`` (one of its widgets) is in view."""
        self._scroll_into_view(element)
        self.app.dirty()

    def _scroll_into_view(self, element) -> None:
        rl = self.panel.lists.get(self.tab)
        if rl is not None:
            rl.scroll_into_view(element, self.app.s(8))

    # ---- events -----------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            self._key(event)
        elif event.type == pygame.MOUSEMOTION:
            self._mouse_motion(event.pos)
        elif (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and self.modal is None
            and self.lay.map.collidepoint(event.pos)
        ):
            region = self.map.region_at(event.pos)
            self.focus_key = None
            self.map.focused = False
            self._show_focus()
            self.select_region(region)

    def _mouse_motion(self, pos: tuple[int, int]) -> None:
        region = self.map.region_at(pos) if self.modal is None else None
        if self.map.hover(region):
            self.app.dirty()
            hs = self.map_hotspot
            if hs is not None:
                if hs.tool_tip is not None:
                    hs.tool_tip.kill()
                    hs.tool_tip = None
                hs.hover_time = 0.0
                hs.set_tooltip(
                    self.map.tooltip(region) if region else None,
                    wrap_width=self.app.s(TIP_WIDTH),
                    delay=0.35,
                )

    def select_region(self, region: str | None) -> None:
        if self.map.select(region):
            self._details = None
            self.app.dirty()

    def _key(self, event: pygame.event.Event) -> None:
        k = event.key
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        enter = k in (pygame.K_RETURN, pygame.K_KP_ENTER)
        if self.modal is not None:
            if k == pygame.K_TAB:
                self.move_focus(-1 if shift else 1)
            elif enter or k == pygame.K_SPACE:
                f = self.focused()
                self.queue(f.activate if f else self.modal_default)
            elif k == pygame.K_ESCAPE:
                self.queue(self.modal_cancel)
            elif k in (pygame.K_LEFT, pygame.K_UP):
                self.move_focus(-1)
            elif k in (pygame.K_RIGHT, pygame.K_DOWN):
                self.move_focus(1)
            return
        if k == pygame.K_TAB:
            self.move_focus(-1 if shift else 1)
        elif self.map.focused and k in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN):
            dx = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1}.get(k, 0)
            dy = {pygame.K_UP: -1, pygame.K_DOWN: 1}.get(k, 0)
            self.select_region(self.map.step(self.map.selected, dx, dy))
        elif enter and self.map.focused:
            if self.map.selected is None:
                self.select_region(self.map.home_region())
            self.show_details = not self.show_details
            self._details = None
            self.app.dirty()
        elif enter or (k == pygame.K_SPACE and self.focused() is not None):
            f = self.focused()
            self.queue(f.activate if f else (self.end_turn if enter else None))
        elif k in (pygame.K_UP, pygame.K_DOWN) and self.focused() is not None:
            self.move_focus(-1 if k == pygame.K_UP else 1)
        elif k == pygame.K_ESCAPE:
            if self.map.focused or self.map.selected is not None:
                self.map.focused = False
                self.show_details = False
                self.select_region(None)
                self.app.dirty()
            elif self.focus_key is not None:
                self.focus_key = None
                self._show_focus()
            else:
                self.queue(self.open_menu)
        elif k == pygame.K_e:
            self.queue(self.end_turn)
        elif k == pygame.K_m:
            self.focus_key = None
            self._show_focus()
            self.map.focused = True
            if self.map.selected is None:
                self.select_region(self.map.home_region())
            self.app.dirty()
        elif k in (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_KP1, pygame.K_KP2, pygame.K_KP3):
            n = {
                pygame.K_1: 0,
                pygame.K_2: 1,
                pygame.K_3: 2,
                pygame.K_KP1: 0,
                pygame.K_KP2: 1,
                pygame.K_KP3: 2,
            }[k]
            if n < len(self.tabs):
                tab = self.tabs[n]
                self.queue(lambda: self.set_tab(tab))
        elif k in (pygame.K_PAGEUP, pygame.K_PAGEDOWN) and self.tab in self.panel.lists:
            rl = self.panel.lists[self.tab]
            step = self.lay.content.h * 0.8 * (1 if k == pygame.K_PAGEDOWN else -1)
            rl.scroll_to(round(rl.top + step))
            self.app.dirty()

    # ---- the frame --------------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        if self.local.world is not self._world_ref:
            self.refresh_world()
            self.rebuild()
        if self.notice is not None:
            self.notice_age += dt
            if self.notice_age > NOTICE_SECONDS:  # one redraw to clear it, then idle again
                self.notice, self._notice_surface = None, None
                self.app.dirty()
        while self.pending:
            fn = self.pending.pop(0)
            fn()
            if self.app.scene is not self:  # the turn ended: another screen took over
                self.pending.clear()
                return
        # pygame_gui shows tooltips and scrolls smoothly on its own clock: redraw when it does.
        shown = any(e.tool_tip is not None for e in self.tipped if e.hovered)
        if shown != self._tips_shown:
            self._tips_shown = shown
            self.app.dirty()
        sc = self.scroll
        bar = sc.vert_scroll_bar if sc is not None else None
        if bar is not None and (
            bar.scroll_position != bar.target_scroll_position or bar.has_moved_recently
        ):
            self.app.dirty()

    def draw(self, surface: pygame.Surface) -> None:
        if self._static is None:
            self._render_static()
        assert self._static is not None
        surface.blit(self._static, (0, 0))
        if self._footer is None:
            self._footer = self._render_footer()
        surface.blit(self._footer, self.lay.footer.topleft)
        self._draw_tab_underline(surface)
        self.bar.draw(surface)
        self.criteria.draw(surface)
        self.map.draw(surface)
        if self.map.selected is not None:
            self._draw_details(surface)
        if self.notice is not None:
            self._draw_notice(surface)

    def _render_static(self) -> None:
        """Panel backgrounds, the header and the footer's action points: drawn once per change."""
        app, s, pal, lay = self.app, self.app.s, self.app.palette, self.lay
        surf = pygame.Surface(app.size)
        surf.fill(pal.background)
        pygame.draw.rect(surf, pal.panel, lay.header)
        pygame.draw.rect(surf, mix(pal.panel, pal.background, 0.5), lay.bar)
        pygame.draw.line(
            surf, pal.panel_border, lay.bar.bottomleft, (lay.bar.right, lay.bar.bottom)
        )
        pygame.draw.rect(surf, pal.panel, lay.side)
        pygame.draw.line(surf, pal.panel_border, lay.side.topleft, lay.side.bottomleft)
        pygame.draw.rect(surf, pal.panel, lay.criteria)
        pygame.draw.rect(surf, pal.panel, lay.footer)
        pygame.draw.line(
            surf, pal.panel_border, lay.criteria.topleft, (lay.footer.right, lay.footer.top)
        )
        pygame.draw.line(surf, pal.panel_border, lay.footer.topleft, lay.footer.bottomleft)
        # Header: scenario · turn on the left, the seat on the right (before the menu button).
        self._header_tips: list[tuple[pygame.Rect, str]] = []
        w = self.view
        menu_left = self.menu_button.relative_rect.x if self.menu_button else lay.header.right
        cy = lay.header.centery
        turn = t("match.turn", turn=w.turn, last=w.last_turn)
        tfont, bfont = app.font(14, bold=True), app.font(14)
        turn_img = tfont.render(turn, True, pal.accent)
        x = s(12)
        surf.blit(turn_img, (x, cy - turn_img.get_height() // 2))
        self._header_tips.append(
            (
                pygame.Rect(x, 0, turn_img.get_width(), lay.header.h),
                html.escape(t("match.turn_tip", turn=w.turn, last=w.last_turn)),
            )
        )
        x += turn_img.get_width() + s(14)
        # The seat chip, right-aligned.
        a = self.actor
        if a is not None:
            role = scenario_text(mission_of(w, a.id).role, language())
            chip_text = a.name
            role_text = f" — {role}" if role and role != a.name else ""
        else:
            chip_text, role_text = t("match.public_view"), ""
        room_right = menu_left - s(12)
        name_img = tfont.render(chip_text, True, pal.text)
        role_img = bfont.render(role_text, True, pal.muted) if role_text else None
        chip_w = s(20) + name_img.get_width() + (role_img.get_width() if role_img else 0)
        if role_img is not None and room_right - chip_w < x + s(40):
            role_img = None  # no room for the role: the name alone (the Actor tab has the role)
            chip_w = s(20) + name_img.get_width()
        cx = room_right - chip_w
        if a is not None:
            pygame.draw.rect(
                surf, self.map.owner_colour(a.id), (cx, cy - s(6), s(12), s(12)), border_radius=s(3)
            )
        surf.blit(name_img, (cx + s(20), cy - name_img.get_height() // 2))
        if role_img is not None:
            surf.blit(
                role_img, (cx + s(20) + name_img.get_width(), cy - role_img.get_height() // 2)
            )
        self._header_tips.append(
            (
                pygame.Rect(cx, 0, chip_w, lay.header.h),
                html.escape(
                    t("match.seat_tip", name=chip_text) if a is not None else t("match.public_tip")
                ),
            )
        )
        # The scenario's title in what room is left, whole or not at all.
        title = w.title_in(language())
        room = cx - x - s(16)
        if title and bfont.size(title)[0] <= room:
            img = bfont.render(title, True, pal.muted)
            surf.blit(img, (x, cy - img.get_height() // 2))

        self._header_tips.append(self._footer_tip())
        self._static = surf

    def _draw_tab_underline(self, surface: pygame.Surface) -> None:
        """The active tab's accent underline (drawn each frame: a tab switch redraws nothing)."""
        s, lay = self.app.s, self.lay
        n = len(self.tabs)
        gap = s(6)
        tw = (lay.tabs.w - gap * (n - 1)) // n
        x = lay.tabs.x + self.tabs.index(self.tab) * (tw + gap)
        pygame.draw.rect(surface, self.app.palette.accent, (x, lay.tabs.bottom + s(1), tw, s(3)))

    def _footer_tip(self) -> tuple[pygame.Rect, str]:
        f, s = self.lay.footer, self.app.s
        end_left = self.end_button.relative_rect.x if self.end_button else f.right
        rect = pygame.Rect(f.x, f.y, max(1, end_left - f.x - s(4)), f.h)
        a = self.actor
        if self.seat is not None and a is not None:
            tip = t("match.points_tip", n=self.points_left, total=a.action_points)
        else:
            tip = t("match.public_note")
        return rect, html.escape(tip)

    def _render_footer(self) -> pygame.Surface:
        """The footer's left part: action points as pips and words (drawn again when the draft
        changes, apart from the rest of the static picture), or the public view's note."""
        app, s, pal = self.app, self.app.s, self.app.palette
        f = self.lay.footer
        end_left = self.end_button.relative_rect.x if self.end_button else f.right
        surf = pygame.Surface((max(1, end_left - f.x), f.h), pygame.SRCALPHA)
        a = self.actor
        if self.seat is not None and a is not None:
            total = a.action_points
            left = self.points_left
            lfont = app.font(12, bold=True)
            text = t("match.points").upper()
            if lfont.size(text)[0] > end_left - f.x - s(22):
                text = t("match.points_short")  # "AP": the words stay whole, never cut
            label = lfont.render(text, True, pal.muted)
            surf.blit(label, (s(14), s(12)))
            r = s(7)
            px = s(14) + r
            py = s(12) + label.get_height() + s(12)
            for i in range(total):
                pos = (px + i * (2 * r + s(6)), py)
                if i < left:
                    pygame.draw.circle(surf, pal.accent, pos, r)
                else:
                    pygame.draw.circle(surf, pal.muted, pos, r, max(1, s(2)))
            words = app.font(13).render(t("match.points_left", n=left, total=total), True, pal.text)
            wx = px + total * (2 * r + s(6))
            if f.x + wx + words.get_width() < end_left - s(8):
                surf.blit(words, (wx, py - words.get_height() // 2))
        elif self.seat is None:
            # The note whole if it fits the footer, else its short name (the tooltip and the
            # Actors tab carry it whole): never cut off, never drawn over the list above.
            width = max(s(40), end_left - f.x - s(24))
            img = text_block(t("match.public_note"), app.font(12), pal.muted, width)
            if img.get_height() > f.h - s(8):
                img = text_block(t("panel.public_short"), app.font(13, bold=True), pal.muted, width)
            surf.blit(img, (s(12), (f.h - img.get_height()) // 2))
        return surf

    def _draw_notice(self, surface: pygame.Surface) -> None:
        """The last click's result (ordered, or refused and why) along the map's foot."""
        app, s, pal = self.app, self.app.s, self.app.palette
        if self._notice_surface is None:
            text, tone = self.notice  # type: ignore[misc]
            colour = pal.good if tone == "good" else pal.bad
            width = min(self.lay.map.w - s(40), s(620))
            body = text_block(text, app.font(13, bold=tone == "bad"), pal.text, width - s(28))
            surf = pygame.Surface((width, body.get_height() + s(16)), pygame.SRCALPHA)
            pygame.draw.rect(surf, (*pal.background, 235), surf.get_rect(), border_radius=s(6))
            pygame.draw.rect(surf, colour, surf.get_rect(), max(1, s(2)), border_radius=s(6))
            pygame.draw.rect(
                surf, colour, (s(6), s(6), s(4), surf.get_height() - s(12)), border_radius=s(2)
            )
            surf.blit(body, (s(18), s(8)))
            self._notice_surface = surf
        above = self.lay.map.bottom - self.map.legend_rect.h  # clear of the map's legend
        r = self._notice_surface.get_rect(midbottom=(self.lay.map.centerx, above - s(10)))
        surface.blit(self._notice_surface, r)

    def _draw_details(self, surface: pygame.Surface) -> None:
        """The selected region's card in the map's top-left corner (its groups and crises in
        full once Enter asks for details)."""
        app, s, pal = self.app, self.app.s, self.app.palette
        rid = self.map.selected
        key = (rid, self.show_details)
        if self._details is None or self._details_key != key:
            w = self.view
            r = w.regions[rid]  # type: ignore[index]
            owner = w.actors.get(r.owner)
            width = min(s(300), self.lay.map.w // 2)
            inner = width - s(24)
            parts: list[pygame.Surface] = [
                text_block(r.name, app.font(15, bold=True), pal.text, inner),
                text_block(
                    t(
                        "match.map.held_by",
                        owner=owner.name if owner else r.owner,
                        pop=f"{r.population:g}",
                    ),
                    app.font(12),
                    pal.muted,
                    inner,
                ),
            ]
            for g in w.groups.values():
                if rid in g.regions:
                    line = (
                        t(
                            "match.map.group_line",
                            name=g.name,
                            grievance=f"{g.grievance:.0f}",
                            security=f"{g.security:.0f}",
                            autonomy=f"{g.autonomy:.0f}",
                        )
                        if self.show_details
                        else g.name
                    )
                    parts.append(
                        text_block(
                            line, app.font(12), self.map.grievance_colour(g.grievance), inner
                        )
                    )
            for c in w.crises.values():
                if self.map._crisis_region(c) == rid:
                    parts.append(
                        text_block(
                            capitalized(crisis_text(w, c))
                            + " · "
                            + t("match.map.severity", n=f"{c.severity:.0f}"),
                            app.font(12, bold=True),
                            pal.bad,
                            inner,
                        )
                    )
            if not self.show_details:
                parts.append(text_block(t("match.map.more"), app.font(11), pal.muted, inner))
            h = sum(p.get_height() for p in parts) + s(20)
            surf = pygame.Surface((width, h), pygame.SRCALPHA)
            pygame.draw.rect(surf, (*pal.panel, 240), surf.get_rect(), border_radius=s(6))
            pygame.draw.rect(surf, pal.accent, surf.get_rect(), max(1, s(1)), border_radius=s(6))
            y = s(10)
            for p in parts:
                surf.blit(p, (s(12), y))
                y += p.get_height()
            self._details, self._details_key = surf, key
        surface.blit(self._details, (self.lay.map.x + s(10), self.lay.map.y + s(10)))
