"""Shared fixtures: the small valid scenario in tests/fixtures/mini.json, a world from it, and
English strings for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine.model import ARRANGEMENT_ORDER
from game.engine.scenario import Scenario
from game.engine.setup import new_world
from game.engine.world import World
from game.session.local import LocalMatch
from game.ui import flow, i18n

MINI = Path(__file__).parent / "fixtures" / "mini.json"
# No test looks for classes on a real network (multicast): the Join screen's browser is off
# unless a test gives it one fed with records (tests/test_ui_join.py).
os.environ["CONTINUUM_LAN"] = "off"


@pytest.fixture
def mini_scenario() -> Scenario:
    return load_scenario(MINI)


@pytest.fixture
def mini_world(mini_scenario: Scenario) -> World:
    """The world at the start of a match of mini.json (turn 1, cards dealt), seed 1."""
    return new_world(mini_scenario, 1)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Each test starts in English and leaves the language as it found it (an app sets it)."""
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The user's folders (data, saves, scenarios, settings) inside the test's own tmp_path."""
    import game.paths
    from game.ui import settings as ui_settings

    data = tmp_path / "data"
    monkeypatch.setattr(game.paths, "user_data_dir", lambda: data)
    monkeypatch.setattr(game.paths, "saves_dir", lambda: data / "saves")
    monkeypatch.setattr(game.paths, "user_scenarios_dir", lambda: data / "scenarios")
    monkeypatch.setattr(ui_settings, "settings_path", lambda: tmp_path / "config" / "settings.json")
    (data / "saves").mkdir(parents=True)
    (data / "scenarios").mkdir()
    yield tmp_path
    i18n.set_language("en")


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[LocalMatch]:
    """flow.start records the match instead of opening the match screen."""
    got: list[LocalMatch] = []
    monkeypatch.setattr(flow, "start", lambda app, local: got.append(local))
    return got


@pytest.fixture
def menu(monkeypatch: pytest.MonkeyPatch) -> type:
    """The main menu replaced by a stand-in (tests/uikit.StubMenu) for the test's length."""
    import game.ui.scenes.menu as menu_module
    from tests.uikit import StubMenu

    monkeypatch.setattr(menu_module, "MainMenu", StubMenu)
    return StubMenu


# The quick subset (`python -m pytest -m "not slow"`, a few seconds): the rules, the files and
# the strings. What opens a real window, starts the `continuum` process, runs the outside
# schema validator, plays many whole matches or explores cases with hypothesis is marked slow
# here (by module, so that a new test in such a module is too).
SLOW_MODULES = {
    "test_audio",
    "test_cli",
    "test_engine_properties",
    "test_playthroughs",
    "test_reach",
    "test_schema_file",
    "test_snapshot",
    "test_tutorial",
}


# The sandbox's starts in each arrangement (scenarios/sandbox_<arrangement>.json, issue 12) are
# the sandbox's own document with a few figures and words changed, written by
# `python bench/starts.py --ship`. What they share with the sandbox (map, names, cards, Spanish)
# is tested on the sandbox; tests/test_sandbox_starts.py checks each file is exactly what
# bench/starts.py makes, where it begins, its own words and that it plays; `continuum validate
# scenarios/` (tests/test_cli.py) checks every card and ending can happen in each; their
# reference playthroughs replay. The other per-scenario tests skip them, with this reason: seven
# more copies of the sandbox would add about half a minute of CPU and check nothing new.
GENERATED_STARTS = {f"sandbox_{a.value}" for a in ARRANGEMENT_ORDER}
TESTS_OF_EVERY_FILE = {"test_sandbox_starts", "test_playthroughs"}
SKIP_START = pytest.mark.skip(
    reason="a generated start of the sandbox (bench/starts.py): what it shares with the sandbox "
    "is tested there; tests/test_sandbox_starts.py and `validate scenarios/` check the rest"
)


def _a_generated_start(value: object) -> bool:
    if isinstance(value, str):
        return value in GENERATED_STARTS or Path(value).stem in GENERATED_STARTS
    return isinstance(value, Path) and value.stem in GENERATED_STARTS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.path.stem
        explores = getattr(getattr(item, "obj", None), "is_hypothesis_test", False)
        if module in SLOW_MODULES or module.startswith("test_ui_") or explores:
            item.add_marker(pytest.mark.slow)
        params = getattr(getattr(item, "callspec", None), "params", {})
        if module not in TESTS_OF_EVERY_FILE and any(map(_a_generated_start, params.values())):
            item.add_marker(SKIP_START)
