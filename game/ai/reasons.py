"""One line of reasons for every AI decision: a message key and its arguments, with the English
templates here. Every key starts with ``ai.``: a screen says a reason's ``data()`` as it says
the engine's own messages (``game.ui.i18n.said``), from the same translation tables
(``assets/i18n/<lang>/engine.json``, keys ``engine.ai.…``), and no key of the engine's is
shadowed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.names import opened

TEMPLATES: dict[str, str] = {
    "ai.kept": "{actor} kept to {plan}; nothing it weighed scored better: {why}.",
    "ai.chose": "{actor} chose {plan} over {other}: {why}.",
    "ai.instinct": "{actor} acted on instinct: {plan}.",
    "ai.idle": "{actor} had nothing worth doing this turn.",
    # the biggest difference the look-ahead saw, as the ``why`` of the lines above
    "ai.why.goal_kept": "it keeps the goal “{goal}” ({points})",
    "ai.why.goal_lost": "the other course would lose the goal “{goal}”",
    "ai.why.criterion": "{criterion} {delta} by its mission's weights",
    "ai.why.standing": "its own standing {delta} ({what})",
    "ai.why.secret_kept": "it keeps one of its secret goals ({points})",
    "ai.why.secret_lost": "the other course would lose one of its secret goals",
    "ai.why.goal_margin": "it brings the goal “{goal}” nearer, or keeps it safer",
    "ai.why.secret_margin": "it brings one of its secret goals nearer, or keeps it safer",
    "ai.why.even": "the courses it tried scored alike",
    "ai.why.slight": "it scored a shade better, on no one count alone",
    # a war, as a plan names what a mediation is about
    "ai.war": "the war between {a} and {b}",
    # what ``standing`` names
    "ai.what.territory": "its lands and people",
    "ai.what.threat": "its security against a stronger neighbour",
    "ai.what.hegemon": "no hegemon over the continent",
    "ai.what.strength": "its strength and means",
    "ai.what.unrest": "calm among its own groups",
    "ai.what.war": "staying out of war",
    "ai.what.conqueror": "no conqueror holding the continent",
    "ai.what.balance": "the balance of power against a rising hegemon",
    "ai.what.empire": "its way to half the continent's power (an empire)",
    # the criteria as a reason names them
    "ai.crit.peace": "Peace",
    "ai.crit.justice": "Justice",
    "ai.crit.pluralism": "Pluralism",
    "ai.crit.freedom": "Freedom",
}

ACTION_WORDS: dict[str, str] = {  # each as the template "act.<action>"
    "invest": "investing at home",
    "arm": "arming",
    "disarm": "disarming",
    "reform": "reform",
    "repress": "repressing the {target}",
    "grant_autonomy": "autonomy for the {target}",
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
    "warn": "a warning about the {target}",
    "campaign": "a campaign at {target}",
    "recruit": "recruiting",
    "expand": "an office in {target}",
    "propose": "a resolution ({option}) on {subject}",
}
# a proposal's kind as a plan names it
MOTIONS: dict[str, str] = {
    "authorize_force": "force",
    "sanctions": "sanctions",
    "mediate": "mediation",
    "aid_package": "aid",
    "standards": "standards",
    "mandate": "a wider mandate",
}
TEMPLATES.update({f"ai.act.{a}": words for a, words in ACTION_WORDS.items()})
TEMPLATES.update({f"ai.motion.{k}": words for k, words in MOTIONS.items()})
TEMPLATES.update(
    {
        "ai.act.other": "{action}",
        "ai.plan.none": "doing nothing",
        "ai.plan.list": "{a}, {b}",
        "ai.plan.last": "{a} and {b}",
    }
)


@dataclass(frozen=True)
class Reason:
    """A message key and its arguments: names (the engine's ``Name``, which knows its
    translations), figures already written as text, and nested reasons. ``text`` says it in
    English; ``data`` keeps it as plain data (what a save and the report screen read, the shape
    of the engine's own messages: ``{"key", "args"}``), so a screen says it in its language."""

    key: str
    args: dict[str, object] = field(default_factory=dict)

    def text(self) -> str:
        return text(self)

    def data(self) -> dict[str, object]:
        return data(self)


def text(reason: Reason, top: bool = True) -> str:
    """The reason in English: nested reasons among the arguments are said first. A line that
    opens with a name gives its article the capital ("The Kingdom of Siam chose…")."""
    args = {
        k: (text(v, False) if isinstance(v, Reason) else str(v)) for k, v in reason.args.items()
    }
    template = TEMPLATES[reason.key]
    said = template.format(**args)
    return opened(said, template) if top else said


def data(reason: Reason) -> dict[str, object]:
    """The reason as plain data: ``{"key", "args"}`` with each name as its table of
    translations and each nested reason the same way."""
    from game.engine.say import as_data

    return {
        "key": reason.key,
        "args": {
            k: (data(v) if isinstance(v, Reason) else as_data(v)) for k, v in reason.args.items()
        },
    }


def english(said: dict, top: bool = True) -> str:
    """A reason kept as data (``data``) in English again: what a screen shows when its language
    has no template of its own. Broken data (a tampered save) says as much as it can."""
    key = str(said.get("key", ""))
    args = said.get("args")
    args = args if isinstance(args, dict) else {}

    def arg(value: object) -> str:
        if isinstance(value, dict) and "key" in value:
            return english(value, False)
        if isinstance(value, dict):  # a name's table of translations
            return str(value.get("en") or next(iter(value.values()), ""))
        return str(value)

    template = TEMPLATES.get(key)
    if template is None:
        return key
    try:
        out = template.format(**{k: arg(v) for k, v in args.items()})
    except (KeyError, IndexError, ValueError):
        return key
    return opened(out, template) if top else out


def figure(value: float, digits: int = 1) -> str:
    """A signed figure as a reason shows it ("+1.5"); written once, in English (a screen in
    another language swaps the decimal point)."""
    return f"{value:+.{digits}f}"


def plan(moves: list[tuple[str, str | None, str | None, str | None]], names: dict) -> Reason:
    """A plan (action, target, subject, option tuples) as a reason: each move in a few words,
    naming actors, groups and crises by ``names`` (id -> the thing's ``Name``), joined as the
    language joins a list."""
    parts = [
        Reason(
            f"ai.act.{action}" if action in ACTION_WORDS else "ai.act.other",
            {
                "action": action.replace("_", " "),
                "target": names.get(target or "", target or ""),
                "subject": names.get(subject or "", subject or ""),
                "option": Reason(f"ai.motion.{option}") if option in MOTIONS else (option or ""),
            },
        )
        for action, target, subject, option in moves
    ]
    if not parts:
        return Reason("ai.plan.none")
    if len(parts) == 1:
        return parts[0]
    head = parts[0]
    for part in parts[1:-1]:
        head = Reason("ai.plan.list", {"a": head, "b": part})
    return Reason("ai.plan.last", {"a": head, "b": parts[-1]})
