"""``say`` writes each template through a %-format made once: the same English as
``str.format`` for every template, whatever its arguments (names, messages, figures, tables)."""

from __future__ import annotations

from string import Formatter

import pytest

from game.engine.names import Name
from game.engine.say import TEMPLATES, Said, _form, say


def _fields(template: str) -> list[str]:
    return [f for _, f, _, _ in Formatter().parse(template) if f is not None]


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_every_template_says_what_str_format_says(key: str) -> None:
    template = TEMPLATES[key]
    kinds = [
        lambda i: f"plain {i} 50% {{x}}",
        lambda i: Name(f"Name {i}", {"es": f"Nombre {i}"}),
        lambda i: say("war_between", a=Name(f"A{i}"), b="B"),
    ]
    for kind in kinds:
        args = {f: kind(i) for i, f in enumerate(_fields(template))}
        said = say(key, **args)
        assert type(said) is Said and said.key == key
        assert str(said) == template.format(**args)
        assert said.args == args
    if _fields(template):  # a table of translations is said in English
        args = {f: {"en": f"en {f}", "es": f"es {f}"} for f in _fields(template)}
        assert str(say(key, **args)) == template.format(**{f: f"en {f}" for f in args})


def test_a_template_percent_cannot_say_keeps_str_format() -> None:
    assert _form("{x:.1f} of {y[0]}") % {"x": 1.25, "y": ["a"]} == "1.2 of a"
    assert _form("100% of {who} {{braces}}") % {"who": "all"} == "100% of all {braces}"
