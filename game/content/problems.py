"""What is wrong with a scenario file, and where: the value every checker reports."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
_PLAIN_KEY = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file. ``line`` and ``column`` are 1-based; ``path`` is where in the
    document, written like ``cards[2].options[0].effects[1].stat`` ("" for the whole file)."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    severity: Severity = "error"
    # How many problems this one stands for: more than 1 only for the last line of a long
    # report ("… and 1,200 more errors not shown"), so that totals stay true.
    count: int = 1

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.severity == "warning":
            parts.append("warning")
        if self.path:
            parts.append(self.path)
        parts.append(self.message)
        return ": ".join(parts)


class ScenarioError(Exception):
    """A scenario file could not be used; ``problems`` lists all that was found, not the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class Finding:
    """A problem before it is placed in a file: ``elems`` is its path as keys and indexes.

    ``source`` says which checker found it, so overlapping reports can be merged: "schema"
    (a field's own type or range), "model" (a model validator's sentence) or "reference".
    """

    elems: tuple[str | int, ...]
    message: str
    severity: Severity = "error"
    at_key: bool = False
    source: Literal["schema", "model", "reference", "geometry"] = "reference"
    # Another place the message is about (the first use of a duplicate id): the report says
    # which file and line it is at, when it is in another part.
    other: tuple[str | int, ...] | None = None
    # A finding with no message stands for ``count`` problems found past the cap on problems
    # kept: counted for "… and N more", never shown.
    count: int = 1


def format_path(elems: tuple[str | int, ...] | list[str | int]) -> str:
    """``("cards", 2, "options", 0)`` -> ``cards[2].options[0]``; odd keys are quoted."""
    out = ""
    for e in elems:
        if isinstance(e, int):
            out += f"[{e}]"
        elif _PLAIN_KEY.match(e):
            out += f".{e}" if out else e
        else:
            out += f"[{json.dumps(e, ensure_ascii=False)}]"
    return out
