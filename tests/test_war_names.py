"""A war is named by its sides wherever a player reads it: the order that tables a mediation, the
vote on it, and the AI's reasons, in English and Spanish. The vote panel once read "mediation:
someone out of your sight" and the AI's reasons "a resolution (mediation) on war_7"."""

from __future__ import annotations

from pathlib import Path

from game.ai import ai_orders, make_bot
from game.ai.reasons import text as reason_text
from game.content import load_scenario
from game.engine import Order, World, advance, legal_actions, new_world, view
from game.ui import i18n
from game.ui.i18n import set_language
from game.ui.scenes.match_words import order_sentence, proposal_words

ROOT = Path(__file__).resolve().parent.parent


def _at_war() -> World:
    """kosovo, turn 2: Servia attacked Arbëria in turn 1, the other seats played ``normal``."""
    w = new_world(load_scenario(ROOT / "scenarios" / "kosovo.json"), 5)
    orders = [o for o in ai_orders(w, make_bot("normal")) if o.actor != "servia"]
    w = advance(w, [*orders, Order(actor="servia", action="attack", target="arberia")])
    assert len(w.wars) == 1
    return w


def _mediation(w: World) -> Order:
    seen = view(w, "atlantica")
    (order,) = [
        o
        for o in legal_actions(seen, "atlantica")
        if o.action == "propose" and o.option == "mediate"
    ]
    return order


def _in(language: str, say: object, *args: object) -> str:
    set_language(language)
    try:
        return say(*args)  # type: ignore[operator]
    finally:
        set_language("en")


def test_tabling_a_mediation_names_the_war_by_its_sides() -> None:
    w = _at_war()
    order = _mediation(w)
    (war,) = w.wars
    english = _in("en", order_sentence, w, order)
    spanish = _in("es", order_sentence, w, order)
    assert "war between the Republic of Servia and Arbëria" in english, english
    assert "guerra entre la República de Servia y Arbëria" in spanish, spanish
    for said in (english, spanish):
        assert war not in said and i18n.t("panel.words.unknown") not in said


def test_the_vote_on_a_mediation_names_the_war_even_once_it_is_over() -> None:
    w = advance(_at_war(), [_mediation(_at_war())])
    (pid,) = [p for p, x in w.proposals.items() if x.kind == "mediate"]
    (war,) = w.wars
    assert "war between the Republic of Servia and Arbëria" in _in("en", proposal_words, w, pid)
    over = w.clone()
    del over.wars[war]  # peace before the vote: the resolution keeps the name it was tabled by
    for language, words in (("en", "war between"), ("es", "guerra entre")):
        said = _in(language, proposal_words, over, pid)
        assert words in said and "Servia" in said, said
        assert war not in said


def test_the_ai_names_the_war_its_mediation_is_about() -> None:
    w = _at_war()
    (war,) = w.wars
    bot = make_bot("normal")
    reasons = [bot.decide(w, seat).reason for seat in sorted(w.actors)]
    said = [reason_text(r) for r in reasons]
    assert not [s for s in said if war in s]
    assert any(
        "mediation) on the war between the Republic of Servia and Arbëria" in s for s in said
    )
    spanish = [
        _in("es", i18n.said, reason_text(r), r.data()["key"], r.data()["args"], "es")
        for r in reasons
    ]
    assert any("sobre la guerra entre la República de Servia y Arbëria" in s for s in spanish)
    assert not [s for s in spanish if war in s]
