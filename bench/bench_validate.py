"""What validation costs: the worst hostile file of each shape, and the shipped kosovo.

    python bench/bench_validate.py [--json] [--only NAME]

Builds in a temporary folder, each under the 4 MiB limit, the hostile files issue 14 names:

* ``actors``: 1.3 million empty actors (``"actors": [{}, {}, …]``);
* ``conditions``: 400 cards whose triggers are deep trees of ``any`` and ``not``;
* ``cards``: 350,000 cards that all share one id;
* ``problems``: a region with 199,900 neighbours (just under the values limit) that do not exist (one problem each);
* ``include_bomb``: one broken card part included until the 4 MiB total is reached;
* ``map``: 256 regions (the most a scenario may have), each a star of 64 corners (the most an
  outline may have) drawn over all the others, so that every pair of regions must be compared;

then prints the CPU seconds (``time.process_time``) that ``continuum validate`` spends to
reject each one, the reading of the file included, and what it printed (lines and the first
of them). The goal is under 1 s each. Last, the shipped kosovo's deep validation (the sample
matches included), whose goal is under 3 s. CPU time is used, not wall time, so that other work
on the machine does not count; the figures are a benchmark's, outside the rules.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.cli import main as cli_main  # noqa: E402

REJECT_GOAL = 1.0
KOSOVO_GOAL = 3.0
MIB = 1024 * 1024


def _header(**more: object) -> dict:
    doc: dict = {
        "format": 1,
        "id": "hostile",
        "title": "Hostile",
        "summary": "A file built to be expensive.",
        "turns": 10,
        "seats": ["a"],
        "actors": [
            {"id": "a", "kind": "state", "name": "A", "color": "#112233"},
        ],
        "regions": [
            {
                "id": "r",
                "name": "R",
                "owner": "a",
                "population": 1,
                "polygon": [[0, 0], [100, 0], [100, 100], [0, 100]],
            }
        ],
    }
    doc.update(more)
    return doc


def _write(folder: Path, name: str, doc: object) -> Path:
    path = folder / name
    path.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    return path


def build_actors(folder: Path) -> Path:
    return _write(folder, "actors.json", _header(actors=[{}] * 1_300_000))


def _tree(depth: int) -> dict:
    if depth == 0:
        return {"type": "turn", "min": 1}
    return {
        "type": "any",
        "conditions": [
            {"type": "not", "condition": _tree(depth - 1)},
            {"type": "not", "condition": _tree(depth - 1)},
        ],
    }


def build_conditions(folder: Path) -> Path:
    tree = _tree(5)  # 125 conditions a card, 11 deep: 17 levels of JSON
    cards = [
        {
            "id": f"c{i}",
            "title": "T",
            "text": "T",
            "lesson": "L",
            "target": "a",
            "trigger": [tree],
            "options": [{"id": "o", "label": "O", "effects": []}],
        }
        for i in range(360)
    ]
    return _write(folder, "conditions.json", _header(cards=cards))


def build_cards(folder: Path) -> Path:
    return _write(folder, "cards.json", _header(cards=[{"id": "c"}] * 350_000))


def build_problems(folder: Path) -> Path:
    doc = _header()
    doc["regions"][0]["neighbors"] = [f"n{i}" for i in range(199_900)]
    return _write(folder, "problems.json", doc)


def build_include_bomb(folder: Path) -> Path:
    (folder / "bomb").mkdir()
    card = {
        "id": "c",
        "title": "T",
        "text": "x" * 3990,
        "lesson": "x" * 3000,
        "target": "a",
        "colour": "red",  # one mistake, said once however often the part is included
        "options": [{"id": "o", "label": "x" * 3990, "effects": []}],
        "trigger": [{"type": "turn", "min": 1, "max": 2}] * 8,
    }
    _write(folder / "bomb", "part.json", card)
    doc = _header(cards=[{"$include": "part.json"}] * 256)
    return _write(folder / "bomb", "bomb.json", doc)


def build_map(folder: Path) -> Path:
    def star(turn: float) -> list[list[float]]:
        return [
            [
                round(500 + (200 if k % 2 else 290) * math.cos(2 * math.pi * k / 64 + turn), 2),
                round(300 + (200 if k % 2 else 290) * math.sin(2 * math.pi * k / 64 + turn), 2),
            ]
            for k in range(64)
        ]

    regions = [
        {"id": f"r{i}", "name": "R", "owner": "a", "population": 1, "polygon": star(i / 100)}
        for i in range(256)
    ]
    return _write(folder, "map.json", _header(regions=regions))


HOSTILE: dict[str, Callable[[Path], Path]] = {
    "actors": build_actors,
    "conditions": build_conditions,
    "cards": build_cards,
    "problems": build_problems,
    "include_bomb": build_include_bomb,
    "map": build_map,
}


def run_validate(args: list[str]) -> tuple[float, int, list[str]]:
    """CPU seconds of ``continuum validate ARGS``, its exit code and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    start = time.process_time()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(["validate", *args])
    seconds = time.process_time() - start
    return seconds, code, (out.getvalue() + err.getvalue()).splitlines()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--only", choices=[*HOSTILE, "kosovo"], help="measure one file only")
    args = parser.parse_args(argv)
    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench_validate_") as tmp:
        for name, build in HOSTILE.items():
            if args.only and args.only != name:
                continue
            folder = Path(tmp) / name
            folder.mkdir()
            path = build(folder)
            size = sum(f.stat().st_size for f in folder.rglob("*.json"))
            seconds, code, lines = run_validate(["--quick", str(path)])
            figures[name] = {
                "bytes": size,
                "cpu_seconds": round(seconds, 3),
                "exit": code,
                "lines": len(lines),
                "first": lines[0][:160] if lines else "",
                "goal_met": code == 1 and seconds < REJECT_GOAL,
            }
    if not args.only or args.only == "kosovo":
        seconds, code, lines = run_validate([str(ROOT / "scenarios" / "kosovo.json")])
        figures["kosovo"] = {
            "cpu_seconds": round(seconds, 3),
            "exit": code,
            "lines": len(lines),
            "first": lines[0][:160] if lines else "",
            "goal_met": code == 0 and seconds < KOSOVO_GOAL,
        }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{'file':<14} {'size':>8} {'CPU s':>7} {'exit':>4} {'lines':>6}  goal")
    for name, f in figures.items():
        size = f"{f['bytes'] / MIB:.2f}M" if "bytes" in f else "-"
        goal = KOSOVO_GOAL if name == "kosovo" else REJECT_GOAL
        verdict = "met" if f["goal_met"] else "MISSED"
        print(
            f"{name:<14} {size:>8} {f['cpu_seconds']:>7.3f} {f['exit']:>4} {f['lines']:>6}  "
            f"< {goal:g} s {verdict}"
        )
    for name, f in figures.items():
        print(f"  {name}: {f['first']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
