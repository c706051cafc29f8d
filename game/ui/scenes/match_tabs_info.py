"""The side panel's reading tabs: the seat's own actor (figures, memberships, groups, mission)
and, in the public view, every actor and the last turn's log."""

from __future__ import annotations

import html

import pygame

from game.engine.actions import memberships
from game.engine.model import State
from game.engine.scenario import text as scenario_text
from game.engine.scoring import mission_of
from game.ui.i18n import cause, language, number, t
from game.ui.i18n import line as i18n_line
from game.ui.i18n import name as i18n_name
from game.ui.widgets import mix
from game.ui.widgets.continuum_bar import signed
from game.ui.widgets.row_list import Row
from game.ui.widgets.text_fit import wrap_words


class InfoTabs:
    """Mixed into SidePanel: the rows of the Actor, Actors and Last-turn tabs."""

    def points_row(self, a) -> Row:
        """The seat's action points left of its whole (the draft spends them)."""
        return self.stat(
            "actor:points",
            t("match.stat.action_points"),
            t("match.of", n=self.scene.points_left, total=a.action_points),
            html.escape(t("match.stat_tip.action_points")),
        )

    def _rows_actor(self) -> list[Row]:
        app, s, pal = self.app, self.s, self.app.palette
        sc = self.scene
        a = sc.actor
        if a is None:
            return [self.para("actor:gone", t("match.actor.gone"), 13, pal.muted)]
        w = sc.view
        lang = language()
        colour = sc.map.owner_colour(a.id) if a.id in w.actors else pal.accent
        plate = Row("actor:plate")
        font = app.font(17, bold=True)
        kind = t(f"match.kind.{a.kind}") + (
            " · " + t(f"match.gov.{a.government}") if isinstance(a, State) else ""
        )
        sfont = app.font(12)
        inner = self.width - s(30)
        nh = len(wrap_words(i18n_name(a), font, inner)) * font.get_linesize()
        kh = len(wrap_words(kind, sfont, inner)) * sfont.get_linesize()
        surf = pygame.Surface((self.width, nh + kh + s(4)), pygame.SRCALPHA)
        pygame.draw.rect(surf, colour, (s(4), s(4), s(14), s(14)), border_radius=s(3))
        self._lines(plate, surf, i18n_name(a), font, pal.text, s(26), 0, inner)
        self._lines(plate, surf, kind, sfont, pal.muted, s(26), nh, inner)
        self._picture(plate, surf, s(4), 0)
        plate.height = surf.get_height() + s(6)
        rows = [plate]
        if sc.score is not None:
            scr = sc.score
            met = sum(g.points for g in scr.goals if g.met)
            rows.append(
                self.stat(
                    "actor:score",
                    t("match.actor.score"),
                    number(scr.total),
                    html.escape(
                        t(
                            "match.actor.score_tip",
                            criteria=number(scr.criteria),
                            goals=number(met, None),
                        )
                    ),
                    tone=pal.accent,
                )
            )
        rows.append(self.points_row(a))
        rows.append(self.gap("actor:gap0", 6))
        rows.append(self.heading("actor:figures", t("match.actor.figures")))
        for key, value, bar in sc._figures(a):
            rows.append(
                self.stat(
                    f"fig:{key}",
                    t(f"match.stat.{key}"),
                    value,
                    html.escape(t(f"match.stat_tip.{key}")),
                    bar,
                )
            )
        if isinstance(a, State):
            rows.append(self.gap("actor:gap1", 8))
            rows.append(
                self.heading(
                    "actor:members", t("match.actor.memberships"), t("match.actor.memberships_tip")
                )
            )
            orgs = [i18n_name(w.actors[i]) for i in memberships(w, a.id) if i in w.actors]
            rows.append(
                self.para(
                    "actor:orgs", ", ".join(orgs) if orgs else t("match.actor.no_memberships"), 13
                )
            )
            groups = w.groups_in(a.id)
            if groups:
                rows.append(self.gap("actor:gap2", 6))
                rows.append(
                    self.heading(
                        "actor:groups", t("match.actor.groups"), t("match.actor.groups_tip")
                    )
                )
                for g in groups:
                    rows.append(
                        self.stat(
                            f"grp-fig:{g.id}",
                            i18n_name(g),
                            t(
                                "match.actor.group_figures",
                                grievance=f"{g.grievance:.0f}",
                                autonomy=f"{g.autonomy:.0f}",
                            ),
                            html.escape(
                                t(
                                    "match.actor.group_tip",
                                    name=i18n_name(g),
                                    grievance=f"{g.grievance:.0f}",
                                    security=f"{g.security:.0f}",
                                    autonomy=f"{g.autonomy:.0f}",
                                    separation=f"{g.separation:.0f}",
                                )
                            ),
                            g.grievance,
                            sc.map.grievance_colour(g.grievance),
                        )
                    )
        mission = mission_of(w, a.id)
        rows.append(self.gap("actor:gap3", 8))
        rows.append(
            self.heading("actor:mission", t("match.actor.mission"), t("match.actor.mission_tip"))
        )
        rows.append(
            self.para("actor:role", scenario_text(mission.role, lang), 14, pal.text, bold=True)
        )
        brief = scenario_text(mission.brief, lang)
        if brief:
            rows.append(self.para("actor:brief", brief, 12, pal.muted))
        weights = ", ".join(
            f"{t(f'match.crit.{c.value}')} ×{number(mission.weights.get(c, 0), None)}"
            for c in mission.weights
        )
        rows.append(
            self.para(
                "actor:weights",
                t("match.actor.weights", weights=weights),
                12,
                pal.muted,
                tip=html.escape(t("match.actor.weights_tip")),
            )
        )
        return rows

    # ---- the public view -----------------------------------------------------------------------

    def _rows_world(self) -> list[Row]:
        """Every actor for the projector: its colour, name, kind and first figures."""
        app, s, pal = self.app, self.s, self.app.palette
        sc = self.scene
        w = sc.view
        rows = [self.heading("world:head", t("match.world.heading"), t("match.world.tip"))]
        nfont, ffont = app.font(13, bold=True), app.font(11)
        inner = self.width - s(30)
        for a in w.actors.values():
            row = Row(f"world:{len(rows)}")
            kind = t(f"match.kind.{a.kind}")
            figures = " · ".join(f"{t(f'match.stat.{k}')} {v}" for k, v, _ in sc._figures(a)[:3])
            sub_text = f"{kind} — {figures}"
            nh = len(wrap_words(i18n_name(a), nfont, inner)) * nfont.get_linesize()
            fh = len(wrap_words(sub_text, ffont, inner)) * ffont.get_linesize()
            surf = pygame.Surface((self.width, nh + fh + s(8)), pygame.SRCALPHA)
            pygame.draw.rect(
                surf, sc.map.owner_colour(a.id), (s(6), s(5), s(12), s(12)), border_radius=s(3)
            )
            self._lines(row, surf, i18n_name(a), nfont, pal.text, s(26), s(2), inner)
            self._lines(row, surf, sub_text, ffont, pal.muted, s(26), s(2) + nh, inner)
            line = mix(pal.panel_border, pal.panel, 0.5)
            y = surf.get_height() - 1
            pygame.draw.line(surf, line, (s(6), y), (self.width - s(6), y))
            role = scenario_text(mission_of(w, a.id).role, language())
            self._picture(row, surf, s(4), 0, html.escape(role))
            row.height = surf.get_height() + s(2)
            rows.append(row)
        return rows

    def _rows_log(self) -> list[Row]:
        pal = self.app.palette
        sc = self.scene
        reports = sc.session.reports
        report = reports[-1] if reports else None
        rows = [self.heading("log:head", t("match.log.heading"), t("match.log.tip"))]
        if report is None:
            rows.append(self.para("log:none", t("match.log.none"), 12, pal.muted))
            return rows
        for i, line in enumerate(report.for_actor(sc.seat).lines):
            rows.append(self.para(f"log:{i}", i18n_line(line), 12, pal.text))
        for i, ch in enumerate(report.changes):
            tone = pal.good if ch.amount > 0 else pal.bad
            rows.append(
                self.para(
                    f"log:ch:{i}",
                    f"{t(f'match.crit.{ch.criterion.value}')} {signed(ch.amount)}: {cause(ch)}",
                    12,
                    tone,
                )
            )
        return rows
