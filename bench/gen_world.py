"""A large, valid scenario for the benchmark's scale section and the complexity test, from a seed.

    python bench/gen_world.py [--states 60] [--seed 1] [--out FILE]

Everything scales with ``--states N``: about 10/3 regions a state on a triangular-lattice map
(each region borders 2 to 6 others, states are contiguous), N/2 groups (the nations of some
states and minorities spread over border regions), N/10 unions and alliances besides the four
global bodies (a UN with permanent members, a court, a bank, a trade body), N/15 NGOs, N/10
corporations, a few crises and a war under way, missions for every seat, and event cards drawn
from templates over the whole vocabulary (about 1.7 a state and 11 about the whole world: at
least 80 from N = 42). With the default N = 60: 60 states, 209 regions, 30 groups, 6 unions and
alliances and 4 global bodies, 4 NGOs, 74 actors, 40 seats, 111 cards.

The rules are not scale-free, and the generated world shows it: a state's fear sums the threat of
every state beyond its borders (``mechanics.fear``, ``FEAR_FAR``), so in a world of 60 states fear
climbs toward 100 within a few turns, border clashes multiply and peace falls to 0 by turn 6
whatever the starting figures (calm states of one order of power, a strong UN and wide alliances
only delay it). The matches still play: cards fire every turn, votes pass and fail, states are
conquered and secede, and most matches end in collapse between turns 18 and 20.

The same seed and size give the same bytes (a ``random.Random`` of the seed, nothing else: no
clock, no set order). ``continuum validate`` accepts the file; its warnings, if any, are cards
or endings the validator's sample matches did not reach, not mistakes (see bench/README.md).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Json = dict[str, Any]

SYLLABLES = [
    "ar",
    "ba",
    "bel",
    "cor",
    "da",
    "dor",
    "el",
    "fa",
    "gal",
    "ha",
    "is",
    "ka",
    "kor",
    "la",
    "lu",
    "mar",
    "mo",
    "na",
    "nor",
    "o",
    "pa",
    "ra",
    "ri",
    "sa",
    "sel",
    "ta",
    "tor",
    "u",
    "va",
    "ve",
    "vin",
    "ya",
    "zan",
    "zor",
    "qui",
    "len",
    "dra",
    "mir",
]
ENDINGS = ("ia", "an", "or", "ara", "and", "esh", "ovia", "eth", "ium", "ar")
NGO_FOCUS = ("relief", "rights", "minority", "labor", "environment")
TURNS = 24


@dataclass
class Plan:
    """What the generator has decided so far: the map, who owns what, who belongs where."""

    states: int
    rng: random.Random
    cols: int = 0
    rows: int = 0
    owner: dict[tuple[int, int], int] = field(default_factory=dict)  # cell -> state index
    state_ids: list[str] = field(default_factory=list)
    state_names: list[str] = field(default_factory=list)
    cells_of: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    neighbours_of: dict[int, list[int]] = field(default_factory=dict)  # state -> bordering states
    figures: list[Json] = field(default_factory=list)  # each state's actor entry


# ---- names --------------------------------------------------------------------------------------


def _names(rng: random.Random, count: int) -> list[str]:
    """``count`` different invented names ("Korvia", "Selmaran", …)."""
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < count:
        stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 2)))
        name = (stem + rng.choice(ENDINGS)).capitalize()
        if name not in seen and len(name) <= 14:
            seen.add(name)
            out.append(name)
    return out


def _color(rng: random.Random) -> str:
    return "#" + "".join(f"{rng.randint(40, 220):02x}" for _ in range(3))


def _id(name: str) -> str:
    return name.lower()


# ---- the map ------------------------------------------------------------------------------------


def _cell_id(cell: tuple[int, int]) -> str:
    return f"r{cell[0]:02d}_{cell[1]:02d}"


def _lattice(cell: tuple[int, int], cols: int, rows: int) -> list[tuple[int, int]]:
    """The cells bordering ``cell`` on a triangular lattice: left, right, up, down, and the two
    diagonal corners (up-left, down-right). Corner cells have 2 or 3, inner cells 6."""
    r, c = cell
    out = []
    for dr, dc in ((0, -1), (0, 1), (-1, 0), (1, 0), (-1, -1), (1, 1)):
        rr, cc = r + dr, c + dc
        if 0 <= rr < rows and 0 <= cc < cols:
            out.append((rr, cc))
    return out


def _polygon(cell: tuple[int, int], cols: int, rows: int) -> list[list[float]]:
    r, c = cell
    x0, x1 = round(1000 * c / cols, 1), round(1000 * (c + 1) / cols, 1)
    y0, y1 = round(600 * r / rows, 1), round(600 * (r + 1) / rows, 1)
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]


def _grow_states(plan: Plan) -> None:
    """Split the lattice into ``states`` contiguous territories: each state starts on a random
    cell and, round after round, takes one free cell bordering what it holds."""
    rng, cols, rows = plan.rng, plan.cols, plan.rows
    cells = [(r, c) for r in range(rows) for c in range(cols)]
    seeds = rng.sample(cells, plan.states)
    for i, cell in enumerate(seeds):
        plan.owner[cell] = i
        plan.cells_of[i] = [cell]
    free = len(cells) - plan.states
    while free:
        for i in range(plan.states):
            options = sorted(
                {n for cell in plan.cells_of[i] for n in _lattice(cell, cols, rows)}
                - plan.owner.keys()
            )
            if options:
                cell = rng.choice(options)
                plan.owner[cell] = i
                plan.cells_of[i].append(cell)
                free -= 1
    for i in range(plan.states):
        border = {
            plan.owner[n]
            for cell in plan.cells_of[i]
            for n in _lattice(cell, cols, rows)
            if plan.owner[n] != i
        }
        plan.neighbours_of[i] = sorted(border)


def _regions(plan: Plan) -> list[Json]:
    rng, cols, rows = plan.rng, plan.cols, plan.rows
    out = []
    for r in range(rows):
        for c in range(cols):
            cell = (r, c)
            owner = plan.owner[cell]
            out.append(
                {
                    "id": _cell_id(cell),
                    "name": f"{plan.state_names[owner]} {r + 1}-{c + 1}",
                    "owner": plan.state_ids[owner],
                    "population": round(rng.uniform(0.5, 12.0), 1),
                    "polygon": _polygon(cell, cols, rows),
                    "neighbors": [_cell_id(n) for n in _lattice(cell, cols, rows)],
                }
            )
    return out


# ---- actors -------------------------------------------------------------------------------------


def _power(s: Json) -> float:
    return s["military"] + math.sqrt(s["wealth"]) * 2


def _states(plan: Plan) -> list[Json]:
    rng = plan.rng
    out = []
    for i in range(plan.states):
        autocracy = rng.random() < 0.25
        # Powers of one order of magnitude and little fear: the criteria are absolute (each war
        # costs peace whatever the world's size), so a large world must start calm to last.
        wealth = round(math.exp(rng.uniform(3.0, 6.0)), 1)  # 20 to 400
        s: Json = {
            "kind": "state",
            "id": plan.state_ids[i],
            "name": plan.state_names[i],
            "color": _color(rng),
            "wealth": wealth,
            "military": round(rng.uniform(12, 30) + wealth / 40, 1),
            "government": "autocracy" if autocracy else "republic",
            "sovereignty": rng.randint(60, 95),
            "fear": rng.randint(5, 25),
            "freedom": rng.randint(15, 40) if autocracy else rng.randint(55, 85),
            "pressure": rng.randint(0, 10),
        }
        out.append(s)
    by_power = sorted(range(plan.states), key=lambda i: (-_power(out[i]), i))
    for i in by_power[:5]:
        out[i]["action_points"] = 3
    plan.figures = out
    return out


def _ranked(plan: Plan) -> list[str]:
    """State ids, most powerful first."""
    order = sorted(range(plan.states), key=lambda i: (-_power(plan.figures[i]), i))
    return [plan.state_ids[i] for i in order]


def _cluster(plan: Plan, hub: int, size: int) -> list[str]:
    """``hub`` and the states nearest to it over the border graph (breadth first)."""
    seen, queue = [hub], [hub]
    while queue and len(seen) < size:
        for n in plan.neighbours_of[queue.pop(0)]:
            if n not in seen and len(seen) < size:
                seen.append(n)
                queue.append(n)
    return sorted(plan.state_ids[i] for i in seen)


def _federations(plan: Plan, count: int) -> list[Json]:
    rng = plan.rng
    hubs = rng.sample(range(plan.states), count)
    names = _names(rng, count)
    out = []
    for k, hub in enumerate(hubs):
        union = k % 2 == 0
        out.append(
            {
                "kind": "federation",
                "id": f"{_id(names[k])}_{'union' if union else 'pact'}",
                "name": f"{names[k]} {'Union' if union else 'Pact'}",
                "color": _color(rng),
                "purpose": "union" if union else "alliance",
                "members": _cluster(plan, hub, rng.randint(5, 12)),
                "depth": rng.randint(20, 55),
                "budget": rng.randint(10, 45),
                "force": rng.randint(0, 15) if union else rng.randint(40, 70),
            }
        )
    return out


def _bodies(plan: Plan) -> list[Json]:
    rng = plan.rng
    ranked = _ranked(plan)
    ids = list(plan.state_ids)
    bank_members = sorted(rng.sample(ids, round(len(ids) * 0.7)))
    trade_members = sorted(rng.sample(ids, round(len(ids) * 0.6)))
    common = {"color": "", "budget": 0}
    out: list[Json] = [
        {
            **common,
            "kind": "global_body",
            "id": "un",
            "name": "United Nations",
            "body": "un",
            "members": None,
            "permanent": sorted(ranked[:5]),
            "assembly_majority": 0.67,
            "mandate": 55,
            "enforcement": 45,
            "budget": 30,
            "legitimacy": 60,
            "independence": 45,
            "action_points": 3,
        },
        {
            **common,
            "kind": "global_body",
            "id": "court",
            "name": "International Criminal Court",
            "body": "court",
            "members": None,
            "mandate": 40,
            "enforcement": 15,
            "budget": 15,
            "legitimacy": 50,
            "independence": 70,
        },
        {
            **common,
            "kind": "global_body",
            "id": "bank",
            "name": "World Bank",
            "body": "bank",
            "members": bank_members,
            "mandate": 40,
            "enforcement": 30,
            "budget": 60,
            "legitimacy": 45,
            "independence": 40,
        },
        {
            **common,
            "kind": "global_body",
            "id": "trade",
            "name": "Trade Council",
            "body": "trade",
            "members": trade_members,
            "mandate": 30,
            "enforcement": 20,
            "budget": 20,
            "legitimacy": 50,
            "independence": 50,
        },
    ]
    for body in out:
        body["color"] = _color(rng)
    return out


def _ngos(plan: Plan, count: int) -> list[Json]:
    rng = plan.rng
    names = _names(rng, count)
    out = []
    for k in range(count):
        focus = NGO_FOCUS[k % len(NGO_FOCUS)]
        out.append(
            {
                "kind": "ngo",
                "id": f"{_id(names[k])}_{focus}",
                "name": f"{names[k]} {focus.capitalize()} Network",
                "color": _color(rng),
                "focus": focus,
                "volunteers": rng.randint(5, 30),
                "reach": sorted(rng.sample(plan.state_ids, rng.randint(6, 15))),
                "credibility": rng.randint(45, 75),
            }
        )
    return out


# ---- groups, crises, treaties --------------------------------------------------------------------


def _groups(plan: Plan, count: int, regions: list[Json], states: list[Json]) -> list[Json]:
    """A third are the nations of states (their state's regions); the rest are minorities in
    a border region of their host, some spilling over into the neighbouring state."""
    rng, cols, rows = plan.rng, plan.cols, plan.rows
    population = {r["id"]: r["population"] for r in regions}
    names = _names(rng, count)
    nations = count // 3
    out: list[Json] = []
    order = rng.sample(range(plan.states), plan.states)
    for k in range(count):
        host = order[k % plan.states]
        cells = plan.cells_of[host]
        if k < nations:
            rids = sorted(_cell_id(c) for c in cells)
            pop = round(0.8 * sum(population[r] for r in rids), 1)
            states[host]["nation"] = f"{_id(names[k])}_people"
            out.append(
                {
                    "id": f"{_id(names[k])}_people",
                    "name": f"{names[k]} people",
                    "kind": "national",
                    "regions": rids,
                    "population": max(0.1, pop),
                    "grievance": rng.randint(5, 20),
                    "security": rng.randint(65, 90),
                    "autonomy": rng.randint(70, 95),
                    "separation": rng.randint(50, 85),
                }
            )
            continue
        home = rng.choice(sorted(cells))
        rids = [_cell_id(home)]
        inside = [n for n in _lattice(home, cols, rows) if plan.owner[n] == host]
        outside = [n for n in _lattice(home, cols, rows) if plan.owner[n] != host]
        if inside:
            rids.append(_cell_id(rng.choice(sorted(inside))))
            if outside and rng.random() < 0.6:  # a minority across the border too
                rids.append(_cell_id(rng.choice(sorted(outside))))
        rids = list(dict.fromkeys(rids))
        pop = round(0.25 * sum(population[r] for r in rids), 1)
        out.append(
            {
                "id": f"{_id(names[k])}_minority",
                "name": f"{names[k]} minority",
                "kind": "ethnic" if k % 2 else "religious",
                "regions": rids,
                "population": max(0.1, pop),
                "grievance": rng.randint(25, 60),
                "security": rng.randint(35, 70),
                "autonomy": rng.randint(10, 40),
                "separation": rng.randint(40, 80),
            }
        )
    return out


def _host(plan: Plan, group: Json) -> str:
    """The state holding most of the group's regions (the first cell is always the host's)."""
    r, c = (int(x) for x in group["regions"][0][1:].split("_"))
    return plan.state_ids[plan.owner[(r, c)]]


def _crises(plan: Plan, groups: list[Json], states: list[Json]) -> list[Json]:
    rng = plan.rng
    autocracies = {s["id"] for s in states if s["government"] == "autocracy"}
    minorities = [g for g in groups if g["kind"] != "national"]
    out: list[Json] = []
    repressed = [g for g in minorities if _host(plan, g) in autocracies][:1]
    for g in repressed:
        out.append(
            {
                "id": f"{g['id']}_repression",
                "kind": "repression",
                "state": _host(plan, g),
                "group": g["id"],
                "severity": rng.randint(20, 30),
            }
        )
    poorest = sorted(states, key=lambda s: (s["wealth"], s["id"]))
    out.append({"id": "great_famine", "kind": "famine", "state": poorest[0]["id"], "severity": 20})
    return out


def _wars(plan: Plan) -> list[Json]:
    a = plan.rng.randrange(plan.states)
    b = plan.neighbours_of[a][0]
    return [{"id": "frontier_war", "attacker": plan.state_ids[a], "defender": plan.state_ids[b]}]


def _treaties(plan: Plan, federations: list[Json], groups: list[Json]) -> list[Json]:
    out = [
        {"id": f"{f['id']}_treaty", "kind": "alliance", "parties": f["members"]}
        for f in federations
        if f["purpose"] == "alliance"
    ]
    minority = next(g for g in groups if g["kind"] != "national")
    host = _host(plan, minority)
    guarantor = plan.state_ids[plan.neighbours_of[plan.state_ids.index(host)][0]]
    out.append(
        {
            "id": "autonomy_accord",
            "kind": "autonomy_guarantee",
            "parties": sorted([host, guarantor]),
            "group": minority["id"],
        }
    )
    ranked = _ranked(plan)
    out.append({"id": "great_trade_pact", "kind": "trade", "parties": sorted(ranked[:3])})
    a = plan.state_ids[0]
    b = plan.state_ids[plan.neighbours_of[0][0]]
    out.append({"id": "border_pact", "kind": "non_aggression", "parties": sorted([a, b])})
    return out


def _corporations(plan: Plan, count: int) -> list[Json]:
    rng = plan.rng
    ranked = _ranked(plan)
    names = _names(rng, count)
    return [
        {
            "id": f"{_id(names[k])}_corp",
            "name": f"{names[k]} Holdings",
            "home": ranked[k % 8],
            "capital": rng.randint(30, 150),
            "escape": rng.randint(30, 70),
        }
        for k in range(count)
    ]


# ---- seats and missions ---------------------------------------------------------------------------


def _goal(text: str, points: int, *when: Json) -> Json:
    return {"text": text, "points": points, "when": list(when)}


def _stat(actor: str, stat: str, lo: float | None = None, hi: float | None = None) -> Json:
    cond: Json = {"type": "actor_stat", "actor": actor, "stat": stat}
    if lo is not None:
        cond["min"] = lo
    if hi is not None:
        cond["max"] = hi
    return cond


def _mission(actor: Json, plan: Plan, crises: list[Json]) -> Json:
    rng = plan.rng
    aid, kind = actor["id"], actor["kind"]
    weights = {c: rng.choice((0.5, 1, 1, 2)) for c in ("peace", "justice", "pluralism", "freedom")}
    goals: list[Json]
    if kind == "state":
        role = f"Head of government of {actor['name']}"
        first = _cell_id(sorted(plan.cells_of[plan.state_ids.index(aid)])[0])
        goals = [
            _goal("Keep most of your sovereignty", 10, _stat("$target", "sovereignty", 55)),
            _goal(
                "Hold your oldest province",
                15,
                {"type": "region_owner", "region": first, "owner": "$target"},
            ),
        ]
        if any(c["state"] == aid for c in crises):
            goals.append(
                _goal(
                    "End the crisis at home",
                    15,
                    {"type": "not", "condition": {"type": "crisis", "state": aid}},
                )
            )
    elif kind == "federation":
        role = f"Council of the {actor['name']}"
        goals = [
            _goal("Deepen the federation", 15, _stat("$target", "depth", actor["depth"] + 5)),
            _goal("No war among the nations", 10, {"type": "war", "active": False}),
        ]
    elif kind == "global_body":
        role = f"Head of the {actor['name']}"
        goals = [
            _goal("Be trusted: legitimacy above 55", 10, _stat("$target", "legitimacy", 55)),
            _goal("A stronger mandate", 10, _stat("$target", "mandate", actor["mandate"] + 5)),
        ]
        if actor["body"] in ("bank", "trade"):
            goals.append(_goal("A fairer world economy", 10, {"type": "inequality", "max": 45}))
    else:
        role = f"Director of {actor['name']}"
        goals = [
            _goal("Be believed: credibility above 70", 10, _stat("$target", "credibility", 70)),
            _goal("A dense civil society", 10, {"type": "civil_society", "min": 20}),
        ]
    return {"actor": aid, "role": role, "weights": weights, "goals": goals}


# ---- cards ----------------------------------------------------------------------------------------


def _opt(oid: str, label: str, *effects: Json, default: bool = False) -> Json:
    o: Json = {"id": oid, "label": label, "effects": list(effects)}
    if default:
        o["default"] = True
    return o


def _card(
    cid: str, title: str, target: str, trigger: list[Json], *options: Json, **extra: Any
) -> Json:
    return {
        "id": cid,
        "title": title,
        "text": f"{title}: your advisers wait for your decision.",
        "lesson": "Every choice moves the world along the continuum, and someone pays for it.",
        "target": target,
        "trigger": trigger,
        "options": list(options),
        **extra,
    }


def _crit(criterion: str, amount: float) -> Json:
    return {"type": "criterion", "criterion": criterion, "amount": amount}


def _act(actor: str, stat: str, amount: float) -> Json:
    return {"type": "actor_stat", "actor": actor, "stat": stat, "amount": amount}


def _grp(group: str, stat: str, amount: float) -> Json:
    return {"type": "group_stat", "group": group, "stat": stat, "amount": amount}


def _state_card(k: int, s: Json, t: str, plan: Plan, fed: Json | None) -> Json:
    """One card about state ``s`` (bordering ``t``), the template chosen by ``k``."""
    sid = s["id"]
    cell = sorted(plan.cells_of[plan.state_ids.index(sid)])[0]
    kind = k % 8
    if kind == 0:
        return _card(
            f"border_incident_{sid}", f"Shots on the {t} border", sid,
            [{"type": "any", "conditions": [_stat(sid, "fear", 35), {"type": "chance", "p": 0.15}]}],
            _opt("mobilize", "Mobilize the reserves", _act(sid, "military", 6), _act(t, "fear", 8)),
            _opt("strike", "Strike first", {"type": "start_war", "attacker": sid, "defender": t}, _crit("peace", -3)),
            _opt("talk", "Call the neighbours' envoy", _act(sid, "fear", -6), _act(t, "fear", -4), default=True),
            centralization="rewards",
        )  # fmt: skip
    if kind == 1:
        return _card(
            f"refugees_at_{sid}", "Refugees at the gates", sid,
            [{"type": "crisis", "state": t, "min_severity": 10}],
            _opt("open", "Open the camps", {"type": "start_crisis", "kind": "refugees", "state": sid, "severity": 10}, _crit("justice", 2)),
            _opt("close", "Close the border", _crit("justice", -3), _act(sid, "fear", 3)),
        )  # fmt: skip
    if kind == 2 and fed is not None:
        return _card(
            f"join_{fed['id']}_{sid}", f"An invitation from the {fed['name']}", sid,
            [{"type": "member", "state": sid, "of": fed["id"], "member": False}, {"type": "turn", "min": 2}, {"type": "chance", "p": 0.4}],
            _opt("join", "Join", {"type": "membership", "state": sid, "of": fed["id"]}, _act(sid, "sovereignty", -5)),
            _opt("stay_out", "Stay out", _act(sid, "sovereignty", 2), _crit("pluralism", 1)),
            centralization="rewards",
        )  # fmt: skip
    if kind == 3 and s["government"] == "republic":
        return _card(
            f"emergency_powers_{sid}", "Emergency powers", sid,
            [{"type": "government", "actor": sid, "government": "republic"}, {"type": "any", "conditions": [{"type": "criterion", "criterion": "peace", "max": 45}, {"type": "chance", "p": 0.1}]}],
            _opt("decree", "Rule by decree", {"type": "government", "actor": sid, "government": "autocracy"}, _act(sid, "freedom", -10)),
            _opt("elections", "Call elections", _act(sid, "freedom", 3), _act(sid, "fear", 4)),
            centralization="punishes",
        )  # fmt: skip
    if kind in (2, 3):  # an autocracy, or a state with no federation near: a spring
        return _card(
            f"spring_in_{sid}", "Crowds in the capital", sid,
            [{"type": "turn", "min": 3}, {"type": "any", "conditions": [_stat(sid, "pressure", 10), {"type": "chance", "p": 0.2}]}],
            _opt("reform", "Open the regime", {"type": "government", "actor": sid, "government": "republic"}, _act(sid, "sovereignty", -3)),
            _opt("repress", "Clear the squares", _act(sid, "freedom", -6), _crit("freedom", -2), _act(sid, "pressure", -5)),
        )  # fmt: skip
    if kind == 4:
        region = _cell_id(cell)
        return _card(
            f"disputed_{region}", "A province under fire", sid,
            [{"type": "war", "involving": sid}, {"type": "region_owner", "region": region, "owner": sid}],
            _opt("cede", "Cede the province for peace", {"type": "transfer_region", "region": region, "to": t}, {"type": "end_war", "involving": sid}),
            _opt("fight", "Fight on", _act(sid, "military", -5), _crit("peace", -2)),
        )  # fmt: skip
    if kind == 5:
        return _card(
            f"capital_tax_{sid}", "Tax the footloose capital", sid,
            [{"type": "inequality", "min": 15}, {"type": "turn", "min": 2}],
            _opt("tax", "Tax it alone", _act(sid, "wealth", 3), {"type": "corporations", "stat": "escape", "amount": 4}),
            _opt("standard", "Ask for a common standard", {"type": "corporations", "stat": "escape", "amount": -5}, _act(sid, "sovereignty", -3), _crit("justice", 2)),
            centralization="rewards",
        )  # fmt: skip
    if kind == 6:
        return _card(
            f"harvest_{sid}", "The harvest fails", sid,
            [{"type": "turn", "min": 2}, {"type": "chance", "p": 0.15}],
            _opt("appeal", "Appeal for aid", {"type": "start_crisis", "kind": "famine", "state": sid, "severity": 12}, _crit("justice", -1)),
            _opt("ration", "Ration at home", _act(sid, "wealth", -2), _crit("freedom", -1)),
        )  # fmt: skip
    return _card(
        f"arms_race_{sid}", f"{t} is arming", sid,
        [{"type": "chance", "p": 0.2}],
        _opt("arm", "Arm in turn", _act(sid, "military", 8), _act(t, "fear", 5), {"type": "flag", "flag": "arms_race", "amount": 1}),
        _opt("treaty", "Propose an arms treaty", _act(sid, "fear", -5), {"type": "flag", "flag": "arms_race", "amount": -1}),
        once=False, cooldown=6,
    )  # fmt: skip


def _group_card(g: Json, host: str) -> Json:
    gid = g["id"]
    return _card(
        f"unrest_{gid}", f"The {g['name']} demand more", host,
        [{"type": "group_stat", "group": gid, "stat": "grievance", "min": max(20, g["grievance"] - 10)}, {"type": "turn", "min": 2}],
        _opt("crack_down", "Crack down", {"type": "start_crisis", "kind": "repression", "state": host, "group": gid, "severity": 15}, _act(host, "sovereignty", 3)),
        _opt("autonomy", "Grant autonomy", _grp(gid, "autonomy", 12), _grp(gid, "grievance", -8), _act(host, "sovereignty", -4), default=True),
        _opt("referendum", "Let them vote on independence", {"type": "secede", "group": gid}),
        centralization="punishes",
    )  # fmt: skip


def _federation_cards(f: Json) -> list[Json]:
    fid = f["id"]
    return [
        _card(
            f"deepen_{fid}", f"Deepen the {f['name']}?", fid,
            [_stat(fid, "depth", hi=70), {"type": "turn", "min": 3}],
            _opt("deepen", "Pool more sovereignty", _act(fid, "depth", 8), _crit("pluralism", -1)),
            _opt("budget", "Raise a common budget", _act(fid, "budget", 10)),
            _opt("wait", "Wait for consensus", _crit("pluralism", 1)),
            centralization="rewards",
        ),
        _card(
            f"common_force_{fid}", "Nobody else will go", fid,
            [{"type": "crisis", "unanswered": True, "min_age": 2, "min_severity": 15}],
            _opt("send", "Send the common force", {"type": "crisis", "amount": -8, "responder": fid}, _act(fid, "force", -5)),
            _opt("stay", "Stay home", _crit("peace", -1)),
        ),
    ]  # fmt: skip


def _ngo_cards(o: Json) -> list[Json]:
    oid = o["id"]
    return [
        _card(
            f"alarm_{oid}", "Raise the alarm?", oid,
            [{"type": "crisis", "min_severity": 10}],
            _opt("alarm", "Go public", _act(oid, "credibility", 4), {"type": "crisis", "relief": 10}),
            _opt("quiet", "Quiet diplomacy", _act(oid, "credibility", -2)),
        ),
        _card(
            f"recruit_{oid}", "Volunteers at the door", oid,
            [{"type": "civil_society", "max": 60}, {"type": "turn", "min": 4}],
            _opt("recruit", "Train them", _act(oid, "volunteers", 5)),
            _opt("focus", "Stay small and trusted", _act(oid, "credibility", 5)),
        ),
    ]  # fmt: skip


def _world_cards() -> list[Json]:
    return [
        _card(
            "standing_force", "Nobody is coming", "un",
            [{"type": "crisis", "unanswered": True, "min_age": 2}, _stat("un", "enforcement", hi=40)],
            _opt("ask", "Ask for a standing force", _act("un", "enforcement", 8), {"type": "crisis", "responder": "un", "authorize": True}, {"type": "flag", "flag": "standing_force", "set": 1}),
            _opt("statement", "Issue a statement", _act("un", "legitimacy", -5), {"type": "crisis", "amount": 5}),
            once=False, cooldown=4, centralization="rewards",
        ),
        _card(
            "indictment", "Indict the leaders?", "court",
            [{"type": "crisis", "kind": ["repression", "cleansing"], "min_severity": 20}, {"type": "status", "actor": "$crisis_state", "status": "indicted", "active": False}],
            _opt("indict", "Indict them", {"type": "crisis", "amount": -5}, _act("court", "legitimacy", 4), {"type": "flag", "flag": "indictments", "amount": 1}),
            _opt("wait", "Gather more evidence", _act("court", "legitimacy", -2)),
            once=False, cooldown=5,
        ),
        _card(
            "bailout", "A run on the banks", "bank",
            [{"type": "any", "conditions": [{"type": "crisis", "kind": ["financial"]}, {"type": "inequality", "min": 40}]}],
            _opt("lend", "Lend without conditions", _act("bank", "budget", -10), _crit("justice", 3)),
            _opt("conditions", "Lend with conditions", _act("bank", "mandate", 5), _crit("freedom", -1)),
        ),
        _card(
            "standards", "Common standards", "trade",
            [{"type": "turn", "min": 4}, {"type": "chance", "p": 0.4}],
            _opt("standards", "Set standards", {"type": "corporations", "stat": "escape", "amount": -6}, _act("trade", "mandate", 4)),
            _opt("open", "Open the markets", {"type": "corporations", "stat": "capital", "amount": 10}, _crit("justice", -2)),
            centralization="rewards",
        ),
        _card(
            "pax", "The hegemon's peace", "$hegemon",
            [{"type": "centralization", "min": 30}],
            _opt("impose", "Impose order", _crit("peace", 3), _crit("freedom", -2), _act("$hegemon", "military", 5)),
            _opt("restraint", "Show restraint", _crit("pluralism", 2)),
            centralization="punishes",
        ),
        _card(
            "ceasefire", "A ceasefire on the table", "$attacker",
            [{"type": "war", "min_age": 2}],
            _opt("ceasefire", "Sign it", {"type": "end_war", "involving": "$attacker"}),
            _opt("press_on", "Press on", _act("$attacker", "military", -4), _crit("peace", -2)),
            once=False, cooldown=3,
        ),
        _card(
            "cleansing_threat", "Finish them?", "$crisis_state",
            [{"type": "crisis", "kind": ["repression"], "min_severity": 35}],
            _opt("stop", "Pull the troops back", {"type": "crisis", "amount": -10}, _act("$target", "sovereignty", -3)),
            _opt("finish", "Finish the job", {"type": "crisis", "amount": 10}, _grp("$crisis_group", "grievance", 10), _crit("pluralism", -3)),
            once=False, cooldown=4,
        ),
        _card(
            "world_parliament", "A world parliament?", "un",
            [{"type": "arrangement", "arrangements": ["pluralism_2", "pluralism_3", "federation"]}],
            _opt("push", "Push for it", _act("un", "mandate", 8), _crit("pluralism", -2)),
            _opt("decline", "Too soon", _crit("pluralism", 1)),
            centralization="rewards",
        ),
        _card(
            "pandemic", "A new fever", "$hegemon",
            [{"type": "turn", "min": 6}, {"type": "chance", "p": 0.2}],
            _opt("share", "Share the vaccine", {"type": "start_crisis", "kind": "plague", "state": "$target", "severity": 10}, _crit("justice", 2)),
            _opt("hoard", "Keep it at home", {"type": "start_crisis", "kind": "plague", "state": "$target", "severity": 20}, _crit("justice", -3)),
        ),
        _card(
            "crash", "The markets crash", "bank",
            [{"type": "turn", "min": 8}, {"type": "chance", "p": 0.25}],
            _opt("rescue", "Rescue the banks", {"type": "start_crisis", "kind": "financial", "state": "$hegemon", "severity": 15}, _act("bank", "budget", -10)),
            _opt("let_fail", "Let them fail", {"type": "start_crisis", "kind": "financial", "state": "$hegemon", "severity": 30}),
        ),
        _card(
            "arms_race_summit", "The arms race", "un",
            [{"type": "flag", "flag": "arms_race", "min": 2}],
            _opt("summit", "Call a summit", {"type": "flag", "flag": "arms_race", "set": 0}, _act("un", "legitimacy", 3)),
            _opt("ignore", "Let them arm", _crit("peace", -2)),
        ),
    ]  # fmt: skip


def _cards(plan: Plan, groups: list[Json], feds: list[Json], ngos: list[Json]) -> list[Json]:
    member_of: dict[str, list[Json]] = {}
    for f in feds:
        for m in f["members"]:
            member_of.setdefault(m, []).append(f)
    cards: list[Json] = []
    for i, s in enumerate(plan.figures):
        t = plan.state_ids[plan.neighbours_of[i][0]]
        # a federation a neighbour belongs to and this state does not: an invitation
        near = [
            f
            for n in plan.neighbours_of[i]
            for f in member_of.get(plan.state_ids[n], [])
            if s["id"] not in f["members"]
        ]
        cards.append(_state_card(i, s, t, plan, near[0] if near else None))
    for g in groups:
        if g["kind"] != "national":
            cards.append(_group_card(g, _host(plan, g)))
    for f in feds:
        cards.extend(_federation_cards(f))
    for o in ngos:
        cards.extend(_ngo_cards(o))
    cards.extend(_world_cards())
    return cards


def _end_conditions() -> list[Json]:
    return [
        {
            "id": "collapse",
            "text": "Collapse: the world has fallen into war, massacre and flight.",
            "min_turn": 18,
            "when": [
                {"type": "criterion", "criterion": "peace", "max": 5},
                {"type": "criterion", "criterion": "pluralism", "max": 30},
            ],
        },
        {
            "id": "lasting_peace",
            "text": "A lasting peace: no war is fought and the world is calm.",
            "min_turn": 16,
            "when": [
                {"type": "criterion", "criterion": "peace", "min": 85},
                {"type": "war", "active": False},
            ],
        },
    ]


# ---- the whole ----------------------------------------------------------------------------------


def generate(states: int = 60, seed: int = 1) -> Json:
    """The scenario as a JSON-ready dict: ``states`` states and everything scaled to them."""
    if states < 8:
        raise ValueError("at least 8 states")
    rng = random.Random(seed)
    plan = Plan(states=states, rng=rng)
    target = math.ceil(states * 10 / 3)
    plan.cols = math.ceil(math.sqrt(target * 5 / 3))
    plan.rows = math.ceil(target / plan.cols)
    plan.state_names = _names(rng, states)
    plan.state_ids = [_id(n) for n in plan.state_names]
    _grow_states(plan)
    state_actors = _states(plan)
    regions = _regions(plan)
    feds = _federations(plan, max(2, states // 10))
    bodies = _bodies(plan)
    ngos = _ngos(plan, max(2, states // 15))
    groups = _groups(plan, max(4, states // 2), regions, state_actors)
    crises = _crises(plan, groups, state_actors)
    actors = [*state_actors, *feds, *bodies, *ngos]
    ranked = _ranked(plan)
    seats = [a["id"] for a in (*bodies, *feds, *ngos)]
    seats += ranked[: 40 - len(seats)]
    by_id = {a["id"]: a for a in actors}
    return {
        "format": 1,
        "id": f"generated_{states}",
        "title": f"A generated world of {states} states",
        "summary": "A large invented world for the engine's scale benchmark: many states, "
        "unions, minorities and crises, all at once.",
        "briefing": "An invented world, generated from a seed. Each turn is about a month.",
        "argument": "Does anything in the rules grow faster than the world?",
        "turns": TURNS,
        "seed": seed,
        "cards_per_turn": 5,
        "seats": seats,
        "actors": actors,
        "regions": regions,
        "groups": groups,
        "corporations": _corporations(plan, min(32, max(2, states // 10))),
        "crises": crises,
        "wars": _wars(plan),
        "treaties": _treaties(plan, feds, groups),
        "missions": [_mission(by_id[s], plan, crises) for s in seats],
        "end_conditions": _end_conditions(),
        "cards": _cards(plan, groups, feds, ngos),
    }


def dumps(doc: Json) -> str:
    """The file's text: the same dict gives the same bytes."""
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--states", type=int, default=60, help="how many states (default 60)")
    p.add_argument("--seed", type=int, default=1, help="the generator's seed and the match's")
    p.add_argument("--out", default="-", help="the file to write (default: stdout)")
    args = p.parse_args(argv)
    text = dumps(generate(args.states, args.seed))
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
