"""The world's own dynamics each turn: the essay's causal claims, each one named in the report.

Order (see docs/rules.md): votes are tallied before the actions; after them come wars, crises,
groups, fear and clashes, the economy, the price of centralization, and last the structural pull
of the four criteria toward what the world's shape makes likely.
"""

from __future__ import annotations

from . import centers, ops, retable
from . import formulas as F
from .actions import memberships, neighbors_of, union_bonds
from .centers import Center
from .conditions import is_member
from .decisions import motion
from .model import Arrangement, GlobalBody, Group, Proposal, State
from .report import Ledger, Tally, trusted
from .rng import Rng
from .say import Said, args_data, say
from .structure import Measure, civil_society, inequality, measure, power, structural_targets
from .world import World

# ---- votes --------------------------------------------------------------------------------


def tally_votes(world: World, ledger: Ledger) -> None:
    """Resolutions tabled on an earlier turn are decided now. Votes take time; a veto can block."""
    lapse_moot(world, ledger)  # a card this turn may have ended a war or a crisis
    for pid in sorted(world.proposals, key=lambda p: world.proposals[p].opened):
        p = world.proposals[pid]
        if p.opened >= world.turn:
            continue
        body = world.actors.get(p.body)
        del world.proposals[pid]
        if not isinstance(body, GlobalBody):
            continue
        passed, how, (yes, no, abstain, vetoes) = decide(world, body, p.kind, p.votes)
        if not ledger.quiet:  # a look-ahead keeps no tally: the vote's outcome is all it plays
            _tally(world, ledger, pid, p, body, passed, how, (yes, no, abstain, vetoes))
        appeal = p.kind == "mandate"  # refused by a vote as much as by a veto: it counts
        closed = retable.record(world, p, passed, bool(vetoes) or appeal)
        if passed:
            _carry_out(world, ledger, body, p.kind, p.target)
        elif p.kind == "mandate" and vetoes:  # the great powers starve a body that asks
            ops.add(body, "budget", -min(body.budget, F.MANDATE_SNUB))
            ledger.line(
                "vote",
                ledger.later("mandate_refused", who=body.name, budget=f"{body.budget:.0f}"),
            )
        if closed:  # said after the vote's outcome, which is its cause
            ledger.line(
                "vote",
                ledger.later("vote.closed_appeal", body=body.name)
                if appeal
                else ledger.later(
                    "vote.closed",
                    body=body.name,
                    kind=ledger.say(f"proposal.{p.kind}"),
                    target=ops.subject_name(world, p),
                ),
            )


def voters(world: World, body: GlobalBody) -> list[str]:
    """Who votes in a body: its members, then its permanent members who are not members."""
    members = world.body_members(body)
    return members + [m for m in body.permanent if m not in members and m in world.actors]


def decide(
    world: World, body: GlobalBody, kind: str, votes: dict[str, str]
) -> tuple[bool, str, tuple[list[str], list[str], list[str], list[str]]]:
    """Whether a resolution of ``kind`` passes in ``body`` on ``votes`` (seat -> yes, no or
    abstain), the message key of why, and the ballots: yes, no, abstain, and the vetoes."""
    members = voters(world, body)
    yes, no, abstain = _ballots(members, votes)
    vetoes = [m for m in body.permanent if votes.get(m) == "no"]
    council = world.council(body)
    council_yes = [m for m in council if votes.get(m) == "yes"]
    if body.body == "un" and council:
        council_ok = not vetoes and len(council_yes) * 2 > len(council)
        assembly_ok = len(yes) >= body.assembly_majority * len(members)
        if kind == "authorize_force":
            passed = council_ok or assembly_ok
            how = (
                "vote.council"
                if council_ok
                else "vote.assembly_override"
                if assembly_ok
                else "vote.vetoed"
                if vetoes
                else "vote.no_council_no_assembly"
            )
        else:
            passed = council_ok
            how = "vote.council" if passed else "vote.vetoed" if vetoes else "vote.no_council"
    elif body.body == "un" and kind == "authorize_force":
        # No Council to approve: force needs the large Assembly majority on its own.
        passed = len(yes) >= body.assembly_majority * len(members)
        how = "vote.assembly" if passed else "vote.no_assembly"
    else:
        passed = len(yes) > len(no)
        how = "vote.majority" if passed else "vote.no_majority"
    return passed, how, (yes, no, abstain, vetoes)


def lapse_moot(world: World, ledger: Ledger) -> None:
    """A resolution whose matter is over before its vote (its crisis or war ended, its state
    gone) lapses: it is not put to the members, carried out, or counted as the body's use."""
    for pid in [pid for pid, p in world.proposals.items() if not _matter_stands(world, p)]:
        p = world.proposals.pop(pid)
        body = world.actors.get(p.body)
        ledger.line(
            "vote",
            ledger.later(
                "vote.lapsed",
                body=body.name if body is not None else p.body,
                kind=ledger.say(f"proposal.{p.kind}"),
                target=ops.subject_name(world, p),
            ),
        )


def _matter_stands(world: World, p: Proposal) -> bool:
    """Whether what a resolution is about still exists (see ``actions._body_proposals``)."""
    if p.kind == "authorize_force":
        return p.target in world.crises
    if p.kind == "mediate":
        return p.target in world.wars
    if p.kind in ("standards", "mandate"):
        return p.target in world.actors
    return world.state(p.target) is not None  # sanctions and aid packages: a state


def _tally(
    world: World,
    ledger: Ledger,
    pid: str,
    p: Proposal,
    body: GlobalBody,
    passed: bool,
    how_key: str,
    ballots: tuple[list[str], list[str], list[str], list[str]],
) -> None:
    """What the report keeps of a vote: its tally and its line (``how_key``: why it passed or
    failed; the vetoes named when it says so)."""
    yes, no, abstain, vetoes = ballots
    if how_key == "vote.vetoed":
        how = say(how_key, vetoers=[ops.name(world, v) for v in vetoes])
    else:
        how = say(how_key)
    subject = ops.subject_name(world, p)
    voted_on = say("motion_in", body=body.name, motion=motion(world, p.kind, p.target, subject))
    # Built from the engine's own values: no validation (every field is given).
    ledger.votes.append(
        trusted(Tally, dict(proposal=pid, body=body.id, kind=p.kind, target=p.target,
                 yes=yes, no=no, abstain=abstain, vetoed_by=vetoes if not passed else [],
                 passed=passed, how=how, key=how.key, args=args_data(how.args),
                 motion=voted_on, motion_key=voted_on.key,
                 motion_args=args_data(voted_on.args)))
    )  # fmt: skip
    verdict = say("verdict.passes" if passed else "verdict.fails")
    kind = say(f"proposal.{p.kind}")
    ledger.line(
        "vote",
        ledger.later(
            "resolution", body=body.name, kind=kind, target=subject, verdict=verdict, how=how
        ),
    )


def _ballots(members: list[str], votes: dict[str, str]) -> tuple[list[str], ...]:
    """Members voting yes, no, and neither (an abstention), each in the members' order."""
    yes: list[str] = []
    no: list[str] = []
    abstain: list[str] = []
    for m in members:
        v = votes.get(m)
        (yes if v == "yes" else no if v == "no" else abstain).append(m)
    return yes, no, abstain


def _carry_out(world: World, ledger: Ledger, body: GlobalBody, kind: str, target: str) -> None:
    world.used[body.id] = world.turn  # a resolution carried out: the body is in use
    if kind == "authorize_force" and target in world.crises:
        world.crises[target].authorized = True
        ops.add(body, "legitimacy", 3)
    elif kind == "sanctions":
        s = world.state(target)
        if s is not None:
            s.sanctioned = 3
    elif kind == "mediate":
        w = world.wars.get(target)
        if w is not None:
            rng = Rng(world.rng)
            if rng.random() < 0.3 + body.legitimacy / 200:
                ops.end_wars_between(world, ledger, w.id, say("mediated", who=body.name))
            else:
                ledger.line("war", ledger.later("mediation_fails", who=body.name))
            world.rng = rng.state
    elif kind == "aid_package":
        s = world.state(target)
        if s is not None and body.budget >= F.AID_PACKAGE:
            ops.add(body, "budget", -F.AID_PACKAGE)
            ops.add(s, "wealth", F.AID_PACKAGE)
            ledger.change(
                "justice", F.PACKAGE_JUSTICE, ledger.say("aid_package", who=body.name, other=s.name)
            )
        elif s is not None:  # voted, but the budget ran dry this turn (another package took it)
            ledger.line("vote", ledger.later("aid_unpaid", who=body.name, other=s.name))
    elif kind == "mandate":
        ops.add(body, "mandate", F.MANDATE_GRANTED)
        ledger.line(
            "vote",
            ledger.later("mandate_granted", who=body.name, mandate=f"{body.mandate:.0f}"),
        )
    elif kind == "standards":
        cut = max(3.0, F.STANDARDS_ESCAPE * 1.5 * body.enforcement / 50)
        for corp in world.corporations.values():
            ops.add(corp, "escape", -cut)
        ledger.change(
            "justice",
            F.PACKAGE_JUSTICE,
            ledger.say("adopted_standards", who=body.name),
        )


# ---- wars and the circle ------------------------------------------------------------------


def _side_strength(world: World, state_id: str, backing: dict[str, list[float]]) -> float:
    """A state's army with half of each of its alliances' forces behind it (``backing``: see
    ``_alliance_backing``), added in the alliances' order."""
    s = world.state(state_id)
    if s is None:
        return 0.0
    strength = s.military
    for half in backing.get(state_id, ()):
        strength += half
    return strength


def _alliance_backing(world: World) -> dict[str, list[float]]:
    """Each state's alliances' half forces, in the alliances' order: worked out once a turn
    (no war changes an alliance's force or members) instead of once a war side."""
    backing: dict[str, list[float]] = {}
    for f in world.federations():
        if f.purpose == "alliance":
            half = f.force * 0.5
            for m in dict.fromkeys(f.members):
                backing.setdefault(m, []).append(half)
    return backing


def wars(world: World, ledger: Ledger, center: Center | None = None) -> None:
    hegemon = center.id if center is not None and center.hegemon else None
    backing = _alliance_backing(world) if world.wars else {}
    for wid in sorted(world.wars):
        w = world.wars.get(wid)
        if w is None:
            continue
        a, d = world.state(w.attacker), world.state(w.defender)
        if a is None or d is None:
            world.wars.pop(wid, None)
            continue
        w.__dict__["age"] += 1  # plain fields: written without pydantic's setattr
        sa, sd = _side_strength(world, a.id, backing), _side_strength(world, d.id, backing)
        for s in (a, d):
            ops.add(s, "military", -s.military * F.WAR_ATTRITION)
            ops.add(s, "wealth", -s.wealth * F.WAR_WEALTH_LOSS)
        ledger.change("peace", -F.WAR_PEACE, ledger.say("war_between", a=a.name, b=d.name))
        if sa >= F.CONQUEST_RATIO * max(1.0, sd):
            border = [
                r for r in sorted(world.regions_of(d.id), key=lambda r: r.id)
                if any(world.regions.get(n) and world.regions[n].owner == a.id for n in r.neighbors)
            ]  # fmt: skip
            if border and a.id == hegemon and len(world.regions_of(d.id)) <= 1:
                _submits(world, ledger, wid, d)  # its last region stays its own
            elif border:
                # the spoils: the region's share of the loser's people brings as much of its
                # wealth to the conqueror (the conqueror's power grows as the loser's falls)
                people = world.population_of(d.id)
                spoils = (
                    d.wealth * F.CONQUEST_SPOILS * border[0].population / people if people else 0
                )
                ops.add(a, "wealth", -ops.add(d, "wealth", -spoils))
                ops.transfer_region(world, ledger, border[0], a.id, say("conquered_by", who=a.name))
                ledger.change("peace", -3, ledger.say("conquered", a=a.name, region=border[0].name))
                if a.id == hegemon and world.state(d.id) is not None:
                    _submits(world, ledger, wid, d)
        if wid not in world.wars:
            continue
        if a.government == "republic" and w.age >= F.REPUBLIC_WAR_WEARINESS:
            ops.end_wars_between(world, ledger, wid, say("kant", who=a.name))
        elif sa < 0.5 * sd:
            ops.end_wars_between(world, ledger, wid, say("offensive_collapsed", who=a.name))


def _submits(world: World, ledger: Ledger, war_id: str, subject: State) -> None:
    """An empire rules subject nations; it does not abolish them: a subject the hegemon beats
    submits and the war ends (its sovereignty is the hegemon's price), and one left a single
    region keeps it."""
    ops.add(subject, "sovereignty", -F.SUBMISSION)
    ops.end_wars_between(world, ledger, war_id, say("submits", who=subject.name))


# ---- crises: no assigned agent, civil society arrives late --------------------------------


def crises(world: World, ledger: Ledger, struck: set[str], center: Center | None = None) -> None:
    for cid in sorted(world.crises):
        c = world.crises.get(cid)
        if c is None:
            continue
        c.__dict__["age"] += 1  # plain fields: written without pydantic's setattr
        group = world.groups.get(c.group or "")
        label = ops.crisis_label(world, c)
        if cid not in struck:
            if c.kind == "refugees":
                # Refugees keep coming while someone is driving them out, and go home after.
                driven = any(
                    x.kind == "cleansing"
                    and c.state in _refuge(world, x.state, world.groups.get(x.group or ""))
                    for x in world.crises.values()
                )
                growth = F.REFUGEE_GROWTH if driven else -F.REFUGEE_RETURN
            elif c.kind == "financial":
                growth = F.PANIC_GROWTH
            elif c.kind in ("famine", "plague"):
                growth = F.SLOW_CRISIS_GROWTH
            else:
                growth = F.CRISIS_GROWTH
            if group is not None and c.kind in ("repression", "cleansing", "civil_war"):
                growth += group.grievance * F.CRISIS_GRIEVANCE_GROWTH
            host = world.state(c.state)
            if host is not None and host.pressure >= 50 and host.government == "republic":
                growth -= 3  # a republic under pressure at home restrains itself
            ops.add(c, "severity", growth)
        if (
            c.kind == "repression"
            and group is not None
            and c.severity >= F.CLEANSING_SEVERITY
            and group.security < F.CLEANSING_SECURITY
        ):
            c.kind = "cleansing"
            label = ops.crisis_label(world, c)
            ledger.line(
                "crisis",
                ledger.later("became_cleansing", group=group.name),
            )
        unanswered = not answered(world, c)
        relief = c.relief / 100
        extra = F.NO_AGENT_EXTRA if unanswered else 1.0
        why = say(
            ("crisis_unanswered" if unanswered else "crisis_goes_on")
            + ("_relief" if relief > 0 else ""),
            crisis=label,
        )
        violent = c.kind in ("repression", "cleansing", "civil_war")
        peace_cost = c.severity * F.CRISIS_PEACE * (1.0 if violent else F.NONVIOLENT_PEACE)
        ledger.change("peace", -peace_cost * extra * (1 - relief), why)
        plural = c.severity * F.CRISIS_PLURALISM * (2 if c.kind == "cleansing" else 1)
        if c.kind in ("repression", "cleansing", "civil_war"):
            ledger.change("pluralism", -plural * extra * (1 - relief * 0.5), why)
        if c.kind in ("repression", "cleansing"):
            ledger.change("freedom", -c.severity * F.CRISIS_FREEDOM * extra, why)
        if c.kind in ("famine", "plague", "financial"):
            ledger.change("justice", -c.severity * 0.05 * (1 - relief), why)
        if group is not None:
            ops.add(group, "security", -c.severity * 0.1)
            ops.add(group, "grievance", c.severity * 0.05)
        if c.kind == "cleansing" and c.severity >= 50:
            for n in _refuge(world, c.state, group):
                ops.start_crisis(
                    world, ledger, "refugees", n, None, 10, say("refugees_fleeing", crisis=label)
                )
        if (
            c.kind == "civil_war"
            and group is not None
            and c.severity >= F.SECESSION_SEVERITY
            and c.age >= 3
        ):
            host = world.state(c.state)
            if host is not None and (
                host.military < F.SECESSION_MILITARY or centers.overstretch(world, host.id) > 1
            ):
                if center is not None and not center.hegemon and host.id in center.reach:
                    name = ops.name(world, center.id)
                    ledger.line(
                        "world", ledger.later("held_together", center=name, group=group.name)
                    )
                else:
                    ops.secede(world, ledger, group, say("civil_war_won", group=group.name))
                    continue
        c.__dict__["relief"] = 0.0
        if c.severity <= 0:
            ops.end_crisis(world, ledger, cid, say("burned_out"))


def answered(world: World, crisis) -> bool:
    """Whether an agent with mandate and capacity (not civil society) has acted on the crisis."""
    return any(r in world.actors and world.actors[r].kind != "ngo" for r in crisis.responders)


def _refuge(world: World, state_id: str, group: Group | None) -> list[str]:
    """Where refugees flee: the states bordering the group's own regions (else the state's)."""
    out: set[str] = set()
    for rid in group.regions if group is not None else []:
        r = world.regions.get(rid)
        for n in r.neighbors if r is not None else []:
            other = world.regions.get(n)
            if other is not None and other.owner != state_id:
                out.add(other.owner)
    return sorted(out) or neighbors_of(world, state_id)[:2]


# ---- groups: sovereignty protects culture ---------------------------------------------------


def groups(world: World, ledger: Ledger, gini: float) -> None:
    rng = Rng(world.rng)
    states = world.states()
    population = world.geo().population
    total_pop = sum([population.get(s.id, 0.0) for s in states]) or 1.0
    mean_wpp = sum([s.wealth for s in states]) / total_pop
    in_crisis = {c.group for c in world.crises.values()}
    for g in world.groups.values():
        host_id = world.host_of(g)
        host = world.state(host_id or "")
        if host is None:
            continue
        protected = host.nation == g.id or g.autonomy >= F.AUTONOMY_SECURE
        if protected:
            ops.add(g, "security", F.PROTECTED_SECURITY)
            ops.add(g, "grievance", -2)
        elif g.grievance >= 50:
            ops.add(g, "security", -F.EXPOSED_SECURITY * (g.separation / 50))
        if host.wealth / max(0.1, population.get(host.id, 0.0)) < mean_wpp:  # wealth_per_person
            ops.add(g, "grievance", F.INEQUALITY_GRIEVANCE * gini / 100)
        # A rebellion below starts a crisis of this group only: the set stays true for the rest.
        if g.id not in in_crisis:
            ops.add(g, "grievance", -1)
            if (
                g.grievance >= F.REBELLION_GRIEVANCE
                and g.security <= F.REBELLION_SECURITY
                and host.nation != g.id
                and rng.random() < F.REBELLION_CHANCE
            ):
                ops.start_crisis(
                    world, ledger, "civil_war", host.id, g.id, 25, say("rose", group=g.name)
                )
                ledger.change("peace", -3, ledger.say("rebelled", group=g.name))
    world.rng = rng.state


# ---- fear makes war -------------------------------------------------------------------------


def fear(world: World, ledger: Ledger, gini: float, center: Center | None = None) -> None:
    states = world.states()
    calm = centers.deterrence(world, center)
    un_deter = 0.0
    for b in world.bodies():
        if b.body == "un":
            un_deter = max(un_deter, F.DETERRENCE * (b.mandate / 100) * (b.enforcement / 100))
    shields = _alliance_shields(world)
    ids = [s.id for s in states]
    powers = [power(s) for s in states]
    index = {sid: i for i, sid in enumerate(ids)}
    n = len(states)
    far = F.FEAR_FAR
    inequality_fear = F.FEAR_INEQUALITY * gini / 100
    for i, s in enumerate(states):
        sid = ids[i]
        near = world.neighbors_of(sid)
        own = max(1.0, powers[i])
        weights = [far] * n  # how much each state's power counts: 1 at the border
        for nid in near:
            j = index.get(nid)
            if j is not None:
                weights[j] = 1.0
        # Every other state's power weighs on this one's fear: the turn's one sum over pairs of
        # states (the rule's own), rel = other / (own + other) times its weight, added in the
        # states' order, itself left out: two loops of plain float arithmetic by index (a fifth
        # faster than zipping sliced copies of both lists).
        threat = 0.0
        for j in range(i):
            other = powers[j]
            threat += other / (own + other) * weights[j]
        for j in range(i + 1, n):
            other = powers[j]
            threat += other / (own + other) * weights[j]
        target = min(100.0, threat * F.FEAR_NEIGHBOR / max(1, len(near) or 1) + inequality_fear)
        target = max(0.0, target - un_deter - shields.get(sid, 0.0) - calm.get(sid, 0.0))
        d = s.__dict__  # a plain float field: write it without pydantic's setattr
        d["fear"] = d["fear"] + (target - d["fear"]) * F.FEAR_RATE


def _alliance_shields(world: World) -> dict[str, float]:
    """Each state's shield: the strongest of the armed alliances and unions it belongs to."""
    shields: dict[str, float] = {}
    for f in world.federations():
        if f.force > 0:
            shield = F.ALLIANCE_SHIELD * min(1.0, f.force / 30)
            for m in f.members:
                shields[m] = max(shields.get(m, 0.0), shield)
    return shields


def clashes(world: World, ledger: Ledger, center: Center | None = None) -> None:
    """Mutual fear between neighbours breeds border clashes; autocracies turn them into wars,
    republics seldom (Kant). Inside one center's reach there are none: it keeps the peace. Two
    members of one federated union may clash but not go to war (their union's courts hear it)."""
    held = center.reach if center is not None else frozenset()
    bonds = union_bonds(world)
    hegemon = center.id if center is not None and center.hegemon else None
    states = {s.id: s for s in world.states()}
    at_war = {_pair(w.attacker, w.defender) for w in world.wars.values()}
    rng = Rng(world.rng)
    for sid in sorted(states):
        for nid in world.neighbors_of(sid):
            if nid <= sid or nid not in states or (sid, nid) in at_war:
                continue
            if sid in held and nid in held and hegemon not in (sid, nid):
                continue
            a, b = states[sid], states[nid]
            m = (a.fear + b.fear) / 2
            if m <= F.CLASH_THRESHOLD:
                continue
            p = F.CLASH_CHANCE * (m - F.CLASH_THRESHOLD) / (100 - F.CLASH_THRESHOLD)
            if a.government == "republic" and b.government == "republic":
                p *= F.REPUBLIC_RESTRAINT
            if rng.random() >= p:
                continue
            ops.add(a, "fear", 5)
            ops.add(b, "fear", 5)
            ledger.change("peace", -3, ledger.say("border_clash", a=a.name, b=b.name))
            autocrats = [x for x in (a, b) if x.government == "autocracy"]
            chance = F.WAR_FROM_CLASH * (1.0 if autocrats else F.REPUBLIC_ESCALATION)
            if rng.random() < chance and nid not in bonds.get(sid, ()):
                att = max(autocrats or [a, b], key=lambda x: (x.fear, x.id))
                other = b if att is a else a
                ops.start_war(world, ledger, att.id, other.id, say("escalated"))
    world.rng = rng.state


def _pair(a: str, b: str) -> tuple[str, str]:
    """Two states in id order: the key of the pair whichever side attacked."""
    return (a, b) if a <= b else (b, a)


# ---- centralization's price and gift --------------------------------------------------------


def centralization(world: World, ledger: Ledger, m: Measure) -> None:
    rng = Rng(world.rng)
    empire = m.arrangement == Arrangement.EMPIRE and m.hegemon is not None
    if m.centralization > F.DESPOTISM_FROM or empire:
        court = max(
            (b.enforcement * b.independence / 10_000 for b in world.bodies() if b.body == "court"),
            default=0.0,
        )
        checks = min(0.9, 0.2 * len(m.strong_bodies) + 0.4 * m.civil_society / 100 + 0.4 * court)
        above = max(0.0, m.centralization - F.DESPOTISM_FROM) / (100 - F.DESPOTISM_FROM)
        if empire:  # open to a hegemon whatever its share
            above = max(above, F.EMPIRE_DESPOTISM)
        p = F.DESPOTISM_CHANCE * above * (1 - checks)
        if rng.random() < p:
            center = ops.name(
                world, m.center if m.center_strength >= m.hegemon_share * 100 else m.hegemon
            )
            cause = say("despotism", center=center)
            ledger.change("freedom", -F.DESPOTISM_FREEDOM, cause)
            ledger.change("pluralism", -F.DESPOTISM_PLURALISM, cause)
            for g in world.groups.values():
                ops.add(g, "autonomy", -F.DESPOTISM_AUTONOMY)
                ops.add(g, "grievance", 10)
            for s in world.states():
                ops.add(s, "freedom", -6)
    world.rng = rng.state
    for f in world.federations():
        if f.purpose == "union" and f.depth > 50:
            loss = F.UNIFORMITY * (f.depth - 50)
            for mid in f.members:
                for g in world.groups_in(mid):
                    ops.add(g, "autonomy", -loss)
            ledger.change("pluralism", -loss * 0.3, ledger.say("uniformity", union=f.name))
        if f.purpose == "union" and f.depth >= F.FEDERATION_REGIONAL_DEPTH:
            for mid in f.members:
                s = world.state(mid)
                if s is not None and s.freedom < F.FEDERAL_RIGHTS:
                    ops.add(s, "freedom", 1.5)  # federal courts give redress
    center = world.actors.get(m.center or "")
    if (
        m.arrangement in (Arrangement.GLOBAL_STATE, Arrangement.FEDERATION)
        and isinstance(center, GlobalBody)
        and m.center_level > 50
    ):
        # One political culture for the world: a global center presses uniformity on every group.
        loss = F.UNIFORMITY * (m.center_level - 50)
        for g in world.groups.values():
            ops.add(g, "autonomy", -loss)
        ledger.change("pluralism", -loss * 0.3, ledger.say("uniformity", union=center.name))
    if m.arrangement == Arrangement.EMPIRE and m.hegemon:
        heg = m.hegemon
        for g in world.groups.values():
            if world.host_of(g) != heg:
                g.autonomy += (40 - g.autonomy) * 0.2  # granted, revocable autonomy
        for s in world.states():
            if s.id != heg:
                ops.add(s, "freedom", -1)
        ledger.change(
            "justice", -1.5, ledger.say("imperial_inequality", hegemon=ops.name(world, heg))
        )


# ---- economy --------------------------------------------------------------------------------


# What an institution does to the world, not to itself: the actions that keep it "in use".
USES = frozenset({"deploy", "lend", "regulate", "indict", "arrest", "redistribute", "sanction"})


def economy(
    world: World,
    ledger: Ledger,
    acted: set[str] | frozenset[str] = frozenset(),
    used: set[str] | frozenset[str] = frozenset(),
) -> None:
    at_war = {x for w in world.wars.values() for x in (w.attacker, w.defender)}
    states = world.states()
    for s in states:
        if s.id not in at_war:
            ops.add(s, "wealth", s.wealth * F.GROWTH)
        if s.sanctioned:
            ops.add(s, "wealth", -s.wealth * F.SANCTIONS)
            s.__dict__["sanctioned"] -= 1
        d = s.__dict__  # a plain float field: write it without pydantic's setattr
        d["pressure"] *= 0.8
    # Corporations escape a divided world a little more each turn; a strong center domesticates
    # them ("no place for their multiplication, no borders for them to cross").
    drift = (
        -F.DOMESTICATION * max(0.5, world.centralization / 100)
        if centers.domesticated(world)
        else F.CAPITAL_MOBILITY
    )
    for corp in world.corporations.values():
        ops.add(corp, "escape", drift)
    # Each union and body changes only its own figures, read from its members' wealth and
    # sovereignty (which nothing here changes): unions first, then bodies, is the same as the
    # actors' order.
    actors = world.actors
    federations, bodies = world.federations(), world.bodies()
    for x in sorted(used):
        world.used[x] = world.turn
    for f in federations:
        if f.id not in acted:  # an institution in use keeps its powers
            ops.add(f, "depth", -F.INSTITUTION_DECAY / 2)
    for b in bodies:
        if b.id not in acted:
            ops.add(b, "mandate", -F.INSTITUTION_DECAY)
            ops.add(b, "enforcement", -F.INSTITUTION_DECAY)
    for f in federations:
        members = [actors[m] for m in f.members if m in actors]
        ops.add(f, "budget", _income(members) * F.BUDGET_INCOME)
    for b in bodies:
        members = states if b.members is None else [actors[m] for m in world.body_members(b)]
        ops.add(b, "budget", _income(members) * F.BODY_INCOME)


def _income(members: list) -> float:
    """What members pay a union or body: a share of their wealth, the more the less sovereign."""
    return sum(m.wealth * (100 - m.sovereignty) / 100 for m in members)


# ---- the pull of structure -----------------------------------------------------------------


def pull(world: World, ledger: Ledger, m: Measure) -> None:
    targets = structural_targets(world, m)
    for crit, target in targets.items():
        value = world.criteria.get(crit)
        delta = (target - value) * F.PULL
        if abs(delta) >= 0.05:
            ledger.change(crit, delta, _structure_cause(m.arrangement.value, f"{target:.0f}"))


_STRUCTURE_CAUSES: dict[tuple[str, str], Said] = {}


def _structure_cause(arrangement: str, target: str) -> Said:
    """ "the world's structure (pluralism I) tends toward 62": said once for each arrangement and
    target (at most 7 x 101 of them), since its words and arguments depend on nothing else."""
    said = _STRUCTURE_CAUSES.get((arrangement, target))
    if said is None:
        said = say("structure", arrangement=say(f"arrangement.{arrangement}"), target=target)
        _STRUCTURE_CAUSES[(arrangement, target)] = said
    return said


def run(
    world: World,
    ledger: Ledger,
    struck: set[str],
    acted: set[str] = frozenset(),  # type: ignore[assignment]
    used: set[str] = frozenset(),  # type: ignore[assignment]
) -> Measure:
    """Everything after the actions. Returns the new measure of the world's structure.
    ``acted``: the actors that gave orders; ``used``: the institutions that acted on the world."""
    gini = inequality(world)
    center = centers.center_of(world)  # where the world stood at the turn's start
    if center is not None:
        centers.act(world, ledger, center, struck)
    wars(world, ledger, center)
    crises(world, ledger, struck, center)
    groups(world, ledger, gini)
    fear(world, ledger, gini, center)
    clashes(world, ledger, center)
    economy(world, ledger, acted, used)
    # One measure serves the rest: the price of centralization and the pull change only groups,
    # freedom and the criteria, none of which the structure is read from.
    m = measure(world)
    centralization(world, ledger, m)
    pull(world, ledger, m)
    lapse_moot(world, ledger)  # last: any war, crisis or state may have ended this turn
    return m


__all__ = ["civil_society", "is_member", "memberships", "run", "tally_votes"]
