"""The findings' sentences: figures and ranges in words, and why a card or end condition never
held: the conditions that never held on their own, with the nearest value seen; or that each held
but never all together; or that the card's target never named an actor."""

from __future__ import annotations

from game.engine import vocabulary as V
from game.engine.conditions import in_range
from game.engine.model import Arrangement

from ..locate import Elems
from .figures import RANGES
from .watch import Watch

_STATUS_WORDS = {"sanctioned": "under sanctions", "indicted": "indicted", "arrested": "arrested"}


def explain(watch: Watch, at: Elems, field: str, flags_set: set[str]) -> tuple[Elems, str]:
    """Where to point (under ``at``, the card or end condition) and why ``watch`` never held."""
    never = [k for k, ok in enumerate(watch.alone) if not ok]
    if len(never) == 1:
        return (*at, field, never[0]), _why(watch, watch.conds[never[0]], (never[0],), flags_set)
    if never:
        return (*at, field), "; ".join(
            f"condition {k + 1} of {len(watch.conds)}: "
            + _why(watch, watch.conds[k], (k,), flags_set)
            for k in never
        )
    if not watch.trigger_held:
        return (*at, field), (
            f"each of its {len(watch.conds)} conditions held at some time, but never all "
            f"together (at most {watch.most} at once)"
        )
    return (*at, "target"), (
        f"its trigger held, but its target {watch.target!r} never named an actor that "
        "existed at the time"
    )


def _why(watch: Watch, cond: V.Condition, path: tuple[int, ...], flags_set: set[str]) -> str:
    if cond.type in RANGES:
        return _why_range(watch, cond, path, flags_set)
    if isinstance(cond, V.AnyOf):
        parts = [_why(watch, c, (*path, m), flags_set) for m, c in enumerate(cond.conditions)]
        if len(parts) == 1:
            return parts[0]
        return "none of its alternatives ever held: " + "; ".join(
            f"({m + 1}) {p}" for m, p in enumerate(parts)
        )
    if isinstance(cond, V.ArrangementIs):
        seen = [a.value for a in Arrangement if a in watch.arrangements]
        return (
            f"the world never stood in {_or([a.value for a in cond.arrangements])} "
            f"(it stood in {', '.join(seen)})"
        )
    return _never_seen(cond)


def _why_range(watch: Watch, cond: V.Condition, path: tuple[int, ...], flags_set: set[str]) -> str:
    name = range_name(cond)
    hint = ""
    if isinstance(cond, V.FlagIs) and cond.flag not in flags_set:
        hint = " (no card's option sets or changes this flag: is its name misspelt?)"
    best = watch.nearest.get(path)
    if best is None:
        ref = getattr(cond, "actor", None) or getattr(cond, "group", None)
        return f"{name} could never be read: {ref!r} never named one that existed"
    seen = _seen(best[1], cond)
    lo, hi = cond.min, cond.max
    if isinstance(cond, V.TurnIs):
        if hi is None:
            return f"no sample match got to turn {_num(lo)}; the latest was turn {seen}"
        if lo is None:
            return f"it was never turn {_num(hi)} or earlier; the earliest was turn {seen}"
        return f"it was never turn {_num(lo)} to {_num(hi)}; the nearest was turn {seen}"
    if hi is None:
        return f"{name} never rose to {_num(lo)} or above; the highest seen was {seen}{hint}"
    if lo is None:
        return f"{name} never fell to {_num(hi)} or below; the lowest seen was {seen}{hint}"
    return f"{name} was never between {_num(lo)} and {_num(hi)}; the nearest seen was {seen}{hint}"


def _num(v: float | None) -> str:
    if v is None:
        return "?"
    r = round(v, 1)
    return str(int(r)) if r == int(r) else f"{r:.1f}"


def _seen(value: float, cond: V.Condition) -> str:
    """The value, rounded no further than keeps it outside the range it missed."""
    places = 1
    for places in (1, 2, 4):
        if not in_range(round(value, places), cond):
            break
    r = round(value, places)
    return str(int(r)) if r == int(r) else f"{r:.{places}f}".rstrip("0")


def range_name(cond: V.Condition) -> str:
    match cond:
        case V.CriterionIs():
            return cond.criterion.value
        case V.ActorStatIs():
            return f"{cond.actor}'s {cond.stat}"
        case V.GroupStatIs():
            return f"{cond.group}'s {cond.stat}"
        case V.FlagIs():
            return f"the flag {cond.flag!r}"
        case V.CivilSocietyIs():
            return "civil society"
        case V.TurnIs():
            return "the turn"
    return cond.type


def range_words(cond: V.Condition, turn: bool = False) -> str:
    lo, hi = cond.min, cond.max
    if turn:
        if hi is None:
            return f"turn {_num(lo)} or later"
        if lo is None:
            return f"turn {_num(hi)} or earlier"
        return f"turns {_num(lo)} to {_num(hi)}"
    if hi is None:
        return f"{_num(lo)} or above"
    if lo is None:
        return f"{_num(hi)} or below"
    return f"from {_num(lo)} to {_num(hi)}"


def _or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _what(cond: V.Condition) -> str:
    """The condition in a few words, as a noun phrase."""
    if cond.type in RANGES:
        return f"{range_name(cond)} {range_words(cond, turn=isinstance(cond, V.TurnIs))}"
    match cond:
        case V.ArrangementIs():
            return f"the world standing in {_or([a.value for a in cond.arrangements])}"
        case V.CrisisIs():
            words = [f"a {_or(list(cond.kind))} crisis" if cond.kind else "a crisis"]
            if cond.state:
                words.append(f"in {cond.state!r}")
            if cond.group:
                words.append(f"against {cond.group!r}")
            if cond.min_severity:
                words.append(f"of severity {_num(cond.min_severity)} or more")
            if cond.min_age:
                words.append(f"lasting {cond.min_age} turns or more")
            if cond.unanswered:
                words.append("that no state, union or body had answered")
            return " ".join(words)
        case V.WarIs():
            words = ["a war" if cond.active else "no war"]
            if cond.involving:
                words.append(f"involving {cond.involving!r}")
            if cond.min_age:
                words.append(f"lasting {cond.min_age} turns or more")
            return " ".join(words)
        case V.ExistsIs():
            return f"{cond.actor!r} {'existing' if cond.exists else 'no longer existing'}"
        case V.RegionOwnerIs():
            return f"{cond.owner!r} {'holding' if cond.held else 'not holding'} {cond.region!r}"
        case V.StatusIs():
            what = _STATUS_WORDS[cond.status]
            return f"{cond.actor!r} {'' if cond.active else 'not '}{what}"
        case V.GovernmentIs():
            return f"{cond.actor!r} being {_government(cond.government)}"
        case V.MemberIs():
            return f"{cond.state!r} {'' if cond.member else 'not '}a member of {cond.of!r}"
        case V.Chance():
            return f"a chance of {cond.p:g}"
        case V.AnyOf():
            return "one of: " + "; ".join(_what(c) for c in cond.conditions)
        case V.NotIs():
            return f"not {_what(cond.condition)}"
    return cond.type


def _government(g: str) -> str:
    return "a republic" if g == "republic" else "an autocracy"


def _never_seen(cond: V.Condition) -> str:
    """Why a condition that is not a range never held, in a sentence."""
    match cond:
        case V.CrisisIs():
            return f"there was never {_what(cond)}"
        case V.WarIs():
            if cond.active:
                return f"there was never {_what(cond)}"
            who = f" involving {cond.involving!r}" if cond.involving else ""
            age = f" lasting {cond.min_age} turns or more" if cond.min_age else ""
            return f"there was always a war{who}{age}"
        case V.ExistsIs():
            return f"{cond.actor!r} {'never existed' if cond.exists else 'always existed'}"
        case V.RegionOwnerIs():
            return f"{cond.owner!r} {'never' if cond.held else 'always'} held {cond.region!r}"
        case V.StatusIs():
            what = _STATUS_WORDS[cond.status]
            return f"{cond.actor!r} was {'never' if cond.active else 'always'} {what}"
        case V.GovernmentIs():
            return f"{cond.actor!r} was never {_government(cond.government)}"
        case V.MemberIs():
            return (
                f"{cond.state!r} was {'never' if cond.member else 'always'} a member of {cond.of!r}"
            )
        case V.NotIs():
            return f"what it rules out was so in every turn seen: {_what(cond.condition)}"
    return f"it never held: {_what(cond)}"
