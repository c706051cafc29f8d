"""Orders in words, as a player reads them: "Repress the Kosovar Albanians", "Answer: A warning
called irresponsible", "UN: sanctions on Servia". Names and titles only: no internal identifier
(an actor's, a card's, a crisis's id) ever reaches the window through these functions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from game.engine import ACTIONS, Order
from game.engine import formulas as F
from game.engine.actions import recruits, volunteer_ceiling
from game.engine.model import NGO, Federation, GlobalBody, State
from game.engine.ops import treaties_broken
from game.engine.say import as_data
from game.engine.scenario import text as scenario_text
from game.ui.i18n import contracted, language, message, t, tn, whole
from game.ui.i18n import name as i18n_name
from game.ui.scenes.match_groups import panic_in
from game.ui.widgets.mapview import crisis_text

if TYPE_CHECKING:
    from game.engine import World

RECRUIT_FULL = (
    "Credibility +2 only: your volunteers have reached 2% of the people where you work "
    "({most} thousand); open an office to grow."
)


def _tr(key: str, fallback: str, **values: object) -> str:
    """A translated string, or the engine's English when the key is not translated."""
    out = t(key, **values)
    return fallback.format(**values) if out == key else out


def action_label(action: str) -> str:
    return _tr(f"match.action.{action}", ACTIONS[action].label)


def action_preview(action: str, world: World | None = None, orders: Sequence[Order] = ()) -> str:
    """What an action does, in a line. For resolutions, how the ``orders``' bodies decide:
    force's Council or large Assembly, another Council question, or a majority of votes cast
    (a bank or a trade council never votes on force)."""
    if action == "propose" and world is not None and orders:
        return _tr(f"match.preview.{_propose_rule(world, orders)}", ACTIONS[action].preview)
    if action == "recruit" and world is not None and orders:
        ngo = world.actors.get(orders[0].actor)
        if isinstance(ngo, NGO) and recruits(world, ngo) <= 0:
            # at the line of the people it reaches: recruiting earns credibility only
            most = whole(volunteer_ceiling(world, ngo))
            return _tr("match.preview.recruit_full", RECRUIT_FULL, most=most)
    return _tr(f"match.preview.{action}", ACTIONS[action].preview)


def _propose_rule(world: World, orders: Sequence[Order]) -> str:
    if any(o.option == "authorize_force" for o in orders):
        return "propose"
    council = any(
        isinstance(b := world.actors.get(o.target or ""), GlobalBody)
        and b.body == "un"
        and world.council(b)
        for o in orders
    )
    return "propose_council" if council else "propose_majority"


def counted(key: str, n: int) -> str:
    """ "1 card", "3 cards": the plural form of ``key`` for ``n`` (see i18n.tn)."""
    return tn(key, n)


def card_of(world: World, hand_key: str):
    """The scenario card behind a card in hand (``hand_13`` → the card), or None."""
    h = next((h for h in world.hand if h.key == hand_key), None)
    if h is None:
        return None
    return next((c for c in world.rules.cards if c.id == h.card), None)


def card_title(world: World, hand_key: str) -> str:
    card = card_of(world, hand_key)
    return scenario_text(card.title, language()) if card is not None else t("panel.words.a_card")


def option_label(world: World, hand_key: str, option: str | None) -> str:
    card = card_of(world, hand_key)
    opt = next((o for o in card.options if o.id == option), None) if card else None
    return scenario_text(opt.label, language()) if opt is not None else ""


def proposal_words(world: World, proposal_id: str) -> str:
    """ "Sanctions on Servia": what a resolution before a body is about."""
    p = world.proposals.get(proposal_id)
    if p is None:
        return t("panel.words.a_resolution")
    if p.target == p.body:  # about the body itself (its mandate, its standards): named once
        return t(f"match.proposal.{p.kind}")
    # a crisis or war that ended before the vote: as it was called when it was tabled
    gone = not any(p.target in x for x in (world.actors, world.crises, world.wars))
    target = message(p.subject) if gone and p.subject is not None else name_of(world, p.target)
    return t("match.proposal_line", kind=t(f"match.proposal.{p.kind}"), target=target)


def name_of(world: World, ident: str, article: bool = False) -> str:
    """What a player calls the thing ``ident`` names: an actor, a group, a crisis, a region or
    a resolution; never the identifier itself (a neutral word when the seat cannot see it).
    With ``article``, as the name reads inside a sentence: "la República de Servia" (Spanish
    names carry their article), a group in lower case after the template's own "los"."""
    if ident in world.actors:
        return i18n_name(world.actors[ident], article=article)
    if ident in world.groups:
        return i18n_name(world.groups[ident], article=article)
    if ident in world.crises:
        return crisis_text(world, world.crises[ident])
    if ident in world.wars:  # a war is everyone's to see: "war between Servia and Arberia"
        war = world.wars[ident]
        sides = {
            k: as_data(world.actors[x].name) if x in world.actors else t("panel.words.unknown")
            for k, x in (("a", war.attacker), ("b", war.defender))
        }
        return message({"key": "war_between", "args": sides})
    if ident in world.regions:
        return i18n_name(world.regions[ident], article=article)
    if ident in world.proposals:
        return proposal_words(world, ident)
    if any(h.key == ident for h in world.hand):
        return card_title(world, ident)
    return t("panel.words.unknown")


def target_name(world: World, order: Order, article: bool = False) -> str:
    """The name of what an order acts on, as a player reads it: a label at the head of a row,
    or with ``article`` as it reads inside a sentence ("Declarar la guerra a la República…")."""
    if order.action == "propose":
        if order.subject == order.target:  # about the body itself (its mandate, its standards)
            return t(
                "match.propose_target_self",
                body=name_of(world, order.target or "", article),
                kind=t(f"match.proposal.{order.option}"),
            )
        return t(
            "match.propose_target",
            body=name_of(world, order.target or "", article),
            kind=t(f"match.proposal.{order.option}"),
            subject=name_of(world, order.subject or ""),
        )
    if order.action == "choose":
        return card_title(world, order.target or "")
    return name_of(world, order.target or "", article)


def order_sentence(world: World, order: Order) -> str:
    """ "Repress the Kosovar Albanians" — the order in words."""
    if order.action == "vote" and order.option:
        return contracted(
            t(
                f"panel.words.voted_{order.option}",
                what=name_of(world, order.target or ""),
                body=_body_of(world, order.target or ""),
            )
        )
    if order.action == "choose":
        choice = option_label(world, order.target or "", order.option)
        title = card_title(world, order.target or "")
        return t("panel.words.answered", card=title, choice=choice) if choice else title
    if order.target is None:
        return action_label(order.action)
    sentence = _tr(
        f"match.do.{order.action}",
        "{label}: {target}",
        target=target_name(world, order, article=True),
        label=action_label(order.action),
    )
    return contracted(sentence)


def _body_of(world: World, proposal_id: str) -> str:
    """The body a resolution is before, as it reads in a sentence ("en la Alianza Atlántica")."""
    p = world.proposals.get(proposal_id)
    return name_of(world, p.body, article=True) if p is not None else t("panel.words.a_body")


def order_preview(world: World, order: Order) -> str:
    """The plain-language preview with the concrete target: "Repress the Kosovar Albanians:
    grievance rises, …"."""
    preview = action_preview(order.action, world, [order])
    if not preview or order.action in ("vote", "choose"):
        return order_sentence(world, order)
    return f"{order_sentence(world, order)}: {preview[:1].lower()}{preview[1:]}"


def order_hint(world: World, seat: str | None, order: Order) -> str:
    """A figure that helps choose between targets (the group's grievance, the enemy's army)."""
    ident = order.target or ""
    a = order.action
    if ident in world.groups:
        g = world.groups[ident]
        return t("match.hint.group", grievance=f"{g.grievance:.0f}", autonomy=f"{g.autonomy:.0f}")
    if ident in world.crises:
        return t("match.hint.crisis", severity=f"{world.crises[ident].severity:.0f}")
    target = world.actors.get(ident)
    me = world.actors.get(seat or "")
    if isinstance(target, State):
        if a == "attack" and isinstance(me, State):
            armies = t(
                "match.hint.armies", theirs=f"{target.military:.0f}", ours=f"{me.military:.0f}"
            )
            # an attack ends the treaties it betrays (docs/rules.md): say so before the click
            for kind in sorted({x.kind for x in treaties_broken(world, me.id, ident)}):
                armies += " · " + t(f"match.hint.breaks_{kind}")
            return armies
        panic = panic_in(world, ident) if a == "lend" else None
        if panic is not None:
            return t("match.hint.panic", n=f"{target.wealth:.0f}", severity=f"{panic:.0f}")
        if a in ("aid", "lend", "sanction"):
            return t("match.hint.wealth", n=f"{target.wealth:.0f}")
        if a == "campaign":
            return t("match.hint.pressure", n=f"{target.pressure:.0f}")
        return ""
    if isinstance(target, Federation):
        return t("match.hint.depth", n=f"{target.depth:.0f}")
    if isinstance(target, GlobalBody):
        # a package is paid when voted: one the budget cannot pay now says so before the click
        if order.option == "aid_package" and target.budget < F.AID_PACKAGE:
            # (rounded down: a budget of 9.6 is short of 10, and must not read "10 of 10")
            return t("match.hint.aid_short", n=int(target.budget), cost=F.AID_PACKAGE)
        return t("match.hint.mandate", n=f"{target.mandate:.0f}")
    return ""


def order_key(o: Order) -> str:
    return "|".join(str(x) for x in o.key())


# Orders that undo each other on the same target: the match screen will not take the second of
# a pair into a draft (the engine would carry out both, two points spent on nothing).
_UNDOES = {
    "arm": "disarm",
    "disarm": "arm",
    "cede": "reclaim",
    "reclaim": "cede",
    "join": "leave",
    "leave": "join",
    "repress": "grant_autonomy",
    "grant_autonomy": "repress",
}


def undoes(given: Order, new: Order) -> bool:
    """Whether ``new`` would undo ``given``, an order of the same seat this turn."""
    return (
        given.actor == new.actor
        and _UNDOES.get(new.action) == given.action
        and given.target == new.target
    )
