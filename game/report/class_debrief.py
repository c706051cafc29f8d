"""The debrief of a class match, from the host's journal: the files that go home with the class.

``export_class_debrief(journal, folder)`` writes three files:

- ``debrief.html``: one self-contained page (no external file, font or script; the charts are
  inline SVG) to open in any browser or print: how the match ended, the four criteria over time
  and the world's path along the continuum, the seats and who played them, each seat's decisions
  turn by turn, the cards that fired with the choices made and their lessons, the votes, the
  scores, the messages (only when the teacher asks: ``messages=True``) and four to six questions
  for discussion drawn from what happened in this match (``discussion_questions``).
- ``criteria.csv``: every criterion and the world's place on the continuum, one row a turn
  (``game/report/debrief.py``'s ``criteria_csv``, the single-machine debrief's file).
- ``replay.json``: the match turn by turn (``game/report/replay.py`` documents the format).

Every string that comes from data (the scenario's names and texts, the students' names and
messages) is escaped: a scenario or a student cannot put markup or a script into the page.
Interface words come from the game's string tables (assets/i18n/<lang>/class_debrief.json and
report.json), in English or Spanish.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from game import __version__
from game.engine import ACTIONS, Order, TurnReport, World
from game.engine.model import ARRANGEMENT_ORDER, CRITERIA, TurnRecord

from . import debrief as d
from .replay import replay_document

if TYPE_CHECKING:  # the report reads what the host kept; it needs no sockets or SQLite itself
    from game.net.journal import JournalContents

CLASS_DEBRIEF_FILES = ("debrief.html", "criteria.csv", "replay.json")

COLORS = {"peace": "#2f6db5", "justice": "#c0392b", "pluralism": "#27864a", "freedom": "#8e44ad"}


def t(key: str, **values: object) -> str:
    return d.t(key, **values)


def h(value: object) -> str:
    """Text from data, safe inside an element or an attribute."""
    return escape(str(value), quote=True)


# ---- the match, read from the journal ---------------------------------------------------------


@dataclass(frozen=True)
class ClassMatch:
    """What the debrief needs of a journal: the worlds turn by turn (turn 0: the start), each
    turn's report, orders and players, the seats and the messages."""

    title: str
    worlds: list[World]
    reports: list[TurnReport]
    orders: list[list[Order]]
    humans: list[list[str]]
    seats: list[str]  # the seats students could join, as printed
    claimed: list[str]  # the seats people played, in the order they were claimed
    messages: list[tuple[int, str, str, str, str]]  # turn, sender seat, name, to, text
    source: str  # the journal's file name

    @property
    def world(self) -> World:
        return self.worlds[-1]

    @classmethod
    def from_journal(cls, journal: JournalContents) -> ClassMatch:
        """From a journal read back (``game.net.journal.read_journal``)."""
        turns = journal.turns
        return cls(
            title=journal.title,
            worlds=[turn.world for turn in turns],
            reports=journal.reports,
            orders=[turn.orders for turn in turns[1:]],
            humans=[turn.humans for turn in turns[1:]],
            seats=list(dict.fromkeys(journal.codes.values())),
            claimed=list(journal.claims),
            messages=[
                (n, m.sender, m.name, m.to if isinstance(m.to, str) else ", ".join(m.to), m.text)
                for n, m in journal.messages
            ],
            source=journal.path.name,
        )


# ---- orders in words ---------------------------------------------------------------------------


def action_label(action: str) -> str:
    spec = ACTIONS.get(action)
    return d.t_or(f"match.action.{action}", spec.label if spec else action.replace("_", " "))


def order_words(world: World, order: Order) -> str:
    """An order as a reader says it, from the world it was given in: "Repress: Kosovar
    Albanians", "Answer A warning: Act now"."""
    if order.action == "choose":
        held = next((c for c in world.hand if c.key == order.target), None)
        title, option, _ = d.card_texts(world, held.card if held else "", order.option or "")
        return f"{action_label('choose')}: {title} \u2192 {option}"
    if order.action == "vote":
        proposal = world.proposals.get(order.target or "")
        what = (
            f"{d.proposal_name(proposal.kind)} ({d.target_name(world, proposal.target)})"
            if proposal is not None
            else ""
        )
        vote = d.t_or(f"report.vote.{order.option}", order.option or "")
        return f"{action_label('vote')} {vote}: {what}".rstrip(": ")
    if order.action == "propose":
        body = d.actor_name(world, order.target)
        subject = d.target_name(world, order.subject) if order.subject else ""
        kind = d.proposal_name(order.option or "")
        return f"{action_label('propose')}: {body}, {kind} ({subject})"
    if order.target:
        return f"{action_label(order.action)}: {d.target_name(world, order.target)}"
    return action_label(order.action)


# ---- what happened, for the questions -----------------------------------------------------------


def _pos(rec: TurnRecord) -> float:
    return d.position(rec.arrangement, rec.centralization)


def discussion_questions(match: ClassMatch) -> list[str]:
    """Four to six questions drawn from this match: the turn the world moved furthest and the
    seat that acted most then, the criterion that fell most, a card's lesson, a vote blocked,
    and where the world ended against the essay's answer."""
    world = match.world
    hist = world.history
    out: list[str] = []
    steps = list(pairwise(hist))
    # the furthest move that changed the arrangement, else the furthest move within one
    changed = [ab for ab in steps if ab[0].arrangement != ab[1].arrangement]
    moved = max(changed or steps, key=lambda ab: abs(_pos(ab[1]) - _pos(ab[0])), default=None)
    if moved is not None and abs(_pos(moved[1]) - _pos(moved[0])) > 0.001:
        before, after = moved
        way = (
            t("report.toward_unity") if _pos(after) < _pos(before) else t("report.toward_division")
        )
        key = "class_debrief.q.moved" if changed else "class_debrief.q.moved_within"
        out.append(
            t(
                key,
                turn=after.turn,
                before=d.arrangement_name(before.arrangement),
                after=d.arrangement_name(after.arrangement),
                way=way,
            )
        )
        mover = seat_that_moved(match, after.turn)
        if mover is not None:
            seat, count, without, actual = mover
            out.append(
                t(
                    "class_debrief.q.seat",
                    turn=after.turn,
                    seat=d.actor_name(match.worlds[after.turn - 1], seat),
                    count=count,
                    without=_place_words(without, actual),
                    actual=_place_words(actual, without),
                )
            )
    else:
        out.append(
            t(
                "class_debrief.q.still",
                arrangement=d.arrangement_name(hist[-1].arrangement if hist else world.arrangement),
            )
        )
    if len(hist) >= 2:
        falls = {c.value: hist[-1].criteria.get(c) - hist[0].criteria.get(c) for c in CRITERIA}
        criterion, fall = min(falls.items(), key=lambda kv: kv[1])
        if fall < 0:
            cause = _worst_cause(match.reports, criterion)
            out.append(
                t(
                    "class_debrief.q.fell",
                    criterion=d.criterion_name(criterion),
                    start=f"{hist[0].criteria.get(criterion):.0f}",
                    end=f"{hist[-1].criteria.get(criterion):.0f}",
                    cause=cause or t("class_debrief.no_cause"),
                )
            )
        else:
            rose, gain = max(falls.items(), key=lambda kv: kv[1])
            out.append(
                t("class_debrief.q.none_fell", criterion=d.criterion_name(rose), gain=f"{gain:.0f}")
            )
    lessons = [ls for ls in d.lessons(world) if ls.lesson]
    if lessons:
        first = lessons[0]
        out.append(
            t(
                "class_debrief.q.card",
                title=first.title,
                turn=first.turns[0] if first.turns else "?",
                lesson=first.lesson,
            )
        )
    blocked = [v for v in d.votes(world, match.reports) if not v.passed]
    if blocked:
        v = blocked[0]
        out.append(
            t("class_debrief.q.vote", turn=v.turn, body=v.body, kind=v.kind, target=v.target)
        )
    end = hist[-1].arrangement if hist else world.arrangement
    out.append(t("class_debrief.q.end", arrangement=d.arrangement_name(end)))
    if len(out) < 4:
        out.append(t("debrief.md.question2"))
    return out[:6]


def _place(rec: TurnRecord) -> float:
    """Where a world stands, unclipped: its arrangement's slot (100 apart) less its
    centralization, so a move within an arrangement still counts."""
    return ARRANGEMENT_ORDER.index(rec.arrangement) * 100 - rec.centralization


def _place_words(rec: TurnRecord, other: TurnRecord) -> str:
    """A place as the question says it: the arrangement, or the centralization when both
    places share one."""
    if rec.arrangement != other.arrangement:
        return d.arrangement_name(rec.arrangement)
    return t("class_debrief.centralization", value=d.i18n.number(rec.centralization, 1))


def seat_that_moved(match: ClassMatch, turn: int) -> tuple[str, int, TurnRecord, TurnRecord] | None:
    """Whose orders moved the world most in ``turn``: the turn is resolved again without each
    actor's orders in turn (the engine is deterministic, so only those orders differ), and the
    actor whose absence changes where the world stands most is the one. Returns (actor, its
    orders, the turn's record without them, as played), or None when no actor's orders made a
    difference."""
    from game.engine import resolve

    if not 1 <= turn <= len(match.orders) or turn >= len(match.worlds):
        return None
    before, orders = match.worlds[turn - 1], match.orders[turn - 1]
    actual = match.worlds[turn].history[-1]
    best: tuple[str, int, TurnRecord, TurnRecord] | None = None
    for actor in sorted({o.actor for o in orders}):
        without = resolve(before, [o for o in orders if o.actor != actor])[0].history[-1]
        gap = abs(_place(without) - _place(actual))
        if gap >= 0.05 and (best is None or gap > abs(_place(best[2]) - _place(actual))):
            best = (actor, sum(o.actor == actor for o in orders), without, actual)
    return best


def _worst_cause(reports: Sequence[TurnReport], criterion: str) -> str:
    changes = [(r.turn, c) for r in reports for c in r.changes if c.criterion.value == criterion]
    if not changes:
        return ""
    turn, worst = min(changes, key=lambda tc: tc[1].amount)
    return t(
        "class_debrief.cause", turn=turn, amount=d.signed(worst.amount), cause=d.i18n.cause(worst)
    )


# ---- the charts ------------------------------------------------------------------------------

W, H = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 150, 16, 36


def _x(turn: int, last: int) -> float:
    return LEFT + (W - LEFT - RIGHT) * (turn / max(1, last))


def criteria_svg(history: Sequence[TurnRecord]) -> str:
    """The four criteria (0–100) turn by turn, one line each, with a legend."""
    last = history[-1].turn if history else 1
    plot_h = H - TOP - BOTTOM

    def y(v: float) -> float:
        return TOP + plot_h * (1 - v / 100)

    parts = [_svg_open(t("debrief.chart.criteria"))]
    for v in (0, 25, 50, 75, 100):
        parts.append(
            f'<line x1="{LEFT}" y1="{y(v):.1f}" x2="{W - RIGHT}" y2="{y(v):.1f}" stroke="#e3e3e3"/>'
            f'<text x="{LEFT - 8}" y="{y(v) + 4:.1f}" text-anchor="end">{v}</text>'
        )
    parts += _turn_ticks(history, last)
    for i, c in enumerate(CRITERIA):
        pts = " ".join(f"{_x(r.turn, last):.1f},{y(r.criteria.get(c)):.1f}" for r in history)
        color = COLORS.get(c.value, "#333")
        parts.append(
            f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2.5" '
            f'class="criterion-{c.value}"/>'
        )
        ly = TOP + 14 + 22 * i
        parts.append(
            f'<line x1="{W - RIGHT + 12}" y1="{ly - 4}" x2="{W - RIGHT + 32}" y2="{ly - 4}" '
            f'stroke="{color}" stroke-width="3"/>'
            f'<text x="{W - RIGHT + 38}" y="{ly}">{h(d.criterion_name(c.value))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def path_svg(history: Sequence[TurnRecord]) -> str:
    """The world's place on the continuum turn by turn: unity at the top, division below."""
    last = history[-1].turn if history else 1
    plot_h = H - TOP - BOTTOM
    slots = len(ARRANGEMENT_ORDER) - 1

    def y(p: float) -> float:
        return TOP + plot_h * (p / slots)

    parts = [_svg_open(t("debrief.chart.path"))]
    for i, a in enumerate(ARRANGEMENT_ORDER):
        parts.append(
            f'<line x1="{LEFT}" y1="{y(i):.1f}" x2="{W - RIGHT}" y2="{y(i):.1f}" stroke="#e3e3e3"/>'
            f'<text x="{W - RIGHT + 8}" y="{y(i) + 4:.1f}">'
            f"{h(d.arrangement_name(a, short=True))}</text>"
        )
    parts += _turn_ticks(history, last)
    pts = " ".join(f"{_x(r.turn, last):.1f},{y(_pos(r)):.1f}" for r in history)
    parts.append(f'<polyline points="{pts}" fill="none" stroke="#222" stroke-width="2.5"/>')
    for r in history:
        parts.append(
            f'<circle cx="{_x(r.turn, last):.1f}" cy="{y(_pos(r)):.1f}" r="3.5" fill="#222">'
            f"<title>{h(t('debrief.turn'))} {r.turn}: "
            f"{h(d.arrangement_name(r.arrangement))}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _svg_open(label: str) -> str:
    # Styled inline, not by the page: a chart copied out of the page still draws the same.
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="100%" '
        f'role="img" aria-label="{h(label)}" font-family="sans-serif" font-size="12" '
        f'fill="#333"><title>{h(label)}</title>'
        f'<rect x="0" y="0" width="{W}" height="{H}" fill="#fcfcfc"/>'
    )


def _turn_ticks(history: Sequence[TurnRecord], last: int) -> list[str]:
    step = max(1, round(last / 12))
    base = H - BOTTOM
    out = [f'<line x1="{LEFT}" y1="{base}" x2="{W - RIGHT}" y2="{base}" stroke="#777"/>']
    for r in history:
        if r.turn % step == 0 or r.turn == last:
            out.append(
                f'<text x="{_x(r.turn, last):.1f}" y="{base + 16}" text-anchor="middle">'
                f"{r.turn}</text>"
            )
    out.append(
        f'<text x="{(LEFT + W - RIGHT) / 2:.0f}" y="{H - 4}" text-anchor="middle">'
        f"{h(t('debrief.turn'))}</text>"
    )
    return out


# ---- the page ----------------------------------------------------------------------------------

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#1d1d1d;line-height:1.45}
h1{font-size:1.7rem}h2{margin-top:2.2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.6rem 0;width:100%}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}td.num{text-align:right}td.nowrap{white-space:nowrap}
svg{border:1px solid #ddd;margin:.5rem 0}
.meta{color:#555}.questions li{margin:.5rem 0}.secret{color:#8e44ad}
@media print{h2{page-break-after:avoid}svg{page-break-inside:avoid}}
"""


def debrief_html(match: ClassMatch, *, messages: bool = False, lang: str | None = None) -> str:
    """The class debrief as one self-contained HTML page (see the module's docstring)."""
    with d.in_language(lang):
        return _page(match, messages)


def _page(match: ClassMatch, with_messages: bool) -> str:
    world = match.world
    hist = world.history
    lang = d.i18n.language()
    title = world.title_in(lang) or match.title or world.scenario
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(t('class_debrief.title', title=title))}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{h(t('class_debrief.title', title=title))}</h1>",
        '<p class="meta">'
        + h(
            t(
                "debrief.md.meta",
                scenario=world.scenario,
                seed=world.seed,
                turns=max(0, len(hist) - 1),
                last=world.last_turn,
            )
        )
        + "</p>",
        f"<p>{h(d.end_text(world).replace('..', '.'))}</p>",  # a reason ends with its own stop
    ]
    if hist:
        out.append(
            f"<p><strong>{h(t('debrief.md.where'))}</strong> "
            f"{h(d.arrangement_name(hist[-1].arrangement))} "
            f"({h(t('debrief.md.started_in', arrangement=d.arrangement_name(hist[0].arrangement)))})"
            "</p>"
        )

    out.append(f"<h2>{h(t('class_debrief.questions'))}</h2>")
    out.append('<ol class="questions">')
    out += [f"<li>{h(q)}</li>" for q in discussion_questions(match)]
    out.append("</ol>")

    out.append(f"<h2>{h(t('debrief.md.criteria'))}</h2>")
    out.append(criteria_svg(hist))
    out.append(f"<h2>{h(t('debrief.md.path'))}</h2>")
    out.append(path_svg(hist))
    moves = d.path_moves(world)
    out.append("<ul>")
    if hist:
        out.append(
            "<li>"
            + h(
                t(
                    "debrief.start_at",
                    turn=hist[0].turn,
                    arrangement=d.arrangement_name(hist[0].arrangement),
                )
            )
            + "</li>"
        )
    out += [f"<li>{h(d.move_text(mv))}</li>" for mv in moves]
    if hist and not moves:
        out.append(
            f"<li>{h(t('debrief.stayed', arrangement=d.arrangement_name(hist[0].arrangement)))}</li>"
        )
    out.append("</ul>")
    out += _turn_table(hist, world)

    out += _seats(match)
    out += _decisions(match)

    out.append(f"<h2>{h(t('debrief.cards_chosen'))}</h2><ul>")
    ds = d.decisions(world, match.reports)
    out += [f"<li>{h(d.decision_text(x))}</li>" for x in ds] or [
        f"<li>{h(t('debrief.no_cards'))}</li>"
    ]
    out.append(f"</ul><h2>{h(t('debrief.md.lessons'))}</h2><ul>")
    ls = d.lessons(world)
    for lesson in ls:
        when = ", ".join(str(x) for x in lesson.turns)
        out.append(
            f"<li><strong>{h(lesson.title)}</strong> ({h(t('debrief.turns', turns=when))}): "
            f"{h(lesson.lesson)}</li>"
        )
    if not ls:
        out.append(f"<li>{h(t('debrief.no_cards'))}</li>")
    out.append(f"</ul><h2>{h(t('debrief.votes'))}</h2><ul>")
    vs = d.votes(world, match.reports)
    out += [f"<li>{h(d.vote_text(v))}</li>" for v in vs] or [f"<li>{h(t('debrief.no_votes'))}</li>"]
    out.append(f"</ul><h2>{h(t('debrief.biggest'))}</h2><ul>")
    big = d.biggest_changes(match.reports)
    out += [f"<li>{h(d.change_text(c))}</li>" for c in big] or [
        f"<li>{h(t('debrief.no_changes'))}</li>"
    ]
    out.append("</ul>")
    out += _scores(match)
    if with_messages:
        out += _messages(match)
    out.append(
        f'<p class="meta">{h(t("class_debrief.footer", version=__version__, file=match.source))}'
        "</p></body></html>"
    )
    return "\n".join(out) + "\n"


def _turn_table(hist: Sequence[TurnRecord], world: World) -> list[str]:
    head = [
        t("debrief.md.col.turn"),
        t("debrief.md.col.world"),
        t("debrief.md.col.centralization"),
        *(d.criterion_name(c.value) for c in CRITERIA),
        t("debrief.md.col.cards"),
    ]
    out = [f"<h3>{h(t('debrief.md.turn_by_turn'))}</h3><table><tr>"]
    out.append("".join(f"<th>{h(x)}</th>" for x in head) + "</tr>")
    for rec in hist:
        cards = ", ".join(d.card_texts(world, cid)[0] for cid in rec.cards)
        cells = [
            f'<td class="num">{rec.turn}</td>',
            f'<td class="nowrap">{h(d.arrangement_name(rec.arrangement, short=True))}</td>',
            f'<td class="num">{rec.centralization:.0f}</td>',
            *(f'<td class="num">{rec.criteria.get(c):.0f}</td>' for c in CRITERIA),
            f"<td>{h(cards)}</td>",
        ]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return out


def _people(match: ClassMatch) -> set[str]:
    return {s for turn in match.humans for s in turn} | set(match.claimed)


def _seats(match: ClassMatch) -> list[str]:
    world = match.world
    people = _people(match)
    out = [f"<h2>{h(t('class_debrief.seats'))}</h2><table><tr>"]
    out.append(
        f"<th>{h(t('debrief.md.col.actor'))}</th><th>{h(t('class_debrief.played_by'))}</th>"
        f"<th>{h(t('class_debrief.turns_played'))}</th></tr>"
    )
    for seat in match.seats:
        turns = [str(n) for n, humans in enumerate(match.humans, 1) if seat in humans]
        who = t("class_debrief.people") if seat in people else t("class_debrief.ai")
        span = d.turn_span([int(x) for x in turns]) if turns else "\u2014"
        out.append(
            f"<tr><td>{h(d.actor_name(world, seat))}</td><td>{h(who)}</td><td>{h(span)}</td></tr>"
        )
    out.append("</table>")
    return out


def _decisions(match: ClassMatch) -> list[str]:
    """Each seat's orders turn by turn, in the words of the world each was given in."""
    world = match.world
    out = [f"<h2>{h(t('class_debrief.decisions'))}</h2>"]
    people = _people(match)
    seats = [s for s in match.seats if s in people] + [s for s in match.seats if s not in people]
    for seat in seats:
        who = t("class_debrief.people") if seat in people else t("class_debrief.ai")
        out.append(f"<h3>{h(d.actor_name(world, seat))} ({h(who)})</h3>")
        out.append(
            f"<table><tr><th>{h(t('debrief.md.col.turn'))}</th>"
            f"<th>{h(t('class_debrief.orders'))}</th></tr>"
        )
        for n, orders in enumerate(match.orders, 1):
            before = match.worlds[n - 1]
            mine = [order_words(before, o) for o in orders if o.actor == seat]
            words = "<br>".join(h(x) for x in mine) or h(t("class_debrief.no_orders"))
            out.append(f'<tr><td class="num">{n}</td><td>{words}</td></tr>')
        out.append("</table>")
    return out


def _scores(match: ClassMatch) -> list[str]:
    people = _people(match)
    out = [f"<h2>{h(t('debrief.md.scores'))}</h2>"]
    note = d.scores_note(match.world)
    if note:
        out.append(f"<p>{h(note)}</p>")
    out.append("<table><tr>")
    head = [
        "#",
        t("debrief.md.col.actor"),
        t("debrief.md.col.role"),
        t("debrief.md.col.criteria_part"),
        t("debrief.md.col.goals"),
        t("debrief.md.col.total"),
    ]
    out.append("".join(f"<th>{h(x)}</th>" for x in head) + "</tr>")
    rows = d.score_rows(match.world)
    for i, r in enumerate(rows, 1):
        name = r.name + (f" ({t('debrief.player')})" if r.actor in people else "")
        if r.fell is not None:
            name += f" ({t('debrief.fell_short', turn=r.fell)})"
        goals = "<br>".join(
            (f'<span class="secret">{h(t("debrief.secret"))}</span> · ' if g.secret else "")
            + h(d.goal_text(g, mark_secret=False))
            for g in r.goals
        )
        out.append(
            f'<tr><td class="num">{i}</td><td>{h(name)}</td><td>{h(r.role)}</td>'
            f'<td class="num">{d.i18n.number(r.criteria)}</td><td>{goals}</td>'
            f'<td class="num"><strong>{d.i18n.number(r.total)}</strong></td></tr>'
        )
    out.append("</table>")
    return out


def _messages(match: ClassMatch) -> list[str]:
    world = match.world
    out = [f"<h2>{h(t('class_debrief.messages'))}</h2>"]
    if not match.messages:
        return [*out, f"<p>{h(t('class_debrief.no_messages'))}</p>"]
    out.append(
        f"<table><tr><th>{h(t('debrief.md.col.turn'))}</th>"
        f"<th>{h(t('class_debrief.from'))}</th><th>{h(t('class_debrief.to'))}</th>"
        f"<th>{h(t('class_debrief.text'))}</th></tr>"
    )
    for turn, sender, name, to, text in match.messages:
        who = f"{name} ({d.actor_name(world, sender)})"
        whom = t("class_debrief.to_all") if to == "all" else d.actor_name(world, to)
        out.append(
            f'<tr><td class="num">{turn}</td><td>{h(who)}</td><td>{h(whom)}</td>'
            f"<td>{h(text)}</td></tr>"
        )
    out.append("</table>")
    return out


# ---- the files ---------------------------------------------------------------------------------


def replay_json(match: ClassMatch) -> str:
    people = _people(match)
    turns = [
        (world, None if n == 0 else match.reports[n - 1], [] if n == 0 else match.orders[n - 1],
         [] if n == 0 else match.humans[n - 1])
        for n, world in enumerate(match.worlds)
    ]  # fmt: skip
    doc = replay_document(match.title, [(s, s in people) for s in match.seats], turns)
    return json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def export_class_debrief(
    journal: JournalContents, folder: Path, *, messages: bool = False, lang: str | None = None
) -> list[Path]:
    """Write debrief.html, criteria.csv and replay.json into ``folder`` (made if missing) from
    a journal (``read_journal``); the paths written. OSError when the folder cannot be written.
    An existing file of the same name is replaced only by a whole new one (atomic rename)."""
    from game.atomic import write_atomic

    match = ClassMatch.from_journal(journal)
    folder.mkdir(parents=True, exist_ok=True)
    html_name, csv_name, replay_name = CLASS_DEBRIEF_FILES
    files = {
        folder / html_name: debrief_html(match, messages=messages, lang=lang),
        folder / csv_name: d.criteria_csv(match.world),
        folder / replay_name: replay_json(match),
    }
    for path, content in files.items():
        write_atomic(path, content.encode("utf-8"))
    return list(files)
