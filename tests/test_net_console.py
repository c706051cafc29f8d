"""The teacher's console over a real host on 127.0.0.1: the token, what the console sees, and
every console action's effect as real student clients see it (the timer, pause, resolving now,
reassigning and freeing seats, removing a client, ending the match), and a resumed host that
keeps what the console changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.content import load_scenario
from game.net.host import ENDED_BY_TEACHER, Host, Limits
from tests.netkit import MINI, Student, hosting, run


async def console(address: str, token: str) -> Student:
    """A console client that said hello with ``token`` and was welcomed."""
    teacher = await Student.connect(address)
    await teacher.send("console_hello", token=token)
    teacher.welcome = await teacher.expect("console_welcome")
    return teacher


async def status_where(teacher: Student, ok: Any) -> dict[str, Any]:
    """The first console_status for which ``ok(status)`` holds."""
    while True:
        status = await teacher.expect("console_status")
        if ok(status):
            return status


def seat_of(status: dict[str, Any], seat: str) -> dict[str, Any]:
    return next(s for s in status["seats"] if s["seat"] == seat)


def invest(seat: str) -> dict[str, str]:
    return {"actor": seat, "action": "invest"}


def test_the_console_needs_its_token_and_sees_every_seat_and_message() -> None:
    async def play() -> None:
        limits = Limits(wrong_tokens=2)
        async with hosting(["arcadia", "castria", "un"], limits=limits) as (host, address, codes):
            eve = await Student.connect(address)
            await eve.send("console_hello", token="guess")
            assert await eve.refused() == "that is not this host's console token"
            await eve.send("pause", paused=True)
            assert await eve.refused() == "only the teacher's console may do that"
            await eve.send("console_hello", token="guess again")
            assert (await eve.expect("error"))["reason"].startswith("too many wrong console")
            assert host.paused is False

            ana = await Student.join(address, codes["castria"], "Ana")
            await ana.send("pause", paused=True)
            assert await ana.refused() == "only the teacher's console may do that"

            teacher = await console(address, host.console_token)
            welcome = teacher.welcome
            assert welcome["view"]["rules"]["missions"]  # the public view, with its rules
            assert all(m["secret"] == [] for m in welcome["view"]["rules"]["missions"])
            assert welcome["view"]["hand"] == []  # no seat's cards
            castria = seat_of(welcome["status"], "castria")
            assert castria["code"] == codes["castria"] and castria["claimed"] is True
            assert [c["name"] for c in castria["clients"]] == ["Ana"]
            assert seat_of(welcome["status"], "arcadia")["claimed"] is False

            carl = await Student.join(address, codes["arcadia"], "Carl")
            status = await status_where(teacher, lambda s: seat_of(s, "arcadia")["clients"])
            assert seat_of(status, "arcadia")["clients"][0]["name"] == "Carl"
            await carl.send("submit", turn=1)
            status = await status_where(teacher, lambda s: seat_of(s, "arcadia")["submitted"])
            assert seat_of(status, "castria")["submitted"] is False

            # One seat, a group, everyone: the console sees all three; a group reaches only
            # the seats it names (and the sender's own).
            uma = await Student.join(address, codes["un"], "Uma")
            await ana.send("chat", to="arcadia", text="truce?")
            await uma.send("chat", to=["castria", "arcadia"], text="talks at the UN")
            await carl.send("chat", to="all", text="agreed")
            got = [(await teacher.expect("message"))["text"] for _ in range(3)]
            assert got == ["truce?", "talks at the UN", "agreed"]
            assert [(await ana.expect("message"))["text"] for _ in range(2)] == [
                "truce?",  # back to the sender's own team
                "talks at the UN",
            ]
            assert (await carl.expect("message"))["text"] == "truce?"
            assert (await carl.expect("message"))["text"] == "talks at the UN"
            assert [(await uma.expect("message"))["text"] for _ in range(2)] == [
                "talks at the UN",
                "agreed",
            ]
            assert await uma.quiet(0.1) == []  # truce? went to arcadia alone
            await uma.send("chat", to=["castria", "atlantis"], text="hi")
            assert await uma.refused() == "no seat named atlantis in this match"

    run(play)


def test_the_timer_runs_out_to_hold_or_to_the_ai() -> None:
    async def play() -> None:
        async with hosting(["arcadia", "castria"]) as (host, address, codes):
            teacher = await console(address, host.console_token)
            ana = await Student.join(address, codes["castria"], "Ana")
            carl = await Student.join(address, codes["arcadia"], "Carl")
            await ana.send("draft_add", order=invest("castria"))
            await ana.expect("draft")

            # hold: Ana's draft goes in as it stands; Carl, who drafted nothing, gives nothing
            await teacher.send("set_timer", seconds=1, on_timeout="hold")
            status = await status_where(teacher, lambda s: s["timer"] == 1)
            assert status["on_timeout"] == "hold" and 0 < status["remaining"] <= 1
            assert (await ana.expect("turn", timeout=5))["turn"] == 2
            assert (await carl.expect("turn", timeout=5))["turn"] == 2
            played = host.match.match.log[-1]
            ours = [o.model_dump(exclude_none=True) for o in played if o.actor == "castria"]
            assert ours == [invest("castria")]
            assert not [o for o in played if o.actor == "arcadia"]

            # ai: Ana's draft is set aside; the AI gives castria's orders this turn
            await teacher.send("set_timer", seconds=1, on_timeout="ai")
            await status_where(teacher, lambda s: s["on_timeout"] == "ai")
            await ana.send("draft_add", order=invest("castria"))
            await ana.expect("draft")
            assert (await ana.expect("turn", timeout=5))["turn"] == 3
            played = host.match.match.log[-1]
            ours = [o.model_dump(exclude_none=True) for o in played if o.actor == "castria"]
            assert len(ours) > 1 and ours != [invest("castria")]  # the AI's, not Ana's one
            assert host.match.humans == ["castria", "arcadia"]  # still people's seats

    run(play)


def test_pause_holds_the_turn_and_the_timer_and_resolve_now_resolves() -> None:
    async def play() -> None:
        async with hosting(["arcadia", "castria"]) as (host, address, codes):
            teacher = await console(address, host.console_token)
            ana = await Student.join(address, codes["castria"], "Ana")
            carl = await Student.join(address, codes["arcadia"], "Carl")
            await teacher.send("set_timer", seconds=1)
            await teacher.send("pause", paused=True)
            status = await status_where(teacher, lambda s: s["paused"])
            left = status["remaining"]
            assert 0 < left <= 1
            await ana.send("submit", turn=1)
            await carl.send("submit", turn=1)
            assert [m for m in await carl.quiet(1.1) if m["type"] == "turn"] == []
            assert host.match.world.turn == 1 and host.remaining() == left  # stood still
            await teacher.send("pause", paused=False)
            assert (await carl.expect("turn"))["turn"] == 2  # everyone had submitted
            await status_where(teacher, lambda s: s["turn"] == 2 and not s["paused"])

            await teacher.send("set_timer", seconds=0)
            await status_where(teacher, lambda s: s["timer"] == 0 and s["remaining"] is None)
            await carl.send("submit", turn=2)
            await teacher.send("resolve_now")  # Ana has not submitted: her draft goes as it is
            assert [(await ana.expect("turn"))["turn"] for _ in range(2)] == [2, 3]
            await teacher.expect("console_turn")  # turn 1's
            public = await teacher.expect("console_turn")
            assert public["report"]["turn"] == 2 and public["view"]["turn"] == 3
            assert public["view"]["hand"] == []

    run(play)


def test_reassign_free_and_remove_change_who_plays_and_end_ends() -> None:
    async def play() -> None:
        async with hosting(["arcadia", "castria", "un"]) as (host, address, codes):
            teacher = await console(address, host.console_token)
            ana = await Student.join(address, codes["castria"], "Ana")
            bea = await Student.join(address, codes["castria"], "Bea")
            carl = await Student.join(address, codes["arcadia"], "Carl")
            uma = await Student.join(address, codes["un"], "Uma")
            await ana.send("draft_add", order=invest("castria"))
            await ana.expect("draft")

            await teacher.send("reassign", seat="castria")
            for student in (ana, bea):
                assert (await student.expect("error"))["reason"] == (
                    "the teacher gave your seat a new join code"
                )
            status = await status_where(
                teacher, lambda s: seat_of(s, "castria")["code"] != codes["castria"]
            )
            new = seat_of(status, "castria")["code"]
            assert seat_of(status, "castria")["claimed"] is True
            eve = await Student.connect(address)
            await eve.send("hello", code=codes["castria"])
            assert await eve.refused() == f"no seat has the join code “{codes['castria']}”"
            dan = await Student.join(address, new, "Dan")
            assert dan.welcome["seat"] == "castria"
            kept = [{k: v for k, v in o.items() if v is not None} for o in dan.welcome["draft"]]
            assert kept == [invest("castria")]  # the seat's draft was kept

            uma_id = seat_of(await teacher.expect("console_status"), "un")["clients"][0]["id"]
            await teacher.send("remove_client", client=uma_id)
            assert (await uma.expect("error"))["reason"] == "the teacher removed this connection"
            await teacher.send("remove_client", client=9999)
            assert await teacher.refused() == "no client number 9999"

            await teacher.send("free_seat", seat="un")
            await status_where(teacher, lambda s: not seat_of(s, "un")["claimed"])
            assert "un" not in host.match.humans
            await teacher.send("free_seat", seat="atlantis")
            assert await teacher.refused() == "no seat named atlantis in this match"
            # the freed seat is no longer awaited: the two others submit and the turn resolves
            await dan.send("submit", turn=1)
            await carl.send("submit", turn=1)
            assert (await carl.expect("turn"))["turn"] == 2

            await teacher.send("end_match")
            for who in (carl, dan, teacher):
                outcome = (await who.expect("ended"))["outcome"]
                assert outcome["end_reason"] == ENDED_BY_TEACHER
                # a Spanish class's debrief says why in Spanish
                assert outcome["end_texts"]["es"] == "El profesor terminó la partida."
            await carl.send("submit", turn=2)
            refused = await carl.expect("refused")
            assert refused["reason"] == "the match has ended"
            assert (refused["key"], refused["args"]) == ("net.ended", {})
            await teacher.send("pause", paused=True)
            assert await teacher.refused() == "the match has ended"

    run(play)


def test_a_resumed_host_keeps_the_consoles_changes(tmp_path: Path) -> None:
    path = tmp_path / "class.continuum-journal"

    async def play() -> dict[str, str]:
        host = Host.new(load_scenario(MINI), ["arcadia", "castria", "un"], seed=1, journal=path)
        address = await host.start("127.0.0.1", 0)
        codes = {seat: code for code, seat in host.codes.items()}
        try:
            teacher = await console(address, host.console_token)
            await Student.join(address, codes["un"], "Uma")
            await Student.join(address, codes["arcadia"], "Carl")
            await teacher.send("set_timer", seconds=90, on_timeout="ai")
            await teacher.send("pause", paused=True)
            await teacher.send("reassign", seat="castria")
            await teacher.send("free_seat", seat="un")
            await status_where(
                teacher,
                lambda s: (
                    s["paused"]
                    and s["timer"] == 90
                    and not seat_of(s, "un")["claimed"]
                    and seat_of(s, "castria")["code"] != codes["castria"]
                ),
            )
            return dict(host.codes)
        finally:
            await host.close()

    async def resumed(codes: dict[str, str]) -> None:
        host = Host.resume(path)
        address = await host.start("127.0.0.1", 0)
        try:
            assert host.codes == codes  # castria's new code, not its first
            assert host.paused and host.timer == 90 and host.on_timeout == "ai"
            assert host.remaining() == 90  # paused: the turn's timer waits, whole
            assert host.match.humans == ["arcadia"]  # un went back to the AI
            teacher = await console(address, host.console_token)
            assert teacher.welcome["status"]["paused"] is True
            assert seat_of(teacher.welcome["status"], "un")["claimed"] is False
        finally:
            await host.close()

    kept: dict[str, dict[str, str]] = {}

    async def first() -> None:
        kept["codes"] = await play()

    run(first)
    run(lambda: resumed(kept["codes"]))


KOSOVO = Path(__file__).resolve().parent.parent / "scenarios" / "kosovo.json"


def test_teacher_cards_are_never_drawn_and_the_console_plays_them(tmp_path: Path) -> None:
    from game.engine.conditions import dealable
    from game.engine.setup import new_world

    scenario = load_scenario(KOSOVO)
    deck = [c.id for c in scenario.cards if c.teacher]
    assert len(deck) >= 4
    # their triggers are empty (always true): only the teacher keeps them out of the draw
    assert not [c for c, _ in dealable(new_world(scenario)) if c.teacher]
    path = tmp_path / "kosovo.continuum-journal"

    async def play() -> None:
        host = Host.new(scenario, ["servia", "arberia"], seed=1, journal=path)
        address = await host.start("127.0.0.1", 0)
        codes = {seat: code for code, seat in host.codes.items()}
        try:
            teacher = await console(address, host.console_token)
            assert [c["id"] for c in teacher.welcome["cards"]] == deck
            ana = await Student.join(address, codes["servia"], "Ana")
            await teacher.send("play_card", card="early_warning", seat="servia")
            assert await teacher.refused() == "no teacher card named early_warning in this scenario"
            await teacher.send("play_card", card="teacher_talks_at_the_castle", seat="servia")
            again = await ana.expect("welcome")  # the seat afresh, the card in its hand
            held = [h for h in again["view"]["hand"] if h["card"] == "teacher_talks_at_the_castle"]
            assert held and held[0]["actor"] == "servia"
            answers = [o for o in again["legal"] if o.get("target") == held[0]["key"]]
            assert {o["option"] for o in answers} >= {"back_the_text", "strike_the_clause"}
            await teacher.send("play_card", card="teacher_talks_at_the_castle", seat="servia")
            assert await teacher.refused() == "the Republic of Servia holds that card already"
        finally:
            await host.close()

    run(play)
    resumed = Host.resume(path)  # the card played in the turn in progress is dealt again
    try:
        hand = resumed.match.world.hand
        assert [h.card for h in hand if h.actor == "servia" and h.card.startswith("teacher_")] == [
            "teacher_talks_at_the_castle"
        ]
    finally:
        assert resumed.journal is not None
        resumed.journal.close()


def test_a_students_client_shows_a_teacher_card_as_soon_as_it_is_played() -> None:
    from game.net.client import RemoteMatch
    from game.net.console_client import ConsoleLink
    from game.net.protocol import PlayCard
    from tests.host_thread import host_thread

    with host_thread(["servia"], scenario=load_scenario(KOSOVO), seed=1) as (
        served,
        address,
        codes,
    ):
        ana = RemoteMatch.join(address, codes["servia"], "Ana")
        teacher = ConsoleLink(address, served.host.console_token)
        try:
            assert ana.wait(lambda: ana.status == "playing", 10)
            assert teacher_ready(teacher)
            before = ana.state_id
            teacher.send(PlayCard(card="teacher_indictment", seat="servia"))
            hand = lambda: [h.card for h in ana.view("servia").hand]  # noqa: E731
            assert ana.wait(lambda: "teacher_indictment" in hand(), 10)
            assert ana.state_id != before  # the screens see the seat moved
            answers = {o.option for o in ana.legal("servia") if o.action == "choose"}
            assert {"back_the_court", "peace_first"} <= answers
            # the card is news of the match, not a return after a dropped connection
            assert "back" not in [n.kind for n in ana.take_news()]
        finally:
            teacher.close()
            ana.close()


def teacher_ready(link: Any) -> bool:
    """Wait for a console link's welcome (it hears the host from a thread of its own)."""
    import time

    end = time.monotonic() + 10
    while time.monotonic() < end:
        link.pump()
        if link.state.status is not None:
            return True
        time.sleep(0.02)
    return False
