"""Figures of the packaged game, measured from the built binary (never the source).

    pyinstaller --noconfirm build.spec        # builds dist/continuum/ and dist/continuum-onefile
    python bench/bench_binary.py [--dist dist] [--runs 7] [--json]

- size on disk of the one-folder app (goal: under 80 MB) and of the one-file executable;
- cold start to the main menu drawn: the process starts, opens its window (SDL's dummy video
  driver), draws the main menu's first frame and exits (CONTINUUM_QUIT_AFTER_FIRST_FRAME=1).
  Median, min and max over the runs, after one warm-up run (goal: under 2 s). Each run gets a
  fresh home folder, so no settings or caches from an earlier run help it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1_000_000


def tree_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def cold_start(exe: Path, runs: int) -> list[float]:
    times = []
    for i in range(runs + 1):
        with tempfile.TemporaryDirectory() as home:
            env = {
                **{k: v for k, v in os.environ.items() if not k.startswith("XDG_")},
                "HOME": home,
                "SDL_VIDEODRIVER": "dummy",
                "SDL_AUDIODRIVER": "dummy",
                "CONTINUUM_QUIT_AFTER_FIRST_FRAME": "1",
            }
            t = time.perf_counter()
            done = subprocess.run([str(exe)], env=env, capture_output=True, text=True, timeout=60)
            elapsed = time.perf_counter() - t
            if "first frame: MainMenu" not in done.stdout:
                raise SystemExit(f"{exe} did not draw the main menu:\n{done.stdout}\n{done.stderr}")
            if i > 0:  # the first run warms the disk cache
                times.append(elapsed)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dist", default="dist")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    dist = Path(args.dist)
    folder = dist / "continuum"
    exe = folder / ("continuum.exe" if sys.platform == "win32" else "continuum")
    onefile = dist / ("continuum-onefile.exe" if sys.platform == "win32" else "continuum-onefile")
    if not exe.exists():
        raise SystemExit(f"no built app at {exe}: run `pyinstaller --noconfirm build.spec` first")
    result = {
        "folder_mb": round(tree_size(folder) / MB, 1),
        "onefile_mb": round(tree_size(onefile) / MB, 1) if onefile.exists() else None,
    }
    for name, path in (("folder", exe), ("onefile", onefile)):
        if path.exists():
            t = cold_start(path, args.runs)
            result[f"{name}_cold_start_s"] = {
                "median": round(statistics.median(t), 3),
                "min": round(min(t), 3),
                "max": round(max(t), 3),
            }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"one-folder app: {result['folder_mb']} MB (goal under 80 MB: {'MET' if result['folder_mb'] < 80 else 'NOT MET'})"
    )
    if result["onefile_mb"] is not None:
        print(f"one-file executable: {result['onefile_mb']} MB")
    for name in ("folder", "onefile"):
        c = result.get(f"{name}_cold_start_s")
        if c:
            verdict = "MET" if c["median"] < 2 else "NOT MET"
            print(
                f"cold start to the main menu ({name}): median {c['median']} s, min {c['min']}, max {c['max']} (goal under 2 s: {verdict})"
            )


if __name__ == "__main__":
    main()
