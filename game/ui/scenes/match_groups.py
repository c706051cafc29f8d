"""The Actions list in groups a player can scan: crises first, then what the seat's mission
is about, then at home, abroad and in bodies. Thirty orders in one column were a wall."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game.engine import Order

if TYPE_CHECKING:
    from game.engine import World
    from game.engine.scenario import Mission

# Orders that act on the seat's own state or organisation.
HOME = {
    "invest", "arm", "disarm", "reform", "repress", "grant_autonomy", "tax_capital",
    "integrate", "redistribute", "build_force", "build_capacity", "recruit",
}  # fmt: skip
# Orders about unions, alliances and global bodies: membership, sovereignty, resolutions.
BODIES = {"join", "leave", "cede", "reclaim", "propose", "fund", "regulate"}
KINDS = ("crises", "home", "abroad", "bodies")
DECISIONS = ("vote", "choose")  # answered in the Cards tab, not here


@dataclass
class OrderGroup:
    kind: str  # one of KINDS: its heading is t("match.group.<kind>")
    orders: list[Order] = field(default_factory=list)
    relevant: bool = False  # it touches something the seat's mission names


def kind_of(world: World, order: Order) -> str:
    if order.target in world.crises or (order.subject or "") in world.crises:
        return "crises"
    if order.action == "lend" and panic_in(world, order.target):
        return "crises"  # a loan to a state in a panic is what calms it (the lender of last resort)
    if order.action in BODIES:
        return "bodies"
    if order.action in HOME:
        return "home"
    return "abroad"


def panic_in(world: World, state_id: str | None) -> float | None:
    """The severity of the financial panic in ``state_id``, if it has one."""
    for c in world.crises.values():
        if c.state == state_id and c.kind == "financial":
            return c.severity
    return None


def mission_names(mission: Mission) -> set[str]:
    """Every identifier a mission's goals speak of (actors, groups, regions …)."""
    out: set[str] = set()

    def walk(v: object) -> None:
        if isinstance(v, str):
            out.add(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list | tuple):
            for x in v:
                walk(x)

    for g in mission.goals:
        walk(g.model_dump(mode="json").get("when"))
    return out


def group_orders(world: World, legal: list[Order], mission: Mission | None) -> list[OrderGroup]:
    """The seat's orders (cards and votes left out) in groups, the most relevant first:
    crises, then groups with an order aimed at something the mission names, then home,
    abroad, bodies. Within a group the engine's order is kept."""
    names = mission_names(mission) if mission is not None else set()
    groups = {k: OrderGroup(k) for k in KINDS}
    for o in legal:
        if o.action in DECISIONS:
            continue
        g = groups[kind_of(world, o)]
        g.orders.append(o)
        if o.target in names or (o.subject or "") in names:
            g.relevant = True
    ranked = [g for g in groups.values() if g.orders]
    ranked.sort(key=lambda g: (g.kind != "crises", not g.relevant, KINDS.index(g.kind)))
    return ranked
