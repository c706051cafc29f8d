"""The session interface (game/session/interface.py) as the hot-seat host gives it: each seat's
view, its draft (add, remove, replace), whose turn it is, the reports and the end; and no screen
knows which session it drives (tests/test_ui_session.py plays them on another)."""

from __future__ import annotations

import ast
from pathlib import Path

from game.engine import Order, view
from game.engine.scenario import Scenario
from game.session.hotseat import new_match, resumed_match
from game.session.interface import Session
from game.session.local import LocalMatch


def repress(actor: str = "castria") -> Order:
    return Order(actor=actor, action="repress", target="highlanders")


def test_the_hot_seat_match_is_a_session(mini_scenario: Scenario) -> None:
    session = new_match(mini_scenario, ["castria", "arcadia"], seed=2)
    assert isinstance(session, Session) and isinstance(session, LocalMatch)
    assert session.humans == ["castria", "arcadia"] == session.seats
    assert session.autosave is None and session.autosave_failure is None
    assert not session.ended and session.reports == []


def test_a_seat_sees_its_view_and_it_is_kept_until_the_world_moves(
    mini_scenario: Scenario,
) -> None:
    session = LocalMatch.start(mini_scenario, ["castria"], seed=2)
    seen, state = session.view("castria"), session.state_id
    assert seen.model_dump() == view(session.world, "castria").model_dump()
    assert session.view("castria") is seen and session.state_id == state  # not worked out again
    assert session.view(None) is not seen  # the public view is another
    assert session.outcome() is session.world  # the whole world, secrets and all
    session.submit("castria")
    assert session.state_id != state and session.view("castria") is not seen
    assert session.view("castria").turn == 2


def test_replace_sets_the_whole_draft_or_refuses_and_keeps_it(mini_scenario: Scenario) -> None:
    session = LocalMatch.start(mini_scenario, ["castria"], seed=2)
    assert session.add(Order(actor="castria", action="invest")) is None
    assert session.replace("castria", [repress()]) is None
    assert session.draft("castria") == [repress()]
    why = session.replace("castria", [repress(), repress()])  # the same order twice
    assert why and session.draft("castria") == [repress()]
    assert session.replace("castria", [repress("arcadia")]) == "not your seat"
    assert session.replace("arcadia", []) == "not your turn"
    assert session.replace("castria", []) is None and session.draft("castria") == []


def test_a_resumed_match_is_a_session_with_its_drafts(mini_scenario: Scenario) -> None:
    first = LocalMatch.start(mini_scenario, ["castria"], seed=2)
    assert first.add(repress()) is None
    session = resumed_match(first.world, ["castria"], record=first.record())
    assert isinstance(session, Session)
    assert session.draft("castria") == [repress()] and session.current_seat() == "castria"


# ---- the screens know the interface only ---------------------------------------------------

UI = Path(__file__).resolve().parent.parent / "game" / "ui"

# What game/ui may take from game/session: the interface, the files a save is read from, and
# (only where a match is opened: the menus, the tutorial, the snapshot) the hot-seat opener.
OPENERS = {"scenes/new_match.py", "scenes/load.py", "scenes/tutorial.py", "snapshot.py"}
ALLOWED = {"game.session.interface", "game.session.saves"}


def imports(tree: ast.AST) -> list[str]:
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.append(node.module)
            out += [f"{node.module}.{a.name}" for a in node.names]
    return out


def trespasses(rel: str, source: str) -> list[str]:
    """Where a module of game/ui (``rel``, under it) reaches past the session interface: an
    import from game.session other than the allowed, the host by name, or a session's world."""
    tree = ast.parse(source)
    allowed = ALLOWED | ({"game.session.hotseat"} if rel in OPENERS else set())
    bad: list[str] = []
    for module in dict.fromkeys(".".join(n.split(".")[:3]) for n in imports(tree)):
        if module.startswith("game.session") and module not in allowed:
            bad.append(f"{rel} imports {module}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "LocalMatch":
            bad.append(f"{rel}:{node.lineno} names LocalMatch")
        elif isinstance(node, ast.Attribute) and node.attr in ("LocalMatch", "local"):
            bad.append(f"{rel}:{node.lineno} reaches for .{node.attr}")
        elif isinstance(node, ast.Attribute) and node.attr in ("world", "match"):
            owner = node.value
            name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
            if name == "session":
                bad.append(f"{rel}:{node.lineno} reaches into the session's {node.attr}")
    return bad


def test_the_guard_sees_a_screen_that_reaches_past_the_interface() -> None:
    source = (
        "from game.session.local import LocalMatch\n"
        "import game.session.match\n"
        "from game.session.hotseat import new_match\n"
        "def f(scene, session):\n"
        "    return scene.local, session.world, scene.session.match, LocalMatch\n"
    )
    found = trespasses("scenes/report.py", source)
    assert [f.split(" ", 1)[1] for f in found[:3]] == [
        f"imports game.session.{m}" for m in ("local", "match", "hotseat")
    ]
    assert len(found) == 7
    assert trespasses("scenes/new_match.py", "from game.session.hotseat import new_match") == []


def test_no_screen_knows_which_session_it_drives() -> None:
    files = sorted(UI.rglob("*.py"))
    assert len(files) > 20
    bad: list[str] = []
    for path in files:
        rel = path.relative_to(UI).as_posix()
        bad += trespasses(rel, path.read_text(encoding="utf-8"))
    assert bad == []
