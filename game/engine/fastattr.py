"""Fast attribute reads on the game's models under CPython 3.11.

CPython 3.11 specializes an attribute read (``state.wealth``) only for a class without
``__getattr__`` (3.12 specializes it either way: CPython gh-93911). pydantic's ``BaseModel``
defines ``__getattr__`` for one purpose: to serve private attributes (``_x = PrivateAttr()``)
and extra fields when an attribute is not in the instance's ``__dict__``. No model in this game
relies on it: they forbid or ignore extra fields, and they read their private state through
``__pydantic_private__`` itself (``World.geo``, ``Rules.card``). So on 3.11 the game removes
that fallback once, at import, and every read of a model's field in the turn loop takes 3.11's
fast path: a kosovo turn (baseline AI on every seat, then ``resolve``) ~8 % faster, the rules
and every digest unchanged. A private attribute read as ``model._x`` then raises
AttributeError, which the tests would show at once.
"""

from __future__ import annotations

import sys

from pydantic import BaseModel


def fast_attribute_reads() -> bool:
    """Remove ``BaseModel.__getattr__`` where it costs (CPython before 3.12); idempotent.
    Returns whether the models read attributes without the fallback."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if "__getattr__" in vars(BaseModel):
        del BaseModel.__getattr__
    return True
