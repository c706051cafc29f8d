"""The engine's words for the causes it names, as message keys with arguments.

A cause is an ordinary English string (``Said`` is a ``str``), so the engine, its tests and a
plain-text report read it as before; it also carries its key and arguments, so a screen in
another language can say it in that language (templates in assets/i18n/<lang>/engine.json).
An argument is a name (a ``Name``: English, with the scenario's translations), a scenario text
with translations, a list of names ("A, B and C"), or another ``Said`` (a crisis's label
inside a cause).
"""

from __future__ import annotations

from string import Formatter
from typing import Any

from .names import Name, opened
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
    "caprice": "arbitrary rule: {hegemon} revoked the autonomy it had granted the {group}",
    "pax_imposed": "{hegemon} imposed its peace",
    "submits": "{who} submitted to the hegemon",
    "center_forbids_war": "{center} forbids war between its members",
    "center_acts": "{center} acts on the {crisis} without waiting for a vote (severity -{cut}).",
    "center_redistributes": "{center} moves {amount} wealth from its richer members to its poorer.",
    "overstretched": "{hegemon} holds more land than its army can garrison: its subjects grow restive.",
    "held_together": "{center} holds its members together: the {group} cannot secede.",
    # lines of the report
    "warning_heeded": "The early warning about the {group} was heeded: the response came in time.",
    "strike": "{who} {how} against the {crisis} (severity -{cut}).",
    "how.bombs": "bombs from the air",
    "how.army": "sends its army",
    "how.common_force": "deploys its common force",
    "how.authorized_force": "sends an authorized force",
    "stopped_it": "{who} stopped it",
    "unilateral": "{who} acted without a mandate: the other states grow afraid.",
    "invests": "{who} invests at home (wealth +{gain}).",
    "arms": "{who} arms; its neighbours grow afraid.",
    "disarms": "{who} disarms.",
    "becomes_republic": "{who} becomes a republic.",
    "reforms": "{who} reforms.",
    "grants_autonomy": "{who} grants autonomy to the {group}.",
    "ordered_by": "ordered by {who}",
    "cedes": "{who} cedes sovereignty to {org}.",
    "reclaims": "{who} takes back sovereignty from {org}.",
    "joins": "{who} joins {org}.",
    "leaves": "{who} leaves {org}.",
    "funds": "{who} funds {org}.",
    "integrates": "{who} deepens integration (depth {depth}): each member cedes {pooled} of its sovereignty.",
    "builds_force": "{who} builds its common force.",
    "sanctions": "{who} sanctions {other}.",
    "builds_capacity": "{who} builds capacity (enforcement {enforcement}).",
    "indicts": "{who} indicts the leaders of {other}.",
    "relief": "{who} brings relief to the {crisis}: it eases the suffering, not the cause.",
    "warns_heard": "{who} warns that the {group} are at risk; the warning is heard.",
    "warns_dismissed": "{who} warns that the {group} are at risk; it is dismissed as irresponsible.",
    "campaigns": "{who} campaigns to press {target}.",
    "recruits": "{who} recruits volunteers.",
    "opens_office": "{who} opens an office in {place}.",
    "sued_for_peace": "{who} sued for peace",
    "peace_accepted": "{who}'s offer of peace was accepted",
    "fights_on": "{who} offers peace; {enemy} fights on.",
    "capital_flees": "Capital flees {who}'s tax: it loses {flight} wealth for taxing alone.",
    "capital_stays": "{who} taxes capital; coordinated standards hold the capital in place.",
    "tables": "{who} tables a resolution: {kind} ({subject}). Members vote next turn.",
    "tables_self": "{who} tables a resolution: {kind}. Members vote next turn.",
    "mandate_granted": "The members of {who} grant it a wider mandate (mandate {mandate}).",
    "mandate_refused": "The great powers veto the appeal of {who} for a wider mandate and cut its budget to {budget}.",
    "tables_in": "{who} tables a resolution in {body}: {kind} ({subject}). Members vote next turn.",
    "seconded": "The resolution {first} tabled in {body}, {kind} ({subject}), is seconded by {who}: one resolution, one vote.",
    "seconded_own": "The resolution {first} tabled, {kind} ({subject}), is seconded by {who}: one resolution, one vote.",
    "proposal.authorize_force": "authorize force",
    "proposal.sanctions": "sanctions",
    "proposal.mediate": "mediate",
    "proposal.aid_package": "aid package",
    "proposal.standards": "standards",
    "proposal.mandate": "a wider mandate",
    "no_arrests": "{who} orders arrests in {other}; no one will make them.",
    "becomes_government": "{who} becomes {government} ({cause}).",
    "government.republic": "a republic",
    "government.autocracy": "an autocracy",
    "joins_because": "{who} joins {org} ({cause}).",
    "leaves_because": "{who} leaves {org} ({cause}).",
    "resolution": "{body}: the resolution on {kind} ({target}) {verdict}: {how}.",
    "verdict.passes": "passes",
    "verdict.fails": "fails",
    "vote.council": "the Council approved",
    "vote.assembly_override": "a large Assembly majority overrode the Council",
    "vote.vetoed": "vetoed by {vetoers}",
    "vote.no_council_no_assembly": "no Council majority and no large Assembly majority",
    "vote.no_council": "no Council majority",
    "vote.assembly": "a large Assembly majority approved",
    "vote.no_assembly": "no large Assembly majority",
    "vote.majority": "a majority voted yes",
    "vote.no_majority": "no majority",
    "vote.lapsed": "{body}: a resolution lapses before its vote, its matter over ({kind} — {target})",
    "vote.closed": "{body} will not take up {kind} on {target} again until the matter grows graver: vetoed twice, the same resolution needs a new cause",
    "vote.closed_appeal": "{body} will not appeal for a wider mandate again until the world's crises grow graver: refused twice",
    "mediated": "{who} mediated a ceasefire",
    "aid_unpaid": "{who} cannot pay the aid package voted for {other}: its budget is spent.",
    "mediation_fails": "The mediation of {who} fails: the guns are not silent.",
    "conquered_by": "conquered by {who}",
    "kant": "{who}'s citizens will not bear a long war (Kant)",
    "offensive_collapsed": "{who}'s offensive collapsed",
    "became_cleansing": "Repression has become ethnic cleansing: the {group} are driven from their homes.",
    "refugees_fleeing": "refugees fleeing the {crisis}",
    "civil_war_won": "the civil war was won by the {group}",
    "rose": "the {group} rose in rebellion",
    "deepens": "The {crisis} deepens — {cause}.",
    "new_crisis": "A new crisis: {crisis} — {cause}.",
    "breaks_alliance": "{who} breaks its alliance with {other}.",
    "breaks_non_aggression": "{who} breaks its pact of non-aggression with {other}.",
    "crisis_over": "The {crisis} is over: {why}.",
    "war_starts": "War: {a} attacks {b} ({cause}).",
    "war_ends": "The war between {a} and {b} ends: {why}.",
    "region_passes": "{region} passes from {old} to {new} ({cause}).",
    "last_region": "its last region fell to {who}",
    "ceases": "{who} ceases to exist: {why}.",
    "secedes": "{group} secede from {old} and found {new} ({cause}).",
    "escalated": "a border clash escalated",
    "burned_out": "it burned out",
    "authors_arrested": "its authors were arrested",
    "refused": "Refused: {why}.",
    "why.not_in_match": "{who} is not in the match",
    "why.may_not": "{who} may not {action} {target}",
    "why.may_not_plain": "{who} may not {action}",
    "why.twice": "{who} gave the same order twice",
    "why.no_points": "{who} has no action points left for {action}",
    "chose": '{title}: {who} chose "{option}".',
    "moves": "The world moves from {before} to {after}: {reasons}.",
    "reason.global_state": "{center} holds nearly all sovereignty over everyone",
    "reason.federation": "the states have pooled most sovereignty in {center}",
    "reason.empire": "{hegemon} holds {share} of all power",
    "reason.pluralism_3": "strong independent bodies and regional federations in use, and dense civil society",
    "reason.pluralism_2": "global bodies bind the states and civil society presses them",
    "reason.pluralism_1": "sovereign states with weak global bodies",
    "reason.anarchy": "no body binds the sovereign states",
    "void_not_state": "{cause}: nothing happened, for {who} is not a state",
    "end.last_turn": "the last turn has been played",
    "end.no_state": "no state is left",
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
    "arrangement.pluralism_3": "pluralism III",
    "arrangement.pluralism_2": "pluralism II",
    "arrangement.pluralism_1": "pluralism I",
    "arrangement.anarchy": "anarchy",
    # decisions: defaults, what waits, how a vote reads (engine/decisions.py)
    "card_default": '{title}: {who} did not answer; the default, "{option}", was applied.',
    "waiting_card": '"{title}" waits for your answer; if you give none, "{option}" applies.',
    "waiting_vote": "{body} votes on {motion}; if you cast no vote, you abstain.",
    "motion_in": "{body}: {motion}",
    "ballot.abstain": "abstain",
    "motion.authorize_force": "authorizing force against the {subject}",
    "motion.sanctions": "sanctions on {subject}",
    "motion.mediate": "mediation in the {subject}",
    "motion.aid_package": "an aid package for {subject}",
    "motion.standards": "binding labour and capital standards",
    "motion.mandate": "a wider mandate for {subject}",
    "vote_order.yes": "Vote for {motion} in {body}",
    "vote_order.no": "Vote against {motion} in {body}",
    "vote_order.abstain": "Abstain on {motion} in {body}",
    # goals during and at the end of a match (engine/scoring.py)
    "goal_status.met": "met",
    "goal_status.holding": "holding",
    "goal_status.open": "open",
    "goal_status.failed": "failed",
    "goal_status.lost": "lost",
    "goal.holding": "Holding since the start: {goal} It counts only if it still holds at the end.",
    "goal.met": "Met during the match: {goal} It counts if it still holds at the end.",
    "goal.open": "Not achieved yet: {goal} It counts if it holds at the end.",
    "goal.lost": "Lost for now: {goal} It held earlier; it counts only if it holds again at the end.",
    "goal.met_end": "Met at the end: {goal}",
    "goal.failed_end": "Not met at the end: {goal}",
}


class Said(str):
    """An English sentence that remembers the message key and arguments it was made from."""

    key: str
    args: dict[str, Any]


# Messages without arguments ("ethnic cleansing", "pluralism I") are values: made once each.
_PLAIN: dict[str, Said] = {}


def say(key: str, **args: Any) -> Said:
    if not args:
        out = _PLAIN.get(key)
        if out is None:
            out = _PLAIN[key] = said_as(TEMPLATES[key], key, args)
        return out
    template = TEMPLATES[key]
    form = _FORMS.get(template)
    if form is None:
        form = _FORMS[template] = _form(template)
    for v in args.values():
        # a text table or a list, or a message opened with a capital: say it in English first
        if not isinstance(v, str) or (type(v) is Said and _OPENED in v.__dict__):
            english = form % {k: _english(v) for k, v in args.items()}
            break
    else:  # names, messages and figures are strings already: the common case
        english = form % args
    if "he The " in english:  # a name that brings its own article: "the The Hoa" -> "the Hoa"
        english = english.replace(" the The ", " the ").replace("The The ", "The ")
    if english[:4] == "the " and template[:1] == "{":  # "the Atlantic Republic taxed capital"
        out = Said(opened(english, template))
        out.__dict__ = {"key": key, "args": args, _OPENED: True}
        return out
    out = Said(english)
    out.__dict__ = {"key": key, "args": args}
    return out


# The mark of a message whose opening name's article took a capital ("The Atlantic Republic
# armed"): said inside another message, it reads with its article as written again.
_OPENED = "_opened"


# Each template as a %-format of its fields by name: "{who} invests" is "%(who)s invests", the
# same English (``str.format`` and ``%s`` both write ``str(value)``) at a fraction of the cost
# (``str.format`` parses the template at every call). A template with a format spec, a
# conversion or an index keeps ``str.format``.
_FORMS: dict[str, Any] = {}


class _Format:
    """``str.format`` behind the ``%`` of a mapping, for a template ``%`` cannot say."""

    def __init__(self, template: str) -> None:
        self.template = template

    def __mod__(self, args: dict[str, Any]) -> str:
        return self.template.format(**args)


def _form(template: str) -> str | _Format:
    out = []
    for literal, field, spec, conversion in Formatter().parse(template):
        out.append(literal.replace("%", "%%"))
        if field is None:
            continue
        if spec or conversion or not field.isidentifier():
            return _Format(template)
        out.append(f"%({field})s")
    return "".join(out)


def said_as(english: str, key: str, args: dict[str, Any]) -> Said:
    """``english`` as a sentence that remembers its message key and arguments (a sentence
    said from a table other than the engine's, or read back from a message)."""
    out = Said(english)
    out.key = key
    out.args = args
    return out


def _english(value: Any) -> str:
    if type(value) is Said and _OPENED in value.__dict__:
        return "t" + value[1:]  # inside a sentence: "…, as the Atlantic Republic armed"
    if isinstance(value, dict):
        return text(value)
    if isinstance(value, list | tuple):
        return and_list([_english(v) for v in value])
    return str(value)


def and_list(items: list[str], last: str = "and") -> str:
    """Names in a sentence: "A", "A and B", "A, B and C" (``last``: the language's "and")."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def as_data(value: Any) -> Any:
    """An argument as plain data for a report: a nested message as {"key", "args"}, a scenario
    text or a name with its translations as that table, a list as a list, anything else as its
    string."""
    t = type(value)
    if t is Said:
        return _said_data(value)
    if t is Name:
        return _name_data(value)
    if t is str:
        return value
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [as_data(v) for v in value]
    return str(value)


def args_data(args: dict[str, Any]) -> dict[str, Any]:
    """A message's arguments as plain data (``as_data`` of each; figures and names, the common
    arguments, inline)."""
    out: dict[str, Any] = {}
    for k, v in args.items():
        t = type(v)
        if t is str:
            out[k] = v
        elif t is Name:
            out[k] = _name_data(v)
        elif t is Said:
            out[k] = _said_data(v)
        else:
            out[k] = as_data(v)
    return out


# A name and a message are values: their plain data is made once each and shared by every line
# that names them (report data is read, never changed in place).
def _name_data(name: Name) -> str | dict[str, str]:
    d = name.__dict__
    data = d.get("_data")
    if data is None:
        data = d["_data"] = dict(name.texts) if name.texts else str(name)
    return data


def _said_data(said: Said) -> dict[str, Any]:
    d = said.__dict__
    data = d.get("_data")
    if data is None:
        data = d["_data"] = {"key": said.key, "args": args_data(said.args)}
    return data


def from_data(value: Any) -> Any:
    """An argument back from its plain data (``as_data``'s inverse): a message as a ``Said``, a
    table of translations as a ``Name``, a list as a list, a string as it is."""
    if isinstance(value, dict) and "key" in value and "args" in value:
        args = value["args"] if isinstance(value["args"], dict) else {}
        key = str(value["key"])
        if key in TEMPLATES:
            return say(key, **{k: from_data(v) for k, v in args.items()})
        return key
    if isinstance(value, dict):
        english = value.get("en") or next(iter(value.values()), "")
        return Name(str(english), {str(k): str(v) for k, v in value.items()})
    if isinstance(value, list):
        return [from_data(v) for v in value]
    return value
