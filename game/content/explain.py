"""Pydantic's validation errors, re-worded for people who write scenario files.

Pydantic reports where a value failed as a ``loc`` tuple that also names the union branch it
tried (``('actors', 3, 'state', 'sovereignty')``); the file has no such key. Walking the loc
alongside the document keeps only the keys and indexes that are really there.
"""

from __future__ import annotations

import difflib
import json
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from .fields import (
    child,
    choose,
    declared_at,
    is_text,
    model_at,
    model_fields_by_key,
    tag_field,
)
from .locate import Elem
from .problems import Finding

_MISSING = object()
_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
_REF_PATTERN = r"^(\$[a-z_]+|[a-z][a-z0-9_]*)$"
_COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"
_LANG_PATTERN = r"^[a-z]{2}$"


def suggest(word: str, known: list[str] | tuple[str, ...] | set[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest known word, or nothing."""
    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def listing(words: list[str] | tuple[str, ...] | set[str], limit: int = 20) -> str:
    items = sorted(words)
    shown = ", ".join(items[:limit])
    return shown + (f", … ({len(items) - limit} more)" if len(items) > limit else "") or "none"


def describe(value: object) -> str:
    """A value as a short phrase: ``'abc'``, ``140``, ``null``, ``a list``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def number(x: object) -> str:
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return str(x)


def _branch_fits(tag: str, node: object) -> bool:
    """Whether a union branch pydantic tried (named by ``tag``) could describe ``node``."""
    if tag == "str" or tag.startswith("constrained-str"):
        return isinstance(node, str)
    if tag.startswith("dict["):
        return isinstance(node, dict)
    if tag.startswith(("list[", "tuple[")):
        return isinstance(node, list)
    if tag == "bool":
        return isinstance(node, bool)
    if tag == "int":
        return isinstance(node, int) and not isinstance(node, bool)
    if tag == "float":
        return isinstance(node, int | float) and not isinstance(node, bool)
    if tag == "none":
        return node is None
    return True


def _doc_path(
    loc: tuple, doc: object, root: type[BaseModel], missing: bool = False
) -> tuple[tuple[Elem, ...], bool, tuple[Elem, ...] | None, str]:
    """(path in the document, whether the error is about a key, where a union branch that
    cannot fit the value was followed (None if none was), that branch's name).

    The declared type is followed alongside, so a tag is recognised as a tag only where the
    model has a tagged union: a condition ``{"type": "flag", "flag": ...}`` has both.
    """
    node: object = doc
    tp: Any = root
    elems: list[Elem] = []
    entered = True
    union_at: tuple[Elem, ...] | None = None
    branch = ""
    at_key = False
    for i, part in enumerate(loc):
        if part == "[key]":
            at_key = True
            continue
        if node is _MISSING:
            elems.append(part)
            continue
        if isinstance(node, dict) and isinstance(part, str):
            disc = tag_field(tp) if entered else None
            if disc is not None and part == node.get(disc):
                entered = False
                continue
            if part in node:
                tp = _child_type(tp, node, part)
                node, entered = node[part], True
                elems.append(part)
                continue
            if missing and i == len(loc) - 1:
                elems.append(part)  # the field the document lacks
                node = _MISSING
                continue
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            tp = _child_type(tp, node, part)
            node, entered = node[part], True
            elems.append(part)
            continue
        if isinstance(part, str):
            # A union branch's name, not a key: keep walking from the same value.
            if union_at is None and not _branch_fits(part, node):
                union_at, branch = tuple(elems), part
            continue
        elems.append(part)
        node = _MISSING
    return tuple(elems), at_key, union_at, branch


def _child_type(tp: Any, node: object, key: Elem) -> Any:
    concrete = choose(tp, node) if tp is not None else None
    return child(concrete, key) if concrete is not None else None


def _name(elems: tuple[Elem, ...]) -> str:
    return elems[-1] if elems and isinstance(elems[-1], str) else "the value"


def _expected(ctx: dict) -> list[str]:
    expected = str(ctx.get("expected", ""))
    return re.findall(r"'([^']*)'", expected) or [expected]


def _pattern_message(pattern: str, value: object, name: str, at_key: bool) -> str:
    if at_key and pattern == _LANG_PATTERN:
        return f"{describe(value)} is not a two-letter language code such as 'en' or 'es'"
    if pattern == _ID_PATTERN:
        return (
            f"{describe(value)} is not a valid id: use lower-case letters, digits and "
            "underscores, starting with a letter"
        )
    if pattern == _REF_PATTERN:
        return (
            f"{describe(value)} is not an id or a binding: use lower-case letters, digits and "
            "underscores, or a binding such as '$target'"
        )
    if pattern == _COLOR_PATTERN:
        return f"{name} must be a colour written like '#3b6fb6', got {describe(value)}"
    return f"{name} must match the pattern {pattern}, got {describe(value)}"


def _message(err: dict, elems: tuple[Elem, ...], root: type[BaseModel], doc: object) -> str:
    kind = err["type"]
    ctx: dict[str, Any] = err.get("ctx") or {}
    value = err.get("input")
    name = _name(elems)
    at_key = "[key]" in err["loc"]
    if kind == "missing":
        if elems and isinstance(elems[-1], int):
            return f"item [{elems[-1]}] is missing"
        return f"missing required field {elems[-1]!r}" if elems else "missing"
    if kind == "extra_forbidden":
        model = model_at(root, doc, elems[:-1])
        known = list(model_fields_by_key(model)) if model else []
        hint = suggest(str(elems[-1]), known)
        if not hint and known:
            hint = f"; known fields: {listing(known, 40)}"
        return f"unknown field {elems[-1]!r}{hint}"
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        words = {
            "less_than_equal": ("at most", "le"),
            "greater_than_equal": ("at least", "ge"),
            "less_than": ("less than", "lt"),
            "greater_than": ("more than", "gt"),
        }[kind]
        return f"{name} must be {words[0]} {number(ctx.get(words[1]))}, got {describe(value)}"
    if kind == "string_too_short":
        n = ctx.get("min_length", 1)
        if n == 1:
            return f"{name} must not be empty"
        return f"{name} must have at least {n} characters"
    if kind == "string_too_long":
        return (
            f"{name} must be at most {ctx.get('max_length')} characters long, got {len(str(value))}"
        )
    if kind == "string_pattern_mismatch":
        return _pattern_message(str(ctx.get("pattern")), value, name, at_key)
    if kind in ("too_short", "too_long"):
        got = ctx.get("actual_length")
        if kind == "too_short":
            least = ctx.get("min_length")
            return f"{name} must have at least {least} item{'' if least == 1 else 's'}, got {got}"
        if ctx.get("field_type") == "Tuple":
            return f"{name} must have exactly {ctx.get('max_length')} items, got {got}"
        return f"{name} must have at most {ctx.get('max_length')} items, got {got}"
    if kind in ("literal_error", "enum"):
        options = _expected(ctx)
        what = "key" if at_key else name
        quoted = "'" in str(ctx.get("expected", ""))
        shown = ", ".join(repr(o) if quoted else o for o in options)
        return f"{what} must be one of {shown}; got {describe(value)}" + (
            suggest(value, options) if isinstance(value, str) else ""
        )
    if kind == "union_tag_invalid":
        disc = str(ctx.get("discriminator", "type")).strip("'")
        tags = _expected({"expected": ctx.get("expected_tags", "")})
        tag = value.get(disc) if isinstance(value, dict) else ctx.get("tag")
        if not isinstance(tag, str):
            return f"{disc} must be one of: {', '.join(tags)}; got {describe(tag)}"
        return f"unknown {disc} {tag!r}{suggest(tag, tags)}; expected one of: {', '.join(tags)}"
    if kind == "union_tag_not_found":
        disc = str(ctx.get("discriminator", "type")).strip("'")
        return f"missing required field {disc!r}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(value, float) and value.is_integer():
            return (
                f"{name} must be a whole number written without a point: {value:g}, not {value!r}"
            )
        return f"{name} must be a whole number, {_not_quoted(value)}"
    if kind in ("float_type", "float_parsing", "finite_number"):
        return f"{name} must be a number, {_not_quoted(value)}"
    if kind in ("string_type", "string_unicode"):
        return f"{name} must be a string in double quotes, got {describe(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"{name} must be true or false, {_not_quoted(value)}"
    if kind in ("list_type", "tuple_type", "iterable_type"):
        return f"{name} must be a list [ … ], got {describe(value)}"
    if kind in ("dict_type", "model_type", "model_attributes_type", "dataclass_type"):
        return f"{name} must be an object {{ … }}, got {describe(value)}"
    if kind == "none_required":
        return f"{name} must be null, got {describe(value)}"
    if kind == "value_error":
        error = ctx.get("error")
        return str(error) if error is not None else str(err.get("msg"))
    return str(err.get("msg", "is not valid"))


def _not_quoted(value: object) -> str:
    """How a wrong value for a number or true/false is said: a quoted one is told to lose
    its quotes ("140" is text in JSON, and the schema refuses it as every editor does)."""
    if isinstance(value, str) and len(value) <= 40:
        return f"not the text {json.dumps(value, ensure_ascii=False)}: remove the quotes"
    return f"got {describe(value)}"


def _union_message(elems: tuple[Elem, ...], branches: list[str], root: type, doc: object) -> str:
    node = _value_at(doc, elems)
    name = _name(elems)
    if is_text(declared_at(root, doc, elems)):
        return (
            f"{name} must be a string, or translations like "
            f'{{"en": "…", "es": "…"}}; got {describe(node)}'
        )
    words = {
        "str": "a string",
        "int": "a whole number",
        "float": "a number",
        "bool": "true or false",
    }
    kinds = []
    for b in branches:
        w = words.get(b) or ("an object" if b.startswith("dict[") else None)
        w = w or ("a list" if b.startswith(("list[", "tuple[")) else b)
        if w not in kinds:
            kinds.append(w)
    return f"{name} must be {' or '.join(kinds)}, got {describe(node)}"


def _value_at(doc: object, elems: tuple[Elem, ...]) -> object:
    node = doc
    for e in elems:
        try:
            node = node[e]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return node


def explain(
    error: ValidationError, doc: object, root: type[BaseModel], limit: int | None = None
) -> list[Finding]:
    """Each of pydantic's errors as a Finding with the document path and plain words; with
    ``limit``, only the first ``limit`` errors are worded (the rest are counted, each as a
    bare finding at the document's root, so a caller can say how many more there were)."""
    plain: list[Finding] = []
    mismatched: dict[tuple[Elem, ...], list[str]] = {}
    errors = error.errors(include_url=False)
    if limit is not None and len(errors) > limit:
        rest = len(errors) - limit
        errors = errors[:limit]
    else:
        rest = 0
    for err in errors:
        loc = tuple(err["loc"])
        missing = err["type"] == "missing"
        elems, at_key, union_at, branch = _doc_path(loc, doc, root, missing)
        if union_at is not None:
            # Pydantic tried a branch of a union that cannot fit this value (the string branch
            # of a text given as a table, say); say once what the value may be instead.
            mismatched.setdefault(union_at, []).append(branch)
            continue
        source = "model" if err["type"] == "value_error" else "schema"
        if err["type"] == "union_tag_invalid":
            elems = (*elems, str((err.get("ctx") or {}).get("discriminator", "")).strip("'"))
        at_key = at_key or err["type"] == "extra_forbidden"
        message = _message(err, elems, root, doc)
        plain.append(Finding(elems, message, at_key=at_key, source=source))
    for union_at, branches in mismatched.items():
        if not any(f.elems[: len(union_at)] == union_at for f in plain):
            message = _union_message(union_at, branches, root, doc)
            plain.append(Finding(union_at, message, source="schema"))
    found = _dedupe(plain)
    # Unworded errors: counted by the report's "… and N more", never shown.
    return found + ([Finding((), "", source="schema", count=rest)] if rest else [])


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[tuple[Elem, ...], str]] = set()
    out = []
    for f in findings:
        if (f.elems, f.message) not in seen:
            seen.add((f.elems, f.message))
            out.append(f)
    return out
