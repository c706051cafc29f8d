"""A line of text that ends within a few pixels of a text box's right edge, followed by a line
break, is followed by the next line, not by a blank one (pygame_gui gives a break 4 px of width
and put a break that did not fit on a row of its own: game/ui/gui_fixes.py). The debrief's
scores in Spanish at 200 % showed such a blank line under a goal that filled its line."""

from __future__ import annotations

import pygame
import pygame_gui

from tests.uikit import frames, make_app


def test_a_line_that_fills_its_row_is_followed_by_the_next_line() -> None:
    app = make_app()
    frames(app)
    at_the_edge = 0
    for n in range(1, 120):  # lines of growing length: some end within 4 px of the edge
        box = pygame_gui.elements.UITextBox(
            "mmm " + "i" * n + "<br>next", pygame.Rect(0, 0, 300, 200), app.manager
        )
        layout = box.text_box_layout
        rows = layout.layout_rows
        texts = ["".join(getattr(i, "text", "") or "" for i in r.items) for r in rows]
        last = texts.index("next")
        before = rows[last - 1]
        assert texts[last - 1].strip(), texts  # the line before "next" is text, not blank
        words = [i for i in before.items if getattr(i, "text", "")]
        if layout.layout_rect.right - words[-1].right < 4:
            at_the_edge += 1
        box.kill()
    assert at_the_edge >= 1  # the case was met
