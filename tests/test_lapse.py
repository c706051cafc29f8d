"""A resolution whose matter is over before its vote lapses (docs/rules.md, "Votes"): members are
not asked to mediate a war that has ended, and a body is not "in use" for passing it. Played
once, a vote asked the Atlantic Republic to mediate a war that had ended the turn before."""

from __future__ import annotations

from pathlib import Path

from game.ai import ai_orders, make_bot
from game.ai.baseline import BaselineBot
from game.content import load_scenario
from game.engine import Order, World, advance, legal_actions, new_world, resolve
from game.engine.ops import end_wars_between
from game.engine.report import Ledger
from game.session.local import LocalMatch
from game.ui import i18n
from game.ui.i18n import line as line_words
from game.ui.scenes.report import ReportScene
from tests.uikit import frames, make_app

ROOT = Path(__file__).resolve().parent.parent
KOSOVO = load_scenario(ROOT / "scenarios" / "kosovo.json")


def t_in(language: str, key: str) -> str:
    i18n.set_language(language)
    try:
        return i18n.t(key)
    finally:
        i18n.set_language("en")


def _mediation_tabled() -> tuple[World, str, str]:
    """kosovo, turn 3: Servia attacked Arbëria in turn 1, the Atlantic Republic tabled a
    mediation at the United Nations in turn 2 (the other seats played ``normal``)."""
    w = new_world(KOSOVO, 5)
    bot = make_bot("normal")
    others = [o for o in ai_orders(w, bot) if o.actor != "servia"]
    w = advance(w, [*others, Order(actor="servia", action="attack", target="arberia")])
    (war,) = w.wars
    mediate = Order(actor="atlantica", action="propose", target="un", subject=war, option="mediate")
    assert mediate in legal_actions(w, "atlantica")
    w = advance(w, [mediate])
    (pid,) = [p for p, x in w.proposals.items() if x.kind == "mediate" and x.target == war]
    return w, war, pid


def test_a_mediation_on_a_war_that_ended_before_its_vote_is_not_voted_on() -> None:
    w, war, pid = _mediation_tabled()
    ended = w.clone()
    end_wars_between(ended, Ledger(ended, quiet=True), war, "test")  # peace before the vote
    assert war not in ended.wars
    ballots = [o for o in legal_actions(ended, "rossiya") if o.action == "vote"]
    yes = [o for o in ballots if o.target == pid and o.option == "yes"]
    nxt, report = resolve(ended, [*ai_orders(ended, BaselineBot()), *yes])
    assert pid not in nxt.proposals
    assert not [v for v in report.votes if v.proposal == pid]  # no tally: it was never put
    assert nxt.used.get("un") != ended.turn  # nor was the body in use for it
    (line,) = [x for x in report.lines if x.key == "vote.lapsed"]
    assert line.text == (
        "The United Nations: a resolution lapses before its vote, its matter over "
        "(mediate — war between the Republic of Servia and Arbëria)"
    )
    spanish = line_words(line, "es")  # as the report screen shows it
    assert spanish == (
        "Naciones Unidas: una resolución decae antes de votarse, pues el asunto ha terminado "
        "(mediación — guerra entre la República de Servia y Arbëria)"
    ), spanish


def test_a_mediation_whose_war_goes_on_is_still_voted_on() -> None:
    w, _, pid = _mediation_tabled()
    _, report = resolve(w, ai_orders(w, BaselineBot()))
    assert [v for v in report.votes if v.proposal == pid]
    assert not [x for x in report.lines if x.key == "vote.lapsed"]


def test_no_seat_is_ever_asked_to_vote_on_a_matter_that_is_over() -> None:
    """Whole matches of the shipped scenarios that make wars and end crises: at every turn's
    start each open resolution's crisis, war or state still exists, and some did lapse."""
    lapsed = 0
    for key in ("kosovo", "cambodia"):
        scenario = load_scenario(ROOT / "scenarios" / f"{key}.json")
        for seed in (1, 2):
            w = new_world(scenario, seed)
            bot = BaselineBot()
            while not w.ended:
                for p in w.proposals.values():
                    alive = {
                        "authorize_force": w.crises,
                        "mediate": w.wars,
                    }.get(p.kind, w.actors)
                    assert p.target in alive, (key, seed, w.turn, p)
                w, report = resolve(w, ai_orders(w, bot))
                lapsed += sum(1 for x in report.lines if x.key == "vote.lapsed")
    assert lapsed > 0


def test_the_turn_report_shows_the_lapse_under_the_votes() -> None:
    """The report screen's votes section once left out every line a body said without a vote
    (a lapse, a question closed after two vetoes): they were only in the match's log. kosovo,
    seed 4, every seat ``normal``: in turn 7 two resolutions are voted on, and a mediation of the
    war between Bosna and Hum and Crna Gora lapses, the war over before its vote."""
    w = new_world(KOSOVO, 4)
    bot = make_bot("normal")
    while w.turn < 7:
        w = advance(w, ai_orders(w, bot))
    levels = dict.fromkeys(KOSOVO.rules().seats, "normal")
    local = LocalMatch.resume(w, humans=[], levels=levels)
    report = local.resolve()  # turn 7
    assert [x for x in report.lines if x.key == "vote.lapsed"] and report.votes
    for language, words in (
        ("en", "United Nations: a resolution lapses before its vote, its matter over"),
        ("es", "Naciones Unidas: una resolución decae antes de votarse"),
    ):
        app = make_app(language=language, ui_scale=200)
        scene = ReportScene(app, local, report, "atlantica")
        app.push(scene)
        frames(app)
        shown = scene.plain_text()
        votes = shown[shown.index(t_in(language, "report.section.votes")) :]
        assert words in votes, shown
        # each tally is shown once, as a tally: its verdict's line is not listed again
        verdicts = [ln for ln in report.lines if ln.key == "resolution"]
        assert verdicts and not [v for v in verdicts if line_words(v, language) in shown]
