"""The player's settings, kept in the user's config folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.atomic import write_atomic
from game.content.jsonio import not_a_file

LANGUAGES = ("en", "es")
SIZES = ((1280, 720), (1600, 900), (1920, 1080))


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")  # a newer version's keys are not an error

    width: Annotated[int, Field(ge=1024, le=7680)] = 1280
    height: Annotated[int, Field(ge=600, le=4320)] = 720
    fullscreen: bool = False
    ui_scale: Annotated[int, Field(ge=100, le=200)] = 100  # percent
    palette: Literal["standard", "colorblind"] = "standard"
    sound_volume: Annotated[float, Field(ge=0, le=1)] = 0.7
    music_volume: Annotated[float, Field(ge=0, le=1)] = 0.4
    muted: bool = False
    language: Literal["en", "es"] = "en"

    @property
    def scale(self) -> float:
        return self.ui_scale / 100


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir("continuum", appauthor=False)) / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; defaults where there are none or they cannot be read (a broken file
    is left where it is, never overwritten until the player saves new settings)."""
    return read_settings(path)[0]


def read_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The saved settings and the names of those that could not be used (``ALL``: the whole
    file). A file that cannot be read or parsed (however deeply nested) gives the defaults; a
    setting out of range, or of the wrong kind, falls back to its default alone."""
    path = path or settings_path()
    try:
        if not_a_file(path):  # a pipe would be waited on forever
            return Settings(), [ALL]
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), []
    except (OSError, ValueError, RecursionError):
        return Settings(), [ALL]
    if not isinstance(data, dict):
        return Settings(), [ALL]
    try:
        return Settings.model_validate(data), []
    except ValidationError as e:
        bad = sorted({str(err["loc"][0]) for err in e.errors() if err["loc"]})
        try:
            return Settings.model_validate({k: v for k, v in data.items() if k not in bad}), bad
        except ValidationError:
            return Settings(), [ALL]


ALL = "*"


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically: a crash mid-write keeps the previous settings."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, settings.model_dump_json(indent=2).encode("utf-8"))
