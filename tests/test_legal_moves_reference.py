"""Legal moves, worked out from per-world tables (actions._common), are exactly those of the
plain rules, in the same order (the AI's noise depends on each move's place): checked against a
straightforward reading of the rules, scan by scan, over AI matches of every shipped scenario."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine import Scenario, World, new_world, resolve
from game.engine import formulas as F
from game.engine.actions import VIOLENT, Move, _body_proposals, legal_moves
from game.engine.conditions import is_member
from game.engine.model import NGO, Federation, GlobalBody, State
from game.engine.retable import may_table
from game.session.match import ai_orders
from tests.test_ai_baseline import rich_data

SCENARIOS = sorted(
    p for p in (Path(__file__).parent.parent / "scenarios").glob("*.json")
    if not p.name.endswith(".schema.json")
)  # fmt: skip


def plain_moves(world: World, actor_id: str) -> list[Move]:
    """The legal moves as the rules read, with a scan wherever the rules say "every"."""
    actor = world.actors.get(actor_id)
    if actor is None or world.ended:
        return []
    out: list[Move] = []
    add = out.append
    for h in world.hand:
        if h.actor == actor_id and h.turn == world.turn:
            card = next((c for c in world.rules.cards if c.id == h.card), None)
            for opt in card.options if card else []:
                add(Move("choose", h.key, option=opt.id))

    def aimed_at_me(m: Move) -> bool:  # sanctions or aid for it, force against its own doing
        if m.option == "authorize_force":
            c = world.crises.get(m.subject or "")
            return c is not None and c.state == actor_id and c.kind in ("repression", "cleansing")
        return m.subject == actor_id

    def proposals(body: GlobalBody) -> list[Move]:
        return [m for m in _body_proposals(world, body) if not aimed_at_me(m)]

    if isinstance(actor, State):
        add(Move("invest"))
        if actor.wealth >= 4:
            add(Move("arm"))
        if actor.military >= 6:
            add(Move("disarm"))
        if actor.freedom < 95:
            add(Move("reform"))
        for g in world.groups_in(actor_id):
            if actor.nation != g.id:
                add(Move("repress", g.id))
            if g.autonomy < 100:
                add(Move("grant_autonomy", g.id))
        at_war = {
            w.defender if w.attacker == actor_id else w.attacker
            for w in world.wars.values()
            if actor_id in (w.attacker, w.defender)
        }
        partners = {
            m
            for f in world.federations()
            if f.purpose == "union" and f.depth >= 40 and actor_id in f.members
            for m in f.members
        }
        for n in world.neighbors_of(actor_id):
            if n not in at_war and n not in partners:
                add(Move("attack", n))
        for enemy in sorted(at_war):
            add(Move("make_peace", enemy))
        if actor.military >= 10:
            for c in world.crises.values():
                if c.state != actor_id and c.kind in VIOLENT:
                    add(Move("intervene", c.id))
        mine = [f.id for f in world.federations() if actor_id in f.members]
        mine += [
            b.id
            for b in world.bodies()
            if b.members is None or actor_id in b.members or actor_id in b.permanent
        ]
        for org_id in mine:
            org = world.actors[org_id]
            if actor.sovereignty >= 10:
                add(Move("cede", org_id))
            if actor.sovereignty <= 90:
                add(Move("reclaim", org_id))
            if actor.wealth >= 6:
                add(Move("fund", org_id))
            permanent = isinstance(org, GlobalBody) and actor_id in org.permanent
            if (
                isinstance(org, Federation)
                or (isinstance(org, GlobalBody) and org.members is not None)
            ) and not permanent:
                add(Move("leave", org_id))
            if isinstance(org, GlobalBody):
                out.extend(proposals(org))
        near = set(world.neighbors_of(actor_id))
        for org in world.actors.values():
            if org.id in mine:
                continue
            if (
                isinstance(org, Federation) and (not org.members or near.intersection(org.members))
            ) or (isinstance(org, GlobalBody) and org.members is not None):
                add(Move("join", org.id))
        add(Move("tax_capital"))
        if actor.wealth >= 10:
            pop = world.geo().population
            mine_wpp = actor.wealth / max(0.1, pop.get(actor_id, 0.0))
            for s in world.states():
                if s.id != actor_id and s.wealth / max(0.1, pop.get(s.id, 0.0)) < mine_wpp / 2:
                    add(Move("aid", s.id))
        for p in world.proposals.values():
            if p.opened < world.turn and is_member(world, actor_id, p.body):
                for v in ("yes", "no", "abstain"):
                    add(Move("vote", p.id, option=v))
    elif isinstance(actor, Federation):
        if actor.depth < 100 and actor.members:
            add(Move("integrate"))
        if actor.budget >= F.REDISTRIBUTE and len(actor.members) >= 2:
            add(Move("redistribute"))
        if actor.budget >= 6:
            add(Move("build_force"))
        if actor.force >= 5:
            reach = set(actor.members)
            for m in actor.members:
                reach.update(world.neighbors_of(m))
            for c in world.crises.values():
                if c.state in reach and c.kind in VIOLENT:
                    add(Move("deploy", c.id))
        if actor.budget >= 2:
            for s in world.states():
                if s.id not in actor.members and s.sanctioned == 0:
                    add(Move("sanction", s.id))
    elif isinstance(actor, GlobalBody):
        if actor.budget >= 6:
            add(Move("build_capacity"))
        out.extend(proposals(actor))
        if actor.body == "un":
            for c in world.crises.values():
                if c.authorized and actor.enforcement >= 5 and c.kind in VIOLENT:
                    add(Move("deploy", c.id))
        if actor.body == "bank" and actor.budget >= 8:
            for s in world.states():
                add(Move("lend", s.id))
        if actor.body in ("bank", "trade") and actor.budget >= 3:
            add(Move("regulate"))
        if actor.body == "court":
            guilty = sorted(
                {c.state for c in world.crises.values() if c.kind in ("repression", "cleansing")}
            )
            for s_id in guilty:
                s = world.state(s_id)
                if s is not None and not s.indicted:
                    add(Move("indict", s_id))
            for s in world.states():
                if s.indicted:
                    add(Move("arrest", s.id))
        # the secretariat's own appeal for a wider mandate: one open at a time, and not again
        # unchanged once vetoed twice
        open_appeal = any(
            (p.body, p.kind) == (actor_id, "mandate") for p in world.proposals.values()
        )
        if not open_appeal and may_table(world, actor_id, "mandate", actor_id):
            add(Move("propose", actor_id, actor_id, "mandate"))
    elif isinstance(actor, NGO):
        for c in world.crises.values():
            if c.state in actor.reach:
                add(Move("relieve", c.id))
        for g in world.groups.values():
            if world.host_of(g) in actor.reach and actor_id not in g.warned_by:
                add(Move("warn", g.id))
        for s_id in actor.reach:
            if s_id in world.actors:
                add(Move("campaign", s_id))
        for b in world.bodies():
            add(Move("campaign", b.id))
        add(Move("recruit"))
        for s in world.states():
            if s.id not in actor.reach:
                add(Move("expand", s.id))
    return out


def check_match(world: World, turns: int) -> int:
    checked = 0
    while not world.ended and turns > 0:
        for actor in world.actors:
            assert list(legal_moves(world, actor)) == plain_moves(world.clone(), actor), (
                world.turn,
                actor,
            )
            checked += 1
        world, _ = resolve(world, ai_orders(world))
        turns -= 1
    return checked


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_legal_moves_are_the_plain_rules_in_order(path: Path) -> None:
    scenario = load_scenario(path)
    assert check_match(new_world(scenario, 7), turns=40) > 0


def test_legal_moves_in_a_world_with_every_kind_of_body() -> None:
    for seed in (1, 2):
        assert check_match(new_world(Scenario.model_validate(rich_data()), seed), turns=16) > 0
