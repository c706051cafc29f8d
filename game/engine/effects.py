"""Applying the vocabulary's effects: the only way a card changes the world."""

from __future__ import annotations

from . import centers, ops
from . import vocabulary as V
from .conditions import Context
from .report import Ledger


def apply_all(effects: list[V.Effect], ctx: Context, ledger: Ledger, cause: str) -> None:
    for e in effects:
        apply(e, ctx, ledger, cause)


def apply(effect: V.Effect, ctx: Context, ledger: Ledger, cause: str) -> None:
    """Apply one effect. A reference that no longer resolves (a conquered state, an ended
    crisis) makes the effect do nothing: the world has moved on since the card was dealt. One
    that resolves to an actor of the wrong kind where a state belongs (a binding such as
    ``$attacker`` naming a union at play time) does nothing either, and the report says so:
    the world never holds a crisis, a war, a region or a membership a save would refuse."""
    w = ctx.world
    for field in _STATES_ONLY.get(effect.type, ()):
        ref = getattr(effect, field)
        who = ctx.ref(ref) if ref else None
        if who in w.actors and w.state(who) is None:
            ledger.line("world", ledger.later("void_not_state", cause=cause, who=ops.name(w, who)))
            return
    match effect:
        case V.ChangeCriterion():
            ledger.change(effect.criterion, effect.amount, cause)
        case V.ChangeActorStat():
            actor = w.actors.get(ctx.ref(effect.actor) or "")
            if actor is not None and hasattr(actor, effect.stat):
                ops.add(actor, effect.stat, effect.amount)
        case V.ChangeGroupStat():
            group = w.groups.get(ctx.ref(effect.group) or "")
            if group is not None:
                ops.add(group, effect.stat, effect.amount)
        case V.ChangeCorporations():
            for corp in w.corporations.values():
                if effect.corporation is None or corp.id == effect.corporation:
                    ops.add(corp, effect.stat, effect.amount)
        case V.StartCrisis():
            state = ctx.ref(effect.state)
            group = ctx.ref(effect.group) if effect.group else None
            if state:
                ops.start_crisis(w, ledger, effect.kind, state, group, effect.severity, cause)
        case V.ChangeCrisis():
            cid = ctx.ref(effect.crisis) or ""
            crisis = w.crises.get(cid)
            if crisis is not None:
                ops.add(crisis, "severity", effect.amount)
                responder = ctx.ref(effect.responder)
                if responder in w.actors and responder not in crisis.responders:
                    crisis.responders.append(responder)
                if effect.authorize:
                    crisis.authorized = True
                if effect.relief:
                    crisis.relief = min(100.0, crisis.relief + effect.relief)
                if crisis.severity <= 0:
                    ops.end_crisis(w, ledger, cid, cause)
        case V.StartWar():
            a, d = ctx.ref(effect.attacker), ctx.ref(effect.defender)
            if a and d:
                ops.start_war(w, ledger, a, d, cause)
        case V.EndWar():
            ops.end_wars(w, ledger, ctx.ref(effect.involving) if effect.involving else None, cause)
        case V.SetGovernment():
            s = w.state(ctx.ref(effect.actor) or "")
            if s is not None and s.government != effect.government:
                s.government = effect.government
                ledger.line(
                    "world",
                    ledger.later(
                        "becomes_government",
                        who=s.name,
                        government=ledger.say(f"government.{effect.government}"),
                        cause=cause,
                    ),
                )
        case V.Secede():
            group = w.groups.get(ctx.ref(effect.group) or "")
            if group is not None:
                keeper = centers.holds_together(w, w.host_of(group))
                if keeper is None:
                    ops.secede(w, ledger, group, cause)
                else:
                    ledger.line(
                        "world", ledger.later("held_together", center=keeper, group=group.name)
                    )
        case V.TransferRegion():
            region = w.regions.get(ctx.ref(effect.region) or "")
            to = ctx.ref(effect.to)
            if region is not None and to:
                ops.transfer_region(w, ledger, region, to, cause)
        case V.JoinBody():
            set_membership(ctx, ledger, effect, cause)
        case V.SetFlag():
            if effect.set is not None:
                w.flags[effect.flag] = effect.set
            else:
                w.flags[effect.flag] = w.flags.get(effect.flag, 0.0) + effect.amount
        case _:  # pragma: no cover - the union is closed
            raise TypeError(f"unknown effect {effect!r}")


# The fields of each effect that must name a state when the effect is played.
_STATES_ONLY: dict[str, tuple[str, ...]] = {
    "start_crisis": ("state",),
    "start_war": ("attacker", "defender"),
    "transfer_region": ("to",),
    "membership": ("state",),
    "government": ("actor",),
}


def set_membership(ctx: Context, ledger: Ledger, effect: V.JoinBody, cause: str) -> None:
    w = ctx.world
    state, of = ctx.ref(effect.state) or "", ctx.ref(effect.of) or ""
    org = w.actors.get(of)
    if w.state(state) is None or org is None:
        return
    if org.kind == "federation" or (org.kind == "global_body" and org.members is not None):
        members = org.members
    else:
        return
    if effect.join and state not in members:
        members.append(state)
        ledger.line(
            "world",
            ledger.later("joins_because", who=ops.name(w, state), org=org.name, cause=cause),
        )
    elif not effect.join and state in members:
        members.remove(state)
        ledger.line(
            "world",
            ledger.later("leaves_because", who=ops.name(w, state), org=org.name, cause=cause),
        )
