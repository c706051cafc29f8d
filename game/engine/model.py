"""The world of a match: every actor, region, group, crisis and vote, as pydantic models.

These models are the types at every boundary (scenario files, saves, the network). Inside the
engine they are mutated in place on a private copy of the world (see ``World.clone``), so
validation is paid once, when a scenario or a save is read.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .fastattr import fast_attribute_reads
from .names import NameText

fast_attribute_reads()

# An identifier used in files: short, lower-case, safe to show and to put in a path.
Id = Annotated[
    str,
    Field(
        min_length=1,
        max_length=48,
        pattern=r"^[a-z][a-z0-9_]*$",
        description="An identifier: lower-case letters, digits and underscores.",
        examples=["servia", "un", "kosovar_albanians"],
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
    """Where the world stands on the essay's four criteria, each from 0 (worst) to 100 (best)."""

    peace: Stat = Field(
        50.0,
        description="Peace, 0–100: wars, crises and fear between neighbours lower it.",
        examples=[45],
    )
    justice: Stat = Field(
        50.0,
        description="Distributive justice, 0–100: high when wealth per person is shared evenly "
        "between states and groups have few grievances.",
        examples=[40],
    )
    pluralism: Stat = Field(
        50.0,
        description="Cultural pluralism, 0–100: high when groups are secure and self-governing "
        "and many different states coexist.",
        examples=[45],
    )
    freedom: Stat = Field(
        50.0,
        description="Individual freedom, 0–100: the freedom of the states, weighted by their "
        "people.",
        examples=[50],
    )

    def get(self, c: Criterion | str) -> float:
        return float(getattr(self, str(c)))

    def as_dict(self) -> dict[str, float]:
        return {c.value: getattr(self, c.value) for c in CRITERIA}


class Region(Model):
    """A piece of territory on the map, held by one state. Coordinates are on a 1000 x 600 board."""

    id: Id = Field(
        description="The region's id: owners, neighbours, groups and cards name the region by it.",
        examples=["kosova", "servia_core"],
    )
    name: NameText = Field(
        description="The region's name as shown on the map: a string, or translations such as "
        '{"en": "…", "es": "…"}.',
        examples=["Kosova (province)", "Vojvodina"],
    )
    owner: Id = Field(
        description="The state that holds the region (its id). Conquest, secession and the "
        "transfer_region effect change it.",
        examples=["servia"],
    )
    population: Annotated[float, Field(gt=0, le=10_000)] = Field(
        description="People living there, in millions (above 0, at most 10,000).",
        examples=[5.6, 2.0],
    )
    polygon: list[
        tuple[Annotated[float, Field(ge=0, le=1000)], Annotated[float, Field(ge=0, le=600)]]
    ] = Field(
        min_length=3,
        max_length=64,
        description="Outline on the 1000 x 600 map board: 3 to 64 [x, y] corners in order around "
        "the edge; x runs 0–1000 from the left, y 0–600 from the top. Regions that touch should "
        "share corners.",
        examples=[[[50, 50], [400, 50], [400, 550], [50, 550]]],
    )
    neighbors: list[Id] = Field(
        default_factory=list,
        json_schema_extra={"default": []},
        description="Regions that share a border (their ids); list each border on both sides. "
        "Fear, clashes, conquest and refugees travel across borders.",
        examples=[["kosova", "vojvodina", "sandzak"]],
    )


class Group(Model):
    """An ethnic, religious or national community living in some regions. An aggrieved,
    insecure group may rebel; a long civil war can end in secession."""

    id: Id = Field(
        description="The group's id: crises, cards and goals name it by it; if it secedes, its "
        "new state is called <group id>_state.",
        examples=["kosovar_albanians"],
    )
    name: NameText = Field(
        description="The group's name as shown to players: a string, or translations such as "
        '{"en": "…", "es": "…"}.',
        examples=["Kosovar Albanians", {"en": "Kosovar Albanians", "es": "albanokosovares"}],
    )
    kind: Literal["ethnic", "religious", "national"] = Field(
        "ethnic",
        description="What binds the community: ethnic, religious or national.",
        examples=["national"],
    )
    regions: list[Id] = Field(
        min_length=1,
        description="Regions where the group lives (their ids, at least one); if it secedes, "
        "these regions form its new state.",
        examples=[["kosova"]],
    )
    population: Annotated[float, Field(gt=0, le=10_000)] = Field(
        description="How many people belong to it, in millions (above 0, at most 10,000).",
        examples=[1.8],
    )
    grievance: Stat = Field(
        20.0,
        description="How aggrieved it is, 0–100. High grievance with low security leads to "
        "rebellion and civil war.",
        examples=[70],
    )
    security: Stat = Field(
        60.0,
        description="How safe it is from repression and violence, 0–100. Repression of a group "
        "with low security can turn into ethnic cleansing.",
        examples=[35],
    )
    autonomy: Stat = Field(
        30.0,
        description="How far it governs its own affairs, 0–100. A group with high autonomy (or "
        "a state of its own) is protected and grows more secure.",
        examples=[10],
    )
    separation: Stat = Field(
        50.0,
        description="How much separation its way of life needs to survive (0 none, 100 a state of its own).",
        examples=[70],
    )
    warned_by: list[Id] = Field(
        default_factory=list,
        json_schema_extra={"default": []},
        description="NGOs that have warned about it. Usually left out: the game adds an NGO when "
        "it raises a warning.",
        examples=[["rights_watch"]],
    )
    warning_credibility: Stat = Field(
        0.0,
        description="Credibility of the strongest warning raised about the group so far, 0–100; "
        "a heeded warning makes the first force sent against its crisis stronger. Usually left "
        "out (0).",
        examples=[0, 60],
    )


class ActorBase(Model):
    """What every actor has, whatever its kind: an id, a name, a colour and action points."""

    id: Id = Field(
        description="The actor's id: seats, missions, cards and other actors name it by it.",
        examples=["servia", "un"],
    )
    name: NameText = Field(
        description="The actor's name as shown to players: a string, or translations such as "
        '{"en": "…", "es": "…"}.',
        examples=[
            "United Nations",
            {"en": "Republic of Servia", "es": "la República de Servia"},
        ],
    )
    color: str = Field(
        "#888888",
        pattern=r"^#[0-9a-fA-F]{6}$",
        description="Its colour on the map and in the charts: # and six hex digits.",
        examples=["#8c2d2d", "#4b92db"],
    )
    action_points: int = Field(
        2,
        ge=1,
        le=6,
        description="Actions per turn, 1–6 (each action costs points; votes and card answers "
        "are free).",
        examples=[2, 3],
    )


class State(ActorBase):
    """A sovereign state: it holds regions, has an economy, an army and a government, and
    votes in the bodies it belongs to."""

    kind: Literal["state"] = Field(
        "state", description='The kind of actor: always "state" here.', examples=["state"]
    )
    wealth: Amount = Field(
        50.0,
        description="Size of its economy (any size, not capped at 100). Power grows with its "
        "square root; taxes, aid and budgets are paid from it.",
        examples=[24.6, 2132],
    )
    military: Amount = Field(
        20.0,
        description="Size of its armed forces (any size, not capped at 100). With wealth it "
        "makes the state's power, which decides fear, wars and conquest.",
        examples=[40, 150],
    )
    government: Literal["republic", "autocracy"] = Field(
        "republic",
        description="republic or autocracy. Two republics seldom fight; a republic tires of war "
        "sooner and bombs from the air rather than sending soldiers.",
        examples=["autocracy", "republic"],
    )
    sovereignty: Stat = Field(
        90.0,
        description="Sovereignty it still holds (not ceded), 0–100. What it cedes to a union or "
        "body is what lets that center govern.",
        examples=[85],
    )
    fear: Stat = Field(
        20.0,
        description="How afraid it is of its neighbours, 0–100. Fearful neighbours risk border "
        "clashes, and a clash involving an autocracy can become war.",
        examples=[55],
    )
    freedom: Stat = Field(
        60.0,
        description="Individual rights where its people live, 0–100; the freedom criterion is "
        "their mean, weighted by people.",
        examples=[28, 82],
    )
    pressure: Stat = Field(
        0.0,
        description="Political cost of inaction raised by civil society, 0–100. A republic "
        "under pressure restrains its own repression.",
        examples=[10],
    )
    nation: Id | None = Field(
        None,
        description="The group whose state this is, if any (its id); that group is protected "
        "and grows more secure.",
        examples=["castrians"],
    )
    sanctioned: int = Field(
        0,
        ge=0,
        description="Turns of sanctions left (0: none); each turn under sanctions costs it wealth.",
        examples=[0, 3],
    )
    indicted: bool = Field(
        False,
        description="Its leaders are indicted by a war-crimes court (until they are arrested).",
        examples=[False],
    )
    arrested: bool = Field(
        False,
        description="A war-crimes court has arrested leaders of it that it had indicted (it stays "
        "so: a later indictment is of others).",
        examples=[False],
    )


class Federation(ActorBase):
    """A regional union or alliance of states: a union pools sovereignty and a budget, an
    alliance pools force."""

    kind: Literal["federation"] = Field(
        "federation",
        description='The kind of actor: always "federation" here.',
        examples=["federation"],
    )
    purpose: Literal["union", "alliance"] = Field(
        "union",
        description="A union pools sovereignty and a budget; an alliance pools force.",
        examples=["union", "alliance"],
    )
    members: list[Id] = Field(
        default_factory=list,
        json_schema_extra={"default": []},
        description="Its member states (their ids).",
        examples=[["atlantica", "gallia", "germania", "hellas"]],
    )
    depth: Stat = Field(
        20.0,
        description="How much sovereignty its members have pooled, 0–100. A deep union gives "
        "its citizens redress through its courts, and above 50 presses uniformity on their "
        "groups.",
        examples=[35, 50],
    )
    budget: Amount = Field(
        10.0,
        description="Money it can spend on redistribution, sanctions and a common force (any "
        "size); it grows with members' wealth and ceded sovereignty.",
        examples=[45],
    )
    force: Amount = Field(
        0.0,
        description="Its common military force (any size): sent against crises, and a shield "
        "that calms its members' fear.",
        examples=[70, 5],
    )


class GlobalBody(ActorBase):
    """A global body: the UN (votes on force, sanctions and mediation), a bank, a trade body or
    a war-crimes court."""

    kind: Literal["global_body"] = Field(
        "global_body",
        description='The kind of actor: always "global_body" here.',
        examples=["global_body"],
    )
    body: Literal["un", "bank", "trade", "court"] = Field(
        description="Which body it is: un (council and assembly vote on force, sanctions and "
        "mediation), bank (lends and votes aid packages), trade (sets standards) or court "
        "(indicts and arrests leaders).",
        examples=["un", "court"],
    )
    members: list[Id] | None = Field(
        None,
        description="Member states; null means every state.",
        examples=[None, ["crna_gora", "arberia", "hellas"]],
    )
    permanent: list[Id] = Field(
        default_factory=list,
        json_schema_extra={"default": []},
        description="Permanent Council members, each holding a veto.",
        examples=[["atlantica", "gallia", "rossiya"]],
    )
    assembly_majority: Annotated[float, Field(ge=0.5, le=1.0)] = Field(
        0.67,
        description="Share of members whose vote authorizes force without the Council (0.5–1).",
        examples=[0.67],
    )
    mandate: Stat = Field(
        20.0,
        description="How far its members have empowered it to act, 0–100. A binding mandate "
        "moves the world from anarchy toward pluralism; unused, it decays.",
        examples=[35],
    )
    enforcement: Stat = Field(
        10.0,
        description="Its means to enforce its decisions, 0–100: the force it can send, the "
        "arrests a court can make. Unused, it decays.",
        examples=[20],
    )
    budget: Amount = Field(
        10.0,
        description="Money it can lend, grant or spend on capacity (any size).",
        examples=[30],
    )
    legitimacy: Stat = Field(
        50.0,
        description="How far its decisions are accepted, 0–100; a legitimate body's mediation "
        "more often ends a war.",
        examples=[60],
    )
    independence: Stat = Field(
        50.0,
        description="Governed apart from the other bodies, 0–100. Independent bodies make a "
        "world more plural and check a centralized one.",
        examples=[45, 70],
    )


class NGO(ActorBase):
    """A non-governmental organization: volunteers who bring relief, raise warnings and
    campaign, but cannot use force."""

    kind: Literal["ngo"] = Field(
        "ngo", description='The kind of actor: always "ngo" here.', examples=["ngo"]
    )
    focus: Literal["relief", "rights", "minority", "labor", "environment"] = Field(
        "relief",
        description="What it works for: relief, rights, minority, labor or environment.",
        examples=["relief", "rights"],
    )
    volunteers: Amount = Field(
        10.0,
        description="Thousands of volunteers (any size); with its reach and credibility they "
        "make the world's civil society.",
        examples=[30, 6],
    )
    reach: list[Id] = Field(
        default_factory=list,
        json_schema_extra={"default": []},
        description="States where it works (their ids).",
        examples=[["servia", "arberia", "vardaria"]],
    )
    credibility: Stat = Field(
        50.0,
        description="How far it is believed, 0–100. A warning from a credible NGO is heeded; a "
        "weaker one is dismissed.",
        examples=[70],
    )


Actor = Annotated[State | Federation | GlobalBody | NGO, Field(discriminator="kind")]
ActorKind = Literal["state", "federation", "global_body", "ngo"]


class Corporation(Model):
    """A multinational corporation: a force no seat plays. Its capital flees a state that taxes
    alone; standards cut how far it escapes regulation."""

    id: Id = Field(
        description="The corporation's id: the corporations effect can name it.",
        examples=["atlas_capital"],
    )
    name: NameText = Field(
        description="Its name as shown to players: a string, or translations such as "
        '{"en": "…", "es": "…"}.',
        examples=["Atlas Capital Partners"],
    )
    home: Id = Field(
        description="The state where it is based (its id).",
        examples=["atlantica"],
    )
    capital: Amount = Field(
        50.0,
        description="Capital it controls (any size).",
        examples=[120, 35],
    )
    escape: Stat = Field(
        50.0,
        description="How far it escapes regulation, 0–100: the higher, the more capital flees "
        "a state that taxes alone.",
        examples=[65, 40],
    )


class Crisis(Model):
    """A crisis under way when the match starts. It grows and costs the criteria every turn,
    and costs more while no agent with mandate and capacity has acted on it."""

    id: Id = Field(
        description="The crisis's id: cards and effects can name it.",
        examples=["kosovo_repression"],
    )
    kind: Literal[
        "repression", "cleansing", "civil_war", "famine", "plague", "financial", "refugees"
    ] = Field(
        description="What kind of crisis: repression, cleansing (ethnic cleansing), civil_war, "
        "famine, plague, financial (a panic) or refugees.",
        examples=["repression"],
    )
    state: Id = Field(
        description="The state where it happens (its id).",
        examples=["servia"],
    )
    group: Id | None = Field(
        None,
        description="The group that suffers it (its id), if any.",
        examples=["kosovar_albanians"],
    )
    severity: Stat = Field(
        20.0,
        description="How bad it is, 0–100; at 0 it ends.",
        examples=[25],
    )
    region: Id | None = Field(
        None,
        description="Where the map shows it (a region of its state): an epidemic's first "
        "cluster, a famine's worst district. Left out, the map shows it where its group lives, "
        "or at the state's capital (its most populous region). Only the map reads it.",
        examples=["tava_valley"],
    )
    age: int = Field(
        0,
        ge=0,
        description="Turns it has already lasted (0 for a crisis that begins with the match).",
        examples=[0, 2],
    )
    relief: Stat = Field(
        0.0,
        description="How much of its cost relief absorbs this turn, 0–100. Usually left out (0).",
        examples=[0],
    )
    responders: list[Id] = Field(
        default_factory=list,
        json_schema_extra={"default": []},
        description="Who has acted on it (actor ids). While only NGOs (or no one) have, it is "
        "unanswered and costs more.",
        examples=[["un"]],
    )
    authorized: bool = Field(
        False,
        description="A global body has authorized force against it.",
        examples=[False],
    )


class War(Model):
    """A war under way when the match starts, between two actors."""

    id: Id = Field(description="The war's id.", examples=["border_war"])
    attacker: Id = Field(description="The actor that attacked (its id).", examples=["servia"])
    defender: Id = Field(description="The actor attacked (its id).", examples=["arberia"])
    age: int = Field(
        0,
        ge=0,
        description="Turns it has already lasted (0 for a war that begins with the match).",
        examples=[0, 2],
    )


class Proposal(Model):
    """A resolution before a global body; it is voted on the turn after it is tabled."""

    id: Id
    body: Id
    proposer: Id
    kind: Literal["authorize_force", "sanctions", "aid_package", "standards", "mediate", "mandate"]
    target: Id
    opened: int = Field(ge=0)
    votes: dict[Id, Literal["yes", "no", "abstain"]] = Field(default_factory=dict)
    subject: str | dict[str, Any] | None = Field(
        None,
        description="What the target was called when the resolution was tabled (a crisis's "
        "label, a war's sentence, as message data): the vote can still name a crisis that ended "
        "in the meantime.",
    )


class Treaty(Model):
    """A treaty in force when the match starts: an alliance, a non-aggression pact, a guarantee
    of a group's autonomy or a trade agreement. It lapses when a party ceases to exist; a party
    that attacks another leaves an alliance or a non-aggression pact (one left with a single
    party lapses)."""

    id: Id = Field(description="The treaty's id.", examples=["atlantic_treaty"])
    kind: Literal["alliance", "non_aggression", "autonomy_guarantee", "trade"] = Field(
        description="What it is: alliance (the AI counts the parties as allies), non_aggression, "
        "autonomy_guarantee or trade.",
        examples=["alliance"],
    )
    parties: list[Id] = Field(
        min_length=2,
        description="The actors bound by it (their ids, at least two).",
        examples=[["servia", "rossiya"]],
    )
    group: Id | None = Field(
        None,
        description="For an autonomy guarantee: the group whose autonomy it guarantees (its id).",
        examples=["kosovar_albanians"],
    )


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


class Fallen(Model):
    """A state that left the map: when, and its name (the debrief still lists and names it; its
    seat is scored on the world the match leaves, as every seat is). Written once: copies share
    it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    turn: int = Field(ge=1, description="The turn at whose end the state was gone.")
    name: NameText = Field(description="Its name, as the state had it.")


def _unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ValueError(f"{what} id {i!r} is used twice")
        seen.add(i)


class WorldBase(Model):
    """The dynamic parts a scenario sets up and a match changes."""

    actors: list[Actor] = Field(
        min_length=1,
        max_length=128,
        description="Every actor at the start (1–128): states, federations (unions and "
        "alliances), global bodies and NGOs, each marked by its kind.",
        examples=[
            [
                {
                    "kind": "state",
                    "id": "servia",
                    "name": "Republic of Servia",
                    "color": "#8c2d2d",
                    "wealth": 24.6,
                    "military": 40,
                    "government": "autocracy",
                    "sovereignty": 85,
                    "fear": 55,
                    "freedom": 28,
                },
                {"kind": "global_body", "id": "un", "name": "United Nations", "body": "un"},
            ]
        ],
    )
    regions: list[Region] = Field(
        min_length=1,
        max_length=256,
        description="The map: every region at the start (1–256), each held by a state.",
        examples=[
            [
                {
                    "id": "kosova",
                    "name": "Kosova (province)",
                    "owner": "servia",
                    "population": 2.0,
                    "polygon": [[400, 300], [700, 300], [700, 550], [400, 550]],
                    "neighbors": ["servia_core", "arberia"],
                }
            ]
        ],
    )
    groups: list[Group] = Field(
        default_factory=list,
        max_length=128,
        json_schema_extra={"default": []},
        description="The ethnic, religious and national communities (up to 128).",
        examples=[
            [
                {
                    "id": "kosovar_albanians",
                    "name": "Kosovar Albanians",
                    "kind": "national",
                    "regions": ["kosova"],
                    "population": 1.8,
                    "grievance": 70,
                    "security": 35,
                    "autonomy": 10,
                    "separation": 70,
                }
            ]
        ],
    )
    corporations: list[Corporation] = Field(
        default_factory=list,
        max_length=32,
        json_schema_extra={"default": []},
        description="Multinational corporations, forces no seat plays (up to 32).",
        examples=[
            [
                {
                    "id": "atlas_capital",
                    "name": "Atlas Capital Partners",
                    "home": "atlantica",
                    "capital": 120,
                    "escape": 65,
                }
            ]
        ],
    )
    crises: list[Crisis] = Field(
        default_factory=list,
        max_length=128,
        json_schema_extra={"default": []},
        description="Crises already under way at the start (up to 128).",
        examples=[
            [
                {
                    "id": "kosovo_repression",
                    "kind": "repression",
                    "state": "servia",
                    "group": "kosovar_albanians",
                    "severity": 25,
                }
            ]
        ],
    )
    wars: list[War] = Field(
        default_factory=list,
        max_length=64,
        json_schema_extra={"default": []},
        description="Wars already under way at the start (up to 64).",
        examples=[[], [{"id": "border_war", "attacker": "servia", "defender": "arberia"}]],
    )
    treaties: list[Treaty] = Field(
        default_factory=list,
        max_length=128,
        json_schema_extra={"default": []},
        description="Treaties in force at the start (up to 128).",
        examples=[
            [{"id": "slavic_friendship", "kind": "alliance", "parties": ["servia", "rossiya"]}]
        ],
    )

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
