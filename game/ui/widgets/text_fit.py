"""Text that fits its box without cutting a word: wrapped at spaces, and a word too long for
the whole width ends in an ellipsis (the full text then belongs in a tooltip)."""

from __future__ import annotations

import pygame

ELLIPSIS = "…"


def fitting_prefix(text: str, font: pygame.font.Font, width: int, suffix: str = "") -> int:
    """The length of the longest prefix of ``text`` that, with ``suffix``, fits ``width`` pixels.
    Doubling then halving: it measures only prefixes up to twice the answer, so a long unbroken
    word costs O(n log n), not the O(n^3) of trimming a character at a time."""

    def fits(n: int) -> bool:
        return font.size(text[:n].rstrip() + suffix)[0] <= width

    hi = 1
    while hi < len(text) and fits(hi):
        hi *= 2
    hi = min(hi, len(text))
    if fits(hi):
        return hi
    lo = hi // 2  # fits (or is 0)
    while lo < hi - 1:
        mid = (lo + hi) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid
    return lo


def ellipsized(text: str, font: pygame.font.Font, width: int) -> str:
    """``text`` if it fits, else as much of it as fits followed by an ellipsis."""
    if font.size(text)[0] <= width:
        return text
    return text[: fitting_prefix(text, font, width, ELLIPSIS)].rstrip() + ELLIPSIS


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
