"""A progress line for the command line: one line on a terminal, rewritten in place.

It is shown only when the stream is a terminal; piped or redirected output (a script, CI, a
file) gets nothing, so what a program reads stays exactly the result.
"""

from __future__ import annotations

import shutil
import sys
from typing import TextIO


class ProgressLine:
    """``show("checking kosovo.json (2 of 7)")`` rewrites the line; ``clear()`` erases it."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.active = bool(isatty and isatty())
        self._shown = False

    def show(self, message: str) -> None:
        if not self.active:
            return
        # Never wider than the terminal: a wrapped line cannot be rewritten in place.
        width = max(10, shutil.get_terminal_size((80, 24)).columns - 1)
        if len(message) > width:
            message = message[: width - 1] + "…"
        self.stream.write("\r\x1b[K" + message)
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self.active and self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False


def plural(count: int, one: str, many: str) -> str:
    """ "1 scenario", "6 scenarios": the count with the noun in the form it takes."""
    return f"{count} {one if count == 1 else many}"
