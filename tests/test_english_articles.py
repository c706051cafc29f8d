"""English names bring their article, as Spanish ones do ("the Atlantic Republic", "la República
Atlántica"). Played in English, the report said "repression of the Tutsi of Ruanda in Republic
of Ruanda" and the AI's reasons "Kingdom of Siam chose…": a sentence now says the name with its
article, gives the article its capital when the name opens the sentence, and a label (the map,
a panel, a table) leaves it out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from matches import name_warnings
from uikit import kosovo_first_report

from game.ai.baseline import BaselineBot
from game.ai.reasons import Reason, english
from game.ai.reasons import text as reason_text
from game.content import load_scenario
from game.engine import new_world, resolve
from game.engine.names import Name
from game.engine.say import say
from game.session.match import ai_orders
from game.ui import i18n
from game.ui.scenes.report import esc

ROOT = Path(__file__).resolve().parent.parent
ATLANTIC = Name(
    "the Atlantic Republic", {"en": "the Atlantic Republic", "es": "la República Atlántica"}
)
# a shipped name said without the article it brings ("in Republic of Ruanda")
BARE = re.compile(
    r"(?<!the )(?<!The )\b(?:Republic of (?:Servia|Ruanda|Buganda)|Atlantic (?:Republic|Alliance)"
    r"|United Nations|Kingdom of Siam|Union of Europe)\b"
)


def test_a_sentence_opening_with_a_name_gives_its_article_the_capital() -> None:
    assert say("taxed_capital", who=ATLANTIC) == "The Atlantic Republic taxed capital"
    assert say("taxed_capital", who=Name("Gallia")) == "Gallia taxed capital"
    # inside another sentence the name reads with its article as written
    inner = say("taxed_capital", who=ATLANTIC)
    assert say("deepens", crisis="financial panic", cause=inner) == (
        "The financial panic deepens — the Atlantic Republic taxed capital."
    )
    # a sentence that opens with the engine's own words keeps them as they are
    assert say("rebelled", group=Name("Veshi")).startswith("the Veshi rebelled")
    # no "'s" after a plural name ("the United Nations's mediation")
    un = Name("the United Nations")
    assert say("mediation_fails", who=un).startswith("The mediation of the United Nations fails")


def test_a_label_leaves_the_article_out_and_a_sentence_keeps_it() -> None:
    assert i18n.name(ATLANTIC, "en") == "Atlantic Republic"
    assert i18n.name(ATLANTIC, "en", article=True) == "the Atlantic Republic"
    assert i18n.name(ATLANTIC, "es") == "República Atlántica"
    # a name left untranslated shows in English, as a label without its English article
    assert i18n.name(Name("the Free City"), "es") == "Free City"


def test_an_ai_reason_opening_with_a_name_gives_it_the_capital() -> None:
    reason = Reason("ai.idle", {"actor": ATLANTIC})
    assert reason_text(reason) == "The Atlantic Republic had nothing worth doing this turn."
    assert english(reason.data()) == reason_text(reason)  # as a save keeps it


@pytest.mark.parametrize("key", ["kosovo", "rwanda", "cambodia"])
def test_whole_turns_never_say_a_shipped_name_without_its_article(key: str) -> None:
    world = new_world(load_scenario(ROOT / "scenarios" / f"{key}.json"), 2)
    bot, said = BaselineBot(), []
    for _ in range(8):
        world, report = resolve(world, ai_orders(world, bot))
        said += [ln.text for ln in report.lines] + [str(c) for c in report.changes]
    assert len(said) > 100
    assert [s for s in said if BARE.search(s)] == []
    assert [s for s in said if s.startswith("the ") and opens_with_a_name(s)] == []
    assert any(s.startswith("The ") for s in said)


def opens_with_a_name(sentence: str) -> bool:
    """A sentence opening with a shipped name's article in lower case ("the Atlantic…")."""
    return bool(
        re.match(r"the (?:Atlantic|Republic|United|Kingdom|Union|World|Organization)", sentence)
    )


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_report_shows_the_actor_opening_a_line_in_bold_with_its_article(
    sandbox: Path, lang: str
) -> None:
    match, report, scene = kosovo_first_report(lang)
    markup = scene.markup()
    article = {"en": "The ", "es": "La "}[lang]
    opened = [
        ln
        for ln in report.lines
        if ln.kind == "action" and ln.actor and i18n.line(ln).startswith(article)
    ]
    assert opened, "no line of the turn opens with a name that brings its article"
    for ln in opened:
        words = article + i18n.name(match.world.actors[ln.actor])
        assert f"<b>{esc(words)}</b>" in markup, words


def test_validate_warns_of_an_article_written_with_a_capital(tmp_path: Path) -> None:
    (en,) = name_warnings(tmp_path, "regions", 0, {"en": "The Lowland Plain", "es": "la Llanura"})
    assert en == (
        "regions[0].name.en: the name 'The Lowland Plain' brings its article with a capital, "
        "which reads wrong inside a sentence: write 'the Lowland Plain' (a sentence that opens "
        "with it gives it its capital, and labels leave it out)"
    )
    (es,) = name_warnings(tmp_path, "actors", 0, {"en": "Lowland", "es": "La Tierra Baja"})
    assert es.startswith("actors[0].name.es: the name 'La Tierra Baja'")
    assert "write 'la Tierra Baja'" in es
    assert (
        name_warnings(tmp_path, "regions", 0, {"en": "the Lowland Plain", "es": "la Llanura"}) == []
    )
    assert (
        name_warnings(tmp_path, "regions", 0, {"en": "Theban Plain", "es": "la Llanura Tebana"})
        == []
    )
