"""A global body may appeal to its members for a wider mandate (docs/rules.md, "Votes"). Played
as the World Health Assembly, the Tava Fever's fourth turn offered "Nothing to do this turn":
its only action, building capacity, had spent its budget, and the mandate its goal asks for was
the members' alone to give, with no way to ask. Now it can ask, and the great powers can refuse."""

from __future__ import annotations

from pathlib import Path

from game.ai import ai_orders, make_bot
from game.ai.baseline import BaselineBot, appeal_votes
from game.content import load_scenario
from game.engine import Order, World, advance, legal_actions, new_world, resolve
from game.engine import formulas as F
from game.ui import i18n

ROOT = Path(__file__).resolve().parent.parent
PANDEMIC = load_scenario(ROOT / "scenarios" / "pandemic.json")
FINANCIAL = load_scenario(ROOT / "scenarios" / "financial.json")
APPEAL = Order(actor="wha", action="propose", target="wha", subject="wha", option="mandate")


def _appeals(world: World, actor: str) -> list[Order]:
    return [o for o in legal_actions(world, actor) if o.option == "mandate"]


def _tabled(world: World) -> tuple[World, str]:
    """The Assembly's appeal tabled on this turn (the other seats' baseline orders beside it)."""
    others = [o for o in ai_orders(world, BaselineBot()) if o.actor != "wha"]
    w = advance(world, [*others, APPEAL])
    (pid,) = [p for p, x in w.proposals.items() if x.kind == "mandate"]
    return w, pid


def _voted(world: World, pid: str, votes: dict[str, str]) -> tuple[World, list[str]]:
    """The next turn with these votes on the appeal, nothing else ordered: the world and the
    report's lines."""
    orders = [Order(actor=m, action="vote", target=pid, option=v) for m, v in votes.items()]
    w, report = resolve(world, orders)
    return w, [ln.text for ln in report.lines]


def test_only_the_body_itself_may_appeal_and_once_at_a_time() -> None:
    w = new_world(PANDEMIC, 1)
    assert _appeals(w, "wha") == [APPEAL]
    assert legal_actions(w, "wha")[-1] == APPEAL  # last of its moves
    for state in ("aurelia", "kordava", "sudra"):
        assert _appeals(w, state) == []  # a member may not table it for the body
    tabled, _ = _tabled(w)
    assert _appeals(tabled, "wha") == []  # one open at a time


def test_granted_the_mandate_grows_and_vetoed_the_budget_is_cut() -> None:
    w, pid = _tabled(new_world(PANDEMIC, 1))
    before = w.actors["wha"]
    members = list(appeal_votes(w, "wha"))
    granted, said = _voted(w, pid, dict.fromkeys(members, "yes"))
    wha = granted.actors["wha"]
    # granted this turn, and not at work: it withers as an unused body does
    assert wha.mandate == round(before.mandate + F.MANDATE_GRANTED - F.INSTITUTION_DECAY, 4)
    assert wha.budget >= before.budget
    assert any(s.startswith("The members of the World Health Assembly grant it") for s in said)
    vetoed, said = _voted(w, pid, {**dict.fromkeys(members, "yes"), "aurelia": "no"})
    wha = vetoed.actors["wha"]
    assert wha.mandate == round(before.mandate - F.INSTITUTION_DECAY, 4)
    assert wha.budget < before.budget  # starved, less its income of the turn
    assert any(s.startswith("The great powers veto the appeal of the World Health") for s in said)


def test_refused_twice_it_waits_for_graver_crises() -> None:
    w = new_world(PANDEMIC, 1)
    for _ in range(2):
        w, pid = _tabled(w)
        members = list(appeal_votes(w, "wha"))
        w, said = _voted(w, pid, dict.fromkeys(members, "no"))
    assert any("will not appeal for a wider mandate again" in s for s in said)
    assert _appeals(w, "wha") == []
    graver = w.clone()  # (a fresh copy: a world keeps its legal moves once listed)
    assert graver.crises
    for c in graver.crises.values():
        c.severity = min(100.0, c.severity + F.RETABLE_WORSENED)  # the crises grew graver
    assert _appeals(graver, "wha") == [APPEAL]


def test_the_baseline_never_appeals_and_the_members_vote_their_interests() -> None:
    w = new_world(PANDEMIC, 1)
    bot = BaselineBot()
    assert not [o for a in w.actors for o in bot.choose(w, a) if o.option == "mandate"]
    votes = appeal_votes(w, "wha")
    afraid = {
        s.id for s in w.states() if s.fear >= 50 or s.id in {c.state for c in w.crises.values()}
    }
    assert {m for m, v in votes.items() if v == "yes"} == afraid  # those who need the body
    assert votes["aurelia"] == "no"  # a great power, safe at home: it refuses


def test_a_secretariat_asks_when_its_members_would_grant_it_not_when_they_would_veto() -> None:
    """The Trade Council's goal asks for a mandate its members would vote it: it appeals. The
    Assembly's appeal the great powers would veto, and a veto cuts its budget: it does not."""
    bot = make_bot("normal")
    trade = new_world(FINANCIAL, 2)
    asked_trade = asked_wha = 0
    while not trade.ended:  # (when, the other seats decide: turns 8 and 10 on seed 2)
        trade = advance(trade, orders := ai_orders(trade, bot))
        asked_trade += sum(o.option == "mandate" for o in orders if o.actor == "trade_council")
    wha = new_world(PANDEMIC, 1)
    for _ in range(6):
        orders = ai_orders(wha, bot)
        vetoed = not _would_pass(wha)
        asked = [o for o in orders if o.actor == "wha" and o.option == "mandate"]
        asked_wha += len(asked)
        assert not (asked and vetoed)
        wha = advance(wha, orders)
    assert asked_trade >= 1


def _would_pass(world: World) -> bool:
    from game.engine.mechanics import decide

    body = world.actors["wha"]
    return decide(world, body, "mandate", appeal_votes(world, "wha"))[0]  # type: ignore[arg-type]


def test_the_appeal_reads_in_spanish() -> None:
    w, pid = _tabled(new_world(PANDEMIC, 1))
    members = list(appeal_votes(w, "wha"))
    _, report = resolve(
        w, [Order(actor=m, action="vote", target=pid, option="yes") for m in members]
    )
    (line,) = [ln for ln in report.lines if ln.key == "mandate_granted"]
    spanish = i18n.said(line.text, line.key, line.args, "es")
    assert spanish.startswith("Los miembros de la Asamblea Mundial de la Salud le conceden")


def test_the_panel_names_an_appeal_once_not_as_its_own_subject() -> None:
    from game.ui.scenes.match_words import name_of, target_name

    w, pid = _tabled(new_world(PANDEMIC, 1))
    assert target_name(w, APPEAL) == "World Health Assembly: a wider mandate"
    assert name_of(w, pid) == "a wider mandate"


def test_the_report_shows_the_vote_and_what_it_cost(sandbox: Path) -> None:
    from game.session.local import LocalMatch
    from game.ui.scenes.report import ReportScene
    from tests.uikit import frames, make_app

    app = make_app(ui_scale=100, language="en")
    match = LocalMatch.start(PANDEMIC, ["wha"], 1)
    match.add(APPEAL)
    match.submit("wha")
    report = match.submit("wha")  # the next turn: the members vote
    assert report is not None
    scene = ReportScene(app, match, report, "wha")
    app.push(scene)
    frames(app)
    text = scene.plain_text()
    assert "World Health Assembly · a wider mandate: failed" in text  # not named twice
    assert "The great powers veto the appeal of the World Health Assembly" in text


def test_the_report_says_the_veto_before_the_appeals_it_closes(sandbox: Path) -> None:
    """Played as the WHA (seed 2020): the report said "the Assembly will not appeal for a wider
    mandate again...: refused twice" and only then "The great powers veto the appeal...", the
    consequence before its cause. The members' answer comes first, in the turn's lines (which
    the log and the class's handout read too) and so on the screen."""
    from game.session.local import LocalMatch
    from game.ui.scenes.report import ReportScene
    from tests.uikit import frames, make_app

    app = make_app(ui_scale=100, language="en")
    match = LocalMatch.start(PANDEMIC, ["wha"], 2020)
    report = None
    for _ in range(6):
        if APPEAL in match.legal("wha"):
            match.add(APPEAL)
        report = match.submit("wha")
        assert report is not None
        if any(ln.key == "vote.closed_appeal" for ln in report.lines):
            break
    assert report is not None
    keys = [ln.key for ln in report.lines if ln.key in ("mandate_refused", "vote.closed_appeal")]
    assert keys == ["mandate_refused", "vote.closed_appeal"], keys
    scene = ReportScene(app, match, report, "wha")
    app.push(scene)
    frames(app)
    text = scene.plain_text()
    veto = text.index("The great powers veto the appeal of the World Health Assembly")
    assert veto < text.index("will not appeal for a wider mandate again")
