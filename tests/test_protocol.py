"""The seminar protocol (game/net/protocol.py): every message a versioned model, what does not
validate refused with its reason, and docs/protocol.schema.json the schema the models generate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine import Order
from game.net.protocol import (
    PROTOCOL_VERSION,
    BadMessage,
    Chat,
    DraftAdd,
    DraftReplace,
    Hello,
    Pong,
    Refused,
    Submit,
    encode,
    parse_client_message,
    parse_host_message,
    protocol_schema,
)

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "docs" / "protocol.schema.json"
REGENERATE = "python -m game schema --protocol > docs/protocol.schema.json"


def refused(raw: str | bytes) -> BadMessage:
    with pytest.raises(BadMessage) as caught:
        parse_client_message(raw)
    return caught.value


def test_client_messages_round_trip() -> None:
    order = Order(actor="castria", action="repress", target="highlanders")
    for message in (
        Hello(code="ABC234", name="Ana"),
        DraftAdd(order=order),
        DraftReplace(orders=[order]),
        Submit(turn=3),
        Chat(to="all", text="hello"),
    ):
        wire = encode(message)
        assert json.loads(wire)["v"] == PROTOCOL_VERSION
        assert parse_client_message(wire) == message
        assert parse_client_message(wire.encode()) == message  # a binary frame too


def test_host_messages_parse() -> None:
    assert parse_host_message(encode(Pong(n=4))) == Pong(n=4)
    assert parse_host_message(encode(Refused(about="x", reason="y"))).reason == "y"


def test_not_json_is_refused_with_its_reason() -> None:
    e = refused("{nope")
    assert e.reason.startswith("not JSON") and e.about == "frame"
    assert "not JSON" in refused(b"\xff\xfe").reason
    assert "JSON object" in refused("[1, 2]").reason


def test_another_version_is_told_in_one_sentence() -> None:
    e = refused(json.dumps({"type": "hello", "v": PROTOCOL_VERSION + 1, "code": "X"}))
    assert e.version and e.reason == (
        f"This host speaks protocol {PROTOCOL_VERSION}; your game speaks "
        f"{PROTOCOL_VERSION + 1}: update the game"
    )
    # Whatever shape a future hello takes, the version is read first.
    assert refused(json.dumps({"type": "hello", "v": 9, "token": [1]})).version


def test_what_does_not_validate_says_where() -> None:
    assert refused('{"type": "fly"}').reason == "no such message type: 'fly'"
    assert refused('{"type": "hello"}').reason == "hello: code: Field required"
    e = refused('{"type": "draft_add", "order": {"actor": "castria", "action": "fly"}}')
    assert e.about == "draft_add" and e.reason.startswith("draft_add: order.action:")
    assert "extra" in refused('{"type": "ping", "n": 1, "evil": true}').reason.lower()
    assert refused(json.dumps({"type": "chat", "to": "all", "text": "x" * 5000})).about == "chat"
    assert refused('{"type": "submit", "turn": 0}').about == "submit"


def test_schema_file_is_up_to_date() -> None:
    expected = json.dumps(protocol_schema(), indent=2) + "\n"
    assert SCHEMA_FILE.is_file() and SCHEMA_FILE.read_text(encoding="utf-8") == expected, (
        f"docs/protocol.schema.json is not what the models generate now. Regenerate it from "
        f"the repo root with:\n    {REGENERATE}\nand commit it."
    )


def test_schema_names_every_message_both_ways() -> None:
    schema = protocol_schema()
    tags = set()
    for union in schema["anyOf"]:
        tags |= set(union["discriminator"]["mapping"])
    assert tags == {
        *("hello", "draft_add", "draft_remove", "draft_replace", "submit", "chat", "ping"),
        *("welcome", "refused", "draft", "turn", "message", "ended", "error", "pong"),
        *("console_hello", "pause", "set_timer", "resolve_now", "reassign", "free_seat"),
        *("remove_client", "end_match", "play_card"),
        *("console_welcome", "console_status", "console_turn"),
    }
