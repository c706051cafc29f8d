"""Order sentences read as Spanish: names inside a sentence keep their article ("Declarar la
guerra a la República de Servia"), groups stay in lower case after the template's "los", and
"a el" / "de el" contract to "al" / "del". Every legal order of every seat of every shipped
scenario, at a mid-match turn."""

from __future__ import annotations

import re

import pytest

from game.content.loader import SHIPPED_ORDER
from game.engine import legal_actions, view
from game.engine.names import label
from game.ui.i18n import set_language
from game.ui.scenes.match_words import order_preview, order_sentence
from tests.test_ui_no_ids import mid_match


def spanish_sentences(scenario_id: str) -> tuple[list[str], object]:
    local = mid_match(scenario_id)
    world = local.world
    set_language("es")
    try:
        out: list[str] = []
        for seat in world.rules.seats:
            seen = view(world, seat)
            for o in legal_actions(seen, seat):
                out += [order_sentence(seen, o), order_preview(seen, o)]
    finally:
        set_language("en")
    return out, world


def grammar_faults(text: str, world) -> list[str]:
    faults = [m.group(0) for m in re.finditer(r"\b[Aa] el\b|\b[Dd]e el\b", text)]
    for thing in [*world.actors.values(), *world.regions.values()]:
        es = thing.name.in_language("es")
        bare = label(es, "es")
        if bare != es:  # a name that brings its article must not appear without it
            found = re.search(rf"\b(?:a|de|en|con) {re.escape(bare)}", text)
            faults += [found.group(0)] if found else []
    for group in world.groups.values():
        es = group.name.in_language("es")
        bare = label(es, "es")
        if bare != es and f"los {bare}" in text:  # "a los Albanokosovares"
            faults.append(f"los {bare}")
    return faults


@pytest.mark.parametrize("scenario_id", SHIPPED_ORDER)
def test_spanish_order_sentences_carry_articles(scenario_id):
    sentences, world = spanish_sentences(scenario_id)
    assert sentences
    bad = [f"{s!r}: {grammar_faults(s, world)}" for s in sentences if grammar_faults(s, world)]
    assert bad == [], "\n".join(bad[:20])


def test_kosovo_reads_as_a_playtester_expects():
    sentences, _ = spanish_sentences("kosovo")
    assert "Reprimir a los albanokosovares" in sentences
    assert "Declarar la guerra a la República de Servia" in sentences
    assert any(s.startswith("Hacer campaña para mover al Tribunal") for s in sentences)


def test_the_check_catches_a_bare_name():
    _, world = spanish_sentences("kosovo")
    assert grammar_faults("Declarar la guerra a República de Servia", world)
    assert grammar_faults("Reprimir a los Albanokosovares", world)
    assert grammar_faults("Recuperar soberanía de el Tribunal", world)
    assert not grammar_faults("Declarar la guerra a la República de Servia", world)


def test_english_sentences_are_unchanged():
    local = mid_match("kosovo")
    seen = view(local.world, "servia")
    words = [order_sentence(seen, o) for o in legal_actions(seen, "servia")]
    assert "Repress the Kosovar Albanians" in words


@pytest.mark.parametrize("action", ["grant_autonomy", "repress", "warn"])
def test_an_ai_plan_names_a_group_with_its_article(action: str) -> None:
    """The turn report's reason lines: "autonomy for the Kosovar Albanians", "autonomía para
    los albanokosovares", as the engine's own sentences name a group."""
    from game.ai.reasons import plan, text
    from game.ui.i18n import message

    world = mid_match("kosovo").world
    group = world.groups["kosovar_albanians"]
    names = {group.id: group.name}
    reason = plan([(action, group.id, None, None)], names)
    english = text(reason)
    assert f"the {group.name}" in english, english
    spanish = message(reason.data(), "es")
    es = group.name.in_language("es")
    assert f"los {es}" in spanish and not grammar_faults(spanish, world), spanish
