"""A match on one machine: some actors played by people taking turns at the keyboard (hot-seat),
the rest by the AI. The desktop client drives this; it holds no pygame and no window.

It is the host in this process: a ``Session`` (``game/session/interface.py``), the interface
the screens drive every match through. It holds the world, checks each order with the
engine's ``check_orders`` and gives each seat the engine's ``view``.

Each turn every human seat, one after the other, drafts its orders; when the last one submits,
the AI gives the other actors' orders and the turn resolves. The draft of one seat is never
shown to the next (the client puts a hand-over screen between them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.ai import LEVELS, MissionBot, make_bot
from game.ai.baseline import BaselineBot
from game.engine import (
    Order,
    Scenario,
    TurnReport,
    World,
    check_orders,
    legal_actions,
    new_world,
    view,
)
from game.engine.orders import ACTIONS
from game.session.match import Match
from game.session.saves import AiReason, MatchRecord, SaveError, save_world


@dataclass
class LocalMatch:
    match: Match
    humans: list[str]
    autosave: Path | None = None
    drafts: dict[str, list[Order]] = field(default_factory=dict)
    submitted: set[str] = field(default_factory=set)
    bot: BaselineBot = field(default_factory=BaselineBot)
    # The mission AI's level for each seat it plays ("easy", "normal", "hard"); a seat not
    # listed is played by the baseline bot (a match saved before levels existed plays on so).
    levels: dict[str, str] = field(default_factory=dict)
    # turn -> AI seat -> its one line of reasons as data (Reason.data): kept with the match
    reasons: dict[int, dict[str, dict]] = field(default_factory=dict)
    autosave_error: str | None = None  # why the last autosave failed (None: it worked)
    autosave_failure: SaveError | None = None  # the same failure, for a screen to translate
    # Each seat's view of the world it was worked out from, and how often the world moved.
    _views: dict[str | None, World] = field(default_factory=dict, repr=False, compare=False)
    _viewed: World | None = field(default=None, repr=False, compare=False)
    _moves: int = field(default=0, repr=False, compare=False)
    _bots: dict[str, MissionBot] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def start(
        cls,
        scenario: Scenario,
        humans: list[str],
        seed: int | None = None,
        autosave: Path | None = None,
        levels: dict[str, str] | None = None,
    ) -> LocalMatch:
        """A new match; ``levels``: the mission AI's level for seats the AI plays (checked:
        ValueError names the levels)."""
        local = cls(Match(new_world(scenario, seed)), [h for h in humans if h], autosave)
        local.levels = _checked_levels(levels or {})
        local._autosave()  # Continue resumes this match from now on, not an older one
        return local

    @classmethod
    def resume(
        cls,
        world: World,
        humans: list[str],
        autosave: Path | None = None,
        record: MatchRecord | None = None,
        levels: dict[str, str] | None = None,
    ) -> LocalMatch:
        """The match saved as ``world`` and ``record`` (without a record: from this turn on),
        played on by ``humans``. The orders a seat had already submitted
        this turn still count while that seat stays human; an unfinished draft comes back to
        its own seat. The AI seats keep the levels saved, unless ``levels`` gives them anew."""
        match = Match(world) if record is None else Match.resumed(world, record)
        # a seat whose state fell stays its player's: the debrief still says whose it was
        kept = [h for h in humans if h in world.actors or h in world.fallen]
        local = cls(match, kept, autosave)
        if record is not None:
            seats = set(local.seats)
            local.drafts = {s: list(o) for s, o in record.drafts.items() if s in seats}
            local.submitted = {s for s in record.submitted if s in seats}
            local.levels = dict(record.ai_levels)
            local.reasons = {
                turn: {seat: r.model_dump() for seat, r in said.items()}
                for turn, said in record.ai_reasons.items()
            }
        if levels is not None:
            local.levels.update(_checked_levels(levels))
        local._autosave()  # Continue resumes the match just loaded, not the one before it
        return local

    def record(self) -> MatchRecord:
        """Everything a save needs beside the world: the match's orders and reports, the seats
        people play, and this turn's drafts (a submitted turn is never lost)."""
        base = self.match.record()
        return MatchRecord.model_construct(
            first_turn=base.first_turn,
            log=base.log,
            reports=base.reports,
            humans=list(self.humans),
            drafts={s: list(o) for s, o in self.drafts.items() if o},
            submitted=[s for s in self.humans if s in self.submitted],
            ai_levels=dict(self.levels),
            ai_reasons={
                turn: {seat: AiReason.model_construct(**r) for seat, r in said.items()}
                for turn, said in self.reasons.items()
            },
        )

    def save(self, path: Path) -> None:
        """Save the whole match to ``path`` (SaveError says what went wrong)."""
        save_world(self.world, path, self.record())

    def keep(self) -> None:
        """Autosave now, drafts included: a player who leaves mid-turn finds the draft again."""
        self._autosave()

    def _autosave(self) -> None:
        """Keep the match in the autosave. A failure (a full disk, a read-only folder) must not
        end the match in play: it is kept in ``autosave_error`` for a screen to tell."""
        if self.autosave is None:
            return
        try:
            self.save(self.autosave)
            self.autosave_error = self.autosave_failure = None
        except SaveError as e:
            self.autosave_error, self.autosave_failure = str(e), e

    # ---- what a seat may see ------------------------------------------------------------------

    @property
    def world(self) -> World:
        """The whole world, secrets and all: the host's own (screens read ``view``)."""
        return self.match.world

    def _look(self) -> World:
        """The world now; a new one (a turn resolved) forgets the views of the last."""
        world = self.match.world
        if world is not self._viewed:
            self._viewed, self._views = world, {}
            self._moves += 1
        return world

    def view(self, seat: str | None) -> World:
        """What ``seat`` may know (the engine's ``view``), worked out once per world."""
        world = self._look()
        seen = self._views.get(seat)
        if seen is None:
            seen = self._views[seat] = view(world, seat)
        return seen

    @property
    def state_id(self) -> int:
        self._look()
        return self._moves

    @property
    def ended(self) -> bool:
        return self.match.world.ended

    def outcome(self) -> World:
        """The whole world: this host holds it, and gives it before the end too."""
        return self.match.world

    # ---- whose turn ---------------------------------------------------------------------------

    @property
    def seats(self) -> list[str]:
        """Human seats still in the match (a conquered state's player has no seat left)."""
        return [h for h in self.humans if h in self.world.actors]

    def current_seat(self) -> str | None:
        """The human seat whose orders are awaited, or None when the turn can resolve."""
        if self.world.ended:
            return None
        for seat in self.seats:
            if seat not in self.submitted:
                return seat
        return None

    # ---- drafting orders ------------------------------------------------------------------------

    def legal(self, actor: str) -> list[Order]:
        return legal_actions(self.world, actor)

    def draft(self, actor: str) -> list[Order]:
        return list(self.drafts.get(actor, []))

    def points_left(self, actor: str) -> int:
        a = self.world.actors.get(actor)
        if a is None:
            return 0
        return a.action_points - sum(ACTIONS[o.action].cost for o in self.drafts.get(actor, []))

    def add(self, order: Order) -> str | None:
        """Add an order to its seat's draft; returns why it cannot be added, or None.

        A card answer or a vote replaces the seat's earlier answer to the same card or ballot."""
        if order.actor not in self.seats or order.actor in self.submitted:
            return "not your turn"
        draft = [
            o
            for o in self.drafts.get(order.actor, [])
            if not (
                o.action == order.action
                and o.action in ("vote", "choose")
                and o.target == order.target
            )
        ]
        _, refused = check_orders(self.world, [*draft, order])
        if refused:
            return refused[-1]
        self.drafts[order.actor] = [*draft, order]
        return None

    def remove(self, actor: str, index: int) -> None:
        draft = self.drafts.get(actor, [])
        if 0 <= index < len(draft):
            del draft[index]

    def replace(self, actor: str, orders: list[Order]) -> str | None:
        """Make ``orders`` the seat's whole draft; why it cannot be, or None (then unchanged)."""
        if actor not in self.seats or actor in self.submitted:
            return "not your turn"
        if any(o.actor != actor for o in orders):
            return "not your seat"
        _, refused = check_orders(self.world, orders)
        if refused:
            return refused[0]
        self.drafts[actor] = list(orders)
        return None

    def submit(self, actor: str) -> TurnReport | None:
        """The seat is done. When it was the last human seat, the turn resolves: the report."""
        if actor != self.current_seat():
            return None
        self.submitted.add(actor)
        if self.current_seat() is None:
            return self.resolve()
        self._autosave()  # hot-seat: a submitted turn survives a closed window
        return None

    def resolve(self) -> TurnReport:
        orders: list[Order] = []
        for seat in self.seats:
            orders.extend(self.drafts.get(seat, []))
        humans = set(self.seats)
        world, said = self.world, {}
        for actor in sorted(world.actors):
            if actor in humans:
                continue
            level = self.levels.get(actor)
            if level is None:
                orders.extend(self.bot.choose(world, actor))
            else:
                decision = self._mission_bot(level).decide(world, actor)
                orders.extend(decision.orders)
                said[actor] = decision.reason.data()
        if said:
            self.reasons[world.turn] = said
        report = self.match.play_turn(orders)
        self.drafts.clear()
        self.submitted.clear()
        self._autosave()
        return report

    @property
    def reports(self) -> list[TurnReport]:
        return self.match.reports

    def ai_reasons(self, turn: int) -> dict[str, dict]:
        """Each AI seat's line of reasons for its orders of ``turn``, as data (seat -> the
        reason's ``{"key", "args"}``): nothing secret is in it (a secret goal is named only as
        "one of its secret goals"), so every seat may read it."""
        return dict(self.reasons.get(turn, {}))

    # ---- messages: none at one keyboard -------------------------------------------------------

    messages_read = 0
    message_refusal = None

    def messages(self) -> None:
        """None: a hot-seat match has no chat (everyone sits at this keyboard)."""
        return None

    def send_message(self, to: Sequence[str], text: str) -> str | None:
        return "a match on one computer has no messages"

    def _mission_bot(self, level: str) -> MissionBot:
        """One bot per level for the whole match (it keeps what it may between seats)."""
        bots = self._bots
        bot = bots.get(level)
        if bot is None:
            bot = bots[level] = make_bot(level)
        return bot


def _checked_levels(levels: dict[str, str]) -> dict[str, str]:
    for seat, level in levels.items():
        if level not in LEVELS:
            raise ValueError(
                f"seat {seat!r}: unknown AI level {level!r}: one of {', '.join(LEVELS)}"
            )
    return dict(levels)
