"""What the host tells a client it will not do, or why it closes the connection: message keys
with their English templates here. A ``refused`` or ``error`` message carries the English
sentence (``reason``, what logs and tools read) and its key and arguments, so a student's or a
teacher's screen says it in its player's language from the same translation tables as the
engine's sentences and the AI's reasons (``assets/i18n/<lang>/engine.json``, keys
``engine.net.…``; ``game.ui.i18n.said``). Every key starts with ``net.``: none shadows an
engine message. A name among the arguments keeps its translations (``Name``), a figure is a
figure.
"""

from __future__ import annotations

from typing import Any

from game.engine.say import Said, said_as

TEMPLATES: dict[str, str] = {
    # a message the host will not take (``refused``)
    "net.rate": "too many messages: at most {rate} a second; the ones over are dropped",
    "net.too_big": "too big: {size} bytes, at most {limit} in a message",
    "net.stopped": "the host has stopped: {why}",
    "net.console_only": "only the teacher's console may do that",
    "net.hello_first": "say hello first, with your seat's join code",
    "net.already_plays": "this connection already plays {seat}",
    "net.is_console": "this connection is the teacher's console",
    "net.wrong_code": "no seat has the join code “{code}”",
    "net.gone": "{seat} is no longer in the match",
    "net.not_recorded": "the host could not record it: {why}",
    "net.ended": "the match has ended",
    "net.submitted": "your seat has submitted this turn: its orders are in",
    "net.no_order": "the draft has no order number {index}",
    "net.not_your_seat": "not your seat: you play {seat}, not {other}",
    "net.out_of_turn": "out of turn: the match is at turn {turn}",
    "net.already_submitted": "already submitted: {seat}'s orders for turn {turn} are in",
    "net.no_seat": "no seat named {seat} in this match",
    "net.console_twice": "this connection has said hello already",
    "net.wrong_token": "that is not this host's console token",
    "net.no_client": "no client number {client}",
    "net.no_card": "no teacher card named {card} in this scenario",
    "net.holds_card": "{seat} holds that card already",
    # why the host closes a connection (``error``)
    "net.flood": "too many messages: this connection is closed",
    "net.wrong_codes": "too many wrong join codes: this connection is closed",
    "net.wrong_tokens": "too many wrong console tokens: this connection is closed",
    "net.host_stopped": "the host stopped: {why}",
    "net.host_closed": "the host has stopped",
    "net.new_code": "the teacher gave your seat a new join code",
    "net.to_ai": "the teacher handed your seat to the AI",
    "net.removed": "the teacher removed this connection",
    # why the match ended, when the teacher ended it (the world's ``end_reason``)
    "net.ended_by_teacher": "The teacher ended the match.",
}


def said(key: str, **args: Any) -> Said:
    """The host's sentence ``key`` in English, remembering its key and arguments (as the
    engine's ``say`` does): what ``refused`` and ``error`` carry."""
    return said_as(TEMPLATES[key].format(**{k: str(v) for k, v in args.items()}), key, args)


def in_languages(key: str) -> dict[str, str]:
    """A sentence without arguments in every language the game speaks (a world's
    ``end_texts``: the debrief of a class in Spanish says why the match ended in Spanish)."""
    from game.ui import i18n  # plain Python string tables: no pygame
    from game.ui.settings import LANGUAGES

    return {lang: i18n.said(TEMPLATES[key], key, {}, lang) for lang in LANGUAGES}
