""" "Table a resolution" says how the bodies at hand decide. Played as the Monetary Fund, the
actions tab read "force needs the Council or a large Assembly majority" over a list of aid
packages: a bank never votes on force, and its members decide by a majority of votes cast."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.ai import ai_orders, make_bot
from game.content import load_scenario
from game.engine import Order, World, advance, legal_actions, new_world
from game.session.local import LocalMatch
from game.ui import i18n
from game.ui.scenes.match import MatchScene
from game.ui.scenes.match_words import action_preview, order_preview
from tests.uikit import frames, make_app

ROOT = Path(__file__).resolve().parent.parent
FINANCIAL = load_scenario(ROOT / "scenarios" / "financial.json")
KOSOVO = load_scenario(ROOT / "scenarios" / "kosovo.json")
FORCE = "force needs the Council or a large Assembly majority"
MAJORITY = "Members vote next turn; a majority of the votes cast decides."
COUNCIL = "the Council decides, and one permanent member's no is a veto"


def _proposals(world: World, seat: str, kinds: set[str] | None = None) -> list[Order]:
    return [
        o
        for o in legal_actions(world, seat)
        if o.action == "propose" and (kinds is None or o.option in kinds)
    ]


def test_a_bank_s_resolutions_are_decided_by_a_majority() -> None:
    w = new_world(FINANCIAL, 1)
    orders = _proposals(w, "monetary_fund")
    assert orders and {o.option for o in orders} == {"aid_package", "mandate"}  # its own appeal too
    assert action_preview("propose", w, orders) == MAJORITY
    assert order_preview(w, orders[0]).endswith(": m" + MAJORITY[1:])


def test_a_council_question_and_force_say_their_own_rule() -> None:
    w = new_world(KOSOVO, 5)
    others = [o for o in ai_orders(w, make_bot("normal")) if o.actor != "servia"]
    w = advance(w, [*others, Order(actor="servia", action="attack", target="arberia")])
    mediation = _proposals(w, "atlantica", {"mediate"})
    assert mediation
    assert COUNCIL in action_preview("propose", w, mediation)
    start = new_world(KOSOVO, 1)
    force = _proposals(start, "atlantica", {"authorize_force"})
    assert force and FORCE in action_preview("propose", start, force)
    # a list with force in it says force's rule; each order's own line says its body's
    mixed = _proposals(start, "atlantica")
    assert FORCE in action_preview("propose", start, mixed)
    aid = next(o for o in mixed if o.option == "aid_package")
    assert order_preview(start, aid).endswith(": m" + MAJORITY[1:])


@pytest.mark.parametrize(
    ("lang", "words", "wrong"),
    [
        ("en", MAJORITY, "force needs"),
        ("es", "decide la mayoría de los votos emitidos", "la fuerza necesita"),
    ],
)
def test_the_fund_s_actions_tab_says_the_majority_rule(lang: str, words: str, wrong: str) -> None:
    local = LocalMatch.start(FINANCIAL, ["monetary_fund"], seed=1)
    app = make_app(language=lang, ui_scale=200)
    try:
        scene = MatchScene(app, local, "monetary_fund")
        app.push(scene)
        frames(app)
        shown = [span.text for rl in scene.panel.lists.values() for span, _ in rl.texts()]
        text = " ".join(shown)
        assert words in text and wrong not in text, text
    finally:
        i18n.set_language("en")
