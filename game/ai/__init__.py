"""Bots. ``baseline`` is the rule-of-thumb player the reference playthroughs are played by;
``mission`` the looking-ahead players of issue 12, one per kind of actor, at three levels.

    make_bot("normal").choose(world, actor_id) -> list[Order]
    make_bot("hard").decide(world, actor_id) -> Decision (orders and one line of reasons)
    ai_orders(world, "normal") -> every actor's orders this turn (session.match.ai_orders' shape)
"""

from __future__ import annotations

from collections.abc import Iterable

from game.ai.mission import LEVELS, Decision, MissionBot
from game.ai.reasons import Reason, text
from game.engine.orders import Order
from game.engine.world import World

__all__ = ["LEVELS", "Decision", "MissionBot", "Reason", "ai_orders", "make_bot", "text"]


def make_bot(level: str) -> MissionBot:
    """A bot of the level (``easy``, ``normal`` or ``hard``); ValueError names the levels."""
    return MissionBot(level)


def ai_orders(
    world: World, bot: MissionBot | str | None = None, seats: Iterable[str] | None = None
) -> list[Order]:
    """The orders ``bot`` (or a new bot of that level; default ``normal``) gives for ``seats``
    (default every actor) this turn, in actor order; its ``reasons`` then hold each seat's line.
    Keep one bot per level for a whole match: it caches what it may between seats."""
    if bot is None or isinstance(bot, str):
        bot = MissionBot(bot or "normal")
    orders: list[Order] = []
    for actor_id in sorted(world.actors if seats is None else seats):
        orders.extend(bot.choose(world, actor_id))
    return orders
