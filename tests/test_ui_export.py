"""Export for the class on the debrief (game/ui/scenes/class_export.py) in a real window (SDL's
dummy driver): the three files (debrief.html, criteria.csv, replay.json) written into the
folder the teacher picks, and where said; from a hot-seat match (its turns worked out again
and checked) and from a class host's journal (the hook the teacher console's session offers);
what cannot be written is said in one line."""

from __future__ import annotations

import csv
import json
import shutil
import types
from pathlib import Path

import pygame
import pytest

from game.content import load_scenario
from game.report.class_debrief import CLASS_DEBRIEF_FILES
from game.report.class_export import class_exporter, default_folder
from game.report.replay import load_replay
from game.session.local import LocalMatch
from game.ui.scenes.class_export import ClassExportScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.replay import ReplaySession
from tests.host_thread import MINI
from tests.test_ui_replay import class_journal
from tests.uikit import click, find_button, frames, key, make_app

pytestmark = pytest.mark.slow  # opens a window


def finished_hot_seat(sandbox: Path) -> LocalMatch:
    """A hot-seat match of mini, castria played at the keyboard, played to its end; mini is
    one of the user's scenarios (the export finds it again by its id)."""
    user = sandbox / "data" / "scenarios"
    user.mkdir(parents=True, exist_ok=True)
    shutil.copy(MINI, user / "mini.json")
    local = LocalMatch.start(load_scenario(user / "mini.json"), ["castria"], seed=5)
    while not local.ended:
        legal = [o for o in local.legal("castria") if o.action != "choose"]
        local.add(legal[local.world.turn % len(legal)])
        local.submit("castria")
    return local


def test_export_writes_the_three_files_where_the_teacher_says(sandbox: Path) -> None:
    local = finished_hot_seat(sandbox)
    app = make_app()
    app.push(DebriefScene(app, local))
    frames(app)
    click(app, find_button(app, "Web page and replay"))
    scene = app.scene
    assert isinstance(scene, ClassExportScene)
    assert scene.entry.get_text().startswith(str(sandbox / "data" / "class-debriefs" / "mini-"))
    out = sandbox / "handout"
    scene.entry.set_text(str(out))
    click(app, find_button(app, "Write the files"))
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(CLASS_DEBRIEF_FILES)
    assert scene.status_ok and scene.status.startswith("Wrote debrief.html, criteria.csv")
    assert str(out) in scene.status

    # The files are the match's: the replay's worlds end on the match's, the CSV has a row a
    # turn, the page names the match.
    replay = load_replay(out / "replay.json")
    assert len(replay.turns) == len(local.reports) + 1
    last = replay.turns[-1].world
    assert last.model_dump(mode="json") == local.world.model_dump(mode="json")
    assert replay.seats == [{"seat": "castria", "people": True}]
    rows = list(csv.reader((out / "criteria.csv").open(encoding="utf-8")))
    assert len(rows) == 1 + len(local.world.history)
    page = (out / "debrief.html").read_text(encoding="utf-8")
    assert "<svg" in page and local.world.title in page

    # Back to the debrief by Escape.
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, DebriefScene)


def test_a_folder_that_cannot_be_written_is_said(sandbox: Path) -> None:
    local = finished_hot_seat(sandbox)
    blocker = sandbox / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    app = make_app()
    app.push(ClassExportScene(app, local.world, class_exporter(local)))
    frames(app)
    app.scene.entry.set_text(str(blocker / "sub"))
    assert app.scene.write() is None
    assert not app.scene.status_ok
    assert app.scene.status.startswith("Could not write the files:")
    assert blocker.read_text(encoding="utf-8") == "not a folder"  # nothing overwritten


def test_a_scenario_changed_since_the_match_is_refused(sandbox: Path) -> None:
    local = finished_hot_seat(sandbox)
    path = sandbox / "data" / "scenarios" / "mini.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["turns"] += 1  # edited since: the same orders no longer make the same worlds
    path.write_text(json.dumps(doc), encoding="utf-8")
    app = make_app()
    app.push(ClassExportScene(app, local.world, class_exporter(local)))
    frames(app)
    app.scene.entry.set_text(str(sandbox / "out"))
    assert app.scene.write() is None
    assert "has changed since this match was played" in app.scene.status
    assert not (sandbox / "out").exists()


def test_a_class_hosts_journal_is_exported_through_the_hook(sandbox: Path, tmp_path: Path) -> None:
    journal = class_journal(tmp_path)
    host_session = types.SimpleNamespace(class_journal=journal)  # what the console's offers
    export = class_exporter(host_session)
    assert export is not None
    files = export(tmp_path / "class")
    assert sorted(f.name for f in files) == sorted(CLASS_DEBRIEF_FILES)
    assert load_replay(tmp_path / "class" / "replay.json").turns[-1].world.ended


def test_no_class_export_for_a_replay_or_a_student(sandbox: Path, tmp_path: Path) -> None:
    from tests.test_ui_replay import main

    out = tmp_path / "o"
    assert main(["debrief", str(class_journal(tmp_path)), "--out", str(out)]) == 0
    replay = load_replay(out / "replay.json")
    session = ReplaySession(replay, len(replay.turns) - 1)
    assert class_exporter(session) is None
    app = make_app()
    app.push(DebriefScene(app, session))
    frames(app)
    assert app.scene.class_button is None
    assert default_folder(replay.turns[0].world).parent.name == "class-debriefs"


def test_the_consoles_end_opens_export_on_the_hosts_journal(sandbox: Path, tmp_path: Path):
    from game.ui.scenes.class_export import export_journal

    journal = class_journal(tmp_path)
    app = make_app()
    app.push(DebriefScene(app, ReplaySession(load_replay_of(journal, tmp_path), 0)))
    assert export_journal(app, journal) is None
    frames(app)
    scene = app.scene
    assert isinstance(scene, ClassExportScene)
    scene.entry.set_text(str(tmp_path / "handout"))
    assert [f.name for f in scene.write()] == list(CLASS_DEBRIEF_FILES)
    broken = tmp_path / "broken.continuum-journal"
    broken.write_bytes(b"not sqlite at all" * 10)
    why = export_journal(app, broken)
    assert why is not None and str(broken) in why


def load_replay_of(journal: Path, tmp_path: Path):
    from tests.test_ui_replay import main

    assert main(["debrief", str(journal), "--out", str(tmp_path / "r")]) == 0
    return load_replay(tmp_path / "r" / "replay.json")


def test_a_folder_typed_without_its_path_is_in_the_home_folder(
    sandbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    local = finished_hot_seat(sandbox)
    app = make_app()
    app.push(ClassExportScene(app, local.world, class_exporter(local)))
    frames(app)
    app.scene.entry.set_text("handout")
    assert app.scene.write() is not None
    assert (tmp_path / "home" / "handout" / "debrief.html").is_file()
    assert str(tmp_path / "home" / "handout") in app.scene.status
