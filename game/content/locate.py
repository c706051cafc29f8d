"""Where a path into a JSON document sits in its text: line and column for problem reports.

Only the requested paths are walked; every other value is stepped over by the C JSON scanner.
A report on a large file so costs about one parse. (``json_source_map`` maps every value in
pure Python: 13.6 s for a 4 MiB file of small lists, long enough to freeze the scenario menu.)
"""

from __future__ import annotations

import bisect
import contextlib
import json
import re
from json.decoder import scanstring

Elem = str | int
Elems = tuple[Elem, ...]
Trie = dict[Elem, "Trie"]

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class SourceMap:
    """Line and column (1-based) of places in one JSON text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._newlines: list[int] | None = None

    def locate(self, elems: Elems, at_key: bool = False) -> tuple[int | None, int | None]:
        return self.locate_all([(elems, at_key)])[0]

    def locate_all(self, wanted: list[tuple[Elems, bool]]) -> list[tuple[int | None, int | None]]:
        """For each (path, at_key): where its key (if asked and it has one) or its value starts.
        A path the document lacks (a missing field) gets its nearest existing parent."""
        trie: Trie = {}
        for elems, _ in wanted:
            node = trie
            for e in elems:
                node = node.setdefault(e, {})
        found: dict[Elems, tuple[int, int | None]] = {}
        # Not JSON after all? Answer with what was found before the fault.
        with contextlib.suppress(ValueError, IndexError):
            self._visit(self._ws(0), (), trie, found, None)
        return [self._answer(elems, at_key, found) for elems, at_key in wanted]

    def line_col(self, pos: int) -> tuple[int, int]:
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self._text)]
        line = bisect.bisect_left(self._newlines, pos)
        start = self._newlines[line - 1] + 1 if line else 0
        return line + 1, pos - start + 1

    def _answer(
        self, elems: Elems, at_key: bool, found: dict[Elems, tuple[int, int | None]]
    ) -> tuple[int | None, int | None]:
        for n in range(len(elems), -1, -1):
            if elems[:n] in found:
                value_pos, key_pos = found[elems[:n]]
                exact_key = at_key and n == len(elems) and key_pos is not None
                return self.line_col(key_pos if exact_key else value_pos)  # type: ignore[arg-type]
        return None, None

    def _ws(self, pos: int) -> int:
        return _WS.match(self._text, pos).end()  # type: ignore[union-attr]

    def _skip(self, pos: int) -> int:
        return _DECODER.raw_decode(self._text, pos)[1]

    def _visit(self, pos: int, elems: Elems, trie: Trie, found: dict, key_pos: int | None) -> int:
        """Record where the value at ``pos`` starts; walk into it only where ``trie`` leads.
        Returns the position just past the value. A repeated key keeps its last place."""
        found[elems] = (pos, key_pos)
        text = self._text
        if not trie or text[pos] not in "{[":
            return self._skip(pos)
        start = pos
        close = "}" if text[pos] == "{" else "]"
        # In a list, past the last index wanted the rest is skipped in one step (C speed).
        last = max((k for k in trie if isinstance(k, int)), default=-1) if close == "]" else -1
        pos = self._ws(pos + 1)
        index = 0
        while text[pos] != close:
            if close == "]" and index > last:
                return self._skip(start)
            k_pos: int | None = None
            key: Elem = index
            if close == "}":
                k_pos = pos
                key, pos = scanstring(text, pos + 1)
                pos = self._ws(pos)
                if text[pos] != ":":
                    raise ValueError("expected ':'")
                pos = self._ws(pos + 1)
            child = trie.get(key)
            if child is None:
                end = self._skip(pos)
            else:
                end = self._visit(pos, (*elems, key), child, found, k_pos)
            pos = self._ws(end)
            if text[pos] == ",":
                pos = self._ws(pos + 1)
            index += 1
        return pos + 1
