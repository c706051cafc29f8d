"""How regions lie against each other: regions drawn over each other, borders without
neighbours, neighbours without a border, crises placed where their group does not live; each
reported with both regions named and a point where they meet, at the line to change. The
shipped scenarios have none of these."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content import Problem, check_scenario
from game.content.geometry import check_geometry
from tests.matches import mini_data

ROOT = Path(__file__).resolve().parent.parent

# mini.json's map: a 2 x 2 board of squares 300 wide and 200 high.
#   arcadia_plain [100..400 x 100..300]      borealia_coast [400..700 x 100..300]
#   castria_lowland [100..400 x 300..500]    castria_highlands [400..700 x 300..500]
PLAIN, COAST, LOWLAND, HIGHLANDS = range(4)


def problems(tmp_path: Path, change: Callable[[dict], object]) -> list[Problem]:
    doc = mini_data()
    change(doc)
    path = tmp_path / "map.json"
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    found = check_scenario(path)[1]
    assert all(p.line is not None for p in found)
    return found


def about_map(found: list[Problem]) -> list[Problem]:
    return [p for p in found if p.path.startswith(("regions", "crises", "cards"))]


def test_the_fixture_map_is_clean(tmp_path: Path) -> None:
    assert about_map(problems(tmp_path, lambda d: None)) == []


def test_a_region_drawn_over_another_names_both_and_a_point_inside_both(tmp_path: Path) -> None:
    def shift(d: dict) -> None:  # the Highlands pushed 30 into the Coast above them
        d["regions"][HIGHLANDS]["polygon"] = [[400, 270], [700, 270], [700, 470], [400, 470]]

    found = about_map(problems(tmp_path, shift))
    (p,) = [p for p in found if p.is_error]
    assert p.path == "regions[3].polygon"
    assert p.message.startswith(
        "region 'castria_highlands' is drawn over region 'borealia_coast' around [625, 296]"
    )


@pytest.mark.parametrize(
    ("shape", "point"),
    [
        ("same", "[250, 400"),  # exactly on top of the Lowland: a point inside both
        ("inside", "[150, 350]"),  # a small square inside the Lowland
        ("cross", "[616, 384]"),  # two bars crossing: no corner of either inside the other
    ],
)
def test_every_way_of_overlapping_is_found(tmp_path: Path, shape: str, point: str) -> None:
    def draw(d: dict) -> None:
        regions = d["regions"]
        if shape == "same":
            regions[HIGHLANDS]["polygon"] = regions[LOWLAND]["polygon"]
        elif shape == "inside":
            regions[HIGHLANDS]["polygon"] = [[150, 350], [200, 350], [200, 400], [150, 400]]
        else:
            regions[LOWLAND]["polygon"] = [[100, 380], [700, 380], [700, 420], [100, 420]]
            regions[HIGHLANDS]["polygon"] = [[580, 310], [620, 310], [620, 590], [580, 590]]

    errors = [p for p in about_map(problems(tmp_path, draw)) if p.is_error]
    (p,) = [p for p in errors if "'castria_lowland'" in p.message]
    assert "'castria_highlands' is drawn over region 'castria_lowland'" in p.message
    assert f"around {point}" in p.message


def test_outlines_that_only_meet_or_nearly_meet_do_not_overlap(tmp_path: Path) -> None:
    def nudge(d: dict) -> None:  # half a unit over the shared line: drawn as one line
        d["regions"][HIGHLANDS]["polygon"] = [[399.5, 300], [700, 300], [700, 500], [399.5, 500]]

    assert [p for p in about_map(problems(tmp_path, nudge)) if p.is_error] == []


def test_a_border_without_neighbours_is_a_warning_with_where_it_runs(tmp_path: Path) -> None:
    def forget(d: dict) -> None:
        d["regions"][PLAIN]["neighbors"].remove("castria_lowland")
        d["regions"][LOWLAND]["neighbors"].remove("arcadia_plain")

    (p,) = about_map(problems(tmp_path, forget))
    assert p.severity == "warning" and p.path == "regions[0].id"
    assert p.message == (
        "regions 'arcadia_plain' and 'castria_lowland' share a border 300 long (from [400, 300] "
        "to [100, 300]), but neither lists the other as a neighbour; add each to the other's "
        "neighbors"
    )


def test_regions_meeting_at_a_corner_only_need_not_be_neighbours(tmp_path: Path) -> None:
    # The Plain and the Highlands meet at [400, 300] alone; adding them as neighbours is fine too.
    assert about_map(problems(tmp_path, lambda d: None)) == []

    def diagonal(d: dict) -> None:
        d["regions"][PLAIN]["neighbors"].append("castria_highlands")
        d["regions"][HIGHLANDS]["neighbors"].append("arcadia_plain")

    assert about_map(problems(tmp_path, diagonal)) == []


def test_neighbours_far_apart_are_a_warning_with_where_they_come_closest(tmp_path: Path) -> None:
    def shrink(d: dict) -> None:  # the Highlands pulled 50 away from the Coast and the Lowland
        d["regions"][HIGHLANDS]["polygon"] = [[450, 350], [700, 350], [700, 500], [450, 500]]

    found = about_map(problems(tmp_path, shrink))
    assert [(p.severity, p.path) for p in found] == [
        ("warning", "regions[1].neighbors[1]"),
        ("warning", "regions[2].neighbors[1]"),
    ]
    assert found[0].message == (
        "regions 'borealia_coast' and 'castria_highlands' are neighbours but do not touch: they "
        "come no closer than 50 apart ([700, 300] and [700, 350]); make them share a border, or "
        "take them off each other's neighbors"
    )

    def strait(d: dict) -> None:  # 15 apart: a strait, still neighbours
        d["regions"][HIGHLANDS]["polygon"] = [[415, 315], [700, 315], [700, 500], [415, 500]]

    assert about_map(problems(tmp_path, strait)) == []


def test_a_crisis_where_its_group_does_not_live_is_a_warning(tmp_path: Path) -> None:
    def elsewhere(d: dict) -> None:
        d["crises"][0]["state"] = "borealia"
        d["cards"][0]["options"][0]["effects"].append(
            {"type": "start_crisis", "kind": "famine", "state": "arcadia", "group": "highlanders"}
        )
        d["cards"][0]["options"][1]["effects"].append(
            {"type": "start_crisis", "kind": "refugees", "state": "arcadia", "group": "highlanders"}
        )

    found = about_map(problems(tmp_path, elsewhere))
    assert [(p.severity, p.path) for p in found] == [
        ("warning", "crises[0].state"),
        ("warning", "cards[0].options[0].effects[3].state"),
    ]  # refugees are where they fled to: not reported
    assert found[0].message == (
        "crisis 'highland_repression' is placed in 'borealia', but its group 'highlanders' does "
        "not live there: it lives in 'castria_highlands' ('castria'); place it in the state that "
        "holds one of those regions"
    )


def _star(rot: float) -> list[list[float]]:
    return [
        [
            round(500 + (200 if k % 2 else 290) * math.cos(2 * math.pi * k / 64 + rot), 2),
            round(300 + (200 if k % 2 else 290) * math.sin(2 * math.pi * k / 64 + rot), 2),
        ]
        for k in range(64)
    ]


def test_a_map_too_intricate_to_compare_in_full_is_checked_in_part_and_says_so(
    tmp_path: Path,
) -> None:
    def stars(d: dict) -> None:
        d["regions"] = [
            {
                "id": f"r{i}",
                "name": f"R{i}",
                "owner": "castria",
                "population": 1,
                "polygon": _star(i * 0.01),
                "neighbors": [],
            }
            for i in range(120)
        ]
        d["groups"], d["crises"] = [], []

    found = about_map(problems(tmp_path, stars))
    overlaps = [p for p in found if "is drawn over" in p.message]
    assert overlaps and len(overlaps) < 100
    (last,) = [p for p in found if "only in part" in p.message]
    assert last.severity == "warning" and last.path == "regions"


def test_the_shipped_scenarios_have_no_problem_or_warning() -> None:
    files = sorted(str(p) for p in (ROOT / "scenarios").glob("*.json"))
    out = subprocess.run(
        [sys.executable, "-m", "game", "validate", "--quick", *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "warning" not in out.stdout and "error" not in out.stdout, out.stdout


# ---- a property: two rectangles --------------------------------------------------------------


def _rectangle(draw: st.DrawFn) -> tuple[int, int, int, int]:
    x0 = draw(st.integers(0, 900))
    y0 = draw(st.integers(0, 500))
    return x0, y0, draw(st.integers(x0 + 5, 1000)), draw(st.integers(y0 + 5, 600))


rectangles = st.composite(_rectangle)


@settings(max_examples=300, deadline=None)
@given(rectangles(), rectangles(), st.booleans())
def test_two_rectangles_overlap_exactly_when_their_insides_meet(a, b, listed) -> None:
    def region(rid: str, r: tuple[int, int, int, int], other: str) -> dict:
        x0, y0, x1, y1 = r
        return {
            "id": rid,
            "polygon": [[x0, y0], [x1, y0], [x1, y1], [x0, y1]],
            "neighbors": [other] if listed else [],
        }

    found = check_geometry({"regions": [region("a", a, "b"), region("b", b, "a")]}, set())
    overlap = [f for f in found if "is drawn over" in f.message]
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width > 10 and height > 10:
        assert overlap, (a, b)
    if width <= 0 or height <= 0:
        assert not overlap, (a, b)
    if not overlap and not listed and min(width, height) == 0 and max(width, height) >= 10:
        # Side by side along a stretch of 10 or more: a border without neighbours.
        assert any("share a border" in f.message for f in found), (a, b)
    if listed and not overlap and (width < -20 or height < -20):
        assert any("do not touch" in f.message for f in found), (a, b)


def test_a_crisis_shown_in_a_region_its_state_does_not_hold_is_a_warning(tmp_path: Path) -> None:
    def shown(region: str) -> Callable[[dict], None]:
        def change(d: dict) -> None:
            d["crises"][0]["region"] = region

        return change

    assert about_map(problems(tmp_path, shown("castria_lowland"))) == []  # Castria's own
    found = about_map(problems(tmp_path, shown("arcadia_plain")))
    assert [(p.severity, p.path) for p in found] == [("warning", "crises[0].region")]
    assert found[0].message == (
        "crisis 'highland_repression' happens in 'castria', but the map would show it in "
        "'arcadia_plain', which 'arcadia' holds: name a region of 'castria'"
    )
    unknown = [p for p in problems(tmp_path, shown("castria_lowlands")) if p.severity == "error"]
    assert [p.path for p in unknown] == ["crises[0].region"]
    assert "unknown region 'castria_lowlands'" in unknown[0].message
    assert "did you mean 'castria_lowland'" in unknown[0].message
