"""A scenario: the world as it starts, the seats, their missions, the event cards, the ending."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

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
    """One choice on an event card: what the player reads and what it does."""

    id: Id = Field(
        description="The option's id, different from the card's other options; the turn report "
        "and saves name the choice by it.",
        examples=["dismiss", "send_monitors"],
    )
    label: Text = Field(
        description="The choice as the player reads it: short and active.",
        examples=[
            "Dismiss it: alarmism helps no one",
            {
                "en": "Dismiss it: alarmism helps no one",
                "es": "Descartarla: el alarmismo no ayuda a nadie",
            },
        ],
    )
    effects: list[Effect] = Field(
        default_factory=list,
        max_length=24,
        json_schema_extra={"default": []},
        description="What happens, in order, when this option is chosen (up to 24); an empty "
        "list changes nothing.",
        examples=[
            [
                {"type": "crisis", "crisis": "$crisis", "amount": 6},
                {"type": "actor_stat", "actor": "servia", "stat": "fear", "amount": -5},
                {"type": "flag", "flag": "green_light", "set": 1},
            ]
        ],
    )
    default: bool = Field(
        False,
        description="true: this option applies when the player does not answer the card (at "
        "most one option per card). With none marked, the least drastic option applies: the one "
        "whose effects move the world least (see docs/authoring.md).",
        examples=[True],
    )


class Card(Model):
    """An event card: when its trigger holds it may be dealt to its target actor."""

    id: Id = Field(
        description="The card's id, different from every other card's.",
        examples=["early_warning", "council_veto"],
    )
    title: Text = Field(
        description="The card's title.",
        examples=[
            "A warning called irresponsible",
            {"en": "Words from an envoy", "es": "Palabras de un enviado"},
        ],
    )
    text: Text = Field(
        description="The situation, addressed to the player who must choose.",
        examples=[
            "At a press conference in Prishtina, a journalist asks your special envoy about the "
            "Liberation Army. Whatever he says will be read in Beograd as a signal."
        ],
    )
    lesson: Text = Field(
        description="One line for the debrief: what the card teaches.",
        examples=["A great power's words are acts: an envoy's label can read as a green light."],
    )
    target: Ref = Field(
        description="The actor who chooses among the options.",
        examples=["un", "$crisis_state"],
    )
    trigger: list[Condition] = Field(
        default_factory=list,
        max_length=16,
        json_schema_extra={"default": []},
        description="Conditions that must all hold for the card to be dealt (up to 16); an "
        "empty list: it can always be dealt.",
        examples=[
            [
                {"type": "crisis", "kind": ["repression"], "state": "servia"},
                {"type": "turn", "min": 2, "max": 9},
            ]
        ],
    )
    options: list[Option] = Field(
        min_length=1,
        max_length=4,
        description="The choices (1–4). If nobody answers, the option marked default applies; "
        "with none marked, the least drastic one (see docs/authoring.md).",
        examples=[
            [
                {
                    "id": "dismiss",
                    "label": "Dismiss it: alarmism helps no one",
                    "effects": [
                        {
                            "type": "actor_stat",
                            "actor": "rights_watch",
                            "stat": "credibility",
                            "amount": -5,
                        }
                    ],
                },
                {
                    "id": "send_monitors",
                    "label": "Send monitors into the province now",
                    "effects": [
                        {"type": "crisis", "crisis": "$crisis", "amount": -6},
                        {"type": "flag", "flag": "monitors", "set": 1},
                    ],
                },
            ]
        ],
    )
    weight: Annotated[float, Field(gt=0, le=100)] = Field(
        1.0,
        description="How likely it is drawn when more cards could be dealt than cards_per_turn "
        "allows, compared with the other cards' weights (above 0, at most 100).",
        examples=[4, 6],
    )
    once: bool = Field(
        True,
        description="true: dealt at most once a match; false: it can come back after its cooldown.",
        examples=[True, False],
    )
    cooldown: Annotated[int, Field(ge=0, le=100)] = Field(
        3,
        description="For a card that can come back: turns that must pass before it is dealt "
        "again (0–100).",
        examples=[3, 6],
    )
    centralization: Literal["rewards", "punishes"] | None = Field(
        None,
        description="Whether the card rewards or punishes a centralized world.",
        examples=["rewards", "punishes"],
    )
    teacher: bool = Field(
        False,
        description="true: a card of the teacher's deck: never dealt by the game's own draw; "
        "in a class match the teacher console plays it onto the seat the teacher chooses, which "
        "becomes its target (its trigger is not read). Its effects may name $target.",
        examples=[True],
    )

    @model_validator(mode="after")
    def _unique_options(self) -> Card:
        ids = [o.id for o in self.options]
        if len(ids) != len(set(ids)):
            raise ValueError(f"card {self.id!r} has two options with the same id")
        marked = [o.id for o in self.options if o.default]
        if len(marked) > 1:
            raise ValueError(
                f"card {self.id!r} marks {len(marked)} options as the default "
                f"({', '.join(marked)}); mark one at most"
            )
        return self


class Goal(Model):
    """A goal of a mission: its points count if all its conditions hold at the end of the match."""

    text: Text = Field(
        description="The goal as the player reads it.",
        examples=[
            "Servia keeps most of its sovereignty.",
            {"en": "No tribunal indicts you.", "es": "Ningún tribunal te acusa formalmente."},
        ],
    )
    points: Annotated[float, Field(ge=-100, le=100)] = Field(
        10,
        description="Points added to the score when it is met, -100 to 100 (a negative goal is "
        "a penalty).",
        examples=[20, 10],
    )
    when: list[Condition] = Field(
        min_length=1,
        max_length=16,
        description="Conditions that must all hold at the end of the match (1–16); $target is "
        "the mission's actor.",
        examples=[[{"type": "actor_stat", "actor": "servia", "stat": "sovereignty", "min": 70}]],
    )


class Mission(Model):
    """What an actor is trying to do; the score weighs the four criteria and adds goals met."""

    actor: Id = Field(
        description="The actor this mission is for (its id): a seat, or an actor the AI plays.",
        examples=["servia", "un"],
    )
    role: Text = Field(
        description="One line shown to the player: who they are.",
        examples=[
            "Secretary-General of the United Nations",
            {"en": "President of Servia", "es": "Presidente de Servia"},
        ],
    )
    brief: Text = Field(
        "",
        description="A longer briefing for this seat (optional).",
        examples=[
            "You lead a body whose mandate its members grant and whose soldiers it must borrow."
        ],
    )
    weights: dict[Criterion, Annotated[float, Field(ge=0, le=10)]] = Field(
        default_factory=lambda: {c: 1.0 for c in Criterion},
        json_schema_extra={
            "default": {"peace": 1.0, "justice": 1.0, "pluralism": 1.0, "freedom": 1.0}
        },
        description="How much each criterion counts in the score, 0–10. A criterion left out "
        "of the table counts 0; leave the whole table out and every criterion counts 1.",
        examples=[{"peace": 2, "justice": 1, "pluralism": 0.5, "freedom": 0.5}],
    )
    goals: list[Goal] = Field(
        default_factory=list,
        max_length=16,
        json_schema_extra={"default": []},
        description="Goals the player is told about (up to 16).",
        examples=[
            [
                {
                    "text": "Servia keeps most of its sovereignty.",
                    "points": 10,
                    "when": [
                        {"type": "actor_stat", "actor": "servia", "stat": "sovereignty", "min": 70}
                    ],
                }
            ]
        ],
    )
    secret: list[Goal] = Field(
        default_factory=list,
        max_length=8,
        json_schema_extra={"default": []},
        description="Further goals, told only to this seat (up to 8).",
        examples=[
            [
                {
                    "text": "If the province is lost, keep at least its north.",
                    "points": 10,
                    "when": [{"type": "flag", "flag": "partition", "min": 1}],
                }
            ]
        ],
    )


class EndCondition(Model):
    """A way the match ends early: as soon as all its conditions hold, from min_turn on."""

    id: Id = Field(description="The end condition's id.", examples=["peace_restored", "collapse"])
    text: Text = Field(
        description="Shown when the match ends this way.",
        examples=[
            "Collapse: repression, uprising and war have broken the region's peace.",
            {
                "en": "Collapse: repression, uprising and war have broken the region's peace.",
                "es": "Colapso: la represión, la insurrección y la guerra han roto la paz de la región.",
            },
        ],
    )
    min_turn: Annotated[int, Field(ge=1, le=200)] = Field(
        1, description="The first turn on which it can end the match (1–200).", examples=[6, 8]
    )
    when: list[Condition] = Field(
        min_length=1,
        max_length=16,
        description="Conditions that must all hold (1–16).",
        examples=[[{"type": "criterion", "criterion": "peace", "max": 10}]],
    )


def _same_fields(a: BaseModel, b: object) -> bool:
    """Two scenarios, or two sets of rules, are equal when their fields are: what each has
    worked out and kept (its digest, its card index, the rules a scenario's matches share) is
    not part of its value."""
    return type(a) is type(b) and a.__dict__ == b.__dict__  # type: ignore[union-attr]


class Rules(Model):
    """The parts of a scenario that never change during a match (shared between copies)."""

    cards: list[Card] = Field(default_factory=list, max_length=400)
    missions: list[Mission] = Field(default_factory=list, max_length=128)
    seats: list[Id] = Field(default_factory=list, max_length=40)
    end_conditions: list[EndCondition] = Field(default_factory=list, max_length=32)
    cards_per_turn: Annotated[int, Field(ge=0, le=6)] = 2
    _digest: str | None = PrivateAttr(default=None)
    _missions: dict[str, Mission] | None = PrivateAttr(default=None)
    _cards: dict[str, Card] | None = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        return _same_fields(self, other)

    __hash__ = None  # type: ignore[assignment]  # a value that changes no more than it hashes

    def card(self, card_id: str) -> Card | None:
        """The card with this id, from an index made once (the rules never change in a match)."""
        private = self.__pydantic_private__
        index = private.get("_cards")
        if index is None:
            index = private["_cards"] = {}
            for c in self.cards:
                index.setdefault(c.id, c)  # the first card of an id, as a scan would find
        return index.get(card_id)

    def mission(self, actor_id: str) -> Mission | None:
        private = self.__pydantic_private__
        index = private.get("_missions")
        if index is None:
            index = private["_missions"] = {m.actor: m for m in self.missions}
        return index.get(actor_id)

    def digest(self) -> str:
        """SHA-256 of the rules, computed once: the rules never change during a match."""
        private = self.__pydantic_private__
        digest = private.get("_digest")
        if digest is None:
            blob = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
            digest = private["_digest"] = hashlib.sha256(blob.encode()).hexdigest()
        return digest


class Scenario(WorldBase):
    """A scenario file. See docs/authoring.md for a walk-through."""

    schema_: str | None = Field(
        None,
        alias="$schema",
        max_length=500,
        description="Where your editor finds this JSON Schema, relative to the scenario file, so "
        "it can complete and check as you type. The game ignores it.",
        examples=["scenario.schema.json", "../docs/scenario.schema.json"],
    )
    format: Literal[1] = Field(
        1, description="The version of the scenario file format: always 1.", examples=[1]
    )
    id: Id = Field(
        description="The scenario's id. Name the file after it (kosovo.json) and the command "
        "line finds it: continuum play kosovo.",
        examples=["kosovo", "three_valleys"],
    )
    title: Text = Field(
        description="The scenario's name, shown in the New match list.",
        examples=[
            "Three Valleys",
            {
                "en": "Kosova, 1998–99: What Is the Best We Can Do?",
                "es": "Kosova, 1998–99: ¿qué es lo mejor que podemos hacer?",
            },
        ],
    )
    summary: Text = Field(
        description="One or two sentences shown under the title in the New match list.",
        examples=[
            "The core republic of a collapsing federation represses a province whose majority "
            "has lost its autonomy. Many agents could act; none is assigned to."
        ],
    )
    briefing: Text = Field(
        "",
        description="Read by the players at the start of the match: the situation, and what a "
        "turn stands for (the summary is shown if left out).",
        examples=[
            "March 1998. The Federation of the South Slavs is what remains of a larger "
            "federation that broke apart in war earlier in the decade. Each turn is about a month."
        ],
    )
    argument: Text = Field(
        "",
        description="Which of the essay's arguments it lets a class test.",
        examples=[
            "No assigned agent: in a many-centred world a massacre waits for someone to act, and "
            "may wait too long."
        ],
    )
    turns: Annotated[int, Field(ge=1, le=200)] = Field(
        24,
        description="How many turns the match lasts (1–200); an end condition can stop it sooner.",
        examples=[24, 12],
    )
    seed: Annotated[int, Field(ge=0, lt=2**63)] = Field(
        1,
        description="The number that fixes the match's luck: the same seed and the same choices "
        "give the same match.",
        examples=[1999, 42],
    )
    criteria: Criteria | None = Field(
        None,
        title="Criteria",
        description="The four criteria at the start; computed from the world if left out.",
        examples=[{"peace": 45, "justice": 40, "pluralism": 45, "freedom": 50}],
    )
    cards_per_turn: Annotated[int, Field(ge=0, le=6)] = Field(
        2,
        description="How many event cards can be dealt each turn (0–6; 2 is a good start).",
        examples=[2],
    )
    seats: list[Id] = Field(
        default_factory=list,
        max_length=40,
        json_schema_extra={"default": []},
        description="Actors a person may play. The AI plays a seat nobody takes, and always "
        "plays actors without a seat.",
        examples=[["servia", "un", "atlantic_alliance", "rights_watch"]],
    )
    missions: list[Mission] = Field(
        default_factory=list,
        max_length=128,
        json_schema_extra={"default": []},
        description="What each actor is trying to do and how it is scored (up to 128, one per "
        "actor); a seat without a mission is scored on the criteria alone.",
        examples=[
            [
                {
                    "actor": "servia",
                    "role": "President of Servia",
                    "weights": {"peace": 2, "justice": 1, "pluralism": 0.5, "freedom": 0.5},
                    "goals": [
                        {
                            "text": "Kosova stays part of Servia.",
                            "points": 20,
                            "when": [{"type": "flag", "flag": "kosova_independent", "max": 0}],
                        }
                    ],
                }
            ]
        ],
    )
    end_conditions: list[EndCondition] = Field(
        default_factory=list,
        max_length=32,
        json_schema_extra={"default": []},
        description="Ways the match can end before its last turn (up to 32).",
        examples=[
            [
                {
                    "id": "collapse",
                    "text": "Collapse: repression, uprising and war have broken the region's peace.",
                    "min_turn": 6,
                    "when": [{"type": "criterion", "criterion": "peace", "max": 10}],
                }
            ]
        ],
    )
    cards: list[Card] = Field(
        default_factory=list,
        max_length=400,
        json_schema_extra={"default": []},
        description="The event cards (up to 400): situations dealt to an actor when their "
        "trigger holds, each with one to four options.",
        examples=[
            [
                {
                    "id": "envoys_words",
                    "title": "Words from an envoy",
                    "text": "A journalist asks your special envoy about the Liberation Army.",
                    "lesson": "A great power's words are acts: an envoy's label can read as a "
                    "green light.",
                    "target": "atlantica",
                    "weight": 3,
                    "trigger": [
                        {"type": "crisis", "kind": ["repression"], "state": "servia"},
                        {"type": "turn", "min": 1, "max": 5},
                    ],
                    "options": [
                        {
                            "id": "terrorists",
                            "label": "Call them terrorists, without any question",
                            "effects": [{"type": "crisis", "crisis": "$crisis", "amount": 6}],
                        },
                        {
                            "id": "condemn_both",
                            "label": "Condemn both the ambushes and the police raids",
                            "effects": [{"type": "crisis", "crisis": "$crisis", "amount": -2}],
                        },
                    ],
                }
            ]
        ],
    )

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    _rules: tuple[Rules, tuple] | None = PrivateAttr(default=None)  # and what it was made of

    def __eq__(self, other: object) -> bool:
        return _same_fields(self, other)

    __hash__ = None  # type: ignore[assignment]

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
        """The rules every match of this scenario plays by: made once and shared by all of
        them, so what is worked out from the rules (their digest, the cards' index, the
        compiled triggers and goals) is worked out once per scenario, not once per match. A
        copy of the scenario with other cards, missions or endings gets rules of its own."""
        sources = (
            self.cards,
            self.missions,
            self.seats,
            self.end_conditions,
            self.cards_per_turn,
        )
        private = self.__pydantic_private__
        kept = private.get("_rules") if private is not None else None
        if kept is not None and all(a is b for a, b in zip(kept[1], sources, strict=True)):
            return kept[0]
        rules = Rules(
            cards=self.cards,
            missions=self.missions,
            seats=self.seats,
            end_conditions=self.end_conditions,
            cards_per_turn=self.cards_per_turn,
        )
        if private is None:
            object.__setattr__(self, "__pydantic_private__", {"_rules": (rules, sources)})
        else:
            private["_rules"] = (rules, sources)
        return rules
