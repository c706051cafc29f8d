"""A mission goal in words, for the debrief and the mission panel: each figure it tests, where
it stands and its line ("Sovereignty of the Republic of Ruanda: 64.3 (65 or more)"), and what
its other conditions say of the world where they do not hold ("Kerran Highlands: held by the
Karsk Dominion"); and an actor's name, as a label or inside a sentence."""

from __future__ import annotations

from game.engine import World
from game.engine import vocabulary as V
from game.engine.conditions import Context, crises_named, holds
from game.engine.scoring import GoalFigure, mission_of
from game.ui import i18n  # plain Python string tables: no pygame


def actor_name(world: World, actor_id: str | None) -> str:
    if not actor_id:
        return ""
    actor = world.named(actor_id)
    return i18n.name(actor) if actor is not None else actor_id.replace("_", " ").title()


def actor_in_sentence(world: World, actor_id: str | None) -> str:
    """An actor's name as it reads inside a sentence, with its article where the language
    wants one ("la República de Servia eligió…"); the label where the actor is gone."""
    actor = world.named(actor_id or "")
    return i18n.name(actor, article=True) if actor is not None else actor_name(world, actor_id)


def _amount(value: float, digits: int | None) -> str:
    return i18n.whole(value) if abs(value) >= 1000 else i18n.number(value, digits)


def figure_line(world: World, f: GoalFigure) -> str:
    """A figure a goal tests, where it stands and its line, in the player's language:
    "Sovereignty of the Republic of Ruanda: 64.3 (65 or more)"."""
    if f.kind == "criterion":
        what = i18n.t(f"match.crit.{f.stat}")
    else:
        thing = (world.actors if f.kind == "actor" else world.groups).get(f.subject or "")
        who = i18n.name(thing, article=True) if thing is not None else (f.subject or "")
        if f.kind == "actor":  # "Soberanía del Dominio" (a name carries its article)
            stat = i18n.t(f"match.stat.{f.stat}")
            what = i18n.contracted(i18n.t("panel.goal.figure_of", stat=stat, who=who))
        else:  # a group's name goes after an article, as in the report ("de los tutsis")
            stat = i18n.t(f"panel.goal.group.{f.stat}")
            what = i18n.t("panel.goal.figure_of_group", stat=stat, who=who)
    if f.low is not None and f.high is not None:
        line = i18n.t("panel.goal.between", low=_amount(f.low, None), high=_amount(f.high, None))
    elif f.low is not None:
        line = i18n.t("panel.goal.at_least", n=_amount(f.low, None))
    else:
        line = i18n.t("panel.goal.at_most", n=_amount(f.high or 0.0, None))
    return i18n.t("panel.goal.figure", what=what, value=_amount(f.value, 1), line=line)


def fact_lines(world: World, actor_id: str) -> list[tuple[str, ...]]:
    """For each goal of the actor's mission (goals, then secret goals), what its conditions
    that are not figures say of the world where they do not hold, in the player's language:
    "Kerran Highlands: held by the Karsk Dominion", "The world: Multinational empire". A
    goal missed with every figure past its line then says what did miss it. Conditions with no
    name to give (a scenario's flags, a chance) say nothing."""
    m = mission_of(world, actor_id)
    return [
        tuple(dict.fromkeys(line for c in g.when for line in _unmet(world, c)))  # (once each)
        for g in [*m.goals, *m.secret]
    ]


def _unmet(world: World, c: V.Condition, negated: bool = False) -> list[str]:
    """What ``c`` (or, ``negated``, its negation) says of the world where it does not hold."""
    if type(c) is V.NotIs:
        return _unmet(world, c.condition, not negated)
    ctx = Context(world)
    if type(c) not in _FACTS or holds(c, ctx) != negated:
        return []
    ref = ctx.ref
    if type(c) is V.RegionOwnerIs:
        region = world.regions.get(ref(c.region) or "")
        if region is None:
            return []
        return [
            i18n.contracted(
                i18n.t(
                    "debrief.fact.region",
                    region=i18n.name(region),
                    owner=actor_in_sentence(world, region.owner),
                )
            )
        ]
    if type(c) is V.ArrangementIs:
        now = world.history[-1].arrangement if world.history else None
        if now is None:
            return []
        return [
            i18n.t(
                "debrief.fact.arrangement", arrangement=i18n.t(f"report.arrangement.{now.value}")
            )
        ]
    if type(c) is V.ExistsIs:
        key = "debrief.fact.gone" if c.exists != negated else "debrief.fact.stands"
        return [i18n.t(key, actor=actor_name(world, ref(c.actor)))]
    if type(c) is V.CrisisIs:  # (a crisis a goal wants over: each one still burning)
        return [
            i18n.contracted(
                _capital(
                    i18n.t(
                        "debrief.fact.crisis",
                        kind=i18n.t(f"report.crisis.{x.kind}"),
                        state=actor_in_sentence(world, x.state),
                    )
                )
            )
            for x in crises_named(c, ctx)
            if x.severity >= c.min_severity
        ][:3]
    if type(c) is V.WarIs:  # (a war a goal wants over)
        who = ref(c.involving)
        return [
            i18n.t(
                "debrief.fact.war",
                a=actor_name(world, x.attacker),
                b=actor_in_sentence(world, x.defender),
            )
            for x in world.wars.values()
            if who is None or who in (x.attacker, x.defender)
        ][:3]
    if type(c) is V.GovernmentIs:
        s = world.state(ref(c.actor) or "")
        if s is None:
            return []
        return [i18n.t(f"debrief.fact.{s.government}", state=actor_name(world, s.id))]
    if type(c) is V.StatusIs:
        now = c.active == negated  # (it fails: the status stands where it is not wanted)
        key = c.status if now else f"not_{c.status}"
        return [i18n.t(f"debrief.fact.{key}", state=actor_name(world, ref(c.actor)))]
    if type(c) is V.MemberIs:
        state, org = ref(c.state), ref(c.of)
        key = "debrief.fact.member" if c.member == negated else "debrief.fact.not_member"
        return [
            i18n.contracted(
                i18n.t(key, state=actor_name(world, state), org=actor_in_sentence(world, org))
            )
        ]
    return []


# the conditions ``fact_lines`` can put in words
_FACTS = (
    V.RegionOwnerIs,
    V.ArrangementIs,
    V.ExistsIs,
    V.CrisisIs,
    V.WarIs,
    V.MemberIs,
    V.GovernmentIs,
    V.StatusIs,
)


def _capital(line: str) -> str:
    return line[:1].upper() + line[1:]
