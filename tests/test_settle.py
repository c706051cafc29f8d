"""settle(): what is loaded for good leaves the collector's passes; what comes later is still
collected."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from game.session.settle import settle


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


@pytest.fixture
def settled() -> Iterator[list]:
    loaded = [Node() for _ in range(3)]  # alive when the program settles
    settle()
    yield loaded
    gc.unfreeze()


def test_what_was_alive_is_left_out_of_later_passes(settled: list) -> None:
    tracked = {id(o) for o in gc.get_objects()}
    assert not any(id(node) in tracked for node in settled)
    assert gc.get_freeze_count() > 0


def test_garbage_made_afterwards_is_still_collected(settled: list) -> None:
    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle: only the collector can free it
    gone = weakref.ref(a)
    del a, b
    gc.collect()
    assert gone() is None
