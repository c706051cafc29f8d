"""Cross-reference checks: every id a scenario names must exist and be of the right kind.

These run on the raw document, not on the validated model, for two reasons: they must still
run when some other field is invalid (so a file's problems are all reported at once), and each
finding must carry the exact path of the offending value so it can be shown with its line.
Anything malformed is left to the schema check; here it is skipped without complaint.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import get_args

from game.engine.ops import seceded_id
from game.engine.scenario import Scenario
from game.engine.vocabulary import ACTOR_FIGURES, ACTOR_STATS, BINDINGS, Condition

from .explain import listing, suggest
from .fields import is_name, is_text, walk_typed
from .limits import MAX_PROBLEMS
from .locate import Elem
from .problems import Finding

Where = tuple[Elem, ...]

# What a binding stands for. "actor" means any kind of actor.
BINDING_KINDS: dict[str, str] = {
    "target": "actor",
    "crisis": "crisis",
    "crisis_state": "state",
    "crisis_group": "group",
    "attacker": "actor",
    "defender": "actor",
    "hegemon": "state",
}
# Bindings that exist only when a trigger condition of this type has matched.
BOUND_BY: dict[str, str] = {
    "crisis": "crisis",
    "crisis_state": "crisis",
    "crisis_group": "crisis",
    "attacker": "war",
    "defender": "war",
}
ACTOR_KINDS = ("state", "federation", "global_body", "ngo")
# The references each condition and effect holds, by type: field -> what it must name. In cards,
# goals and endings a state or an actor may also be a state that does not exist yet: the one a
# group forms when it secedes (``<group id>_state``, engine/ops.seceded_id).
CONDITION_REFS: dict[str, dict[str, str]] = {
    "actor_stat": {"actor": "actor"},
    "group_stat": {"group": "group"},
    "crisis": {"state": "state", "group": "group"},
    "war": {"involving": "actor"},
    "exists": {"actor": "actor"},
    "region_owner": {"region": "region", "owner": "state"},
    "status": {"actor": "state"},
    "government": {"actor": "state"},
    "member": {"state": "state", "of": "body"},
}
EFFECT_REFS: dict[str, dict[str, str]] = {
    "actor_stat": {"actor": "actor"},
    "group_stat": {"group": "group"},
    "corporations": {"corporation": "corporation"},
    "start_crisis": {"state": "state", "group": "group"},
    "crisis": {"crisis": "crisis", "responder": "actor"},
    "start_war": {"attacker": "actor", "defender": "actor"},
    "end_war": {"involving": "actor"},
    "government": {"actor": "state"},
    "secede": {"group": "group"},
    "transfer_region": {"region": "region", "to": "state"},
    "membership": {"state": "state", "of": "body"},
}
CONDITION_TYPES = {
    get_args(m.model_fields["type"].annotation)[0] for m in get_args(get_args(Condition)[0])
}
# How kinds of thing are named in messages: with an article, and as a bare noun.
_A = {
    "state": "a state",
    "federation": "a federation",
    "global_body": "a global body",
    "ngo": "an NGO",
    "actor": "an actor",
    "group": "a group",
    "region": "a region",
    "crisis": "a crisis",
    "body": "a federation or global body",
    "corporation": "a corporation",
}
_NOUN = {
    "body": "federation or global body",
    "global_body": "global body",
    "ngo": "NGO",
}


def _a(kind: str | None) -> str:
    return _A.get(kind or "actor", kind or "an actor")


@dataclass
class Index:
    """The ids a scenario defines, by kind. An actor whose kind is unreadable maps to None and
    is accepted wherever an actor is wanted: its own error is reported once, elsewhere."""

    actors: dict[str, str | None] = field(default_factory=dict)
    regions: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    crises: set[str] = field(default_factory=set)
    corporations: set[str] = field(default_factory=set)
    # The states groups would form by seceding (a first and a second time) -> the group.
    seceded: dict[str, str] = field(default_factory=dict)
    # Lists the file lacks or garbles: references into them can't be checked.
    unreadable: set[str] = field(default_factory=set)

    def checkable(self, want: str) -> bool:
        lists = {"group": {"groups"}, "region": {"regions"}, "crisis": {"crises"}}
        lists["corporation"] = {"corporations"}
        return not (lists.get(want, {"actors"}) & self.unreadable)

    def of_kind(self, want: str) -> set[str]:
        if want == "actor":
            return set(self.actors)
        if want in ACTOR_KINDS:
            return {a for a, k in self.actors.items() if k in (want, None)}
        if want == "body":
            return {a for a, k in self.actors.items() if k in ("federation", "global_body", None)}
        others = {"group": self.groups, "region": self.regions, "crisis": self.crises}
        return (others | {"corporation": self.corporations})[want]

    def kind_of(self, ident: str) -> str | None:
        if ident in self.actors:
            return self.actors[ident] or "actor"
        for kind, ids in (
            ("group", self.groups),
            ("region", self.regions),
            ("crisis", self.crises),
            ("corporation", self.corporations),
        ):
            if ident in ids:
                return kind
        return None


@dataclass
class Scope:
    """What ``$`` bindings mean where a reference appears."""

    where: str  # "card", "goal" or "end condition": for messages
    bound: set[str] = field(default_factory=set)  # condition types present in the trigger
    target_kind: str | None = "actor"  # what $target is here; None: it has no meaning


def _str(value: object) -> str | None:
    """The value if it is a string (a list or object can't be looked up in a set)."""
    return value if isinstance(value, str) else None


def _items(doc: object, key: str) -> Iterator[tuple[int, dict]]:
    """The objects in ``doc[key]`` with their indexes, if it is a list (others are skipped)."""
    return _dicts(doc.get(key) if isinstance(doc, dict) else None)


def _dicts(seq: object) -> Iterator[tuple[int, dict]]:
    if isinstance(seq, list):
        for i, item in enumerate(seq):
            if isinstance(item, dict):
                yield i, item


def _strs(value: object) -> Iterator[tuple[int, str]]:
    if isinstance(value, list):
        for i, v in enumerate(value):
            if isinstance(v, str):
                yield i, v


def build_index(doc: dict) -> Index:
    index = Index()
    for key in ("actors", "regions", "groups", "crises", "corporations"):
        value = doc.get(key, None if key in ("actors", "regions") else [])
        if not isinstance(value, list):
            index.unreadable.add(key)
    for _, a in _items(doc, "actors"):
        if isinstance(a.get("id"), str):
            kind = a.get("kind")
            index.actors.setdefault(a["id"], kind if kind in ACTOR_KINDS else None)
    for key, ids in (
        ("regions", index.regions),
        ("groups", index.groups),
        ("crises", index.crises),
        ("corporations", index.corporations),
    ):
        ids.update(r["id"] for _, r in _items(doc, key) if isinstance(r.get("id"), str))
    for g in sorted(index.groups):
        for n in (1, 2):
            name = seceded_id(g, n)
            if name not in index.actors:  # (an id of 48 characters: its own group's id)
                index.seceded.setdefault(name, g)
    return index


class Checker:
    """Collects findings while the document is walked."""

    def __init__(self, doc: dict) -> None:
        self.doc = doc
        self.index = build_index(doc)
        self.found: list[Finding] = []
        self._secession: dict[str, str | None] | None = None  # group -> why it never secedes

    def error(self, path: Where, message: str) -> None:
        self.found.append(Finding(path, message))

    def warn(self, path: Where, message: str) -> None:
        self.found.append(Finding(path, message, severity="warning"))

    # ---- one reference ---------------------------------------------------------------------

    def ref(self, path: Where, value: object, want: str, scope: Scope | None = None) -> str | None:
        """Check one reference; returns the kind it resolves to (for a stat check), if known."""
        if not isinstance(value, str) or not value:
            return None
        if value.startswith("$"):
            return self._binding(path, value[1:], want, scope)
        if not self.index.checkable(want):
            return None
        known = self.index.of_kind(want)
        if value in known:
            return self.index.actors.get(value)
        may_secede = scope is not None and want in ("actor", "state")
        if may_secede and value in self.index.seceded:
            self._may_exist(path, value, self.index.seceded[value])
            return "state"
        other = self.index.kind_of(value)
        if other is not None:
            hint = ""
            if other == "group" and may_secede:
                hint = (
                    f": did you mean {seceded_id(value)!r}? (the state that group forms if it "
                    "secedes)"
                )
            self.error(path, f"{value!r} is {_a(other)}, not {_a(want)}{hint}")
            return None
        noun = _NOUN.get(want, want)
        if len(self.found) >= MAX_PROBLEMS:  # counted, not worded: the report will not show it
            self.error(path, "")
            return None
        near = known | set(self.index.seceded) if may_secede else known
        self.error(path, f"unknown {noun} {value!r}{suggest(value, near)}; known: {listing(known)}")
        return None

    def _may_exist(self, path: Where, name: str, group: str) -> None:
        """A seceded state named before it exists: a warning if its group can never secede."""
        if self._secession is None:
            self._secession = never_secedes(self.doc)
        why = self._secession.get(group)
        if why:
            self.warn(
                path,
                f"{name!r} is the state {group!r} would form by seceding, but it never can in "
                f"this scenario: {why}",
            )

    def _binding(self, path: Where, name: str, want: str, scope: Scope | None) -> str | None:
        if scope is None:
            self.error(path, f"'${name}': bindings can be used only in cards, goals and endings")
            return None
        if name not in BINDINGS:
            known = [f"${b}" for b in BINDINGS]
            self.error(
                path,
                f"unknown binding '${name}'{suggest('$' + name, known)}; known: {', '.join(known)}",
            )
            return None
        kind = BINDING_KINDS[name]
        if name == "target":
            if scope.target_kind is None:
                self.warn(
                    path, f"'$target' has no meaning in an {scope.where}: nobody is its target"
                )
                return None
            kind = scope.target_kind
        needs = BOUND_BY.get(name)
        if needs and needs not in scope.bound:
            self.error(
                path,
                f"'${name}' is set only by a {needs!r} condition, and this {scope.where}'s "
                f"{'trigger' if scope.where == 'card' else 'when'} has none",
            )
        if not _fits(kind, want):
            self.error(path, f"'${name}' is {_a(kind)}, not {_a(want)}")
            return None
        return kind if kind in ACTOR_KINDS else None

    def ids(self, base: Where, seq: object, want: str) -> None:
        for i, v in _strs(seq):
            if len(self.found) >= MAX_PROBLEMS and self.index.checkable(want):
                # Past the cap: the rest of a long list is counted in one step, not worded.
                known = self.index.of_kind(want)
                rest = sum(
                    1
                    for v in seq[i:]  # type: ignore[index]
                    if isinstance(v, str) and v and v[0] != "$" and v not in known
                )
                if rest:
                    self.found.append(Finding((*base, i), "", count=rest))
                return
            self.ref((*base, i), v, want)

    def stat(
        self, path: Where, stat: object, kind: str | None, actor: object, read: bool = False
    ) -> None:
        """``read``: a condition's figure, which may also be one no effect changes (reach)."""
        table = ACTOR_FIGURES if read else ACTOR_STATS
        if kind not in table or not isinstance(stat, str):
            return
        allowed = table[kind]
        all_stats = {s for stats in table.values() for s in stats}
        if stat in all_stats and stat not in allowed:
            self.error(
                path,
                f"{stat!r} is not a stat of {actor} ({_a(kind)}){suggest(stat, allowed)}; "
                f"{_a(kind)} has: {', '.join(allowed)}",
            )

    # ---- conditions and effects ---------------------------------------------------------------

    def conditions(self, base: Where, seq: object, scope: Scope) -> None:
        for i, c in _dicts(seq):
            self.condition((*base, i), c, scope)

    def condition(self, path: Where, c: dict, scope: Scope) -> None:
        t = _str(c.get("type"))
        if t == "any":
            self.conditions((*path, "conditions"), c.get("conditions"), scope)
        elif t == "not" and isinstance(c.get("condition"), dict):
            self.condition((*path, "condition"), c["condition"], scope)
        else:
            self._fields(path, c, CONDITION_REFS.get(t or "", {}), scope, read=True)

    def effects(self, base: Where, seq: object, scope: Scope) -> None:
        for i, e in _dicts(seq):
            self.effect((*base, i), e, scope)

    def effect(self, path: Where, e: dict, scope: Scope) -> None:
        t = _str(e.get("type"))
        if t == "crisis" and "crisis" not in e:
            # The field defaults to $crisis: the trigger must bind it all the same.
            self.ref(path, "$crisis", "crisis", scope)
        self._fields(path, e, EFFECT_REFS.get(t or "", {}), scope)

    def _fields(
        self, path: Where, item: dict, wants: dict[str, str], scope: Scope, read: bool = False
    ) -> None:
        for key, want in wants.items():
            kind = self.ref((*path, key), item.get(key), want, scope)
            if key == "actor" and "stat" in item:
                self.stat((*path, "stat"), item.get("stat"), kind, item.get("actor"), read)


def _fits(kind: str, want: str) -> bool:
    """Whether a binding of ``kind`` may stand where ``want`` is asked for."""
    if kind == want:
        return True
    if want in ("actor", "actor_or_group"):
        return kind in ("actor", *ACTOR_KINDS)
    if want in ACTOR_KINDS or want == "body":
        # "actor" is a binding whose kind is known only at play time: let it through.
        return kind == "actor" or (want == "body" and kind in ("federation", "global_body"))
    return False


def _bound(conds: object) -> set[str]:
    """The condition types in a trigger that set bindings (at the top or inside 'any')."""
    found: set[str] = set()
    stack = [conds]
    while stack:
        seq = stack.pop()
        for _, c in _dicts(seq):
            t = _str(c.get("type"))
            if t in ("crisis", "war"):
                found.add(t)
            elif t not in CONDITION_TYPES:
                # A misspelt type may have been meant to bind: don't pile errors on its typo.
                found.update(("crisis", "war"))
            elif t == "any":
                stack.append(c.get("conditions"))
    return found


def never_secedes(doc: dict) -> dict[str, str | None]:
    """For each group, why it can never secede in a match of ``doc`` (None: it may). A group
    secedes through a card's ``secede`` effect, or by winning a civil war: the rules let a
    group rebel against a state that is not its own (``nation``), and a card or the world may
    start a civil war for it. A group in no region has nothing to secede with."""
    owners = {
        r["id"]: r.get("owner") for _, r in _items(doc, "regions") if isinstance(r.get("id"), str)
    }
    nations = {
        a["id"]: a.get("nation")
        for _, a in _items(doc, "actors")
        if a.get("kind") == "state" and isinstance(a.get("id"), str)
    }
    named: set[str] = set()  # groups a secede effect or a civil war names; "$": any group
    for _, c in _items(doc, "crises"):
        if c.get("kind") == "civil_war" and isinstance(c.get("group"), str):
            named.add(c["group"])
    for _, card in _items(doc, "cards"):
        for _, option in _items(card, "options"):
            for _, e in _items(option, "effects"):
                g = e.get("group")
                if isinstance(g, str) and (
                    e.get("type") == "secede"
                    or (e.get("type") == "start_crisis" and e.get("kind") == "civil_war")
                ):
                    named.add("$" if g.startswith("$") else g)
    why: dict[str, str | None] = {}
    for _, g in _items(doc, "groups"):
        gid = g.get("id")
        if not isinstance(gid, str):
            continue
        regions = [r for _, r in _strs(g.get("regions"))]
        held = [owners.get(r) for r in regions if isinstance(owners.get(r), str)]
        if not regions:
            why[gid] = "it lives in no region"
        elif gid in named or "$" in named:
            why[gid] = None
        elif held and all(nations.get(h) == gid for h in held):
            why[gid] = (
                "no card makes it secede, and it is the nation of "
                + ", ".join(repr(h) for h in sorted(set(held)))
                + ", so it never rebels"
            )
        else:
            why[gid] = None
    return why


def check_references(doc: object) -> list[Finding]:
    """Every cross-reference problem in a scenario document, errors and warnings."""
    if not isinstance(doc, dict):
        return []
    ch = Checker(doc)
    _unique_ids(ch, doc)
    _world(ch, doc)
    _seats_and_missions(ch, doc)
    _cards(ch, doc)
    for i, end in _items(doc, "end_conditions"):
        scope = Scope("end condition", _bound(end.get("when")), target_kind=None)
        ch.conditions(("end_conditions", i, "when"), end.get("when"), scope)
    _translations(ch, doc)
    return ch.found


def _unique_ids(ch: Checker, doc: dict) -> None:
    for key in ("actors", "regions", "groups", "corporations", "crises", "wars", "treaties",
                "cards", "end_conditions"):  # fmt: skip
        seen: dict[str, int] = {}
        for i, item in _items(doc, key):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                ch.found.append(
                    Finding(
                        (key, i, "id"),
                        f"id {ident!r} is already used by {key}[{seen[ident]}]",
                        other=(key, seen[ident], "id"),
                    )
                )
            else:
                seen[ident] = i


def _world(ch: Checker, doc: dict) -> None:
    idx = ch.index
    neighbors: dict[str, set[str]] = {}
    owned: set[str] = set()
    for i, r in _items(doc, "regions"):
        ch.ref(("regions", i, "owner"), r.get("owner"), "state")
        if isinstance(r.get("owner"), str):
            owned.add(r["owner"])
        ch.ids(("regions", i, "neighbors"), r.get("neighbors"), "region")
        if isinstance(r.get("id"), str):
            neighbors[r["id"]] = {n for _, n in _strs(r.get("neighbors"))}
            for k, n in _strs(r.get("neighbors")):
                if n == r["id"]:
                    ch.error(
                        ("regions", i, "neighbors", k), f"region {n!r} lists itself as a neighbor"
                    )
    for i, r in _items(doc, "regions"):
        rid = _str(r.get("id"))
        for k, n in _strs(r.get("neighbors")) if rid else ():
            if n in neighbors and n != rid and rid not in neighbors[n]:
                ch.warn(
                    ("regions", i, "neighbors", k),
                    f"{rid!r} borders {n!r}, but {n!r} does not list {rid!r} as a neighbor",
                )
    for i, g in _items(doc, "groups"):
        ch.ids(("groups", i, "regions"), g.get("regions"), "region")
        ch.ids(("groups", i, "warned_by"), g.get("warned_by"), "ngo")
    for i, a in _items(doc, "actors"):
        kind = a.get("kind")
        base = ("actors", i)
        if kind == "state":
            ch.ref((*base, "nation"), a.get("nation"), "group")
            if isinstance(a.get("id"), str) and a["id"] not in owned and idx.regions:
                ch.warn((*base, "id"), f"state {a['id']!r} owns no region")
        elif kind == "federation":
            ch.ids((*base, "members"), a.get("members"), "state")
        elif kind == "global_body":
            ch.ids((*base, "members"), a.get("members"), "state")
            ch.ids((*base, "permanent"), a.get("permanent"), "state")
            if isinstance(a.get("members"), list):
                for k, p in _strs(a.get("permanent")):
                    if p not in a["members"]:
                        ch.warn(
                            (*base, "permanent", k), f"permanent member {p!r} is not in 'members'"
                        )
        elif kind == "ngo":
            ch.ids((*base, "reach"), a.get("reach"), "state")
    for i, c in _items(doc, "corporations"):
        ch.ref(("corporations", i, "home"), c.get("home"), "state")
    for i, c in _items(doc, "crises"):
        ch.ref(("crises", i, "state"), c.get("state"), "state")
        ch.ref(("crises", i, "group"), c.get("group"), "group")
        ch.ref(("crises", i, "region"), c.get("region"), "region")
        ch.ids(("crises", i, "responders"), c.get("responders"), "actor")
    for i, w in _items(doc, "wars"):
        ch.ref(("wars", i, "attacker"), w.get("attacker"), "actor")
        ch.ref(("wars", i, "defender"), w.get("defender"), "actor")
    for i, t in _items(doc, "treaties"):
        ch.ids(("treaties", i, "parties"), t.get("parties"), "actor")
        ch.ref(("treaties", i, "group"), t.get("group"), "group")


def _seats_and_missions(ch: Checker, doc: dict) -> None:
    missions: dict[str, int] = {}
    for i, m in _items(doc, "missions"):
        actor = m.get("actor")
        ch.ref(("missions", i, "actor"), actor, "actor")
        if isinstance(actor, str):
            if actor in missions:
                ch.error(
                    ("missions", i, "actor"),
                    f"{actor!r} already has a mission (missions[{missions[actor]}])",
                )
            missions.setdefault(actor, i)
        kind = ch.index.actors.get(actor) if isinstance(actor, str) else None
        scope_kind = kind or "actor"
        for key in ("goals", "secret"):
            for j, goal in _items(m, key):
                scope = Scope("goal", _bound(goal.get("when")), target_kind=scope_kind)
                ch.conditions(("missions", i, key, j, "when"), goal.get("when"), scope)
    seen: dict[str, int] = {}
    for i, seat in _strs(doc.get("seats")):
        ch.ref(("seats", i), seat, "actor")
        if seat in seen:
            ch.error(("seats", i), f"seat {seat!r} is listed twice")
        seen.setdefault(seat, i)
        if seat in ch.index.actors and seat not in missions:
            ch.warn(
                ("seats", i),
                f"seat {seat!r} has no mission: its player is scored on the criteria alone",
            )


def _cards(ch: Checker, doc: dict) -> None:
    for i, card in _items(doc, "cards"):
        base = ("cards", i)
        scope = Scope("card", _bound(card.get("trigger")))
        scope.target_kind = ch.ref((*base, "target"), card.get("target"), "actor", scope) or "actor"
        ch.conditions((*base, "trigger"), card.get("trigger"), scope)
        options: dict[str, int] = {}
        default: int | None = None
        for j, option in _items(card, "options"):
            if option.get("default") is True:
                if default is None:
                    default = j
                else:
                    ch.error(
                        (*base, "options", j, "default"),
                        f"options[{default}] is already this card's default: mark one option "
                        "at most",
                    )
            oid = option.get("id")
            if isinstance(oid, str):
                if oid in options:
                    ch.error(
                        (*base, "options", j, "id"),
                        f"option id {oid!r} is already used by options[{options[oid]}]",
                    )
                options.setdefault(oid, j)
            ch.effects((*base, "options", j, "effects"), option.get("effects"), scope)


def _translations(ch: Checker, doc: dict) -> None:
    texts = [(p, n, d) for p, n, d in walk_typed(Scenario, doc) if is_text(d)]
    for path, node, _ in texts:
        if isinstance(node, dict) and node:
            if "es" not in node:
                ch.warn(path, "no 'es' translation; English will be shown")
            if "en" not in node:
                ch.warn(path, "no 'en' text; another language will be shown to English readers")
    # A scenario written for Spanish players should not leave its names in English inside
    # Spanish sentences; a scenario with no Spanish at all is simply English.
    if any(isinstance(n, dict) and "es" in n for _, n, _ in texts):
        for path, node, declared in texts:
            if is_name(declared) and isinstance(node, str):
                ch.warn(
                    path,
                    "this name has no 'es' translation, though the scenario has Spanish texts; "
                    'write it as {"en": "…", "es": "…"} or English will be shown in Spanish',
                )
