"""The mission AI does not throw a goal away: when the best course it found loses a goal that
holds now, it tries that course without each of its moves (game/ai/mission.py). Cambodia's
Sovetia shows it: its secret goal keeps the Party in power (a one-party state at the end), and
the baseline's plan reforms on past the line where an autocracy becomes a republic."""

from __future__ import annotations

from pathlib import Path

from game.ai import ai_orders, make_bot
from game.content import load_scenario
from game.engine import Order, World, advance, legal_actions, new_world
from game.engine.scoring import score

ROOT = Path(__file__).resolve().parent.parent
PARTY = "At home the Party keeps its hold"


def _cambodia(seed: int) -> World:
    return new_world(load_scenario(ROOT / "scenarios" / "cambodia.json"), seed)


def _met(w: World, seat: str, text: str) -> bool:
    return next(g.met for g in score(w, seat).goals if str(g.text).startswith(text))


def test_normal_stops_reforming_where_a_reform_would_lose_its_goal() -> None:
    """Where Sovetia's reforms have brought its freedom to one reform (+8) from the line where an
    autocracy becomes a republic and the baseline's plan for it holds a reform, `normal` plays
    the rest of that plan. (The first such turn of seeds 1-8: the scenario's other seats decide
    whether it comes; it comes in four of them.)"""
    found = 0
    for seed in range(1, 9):
        bot = make_bot("normal")
        w = _cambodia(seed)
        while not w.ended:
            sovetia = w.state("sovetia")
            assert sovetia is not None and sovetia.government == "autocracy"
            if 52 <= sovetia.freedom < 60 and "reform" in [
                o.action for o in bot.baseline.choose(w, "sovetia")
            ]:
                chosen = [o.action for o in bot.decide(w, "sovetia").orders]
                assert "reform" not in chosen
                assert chosen  # it still plays its other points
                found += 1
                break
            w = advance(w, ai_orders(w, bot))
    assert found >= 3


def _reform_every_turn(w: World, seat: str) -> list[Order]:
    return legal_actions(w, seat, only="reform")[:1]


def _play(seed: int, policy: bool) -> World:
    bot = make_bot("normal")
    w = _cambodia(seed)
    while not w.ended:
        orders: list[Order] = []
        for a in sorted(w.actors):
            mine = policy and a == "sovetia"
            orders.extend(_reform_every_turn(w, a) if mine else bot.choose(w, a))
        w = advance(w, orders)
    return w


def test_normal_sovetia_reforms_yet_keeps_the_party_in_power_and_beats_reform_every_turn() -> None:
    for seed in (1, 2, 3):
        normal, reformer = _play(seed, False), _play(seed, True)
        start = _cambodia(seed).state("sovetia")
        end = normal.state("sovetia")
        assert start is not None and end is not None
        assert end.freedom > start.freedom  # it reformed, as far as its goal allows
        assert _met(normal, "sovetia", PARTY)
        assert not _met(reformer, "sovetia", PARTY)
        assert score(normal, "sovetia").total > score(reformer, "sovetia").total
