"""Tampered saves that used to load and then crash the match (issue 14) are refused on load,
with the place and the reason, and the file is left as it was."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from game.content.loader import load_scenario
from game.session.local import LocalMatch
from game.session.saves import SaveError, load_match

ROOT = Path(__file__).resolve().parent.parent


def _first(world: dict, kind: str) -> str:
    return next(k for k, a in world["actors"].items() if a["kind"] == kind)


def _body_with_an_ngo(w: dict) -> None:
    body = w["actors"][_first(w, "global_body")]
    body["members"] = [*(body.get("members") or []), _first(w, "ngo")]


def _permanent_ngo(w: dict) -> None:
    w["actors"][_first(w, "global_body")]["permanent"].append(_first(w, "ngo"))


TAMPERS: dict[str, tuple[Callable[[dict], None], str]] = {
    "a global body whose members list an NGO": (_body_with_an_ngo, "is not a state"),
    "an NGO as a permanent member": (_permanent_ngo, "is not a state"),
    "no regions": (lambda w: w.update(regions={}), "no regions"),
    "a crisis shown in a region that does not exist": (
        lambda w: next(iter(w["crises"].values())).update(region="atlantis"),
        "region 'atlantis' does not exist",
    ),
    "a negative id counter": (lambda w: w.update(counter=-5), "counter"),
    "NaN in the flags": (lambda w: w["flags"].update(x="NaN"), "flags"),
    "Infinity in the history": (
        lambda w: w["history"][0]["criteria"].update(freedom="-Infinity"),
        "history",
    ),
}


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict:
    match = LocalMatch.start(load_scenario(ROOT / "scenarios" / "kosovo.json"), ["servia"], 3)
    match.submit("servia")
    path = tmp_path_factory.mktemp("save") / "match.json"
    match.save(path)
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", list(TAMPERS))
def test_a_tampered_save_is_refused_and_kept(saved: dict, tmp_path: Path, name: str) -> None:
    tamper, says = TAMPERS[name]
    doc = json.loads(json.dumps(saved))
    tamper(doc["world"])
    path = tmp_path / "tampered.json"
    raw = json.dumps(doc)
    path.write_text(raw, encoding="utf-8")
    with pytest.raises(SaveError) as refused:
        load_match(path)
    message = str(refused.value)
    assert "tampered.json" in message and says in message, message
    assert path.read_text(encoding="utf-8") == raw


def test_the_untampered_save_loads_and_plays_on(saved: dict, tmp_path: Path) -> None:
    path = tmp_path / "match.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    again = load_match(path)
    match = LocalMatch.resume(again.world, ["servia"], record=again.record)
    assert match.submit("servia") is not None
