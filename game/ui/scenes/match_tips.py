"""Where the match screen's figure tooltips go. pygame_gui puts a tooltip under the pointer
wherever there is room, so a map or bar tooltip could cover the side panel, the header or the
tutorial's box it explains; these keep it over the map, off what it must not hide."""

from __future__ import annotations

import pygame


def place(
    size: tuple[int, int],
    anchor: pygame.Rect,
    room: pygame.Rect,
    avoid: list[pygame.Rect],
    gap: int = 8,
) -> pygame.Rect:
    """A rect of ``size`` inside ``room`` (clamped when it is larger), near ``anchor`` and off
    it, overlapping ``avoid`` as little as it can. Candidates: below the anchor, above it, to
    its right, to its left, then the room's corners."""
    w, h = size
    cands = [
        pygame.Rect(anchor.centerx - w // 2, anchor.bottom + gap, w, h),
        pygame.Rect(anchor.centerx - w // 2, anchor.top - gap - h, w, h),
        pygame.Rect(anchor.right + gap, anchor.centery - h // 2, w, h),
        pygame.Rect(anchor.left - gap - w, anchor.centery - h // 2, w, h),
        pygame.Rect(room.left, room.top, w, h),
        pygame.Rect(room.right - w, room.top, w, h),
        pygame.Rect(room.left, room.bottom - h, w, h),
        pygame.Rect(room.right - w, room.bottom - h, w, h),
    ]
    best: tuple[int, int, pygame.Rect] | None = None
    for i, c in enumerate(cands):
        c = c.clamp(room)
        c.topleft = (max(c.left, room.left), max(c.top, room.top))  # larger than the room
        cost = sum(_area(c.clip(r)) for r in [*avoid, anchor])
        if best is None or (cost, i) < best[:2]:
            best = (cost, i, c)
        if cost == 0:
            break
    assert best is not None
    return best[2]


def _area(r: pygame.Rect) -> int:
    return r.w * r.h
