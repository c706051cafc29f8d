"""A student's seat in a class match: ``RemoteMatch``, a ``Session`` whose host is on another
computer, spoken to over websockets (``game/net/protocol.py``).

The screens drive it exactly as they drive a ``LocalMatch`` (``game/session/interface.py``),
and the frame never waits on the network:

- **Two threads.** The websocket lives in a background thread running its own asyncio loop
  (``game.net.link``): it connects, says hello with the join code, reads and validates every
  message (a big world is parsed there, not in a frame) and hands it to the screen's thread
  through a queue. The screen's thread takes what has arrived whenever it asks the session anything
  (``pump``), so every answer comes from what the client already holds: the seat's view, its
  legal orders, its draft, its reports. Nothing else of the session is touched by the
  background thread.
- **Drafting.** ``add``/``remove``/``replace`` check the order with the engine's own
  ``check_orders`` on the seat's view, change the draft here at once and send the change; the
  host checks it again and sends the seat's draft back to every client of the seat (a team sees
  each other's changes). A change the host refuses puts the host's draft back, and the reason
  is news for the screen.
- **Submitting.** ``submit`` sends the seat's orders and returns ``None``: the turn resolves
  on the host when every seat is in. Until then ``current_seat()`` is ``None`` and
  ``waiting_for_others`` is true; the turn's report arrives as a message and ``state_id``
  moves. The match's end brings the whole world (``outcome``) for the debrief.
- **The host going away.** A connection that drops (a sleeping laptop, the Wi-Fi, the host
  restarting) is tried again with the same code, waiting longer each time (``BACKOFF``). The
  draft stays here meanwhile and can still be changed; once the host welcomes the seat back,
  a draft it does not have is sent again, and so is a submit it never received. A turn that
  resolved meanwhile arrives with the welcome.
- **What cannot be played.** A wrong code, a host that cannot be reached, something that is not
  a Continuum host, or a host of another protocol version end the session before it starts:
  ``failure`` says which, in a form a screen can put in the player's language.

``Connected`` (``game/session/interface.py``) is the little more a screen may ask of a session
whose host is elsewhere: whether the seat waits for the others, the link, the news, ``close``.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.engine import Order, TurnReport, World, check_orders, view
from game.engine.orders import ACTIONS
from game.engine.scenario import Rules
from game.session.interface import ChatLine
from game.session.saves import SaveError

from .link import AddressError, Failure, Link, Lost, parse_address
from .protocol import (
    MAX_TEXT,
    Chat,
    ChatMessage,
    DraftAdd,
    DraftRemove,
    DraftReplace,
    DraftState,
    Ended,
    Hello,
    Message,
    Refused,
    Submit,
    TurnResolved,
    Welcome,
    encode,
    with_rules,
)

__all__ = ["AddressError", "Failure", "News", "RemoteMatch", "parse_address"]

MAX_NAME = 40


@dataclass(frozen=True)
class News:
    """Something a screen should say in one line: ``kind`` is ``refused`` (the host refused a
    change; ``text``: its reason), ``mate`` (a team mate changed the draft; ``text``: who),
    ``lost`` (the host went away; trying again), ``back`` (the host took the seat back) or
    ``failed`` (the session cannot go on; ``text``: why)."""

    kind: str
    text: str = ""


def chat_line(turn: int, m: ChatMessage) -> ChatLine:
    """A message as the screens show it; ``to`` may be a seat, ``"all"`` or (protocol 2) a
    group of seats."""
    to: object = m.to
    seats = () if to == "all" else (to,) if isinstance(to, str) else tuple(to)  # type: ignore[arg-type]
    return ChatLine(turn, m.sender, m.name, seats, m.text)


class RemoteMatch:
    """A student's seat on a host elsewhere, behind the ``Session`` interface (see the module's
    docstring). ``RemoteMatch.join`` starts connecting and returns at once; ``status`` is
    ``connecting`` until the host welcomes the seat (``playing``) or says why not
    (``failed``, ``failure``)."""

    def __init__(self, address: str, code: str, name: str = "student") -> None:
        self.uri = parse_address(address)
        self.address = address.strip()
        self.code = code.strip()
        self.name = (name.strip() or "student")[:MAX_NAME]
        self.status = "connecting"
        self.failure: Failure | None = None
        self.link = "connecting"  # "up", "down" (trying again), "closed"
        self.seat = ""
        self._people: list[str] = []  # the seats the class gives to people (the welcome says)
        self._chat: list[ChatLine] = []  # chat received, its own echoed back included
        self._chat_refused: tuple[int, str] | None = None
        self.messages_read = 0  # how many of them the student has seen (a screen sets it)
        self._chatting = False  # the last message sent was chat
        self._inbox: queue.Queue[Any] = queue.Queue()
        self._news: list[News] = []
        self._news_id = 0
        self._view: World | None = None
        self._views: dict[str | None, World] = {}
        self._legal: list[Order] = []
        self._draft: list[Order] = []
        self._host_draft: list[Order] = []
        self._submitted = False  # the host has the seat's orders for this turn
        self._want_submit = False  # the student ended the turn; the host has not said so yet
        self._turn = 0
        self._reports: list[TurnReport] = []
        self._outcome: World | None = None
        self._ended = False
        self._held: Welcome | TurnResolved | None = None  # the last turn, until its ``ended``
        self._rules: Rules | None = None  # the seat's rules: the welcome brings them once
        self._moves = 0
        self._unacked = 0  # draft changes sent that the host has not answered
        self._unsynced = False  # the draft changed while the host could not hear it
        hello = Hello(code=self.code[:32] or "-", name=self.name)
        self._link = Link(self.uri, encode(hello), self._inbox)

    @classmethod
    def join(cls, address: str, code: str, name: str = "student") -> RemoteMatch:
        """Start joining ``address`` with the seat's join ``code``; returns at once.
        ``AddressError`` when the address cannot be one."""
        match = cls(address, code, name)
        match._link.start_and_wait()
        return match

    # ---- taking what has arrived -----------------------------------------------------------

    def pump(self, timeout: float = 0.0) -> bool:
        """Take every message that has arrived (waiting up to ``timeout`` seconds for the
        first); whether any did. Every other method calls it with no wait."""
        got = False
        while True:
            try:
                if timeout > 0 and not got:
                    item = self._inbox.get(timeout=timeout)
                else:
                    item = self._inbox.get_nowait()
            except queue.Empty:
                return got
            got = True
            self._take(item)

    def wait(self, until: Any, timeout: float = 10.0) -> bool:
        """Pump until ``until()`` holds or ``timeout`` seconds pass (for the command line and
        tests; a screen never waits); whether it holds."""
        end = time.monotonic() + timeout
        self.pump()
        while not until():
            left = end - time.monotonic()
            if left <= 0:
                return bool(until())
            self.pump(min(left, 0.1))
        return True

    def _take(self, item: Any) -> None:
        # Protocol 2: a turn's view comes without the rules (they never change in a match);
        # the welcome brought them, and every view here is whole again.
        if isinstance(item, Welcome):
            self._rules = item.rules
            item = item.model_copy(update={"view": with_rules(item.view, item.rules)})
        elif isinstance(item, TurnResolved) and self._rules is not None:
            item = item.model_copy(update={"view": with_rules(item.view, self._rules)})
        if isinstance(item, Welcome):
            self._welcome(item)
        elif isinstance(item, DraftState):
            self._draft_state(item)
        elif isinstance(item, Refused):
            self._refused(item)
        elif isinstance(item, TurnResolved):
            if item.ended:
                self._held = item  # the whole world follows: the end is shown with it
            else:
                self._new_turn(item.turn, item.view, item.legal, [*self._reports, item.report])
        elif isinstance(item, Ended):
            self._end(item.outcome)
        elif isinstance(item, ChatMessage):
            self._chat.append(chat_line(self._turn, item))
        elif isinstance(item, Lost):
            self._lost(item.reason)
        elif isinstance(item, Failure):
            self._failed(item)

    def _tell(self, news: News) -> None:
        self._news.append(news)
        self._news_id += 1

    def _welcome(self, w: Welcome) -> None:
        first = self._view is None
        # a welcome while the link was up is the host's news (a teacher card played onto the
        # seat), not a return after a drop: no "back with the host" for it
        returning = not first and self.link != "up"
        self.seat = w.seat
        self.link = "up"
        self._people = list(w.people)
        if w.ended:
            self._held = w  # the whole world follows it
            return
        if first or w.turn != self._turn:
            self._new_turn(w.turn, w.view, w.legal, list(w.reports))
            self._draft = list(w.draft)
            self._submitted = w.submitted
        else:  # back in the same turn: what the host holds, and what it missed
            # (and the view, when the world moved: a teacher card played onto the seat comes as a
            # welcome; the world's id counter moves with every card dealt)
            if self._view is None or w.view.counter != self._view.counter:
                self._view, self._views, self._legal = w.view, {}, list(w.legal)
                self._moves += 1
            self._reports = list(w.reports)
            self._submitted = w.submitted
            if w.submitted:
                self._draft, self._want_submit = list(w.draft), False
            elif self._unsynced and self._draft != list(w.draft):
                self._send(DraftReplace(orders=list(self._draft)))
            else:
                self._draft = list(w.draft)
            if self._want_submit and not w.submitted:
                self._send(Submit(turn=self._turn))
        self._host_draft = list(w.draft)
        self._unsynced = False
        self.status = "playing"
        if returning:
            self._tell(News("back"))

    def _new_turn(self, turn: int, seen: World, legal: list[Order], reports: list[TurnReport]):
        self._turn, self._view, self._views = turn, seen, {}
        self._legal, self._reports = list(legal), reports
        self._draft, self._host_draft = [], []
        self._submitted = self._want_submit = self._unsynced = False
        self._unacked = 0
        self._moves += 1

    def _end(self, outcome: World) -> None:
        held, self._held = self._held, None
        if self._ended:  # welcomed back after the end: nothing moved
            self._outcome = outcome
            return
        if isinstance(held, TurnResolved):
            self._new_turn(held.turn, held.view, [], [*self._reports, held.report])
        elif isinstance(held, Welcome):
            first = self._view is None
            self._new_turn(held.turn, held.view, [], list(held.reports))
            self.status = "playing"
            if not first:
                self._tell(News("back"))
        elif not self._ended:
            self._moves += 1
        self._outcome, self._ended = outcome, True

    def _draft_state(self, d: DraftState) -> None:
        if d.turn != self._turn or d.seat != self.seat:
            return
        self._host_draft = list(d.orders)
        self._submitted = d.submitted
        if d.submitted:
            self._want_submit = False
        mine = d.by == self.name
        if mine and self._unacked:
            self._unacked -= 1
        if self._unacked == 0 and not self._unsynced:
            self._draft = list(self._host_draft)  # what the host holds, once all is answered
        if not mine and d.by and not d.submitted:
            self._tell(News("mate", d.by))  # a screen shows the team's change

    def _refused(self, r: Refused) -> None:
        reason = r.said()  # English, with its key for the screen to translate
        if r.about.startswith("draft_"):
            self._unacked = max(0, self._unacked - 1)
            if self._unacked == 0:
                self._draft = list(self._host_draft)  # the host's draft stands
        elif r.about == "submit":
            self._want_submit = False
        elif r.about == "chat" or (r.about == "frame" and self._chatting):
            # said under the composer, not as a notice over the map (a flood of messages is
            # refused as frames: the last thing sent was a message)
            n = self._chat_refused[0] + 1 if self._chat_refused else 1
            self._chat_refused = (n, reason)
            return
        self._tell(News("refused", reason))

    def _lost(self, reason: str) -> None:
        if self.link == "closed":
            return
        self.link = "down"
        if self._unacked:
            self._unsynced = True  # those changes may never have reached the host
        self._unacked = 0
        self._tell(News("lost", reason))

    def _failed(self, failure: Failure) -> None:
        self.failure = failure
        self.link = "closed"
        if self.status == "playing":
            # the host's own words where it gave some (a Said: the screen translates them)
            words = failure.detail if failure.detail and failure.kind != "version" else ""
            self._tell(News("failed", words or str(failure)))
        self.status = "failed"

    # ---- the link ----------------------------------------------------------------------------

    def _send(self, message: Message) -> None:
        drafting = isinstance(message, DraftAdd | DraftRemove | DraftReplace)
        if self.link != "up":
            if drafting:
                self._unsynced = True  # sent again when the host takes the seat back
            return
        if drafting:
            self._unacked += 1
        self._chatting = isinstance(message, Chat)
        self._link.send(encode(message))

    @property
    def waiting_for_others(self) -> bool:
        """The seat's orders are in (or it has left the match): the host awaits other seats."""
        self.pump()
        if self.status != "playing" or self._ended or self._view is None:
            return False
        return self._submitted or self._want_submit or self.seat not in self._view.actors

    @property
    def news_id(self) -> int:
        """Moves whenever there is news (a team mate's change, a refusal, the link)."""
        self.pump()
        return self._news_id

    def take_news(self) -> list[News]:
        """The news since it was last taken, oldest first."""
        self.pump()
        news, self._news = self._news, []
        return news

    def close(self) -> None:
        """Leave the class: hang up (the seat stays the student's on the host)."""
        self.link = "closed"
        if self.status == "connecting":
            self.status = "closed"
        self._link.stop()

    # ---- messages ----------------------------------------------------------------------------

    def messages(self) -> list[ChatLine]:
        """Every chat message this seat received, oldest first (its own, echoed by the host)."""
        self.pump()
        return list(self._chat)

    @property
    def message_refusal(self) -> tuple[int, str] | None:
        """The host's last refusal of a message: (how many so far, its reason)."""
        self.pump()
        return self._chat_refused

    def chat_seats(self) -> list[str] | None:
        """The other seats people play in this class, whom a message can reach (``None``: the
        host did not say, and every actor may be written to)."""
        people = self._people
        return [s for s in people if s != self.seat] if people else None

    def send_message(self, to: Sequence[str], text: str) -> str | None:
        """Send ``text`` to the seats ``to`` (empty: everyone); why not, or ``None`` (sent; the
        host echoes it back, or refuses it: ``message_refusal``)."""
        text = text.strip()
        if not text:
            return "empty"
        if len(text) > MAX_TEXT:
            return f"too long: {len(text)} characters, at most {MAX_TEXT}"
        if self.link != "up":
            return "no host"
        seats = list(dict.fromkeys(s for s in to if s))
        if not seats:
            self._send(Chat(to="all", text=text))
        elif len(seats) == 1:
            self._send(Chat(to=seats[0], text=text))
        else:
            try:
                self._send(Chat(to=seats, text=text))  # type: ignore[arg-type]
            except ValidationError:  # a protocol without groups: one message a seat
                for seat in seats:
                    self._send(Chat(to=seat, text=text))
        return None

    # ---- what a seat may see ---------------------------------------------------------------

    def view(self, seat: str | None) -> World:
        """The seat's view as the host sent it; another seat's or the public one worked out
        from it (so with less, never more)."""
        self.pump()
        if self._view is None:
            raise RuntimeError("the host has not welcomed this seat yet")
        if seat == self.seat:
            return self._view
        seen = self._views.get(seat)
        if seen is None:
            seen = self._views[seat] = view(self._view, seat)
        return seen

    @property
    def state_id(self) -> int:
        self.pump()
        return self._moves

    # ---- whose turn --------------------------------------------------------------------------

    @property
    def humans(self) -> list[str]:
        return [self.seat] if self.seat else []

    @property
    def seats(self) -> list[str]:
        self.pump()
        if self._view is None or self.seat not in self._view.actors:
            return []
        return [self.seat]

    def current_seat(self) -> str | None:
        self.pump()
        if self.status != "playing" or self._ended or self.waiting_for_others:
            return None
        return self.seat or None

    # ---- the seat's orders -------------------------------------------------------------------

    def legal(self, seat: str) -> list[Order]:
        self.pump()
        return list(self._legal) if seat == self.seat else []

    def draft(self, seat: str) -> list[Order]:
        self.pump()
        return list(self._draft) if seat == self.seat else []

    def points_left(self, seat: str) -> int:
        self.pump()
        actor = self._view.actors.get(seat) if self._view is not None else None
        if actor is None or seat != self.seat:
            return 0
        return actor.action_points - sum(ACTIONS[o.action].cost for o in self._draft)

    def _why_not(self, seat: str) -> str | None:
        if seat != self.seat:
            return f"not your seat: you play {self.seat}, not {seat}"
        if self.current_seat() != seat:
            return "not your turn"
        return None

    def add(self, order: Order) -> str | None:
        why = self._why_not(order.actor)
        if why is not None:
            return why
        assert self._view is not None
        draft = [
            o
            for o in self._draft
            if not (
                o.action == order.action
                and o.action in ("vote", "choose")
                and o.target == order.target
            )
        ]
        _, refused = check_orders(self._view, [*draft, order])
        if refused:
            return refused[-1]
        self._draft = [*draft, order]
        self._send(DraftAdd(order=order))
        return None

    def remove(self, seat: str, index: int) -> None:
        if self._why_not(seat) is None and 0 <= index < len(self._draft):
            del self._draft[index]
            self._send(DraftRemove(index=index))

    def replace(self, seat: str, orders: list[Order]) -> str | None:
        why = self._why_not(seat)
        if why is not None:
            return why
        if any(o.actor != seat for o in orders):
            return "not your seat"
        assert self._view is not None
        _, refused = check_orders(self._view, orders)
        if refused:
            return refused[0]
        self._draft = list(orders)
        self._send(DraftReplace(orders=list(orders)))
        return None

    # ---- ending the turn ---------------------------------------------------------------------

    def submit(self, seat: str) -> TurnReport | None:
        """Hand the seat's orders in; always ``None``: the report arrives when the host has
        resolved the turn (``state_id`` moves, ``reports`` grows)."""
        if self._why_not(seat) is not None:
            return None
        self._want_submit = True
        self._send(Submit(turn=self._turn))  # if the host cannot hear it: sent on return
        return None

    def resolve(self) -> TurnReport:
        raise RuntimeError("a class match's turns are resolved by its host, not by a student")

    # ---- the reports and the end -------------------------------------------------------------

    @property
    def reports(self) -> list[TurnReport]:
        self.pump()
        return list(self._reports)

    def ai_reasons(self, turn: int) -> dict[str, dict]:
        """None: protocol 1 carries no AI reasons (a class's host plays free seats with the
        baseline AI, which gives none)."""
        return {}

    @property
    def ended(self) -> bool:
        self.pump()
        return self._ended

    def outcome(self) -> World:
        """The whole world once the match has ended; before, the seat's own view (the host
        tells no more)."""
        self.pump()
        if self._outcome is not None:
            return self._outcome
        return self.view(self.seat)

    # ---- keeping the match -------------------------------------------------------------------

    def save(self, path: Path) -> None:
        raise SaveError(
            f"{path}: this class match is kept by its host, not on this computer", "hosted"
        )

    def keep(self) -> None:
        """Nothing to write: the host keeps the match, and the draft stays in this client."""

    @property
    def autosave(self) -> Path | None:
        return None

    @property
    def autosave_failure(self) -> SaveError | None:
        return None
