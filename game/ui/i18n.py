"""Interface strings in English and Spanish, from assets/i18n/<lang>/*.json.

Each screen keeps its strings in its own file (menu.json, match.json, …); keys are dotted
(``menu.new_match``). A key missing in Spanish falls back to English, and a key missing in
English shows the key itself, so a gap is visible, never a crash.
"""

from __future__ import annotations

import json
from functools import cache

from game.paths import install_root

_lang = "en"


def set_language(lang: str) -> None:
    global _lang
    _lang = lang if lang in ("en", "es") else "en"


def language() -> str:
    return _lang


@cache
def _table(lang: str) -> dict[str, str]:
    table: dict[str, str] = {}
    folder = install_root() / "assets" / "i18n" / lang
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            table.update({str(k): str(v) for k, v in data.items()})
    return table


def t(key: str, **values: object) -> str:
    """The string for ``key`` in the current language, with ``{name}`` fields filled in."""
    text = _table(_lang).get(key) or _table("en").get(key) or key
    if values:
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return text
    return text
