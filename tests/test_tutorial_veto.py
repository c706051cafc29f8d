"""Turn Zero's "The veto" card is true when it is dealt: the resolution it speaks of still
waits for its vote that turn, and the veto it announces is the one the vote then brings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine.orders import Order
from game.session.local import LocalMatch
from game.ui.scenes import tutorial as T

SCENARIO = Path(__file__).resolve().parent.parent / "assets" / "tutorial" / "turn_zero.json"


def _card(card_id: str) -> dict:
    data = json.loads(SCENARIO.read_text(encoding="utf-8"))
    return next(c for c in data["cards"] if c["id"] == card_id)


@pytest.mark.parametrize("vote", ["yes", "no", "abstain"])
def test_the_veto_card_comes_before_the_vote_and_the_vote_brings_the_veto(vote: str) -> None:
    local = LocalMatch.start(load_scenario(SCENARIO), [T.SEAT])
    local.submit(T.SEAT)  # turn 1: nothing ordered
    world = local.world
    assert world.turn == 2
    dealt = [h for h in world.hand if h.actor == T.SEAT and h.card == "the_veto"]
    assert dealt, "the veto card is dealt on turn 2"
    # What it says is ahead: a resolution on force in Velna, tabled earlier, is voted this turn.
    waiting = [
        p
        for p in world.proposals.values()
        if p.kind == "authorize_force" and p.target == "velna_repression"
    ]
    assert waiting and all(p.opened < world.turn for p in waiting)
    # The player answers the card and votes as they like; Sudra vetoes, as the card said.
    assert (
        local.add(Order(actor=T.SEAT, action="choose", target=dealt[0].key, option="accept"))
        is None
    )
    assert local.add(Order(actor=T.SEAT, action="vote", target=waiting[0].id, option=vote)) is None
    report = local.submit(T.SEAT)
    assert report is not None
    tallies = [v for v in report.votes if v.kind == "authorize_force"]
    assert tallies and "sudra" in tallies[0].vetoed_by and not tallies[0].passed


def test_the_veto_card_speaks_of_a_vote_still_to_come() -> None:
    card = _card("the_veto")
    for lang, past in (
        ("en", ("casts its veto", "has stopped")),
        ("es", ("la veta.", "ha detenido")),
    ):
        text = card["text"][lang]
        assert not any(p in text for p in past), (lang, text)
    assert "this turn" in card["text"]["en"] and "este turno" in card["text"]["es"]
