"""What the match screen draws itself, around pygame_gui's widgets: the panels' backgrounds, the
header (turn, seat, scenario), the footer's action points, the active tab's underline, the last
click's notice and the selected region's card. Cached surfaces, drawn again only on a change."""

from __future__ import annotations

import html

import pygame

from game.engine.scenario import text as scenario_text
from game.engine.scoring import mission_of
from game.ui.i18n import language, number, t
from game.ui.i18n import name as i18n_name
from game.ui.widgets import mix, text_block
from game.ui.widgets.mapview import capitalized, crisis_text
from game.ui.widgets.text_fit import ellipsized


class MatchPictures:
    """Mixed into MatchScene: its drawn parts."""

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
            chip_text = i18n_name(a)
            role_text = f" — {role}" if role and role != i18n_name(a) else ""
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
                    t("match.seat_tip", name=i18n_name(a, article=True))
                    if a is not None
                    else t("match.public_tip")
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

    def autosave_line(self) -> str:
        """One line while the autosave fails (empty while it works): the match goes on, but
        the player must know it is not being kept. The session tries again every turn."""
        return t("ends.autosave_line") if self.session.autosave_failure is not None else ""

    def _draw_autosave_failed(self, surface: pygame.Surface) -> int:
        """The autosave's failure, one line along the map's foot (above the legend); the
        height it takes, so the click notice stands above it."""
        text = self.autosave_line()
        if not text:
            return 0
        app, s, pal = self.app, self.app.s, self.app.palette
        width = min(self.lay.map.w - s(40), s(720))
        key = (text, width, pal.bad)
        if getattr(self, "_autosave_key", None) != key:
            font = app.font(13, bold=True)
            shown = ellipsized(text, font, width - s(20))
            img = font.render(shown, True, pal.bad)
            surf = pygame.Surface((width, img.get_height() + s(10)), pygame.SRCALPHA)
            pygame.draw.rect(surf, (*pal.background, 240), surf.get_rect(), border_radius=s(5))
            pygame.draw.rect(surf, pal.bad, surf.get_rect(), max(1, s(1)), border_radius=s(5))
            surf.blit(img, ((width - img.get_width()) // 2, s(5)))
            self._autosave_key, self._autosave_surface = key, surf
            self.autosave_shown = shown  # what the line says, for tests
        surf = self._autosave_surface
        above = self.lay.map.bottom - self.map.legend_rect.h
        surface.blit(surf, surf.get_rect(midbottom=(self.lay.map.centerx, above - s(6))))
        return surf.get_height() + s(6)

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
        above -= self._draw_autosave_failed(surface)  # and of the autosave's failure, if any
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
                text_block(i18n_name(r), app.font(15, bold=True), pal.text, inner),
                text_block(
                    t(
                        "match.map.held_by",
                        owner=i18n_name(owner) if owner else r.owner,
                        pop=number(r.population, None),
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
                            name=i18n_name(g),
                            grievance=f"{g.grievance:.0f}",
                            security=f"{g.security:.0f}",
                            autonomy=f"{g.autonomy:.0f}",
                        )
                        if self.show_details
                        else i18n_name(g)
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
