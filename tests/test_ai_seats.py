"""The AI's level chosen per seat (New match, Load) and its reasons in the turn report: kept in
the save, said in English and Spanish, never a secret goal's words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from uikit import click, frames, kosovo_first_report, make_app

from game.ai.reasons import TEMPLATES, Reason, english
from game.ai.value import Valuation
from game.content.loader import load_scenario
from game.session.local import LocalMatch
from game.session.saves import SaveError, load_match
from game.ui import i18n
from game.ui.i18n import t
from game.ui.scenes.new_match import NewMatchScene

ROOT = Path(__file__).resolve().parent.parent
KOSOVO = ROOT / "scenarios" / "kosovo.json"


def played(tmp_path: Path, levels: dict[str, str]) -> LocalMatch:
    match = LocalMatch.start(load_scenario(KOSOVO), ["servia"], 3, levels=levels)
    match.submit("servia")  # an empty turn for the human seat: the AI plays the rest
    return match


def test_seats_at_a_level_give_reasons_the_baseline_gives_none(tmp_path: Path) -> None:
    match = played(tmp_path, {"atlantica": "hard", "rossiya": "easy"})
    said = match.ai_reasons(1)
    assert set(said) == {"atlantica", "rossiya"}  # the others: the baseline bot, no reasons
    for data in said.values():
        assert data["key"].startswith("ai.")
        line = english(data)
        assert line and not line.startswith("ai."), line
    assert "Atlantic" in english(said["atlantica"])
    assert match.ai_reasons(2) == {}


def test_an_unknown_level_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="genius"):
        LocalMatch.start(load_scenario(KOSOVO), ["servia"], 3, levels={"rossiya": "genius"})


def test_levels_and_reasons_survive_a_save(tmp_path: Path) -> None:
    match = played(tmp_path, {"atlantica": "normal"})
    path = tmp_path / "m.json"
    match.save(path)
    saved = load_match(path)
    again = LocalMatch.resume(saved.world, ["servia"], record=saved.record)
    assert again.levels == {"atlantica": "normal"}
    assert again.ai_reasons(1) == match.ai_reasons(1)
    again.submit("servia")
    assert set(again.ai_reasons(2)) == {"atlantica"}


@pytest.mark.parametrize(
    "tamper",
    [
        lambda r: r["ai_levels"].update({"atlantica": "godlike"}),
        lambda r: r["ai_reasons"]["1"].update({"atlantica": {"key": "__import__", "args": {}}}),
    ],
)
def test_a_tampered_level_or_reason_is_refused_and_the_save_kept(tmp_path: Path, tamper) -> None:
    match = played(tmp_path, {"atlantica": "normal"})
    path = tmp_path / "m.json"
    match.save(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    record = doc.get("record") or doc.get("match")
    assert record is not None, sorted(doc)
    tamper(record)
    raw = json.dumps(doc)
    path.write_text(raw, encoding="utf-8")
    with pytest.raises(SaveError):
        load_match(path)
    assert path.read_text(encoding="utf-8") == raw


def test_every_reason_has_a_spanish_template_and_reads_in_spanish(tmp_path: Path) -> None:
    table = json.loads((ROOT / "assets" / "i18n" / "es" / "engine.json").read_text("utf-8"))
    missing = [k for k in TEMPLATES if f"engine.{k}" not in table]
    assert missing == []
    match = played(tmp_path, {a: "normal" for a in ("atlantica", "rossiya", "un")})
    for data in match.ai_reasons(1).values():
        es = i18n.said(english(data), data["key"], data["args"], "es")
        assert es != english(data) and "ai." not in es and "{" not in es, es
        assert es[0].isupper(), es


def test_a_secret_goal_is_never_named() -> None:
    mine = Valuation(
        {"goal:0": 10.0}, {"goal:0": ("Keep the mines secretly", 10.0)}, frozenset({"goal:0"})
    )
    other = Valuation(
        {"goal:0": 0.0}, {"goal:0": ("Keep the mines secretly", 10.0)}, frozenset({"goal:0"})
    )
    why = mine.why(other)
    assert why.key == "ai.why.secret_kept" and "mines" not in why.text()
    open_ = Valuation({"goal:0": 10.0}, {"goal:0": ("Keep the mines", 10.0)})
    assert "Keep the mines" in open_.why(Valuation({"goal:0": 0.0}, {})).text()
    assert isinstance(why, Reason)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_report_shows_why_the_ai_seats_acted(sandbox: Path, lang: str) -> None:
    match, _, scene = kosovo_first_report(lang, levels={"rossiya": "normal"})
    text = scene.plain_text()
    assert t("report.section.ai") in text
    line = i18n.said(english(match.ai_reasons(1)["rossiya"]), "ai.x", {}, lang)
    assert line.split(" ")[0] in text


@pytest.mark.parametrize("scale", [100, 200])
def test_new_match_sets_each_ai_seats_level(sandbox: Path, started, scale: int) -> None:
    app = make_app(ui_scale=scale, language="es")
    scene = NewMatchScene(app)
    app.push(scene)
    frames(app)
    scene._select([e.id for e in scene.entries].index("kosovo"))
    frames(app)
    if scene.tabbed:
        scene._switch_tab("seats")
        frames(app)
    picker = scene.picker
    assert picker is not None
    first_ai = next(i for i, s in enumerate(picker.seats) if not picker.is_human(i))
    picker.scroll_to(first_ai)
    frames(app)
    button = picker.level_buttons[first_ai]
    assert button.text == t("menu.seat.level.normal")
    click(app, button)  # normal -> hard
    seat = picker.seats[first_ai].id
    assert picker.level_of(seat) == "hard"
    human = next(i for i, s in enumerate(picker.seats) if picker.is_human(i))
    assert human not in picker.level_buttons  # a person's seat has no level
    scene.start()
    assert started, "New match did not start"
    local = started[-1]
    assert local.levels[seat] == "hard"
    assert all(
        local.levels[a] == "normal" for a in local.world.actors if a not in (seat, *local.humans)
    )
    assert not set(local.humans) & set(local.levels)
