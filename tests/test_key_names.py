"""One word for a key in each language: the Spanish key caps say "Intro", as the tutorial's
steps and every tooltip do, and no Spanish text says "Enter"."""

from __future__ import annotations

import re

import pygame

from game.ui import i18n
from game.ui.scenes.menu import draw_keycap, hints_width
from tests.uikit import make_app


def test_spanish_names_the_enter_key_intro_everywhere() -> None:
    table = i18n._table("es")
    said_enter = [k for k, v in table.items() if re.search(r"\bEnter\b", v)]
    assert said_enter == []
    i18n.set_language("es")
    try:
        assert i18n.key_name("Enter") == "Intro"
        assert i18n.t("tutorial.hint.next").startswith(i18n.key_name("Enter"))
        assert "Intro" in i18n.t("tutorial.read_hint")
        assert i18n.key_name("Esc") == "Esc"  # a key without a translation keeps its name
    finally:
        i18n.set_language("en")
    assert i18n.key_name("Enter") == "Enter"


def test_the_key_cap_is_drawn_with_the_languages_word() -> None:
    app = make_app()
    font = app.font(12, True)
    surface = pygame.Surface((200, 40))
    widths = {}
    for lang in ("en", "es"):
        i18n.set_language(lang)
        try:
            widths[lang] = draw_keycap(surface, app, "Enter", 0, 0)
            assert hints_width(app, [(("Enter",), "x")]) >= widths[lang]
        finally:
            i18n.set_language("en")
    # the cap holds its word: "Intro" in Spanish, "Enter" in English
    assert widths["es"] == max(app.s(20), font.size("Intro")[0] + app.s(10))
    assert widths["en"] == max(app.s(20), font.size("Enter")[0] + app.s(10))
