"""A fix to pygame_gui's text layout, applied once when the UI is imported.

pygame_gui gives a line break 4 px of width; where a line of text ends within 4 px of the text
box's right edge, the break does not fit, and the layout puts it on a row of its own: a blank
line appears between two lines of the message (the debrief's scores in Spanish at 200 % showed
one under a goal that happened to fill its line). A line break only ends its row: where it
would pass the edge it is narrowed to the room left.
"""

from __future__ import annotations

from pygame_gui.core.text.text_box_layout import TextBoxLayout

_handle_line_break_rect = TextBoxLayout._handle_line_break_rect


def _line_break_ends_its_row(self, current_row, line_break_layout_rect):  # type: ignore[no-untyped-def]
    room = self.layout_rect.right - line_break_layout_rect.left
    if 0 <= room < line_break_layout_rect.width:
        line_break_layout_rect.width = room
    return _handle_line_break_rect(self, current_row, line_break_layout_rect)


if not getattr(TextBoxLayout, "_continuum_line_break", False):
    TextBoxLayout._handle_line_break_rect = _line_break_ends_its_row
    TextBoxLayout._continuum_line_break = True
