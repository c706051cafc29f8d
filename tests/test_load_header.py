"""The Load list reads a save's header as JSON, key by key: a save an editor has pretty-printed,
sorted, reordered or given a byte-order mark is listed as what it is, with the header's own
values (never a "turn" or "title" found deeper in the file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.content import load_scenario
from game.session.local import LocalMatch
from game.session.saves import SaveError, load_match, read_header
from game.ui import i18n
from game.ui.scenes.load import list_saves, peek_save, progress

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    """A kosovo match three turns in (its record holds turns 1 and 2), as the game saves it."""
    folder = tmp_path_factory.mktemp("saves")
    match = LocalMatch.start(load_scenario(ROOT / "scenarios" / "kosovo.json"), [], seed=3)
    match.resolve()
    match.resolve()
    match.save(folder / "game.json")
    return json.loads((folder / "game.json").read_text(encoding="utf-8")), folder / "game.json"


def _reordered(doc: dict) -> dict:
    """The world and the record first, the header last (as a hand edit or a tool may leave it)."""
    head = {k: v for k, v in doc.items() if k not in ("world", "record")}
    return {"record": doc["record"], "world": doc["world"], **head}


VARIANTS = {
    "indented": lambda d: json.dumps(d, indent=2),
    "indented, keys sorted": lambda d: json.dumps(d, indent=4, sort_keys=True),
    "header last": lambda d: json.dumps(_reordered(d), indent=2),
    "header last, one line": lambda d: json.dumps(_reordered(d)),
    "byte-order mark": lambda d: "\ufeff" + json.dumps(d, indent=1),
    "tabs and CRLF": lambda d: json.dumps(d, indent="\t").replace("\n", "\r\n"),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_reformatted_save_is_listed_with_its_own_header(
    saved: tuple[dict, Path], tmp_path: Path, variant: str
) -> None:
    doc, _ = saved
    path = tmp_path / "edited.json"
    path.write_text(VARIANTS[variant](doc), encoding="utf-8")
    # The header is past the first 4 KB in some variants, and the record before it holds
    # other turns: the list must not take those for the save's turn.
    assert load_match(path).world.turn == 3  # the game itself loads it
    info = peek_save(path)
    assert info.error == ""
    assert (info.scenario, info.turn, info.last_turn) == ("kosovo", 3, 24)
    assert info.title == doc["world"]["title"]
    assert [i.path.name for i in list_saves(tmp_path)] == ["edited.json"]


def test_the_header_of_a_save_as_written_is_read_from_its_first_bytes(
    saved: tuple[dict, Path], tmp_path: Path
) -> None:
    _, path = saved
    text = path.read_text(encoding="utf-8")
    assert len(text) > 64 * 1024
    # Everything past the first 16 KB spoiled: the header is still read from the beginning.
    spoiled = tmp_path / "spoiled.json"
    spoiled.write_text(text[: 16 * 1024] + "x" * (len(text) - 16 * 1024 - 1) + "}")
    header = read_header(spoiled)
    assert header == {
        "format": "continuum-save",
        "version": 2,
        "scenario": "kosovo",
        "turn": 3,
        "ended": False,
        "title": json.loads(text)["world"]["title"],
        "last_turn": 24,
    }


def test_what_is_not_a_save_is_called_so_and_a_cut_save_is_cut_short(
    saved: tuple[dict, Path], tmp_path: Path
) -> None:
    doc, _ = saved
    pretty = json.dumps(_reordered(doc), indent=2)
    cases = {
        "other.json": ('{"hello": "world"}', "not a Continuum save"),
        "list.json": ("[1, 2, 3]", "not a Continuum save"),
        "cut.json": (pretty[: len(pretty) // 2], "cut short"),
        "newer.json": (pretty.replace('"version": 2', '"version": 99'), "newer version"),
    }
    for name, (text, _) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for name, (_, said) in cases.items():
        assert said in peek_save(tmp_path / name).error, name
    with pytest.raises(SaveError) as e:
        read_header(tmp_path / "list.json")
    assert e.value.key == "not_save"


def test_a_header_with_a_value_of_the_wrong_type_says_what_loading_says(
    saved: tuple[dict, Path], tmp_path: Path
) -> None:
    doc, _ = saved
    bad = dict(doc, turn="3")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, indent=2), encoding="utf-8")
    with pytest.raises(SaveError) as e:
        load_match(path)
    info = peek_save(path)
    assert info.error and info.turn is None
    assert "turn" in str(e.value) and "turn" in info.error


def test_a_finished_match_is_listed_as_ended_and_its_header_must_agree(tmp_path: Path) -> None:
    """The list says which saved matches are over ("Ended after turn 18 of 18") from the
    header alone; a save from before the header said so lists by its turn; a header that
    contradicts the world inside is refused on loading, as a wrong turn is."""
    match = LocalMatch.start(load_scenario(ROOT / "scenarios" / "financial.json"), [], seed=2)
    match.save(tmp_path / "going.json")
    while not match.world.ended:
        match.resolve()
    match.save(tmp_path / "over.json")
    last = match.world.last_turn
    assert read_header(tmp_path / "over.json")["ended"] is True
    assert read_header(tmp_path / "going.json")["ended"] is False
    over, going = peek_save(tmp_path / "over.json"), peek_save(tmp_path / "going.json")
    assert over.ended and not going.ended
    i18n.set_language("es")
    try:
        assert progress(over) == f"Terminó tras el turno {match.world.turn} de {last}"
        assert progress(going) == f"Turno 1 de {last}"
    finally:
        i18n.set_language("en")
    assert progress(over) == f"Ended after turn {match.world.turn} of {last}"
    # a save written before the header said so: listed by its turn, loaded as before
    doc = json.loads((tmp_path / "over.json").read_text(encoding="utf-8"))
    old = {k: v for k, v in doc.items() if k != "ended"}
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    assert "ended" not in read_header(tmp_path / "old.json")
    assert not peek_save(tmp_path / "old.json").ended
    assert load_match(tmp_path / "old.json").world.ended
    # a header that says the match goes on, over a world that has ended
    (tmp_path / "lie.json").write_text(json.dumps(dict(doc, ended=False)), encoding="utf-8")
    with pytest.raises(SaveError) as e:
        load_match(tmp_path / "lie.json")
    assert "lie.json" in str(e.value) and "ended" in str(e.value)
