"""The files the game reads at start never stop it: a settings file or a seats memory that is
broken, however deeply nested, gives the defaults; one bad setting falls back alone."""

from __future__ import annotations

from pathlib import Path

import pytest

import game.paths
from game.ui.settings import ALL, Settings, load_settings, read_settings
from game.ui.widgets.seat_picker import remember_seats, remembered_seats


def test_deeply_nested_settings_give_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    settings, problems = read_settings(path)
    assert settings == Settings() and problems == [ALL]
    assert path.read_text(encoding="utf-8") == "[" * 100_000  # left where it was


def test_one_bad_setting_falls_back_alone(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"ui_scale": 900, "language": "es", "muted": true}', encoding="utf-8")
    settings, problems = read_settings(path)
    assert settings.ui_scale == Settings().ui_scale
    assert settings.language == "es" and settings.muted
    assert problems == ["ui_scale"]


@pytest.mark.parametrize("text", ["[1, 2]", '"just a string"', "{not json", ""])
def test_settings_that_are_not_a_table_give_the_defaults(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    assert load_settings(path) == Settings()


def test_no_settings_file_is_no_problem(tmp_path: Path) -> None:
    assert read_settings(tmp_path / "none.json") == (Settings(), [])


def test_a_broken_seats_memory_is_forgotten_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(game.paths, "user_data_dir", lambda: tmp_path)
    (tmp_path / "seats.json").write_text("[" * 100_000, encoding="utf-8")
    assert remembered_seats("kosovo") is None
    remember_seats("kosovo", ["servia"])  # writes a fresh memory over the broken one
    assert remembered_seats("kosovo") == ["servia"]


def test_the_main_menu_says_once_that_settings_were_set_aside() -> None:
    from game.ui.scenes.menu import MainMenu
    from tests.uikit import frames, make_app

    app = make_app()
    app.notices = ["ui_scale"]
    app.push(MainMenu(app))
    frames(app)
    menu = app.scene
    assert menu.modal is not None and "ui_scale" in menu.modal.text
    assert app.notices == []  # said once
