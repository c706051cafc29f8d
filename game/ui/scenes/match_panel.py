"""The match screen's side panel: one scrolling list of rows per tab (Actions, Cards, Actor; the
public view's Actors and Last turn), built the first time a tab is shown and then changed in
place. A click swaps the few rows it changed (the order's button, the draft, a card's options)
and moves the rows below; a tab switch hides one list and shows another. Nothing is rebuilt
until the turn, the language or the scale changes."""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import pygame
from pygame_gui.elements import UIButton, UIImage

from game.engine import ACTIONS, Order
from game.engine.actions import barred_attacks, short_of
from game.engine.scenario import text as scenario_text
from game.engine.scoring import mission_of
from game.ui.i18n import contracted, language, names_list, number, t, tn, whole
from game.ui.scenes.match_groups import group_orders
from game.ui.scenes.match_messages import MessageRows
from game.ui.scenes.match_pending import (
    GoalState,
    Waiting,
    ballots_of,
    default_option,
    goal_states,
    hand_of,
)
from game.ui.scenes.match_tabs_info import InfoTabs
from game.ui.scenes.match_words import (
    action_label,
    action_preview,
    counted,
    name_of,
    option_label,
    order_hint,
    order_key,
    order_preview,
    order_sentence,
    target_name,
)
from game.ui.widgets import mix, triangle
from game.ui.widgets.gui_pieces import Picture
from game.ui.widgets.mapview import capitalized
from game.ui.widgets.row_list import SCROLLBAR, Focusable, Row, RowList, TextSpan
from game.ui.widgets.text_fit import was_cut, wrap_words

if TYPE_CHECKING:
    from game.ui.scenes.match import MatchScene

TIP_WIDTH = 320  # as the scene's tooltips
FOLD_ROOM = 24  # unscaled pixels a fold arrow needs at a header's right (see _fold_arrow)


def cost_tip_text(cost: int, left: int) -> str:
    """An action's cost and the points left, as its tip ends ("Costs 1 action point; you have 2
    left."): written when a row is built, and again when the points left change."""
    return tn("match.cost_tip", cost, left=left)


class SidePanel(InfoTabs, MessageRows):
    """The rows of every tab of one match screen, kept until ``reset``."""

    def __init__(self, scene: MatchScene) -> None:
        self.scene = scene
        self.lists: dict[str, RowList] = {}
        self.collapsed: set[str] = set()  # group kinds the player folded; kept across turns
        self.action_buttons: dict[Order, UIButton] = {}
        self.option_buttons: dict[tuple[str, str], UIButton] = {}
        self.vote_buttons: dict[tuple[str, str], UIButton] = {}
        self.remove_buttons: list[UIButton] = []
        self.list: RowList | None = None  # the one being built
        self._group_counts: dict[str, tuple[int, bool]] = {}  # kind: (orders, touches mission)
        self._tips_left: int | None = None  # the points left the actions' cost tips say

    # ---- shorthand ---------------------------------------------------------------------------

    @property
    def app(self):
        return self.scene.app

    def s(self, px: float) -> int:
        return self.scene.app.s(px)

    @property
    def width(self) -> int:
        return self.scene.lay.content.w - SCROLLBAR - self.s(8)

    # ---- lists -------------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget every list (a new turn, language or scale): tabs build again when shown."""
        for rl in self.lists.values():
            rl.kill()
        self.lists = {}
        self.action_buttons, self.option_buttons, self.vote_buttons = {}, {}, {}
        self.remove_buttons = []

    def show(self, tab: str) -> RowList:
        for name, rl in self.lists.items():
            if name != tab and rl.shown:
                rl.hide()
        rl = self.lists.get(tab)
        if rl is None:
            rl = self._build(tab)
        elif not rl.shown:
            rl.show()
        return rl

    def _build(self, tab: str) -> RowList:
        rl = RowList(self.app.manager, self.scene.lay.content, self.s(4))
        rl.collapsed = self.collapsed
        self.list = rl
        self.lists[tab] = rl
        if tab == "actions":
            self._tips_left = self.scene.points_left
        rl.rows = getattr(self, f"_rows_{tab}")()
        rl.layout()
        return rl

    @property
    def group_kinds(self) -> list[str]:
        """The Actions tab's order groups, in the order shown."""
        return list(self._group_counts)

    def toggle_group(self, kind: str) -> None:
        if kind in self.collapsed:
            self.collapsed.discard(kind)
        else:
            self.collapsed.add(kind)
        rl = self.lists.get("actions")
        if rl is None:
            return
        self.list = rl
        if kind == "mission":
            rl.swap("grp:mission", self._mission_head())  # the goal rows stay, hidden or shown
        else:
            rl.swap(f"grp:{kind}", self._group_head(kind, *self._group_counts[kind]))
        rl.layout()

    # ---- a change of the draft, in place ------------------------------------------------------

    def draft_changed(self, before: list[Order], anchor: str | None) -> None:
        """Swap the rows the change touched in every list built so far; keep the row the player
        clicked (``anchor``) under the pointer."""
        changed = set(before) ^ set(self.scene.draft)
        waits_changed = any(o.action in ("choose", "vote") for o in changed)
        for tab, rl in self.lists.items():
            self.list = rl
            old_y = rl.get(anchor).y if anchor and rl.get(anchor) else None
            if tab == "actions":
                self._swap_draft(rl)
                for o in changed:
                    if o.action not in ("vote", "choose") and rl.get(f"order:{order_key(o)}"):
                        self._swap_order(rl, o)
                self._refresh_cost_tips(rl)
            elif tab == "actor" and self.scene.actor is not None and rl.get("actor:points"):
                rl.swap("actor:points", self.points_row(self.scene.actor))  # the points left
            elif tab == "cards" and waits_changed:
                for o in changed:
                    if o.action == "choose":
                        self._swap_card(rl, o.target or "")
                    elif o.action == "vote":
                        self._swap_ballot(rl, o.target or "")
            else:
                continue  # nothing of this list changed
            if waits_changed:
                self._swap_waiting_head(rl)
            rl.layout()
            if old_y is not None and rl.shown:
                row = rl.get(anchor)  # type: ignore[arg-type]
                if row is not None and row.y != old_y:
                    rl.scroll_to(rl.top + row.y - old_y)

    def _refresh_cost_tips(self, rl: RowList) -> None:
        """The points left changed: every action's tip says the new figure ("you have 1 left").
        A tip is written when its row is built, and a click rebuilds only the rows it touched:
        the others kept the points of the turn's start."""
        old, new = self._tips_left, self.scene.points_left
        if old is None or old == new:
            return
        self._tips_left = new
        swap = {
            html.escape(cost_tip_text(n, old)): html.escape(cost_tip_text(n, new))
            for n in {spec.cost for spec in ACTIONS.values()}
        }
        for row in rl.rows:
            if not row.key.startswith(("order:", "act:")):
                continue
            for element, _, _ in row.elements:
                head, sep, tail = (element.tool_tip_text or "").rpartition("<br><br>")
                if sep and tail in swap:
                    element.set_tooltip(
                        head + sep + swap[tail], wrap_width=self.s(TIP_WIDTH), delay=0.35
                    )

    def _swap_draft(self, rl: RowList) -> None:
        """The draft's rows: those whose order and place are unchanged stay as they are."""
        sc = self.scene
        old = [r for r in rl.rows if r.key.startswith("draft:") and r.key != "draft:head"]
        keep = {r.key: r for r in old}
        wanted = [f"draft:{i}:{order_key(o)}" for i, o in enumerate(sc.draft)] or ["draft:empty"]
        if [r.key for r in old] == wanted:
            return
        at = rl.index("draft:head") + 1
        for r in old:
            if r.key not in wanted:
                r.kill()
        rows = []
        for i, key in enumerate(wanted):
            if key in keep:
                rows.append(keep[key])
            elif key == "draft:empty":
                rows.append(
                    self.para("draft:empty", t("match.draft.empty"), 12, self.app.palette.muted)
                )
            else:
                rows.append(self._draft_row(i, sc.draft[i]))
        rl.rows = [r for r in rl.rows if r not in old]
        rl.rows[at:at] = rows
        self.remove_buttons = [e for r in rows for e, _, _ in r.elements if isinstance(e, UIButton)]

    def _swap_order(self, rl: RowList, o: Order) -> None:
        key = f"order:{order_key(o)}"
        old = rl.get(key)
        if old is not None:
            new = self._order_row(o, old.group or "", single=o.target is None, into=old)
            if new is not old:
                rl.swap(key, new)

    def _swap_card(self, rl: RowList, hand_key: str) -> None:
        """A card's status line, and those of its options whose mark changed (the chosen one,
        the one given up, the default's "if unanswered"); its title and text stay."""
        sc = self.scene
        h = next((h for h in hand_of(sc.view, sc.seat) if h.key == hand_key), None)
        card = next((c for c in sc.view.rules.cards if h and c.id == h.card), None)
        if h is None or card is None or rl.get(f"card:{hand_key}:status") is None:
            return
        rl.swap(f"card:{hand_key}:status", self._card_status(h, card))
        for opt in card.options:
            key = f"card:{hand_key}:opt:{opt.id}"
            old = rl.get(key)
            if old is not None and old.state != self._option_meta(h, card, opt):
                new = self._option_row(h, card, opt, into=old)
                if new is not old:
                    rl.swap(key, new)

    def _swap_ballot(self, rl: RowList, pid: str) -> None:
        prefix = f"ballot:{pid}:"
        keys = [r.key for r in rl.rows if r.key.startswith(prefix)]
        orders = ballots_of(self.scene.legal).get(pid)
        if not keys or not orders:
            return
        # In place: the buttons keep their widgets (the cast one selected), the status is new.
        sc = self.scene
        cast = next((o.option for o in sc.draft if o.action == "vote" and o.target == pid), None)
        for o in orders:
            b = self.vote_buttons.get((pid, o.option or ""))
            if b is not None and b.alive():
                if o.option == cast and not b.is_selected:
                    b.select()
                elif o.option != cast and b.is_selected:
                    b.unselect()
        wait = next((x for x in sc.waiting() if x.key == pid), None)
        rl.swap(prefix + "status", self._ballot_status(pid, wait, cast))

    def _swap_waiting_head(self, rl: RowList) -> None:
        old = rl.get("waiting")
        if old is not None and old.state != self._waiting_text():
            rl.swap("waiting", self._waiting_row(here=rl is self.lists.get("cards")))

    # ---- row makers --------------------------------------------------------------------------

    def _picture(
        self, row: Row, surf: pygame.Surface, x: int, dy: int, tip: str | None = None
    ) -> UIImage:
        cls = UIImage if tip else Picture
        rl = self.list
        assert rl is not None
        img = cls(
            pygame.Rect((x, dy), surf.get_size()), surf, self.app.manager, container=rl.scroll
        )
        self.scene._tip(img, tip)
        row.add(img, x, dy)
        return img

    def _lines(
        self,
        row: Row,
        surf: pygame.Surface,
        text: str,
        font: pygame.font.Font,
        colour,
        x: int,
        y: int,
        width: int,
        max_lines: int = 0,
    ) -> int:
        """Draw ``text`` word-wrapped into ``surf`` at (x, y); record each line for the layout
        tests; return the height used."""
        lines = wrap_words(text, font, width, max_lines) if text else []
        for line in lines:
            if line:
                surf.blit(font.render(line, True, colour), (x, y))
            row.texts.append(TextSpan(line, font, pygame.Rect(x, y, width, font.get_linesize())))
            y += font.get_linesize()
        return len(lines) * font.get_linesize()

    def heading(self, key: str, text: str, tip: str | None = None) -> Row:
        app, s, pal = self.app, self.s, self.app.palette
        font = app.font(12, bold=True)
        row = Row(key)
        lines = wrap_words(text.upper(), font, self.width)
        surf = pygame.Surface((self.width, len(lines) * font.get_linesize() + 1), pygame.SRCALPHA)
        self._lines(row, surf, text.upper(), font, pal.accent, 0, 0, self.width)
        pygame.draw.line(
            surf,
            mix(pal.accent, pal.panel, 0.6),
            (0, surf.get_height() - 1),
            (self.width, surf.get_height() - 1),
        )
        self._picture(row, surf, s(4), 0, tip)
        row.height = surf.get_height() + s(6)
        return row

    def para(
        self,
        key: str,
        text: str,
        size: int = 13,
        colour=None,
        bold: bool = False,
        tip: str | None = None,
        indent: int = 0,
        group: str | None = None,
    ) -> Row:
        app, s = self.app, self.s
        font = app.font(size, bold=bold)
        row = Row(key, group=group)
        width = self.width - s(indent)
        lines = wrap_words(text, font, width)
        surf = pygame.Surface((width, max(1, len(lines) * font.get_linesize())), pygame.SRCALPHA)
        self._lines(row, surf, text, font, colour or app.palette.text, 0, 0, width)
        if tip is None and was_cut(text, lines):
            tip = html.escape(text)
        self._picture(row, surf, s(4 + indent), 0, tip)
        row.height = surf.get_height() + s(4)
        return row

    def gap(self, key: str, px: float, group: str | None = None) -> Row:
        return Row(key, height=self.s(px), group=group)

    def rich(
        self,
        key: str,
        title: str,
        body: str = "",
        meta: str = "",
        tip: str | None = None,
        command: Callable[[], None] | None = None,
        selected: bool = False,
        indent: int = 0,
        meta_tone=None,
        reserve: str = "",
        group: str | None = None,
        into: Row | None = None,
        room: int = 0,
    ) -> tuple[Row, UIButton]:
        """A button with wrapped text: a bold title, a right-hand figure (cost, "ordered") and a
        muted line below. Buttons cannot wrap text themselves, so the words are a picture laid
        over an empty button that keeps the hover, the click, the focus and the tooltip. The
        figure's room is kept for ``reserve`` too, so choosing it never re-wraps the title
        (and never moves the buttons under the pointer). Given ``into`` (a row this made
        before, of the same size), its button and picture are changed in place: no widget is
        made or killed. ``room`` (unscaled pixels) is kept free at the title's right for a
        mark drawn there afterwards (a fold arrow)."""
        app, s, pal = self.app, self.s, self.app.palette
        row = Row(key, group=group)
        width = self.width - s(indent)
        pad = s(8)
        inner = width - 2 * pad
        tfont, bfont, mfont = app.font(14, bold=True), app.font(12), app.font(12, bold=True)
        check = s(16)
        meta_w = max(mfont.size(meta)[0] if meta else 0, mfont.size(reserve)[0] if reserve else 0)
        meta_w = meta_w + s(10) + (check if selected or reserve else 0) if meta_w else 0
        meta_w = max(meta_w, s(room))
        title_lines = wrap_words(title, tfont, inner - meta_w)
        body_lines = wrap_words(body, bfont, inner) if body else []
        h = (
            pad * 2
            + len(title_lines) * tfont.get_linesize()
            + len(body_lines) * bfont.get_linesize()
        )
        surf = pygame.Surface((width, h), pygame.SRCALPHA)
        y = pad + self._lines(row, surf, title, tfont, pal.text, pad, pad, inner - meta_w)
        self._lines(row, surf, body, bfont, pal.muted, pad, y, inner)
        if meta:
            tone = meta_tone or pal.accent
            chip = mfont.render(meta, True, tone)
            cx = width - pad - chip.get_width()
            cy = pad + (tfont.get_linesize() - chip.get_height()) // 2
            surf.blit(chip, (cx, cy))
            row.texts.append(TextSpan(meta, mfont, pygame.Rect(cx, cy, chip.get_width(), 1)))
            if selected:  # a drawn check mark: the UI font has no ✓ glyph
                yc = cy + chip.get_height() // 2
                pts = [(cx - s(14), yc), (cx - s(10), yc + s(4)), (cx - s(4), yc - s(4))]
                pygame.draw.lines(surf, tone, False, pts, max(2, s(2)))
        if tip is None and (was_cut(title, title_lines) or was_cut(body, body_lines)):
            tip = html.escape(f"{title}. {body}" if body else title)
        if into is not None and len(into.elements) == 2:
            button, over = into.elements[0][0], into.elements[1][0]
            if over.image.get_size() == surf.get_size():
                over.set_image(surf)
                if selected and not button.is_selected:
                    button.select()
                elif not selected and button.is_selected:
                    button.unselect()
                if tip and button.tool_tip_text != tip:
                    button.set_tooltip(tip, wrap_width=s(TIP_WIDTH), delay=0.35)
                into.texts = row.texts
                return into, button
        rl = self.list
        assert rl is not None
        x = s(4 + indent)
        button = UIButton(
            pygame.Rect(x, 0, width, h),
            "",
            app.manager,
            container=rl.scroll,
            command=self.scene._cmd(command) if command else None,
        )
        if selected:
            button.select()
        self.scene._tip(button, tip)
        row.add(button, x, 0)
        over = Picture(
            pygame.Rect(x, 0, width, h), surf, app.manager, container=rl.scroll, starting_height=2
        )
        row.add(over, x, 0)
        if command is not None:
            row.focus.append(Focusable(key, button, command, rl.scroll))
        row.height = h + s(4)
        return row, button

    # ---- the Actions tab -----------------------------------------------------------------------

    def _rows_actions(self) -> list[Row]:
        sc, pal = self.scene, self.app.palette
        rows = self._mission_rows()
        rows.append(self._waiting_row())
        rows.append(self.heading("draft:head", t("match.draft.heading"), t("match.draft.tip")))
        rows += self._draft_rows()
        rows.append(self.gap("gap:actions", 8))
        rows.append(
            self.heading("actions:head", t("match.actions.heading"), t("match.actions.tip"))
        )
        mission = mission_of(sc.view, sc.seat) if sc.seat in sc.view.actors else None
        groups = group_orders(sc.view, sc.legal, mission)
        if not groups:
            rows.append(self.para("actions:none", t("match.actions.none"), 12, pal.muted))
        self._group_counts = {}
        for g in groups:
            self._group_counts[g.kind] = (len(g.orders), g.relevant)
            rows.append(self._group_head(g.kind, len(g.orders), g.relevant))
            by_action: dict[str, list[Order]] = {}
            for o in g.orders:
                by_action.setdefault(o.action, []).append(o)
            for action, orders in by_action.items():
                if len(orders) == 1 and orders[0].target is None:
                    rows.append(self._order_row(orders[0], g.kind, single=True))
                    continue
                rows += self._action_head(action, g.kind, orders)
                rows += [self._order_row(o, g.kind, single=False) for o in orders]
                rows.append(self.gap(f"gap:{g.kind}:{action}", 6, g.kind))
            rows.append(self.gap(f"gap:{g.kind}", 4))
        rows += self._short_rows()
        return rows

    def _short_rows(self) -> list[Row]:
        """The actions the seat would have with more wealth or budget, and what each needs, and
        the attacks its union bars: an action that left the list (the Fund's Lend under a
        budget of 8, Karsk's attack on a fellow member of the Compact) says why."""
        sc, pal = self.scene, self.app.palette
        if sc.seat not in sc.view.actors:
            return []
        lines: list[tuple[str, str]] = []  # (row key, text)
        for f in short_of(sc.view, sc.seat):
            line = t(
                "match.short.line",
                action=t(f"match.action.{f.action}"),
                figure=t(f"match.stat.{f.figure}").lower(),
                need=whole(f.need),
                have=whole(math.floor(f.have)),  # 7.6 is not yet 8
            )
            lines.append((f"short:{f.action}", line))
        barred: dict[str, list[str]] = {}  # union -> the neighbours it bars, one line a union
        for target, union in barred_attacks(sc.view, sc.seat):
            barred.setdefault(union, []).append(name_of(sc.view, target))
        for union, targets in barred.items():
            line = t(
                "match.short.union",
                target=names_list(targets),
                union=name_of(sc.view, union, article=True),
            )
            lines.append((f"short:attack:{union}", contracted(line)))  # "de el" reads "del"
        if not lines:
            return []
        tip = t("match.short.tip")
        rows = [self.gap("gap:short", 4), self.heading("short:head", t("match.short.heading"), tip)]
        rows += [self.para(key, line, 12, pal.muted) for key, line in lines]
        return rows

    def _group_head(self, kind: str, n: int, relevant: bool) -> Row:
        """A group's header: a button that folds and unfolds the group."""
        open_ = kind not in self.collapsed
        title = t(f"panel.group.{kind}", n=n)
        body = t("panel.group.mission") if relevant and kind != "crises" else ""
        tip = t("panel.group.fold_tip" if open_ else "panel.group.unfold_tip", group=title)
        row, _ = self.rich(
            f"grp:{kind}",
            title,
            body,
            tip=html.escape(tip),
            command=partial(self.scene.toggle_group, kind),
            indent=0,
            room=FOLD_ROOM,
        )
        self._fold_arrow(row, open_)
        return row

    def _action_head(self, action: str, group: str, orders: list[Order]) -> list[Row]:
        """An action with several targets: its name and cost once, its preview below."""
        app, s, pal = self.app, self.s, self.app.palette
        preview = action_preview(action, self.scene.view, orders)
        spec = ACTIONS[action]
        cost = t("match.cost", n=spec.cost)
        cost_tip = cost_tip_text(spec.cost, self.scene.points_left)
        row = Row(f"act:{action}", group=group)
        cfont = app.font(12, bold=True)
        chip = cfont.render(cost, True, pal.accent)
        tfont = app.font(14, bold=True)
        head_w = self.width - chip.get_width() - s(16)
        lines = wrap_words(action_label(action), tfont, head_w)
        h = max(len(lines) * tfont.get_linesize(), chip.get_height())
        surf = pygame.Surface((self.width, h), pygame.SRCALPHA)
        self._lines(row, surf, action_label(action), tfont, pal.text, s(4), 0, head_w)
        cx = self.width - chip.get_width() - s(8)
        surf.blit(chip, (cx, (tfont.get_linesize() - chip.get_height()) // 2))
        row.texts.append(TextSpan(cost, cfont, pygame.Rect(cx, 0, chip.get_width(), 1)))
        tip = html.escape(preview) + "<br><br>" + html.escape(cost_tip)
        self._picture(row, surf, s(4), s(2), tip)
        row.height = h + s(4)
        line = self.para(f"act:{action}:preview", preview, 12, pal.muted, indent=4, group=group)
        return [row, line]

    def _order_row(self, o: Order, group: str, single: bool, into: Row | None = None) -> Row:
        sc, pal = self.scene, self.app.palette
        w = sc.view
        drafted = o in sc.draft
        spec = ACTIONS[o.action]
        cost_tip = cost_tip_text(spec.cost, sc.points_left)
        tip = html.escape(order_preview(w, o)) + "<br><br>" + html.escape(cost_tip)
        cost = t("match.cost", n=spec.cost)
        if single:
            row, button = self.rich(
                f"order:{order_key(o)}",
                action_label(o.action),
                action_preview(o.action, w, [o]),
                t("match.drafted") if drafted else cost,
                tip=tip,
                command=partial(sc.toggle, o),
                selected=drafted,
                meta_tone=pal.good if drafted else None,
                reserve=t("match.drafted"),
                group=group,
                into=into,
            )
        else:
            row, button = self.rich(
                f"order:{order_key(o)}",
                capitalized(target_name(w, o)),
                order_hint(w, sc.seat, o),
                t("match.drafted") if drafted else "",
                tip=tip,
                command=partial(sc.toggle, o),
                selected=drafted,
                indent=14,
                meta_tone=pal.good,
                reserve=t("match.drafted"),
                group=group,
                into=into,
            )
        self.action_buttons[o] = button
        return row

    def _draft_rows(self) -> list[Row]:
        sc, pal = self.scene, self.app.palette
        if not sc.draft:
            return [self.para("draft:empty", t("match.draft.empty"), 12, pal.muted)]
        return [self._draft_row(i, o) for i, o in enumerate(sc.draft)]

    def _draft_row(self, index: int, o: Order) -> Row:
        """One order given: its sentence (wrapped at words, never cut mid-word), its cost and a
        Remove button."""
        app, s, pal = self.app, self.s, self.app.palette
        sc = self.scene
        row = Row(f"draft:{index}:{order_key(o)}")
        label = t("match.remove")
        bw = app.font(15).size(label)[0] + s(20)
        font = app.font(13, bold=True)
        text = order_sentence(sc.view, o)
        text_w = self.width - bw - s(16)
        lines = wrap_words(text, font, text_w - s(10), max_lines=3)
        sub = app.font(11)
        cost = ACTIONS[o.action].cost
        cost_text = t("match.cost", n=cost) if cost else t("match.free")
        h = max(s(30), len(lines) * font.get_linesize() + sub.get_linesize() + s(8))
        surf = pygame.Surface((text_w, h), pygame.SRCALPHA)
        pygame.draw.rect(surf, pal.good, (0, s(4), s(3), h - s(8)), border_radius=s(2))
        y = s(4) + self._lines(row, surf, text, font, pal.text, s(10), s(4), text_w - s(10), 3)
        surf.blit(sub.render(cost_text, True, pal.muted), (s(10), y))
        self._picture(row, surf, s(4), 0, html.escape(order_preview(sc.view, o)))
        rl = self.list
        assert rl is not None
        bx, by = self.width - bw + s(4), (h - s(28)) // 2
        b = UIButton(
            pygame.Rect(bx, by, bw, s(28)),
            label,
            app.manager,
            container=rl.scroll,
            object_id="#danger",
            command=sc._cmd(partial(sc.remove, index)),
        )
        row.add(b, bx, by)
        sc._tip(b, t("match.remove_tip", order=text))
        self.remove_buttons.append(b)
        row.focus.append(Focusable(f"remove:{index}", b, partial(sc.remove, index), rl.scroll))
        row.height = h + s(4)
        return row

    def _waiting_text(self) -> str:
        """ "Waiting for your answer: 1 card and 1 vote", or "" when nothing waits."""
        waiting = self.scene.waiting()
        cards = sum(1 for w in waiting if w.kind == "card")
        votes = len(waiting) - cards
        parts = [counted("panel.n_cards", cards)] if cards else []
        parts += [counted("panel.n_votes", votes)] if votes else []
        return t("panel.waiting.line", what=t("panel.waiting.and").join(parts)) if parts else ""

    def _waiting_row(self, here: bool = False) -> Row:
        """A line on what still waits (cards, votes), or an empty row when nothing does: a
        button to the Cards tab, or (``here``, in the Cards tab) a plain line."""
        sc, pal = self.scene, self.app.palette
        text = self._waiting_text()
        if not text:
            return Row("waiting", state="")
        if here:
            row = self.para("waiting", text, 13, pal.bad, bold=True)
        else:
            row, _ = self.rich(
                "waiting",
                text,
                t("panel.waiting.go"),
                tip=html.escape(t("panel.waiting.tip")),
                command=sc.go_to_waiting,
                meta_tone=pal.bad,
            )
        row.state = text
        return row

    def _mission_head(self, goals: list[GoalState] | None = None) -> Row:
        """The mission's header: the role and how many goals hold; it folds the goals.
        ``goals``: the goals' states, when the caller has them already."""
        sc = self.scene
        mission = mission_of(sc.view, sc.seat or "")
        role = scenario_text(mission.role, language())
        if goals is None:
            goals = goal_states(sc.view, sc.seat)
        open_n = sum(1 for g in goals if g.state == "open")
        lost_n = sum(1 for g in goals if g.state == "failed")
        hold_n = len(goals) - open_n - lost_n
        head = t("panel.mission.head", role=role)
        # A lost goal is counted as lost, never as open: the lines below say "lost".
        if not goals:
            body = ""
        elif lost_n:
            body = t("panel.mission.summary_lost", holding=hold_n, open=open_n, lost=lost_n)
        else:
            body = t("panel.mission.summary", holding=hold_n, open=open_n)
        open_ = "mission" not in self.collapsed
        tip = t("panel.group.fold_tip" if open_ else "panel.group.unfold_tip", group=head)
        row, _ = self.rich(
            "grp:mission",
            head,
            body,
            tip=html.escape(tip) + "<br><br>" + html.escape(t("match.actor.mission_tip")),
            command=partial(sc.toggle_group, "mission"),
            room=FOLD_ROOM,
        )
        self._fold_arrow(row, open_)
        return row

    def _fold_arrow(self, row: Row, open_: bool) -> None:
        """The fold arrow, drawn (the UI font has no ▸ glyph), at the header's right."""
        s = self.s
        over = row.elements[-1][0]
        img = over.source.copy()  # the whole picture, not what the scrolled list shows of it
        tfont = self.app.font(14, bold=True)
        centre = (img.get_width() - s(14), s(8) + tfont.get_linesize() // 2)
        triangle(img, centre, s(9), up=open_, colour=self.app.palette.accent)
        over.set_image(img)

    def _mission_rows(self) -> list[Row]:
        """The seat's mission where the player sees it, first in the Actions tab: its role and
        each goal's state, in a group that folds like the others."""
        sc, pal = self.scene, self.app.palette
        if sc.actor is None:
            return []
        goals = goal_states(sc.view, sc.seat)
        rows = [self._mission_head(goals)]
        tones = {"holding": pal.good, "met": pal.good, "open": pal.muted, "failed": pal.bad}
        for i, g in enumerate(goals):
            prefix = t("match.actor.secret") + " " if g.secret else ""
            rows.append(
                self.stat(
                    f"mission:goal:{i}",
                    f"{prefix}{g.text}",
                    t(f"panel.goal.{g.state}", points=number(g.points, None, sign=True)),
                    "<br>".join(
                        html.escape(x) for x in (t(f"panel.goal.{g.state}_tip"), *g.figures)
                    ),
                    tone=tones[g.state],
                    group="mission",
                )
            )
        rows.append(self.gap("mission:gap", 8))
        return rows

    # ---- the Cards tab -----------------------------------------------------------------------

    def _rows_cards(self) -> list[Row]:
        sc, pal = self.scene, self.app.palette
        rows = [self._waiting_row(here=True)]
        hand = hand_of(sc.view, sc.seat)
        rows.append(self.heading("cards:head", t("match.cards.heading"), t("match.cards.tip")))
        if not hand:
            rows.append(self.para("cards:none", t("match.cards.none"), 12, pal.muted))
        for h in hand:
            rows += self._card_rows(h)
        ballots = ballots_of(sc.legal)
        rows.append(self.heading("votes:head", t("match.votes.heading"), t("match.votes.tip")))
        if not ballots:
            rows.append(self.para("votes:none", t("match.votes.none"), 12, pal.muted))
        for pid, orders in ballots.items():
            rows += self._ballot_rows(pid, orders)
        return rows

    def _status(self, key: str, w: Waiting | None, answered: str, longest: str = "") -> Row:
        """ "Not answered yet. If the turn ends now: …" in the warning colour, or "Answered: …"
        in green. As tall as the taller of the two, so answering moves nothing below it."""
        pal = self.app.palette
        waiting_text = self.scene.default_words(w) if w is not None else ""
        row = (
            self.para(key, waiting_text, 12, pal.bad, bold=True)
            if w is not None
            else self.para(key, answered, 12, pal.good, bold=True)
        )
        font = self.app.font(12, bold=True)
        for other in (longest or answered, self._default_text(key)):
            lines = len(wrap_words(other, font, self.width)) if other else 0
            row.height = max(row.height, lines * font.get_linesize() + self.s(4))
        return row

    def _default_text(self, key: str) -> str:
        """What the status row ``key`` would say if its card or ballot still waited."""
        sc = self.scene
        kind, ident = key.split(":")[0], key.split(":")[1]
        if kind == "card":
            card = next((h for h in hand_of(sc.view, sc.seat) if h.key == ident), None)
            c = next((c for c in sc.view.rules.cards if card and c.id == card.card), None)
            if c is None or not c.options:
                return ""
            return sc.default_words(Waiting("card", ident, default_option(c)))
        return sc.default_words(Waiting("ballot", ident, "abstain"))

    def _card_rows(self, h) -> list[Row]:
        sc, pal = self.scene, self.app.palette
        lang = language()
        card = next((c for c in sc.view.rules.cards if c.id == h.card), None)
        if card is None:
            return []
        p = f"card:{h.key}:"
        rows = [
            self.para(p + "title", scenario_text(card.title, lang), 15, pal.accent, bold=True),
            self._card_status(h, card),
            self.para(p + "text", scenario_text(card.text, lang), 13, pal.text),
            self.gap(p + "gap0", 2),
        ]
        rows += [self._option_row(h, card, opt) for opt in card.options]
        rows.append(self.gap(p + "gap1", 10))
        return rows

    def _chosen(self, hand_key: str) -> str | None:
        sc = self.scene
        return next(
            (o.option for o in sc.draft if o.action == "choose" and o.target == hand_key), None
        )

    def _option_meta(self, h, card, opt) -> str:
        chosen = self._chosen(h.key)
        if chosen == opt.id:
            return t("match.cards.your_choice")
        if chosen is None and opt.id == default_option(card):
            return t("panel.card.default_chip")
        return ""

    def _card_status(self, h, card) -> Row:
        sc, lang = self.scene, language()
        wait = next((w for w in sc.waiting() if w.key == h.key), None)
        longest = max(
            (t("panel.card.answered", choice=scenario_text(o.label, lang)) for o in card.options),
            key=len,
        )
        answered = t(
            "panel.card.answered", choice=option_label(sc.view, h.key, self._chosen(h.key))
        )
        return self._status(f"card:{h.key}:status", wait, answered, longest)

    def _option_row(self, h, card, opt, into: Row | None = None) -> Row:
        """One answer of a card: "your choice" when chosen; "if unanswered" on the option that
        would apply while none is chosen. The figure's room is the same either way."""
        sc, pal, lang = self.scene, self.app.palette, language()
        mine_label = t("match.cards.your_choice")
        default_label = t("panel.card.default_chip")
        font = self.app.font(12, bold=True)
        reserve = max(mine_label, default_label, key=lambda x: font.size(x)[0])
        meta = self._option_meta(h, card, opt)
        mine = meta == mine_label
        o = Order(actor=sc.seat, action="choose", target=h.key, option=opt.id)
        row, button = self.rich(
            f"card:{h.key}:opt:{opt.id}",
            scenario_text(opt.label, lang),
            meta=meta,
            tip=html.escape(t("match.cards.option_tip")),
            command=partial(sc.toggle, o),
            selected=mine,
            meta_tone=pal.good if mine else pal.muted,
            reserve=reserve,
            into=into,
        )
        row.state = meta
        row.focus[0].key = f"opt:{h.key}:{opt.id}"
        self.option_buttons[(h.key, opt.id)] = button
        return row

    def _ballot_status(self, pid: str, wait: Waiting | None, cast: str | None) -> Row:
        vote = t(f"match.votes.{cast}") if cast else ""
        longest = max((t(f"match.votes.{v}") for v in ("yes", "no", "abstain")), key=len)
        return self._status(
            f"ballot:{pid}:status",
            wait,
            t("panel.vote.cast", vote=vote),
            t("panel.vote.cast", vote=longest),
        )

    def _ballot_rows(self, pid: str, orders: list[Order]) -> list[Row]:
        app, s = self.app, self.s
        sc = self.scene
        w = sc.view
        p = w.proposals.get(pid)
        if p is None:
            return []
        k = f"ballot:{pid}:"
        cast = next((o.option for o in sc.draft if o.action == "vote" and o.target == pid), None)
        wait = next((x for x in sc.waiting() if x.key == pid), None)
        line = self.para(
            k + "line",
            t(
                "match.votes.line",
                body=name_of(w, p.body),
                what=name_of(w, pid),
                proposer=name_of(w, p.proposer, article=True),  # "por la República…"
            ),
            13,
        )
        status = self._ballot_status(pid, wait, cast)
        row = Row(k + "buttons")
        rl = self.list
        assert rl is not None
        font = app.font(15)
        x, bh = s(4), s(30)
        for o in orders:
            label = t(f"match.votes.{o.option}")
            bw = max(font.size(label)[0] + s(24), s(70))
            b = UIButton(
                pygame.Rect(x, 0, bw, bh),
                label,
                app.manager,
                container=rl.scroll,
                command=sc._cmd(partial(sc.toggle, o)),
            )
            if cast == o.option:
                b.select()
            sc._tip(b, t("match.votes.button_tip", vote=label))
            self.vote_buttons[(pid, o.option or "")] = b
            row.add(b, x, 0)
            row.focus.append(
                Focusable(f"vote:{pid}:{o.option}", b, partial(sc.toggle, o), rl.scroll)
            )
            x += bw + s(6)
        row.height = bh + s(10)
        return [line, status, row]

    # ---- the Actor tab -----------------------------------------------------------------------

    def stat(
        self,
        key: str,
        label: str,
        value: str,
        tip: str,
        bar: float | None = None,
        tone=None,
        group: str | None = None,
    ) -> Row:
        """One figure: label, value and (for 0–100 figures) a small gauge. When the label would
        get less than half the width (long names, Spanish, 200 %), the value goes under it, so a
        name never wraps one letter per line."""
        app, s, pal = self.app, self.s, self.app.palette
        font, vfont = app.font(13), app.font(13, bold=True)
        row = Row(key, group=group)
        w = self.width
        vw = vfont.size(value)[0]
        gauge_w = s(70) if bar is not None else 0
        label_w = w - vw - gauge_w - s(24)
        below = label_w < w // 2
        if below:
            label_w = w - s(12)
        lines = wrap_words(label, font, label_w)
        lh = font.get_linesize()
        # a value under its label wraps (a list of states), one beside it never needs to
        value_lines = wrap_words(value, vfont, w - s(12)) if below and bar is None else [value]
        h = len(lines) * lh + s(6) + (len(value_lines) * lh if below else 0)
        surf = pygame.Surface((w, h), pygame.SRCALPHA)
        self._lines(row, surf, label, font, pal.muted, s(6), s(3), label_w)
        vx, vy = (s(6) if below else w - vw - s(6)), (s(3) + len(lines) * lh if below else s(3))
        if below and bar is not None:
            vx = w - vw - s(6)
        if len(value_lines) > 1:
            self._lines(row, surf, value, vfont, tone or pal.text, vx, vy, w - s(12))
        else:
            surf.blit(vfont.render(value, True, tone or pal.text), (vx, vy))
            span = pygame.Rect(vx, vy, max(vw, w - vx - s(6)), lh)
            row.texts.append(TextSpan(value, vfont, span))
        if bar is not None:
            g = pygame.Rect(vx - gauge_w - s(8), vy + lh // 2 - s(3), gauge_w, s(6))
            pygame.draw.rect(surf, pal.background, g, border_radius=s(3))
            filled = g.copy()
            filled.w = round(g.w * max(0.0, min(1.0, bar / 100)))
            pygame.draw.rect(surf, tone or pal.accent, filled, border_radius=s(3))
        pygame.draw.line(
            surf, mix(pal.panel_border, pal.panel, 0.5), (s(6), h - 1), (w - s(6), h - 1)
        )
        self._picture(row, surf, s(4), 0, tip)
        row.height = h
        return row
