"""Played with the keyboard alone, as a player without a mouse would: every step of the tutorial
and every screen of a hot-seat match can be reached with Tab, Enter, the arrows, E, M, 1-3, Esc."""

from __future__ import annotations

import pygame
import pytest

from game.ui.scenes import tutorial as T
from tests.uikit import frames, key, make_app

ARROWS = (pygame.K_RIGHT, pygame.K_DOWN, pygame.K_LEFT, pygame.K_UP)


class KeyWalker:
    """Walks the tutorial with keys only: no click, no pointer."""

    def __init__(self, app, tut: T.TutorialScene) -> None:
        self.app, self.tut = app, tut
        self.arrow = 0

    def tab_to(self, prefix: str) -> None:
        inner = self.tut.inner
        for _ in range(120):
            if (inner.focus_key or "").startswith(prefix):
                key(self.app, pygame.K_RETURN)
                return
            key(self.app, pygame.K_TAB)
        raise AssertionError(f"Tab never reaches {prefix} at {self.tut.step_id()}")

    def act(self) -> None:
        tut, app = self.tut, self.app
        step, inner = tut.step, tut.inner
        kind = T._kind(inner)
        if step.wait == "read" or tut.done:
            key(app, pygame.K_RETURN)
        elif step.wait == "bar":
            assert "pick_bar" in tut.key_hints()  # the box says how, without a mouse
            key(app, pygame.K_RIGHT)
        elif step.wait == "region":
            assert "pick_region" in tut.key_hints()
            if not inner.map.focused:
                key(app, pygame.K_m)
            else:  # look around the map: one way while it leads somewhere, then turn
                before = inner.map.selected
                key(app, ARROWS[self.arrow % 4])
                if inner.map.selected == before:
                    self.arrow += 1
        elif kind == "report" or (kind == "match" and inner.modal is not None):
            key(app, pygame.K_RETURN)  # the report's Continue; the question's first answer
        elif step.wait in ("answer", "end_turn") and self._unanswered(inner):
            key(app, pygame.K_2)
            self.tab_to(f"opt:{self._unanswered_key(inner)}:")
        elif step.wait == "order":
            key(app, pygame.K_1)
            self.tab_to("order:")
        elif step.wait == "end_turn":
            key(app, pygame.K_e)
        else:
            raise AssertionError(f"stuck at {step} on {type(inner).__name__}")

    @staticmethod
    def _unanswered_key(inner) -> str | None:
        answered = {o.target for o in inner.draft if o.action == "choose"}
        return next((h.key for h in inner._hand() if h.key not in answered), None)

    def _unanswered(self, inner) -> bool:
        return self._unanswered_key(inner) is not None


@pytest.mark.parametrize(("scale", "lang"), [(200, "es")])
def test_the_tutorial_walks_start_to_end_with_the_keyboard_alone(
    menu, scale: int, lang: str
) -> None:
    app = make_app(ui_scale=scale, language=lang)
    app.push(menu(app))
    tut = T.TutorialScene(app)
    app.push(tut)
    frames(app, 2)
    walker = KeyWalker(app, tut)
    for _ in range(400):
        if app.scene is not tut:
            break
        walker.act()
    assert app.scene is not tut, f"the keyboard walk did not end; visited {tut.visited}"
    assert tut.visited[-1] == "finish"
