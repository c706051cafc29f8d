"""Every tuning constant of the rules, in one place a designer can read and change.

Each constant names the essay's claim it carries. docs/rules.md explains how they combine; a
changed constant should come with the figure it moved (``continuum simulate kosovo --json``).
"""

from __future__ import annotations

# ---- power and structure -------------------------------------------------------------------
POWER_MILITARY = 1.0  # a state's power = military * this + sqrt(wealth) * POWER_WEALTH
POWER_WEALTH = 3.0  # (the square root: a rich state's wealth buys power with diminishing returns)
HEGEMON_SHARE = 0.5  # one state holding half of all power is a hegemon: the world is an empire
BODY_STRONG_MANDATE = 50  # a global body counts as strong with this mandate...
BODY_STRONG_ENFORCEMENT = 40  # ...this enforcement...
BODY_INDEPENDENT = 50  # ...and this independence (governed apart from the others)
BODY_BINDING_MANDATE = 20  # below this a body binds no one: the world is anarchic...
STATES_BOUND = 5  # ...and that mandate binds this many effective sovereign states; a more divided
# world needs proportionally more (secession and new states move the world toward anarchy)
IN_USE_TURNS = 6  # a body or union counts toward the third degree only if it acted on the world
# (deployed, lent, ruled, sanctioned, redistributed, carried out a resolution) this recently:
# "we will strengthen global pluralism only by using it"
CIVIL_SOCIETY_ONE_NGO = 40  # one association adds at most this much to civil society's density:
# many sources of political energy, never a single center
RECRUIT_RATE = 0.25  # recruiting adds this share of an NGO's volunteers (at least RECRUIT_LEAST)...
RECRUIT_LEAST = 2.0
VOLUNTEER_SHARE = 0.02  # ...up to this share of the people of the states it works in: an
# association draws on the people it reaches, not without bound
FEDERATION_REGIONAL_DEPTH = 40  # a union this deep is a regional federation
CIVIL_SOCIETY_DENSE = 50  # civil-society density at which it presses states (second degree)
GLOBAL_CENTER_COVERAGE = 0.85  # a center covering this share of people can be global
GLOBAL_FEDERATION_DEPTH = 60  # pooled sovereignty at which a global center is a federation
GLOBAL_STATE_DEPTH = 85  # ...and at which nothing is left to the states: a global state
BROAD_CESSION = 50  # a federation or global state needs its median member to have ceded this
# much: "a surrender of sovereignty by the particular states", not by one populous state alone

# ---- the four criteria: structural pull ----------------------------------------------------
PULL = 0.15  # each turn every criterion moves this share of the way to its structural level
PEACE_PER_WAR = 18  # structural peace lost per war under way
PEACE_PER_CRISIS_SEVERITY = 0.35  # ...per point of crisis severity, weighted by people affected
PEACE_FEAR = 0.25  # ...per point of average fear

# ---- fear makes war (Hobbes) --------------------------------------------------------------
FEAR_RATE = 0.3  # fear moves this share of the way to its level each turn
FEAR_NEIGHBOR = 60  # a neighbour as strong as you raises fear this much
FEAR_FAR = 0.25  # a state that is not a neighbour counts this much
FEAR_INEQUALITY = 25  # inequality between states (0–1) adds this much
FEAR_ARMING = 4  # a neighbour arming this turn adds this to your fear at once
DETERRENCE = 45  # a UN with full mandate and enforcement removes this much fear
ALLIANCE_SHIELD = 15  # membership of an alliance with a common force removes this much
CLASH_THRESHOLD = 55  # mutual fear above this risks border clashes
CLASH_CHANCE = 0.25  # chance per fearful pair per turn, scaled by how far above threshold
REPUBLIC_RESTRAINT = 0.5  # Kant: a republic's clashes are this much less likely
WAR_FROM_CLASH = 0.35  # chance a clash by an autocracy becomes war

# ---- war and the circle -------------------------------------------------------------------
WAR_ATTRITION = 0.08  # each side loses this share of its military per turn of war
WAR_WEALTH_LOSS = 0.02  # and this share of its wealth
WAR_PEACE = 6  # peace lost each turn a war goes on
CONQUEST_RATIO = 1.5  # attacker this much stronger takes a region each turn
CONQUEST_SPOILS = 0.5  # ...and this share of the wealth of the region's people (by population)
REPUBLIC_WAR_WEARINESS = 3  # a republic attacker seeks peace after this many turns
CONQUERED_GRIEVANCE = 30  # a group whose region is conquered gains this grievance
REBELLION_GRIEVANCE = 75  # a group this aggrieved and insecure rebels (civil war)
REBELLION_SECURITY = 35
SECESSION_SEVERITY = 70  # a civil war this severe for three turns ends in secession...
SECESSION_MILITARY = 30  # ...when the host's military is below this

# ---- crises and the agent who is not assigned ----------------------------------------------
CRISIS_GROWTH = 1  # a violent crisis no force struck grows this much a turn...
CRISIS_GRIEVANCE_GROWTH = 0.02  # ...plus this per point of the group's grievance
REPRESSION = 8  # a repression order starts a crisis this severe (or adds half of it)
SLOW_CRISIS_GROWTH = 2  # famine and plague grow this much unless eased...
PANIC_GROWTH = 1  # ...a financial panic this much
REFUGEE_GROWTH = 3  # refugees keep coming while the cleansing that drives them goes on...
REFUGEE_RETURN = 4  # ...and go home this fast after it stops
NONVIOLENT_PEACE = (
    0.3  # famine, plague, panic and refugees cost this share of a violent crisis's peace
)
CLEANSING_SEVERITY = 60  # repression this severe, of a group this insecure, becomes cleansing
CLEANSING_SECURITY = 30
CRISIS_PEACE = 0.10  # peace lost per point of severity each turn (before relief)
CRISIS_PLURALISM = 0.06  # pluralism lost per point of severity (cleansing counts double)
CRISIS_FREEDOM = 0.04  # freedom lost per point of severity (repression)
NO_AGENT_EXTRA = 1.5  # an unanswered crisis costs this many times more (no one was assigned)
RELIEF_SHARE = 0.5  # relief absorbs this share of a crisis's cost; it cannot end it
FORCE_EFFECT = 0.5  # severity removed per point of force sent
PROTECTION = (
    15  # a group whose crisis force ended gains this security (and loses half in grievance)
)
REBELLION_CHANCE = 0.35  # chance per turn that a group past the thresholds rises
UNILATERAL_FEAR = 12  # an intervention without authorization frightens the other states
AIR_WAR_DISCOUNT = 0.6  # a republic intervenes from the air: cheaper for it, less effective
WARNING_HEEDED = 55  # an NGO warning is heeded at this credibility; below it is "irresponsible"
WARNING_BONUS = 1.5  # a heeded warning makes the first response this much stronger

# ---- centralization's price and gift -------------------------------------------------------
DESPOTISM_FROM = 55  # above this centralization despotism becomes possible
DESPOTISM_CHANCE = 0.35  # per turn at full centralization, before checks
DESPOTISM_FREEDOM = 12
DESPOTISM_PLURALISM = 12
DESPOTISM_AUTONOMY = 20
UNIFORMITY = 0.04  # per point of a union's depth above 50, members' groups lose autonomy
CENTER_CAPACITY = 0.5  # a center's pooled strength adds this much force to its interventions

# ---- what a center does (centers.py) --------------------------------------------------------
# Its gift: a center at federation or global level is an assigned agent ("the claim of all the
# strongly centered regimes is that this sort of thing will be stopped")...
CENTER_POLICE = 12  # ...it cuts every crisis in its reach by this much a turn at level 100,
# without a vote, and the crisis counts as answered
CENTER_REDISTRIBUTION = 0.03  # ...moves its members' wealth per person this share of the way to
# their mean each turn at level 100 (the capacity to redistribute "with a stroke of the pen")
CENTER_DETERRENCE = 40  # ...and removes this much of its members' fear at level 100 (no motive
# for war); it forbids war between its members and holds them together (no secession)
FEDERAL_RIGHTS = 70  # citizens tied to a center appeal to its courts: freedom rises toward this
# Hegemony: an empire's pax comes from the hegemon policing its subjects...
HEGEMON_POLICE = 10  # ...it cuts each violent crisis outside its own lands by this much x share
HEGEMON_AWE = 30  # ...and its subjects' fear falls by this much x share
IMPERIAL_CAPRICE = 0.3  # chance a turn of an arbitrary act: the hegemon revokes a granted autonomy
CAPRICE_AUTONOMY = 30  # (the group's autonomy falls this much; it was granted, not negotiated)
SUBMISSION = 15  # a subject beaten by the hegemon submits (the war ends) and loses this much
# sovereignty: "the hegemony of the imperial nation divides it from the others, without
# abolishing the others"
EMPIRE_DESPOTISM = 0.3  # despotism is open to a hegemon whatever its share: at least this share
# of the full chance (the centralization above DESPOTISM_FROM counts if it is more)
GARRISON = 8  # a hegemon holds this many regions per 100 military; beyond, it is overstretched...
OVERSTRETCH_GRIEVANCE = 6  # ...its subject groups gain this grievance a turn per unit of stretch,
# and a civil war against an overstretched host can win secession whatever the host's military
REPUBLIC_ESCALATION = 0.15  # Kant's restraint is a tendency, not a wall: a clash between two
# republics becomes war this much as often as one involving an autocracy

# ---- corporations (the market's own centers) -----------------------------------------------
CAPITAL_MOBILITY = 0.5  # in a divided world corporations escape a little more each turn...
DOMESTICATION = 2.0  # ...a strong center (centralization above DESPOTISM_FROM, or an empire or a
# federal or global center) domesticates them this much a turn: no borders left to cross
CORPORATE_JUSTICE = 12  # structural justice lost at full escape (capital-weighted mean)
CORPORATE_CROWDING = 10  # civil society's density lost at full escape: corporations "threaten to
# overwhelm all other global actors", the associations of volunteers first
IMPERIAL_INEQUALITY = 10  # structural justice lost in an empire x the hegemon's share: "imperial
# hegemony is a form of political inequality that makes for further inequalities"

SOVEREIGNTY_FOR_DIVERSITY = 80  # diversity counts sovereign states fully while they keep this
# much of their sovereignty on average; pooled beyond it, diversity falls in proportion

# ---- sovereignty protects culture ---------------------------------------------------------
PROTECTED_SECURITY = 4  # a group with a state or secure autonomy gains security each turn
EXPOSED_SECURITY = 3  # a group with neither loses this much when aggrieved
AUTONOMY_SECURE = 60

# ---- what actions cost: short of the cost, an actor does not have the action ---------------
ARM_COST = 4  # wealth
FUND_COST = 6  # wealth, into a union's or body's budget
AID_FLOOR = 10  # wealth: a state offers aid only with this much (the aid itself is AID_SHARE)
BUILD_FORCE_COST = 6  # a union's budget
SANCTION_COST = 2  # a union's budget
BUILD_CAPACITY_COST = 6  # a body's budget
LEND_COST = 8  # a bank's budget (a loan lends this much at most: AID_CAP of the state's wealth)
REGULATE_COST = 3  # a bank's or trade body's budget

# ---- markets and inequality ---------------------------------------------------------------
INVEST = 0.01  # investing at home adds this share of wealth
TAX_REVENUE = 0.03  # a capital tax raises this share of wealth...
TAX_JUSTICE = 0.4
CAPITAL_FLIGHT = 2.0  # ...and, alone, loses this many times the revenue * corporate escape / 100
COORDINATED = 50  # unless a union this deep or a trade body this strong coordinates it
AID_SHARE = 0.005  # aid gives this share of the donor's wealth (at least 4)...
AID_CAP = 0.25  # ...but never more than this share of the recipient's
AID_JUSTICE = 0.25
LEND_JUSTICE = 0.3
REDISTRIBUTE_JUSTICE = 0.4
STANDARDS_JUSTICE = 0.25
PACKAGE_JUSTICE = 0.8  # an aid package or binding standards voted in a global body
SANCTIONS = 0.03  # sanctions cost this share of wealth a turn
GROWTH = 0.002  # wealth grows by this share each turn in peace (a turn is about a month)
INEQUALITY_GRIEVANCE = 6  # groups in poorer-than-average states gain grievance per turn * gini
REDISTRIBUTE = 8
AID_PACKAGE = 10  # what a body's aid package, once voted, takes from its budget to the state
# A body's secretariat may ask its members for a wider mandate (the mandate is theirs to give):
MANDATE_GRANTED = 8  # granted: its mandate grows this much...
MANDATE_SNUB = 4  # ...vetoed: "ask for it too loudly and the great powers will starve you"
ARREST_ENFORCEMENT = 50  # a court arrests on its own with this enforcement...
ARREST_SEVERITY = 15  # ...and an arrest cuts the crisis its suspects led by this much
STANDARDS_ESCAPE = 8  # corporations' escape lost per standard set (times enforcement / 50)
BUDGET_INCOME = 0.002  # a union's budget grows by members' wealth * ceded sovereignty * this
INSTITUTION_DECAY = 0.4  # mandate and enforcement unused wither this much a turn ("no one is
# sufficiently interested" in institutions for their own sake); a union's depth half as fast
BODY_INCOME = 0.0005  # a global body's, by its members' wealth * ceded sovereignty * this

# ---- re-tabled resolutions (retable.py) ------------------------------------------------------
VETO_LIMIT = 2  # a question vetoed this often is not tabled again unchanged: a veto ends a
# debate, and re-tabling it turn after turn to be vetoed again is no debate at all...
RETABLE_WORSENED = 10  # ...until the matter is this much graver than at the last veto (a new cause)
RETABLE_CLEANSING = 25  # repression turned to ethnic cleansing counts this much graver
RETABLE_WAR_TURN = 3  # each turn a war goes on counts this much graver (mediation, sanctions)
