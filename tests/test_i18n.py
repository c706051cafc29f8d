"""Interface strings: Spanish covers every English key, and the English action texts are the
engine's own (game/engine/orders.ACTIONS), so a changed formula cannot leave a stale preview."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.engine.orders import ACTIONS

ROOT = Path(__file__).resolve().parent.parent
EN = ROOT / "assets" / "i18n" / "en"
ES = ROOT / "assets" / "i18n" / "es"
FILES = sorted(p.name for p in EN.glob("*.json"))
# The engine's English lives in the engine (game/engine/say.py); only its translations are files.
ENGINE = ES / "engine.json"


def load(path: Path) -> dict[str, str]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_screen_has_strings_in_both_languages() -> None:
    assert FILES, "no interface strings found"
    assert sorted(p.name for p in ES.glob("*.json") if p != ENGINE) == FILES


@pytest.mark.parametrize("name", FILES)
def test_spanish_has_every_english_key_with_the_same_placeholders(name: str) -> None:
    en, es = load(EN / name), load(ES / name)
    assert sorted(en) == sorted(es), set(en) ^ set(es)
    for key, text in en.items():
        assert set(re.findall(r"\{(\w+)", text)) == set(re.findall(r"\{(\w+)", es[key])), key


def test_english_action_labels_and_previews_are_the_engines() -> None:
    strings = {k: v for name in FILES for k, v in load(EN / name).items()}
    for action, spec in ACTIONS.items():
        if f"match.preview.{action}" in strings:
            assert strings[f"match.preview.{action}"] == spec.preview, action
        if f"match.action.{action}" in strings:
            assert strings[f"match.action.{action}"] == spec.label, action


def test_every_engine_message_has_a_spanish_template_with_its_placeholders() -> None:
    """The engine's messages, the AI's reasons (``ai.…``) and a class host's refusals
    (``net.…``), said the same way, each with a Spanish template, and nothing else in the
    table."""
    from game.ai.reasons import TEMPLATES as AI
    from game.engine.say import TEMPLATES as ENGINE_TEMPLATES
    from game.net.refusals import TEMPLATES as NET

    assert not set(AI) & set(ENGINE_TEMPLATES)  # no reason shadows an engine message
    assert not set(NET) & (set(ENGINE_TEMPLATES) | set(AI))
    TEMPLATES = {**ENGINE_TEMPLATES, **AI, **NET}
    es = load(ENGINE)
    assert sorted(k.removeprefix("engine.") for k in es) == sorted(TEMPLATES)
    for key, english in TEMPLATES.items():
        spanish = es[f"engine.{key}"]
        assert set(re.findall(r"\{(\w+)", english)) == set(re.findall(r"\{(\w+)", spanish)), key


def test_a_spanish_report_says_its_causes_in_spanish() -> None:
    from game.content import load_scenario
    from game.engine import new_world, resolve
    from game.session.match import ai_orders
    from game.ui.i18n import cause

    world = new_world(load_scenario(ROOT / "scenarios" / "kosovo.json"), 3)
    seen: list[str] = []
    for _ in range(6):
        world, report = resolve(world, ai_orders(world))
        for change in report.changes:
            assert change.key, f"a cause without a message key: {change.cause!r}"
            spanish = cause(change, "es")
            assert spanish != change.cause or change.key == "card_choice", change.cause
            seen.append(spanish)
    assert any("la estructura del mundo (pluralismo I) tiende hacia" in s for s in seen), seen
    assert any("ningún agente" in s and "de los albanokosovares" in s for s in seen), seen


def test_every_report_line_vote_and_ending_is_said_in_spanish() -> None:
    from game.content import load_scenario
    from game.engine import new_world, resolve
    from game.session.match import ai_orders
    from game.ui.i18n import end_reason, line

    for path in (ROOT / "scenarios" / "kosovo.json", ROOT / "tests" / "fixtures" / "mini.json"):
        scenario = load_scenario(path)
        for seed in (1, 2):
            world = new_world(scenario, seed)
            while not world.ended:
                world, report = resolve(world, ai_orders(world))
                for item in [*report.lines, *report.votes]:
                    assert item.key, f"no message key: {item!r}"
                    assert line(item, "es") != line(item, "en"), item.key
            assert end_reason(world, "es") != world.end_reason or not world.end_reason


def test_a_crisis_kind_has_one_name_on_every_screen() -> None:
    """The turn report said "crisis financiera" where the match's tables said "pánico
    financiero" (and in English "financial crisis" beside "financial panic"): a kind is named
    alike by the engine's sentences, the report's and debrief's lists and the match screen."""
    from typing import get_args

    from game.engine.say import TEMPLATES
    from game.engine.vocabulary import CrisisKind

    for lang in ("en", "es"):
        strings = {
            k: v for name in FILES for k, v in load(ROOT / "assets" / "i18n" / lang / name).items()
        }
        engine = TEMPLATES if lang == "en" else load(ENGINE)
        prefix = "" if lang == "en" else "engine."
        for kind in get_args(CrisisKind):
            names = {
                engine[f"{prefix}kind.{kind}"],
                strings[f"report.crisis.{kind}"],
                strings[f"match.crisis.{kind}"],
            }
            assert len(names) == 1, (lang, kind, names)


def test_a_secretariats_appeal_for_its_mandate_names_it_once() -> None:
    """Played as the pandemic's WHA: "La Asamblea Mundial de la Salud presenta una resolución:
    un mandato más amplio (la Asamblea Mundial de la Salud)", under a header that already said
    the members vote next turn. A mandate is the body's own: its name is said once, and the
    header no longer repeats what its lines say."""
    from game.content import load_scenario
    from game.engine import legal_actions, new_world, resolve
    from game.ui.i18n import line

    world = new_world(load_scenario(ROOT / "scenarios" / "pandemic.json"), 1)
    (appeal,) = [o for o in legal_actions(world, "wha", only="propose") if o.option == "mandate"]
    _, report = resolve(world, [appeal])
    (tabled,) = [ln for ln in report.lines if ln.kind == "vote"]
    assert tabled.text == (
        "The World Health Assembly tables a resolution: a wider mandate. Members vote next turn."
    ), tabled.text
    assert line(tabled, "es") == (
        "La Asamblea Mundial de la Salud presenta una resolución: un mandato más amplio. "
        "Los miembros votan el próximo turno."
    )
    for lang in ("en", "es"):
        strings = json.loads((ROOT / "assets" / "i18n" / lang / "report.json").read_text())
        assert "(" not in strings["report.tabled"]


def test_names_in_a_sentence_end_with_and_and_a_body_is_not_named_twice() -> None:
    """Played as Ruanda's president: "The resolution the United Nations tabled in the United
    Nations ... is seconded by Urundi, Zaïre". A secretariat tables in its own body (it is
    named once), and the last of several names comes after "and" ("y", or "e" before the
    sound i in Spanish)."""
    from game.content import load_scenario
    from game.engine import legal_actions, new_world, resolve
    from game.ui.i18n import line, names_list

    world = new_world(load_scenario(ROOT / "scenarios" / "rwanda.json"), 1)
    orders = [
        o
        for actor in ("un", "urundi", "zaire")
        for o in legal_actions(world, actor, only="propose")
        if (o.target, o.option) == ("un", "authorize_force")
    ]
    assert [o.actor for o in orders] == ["un", "urundi", "zaire"]
    _, report = resolve(world, orders)
    seconded = next(ln for ln in report.lines if ln.kind == "vote" and "seconded" in ln.key)
    assert seconded.key == "seconded_own"
    assert seconded.text.startswith("The resolution the United Nations tabled, authorize force (")
    assert seconded.text.endswith("is seconded by Urundi and Zaïre: one resolution, one vote.")
    spanish = line(seconded, "es")
    assert " presentó, autorizar el uso de la fuerza (" in spanish, spanish
    assert spanish.endswith("con el apoyo de Urundi y Zaïre: una resolución, una votación.")
    assert names_list(["Urundi"], "es") == "Urundi"
    assert names_list(["Gallia", "Iberia"], "es") == "Gallia e Iberia"
    assert names_list(["Gallia", "Hibernia"], "es") == "Gallia e Hibernia"
    assert names_list(["Urundi", "Zaïre", "Hielo"], "es") == "Urundi, Zaïre y Hielo"
    assert names_list(["Urundi", "Zaïre", "Iberia"], "en") == "Urundi, Zaïre and Iberia"


def test_spanish_calls_enforcement_by_its_one_name() -> None:
    """Played as the WHA: the debrief said the goal wanted "su capacidad de imponerse de al
    menos 18" and, under it, "Capacidad coercitiva de la Asamblea...: 17,8"; the Actor tab and
    the action's tip say "capacidad coercitiva", the turn's line said "capacidad de imponerse".
    A figure has one name: the strings and every mission's goals use the stat's own label."""
    label = json.loads((ROOT / "assets" / "i18n" / "es" / "match.json").read_text())[
        "match.stat.enforcement"
    ]
    assert label == "Capacidad coercitiva"
    for path in sorted((ROOT / "assets" / "i18n" / "es").glob("*.json")):
        for key, text in json.loads(path.read_text()).items():
            assert "imponerse" not in text, (path.name, key)
    for path in sorted((ROOT / "scenarios").glob("*.json")):
        for mission in json.loads(path.read_text())["missions"]:
            for goal in mission.get("goals", []) + mission.get("secret", []):
                assert "imponerse" not in goal["text"].get("es", ""), (path.name, goal["text"])


def _spanish_texts(node: object, where: str):
    """Every Spanish text in a scenario or card document: the "es" of each translated field."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "es" and isinstance(v, str):
                yield where, v
            else:
                yield from _spanish_texts(v, f"{where}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _spanish_texts(v, f"{where}[{i}]")


def test_spanish_writes_the_state_with_a_capital() -> None:
    """Played as the WHA in Spanish: the report said "los Estados" and "el Estado Popular", the
    lessons "un estado dispuesto a ceder algo de soberanía" and the tutorial "los estados ceden
    soberanía". The political State takes its capital everywhere (its idioms do not: "estado
    mayor", "estado de emergencia", "ha estado")."""
    idioms = re.compile(r"\bestados? (mayor|de emergencia)\b|\bha estado\b")
    texts = [
        (f"{p.name}:{k}", v)
        for p in sorted((ROOT / "assets" / "i18n" / "es").glob("*.json"))
        for k, v in json.loads(p.read_text()).items()
    ]
    for p in sorted((ROOT / "scenarios").rglob("*.json")):
        texts += list(_spanish_texts(json.loads(p.read_text()), p.name))
    assert len(texts) > 1000
    for where, text in texts:
        assert not re.search(r"\bestados?\b", idioms.sub("", text)), (where, text)
