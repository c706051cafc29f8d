"""Rewrite the reference playthroughs after an intended change to the rules.

    python tests/playthroughs/regenerate.py [SCENARIO_ID ...]   # default: every shipped one

Each shipped scenario is played by the baseline AI for a few seeds; the digest of every turn's
world and the final criteria are written to tests/playthroughs/<scenario>.json. Commit the new
files with the change that moved them, and say in the commit which figures moved and why.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.content import load_scenario  # noqa: E402
from game.session.match import Match, ai_orders  # noqa: E402

SEEDS = (1, 2, 3)
HERE = Path(__file__).resolve().parent


def playthrough(path: Path, seed: int) -> dict:
    match = Match.start(load_scenario(path), seed)
    digests = [match.world.digest()]
    while not match.world.ended:
        match.play_turn(ai_orders(match.world))
        digests.append(match.world.digest())
    w = match.world
    return {
        "seed": seed,
        "turns": len(match.reports),
        "arrangement": w.arrangement.value,
        "final": w.criteria.as_dict(),
        "cards": w.lessons,
        "digests": digests,
    }


def main() -> None:
    wanted = set(sys.argv[1:])
    for path in sorted((ROOT / "scenarios").glob("*.json")):
        if path.name.endswith(".schema.json") or (wanted and path.stem not in wanted):
            continue
        runs = [playthrough(path, s) for s in SEEDS]
        out = HERE / f"{path.stem}.json"
        out.write_text(json.dumps({"scenario": path.stem, "runs": runs}, indent=1) + "\n")
        print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
