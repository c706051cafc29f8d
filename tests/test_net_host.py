"""The seminar host (game/net/host.py) on a real server (127.0.0.1, a free port) with real
websockets clients: a whole match with a team seat, a client that drops and comes back, every
refusal, a flood, and what each seat receives (its own view, never another's secrets)."""

from __future__ import annotations

import asyncio
import json
import time

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from game.net.host import Limits
from game.net.protocol import PROTOCOL_VERSION
from tests.netkit import Student, hosting, run

SECRET = "Keep the Highlands"  # castria's secret goal in mini.json


def test_a_whole_match_with_two_seats_and_a_team() -> None:
    async def play() -> None:
        async with hosting(["arcadia", "castria", "un"]) as (host, address, codes):
            ana = await Student.join(address, codes["castria"], "Ana")
            bea = await Student.join(address, codes["castria"].lower(), "Bea")  # a team
            carl = await Student.join(address, codes["arcadia"], "Carl")
            assert ana.welcome["seat"] == bea.welcome["seat"] == "castria"
            assert carl.welcome["seat"] == "arcadia" and carl.welcome["turn"] == 1
            # Each seat sees its own view: its hand only, its own secret goals only.
            assert all(h["actor"] == "arcadia" for h in carl.welcome["view"]["hand"])
            castria_mission = next(
                m for m in ana.welcome["rules"]["missions"] if m["actor"] == "castria"
            )
            assert castria_mission["secret"][0]["text"] == SECRET
            assert host.match.humans == ["castria", "arcadia"]  # un: nobody claimed it, the AI

            turns, now = 0, ana.welcome  # what castria knows of the turn it drafts
            while True:
                turn, legal = now["turn"], now["legal"]
                order = next((o for o in legal if o["action"] == "repress"), legal[0])
                await ana.send("draft_add", order=order)
                for student in (ana, bea):  # both of the team see the change
                    draft = await student.expect("draft")
                    assert draft["orders"] == [order] and draft["by"] == "Ana"
                assert await carl.quiet(0.05) == []  # another seat's draft never reaches Carl
                await bea.send("submit", turn=turn)
                for student in (ana, bea):
                    assert (await student.expect("draft"))["submitted"] is True
                await carl.send("submit", turn=turn)
                for student in (carl, bea, ana):
                    now = await student.expect("turn")
                    assert now["seat"] == student.welcome["seat"]
                    assert now["view"]["turn"] == now["turn"]
                turns += 1
                if now["ended"]:
                    break
            assert turns == len(host.match.reports) >= 2
            for student in (ana, bea, carl):
                outcome = (await student.expect("ended"))["outcome"]
                assert outcome["turn"] == host.match.world.turn
            # Until the end, nothing Carl received held castria's secret goal or its draft.
            before_end = [r for r in carl.raw if json.loads(r)["type"] != "ended"]
            assert not any(SECRET in r for r in before_end)
            assert not any(json.loads(r).get("seat") == "castria" for r in carl.raw)
            assert any(SECRET in r for r in carl.raw)  # the debrief shows every mission
            for student in (ana, bea, carl):
                await student.close()

    run(play)


def test_each_seat_gets_its_own_part_of_the_report() -> None:
    async def play() -> None:
        async with hosting(["arcadia", "castria"]) as (host, address, codes):
            ana = await Student.join(address, codes["castria"])
            carl = await Student.join(address, codes["arcadia"])
            await ana.send("submit", turn=1)
            await carl.send("submit", turn=1)
            for student, seat in ((ana, "castria"), (carl, "arcadia")):
                got = (await student.expect("turn"))["report"]
                mine = host.match.reports[-1].for_actor(seat).model_dump(mode="json")
                assert got == json.loads(json.dumps(mine))
                assert all(ln["private_to"] in (None, seat) for ln in got["lines"])

    run(play)


def test_a_client_that_drops_mid_turn_comes_back_to_its_seat() -> None:
    async def play() -> None:
        async with hosting(["arcadia", "castria"]) as (host, address, codes):
            ana = await Student.join(address, codes["castria"], "Ana")
            carl = await Student.join(address, codes["arcadia"], "Carl")
            order = next(o for o in ana.welcome["legal"] if o["action"] == "repress")
            await ana.send("draft_add", order=order)
            await ana.expect("draft")
            await ana.send("submit", turn=1)
            await ana.expect("draft")
            await ana.ws.close()  # the laptop sleeps, mid-turn

            # Carl drafts on; the draft is still unsent when he drops too.
            invest = {"actor": "arcadia", "action": "invest", "target": None}
            invest |= {"subject": None, "option": None}
            await carl.send("draft_add", order=invest)
            await carl.expect("draft")
            await carl.ws.close()
            await asyncio.sleep(0.05)
            assert host.clients == set() and host.match.world.turn == 1  # waits for them

            ana = await Student.join(address, codes["castria"], "Ana")
            assert ana.welcome["seat"] == "castria" and ana.welcome["submitted"] is True
            assert ana.welcome["draft"] == [order] and ana.welcome["turn"] == 1
            carl = await Student.join(address, codes["arcadia"], "Carl")
            assert carl.welcome["draft"] == [invest] and carl.welcome["submitted"] is False
            await carl.send("submit", turn=1)
            for student in (ana, carl):
                assert (await student.expect("turn"))["turn"] == 2
            # Coming back after the turn: the match where it stands, the reports so far.
            await ana.ws.close()
            ana = await Student.join(address, codes["castria"], "Ana")
            assert ana.welcome["turn"] == 2 and len(ana.welcome["reports"]) == 1
            assert ana.welcome["draft"] == [] and ana.welcome["submitted"] is False

    run(play)


def test_what_cannot_be_taken_is_refused_and_the_host_carries_on() -> None:
    async def play() -> None:
        limits = Limits(max_message=4096, max_frame=64 * 1024)
        async with hosting(["arcadia", "castria"], limits=limits) as (_host, address, codes):
            carl = await Student.join(address, codes["arcadia"])
            eve = await Student.connect(address)
            await eve.ws.send("{not json")
            assert (await eve.refused()).startswith("not JSON")
            await eve.send("draft_add", order={"actor": "castria", "action": "invest"})
            assert await eve.refused() == "say hello first, with your seat's join code"
            await eve.send("hello", code="ZZZZZZ")
            assert await eve.refused() == "no seat has the join code “ZZZZZZ”"
            await eve.ws.send(json.dumps({"type": "hello", "v": 99, "code": codes["castria"]}))
            assert await eve.refused() == (
                f"This host speaks protocol {PROTOCOL_VERSION}; your game speaks 99: "
                "update the game"
            )
            await eve.send("hello", code=codes["castria"], name="x" * 500)
            assert (await eve.refused()).startswith("hello: name:")
            await eve.send("hello", code=codes["castria"], name="Eve")
            await eve.expect("welcome")

            # Orders for another seat, a second hello, out-of-turn and duplicate submits.
            await eve.send("draft_add", order={"actor": "arcadia", "action": "invest"})
            assert await eve.refused() == "not your seat: you play Castria, not Arcadia"
            await eve.send("draft_replace", orders=[{"actor": "arcadia", "action": "invest"}])
            assert await eve.refused() == "not your seat: you play Castria, not Arcadia"
            await eve.send("draft_remove", index=3)
            assert await eve.refused() == "the draft has no order number 3"
            await eve.send("hello", code=codes["arcadia"])
            assert await eve.refused() == "this connection already plays Castria"
            await eve.send("submit", turn=2)
            assert await eve.refused() == "out of turn: the match is at turn 1"
            await eve.send("submit", turn=1)
            await eve.expect("draft")
            await eve.send("submit", turn=1)
            assert await eve.refused() == "already submitted: Castria's orders for turn 1 are in"
            await eve.send("draft_add", order={"actor": "castria", "action": "invest"})
            assert "submitted" in await eve.refused()

            # A message over the limit is refused; a frame over the library's limit closes
            # that connection alone.
            await eve.send("chat", to="all", text="y" * 900, pad="z" * 5000)
            assert (await eve.refused()).startswith("too big: ")
            await eve.send("ping", n=7)
            assert (await eve.expect("pong"))["n"] == 7
            await eve.ws.send("x" * (128 * 1024))
            try:
                await eve.expect("never")
            except ConnectionClosed as closed:
                assert closed.rcvd is not None and closed.rcvd.code == 1009
            # Nobody else heard any of it; Carl plays on and the turn resolves.
            assert all(json.loads(r)["type"] == "welcome" for r in carl.raw)
            await carl.send("submit", turn=1)
            assert (await carl.expect("turn"))["turn"] == 2
            # The seat Eve held is still hers: she comes back and finds the new turn.
            eve = await Student.join(address, codes["castria"], "Eve")
            assert eve.welcome["turn"] == 2

    run(play)


def test_too_many_wrong_codes_close_the_connection() -> None:
    async def play() -> None:
        async with hosting(["castria"], limits=Limits(wrong_codes=3)) as (_, address, _codes):
            eve = await Student.connect(address)
            for _ in range(3):
                await eve.send("hello", code="AAAAAA")
            assert (await eve.expect("error"))["reason"].startswith("too many wrong join codes")

    run(play)


def test_chat_goes_to_the_seat_named_or_to_all() -> None:
    async def play() -> None:
        async with hosting(["arcadia", "castria", "un"]) as (host, address, codes):
            ana = await Student.join(address, codes["castria"], "Ana")
            carl = await Student.join(address, codes["arcadia"], "Carl")
            uma = await Student.join(address, codes["un"], "Uma")
            await ana.send("chat", to="arcadia", text="truce?")
            for student in (carl, ana):  # to arcadia, and back to castria's own team
                got = await student.expect("message")
                assert (got["sender"], got["name"], got["to"], got["text"]) == (
                    "castria",
                    "Ana",
                    "arcadia",
                    "truce?",
                )
            assert await uma.quiet(0.05) == []
            await uma.send("chat", to="all", text="session at 3")
            for student in (ana, carl, uma):
                assert (await student.expect("message"))["text"] == "session at 3"
            await uma.send("chat", to="atlantis", text="hi")
            assert await uma.refused() == "no seat named atlantis in this match"
            assert [m.text for m in host.messages] == ["truce?", "session at 3"]

    run(play)


def flood(address: str, code: str) -> list[str]:
    """A client in its own thread (as on another computer): hello, then pings as fast as the
    socket takes them; every reason the host gave it, until it is cut off."""
    reasons: list[str] = []
    with connect(address, max_size=None, close_timeout=1) as ws:
        ws.send(json.dumps({"type": "hello", "v": PROTOCOL_VERSION, "code": code}))
        try:
            for n in range(5000):
                ws.send(json.dumps({"type": "ping", "v": PROTOCOL_VERSION, "n": n}))
            while True:
                reasons.append(json.loads(ws.recv(timeout=10)).get("reason"))
        except (ConnectionClosed, TimeoutError, OSError):
            pass
    return reasons


def test_a_flooding_client_is_slowed_then_dropped_and_the_others_play_on() -> None:
    async def play() -> None:
        limits = Limits(rate=50, burst=10, flood=30)
        async with hosting(["arcadia", "castria"], limits=limits) as (host, address, codes):
            carl = await Student.join(address, codes["arcadia"], "Carl")
            flooding = asyncio.create_task(asyncio.to_thread(flood, address, codes["castria"]))
            worst = 0.0
            for n in range(40):  # Carl's own messages go through at his pace, promptly
                start = time.perf_counter()
                await carl.send("ping", n=n)
                assert (await carl.expect("pong"))["n"] == n
                worst = max(worst, time.perf_counter() - start)
                await asyncio.sleep(0.02)
            await carl.send("draft_add", order={"actor": "arcadia", "action": "invest"})
            assert (await carl.expect("draft"))["orders"][0]["action"] == "invest"
            assert worst < 1.0, worst  # (a loaded 2-core runner; ~0.01 s idle)
            # The flood was refused, slowed, and at last dropped.
            seen = await asyncio.wait_for(flooding, 20)
            assert any(r and r.startswith("too many messages: at most 50") for r in seen)
            assert "too many messages: this connection is closed" in seen
            assert all(c.seat != "castria" for c in host.clients)

    run(play)
