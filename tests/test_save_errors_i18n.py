"""A save that fails is told in the player's language: on the match screen (Save), in the
turn report (the autosave), and on the Load screen (the list and the dialog). The command line
keeps the English message with the file's path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import game.paths
from game.content import load_scenario
from game.session.local import LocalMatch
from game.session.saves import SaveError, load_match
from game.ui import i18n
from game.ui.scenes.load import LoadScene
from game.ui.scenes.match import MatchScene
from game.ui.scenes.report import ReportScene
from tests.uikit import frames, make_app

MINI = Path(__file__).parent / "fixtures" / "mini.json"
SEAT = "castria"
ENGLISH = ("could not be written", "File exists", "not a Continuum save", "newer version")


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_language("en")


def blocked(tmp_path: Path) -> Path:
    """A file where the saves folder should be: nothing can be written under it."""
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the saves folder should be", encoding="utf-8")
    return blocker


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "could not be written: File exists"), ("es", "no se pudo escribir el archivo")],
)
def test_the_report_tells_the_failed_autosave_in_the_players_language(
    tmp_path: Path, lang: str, said: str
) -> None:
    local = LocalMatch.start(
        load_scenario(MINI), [SEAT], seed=1, autosave=blocked(tmp_path) / "autosave.json"
    )
    report = local.submit(SEAT)
    assert report is not None and local.autosave_error
    assert "could not be written" in local.autosave_error  # the English stays for the CLI
    app = make_app(language=lang)
    scene = ReportScene(app, local, report, SEAT)
    app.push(scene)
    frames(app)
    assert said in scene.header_text
    if lang == "es":
        assert "ya hay un archivo" in scene.header_text  # the system's reason, in Spanish too
        assert not any(e in scene.header_text for e in ENGLISH)
    assert str(local.autosave) in scene.header_text  # where to look, to mend it


@pytest.mark.parametrize(
    ("lang", "said"), [("en", "could not be written"), ("es", "no se pudo escribir el archivo")]
)
def test_save_from_the_match_screen_fails_in_the_players_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    monkeypatch.setattr(game.paths, "saves_dir", lambda: blocked(tmp_path) / "saves")
    local = LocalMatch.start(load_scenario(MINI), [SEAT], seed=1)
    app = make_app(language=lang)
    scene = MatchScene(app, local, SEAT)
    app.push(scene)
    frames(app)
    scene.save()
    assert scene.modal == "message" and said in scene.modal_text
    if lang == "es":
        assert not any(e in scene.modal_text for e in ENGLISH)


def write_saves(folder: Path) -> dict[str, Path]:
    """A good save turned into three bad ones a player may meet."""
    folder.mkdir(parents=True, exist_ok=True)
    good = folder / "good.json"
    LocalMatch.start(load_scenario(MINI), [SEAT], seed=1).save(good)
    doc = json.loads(good.read_text(encoding="utf-8"))
    newer = dict(doc, version=99)
    invalid = json.loads(json.dumps(doc))
    invalid["world"]["turn"] = "two"
    out = {"newer": folder / "newer.json", "invalid": folder / "invalid.json"}
    out["newer"].write_text(json.dumps(newer), encoding="utf-8")
    out["invalid"].write_text(json.dumps(invalid), encoding="utf-8")
    out["damaged"] = folder / "damaged.json"
    out["damaged"].write_text('{"format": "continuum-save", "version": 2,\n  oops}', "utf-8")
    return out


SPANISH = {
    "newer": "guardada por una versión más reciente de Continuum",
    "invalid": "la partida guardada está dañada",
    "damaged": "el archivo está dañado",
}


@pytest.mark.parametrize("kind", sorted(SPANISH))
def test_the_load_screen_says_what_is_wrong_in_spanish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    monkeypatch.setattr(game.paths, "saves_dir", lambda: tmp_path / "saves")
    path = write_saves(tmp_path / "saves")[kind]
    app = make_app(language="es")
    load = LoadScene(app)
    app.push(load)
    frames(app)
    load.open(path)
    frames(app)
    assert load.loaded is None
    shown = load.modal.text
    assert SPANISH[kind] in shown and path.name in shown
    assert str(path.parent) not in shown  # the file by its name, not the whole path
    assert SPANISH[kind] in load.errors[path]  # the list says it beside the file too
    with pytest.raises(SaveError) as raised:  # the command line still reads English
        load_match(path)
    assert str(path) in str(raised.value) and SPANISH[kind] not in str(raised.value)


def test_the_load_screen_keeps_its_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(game.paths, "saves_dir", lambda: tmp_path / "saves")
    paths = write_saves(tmp_path / "saves")
    app = make_app(language="en")
    load = LoadScene(app)
    app.push(load)
    frames(app)
    load.open(paths["newer"])
    assert "saved by a newer version of Continuum" in load.modal.text
    load.open(paths["invalid"])
    assert "world.turn" in load.errors[paths["invalid"]]  # English players keep the detail


def test_the_line_and_column_of_a_damaged_save_in_spanish(tmp_path: Path) -> None:
    path = write_saves(tmp_path / "saves")["damaged"]
    with pytest.raises(SaveError) as raised:
        load_match(path)
    i18n.set_language("es")
    assert "(línea 2, columna" in i18n.save_error(raised.value, path)
