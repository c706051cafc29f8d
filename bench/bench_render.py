"""Frame times of the match screen, headless (SDL's dummy video driver), pinned to one core.

    python bench/bench_render.py [--scenario kosovo] [--frames 600] [--json]

Figures:
- full redraw: a frame in which the whole match screen is drawn (map, panels, widgets), the
  worst case of an interaction; p50 / p95 / p99 / max in ms. Goal: p99 under 16.7 ms (60 fps).
- idle: frames with no input, after the screen settled: how many of them redrew anything
  (goal: none — no frame redraws what has not changed) and what an idle frame costs.
- click to feedback: a click on an action in the list, counted in frames until the screen
  shows it (goal: one frame), and that frame's time.
- click frame: the CPU time of the frame that carries a click on an order (drafting it, then
  taking it back, over several orders), p50 / max in ms. Goal: under 16.7 ms at 100 % and
  200 %. CPU time, not wall time: the figure holds on a machine busy with other work.
- tab switch: the CPU time of the frame that carries a switch between the side panel's tabs.

By default both UI scales are measured (100 % and 200 %); --scale picks one.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.content import find_scenario, load_scenario  # noqa: E402
from game.session.local import LocalMatch  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.scenes.match import MatchScene  # noqa: E402
from game.ui.settings import Settings  # noqa: E402


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def click_events(pos: tuple[int, int]) -> list[pygame.event.Event]:
    return [
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
    ]


def measure(scenario_id: str, frames: int, size: tuple[int, int], scale: int = 100) -> dict:
    scenario = load_scenario(find_scenario(scenario_id))
    seat = scenario.seats[0]
    app = App(Settings(width=size[0], height=size[1], ui_scale=scale), size=size, headless=True)
    local = LocalMatch.start(scenario, [seat])
    scene = MatchScene(app, local, seat)
    app.push(scene)
    for _ in range(5):
        app.frame(1 / 60, events=[])

    full: list[float] = []
    for _ in range(frames):
        app.dirty()
        t = time.perf_counter()
        app.frame(1 / 60, events=[])
        full.append((time.perf_counter() - t) * 1000)

    idle_times: list[float] = []
    drawn_before = app.frames_drawn
    for _ in range(frames):
        t = time.perf_counter()
        app.frame(1 / 60, events=[])
        idle_times.append((time.perf_counter() - t) * 1000)
    idle_redraws = app.frames_drawn - drawn_before

    # Click to feedback: the first drafted-action button in the list.
    buttons = list(scene.action_buttons.values())
    click_frames = None
    click_ms_first = None
    if buttons:
        target = buttons[0]
        scene.reveal(target)  # scrolled into the panel's view, as a player would
        for _ in range(3):
            app.frame(1 / 60, events=[])
        before_draft = len(local.draft(seat))
        before = app.frames_drawn
        t = time.perf_counter()
        app.frame(1 / 60, events=click_events(target.rect.center))
        n = 1
        while len(local.draft(seat)) == before_draft and n < 10:
            app.frame(1 / 60)
            n += 1
        click_ms_first = (time.perf_counter() - t) * 1000
        click_frames = n if app.frames_drawn > before else None

    # Click frames: draft and take back a few orders, each click measured as one frame.
    for _ in range(3):
        app.frame(1 / 60, events=[])
    orders = list(scene.action_buttons)[:6]
    click_ms: list[float] = []
    for order in orders * 2:
        button = scene.action_buttons.get(order)
        if button is None:
            continue
        scene.reveal(button)
        for _ in range(3):
            app.frame(1 / 60, events=[])
        t = time.process_time()
        app.frame(1 / 60, events=click_events(button.rect.center))
        click_ms.append((time.process_time() - t) * 1000)

    # Tab switches: keys 1-2-3 round and round, one frame each.
    tab_ms: list[float] = []
    for k in (pygame.K_2, pygame.K_3, pygame.K_1) * 4:
        ev = pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)
        t = time.process_time()
        app.frame(1 / 60, events=[ev])
        tab_ms.append((time.process_time() - t) * 1000)

    return {
        "scenario": scenario_id,
        "size": f"{size[0]}x{size[1]}",
        "ui_scale": scale,
        "frames": frames,
        "full_redraw_ms": {
            "p50": round(statistics.median(full), 2),
            "p95": round(pct(full, 0.95), 2),
            "p99": round(pct(full, 0.99), 2),
            "max": round(max(full), 2),
        },
        "idle_frames_redrawn": idle_redraws,
        "idle_frame_ms_p99": round(pct(idle_times, 0.99), 3),
        "click_to_feedback_frames": click_frames,
        "click_to_feedback_ms": round(click_ms_first, 2) if click_ms_first is not None else None,
        "click_frame_ms": {
            "n": len(click_ms),
            "p50": round(statistics.median(click_ms), 2) if click_ms else None,
            "max": round(max(click_ms), 2) if click_ms else None,
        },
        "tab_switch_ms": {
            "n": len(tab_ms),
            "p50": round(statistics.median(tab_ms), 2),
            "max": round(max(tab_ms), 2),
        },
    }


def report(result: dict) -> None:
    f = result["full_redraw_ms"]
    print(
        f"match screen, {result['scenario']}, {result['size']} at {result['ui_scale']}%, "
        f"{result['frames']} frames, one core"
    )
    print(f"  full redraw ms: p50 {f['p50']}  p95 {f['p95']}  p99 {f['p99']}  max {f['max']}")
    print(f"  goal p99 < 16.7 ms: {'MET' if f['p99'] < 16.7 else 'NOT MET'}")
    print(
        f"  idle frames that redrew: {result['idle_frames_redrawn']} of {result['frames']} "
        f"(p99 idle frame {result['idle_frame_ms_p99']} ms)"
    )
    print(
        f"  click to visible feedback: {result['click_to_feedback_frames']} frame(s), "
        f"{result['click_to_feedback_ms']} ms"
    )
    c, tab = result["click_frame_ms"], result["tab_switch_ms"]
    met = c["p50"] is not None and c["p50"] < 16.7
    print(
        f"  click frame ms ({c['n']} clicks): p50 {c['p50']}  max {c['max']}  "
        f"goal p50 < 16.7 ms: {'MET' if met else 'NOT MET'}"
    )
    print(f"  tab switch frame ms ({tab['n']} switches): p50 {tab['p50']}  max {tab['max']}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scenario", default="kosovo")
    parser.add_argument("--frames", type=int, default=600)
    parser.add_argument("--size", default="1280x720")
    parser.add_argument(
        "--scale",
        type=int,
        default=0,
        help="UI scale in percent (100-200); both 100 and 200 if not given",
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the issue asks
    w, h = (int(x) for x in args.size.lower().split("x"))
    scales = [args.scale] if args.scale else [100, 200]
    results = [measure(args.scenario, args.frames, (w, h), scale) for scale in scales]
    if args.json:
        print(json.dumps(results if len(results) > 1 else results[0], indent=2))
        return
    for result in results:
        report(result)


if __name__ == "__main__":
    main()
