"""The debrief as files a teacher hands out: the Markdown, the CSV of the criteria per turn and
the folder they are written to. Pure functions of a finished match (no window needed)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from matches import finished_match

from game import paths
from game.engine import scores
from game.engine.model import CRITERIA
from game.engine.scenario import text
from game.report import DEBRIEF_FILES, criteria_csv, debrief_markdown, export_debrief
from game.report import debrief as words
from game.session.local import LocalMatch
from game.ui import i18n

MINI = Path(__file__).parent / "fixtures" / "mini.json"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def local() -> LocalMatch:
    return finished_match()


def test_the_match_fired_cards_to_debrief(local: LocalMatch) -> None:
    assert local.world.ended
    assert local.world.lessons, "the fixture match should fire at least one card"
    assert len(local.world.history) == 5  # turn 0 and four turns played


def test_markdown_holds_every_lesson_and_every_score(local: LocalMatch) -> None:
    world = local.world
    md = debrief_markdown(world, local.reports, humans=local.humans)
    cards = {c.id: c for c in world.rules.cards}
    for cid in world.lessons:
        assert text(cards[cid].lesson) in md
        assert text(cards[cid].title) in md
    for actor_id, s in scores(world).items():
        assert world.actors[actor_id].name in md
        assert f"{s.total:.1f}" in md
    # the human seat is marked, the secret goal revealed, the picture referenced
    assert "Castria (player)" in md
    assert "Keep the Highlands" in md
    assert "![" in md and "(charts.png)" in md


def test_markdown_names_the_choices_votes_and_biggest_changes(local: LocalMatch) -> None:
    md = debrief_markdown(local.world, local.reports)
    for r in local.reports:
        for fired in r.cards:
            _, option, _ = words.card_texts(local.world, fired.card, fired.option)
            assert f"“{option}”" in md
    biggest = words.biggest_changes(local.reports, n=1)[0]
    assert biggest.cause in md
    assert "## Key decisions" in md and "## Lessons of the cards that fired" in md


def test_markdown_turn_table_has_a_row_per_turn(local: LocalMatch) -> None:
    md = debrief_markdown(local.world, local.reports, charts=None)
    assert "charts.png" not in md
    table = md.split("### Turn by turn", 1)[1].split("\n\n", 2)[1]
    rows = [ln for ln in table.splitlines() if ln.startswith("|")][2:]
    assert len(rows) == len(local.world.history)


def test_markdown_in_spanish_and_the_language_is_restored(local: LocalMatch) -> None:
    i18n.set_language("en")
    md = debrief_markdown(local.world, local.reports, lang="es")
    assert "## Puntuaciones" in md and "## Decisiones clave" in md
    assert i18n.language() == "en"


def test_markdown_is_pure(local: LocalMatch) -> None:
    digest = local.world.digest()
    assert debrief_markdown(local.world, local.reports) == debrief_markdown(
        local.world, local.reports
    )
    assert local.world.digest() == digest


def test_criteria_csv_has_one_row_per_turn(local: LocalMatch) -> None:
    rows = list(csv.DictReader(io.StringIO(criteria_csv(local.world))))
    history = local.world.history
    assert len(rows) == len(history)
    assert list(rows[0]) == [
        "turn",
        "arrangement",
        "position",
        "centralization",
        "plurality",
        "peace",
        "justice",
        "pluralism",
        "freedom",
        "cards",
    ]
    for row, rec in zip(rows, history, strict=True):
        assert int(row["turn"]) == rec.turn
        assert row["arrangement"] == rec.arrangement.value
        for c in CRITERIA:
            assert float(row[c.value]) == pytest.approx(rec.criteria.get(c), abs=0.01)
        assert row["cards"] == ";".join(rec.cards)


def test_export_writes_three_files_into_the_users_debriefs_folder(
    local: LocalMatch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "user_data_dir", lambda: tmp_path)
    drawn: list[Path] = []

    def render(path: Path) -> None:
        drawn.append(path)
        path.write_bytes(b"\x89PNG")

    when = datetime(2025, 3, 4, 10, 11, 12)
    result = export_debrief(local.world, local.reports, render, humans=local.humans, now=when)
    assert result.folder == tmp_path / "debriefs" / "mini-20250304-101112"
    assert [f.name for f in result.files] == list(DEBRIEF_FILES)
    assert all(f.is_file() and f.stat().st_size > 0 for f in result.files)
    assert drawn == [result.folder / "charts.png"]
    md = (result.folder / "debrief.md").read_text(encoding="utf-8")
    assert md == debrief_markdown(local.world, local.reports, humans=local.humans)
    assert (result.folder / "criteria.csv").read_text(encoding="utf-8") == criteria_csv(local.world)

    # a second export in the same second gets a folder of its own
    again = export_debrief(local.world, local.reports, render, now=when)
    assert again.folder == tmp_path / "debriefs" / "mini-20250304-101112-2"


def test_export_without_a_renderer_writes_no_picture(local: LocalMatch, tmp_path: Path) -> None:
    result = export_debrief(local.world, local.reports, None, root=tmp_path)
    assert [f.name for f in result.files] == ["debrief.md", "criteria.csv"]
    assert "charts.png" not in (result.folder / "debrief.md").read_text(encoding="utf-8")


def test_a_resumed_match_without_reports_still_has_its_lessons(local: LocalMatch) -> None:
    md = debrief_markdown(local.world, [])
    cards = {c.id: c for c in local.world.rules.cards}
    for cid in local.world.lessons:
        assert text(cards[cid].lesson) in md
    assert words.decisions(local.world, [])  # which cards fired, if not what was chosen


def test_the_export_module_needs_no_pygame() -> None:
    code = "import sys, game.report; assert 'pygame' not in sys.modules, sorted(sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_weights_are_written_as_the_language_writes_numbers() -> None:
    row = words.ScoreRow("x", "X", "role", {"peace": 1.5, "justice": 2.0, "freedom": 0.0}, 0, (), 0)
    try:
        i18n.set_language("es")
        spanish = words.weights_text(row)
        i18n.set_language("en")
        english = words.weights_text(row)
    finally:
        i18n.set_language("en")
    assert "×1,5" in spanish and "×2" in spanish and "1.5" not in spanish
    assert "×1.5" in english and "freedom" not in english.lower()
