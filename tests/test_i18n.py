"""Interface strings: Spanish covers every English key, and the English action texts are the
engine's own (game/engine/orders.ACTIONS), so a changed formula cannot leave a stale preview."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.engine.orders import ACTIONS

ROOT = Path(__file__).resolve().parent.parent
EN = ROOT / "assets" / "i18n" / "en"
ES = ROOT / "assets" / "i18n" / "es"
FILES = sorted(p.name for p in EN.glob("*.json"))


def load(path: Path) -> dict[str, str]:
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_screen_has_strings_in_both_languages() -> None:
    assert FILES, "no interface strings found"
    assert sorted(p.name for p in ES.glob("*.json")) == FILES


@pytest.mark.parametrize("name", FILES)
def test_spanish_has_every_english_key_with_the_same_placeholders(name: str) -> None:
    en, es = load(EN / name), load(ES / name)
    assert sorted(en) == sorted(es), set(en) ^ set(es)
    for key, text in en.items():
        assert set(re.findall(r"\{(\w+)", text)) == set(re.findall(r"\{(\w+)", es[key])), key


def test_english_action_labels_and_previews_are_the_engines() -> None:
    strings = {k: v for name in FILES for k, v in load(EN / name).items()}
    for action, spec in ACTIONS.items():
        if f"match.preview.{action}" in strings:
            assert strings[f"match.preview.{action}"] == spec.preview, action
        if f"match.action.{action}" in strings:
            assert strings[f"match.action.{action}"] == spec.label, action
