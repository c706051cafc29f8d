"""The closed vocabulary of conditions and effects that event cards, goals and end conditions use.

Each entry is a pydantic model tagged by ``type``: a file can only name what is listed here, and
the engine interprets it (``conditions.py``, ``effects.py``). Nothing in a scenario is ever run
as code.
"""

from __future__ import annotations

from typing import Annotated, Literal

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
        examples=["serbia", "$target", "$crisis_state"],
    ),
]
BINDINGS = ("target", "crisis", "crisis_state", "crisis_group", "attacker", "defender", "hegemon")
Delta = Annotated[float, Field(ge=-100, le=100)]
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
ActorStat = Literal[
    "wealth", "military", "sovereignty", "fear", "freedom", "pressure",
    "depth", "budget", "force",
    "mandate", "enforcement", "legitimacy", "independence",
    "volunteers", "credibility",
]  # fmt: skip
GroupStat = Literal["grievance", "security", "autonomy"]
CrisisKind = Literal[
    "repression", "cleansing", "civil_war", "famine", "plague", "financial", "refugees"
]


class Range(Model):
    min: Bound | None = None
    max: Bound | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


# ---- conditions ------------------------------------------------------------------------------


class ArrangementIs(Model):
    """The world stands in one of these arrangements."""

    type: Literal["arrangement"] = "arrangement"
    arrangements: list[Arrangement] = Field(min_length=1)


class CentralizationIs(Range):
    """The centralization figure (0–100) is in range."""

    type: Literal["centralization"] = "centralization"


class CriterionIs(Range):
    """One of the four criteria is in range."""

    type: Literal["criterion"] = "criterion"
    criterion: Criterion


class TurnIs(Range):
    """The turn number is in range."""

    type: Literal["turn"] = "turn"


class ActorStatIs(Range):
    """An actor's indicator is in range (the actor must exist)."""

    type: Literal["actor_stat"] = "actor_stat"
    actor: Ref
    stat: ActorStat


class GroupStatIs(Range):
    """A group's grievance, security or autonomy is in range."""

    type: Literal["group_stat"] = "group_stat"
    group: Ref
    stat: GroupStat


class CrisisIs(Model):
    """A crisis is under way; the first match binds $crisis, $crisis_state and $crisis_group."""

    type: Literal["crisis"] = "crisis"
    kind: list[CrisisKind] | None = None
    state: Ref | None = None
    group: Ref | None = None
    min_severity: Annotated[float, Field(ge=0, le=100)] = 0
    min_age: Annotated[int, Field(ge=0, le=200)] = 0
    unanswered: bool = Field(
        False,
        description="Only crises no agent with mandate and capacity (a state, union or body) has "
        "acted on; relief by NGOs does not count.",
    )


class WarIs(Model):
    """A war is (or is not) under way; the first war binds $attacker and $defender."""

    type: Literal["war"] = "war"
    active: bool = True
    involving: Ref | None = None
    min_age: Annotated[int, Field(ge=0, le=200)] = Field(0, description="Turns it has lasted.")


class ExistsIs(Model):
    """An actor exists (states can be conquered; new states can secede)."""

    type: Literal["exists"] = "exists"
    actor: Ref
    exists: bool = True


class RegionOwnerIs(Model):
    """A region is (or is not) held by this state."""

    type: Literal["region_owner"] = "region_owner"
    region: Ref
    owner: Ref
    held: bool = True


class StatusIs(Model):
    """A state is (or is not) under sanctions, or its leaders indicted."""

    type: Literal["status"] = "status"
    actor: Ref
    status: Literal["sanctioned", "indicted"]
    active: bool = True


class GovernmentIs(Model):
    type: Literal["government"] = "government"
    actor: Ref
    government: Literal["republic", "autocracy"]


class MemberIs(Model):
    """A state is (or is not) a member of a federation or global body."""

    type: Literal["member"] = "member"
    state: Ref
    of: Ref
    member: bool = True


class FlagIs(Range):
    """A scenario flag (a number cards set) is in range; an unset flag is 0."""

    type: Literal["flag"] = "flag"
    flag: Id


class InequalityIs(Range):
    """Inequality of wealth per person between states, 0 (equal) to 100."""

    type: Literal["inequality"] = "inequality"


class CivilSocietyIs(Range):
    """The density of cross-border civil society, 0–100."""

    type: Literal["civil_society"] = "civil_society"


class Chance(Model):
    """True with this probability, drawn from the match's seeded generator."""

    type: Literal["chance"] = "chance"
    p: Annotated[float, Field(ge=0, le=1)]


class AnyOf(Model):
    type: Literal["any"] = "any"
    conditions: list[Condition] = Field(min_length=1, max_length=16)


class NotIs(Model):
    type: Literal["not"] = "not"
    condition: Condition


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
    """Move one of the four criteria directly."""

    type: Literal["criterion"] = "criterion"
    criterion: Criterion
    amount: Delta


class ChangeActorStat(Model):
    """Add to an actor's indicator (clamped to its range)."""

    type: Literal["actor_stat"] = "actor_stat"
    actor: Ref
    stat: ActorStat
    amount: Delta


class ChangeGroupStat(Model):
    type: Literal["group_stat"] = "group_stat"
    group: Ref
    stat: GroupStat
    amount: Delta


class ChangeCorporations(Model):
    """Add to a multinational corporation's (or every one's) capital or escape from regulation."""

    type: Literal["corporations"] = "corporations"
    corporation: Id | None = Field(None, description="One corporation; null means all of them.")
    stat: Literal["capital", "escape"]
    amount: Delta


class StartCrisis(Model):
    type: Literal["start_crisis"] = "start_crisis"
    kind: CrisisKind
    state: Ref
    group: Ref | None = None
    severity: Annotated[float, Field(ge=1, le=100)] = 20


class ChangeCrisis(Model):
    """Change a crisis's severity (at 0 it ends); optionally record who answered it, authorize
    force against it, or bring it relief this turn."""

    type: Literal["crisis"] = "crisis"
    crisis: Ref = "$crisis"
    amount: Delta = 0
    responder: Ref | None = Field(None, description="An actor now counted as having acted on it.")
    authorize: bool = False
    relief: Annotated[float, Field(ge=0, le=100)] = 0


class StartWar(Model):
    type: Literal["start_war"] = "start_war"
    attacker: Ref
    defender: Ref


class EndWar(Model):
    """End the wars that involve this actor (or every war)."""

    type: Literal["end_war"] = "end_war"
    involving: Ref | None = None


class SetGovernment(Model):
    type: Literal["government"] = "government"
    actor: Ref
    government: Literal["republic", "autocracy"]


class Secede(Model):
    """A group's regions leave their state and form a new sovereign state."""

    type: Literal["secede"] = "secede"
    group: Ref


class TransferRegion(Model):
    type: Literal["transfer_region"] = "transfer_region"
    region: Ref
    to: Ref


class JoinBody(Model):
    """A state joins (or leaves) a federation or global body."""

    type: Literal["membership"] = "membership"
    state: Ref
    of: Ref
    join: bool = True


class SetFlag(Model):
    """Add to a scenario flag, or set it."""

    type: Literal["flag"] = "flag"
    flag: Id
    amount: Delta = 0
    set: Bound | None = None


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
