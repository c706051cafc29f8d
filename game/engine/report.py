"""The turn report: what happened and why, as a causal log a student can read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, Field

from .model import Arrangement, Criteria, Criterion, Id, Model
from .say import TEMPLATES, Said, args_data, as_data, say
from .world import World


class Change(Model):
    """One change to a criterion, with its cause: "Peace -6: the minority was repressed…"."""

    criterion: Criterion
    amount: float
    cause: str
    key: str | None = Field(None, description="The cause's message key (see engine/say.py).")
    args: dict[str, Any] = Field(default_factory=dict, description="The message's arguments.")

    def __str__(self) -> str:
        return f"{self.criterion.value.capitalize()} {self.amount:+.1f}: {self.cause}"


class Line(Model):
    kind: Literal["action", "vote", "card", "war", "crisis", "world", "structure", "refused"]
    text: str
    key: str | None = Field(None, description="The line's message key (see engine/say.py).")
    args: dict[str, Any] = Field(default_factory=dict, description="The message's arguments.")
    actor: Id | None = None
    private_to: Id | None = Field(None, description="Only this actor may see the line.")


class Tally(Model):
    proposal: Id
    body: Id
    kind: str
    target: Id
    yes: list[Id] = Field(default_factory=list)
    no: list[Id] = Field(default_factory=list)
    abstain: list[Id] = Field(default_factory=list)
    vetoed_by: list[Id] = Field(default_factory=list)
    passed: bool
    how: str
    key: str | None = Field(None, description="The message key of ``how``.")
    args: dict[str, Any] = Field(default_factory=dict)
    motion: str = Field(
        "",
        description="What was voted on, in the engine's English (\"United Nations: sanctions on "
        'Republic of Servia"); empty in reports older than it.',
    )
    motion_key: str | None = Field(None, description="The message key of ``motion``.")
    motion_args: dict[str, Any] = Field(default_factory=dict)


class FiredCard(Model):
    card: Id
    actor: Id
    option: Id
    title: str
    lesson: str
    by_default: bool = Field(
        False, description="Nobody answered the card: its default option was applied."
    )


class TurnReport(Model):
    turn: int
    criteria_before: Criteria
    criteria_after: Criteria
    arrangement_before: Arrangement
    arrangement_after: Arrangement
    centralization_before: float
    centralization_after: float
    changes: list[Change] = Field(default_factory=list)
    lines: list[Line] = Field(default_factory=list)
    votes: list[Tally] = Field(default_factory=list)
    cards: list[FiredCard] = Field(default_factory=list)
    ended: bool = False
    end_reason: str = ""

    # A report from ``resolve`` is built lazily: its ``lines`` and ``changes`` stay the ledger's
    # raw records until first read (most reports of a look-ahead or a study never are). Whatever
    # reads them passes through one of these two: the attribute (``__getattr__`` is called only
    # while the field is missing from the dict) or the dict itself (pydantic reads ``__dict__`` to
    # dump, copy, compare and pickle a model; so does ``vars``).
    @property  # type: ignore[misc]
    def __dict__(self) -> dict[str, Any]:  # type: ignore[override]
        d = _DICT.__get__(self)
        if _UNREAD in d:
            d = _settle(self, d)
        return d

    @__dict__.setter
    def __dict__(self, value: dict[str, Any]) -> None:
        _DICT.__set__(self, value)

    def __getattr__(self, name: str) -> Any:
        if name in _LAZY_FIELDS:
            d = self.__dict__  # builds them
            if name in d:
                return d[name]
        return super().__getattr__(name)  # type: ignore[misc]

    def for_actor(self, actor: str | None) -> TurnReport:
        """The report as one seat may see it (``None``: the public view)."""
        lines = [ln for ln in self.lines if ln.private_to in (None, actor)]
        return self.model_copy(update={"lines": lines})

    def text(self) -> str:
        """The report as plain text (the command line's), in the engine's English: every line
        names what it speaks of, so no id shows."""
        out = [f"== Turn {self.turn} =="]
        out += [f"  {ln.text}" for ln in self.lines]
        for t in self.votes:
            out.append(
                f"  Vote: {t.motion or t.kind.replace('_', ' ')}: "
                f"{len(t.yes)} yes, {len(t.no)} no, {len(t.abstain)} abstain — {t.how}"
            )
        out += [f"  {c}" for c in self.changes]
        b, a = self.arrangement_before.value, self.arrangement_after.value
        out.append(
            f"  World: {_arrangement(a)} (centralization {self.centralization_after:.0f}, "
            f"{self.centralization_after - self.centralization_before:+.1f})"
            + ("" if a == b else f", moved from {_arrangement(b)}")
        )
        crit = ", ".join(f"{k} {v:.0f}" for k, v in self.criteria_after.as_dict().items())
        out.append(f"  Criteria: {crit}")
        if self.ended:
            out.append(f"  The match ends: {self.end_reason}")
        return "\n".join(out)


# The instance dict's own descriptor (BaseModel's ``__dict__`` slot), which TurnReport's
# ``__dict__`` property reads and writes through.
_DICT = BaseModel.__dict__["__dict__"]
_UNREAD = "_unread"  # a lazy report's dict key: what builds its missing fields
_LAZY_FIELDS = ("lines", "changes")
_REPORT_ORDER = tuple(TurnReport.model_fields)


def _settle(report: TurnReport, d: dict[str, Any]) -> dict[str, Any]:
    """Build a lazy report's missing fields; its dict, in the fields' order, as if built eagerly."""
    built = d.pop(_UNREAD)()
    settled = {name: d[name] if name in d else built[name] for name in _REPORT_ORDER}
    _DICT.__set__(report, settled)
    return settled


def lazy_report(fields: dict[str, Any], ledger: Ledger) -> TurnReport:
    """The engine's own report of a turn: ``fields`` (every field but ``lines`` and ``changes``)
    as given, without validation; the lines and changes from the ledger's records, on first read."""
    fields[_UNREAD] = ledger.unread()
    return trusted(TurnReport, fields, _REPORT_FIELD_SET)  # type: ignore[return-value]


def _arrangement(value: str) -> str:
    """ "Pluralism I": an arrangement as the engine names it, at the head of a phrase."""
    words = TEMPLATES.get(f"arrangement.{value}", value.replace("_", " "))
    return words[:1].upper() + words[1:]


def trusted(cls: type[Model], fields: dict, given: set[str] | None = None) -> Model:
    """A model built from values the engine itself produced, without validating them again.
    ``given``: the set of fields given, when it is every field (one set shared by every such
    record: adding a field already in it changes nothing)."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", fields)
    object.__setattr__(obj, "__pydantic_fields_set__", set(fields) if given is None else given)
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


_LINE_FIELDS = set(Line.model_fields)
_CHANGE_FIELDS = set(Change.model_fields)
_REPORT_FIELD_SET = set(TurnReport.model_fields)


# A criterion's field name, looked up by its name or its enum member (the same hash).
_CRITERION_NAMES: dict[str, str] = {c.value: c.value for c in Criterion}
_CRITERIA: dict[str, Criterion] = {c.value: c for c in Criterion}


_UNSAID = Said("")  # what a quiet ledger's ``say`` gives: never recorded, never shown
_UNSAID.__dict__ = {"key": "", "args": {}}


def _unsaid(key: str, **args: Any) -> Said:
    return _UNSAID


# A sentence not said yet: its message key and arguments (``Ledger.later``).
_Later = tuple[str, dict[str, Any]]


def _later(key: str, **args: Any) -> _Later:
    return key, args


class Ledger:
    """Collects the report while resolution runs; every criterion change goes through it."""

    def __init__(self, world: World, quiet: bool = False) -> None:
        self.world = world
        # quiet: the turn is played for its world alone (a look-ahead, ``resolve.advance``):
        # criteria still change, but no line, cause or change is recorded
        self.quiet = quiet
        # ``ledger.say(key, **args)``: ``say`` for this ledger's lines and causes. A quiet
        # ledger records none, so it makes no sentence (a look-ahead step says ~60 of them).
        # Only what goes to the ledger is said through it; anything the world keeps is said with
        # ``say`` itself. (The function itself, not a method: nothing between the call and it.)
        self.say: Callable[..., Said] = _unsaid if quiet else say
        # ``ledger.later(key, **args)``: a line's sentence, said only when the report is read
        # (``_build_lines``). A turn whose report nobody reads (a study, a benchmark, an AI's
        # match) makes none of its ~40 line sentences; one that is read gets the very same.
        # Its arguments are taken now, as the turn has them (names and figures: values that
        # never change afterwards).
        self.later: Callable[..., _Later | Said] = _unsaid if quiet else _later
        self._changes: dict[tuple[str, str], float] = {}
        self._said: dict[str, Said] = {}
        self._lines: list[Line] = []
        # each crisis's severity as the turn began: the report says how far it moved
        self._severity = {cid: c.severity for cid, c in world.crises.items()}
        # the world as the turn began (resolve sets it; it never changes): an order may name a
        # crisis or war that ended earlier in the turn, called what it was called then
        self.start: World | None = None
        self.votes: list[Tally] = []
        self.cards: list[FiredCard] = []
        # each resolution tabled twice this turn: the names of those who seconded it
        self.seconded: dict[str, list[Said]] = {}

    def change(self, criterion: Criterion | str, amount: float, cause: str) -> None:
        name = _CRITERION_NAMES.get(criterion)
        if name is None:
            raise ValueError(f"{criterion!r} is not a criterion")
        crits = self.world.criteria.__dict__  # plain floats: written without validation
        before = crits[name]
        after = max(0.0, min(100.0, before + amount))
        crits[name] = after
        if after != before and not self.quiet:
            key = (name, cause)
            self._changes[key] = self._changes.get(key, 0.0) + (after - before)
            if isinstance(cause, Said):
                self._said[cause] = cause

    def line(
        self,
        kind: str,
        text: str | _Later,
        actor: str | None = None,
        private_to: str | None = None,
    ) -> None:
        if self.quiet:
            return
        # kept raw: the Line is built when the report is read (``_build_lines``)
        self._lines.append((kind, text, actor, private_to))

    @property
    def lines(self) -> list[Line]:
        """What the turn said, closed by how far each crisis still under way moved: read when
        the report is made, so "no crisis changed" is never said of a crisis that grew."""
        return _build_lines(self._lines, self._crisis_moves())

    def _crisis_moves(self) -> list[_CrisisMove]:
        """Each crisis under way whose severity, as the report shows it, moved this turn: its
        label, its severity before and after, as shown, and whether it grew."""
        from .ops import crisis_label  # ops imports this module

        out = []
        for cid, c in self.world.crises.items():
            before = self._severity.get(cid)
            if before is None:
                continue  # new: its own line says so
            shown_before, shown_after = f"{before:.0f}", f"{c.severity:.0f}"
            if shown_before == shown_after:
                continue  # a move the report's figures hide
            grew = c.severity > before
            out.append((crisis_label(self.world, c), shown_before, shown_after, grew))
        return out

    def unread(self) -> Callable[[], dict[str, list]]:
        """What builds the report's lines and changes from this ledger's records, when first read.
        What depends on the world (how far each crisis moved) is worked out now; the builder holds
        the records alone, not the world."""
        lines, moves = self._lines, self._crisis_moves()
        changes, said = self._changes, self._said
        return lambda: {
            "lines": _build_lines(lines, moves),
            "changes": _build_changes(changes, said),
        }

    def changes(self) -> list[Change]:
        return _build_changes(self._changes, self._said)


# A line as the ledger keeps it: kind, text (a ``Said``, plain English or a sentence not said
# yet), actor, private_to.
_RawLine = tuple[str, str | _Later, str | None, str | None]
# A crisis that moved: its label, its severity before and after as shown, whether it grew.
_CrisisMove = tuple[Any, str, str, bool]


def _build_lines(raw: list[_RawLine], moves: list[_CrisisMove]) -> list[Line]:
    out = []
    for kind, text, actor, private_to in raw:
        if type(text) is tuple:
            text = say(text[0], **text[1])
        # The engine's own lines need no validation: built directly (a few dozen a turn).
        key, args = (text.key, args_data(text.args)) if type(text) is Said else (None, {})
        fields = {
            "kind": kind,
            "text": str(text),
            "key": key,
            "args": args,
            "actor": actor,
            "private_to": private_to,
        }
        out.append(trusted(Line, fields, _LINE_FIELDS))
    for label, before, after, grew in moves:
        fields = {
            "kind": "crisis",
            "text": f"The {label} {'grew' if grew else 'eased'} from {before} to {after}.",
            # The key's template lives with the screens' tables (assets/i18n/*/trust.json).
            "key": "crisis_grew" if grew else "crisis_eased",
            "args": {"crisis": as_data(label), "before": before, "after": after},
            "actor": None,
            "private_to": None,
        }
        out.append(trusted(Line, fields, _LINE_FIELDS))
    return out


def _build_changes(changes: dict[tuple[str, str], float], said: dict[str, Said]) -> list[Change]:
    rows = []
    for (c, cause), v in changes.items():
        if abs(v) < 0.05:
            continue
        cause_said = said.get(cause)
        amount = round(v, 2)
        fields = {
            "criterion": _CRITERIA[c],
            "amount": amount,
            "cause": str(cause),
            "key": cause_said.key if cause_said is not None else None,
            "args": args_data(cause_said.args) if cause_said is not None else {},
        }
        # by criterion, the largest first; ties keep the order the causes came in
        rows.append((c, -abs(amount), len(rows), trusted(Change, fields, _CHANGE_FIELDS)))
    rows.sort()
    return [row[3] for row in rows]
