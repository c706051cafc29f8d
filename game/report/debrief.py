"""What a finished match teaches, as data and as files a teacher can hand out.

The debrief screen and the export read the same summaries from here: the key decisions (the
cards that fired and who chose what, the votes, the biggest single changes), the lessons, the
path along the continuum and each actor's score. ``debrief_markdown`` and ``criteria_csv`` are
pure functions of the world and its reports; ``export_debrief`` writes them (and a PNG drawn by
a renderer the caller passes in, so this module needs no pygame).

Interface strings come from the same tables as the screens (assets/i18n/<lang>/report.json);
texts written by the scenario (card titles, lessons, roles, goals) come in the match's language
where the scenario has them. The engine's own causal log is English.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from pathlib import Path

from game import paths
from game.engine import TurnReport, World, scores
from game.engine.model import ARRANGEMENT_ORDER, CRITERIA, Arrangement
from game.engine.report import Tally
from game.engine.scenario import Card, text
from game.engine.scoring import counted_criteria, goal_figures, mission_of, turns_left
from game.report.goal_lines import actor_in_sentence, actor_name, fact_lines, figure_line
from game.ui import i18n  # plain Python string tables: no pygame

DEBRIEF_FILES = ("debrief.md", "criteria.csv", "charts.png")

# ---- words ------------------------------------------------------------------------------------


def t(key: str, **values: object) -> str:
    return i18n.t(key, **values)


def t_or(key: str, fallback: str, **values: object) -> str:
    """A string from the tables, or ``fallback`` when the tables have no such key."""
    out = i18n.t(key, **values)
    return fallback if out == key else out


@contextmanager
def in_language(lang: str | None) -> Iterator[None]:
    """Use ``lang`` for the length of a block (None: keep the current language)."""
    if lang is None:
        yield
        return
    before = i18n.language()
    i18n.set_language(lang)
    try:
        yield
    finally:
        i18n.set_language(before)


# +4.5 / −2.8 in the handout's language ("+4,5" in Spanish), as the screen writes it
signed = i18n.signed


def criterion_name(criterion: str) -> str:
    return t_or(f"report.criterion.{criterion}", str(criterion).capitalize())


def arrangement_name(arrangement: Arrangement | str, short: bool = False) -> str:
    key = Arrangement(arrangement).value
    return t_or(
        f"report.arrangement{'_short' if short else ''}.{key}", key.replace("_", " ").capitalize()
    )


def position(arrangement: Arrangement | str, centralization: float) -> float:
    """Where a turn's world sits on the continuum, 0 (global state) … 6 (anarchy): the
    arrangement's slot, nudged toward unity by centralization (the engine's own formula)."""
    idx = ARRANGEMENT_ORDER.index(Arrangement(arrangement))
    offset = max(-0.45, min(0.45, 0.5 - centralization / 100))
    return round(min(6.0, max(0.0, idx + offset)), 3)


def names(world: World, ids: Iterable[str]) -> str:
    return ", ".join(actor_name(world, i) for i in ids) or "\u2014"


def target_name(world: World, target: str) -> str:
    """What a resolution is about: an actor, a crisis or a group, by name."""
    if target in world.actors:
        return actor_name(world, target)
    crisis = world.crises.get(target)
    if crisis is not None:
        kind = t_or(f"report.crisis.{crisis.kind}", crisis.kind.replace("_", " "))
        return t("report.crisis_in", kind=kind, state=actor_name(world, crisis.state))
    group = world.groups.get(target)
    if group is not None:
        return i18n.name(group)
    return target.replace("_", " ")


def tally_target(world: World, tally: Tally) -> str:
    """What a vote was about, by name: as the engine named it when it counted the vote (so a
    crisis over by then still reads as itself), else from the world."""
    motion = tally.motion_args.get("motion")
    subject = motion.get("args", {}).get("subject") if isinstance(motion, dict) else None
    if subject is None or tally.target in world.actors or tally.target in world.groups:
        return target_name(world, tally.target)
    return i18n.message(subject)


def proposal_name(kind: str) -> str:
    return t_or(f"report.proposal.{kind}", kind.replace("_", " "))


def cards_by_id(world: World) -> dict[str, Card]:
    return {c.id: c for c in world.rules.cards}


def card_texts(world: World, card_id: str, option_id: str = "") -> tuple[str, str, str]:
    """A card's title, the label of one of its options and its lesson, in the current language
    (empty strings for what the scenario no longer has)."""
    card = cards_by_id(world).get(card_id)
    if card is None:
        return card_id.replace("_", " "), option_id.replace("_", " "), ""
    lang = i18n.language()
    option = next((o for o in card.options if o.id == option_id), None)
    label = text(option.label, lang) if option is not None else option_id.replace("_", " ")
    return text(card.title, lang), label, text(card.lesson, lang)


# ---- what happened, summed up -----------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """A card that fired and the option its actor chose."""

    turn: int
    card: str
    title: str
    actor: str
    option: str
    lesson: str
    by_default: bool = False  # nobody answered: the card's default option was applied
    # the actor as it reads inside a sentence ("la República de Servia eligió…")
    actor_in_sentence: str = ""

    @property
    def who(self) -> str:
        return self.actor_in_sentence or self.actor


@dataclass(frozen=True)
class Lesson:
    card: str
    title: str
    lesson: str
    turns: tuple[int, ...]


@dataclass(frozen=True)
class BigChange:
    turn: int
    criterion: str
    amount: float
    cause: str


@dataclass(frozen=True)
class VoteRow:
    turn: int
    body: str
    kind: str
    target: str
    passed: bool
    how: str
    yes: int
    no: int
    abstain: int
    vetoed_by: str


@dataclass(frozen=True)
class Move:
    turn: int
    before: Arrangement
    after: Arrangement

    @property
    def toward_unity(self) -> bool:
        return ARRANGEMENT_ORDER.index(self.after) < ARRANGEMENT_ORDER.index(self.before)


@dataclass(frozen=True)
class GoalRow:
    text: str
    points: float
    met: bool
    secret: bool
    figures: tuple[str, ...] = ()  # a missed goal's figures, where each ended and its line


@dataclass(frozen=True)
class ScoreRow:
    actor: str
    name: str
    role: str
    weights: dict[str, float]
    criteria: float
    goals: tuple[GoalRow, ...]
    total: float
    fell: int | None = None  # the turn its state fell (scored on the world the match left)

    @property
    def goal_points(self) -> float:
        return round(sum(g.points for g in self.goals if g.met), 2)

    @property
    def fell_note(self) -> str:
        """For a state that fell: when, and what that means for its score ("" otherwise)."""
        return t("debrief.fell", turn=self.fell) if self.fell is not None else ""


def decisions(world: World, reports: Sequence[TurnReport]) -> list[Decision]:
    """Every card that fired, with who chose which option, turn by turn. For a turn without a
    report (played before a save that kept no record) the world's history still knows which
    cards fired, not what was chosen."""
    by_turn = {r.turn: r for r in reports}
    out: list[Decision] = []
    for rec in world.history:
        r = by_turn.pop(rec.turn, None)
        if r is None:
            for cid in rec.cards:
                title, _, lesson = card_texts(world, cid)
                out.append(Decision(rec.turn, cid, title, "", "", lesson))
            continue
        out += _fired(world, r)
    for r in by_turn.values():  # a report the history does not list (not in a real match)
        out += _fired(world, r)
    out.sort(key=lambda d: d.turn)
    return out


def _fired(world: World, report: TurnReport) -> list[Decision]:
    out = []
    for c in report.cards:
        title, option, lesson = card_texts(world, c.card, c.option)
        out.append(
            Decision(report.turn, c.card, title or c.title, actor_name(world, c.actor), option,
                     lesson or c.lesson, c.by_default, actor_in_sentence(world, c.actor))
        )  # fmt: skip
    return out


def unrecorded_turns(world: World, reports: Sequence[TurnReport]) -> list[int]:
    """The turns played for which there is no report: those before an old save that kept only
    the world. Their votes, chosen options and changes are not known."""
    recorded = {r.turn for r in reports}
    return [rec.turn for rec in world.history if rec.turn >= 1 and rec.turn not in recorded]


def turn_span(turns: Sequence[int]) -> str:
    """1, 2, 3, 5 → "1–3, 5"."""
    spans: list[list[int]] = []
    for n in turns:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}" if a == b else f"{a}\u2013{b}" for a, b in spans)


def unrecorded_text(turns: Sequence[int]) -> str:
    """What the debrief says of turns without a record, or "" when every turn has one."""
    if not turns:
        return ""
    key = "trust.unrecorded_one" if len(turns) == 1 else "trust.unrecorded_many"
    return t(key, turns=turn_span(turns))


def no_votes_text(unrecorded: Sequence[int]) -> str:
    return t("trust.no_votes_on_record") if unrecorded else t("debrief.no_votes")


def no_changes_text(unrecorded: Sequence[int]) -> str:
    return t("trust.no_changes_on_record") if unrecorded else t("debrief.no_changes")


def lessons(world: World) -> list[Lesson]:
    """The lesson of every card that fired, in the order they first fired."""
    turns: dict[str, list[int]] = {}
    for rec in world.history:
        for cid in rec.cards:
            turns.setdefault(cid, []).append(rec.turn)
    for cid in world.lessons:  # a world whose history lost its card lists still knows these
        turns.setdefault(cid, [])
    out = []
    for cid, fired in turns.items():
        title, _, lesson = card_texts(world, cid)
        out.append(Lesson(cid, title, lesson, tuple(fired)))
    return out


def biggest_changes(reports: Sequence[TurnReport], n: int = 8) -> list[BigChange]:
    """The largest single changes to any criterion over the match, with their causes."""
    every = [
        BigChange(r.turn, c.criterion.value, c.amount, i18n.cause(c))
        for r in reports
        for c in r.changes
    ]
    every.sort(key=lambda c: (-abs(c.amount), c.turn, c.criterion))
    return every[:n]


def vote_row(world: World, turn: int, tally: Tally) -> VoteRow:
    return VoteRow(
        turn=turn,
        body=actor_name(world, tally.body),
        kind=proposal_name(tally.kind),
        target=tally_target(world, tally),
        passed=tally.passed,
        how=i18n.line(tally),
        yes=len(tally.yes),
        no=len(tally.no),
        abstain=len(tally.abstain),
        vetoed_by=names(world, tally.vetoed_by) if tally.vetoed_by else "",
    )


def votes(world: World, reports: Sequence[TurnReport]) -> list[VoteRow]:
    return [vote_row(world, r.turn, v) for r in reports for v in r.votes]


def path_moves(world: World) -> list[Move]:
    """The turns on which the world changed its arrangement."""
    h = world.history
    return [
        Move(b.turn, a.arrangement, b.arrangement)
        for a, b in pairwise(h)
        if a.arrangement != b.arrangement
    ]


def score_rows(world: World) -> list[ScoreRow]:
    """Every actor's final score, best first, with its role and goals in the current language
    (secret goals included: the match is over)."""
    lang = i18n.language()
    rows = []
    for actor_id, s in scores(world).items():
        m = mission_of(world, actor_id)
        authored = [*m.goals, *m.secret]
        figures = goal_figures(world, actor_id)
        facts = fact_lines(world, actor_id)
        goals = tuple(
            GoalRow(
                text(authored[i].text, lang) if i < len(authored) else g.text,
                g.points,
                g.met,
                g.secret,
                ()
                if g.met or i >= len(figures)
                else (*facts[i], *(figure_line(world, f) for f in figures[i])),
            )
            for i, g in enumerate(s.goals)
        )
        rows.append(
            ScoreRow(
                actor=actor_id,
                name=actor_name(world, actor_id),
                role=text(m.role, lang),
                weights={c.value: float(m.weights.get(c, 0.0)) for c in CRITERIA},
                criteria=s.criteria,
                goals=goals,
                total=s.total,
                fell=s.fell,
            )
        )
    rows.sort(key=lambda r: (-r.total, r.name))
    return rows


def scores_note(world: World) -> str | None:
    """For a match a scenario's ending closed before its last turn: how its scores count the
    criteria (where the world's structure would carry them by the last turn), with each
    criterion as it stood and as counted. None otherwise."""
    if not turns_left(world):
        return None
    counted = counted_criteria(world)
    changes = ", ".join(
        t(
            "debrief.scores_early_change",
            criterion=criterion_name(c.value),
            now=i18n.number(world.criteria.get(c.value)),
            counted=i18n.number(counted[c.value]),
        )
        for c in CRITERIA
    )
    return t("debrief.scores_early", turn=world.turn, last=world.last_turn, changes=changes)


def weights_text(row: ScoreRow) -> str:
    return ", ".join(
        f"{criterion_name(c)} \u00d7{i18n.number(w, None)}"  # "×1,5" in Spanish
        for c, w in row.weights.items()
        if w > 0
    ) or t("debrief.no_weights")


def end_text(world: World) -> str:
    """How the match ended (or where it stands, if it has not)."""
    played = max(0, len(world.history) - 1)
    if world.ended:
        # an ending's text is a sentence of its own, often with its full stop: the template
        # ends the whole with one ("…has mended.", not "…has mended..")
        reason = (i18n.end_reason(world) if world.end_reason else "\u2014").rstrip()
        reason = reason.removesuffix(".")
        text = t("debrief.ended", turn=played, last=world.last_turn, reason=reason)
        if reason.endswith(("!", "?", "\u2026")):
            text = text.removesuffix(".")
        return text
    # the turns played, as the meta line counts them (not "turn 0" before the first is done)
    return i18n.tn("debrief.not_ended", played, last=world.last_turn)


# ---- the files --------------------------------------------------------------------------------


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    out = ["| " + " | ".join(_cell(h) for h in header) + " |"]
    out.append("|" + "|".join("---" for _ in header) + "|")
    out += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return out


def debrief_markdown(
    world: World,
    reports: Sequence[TurnReport],
    *,
    lang: str | None = None,
    humans: Iterable[str] = (),
    charts: str | None = "charts.png",
) -> str:
    """The debrief as a Markdown handout: how it ended, the criteria turn by turn, the path
    along the continuum, the key decisions, the lessons and every actor's score. ``charts`` is
    the file name of the charts' picture beside it (None: no picture)."""
    with in_language(lang):
        return _markdown(world, reports, set(humans), charts)


def _markdown(
    world: World, reports: Sequence[TurnReport], humans: set[str], charts: str | None
) -> str:
    h = world.history
    first, last = (h[0], h[-1]) if h else (None, None)
    md: list[str] = [
        f"# {t('debrief.md.title', title=world.title_in(i18n.language()) or world.scenario)}",
        "",
    ]
    md.append(
        f"*{t('debrief.md.meta', scenario=world.scenario, seed=world.seed, turns=max(0, len(h) - 1), last=world.last_turn)}*"
    )
    md.append("")
    md.append(f"- **{t('debrief.md.how_it_ended')}** {end_text(world)}")
    if first is not None and last is not None:
        md.append(
            f"- **{t('debrief.md.where')}** {arrangement_name(last.arrangement)} "
            f"({t('debrief.md.started_in', arrangement=arrangement_name(first.arrangement))})"
        )
    players = [actor_name(world, a) for a in world.actors if a in humans]
    if players:
        md.append(f"- **{t('debrief.md.players')}** {', '.join(players)}")
    md.append("")

    # the four criteria
    md += [f"## {t('debrief.md.criteria')}", ""]
    if charts:
        md += [f"![{t('debrief.md.charts_alt')}]({charts})", ""]
    if first is not None and last is not None:
        rows = []
        for c in CRITERIA:
            series = [rec.criteria.get(c) for rec in h]
            rows.append(
                (
                    criterion_name(c.value),
                    f"{series[0]:.0f}",
                    f"{series[-1]:.0f}",
                    signed(series[-1] - series[0]),
                    f"{min(series):.0f}",
                    f"{max(series):.0f}",
                )
            )
        md += _table(
            [
                t("debrief.md.col.criterion"),
                t("debrief.md.col.start"),
                t("debrief.md.col.end"),
                t("debrief.md.col.change"),
                t("debrief.md.col.lowest"),
                t("debrief.md.col.highest"),
            ],
            rows,
        )
        md += ["", f"### {t('debrief.md.turn_by_turn')}", ""]
        md += _table(
            [
                t("debrief.md.col.turn"),
                t("debrief.md.col.world"),
                t("debrief.md.col.centralization"),
                *(criterion_name(c.value) for c in CRITERIA),
                t("debrief.md.col.cards"),
            ],
            (
                (
                    rec.turn,
                    arrangement_name(rec.arrangement, short=True),
                    f"{rec.centralization:.0f}",
                    *(f"{rec.criteria.get(c):.0f}" for c in CRITERIA),
                    ", ".join(card_texts(world, cid)[0] for cid in rec.cards),
                )
                for rec in h
            ),
        )
        md.append("")

    # the path along the continuum
    md += [f"## {t('debrief.md.path')}", ""]
    moves = path_moves(world)
    if first is not None:
        md.append(
            f"- {t('debrief.start_at', turn=first.turn, arrangement=arrangement_name(first.arrangement))}"
        )
    for mv in moves:
        md.append(f"- {move_text(mv)}")
    if first is not None and not moves:
        md.append(f"- {t('debrief.stayed', arrangement=arrangement_name(first.arrangement))}")
    md.append("")

    # key decisions
    md += [f"## {t('debrief.md.decisions')}", ""]
    gap = unrecorded_turns(world, reports)
    if gap:
        md += [f"*{unrecorded_text(gap)}*", ""]
    md += [f"### {t('debrief.cards_chosen')}", ""]
    ds = decisions(world, reports)
    md += [f"- {decision_text(d)}" for d in ds] or [f"- {t('debrief.no_cards')}"]
    md += ["", f"### {t('debrief.votes')}", ""]
    vs = votes(world, reports)
    md += [f"- {vote_text(v)}" for v in vs] or [f"- {no_votes_text(gap)}"]
    md += ["", f"### {t('debrief.biggest')}", ""]
    big = biggest_changes(reports)
    md += [f"- {change_text(c)}" for c in big] or [f"- {no_changes_text(gap)}"]
    md.append("")

    # lessons
    md += [f"## {t('debrief.md.lessons')}", ""]
    ls = lessons(world)
    for ls_ in ls:
        when = ", ".join(str(x) for x in ls_.turns)
        md.append(f"- **{ls_.title}** ({t('debrief.turns', turns=when)}): {ls_.lesson}")
    if not ls:
        md.append(f"- {t('debrief.no_cards')}")
    md.append("")

    # scores
    md += [f"## {t('debrief.md.scores')}", ""]
    note = scores_note(world)
    if note:
        md += [note, ""]
    rows = score_rows(world)
    md += _table(
        [
            "#",
            t("debrief.md.col.actor"),
            t("debrief.md.col.role"),
            t("debrief.md.col.criteria_part"),
            t("debrief.md.col.goals"),
            t("debrief.md.col.total"),
        ],
        (
            (
                i,
                r.name
                + (f" ({t('debrief.player')})" if r.actor in humans else "")
                + (f" ({t('debrief.fell_short', turn=r.fell)})" if r.fell is not None else ""),
                r.role,
                i18n.number(r.criteria),
                signed(r.goal_points),
                f"**{i18n.number(r.total)}**",
            )
            for i, r in enumerate(rows, 1)
        ),
    )
    md.append("")
    for r in rows:
        md.append(f"### {r.name}: {i18n.number(r.total)}")
        md.append("")
        if r.fell is not None:
            md.append(f"- {r.fell_note}")
        md.append(
            f"- {t('debrief.criteria_part', value=i18n.number(r.criteria), weights=weights_text(r))}"
        )
        for g in r.goals:
            md.append(f"- {goal_text(g)}")
        md.append("")

    md += [f"## {t('debrief.md.discussion')}", ""]
    md += [f"{i}. {t(f'debrief.md.question{i}')}" for i in (1, 2, 3)]
    md.append("")
    return "\n".join(md)


def move_text(mv: Move) -> str:
    way = t("report.toward_unity") if mv.toward_unity else t("report.toward_division")
    return t(
        "debrief.move",
        turn=mv.turn,
        before=arrangement_name(mv.before),
        after=arrangement_name(mv.after),
        way=way,
    )


def decision_key(d: Decision) -> str:
    """Chosen, applied by default (nobody answered), or not on record (an old save)."""
    if not d.option:
        return "trust.decision_unrecorded"
    return "debrief.decision_default" if d.by_default else "debrief.decision"


def decision_text(d: Decision) -> str:
    if d.option and d.by_default:
        return t(
            "debrief.decision_default", turn=d.turn, title=d.title, actor=d.who, option=d.option
        )
    if d.option:
        return t("debrief.decision", turn=d.turn, title=d.title, actor=d.who, option=d.option)
    return t("trust.decision_unrecorded", turn=d.turn, title=d.title)


def vote_text(v: VoteRow) -> str:
    outcome = t("report.vote.passed") if v.passed else t("report.vote.failed")
    return t(
        "debrief.vote",
        turn=v.turn,
        body=v.body,
        kind=v.kind,
        target=v.target,
        outcome=outcome,
        how=v.how,
        yes=v.yes,
        no=v.no,
        abstain=v.abstain,
    )


def change_text(c: BigChange) -> str:
    return t(
        "debrief.change",
        turn=c.turn,
        criterion=criterion_name(c.criterion),
        amount=signed(c.amount),
        cause=c.cause,
    )


def goal_text(g: GoalRow, mark_secret: bool = True) -> str:
    key = "debrief.goal_met" if g.met else "debrief.goal_missed"
    out = t(key, text=g.text, points=signed(g.points, 0))
    if g.figures:  # how far a missed goal's figures ended from their lines
        out = t("debrief.goal_missed_at", goal=out, figures="; ".join(g.figures))
    return f"{t('debrief.secret')} \u00b7 {out}" if g.secret and mark_secret else out


def criteria_csv(world: World) -> str:
    """The criteria and the world's place on the continuum, one row per turn (turn 0 = the
    start), for a spreadsheet. Column names are the file format's ids, never translated."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        [
            "turn",
            "arrangement",
            "position",
            "centralization",
            "plurality",
            *(c.value for c in CRITERIA),
            "cards",
        ]
    )
    for rec in world.history:
        w.writerow(
            [
                rec.turn,
                rec.arrangement.value,
                f"{position(rec.arrangement, rec.centralization):.3f}",
                f"{rec.centralization:.2f}",
                f"{rec.plurality:.2f}",
                *(f"{rec.criteria.get(c):.2f}" for c in CRITERIA),
                ";".join(rec.cards),
            ]
        )
    return buf.getvalue()


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    files: tuple[Path, ...]


def export_folder(world: World, now: datetime | None = None, root: Path | None = None) -> Path:
    """debriefs/<scenario>-<timestamp>/ in the user's data folder: a new one each time."""
    root = root if root is not None else paths.user_data_dir() / "debriefs"
    return paths.stamped(root, world.scenario, "", now)


def export_debrief(
    world: World,
    reports: Sequence[TurnReport],
    render_png: Callable[[Path], None] | None = None,
    *,
    humans: Iterable[str] = (),
    lang: str | None = None,
    root: Path | None = None,
    now: datetime | None = None,
) -> ExportResult:
    """Write debrief.md, criteria.csv and (when a renderer is given) charts.png into a new
    folder; returns where. Raises OSError when the folder cannot be written."""
    folder = export_folder(world, now, root)
    folder.mkdir(parents=True)
    md_name, csv_name, png_name = DEBRIEF_FILES
    files = [folder / md_name, folder / csv_name]
    files[0].write_text(
        debrief_markdown(
            world, reports, lang=lang, humans=humans, charts=png_name if render_png else None
        ),
        encoding="utf-8",
    )
    files[1].write_text(criteria_csv(world), encoding="utf-8", newline="")
    if render_png is not None:
        render_png(folder / png_name)
        files.append(folder / png_name)
    return ExportResult(folder, tuple(files))
