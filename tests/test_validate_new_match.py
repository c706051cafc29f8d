"""New match lists the scenarios off the frame loop: the window keeps drawing while they are
checked, says so, and one bad file in the user's folder never freezes it (issue 14)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from game.content import loader
from game.ui.i18n import t
from game.ui.scenes import new_match
from game.ui.scenes.new_match import NewMatchScene
from tests.uikit import frames, make_app

MINI = Path(__file__).resolve().parent / "fixtures" / "mini.json"


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The real listing, held at its start until the test opens the gate: the test decides
    when the worker finishes, so nothing here depends on the machine's speed."""
    opened = threading.Event()
    real = loader.list_scenarios

    def held() -> list:
        assert opened.wait(30), "the test never opened the gate"
        return real()

    monkeypatch.setattr(new_match, "list_scenarios", held)
    return opened


def test_the_list_is_checked_on_a_worker_and_the_window_keeps_drawing(
    sandbox: Path, gate: threading.Event
) -> None:
    import game.paths

    broken = json.loads(MINI.read_text(encoding="utf-8"))
    broken["id"] = "broken_one"
    broken["regions"][0]["neighbors"] = [f"n{i}" for i in range(3_000)]
    user = game.paths.user_scenarios_dir()
    (user / "broken_one.json").write_text(json.dumps(broken), encoding="utf-8")

    app = make_app()
    scene = NewMatchScene(app, background=True)
    app.push(scene)
    frames(app, 5)  # the frames run while the listing waits
    assert scene.listing is not None and scene.entries == [] and scene.entry is None
    assert scene.listing.thread.is_alive()
    assert t("menu.new.checking") != t("menu.new.none")

    gate.set()
    scene.listing.thread.join(30)
    frames(app)
    assert scene.listing is None
    ids = [e.id for e in scene.entries]
    assert "kosovo" in ids and "broken_one" in ids
    assert scene.entry is not None and scene.entry.ok  # the first playable one is chosen
    # The chosen scenario is the one checked on the worker: no second check on this thread.
    assert scene.scenario(scene.entry) is scene.entry.scenario
    bad = scene.entries[ids.index("broken_one")]
    assert not bad.ok and sum(p.count for p in bad.problems if p.is_error) == 3_000
    scene._select(ids.index("broken_one"))
    frames(app)
    assert scene.start_button is not None and not scene.start_button.is_enabled


def test_a_headless_app_lists_at_once(sandbox: Path) -> None:
    app = make_app()
    scene = NewMatchScene(app)
    assert scene.listing is None and any(e.id == "kosovo" for e in scene.entries)
