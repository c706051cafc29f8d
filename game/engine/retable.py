"""Re-tabled resolutions: a question vetoed twice is not put to the vote again unchanged.

"Everything waits for political debate and decision": a Council veto ends one debate, not the
question. But tabling the same resolution turn after turn, to be vetoed each time, is no debate
at all. After ``VETO_LIMIT`` vetoes on the same question (same body, kind and target) it may be
tabled again only with a new cause: the matter has grown graver by ``RETABLE_WORSENED`` since the
last veto (a crisis more severe, repression turned to cleansing, a war gone on longer).
A resolution that passes clears the record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from . import formulas as F
from .model import Model

if TYPE_CHECKING:
    from .model import Proposal
    from .world import World


class Veto(Model):
    """How often a question was vetoed, and how grave the matter was at the last veto."""

    count: int = Field(ge=0)
    gravity: float
    turn: int = Field(ge=0)


def question(body: str, kind: str, target: str) -> str:
    return f"{body}:{kind}:{target}"


def gravity(world: World, kind: str, target: str) -> float:
    """How grave the matter of a resolution is now: what a new cause must raise."""
    if kind == "authorize_force":
        c = world.crises.get(target)
        if c is None:
            return 0.0
        return c.severity + (F.RETABLE_CLEANSING if c.kind == "cleansing" else 0.0)
    if kind == "sanctions":
        crimes = sum(
            c.severity + (F.RETABLE_CLEANSING if c.kind == "cleansing" else 0.0)
            for c in world.crises.values()
            if c.state == target and c.kind in ("repression", "cleansing")
        )
        wars = sum(w.age + 1 for w in world.wars.values() if w.attacker == target)
        return crimes + F.RETABLE_WAR_TURN * wars
    if kind == "mediate":
        w = world.wars.get(target)
        return F.RETABLE_WAR_TURN * w.age if w is not None else 0.0
    if kind == "mandate":  # the need for the body: every crisis in the world
        return sum(c.severity for c in world.crises.values())
    return 0.0


def renewed_cause(world: World, body: str, kind: str, target: str) -> bool:
    """True unless the question was vetoed and its matter has not grown graver since."""
    v = world.vetoes.get(question(body, kind, target))
    return v is None or gravity(world, kind, target) >= v.gravity + F.RETABLE_WORSENED


def may_table(world: World, body: str, kind: str, target: str) -> bool:
    """False for a question vetoed ``VETO_LIMIT`` times whose matter has not grown graver."""
    v = world.vetoes.get(question(body, kind, target))
    return v is None or v.count < F.VETO_LIMIT or renewed_cause(world, body, kind, target)


def record(world: World, p: Proposal, passed: bool, vetoed: bool) -> bool:
    """Note a tally's outcome; True when this veto closes the question until a new cause."""
    q = question(p.body, p.kind, p.target)
    if passed:
        world.vetoes.pop(q, None)
        return False
    if not vetoed:
        return False
    v = world.vetoes.get(q)
    count = (v.count if v is not None else 0) + 1
    world.vetoes[q] = Veto(count=count, gravity=gravity(world, p.kind, p.target), turn=world.turn)
    return count >= F.VETO_LIMIT
