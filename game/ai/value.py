"""How a seat scores a world the look-ahead reached: by its mission.

``evaluate(world, start, mine, me, mission)`` adds three parts, each kept by name so the reason
line can say which one decided:

* the criteria, weighted by the mission (``criterion:<name>``: the score's own base);
* the goals (public and, from the seat's own view, secret) whose conditions hold in that world
  (``goal:<i>``: what the final score adds if they still hold at the end); a goal on a figure
  (a stat, a criterion) counts by the chance that it still holds then, judged from how far each
  figure stands from its line against the turns left (and what a resolution already tabled
  will spend; a floor under a body's budget is kept an aid package clear, as its members may
  table one any turn), and mostly by whether it holds as it stands when the match may end as
  the coming turn resolves (``horizon.py``); how far they stand, each counted, adds
  ``margin:<i>``; a goal on one flag that a card now in reach (its trigger holds) will set,
  whatever its answer, counts ``CARD_SURE`` of its points before the flag is set (or keeps only
  the rest, if it breaks it);
* the seat's own standing against the turn's start (``standing:<what>``): a state's lands and
  people, its security against hostile neighbours, no hegemon over it, its means; a union's
  members, depth and force; a body's mandate, legitimacy and enforcement; an NGO's credibility
  and volunteers. The score does not count these, but the rest of the match is played with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.ai import ambition
from game.ai.baseline import appeal_votes
from game.ai.horizon import ending_near
from game.ai.reasons import Reason, figure
from game.engine import formulas as F
from game.engine import vocabulary as V
from game.engine.actions import neighbors_of
from game.engine.conditions import Context, compiled, dealable, in_range
from game.engine.conditions import figure as figure_of
from game.engine.mechanics import decide
from game.engine.model import CRITERIA, NGO, Arrangement, Federation, GlobalBody, State
from game.engine.names import as_name
from game.engine.scenario import Mission
from game.engine.structure import carried, power, targets_of
from game.engine.world import World

MARGIN = 15.0  # a goal's figure this far past its threshold is safe (this far short: far off)
MARGIN_SHARE = 0.3  # the share of a goal's points its margin is worth, either way
# how far a goal's figure may still move, per turn left, before the end counts it: a goal just
# past its line with turns to go may yet be lost (and one just short of it, yet met)
SPREAD_PER_TURN = 2.0
OFFICE = MARGIN / 3  # what one office short of a goal's reach line counts (a third of MARGIN)
_FIGURED = (V.ActorStatIs, V.GroupStatIs, V.CriterionIs)
SECURE_MARGIN = 30.0  # autonomy this far past the secure line stays past it for many turns
CARD_SURE = 0.8  # a goal a card in reach will settle counts this share of its points (or loses it)
SECURE_MARGIN_WEIGHT = 20.0  # (in grievance points) what that margin is worth to its state
HORIZON = 12  # turns of the structural pull counted ahead
# the chance counted that a match near one of its early ends ends as the coming turn resolves
# (the pandemic's Recovery Fund: 0.5 left regulating every turn winning 29 of 100, 0.7 25)
EARLY_END = 0.7
BALANCE_FROM = 0.3  # another state's share of all power that others start to balance against


@dataclass
class Valuation:
    parts: dict[str, float]
    labels: dict[str, tuple[object, float]]  # goal:<i> -> (its text as a Name, points)
    secret: frozenset[str] = frozenset()  # the goal:<i> keys of secret goals

    @property
    def total(self) -> float:
        return sum(self.parts.values())

    def why(self, other: Valuation) -> Reason:
        """The part that most separates this valuation from ``other``, as a reason."""
        keys = set(self.parts) | set(other.parts)
        diffs = {k: self.parts.get(k, 0.0) - other.parts.get(k, 0.0) for k in keys}
        key = max(sorted(keys), key=lambda k: diffs[k])
        d = diffs[key]
        if d < 0.05:
            return Reason("ai.why.even")
        kind, _, name = key.partition(":")
        if kind == "goal" and d < abs(self.labels[key][1]) - 0.05:
            kind = "margin"  # not the goal won or lost: the chance that it holds at the end
        if kind == "margin":
            goal = self.labels[key][0]
            if key in self.secret:
                return Reason("ai.why.secret_margin")
            return Reason("ai.why.goal_margin", {"goal": goal})
        if kind == "goal":
            goal, points = self.labels[key]
            secret = key in self.secret
            if points >= 0:
                shown = figure(points, 0)
                if secret:  # what a secret goal says stays with its seat
                    return Reason("ai.why.secret_kept", {"points": shown})
                return Reason("ai.why.goal_kept", {"goal": goal, "points": shown})
            return Reason("ai.why.secret_lost" if secret else "ai.why.goal_lost", {"goal": goal})
        if kind == "criterion":
            return Reason(
                "ai.why.criterion", {"criterion": Reason(f"ai.crit.{name}"), "delta": figure(d)}
            )
        return Reason("ai.why.standing", {"delta": figure(d), "what": Reason(f"ai.what.{name}")})


def evaluate(w: World, start: World, mine: World, me: str, mission: Mission) -> Valuation:
    parts: dict[str, float] = {}
    labels: dict[str, tuple[object, float]] = {}
    secret: set[str] = set()
    raw = {c.value: mission.weights.get(c, 0.0) for c in CRITERIA}
    wsum = sum(raw.values()) or 1.0
    # Each criterion where the match will leave it: it moves PULL of the way toward the level
    # the world's structure makes likely every turn (a few turns counted: the world will change).
    targets = _world_facts(w).targets
    ahead = min(HORIZON, w.last_turn - w.turn + 1)
    for c, x in raw.items():
        parts[f"criterion:{c}"] = carried(w.criteria.get(c), targets[c], ahead) * x / wsum
    ctx = Context(w)
    left = 0 if w.ended else max(0, w.last_turn - w.turn + 1)
    spread = min(MARGIN, SPREAD_PER_TURN * left)
    # the match may end as this turn resolves: a goal's figures then count as they stand
    now = EARLY_END if ending_near(w) else 0.0
    for i, g in enumerate([*mission.goals, *mission.secret]):
        key = f"goal:{i}"
        labels[key] = labels[f"margin:{i}"] = (as_name(g.text), g.points)
        if i >= len(mission.goals):
            secret.update((key, f"margin:{i}"))
        slacks = _slacks(g.when, ctx)
        if slacks is None or spread == 0.0:
            when = compiled(g.when)
            held = when.check(Context(w.clone() if when.draws else w))
            parts[key] = g.points if held else 0.0
            if not w.ended:
                coming = _card_sets(w, g.when)
                if coming is not None and coming != held:
                    # a card now in reach will set the flag the goal reads, whatever its answer
                    parts[key] = g.points * (CARD_SURE if coming else 1.0 - CARD_SURE)
        elif _rest_holds(g.when, w):
            # the chance that every figure still stands past its line when the match ends
            chance = 1.0
            for x in slacks:
                chance *= max(0.0, min(1.0, 0.5 + x / (2.0 * spread)))
            if now:
                when = compiled(g.when)
                exact = when.check(Context(w.clone() if when.draws else w))
                chance = (1.0 - now) * chance + now * (1.0 if exact else 0.0)
            parts[key] = g.points * chance
        else:
            parts[key] = 0.0
        # how far its figures stand past (or short of) their thresholds: a goal the end of the
        # match counts is worth nearing while out of reach and keeping clear of the line; each
        # figure counts, so progress on one is seen while another is still far off
        if slacks:
            near = sum(max(-1.0, min(1.0, x / MARGIN)) for x in slacks) / len(slacks)
            parts[f"margin:{i}"] = MARGIN_SHARE * g.points * near
    ambition.credit(w, me, mission, parts)
    actor = w.actors.get(me)
    before = start.actors.get(me)
    if isinstance(before, State):
        _state(w, start, before, actor if isinstance(actor, State) else None, parts)
    elif isinstance(before, Federation) and isinstance(actor, Federation):
        parts["standing:strength"] = (
            3.0 * (len(set(actor.members)) - len(set(before.members)))
            + 0.1 * (actor.depth - before.depth)
            + 0.1 * (actor.force - before.force)
            + 0.02 * (actor.budget - before.budget)
        )
    elif isinstance(before, GlobalBody) and isinstance(actor, GlobalBody):
        parts["standing:strength"] = (
            0.1 * (actor.mandate - before.mandate)
            + 0.1 * (actor.legitimacy - before.legitimacy)
            + 0.05 * (actor.enforcement - before.enforcement)
            + 0.02 * (actor.budget - before.budget)
        )
    elif isinstance(before, NGO) and isinstance(actor, NGO):
        parts["standing:strength"] = 0.1 * (actor.credibility - before.credibility) + 0.03 * (
            actor.volunteers - before.volunteers
        )
    return Valuation(parts, labels, frozenset(secret))


def _card_sets(w: World, when: list) -> bool | None:
    """For a goal that reads one flag alone: whether it will hold once a card that ``w`` may
    deal now (its trigger holds) has fired, when every answer to that card sets the flag to one
    value; None when no such card is in reach (or the goal reads more than its flag)."""
    if len(when) != 1 or type(when[0]) is not V.FlagIs:
        return None
    cond = when[0]
    sure = _flag_cards(w.rules.cards)
    if cond.flag not in sure:
        return None
    memo = w.memo()
    coming = memo.get("ai:cards in reach")
    if coming is None:  # once a world: flag -> the value the first such card in reach sets
        coming = memo["ai:cards in reach"] = {}
        # (on a copy: a chance in a trigger draws from the generator)
        for card, _ in dealable(w.clone()):
            for flag, cards in sure.items():
                if card.id in cards:
                    coming.setdefault(flag, cards[card.id])
    value = coming.get(cond.flag)
    return None if value is None else in_range(value, cond)


_SURE: dict[int, tuple[object, dict[str, dict[str, float]]]] = {}


def _flag_cards(cards: list) -> dict[str, dict[str, float]]:
    """flag -> {card id: value} for the cards every answer of which sets that flag to one value
    (worked out once per rules)."""
    hit = _SURE.get(id(cards))
    if hit is not None and hit[0] is cards:
        return hit[1]
    out: dict[str, dict[str, float]] = {}
    for card in cards:
        sets = [
            {e.flag: e.set for e in opt.effects if type(e) is V.SetFlag and e.set is not None}
            for opt in card.options
        ]
        if not sets:
            continue
        for flag, value in sets[0].items():
            if all(x.get(flag) == value for x in sets[1:]):
                out.setdefault(flag, {})[card.id] = value
    if len(_SURE) >= 64:
        _SURE.clear()
    _SURE[id(cards)] = (cards, out)
    return out


def _slacks(when: list, ctx: Context) -> list[float] | None:
    """How far each of the goal's tested figures (an actor's or a group's stat, a criterion)
    stands past (+) or short of (-) each of its thresholds, in points of a 0-100 figure (a line
    past ``10 * MARGIN``, a wealth or a number of volunteers, counts its slack in tenths of its
    own size); None for a goal that tests no such figure (or names one that is gone)."""
    out: list[float] = []
    for c in when:
        if not isinstance(c, _FIGURED):
            continue
        x = figure_of(c, ctx)
        if x is None:  # an actor or group gone: the exact check decides
            return None
        if type(c) is V.ActorStatIs and c.stat == "reach":
            # whole offices, and an office stays open: a line reached holds; each office short
            # counts OFFICE points (no drift to wait for)
            if c.min is not None:
                out.append(MARGIN if x >= c.min else (x - c.min) * OFFICE)
            if c.max is not None:
                out.append((c.max - x) * OFFICE)
            continue
        reserve = 0.0
        if type(c) is V.ActorStatIs:  # what a resolution already tabled will take when voted
            ref = ctx.ref(c.actor) or ""
            x -= _committed(ctx.world).get((ref, c.stat), 0.0)
            if c.stat == "budget" and isinstance(ctx.world.actors.get(ref), GlobalBody):
                # its members may table an aid package any turn, and it cannot refuse one:
                # a floor under a body's budget is kept one package clear
                reserve = F.AID_PACKAGE
        if c.min is not None:
            out.append((x - reserve - c.min) / _unit(c.min))
        if c.max is not None:
            out.append((c.max - x) / _unit(c.max))
    return out or None


def _unit(line: float) -> float:
    return max(1.0, abs(line) / (10.0 * MARGIN))


def _slack(when: list, ctx: Context) -> float | None:
    """The tightest of ``_slacks``."""
    slacks = _slacks(when, ctx)
    return None if slacks is None else min(slacks)


def held_outright(mission: Mission, start: World) -> list[list]:
    """The conditions of the mission's goals whose conditions other than a figure (a form of
    government, a membership, a flag, a status) all hold in ``start``: what ``loses_goal``
    watches, worked out once a decision."""
    out = []
    for g in [*mission.goals, *mission.secret]:
        if g.points > 0 and _rest_of(g.when) and _rest_holds(g.when, start):
            out.append(g.when)
    return out


def loses_goal(held: list[list], w: World) -> bool:
    """Whether one of the goals ``held_outright`` found is lost outright in ``w``: the course
    that reached ``w`` throws the goal away, which one of its moves alone may do. (A goal on a
    figure is valued by the chance that it holds at the end, which the valuation already sets
    against what the course gains.)"""
    return any(not _rest_holds(when, w) for when in held)


def guarded(mission: Mission, w: World, me: str) -> frozenset[str]:
    """The seat's own figures (its budget, its sovereignty...) that one of its goals tests and
    that stand within ``MARGIN`` of the goal's line, either side: what each of its moves may
    spend, and holding back (or taking back) may keep or bring back."""
    ctx = Context(w)
    out: set[str] = set()
    for g in [*mission.goals, *mission.secret]:
        own = [c.stat for c in g.when if type(c) is V.ActorStatIs and ctx.ref(c.actor) == me]
        if not own:
            continue
        slack = _slack(g.when, ctx)
        if slack is not None and abs(slack) < MARGIN:
            out.update(own)
    return frozenset(out)


def spends(mission: Mission, start: World, w: World, me: str, guard: frozenset[str]) -> bool:
    """Whether ``w`` leaves a goal on one of the seat's guarded figures (``guarded``) less clear
    of its line than ``start`` did: the course that reached it spends what the goal keeps."""
    if not guard:
        return False
    before, after = Context(start), Context(w)
    for g in [*mission.goals, *mission.secret]:
        if not any(
            type(c) is V.ActorStatIs and c.stat in guard and before.ref(c.actor) == me
            for c in g.when
        ):
            continue
        x, y = _slack(g.when, before), _slack(g.when, after)
        if x is not None and y is not None and y < x - 0.01:
            return True
    return False


def budgets_read(mission: Mission) -> frozenset[str] | None:
    """The bodies whose budget one of the mission's goals tests, where the aid packages on the
    table count against it (``_committed``): what tabling one changes in the seat's valuation
    before the vote. None when a goal names the actor by a binding (any body, then)."""
    out: set[str] = set()
    for g in [*mission.goals, *mission.secret]:
        for c in g.when:
            if type(c) is V.ActorStatIs and c.stat == "budget":
                if c.actor.startswith("$"):
                    return None
                out.add(c.actor)
    return frozenset(out)


def _committed(w: World) -> dict[tuple[str, str], float]:
    """What the resolutions on the table will take from their bodies once voted, by (body,
    stat): spent a turn past a one-turn look-ahead. An aid package takes its budget; an appeal
    for a wider mandate, as the members would vote on it now, gives the mandate (a negative
    commitment) or, vetoed, costs the budget. Read for every goal's figures of every seat: kept
    in the world's memo."""
    memo = w.memo()
    out = memo.get("ai:committed")
    if out is None:
        out = memo["ai:committed"] = {}
        for p in w.proposals.values():
            body = w.actors.get(p.body)
            if not isinstance(body, GlobalBody):
                continue
            if p.kind == "aid_package":
                out[(body.id, "budget")] = out.get((body.id, "budget"), 0.0) + F.AID_PACKAGE
            elif p.kind == "mandate":
                passed, _, ballots = decide(w, body, p.kind, appeal_votes(w, body.id))
                if passed:
                    out[(body.id, "mandate")] = out.get((body.id, "mandate"), 0.0) - (
                        F.MANDATE_GRANTED
                    )
                elif ballots[3]:
                    out[(body.id, "budget")] = out.get((body.id, "budget"), 0.0) + min(
                        body.budget, F.MANDATE_SNUB
                    )
    return out


_REST: dict[int, tuple[list, list]] = {}


def _rest_of(when: list) -> list:
    """The goal's conditions other than its figures (those read by ``_slack``)."""
    hit = _REST.get(id(when))
    if hit is None or hit[0] is not when:
        if len(_REST) >= 1024:  # a long session of many scenarios: start over
            _REST.clear()
        hit = _REST[id(when)] = (when, [c for c in when if not isinstance(c, _FIGURED)])
    return hit[1]


def _rest_holds(when: list, w: World) -> bool:
    """Whether the goal's conditions other than its figures hold (those read by ``_slack``)."""
    rest = _rest_of(when)
    if not rest:
        return True
    check = compiled(rest)
    return check.check(Context(w.clone() if check.draws else w))


def _clear(autonomy: float) -> float:
    """How far a group's autonomy stands past the secure line, 0 (at or under it) to 1."""
    return max(0.0, min(1.0, (autonomy - F.AUTONOMY_SECURE) / SECURE_MARGIN))


@dataclass(frozen=True)
class _WorldFacts:
    """What every seat's valuation reads of one world, once (kept in the world's memo)."""

    targets: dict[str, float]
    powers: dict[str, float]
    total_power: float
    people: float


def _world_facts(w: World) -> _WorldFacts:
    memo = w.memo()
    wf = memo.get("ai:value")
    if wf is None:
        powers = {s.id: power(s) for s in w.states()}
        wf = memo["ai:value"] = _WorldFacts(
            targets=targets_of(w),
            powers=powers,
            total_power=sum(powers.values()) or 1.0,
            people=sum(w.population_of(s) for s in powers) or 1.0,
        )
    return wf


def _state(w: World, start: World, before: State, a: State | None, parts: dict[str, float]) -> None:
    pop0 = max(0.1, start.population_of(before.id))
    if a is None or not w.regions_of(a.id):
        parts["standing:territory"] = -80.0
        return
    parts["standing:territory"] = 60.0 * (w.population_of(a.id) / pop0 - 1.0)
    # its own groups' grievance and crises: tomorrow's rebellion, secession and indictment
    unrest = 0.0
    troubled = {c.group for c in w.crises.values() if c.state == a.id}
    for g in w.groups.values():
        if g.id != a.nation and any(
            (r := w.regions.get(x)) is not None and r.owner == a.id for x in g.regions
        ):
            g0 = start.groups.get(g.id)
            # the most aggrieved groups, and those in a crisis, weigh most
            weight = 0.5 + g.grievance / 100 + (1.0 if g.id in troubled else 0.0)
            if g0 is None:
                continue
            unrest += weight * (g.grievance - g0.grievance - 0.5 * (g.security - g0.security))
            # autonomy past the secure line protects the group every turn from then on, and
            # autonomy well past it keeps protecting it while a union or a center wears it down
            secure = (g.autonomy >= F.AUTONOMY_SECURE) - (g0.autonomy >= F.AUTONOMY_SECURE)
            unrest -= 40.0 * weight * secure
            unrest -= SECURE_MARGIN_WEIGHT * weight * (_clear(g.autonomy) - _clear(g0.autonomy))
    for c in w.crises.values():
        if c.state == a.id:
            c0 = start.crises.get(c.id)
            unrest += 0.8 * (c.severity - (c0.severity if c0 is not None else 0.0))
    parts["standing:unrest"] = -0.08 * unrest
    wars = sum(1 for x in w.wars.values() if a.id in (x.attacker, x.defender))
    wars0 = sum(1 for x in start.wars.values() if a.id in (x.attacker, x.defender))
    parts["standing:war"] = -3.0 * (wars - wars0)
    parts["standing:strength"] = (
        0.01 * (a.wealth - before.wealth)
        + 0.01 * (a.military - before.military)
        + 0.01 * (a.sovereignty - before.sovereignty)
    )
    # security: a hostile neighbour (at war with it, or at war with anyone) much stronger
    mine = power(a)
    for f in w.federations():
        if f.purpose == "alliance" and a.id in f.members:
            mine += 0.5 * f.force
    hostile = {x.attacker for x in w.wars.values()} | {
        x.attacker if x.defender == a.id else x.defender
        for x in w.wars.values()
        if a.id in (x.attacker, x.defender)
    }
    danger = 0.0
    for n in neighbors_of(w, a.id):
        s = w.state(n)
        if s is not None and n in hostile:
            danger += max(0.0, min(3.0, power(s) / max(1.0, mine) - 1.0))
    parts["standing:threat"] = -4.0 * danger
    # a conqueror holding ever more of the continent threatens every other state
    wf = _world_facts(w)
    people = wf.people
    biggest = max(
        (w.population_of(s.id) / people for s in w.states() if s.id != a.id and s.id in hostile),
        default=0.0,
    )
    parts["standing:conqueror"] = -30.0 * max(0.0, biggest - 0.3)
    # balance of power: another state nearing the hegemon's share of all power
    top = max((p / wf.total_power for k, p in wf.powers.items() if k != a.id), default=0.0)
    parts["standing:balance"] = -80.0 * max(0.0, top - BALANCE_FROM)
    if w.arrangement == Arrangement.EMPIRE:
        lead = max(wf.powers, key=lambda k: (wf.powers[k], k)) if wf.powers else None
        parts["standing:hegemon"] = 0.0 if lead == a.id else -8.0
    else:
        parts["standing:hegemon"] = 0.0
