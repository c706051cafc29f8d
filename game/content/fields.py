"""Which model describes a given place in a document, read off the pydantic annotations.

The checker uses it to name the fields a misspelt key could have meant and to find every
player-facing text, without a hand-kept list that would drift from the models.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from game.engine.names import NameText
from game.engine.scenario import Text

from .locate import Elem

TEXT_TYPE = get_args(Text)[0]
NAME_TYPE = get_args(NameText)[0]
_DISCRIMINATORS = ("type", "kind")


def _unwrap(tp: Any) -> Any:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    return tp


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _tag_matches(model: type[BaseModel], node: dict) -> bool:
    for disc in _DISCRIMINATORS:
        f = model.model_fields.get(disc)
        if f is not None and get_origin(f.annotation) is Literal and disc in node:
            return node[disc] in get_args(f.annotation)
    return False


def choose(tp: Any, node: object) -> Any:
    """The concrete type that ``node`` is read as, where ``tp`` may be a union."""
    tp = _unwrap(tp)
    if get_origin(tp) not in (Union, types.UnionType):
        return tp
    options = [_unwrap(a) for a in get_args(tp)]
    if isinstance(node, dict):
        models = [m for m in options if _is_model(m)]
        if len(models) == 1:
            return models[0]
        for m in models:
            if _tag_matches(m, node):
                return m
        for o in options:
            if get_origin(o) is dict:
                return o
        return None
    if isinstance(node, list):
        return next((o for o in options if get_origin(o) in (list, tuple)), None)
    return next((o for o in options if o is not type(None)), None)


def model_fields_by_key(model: type[BaseModel]) -> dict[str, Any]:
    """The keys a file may use for this model (aliases where there are any) -> annotation.
    A field's own discriminator (pydantic keeps it apart from the annotation) is put back."""
    return {
        (f.alias or name): Annotated[f.annotation, f] if f.discriminator else f.annotation
        for name, f in model.model_fields.items()
    }


def tag_field(tp: Any) -> str | None:
    """The discriminator key (``type``, ``kind``) if ``tp`` is a tagged union of models."""
    while get_origin(tp) is Annotated:
        for meta in get_args(tp)[1:]:
            disc = getattr(meta, "discriminator", None)
            if isinstance(disc, str):
                return disc
        tp = get_args(tp)[0]
    return None


def child(tp: Any, key: Elem) -> Any:
    """The declared type of ``key`` inside a value of concrete type ``tp`` (None if unknown)."""
    if _is_model(tp):
        return model_fields_by_key(tp).get(key) if isinstance(key, str) else None
    origin = get_origin(tp)
    args = get_args(tp)
    if origin is list and args and isinstance(key, int):
        return args[0]
    if origin is tuple and args and isinstance(key, int):
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
        return args[key] if key < len(args) else None
    if origin is dict and len(args) == 2:
        return args[1]
    return None


def model_at(root: type[BaseModel], doc: object, elems: tuple[Elem, ...]) -> type[BaseModel] | None:
    """The model that the object at ``elems`` is validated against, if it is one."""
    tp: Any = root
    node = doc
    for e in elems:
        tp = choose(tp, node)
        if tp is None:
            return None
        tp = child(tp, e)
        try:
            node = node[e]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    tp = choose(tp, node)
    return tp if _is_model(tp) else None


def declared_at(root: type[BaseModel], doc: object, elems: tuple[Elem, ...]) -> Any:
    """The annotation declared for the value at ``elems`` (before any union is resolved)."""
    if not elems:
        return root
    parent_tp: Any = root
    node = doc
    for e in elems[:-1]:
        parent_tp = child(choose(parent_tp, node), e)
        try:
            node = node[e]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
        if parent_tp is None:
            return None
    concrete = choose(parent_tp, node)
    return None if concrete is None else child(concrete, elems[-1])


def walk_typed(
    root: type[BaseModel], doc: object
) -> Iterator[tuple[tuple[Elem, ...], object, Any]]:
    """Every value with its path and declared annotation; values the models don't describe
    (unknown keys) are skipped. Iterative: the document's depth is already bounded."""
    stack: list[tuple[tuple[Elem, ...], object, Any]] = [((), doc, root)]
    while stack:
        elems, node, declared = stack.pop()
        yield elems, node, declared
        if not isinstance(node, dict | list):
            continue
        concrete = choose(declared, node)
        if concrete is None:
            continue
        if isinstance(node, dict):
            for key, value in reversed(list(node.items())):
                tp = child(concrete, key)
                if tp is not None:
                    stack.append(((*elems, key), value, tp))
        elif get_origin(concrete) is list:  # one item type for all: worked out once
            tp = child(concrete, 0)
            if tp is not None:
                stack.extend(((*elems, i), node[i], tp) for i in range(len(node) - 1, -1, -1))
        else:
            for i in range(len(node) - 1, -1, -1):
                tp = child(concrete, i)
                if tp is not None:
                    stack.append(((*elems, i), node[i], tp))


def is_text(annotation: Any) -> bool:
    """Player-facing text: a scenario text or a name, each a string or a translation table."""
    return annotation == TEXT_TYPE or is_name(annotation)


def is_name(annotation: Any) -> bool:
    """The name of an actor, region, group or corporation."""
    return annotation == NAME_TYPE
