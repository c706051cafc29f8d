"""Scenario files in and out: reading under hard limits, checking every problem with where it is,
and the JSON Schema authors' editors can use."""

from .loader import (
    MAX_SCENARIO_BYTES,
    ScenarioEntry,
    check_scenario,
    find_scenario,
    list_scenarios,
    load_scenario,
    read_json,
    validate_paths,
)
from .problems import Problem, ScenarioError
from .schema import scenario_schema

__all__ = [
    "MAX_SCENARIO_BYTES",
    "Problem",
    "ScenarioEntry",
    "ScenarioError",
    "check_scenario",
    "find_scenario",
    "list_scenarios",
    "load_scenario",
    "read_json",
    "scenario_schema",
    "validate_paths",
]
