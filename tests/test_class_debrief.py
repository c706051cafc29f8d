"""The class debrief (game/report/class_debrief.py) written from a real journal of a short
finished match: an HTML page that parses, holds its charts as inline SVG and nothing from
outside, escapes every string from data; a CSV with one row a turn; a replay that loads back
the same worlds; questions drawn from this match; `continuum debrief` on the command line."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from game.cli import main
from game.content import load_scenario
from game.engine.model import CRITERIA
from game.engine.scenario import text as text_of
from game.net.journal import Journal, read_journal
from game.net.protocol import ChatMessage
from game.report.class_debrief import (
    ClassMatch,
    debrief_html,
    discussion_questions,
    export_class_debrief,
)
from game.report.replay import ReplayError, load_replay
from game.session.local import LocalMatch
from tests.netkit import MINI

HOSTILE_TITLE = '<script>alert("title")</script> & <b>bold</b>'
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_MESSAGE = "</td><script>steal()</script>"
VOID = {"meta", "br", "img", "input", "link", "hr", "col", "area", "base", "wbr", "source"}
SVG_LEAVES = {"line", "polyline", "circle", "rect", "path"}


def hostile_scenario(tmp_path: Path) -> Path:
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    doc["title"] = {"en": HOSTILE_TITLE, "es": HOSTILE_TITLE}
    castria = next(a for a in doc["actors"] if a["id"] == "castria")
    castria["name"] = {"en": HOSTILE_NAME, "es": HOSTILE_NAME}
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    """A finished match of the hostile scenario, castria played by people, kept in a journal."""
    scenario = load_scenario(hostile_scenario(tmp_path))
    match = LocalMatch.start(scenario, ["castria"], seed=4)
    path = tmp_path / "class.continuum-journal"
    kept = Journal.create(path, match.world, {"CODE22": "castria", "CODE33": "un"}, "tok", "T")
    kept.claim("castria", 1)
    kept.message(1, ChatMessage(sender="castria", name="Ana", to="all", text=HOSTILE_MESSAGE))
    while not match.ended:
        legal = [o for o in match.legal("castria") if o.action != "choose"]
        match.add(legal[match.world.turn % len(legal)])
        kept.submitted(match.world.turn, "castria", match.draft("castria"), "Ana")
        report = match.resolve()
        kept.commit_turn(match.match.log[-1], report, match.world, ["castria"])
    kept.close()
    return path


class Page(HTMLParser):
    """Every tag, checked for nesting; the text; the external references."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.refs: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.refs += [v or "" for k, v in attrs if k in ("src", "href") or k.startswith("on")]
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.refs += [v or "" for k, v in attrs if k in ("src", "href") or k.startswith("on")]

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1] if self.open else 'nothing'}")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert page.problems == [] and page.open == []
    return page


def test_the_page_parses_holds_its_charts_and_escapes_what_came_from_data(
    journal: Path, tmp_path: Path
) -> None:
    out = tmp_path / "handout"
    files = export_class_debrief(read_journal(journal), out)
    assert [f.name for f in files] == ["debrief.html", "criteria.csv", "replay.json"]
    html = (out / "debrief.html").read_text(encoding="utf-8")
    page = parsed(html)
    assert page.tags.count("svg") == 2  # the criteria over time, the path along the continuum
    assert page.tags.count("polyline") == len(CRITERIA) + 1
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert page.refs == []  # self-contained: no file, script or handler from anywhere
    text = "".join(page.text)
    assert f"Class debrief: {HOSTILE_TITLE}" in text  # shown as the text it is
    assert HOSTILE_NAME in text
    assert HOSTILE_MESSAGE not in text  # messages only when the teacher asks
    assert "Each seat's decisions, turn by turn" in text
    world = read_journal(journal).last.world
    assert world.ended
    lessons = {c.lesson for c in world.rules.cards if c.id in world.lessons}
    assert lessons
    for lesson in lessons:
        assert text_of(lesson) in text  # the lessons of the cards played


def test_messages_only_with_the_option(journal: Path) -> None:
    match = ClassMatch.from_journal(read_journal(journal))
    page = parsed(debrief_html(match, messages=True))
    assert HOSTILE_MESSAGE in "".join(page.text) and "script" not in page.tags


def test_the_csv_has_one_row_a_turn_and_the_replay_the_same_worlds(
    journal: Path, tmp_path: Path
) -> None:
    kept = read_journal(journal)
    export_class_debrief(kept, tmp_path)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "criteria.csv").read_text())))
    world = kept.last.world
    assert [int(r["turn"]) for r in rows] == list(range(len(kept.turns)))
    assert len(rows) == world.history[-1].turn + 1 == 13  # turn 0 (the start), then 12 played
    for row, rec in zip(rows, world.history, strict=True):
        assert row["arrangement"] == rec.arrangement.value
        for c in CRITERIA:
            assert float(row[c.value]) == pytest.approx(rec.criteria.get(c), abs=0.005)
        assert 0 <= float(row["position"]) <= 6
    replay = load_replay(tmp_path / "replay.json")
    assert [t.turn for t in replay.turns] == [t.turn for t in kept.turns]
    assert replay.turns[-1].world.model_dump() == world.model_dump()
    assert replay.turns[3].orders == kept.turns[3].orders
    assert replay.turns[2].report is not None and replay.turns[2].report.turn == 2
    assert replay.seats == [{"seat": "castria", "people": True}, {"seat": "un", "people": False}]
    broken = tmp_path / "broken.json"
    doc = json.loads((tmp_path / "replay.json").read_text(encoding="utf-8"))
    doc["version"] = 2
    broken.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ReplayError, match="replay version 2"):
        load_replay(broken)


def test_the_questions_come_from_this_match(journal: Path) -> None:
    kept = read_journal(journal)
    match = ClassMatch.from_journal(kept)
    questions = discussion_questions(match)
    assert 4 <= len(questions) <= 6
    history = kept.last.world.history
    falls = {c: history[-1].criteria.get(c) - history[0].criteria.get(c) for c in CRITERIA}
    worst = min(falls, key=lambda c: falls[c])
    if falls[worst] < 0:
        assert any(
            q.startswith(f"{worst.value.capitalize()} fell most over the match") for q in questions
        )
    assert any(q.startswith("The world ended as ") for q in questions)
    assert any("What is the best that we can do?" in q for q in questions)
    # A match that moved differently asks differently.
    shorter = ClassMatch.from_journal(kept)
    object.__setattr__(shorter, "worlds", shorter.worlds[:3])
    object.__setattr__(shorter, "reports", shorter.reports[:2])
    object.__setattr__(shorter, "orders", shorter.orders[:2])
    assert discussion_questions(shorter) != questions


def test_the_page_in_spanish(journal: Path) -> None:
    match = ClassMatch.from_journal(read_journal(journal))
    text = "".join(parsed(debrief_html(match, lang="es")).text)
    assert "Balance de la clase" in text and "Preguntas para el debate" in text


def test_continuum_debrief_writes_the_files_or_says_what_is_wrong(
    journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "for the class"
    assert main(["debrief", str(journal), "--out", str(out), "--messages"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said == [
        f"wrote {out / name}" for name in ("debrief.html", "criteria.csv", "replay.json")
    ]
    assert HOSTILE_MESSAGE in "".join(parsed((out / "debrief.html").read_text()).text)
    bad = tmp_path / "bad.continuum-journal"
    bad.write_text("not a journal", encoding="utf-8")
    assert main(["debrief", str(bad), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == f"continuum: {bad}: not a Continuum class journal (not an SQLite file)\n"
