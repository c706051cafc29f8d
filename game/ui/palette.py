"""Colours: the standard palette and a colour-blind-safe one (Okabe–Ito), chosen in Settings.

Scenes never hard-code a colour: they ask the palette, so the colour-blind setting reaches the
map, the charts and the continuum bar alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Colour = tuple[int, int, int]


def hex_colour(value: str) -> Colour:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
OKABE_ITO: tuple[Colour, ...] = (
    (230, 159, 0),
    (86, 180, 233),
    (0, 158, 115),
    (240, 228, 66),
    (0, 114, 178),
    (213, 94, 0),
    (204, 121, 167),
    (153, 153, 153),
)


@dataclass(frozen=True)
class Palette:
    name: str
    background: Colour = (14, 20, 28)
    panel: Colour = (24, 33, 44)
    panel_border: Colour = (62, 81, 102)
    text: Colour = (232, 237, 242)
    muted: Colour = (150, 165, 180)
    accent: Colour = (255, 209, 102)
    good: Colour = (95, 191, 143)
    bad: Colour = (224, 102, 102)
    sea: Colour = (22, 42, 62)
    border: Colour = (12, 16, 22)
    criteria: dict[str, Colour] = field(default_factory=dict)
    arrangements: tuple[Colour, ...] = ()
    actors_override: tuple[Colour, ...] = ()

    def actor_colour(self, index: int, own: str) -> Colour:
        """An actor's map colour: its scenario colour, or a safe one in colour-blind mode."""
        if self.actors_override:
            return self.actors_override[index % len(self.actors_override)]
        return hex_colour(own)

    def theme_overrides(self) -> dict[str, dict[str, str]]:
        a = "#{:02x}{:02x}{:02x}".format(*self.accent)
        return {"#title": {"normal_text": a}, "#heading": {"normal_text": a}}


STANDARD = Palette(
    name="standard",
    criteria={
        "peace": (95, 168, 211),
        "justice": (255, 209, 102),
        "pluralism": (95, 191, 143),
        "freedom": (224, 122, 95),
    },
    arrangements=(
        (142, 68, 173),
        (176, 82, 128),
        (96, 111, 196),
        (63, 160, 150),
        (102, 170, 102),
        (190, 170, 80),
        (196, 96, 64),
    ),
)

COLORBLIND = Palette(
    name="colorblind",
    accent=(240, 228, 66),
    good=(0, 158, 115),
    bad=(213, 94, 0),
    criteria={
        "peace": (86, 180, 233),
        "justice": (240, 228, 66),
        "pluralism": (0, 158, 115),
        "freedom": (213, 94, 0),
    },
    arrangements=(
        (0, 114, 178),
        (86, 180, 233),
        (0, 158, 115),
        (153, 153, 153),
        (240, 228, 66),
        (230, 159, 0),
        (213, 94, 0),
    ),
    actors_override=OKABE_ITO,
)


def palette_for(name: str) -> Palette:
    return COLORBLIND if name == "colorblind" else STANDARD
