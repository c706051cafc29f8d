"""Decisions are explicit: an unanswered card takes its default (marked, or the least drastic),
the report says so, a seat can ask what still waits, a vote order says which way, and no goal
reads "met" before anything was at stake."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.content import check_scenario, load_scenario
from game.engine import legal_actions, new_world, resolve, view
from game.engine.decisions import default_option, drasticness, vote_sentence, waiting
from game.engine.orders import Order
from game.engine.scenario import Card, text
from game.engine.scoring import goal_statuses, score
from game.session.match import ai_orders
from game.ui.i18n import said

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("kosovo", "rwanda", "cambodia", "financial", "pandemic", "sandbox")
MINI = ROOT / "tests" / "fixtures" / "mini.json"


def _scenario(name: str):
    return load_scenario(ROOT / "scenarios" / f"{name}.json")


def _card(*options: dict) -> Card:
    return Card.model_validate(
        {
            "id": "c",
            "title": "A card",
            "text": "What now?",
            "lesson": "Choices.",
            "target": "x",
            "options": list(options),
        }
    )


def _crit(amount: float) -> dict:
    return {"type": "criterion", "criterion": "peace", "amount": amount}


# ---- the default option ------------------------------------------------------------------------


def test_the_marked_default_wins_over_the_least_drastic() -> None:
    card = _card(
        {"id": "harsh", "label": "Harsh", "effects": [_crit(-20)]},
        {"id": "mild", "label": "Mild", "effects": [_crit(1)]},
        {"id": "marked", "label": "Marked", "default": True, "effects": [_crit(9)]},
    )
    assert default_option(card).id == "marked"


def test_unmarked_the_least_drastic_applies_never_simply_the_first() -> None:
    card = _card(
        {"id": "harsh", "label": "Harsh", "effects": [_crit(-8), _crit(-3)]},
        {"id": "mild", "label": "Mild", "effects": [_crit(4), {"type": "flag", "flag": "f"}]},
    )
    assert drasticness(card.options[0]) == 11 and drasticness(card.options[1]) == 4
    assert default_option(card).id == "mild"


def test_violence_weighs_more_than_its_numbers_and_ties_go_to_the_first() -> None:
    war = {"type": "start_war", "attacker": "a", "defender": "b"}
    cleansing = {"type": "start_crisis", "kind": "cleansing", "state": "a", "severity": 10}
    refugees = {"type": "start_crisis", "kind": "refugees", "state": "a", "severity": 10}
    card = _card(
        {"id": "war", "label": "War", "effects": [war]},
        {"id": "cleanse", "label": "Cleanse", "effects": [cleansing]},
        {"id": "camps", "label": "Camps", "effects": [refugees, _crit(-30)]},
    )
    assert [drasticness(o) for o in card.options] == [50, 60, 40]
    assert default_option(card).id == "camps"
    tie = _card(
        {"id": "one", "label": "One", "effects": [_crit(5)]},
        {"id": "two", "label": "Two", "effects": [_crit(-5)]},
    )
    assert default_option(tie).id == "one"


def test_kosovos_hunt_is_no_longer_what_silence_chooses() -> None:
    card = next(c for c in _scenario("kosovo").cards if c.id == "liberation_army")
    assert card.options[0].id == "hunt"
    assert default_option(card).id != "hunt"


def test_two_defaults_on_one_card_are_an_error_at_the_second(tmp_path: Path) -> None:
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    for option in doc["cards"][0]["options"]:
        option["default"] = True
    path = tmp_path / "two_defaults.json"
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    scenario, problems = check_scenario(path)
    assert scenario is None
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1, [str(p) for p in errors]
    p = errors[0]
    assert p.path == "cards[0].options[1].default"
    assert "options[0] is already this card's default" in p.message
    line = path.read_text(encoding="utf-8").splitlines()[p.line - 1]
    assert line[p.column - 1 :].startswith('"default"') or line[p.column - 1 :].startswith("true")
    assert str(p).startswith(f"{path}:{p.line}:{p.column}: ")


# ---- an unanswered card in the turn report -------------------------------------------------------


def _dealt(world) -> tuple:
    h = world.hand[0]
    card = next(c for c in world.rules.cards if c.id == h.card)
    return h, card


def test_an_unanswered_card_applies_its_default_and_the_report_says_so() -> None:
    world = new_world(_scenario("kosovo"), 1)
    assert world.hand, "kosovo deals a card on turn 1"
    h, card = _dealt(world)
    orders = [o for o in ai_orders(world) if not (o.action == "choose" and o.target == h.key)]
    _, report = resolve(world, orders)
    fired = next(c for c in report.cards if c.card == card.id)
    assert fired.option == default_option(card).id and fired.by_default
    mine = report.for_actor(h.actor)
    line = next(ln for ln in mine.lines if ln.key == "card_default")
    assert world.actors[h.actor].name in line.text
    assert f'"{text(default_option(card).label)}"' in line.text
    spanish = said(line.text, line.key, line.args, "es")
    assert "no respondió" in spanish and "por defecto" in spanish


def test_an_answered_card_says_who_chose_what() -> None:
    world = new_world(_scenario("kosovo"), 1)
    h, card = _dealt(world)
    last = card.options[-1]
    orders = [o for o in ai_orders(world) if not (o.action == "choose" and o.target == h.key)]
    orders.append(Order(actor=h.actor, action="choose", target=h.key, option=last.id))
    _, report = resolve(world, orders)
    fired = next(c for c in report.cards if c.card == card.id)
    assert fired.option == last.id and not fired.by_default
    assert not [ln for ln in report.lines if ln.key == "card_default"]


# ---- what still waits ----------------------------------------------------------------------------


def test_waiting_lists_the_seats_cards_with_their_default_minus_the_draft() -> None:
    world = new_world(_scenario("kosovo"), 1)
    h, card = _dealt(world)
    seat_view = view(world, h.actor)
    items = waiting(seat_view, h.actor, [])
    item = next(i for i in items if i.kind == "card")
    assert item.target == h.key and item.title == card.title
    assert item.default == default_option(card).id
    assert item.sentence.key == "waiting_card" and text(card.title) in item.sentence
    answer = Order(actor=h.actor, action="choose", target=h.key, option=card.options[0].id)
    assert not [i for i in waiting(seat_view, h.actor, [answer]) if i.kind == "card"]
    others = [a for a in world.actors if a != h.actor]
    assert all(not [i for i in waiting(world, a) if i.target == h.key] for a in others)


def _with_open_vote():
    """Kosovo after a turn in which some state tabled a resolution in the UN."""
    world = new_world(_scenario("kosovo"), 2)
    propose = next(
        o
        for a in sorted(world.actors)
        for o in legal_actions(world, a, "propose")
        if o.option == "authorize_force"
    )
    world, _ = resolve(world, [*ai_orders(world), propose])
    assert world.proposals
    return world


def test_waiting_lists_open_ballots_and_a_vote_order_says_which_way() -> None:
    world = _with_open_vote()
    voter = next(a for a in sorted(world.actors) if legal_actions(world, a, "vote"))
    items = [i for i in waiting(view(world, voter), voter) if i.kind == "vote"]
    assert items and all(i.default == "abstain" for i in items)
    pid = items[0].target
    p = world.proposals[pid]
    assert p.target not in items[0].sentence and p.body not in items[0].title
    ways = {}
    for option in ("yes", "no", "abstain"):
        order = Order(actor=voter, action="vote", target=pid, option=option)
        ways[option] = vote_sentence(world, order)
        remaining = waiting(world, voter, [order])
        assert pid not in {i.target for i in remaining}
    assert ways["yes"].startswith("Vote for ") and ways["no"].startswith("Vote against ")
    assert ways["abstain"].startswith("Abstain on ")
    assert world.actors[p.body].name in ways["yes"] and p.target not in ways["yes"]
    es = said(ways["no"], ways["no"].key, _data(ways["no"]), "es")
    assert es.startswith("Votar en contra de ")
    assert vote_sentence(world, Order(actor=voter, action="invest")) is None


def _data(s) -> dict:
    from game.engine.say import as_data

    return as_data(s)["args"]


# ---- goals ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SHIPPED)
def test_no_goal_reads_met_on_turn_one(name: str) -> None:
    world = new_world(_scenario(name), 1)
    for m in world.rules.missions:
        statuses = goal_statuses(view(world, m.actor), m.actor)
        assert all(g.status in ("holding", "open") for g in statuses), m.actor
        s = score(world, m.actor)
        assert s.total == s.criteria, f"{m.actor}: goal points counted before the end"


def test_a_goal_achieved_during_the_match_is_met_and_counts() -> None:
    world = new_world(_scenario("kosovo"), 1)
    indict = next(
        i
        for i, g in enumerate(goal_statuses(world, "tribunal"))
        if g.status == "open" and "Indict" in text(g.text)
    )
    later = world.clone()
    later.flags["leader_indicted"] = 1  # what the indictment card or order does
    goal = goal_statuses(later, "tribunal")[indict]
    assert goal.status == "met" and goal.sentence.key == "goal.met"
    assert score(later, "tribunal").total == pytest.approx(
        score(later, "tribunal").criteria + goal.points, abs=0.01
    )
    servia = goal_statuses(later, "servia")
    lost = next(g for g in servia if "tribunal" in text(g.text).lower())
    assert lost.status == "failed" and lost.label.key == "goal_status.lost"
    es = said(lost.sentence, lost.sentence.key, _data(lost.sentence), "es")
    assert es.startswith("Perdido por ahora")


def test_at_the_end_every_goal_that_holds_is_met_and_counts() -> None:
    world = new_world(_scenario("kosovo"), 1)
    turns = 0
    while not world.ended and turns < 40:
        world, _ = resolve(world, ai_orders(world))
        turns += 1
    assert world.ended
    for actor in ("servia", "un", "rossiya"):
        statuses = goal_statuses(world, actor)
        assert {g.status for g in statuses} <= {"met", "failed"}
        assert all((g.status == "met") == g.holds for g in statuses)
        s = score(world, actor)
        held = sum(g.points for g in statuses if g.holds)
        assert s.total == pytest.approx(s.criteria + held, abs=0.02)


def test_a_seat_cannot_read_another_seats_secret_goals_from_the_start_marks() -> None:
    world = new_world(_scenario("kosovo"), 1)
    servia = world.rules.mission("servia")
    assert servia is not None and servia.secret
    assert len(world.goals_at_start["servia"]) == len(servia.goals) + len(servia.secret)
    assert len(view(world, "arberia").goals_at_start["servia"]) == len(servia.goals)
    assert len(view(world, "servia").goals_at_start["servia"]) == len(servia.goals) + len(
        servia.secret
    )


def test_a_world_saved_before_goal_marks_calls_holding_goals_holding() -> None:
    world = new_world(_scenario("kosovo"), 1)
    old = world.model_copy(update={"goals_at_start": {}})
    later = old.clone()
    later.flags["leader_indicted"] = 1
    assert "met" not in {g.status for g in goal_statuses(later, "tribunal")}


def test_reading_a_goal_with_a_chance_inside_never_steps_the_matchs_generator(
    tmp_path: Path,
) -> None:
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    mission = doc["missions"][0]
    lucky = {
        "type": "not",
        "condition": {"type": "any", "conditions": [{"type": "chance", "p": 0.5}]},
    }
    mission["goals"].append({"text": "Luck", "points": 5, "when": [lucky]})
    path = tmp_path / "lucky.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    world = new_world(load_scenario(path), 7)
    before = world.rng
    for _ in range(3):
        goal_statuses(world, mission["actor"])
        score(world, mission["actor"])
    assert world.rng == before


def test_a_goal_lost_and_won_back_during_the_match_reads_met() -> None:
    from game.engine.scoring import track_goals

    world = new_world(_scenario("kosovo"), 1)
    i = next(
        k
        for k, g in enumerate(goal_statuses(world, "servia"))
        if "tribunal" in text(g.text).lower()
    )
    assert goal_statuses(world, "servia")[i].status == "holding"
    later = world.clone()
    later.flags["leader_indicted"] = 1
    track_goals(later)  # the end of a turn on which the leader was indicted
    assert goal_statuses(later, "servia")[i].status == "failed"
    later.flags["leader_indicted"] = 0  # an indictment withdrawn
    track_goals(later)
    assert goal_statuses(later, "servia")[i].status == "met"
    assert goal_statuses(world, "servia")[i].status == "holding", "the earlier world is unchanged"
    assert len(view(later, "arberia").goals_changed["servia"]) == 3
