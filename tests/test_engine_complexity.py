"""Nothing in the turn grows faster than the world: a complexity guard, counted, not timed.

The generated world (``bench/gen_world.py``) is built at two sizes, 30 and 60 states (39 and 74
actors), and the AI plays a few turns of each under ``sys.settrace``, which counts every call of
the engine's and the AI's functions and every line they execute. Counts are deterministic (a
seeded world, seeded play), so the test is exact on any machine, however loaded.

Each figure is taken per turn and compared between the sizes: its ratio must stay within
``SLACK`` times the ratio of actors (about 1.9). A count linear in the actors passes with room; a
quadratic one lands near 1.9 times the limit.

Where the rules themselves make a count relational, the test measures the cost per item instead:
a state may aid any poorer state and a federation may invite any non-member, so legal moves per
actor grow with the number of states and the AI's moves per turn grow with states × actors.
That is the game, not a slow path; what must stay flat is the AI's work per legal move.

A count that is superlinear today is marked ``xfail(strict=True)`` with where and how much, so
it fails loudly (XPASS) once fixed and the mark can go.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from gen_world import generate  # noqa: E402

import game.ai.baseline as baseline  # noqa: E402
import game.engine.actions as actions  # noqa: E402
import game.engine.conditions as conditions  # noqa: E402
import game.engine.mechanics as mechanics  # noqa: E402
import game.engine.ops as ops  # noqa: E402
import game.engine.report as report  # noqa: E402
import game.engine.say as say  # noqa: E402
import game.engine.structure as structure  # noqa: E402
import game.engine.world as world_module  # noqa: E402
from game.engine import Scenario, World, new_world, resolve  # noqa: E402
from game.session.match import ai_orders  # noqa: E402

SIZES = (30, 60)  # states
TURNS = 3  # turns played at each size (the counts are means per turn)
SLACK = 1.3  # a count's ratio may be at most this many times the actors' ratio
GAME = str(ROOT / "game")

# The turn loop's hot helpers, by where they live: (module, attribute path).
HOT_HELPERS: dict[str, tuple[Any, str]] = {
    # conditions are compiled once per list (conditions.compiled); a context is made for each
    # card or goal whose cheap guard passes
    "conditions.Context": (conditions, "Context.__init__"),
    "ops.add": (ops, "add"),
    "say.say": (say, "say"),
    "Ledger.line": (report, "Ledger.line"),
    "Ledger.change": (report, "Ledger.change"),
    "actions.legal_listing": (actions, "legal_listing"),
    "BaselineBot.choose": (baseline, "BaselineBot.choose"),
}


def _code(module: Any, path: str) -> CodeType | None:
    """The code object of ``module.path`` (``Class.method`` allowed), or None if it is gone."""
    obj: Any = module
    for part in path.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return getattr(obj, "__code__", None)


@dataclass
class Counts:
    """One stretch of play under the tracer: calls and lines by code object."""

    calls: Counter[CodeType] = field(default_factory=Counter)
    lines: Counter[CodeType] = field(default_factory=Counter)

    def trace(self, fn: Callable[[], Any]) -> Any:
        calls, lines = self.calls, self.lines

        def local(frame: FrameType, event: str, _arg: Any) -> Any:
            if event == "line":
                lines[frame.f_code] += 1
            return local

        def glob(frame: FrameType, event: str, _arg: Any) -> Any:
            code = frame.f_code
            if not code.co_filename.startswith(GAME):
                return None  # not ours: no line events for it (the tracer stays cheap)
            calls[code] += 1
            return local

        sys.settrace(glob)
        try:
            return fn()
        finally:
            sys.settrace(None)

    def total_lines(self) -> int:
        return sum(self.lines.values())


@dataclass
class Profile:
    """A few AI turns of one size of the generated world, counted per turn."""

    states: int
    actors: float = 0.0  # mean actors in the world at the start of a measured turn
    moves: float = 0.0  # legal moves the AI weighed, per turn (all actors)
    ai: Counts = field(default_factory=Counts)
    resolve: Counts = field(default_factory=Counts)
    clone: Counts = field(default_factory=Counts)  # one copy of the world after the turns

    def calls(self, code: CodeType | None) -> float:
        if code is None:
            return 0.0
        return (self.ai.calls[code] + self.resolve.calls[code]) / TURNS


def _play(states: int) -> Profile:
    scenario = Scenario.model_validate(generate(states, 1))
    world: World = new_world(scenario, scenario.seed)
    bot = baseline.BaselineBot()
    prof = Profile(states)
    legal_moves = actions.legal_moves
    for _ in range(TURNS):
        assert not world.ended
        prof.actors += len(world.actors) / TURNS
        # the moves the AI weighs: legal_moves is memoized per world, so this costs nothing more
        prof.moves += sum(len(legal_moves(world, a)) for a in world.actors) / TURNS
        snapshot = world.clone()  # the AI's own copy: legal moves counted above stay out of it
        orders = prof.ai.trace(lambda w=snapshot: ai_orders(w, bot))
        world, _ = prof.resolve.trace(lambda w=world, o=orders: resolve(w, o))
    prof.clone.trace(world.clone)
    return prof


@pytest.fixture(scope="module")
def profiles() -> tuple[Profile, Profile]:
    small, large = (_play(n) for n in SIZES)
    return small, large


def _ratio(small: float, large: float) -> float:
    assert small > 0, "nothing counted at the small size: is the helper still on the turn's path?"
    return large / small


def _limit(small: Profile, large: Profile) -> float:
    return SLACK * large.actors / small.actors


@pytest.mark.parametrize("helper", sorted(HOT_HELPERS))
def test_hot_helper_calls_grow_linearly(helper: str, profiles: tuple[Profile, Profile]) -> None:
    small, large = profiles
    code = _code(*HOT_HELPERS[helper])
    if code is None:
        pytest.skip(f"{helper} no longer exists: update HOT_HELPERS in this test")
    ratio = _ratio(small.calls(code), large.calls(code))
    assert ratio <= _limit(small, large), (
        f"{helper}: {small.calls(code):.0f} → {large.calls(code):.0f} calls a turn "
        f"(×{ratio:.2f}) for {small.actors:.0f} → {large.actors:.0f} actors"
    )


def test_clone_copies_grow_with_the_world(profiles: tuple[Profile, Profile]) -> None:
    """World.clone's model copies, and every line the copy executes: one copy per model."""
    small, large = profiles
    copies = [_code(world_module, name) for name in ("copy_model", "_fast_copy")]
    code = next((c for c in copies if c is not None), None)
    if code is not None:
        ratio = _ratio(small.clone.calls[code], large.clone.calls[code])
        assert ratio <= _limit(small, large), (small.clone.calls[code], large.clone.calls[code])
    s, lg = small.clone.total_lines(), large.clone.total_lines()
    assert _ratio(s, lg) <= _limit(small, large), (s, lg)


def test_resolve_work_grows_linearly(profiles: tuple[Profile, Profile]) -> None:
    """Every line ``resolve`` executes, per turn: the whole of the rules' work."""
    small, large = profiles
    s, lg = small.resolve.total_lines() / TURNS, large.resolve.total_lines() / TURNS
    assert _ratio(s, lg) <= _limit(small, large), (s, lg, small.actors, large.actors)


def test_legal_moves_per_actor_grow_at_most_with_states(
    profiles: tuple[Profile, Profile],
) -> None:
    """Relational by rule (aid any poorer state, invite any non-member): moves per actor may
    grow with the number of states, no faster."""
    small, large = profiles
    per_actor = _ratio(small.moves / small.actors, large.moves / large.actors)
    assert per_actor <= SLACK * large.states / small.states, (small.moves, large.moves)


def test_ai_work_per_legal_move_is_flat(profiles: tuple[Profile, Profile]) -> None:
    """The AI's lines (its choice, the move generation and every utility) per legal move."""
    small, large = profiles
    s = small.ai.total_lines() / TURNS / small.moves
    lg = large.ai.total_lines() / TURNS / large.moves
    assert _ratio(s, lg) <= SLACK, (s, lg)


# ---- superlinear today: each fails loudly (XPASS) once fixed ---------------------------------


def _lines_per_turn(prof: Profile, code: CodeType | None) -> float:
    assert code is not None
    return prof.resolve.lines[code] / TURNS


@pytest.mark.xfail(
    strict=True,
    reason="mechanics.fear compares every state with every other (O(states²)): each state's "
    "threat sums rel × FEAR_FAR over all states beyond its borders; 4,356 → 16,420 lines a turn "
    "(×3.8) for 39 → 74 actors (×1.9). The rule itself makes the far threat a sum over all "
    "states, so a fix must keep its arithmetic (and its float order) exactly.",
)
def test_fear_grows_linearly(profiles: tuple[Profile, Profile]) -> None:
    small, large = profiles
    code = _code(mechanics, "fear")
    ratio = _ratio(_lines_per_turn(small, code), _lines_per_turn(large, code))
    assert ratio <= _limit(small, large)


def test_inequality_figure_grows_linearly(profiles: tuple[Profile, Profile]) -> None:
    """The inequality figure (its Gini's loop over the states) is computed a few times a turn:
    once by the dynamics, once by the measure, at most once for all the cards dealt and once for
    all the goals tracked, not once per card or goal that reads it."""
    small, large = profiles
    code = _code(structure, "gini")
    ratio = _ratio(_lines_per_turn(small, code), _lines_per_turn(large, code))
    assert ratio <= _limit(small, large)
