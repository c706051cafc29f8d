"""One line of reasons for every AI decision: a message key and its arguments, with English
templates here (Spanish later; the engine's say.py is not this module's).

A screen says a reason with ``text(reason)`` (or its own translation of ``reason.key``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

TEMPLATES: dict[str, str] = {
    "ai.kept": "{actor} kept to {plan}: nothing it weighed scored better ({why}).",
    "ai.chose": "{actor} chose {plan} over {other}: {why}.",
    "ai.instinct": "{actor} acted on instinct: {plan}.",
    "ai.idle": "{actor} had nothing worth doing this turn.",
    # the biggest difference the look-ahead saw, as the ``why`` of the lines above
    "why.goal_kept": "it keeps the goal “{goal}” ({points:+.0f})",
    "why.goal_lost": "the other course would lose the goal “{goal}”",
    "why.criterion": "{criterion} {delta:+.1f} by its mission's weights",
    "why.standing": "its own standing {delta:+.1f} ({what})",
    "why.even": "the courses it tried scored alike",
    # what ``standing`` names
    "what.territory": "its lands and people",
    "what.threat": "its security against a stronger neighbour",
    "what.hegemon": "no hegemon over the continent",
    "what.strength": "its strength and means",
    "what.unrest": "calm among its own groups",
    "what.war": "staying out of war",
    "what.conqueror": "no conqueror holding the continent",
    "what.balance": "the balance of power against a rising hegemon",
}

ACTION_WORDS: dict[str, str] = {
    "invest": "investing at home",
    "arm": "arming",
    "disarm": "disarming",
    "reform": "reform",
    "repress": "repressing {target}",
    "grant_autonomy": "autonomy for {target}",
    "attack": "war on {target}",
    "make_peace": "peace with {target}",
    "intervene": "intervening in {target}",
    "cede": "ceding sovereignty to {target}",
    "reclaim": "reclaiming sovereignty from {target}",
    "join": "joining {target}",
    "leave": "leaving {target}",
    "tax_capital": "taxing capital",
    "aid": "aid to {target}",
    "fund": "funding {target}",
    "integrate": "deeper integration",
    "redistribute": "redistribution",
    "build_force": "a common force",
    "deploy": "deploying against {target}",
    "sanction": "sanctions on {target}",
    "build_capacity": "building capacity",
    "lend": "a loan to {target}",
    "regulate": "standards",
    "indict": "indicting {target}",
    "arrest": "arrests in {target}",
    "relieve": "relief for {target}",
    "warn": "a warning about {target}",
    "campaign": "a campaign at {target}",
    "recruit": "recruiting",
    "expand": "an office in {target}",
    "propose": "a resolution ({option}) on {subject}",
}


@dataclass(frozen=True)
class Reason:
    """A message key and its arguments (plain strings and numbers); ``text`` says it in English."""

    key: str
    args: dict[str, object] = field(default_factory=dict)

    def text(self) -> str:
        return text(self)


def text(reason: Reason) -> str:
    """The reason in English: nested reasons among the arguments are said first."""
    args = {k: (text(v) if isinstance(v, Reason) else v) for k, v in reason.args.items()}
    return TEMPLATES[reason.key].format(**args)


def plan_words(moves: list[tuple[str, str | None, str | None, str | None]], names: dict) -> str:
    """A plan (action, target, subject, option tuples) in a few words, naming actors, groups
    and crises by ``names`` (id -> English name)."""
    if not moves:
        return "doing nothing"
    parts = []
    for action, target, subject, option in moves:
        tpl = ACTION_WORDS.get(action, action)
        parts.append(
            tpl.format(
                target=names.get(target or "", target or ""),
                subject=names.get(subject or "", subject or ""),
                option=(option or "").replace("_", " "),
            )
        )
    return " and ".join(parts)
