"""The closed vocabulary of conditions and effects that event cards, goals and end conditions use.

Each entry is a pydantic model tagged by ``type``: a file can only name what is listed here, and
the engine interprets it (``conditions.py``, ``effects.py``). Nothing in a scenario is ever run
as code.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from .model import Arrangement, Criterion, Id, Model

# A reference to an actor, group, region or crisis: an id, or a binding such as ``$target``.
Ref = Annotated[
    str,
    Field(
        min_length=1,
        max_length=48,
        pattern=r"^(\$[a-z_]+|[a-z][a-z0-9_]*)$",
        description="An id, or a binding: $target (the card's actor), $crisis, $crisis_state, "
        "$crisis_group, $attacker, $defender, $hegemon (the strongest state).",
        examples=["servia", "$target", "$crisis_state"],
    ),
]
BINDINGS = ("target", "crisis", "crisis_state", "crisis_group", "attacker", "defender", "hegemon")
Delta = Annotated[
    float,
    Field(
        ge=-100,
        le=100,
        description="A change, from -100 to 100; a negative amount lowers the figure.",
        examples=[-5, 10],
    ),
]
# Not described here: a limit's meaning depends on what it limits (each field says), and in an
# optional field the alias's words would only repeat inside the schema's "anyOf".
Bound = Annotated[float, Field(ge=-1_000_000, le=1_000_000)]

STATE_STATS = ("wealth", "military", "sovereignty", "fear", "freedom", "pressure")
FEDERATION_STATS = ("depth", "budget", "force")
BODY_STATS = ("mandate", "enforcement", "budget", "legitimacy", "independence")
NGO_STATS = ("volunteers", "credibility")
ACTOR_STATS: dict[str, tuple[str, ...]] = {
    "state": STATE_STATS,
    "federation": FEDERATION_STATS,
    "global_body": BODY_STATS,
    "ngo": NGO_STATS,
}
# What a condition may read beyond the stats an effect may change: an NGO's reach (the number of
# states it works in), which only its own offices (`expand`) move.
ACTOR_FIGURES: dict[str, tuple[str, ...]] = {**ACTOR_STATS, "ngo": (*NGO_STATS, "reach")}
ActorStat = Literal[
    "wealth", "military", "sovereignty", "fear", "freedom", "pressure",
    "depth", "budget", "force",
    "mandate", "enforcement", "legitimacy", "independence",
    "volunteers", "credibility",
]  # fmt: skip
ActorFigure = Literal[ActorStat, "reach"]  # (Literal flattens: one enum in the schema)
GroupStat = Literal["grievance", "security", "autonomy"]
CrisisKind = Literal[
    "repression", "cleansing", "civil_war", "famine", "plague", "financial", "refugees"
]

_ACTOR_STAT = (
    "It must be one the actor has: a state's wealth, military, sovereignty, fear, freedom or "
    "pressure; a federation's depth, budget or force; a global body's mandate, enforcement, "
    "budget, legitimacy or independence; an NGO's volunteers or credibility."
)
_ACTOR_FIGURE = _ACTOR_STAT.replace(
    "volunteers or credibility.",
    "volunteers, credibility or reach (the number of states it works in, which only its own "
    "offices raise).",
)
_GROUP_STAT = "grievance, security or autonomy (each 0–100)."
_CRISIS_KIND = (
    "repression, cleansing (ethnic cleansing), civil_war, famine, plague, financial (a panic) "
    "or refugees."
)


def _tag(value: str, what: str) -> Any:
    """The ``type`` field of a condition or an effect: always ``value``."""
    return Field(value, description=f'Which {what} this is: always "{value}".', examples=[value])


class Range(Model):
    """A number tested against an inclusive range: min, max or both (each optional)."""

    min: Bound | None = Field(
        None,
        description='The lowest value that passes, inclusive ("min": 60 means 60 or more); '
        "leave out for no lower limit.",
        examples=[60, 2],
    )
    max: Bound | None = Field(
        None,
        description='The highest value that passes, inclusive ("max": 10 means 10 or less); '
        "leave out for no upper limit.",
        examples=[10, 35],
    )

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


# ---- conditions ------------------------------------------------------------------------------


class ArrangementIs(Model):
    """The world stands in one of these arrangements."""

    type: Literal["arrangement"] = _tag("arrangement", "condition")
    arrangements: list[Arrangement] = Field(
        min_length=1,
        description="The arrangements that pass (at least one). From unity to division: "
        "global_state, empire, federation, pluralism_3, pluralism_2, pluralism_1, anarchy.",
        examples=[["pluralism_1", "pluralism_2", "anarchy"], ["empire"]],
    )


class CentralizationIs(Range):
    """The centralization figure (0–100: how far power is gathered in a hegemon or a center)
    is in range."""

    type: Literal["centralization"] = _tag("centralization", "condition")


class CriterionIs(Range):
    """One of the four criteria is in range."""

    type: Literal["criterion"] = _tag("criterion", "condition")
    criterion: Criterion = Field(
        # Not "Criterion": pydantic drops a title that repeats the referenced definition's.
        title="Criterion Tested",
        description="Which criterion is tested: peace, justice, pluralism or freedom (each 0–100).",
        examples=["peace"],
    )


class TurnIs(Range):
    """The turn number is in range (the first turn is 1)."""

    type: Literal["turn"] = _tag("turn", "condition")


class ActorStatIs(Range):
    """An actor's figure is in range (false if the actor no longer exists)."""

    type: Literal["actor_stat"] = _tag("actor_stat", "condition")
    actor: Ref = Field(
        description="The actor whose figure is tested: an id, or a binding such as $target or "
        "$crisis_state.",
        examples=["servia", "$crisis_state"],
    )
    stat: ActorFigure = Field(
        description=f"The figure tested. {_ACTOR_FIGURE}", examples=["sovereignty", "mandate"]
    )


class GroupStatIs(Range):
    """A group's grievance, security or autonomy is in range."""

    type: Literal["group_stat"] = _tag("group_stat", "condition")
    group: Ref = Field(
        description="The group tested: an id, or $crisis_group.",
        examples=["kosovar_albanians", "$crisis_group"],
    )
    stat: GroupStat = Field(description=f"The figure tested: {_GROUP_STAT}", examples=["grievance"])


class CrisisIs(Model):
    """A crisis is under way; the first match binds $crisis, $crisis_state and $crisis_group."""

    type: Literal["crisis"] = _tag("crisis", "condition")
    kind: list[CrisisKind] | None = Field(
        None,
        description=f"Only crises of these kinds; leave out for any kind. Kinds: {_CRISIS_KIND}",
        examples=[["repression"], ["cleansing", "civil_war"]],
    )
    state: Ref | None = Field(
        None,
        description="Only crises in this state (an id or a binding); leave out for any state.",
        examples=["servia"],
    )
    group: Ref | None = Field(
        None,
        description="Only crises this group suffers (an id or a binding); leave out for any group.",
        examples=["kosovar_albanians"],
    )
    min_severity: Annotated[float, Field(ge=0, le=100)] = Field(
        0,
        description="Only crises at least this severe (0–100).",
        examples=[20],
    )
    min_age: Annotated[int, Field(ge=0, le=200)] = Field(
        0,
        description="Only crises that have lasted at least this many turns (0–200).",
        examples=[2],
    )
    unanswered: bool = Field(
        False,
        description="Only crises no agent with mandate and capacity (a state, union or body) has "
        "acted on; relief by NGOs does not count.",
        examples=[True],
    )


class WarIs(Model):
    """A war is (or is not) under way; the first war binds $attacker and $defender."""

    type: Literal["war"] = _tag("war", "condition")
    active: bool = Field(
        True,
        description="true: a matching war is under way; false: none is.",
        examples=[True, False],
    )
    involving: Ref | None = Field(
        None,
        description="Only wars this actor fights, as attacker or defender; leave out for any war.",
        examples=["servia"],
    )
    min_age: Annotated[int, Field(ge=0, le=200)] = Field(
        0, description="Turns it has lasted.", examples=[2]
    )


class ExistsIs(Model):
    """An actor exists (states can be conquered; new states can secede)."""

    type: Literal["exists"] = _tag("exists", "condition")
    actor: Ref = Field(
        description="The actor tested. It may name a state that does not exist yet, such as a "
        "seceded group's <group id>_state.",
        examples=["kosovar_albanians_state", "crna_gora"],
    )
    exists: bool = Field(
        True,
        description="true: the actor exists; false: it does not (conquered, or not yet seceded).",
        examples=[False],
    )


class RegionOwnerIs(Model):
    """A region is (or is not) held by this state."""

    type: Literal["region_owner"] = _tag("region_owner", "condition")
    region: Ref = Field(description="The region tested.", examples=["kosova"])
    owner: Ref = Field(description="The state tested as its holder.", examples=["servia"])
    held: bool = Field(
        True,
        description="true: the state holds the region; false: it does not (after a conquest, a "
        "secession or a transfer).",
        examples=[False],
    )


class StatusIs(Model):
    """A state is (or is not) under sanctions, or its leaders indicted, or arrested."""

    type: Literal["status"] = _tag("status", "condition")
    actor: Ref = Field(description="The state tested.", examples=["servia"])
    status: Literal["sanctioned", "indicted", "arrested"] = Field(
        description="sanctioned (sanctions have turns left to run), indicted (a court has "
        "indicted its leaders, not yet arrested) or arrested (a court has arrested leaders it "
        "indicted, at any time in the match).",
        examples=["sanctioned", "indicted", "arrested"],
    )
    active: bool = Field(
        True,
        description="true: the status holds; false: it does not.",
        examples=[False],
    )


class GovernmentIs(Model):
    """A state has this government."""

    type: Literal["government"] = _tag("government", "condition")
    actor: Ref = Field(description="The state tested.", examples=["$crisis_state"])
    government: Literal["republic", "autocracy"] = Field(
        description="republic or autocracy.", examples=["autocracy"]
    )


class MemberIs(Model):
    """A state is (or is not) a member of a federation or global body."""

    type: Literal["member"] = _tag("member", "condition")
    state: Ref = Field(description="The state tested.", examples=["vardaria"])
    of: Ref = Field(description="The federation or global body.", examples=["european_union"])
    member: bool = Field(
        True,
        description="true: the state is a member; false: it is not.",
        examples=[True],
    )


class FlagIs(Range):
    """A scenario flag (a number cards set) is in range; an unset flag is 0."""

    type: Literal["flag"] = _tag("flag", "condition")
    flag: Id = Field(
        description="The flag's name: any id you choose, set by a flag effect.",
        examples=["green_light", "kosova_independent"],
    )


class InequalityIs(Range):
    """Inequality of wealth per person between states, 0 (equal) to 100."""

    type: Literal["inequality"] = _tag("inequality", "condition")


class CivilSocietyIs(Range):
    """The density of cross-border civil society, 0–100."""

    type: Literal["civil_society"] = _tag("civil_society", "condition")


class Chance(Model):
    """True with this probability, drawn from the match's seeded generator."""

    type: Literal["chance"] = _tag("chance", "condition")
    p: Annotated[float, Field(ge=0, le=1)] = Field(
        description="The probability it holds, from 0 (never) to 1 (always).", examples=[0.3]
    )


class AnyOf(Model):
    """At least one of these conditions holds ("or"); a crisis or war inside it can bind."""

    type: Literal["any"] = _tag("any", "condition")
    conditions: list[Condition] = Field(
        min_length=1,
        max_length=16,
        description="The alternatives (1–16); at least one must hold.",
        examples=[[{"type": "flag", "flag": "kla_war", "min": 1}, {"type": "turn", "min": 3}]],
    )


class NotIs(Model):
    """The condition does not hold."""

    type: Literal["not"] = _tag("not", "condition")
    condition: Condition = Field(
        description="The one condition that must not hold.",
        examples=[{"type": "crisis", "kind": ["cleansing"], "state": "servia"}],
    )


Condition = Annotated[
    ArrangementIs
    | CentralizationIs
    | CriterionIs
    | TurnIs
    | ActorStatIs
    | GroupStatIs
    | CrisisIs
    | WarIs
    | ExistsIs
    | RegionOwnerIs
    | StatusIs
    | GovernmentIs
    | MemberIs
    | FlagIs
    | InequalityIs
    | CivilSocietyIs
    | Chance
    | AnyOf
    | NotIs,
    Field(discriminator="type"),
]
AnyOf.model_rebuild()
NotIs.model_rebuild()

# ---- effects ---------------------------------------------------------------------------------


class ChangeCriterion(Model):
    """Move one of the four criteria directly; the turn report names the card as the cause."""

    type: Literal["criterion"] = _tag("criterion", "effect")
    criterion: Criterion = Field(
        title="Criterion Moved",
        description="Which criterion moves: peace, justice, pluralism or freedom.",
        examples=["peace", "justice"],
    )
    amount: Delta = Field(
        description="How far it moves, -100 to 100. Keep it modest (2–4): a card that moves a "
        "criterion by 20 decides the match on its own.",
        examples=[-4, 3],
    )


class ChangeActorStat(Model):
    """Add to an actor's indicator (clamped to its range)."""

    type: Literal["actor_stat"] = _tag("actor_stat", "effect")
    actor: Ref = Field(
        description="The actor to change: an id, or a binding such as $target. Nothing happens "
        "if it no longer exists.",
        examples=["servia", "$target"],
    )
    stat: ActorStat = Field(
        description=f"The figure to change. {_ACTOR_STAT}", examples=["sovereignty", "credibility"]
    )
    amount: Delta = Field(
        description="How much to add, -100 to 100 (negative takes away); the result is kept "
        "within the figure's range (0–100 for most). 5–10 is a modest change.",
        examples=[-5, 6],
    )


class ChangeGroupStat(Model):
    """Add to a group's grievance, security or autonomy (kept within 0–100)."""

    type: Literal["group_stat"] = _tag("group_stat", "effect")
    group: Ref = Field(
        description="The group to change: an id, or $crisis_group.",
        examples=["kosovar_albanians", "$crisis_group"],
    )
    stat: GroupStat = Field(
        description=f"The figure to change: {_GROUP_STAT}", examples=["grievance", "security"]
    )
    amount: Delta = Field(
        description="How much to add, -100 to 100 (negative takes away).", examples=[5, -10]
    )


class ChangeCorporations(Model):
    """Add to a multinational corporation's (or every one's) capital or escape from regulation."""

    type: Literal["corporations"] = _tag("corporations", "effect")
    corporation: Id | None = Field(
        None,
        description="One corporation; null means all of them.",
        examples=["atlas_capital"],
    )
    stat: Literal["capital", "escape"] = Field(
        description="capital (what it controls) or escape (how far it escapes regulation, 0–100).",
        examples=["escape", "capital"],
    )
    amount: Delta = Field(
        description="How much to add, -100 to 100 (negative takes away).", examples=[5, -10]
    )


class StartCrisis(Model):
    """Start a new crisis in a state."""

    type: Literal["start_crisis"] = _tag("start_crisis", "effect")
    kind: CrisisKind = Field(
        description=f"What kind of crisis: {_CRISIS_KIND}", examples=["refugees", "cleansing"]
    )
    state: Ref = Field(
        description="The state where it happens: an id or a binding.",
        examples=["arberia", "$crisis_state"],
    )
    group: Ref | None = Field(
        None,
        description="The group that suffers it, if any: an id or a binding.",
        examples=["kosovar_albanians"],
    )
    severity: Annotated[float, Field(ge=1, le=100)] = Field(
        20, description="How bad it starts, 1–100.", examples=[25, 35]
    )


class ChangeCrisis(Model):
    """Change a crisis's severity (at 0 it ends); optionally record who answered it, authorize
    force against it, or bring it relief this turn."""

    type: Literal["crisis"] = _tag("crisis", "effect")
    crisis: Ref = Field(
        "$crisis",
        description="The crisis to change: an id, or $crisis (the crisis the trigger's crisis "
        "condition found).",
        examples=["$crisis", "kosovo_repression"],
    )
    amount: Delta = Field(
        0,
        description="How much to add to its severity, -100 to 100; at 0 severity the crisis ends.",
        examples=[-6, 3],
    )
    responder: Ref | None = Field(
        None,
        description="An actor now counted as having acted on it.",
        examples=["un", "$target"],
    )
    authorize: bool = Field(
        False,
        description="Mark force against it as authorized, as a passed UN vote would.",
        examples=[True],
    )
    relief: Annotated[float, Field(ge=0, le=100)] = Field(
        0,
        description="Relief this turn, 0–100: how much of the crisis's cost it absorbs (added to "
        "any other relief, at most 100).",
        examples=[50],
    )


class StartWar(Model):
    """Start a war between two actors."""

    type: Literal["start_war"] = _tag("start_war", "effect")
    attacker: Ref = Field(
        description="The actor that attacks: an id or a binding such as $hegemon.",
        examples=["atlantica", "$hegemon"],
    )
    defender: Ref = Field(
        description="The actor attacked: an id or a binding such as $crisis_state.",
        examples=["servia", "$crisis_state"],
    )


class EndWar(Model):
    """End the wars that involve this actor (or every war)."""

    type: Literal["end_war"] = _tag("end_war", "effect")
    involving: Ref | None = Field(
        None,
        description="End the wars this actor fights; leave out to end every war.",
        examples=["servia", "$attacker"],
    )


class SetGovernment(Model):
    """A state's government changes: a coup or a revolution."""

    type: Literal["government"] = _tag("government", "effect")
    actor: Ref = Field(
        description="The state whose government changes.", examples=["$target", "servia"]
    )
    government: Literal["republic", "autocracy"] = Field(
        description="The new government: republic or autocracy.", examples=["republic"]
    )


class Secede(Model):
    """A group's regions leave their state and form a new sovereign state."""

    type: Literal["secede"] = _tag("secede", "effect")
    group: Ref = Field(
        description="The group whose regions secede; the new state is called <group id>_state. "
        "Nothing happens if its regions are the whole state.",
        examples=["kosovar_albanians"],
    )


class TransferRegion(Model):
    """A region changes hands; a state left with no region ceases to exist."""

    type: Literal["transfer_region"] = _tag("transfer_region", "effect")
    region: Ref = Field(description="The region that changes hands.", examples=["kosova"])
    to: Ref = Field(description="The state that receives it.", examples=["arberia"])


class JoinBody(Model):
    """A state joins (or leaves) a federation or global body."""

    type: Literal["membership"] = _tag("membership", "effect")
    state: Ref = Field(description="The state that joins or leaves.", examples=["vardaria"])
    of: Ref = Field(
        description="The federation or global body. Nothing happens for a body whose members "
        "is null (every state belongs).",
        examples=["european_union"],
    )
    join: bool = Field(
        True, description="true: the state joins; false: it leaves.", examples=[True, False]
    )


class SetFlag(Model):
    """Add to a scenario flag, or set it."""

    type: Literal["flag"] = _tag("flag", "effect")
    flag: Id = Field(
        description="The flag's name: any id you choose; a flag condition tests it.",
        examples=["green_light", "monitors"],
    )
    amount: Delta = Field(
        0,
        description="How much to add to the flag (a flag never set is 0); ignored when set is "
        "given.",
        examples=[1],
    )
    set: Bound | None = Field(
        None,
        description="Give the flag this value instead of adding amount.",
        examples=[1, 0],
    )


Effect = Annotated[
    ChangeCriterion
    | ChangeActorStat
    | ChangeGroupStat
    | ChangeCorporations
    | StartCrisis
    | ChangeCrisis
    | StartWar
    | EndWar
    | SetGovernment
    | Secede
    | TransferRegion
    | JoinBody
    | SetFlag,
    Field(discriminator="type"),
]
