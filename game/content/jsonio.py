"""Reading JSON that someone else wrote: hard limits first, then a strict parse.

Scenario files and saves come from people and from disks, so a file may be huge, nested ten
thousand deep, written with duplicate keys or ``NaN``, cut short, or not text at all. Each of
those becomes a ``JsonReadError`` naming the line and column; nothing here ever evaluates code
and nothing recurses on the file's nesting before its depth has been checked.
"""

from __future__ import annotations

import json
import math
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from .locate import Elem, SourceMap

MIB = 1024 * 1024
MAX_DEPTH = 64
# Longer integers are never a real value here, and Python refuses very long ones anyway.
MAX_INT_DIGITS = 40

# A JSON string literal, escapes included (the "unrolled loop" form: linear, no backtracking).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
# Escapes that can decode to a character no screen can show: worth a closer look when present.
_SUSPECT_ESCAPE = re.compile(r"\\u(?:[dD][89a-fA-F][0-9a-fA-F]{2}|0000)")


@dataclass(frozen=True)
class JsonIssue:
    message: str
    line: int | None = None
    column: int | None = None
    elems: tuple[Elem, ...] = ()


@dataclass
class JsonReadError(Exception):
    issues: list[JsonIssue] = field(default_factory=list)

    def __str__(self) -> str:
        return "; ".join(i.message for i in self.issues)


def _fail(message: str, line: int | None = None, column: int | None = None) -> JsonReadError:
    return JsonReadError([JsonIssue(message, line, column)])


def line_col(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def not_a_file(path: Path) -> str:
    """What ``path`` is when it exists but is not a regular file ("a folder", "a named pipe
    (FIFO)", "a device", "a socket"), else "". Opening a pipe to read waits for a writer
    forever, so nothing is opened before this says it is a file. Raises what ``stat`` raises."""
    mode = path.stat().st_mode
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing folders, unreadable files and anything over ``max_bytes``."""
    try:
        kind = not_a_file(path)
        if kind:
            raise _fail(f"is {kind}, not a file")
        with path.open("rb") as f:
            # Read one byte past the limit rather than trusting the size the disk reports.
            raw = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise _fail("no such file") from None
    except OSError as e:
        raise _fail(f"cannot be read: {e.strerror or e}") from None
    if len(raw) > max_bytes:
        raise _fail(f"is larger than the {max_bytes // MIB} MiB limit")
    return raw


def decode_text(raw: bytes) -> str:
    """UTF-8 text (a leading byte-order mark, as some Windows editors write, is dropped)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail("is UTF-16 text; save it as UTF-8", 1, 1)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        before = raw[: e.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise _fail(
            f"is not UTF-8 text (byte 0x{raw[e.start]:02x} cannot be read); save it as UTF-8",
            line,
            column,
        ) from None


class _Reject(Exception):
    """Raised from the parser's hooks: ``token`` is the text to point at."""

    def __init__(self, message: str, token: str) -> None:
        super().__init__(message)
        self.token = token


def _reject_constant(name: str) -> float:
    raise _Reject(f"{name} is not allowed: JSON numbers must be finite", name)


def _parse_float(s: str) -> float:
    f = float(s)
    if not math.isfinite(f):
        raise _Reject(f"the number {s[:24]} is too large", s)
    return f


def _parse_int(s: str) -> int:
    if len(s.lstrip("-")) > MAX_INT_DIGITS:
        raise _Reject(f"the number {s[:24]}… has more than {MAX_INT_DIGITS} digits", s)
    return int(s)


def _mask_strings(text: str) -> str:
    """The text with every string's contents blanked, so brackets and words inside strings
    are not mistaken for structure. Offsets are unchanged."""
    return _STRING.sub(lambda m: '"' + " " * (len(m.group()) - 2) + '"', text)


def _check_depth(text: str, masked: str, max_depth: int) -> None:
    brackets = _NOT_BRACKETS.sub("", masked)
    if not brackets:
        return
    steps = (1 if c in "[{" else -1 for c in brackets)
    if max(accumulate(steps)) <= max_depth:
        return
    depth = 0
    for m in _BRACKETS.finditer(masked):
        depth += 1 if m.group() in "[{" else -1
        if depth > max_depth:
            raise _fail(f"is nested more than {max_depth} levels deep", *line_col(text, m.start()))


def _explain_decode_error(text: str, e: json.JSONDecodeError) -> JsonReadError:
    at_end = e.pos >= len(text.rstrip())
    char = text[e.pos] if e.pos < len(text) else ""
    msg = e.msg
    if msg.startswith("Unterminated string"):
        words = "a string is never closed (it starts here); is the file cut short?"
    elif at_end:
        words = "the file ends too early; is it cut short?"
    elif msg == "Extra data":
        words = "unexpected text after the end of the document"
    elif msg.startswith("Invalid control character"):
        words = r"a line break or control character inside a string; write \n instead"
    elif msg.startswith("Expecting property name") and char == "}":
        words = "a comma before '}' has nothing after it; remove it"
    elif msg.startswith("Expecting property name"):
        words = "expected a key in double quotes"
    elif msg == "Expecting value" and char == "]":
        words = "a comma before ']' has nothing after it; remove it"
    elif msg == "Expecting value" and char == "'":
        words = "strings need double quotes, not single quotes"
    elif msg == "Expecting value":
        words = "expected a value: a string, a number, an object, a list, true, false or null"
    else:
        words = msg[0].lower() + msg[1:]
    return _fail(f"not valid JSON: {words}", e.lineno, e.colno)


def _walk(doc: object) -> Iterator[tuple[tuple[Elem, ...], object]]:
    """Every value in the document with its path, without recursion."""
    stack: list[tuple[tuple[Elem, ...], object]] = [((), doc)]
    while stack:
        elems, node = stack.pop()
        yield elems, node
        if isinstance(node, dict):
            stack.extend(((*elems, k), v) for k, v in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend(((*elems, i), v) for i, v in reversed(list(enumerate(node))))


def _unshowable(s: str) -> str | None:
    if "\x00" in s:
        return "contains a NUL character (\\u0000)"
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return "contains half of a UTF-16 surrogate pair, which is not a character"
    return None


def parse_json(
    text: str,
    *,
    max_depth: int = MAX_DEPTH,
    check_text: bool = True,
    max_values: int | None = None,
) -> object:
    """Parse strictly: depth, duplicate keys, non-finite numbers and (with ``check_text``)
    characters no screen can show are all errors, reported with line and column. With
    ``max_values``, a text holding more values than that is refused before it is parsed
    (counted from its commas and brackets: a million empty objects cost no parse)."""
    if not text.strip():
        raise _fail("is empty", 1, 1)
    masked = _mask_strings(text)
    if max_values is not None:
        values = masked.count(",") + masked.count("[") + masked.count("{")
        if values > max_values:
            raise _fail(
                f"holds more than {max_values:,} values (objects, lists, strings and numbers): "
                f"about {values:,}; the largest shipped scenario holds under 10,000"
            )
    _check_depth(text, masked, max_depth)

    duplicates: list[tuple[dict, str]] = []

    def pairs(items: list[tuple[str, object]]) -> dict:
        obj: dict = {}
        for k, v in items:
            if k in obj:
                duplicates.append((obj, k))
            obj[k] = v
        return obj

    try:
        doc = json.loads(
            text,
            object_pairs_hook=pairs,
            parse_constant=_reject_constant,
            parse_float=_parse_float,
            parse_int=_parse_int,
        )
    except _Reject as r:
        found = re.search(r"(?<![\w.+-])" + re.escape(r.token) + r"(?![\w.])", masked)
        line, column = line_col(text, found.start()) if found else (None, None)
        raise _fail(str(r), line, column) from None
    except json.JSONDecodeError as e:
        raise _explain_decode_error(text, e) from None
    except RecursionError:  # the depth check should make this impossible; stay clean anyway
        raise _fail(f"is nested more than {max_depth} levels deep") from None
    except ValueError as e:
        raise _fail(f"not valid JSON: {e}") from None

    places: list[tuple[tuple[Elem, ...], str, bool]] = []  # (path, message, at its key)
    if duplicates:
        owners: dict[int, list[str]] = {}
        for obj, key in duplicates:
            owners.setdefault(id(obj), []).append(key)
        for elems, node in _walk(doc):
            for key in owners.get(id(node), []) if isinstance(node, dict) else []:
                message = f"duplicate key {key!r}: a key may appear only once in an object"
                places.append(((*elems, key), message, True))
    if check_text and _SUSPECT_ESCAPE.search(text):
        for elems, node in _walk(doc):
            keys = list(node) if isinstance(node, dict) else []
            for s, at_key, where in [(k, True, (*elems, k)) for k in keys] + [(node, False, elems)]:
                why = _unshowable(s) if isinstance(s, str) else None
                if why:
                    places.append((where, f"text {why}", at_key))
    spots = SourceMap(text).locate_all([(where, at_key) for where, _, at_key in places])
    issues = [JsonIssue(m, *spot, where) for (where, m, _), spot in zip(places, spots, strict=True)]
    if issues:
        raise JsonReadError(issues)
    return doc
