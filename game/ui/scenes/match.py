"""The match screen: the map, the continuum bar, the four criteria, and a side panel where a
seat drafts its orders (Actions), answers its event cards and votes (Cards), and reads its own
actor (Actor); "End turn" hands the draft to the match.

Everything drawn comes from the session's ``view(seat)``: a seat sees what its actor may know,
and the screen never learns whether the match is on this machine or hosted on another. The
view, the legal orders and the score are worked out when the turn or the draft changes, never
per frame; the map, the bar and the criteria are cached pictures and ``draw`` only blits them.
Clicks queue their action; ``update`` carries it out before the same frame is drawn, so a
click shows its effect in the next picture.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIImage, UIScrollingContainer

from game.engine import Order
from game.engine.actions import volunteer_ceiling
from game.engine.model import NGO, Federation, GlobalBody, State
from game.engine.orders import ACTIONS
from game.engine.scoring import Score, score
from game.engine.structure import measure
from game.ui import flow, i18n
from game.ui.i18n import language, number, save_error, t, tn, whole
from game.ui.i18n import name as i18n_name
from game.ui.scene import Scene
from game.ui.scenes.match_keys import KeyboardFocus
from game.ui.scenes.match_messages import TAB as MESSAGES
from game.ui.scenes.match_messages import ChatTab
from game.ui.scenes.match_modal import ModalPanels
from game.ui.scenes.match_panel import SidePanel
from game.ui.scenes.match_pending import Waiting, hand_of, waiting
from game.ui.scenes.match_pictures import MatchPictures
from game.ui.scenes.match_tips import place
from game.ui.scenes.match_words import (
    name_of,
    option_label,
    order_key,
    order_sentence,
    undoes,
)
from game.ui.widgets.continuum_bar import ContinuumBar, position
from game.ui.widgets.criteria import CriteriaPanel
from game.ui.widgets.gui_pieces import Hotspot
from game.ui.widgets.mapview import MapView
from game.ui.widgets.row_list import Focusable

if TYPE_CHECKING:
    from game.session.interface import Session
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


class MatchScene(MatchPictures, ModalPanels, KeyboardFocus, ChatTab, Scene):
    """The match as ``seat`` sees it; ``seat=None`` is the public (projector) view, where a
    "Next turn" button lets the AI play a turn."""

    def __init__(self, app: App, session: Session, seat: str | None) -> None:
        super().__init__(app)
        self.session = session
        self.seat = seat
        from game.session.interface import messaging

        chat = messaging(session) if seat is not None else None
        self.tabs = TABS_SEAT if seat is not None else TABS_PUBLIC
        if chat is not None:  # a class's seat: its messages (hot-seat has none)
            self.tabs = (*self.tabs, MESSAGES)
        self.tab = self.tabs[0]
        self._init_chat(chat)
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
        self._state: int | None = None  # the session's state_id the screen was worked out at
        from game.session.interface import Connected

        # A class's seat: its host is elsewhere, and tells of team mates and of the link.
        self._connected = isinstance(session, Connected)
        self._news_id = -1
        self.refresh_world()

    # ---- what the seat knows ---------------------------------------------------------------------

    def refresh_world(self) -> None:
        """Recompute everything that follows from the world: once per turn, never per frame."""
        self._state = self.session.state_id
        self.view = self.session.view(self.seat)
        self.measure = measure(self.view)
        hist = self.view.history
        prev = hist[-2] if len(hist) >= 2 else None
        self.bar.set_state(
            self.measure,
            position(prev.arrangement, prev.centralization) if prev else None,
            prev.centralization if prev else None,
        )
        reports = self.session.reports
        last = reports[-1] if reports else None
        self.criteria.set_state(hist, self.view.criteria, last.changes if last else None)
        self.map.set_world(self.view, self.seat)
        self.legal: list[Order] = self.session.legal(self.seat) if self.seat else []
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
        self.draft: list[Order] = self.session.draft(self.seat) if self.seat else []
        self.points_left = self.session.points_left(self.seat) if self.seat else 0
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
        widths = [tw] * n
        if MESSAGES in self.tabs:  # four tabs: each as wide as its words need, the rest shared
            widths = self._tab_widths(lay.tabs.w - gap * (n - 1))
        x = lay.tabs.x
        for i, tab in enumerate(self.tabs):
            rect = pygame.Rect(x, lay.tabs.y, widths[i], lay.tabs.h)
            x += widths[i] + gap
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

    def _tab_widths(self, room: int) -> list[int]:
        """The tabs' widths in ``room``: each the width of its title with a count, the room
        left over shared out (Messages and the counts would be cut at 200 % otherwise)."""
        font, pad = self.app.font(15), self.app.s(16)

        def need(counted: tuple[str, ...]) -> list[int]:
            out = []
            for tab in self.tabs:
                title = self._tab_title(tab)
                if tab in counted and "(" not in title:
                    title += " (9)"  # a count may come: keep its room
                out.append(font.size(title)[0] + pad)
            return out

        widths = need(("actions", "cards", MESSAGES))
        if sum(widths) > room:  # a large scale: room for the unread count only
            widths = need((MESSAGES,))
        spare = room - sum(widths)
        if spare >= 0:
            return [w + spare // len(widths) for w in widths]
        return [w * room // sum(widths) for w in widths]

    def _tab_title(self, tab: str) -> str:
        if tab == "cards":
            n = len(self.waiting())  # what still waits, not what was dealt
            return t("match.tab.cards_n", n=n) if n else t("match.tab.cards")
        if tab == "actions" and self.draft:
            return t("match.tab.actions_n", n=len(self.draft))
        if tab == MESSAGES and self.unread:
            return t("match.tab.messages_n", n=self.unread)
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
        if self.tab != MESSAGES:
            self.stop_typing()
        elif self.chat is not None:
            self.chat.messages_read = len(self.chat_lines())
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
            self._waiting = waiting(self.view, self.seat, self.draft)
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
                ("population", t("match.millions", n=number(w.population_of(a.id))), None),
                ("wealth", f"{a.wealth:.0f}", None),
                ("military", f"{a.military:.0f}", None),
                ("sovereignty", f"{a.sovereignty:.0f}", a.sovereignty),
                ("freedom", f"{a.freedom:.0f}", a.freedom),
                ("fear", f"{a.fear:.0f}", a.fear),
                ("pressure", f"{a.pressure:.0f}", a.pressure),
            ]
            if a.sanctioned:
                out.append(("sanctioned", tn("match.turns_left", a.sanctioned), None))
            if a.indicted:
                out.append(("indicted", t("match.yes"), None))
            if a.arrested:
                out.append(("arrested", t("match.yes"), None))
            return out
        if isinstance(a, Federation):
            members = ", ".join(i18n_name(w.actors[m]) for m in a.members if m in w.actors) or "—"
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
                names = ", ".join(i18n_name(w.actors[p]) for p in a.permanent if p in w.actors)
                out.append(("permanent", names, None))
            return out
        if isinstance(a, NGO):
            reach = ", ".join(i18n_name(w.actors[r]) for r in a.reach if r in w.actors) or "—"
            return [
                ("focus", t(f"match.focus.{a.focus}"), None),
                (
                    "volunteers",
                    t(
                        "match.thousands_of",
                        n=whole(a.volunteers),
                        most=whole(volunteer_ceiling(w, a)),
                    ),
                    None,
                ),
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
            self._close_tips()
            self.build_content()

    def _close_tips(self) -> None:
        """Close the tooltips shown. pygame_gui closes one when its element loses the pointer,
        which an element hidden with its tab never does: its tip stayed up over the next tab's
        (two tips at once, the pointer not moved)."""
        for e in self.tipped:
            tip = getattr(e, "tool_tip", None)
            if tip is not None:
                tip.kill()
                e.tool_tip = None
                e.hover_time = 0.0
        self.app.dirty()

    def toggle(self, order: Order) -> None:
        """Draft an order, or take it back if it is already drafted."""
        if self.seat is None:
            return
        if order in self.draft:
            self.remove(self.draft.index(order), anchor=self._row_of(order))
            return
        before = list(self.draft)
        undone = next((o for o in self.draft if undoes(o, order)), None)
        if undone is not None:  # two points spent on nothing: said, not sent
            refused: str | None = t("match.undoes", other=order_sentence(self.view, undone))
        else:
            refused = self.session.add(order)
        if refused:
            why = i18n.reason(refused)  # the engine's or the host's, in the player's language
            self.notice = (
                t("match.refused", order=order_sentence(self.view, order), why=why),
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
        self.session.remove(self.seat, index)
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
            if self.session.ended:  # nothing left to play: on to the debrief
                flow.start(self.app, self.session)
                return
            report = self.session.resolve()
            flow.after_submit(self.app, self.session, report, None)
            return
        open_ = self.waiting()
        if (self.spendable() or open_) and not confirmed:
            buttons = [(t("match.confirm.end"), lambda: self.end_turn(confirmed=True), "#primary")]
            if open_:
                buttons.append((t("panel.confirm.answer"), self._answer_waiting, None))
            buttons.append((t("match.confirm.back"), self._close_modal, None))
            self.open_modal("confirm", t("match.confirm.title"), self._end_question(), buttons)
            return
        self._close_modal()
        report = self.session.submit(self.seat)
        if report is None and self._connected:  # a class: the host resolves when all are in
            flow.submitted(self.app, self.session, self.seat, self._state)
            return
        flow.after_submit(self.app, self.session, report, self.seat)

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
        if self.spendable():
            parts.append(tn("match.confirm.text", self.points_left))
        return "\n\n".join(parts)

    def spendable(self) -> bool:
        """Whether the points left would still buy an order not yet given (nor one undoing a
        given one): a seat with points left and nothing it may do with them (a body with no
        budget, its one resolution tabled) is not asked whether it means to leave them
        unspent."""
        if self.points_left <= 0:
            return False
        given = {o.key() for o in self.draft}
        return any(
            0 < ACTIONS[o.action].cost <= self.points_left
            and o.key() not in given
            and not any(undoes(g, o) for g in self.draft)
            for o in self.legal
        )

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
                (t("match.menu.settings"), self.open_settings, None),
                (t("match.menu.quit"), self.quit_to_menu, "#danger"),
            ],
        )

    def open_settings(self) -> None:
        """Settings over the match (scale, language, sound...); Back returns to it as it was."""
        from game.ui.scenes.settings import SettingsScene

        self._close_modal()
        self.app.push(SettingsScene(self.app))

    def save(self) -> None:
        from game import paths
        from game.session.saves import SaveError

        w = self.session.view(self.seat)
        path = paths.saves_dir() / f"{w.scenario}-turn{w.turn}.json"
        try:
            self.session.save(path)  # the whole match: its orders and every turn's report
        except (SaveError, OSError) as e:
            error = f"{path}: {save_error(e, path)}"  # the player's language; the CLI's is English
            self.message(t("match.save.failed_title"), t("match.save.failed", error=error))
            return
        self.message(t("match.save.done_title"), t("match.save.done", path=str(path)))

    def quit_to_menu(self) -> None:
        try:
            import game.ui.scenes.menu  # noqa: F401  (a build without the menus says so here)
        except ImportError as e:
            self.message(t("match.menu.title"), t("match.menu.no_menu", error=str(e)))
            return
        self._close_modal()
        self.session.keep()  # the orders drafted this turn come back with Continue
        flow.leave_match(self.app, self.session)  # a class's seat hangs up

    def closing(self) -> None:
        self.session.keep()  # a window closed mid-turn: the orders and answers come back too

    def message(self, title: str, text: str) -> None:
        self.open_modal("message", title, text, [(t("match.ok"), self._close_modal, "#primary")])

    # ---- events -----------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.chat_entry:
            self.queue(self.send_chat)  # Enter in the composer
            return
        if event.type == pygame.KEYDOWN and self.typing():  # the composer has the keyboard
            if event.key in (pygame.K_ESCAPE, pygame.K_TAB):
                self.stop_typing()
                if event.key == pygame.K_TAB:
                    self._key(event)
            return
        if event.type == pygame.KEYDOWN:
            self._key(event)
        elif event.type == pygame.MOUSEMOTION:
            self._mouse_motion(event.pos)
        elif (
            event.type == pygame.MOUSEBUTTONDOWN
            and event.button == 1
            and self.modal is None
            and self.tab in self.panel.lists
            and self.panel.lists[self.tab].click_bar(event.pos, self.app.s(48))
        ):
            self.app.dirty()
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

    def _follow_host(self) -> bool:
        """A class's seat: say the host's news (a refusal, a team mate's change, the link) and
        show the draft as the host holds it; whether another screen took over (a team mate
        ended the seat's turn: waiting for the others)."""
        session = self.session
        news_id = session.news_id  # type: ignore[attr-defined]
        if news_id != self._news_id:
            self._news_id = news_id
            from game.ui.scenes.waiting import news_line

            for news in session.take_news():  # type: ignore[attr-defined]
                self.notice = news_line(news)
                self._notice_surface, self.notice_age = None, 0.0
            if self.seat is not None and session.draft(self.seat) != self.draft:
                self._after_change(list(self.draft), None)
            self.app.dirty()
        if session.link == "down" and self.notice is not None:  # type: ignore[attr-defined]
            self.notice_age = 0.0  # "Lost the class's host" stays until it is back
        if session.link == "closed" and not session.ended:  # type: ignore[attr-defined]
            self._close_modal()  # the host will not take the seat back: the Join screen
            flow.start(self.app, session)
            return True
        if self.seat is not None and flow.waits_for_others(session):  # a team mate ended it
            self._close_modal()
            flow.submitted(self.app, session, self.seat, self._state)
            return True
        return False

    def select_region(self, region: str | None) -> None:
        if self.map.select(region):
            self._details = None
            self.app.dirty()

    # ---- the frame --------------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        if self.session.state_id != self._state:
            if self._connected and self.seat is not None:  # the host resolved the turn
                flow.turn_resolved(self.app, self.session, self.seat)
                return
            self.refresh_world()
            self.rebuild()
        if self._connected and self._follow_host():
            return
        self.follow_chat()
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
            self._draw_notice(surface)  # with the autosave's failure under it
        else:
            self._draw_autosave_failed(surface)
