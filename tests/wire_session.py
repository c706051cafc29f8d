"""A second session, for the tests: the screens' ``Session`` with nothing behind it but a wire.

``WireSession`` holds no match: each of its calls is a JSON message to a ``WireHost``, and it
builds what it answers (worlds, orders, reports) from the JSON that comes back, as a student's
client will from a host across the network. The host wraps a ``LocalMatch`` and is the only
authority: it checks the seat of every call, refuses another seat's (the reason goes back to
that client alone), and sends each seat only its ``view``. Proving the screens run on this is
proving they do not know which session they drive.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.engine import Order, TurnReport, World
from game.session.local import LocalMatch
from game.session.saves import SaveError

Wire = Callable[[str], str]


class Refused(Exception):
    """The host refused a message (another seat's, an unknown call): its reason."""


class WireHost:
    """The host's end of the wire: a ``LocalMatch`` answering JSON messages for ``seats``."""

    def __init__(self, match: LocalMatch, seats: list[str] | None = None) -> None:
        self.match = match
        self.seats = set(match.humans if seats is None else seats)  # whom this client plays
        self.messages: list[dict[str, Any]] = []  # every message received (tests read them)

    def __call__(self, message: str) -> str:
        msg = json.loads(message)
        self.messages.append(msg)
        try:
            return json.dumps({"ok": self._answer(msg["call"], msg.get("args", {}))})
        except Refused as e:
            return json.dumps({"refused": str(e)})
        except SaveError as e:
            return json.dumps({"save_error": [str(e), e.key]})

    def _seat(self, seat: str | None, public: bool = False) -> str | None:
        if (seat is None and public) or seat in self.seats:
            return seat
        raise Refused(f"not your seat: {seat}")

    def _answer(self, call: str, a: dict[str, Any]) -> Any:
        m = self.match
        if call == "status":
            failure = m.autosave_failure
            return {
                "state_id": m.state_id,
                "humans": m.humans,
                "seats": m.seats,
                "current_seat": m.current_seat(),
                "ended": m.ended,
                "autosave": str(m.autosave) if m.autosave is not None else None,
                "autosave_failure": [str(failure), failure.key] if failure else None,
            }
        if call == "view":
            return m.view(self._seat(a["seat"], public=True)).model_dump(mode="json")
        if call == "outcome":
            if not m.ended:
                raise Refused("the match has not ended")
            return m.outcome().model_dump(mode="json")
        if call == "reports":
            return [r.model_dump(mode="json") for r in m.reports]
        if call == "ai_reasons":
            return m.ai_reasons(int(a["turn"]))
        if call in ("legal", "draft"):
            seat = self._seat(a["seat"])
            assert seat is not None
            orders = m.legal(seat) if call == "legal" else m.draft(seat)
            return [o.model_dump(mode="json") for o in orders]
        if call == "points_left":
            return m.points_left(str(self._seat(a["seat"])))
        if call == "add":
            order = Order.model_validate(a["order"])
            self._seat(order.actor)
            return m.add(order)
        if call == "remove":
            return m.remove(str(self._seat(a["seat"])), int(a["index"]))
        if call == "replace":
            orders = [Order.model_validate(o) for o in a["orders"]]
            return m.replace(str(self._seat(a["seat"])), orders)
        if call == "submit":
            report = m.submit(str(self._seat(a["seat"])))
            return report.model_dump(mode="json") if report is not None else None
        if call == "resolve":
            if m.current_seat() is not None:
                raise Refused("a seat's orders are still awaited")
            return m.resolve().model_dump(mode="json")
        if call == "save":
            return m.save(Path(a["path"]))
        if call == "keep":
            return m.keep()
        raise Refused(f"no such call: {call}")


class WireSession:
    """A ``Session`` that knows its match only through the JSON its host sends back."""

    def __init__(self, wire: Wire) -> None:
        self.wire = wire
        self._views: dict[str | None, World] = {}
        self._reports: list[TurnReport] | None = None
        self._seen = -1  # the state_id the views and reports above were received at

    def _ask(self, call: str, **args: Any) -> Any:
        answer = json.loads(self.wire(json.dumps({"call": call, "args": args})))
        if "refused" in answer:
            raise Refused(answer["refused"])
        if "save_error" in answer:
            message, key = answer["save_error"]
            raise SaveError(message, key)
        return answer["ok"]

    def _status(self) -> dict[str, Any]:
        status = self._ask("status")
        if status["state_id"] != self._seen:  # the world moved: what was received is old
            self._seen, self._views, self._reports = status["state_id"], {}, None
        return status

    # ---- what a seat may see ------------------------------------------------------------------

    def view(self, seat: str | None) -> World:
        self._status()
        if seat not in self._views:
            self._views[seat] = World.model_validate(self._ask("view", seat=seat))
        return self._views[seat]

    @property
    def state_id(self) -> int:
        return self._status()["state_id"]

    # ---- whose turn -----------------------------------------------------------------------------

    @property
    def humans(self) -> list[str]:
        return self._status()["humans"]

    @property
    def seats(self) -> list[str]:
        return self._status()["seats"]

    def current_seat(self) -> str | None:
        return self._status()["current_seat"]

    # ---- the seat's orders ----------------------------------------------------------------------

    def legal(self, seat: str) -> list[Order]:
        return [Order.model_validate(o) for o in self._ask("legal", seat=seat)]

    def draft(self, seat: str) -> list[Order]:
        return [Order.model_validate(o) for o in self._ask("draft", seat=seat)]

    def points_left(self, seat: str) -> int:
        return int(self._ask("points_left", seat=seat))

    def add(self, order: Order) -> str | None:
        return self._ask("add", order=order.model_dump(mode="json"))

    def remove(self, seat: str, index: int) -> None:
        self._ask("remove", seat=seat, index=index)

    def replace(self, seat: str, orders: list[Order]) -> str | None:
        return self._ask("replace", seat=seat, orders=[o.model_dump(mode="json") for o in orders])

    def submit(self, seat: str) -> TurnReport | None:
        report = self._ask("submit", seat=seat)
        return TurnReport.model_validate(report) if report is not None else None

    def resolve(self) -> TurnReport:
        return TurnReport.model_validate(self._ask("resolve"))

    # ---- the reports and the end ----------------------------------------------------------------

    @property
    def reports(self) -> list[TurnReport]:
        self._status()
        if self._reports is None:
            self._reports = [TurnReport.model_validate(r) for r in self._ask("reports")]
        return list(self._reports)

    def ai_reasons(self, turn: int) -> dict[str, dict]:
        return dict(self._ask("ai_reasons", turn=turn))

    @property
    def ended(self) -> bool:
        return self._status()["ended"]

    def outcome(self) -> World:
        return World.model_validate(self._ask("outcome"))

    # ---- keeping the match ----------------------------------------------------------------------

    def save(self, path: Path) -> None:
        self._ask("save", path=str(path))

    def keep(self) -> None:
        self._ask("keep")

    @property
    def autosave(self) -> Path | None:
        where = self._status()["autosave"]
        return Path(where) if where is not None else None

    @property
    def autosave_failure(self) -> SaveError | None:
        failure = self._status()["autosave_failure"]
        return SaveError(*failure) if failure else None
