"""The state of a match between two turns, and the cheap copy the AI's look-ahead relies on."""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, replace
from functools import cache
from typing import Annotated, Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, Field, PrivateAttr, model_validator

from .model import (
    NGO,
    Actor,
    Arrangement,
    Corporation,
    Crisis,
    Criteria,
    Fallen,
    Federation,
    GlobalBody,
    Group,
    HandCard,
    Id,
    Model,
    Proposal,
    Region,
    State,
    Treaty,
    TurnRecord,
    War,
)
from .retable import Veto
from .scenario import Rules

M = TypeVar("M", bound=BaseModel)

SAVE_FORMAT = 1


@dataclass(frozen=True)
class Geography:
    """Who holds what, derived from the regions' owners. Rebuilt only when territory changes."""

    regions_of: dict[str, tuple[str, ...]]
    population: dict[str, float]
    total_population: float
    regions_total: float  # every region's people, summed in the regions' order
    neighbors: dict[str, tuple[str, ...]]
    host: dict[str, str | None]
    groups_in: dict[str, tuple[str, ...]]
    kinds: dict[str, tuple[str, ...]]  # actor ids by kind, in the world's order


# Fields the engine never changes once a world exists (a region's outline and borders, a dealt
# card's bindings, the remembered name of a resolution's subject): copies share them. Every
# ``name`` is a ``Name``, a str: a value, whatever its annotation allows in a file.
_NAMES = frozenset({"name"})
_SHARED: dict[str, frozenset[str]] = {
    "Region": frozenset({"polygon", "neighbors"}),
    "HandCard": frozenset({"bindings"}),
    "Proposal": frozenset({"subject"}),
}
_set = object.__setattr__


def _may_hold_parts(annotation: Any) -> bool:
    """Whether a field so annotated can hold a list, a dict or a model (what a copy must copy);
    str, numbers, enums and tuples of them are values a copy shares."""
    if isinstance(annotation, type):
        return issubclass(annotation, (BaseModel, list, dict, set))
    origin = get_origin(annotation)
    if origin in (list, dict, set):
        return True
    return any(_may_hold_parts(a) for a in get_args(annotation) if not isinstance(a, str))


@cache
def _parts_of(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``cls`` a copy must copy in turn, worked out once per model class."""
    shared = _NAMES | _SHARED.get(cls.__name__, frozenset())
    return tuple(
        name
        for name, info in cls.model_fields.items()
        if name not in shared and _may_hold_parts(info.annotation)
    )


def _not_finite(value: Any, path: str) -> str | None:
    """The path of the first figure in a model tree that is not a finite number (NaN or an
    infinity), or None. The rules (the scenario, checked when it was loaded) are not walked."""
    t = type(value)
    if t is float:
        return None if math.isfinite(value) else path
    if t is list or t is tuple:
        for i, v in enumerate(value):
            hit = _not_finite(v, f"{path}[{i}]")
            if hit is not None:
                return hit
    elif t is dict:
        for k, v in value.items():
            hit = _not_finite(v, f"{path}.{k}")
            if hit is not None:
                return hit
    elif isinstance(value, BaseModel):
        for k, v in value.__dict__.items():
            if k != "rules":
                hit = _not_finite(v, f"{path}.{k}")
                if hit is not None:
                    return hit
    return None


def _fast_copy(value: Any) -> Any:
    """Copy a model tree without re-validating it: models, lists and dicts are copied, the
    immutable leaves (str, int, float, tuple, enums) are shared. Which fields can hold lists,
    dicts or models is known per class (``_parts_of``); a list or dict whose first item is not a
    model holds only leaves (every list and dict in the world is homogeneous), so one shallow
    copy does."""
    if type(value) is list:
        if value and isinstance(value[0], BaseModel):
            return [copy_model(v) for v in value]
        return value.copy()
    if type(value) is dict:
        if value and isinstance(next(iter(value.values())), BaseModel):
            return {k: copy_model(v) for k, v in value.items()}
        return value.copy()
    if isinstance(value, BaseModel):
        return copy_model(value)
    return value


def copy_model(value: M) -> M:
    """A copy of one model (and of its lists, dicts and models), without validating it again."""
    cls = value.__class__
    new = object.__new__(cls)
    d = value.__dict__.copy()
    for k in _parts_of(cls):
        v = d[k]
        if v is not None:
            d[k] = _fast_copy(v)
    _set(new, "__dict__", d)
    # The set of fields given is shared, not copied: it only ever holds the model's own field
    # names, nothing here reads it (no ``exclude_unset``), and a set less a model is fewer
    # objects to make and for the collector to walk every turn.
    _set(new, "__pydantic_fields_set__", value.__pydantic_fields_set__)
    _set(new, "__pydantic_extra__", None)
    _set(new, "__pydantic_private__", None)
    return new


# World fields copied by a shallow copy (a new list or dict holding the same items): their items
# are never changed in place. History and lessons are only appended to; a region changes only
# its owner, and only through ``World.own_region``, which puts a copy of it in the world first.
_SHALLOW = frozenset({"fallen", "history", "lessons", "regions"})


class World(Model):
    """Everything a match is, at the start of a turn's orders phase.

    ``rules`` never changes during a match and is shared between copies; every other field is the
    match's own. ``rng`` is the state of the match's one seeded generator.
    """

    scenario: Id
    title: str = ""
    titles: dict[str, str] = Field(default_factory=dict, description="The title by language.")
    seed: int
    rng: int
    turn: Annotated[int, Field(ge=1)] = 1
    last_turn: Annotated[int, Field(ge=1)]
    criteria: Criteria
    actors: dict[Id, Actor]
    regions: dict[Id, Region]
    groups: dict[Id, Group] = Field(default_factory=dict)
    corporations: dict[Id, Corporation] = Field(default_factory=dict)
    crises: dict[Id, Crisis] = Field(default_factory=dict)
    wars: dict[Id, War] = Field(default_factory=dict)
    treaties: dict[Id, Treaty] = Field(default_factory=dict)
    proposals: dict[Id, Proposal] = Field(default_factory=dict)
    vetoes: dict[str, Veto] = Field(
        default_factory=dict, description="Vetoed questions (retable.py), by body:kind:target."
    )
    hand: list[HandCard] = Field(default_factory=list)
    flags: dict[Id, float] = Field(default_factory=dict)
    fired: dict[Id, int] = Field(default_factory=dict, description="Card id -> last turn dealt.")
    lessons: list[str] = Field(
        default_factory=list, description="Card ids in the order they fired."
    )
    history: list[TurnRecord] = Field(default_factory=list)
    used: dict[Id, int] = Field(
        default_factory=dict,
        description="Each union's and global body's last turn acting on the world (deploying, "
        "lending, ruling, sanctioning, redistributing, a resolution carried out); one never used "
        "counts from turn 0. Third-degree pluralism needs its institutions in use.",
    )
    counter: int = Field(0, ge=0)
    arrangement: Arrangement = Arrangement.PLURALISM_1
    centralization: float = 0.0
    plurality: float = 0.0
    ended: bool = False
    end_reason: str = ""
    end_key: str | None = Field(None, description="The engine's message key for end_reason.")
    goals_at_start: dict[Id, tuple[bool, ...]] = Field(
        default_factory=dict,
        description="Actor id -> whether each goal of its mission (goals, then secret goals) held "
        "when the match began: such a goal is 'holding', not 'met' (see scoring.goal_statuses). "
        "Written once; a save from before it has none.",
    )
    goals_changed: dict[Id, tuple[bool, ...]] = Field(
        default_factory=dict,
        description="Actor id -> whether each goal's truth has changed since the match began "
        "(at the end of any turn): a goal that holds after such a change was achieved, 'met'. "
        "Missing: none has changed.",
    )
    end_texts: dict[str, str] = Field(
        default_factory=dict, description="A scenario end condition's text by language."
    )
    fallen: dict[Id, Fallen] = Field(
        default_factory=dict,
        description="State id -> the turn it left the map, and its name: the debrief still "
        "lists and names it. A save from before it has none.",
    )
    rules: Rules = Field(default_factory=Rules)
    _geo: Geography | None = PrivateAttr(default=None)
    _memo: dict | None = PrivateAttr(default=None)

    def memo(self) -> dict:
        """Answers computed from this world (legal moves), kept because a world is a value: the
        engine never changes a world it is given. Change a ``clone()``, never a world you have
        already asked questions of."""
        private = self.__pydantic_private__
        if private is None:
            private = {"_geo": None}
            object.__setattr__(self, "__pydantic_private__", private)
        m = private.get("_memo")
        if m is None:
            m = private["_memo"] = {}
        return m

    @model_validator(mode="after")
    def _consistent(self) -> World:
        """A save read from disk must hang together: every table keyed by its own ids, every
        reference pointing at something that exists. (Copies made by the engine skip this.)"""
        for name in (
            "actors",
            "regions",
            "groups",
            "corporations",
            "crises",
            "wars",
            "treaties",
            "proposals",
        ):
            for key, item in getattr(self, name).items():
                if key != item.id:
                    raise ValueError(f"{name}: key {key!r} holds id {item.id!r}")
        states = {a.id for a in self.actors.values() if a.kind == "state"}
        for r in self.regions.values():
            if r.owner not in states:
                raise ValueError(f"region {r.id!r}: owner {r.owner!r} is not a state")
        if not self.regions:
            raise ValueError("the world has no regions: there is nothing to play on")
        for a in self.actors.values():
            if a.kind == "federation":
                refs = a.members
            elif a.kind == "ngo":
                refs = a.reach
            elif a.kind == "global_body":
                refs = [*(a.members or ()), *a.permanent]
            else:
                refs = []
            for m in refs:
                if m not in states:
                    raise ValueError(f"actor {a.id!r}: {m!r} is not a state")
        for c in self.crises.values():
            if c.state not in states or (c.group is not None and c.group not in self.groups):
                raise ValueError(f"crisis {c.id!r}: its state or group does not exist")
            if c.region is not None and c.region not in self.regions:
                raise ValueError(f"crisis {c.id!r}: region {c.region!r} does not exist")
        for w in self.wars.values():
            if w.attacker not in states or w.defender not in states:
                raise ValueError(f"war {w.id!r}: a side is not a state")
        for h in self.hand:
            if h.actor not in self.actors:
                raise ValueError(f"hand card {h.key!r}: actor {h.actor!r} does not exist")
        for key, fall in self.fallen.items():
            if key in self.actors:
                raise ValueError(f"fallen: {key!r} is still on the map")
            if fall.turn > self.turn:
                raise ValueError(
                    f"fallen: {key!r} fell on turn {fall.turn}, after turn {self.turn}"
                )
        where = _not_finite(self, "world")
        if where is not None:  # "NaN" or "Infinity" read as a figure: no save could hold it
            raise ValueError(f"{where}: not a finite number")
        return self

    def named(self, actor_id: str) -> Actor | Fallen | None:
        """The actor on the map, or the record of a state that fell: each has its ``name``."""
        return self.actors.get(actor_id) or self.fallen.get(actor_id)

    def title_in(self, lang: str) -> str:
        """The scenario's title in ``lang``, falling back to English."""
        return self.titles.get(lang) or self.title

    # ---- lookups ------------------------------------------------------------------------------

    def _of_kind(self, kind: str) -> tuple:
        # Kept with the world's other answers: the actors of a kind change only when an actor
        # comes or goes, which rebuilds the geography and clears the memo (territory_changed).
        # A tuple: one list shared by every caller must not be changed by one of them.
        memo = self.memo()
        key = ("of kind", kind)
        found = memo.get(key)
        if found is None:
            actors = self.actors
            found = memo[key] = tuple(
                actors[i] for i in self.geo().kinds.get(kind, ()) if i in actors
            )
        return found

    def states(self) -> tuple[State, ...]:
        return self._of_kind("state")

    def state(self, actor_id: str) -> State | None:
        a = self.actors.get(actor_id)
        return a if isinstance(a, State) else None

    def federations(self) -> tuple[Federation, ...]:
        return self._of_kind("federation")

    def bodies(self) -> tuple[GlobalBody, ...]:
        return self._of_kind("global_body")

    def ngos(self) -> tuple[NGO, ...]:
        return self._of_kind("ngo")

    def body_members(self, body: GlobalBody) -> list[str]:
        if body.members is None:
            return [s.id for s in self.states()]
        return [m for m in body.members if m in self.actors]

    def council(self, body: GlobalBody) -> list[str]:
        """The body's permanent members still in the world: its Council (none: no Council)."""
        return [m for m in body.permanent if m in self.actors]

    # ---- geography (cached: it changes only when a region changes hands) ----------------------

    def geo(self) -> Geography:
        # Read the private slot directly: pydantic's attribute fallback is slow on a hot path.
        private = self.__pydantic_private__
        g = private.get("_geo") if private is not None else None
        if g is None:
            g = self._build_geo()
            if private is None:
                object.__setattr__(self, "__pydantic_private__", {"_geo": g})
            else:
                private["_geo"] = g
        return g

    def territory_changed(self) -> None:
        """Call after any change to a region's owner or to the set of actors."""
        if self.__pydantic_private__ is not None:
            self.__pydantic_private__["_geo"] = None
            self.__pydantic_private__["_memo"] = None

    def own_region(self, region_id: str) -> Region:
        """This world's own copy of a region, to change: a world's copies share their regions
        (``clone``), so a region is copied into the world that changes it, never changed in place."""
        region = copy_model(self.regions[region_id])
        self.regions[region_id] = region
        return region

    def region_moved(self, region: Region, old: str) -> None:
        """Call after one region passed from ``old`` to its new owner (a conquest). The geography
        becomes what a rebuild would give, recomputing borders and hosts only for the owners and
        groups the region touches: a rebuild walks every region's borders, which in a large
        world made each conquest cost as much as a tenth of the turn. Remembered answers go."""
        private = self.__pydantic_private__
        geo = private.get("_geo") if private is not None else None
        if geo is None or private is None:
            self.territory_changed()
            return
        private["_geo"] = self._moved_geo(geo, [region], {old})
        private["_memo"] = None

    def seceded(self, regions: list[Region], old: str) -> None:
        """Call after ``regions`` passed from ``old`` to a state that has just joined the actors
        (a secession): the geography becomes what a rebuild would give, as for a conquest, with
        the new state among the actors by kind. Remembered answers go."""
        private = self.__pydantic_private__
        geo = private.get("_geo") if private is not None else None
        if geo is None or private is None or not regions:
            self.territory_changed()
            return
        private["_geo"] = self._moved_geo(geo, regions, {old})
        private["_memo"] = None

    def landless_removed(self, state_id: str) -> None:
        """Call after a state that holds no region left the actors (its last region passed, and
        ``region_moved`` already drew the map without it): only the actors by kind change, so
        the geography is kept instead of rebuilt. Remembered answers go."""
        private = self.__pydantic_private__
        geo = private.get("_geo") if private is not None else None
        if geo is None or private is None or state_id in geo.regions_of:
            self.territory_changed()
            return
        private["_geo"] = replace(geo, kinds=self._kinds())
        private["_memo"] = None

    def _moved_geo(self, geo: Geography, moved: list[Region], olds: set[str]) -> Geography:
        regions = self.regions
        regions_of, population = self._holdings()  # one cheap pass, as a rebuild makes it
        # borders change only for the old and new owners and the owners of the regions'
        # neighbours
        touched = set(olds)
        for region in moved:
            touched.add(region.owner)
            touched.update(regions[n].owner for n in region.neighbors if n in regions)
        neighbors = dict(geo.neighbors)
        for owner in touched:
            found: set[str] = set()
            for rid in regions_of.get(owner, ()):
                for n in regions[rid].neighbors:
                    other = regions.get(n)
                    if other is not None and other.owner != owner:
                        found.add(other.owner)
            if found:
                neighbors[owner] = tuple(sorted(found))
            else:
                neighbors.pop(owner, None)
        # hosts change only for the groups living in the regions
        host = dict(geo.host)
        ids = {region.id for region in moved}
        for g in self.groups.values():
            if not ids.isdisjoint(g.regions):
                host[g.id] = self._host(g)
        groups_in: dict[str, list[str]] = {}
        for g in self.groups.values():
            h = host.get(g.id)
            if h is not None:
                groups_in.setdefault(h, []).append(g.id)
        return Geography(
            kinds=self._kinds(),  # a secession adds a state
            regions_of={k: tuple(v) for k, v in regions_of.items()},
            population=population,
            total_population=sum(population.values()),
            regions_total=geo.regions_total,
            neighbors=neighbors,
            host=host,
            groups_in={k: tuple(v) for k, v in groups_in.items()},
        )

    def _kinds(self) -> dict[str, tuple[str, ...]]:
        """The actors' ids by kind, in the world's order."""
        kinds: dict[str, list[str]] = {}
        for a in self.actors.values():
            kinds.setdefault(a.kind, []).append(a.id)
        return {k: tuple(v) for k, v in kinds.items()}

    def _holdings(self) -> tuple[dict[str, list[str]], dict[str, float]]:
        """Each owner's regions and people, in the regions' order (the people summed in it)."""
        regions_of: dict[str, list[str]] = {}
        population: dict[str, float] = {}
        for r in self.regions.values():
            regions_of.setdefault(r.owner, []).append(r.id)
            population[r.owner] = population.get(r.owner, 0.0) + r.population
        return regions_of, population

    def _host(self, g: Group) -> str | None:
        """The owner of most of the group's regions (ties to the first id)."""
        owners: dict[str, int] = {}
        for rid in g.regions:
            r = self.regions.get(rid)
            if r is not None:
                owners[r.owner] = owners.get(r.owner, 0) + 1
        return max(sorted(owners), key=lambda o: owners[o]) if owners else None

    def _build_geo(self) -> Geography:
        regions_of, population = self._holdings()
        neighbors: dict[str, set[str]] = {}
        for r in self.regions.values():
            for n in r.neighbors:
                other = self.regions.get(n)
                if other is not None and other.owner != r.owner:
                    neighbors.setdefault(r.owner, set()).add(other.owner)
        host: dict[str, str | None] = {}
        groups_in: dict[str, list[str]] = {}
        for g in self.groups.values():
            h = self._host(g)
            host[g.id] = h
            if h is not None:
                groups_in.setdefault(h, []).append(g.id)
        return Geography(
            kinds=self._kinds(),
            regions_of={k: tuple(v) for k, v in regions_of.items()},
            population=population,
            total_population=sum(population.values()),
            regions_total=sum(r.population for r in self.regions.values()),
            neighbors={k: tuple(sorted(v)) for k, v in neighbors.items()},
            host=host,
            groups_in={k: tuple(v) for k, v in groups_in.items()},
        )

    def regions_of(self, state_id: str) -> list[Region]:
        return [self.regions[r] for r in self.geo().regions_of.get(state_id, ())]

    def population_of(self, state_id: str) -> float:
        return self.geo().population.get(state_id, 0.0)

    def neighbors_of(self, state_id: str) -> tuple[str, ...]:
        """States that share a border with this one, in id order."""
        return self.geo().neighbors.get(state_id, ())

    def host_of(self, group: Group) -> str | None:
        """The state that controls most of the group's regions."""
        geo = self.geo()
        if group.id in geo.host:
            return geo.host[group.id]
        self.territory_changed()  # a group the cache has not seen (added since): rebuild
        return self.geo().host.get(group.id)

    def groups_in(self, state_id: str) -> list[Group]:
        return [self.groups[g] for g in self.geo().groups_in.get(state_id, ()) if g in self.groups]

    def new_id(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}_{self.counter}"

    # ---- copying and proving ------------------------------------------------------------------

    def clone(self) -> World:
        """A copy whose changes never reach this world, made without re-validation. ``rules``
        (cards, missions) never changes during a match and is shared, and so is the geography
        cache, which a copy replaces rather than changes. Regions are shared too: change one
        only through ``own_region`` (a region changes its owner a few times a match, while
        every turn and every look-ahead step copies the world)."""
        new = World.__new__(World)
        d = {
            k: v if k == "rules" else v.copy() if k in _SHALLOW else _fast_copy(v)
            for k, v in self.__dict__.items()
        }
        object.__setattr__(new, "__dict__", d)
        object.__setattr__(new, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        object.__setattr__(new, "__pydantic_extra__", None)
        private = self.__pydantic_private__
        object.__setattr__(
            new, "__pydantic_private__", {"_geo": private.get("_geo") if private else None}
        )
        return new

    def digest(self) -> str:
        """A SHA-256 over the whole state: two matches with the same digest are the same match.
        The rules (cards, missions) never change during a match: their own digest, computed
        once, stands in for them."""
        # A resolution's remembered subject is only its name (for the report), and a crisis's
        # region only where the map shows it: neither is the state of the match.
        skip = {
            "rules": True,
            "proposals": {"__all__": {"subject"}},
            "crises": {"__all__": {"region"}},
        }
        blob = json.dumps(
            self.model_dump(mode="json", exclude=skip), sort_keys=True, separators=(",", ":")
        )
        h = hashlib.sha256(self.rules.digest().encode())
        h.update(blob.encode())
        return h.hexdigest()
