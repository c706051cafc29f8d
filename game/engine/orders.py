"""Orders: what a seat asks its actor to do this turn. A click, an AI's choice and a network
message all become these same objects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from .model import Id, Model

ActionName = Literal[
    # states
    "invest", "arm", "disarm", "reform", "repress", "grant_autonomy", "attack", "make_peace",
    "intervene", "cede", "reclaim", "join", "leave", "tax_capital", "aid", "fund",
    # federations
    "integrate", "redistribute", "build_force", "deploy", "sanction",
    # global bodies
    "build_capacity", "lend", "regulate", "indict", "arrest",
    # NGOs
    "relieve", "warn", "campaign", "recruit", "expand",
    # anyone
    "propose", "vote", "choose",
]  # fmt: skip


class Order(Model):
    """One action. ``target`` names who or what it acts on; ``subject`` is the matter a proposal
    is about; ``option`` is a card option, a vote or a proposal's kind."""

    actor: Id
    action: ActionName
    target: Id | None = None
    subject: Id | None = None
    option: Id | None = None

    def key(self) -> tuple[str, str, str | None, str | None, str | None]:
        return (self.actor, self.action, self.target, self.subject, self.option)

    def __hash__(self) -> int:
        return hash(self.key())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Order) and self.key() == other.key()


class OrderSet(Model):
    """All the orders of one turn, for every seat (a network message carries one of these)."""

    turn: int = Field(ge=1)
    orders: list[Order] = Field(default_factory=list, max_length=2000)


@dataclass(frozen=True)
class ActionSpec:
    """How an action appears to players: who may take it, what it costs, what it tends to do."""

    label: str
    kinds: tuple[str, ...]
    cost: int
    preview: str


ACTIONS: dict[str, ActionSpec] = {
    "invest": ActionSpec("Invest at home", ("state",), 1, "Wealth +1% (halved under sanctions)."),
    "arm": ActionSpec("Arm", ("state",), 1, "Military +6 for 4 wealth. Neighbours grow afraid."),
    "disarm": ActionSpec(
        "Disarm", ("state",), 1, "Military -6, wealth +2. Neighbours' fear eases."
    ),
    "reform": ActionSpec(
        "Reform", ("state",), 1, "Freedom +8; an autocracy above 60 freedom becomes a republic."
    ),
    "repress": ActionSpec(
        "Repress a group",
        ("state",),
        1,
        "Grievance rises, security and autonomy fall, freedom and peace suffer: starts or feeds a crisis.",
    ),
    "grant_autonomy": ActionSpec(
        "Grant autonomy", ("state",), 1, "Autonomy +15, grievance -10, sovereignty -3."
    ),
    "attack": ActionSpec("Declare war", ("state",), 1, "War with a neighbour: conquest or ruin."),
    "make_peace": ActionSpec(
        "Sue for peace", ("state",), 1, "Ends a war you started; offers peace in one you did not."
    ),
    "intervene": ActionSpec(
        "Intervene alone",
        ("state",),
        1,
        "Send your army against a crisis abroad. Stops it if strong enough; others fear you.",
    ),
    "cede": ActionSpec(
        "Cede sovereignty",
        ("state",),
        1,
        "Sovereignty -10; the body's mandate +5 and enforcement +2 (a union's depth +6).",
    ),
    "reclaim": ActionSpec(
        "Reclaim sovereignty",
        ("state",),
        1,
        "Sovereignty +10; the body's mandate -5 (a union's depth -6).",
    ),
    "join": ActionSpec(
        "Join",
        ("state",),
        1,
        "Become a member of a body, or of a union or alliance that borders you.",
    ),
    "leave": ActionSpec("Leave", ("state",), 1, "Leave a union, alliance or body."),
    "tax_capital": ActionSpec(
        "Tax capital",
        ("state",),
        1,
        "Wealth +3% and justice, unless capital flees: taxing alone, mobile capital escapes; inside a deep union or under a strong trade body it stays.",
    ),
    "aid": ActionSpec(
        "Send aid",
        ("state",),
        1,
        "Give a state at most half as rich per person 0.5% of your wealth. Justice rises.",
    ),
    "fund": ActionSpec("Fund", ("state",), 1, "Give 6 wealth to a body's or union's budget."),
    "integrate": ActionSpec(
        "Deepen integration",
        ("federation",),
        1,
        "Depth +8; members cede 3 sovereignty each (1 in an alliance).",
    ),
    "redistribute": ActionSpec(
        "Redistribute", ("federation",), 1, "Budget -8 to the poorest member. Justice rises."
    ),
    "build_force": ActionSpec(
        "Build common force", ("federation",), 1, "Budget -6, common force +6."
    ),
    "deploy": ActionSpec(
        "Deploy force",
        ("federation", "global_body"),
        1,
        "Send the common force (or an authorized UN force) against a crisis.",
    ),
    "sanction": ActionSpec("Sanction", ("federation",), 1, "Cut a state's wealth for three turns."),
    "build_capacity": ActionSpec(
        "Build capacity", ("global_body",), 1, "Budget -6, enforcement +5."
    ),
    "lend": ActionSpec(
        "Lend",
        ("global_body",),
        1,
        "Budget -8 to a poor state's wealth; calms a financial panic. Justice rises.",
    ),
    "regulate": ActionSpec(
        "Set standards",
        ("global_body",),
        1,
        "Labour and capital standards: corporations escape less; needs enforcement.",
    ),
    "indict": ActionSpec(
        "Indict", ("global_body",), 1, "Indict a state's leaders for a crisis it caused."
    ),
    "arrest": ActionSpec(
        "Arrest", ("global_body",), 1, "Arrest indicted leaders: needs enforcement or UN support."
    ),
    "relieve": ActionSpec(
        "Bring relief", ("ngo",), 1, "Relief absorbs half a crisis's cost; it cannot end it."
    ),
    "warn": ActionSpec(
        "Raise a warning",
        ("ngo",),
        1,
        "Warn that a group is at risk. Heeded only if credibility is high.",
    ),
    "campaign": ActionSpec(
        "Campaign",
        ("ngo",),
        1,
        "Pressure a state to act, or strengthen a body's mandate.",
    ),
    "recruit": ActionSpec(
        "Recruit",
        ("ngo",),
        1,
        "Volunteers +25% (up to 2% of the people where you work), credibility +2.",
    ),
    "expand": ActionSpec("Open an office", ("ngo",), 1, "Reach one more state."),
    "propose": ActionSpec(
        "Table a resolution",
        ("state", "global_body"),
        1,
        "Members vote next turn; force needs the Council or a large Assembly majority.",
    ),
    "vote": ActionSpec("Vote", ("state",), 0, "Cast this state's vote on a resolution."),
    "choose": ActionSpec("Answer a card", ("state", "federation", "global_body", "ngo"), 0, ""),
}

PROPOSAL_KINDS: dict[str, tuple[str, ...]] = {
    "un": ("authorize_force", "sanctions", "mediate"),
    "bank": ("aid_package",),
    "trade": ("standards",),
    "court": (),
}
