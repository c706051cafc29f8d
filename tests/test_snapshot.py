"""`continuum snapshot`'s engine: a screen rendered headlessly to a PNG after AI turns."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.ui.settings import Settings
from game.ui.snapshot import SnapshotError, snapshot

MINI = Path(__file__).parent / "fixtures" / "mini.json"


def _colours(path: Path) -> int:
    image = pygame.image.load(str(path))
    w, h = image.get_size()
    seen = {tuple(image.get_at((x, y)))[:3] for x in range(0, w, 16) for y in range(0, h, 16)}
    return len(seen)


def test_kosovo_after_two_turns(tmp_path):
    out = snapshot("kosovo", tmp_path / "k.png", turns=2, seed=3)
    assert out == tmp_path / "k.png"
    assert out.stat().st_size > 10_000
    assert pygame.image.load(str(out)).get_size() == (1280, 720)
    assert _colours(out) > 50  # a real picture, not one colour


def test_other_size_and_scale(tmp_path):
    out = snapshot(MINI, tmp_path / "m.png", size=(1600, 900), settings=Settings(ui_scale=200))
    assert pygame.image.load(str(out)).get_size() == (1600, 900)
    assert _colours(out) > 20


def test_same_match_same_picture(tmp_path):
    a = snapshot(MINI, tmp_path / "a.png", turns=1, seed=5)
    b = snapshot(MINI, tmp_path / "b.png", turns=1, seed=5)
    assert a.read_bytes() == b.read_bytes()


def test_report_screen(tmp_path):
    out = snapshot(MINI, tmp_path / "r.png", turns=1, screen="report")
    assert _colours(out) > 10


def test_report_needs_a_turn(tmp_path):
    with pytest.raises(SnapshotError, match="at least one turn"):
        snapshot(MINI, tmp_path / "r.png", turns=0, screen="report")


def test_debrief_screen(tmp_path):
    out = snapshot(MINI, tmp_path / "d.png", turns=2, screen="debrief")
    assert _colours(out) > 10


def test_unknown_screen(tmp_path):
    with pytest.raises(SnapshotError, match="unknown screen"):
        snapshot(MINI, tmp_path / "x.png", screen="lobby")


def test_a_missing_folder_is_refused_and_not_created(tmp_path):
    # Called from code as from the command line: the same refusal, and nothing is made.
    with pytest.raises(SnapshotError, match=r"does not exist \(create it first\)"):
        snapshot(MINI, tmp_path / "sub" / "deeper" / "m.png")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(SnapshotError, match="this is a folder"):
        snapshot(MINI, tmp_path)
