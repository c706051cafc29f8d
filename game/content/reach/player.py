"""The random players: seeded random legal orders for every actor, leaning the way the match's
temperament leans. Each actor takes random legal actions (each at most once, within its action
points), answers every card it holds and votes on every resolution."""

from __future__ import annotations

from game.ai.baseline import BaselineBot
from game.engine.actions import Move, legal_moves
from game.engine.orders import ACTIONS, Order
from game.engine.resolve import card_by_id
from game.engine.rng import Rng
from game.engine.world import World

from .axes import AXES
from .wanted import Wanted

_FREE = ("vote", "choose")  # given beside the actions, at no cost
_ACTIONS = tuple(sorted(a for a in ACTIONS if a not in _FREE))
_VOTES = ("yes", "no", "abstain")


class RandomPlayer:
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
        wanted: Wanted,
        lean: dict[int, int] | None = None,
    ) -> None:
        self.rng = rng
        self.tried = tried
        self.wanted = wanted
        # Squared, so most matches favour a few actions strongly and neglect others.
        self.weights = {a: rng.random() ** 2 for a in _ACTIONS}
        for axis, (first, second) in enumerate(AXES):
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
