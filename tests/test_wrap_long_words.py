"""A long unbroken word (a 4,000-character title) is wrapped or shortened in near-linear work:
the old character-at-a-time trimming measured O(n^2) prefixes (43 s of CPU at 4,000). Counted
in measurements, not timed."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame
import pytest

from game.ui.scenes.menu import clip
from game.ui.widgets import wrap
from game.ui.widgets.text_fit import ellipsized, fitting_prefix


class CountingFont:
    """A real font that counts the characters it measures."""

    def __init__(self) -> None:
        pygame.font.init()
        self.font = pygame.font.Font(None, 20)
        self.measured = 0

    def size(self, text: str) -> tuple[int, int]:
        self.measured += len(text)
        return self.font.size(text)


@pytest.mark.parametrize("n", [400, 4000])
def test_a_long_word_wraps_whole_in_near_linear_work(n: int) -> None:
    font = CountingFont()
    word = "x" * n
    lines = wrap(word, font, 300)  # type: ignore[arg-type]
    assert "".join(lines) == word  # nothing cut off
    assert all(font.font.size(line)[0] <= 300 for line in lines)
    assert font.measured < 40 * n  # the old trimming measured about n^2 / 4 characters


def test_shortening_measures_little_and_fits() -> None:
    font = CountingFont()
    text = "y" * 4000
    short = ellipsized(text, font, 300)  # type: ignore[arg-type]
    assert short.endswith("…") and font.font.size(short)[0] <= 300
    assert font.measured < 20_000
    assert font.font.size(clip(text, font.font, 300))[0] <= 300


def test_the_longest_fitting_prefix_is_the_longest() -> None:
    font = CountingFont()
    for text in ("", "a", "word", "z" * 500):
        n = fitting_prefix(text, font, 100)  # type: ignore[arg-type]
        assert font.font.size(text[:n])[0] <= 100
        if n < len(text):
            assert font.font.size(text[: n + 1])[0] > 100


@pytest.mark.parametrize("size", ["1280x720", "2560x1440"])
def test_a_4000_character_title_leaves_the_debrief_its_charts(tmp_path, size: str) -> None:
    """The debrief's header takes at most two lines, however long the title (it used to push the
    charts to a negative height: "Invalid resolution for Surface")."""
    import json
    from pathlib import Path

    from game.cli import main

    doc = json.loads((Path(__file__).parent.parent / "scenarios" / "sandbox.json").read_text())
    doc.update(id="long_title", title="W" * 4000, turns=2)
    scenario = tmp_path / "long.json"
    scenario.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "debrief.png"
    args = ["snapshot", str(scenario), "--out", str(out), "--turns", "2", "--screen", "debrief"]
    assert main([*args, "--size", size]) == 0
    assert pygame.image.load(str(out)).get_size() == tuple(int(v) for v in size.split("x"))
