"""The engine is pure: no screen, no files, no network, no clock, no hidden randomness.

Read statically (every module under game/engine parsed with ``ast``) and at run time (importing
the engine loads none of those libraries; the public functions leave their inputs unchanged).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine import (
    Scenario,
    World,
    arrangement,
    check_orders,
    legal_actions,
    new_world,
    resolve,
    scores,
    view,
)

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "game" / "engine"
FIXTURE = Path(__file__).parent / "fixtures" / "mini.json"

FORBIDDEN_MODULES = frozenset(
    {
        # screens and the network
        "pygame", "pygame_gui", "socket", "websockets", "http", "urllib", "asyncio", "ssl",
        # files, processes and the machine
        "sqlite3", "os", "pathlib", "io", "subprocess", "shutil", "tempfile", "glob", "pickle",
        "importlib", "threading", "multiprocessing",
        # the clock and unseeded randomness: a replay must not depend on them
        "random", "time", "datetime", "secrets", "uuid",
    }
)  # fmt: skip
FORBIDDEN_CALLS = frozenset(
    {"open", "eval", "exec", "__import__", "compile", "input", "breakpoint"}
)


def engine_files() -> list[Path]:
    return sorted(ENGINE.rglob("*.py"))


def violations(source: str) -> list[str]:
    """Every forbidden import or call in a module's source, as 'line: what'."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            if name.split(".")[0] in FORBIDDEN_MODULES:
                found.append(f"{node.lineno}: import {name}")
        if isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if called in FORBIDDEN_CALLS:
                found.append(f"{node.lineno}: call {called}()")
    return found


def test_the_engine_has_modules_to_check() -> None:
    names = {p.name for p in engine_files()}
    assert {"__init__.py", "resolve.py", "mechanics.py", "actions.py", "world.py"} <= names


@pytest.mark.parametrize("path", engine_files(), ids=lambda p: p.name)
def test_engine_module_imports_and_calls_nothing_impure(path: Path) -> None:
    assert violations(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        "import pygame",
        "import os.path",
        "from pathlib import Path",
        "from datetime import datetime as dt",
        "import random as r",
        "import time, json",
        "def f():\n    import socket",
        "open('save.json')",
        "builtins.open('x')",
        "eval('1')",
        "exec('x = 1')",
        "__import__('os')",
    ],
)
def test_the_checker_catches_what_it_forbids(source: str) -> None:
    assert violations(source), source


@pytest.mark.parametrize(
    "source",
    ["import json", "import hashlib", "from .rng import Rng", "from . import ops", "opened = 1"],
)
def test_the_checker_allows_what_the_engine_needs(source: str) -> None:
    assert violations(source) == []


def test_importing_the_engine_loads_no_screen_network_or_database_library() -> None:
    # Not ``socket``: pydantic itself loads it (through ``email``). The static check above is
    # what keeps the engine's own code off the network.
    probe = (
        "import sys, game.engine\n"
        "bad = {'pygame', 'pygame_gui', 'websockets', 'sqlite3'} & set(sys.modules)\n"
        "print(sorted(bad))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


# ---- the public functions leave their inputs unchanged ----------------------------------------


def busy_world() -> World:
    """A few turns into mini.json, with a resolution open and cards in hand."""
    world = new_world(Scenario.model_validate(json.loads(FIXTURE.read_text("utf-8"))), 3)
    world, _ = resolve(world, [o for o in legal_actions(world, "un") if o.action == "propose"][:2])
    return world


def test_reading_functions_do_not_change_the_world() -> None:
    world = busy_world()
    assert world.proposals and world.hand
    digest = world.digest()
    for actor in world.actors:
        legal_actions(world, actor)
        view(world, actor)
    view(world, None)
    arrangement(world)
    scores(world)
    check_orders(world, [o for a in world.actors for o in legal_actions(world, a)])
    assert world.digest() == digest


def test_resolve_returns_a_new_world_and_leaves_the_old_one() -> None:
    world = busy_world()
    digest = world.digest()
    orders = [o for a in sorted(world.actors) for o in legal_actions(world, a)[:2]]
    after, _ = resolve(world, orders)
    assert after is not world
    assert world.digest() == digest
    again, _ = resolve(world, orders)
    assert again.digest() == after.digest()


def test_view_hides_the_generator_and_other_seats_hands() -> None:
    world = busy_world()
    holders = {h.actor for h in world.hand}
    for actor in world.actors:
        seen = view(world, actor)
        assert seen.rng != world.rng
        assert {h.actor for h in seen.hand} <= {actor}
        assert (actor in holders) == bool(seen.hand)
    assert view(world, None).hand == []


def test_view_hides_other_seats_secret_goals() -> None:
    world = busy_world()
    secret = {m.actor: m.secret for m in view(world, "castria").rules.missions}
    assert secret["castria"]  # mini.json gives Castria a secret goal
    others = {m.actor: m.secret for m in view(world, "arcadia").rules.missions}
    assert others["castria"] == []
    assert {m.actor: m.secret for m in world.rules.missions}["castria"]  # the world keeps it


def test_resolving_a_conquest_leaves_the_old_worlds_map_and_options_unchanged() -> None:
    data = json.loads(FIXTURE.read_text("utf-8"))
    next(a for a in data["actors"] if a["id"] == "arcadia")["military"] = 200
    world = new_world(Scenario.model_validate(data), 1)
    legal = {a: legal_actions(world, a) for a in world.actors}
    measure = arrangement(world)
    attack = [o for o in legal["arcadia"] if (o.action, o.target) == ("attack", "castria")]
    after, _ = resolve(world, attack)
    assert after.regions["castria_lowland"].owner == "arcadia"  # the map did change...
    assert world.regions["castria_lowland"].owner == "castria"  # ...in the new world only
    assert {a: legal_actions(world, a) for a in world.actors} == legal
    assert arrangement(world) == measure
