"""The menus list the scenarios each time New match or Host a class opens: ~0.75 s of checking
for the shipped ones on a quiet machine, over 15 s once on a busy one. What a listing found is
kept for the run, and a file is checked again only when its bytes, or a part it includes, have
changed; the main menu starts the first listing on a worker thread as it opens."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.content import list_scenarios
from game.content.loader import warm_listing

MINI = Path(__file__).parent / "fixtures" / "mini.json"


def _write(path: Path, value: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def _mine(ident: str):
    (entry,) = [e for e in list_scenarios() if not e.shipped and e.path.stem == ident]
    return entry


@pytest.fixture
def user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user"
    monkeypatch.setattr("game.paths.user_scenarios_dir", lambda: folder)
    return folder


def test_an_unchanged_file_is_not_checked_again(user: Path) -> None:
    _write(user / "mine.json", {**json.loads(MINI.read_text(encoding="utf-8")), "id": "mine"})
    first = _mine("mine")
    assert first.ok and first.scenario is not None
    again = _mine("mine")
    assert again.scenario is first.scenario  # what the first listing checked, kept
    shipped = [e for e in list_scenarios() if e.shipped]
    assert len(shipped) == 13 and all(e.ok for e in shipped)


def test_a_file_edited_since_is_checked_again_even_with_its_old_size_and_time(
    user: Path,
) -> None:
    doc = {**json.loads(MINI.read_text(encoding="utf-8")), "id": "mine"}
    path = _write(user / "mine.json", doc)
    assert _mine("mine").ok
    stamp = path.stat()
    text = path.read_text(encoding="utf-8")
    broken = text.replace('"id": "mine"', '"id": "MINE"', 1)  # an id in capitals: refused
    assert broken != text and len(broken) == len(text)
    path.write_text(broken, encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # as if never touched
    assert path.stat().st_size == stamp.st_size
    edited = _mine("mine")
    assert not edited.ok and edited.problems  # the new bytes were read and found wrong
    path.write_text(text, encoding="utf-8")
    assert _mine("mine").ok


def test_a_part_edited_since_is_checked_again(user: Path) -> None:
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    part = _write(user / "parts" / "map.json", doc["regions"])
    _write(user / "mine.json", {**doc, "id": "mine", "regions": {"$include": "parts/map.json"}})
    first = _mine("mine")
    assert first.ok
    part.write_text("[", encoding="utf-8")  # the part broken: the scenario cannot be assembled
    assert not _mine("mine").ok
    part.unlink()  # the part gone
    assert not _mine("mine").ok
    _write(part, doc["regions"])
    back = _mine("mine")
    assert back.ok and back.scenario is not first.scenario


def test_the_warm_up_lists_on_a_worker_thread_and_the_menu_then_waits_for_it(user: Path) -> None:
    _write(user / "mine.json", {**json.loads(MINI.read_text(encoding="utf-8")), "id": "mine"})
    warm_listing()
    warm_listing()  # once a run: a second call starts nothing
    entry = _mine("mine")  # waits for the warm-up rather than checking beside it
    assert entry.ok
    assert _mine("mine").scenario is entry.scenario
