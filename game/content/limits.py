"""Cheap limits, checked before any full walk of a scenario: validation costs what a file is
worth.

A file under the 4 MiB limit can still hold a million empty actors or trees of conditions that
take seconds to check on every load. Each limit here is counted in time proportional to the
limit itself (lengths are read, walks stop as soon as a count passes its limit), so a hostile
file is refused in a fraction of a second with one message a limit. The limits are generous:
the largest shipped scenario uses a tenth or less of each (docs/authoring.md lists them).
"""

from __future__ import annotations

from typing import Any

from annotated_types import MaxLen

from game.engine.scenario import Scenario

from .locate import Elem
from .problems import Finding

# Every value in the assembled scenario: objects, lists, strings, numbers (kosovo has 8,500).
MAX_VALUES = 200_000
# Conditions, counting each one inside an "any" or a "not": in one trigger or "when" list, in
# the whole scenario, and how deep "any" and "not" may nest inside each other.
MAX_CONDITIONS_PER_LIST = 64
MAX_CONDITIONS = 4_000
MAX_CONDITION_DEPTH = 8
# Problems kept for one scenario: after these, the rest are only counted.
MAX_PROBLEMS = 200


def _max_len(field: Any) -> int | None:
    return next((m.max_length for m in field.metadata if isinstance(m, MaxLen)), None)


# The top-level lists and their lengths, read off the model so the two never drift apart.
LIST_LIMITS: dict[str, int] = {
    (f.alias or name): n
    for name, f in Scenario.model_fields.items()
    if (n := _max_len(f)) is not None and name not in ("schema_", "id", "title", "summary")
}


def check_limits(doc: object) -> list[Finding]:
    """What in ``doc`` passes a limit (empty if nothing does). Runs in time bounded by the
    limits, whatever the size of the document."""
    if not isinstance(doc, dict):
        return []
    findings: list[Finding] = []
    for key, limit in LIST_LIMITS.items():
        value = doc.get(key)
        if isinstance(value, list) and len(value) > limit:
            findings.append(
                Finding(
                    (key,),
                    f"{len(value):,} {key.replace('_', ' ')}: a scenario may have at most "
                    f"{limit:,}",
                    source="schema",
                )
            )
    if findings:
        return findings  # the lists are too long to walk cheaply
    findings += _condition_limits(doc)
    if not findings and _count_values(doc, MAX_VALUES) > MAX_VALUES:
        findings.append(
            Finding(
                (),
                f"the scenario holds more than {MAX_VALUES:,} values (objects, lists, strings "
                "and numbers); the largest shipped one holds under 10,000. Is a list repeated?",
                source="schema",
            )
        )
    return findings


def _count_values(doc: object, stop_after: int) -> int:
    """How many values ``doc`` holds, counting no further than just past ``stop_after``."""
    count = 0
    stack = [doc]
    while stack:
        node = stack.pop()
        count += 1
        if count > stop_after:
            break
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return count


def _condition_lists(doc: dict) -> list[tuple[tuple[Elem, ...], object]]:
    """Every list of conditions in the scenario: card triggers, goals, end conditions."""
    found: list[tuple[tuple[Elem, ...], object]] = []

    def items(key: str) -> list[tuple[int, dict]]:
        seq = doc.get(key)
        return (
            [(i, x) for i, x in enumerate(seq) if isinstance(x, dict)]
            if isinstance(seq, list)
            else []
        )

    for i, card in items("cards"):
        found.append((("cards", i, "trigger"), card.get("trigger")))
    for i, mission in items("missions"):
        for part in ("goals", "secret"):
            goals = mission.get(part)
            if isinstance(goals, list):
                for j, goal in enumerate(goals[:64]):
                    if isinstance(goal, dict):
                        found.append((("missions", i, part, j, "when"), goal.get("when")))
    for i, end in items("end_conditions"):
        found.append((("end_conditions", i, "when"), end.get("when")))
    return found


def _condition_limits(doc: dict) -> list[Finding]:
    findings: list[Finding] = []
    total = 0
    for where, conditions in _condition_lists(doc):
        if not isinstance(conditions, list):
            continue
        count, depth = _measure(conditions, MAX_CONDITIONS_PER_LIST, MAX_CONDITION_DEPTH)
        if depth > MAX_CONDITION_DEPTH:
            findings.append(
                Finding(
                    where,
                    f"'any' and 'not' nest more than {MAX_CONDITION_DEPTH} deep here; write "
                    "the conditions flatter",
                    source="schema",
                )
            )
        elif count > MAX_CONDITIONS_PER_LIST:
            findings.append(
                Finding(
                    where,
                    f"more than {MAX_CONDITIONS_PER_LIST} conditions here, counting those "
                    "inside 'any' and 'not'; the game checks them on every turn",
                    source="schema",
                )
            )
        total += count
        if total > MAX_CONDITIONS:
            findings.append(
                Finding(
                    where,
                    f"the scenario's conditions come to more than {MAX_CONDITIONS:,} here "
                    "(triggers, goals and end conditions together, counting those inside "
                    "'any' and 'not')",
                    source="schema",
                )
            )
            break
        if len(findings) >= 20:
            break
    return findings


def _measure(conditions: list, max_count: int, max_depth: int) -> tuple[int, int]:
    """(conditions counted, deepest nesting of any/not), stopping once either passes."""
    count = 0
    deepest = 0
    stack: list[tuple[object, int]] = [(c, 1) for c in conditions[: max_count + 1]]
    while stack:
        node, depth = stack.pop()
        if not isinstance(node, dict):
            continue
        count += 1
        deepest = max(deepest, depth)
        if count > max_count or deepest > max_depth:
            break
        inner = node.get("conditions")
        if isinstance(inner, list):
            stack.extend((c, depth + 1) for c in inner[: max_count + 1])
        one = node.get("condition")
        if one is not None:
            stack.append((one, depth + 1))
    return count, deepest
