"""The one interface every screen drives a match through: a session.

A session is a table at which one match is played from this screen. Behind it stands the host,
the only authority: it holds the world, checks every order with the engine's ``check_orders``,
resolves the turn, and gives each seat only what that seat may know (the engine's ``view``).
The screens (match, report, debrief, hand-over, tutorial) never see the host, only this; they
do not know whether the match is on this machine or on another one. The model is boardgame.io's
``Client`` over a ``LocalMaster`` or a socket master. Three sessions stand behind it:

- **hot-seat**: ``LocalMatch`` (``game/session/local.py``), the host in this process; several
  people share the keyboard and ``seats`` lists them all (a hand-over screen between them).
- **watching the AI**: the same, with no human seat: ``current_seat()`` is always ``None`` and
  the screen asks the host to ``resolve`` each turn.
- **a networked seat**: ``RemoteMatch`` (``game/net/client.py``), a student's client whose
  ``seats`` is its one seat; every change is a message to the host, every answer the host's
  (kept by the client, so a frame never waits); it is also ``Connected`` (below).

What a session offers, and nothing more:

- **What a seat may see**: ``view(seat)`` is the world as ``seat`` may know it (``None``: the
  public, projector view): other seats' hands, secret goals and untallied votes taken out.
  ``state_id`` moves every time the host's world does (a turn resolved), so a screen knows
  when to look again without comparing worlds.
- **Whose turn, and who is human**: ``humans`` are the seats people play (as chosen, even one
  conquered since), ``seats`` those of them still in the match, and ``current_seat()`` the
  human seat whose orders the host awaits now (``None``: no one here, the turn can resolve).
- **The seat's orders**: ``legal(seat)`` its legal orders this turn, ``draft(seat)`` its draft,
  ``points_left(seat)`` the action points the draft leaves. ``add(order)`` adds to the draft,
  ``remove(seat, index)`` takes one out, ``replace(seat, orders)`` sets the whole draft; the
  host checks them and answers why it refused, or ``None``. **Card answers and votes** are
  orders in the draft (``choose`` with the card and option, ``vote`` with the ballot): a new
  answer to the same card or ballot replaces the earlier one. What still waits is worked out
  from the view and the draft (``game.engine.waiting``).
- **Ending the turn**: ``submit(seat)`` hands the seat's draft in; the host resolves when the
  last human seat has submitted and answers with that turn's report (``None``: other seats are
  still awaited). ``resolve()`` asks the host to play the turn now, the AI giving every
  actor's orders that no seat here drafted: a session watching the AI presses it.
- **The turn reports**: ``reports``, every turn's report this session may read, oldest first
  (a screen shows one seat's part with ``TurnReport.for_actor``; a remote host sends each seat
  its part only).
- **Why the AI acted**: ``ai_reasons(turn)`` each AI seat's one line of reasons for its orders
  of that turn, as data (seat -> ``{"key", "args"}``, ``game.ai.reasons``), said by a screen in
  its language; nothing secret is in it. A seat the baseline bot plays gives none.
- **The end of the match**: ``ended``; then ``outcome()`` is the whole world, nothing secret
  any more (the debrief shows every mission, its secret goals and every score). Before the end
  a host may refuse it; the local one, which holds the world, gives it at any time.
- **Keeping the match**: ``save(path)`` writes the whole match to a file (``SaveError`` says
  why it could not); ``keep()`` autosaves now, the drafts with it (a player leaving mid-turn
  finds them again). ``autosave`` is where the match is kept every turn (``None``: not on this
  machine) and ``autosave_failure`` why the last autosave failed (``None``: it worked); the
  match goes on either way and the screens say so. Opening a session (a new match, a saved
  one resumed) is not the screens' business: ``game.session.hotseat`` does it for the desktop.

**Messages** are an optional capability (``Messaging`` below, asked with ``messaging(session)``):
a class's seat (``RemoteMatch``) sends and receives chat; a hot-seat ``LocalMatch`` says it has
none (``messages()`` is ``None``), since everyone sits at the one keyboard.

Every method may be called from the screen's frame; a session answers from what it holds (a
remote one keeps the host's last answers) and never blocks a frame on the network.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from game.engine import Order, TurnReport, World
from game.session.saves import SaveError


@runtime_checkable
class Session(Protocol):
    """One match as this screen may play it (see the module's docstring)."""

    # ---- what a seat may see ---------------------------------------------------------------

    def view(self, seat: str | None) -> World:
        """The world as ``seat`` may know it (``None``: the public view). The same object until
        ``state_id`` moves; a screen reads it and never changes it."""
        ...

    @property
    def state_id(self) -> int:
        """A number that moves every time the host's world does (a turn resolved)."""
        ...

    # ---- whose turn, and who is human ------------------------------------------------------

    @property
    def humans(self) -> list[str]:
        """The seats people play, as chosen (a seat conquered since among them)."""
        ...

    @property
    def seats(self) -> list[str]:
        """The human seats still in the match, in the order they play."""
        ...

    def current_seat(self) -> str | None:
        """The human seat whose orders are awaited, or ``None`` when the turn can resolve (or
        the match has ended)."""
        ...

    # ---- the seat's orders -----------------------------------------------------------------

    def legal(self, seat: str) -> list[Order]:
        """Every order ``seat`` may give this turn."""
        ...

    def draft(self, seat: str) -> list[Order]:
        """The orders ``seat`` has drafted this turn (a copy: change it through the session)."""
        ...

    def points_left(self, seat: str) -> int:
        """The action points ``seat``'s draft leaves."""
        ...

    def add(self, order: Order) -> str | None:
        """Add ``order`` to its seat's draft; why the host refused it, or ``None``. A card answer
        or a vote replaces the seat's earlier answer to the same card or ballot."""
        ...

    def remove(self, seat: str, index: int) -> None:
        """Take the ``index``-th order out of ``seat``'s draft (an index out of range: nothing)."""
        ...

    def replace(self, seat: str, orders: list[Order]) -> str | None:
        """Make ``orders`` the whole of ``seat``'s draft; why the host refused them (the draft is
        then unchanged), or ``None``."""
        ...

    # ---- ending the turn -------------------------------------------------------------------

    def submit(self, seat: str) -> TurnReport | None:
        """``seat`` is done; the turn's report when that resolved the turn, else ``None``."""
        ...

    def resolve(self) -> TurnReport:
        """Play the turn now: the drafts of the seats here, the AI's orders for every other
        actor. For a session with no seat awaited (watching the AI)."""
        ...

    # ---- the reports and the end -----------------------------------------------------------

    @property
    def reports(self) -> list[TurnReport]:
        """Every turn's report this session may read, oldest first."""
        ...

    def ai_reasons(self, turn: int) -> dict[str, dict]:
        """Each AI seat's line of reasons for its orders of ``turn`` (seat -> its data)."""
        ...

    @property
    def ended(self) -> bool:
        """Whether the match is over."""
        ...

    def outcome(self) -> World:
        """The whole world, nothing secret: what the debrief shows once the match has ended."""
        ...

    # ---- keeping the match -----------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the whole match to ``path``; ``SaveError`` says why it could not."""
        ...

    def keep(self) -> None:
        """Autosave now, this turn's drafts with it."""
        ...

    @property
    def autosave(self) -> Path | None:
        """Where the match is kept every turn (``None``: not on this machine)."""
        ...

    @property
    def autosave_failure(self) -> SaveError | None:
        """Why the last autosave failed (``None``: it worked, or there is none)."""
        ...


@runtime_checkable
class Connected(Protocol):
    """What a session whose host is on another computer (a student's networked seat,
    ``game.net.client.RemoteMatch``) tells the screens besides ``Session``. Only a session with a
    host elsewhere has it; a screen asks ``isinstance(session, Connected)``.

    - ``waiting_for_others``: the seat's orders are in and the host awaits other seats (the
      match screen gives way to "waiting for the others"); ``current_seat()`` is then ``None``
      though no one here may ``resolve``.
    - ``link``: ``"up"``, ``"down"`` (the host went away; trying again) or ``"closed"``.
    - ``news_id`` moves when there is news; ``take_news()`` gives it, oldest first, each a
      ``kind`` (``refused``, ``mate``, ``lost``, ``back``, ``failed``) and a ``text``.
    - ``close()``: the student leaves the class; the seat stays the student's on the host.
    """

    @property
    def waiting_for_others(self) -> bool: ...

    @property
    def link(self) -> str: ...

    @property
    def news_id(self) -> int: ...

    def take_news(self) -> list: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class ChatLine:
    """One chat message as a screen shows it: the ``turn`` it arrived in, the ``sender`` seat and
    ``name`` of who wrote it, ``to`` the seats it went to (empty: everyone) and its ``text``."""

    turn: int
    sender: str
    name: str
    to: tuple[str, ...]
    text: str


@runtime_checkable
class Messaging(Protocol):
    """Chat, for a session that has it (a class's seat). ``messages()`` is every message this
    seat received (its own included, as the host echoes them), oldest first, or ``None`` when the
    session has no messages at all. ``send_message(to, text)`` sends ``text`` to the seats ``to``
    (empty: everyone) and answers at once: why not (empty, too long, no host), or ``None``.
    The host may still refuse it: ``message_refusal`` is then ``(n, reason)``, ``n`` moving with
    each refusal. ``messages_read`` is how many of the messages the seat has seen (kept by the
    session, so the screen of the next turn knows what is unread); a screen sets it."""

    def messages(self) -> list[ChatLine] | None: ...

    def send_message(self, to: Sequence[str], text: str) -> str | None: ...

    def chat_seats(self) -> list[str] | None: ...

    @property
    def message_refusal(self) -> tuple[int, str] | None: ...

    messages_read: int


def messaging(session: object) -> Messaging | None:
    """The session's chat, or ``None`` when it has none (hot-seat, watching the AI)."""
    if isinstance(session, Messaging) and session.messages() is not None:
        return session
    return None
