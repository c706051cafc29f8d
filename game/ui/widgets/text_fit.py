"""Text that fits its box without cutting a word: wrapped at spaces, and a word too long for
the whole width ends in an ellipsis (the full text then belongs in a tooltip)."""

from __future__ import annotations

import pygame

ELLIPSIS = "…"


def ellipsized(text: str, font: pygame.font.Font, width: int) -> str:
    """``text`` if it fits, else as much of it as fits followed by an ellipsis."""
    if font.size(text)[0] <= width:
        return text
    cut = len(text)
    while cut > 0 and font.size(text[:cut].rstrip() + ELLIPSIS)[0] > width:
        cut -= 1
    return text[:cut].rstrip() + ELLIPSIS


def wrap_words(text: str, font: pygame.font.Font, width: int, max_lines: int = 0) -> list[str]:
    """Lines no wider than ``width``, broken only between words; at most ``max_lines`` when
    given (the last one ends in an ellipsis if text was left over)."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split():
            trial = f"{line} {word}" if line else word
            if font.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            line = ellipsized(word, font, width)
        lines.append(line)
    if max_lines and len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], ellipsized(rest + ELLIPSIS, font, width)]
    return lines


def was_cut(text: str, lines: list[str]) -> bool:
    """Whether ``lines`` lost any of ``text`` (an ellipsis was needed)."""
    return any(line.endswith(ELLIPSIS) and not text.endswith(ELLIPSIS) for line in lines)
