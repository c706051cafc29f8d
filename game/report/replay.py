"""A class match's replay file: the match turn by turn, for **Watch a replay** to play back.

The file is one JSON object (UTF-8), format ``continuum-replay``, version ``REPLAY_VERSION``:

``format``, ``version``
    ``"continuum-replay"`` and ``1``. A reader refuses another format and a newer version.
``scenario``, ``title``, ``seed``, ``last_turn``
    The scenario's id and title, the match's seed and the scenario's last turn.
``seats``
    The seats students could join, in the order the host printed them: ``{"seat": id,
    "people": bool}`` (``people``: whether people played it at any time; else the AI did).
``rules``
    The match's rules (a world's ``rules`` field, the scenario as played): they never change
    during a match, so they are written once.
``turns``
    One entry a turn, starting with turn 0 (the world as dealt): ``turn``; ``world``, the whole
    world after that turn without its ``rules`` (``World.model_validate({**world, "rules":
    rules})`` rebuilds it); ``report``, that turn's report (``null`` for turn 0); ``orders``,
    every order resolved that turn (people's and the AI's); ``humans``, the seats people
    played that turn.

The worlds hold everything, secrets included: a replay is made from the host's journal after
(or during) the match, for the class's debrief.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.engine import Order, TurnReport, World

REPLAY_FORMAT = "continuum-replay"
REPLAY_VERSION = 1


class ReplayError(Exception):
    """A replay file that cannot be read; the message names the file and what is wrong."""


@dataclass(frozen=True)
class ReplayTurn:
    turn: int
    world: World
    report: TurnReport | None
    orders: list[Order]
    humans: list[str]


@dataclass(frozen=True)
class Replay:
    scenario: str
    title: str
    seed: int
    last_turn: int
    seats: list[dict[str, Any]]
    turns: list[ReplayTurn]


def replay_document(
    title: str,
    seats: list[tuple[str, bool]],
    turns: list[tuple[World, TurnReport | None, list[Order], list[str]]],
) -> dict[str, Any]:
    """The replay of a match: ``turns`` holds, from turn 0, each turn's resulting world, its
    report, its orders and the seats people played."""
    first = turns[0][0]
    return {
        "format": REPLAY_FORMAT,
        "version": REPLAY_VERSION,
        "scenario": first.scenario,
        "title": title,
        "seed": first.seed,
        "last_turn": first.last_turn,
        "seats": [{"seat": seat, "people": people} for seat, people in seats],
        "rules": first.rules.model_dump(mode="json"),
        "turns": [
            {
                "turn": n,
                "world": world.model_dump(mode="json", exclude={"rules"}),
                "report": None if report is None else report.model_dump(mode="json"),
                "orders": [o.model_dump(mode="json") for o in orders],
                "humans": list(humans),
            }
            for n, (world, report, orders, humans) in enumerate(turns)
        ],
    }


def load_replay(path: str | Path) -> Replay:
    """The replay at ``path``; ReplayError says which file and what is wrong."""
    path = Path(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ReplayError(f"{path}: cannot be read: {e.strerror or e}") from None
    except ValueError as e:
        raise ReplayError(f"{path}: not a replay (not JSON: {e})") from None
    if not isinstance(doc, dict) or doc.get("format") != REPLAY_FORMAT:
        raise ReplayError(f"{path}: not a Continuum replay")
    version = doc.get("version")
    if type(version) is not int or not 1 <= version <= REPLAY_VERSION:
        raise ReplayError(
            f"{path}: replay version {version!r}: this game reads version {REPLAY_VERSION}"
        )
    turns = []
    try:
        rules = doc["rules"]
        for i, entry in enumerate(doc["turns"]):
            if entry["turn"] != i:
                raise ReplayError(f"{path}: turns[{i}] is turn {entry['turn']}, not {i}")
            report = entry["report"]
            turns.append(
                ReplayTurn(
                    turn=i,
                    world=World.model_validate({**entry["world"], "rules": rules}),
                    report=None if report is None else TurnReport.model_validate(report),
                    orders=[Order.model_validate(o) for o in entry["orders"]],
                    humans=[str(h) for h in entry["humans"]],
                )
            )
        if not turns:
            raise ReplayError(f"{path}: the replay holds no turn")
        return Replay(
            scenario=str(doc["scenario"]),
            title=str(doc["title"]),
            seed=int(doc["seed"]),
            last_turn=int(doc["last_turn"]),
            seats=list(doc["seats"]),
            turns=turns,
        )
    except (KeyError, TypeError, ValueError) as e:
        if isinstance(e, ValidationError):
            where = ".".join(str(x) for x in e.errors()[0]["loc"])
            raise ReplayError(f"{path}: turn {len(turns)} is not valid: {where}") from None
        raise ReplayError(f"{path}: not a whole replay ({type(e).__name__}: {e})") from None
