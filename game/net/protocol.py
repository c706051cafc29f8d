"""Every message between a seminar host and a student's client: one module defines them all.

Each message is a JSON object with a ``type`` (which message it is) and ``v``, the protocol
version (``PROTOCOL_VERSION``) the sender speaks. Both ends validate what they receive against
these models, so a message that does not fit is refused with its reason and nothing else
happens. ``docs/protocol.schema.json`` is their JSON Schema (``continuum schema --protocol``).

**Client to host**

- ``hello``: the first message of every connection: the join code of a seat (``code``) and the
  student's name as the team sees it (``name``).
- ``draft_add``, ``draft_remove``, ``draft_replace``: change the seat's draft (an order, the
  index of one, the whole list); every order is checked by the engine.
- ``submit``: the seat is done with this turn (``turn``: the turn the client believes it is in,
  so a submit meant for a turn already played is refused, not applied to the next).
- ``chat``: a message to one seat (``to``: its id), to a group of seats (``to``: a list of
  ids) or to everyone (``to``: ``"all"``). The teacher's console sees every message.
- ``ping``: the host answers ``pong`` with the same ``n``.

**Console to host** (the teacher's console: every message but ``console_hello`` needs the
connection to have said ``console_hello`` with the console token first)

- ``console_hello``: the console token the host printed. A wrong one is refused, and a
  connection that keeps trying is dropped (as wrong join codes are).
- ``pause``: ``paused`` true stops the turn timer and holds the turn (students may go on
  drafting and submitting; nothing resolves); false starts them again.
- ``set_timer``: ``seconds`` for each turn (0: no timer) and what becomes of a seat that has
  not submitted when it runs out (``on_timeout``: ``"ai"`` gives its orders to the AI for this
  turn, ``"hold"`` hands in its draft as it stands). The timer starts over for the turn in
  progress.
- ``resolve_now``: resolve the turn now; seats that have not submitted are treated as the
  timer's ``on_timeout`` says.
- ``reassign``: the seat gets a new join code (in the next ``console_status``); clients on the
  old code are disconnected; the seat stays people's (its draft is kept for whoever joins).
- ``free_seat``: the seat goes back to the AI; its clients are disconnected; its code still
  works (a late student may take it over again).
- ``remove_client``: disconnect one client (``client``: its number in ``console_status``).
- ``end_match``: end the match now; every client receives ``ended``.
- ``play_card``: deal one of the scenario's teacher cards (``card``) to a seat (``seat``).


**Host to client**

- ``welcome``: the seat this client plays, the world as that seat may see it (``view``,
  without its rules), the rules as that seat may read them (``rules``, sent once: they never
  change in a match), its legal orders, its draft, whether it has submitted, and every report
  of the match so far as that seat may read it (a client reconnecting finds the match where it
  stands).
- ``refused``: the reason one message of this client's was refused (``about``: which type).
  The connection goes on. The reason is in English (``reason``) and as a message key with its
  arguments (``key``, ``args``: ``game/net/refusals.py``), for the client to say it in its
  player's language; so is an ``error``'s.
- ``draft``: the seat's draft as it stands now, sent to every client of the seat (a team sees
  each other's changes), with who changed it and whether the seat has submitted.
- ``turn``: a turn resolved: the seat's part of the report and its new view (without rules:
  the client puts back the ones its welcome brought, ``with_rules``; ``rules_digest`` says
  which) and legal orders.
- ``message``: a chat message for this client (from a seat, to it, its seat or everyone).
- ``ended``: the match is over: the whole world, nothing secret any more (for the debrief).
- ``error``: the host is closing this connection, and why (a flood, a slow reader, shutdown).
- ``pong``: the answer to ``ping``.

**Host to console**

- ``console_welcome``: the token was right: the match's title, the public view (the
  projector's: no seat's secrets), every report and every message so far, the teacher cards
  the scenario offers, and a ``console_status``.
- ``console_status``: every seat (its join code, whether people claimed it, its connected
  clients, whether it has submitted), the turn, pause and timer; sent on every change.
- ``console_turn``: a turn resolved: the public report and public view (without rules).
- ``message`` (every chat message), ``ended``, ``refused``, ``error`` and ``pong`` as above.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue, TypeAdapter, ValidationError

from game.engine import Order, TurnReport, World
from game.engine.model import Id
from game.engine.say import from_data, said_as
from game.engine.scenario import Rules

PROTOCOL_VERSION = 5  # 5: refused and error carry their reason's message key and arguments
# 3: the welcome names the seats people play (whom chat reaches)
# 2: rules sent once (welcome), not with every turn; the console

# A join code: what a student types, read from the projector. No 0/O or 1/I/L to confuse.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
MAX_ORDERS = 200  # a draft longer than this is not a draft
MAX_TEXT = 1000  # characters of a chat message

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:continuum:schema:protocol:3"


def version_sentence(theirs: object) -> str:
    """What a client of another protocol version is told, in one sentence."""
    return (
        f"This host speaks protocol {PROTOCOL_VERSION}; your game speaks {theirs}: update the game"
    )


class Message(BaseModel):
    """Base of every message: unknown fields are refused, ``v`` is the protocol version."""

    model_config = ConfigDict(extra="forbid")

    v: int = Field(PROTOCOL_VERSION, description="The protocol version the sender speaks.")


Name = Annotated[str, Field(min_length=1, max_length=40)]

# ---- client to host ------------------------------------------------------------------------


class Hello(Message):
    """The first message of a connection: which seat (its join code) and who is at it."""

    type: Literal["hello"] = "hello"
    code: str = Field(
        min_length=1, max_length=32, description="The seat's join code, as the host printed it."
    )
    name: Name = Field("student", description="The student's name, as the team sees it.")


class DraftAdd(Message):
    """Add an order to the seat's draft (a card answer or vote replaces the earlier one)."""

    type: Literal["draft_add"] = "draft_add"
    order: Order


class DraftRemove(Message):
    """Take the ``index``-th order out of the seat's draft."""

    type: Literal["draft_remove"] = "draft_remove"
    index: int = Field(ge=0, lt=MAX_ORDERS)


class DraftReplace(Message):
    """Make ``orders`` the whole of the seat's draft."""

    type: Literal["draft_replace"] = "draft_replace"
    orders: list[Order] = Field(max_length=MAX_ORDERS)


class Submit(Message):
    """The seat is done with turn ``turn``."""

    type: Literal["submit"] = "submit"
    turn: int = Field(ge=1, description="The turn the client is submitting for.")


MAX_GROUP = 40  # seats in a group message

Recipient = Id | Annotated[list[Id], Field(min_length=1, max_length=MAX_GROUP)]


class Chat(Message):
    """A message to one seat, a group of seats or everyone."""

    type: Literal["chat"] = "chat"
    to: Recipient = Field(description="A seat's id, a list of seats' ids (a group), or \"all\".")
    text: str = Field(min_length=1, max_length=MAX_TEXT)


class Ping(Message):
    """Is the host there? It answers ``pong`` with the same ``n``."""

    type: Literal["ping"] = "ping"
    n: int = Field(0, ge=0, le=2**31)


# ---- console to host ---------------------------------------------------------------------


class ConsoleHello(Message):
    """The first message of the teacher's console: the console token."""

    type: Literal["console_hello"] = "console_hello"
    token: str = Field(min_length=1, max_length=100)


class Pause(Message):
    """Hold the turn and its timer (``paused``), or let them go on."""

    type: Literal["pause"] = "pause"
    paused: bool


OnTimeout = Literal["ai", "hold"]


class SetTimer(Message):
    """A timer for each turn (0: none) and what becomes of a seat that has not submitted."""

    type: Literal["set_timer"] = "set_timer"
    seconds: int = Field(ge=0, le=24 * 3600)
    on_timeout: OnTimeout = "hold"


class ResolveNow(Message):
    """Resolve the turn now, as if its timer had run out."""

    type: Literal["resolve_now"] = "resolve_now"


class Reassign(Message):
    """A new join code for ``seat``; clients on the old one are disconnected."""

    type: Literal["reassign"] = "reassign"
    seat: Id


class FreeSeat(Message):
    """``seat`` goes back to the AI; its clients are disconnected."""

    type: Literal["free_seat"] = "free_seat"
    seat: Id


class RemoveClient(Message):
    """Disconnect client number ``client``."""

    type: Literal["remove_client"] = "remove_client"
    client: int = Field(ge=0)


class EndMatch(Message):
    """End the match now."""

    type: Literal["end_match"] = "end_match"


class PlayCard(Message):
    """Deal the teacher card ``card`` to ``seat``."""

    type: Literal["play_card"] = "play_card"
    card: Id
    seat: Id


ClientMessage = Annotated[
    Hello
    | DraftAdd
    | DraftRemove
    | DraftReplace
    | Submit
    | Chat
    | Ping
    | ConsoleHello
    | Pause
    | SetTimer
    | ResolveNow
    | Reassign
    | FreeSeat
    | RemoveClient
    | EndMatch
    | PlayCard,
    Field(discriminator="type"),
]
ConsoleAction = (
    Pause | SetTimer | ResolveNow | Reassign | FreeSeat | RemoveClient | EndMatch | PlayCard
)

# ---- host to client ------------------------------------------------------------------------


class Welcome(Message):
    """The seat is this client's: everything it needs to play it from where the match stands."""

    type: Literal["welcome"] = "welcome"
    seat: Id
    name: Name
    turn: int
    state_id: int = Field(description="Moves every time the host's world does.")
    view: World = Field(
        description="The world as this seat may know it (the engine's view), without its rules."
    )
    rules: Rules = Field(description="The rules as this seat may read them (``with_rules``).")
    rules_digest: str = Field(description="The digest of ``rules``: turns name the rules by it.")
    legal: list[Order] = Field(description="Every order the seat may give this turn.")
    draft: list[Order]
    points_left: int
    submitted: bool = Field(description="Whether the seat has handed in this turn's orders.")
    reports: list[TurnReport] = Field(description="Every turn's report, as this seat may read it.")
    ended: bool
    people: list[Id] = Field(
        default_factory=list,
        description="The seats the class gives to people (a join code each, or played by one): "
        "whom a chat message can reach. Empty from a host that does not say.",
    )


class Reasoned(Message):
    """A message that says why (``refused``, ``error``): in English, and as a message key with
    its arguments for a screen to say in its player's language."""

    reason: str = Field(description="Why, in English.")
    key: str = Field(
        "",
        description="The reason's message key ('net.…' for the host's own, "
        "game/net/refusals.py; an engine sentence's key when the engine refused an order), for a "
        "screen to say it in its player's language; '' when it has none.",
    )
    args: dict[str, JsonValue] = Field(
        default_factory=dict,
        description="The key's arguments: names as their translations, nested sentences as "
        "{key, args}.",
    )

    def said(self) -> str:
        """The reason as the engine keeps a sentence it said (a ``Said``: English, with its key
        and arguments, which ``game.ui.i18n.reason`` translates); without a key, the English."""
        if not self.key:
            return self.reason
        return said_as(self.reason, self.key, {k: from_data(v) for k, v in self.args.items()})


class Refused(Reasoned):
    """One message of this client's was refused; nothing else happened and the connection goes
    on."""

    type: Literal["refused"] = "refused"
    about: str = Field(description="The type of the refused message (or 'frame').")


class DraftState(Message):
    """The seat's draft as it stands, sent to every client of the seat."""

    type: Literal["draft"] = "draft"
    seat: Id
    turn: int
    orders: list[Order]
    points_left: int
    submitted: bool
    by: str = Field(description="The name of whoever changed it last ('' for the host).")


class TurnResolved(Message):
    """A turn resolved: the seat's part of its report, and the new turn as the seat sees it."""

    type: Literal["turn"] = "turn"
    seat: Id
    report: TurnReport
    turn: int = Field(description="The turn now being drafted.")
    state_id: int
    view: World = Field(description="The seat's new view, without rules (``with_rules``).")
    rules_digest: str = Field(description="The digest of the rules the welcome brought.")
    legal: list[Order]
    points_left: int
    ended: bool


class ChatMessage(Message):
    """A chat message for this client."""

    type: Literal["message"] = "message"
    sender: Id = Field(description="The seat that sent it.")
    name: Name = Field(description="Who at that seat sent it.")
    to: Recipient = Field(description='The seat it was sent to, the group\'s seats, or "all".')
    text: str


class Ended(Message):
    """The match is over: the whole world, every mission and score, for the debrief."""

    type: Literal["ended"] = "ended"
    outcome: World


class Error(Reasoned):
    """The host is closing this connection, and why."""

    type: Literal["error"] = "error"


class Pong(Message):
    """The answer to ``ping``."""

    type: Literal["pong"] = "pong"
    n: int


# ---- host to console -----------------------------------------------------------------------


class ClientInfo(BaseModel):
    """One connected client, as the console lists it."""

    id: int
    name: str


class SeatStatus(BaseModel):
    """One seat, as the console lists it."""

    seat: Id
    code: str = Field(description="Its join code ('' for a seat without one).")
    claimed: bool = Field(description="People play it (else the AI does).")
    in_match: bool = Field(description="Still in the match (a conquered state is not).")
    clients: list[ClientInfo]
    submitted: bool


class ConsoleStatus(Message):
    """Where the class stands: every seat, the turn, pause and timer."""

    type: Literal["console_status"] = "console_status"
    turn: int
    state_id: int
    ended: bool
    paused: bool
    timer: int = Field(description="Seconds a turn may take (0: no timer).")
    on_timeout: OnTimeout
    remaining: float | None = Field(description="Seconds left on this turn's timer, or None.")
    seats: list[SeatStatus]


class TeacherCard(BaseModel):
    """A card the console may play."""

    id: Id
    title: str


class ConsoleWelcome(Message):
    """The console is in: the match as the projector shows it."""

    type: Literal["console_welcome"] = "console_welcome"
    title: str
    view: World = Field(description="The public view (no seat's secrets), with its rules.")
    reports: list[TurnReport] = Field(description="Every turn's public report.")
    messages: list[ChatMessage]
    cards: list[TeacherCard] = Field(description="The scenario's teacher deck.")
    status: ConsoleStatus


class ConsoleTurn(Message):
    """A turn resolved, as the projector shows it."""

    type: Literal["console_turn"] = "console_turn"
    report: TurnReport
    view: World = Field(description="The new public view, without rules (``with_rules``).")


HostMessage = Annotated[
    Welcome
    | Refused
    | DraftState
    | TurnResolved
    | ChatMessage
    | Ended
    | Error
    | Pong
    | ConsoleWelcome
    | ConsoleStatus
    | ConsoleTurn,
    Field(discriminator="type"),
]

_CLIENT: TypeAdapter[Any] = TypeAdapter(ClientMessage)
_HOST: TypeAdapter[Any] = TypeAdapter(HostMessage)


class BadMessage(ValueError):
    """A message that cannot be taken: ``reason`` says why, in a sentence for the sender;
    ``about`` is its type when it was readable (else ``"frame"``)."""

    def __init__(self, reason: str, about: str = "frame", version: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.about = about
        self.version = version  # refused for its protocol version


def _explain(e: ValidationError, kind: object) -> str:
    """The first few problems of a validation error, each as ``where: what``."""
    parts = []
    for err in e.errors()[:3]:
        loc = err["loc"][1:] if err["loc"][:1] == (kind,) else err["loc"]
        where = ".".join(str(x) for x in loc)
        parts.append(f"{where}: {err['msg']}" if where else err["msg"])
    more = len(e.errors()) - len(parts)
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def _parse(raw: str | bytes, adapter: TypeAdapter[Any]) -> Any:
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as e:
        raise BadMessage(f"not JSON: {e}") from None
    if not isinstance(data, dict):
        raise BadMessage("not a message: a message is a JSON object with a 'type'")
    kind = data.get("type")
    about = kind if isinstance(kind, str) and len(kind) <= 40 else "frame"
    version = data.get("v", PROTOCOL_VERSION)
    if version != PROTOCOL_VERSION:
        shown = (
            version if isinstance(version, int | float | str) and len(str(version)) < 20 else "?"
        )
        raise BadMessage(version_sentence(shown), about, version=True)
    try:
        return adapter.validate_python(data)
    except ValidationError as e:
        if isinstance(kind, str) and "union_tag_invalid" in {x["type"] for x in e.errors()}:
            raise BadMessage(f"no such message type: {kind[:40]!r}", about) from None
        raise BadMessage(f"{about}: {_explain(e, kind)}", about) from None


def parse_client_message(raw: str | bytes) -> ClientMessage:
    """The client's message in ``raw``; ``BadMessage`` says why it is refused (not JSON, not a
    message, another protocol version, a field that does not fit)."""
    return _parse(raw, _CLIENT)


def parse_host_message(raw: str | bytes) -> HostMessage:
    """The host's message in ``raw`` (what a client reads); ``BadMessage`` as above."""
    return _parse(raw, _HOST)


def without_rules(view: World) -> World:
    """A copy of ``view`` with empty rules: what a turn carries (the rules went once)."""
    return view.model_copy(update={"rules": Rules()})


def with_rules(view: World, rules: Rules) -> World:
    """``view`` as the engine needs it: with the ``rules`` the welcome brought."""
    whole = view.model_copy(update={"rules": rules})
    # answers worked out from the rules-less world (legal moves) are not this world's
    object.__setattr__(whole, "__pydantic_private__", {"_geo": None})
    return whole


def reaches(to: str | list[str], seat: str) -> bool:
    """Whether a message sent ``to`` is for ``seat``."""
    return to == "all" or to == seat or (isinstance(to, list) and seat in to)


def encode(message: Message) -> str:
    """The message as it goes on the wire."""
    return message.model_dump_json()


def protocol_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of every message, both ways."""
    schema = TypeAdapter(ClientMessage | HostMessage).json_schema(ref_template="#/$defs/{model}")
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": f"Continuum seminar protocol {PROTOCOL_VERSION}",
        "description": (
            "Every message between a seminar host and a student's client, either way: a JSON "
            "object whose 'type' says which message it is and 'v' the protocol version. "
            "Generated from game/net/protocol.py by `continuum schema --protocol`."
        ),
        **schema,
    }
