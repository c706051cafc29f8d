"""The match's one random generator, kept as a single integer inside the world state.

SplitMix64: tiny state (so copying a world for look-ahead costs nothing extra), good statistical
quality for a game, and the same sequence on every platform.
"""

from __future__ import annotations

MASK = (1 << 64) - 1


def seed_state(seed: int) -> int:
    return seed & MASK


def next_u64(state: int) -> tuple[int, int]:
    """Returns (new state, 64 random bits)."""
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def mix(*parts: int) -> int:
    """A seed derived from several integers (for the AI's private generators)."""
    state = 0
    for p in parts:
        state, out = next_u64((state ^ (p & MASK)) & MASK)
        state = out
    return state


class Rng:
    """A generator over an integer state; the world holds the state, this only steps it."""

    __slots__ = ("state",)

    def __init__(self, state: int) -> None:
        self.state = state & MASK

    def random(self) -> float:
        self.state, out = next_u64(self.state)
        return (out >> 11) * (1.0 / (1 << 53))

    def randint(self, n: int) -> int:
        """A uniform integer in [0, n)."""
        if n <= 0:
            raise ValueError("randint needs n > 0")
        return int(self.random() * n)

    def choice_weighted(self, weights: list[float]) -> int:
        total = sum(weights)
        if total <= 0:
            return self.randint(len(weights))
        x = self.random() * total
        acc = 0.0
        for i, w in enumerate(weights):
            acc += w
            if x < acc:
                return i
        return len(weights) - 1
