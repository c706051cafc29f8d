"""Goals a seat's own play decides, with two hands (issue 12). The pandemic's Lusara must carry
Sudra through and keep its own economy growing, its Marisa open up (freedom 72) and join the
Concord, its WHA win a mandate and build the means; cambodia's Sovetia must keep its client
standing and its own army strong, its Atlantica aid Siam out of a growing economy, its Siam arm
and open up; rwanda's Buganda must arm within its means, its Atlantica aid Tanganyika out of a
growing economy, its Gallia keep Zaire standing and its own army strong; financial's Atlantica
must carry Melaka through out of a growing economy; the pandemic's Aurelia must share with
Marisa and stay rich, its Open Rights Watch be believed and give the Assembly a mandate to act
on its reports, its Concord deepen and build a common force, its Field Medics open offices in
six of the seven states and grow to 300 thousand volunteers (an office costs a twentieth of
them); cambodia's UN secretariat must win a mandate and build the means to use it; the
sandbox's Open Hands must work in five states and grow to 100 thousand volunteers, its Aurelia
stay free and grow rich, its Assembly bind and answer to no power (its answers to the cards).

One action repeated every turn cannot meet such a goal (aid alone spends the treasury,
investing alone leaves Sudra poor, funding a body does neither), while the `normal` AI, which
tries what a goal asks of its own doing (aid to a state whose wealth the goal wants raised, a
reform while its own freedom is short, joining the union it should belong to), meets it. And
the guards added beside them: cambodia's Cathay keeps the Party in power and never looks weak,
its Atlantica keeps its sovereignty, so reforming or ceding every turn is no longer a free gift
to the criteria.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pytest

from game.ai import ai_orders, make_bot
from game.content import find_scenario, load_scenario
from game.engine import Order, World, advance, legal_actions, new_world
from game.engine.formulas import AID_PACKAGE
from game.engine.scoring import score

LUSARA = "Lusara carries the poorest through"
SOVETIA = "Your client stands"
MARISA = "Marisa earns its place among its rich neighbours"
CREED = "Your new creed, paid for by a growing economy"
FRONT = "The front line holds and the kingdom opens up"
BUGANDA = "Strong enough, not ruined"
AID_NOT_SOLDIERS = "Aid, not soldiers"
FRIENDS = "Your friends in the region hold"
CONTAGION = "The contagion is contained where it hurts most"
MEANS = "A mandate with the means to use it"
SHARES = "Aurelia shares and stays rich"
BELIEVED = "Your reports are believed, and the Assembly has the mandate"
AGENT = "The Concord becomes an agent"
CREDIBLE = "The UN stays credible"
CATHAY = "At home the Party keeps its hold"
ATLANTICA = "Your Congress keeps Atlantica's sovereignty"
WEAK = "Never look weak"
WHERE_THE_SICK_ARE = "Field Medics goes where the sick are"
BEYOND_THE_COAST = "Open Hands grows along the coast and beyond"
COMPACT = "The Compact becomes a regional federation with a force of its own"
MIREL = "Mirel keeps its sovereignty and its people grow free"
AURELIA = "Aurelia stays free and grows rich"
ASSEMBLY = "The Assembly binds and answers to no power"

Policy = Callable[[World, str], list[Order]]


def _every_turn(action: str) -> Policy:
    return lambda w, seat: legal_actions(w, seat, only=action)[:1]


@cache
def _normal(scenario: str, seed: int) -> World:
    """The match with `normal` on every seat, played once per test process (several tests score
    different seats of the same match)."""
    return _play(scenario, seed, "", None)


def _play(scenario: str, seed: int, seat: str, policy: Policy | None) -> World:
    bot = make_bot("normal")
    w = new_world(load_scenario(find_scenario(scenario)), seed)
    while not w.ended:
        orders: list[Order] = []
        for a in sorted(w.actors):
            mine = policy is not None and a == seat
            orders.extend(policy(w, a) if mine else bot.choose(w, a))  # type: ignore[misc]
        w = advance(w, orders)
    return w


def _met(w: World, seat: str, text: str) -> bool:
    return next(g.met for g in score(w, seat).goals if str(g.text).startswith(text))


def test_normal_lusara_aids_the_state_its_goal_wants_richer() -> None:
    """Sudra starts far short of the goal's line: Lusara sends it aid turn after turn (the
    baseline's plan, which reads no goal, sends its aid to whichever poor state comes first)."""
    bot = make_bot("normal")
    w = new_world(load_scenario(find_scenario("pandemic")), 7)
    aided = []
    for _ in range(4):
        orders = ai_orders(w, bot)
        aided.append(
            ("aid", "sudra") in [(o.action, o.target) for o in orders if o.actor == "lusara"]
        )
        w = advance(w, orders)
    assert aided == [True, True, True, True]


@pytest.mark.parametrize(
    ("scenario", "seat", "goal", "actions", "seeds"),
    [
        # seeds where the others leave Sudra poor (on others, their help alone reaches the line)
        ("pandemic", "lusara", LUSARA, ["invest", "aid", "reform"], (1, 4)),
        # (in a few seeds Annam grows past the line with no help: arming alone then meets it,
        # on seeds 2, 10, 17, 18 and 19 of 1-20, and still scores under `normal` in every one)
        ("cambodia", "sovetia", SOVETIA, ["fund", "arm", "aid"], (1, 3)),
        ("pandemic", "marisa", MARISA, ["reform", "join", "fund"], (1, 2)),
        ("cambodia", "atlantica", CREED, ["invest", "aid", "fund", "intervene"], (1, 2)),
        ("cambodia", "siam", FRONT, ["arm", "reform", "fund", "intervene"], (1, 2)),
        ("rwanda", "buganda", BUGANDA, ["arm", "invest", "reclaim"], (2, 3)),
        ("rwanda", "atlantica", AID_NOT_SOLDIERS, ["reform", "invest", "aid"], (1, 2)),
        ("rwanda", "gallia", FRIENDS, ["fund", "reform", "arm", "aid"], (1, 2)),
        ("financial", "atlantica", CONTAGION, ["reform", "invest", "aid"], (1, 2)),
        ("pandemic", "wha", MEANS, ["propose", "build_capacity"], (3, 5)),
        ("pandemic", "aurelia", SHARES, ["grant_autonomy", "invest", "aid"], (3, 7)),
        ("pandemic", "open_rights", BELIEVED, ["recruit", "campaign", "relieve"], (4, 5)),
        ("pandemic", "concord", AGENT, ["integrate", "build_force"], (1, 2)),
        ("pandemic", "field_medics", WHERE_THE_SICK_ARE, ["recruit", "expand", "relieve"], (2, 3)),
        ("sandbox", "open_hands", BEYOND_THE_COAST, ["recruit", "expand"], (1, 2)),
        ("sandbox", "coastal_compact", COMPACT, ["integrate", "build_force"], (1, 2)),
        ("sandbox", "mirel", MIREL, ["reclaim", "reform"], (1, 2)),
        ("sandbox", "aurelia", AURELIA, ["invest", "reform", "disarm"], (1, 2)),
        ("sandbox", "assembly", ASSEMBLY, ["build_capacity", "propose"], (1, 2)),
    ],
)
def test_a_two_handed_goal_is_met_by_normal_and_by_no_one_action(
    scenario: str, seat: str, goal: str, actions: list[str], seeds: tuple[int, ...]
) -> None:
    for seed in seeds:
        normal = _normal(scenario, seed)
        assert _met(normal, seat, goal), (scenario, seed)
        for action in actions:
            w = _play(scenario, seed, seat, _every_turn(action))
            assert not _met(w, seat, goal), (scenario, seed, action)
            assert score(w, seat).total < score(normal, seat).total, (scenario, seed, action)


def test_cambodias_un_wins_its_credibility_by_its_own_play_more_often_than_by_one_action() -> None:
    """The UN's mandate is half the Relief Committee's and the Witness's doing (a campaign in
    the UN widens it every turn), so in some seeds its secretariat meets the goal by building
    capacity alone. Over twelve seeds `normal` meets it far more often, and neither of the
    secretariat's two hands, repeated alone, outscores `normal` in a third of them."""
    seeds = range(1, 13)
    normal = [_normal("cambodia", seed) for seed in seeds]
    assert sum(_met(w, "un", CREDIBLE) for w in normal) >= 9
    for action in ("propose", "build_capacity"):
        alone = [_play("cambodia", seed, "un", _every_turn(action)) for seed in seeds]
        assert sum(_met(w, "un", CREDIBLE) for w in alone) <= 4, action
        wins = sum(
            score(a, "un").total > score(n, "un").total for a, n in zip(alone, normal, strict=True)
        )
        assert wins < len(seeds) / 3, action


@pytest.mark.parametrize(
    ("seat", "goal", "action"),
    [("cathay", CATHAY, "reform"), ("atlantica", ATLANTICA, "cede"), ("cathay", WEAK, "cede")],
)
def test_cambodia_guards_what_one_action_repeated_gives_away(
    seat: str, goal: str, action: str
) -> None:
    for seed in (1, 2):
        normal = _normal("cambodia", seed)
        repeated = _play("cambodia", seed, seat, _every_turn(action))
        assert _met(normal, seat, goal)
        assert not _met(repeated, seat, goal)
        assert score(normal, seat).total > score(repeated, seat).total


def test_normal_marisa_reforms_to_the_line_then_joins_the_concord() -> None:
    bot = make_bot("normal")
    w = new_world(load_scenario(find_scenario("pandemic")), 1)
    done: list[str] = []
    while not w.ended and w.turn <= 6:
        orders = ai_orders(w, bot)
        done += [o.action for o in orders if o.actor == "marisa" and o.action in ("reform", "join")]
        w = advance(w, orders)
    marisa = w.state("marisa")
    assert marisa is not None and marisa.freedom >= 72
    assert "marisa" in w.actors["concord"].members  # type: ignore[union-attr]
    assert done.count("reform") >= 2 and done[-1] == "join"


def _fund_at(seed: int, turn: int) -> tuple[World, object]:
    bot = make_bot("normal")
    w = new_world(load_scenario(find_scenario("pandemic")), seed)
    while w.turn < turn:
        w = advance(w, ai_orders(w, bot))
    return w, bot


def test_the_fund_lends_to_the_state_its_goal_wants_richer_past_the_roles_own_line() -> None:
    """The Fund's role favours loans to states under 40 wealth; its goal wants Sudra at 60.
    On seed 8, turn 7, Sudra stands between the two and the Fund, its budget a loan and an aid
    package clear of its solvency line, lends to Sudra."""
    w, bot = _fund_at(8, 7)
    sudra, fund = w.state("sudra"), w.actors["recovery_fund"]
    assert sudra is not None and 40 <= sudra.wealth < 60
    assert fund.budget - 8 - AID_PACKAGE >= 15  # type: ignore[union-attr]
    chosen = [(o.action, o.target) for o in bot.decide(w, "recovery_fund").orders]
    assert ("lend", "sudra") in chosen


def test_the_fund_keeps_its_budget_an_aid_package_clear_of_its_line_until_the_end_nears() -> None:
    """Its members may table an aid package in the Fund any turn, and it cannot refuse one. On
    seed 1, turn 6 (the fever cannot be declared contained before turn 8 closes), a loan and a
    round of standards (8 and 3) would leave the Fund solvent (budget 15) but within one package
    of insolvency: it holds back. On turn 7 the fever is all but out, and the match may end as
    turn 8 resolves: the same spending brings Sudra to its goal's line while the budget still
    stands past its own, and it lends."""
    w, bot = _fund_at(1, 6)
    fund = w.actors["recovery_fund"]
    assert 15 <= fund.budget - 8 - 3 < 15 + AID_PACKAGE  # type: ignore[union-attr]
    assert "lend" not in [o.action for o in bot.decide(w, "recovery_fund").orders]
    w = advance(w, ai_orders(w, bot))
    fund = w.actors["recovery_fund"]
    assert 15 <= fund.budget - 8 - 3 < 15 + AID_PACKAGE  # type: ignore[union-attr]
    assert ("lend", "sudra") in [
        (o.action, o.target) for o in bot.decide(w, "recovery_fund").orders
    ]
