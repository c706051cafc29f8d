"""A tooltip wraps at a width that grows with the UI scale, as its font does: at 200 % the seat
toggle's tooltip in New match read one or two words a line in a sliver at the window's edge."""

from __future__ import annotations

import pygame
import pygame_gui
import pytest

from tests.uikit import hover, make_app

TIP = (
    "Switches between a person at this computer and the AI (Enter or Space): a sentence long "
    "enough to wrap."
)


def _tooltip_near_the_right_edge(scale: int) -> pygame.Rect:
    size = (1280 * scale // 100, 720 * scale // 100)
    app = make_app(size=size, ui_scale=scale)
    try:
        w = app.s(90)
        button = pygame_gui.elements.UIButton(
            pygame.Rect(size[0] - w - app.s(4), app.s(200), w, app.s(30)),
            "AI",
            app.manager,
            tool_tip_text=TIP,
        )
        hover(app, button.rect.center, frames=90)
        tips = [
            e
            for e in app.manager.ui_group.sprites()
            if isinstance(e, pygame_gui.elements.UITooltip)
        ]
        assert tips, "no tooltip"
        rect = tips[0].rect
        assert pygame.Rect((0, 0), size).contains(rect), rect
        return rect
    finally:
        pygame.mouse.set_pos((0, 0))


@pytest.mark.parametrize("scale", [100, 200])
def test_a_tooltip_is_as_wide_as_its_scale_makes_it(scale: int) -> None:
    rect = _tooltip_near_the_right_edge(scale)
    assert rect.w >= 200 * scale // 100, rect
