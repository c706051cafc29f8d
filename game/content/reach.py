"""Checks that need play: can every card trigger, and can every end condition be met?

No formula says which worlds a scenario can reach, so ``check_reachable`` plays sample matches
from the start and reads every world they pass through:

- a third of the matches are played by the baseline AI on every seat (seeds ``scenario.seed``,
  ``scenario.seed + 1``, ...);
- the rest by seeded random players, each match with its own *temperament*: a weight drawn for
  every action and a lean to war or peace, to the center or to sovereignty, to many agents or
  few, so that some matches are warlike, some integrative, some passive; in some of them the AI
  plays a share of the seats, as when people play the others. Each actor takes random legal
  actions (each at most once, within its action points), answers every card it holds and votes
  on every resolution;
- the first third of the matches start from the scenario's start; the others start again from a
  world on the way to where a card or end condition still missing came nearest to holding, and
  try every turn a few times, going on from the try that came nearest: deep chains of cards and
  long constructions are searched where they nearly happened, not only by luck. Cards are
  answered with an option that leads toward what is missing (sets the flag it asks for, starts
  the crisis, raises the figure, or leads to a card that does), else with the option tried least.

Every world in which the engine would deal cards (the start, and every later turn's start) is
read against every card's trigger, with one ``Context`` per card so that bindings flow from one
condition to the next as in ``open_turn``; every world after a turn's resolution against every
end condition, with the turn ``check_end`` uses. ``chance`` counts as possible when 0 < p < 1
and is never drawn: the probe never changes a world. ``once`` and ``cooldown`` do not matter.

A card or end condition that never held is a warning, which says how much was explored and, as
near as can be told, why: the conditions that never held on their own, with the nearest value
seen; or that each held but never all together; or that the card's target never named an actor.
Some conditions can be seen never to hold without playing (a turn after the last, a criterion
above 100, a ``min_turn`` after the last turn): those are reported as "can never hold".

Everything is seeded from the scenario with the engine's own generator, never the clock, so the
findings are the same on every run.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from game.ai.baseline import BaselineBot
from game.engine import formulas as F
from game.engine import vocabulary as V
from game.engine.actions import Move, legal_moves
from game.engine.conditions import Context, holds, in_range
from game.engine.model import Arrangement
from game.engine.orders import ACTIONS, Order
from game.engine.resolve import card_by_id, resolve
from game.engine.rng import Rng, mix
from game.engine.scenario import Scenario
from game.engine.setup import new_world
from game.engine.structure import civil_society
from game.engine.world import World

from .problems import Finding

Elems = tuple[str | int, ...]

# Three-valued truth: a ``chance`` between 0 and 1 may hold or not.
NO, MAYBE, YES = 0, 1, 2

_RANGES = frozenset(
    {
        "criterion",
        "centralization",
        "turn",
        "actor_stat",
        "group_stat",
        "flag",
        "inequality",
        "civil_society",
    }
)
_PERCENT = frozenset({"criterion", "centralization", "inequality", "civil_society"})

_FROM_START = 1 / 3  # the share of the matches that all start from the scenario's start
_TRIES = 4  # tries of each turn in a match played again to reach what is missing
_CHAIN = 4  # how many cards back along a chain of cards the random players look
_SALT = 0x7265616368  # "reach": keeps the random players' draws apart from anything else

_FREE = ("vote", "choose")  # given beside the actions, at no cost
_ACTIONS = tuple(sorted(a for a in ACTIONS if a not in _FREE))
_VOTES = ("yes", "no", "abstain")
# The axes a temperament leans along: (what one end favours, what the other end favours).
_AXES = (
    (  # to war, or to peace
        ("attack", "arm", "repress", "intervene", "sanction"),
        ("make_peace", "disarm", "reform", "grant_autonomy", "relieve", "warn", "aid"),
    ),
    (  # to the center, or to sovereignty
        ("cede", "join", "integrate", "fund", "build_capacity", "build_force", "redistribute",
         "propose", "regulate", "lend", "deploy", "campaign", "recruit", "expand"),
        ("reclaim", "leave", "invest", "tax_capital"),
    ),
    (  # to many agents, each strong and used (the third degree), or away from them
        ("build_capacity", "fund", "integrate", "campaign", "recruit", "expand", "propose",
         "regulate"),
        ("cede", "reclaim", "leave"),
    ),
)  # fmt: skip
WAR, CENTER, PLURAL = 0, 1, 2  # the axes; on each, end 0 is the first of the pair


def check_reachable(scenario: Scenario, matches: int = 36) -> list[Finding]:
    """Warnings for every card whose trigger never held, and every end condition that never held
    at or after its ``min_turn``, in ``matches`` sample matches of the scenario; and for every
    trigger or end condition that can be seen never to hold without playing."""
    findings, dead_cards, dead_ends = _static(scenario)
    cards = {
        i: _Watch(list(c.trigger), c.target)
        for i, c in enumerate(scenario.cards)
        if i not in dead_cards
    }
    ends = {
        j: _Watch(list(ec.when), None, ec.min_turn)
        for j, ec in enumerate(scenario.end_conditions)
        if j not in dead_ends
    }
    watches = [*cards.values(), *ends.values()]
    for w in watches:
        w.chain = _Wanted([w], scenario).level
    explorer = _Explorer(scenario, watches)
    for k in range(matches):
        if not explorer.run(k, matches):
            break  # everything has held: more matches could not change the findings

    explored = (
        f"in {explorer.played} sample {'match' if explorer.played == 1 else 'matches'} "
        f"({explorer.turns} {'turn' if explorer.turns == 1 else 'turns'} of AI and random play)"
    )
    flags_set = {
        e.flag for c in scenario.cards for o in c.options for e in o.effects if e.type == "flag"
    }
    for i, w in cards.items():
        if not w.done:
            card = scenario.cards[i]
            elems, why = w.explain(("cards", i), "trigger", flags_set)
            findings.append(
                Finding(elems, f"card {card.id!r} never triggered {explored}: {why}", "warning")
            )
    for j, w in ends.items():
        if not w.done:
            ec = scenario.end_conditions[j]
            since = f" from turn {ec.min_turn} on" if ec.min_turn > 1 else ""
            if w.checked == 0:
                elems: Elems = ("end_conditions", j, "min_turn")
                why = (
                    f"no sample match was still going at turn {ec.min_turn} "
                    f"(the longest stopped after turn {w.latest})"
                )
            else:
                elems, why = w.explain(("end_conditions", j), "when", flags_set)
            findings.append(
                Finding(
                    elems, f"end condition {ec.id!r} never held{since} {explored}: {why}", "warning"
                )
            )
    return findings


# ---- what can be seen without playing --------------------------------------------------------


def _static(scenario: Scenario) -> tuple[list[Finding], set[int], set[int]]:
    """Conditions that can never hold, whatever is played; and the cards and end conditions they
    rule out (sampling those would only repeat the finding)."""
    findings: list[Finding] = []
    dead_cards: set[int] = set()
    dead_ends: set[int] = set()
    turns = scenario.turns
    for i, card in enumerate(scenario.cards):
        window = (1, turns, f"the scenario has {turns} turns")
        for elems, why, whole in _dead(card.trigger, ("cards", i, "trigger"), window):
            if whole:
                dead_cards.add(i)
            findings.append(
                Finding(
                    elems,
                    f"card {card.id!r} can never trigger: {why}"
                    if whole
                    else f"card {card.id!r}: this alternative can never hold: {why}",
                    "warning",
                )
            )
    for j, ec in enumerate(scenario.end_conditions):
        if ec.min_turn > turns:
            dead_ends.add(j)
            findings.append(
                Finding(
                    ("end_conditions", j, "min_turn"),
                    f"end condition {ec.id!r} can never hold: its min_turn is {ec.min_turn}, "
                    f"after the scenario's last turn ({turns})",
                    "warning",
                )
            )
            continue
        where = (
            f"it is checked only from turn {ec.min_turn} (its min_turn) to turn {turns}"
            if ec.min_turn > 1
            else f"the scenario has {turns} turns"
        )
        for elems, why, whole in _dead(
            ec.when, ("end_conditions", j, "when"), (ec.min_turn, turns, where)
        ):
            if whole:
                dead_ends.add(j)
            findings.append(
                Finding(
                    elems,
                    f"end condition {ec.id!r} can never hold: {why}"
                    if whole
                    else f"end condition {ec.id!r}: this alternative can never hold: {why}",
                    "warning",
                )
            )
    return findings, dead_cards, dead_ends


def _dead(
    conds: Sequence[V.Condition], at: Elems, window: tuple[int, int, str]
) -> list[tuple[Elems, str, bool]]:
    """(where, why, whether it rules out the whole list) for each condition that can never hold;
    inside an ``any`` that may still hold, each alternative that never can."""
    out: list[tuple[Elems, str, bool]] = []
    for k, cond in enumerate(conds):
        why = _impossible(cond, window)
        if why is not None:
            out.append(((*at, k), why, True))
        elif isinstance(cond, V.AnyOf):
            out += [
                (elems, why, False)
                for elems, why, _ in _dead(cond.conditions, (*at, k, "conditions"), window)
            ]
    return out


def _impossible(cond: V.Condition, window: tuple[int, int, str]) -> str | None:
    """Why this condition can never hold, or None if it might. ``window``: the first and last
    turn it is read on, and how to say so."""
    if isinstance(cond, V.TurnIs):
        first, last, where = window
        if (cond.min is not None and cond.min > last) or (
            cond.max is not None and cond.max < first
        ):
            return f"it asks for {_range_words(cond, turn=True)}, but {where}"
    elif cond.type in _PERCENT:
        if (cond.min is not None and cond.min > 100) or (cond.max is not None and cond.max < 0):
            return (
                f"{_range_name(cond)} always lies between 0 and 100, so it is never "
                f"{_range_words(cond)}"
            )
    elif isinstance(cond, V.Chance) and cond.p <= 0:
        return "a chance of 0 never comes"
    elif isinstance(cond, V.AnyOf):
        whys = [_impossible(c, window) for c in cond.conditions]
        if all(w is not None for w in whys):
            return "none of its alternatives can hold: " + "; ".join(w for w in whys if w)
    return None


# ---- playing ---------------------------------------------------------------------------------


class _Explorer:
    """Plays the sample matches and shows every world to the watches (see the module's text)."""

    def __init__(self, scenario: Scenario, watches: list[_Watch]) -> None:
        self.scenario = scenario
        self.watches = watches
        self.tried: dict[tuple[str, str], int] = {}  # (card, option) -> chosen by random players
        self.played = self.turns = 0
        self.aim = 0  # which missing watch the next match played again aims at
        self._wanted: tuple[tuple[int, ...], _Wanted] | None = None

    def run(self, k: int, matches: int) -> bool:
        """Plays match ``k``; False (and nothing played) once every watch has held."""
        pending = [w for w in self.watches if not w.done]
        if not pending:
            return False
        seed = self.scenario.seed
        if k % 3 == 0:
            self._play([new_world(self.scenario, seed + k // 3)], _bot_orders(BaselineBot()))
            return True
        rng = Rng(mix(seed, k, _SALT))
        key = tuple(id(w) for w in pending)
        if self._wanted is None or self._wanted[0] != key:
            self._wanted = (key, _Wanted(pending, self.scenario))
        wanted = self._wanted[1]
        near = [w for w in pending if w.best is not None]
        if k < matches * _FROM_START or not near:
            player = _RandomPlayer(rng, self.tried, wanted)
            self._play([new_world(self.scenario, seed + k)], player.orders)
            return True
        aim = near[self.aim % len(near)]
        self.aim += 1
        trail, at = aim.best  # type: ignore[misc]
        # from there, or from any turn before it (the near miss may be a dead end)
        back = 0 if rng.random() < 0.5 else rng.randint(at + 1)
        player = _RandomPlayer(rng, self.tried, wanted, aim.lean())
        self._play(trail[: at - back + 1], player.orders, aim)
        return True

    def _play(
        self,
        trail: list[World],
        orders_for: Callable[[World], list[Order]],
        aim: _Watch | None = None,
    ) -> None:
        """Plays on from the last world of ``trail`` (the match's worlds so far) to the match's
        end. With ``aim``, each turn is tried ``_TRIES`` times and the match goes on from the try
        nearest to what ``aim`` asks for; every try is a world the match could reach, and read."""
        world = trail[-1]
        if len(trail) == 1:
            self._cards(world, trail)
        self.played += 1
        while not world.ended:
            tries = _TRIES if aim is not None and not aim.done else 1
            best, best_score = world, -math.inf
            for t in range(tries):
                nxt, _ = resolve(world, orders_for(world))
                self.turns += 1
                # check_end read the world before the turn number moved on
                turn = nxt.turn if nxt.ended else nxt.turn - 1
                for w in self.watches:
                    if w.target is None:  # an end condition
                        w.latest = max(w.latest, turn)
                        if not w.done and turn >= w.min_turn:
                            w.observe(nxt, turn, trail, len(trail) - 1)
                if not nxt.ended:  # a match that has ended deals no more cards
                    self._cards(nxt, [*trail, nxt])
                score = aim.closeness(nxt, turn) if aim is not None and tries > 1 else 0.0
                if t == 0 or score > best_score:
                    best, best_score = nxt, score
            world = best
            if not world.ended:
                trail = [*trail, world]

    def _cards(self, world: World, trail: list[World]) -> None:
        for w in self.watches:
            if w.target is not None and not w.done:
                w.observe(world, world.turn, trail, len(trail) - 1)


def _bot_orders(bot: BaselineBot) -> Callable[[World], list[Order]]:
    def orders_for(w: World) -> list[Order]:
        return [o for a in sorted(w.actors) for o in bot.choose(w, a)]

    return orders_for


class _RandomPlayer:
    """Random legal orders for every actor, leaning the way this match's temperament leans.

    The temperament is drawn once a match: a weight for every action; a lean along each axis
    (mostly the way ``lean`` says, where it says: axis -> end); how often an actor spends its
    points at all (a quarter of the matches are passive); how readily it votes yes; and which
    actors the baseline AI plays instead (none, in half the matches).
    """

    def __init__(
        self,
        rng: Rng,
        tried: dict[tuple[str, str], int],
        wanted: _Wanted,
        lean: dict[int, int] | None = None,
    ) -> None:
        self.rng = rng
        self.tried = tried
        self.wanted = wanted
        # Squared, so most matches favour a few actions strongly and neglect others.
        self.weights = {a: rng.random() ** 2 for a in _ACTIONS}
        for axis, (first, second) in enumerate(_AXES):
            end = rng.randint(3)  # 2: no lean
            if lean and axis in lean and rng.random() < 0.75:
                end = lean[axis]
            if end < 2:
                up, down = (first, second) if end == 0 else (second, first)
                for a in up:
                    self.weights[a] = 1.0 + 2.0 * rng.random()
                for a in down:
                    self.weights[a] *= 0.05
        passive = rng.random() < 0.25
        self.activity = (0.05 + 0.3 * rng.random()) if passive else (0.5 + 0.5 * rng.random())
        yes = rng.random()
        self.votes = [yes, 1.0 - yes, 0.25]
        self.ai_share = max(0.0, 2 * rng.random() - 1)
        self.ai: dict[str, bool] = {}
        self.bot: BaselineBot | None = None

    def orders(self, world: World) -> list[Order]:
        rng = self.rng
        out: list[Order] = []
        for actor_id in sorted(world.actors):
            if actor_id not in self.ai:
                self.ai[actor_id] = rng.random() < self.ai_share
            if self.ai[actor_id]:
                self.bot = self.bot or BaselineBot()
                out += self.bot.choose(world, actor_id)
                continue
            # As BaselineBot does: cards and votes apart, then the actions by points.
            by_action: dict[str, list[Move]] = {}
            answers: dict[tuple[str, str | None], list[Move]] = {}
            for m in legal_moves(world, actor_id):
                if m.action in _FREE:
                    answers.setdefault((m.action, m.target), []).append(m)
                else:
                    by_action.setdefault(m.action, []).append(m)
            for (action, _), options in answers.items():
                if action == "vote":
                    pick = [next(o for o in options if o.option == v) for v in _VOTES]
                    out.append(pick[rng.choice_weighted(self.votes)].order(actor_id))
                else:
                    out.append(self._answer(world, options).order(actor_id))
            points = world.actors[actor_id].action_points
            names = sorted(by_action)
            while points > 0 and rng.random() < self.activity:
                names = [a for a in names if ACTIONS[a].cost <= points]
                if not names:
                    break
                action = names.pop(rng.choice_weighted([self.weights[a] for a in names]))
                moves = by_action[action]
                out.append(moves[rng.randint(len(moves))].order(actor_id))
                points -= ACTIONS[action].cost
        return out

    def _answer(self, world: World, options: list[Move]) -> Move:
        """The option that leads furthest toward what is missing; on a tie, the one the random
        players have chosen least often so far; then any."""
        hand = next((h for h in world.hand if h.key == options[0].target), None)
        card = card_by_id(world, hand.card) if hand is not None else None
        if card is None:
            return options[self.rng.randint(len(options))]
        effects = {o.id: o.effects for o in card.options}
        scores = [
            (
                self.wanted.help(world, effects.get(m.option or "", [])),
                -self.tried.get((card.id, m.option or ""), 0),
            )
            for m in options
        ]
        best = [m for m, sc in zip(options, scores, strict=True) if sc == max(scores)]
        pick = best[self.rng.randint(len(best))]
        key = (card.id, pick.option or "")
        self.tried[key] = self.tried.get(key, 0) + 1
        return pick


class _Wanted:
    """What the missing cards and end conditions ask for that a card's option can bring about
    or nearer (a flag in a range, a crisis, a war, a figure); and, a few cards
    back, what the cards whose options do so ask for in turn, so that a chain of cards is
    followed from its start. ``level``: those cards, and how many steps back each is."""

    def __init__(self, watches: list[_Watch], scenario: Scenario) -> None:
        self.flags: dict[str, list[V.FlagIs]] = {}
        self.crises: list[V.CrisisIs] = []
        self.wars: list[V.WarIs] = []
        self.figures: dict[tuple[str, str], list[V.Condition]] = {}  # (whose, which) -> ranges
        self.level: dict[str, int] = {}
        conds = [c for w in watches if not w.done for c in w.conds]
        left = list(scenario.cards)
        for level in range(1, _CHAIN + 1):
            for cond in conds:
                self._add(cond)
            leads = [
                c
                for c in left
                if any(self._brings(e, None) > 0 for o in c.options for e in o.effects)
            ]
            if not leads:
                break
            self.level.update((c.id, level) for c in leads)
            left = [c for c in left if c.id not in self.level]
            conds = [cond for c in leads for cond in c.trigger]

    def _add(self, cond: V.Condition) -> None:
        if isinstance(cond, V.FlagIs):
            self.flags.setdefault(cond.flag, []).append(cond)
        elif isinstance(cond, V.CrisisIs):
            self.crises.append(cond)
        elif isinstance(cond, V.WarIs) and cond.active:
            self.wars.append(cond)
        elif isinstance(cond, V.CriterionIs):
            self.figures.setdefault(("", cond.criterion.value), []).append(cond)
        elif isinstance(cond, V.ActorStatIs):
            self.figures.setdefault((cond.actor, cond.stat), []).append(cond)
        elif isinstance(cond, V.GroupStatIs):
            self.figures.setdefault((cond.group, cond.stat), []).append(cond)
        elif isinstance(cond, V.AnyOf):
            for c in cond.conditions:
                self._add(c)

    def help(self, world: World, effects: list[V.Effect]) -> int:
        """How many wanted things these effects bring about or nearer, less those they undo."""
        return sum(self._brings(e, world) for e in effects)

    def _brings(self, e: V.Effect, world: World | None) -> int:
        """How many wanted things the effect brings about or nearer in ``world`` (less those it
        undoes); without a world, how many it could bring nearer from somewhere."""
        score = 0
        if isinstance(e, V.ChangeCriterion | V.ChangeActorStat | V.ChangeGroupStat):
            if isinstance(e, V.ChangeCriterion):
                key = ("", e.criterion.value)
            else:
                key = (e.actor if isinstance(e, V.ChangeActorStat) else e.group, e.stat)
            for cond in self.figures.get(key, ()):
                up = e.amount > 0 and cond.min is not None
                down = e.amount < 0 and cond.max is not None
                old = _value(cond, Context(world), 0) if world is not None else None
                if old is None:
                    score += up or down
                elif not in_range(old, cond):
                    score += (up and old < cond.min) or (down and old > cond.max)
                elif not in_range(old + e.amount, cond):
                    score -= 1
        if isinstance(e, V.SetFlag):
            for f in self.flags.get(e.flag, ()):
                if world is None:
                    score += bool(
                        in_range(e.set, f)
                        if e.set is not None
                        else (e.amount > 0 and f.min is not None)
                        or (e.amount < 0 and f.max is not None)
                    )
                else:
                    old = world.flags.get(e.flag, 0.0)
                    new = e.set if e.set is not None else old + e.amount
                    score += in_range(new, f) - in_range(old, f)
        elif isinstance(e, V.StartCrisis):
            score += sum(
                1
                for c in self.crises
                if (c.kind is None or e.kind in c.kind)
                and (c.state is None or c.state.startswith("$") or c.state == e.state)
            )
        elif isinstance(e, V.StartWar):
            score += sum(
                1
                for c in self.wars
                if c.involving is None
                or c.involving.startswith("$")
                or c.involving in (e.attacker, e.defender)
            )
        return score


# ---- reading conditions ----------------------------------------------------------------------


class _Watch:
    """One card's trigger (or one end condition) across every world shown to it."""

    def __init__(self, conds: list[V.Condition], target: str | None, min_turn: int = 1) -> None:
        self.conds = conds
        self.target = target  # None for an end condition
        self.min_turn = min_turn
        self.done = False  # it held (and its target named an actor) in some world
        self.checked = 0  # worlds read
        self.latest = 0  # the latest turn an end condition could have been read on
        self.alone = [False] * len(conds)  # each top-level condition held in some world
        self.most = 0  # the most top-level conditions that held in one world
        self.trigger_held = False
        self.nearest: dict[tuple[int, ...], tuple[float, float]] = {}  # path -> (gap, value)
        self.arrangements: set[Arrangement] = set()
        # Where it came nearest to holding: the score, the match's worlds up to where it would be
        # played again from, which of them, and the conditions that failed there.
        self.score = -math.inf
        self.best: tuple[list[World], int] | None = None
        self.failing: list[V.Condition] = []
        self.chain: dict[str, int] = {}  # cards whose options lead here -> how many steps back

    def observe(self, world: World, turn: int, trail: list[World], at: int) -> None:
        """Reads the conditions in ``world`` (on ``turn``); ``trail[at]`` is where a match would
        be played again from to try for it once more."""
        self.checked += 1
        self.arrangements.add(world.arrangement)
        ctx = Context(world)
        held, cost, failing = 0, 0.0, []
        for k, cond in enumerate(self.conds):  # every one, not only up to the first that fails
            if _truth(cond, ctx, turn, self, (k,)) != NO:
                self.alone[k] = True
                held += 1
            else:
                cost += _cost(cond, ctx, turn)
                failing.append(cond)
        self.most = max(self.most, held)
        score = self._progress(world) - cost
        if score > self.score:
            self.score, self.best, self.failing = score, (trail, at), failing
        if held < len(self.conds):
            return
        self.trigger_held = True
        if self.target is None:
            self.done = True
            return
        target = ctx.ref(self.target)  # as open_turn: the target must name an actor
        if target is not None and target in world.actors:
            self.done = True

    def closeness(self, world: World, turn: int) -> float:
        """How near ``world`` comes to what this asks for: 0 or more when it holds."""
        if self.target is not None and world.ended:
            return -math.inf  # no more cards
        ctx = Context(world)
        return self._progress(world) - sum(
            _cost(cond, ctx, turn) for cond in self.conds if _truth(cond, ctx, turn, None, ()) == NO
        )

    def _progress(self, world: World) -> float:
        """Up to 0.5 when a card of the chain that leads here has just been dealt (the nearer the
        end of the chain, the more): a match that gets there is on its way."""
        levels = [self.chain[h.card] for h in world.hand if h.card in self.chain]
        return 0.5 * (_CHAIN + 1 - min(levels)) / (_CHAIN + 1) if levels else 0.0

    def lean(self) -> dict[int, int]:
        """Which way play should lean to bring the failing conditions about: axis -> end."""
        votes: dict[int, set[int]] = {}
        for cond in self.failing:
            for axis, end in _leans(cond):
                votes.setdefault(axis, set()).add(end)
        return {axis: min(ends) for axis, ends in votes.items() if len(ends) == 1}

    def near(self, path: tuple[int, ...], cond: V.Condition, ctx: Context, turn: int) -> None:
        """Remembers the value of a range condition that failed, if it is the nearest yet."""
        value = _value(cond, ctx, turn)
        if value is None:
            return
        gap = max(0.0, cond.min - value if cond.min is not None else 0.0) + max(
            0.0, value - cond.max if cond.max is not None else 0.0
        )
        if path not in self.nearest or gap < self.nearest[path][0]:
            self.nearest[path] = (gap, value)

    def explain(self, at: Elems, field: str, flags_set: set[str]) -> tuple[Elems, str]:
        """Where to point (under ``at``, the card or end condition) and why it never held."""
        never = [k for k, ok in enumerate(self.alone) if not ok]
        if len(never) == 1:
            return (*at, field, never[0]), self._why(self.conds[never[0]], (never[0],), flags_set)
        if never:
            return (*at, field), "; ".join(
                f"condition {k + 1} of {len(self.conds)}: "
                + self._why(self.conds[k], (k,), flags_set)
                for k in never
            )
        if not self.trigger_held:
            return (*at, field), (
                f"each of its {len(self.conds)} conditions held at some time, but never all "
                f"together (at most {self.most} at once)"
            )
        return (*at, "target"), (
            f"its trigger held, but its target {self.target!r} never named an actor that "
            "existed at the time"
        )

    def _why(self, cond: V.Condition, path: tuple[int, ...], flags_set: set[str]) -> str:
        if cond.type in _RANGES:
            return self._why_range(cond, path, flags_set)
        if isinstance(cond, V.AnyOf):
            parts = [self._why(c, (*path, m), flags_set) for m, c in enumerate(cond.conditions)]
            if len(parts) == 1:
                return parts[0]
            return "none of its alternatives ever held: " + "; ".join(
                f"({m + 1}) {p}" for m, p in enumerate(parts)
            )
        if isinstance(cond, V.ArrangementIs):
            seen = [a.value for a in Arrangement if a in self.arrangements]
            return (
                f"the world never stood in {_or([a.value for a in cond.arrangements])} "
                f"(it stood in {', '.join(seen)})"
            )
        return _never_seen(cond)

    def _why_range(self, cond: V.Condition, path: tuple[int, ...], flags_set: set[str]) -> str:
        name = _range_name(cond)
        hint = ""
        if isinstance(cond, V.FlagIs) and cond.flag not in flags_set:
            hint = " (no card's option sets or changes this flag: is its name misspelt?)"
        best = self.nearest.get(path)
        if best is None:
            ref = getattr(cond, "actor", None) or getattr(cond, "group", None)
            return f"{name} could never be read: {ref!r} never named one that existed"
        seen = _seen(best[1], cond)
        lo, hi = cond.min, cond.max
        if isinstance(cond, V.TurnIs):
            if hi is None:
                return f"no sample match got to turn {_num(lo)}; the latest was turn {seen}"
            if lo is None:
                return f"it was never turn {_num(hi)} or earlier; the earliest was turn {seen}"
            return f"it was never turn {_num(lo)} to {_num(hi)}; the nearest was turn {seen}"
        if hi is None:
            return f"{name} never rose to {_num(lo)} or above; the highest seen was {seen}{hint}"
        if lo is None:
            return f"{name} never fell to {_num(hi)} or below; the lowest seen was {seen}{hint}"
        return (
            f"{name} was never between {_num(lo)} and {_num(hi)}; the nearest seen was {seen}{hint}"
        )


def _truth(
    cond: V.Condition, ctx: Context, turn: int, watch: _Watch | None, path: tuple[int, ...]
) -> int:
    """Three-valued: ``chance`` is maybe (never drawn); ``any`` and ``not`` combine as the engine
    does, with the same bindings in the same order; every other condition is the engine's own
    ``holds``, except ``turn``, read against ``turn`` (check_end reads end conditions before the
    turn number moves on). ``watch`` remembers the values of the ranges that failed."""
    if isinstance(cond, V.Chance):
        return NO if cond.p <= 0 else YES if cond.p >= 1 else MAYBE
    if isinstance(cond, V.AnyOf):
        best = NO
        for m, c in enumerate(cond.conditions):
            v = _truth(c, ctx, turn, watch, (*path, m))
            if v == YES:
                return YES
            best = max(best, v)
        return best
    if isinstance(cond, V.NotIs):
        inner = Context(ctx.world, dict(ctx.bindings), ctx._cache)
        return YES - _truth(cond.condition, inner, turn, None, path)
    ok = in_range(turn, cond) if isinstance(cond, V.TurnIs) else holds(cond, ctx)
    if not ok and watch is not None and cond.type in _RANGES:
        watch.near(path, cond, ctx, turn)
    return YES if ok else NO


def _value(cond: V.Condition, ctx: Context, turn: int) -> float | None:
    """The figure a range condition reads (None if it names nothing that exists)."""
    w = ctx.world
    match cond:
        case V.CriterionIs():
            return w.criteria.get(cond.criterion)
        case V.CentralizationIs():
            return w.centralization
        case V.TurnIs():
            return float(turn)
        case V.ActorStatIs():
            actor = w.actors.get(ctx.ref(cond.actor) or "")
            value = getattr(actor, cond.stat, None) if actor is not None else None
            return float(value) if isinstance(value, int | float) else None
        case V.GroupStatIs():
            group = w.groups.get(ctx.ref(cond.group) or "")
            return float(getattr(group, cond.stat)) if group is not None else None
        case V.FlagIs():
            return w.flags.get(cond.flag, 0.0)
        case V.InequalityIs() | V.CivilSocietyIs():
            return ctx.figure(cond.type)
    return None


# ---- how near: what the search climbs --------------------------------------------------------

_CENTERED = {
    Arrangement.GLOBAL_STATE,
    Arrangement.FEDERATION,
    Arrangement.PLURALISM_3,
    Arrangement.PLURALISM_2,
}
_LOOSE = {Arrangement.ANARCHY, Arrangement.PLURALISM_1}
_ORG_STATS = frozenset(V.FEDERATION_STATS + V.BODY_STATS)


def _leans(cond: V.Condition) -> list[tuple[int, int]]:
    """(axis, end) pairs that play should lean toward to bring this condition about."""
    up = getattr(cond, "min", None) is not None
    down = getattr(cond, "max", None) is not None

    def toward(axis: int, when_up: int) -> list[tuple[int, int]]:
        return [(axis, when_up)] if up else [(axis, 1 - when_up)] if down else []

    match cond:
        case V.CentralizationIs():
            return toward(CENTER, 0)
        case V.ArrangementIs():
            wanted = set(cond.arrangements)
            if wanted <= {Arrangement.PLURALISM_3, Arrangement.PLURALISM_2}:
                return [(PLURAL, 0)]
            if wanted <= _CENTERED:
                return [(CENTER, 0)]
            if wanted <= _LOOSE:
                return [(CENTER, 1)]
            if wanted == {Arrangement.EMPIRE}:
                return [(WAR, 0)]
        case V.CriterionIs():
            if cond.criterion.value == "justice":
                return [(CENTER, 0)] if up else []
            return toward(WAR, 1)  # peace, freedom and pluralism rise with peace
        case V.WarIs():
            return [(WAR, 0 if cond.active else 1)]
        case V.CrisisIs():
            return [(WAR, 0)]
        case V.GroupStatIs():  # grievance rises, security and autonomy fall, with repression
            return toward(WAR, 0 if cond.stat == "grievance" else 1)
        case V.ActorStatIs():
            if cond.stat in _ORG_STATS:
                return toward(CENTER, 0)
            if cond.stat == "sovereignty":
                return toward(CENTER, 1)
            if cond.stat in ("military", "fear"):
                return toward(WAR, 0)
        case V.AnyOf():
            for c in cond.conditions:
                if found := _leans(c):
                    return found
    return []


def _cost(cond: V.Condition, ctx: Context, turn: int) -> float:
    """How far a condition that fails is from holding, for the search: a figure play can lean
    toward (or a turn still to come) counts as nearer than an event that must happen."""
    if isinstance(cond, V.TurnIs) or _leans(cond):
        return 0.5 * _gap(cond, ctx, turn)
    return 1.5


def _gap(cond: V.Condition, ctx: Context, turn: int) -> float:
    """0–1: how far the value lies outside a range (for an arrangement, the world from it)."""
    if isinstance(cond, V.ArrangementIs):
        return min(_arrangement_gap(ctx.world, a) for a in cond.arrangements)
    value = _value(cond, ctx, turn) if cond.type in _RANGES else None
    if value is None:
        return 1.0
    if cond.min is not None and value < cond.min:
        return min(1.0, (cond.min - value) / (abs(cond.min) + 10))
    if cond.max is not None and value > cond.max:
        return min(1.0, (value - cond.max) / (abs(cond.max) + 10))
    return 0.0


# The order in which the engine's classifier (structure.measure) tries the arrangements.
_PRECEDENCE = (
    Arrangement.GLOBAL_STATE,
    Arrangement.FEDERATION,
    Arrangement.EMPIRE,
    Arrangement.PLURALISM_3,
    Arrangement.PLURALISM_2,
    Arrangement.PLURALISM_1,
    Arrangement.ANARCHY,
)


def _short(value: float, goal: float) -> float:
    """How far short of ``goal`` a value falls, as a share of it (0 once it is reached)."""
    return max(0.0, min(1.0, (goal - value) / goal)) if goal > 0 else 0.0


def _arrangement_gap(world: World, arr: Arrangement) -> float:
    """A rough distance (0–1) from the world to an arrangement, read off the figures the
    engine's classifier reads, with its thresholds, so that a search can climb toward it."""
    if world.arrangement == arr:
        return 0.0
    # an arrangement the classifier finds first hides this one
    hidden = 0.5 if _PRECEDENCE.index(world.arrangement) < _PRECEDENCE.index(arr) else 0.0
    bodies = world.bodies()
    unions = [f for f in world.federations() if f.purpose == "union"]
    binding = max([b.mandate for b in bodies] + [f.depth for f in unions] + [0.0])
    civil = _short(civil_society(world), F.CIVIL_SOCIETY_DENSE)
    cent = world.centralization
    match arr:
        case Arrangement.ANARCHY:
            short = min(1.0, max(0.0, binding / F.BODY_BINDING_MANDATE - 1))
        case Arrangement.PLURALISM_1:
            short = _short(binding, F.BODY_BINDING_MANDATE)
        case Arrangement.PLURALISM_2:
            short = (_short(binding, F.BODY_BINDING_MANDATE) + civil) / 2
        case Arrangement.PLURALISM_3:
            strong = min(
                [
                    (
                        _short(b.mandate, F.BODY_STRONG_MANDATE)
                        + _short(b.enforcement, F.BODY_STRONG_ENFORCEMENT)
                        + _short(b.independence, F.BODY_INDEPENDENT)
                    )
                    / 3
                    for b in bodies
                ]
                + [1.0]
            )
            regional = min([_short(f.depth, F.FEDERATION_REGIONAL_DEPTH) for f in unions] + [1.0])
            short = (strong + regional + civil) / 3
        case Arrangement.EMPIRE:
            short = _short(cent, 100 * F.HEGEMON_SHARE)
        case Arrangement.FEDERATION:
            short = _short(cent, F.GLOBAL_FEDERATION_DEPTH)
        case _:
            short = _short(cent, F.GLOBAL_STATE_DEPTH)
    return min(1.0, hidden + short)


# ---- words -----------------------------------------------------------------------------------


def _num(v: float | None) -> str:
    if v is None:
        return "?"
    r = round(v, 1)
    return str(int(r)) if r == int(r) else f"{r:.1f}"


def _seen(value: float, cond: V.Condition) -> str:
    """The value, rounded no further than keeps it outside the range it missed."""
    places = 1
    for places in (1, 2, 4):
        if not in_range(round(value, places), cond):
            break
    r = round(value, places)
    return str(int(r)) if r == int(r) else f"{r:.{places}f}".rstrip("0")


def _range_name(cond: V.Condition) -> str:
    match cond:
        case V.CriterionIs():
            return cond.criterion.value
        case V.ActorStatIs():
            return f"{cond.actor}'s {cond.stat}"
        case V.GroupStatIs():
            return f"{cond.group}'s {cond.stat}"
        case V.FlagIs():
            return f"the flag {cond.flag!r}"
        case V.CivilSocietyIs():
            return "civil society"
        case V.TurnIs():
            return "the turn"
    return cond.type


def _range_words(cond: V.Condition, turn: bool = False) -> str:
    lo, hi = cond.min, cond.max
    if turn:
        if hi is None:
            return f"turn {_num(lo)} or later"
        if lo is None:
            return f"turn {_num(hi)} or earlier"
        return f"turns {_num(lo)} to {_num(hi)}"
    if hi is None:
        return f"{_num(lo)} or above"
    if lo is None:
        return f"{_num(hi)} or below"
    return f"from {_num(lo)} to {_num(hi)}"


def _or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _what(cond: V.Condition) -> str:
    """The condition in a few words, as a noun phrase."""
    if cond.type in _RANGES:
        return f"{_range_name(cond)} {_range_words(cond, turn=isinstance(cond, V.TurnIs))}"
    match cond:
        case V.ArrangementIs():
            return f"the world standing in {_or([a.value for a in cond.arrangements])}"
        case V.CrisisIs():
            words = [f"a {_or(list(cond.kind))} crisis" if cond.kind else "a crisis"]
            if cond.state:
                words.append(f"in {cond.state!r}")
            if cond.group:
                words.append(f"against {cond.group!r}")
            if cond.min_severity:
                words.append(f"of severity {_num(cond.min_severity)} or more")
            if cond.min_age:
                words.append(f"lasting {cond.min_age} turns or more")
            if cond.unanswered:
                words.append("that no state, union or body had answered")
            return " ".join(words)
        case V.WarIs():
            words = ["a war" if cond.active else "no war"]
            if cond.involving:
                words.append(f"involving {cond.involving!r}")
            if cond.min_age:
                words.append(f"lasting {cond.min_age} turns or more")
            return " ".join(words)
        case V.ExistsIs():
            return f"{cond.actor!r} {'existing' if cond.exists else 'no longer existing'}"
        case V.RegionOwnerIs():
            return f"{cond.owner!r} {'holding' if cond.held else 'not holding'} {cond.region!r}"
        case V.StatusIs():
            what = "under sanctions" if cond.status == "sanctioned" else "indicted"
            return f"{cond.actor!r} {'' if cond.active else 'not '}{what}"
        case V.GovernmentIs():
            return f"{cond.actor!r} being {_government(cond.government)}"
        case V.MemberIs():
            return f"{cond.state!r} {'' if cond.member else 'not '}a member of {cond.of!r}"
        case V.Chance():
            return f"a chance of {cond.p:g}"
        case V.AnyOf():
            return "one of: " + "; ".join(_what(c) for c in cond.conditions)
        case V.NotIs():
            return f"not {_what(cond.condition)}"
    return cond.type


def _government(g: str) -> str:
    return "a republic" if g == "republic" else "an autocracy"


def _never_seen(cond: V.Condition) -> str:
    """Why a condition that is not a range never held, in a sentence."""
    match cond:
        case V.CrisisIs():
            return f"there was never {_what(cond)}"
        case V.WarIs():
            if cond.active:
                return f"there was never {_what(cond)}"
            who = f" involving {cond.involving!r}" if cond.involving else ""
            age = f" lasting {cond.min_age} turns or more" if cond.min_age else ""
            return f"there was always a war{who}{age}"
        case V.ExistsIs():
            return f"{cond.actor!r} {'never existed' if cond.exists else 'always existed'}"
        case V.RegionOwnerIs():
            return f"{cond.owner!r} {'never' if cond.held else 'always'} held {cond.region!r}"
        case V.StatusIs():
            what = "under sanctions" if cond.status == "sanctioned" else "indicted"
            return f"{cond.actor!r} was {'never' if cond.active else 'always'} {what}"
        case V.GovernmentIs():
            return f"{cond.actor!r} was never {_government(cond.government)}"
        case V.MemberIs():
            return (
                f"{cond.state!r} was {'never' if cond.member else 'always'} a member of {cond.of!r}"
            )
        case V.NotIs():
            return f"what it rules out was so in every turn seen: {_what(cond.condition)}"
    return f"it never held: {_what(cond)}"
