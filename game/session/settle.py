"""Keeping what is loaded for good out of the garbage collector's way.

A match allocates and frees thousands of small objects a turn (each world is a fresh copy), and
Python's collector, besides its cheap passes over young objects, now and then walks every object
alive: the program's code, pydantic's schemas and the scenario's cards and conditions, some 45,000
objects that live as long as the program does. Such a full pass took ~11 ms about every hundred
turns of kosovo (about 6 % of the engine's time, and a dropped frame on screen). ``settle()``
moves everything alive at that moment into the collector's permanent generation, which its passes
skip; objects made later are collected as before. Call it once, when the program and its
scenario are loaded (the game at its start, a study once its scenario is read).
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect what is already garbage, then leave everything still alive out of later passes."""
    gc.collect()
    gc.freeze()
