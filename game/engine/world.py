"""The state of a match between two turns, and the cheap copy the AI's look-ahead relies on."""

from __future__ import annotations

import copy
import hashlib
import json
from typing import Annotated

from pydantic import Field

from .model import (
    Actor,
    Arrangement,
    Corporation,
    Criteria,
    Crisis,
    Federation,
    GlobalBody,
    Group,
    HandCard,
    Id,
    Model,
    NGO,
    Proposal,
    Region,
    State,
    Treaty,
    TurnRecord,
    War,
)
from .scenario import Rules

SAVE_FORMAT = 1


class World(Model):
    """Everything a match is, at the start of a turn's orders phase.

    ``rules`` never changes during a match and is shared between copies; every other field is the
    match's own. ``rng`` is the state of the match's one seeded generator.
    """

    scenario: Id
    title: str = ""
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
    hand: list[HandCard] = Field(default_factory=list)
    flags: dict[Id, float] = Field(default_factory=dict)
    fired: dict[Id, int] = Field(default_factory=dict, description="Card id -> last turn dealt.")
    lessons: list[str] = Field(default_factory=list, description="Card ids in the order they fired.")
    history: list[TurnRecord] = Field(default_factory=list)
    counter: int = 0
    arrangement: Arrangement = Arrangement.PLURALISM_1
    centralization: float = 0.0
    plurality: float = 0.0
    ended: bool = False
    end_reason: str = ""
    rules: Rules = Field(default_factory=Rules)

    # ---- lookups ------------------------------------------------------------------------------

    def states(self) -> list[State]:
        return [a for a in self.actors.values() if isinstance(a, State)]

    def state(self, actor_id: str) -> State | None:
        a = self.actors.get(actor_id)
        return a if isinstance(a, State) else None

    def federations(self) -> list[Federation]:
        return [a for a in self.actors.values() if isinstance(a, Federation)]

    def bodies(self) -> list[GlobalBody]:
        return [a for a in self.actors.values() if isinstance(a, GlobalBody)]

    def ngos(self) -> list[NGO]:
        return [a for a in self.actors.values() if isinstance(a, NGO)]

    def body_members(self, body: GlobalBody) -> list[str]:
        if body.members is None:
            return [s.id for s in self.states()]
        return [m for m in body.members if m in self.actors]

    def regions_of(self, state_id: str) -> list[Region]:
        return [r for r in self.regions.values() if r.owner == state_id]

    def population_of(self, state_id: str) -> float:
        return sum(r.population for r in self.regions.values() if r.owner == state_id)

    def host_of(self, group: Group) -> str | None:
        """The state that controls most of the group's regions."""
        owners: dict[str, int] = {}
        for rid in group.regions:
            r = self.regions.get(rid)
            if r is not None:
                owners[r.owner] = owners.get(r.owner, 0) + 1
        if not owners:
            return None
        return max(sorted(owners), key=lambda o: owners[o])

    def groups_in(self, state_id: str) -> list[Group]:
        return [g for g in self.groups.values() if self.host_of(g) == state_id]

    def new_id(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}_{self.counter}"

    # ---- copying and proving ------------------------------------------------------------------

    def clone(self) -> World:
        """A copy whose changes never reach this world. ``rules`` is shared: it never changes."""
        data = {k: v for k, v in self.__dict__.items() if k != "rules"}
        new = World.model_construct(**copy.deepcopy(data))
        new.rules = self.rules
        return new

    def digest(self) -> str:
        """A SHA-256 over the whole state: two matches with the same digest are the same match."""
        blob = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()
