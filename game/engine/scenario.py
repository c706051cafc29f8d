"""A scenario: the world as it starts, the seats, their missions, the event cards, the ending."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, PrivateAttr, model_validator

from .model import Criteria, Criterion, Id, Model, WorldBase
from .vocabulary import Condition, Effect, Ref

# Player-facing text: plain English, or a table of translations keyed by language code.
Text = Annotated[
    str
    | dict[Annotated[str, Field(pattern=r"^[a-z]{2}$")], Annotated[str, Field(max_length=4000)]],
    Field(
        description='Text shown to players: a string, or translations such as {"en": "…", "es": "…"}.',
        examples=[
            "Riots in the province",
            {"en": "Riots in the province", "es": "Disturbios en la provincia"},
        ],
    ),
]


def text(value: str | dict[str, str], lang: str = "en") -> str:
    """The text in ``lang``, falling back to English, then to any translation there is."""
    if isinstance(value, str):
        return value
    return value.get(lang) or value.get("en") or next(iter(value.values()), "")


class Option(Model):
    id: Id
    label: Text
    effects: list[Effect] = Field(default_factory=list, max_length=24)


class Card(Model):
    """An event card: when its trigger holds it may be dealt to its target actor."""

    id: Id
    title: Text
    text: Text
    lesson: Text = Field(description="One line for the debrief: what the card teaches.")
    target: Ref = Field(description="The actor who chooses among the options.")
    trigger: list[Condition] = Field(default_factory=list, max_length=16)
    options: list[Option] = Field(min_length=1, max_length=4)
    weight: Annotated[float, Field(gt=0, le=100)] = 1.0
    once: bool = True
    cooldown: Annotated[int, Field(ge=0, le=100)] = 3
    centralization: Literal["rewards", "punishes"] | None = Field(
        None, description="Whether the card rewards or punishes a centralized world."
    )

    @model_validator(mode="after")
    def _unique_options(self) -> Card:
        ids = [o.id for o in self.options]
        if len(ids) != len(set(ids)):
            raise ValueError(f"card {self.id!r} has two options with the same id")
        return self


class Goal(Model):
    text: Text
    points: Annotated[float, Field(ge=-100, le=100)] = 10
    when: list[Condition] = Field(min_length=1, max_length=16)


class Mission(Model):
    """What an actor is trying to do; the score weighs the four criteria and adds goals met."""

    actor: Id
    role: Text
    brief: Text = ""
    weights: dict[Criterion, Annotated[float, Field(ge=0, le=10)]] = Field(
        default_factory=lambda: {c: 1.0 for c in Criterion}
    )
    goals: list[Goal] = Field(default_factory=list, max_length=16)
    secret: list[Goal] = Field(default_factory=list, max_length=8)


class EndCondition(Model):
    id: Id
    text: Text
    min_turn: Annotated[int, Field(ge=1, le=200)] = 1
    when: list[Condition] = Field(min_length=1, max_length=16)


class Rules(Model):
    """The parts of a scenario that never change during a match (shared between copies)."""

    cards: list[Card] = Field(default_factory=list, max_length=400)
    missions: list[Mission] = Field(default_factory=list, max_length=64)
    seats: list[Id] = Field(default_factory=list, max_length=40)
    end_conditions: list[EndCondition] = Field(default_factory=list, max_length=32)
    cards_per_turn: Annotated[int, Field(ge=0, le=6)] = 2
    _digest: str | None = PrivateAttr(default=None)
    _missions: dict[str, Mission] | None = PrivateAttr(default=None)

    def mission(self, actor_id: str) -> Mission | None:
        if self._missions is None:
            self._missions = {m.actor: m for m in self.missions}
        return self._missions.get(actor_id)

    def digest(self) -> str:
        """SHA-256 of the rules, computed once: the rules never change during a match."""
        if self._digest is None:
            blob = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
            self._digest = hashlib.sha256(blob.encode()).hexdigest()
        return self._digest


class Scenario(WorldBase):
    """A scenario file. See docs/authoring.md for a walk-through."""

    schema_: str | None = Field(None, alias="$schema", max_length=500)
    format: Literal[1] = 1
    id: Id
    title: Text
    summary: Text
    briefing: Text = ""
    argument: Text = Field("", description="Which of the essay's arguments it lets a class test.")
    turns: Annotated[int, Field(ge=1, le=200)] = 24
    seed: Annotated[int, Field(ge=0, lt=2**63)] = 1
    criteria: Criteria | None = Field(
        None, description="The four criteria at the start; computed from the world if left out."
    )
    cards_per_turn: Annotated[int, Field(ge=0, le=6)] = 2
    seats: list[Id] = Field(
        default_factory=list, max_length=40, description="Actors a person may play."
    )
    missions: list[Mission] = Field(default_factory=list, max_length=64)
    end_conditions: list[EndCondition] = Field(default_factory=list, max_length=32)
    cards: list[Card] = Field(default_factory=list, max_length=400)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _scenario_references(self) -> Scenario:
        actors = {a.id for a in self.actors}
        for s in self.seats:
            if s not in actors:
                raise ValueError(f"seat {s!r} is not an actor")
        for m in self.missions:
            if m.actor not in actors:
                raise ValueError(f"mission for {m.actor!r}: not an actor")
        ids = [c.id for c in self.cards]
        if len(ids) != len(set(ids)):
            dup = next(i for i in ids if ids.count(i) > 1)
            raise ValueError(f"card id {dup!r} is used twice")
        return self

    def rules(self) -> Rules:
        return Rules(
            cards=self.cards,
            missions=self.missions,
            seats=self.seats,
            end_conditions=self.end_conditions,
            cards_per_turn=self.cards_per_turn,
        )
