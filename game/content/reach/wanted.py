"""Answering cards toward what is missing: what the missing cards and end conditions ask for that
a card's option can bring about or nearer, followed a few cards back along chains of cards."""

from __future__ import annotations

from game.engine import vocabulary as V
from game.engine.conditions import Context, in_range
from game.engine.scenario import Scenario
from game.engine.world import World

from .figures import figure
from .watch import CHAIN, Watch


class Wanted:
    """What the missing cards and end conditions ask for that a card's option can bring about
    or nearer (a flag in a range, a crisis, a war, a figure); and, a few cards
    back, what the cards whose options do so ask for in turn, so that a chain of cards is
    followed from its start. ``level``: those cards, and how many steps back each is."""

    def __init__(self, watches: list[Watch], scenario: Scenario) -> None:
        self.flags: dict[str, list[V.FlagIs]] = {}
        self.crises: list[V.CrisisIs] = []
        self.wars: list[V.WarIs] = []
        self.figures: dict[tuple[str, str], list[V.Condition]] = {}  # (whose, which) -> ranges
        self.level: dict[str, int] = {}
        conds = [c for w in watches if not w.done for c in w.conds]
        left = list(scenario.cards)
        for level in range(1, CHAIN + 1):
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
                old = figure(cond, Context(world), 0) if world is not None else None
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
