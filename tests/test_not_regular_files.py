"""Something that exists but is not a regular file (a named pipe, a device, a link, a folder) is
never opened to read (a pipe would hang the game) and never replaced by a save."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.content import load_scenario
from game.content.jsonio import JsonReadError, not_a_file, read_limited
from game.content.loader import check_scenario
from game.session.local import LocalMatch
from game.session.saves import SaveError, load_match
from game.ui.settings import ALL, Settings, read_settings

MINI = Path(__file__).parent / "fixtures" / "mini.json"


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def test_a_pipe_is_said_for_what_it_is_and_never_opened(fifo: Path) -> None:
    assert not_a_file(fifo) == "a named pipe (FIFO)"
    with pytest.raises(JsonReadError, match="named pipe"):
        read_limited(fifo, 1024)  # returns at once: opening it would wait for a writer
    scenario, problems = check_scenario(fifo)
    assert scenario is None and "named pipe" in str(problems[0])
    with pytest.raises(SaveError, match="named pipe"):
        load_match(fifo)
    assert read_settings(fifo) == (Settings(), [ALL])


def test_a_device_or_folder_is_said_for_what_it_is(tmp_path: Path) -> None:
    assert not_a_file(Path("/dev/null")) == "a device"
    assert not_a_file(tmp_path) == "a folder"
    assert not_a_file(MINI) == ""


@pytest.mark.parametrize("kind", ["fifo", "link", "folder"])
def test_a_save_never_replaces_what_is_not_a_save_file(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "save.json"
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "link":
        target.symlink_to(precious)
    else:
        target.mkdir()
    local = LocalMatch.start(load_scenario(MINI), ["castria"], seed=1)
    with pytest.raises(SaveError, match="not a save file"):
        local.save(target)
    assert precious.read_text() == "keep me"
    assert target.is_symlink() if kind == "link" else target.exists()


def test_the_command_line_says_what_a_path_is(fifo: Path, tmp_path: Path) -> None:
    from game.cli import main
    from game.writable import cannot_write

    assert cannot_write(fifo) is not None and "not a regular file" in cannot_write(fifo)
    link = tmp_path / "link.json"
    link.symlink_to(MINI)
    assert "not a regular file" in (cannot_write(link) or "")
    assert cannot_write(tmp_path / "new.json") is None
    assert main(["validate", str(fifo)]) != 0  # returns at once, naming the pipe
