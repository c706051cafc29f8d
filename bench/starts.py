"""The sandbox edited to begin in each arrangement: the starts issue 11 measured the rules on.

Each start is a function of the shipped sandbox's document (``scenarios/sandbox.json`` as
``game.content.loader.read_json`` reads it) that returns an edited copy. Only data changes:
states' sovereignty, military and government, a union's depth, a body's mandate, enforcement
and independence, an NGO's volunteers, reach and credibility. The engine decides where the
world stands (``game.engine.structure.measure``); ``check`` says whether it agrees.

    from bench.starts import STARTS, start_doc, start_scenario, check
    doc = start_doc("empire")                 # the edited document (a dict, JSON-ready)
    scenario = start_scenario("empire")       # validated as `game` validates a file's document
    check("empire")                           # validator findings + turn-0 arrangement

``python bench/starts.py --out DIR`` writes every start as a scenario file (``sandbox_<name>.json``)
for ``continuum validate`` / ``continuum play`` (issue 12 will ship such files).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.content.loader import check_scenario, read_json  # noqa: E402
from game.engine import Scenario, new_world  # noqa: E402
from game.engine.structure import measure  # noqa: E402

SANDBOX = ROOT / "scenarios" / "sandbox.json"

Doc = dict


def sandbox_doc() -> Doc:
    """The shipped sandbox's document, read as the game reads scenario files."""
    doc, _ = read_json(SANDBOX)
    assert isinstance(doc, dict)
    return doc


# ---- small edits --------------------------------------------------------------------------


def _actors(doc: Doc, kind: str) -> list[dict]:
    return [a for a in doc["actors"] if a["kind"] == kind]


def _actor(doc: Doc, actor_id: str) -> dict:
    return next(a for a in doc["actors"] if a["id"] == actor_id)


def _political_body(doc: Doc) -> dict:
    """The world's political body (``body: un``): the only body that can become its center."""
    return next(a for a in _actors(doc, "global_body") if a["body"] == "un")


def _unions(doc: Doc) -> list[dict]:
    return [f for f in _actors(doc, "federation") if f.get("purpose", "union") == "union"]


def _set_sovereignty(doc: Doc, value: float) -> None:
    for s in _actors(doc, "state"):
        s["sovereignty"] = value


def _no_binding_center(doc: Doc) -> None:
    """Nothing binds: every body's mandate and every union's depth under the binding line (20)."""
    for b in _actors(doc, "global_body"):
        b["mandate"] = min(b["mandate"], 10)
        b["enforcement"] = min(b["enforcement"], 5)
    for f in _actors(doc, "federation"):
        f["depth"] = min(f["depth"], 10)


def _thin_civil_society(doc: Doc) -> None:
    for n in _actors(doc, "ngo"):
        n["volunteers"] = min(n["volunteers"], 10)


def _dense_civil_society(doc: Doc) -> None:
    """Civil society well above the dense line (50): every NGO large, credible, reaching every
    state (density = volunteers x reach share x credibility x 1.5, summed: 80 x 1 x .7 x 1.5)."""
    states = [s["id"] for s in _actors(doc, "state")]
    for n in _actors(doc, "ngo"):
        n["volunteers"] = max(n["volunteers"], 80)
        n["reach"] = list(states)
        n["credibility"] = max(n["credibility"], 70)


def _binding_body(doc: Doc) -> None:
    """The political body binds (mandate 30 >= 20) but is not strong and nobody cedes to it."""
    un = _political_body(doc)
    un["mandate"] = max(un["mandate"], 30)
    un["enforcement"] = max(un["enforcement"], 15)


def _no_hegemon(doc: Doc) -> None:
    """No state near half of all power: the shipped strongest (Karsk) holds about a quarter."""
    # power = military + 3 * sqrt(wealth); the shipped figures are left as they are.


# ---- the starts ---------------------------------------------------------------------------


def anarchy(doc: Doc) -> Doc:
    d = copy.deepcopy(doc)
    _no_binding_center(d)
    _thin_civil_society(d)
    _no_hegemon(d)
    return d


def pluralism_1(doc: Doc) -> Doc:
    d = anarchy(doc)
    _binding_body(d)
    return d


def pluralism_2(doc: Doc) -> Doc:
    d = pluralism_1(doc)
    _dense_civil_society(d)
    return d


def pluralism_3(doc: Doc) -> Doc:
    """Strong independent global bodies (the assembly and the court: mandate 55, enforcement
    45, independence 65), a regional federation (the coastal union at depth 50) and dense civil
    society; the states keep their sovereignty, so no center is global."""
    d = pluralism_2(doc)
    for b in _actors(d, "global_body"):
        if b["body"] in ("un", "court"):
            b["mandate"], b["enforcement"] = 55, 45
            b["independence"] = max(b["independence"], 65)
    for f in _unions(d):
        f["depth"] = 50
    return d


def _pooled(doc: Doc, mandate: float, enforcement: float, sovereignty: float) -> Doc:
    """Every state a member of the political body, with that mandate and enforcement, every
    state keeping only ``sovereignty`` of its own."""
    d = pluralism_1(doc)
    un = _political_body(d)
    un["mandate"], un["enforcement"] = mandate, enforcement
    un["independence"] = max(un["independence"], 60)
    un["members"] = None
    _set_sovereignty(d, sovereignty)
    return d


def federation(doc: Doc) -> Doc:
    """Every state cedes 70 % of its sovereignty to the political body (mandate 75,
    enforcement 65, every state a member): the center's level sqrt(70 x 70) = 70, in the
    federation band (60 to 85)."""
    return _pooled(doc, 75, 65, 30)


def global_state(doc: Doc) -> Doc:
    """Every state cedes 95 % of its sovereignty to the political body (mandate 100,
    enforcement 90): the center's level sqrt(95 x 95) = 95, above the global-state line (85).
    The states keep their armies, as the issue's start did (the rules give the center none)."""
    return _pooled(doc, 100, 90, 5)


def empire(doc: Doc) -> Doc:
    """Karsk's army grows to 600 and every other state's is halved: Karsk holds about 60 % of
    all power (hegemon line: 50 %); bodies and unions as in the anarchy start."""
    d = anarchy(doc)
    states = _actors(d, "state")
    heg = max(states, key=lambda s: (s["military"], s["id"]))
    for s in states:
        if s is heg:
            s["military"] = 600
        else:
            s["military"] = round(s["military"] / 2, 3)
    return d


def all_republic(doc: Doc) -> Doc:
    """Every state a republic (freedom raised to at least 60 where an autocracy became one);
    nothing else changes, so the world stands where the shipped sandbox does."""
    d = copy.deepcopy(doc)
    for s in _actors(d, "state"):
        if s["government"] != "republic":
            s["government"] = "republic"
            s["freedom"] = max(s["freedom"], 60)
    return d


def all_autocracy(doc: Doc) -> Doc:
    """Every state an autocracy (freedom lowered to at most 35 where a republic became one)."""
    d = copy.deepcopy(doc)
    for s in _actors(d, "state"):
        if s["government"] != "autocracy":
            s["government"] = "autocracy"
            s["freedom"] = min(s["freedom"], 35)
    return d


@dataclass(frozen=True)
class Start:
    name: str
    edit: Callable[[Doc], Doc]
    intended: str | None  # the arrangement at turn 0; None: the shipped sandbox's


STARTS: dict[str, Start] = {
    s.name: s
    for s in (
        Start("global_state", global_state, "global_state"),
        Start("empire", empire, "empire"),
        Start("federation", federation, "federation"),
        Start("pluralism_3", pluralism_3, "pluralism_3"),
        Start("pluralism_2", pluralism_2, "pluralism_2"),
        Start("pluralism_1", pluralism_1, "pluralism_1"),
        Start("anarchy", anarchy, "anarchy"),
        Start("all_republic", all_republic, None),
        Start("all_autocracy", all_autocracy, None),
    )
}


def start_doc(name: str, base: Doc | None = None) -> Doc:
    """The sandbox document edited to begin as ``name`` (its id ``sandbox_<name>``)."""
    base = sandbox_doc() if base is None else base
    d = STARTS[name].edit(base)
    d["id"] = f"sandbox_{name}"
    for lang, words in list(d["title"].items()):
        d["title"][lang] = f"{words} [{name}]"
    return d


def start_scenario(name: str, base: Doc | None = None) -> Scenario:
    """The start as the engine's scenario (the document validated as a file's would be)."""
    return Scenario.model_validate(start_doc(name, base))


def intended(name: str) -> str:
    want = STARTS[name].intended
    if want is None:
        sc = Scenario.model_validate(sandbox_doc())
        want = measure(new_world(sc)).arrangement.value
    return want


def validate(doc: Doc) -> list[str]:
    """The validator's errors for ``doc``, as ``continuum validate --quick`` finds them in a file
    (schema, references, playability; not the deep sample matches)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{doc['id']}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        _, problems = check_scenario(path)
    return [f"{p.path}: {p.message}" for p in problems if p.severity == "error"]


def check(name: str, base: Doc | None = None) -> dict:
    """Validator errors, the turn-0 arrangement and whether it is the intended one."""
    doc = start_doc(name, base)
    errors = validate(doc)
    m = measure(new_world(Scenario.model_validate(doc)))
    want = intended(name)
    return {
        "start": name,
        "errors": errors,
        "arrangement": m.arrangement.value,
        "intended": want,
        "ok": not errors and m.arrangement.value == want,
        "centralization": m.centralization,
        "plurality": m.plurality,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="write every start as DIR/sandbox_<name>.json")
    args = ap.parse_args(argv)
    bad = 0
    for name in STARTS:
        r = check(name)
        bad += not r["ok"]
        print(
            f"{name:14} {r['arrangement']:13} intended {r['intended']:13} errors {len(r['errors'])}"
        )
        if args.out:
            out = Path(args.out)
            out.mkdir(parents=True, exist_ok=True)
            text = json.dumps(start_doc(name), ensure_ascii=False, indent=2) + "\n"
            (out / f"sandbox_{name}.json").write_text(text, encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
