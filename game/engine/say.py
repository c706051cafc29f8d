"""The engine's words for the causes it names, as message keys with arguments.

A cause is an ordinary English string (``Said`` is a ``str``), so the engine, its tests and a
plain-text report read it as before; it also carries its key and arguments, so a screen in
another language can say it in that language (templates in assets/i18n/<lang>/engine.json).
An argument is a name (shown as it is), a scenario text with translations, or another ``Said``
(a crisis's label inside a cause).
"""

from __future__ import annotations

from typing import Any

from .scenario import text

TEMPLATES: dict[str, str] = {
    # causes of changes to the criteria
    "reformed": "{who} reformed its government",
    "repressed": "{who} repressed the {group}",
    "repressed_warned": "{who} repressed the {group} (the world had been warned)",
    "granted_autonomy": "{who} granted autonomy to the {group}",
    "sent_aid": "{who} sent aid to {other}",
    "redistributed": "{who} redistributed to {other}",
    "lent": "{who} lent to {other}",
    "set_standards": "{who} set labour and capital standards",
    "taxed_capital": "{who} taxed capital",
    "arrested": "{who} arrested the indicted leaders of {other}",
    "card_choice": "{title} ({option})",
    "aid_package": "{who} granted an aid package to {other}",
    "adopted_standards": "{who} adopted binding labour and capital standards",
    "war_between": "war between {a} and {b}",
    "conquered": "{a} conquered {region}",
    "crisis_unanswered": "the {crisis}: no agent with the mandate and capacity to act has acted",
    "crisis_unanswered_relief": "the {crisis}: no agent with the mandate and capacity to act has acted, though relief eases it",
    "crisis_goes_on": "the {crisis} goes on",
    "crisis_goes_on_relief": "the {crisis} goes on, though relief eases it",
    "rebelled": "the {group} rebelled: oppression breeds rebellion",
    "border_clash": "border clash between {a} and {b}: fear makes war",
    "despotism": "terrifying despotism: {center} silenced those who would not conform",
    "uniformity": "uniformity pressure inside {union}",
    "pax": "pax imperial: {hegemon} keeps order",
    "imperial_inequality": "imperial hegemony of {hegemon} breeds inequality",
    "structure": "the world's structure ({arrangement}) tends toward {target}",
    # pieces of causes
    "crisis_label": "{kind} of the {group} in {state}",
    "crisis_label_state": "{kind} in {state}",
    "kind.repression": "repression",
    "kind.cleansing": "ethnic cleansing",
    "kind.civil_war": "civil war",
    "kind.famine": "famine",
    "kind.plague": "plague",
    "kind.financial": "financial panic",
    "kind.refugees": "refugee crisis",
    "arrangement.global_state": "global state",
    "arrangement.empire": "empire",
    "arrangement.federation": "federation",
    "arrangement.pluralism_3": "pluralism 3",
    "arrangement.pluralism_2": "pluralism 2",
    "arrangement.pluralism_1": "pluralism 1",
    "arrangement.anarchy": "anarchy",
}


class Said(str):
    """An English sentence that remembers the message key and arguments it was made from."""

    key: str
    args: dict[str, Any]


def say(key: str, **args: Any) -> Said:
    english = TEMPLATES[key].format(**{k: _english(v) for k, v in args.items()})
    out = Said(english)
    out.key = key
    out.args = args
    return out


def _english(value: Any) -> str:
    if isinstance(value, dict):
        return text(value)
    return str(value)


def as_data(value: Any) -> Any:
    """An argument as plain data for a report: a nested message as {"key", "args"}, a scenario
    text with its translations as that table, anything else as its string."""
    if isinstance(value, Said):
        return {"key": value.key, "args": {k: as_data(v) for k, v in value.args.items()}}
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    return str(value)
