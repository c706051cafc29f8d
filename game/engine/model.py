"""The world of a match: every actor, region, group, crisis and vote, as pydantic models.

These models are the types at every boundary (scenario files, saves, the network). Inside the
engine they are mutated in place on a private copy of the world (see ``World.clone``), so
validation is paid once, when a scenario or a save is read.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

# An identifier used in files: short, lower-case, safe to show and to put in a path.
Id = Annotated[
    str,
    Field(
        min_length=1,
        max_length=48,
        pattern=r"^[a-z][a-z0-9_]*$",
        description="An identifier: lower-case letters, digits and underscores.",
        examples=["serbia", "un", "kosovar_albanians"],
    ),
]
# Any indicator on the 0–100 scale.
Stat = Annotated[float, Field(ge=0, le=100)]
Amount = Annotated[float, Field(ge=0, le=1_000_000)]


class Arrangement(StrEnum):
    """The essay's seven arrangements, from unity (left) to division (right)."""

    GLOBAL_STATE = "global_state"
    EMPIRE = "empire"
    FEDERATION = "federation"
    PLURALISM_3 = "pluralism_3"
    PLURALISM_2 = "pluralism_2"
    PLURALISM_1 = "pluralism_1"
    ANARCHY = "anarchy"


ARRANGEMENT_ORDER: tuple[Arrangement, ...] = tuple(Arrangement)


class Criterion(StrEnum):
    """The four criteria every arrangement is judged on."""

    PEACE = "peace"
    JUSTICE = "justice"
    PLURALISM = "pluralism"
    FREEDOM = "freedom"


CRITERIA: tuple[Criterion, ...] = tuple(Criterion)


class Model(BaseModel):
    """Base for every model: unknown fields are errors, so a typo in a file is reported."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Criteria(Model):
    peace: Stat = 50.0
    justice: Stat = 50.0
    pluralism: Stat = 50.0
    freedom: Stat = 50.0

    def get(self, c: Criterion | str) -> float:
        return float(getattr(self, str(c)))

    def as_dict(self) -> dict[str, float]:
        return {c.value: getattr(self, c.value) for c in CRITERIA}


class Region(Model):
    """A piece of territory on the map. Coordinates are on a 1000 x 600 board."""

    id: Id
    name: str = Field(min_length=1, max_length=80)
    owner: Id = Field(description="The state that controls the region.")
    population: Annotated[float, Field(gt=0, le=10_000)] = Field(
        description="People living there, in millions."
    )
    polygon: list[
        tuple[Annotated[float, Field(ge=0, le=1000)], Annotated[float, Field(ge=0, le=600)]]
    ] = Field(min_length=3, max_length=64, description="Outline on the 1000 x 600 map board.")
    neighbors: list[Id] = Field(default_factory=list, description="Regions that share a border.")


class Group(Model):
    """An ethnic, religious or national community living inside states."""

    id: Id
    name: str = Field(min_length=1, max_length=80)
    kind: Literal["ethnic", "religious", "national"] = "ethnic"
    regions: list[Id] = Field(min_length=1, description="Regions where the group lives.")
    population: Annotated[float, Field(gt=0, le=10_000)]
    grievance: Stat = 20.0
    security: Stat = 60.0
    autonomy: Stat = 30.0
    separation: Stat = Field(
        50.0,
        description="How much separation its way of life needs to survive (0 none, 100 a state of its own).",
    )
    warned_by: list[Id] = Field(default_factory=list, description="NGOs that have warned about it.")
    warning_credibility: Stat = 0.0


class ActorBase(Model):
    id: Id
    name: str = Field(min_length=1, max_length=80)
    color: str = Field("#888888", pattern=r"^#[0-9a-fA-F]{6}$")
    action_points: int = Field(2, ge=1, le=6, description="Actions per turn.")


class State(ActorBase):
    kind: Literal["state"] = "state"
    wealth: Amount = 50.0
    military: Amount = 20.0
    government: Literal["republic", "autocracy"] = "republic"
    sovereignty: Stat = Field(90.0, description="Sovereignty it still holds (not ceded).")
    fear: Stat = 20.0
    freedom: Stat = Field(60.0, description="Individual rights where its people live.")
    pressure: Stat = Field(0.0, description="Political cost of inaction raised by civil society.")
    nation: Id | None = Field(None, description="The group whose state this is, if any.")
    sanctioned: int = Field(0, ge=0, description="Turns of sanctions left.")
    indicted: bool = False


class Federation(ActorBase):
    kind: Literal["federation"] = "federation"
    purpose: Literal["union", "alliance"] = Field(
        "union", description="A union pools sovereignty and a budget; an alliance pools force."
    )
    members: list[Id] = Field(default_factory=list)
    depth: Stat = Field(20.0, description="How much sovereignty its members have pooled.")
    budget: Amount = 10.0
    force: Amount = 0.0


class GlobalBody(ActorBase):
    kind: Literal["global_body"] = "global_body"
    body: Literal["un", "bank", "trade", "court"]
    members: list[Id] | None = Field(None, description="Member states; null means every state.")
    permanent: list[Id] = Field(
        default_factory=list, description="Permanent Council members, each holding a veto."
    )
    assembly_majority: Annotated[float, Field(ge=0.5, le=1.0)] = Field(
        0.67, description="Share of members whose vote authorizes force without the Council."
    )
    mandate: Stat = 20.0
    enforcement: Stat = 10.0
    budget: Amount = 10.0
    legitimacy: Stat = 50.0
    independence: Stat = Field(50.0, description="Governed apart from the other bodies.")


class NGO(ActorBase):
    kind: Literal["ngo"] = "ngo"
    focus: Literal["relief", "rights", "minority", "labor", "environment"] = "relief"
    volunteers: Amount = Field(10.0, description="Thousands of volunteers.")
    reach: list[Id] = Field(default_factory=list, description="States where it works.")
    credibility: Stat = 50.0


Actor = Annotated[State | Federation | GlobalBody | NGO, Field(discriminator="kind")]
ActorKind = Literal["state", "federation", "global_body", "ngo"]


class Corporation(Model):
    """A multinational corporation: a force no seat plays."""

    id: Id
    name: str = Field(min_length=1, max_length=80)
    home: Id
    capital: Amount = 50.0
    escape: Stat = Field(50.0, description="How far it escapes regulation.")


class Crisis(Model):
    id: Id
    kind: Literal[
        "repression", "cleansing", "civil_war", "famine", "plague", "financial", "refugees"
    ]
    state: Id
    group: Id | None = None
    severity: Stat = 20.0
    age: int = Field(0, ge=0)
    relief: Stat = Field(0.0, description="How much of its cost relief absorbs this turn.")
    responders: list[Id] = Field(default_factory=list, description="Who has acted on it.")
    authorized: bool = Field(False, description="A global body has authorized force against it.")


class War(Model):
    id: Id
    attacker: Id
    defender: Id
    age: int = Field(0, ge=0)


class Proposal(Model):
    """A resolution before a global body; it is voted on the turn after it is tabled."""

    id: Id
    body: Id
    proposer: Id
    kind: Literal["authorize_force", "sanctions", "aid_package", "standards", "mediate"]
    target: Id
    opened: int = Field(ge=0)
    votes: dict[Id, Literal["yes", "no", "abstain"]] = Field(default_factory=dict)


class Treaty(Model):
    id: Id
    kind: Literal["alliance", "non_aggression", "autonomy_guarantee", "trade"]
    parties: list[Id] = Field(min_length=2)
    group: Id | None = None


class HandCard(Model):
    """An event card revealed to one actor, waiting for a choice."""

    key: Id
    card: Id
    actor: Id
    turn: int
    bindings: dict[str, str] = Field(default_factory=dict)


class TurnRecord(Model):
    """What the debrief needs of each turn. Written once: copies of a world share them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    turn: int
    criteria: Criteria
    arrangement: Arrangement
    centralization: float
    plurality: float
    cards: list[str] = Field(default_factory=list)


def _unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ValueError(f"{what} id {i!r} is used twice")
        seen.add(i)


class WorldBase(Model):
    """The dynamic parts a scenario sets up and a match changes."""

    actors: list[Actor] = Field(min_length=1, max_length=64)
    regions: list[Region] = Field(min_length=1, max_length=256)
    groups: list[Group] = Field(default_factory=list, max_length=128)
    corporations: list[Corporation] = Field(default_factory=list, max_length=32)
    crises: list[Crisis] = Field(default_factory=list, max_length=128)
    wars: list[War] = Field(default_factory=list, max_length=64)
    treaties: list[Treaty] = Field(default_factory=list, max_length=128)

    @model_validator(mode="after")
    def _references(self) -> WorldBase:
        _unique([a.id for a in self.actors], "actor")
        _unique([r.id for r in self.regions], "region")
        _unique([g.id for g in self.groups], "group")
        states = {a.id for a in self.actors if a.kind == "state"}
        actors = {a.id for a in self.actors}
        regions = {r.id for r in self.regions}
        for r in self.regions:
            if r.owner not in states:
                raise ValueError(f"region {r.id!r}: owner {r.owner!r} is not a state")
            for n in r.neighbors:
                if n not in regions:
                    raise ValueError(f"region {r.id!r}: neighbor {n!r} is not a region")
        for g in self.groups:
            for rid in g.regions:
                if rid not in regions:
                    raise ValueError(f"group {g.id!r}: region {rid!r} is not a region")
        for a in self.actors:
            members: list[str] = []
            if a.kind == "federation":
                members = a.members
            elif a.kind == "global_body":
                members = (a.members or []) + a.permanent
            elif a.kind == "ngo":
                members = a.reach
            for m in members:
                if m not in states:
                    raise ValueError(f"actor {a.id!r}: {m!r} is not a state")
        for c in self.corporations:
            if c.home not in states:
                raise ValueError(f"corporation {c.id!r}: home {c.home!r} is not a state")
        for w in self.wars:
            for side in (w.attacker, w.defender):
                if side not in actors:
                    raise ValueError(f"war {w.id!r}: {side!r} is not an actor")
        return self
