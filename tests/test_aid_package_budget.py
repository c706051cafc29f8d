"""An aid package is paid from the body's budget when its members vote it. Played out, the
pandemic's Recovery Fund went on tabling packages once its budget was spent: the members voted
them, nothing was paid, and the report said nothing. A package the budget cannot pay is still
tabled (members may fund the body before the vote), but its row says what it would cost, and a
package voted and not paid says so in the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine import Order, Scenario, advance, legal_actions, new_world, resolve
from game.engine import formulas as F
from game.engine.mechanics import voters
from game.ui import i18n
from game.ui.scenes.match_words import order_hint

ROOT = Path(__file__).resolve().parent.parent
FINANCIAL = ROOT / "scenarios" / "financial.json"
FUND = "monetary_fund"


def _financial(budget: float) -> Scenario:
    doc = json.loads(FINANCIAL.read_text(encoding="utf-8"))
    (fund,) = [a for a in doc["actors"] if a["id"] == FUND]
    fund["budget"] = budget
    return Scenario.model_validate(doc)


def _packages(budget: float) -> list[Order]:
    w = new_world(_financial(budget), 1)
    return [o for o in legal_actions(w, FUND) if o.option == "aid_package"]


def test_two_packages_voted_that_the_budget_pays_once_say_which_was_not_paid() -> None:
    offered = _packages(1.5 * F.AID_PACKAGE)
    assert len(offered) >= 2
    first, second = offered[:2]
    w = new_world(_financial(1.5 * F.AID_PACKAGE), 1)
    w = advance(w, [first, second])  # tabled; the members vote on the next turn
    tabled = [p for p, x in w.proposals.items() if x.kind == "aid_package"]
    assert len(tabled) == 2
    body = w.actors[FUND]
    votes = [
        Order(actor=m, action="vote", target=pid, option="yes")
        for pid in tabled
        for m in voters(w, body)  # type: ignore[arg-type]
    ]
    after, report = resolve(w, votes)
    paid = [c for c in report.changes if c.key == "aid_package"]
    unpaid = [ln for ln in report.lines if ln.key == "aid_unpaid"]
    assert len(paid) == 1 and len(unpaid) == 1, [ln.text for ln in report.lines]
    assert paid[0].args["other"] != unpaid[0].args["other"]  # one state paid, the other not
    assert after.actors[FUND].budget < F.AID_PACKAGE
    assert "cannot pay the aid package voted for" in unpaid[0].text
    spanish = i18n.said(unpaid[0].text, unpaid[0].key, unpaid[0].args, "es")
    assert "no puede pagar el paquete de ayuda votado para" in spanish


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "budget 9 of 10: unpaid unless"), ("es", "presupuesto 9 de 10: sin pagar salvo")],
)
def test_a_package_the_budget_cannot_pay_says_so_before_the_click(lang: str, words: str) -> None:
    i18n.set_language(lang)
    try:
        short = new_world(_financial(F.AID_PACKAGE - 0.4), 1)  # 9.6: short, shown as 9
        (package, *_) = [o for o in legal_actions(short, FUND) if o.option == "aid_package"]
        assert words in order_hint(short, FUND, package)
        paid = new_world(_financial(F.AID_PACKAGE), 1)
        (package, *_) = [o for o in legal_actions(paid, FUND) if o.option == "aid_package"]
        assert "unpaid" not in order_hint(paid, FUND, package)
        assert "sin pagar" not in order_hint(paid, FUND, package)
    finally:
        i18n.set_language("en")


def test_the_report_shows_the_package_not_paid(sandbox: Path) -> None:
    from game.session.local import LocalMatch
    from game.ui.scenes.report import ReportScene
    from tests.uikit import frames, make_app

    app = make_app(ui_scale=100, language="en")
    match = LocalMatch.start(_financial(1.5 * F.AID_PACKAGE), [FUND], 1)
    for package in [o for o in match.legal(FUND) if o.option == "aid_package"][:2]:
        match.add(package)
    match.submit(FUND)
    report = match.submit(FUND)  # the next turn: the members vote
    assert report is not None
    scene = ReportScene(app, match, report, FUND)
    app.push(scene)
    frames(app)
    text = scene.plain_text()
    assert "The Monetary Fund cannot pay the aid package voted for" in text, text
