"""Issue 11's figures, measured again: how the rules carry (or fail to carry) the continuum.

    python bench/balance.py [--matches N] [--seed S] [--json] [--only NAME ...] [--jobs J]

Plays AI matches through the engine's public face (``new_world``, ``resolve``, the baseline
bot's ``ai_orders``) and reads only the turn reports (criteria before/after, the ledger's
changes with their cause keys, lines with their keys, fired cards, votes, the arrangement
before/after) and the worlds between turns. Each figure is printed beside the issue's.

Sections (``--only``): starts, targets, arrangements, circle, loopholes, restraint, cards.
Match seeds are S, S+1, ... S+N-1 for every scenario and start; results do not depend on
``--jobs`` (each match is one task; tasks are summed in a fixed order).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "bench"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import starts as starts_mod  # noqa: E402

from game.ai.baseline import BaselineBot  # noqa: E402
from game.content.loader import load_scenario  # noqa: E402
from game.engine import (  # noqa: E402
    Arrangement,
    Order,
    Scenario,
    World,
    legal_actions,
    new_world,
    resolve,
)
from game.engine.model import ARRANGEMENT_ORDER  # noqa: E402
from game.engine.orders import ACTIONS  # noqa: E402
from game.engine.say import as_data  # noqa: E402
from game.engine.structure import measure, structural_targets  # noqa: E402

SHIPPED = ["cambodia", "financial", "kosovo", "pandemic", "rwanda", "sandbox"]
ARRANGEMENTS = [a.value for a in Arrangement]
# the world's arrangement from unity to division
ORDER = [a.value for a in ARRANGEMENT_ORDER]
CRITERIA = ["peace", "justice", "pluralism", "freedom"]
SECTIONS = ["starts", "targets", "arrangements", "circle", "loopholes", "restraint", "cards"]

# The ledger's cause keys (engine/say.py) this script reads; stable across languages.
UNANSWERED = ("crisis_unanswered", "crisis_unanswered_relief")
WAR_CAUSES = ("war_between", "conquered", "border_clash")
REPRESSION_CAUSES = ("repressed", "repressed_warned")
CARD_CAUSES = ("card_choice",)
CENTRALIZATION_PUNISHERS = ("terrifying_despotism", "stroke_of_the_pen", "autonomy_revoked")
RUINOUS = (
    "ruin",
    "ruin_repression",
    "ruin_war",
    "collapse",
    "great_power_war",
    "patrons_war",
    "depression",
)


# ---- scenarios ----------------------------------------------------------------------------

_SCENARIOS: dict[tuple[str, str | None], Scenario] = {}


def scenario(key: str, variant: str | None = None) -> Scenario:
    """A shipped scenario by id, or ``start:<name>`` (bench/starts.py); ``variant`` 'noescape':
    every corporation's escape set to 0."""
    hit = _SCENARIOS.get((key, variant))
    if hit is not None:
        return hit
    if key.startswith("start:"):
        sc = starts_mod.start_scenario(key.split(":", 1)[1])
    else:
        sc = load_scenario(ROOT / "scenarios" / f"{key}.json")
    if variant == "noescape":
        corps = [c.model_copy(update={"escape": 0.0}) for c in sc.corporations]
        sc = sc.model_copy(update={"corporations": corps})
    _SCENARIOS[(key, variant)] = sc
    return sc


def sources() -> list[str]:
    return SHIPPED + [f"start:{n}" for n in starts_mod.STARTS]


# ---- one match ----------------------------------------------------------------------------


def _key(data: object) -> str | None:
    return data.get("key") if isinstance(data, dict) else None


def _crisis_kind(args: dict) -> str | None:
    crisis = args.get("crisis")
    if isinstance(crisis, dict):
        kind = crisis.get("args", {}).get("kind")
        k = _key(kind)
        return k.split(".", 1)[1] if k and "." in k else k
    return None


def peace_category(key: str | None, args: dict) -> str:
    """Where a peace loss came from, by its cause key (and a crisis's kind)."""
    if key in WAR_CAUSES:
        return "war"
    if key in REPRESSION_CAUSES or key == "despotism":
        return "repression"
    if key in ("rebelled",):
        return "civil_war"
    if key and key.startswith("crisis_"):
        kind = _crisis_kind(args)
        if kind in ("repression", "cleansing"):
            return "repression"
        if kind == "civil_war":
            return "civil_war"
        return "other_crises"
    if key == "structure":
        return "structural_drift"
    if key in CARD_CAUSES:
        return "cards"
    return f"other:{key}"


def _json(x: object) -> str:
    return json.dumps(x, sort_keys=True, ensure_ascii=False)


def _policy_orders(world: World, actor_id: str, chosen: list[Order], policy: dict) -> list[Order]:
    """The seat's orders with the policy's action put first when it is legal; the baseline's
    other paid orders follow while action points last."""
    legal = [o for o in legal_actions(world, actor_id) if o.action == policy["action"]]
    target = policy.get("target")
    if target == "@un":  # the world's political body (else any global body)
        bodies = [
            o for o in legal if getattr(world.actors.get(o.target), "kind", "") == "global_body"
        ]
        un = [o for o in bodies if getattr(world.actors[o.target], "body", "") == "un"]
        legal = un or bodies or legal
    elif target is not None:
        preferred = [o for o in legal if o.target == target]
        legal = preferred or legal
    if not legal:
        return chosen
    order = legal[0]
    actor = world.actors[actor_id]
    points = actor.action_points - ACTIONS[order.action].cost
    out = [order]
    for o in chosen:
        if o.action == order.action:
            continue
        cost = ACTIONS[o.action].cost
        if cost > points:
            continue
        points -= cost
        out.append(o)
    return out


def _ending(sc: Scenario, w: World) -> str:
    if w.end_key:
        return w.end_key
    en = w.end_texts.get("en") if w.end_texts else None
    for ec in sc.end_conditions:
        words = ec.text.get("en") if isinstance(ec.text, dict) else str(ec.text)
        if words == en or words == w.end_reason:
            return ec.id
    return "?"


def play(task: tuple) -> dict:
    """One AI match: a small record of what its reports say (all counts, summed later)."""
    key, seed, variant, policy = task
    sc = scenario(key, variant)
    bot = BaselineBot()
    world = new_world(sc, seed)
    start_ids = set(world.actors)
    names = {_json(as_data(r.name)): rid for rid, r in world.regions.items()}
    by_arr: dict[str, Counter] = {}
    peace_loss: Counter = Counter()
    cards: Counter = Counter()
    seceded: set[str] = set()
    conquests = retakes = clashes = wars = 0
    conquered_once = empire_after_conquest = False
    anarchy_late = anarchy_after = anarchy_entries = 0
    seen: set[str] = set()  # every arrangement the world stood in, at turn 0 or after a turn
    plur_secession: list[float] = []
    plur_other: list[float] = []
    pos_secession: list[float] = []
    turns = 0
    trace = hashlib.sha1()
    while not world.ended:
        orders: list[Order] = []
        for aid in sorted(world.actors):
            chosen = bot.choose(world, aid)
            if policy is not None and aid == policy["seat"]:
                chosen = _policy_orders(world, aid, chosen, policy)
            orders.extend(chosen)
        owners = {rid: r.owner for rid, r in world.regions.items()}
        known = set(world.actors)
        plur_before = world.plurality
        pos_before = measure(world).position
        nxt, rep = resolve(world, orders)
        turns += 1
        arr = rep.arrangement_before.value
        seen.update((arr, rep.arrangement_after.value))
        c = by_arr.setdefault(arr, Counter())
        c["turns"] += 1
        before, after = rep.criteria_before.as_dict(), rep.criteria_after.as_dict()
        for crit in CRITERIA:
            c[f"d_{crit}"] += after[crit] - before[crit]
        for ch in rep.changes:
            crit = ch.criterion.value
            if crit == "peace" and ch.key in UNANSWERED:
                c["unanswered_peace"] += ch.amount
            if crit == "peace" and ch.amount < 0:
                peace_loss[peace_category(ch.key, ch.args)] += -ch.amount
            if crit == "peace" and ch.key == "border_clash":
                clashes += 1
            if crit == "freedom" and ch.key == "despotism":
                c["despotism"] += 1
                if rep.centralization_before < 55:
                    c["despotism_low"] += 1
        seceded_now = False
        for ln in rep.lines:
            if ln.key == "war_starts":
                c["war_starts"] += 1
                wars += 1
            elif ln.key == "secedes":
                cause = _key(ln.args.get("cause"))
                c["secede_card" if cause in CARD_CAUSES else "secede_rule"] += 1
                c[f"secede_cause:{cause}"] += 1
                seceded_now = True
            elif ln.key == "region_passes" and _key(ln.args.get("cause")) == "conquered_by":
                conquests += 1
                conquered_once = True
                rid = names.get(_json(ln.args.get("region")))
                if rid in seceded:
                    retakes += 1
        for fc in rep.cards:
            cards[fc.card] += 1
        # regions now held by a state that did not exist as the turn began: they seceded
        for rid, r in nxt.regions.items():
            if r.owner != owners.get(rid) and r.owner not in known:
                seceded.add(rid)
        if (
            rep.arrangement_after == Arrangement.EMPIRE
            and rep.arrangement_before != Arrangement.EMPIRE
            and conquered_once
        ):
            empire_after_conquest = True
        if rep.turn > 1 and arr == "anarchy":
            anarchy_late += 1
        if rep.turn > 1 and rep.arrangement_after == Arrangement.ANARCHY:
            anarchy_after += 1
        if arr != "anarchy" and rep.arrangement_after == Arrangement.ANARCHY:
            anarchy_entries += 1
        if seceded_now:
            plur_secession.append(nxt.plurality - plur_before)
            pos_secession.append(measure(nxt).position - pos_before)
        else:
            plur_other.append(nxt.plurality - plur_before)
        trace.update(_json([rep.criteria_after.as_dict(), arr, len(rep.lines)]).encode())
        world = nxt
    trace.update(_json(sorted((rid, r.owner) for rid, r in world.regions.items())).encode())
    return {
        "key": key,
        "seed": seed,
        "variant": variant,
        "policy": policy,
        "turns": turns,
        "by_arr": {a: dict(v) for a, v in by_arr.items()},
        "peace_loss": dict(peace_loss),
        "cards": dict(cards),
        "conquests": conquests,
        "retakes": retakes,
        "empire_after_conquest": empire_after_conquest,
        "anarchy_late": anarchy_late,
        "anarchy_after": anarchy_after,
        "anarchy_entries": anarchy_entries,
        "plur_secession": plur_secession,
        "pos_secession": pos_secession,
        "plur_other_sum": sum(plur_other),
        "plur_other_n": len(plur_other),
        "clashes": clashes,
        "wars": wars,
        "ending": _ending(sc, world),
        "final": world.criteria.as_dict(),
        "final_arrangement": world.arrangement.value,
        "seen": sorted(seen),
        "sovereignty": {s.id: s.sovereignty for s in world.states() if s.id in start_ids},
        "digest": world.digest(),
        # the match's course without the scenario's own figures (a digest would differ whenever
        # the scenario does): every turn's criteria, arrangement and line count, the final map
        "trace": trace.hexdigest(),
    }


# ---- running ------------------------------------------------------------------------------


class Runner:
    """Plays each distinct task once (sections share matches), in a fixed order."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.done: dict[tuple, dict] = {}
        self.pool = None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool.join()
            self.pool = None

    def run(self, tasks: Iterable[tuple]) -> list[dict]:
        tasks = list(tasks)
        todo = []
        for t in tasks:
            k = _task_key(t)
            if k not in self.done and k not in {_task_key(x) for x in todo}:
                todo.append(t)
        if todo:
            for t in todo:  # loaded here, before the workers fork, once for the whole run
                scenario(t[0], t[2])
            if self.jobs > 1 and len(todo) > 8:
                if self.pool is None:
                    self.pool = get_context("fork").Pool(self.jobs)
                chunk = max(1, len(todo) // (self.jobs * 8))
                results = self.pool.map(play, todo, chunksize=chunk)
            else:
                results = [play(t) for t in todo]
            for t, r in zip(todo, results, strict=True):
                self.done[_task_key(t)] = r
        return [self.done[_task_key(t)] for t in tasks]


def _task_key(t: tuple) -> tuple:
    key, seed, variant, policy = t
    return (key, seed, variant, _json(policy))


def _tasks(key: str, n: int, seed: int, variant: str | None = None, policy=None) -> list[tuple]:
    return [(key, seed + i, variant, policy) for i in range(n)]


# ---- figures ------------------------------------------------------------------------------


class Figures:
    def __init__(self) -> None:
        self.rows: list[dict] = []
        self.data: dict[str, dict] = {}

    def add(self, section: str, name: str, value: object, issue: object = "", note: str = ""):
        self.rows.append(
            {"section": section, "name": name, "value": value, "issue": issue, "note": note}
        )


def _r(x: float | None, nd: int = 2) -> float | None:
    return None if x is None else round(x, nd)


def section_starts(fig: Figures, args, runner: Runner) -> None:
    out = {}
    for name in starts_mod.STARTS:
        r = starts_mod.check(name)
        out[name] = r
        ok = "ok" if r["ok"] else f"FAIL ({len(r['errors'])} errors)"
        fig.add(
            "starts",
            f"{name}: turn-0 arrangement",
            f"{r['arrangement']} ({ok})",
            r["intended"],
        )
        if not r["ok"]:
            raise SystemExit(f"start {name} does not validate or classify as intended: {r}")
    fig.add(
        "starts", "starts made", len(out), "8 (seven arrangements + all-republic, all-autocracy)"
    )
    fig.data["starts"] = out


ISSUE_TARGETS = {"peace": 92.5, "justice": 58.9, "pluralism": 61.9, "freedom": 47.2}
ISSUE_SAME = ("anarchy", "empire", "federation", "global_state", "pluralism_3")


def section_targets(fig: Figures, args, runner: Runner) -> None:
    out = {}
    for name in starts_mod.STARTS:
        w = new_world(scenario(f"start:{name}"), args.seed)
        t = structural_targets(w, measure(w))
        out[name] = {k: round(v, 1) for k, v in t.items()}
        issue = " / ".join(f"{ISSUE_TARGETS[k]}" for k in CRITERIA) if name in ISSUE_SAME else ""
        fig.add(
            "targets",
            f"{name}: peace / justice / pluralism / freedom",
            " / ".join(f"{out[name][k]:.1f}" for k in CRITERIA),
            issue,
        )
    same = {_json(out[n]) for n in ISSUE_SAME}
    fig.add(
        "targets",
        "distinct target sets among anarchy, empire, federation, global state, pluralism 3",
        len(same),
        1,
    )
    fig.data["targets"] = out


ISSUE_ARR = {
    "unanswered_peace": {"global_state": -5.1, "pluralism_3": -0.58},
    "war_starts": {"empire": 72.8},
    "despotism": {"global_state": 44},
    "secede_card": {"global_state": 26.8},
}


def _arr_tasks(args) -> list[tuple]:
    return [t for k in sources() for t in _tasks(k, args.matches, args.seed)]


def section_arrangements(fig: Figures, args, runner: Runner) -> None:
    recs = runner.run(_arr_tasks(args))
    tot: dict[str, Counter] = {a: Counter() for a in ORDER}
    for r in recs:
        for a, c in r["by_arr"].items():
            tot[a].update(c)
    out = {}
    for a in ORDER:
        c = tot[a]
        n = c["turns"]
        per = lambda k, c=c, n=n: c[k] / n if n else None  # noqa: E731
        row = {
            "turns": n,
            **{f"mean_d_{k}": _r(per(f"d_{k}"), 3) for k in CRITERIA},
            "unanswered_peace_per_turn": _r(per("unanswered_peace"), 3),
            "war_starts_per_100": _r(100 * per("war_starts") if n else None, 1),
            "despotism_per_100": _r(100 * per("despotism") if n else None, 1),
            "despotism_below_55": c["despotism_low"],
            "secede_card_per_100": _r(100 * per("secede_card") if n else None, 1),
            "secede_rule_per_100": _r(100 * per("secede_rule") if n else None, 1),
            "secession_causes": {
                k.split(":", 1)[1]: v for k, v in sorted(c.items()) if k.startswith("secede_cause:")
            },
        }
        out[a] = row
        if not n:
            fig.add("arrangements", f"{a}: turns spent there", 0, "", "never reached")
            continue
        fig.add("arrangements", f"{a}: turns spent there", n)
        fig.add(
            "arrangements",
            f"{a}: mean change a turn (peace / justice / pluralism / freedom)",
            " / ".join(f"{row[f'mean_d_{k}']:+.2f}" for k in CRITERIA),
        )
        for k, label, scale in (
            (
                "unanswered_peace",
                "peace a turn lost to unanswered crises",
                "unanswered_peace_per_turn",
            ),
            ("war_starts", "war starts per 100 turns", "war_starts_per_100"),
            ("despotism", "despotism events per 100 turns", "despotism_per_100"),
            ("secede_card", "secessions by card per 100 turns", "secede_card_per_100"),
            ("secede_rule", "secessions by rule per 100 turns", "secede_rule_per_100"),
        ):
            fig.add("arrangements", f"{a}: {label}", row[scale], ISSUE_ARR.get(k, {}).get(a, ""))
        fig.add(
            "arrangements",
            f"{a}: despotism events with centralization < 55",
            row["despotism_below_55"],
        )
    endings = {}
    for k in sources():
        mine = [r for r in recs if r["key"] == k]
        cnt = Counter(r["ending"] for r in mine)
        ruin = sum(v for e, v in cnt.items() if e in RUINOUS or e == "end.no_state")
        endings[k] = {"matches": len(mine), "ruin_or_collapse": ruin, "endings": dict(cnt)}
        fig.add(
            "arrangements",
            f"{k}: matches ending in ruin/collapse",
            f"{ruin} of {len(mine)}",
            "91 of 100" if k == "start:empire" else "",
        )
    total_turns = sum(r["turns"] for r in recs)
    fig.add(
        "arrangements", "matches / turns played", f"{len(recs)} / {total_turns}", "1,400 matches"
    )
    fig.data["arrangements"] = {"by_arrangement": out, "endings": endings, "matches": len(recs)}


def _where(recs: list[dict], field: str) -> str:
    """Which scenarios or starts a count came from ("sandbox 3, start:empire 1")."""
    by: Counter = Counter()
    for r in recs:
        by[r["key"]] += int(r[field])
    return ", ".join(f"{k} {v}" for k, v in by.items() if v)


def section_circle(fig: Figures, args, runner: Runner) -> None:
    recs = runner.run(_arr_tasks(args))
    reached = sum(r["empire_after_conquest"] for r in recs)
    conquests = sum(r["conquests"] for r in recs)
    retakes = sum(r["retakes"] for r in recs)
    late = sum(r["anarchy_late"] for r in recs)
    ps = [x for r in recs for x in r["plur_secession"]]
    pos = [x for r in recs for x in r["pos_secession"]]
    other_n = sum(r["plur_other_n"] for r in recs)
    other = sum(r["plur_other_sum"] for r in recs) / other_n if other_n else None
    fig.add(
        "circle",
        "matches reaching empire after a conquest",
        f"{reached} of {len(recs)}",
        "0 of 1,400",
        _where(recs, "empire_after_conquest"),
    )
    fig.add(
        "circle",
        "conquests retaking a seceded region / other conquests",
        f"{retakes} / {conquests - retakes}",
        "almost all retakes",
    )
    fig.add(
        "circle",
        "turns after turn 1 that began in anarchy",
        late,
        "0 (every anarchy turn was turn 1)",
        _where(recs, "anarchy_late"),
    )
    after = sum(r["anarchy_after"] for r in recs)
    entries = sum(r["anarchy_entries"] for r in recs)
    fig.add(
        "circle",
        "turns after turn 1 that ended in anarchy",
        after,
        "0",
        _where(recs, "anarchy_after"),
    )
    fig.add(
        "circle",
        "moves into anarchy from another arrangement",
        entries,
        "none (secession cannot move the world there)",
        _where(recs, "anarchy_entries"),
    )
    fig.add(
        "circle",
        "plurality change in turns with a secession (mean, n)",
        f"{sum(ps) / len(ps):+.3f} (n={len(ps)})" if ps else "no secession",
        "computed, never classifies",
        f"other turns: {other:+.3f}" if other is not None else "",
    )
    fig.add(
        "circle",
        "continuum position change in turns with a secession (toward anarchy +)",
        f"{sum(pos) / len(pos):+.3f}; moved right in {sum(x > 0.001 for x in pos)} of {len(pos)}"
        if pos
        else "no secession",
        "secession cannot move the world toward anarchy",
    )
    fig.data["circle"] = {
        "matches": len(recs),
        "empire_after_conquest": reached,
        "conquests": conquests,
        "retakes": retakes,
        "anarchy_turns_after_1": late,
        "anarchy_turns_after_1_by_source": _where(recs, "anarchy_late"),
        "anarchy_turn_ends_after_1": after,
        "anarchy_entries": entries,
        "anarchy_entries_by_source": _where(recs, "anarchy_entries"),
        "empire_after_conquest_by_source": _where(recs, "empire_after_conquest"),
        "plurality_delta_secession": ps,
        "plurality_delta_other_mean": other,
        "position_delta_secession": pos,
    }


def _others_sovereignty(rec: dict, seat: str) -> float | None:
    """The mean sovereignty at the end of the match's first states other than ``seat``."""
    sov = [v for k, v in rec["sovereignty"].items() if k != seat]
    return sum(sov) / len(sov) if sov else None


def section_loopholes(fig: Figures, args, runner: Runner) -> None:
    n = max(1, args.matches // 2)
    data: dict = {}
    base = runner.run(_tasks("kosovo", n, args.seed))
    pol = {"seat": "atlantica", "action": "cede", "target": "un"}
    cede = runner.run(_tasks("kosovo", n, args.seed, policy=pol))
    fed = sum(r["final_arrangement"] == "federation" for r in cede)
    fed_ever = sum("federation" in r["seen"] for r in cede)
    sov = [_others_sovereignty(r, "atlantica") for r in cede]
    sov = [x for x in sov if x is not None]
    base_sov = [_others_sovereignty(r, "atlantica") for r in base]
    base_sov = [x for x in base_sov if x is not None]
    fig.add(
        "loopholes",
        "kosovo, Atlantica cedes to the UN every turn: matches ending in federation",
        f"{fed} of {n} (reached at all: {fed_ever})",
        "50 of 50",
        f"baseline same seeds: {sum(r['final_arrangement'] == 'federation' for r in base)}",
    )
    fig.add(
        "loopholes",
        "  the other states' mean sovereignty at the end",
        _r(sum(sov) / len(sov), 1) if sov else None,
        58,
        f"baseline: {_r(sum(base_sov) / len(base_sov), 1)}" if base_sov else "",
    )
    data["cede"] = {"matches": n, "federation_at_end": fed, "federation_ever": fed_ever}
    data["campaign"] = {}
    for key in SHIPPED:
        sc = scenario(key)
        ngos = [a.id for a in sc.actors if a.kind == "ngo"]
        base_k = runner.run(_tasks(key, n, args.seed))
        aims = [(x, "@un") for x in ngos] + [(x, None) for x in ngos if key == "kosovo"]
        for ngo, aim in aims:
            pol = {"seat": ngo, "action": "campaign", "target": aim}
            recs = runner.run(_tasks(key, n, args.seed, policy=pol))
            where = "the political body" if aim else "its first legal target"
            p3 = sum(r["final_arrangement"] == "pluralism_3" for r in recs)
            p3_base = sum(r["final_arrangement"] == "pluralism_3" for r in base_k)
            p3_ever = sum("pluralism_3" in r["seen"] for r in recs)
            p3_base_ever = sum("pluralism_3" in r["seen"] for r in base_k)
            moved = {
                c: _r(
                    sum(r["final"][c] for r in recs) / n - sum(r["final"][c] for r in base_k) / n,
                    1,
                )
                for c in CRITERIA
            }
            fig.add(
                "loopholes",
                f"{key}, {ngo} campaigns at {where} every turn: matches ending in pluralism 3",
                f"{p3} of {n} (reached at all: {p3_ever})",
                "43 of 50" if key == "kosovo" else "",
                f"baseline {p3_base} (at all: {p3_base_ever}); final criteria vs baseline "
                + " / ".join(f"{moved[c]:+.1f}" for c in CRITERIA),
            )
            data["campaign"][f"{key}:{ngo}:{aim or 'first'}"] = {
                "pluralism_3_at_end": p3,
                "pluralism_3_ever": p3_ever,
                "baseline_ever": p3_base_ever,
                "baseline": p3_base,
                "criteria_moved": moved,
            }
    fig.data["loopholes"] = data


def section_restraint(fig: Figures, args, runner: Runner) -> None:
    n = args.matches
    rep = runner.run(_tasks("start:all_republic", n, args.seed))
    aut = runner.run(_tasks("start:all_autocracy", n, args.seed))
    war_r = sum(r["wars"] > 0 for r in rep)
    war_a = sum(r["wars"] > 0 for r in aut)
    clashes = sum(r["clashes"] for r in rep) / n
    fig.add("restraint", "all-republic start: matches with any war", f"{war_r} of {n}", "0 of 100")
    fig.add("restraint", "all-republic start: border clashes a match", _r(clashes, 1), 8.6)
    fig.add(
        "restraint", "all-autocracy start: matches with any war", f"{war_a} of {n}", "100 of 100"
    )
    fig.data["restraint"] = {
        "matches": n,
        "republic_war_matches": war_r,
        "republic_clashes_per_match": clashes,
        "autocracy_war_matches": war_a,
    }


def _reads_structure(node: object) -> bool:
    if isinstance(node, dict):
        if node.get("type") in ("arrangement", "centralization"):
            return True
        return any(_reads_structure(v) for v in node.values())
    if isinstance(node, list):
        return any(_reads_structure(v) for v in node)
    return False


def section_cards(fig: Figures, args, runner: Runner) -> None:
    data: dict = {"reading": {}}
    total = reading = reading_top = 0
    for key in SHIPPED:
        sc = scenario(key)
        ids = [c.id for c in sc.cards if _reads_structure(c.model_dump(mode="json")["trigger"])]
        top = [
            c.id
            for c in sc.cards
            if any(x.type in ("arrangement", "centralization") for x in c.trigger)
        ]
        total += len(sc.cards)
        reading += len(ids)
        reading_top += len(top)
        data["reading"][key] = {"cards": len(sc.cards), "reading": ids, "top_level": top}
        fig.add(
            "cards",
            f"{key}: cards whose trigger reads arrangement/centralization",
            f"{len(ids)} of {len(sc.cards)} ({len(ids) / max(1, len(sc.cards)):.0%})",
            "goal: at least 1/5",
            f"as a top-level condition: {len(top)}",
        )
    fig.add(
        "cards",
        "all scenarios (anywhere in the trigger; top-level only)",
        f"{reading}; {reading_top} of {total}",
        "6 of 188",
    )
    n = args.matches
    kos = runner.run(_tasks("kosovo", n, args.seed))
    for cid in CENTRALIZATION_PUNISHERS:
        fired = sum(r["cards"].get(cid, 0) for r in kos)
        in_matches = sum(cid in r["cards"] for r in kos)
        fig.add(
            "cards", f"kosovo: `{cid}` fired (times; matches)", f"{fired}; {in_matches} of {n}", 0
        )
    data["kosovo_punishers"] = {
        cid: sum(r["cards"].get(cid, 0) for r in kos) for cid in CENTRALIZATION_PUNISHERS
    }
    # the sandbox's ruin ending: where its peace went
    sand = runner.run(_tasks("sandbox", n, args.seed))
    ruined = [r for r in sand if r["ending"] in ("ruin", "ruin_repression", "ruin_war")]
    loss: Counter = Counter()
    for r in ruined:
        loss.update(r["peace_loss"])
    whole = sum(loss.values())
    shares = {k: round(v / whole, 3) for k, v in loss.most_common()} if whole else {}
    by_ending = Counter(r["ending"] for r in ruined)
    fig.add(
        "cards",
        "sandbox: matches ending in ruin (of which by repression / war / plain)",
        f"{len(ruined)} of {n} ({by_ending['ruin_repression']} / {by_ending['ruin_war']} "
        f"/ {by_ending['ruin']})",
    )
    if whole:
        fig.add(
            "cards",
            "  share of their peace loss from repression (repress orders, repression/cleansing crises, despotism)",
            f"{shares.get('repression', 0):.0%}",
            "81 %",
        )
        fig.add(
            "cards", "  ... from war (war, conquest, border clashes)", f"{shares.get('war', 0):.0%}"
        )
        fig.add(
            "cards",
            "  ... other sources",
            ", ".join(f"{k} {v:.0%}" for k, v in shares.items() if k not in ("war", "repression")),
        )
    data["sandbox_ruin"] = {"matches": len(ruined), "peace_loss_shares": shares}
    # corporations: escape 0 against as shipped, same seeds
    data["corporations"] = {}
    m = max(1, n // 2)
    for key in ("sandbox", "kosovo", "financial"):
        a = runner.run(_tasks(key, m, args.seed))
        b = runner.run(_tasks(key, m, args.seed, variant="noescape"))
        same = sum(x["trace"] == y["trace"] for x, y in zip(a, b, strict=True))
        diff = {
            c: _r(sum(y["final"][c] - x["final"][c] for x, y in zip(a, b, strict=True)) / m, 2)
            for c in CRITERIA
        }
        fig.add(
            "cards",
            f"{key}: corporations' escape 0 vs shipped: matches with the same course",
            f"{same} of {m}",
            "no effect at all",
            "mean final criteria (escape 0 - shipped): "
            + " / ".join(f"{diff[c]:+.2f}" for c in CRITERIA),
        )
        data["corporations"][key] = {"matches": m, "identical": same, "criteria_diff": diff}
    fig.data["cards"] = data


RUN = {
    "starts": section_starts,
    "targets": section_targets,
    "arrangements": section_arrangements,
    "circle": section_circle,
    "loopholes": section_loopholes,
    "restraint": section_restraint,
    "cards": section_cards,
}


def table(fig: Figures) -> str:
    out = []
    section = None
    w = max(len(r["name"]) for r in fig.rows) if fig.rows else 10
    w = min(w, 90)
    for r in fig.rows:
        if r["section"] != section:
            section = r["section"]
            out.append(f"\n== {section} ==")
            out.append(f"{'figure':{w}}  {'now':>28}  issue 11")
        val = "n/a" if r["value"] is None else str(r["value"])
        line = f"{r['name']:{w}}  {val:>28}  {r['issue']}"
        if r["note"]:
            line += f"   [{r['note']}]"
        out.append(line)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Issue 11's figures, measured again.")
    ap.add_argument("--matches", type=int, default=100, help="AI matches per scenario/start (100)")
    ap.add_argument("--seed", type=int, default=1, help="first match seed (1)")
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    ap.add_argument("--only", nargs="+", choices=SECTIONS, help="run only these sections")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    fig = Figures()
    runner = Runner(max(1, args.jobs))
    try:
        for name in SECTIONS:
            if args.only and name not in args.only:
                continue
            t = time.perf_counter()
            RUN[name](fig, args, runner)
            print(f"[{name}: {time.perf_counter() - t:.1f} s]", file=sys.stderr)
    finally:
        runner.close()
    seconds = time.perf_counter() - started
    meta = {
        "command": "python bench/balance.py "
        + " ".join(argv if argv is not None else sys.argv[1:]),
        "matches": args.matches,
        "seed": args.seed,
        "matches_played": len(runner.done),
        "seconds": round(seconds, 1),
    }
    if args.json:
        print(json.dumps({"meta": meta, "rows": fig.rows, "data": fig.data}, ensure_ascii=False))
    else:
        print(table(fig))
        print(f"\n{len(runner.done)} matches, {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
