"""A dialog whose message holds a word wider than the dialog (a long file path with no spaces,
as when a file deep in a folder tree cannot be opened) shows it broken over lines, whole, at
100 % and 200 %: pygame_gui's own layout raised "Row longer than layout" on such a word, so the
player saw a crash instead of the message."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ui.scenes.menu import MainMenu
from tests.uikit import frames, make_app

PATH = "/home/" + "/".join(f"a-rather-long-folder-name-{i:02d}" for i in range(12)) + "/replay.json"


@pytest.mark.parametrize("scale", [100, 200])
def test_a_word_wider_than_the_dialog_is_shown_whole(sandbox: Path, scale: int) -> None:
    app = make_app(ui_scale=scale)
    menu = MainMenu(app)
    app.push(menu)
    frames(app)
    text = f"This file cannot be watched: {PATH} is not JSON."
    menu.tell("Watch a replay", text)
    frames(app)
    assert menu.modal is not None
    shown = menu.modal.body.html_text
    assert "\n" in shown  # the path was broken over lines
    assert shown.replace("\n", "").replace(" ", "") == text.replace(" ", "")  # nothing lost
