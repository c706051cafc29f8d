"""Pacing: does every shipped scenario give each seat decisions over the whole match?

    python bench/bench_pacing.py [--matches 50] [--scenario kosovo ...] [--json]

For each scenario it plays ``--matches`` matches with the baseline AI on every seat, and
``--matches`` matches in which the scenario's first seat is played by a scripted human (a player
who invests and reforms at home, answers every card with its default and votes yes); with
``--every-seat``, ``--matches`` more for each other seat in ``seats``.

A *decision* for a seat on a turn is a card dealt to it or a resolution it may vote on. Each
match is cut into thirds (by its own length); the goal is at least one decision every three turns
on average in each third, for every seat in ``seats`` with the AI playing, and for the scripted
seat(s); the worst seat decides MET / NOT MET.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.ai.baseline import BaselineBot  # noqa: E402
from game.content import load_scenario  # noqa: E402
from game.engine import Order, Scenario, World, default_option, legal_actions, waiting  # noqa: E402
from game.engine.resolve import card_by_id  # noqa: E402
from game.session.match import Match  # noqa: E402

GOAL = 1 / 3  # decisions per turn, in each third, for each seat
THIRDS = ("first", "middle", "last")
SHIPPED = ("kosovo", "rwanda", "cambodia", "financial", "pandemic", "sandbox")


def cards_for(world: World, seat: str) -> int:
    """The event cards waiting for this seat's answer this turn."""
    return sum(1 for h in world.hand if h.actor == seat and h.turn == world.turn)


def decisions(world: World, seat: str) -> int:
    """The cards waiting for this seat and the resolutions it may vote on, this turn (what the
    match screen lists as waiting: ``game.engine.waiting``)."""
    return len(waiting(world, seat))


def default_answer(world: World, hand_key: str, options: list[Order]) -> Order:
    """The order that answers a card with the option it takes by default."""
    hand = next((h for h in world.hand if h.key == hand_key), None)
    card = card_by_id(world, hand.card) if hand else None
    if card is not None:
        chosen = default_option(card).id
        for o in options:
            if o.option == chosen:
                return o
    return options[0]


def scripted_human(world: World, seat: str) -> list[Order]:
    """A player who clicks Invest and Reform, answers cards with the default and votes yes."""
    legal = legal_actions(world, seat)
    orders: list[Order] = []
    cards: dict[str, list[Order]] = {}
    for o in legal:
        if o.action == "choose":
            cards.setdefault(o.target or "", []).append(o)
        elif o.action == "vote" and o.option == "yes":
            orders.append(o)
    orders.extend(default_answer(world, k, opts) for k, opts in cards.items())
    points = world.actors[seat].action_points
    for action in ("invest", "reform", "recruit", "build_capacity", "integrate"):
        o = next((x for x in legal if x.action == action), None)
        if o is not None and points > 0:
            orders.append(o)
            points -= 1
    return orders


@dataclass
class MatchPace:
    """One match's figures: turns, decisions per seat per turn, cards fired per turn."""

    turns: int
    per_seat: dict[str, list[int]]
    cards: dict[str, list[int]]
    fired: list[int]
    strain: list[float]
    scripted: str | None = None


def play(scenario: Scenario, seed: int, scripted: str | None = None) -> MatchPace:
    """Play one match (the baseline AI, and the scripted human on ``scripted``)."""
    match = Match.start(scenario, seed)
    bot = BaselineBot()
    seats = list(scenario.seats)
    per_seat: dict[str, list[int]] = {s: [] for s in seats}
    cards: dict[str, list[int]] = {s: [] for s in seats}
    fired: list[int] = []
    strain: list[float] = []
    while not match.world.ended:
        w = match.world
        for s in seats:
            per_seat[s].append(decisions(w, s) if s in w.actors else 0)
            cards[s].append(cards_for(w, s))
        orders: list[Order] = []
        for actor_id in sorted(w.actors):
            if actor_id == scripted:
                orders.extend(scripted_human(w, actor_id))
            else:
                orders.extend(bot.choose(w, actor_id))
        report = match.play_turn(orders)
        fired.append(len(report.cards))
        strain.append(crisis_strain(match.world))
    return MatchPace(len(fired), per_seat, cards, fired, strain, scripted)


def crisis_strain(world: World) -> float:
    """How hard the world is pressed after a turn: the crises' summed severity, plus 25 for
    each war under way."""
    return sum(c.severity for c in world.crises.values()) + 25 * len(world.wars)


def thirds(n: int) -> list[range]:
    """A match of n turns cut into three (the middle third takes the remainder)."""
    a = n // 3
    b = n - a
    return [range(0, a), range(a, b), range(b, n)]


@dataclass
class Pace:
    """Pacing summed over matches: decisions and turns per seat and third, cards per third."""

    decisions: dict[str, list[int]] = field(default_factory=dict)
    cards: dict[str, list[int]] = field(default_factory=dict)
    turns: dict[str, list[int]] = field(default_factory=dict)
    idle: dict[str, list[int]] = field(default_factory=dict)
    fired: list[int] = field(default_factory=lambda: [0, 0, 0])
    strain: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    strain_turns: list[int] = field(default_factory=lambda: [0, 0, 0])
    matches: int = 0

    def add(self, m: MatchPace, seats: Iterable[str]) -> None:
        self.matches += 1
        parts = thirds(m.turns)
        for i, r in enumerate(parts):
            self.fired[i] += sum(m.fired[t] for t in r)
            self.strain[i] += sum(m.strain[t] for t in r)
            self.strain_turns[i] += len(r)
        for s in seats:
            d = self.decisions.setdefault(s, [0, 0, 0])
            c = self.cards.setdefault(s, [0, 0, 0])
            n = self.turns.setdefault(s, [0, 0, 0])
            idle = self.idle.setdefault(s, [0, 0, 0])
            for i, r in enumerate(parts):
                d[i] += sum(m.per_seat[s][t] for t in r)
                c[i] += sum(m.cards[s][t] for t in r)
                n[i] += len(r)
                idle[i] += sum(1 for t in r if m.per_seat[s][t] == 0)

    def rate(self, seat: str) -> list[float]:
        return [
            d / n if n else 0.0 for d, n in zip(self.decisions[seat], self.turns[seat], strict=True)
        ]

    def worst(self) -> tuple[str, float]:
        """The seat with the lowest rate in any third, and that rate."""
        return min(((s, min(self.rate(s))) for s in self.decisions), key=lambda x: (x[1], x[0]))

    def to_json(self) -> dict:
        seat, low = self.worst() if self.decisions else ("", 0.0)
        return {
            "matches": self.matches,
            "cards_per_third": [round(f / max(1, self.matches), 2) for f in self.fired],
            "crisis_strain_per_third": [
                round(x / n, 1) if n else 0.0
                for x, n in zip(self.strain, self.strain_turns, strict=True)
            ],
            "seats": {
                s: {
                    "decisions_per_turn": [round(r, 3) for r in self.rate(s)],
                    "cards_per_turn": [
                        round(c / n, 3) if n else 0.0
                        for c, n in zip(self.cards[s], self.turns[s], strict=True)
                    ],
                    "idle_turn_share": [
                        round(i / n, 3) if n else 0.0
                        for i, n in zip(self.idle[s], self.turns[s], strict=True)
                    ],
                }
                for s in sorted(self.decisions)
            },
            "worst": {"seat": seat, "decisions_per_turn": round(low, 3)},
            "met": low >= GOAL,
        }


def measure(
    scenario: Scenario, matches: int, seed: int | None = None, every_seat: bool = False
) -> dict:
    """The measurements for one scenario: the AI on every seat; the scripted human on the
    scenario's first seat; with ``every_seat``, the scripted human on each other seat too
    (``matches`` matches each)."""
    base = scenario.seed if seed is None else seed
    seats = list(scenario.seats)
    ai, human = Pace(), Pace()
    for i in range(matches):
        ai.add(play(scenario, base + i), seats)
    for seat in seats if every_seat else seats[:1]:
        for i in range(matches):
            human.add(play(scenario, base + i, scripted=seat), [seat])
    human.matches = matches
    a, h = ai.to_json(), human.to_json()
    return {"scenario": scenario.id, "ai": a, "scripted": h, "met": a["met"] and h["met"]}


def _table(result: dict) -> str:
    lines = [f"== {result['scenario']}: {'MET' if result['met'] else 'NOT MET'}"]
    for label in ("ai", "scripted"):
        r = result[label]
        who = (
            "AI on every seat"
            if label == "ai"
            else "the scripted human on "
            + ("each seat in turn" if len(r["seats"]) > 1 else "the first seat")
        )
        lines.append(
            f"  {who}, {r['matches']} matches; cards fired per match by third: "
            + " / ".join(f"{c:.1f}" for c in r["cards_per_third"])
        )
        lines.append(
            "    crises' severity + 25 a war, mean after a turn, by third: "
            + " / ".join(f"{x:.0f}" for x in r["crisis_strain_per_third"])
        )
        lines.append(
            f"    {'seat':<20} {'decisions/turn by third':<25} {'of which cards':<25} "
            "turns with no decision"
        )
        for seat, s in r["seats"].items():
            rates = " / ".join(f"{x:.2f}" for x in s["decisions_per_turn"])
            cards = " / ".join(f"{x:.2f}" for x in s["cards_per_turn"])
            idle = " / ".join(f"{x:.0%}" for x in s["idle_turn_share"])
            low = "  < below goal" if min(s["decisions_per_turn"]) < GOAL else ""
            lines.append(f"    {seat:<20} {rates:<25} {cards:<25} {idle}{low}")
        w = r["worst"]
        lines.append(
            f"    worst: {w['seat']} at {w['decisions_per_turn']:.2f} a turn "
            f"(goal {GOAL:.2f}): {'met' if r['met'] else 'NOT met'}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--matches", type=int, default=50, help="matches per measurement (50)")
    p.add_argument("--scenario", action="append", help="a shipped scenario's id (repeatable)")
    p.add_argument("--seed", type=int, default=None, help="first seed (default: the scenario's)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--every-seat",
        action="store_true",
        help="script the human on every seat in turn, not only the first (len(seats) times longer)",
    )
    args = p.parse_args(argv)
    results = []
    started = time.perf_counter()
    for sid in args.scenario or SHIPPED:
        t0 = time.perf_counter()
        scenario = load_scenario(ROOT / "scenarios" / f"{sid}.json")
        result = measure(scenario, args.matches, args.seed, args.every_seat)
        result["seconds"] = round(time.perf_counter() - t0, 1)
        results.append(result)
        if not args.json:
            print(_table(result) + f"\n  ({result['seconds']} s)", flush=True)
    total = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps({"results": results, "seconds": total}, indent=1))
    else:
        met = sum(r["met"] for r in results)
        print(f"\n{met} of {len(results)} scenarios MET ({total} s)")
    return 0 if all(r["met"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
