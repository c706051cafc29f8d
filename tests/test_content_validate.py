"""The cross-reference checks (ids, kinds, stats, bindings, missions, translations), the
model validators' sentences placed at their exact path, and the exported JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from game.content import (
    Problem,
    ScenarioError,
    check_scenario,
    load_scenario,
    scenario_schema,
)
from game.content.references import CONDITION_TYPES

MINI = Path(__file__).parent / "fixtures" / "mini.json"


def check(tmp_path: Path, change: Callable[[dict], object]) -> list[Problem]:
    """Every problem (warnings too) in mini.json after ``change``; the file is indented, so
    each problem must have a line."""
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    change(doc)
    p = tmp_path / "changed.json"
    p.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
    problems = check_scenario(p)[1]
    assert all(x.line is not None and x.column is not None for x in problems)
    return problems


def errors(tmp_path: Path, change: Callable[[dict], object]) -> list[Problem]:
    return [p for p in check(tmp_path, change) if p.is_error]


def one(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def effect(doc: dict, card: int = 2, option: int = 0) -> list:
    return doc["cards"][card]["options"][option]["effects"]


# ---- ids -------------------------------------------------------------------------------------


def test_an_unknown_actor_in_an_effect_suggests_and_lists(tmp_path: Path) -> None:
    p = one(errors(tmp_path, lambda d: effect(d)[0].update(actor="arcadai")))
    assert p.path == "cards[2].options[0].effects[0].actor"
    assert p.message == (
        "unknown actor 'arcadai' (did you mean 'arcadia'?); "
        "known: aid_watch, arcadia, borealia, castria, un, union"
    )


def test_an_id_of_the_wrong_kind_says_what_it_is(tmp_path: Path) -> None:
    p = one(errors(tmp_path, lambda d: d["regions"][0].update(owner="un")))
    assert (p.path, p.message) == ("regions[0].owner", "'un' is a global body, not a state")


def test_membership_of_must_be_a_federation_or_a_body(tmp_path: Path) -> None:
    def change(d: dict) -> None:
        effect(d).append({"type": "membership", "state": "borealia", "of": "castria"})

    p = one(errors(tmp_path, change))
    assert p.path == "cards[2].options[0].effects[3].of"
    assert p.message == "'castria' is a state, not a federation or global body"


def test_group_and_region_references(tmp_path: Path) -> None:
    def change(d: dict) -> None:
        effect(d).append({"type": "secede", "group": "highlander"})
        effect(d).append({"type": "transfer_region", "region": "castria_hills", "to": "arcadia"})

    found = errors(tmp_path, change)
    assert [p.path for p in found] == [
        "cards[2].options[0].effects[3].group",
        "cards[2].options[0].effects[4].region",
    ]
    assert "did you mean 'highlanders'?" in found[0].message
    assert "did you mean 'castria_highlands'?" in found[1].message


def test_references_inside_nested_conditions(tmp_path: Path) -> None:
    def change(d: dict) -> None:
        d["missions"][2]["goals"][0]["when"][0]["condition"]["state"] = "castira"

    p = one(errors(tmp_path, change))
    assert p.path == "missions[2].goals[0].when[0].condition.state"


@pytest.mark.skipif(
    not {"region_owner", "status"} <= CONDITION_TYPES, reason="vocabulary without these yet"
)
def test_references_in_newer_conditions_and_effects(tmp_path: Path) -> None:
    def change(d: dict) -> None:
        d["cards"][2]["trigger"].append(
            {"type": "region_owner", "region": "castria_highlands", "owner": "un"}
        )
        d["cards"][2]["trigger"].append(
            {"type": "status", "actor": "castria", "status": "indicted"}
        )
        effect(d, card=0).append({"type": "crisis", "responder": "aid_wach", "amount": 0})

    found = errors(tmp_path, change)
    assert [p.path for p in found] == [
        "cards[0].options[0].effects[3].responder",
        "cards[2].trigger[2].owner",
    ]
    assert "did you mean 'aid_watch'?" in found[0].message


def test_world_references_the_model_does_not_check(tmp_path: Path) -> None:
    def change(d: dict) -> None:
        d["actors"][2]["nation"] = "castrian"
        d["crises"][0]["group"] = "highland"

    found = errors(tmp_path, change)
    assert [p.path for p in found] == ["actors[2].nation", "crises[0].group"]


def test_duplicate_ids_point_at_the_second(tmp_path: Path) -> None:
    p = one(errors(tmp_path, lambda d: d["cards"][1].update(id="highland_crackdown")))
    assert p.path == "cards[1].id"
    assert p.message == "id 'highland_crackdown' is already used by cards[0]"


def test_the_models_own_sentences_get_an_exact_path(tmp_path: Path) -> None:
    """Scenario's validators stop at the first problem and point at the whole file; the same
    problems are reported one by one, at their values."""

    def change(d: dict) -> None:
        d["regions"][3]["owner"] = "union"  # model: "region ...: owner 'union' is not a state"
        d["seats"].append("nobody")  # model: "seat 'nobody' is not an actor"

    found = errors(tmp_path, change)
    assert [p.path for p in found] == ["regions[3].owner", "seats[4]"]


def test_a_validator_message_with_no_reference_twin_is_kept(tmp_path: Path) -> None:
    p = one(errors(tmp_path, lambda d: d["cards"][2]["trigger"][1].update(min=50, max=3)))
    assert (p.path, p.message) == ("cards[2].trigger[1]", "min 50.0 is above max 3.0")


def test_a_validator_message_in_a_condition_whose_tag_is_also_a_field(tmp_path: Path) -> None:
    # {"type": "flag", "flag": ...}: pydantic's loc ends in the tag "flag", which is also a key.
    def change(d: dict) -> None:
        d["cards"][2]["trigger"].append({"type": "flag", "flag": "pact", "min": 2, "max": 1})

    p = one(errors(tmp_path, change))
    assert (p.path, p.message) == ("cards[2].trigger[2]", "min 2.0 is above max 1.0")


def test_a_top_level_key_named_type_is_an_unknown_field(tmp_path: Path) -> None:
    p = one(errors(tmp_path, lambda d: d.update(type="type")))
    assert p.path == "type"
    assert p.message.startswith("unknown field 'type'; known fields: $schema, actors, argument,")


def test_duplicate_option_ids(tmp_path: Path) -> None:
    p = one(errors(tmp_path, lambda d: d["cards"][2]["options"][1].update(id="hold")))
    assert (p.path, p.message) == (
        "cards[2].options[1].id",
        "option id 'hold' is already used by options[0]",
    )


# ---- stats and bindings ----------------------------------------------------------------------


def test_a_stat_must_belong_to_the_actors_kind(tmp_path: Path) -> None:
    p = one(errors(tmp_path, lambda d: effect(d, option=1)[0].update(stat="wealth")))
    assert p.path == "cards[2].options[1].effects[0].stat"
    assert p.message.startswith("'wealth' is not a stat of union (a federation)")
    assert "a federation has: depth, budget, force" in p.message


def test_a_condition_may_read_an_ngos_reach_and_no_effect_may_change_it(tmp_path: Path) -> None:
    def trigger(actor: str) -> Callable[[dict], None]:
        cond = {"type": "actor_stat", "actor": actor, "stat": "reach", "min": 2}
        return lambda d: d["cards"][2]["trigger"].append(cond)

    assert errors(tmp_path, trigger("aid_watch")) == []
    p = one(errors(tmp_path, trigger("arcadia")))
    assert (p.path, p.message) == (
        "cards[2].trigger[2].stat",
        "'reach' is not a stat of arcadia (a state); "
        "a state has: wealth, military, sovereignty, fear, freedom, pressure",
    )
    change = {"type": "actor_stat", "actor": "aid_watch", "stat": "reach", "amount": 1}
    p = one(errors(tmp_path, lambda d: effect(d).append(change)))
    assert p.path == "cards[2].options[0].effects[3].stat"
    assert p.message.endswith("'volunteers', 'credibility'; got 'reach'")


def test_a_binding_of_a_known_kind_checks_its_stat_too(tmp_path: Path) -> None:
    # $crisis_state is always a state: a state has no 'mandate'.
    p = one(errors(tmp_path, lambda d: effect(d, card=1)[1].update(stat="mandate")))
    assert p.path == "cards[1].options[0].effects[1].stat"


def test_crisis_bindings_need_a_crisis_condition(tmp_path: Path) -> None:
    found = errors(
        tmp_path, lambda d: effect(d).append({"type": "crisis", "crisis": "$crisis", "amount": 5})
    )
    p = one(found)
    assert p.path == "cards[2].options[0].effects[3].crisis"
    assert (
        p.message
        == "'$crisis' is set only by a 'crisis' condition, and this card's trigger has none"
    )


def test_a_crisis_effect_without_a_crisis_field_means_crisis(tmp_path: Path) -> None:
    p = one(errors(tmp_path, lambda d: effect(d).append({"type": "crisis", "amount": 5})))
    assert p.path == "cards[2].options[0].effects[3]" and "'$crisis'" in p.message


def test_a_crisis_condition_inside_any_binds(tmp_path: Path) -> None:
    def change(d: dict) -> None:
        d["cards"][2]["trigger"].append({"type": "any", "conditions": [{"type": "crisis"}]})
        effect(d).append({"type": "crisis", "amount": 5})

    assert errors(tmp_path, change) == []


def test_war_bindings_need_a_war_condition(tmp_path: Path) -> None:
    def change(d: dict) -> None:
        effect(d).append({"type": "end_war", "involving": "$attacker"})

    assert "'war' condition" in one(errors(tmp_path, change)).message

    def with_war(d: dict) -> None:
        change(d)
        d["cards"][2]["trigger"].append({"type": "war"})

    assert errors(tmp_path, with_war) == []


def test_an_unknown_binding_suggests(tmp_path: Path) -> None:
    p = one(errors(tmp_path, lambda d: d["cards"][1].update(target="$crisis_stat")))
    assert p.path == "cards[1].target"
    assert "unknown binding '$crisis_stat' (did you mean '$crisis_state'?)" in p.message


def test_a_binding_of_the_wrong_kind(tmp_path: Path) -> None:
    p = one(
        errors(
            tmp_path,
            lambda d: d["cards"][0]["options"][0]["effects"][0].update(group="$crisis_state"),
        )
    )
    assert p.message == "'$crisis_state' is a state, not a group"


def test_target_means_the_missions_actor_in_a_goal(tmp_path: Path) -> None:
    def change(d: dict) -> None:
        d["missions"][0]["goals"][0]["when"][0]["actor"] = "$target"

    assert check(tmp_path, change) == []

    def wrong_stat(d: dict) -> None:
        change(d)
        d["missions"][0]["goals"][0]["when"][0]["stat"] = "credibility"

    assert "not a stat of $target (a state)" in one(errors(tmp_path, wrong_stat)).message


def test_target_in_an_end_condition_is_a_warning(tmp_path: Path) -> None:
    def change(d: dict) -> None:
        when = {"type": "actor_stat", "actor": "$target", "stat": "wealth", "min": 1}
        d["end_conditions"][0]["when"].append(when)

    p = one(check(tmp_path, change))
    assert p.severity == "warning" and p.path == "end_conditions[0].when[1].actor"


def test_a_misspelt_condition_type_does_not_pile_up_binding_errors(tmp_path: Path) -> None:
    p = one(errors(tmp_path, lambda d: d["cards"][0]["trigger"][0].update(type="crisiss")))
    assert p.path == "cards[0].trigger[0].type"


# ---- warnings: the scenario still loads -------------------------------------------------------


def test_a_seat_without_a_mission_is_a_warning(tmp_path: Path) -> None:
    p = one(check(tmp_path, lambda d: d["seats"].append("borealia")))
    assert (p.severity, p.path) == ("warning", "seats[4]")
    assert "no mission" in p.message


def test_a_missing_spanish_translation_is_a_warning(tmp_path: Path) -> None:
    p = one(check(tmp_path, lambda d: d["cards"][0]["title"].pop("es")))
    assert (p.severity, p.path) == ("warning", "cards[0].title")
    assert p.message == "no 'es' translation; English will be shown"
    assert str(p).endswith(": warning: cards[0].title: no 'es' translation; English will be shown")


def test_warnings_do_not_stop_loading(tmp_path: Path) -> None:
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    doc["seats"].append("borealia")
    p = tmp_path / "w.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    assert load_scenario(p).seats[-1] == "borealia"


def test_one_sided_borders_are_a_warning(tmp_path: Path) -> None:
    p = one(check(tmp_path, lambda d: d["regions"][0]["neighbors"].remove("borealia_coast")))
    assert (p.severity, p.path) == ("warning", "regions[1].neighbors[0]")


# ---- Problem and ScenarioError ----------------------------------------------------------------


def test_problem_text() -> None:
    assert str(Problem("a.json", 3, 7, "actors[0].id", "bad")) == "a.json:3:7: actors[0].id: bad"
    warning = Problem("a.json", 3, None, "", "odd", "warning")
    assert str(warning) == "a.json:3: warning: odd"
    assert str(Problem("a.json", None, None, "", "no such file")) == "a.json: no such file"


def test_scenario_error_lists_every_problem() -> None:
    e = ScenarioError([Problem("a.json", 1, 1, "x", "one"), Problem("a.json", 2, 1, "y", "two")])
    assert str(e) == "a.json:1:1: x: one\na.json:2:1: y: two"
    assert len(e.problems) == 2


# ---- the JSON Schema --------------------------------------------------------------------------


def test_schema_header() -> None:
    schema = scenario_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"] == "Continuum scenario" and schema["description"]
    assert "$schema" in schema["properties"] and "schema_" not in schema["properties"]
    json.dumps(schema)  # it can be written out


def test_schema_is_valid_and_agrees_with_the_loader() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = scenario_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    assert list(validator.iter_errors(doc)) == []
    doc["actors"][2]["sovereignty"] = 140
    doc["cards"][0]["trigger"][0]["type"] = "crisiss"
    assert len(list(validator.iter_errors(doc))) >= 2


def test_an_exists_condition_may_name_a_seceded_groups_future_state(tmp_path) -> None:
    import json

    from game.content import validate_paths

    data = json.loads(
        (Path(__file__).parent / "fixtures" / "mini.json").read_text(encoding="utf-8")
    )
    data["end_conditions"] = [
        {
            "id": "free",
            "text": "Free highlands",
            "when": [{"type": "exists", "actor": "highlanders_state"}],
        }
    ]
    good = tmp_path / "good.json"
    good.write_text(json.dumps(data), encoding="utf-8")
    assert [p for p in validate_paths([str(good)]) if p.severity == "error"] == []
    data["end_conditions"][0]["when"][0]["actor"] = "nobody_state"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    errors = [p for p in validate_paths([str(bad)]) if p.severity == "error"]
    assert errors and "nobody_state" in errors[0].message


def _mini_with(tmp_path: Path, change) -> list:
    import json

    from game.content import validate_paths

    data = json.loads(
        (Path(__file__).parent / "fixtures" / "mini.json").read_text(encoding="utf-8")
    )
    change(data)
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return [p for p in validate_paths([str(path)]) if p.severity == "error"]


def test_a_region_whose_outline_crosses_itself_cannot_be_drawn(tmp_path: Path) -> None:
    def bowtie(data: dict) -> None:
        data["regions"][0]["polygon"] = [[100, 100], [400, 300], [400, 100], [100, 300]]

    errors = _mini_with(tmp_path, bowtie)
    assert any(p.path == "regions[0].polygon" and "crosses itself" in p.message for p in errors)
    assert all(p.line for p in errors)


def test_a_region_with_no_area_cannot_be_drawn(tmp_path: Path) -> None:
    def flat(data: dict) -> None:
        data["regions"][0]["polygon"] = [[100, 100], [200, 100], [300, 100]]

    errors = _mini_with(tmp_path, flat)
    assert any(p.path == "regions[0].polygon" and "no area" in p.message for p in errors)


def test_a_seat_with_nothing_to_do_on_turn_one_is_reported(tmp_path: Path) -> None:
    def idle_union(data: dict) -> None:
        union = next(a for a in data["actors"] if a["id"] == "union")
        union.update(members=[], budget=0, force=0)
        data["seats"] = [*data.get("seats", []), "union"]

    errors = _mini_with(tmp_path, idle_union)
    assert any("seat 'union' has no legal action on turn 1" in p.message for p in errors), errors
