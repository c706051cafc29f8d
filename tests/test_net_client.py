"""A student's client (game/net/client.py): real ``RemoteMatch`` sessions against a real host on
127.0.0.1, driven through the session interface as the screens drive it: a whole match with two
seats and a team seat, a connection cut mid-turn (the draft kept), a host that goes away and
comes back, and what cannot be played (a wrong code, no host, a host of another version)."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from websockets.asyncio.server import serve

from game.engine import Order
from game.net.client import AddressError, RemoteMatch, parse_address
from game.net.protocol import PROTOCOL_VERSION
from game.session.interface import Connected, Session
from tests.host_thread import host_thread

WAIT = 10.0


def joined(address: str, code: str, name: str) -> RemoteMatch:
    match = RemoteMatch.join(address, code, name)
    assert match.wait(lambda: match.status != "connecting", WAIT), "no answer from the host"
    assert match.status == "playing", match.failure
    return match


def first_action(match: RemoteMatch) -> Order:
    """A plain action (not a card answer or a vote) the seat may take this turn."""
    return next(o for o in match.legal(match.seat) if o.action not in ("choose", "vote"))


def test_a_whole_match_with_two_seats_and_a_team() -> None:
    with host_thread(["arcadia", "castria", "un"]) as (served, address, codes):
        ana = joined(address, codes["castria"], "Ana")
        bea = joined(address, codes["castria"].lower(), "Bea")  # the same seat: a team
        carl = joined(address, codes["arcadia"], "Carl")
        clients = (ana, bea, carl)
        try:
            for client in clients:
                assert isinstance(client, Session) and isinstance(client, Connected)
            assert (ana.seat, bea.seat, carl.seat) == ("castria", "castria", "arcadia")
            # Each seat holds its own view: its own cards, no one else's.
            assert {h.actor for h in carl.view("arcadia").hand} == {"arcadia"}
            assert {h.actor for h in ana.view("castria").hand} == {"castria"}
            assert ana.view(None).hand == []  # the public view, worked out from the seat's

            turns = 0
            while not carl.ended:
                state = carl.state_id
                assert ana.current_seat() == "castria" and carl.current_seat() == "arcadia"
                order = first_action(ana)
                assert ana.add(order) is None
                assert ana.draft("castria") == [order]  # at once, before the host answers
                # The team mate sees it once the host has it, and is told who changed it.
                assert bea.wait(lambda o=order: bea.draft("castria") == [o], WAIT)
                assert any(n.kind == "mate" and n.text == "Ana" for n in bea.take_news())
                assert ana.points_left("castria") == bea.points_left("castria")
                assert served.host.match.draft("castria") == [order]
                # Another seat's order is refused here, and never sent.
                assert carl.add(Order(actor="castria", action="invest")) is not None
                carl_order = first_action(carl)
                assert carl.add(carl_order) is None
                assert bea.submit("castria") is None  # one of the team ends the seat's turn
                assert bea.current_seat() is None and bea.waiting_for_others
                assert ana.wait(lambda: ana.waiting_for_others, WAIT)  # the mate too
                assert ana.add(first_action(carl)) is not None  # the turn is in: no more
                assert not carl.waiting_for_others
                assert carl.submit("arcadia") is None  # the last seat: the host resolves
                for client in clients:
                    assert client.wait(lambda c=client, s=state: c.state_id != s, WAIT)
                turns += 1
                for client in clients:
                    report = client.reports[-1]
                    assert len(client.reports) == turns and report.turn == turns
                    assert not client.waiting_for_others
                    assert client.draft(client.seat) == []
                host_orders = served.host.match.match.log[-1]
                assert order in host_orders and carl_order in host_orders
            assert turns == 3 == len(served.host.match.reports)
            for client in clients:
                assert client.ended and client.current_seat() is None
                # The whole world for the debrief: every mission, the host's own world.
                assert client.outcome().digest() == served.host.match.world.digest()
            assert any(m.actor == "castria" and m.secret for m in carl.outcome().rules.missions)
            late = joined(address, codes["un"], "Dee")  # a student who comes after the end
            try:
                assert late.wait(lambda: late.ended, WAIT) and late.current_seat() is None
                assert late.outcome().digest() == served.host.match.world.digest()
                assert len(late.reports) == 3 and not late.waiting_for_others
            finally:
                late.close()
        finally:
            for client in clients:
                client.close()


def test_a_connection_cut_mid_turn_comes_back_with_its_draft() -> None:
    with host_thread(["castria", "arcadia"]) as (served, address, codes):
        ana = joined(address, codes["castria"], "Ana")
        try:
            first = first_action(ana)
            assert ana.add(first) is None
            assert ana.wait(lambda: served.host.match.draft("castria") == [first], WAIT)
            assert served.cut("castria") == 1  # the Wi-Fi drops, mid-turn
            assert ana.wait(lambda: ana.link == "down", WAIT)
            assert [n.kind for n in ana.take_news()] == ["lost"]
            # Drafting goes on while the host cannot hear; the draft is kept here.
            second = next(
                o for o in ana.legal("castria") if o.action not in ("choose", "vote") and o != first
            )
            assert ana.add(second) is None
            assert ana.draft("castria") == [first, second]
            assert ana.wait(lambda: ana.link == "up", WAIT)  # the same code, the same seat
            assert "back" in [n.kind for n in ana.take_news()]
            # The host receives the draft it missed; nothing is lost on either side.
            assert ana.wait(lambda: served.host.match.draft("castria") == [first, second], WAIT)
            assert ana.draft("castria") == [first, second]
            assert ana.current_seat() == "castria"
        finally:
            ana.close()


def test_a_host_that_goes_away_and_comes_back_gets_the_submitted_turn() -> None:
    with host_thread(["castria", "arcadia"]) as (served, address, codes):
        ana = joined(address, codes["castria"], "Ana")
        carl = joined(address, codes["arcadia"], "Carl")
        try:
            served.stop()  # the teacher's laptop goes to sleep
            assert ana.wait(lambda: ana.link == "down", WAIT)
            order = first_action(ana)
            assert ana.add(order) is None
            assert ana.submit("castria") is None  # ended while the host was away
            assert ana.waiting_for_others and ana.current_seat() is None
            served.restart()  # back, the same match and codes
            assert ana.wait(lambda: "castria" in served.host.match.submitted, WAIT)
            assert served.host.match.draft("castria") == [order]
            assert carl.wait(lambda: carl.link == "up", WAIT)
            state = ana.state_id
            assert carl.submit("arcadia") is None
            assert ana.wait(lambda: ana.state_id != state, WAIT)
            assert ana.reports[-1].turn == 1 and order in served.host.match.match.log[0]
        finally:
            ana.close()
            carl.close()


def test_a_host_resumed_from_its_journal_takes_the_class_back(tmp_path: Path) -> None:
    journal = tmp_path / "class.sqlite"
    with host_thread(["castria", "arcadia"], journal=journal) as (served, address, codes):
        ana = joined(address, codes["castria"], "Ana")
        carl = joined(address, codes["arcadia"], "Carl")
        try:
            order = first_action(ana)
            assert ana.add(order) is None
            assert ana.submit("castria") is None
            assert ana.wait(lambda: "castria" in served.host.match.submitted, WAIT)
            served.stop()  # the teacher's laptop reboots
            assert carl.wait(lambda: carl.link == "down", WAIT)
            carl_order = first_action(carl)
            assert carl.add(carl_order) is None  # drafted while the host is away
            served.restart()  # `continuum host --resume`: a new Host from the journal file
            assert carl.wait(lambda: carl.link == "up", WAIT) and ana.wait(
                lambda: ana.link == "up", WAIT
            )
            assert ana.waiting_for_others  # Ana's submitted orders were kept by the journal
            assert carl.wait(lambda: served.host.match.draft("arcadia") == [carl_order], WAIT)
            state = ana.state_id
            assert carl.submit("arcadia") is None
            assert ana.wait(lambda: ana.state_id != state, WAIT)
            log = served.host.match.match.log[0]
            assert order in log and carl_order in log
        finally:
            ana.close()
            carl.close()


def test_a_wrong_code_is_refused_in_one_line() -> None:
    with host_thread(["castria"]) as (_, address, _codes):
        match = RemoteMatch.join(address, "ZZZZZZ", "Ana")
        try:
            assert match.wait(lambda: match.status == "failed", WAIT)
            assert match.failure is not None and match.failure.kind == "wrong_code"
            assert "ZZZZZZ" in match.failure.detail and "\n" not in str(match.failure)
            assert match.current_seat() is None and not match.waiting_for_others
        finally:
            match.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_no_host_at_the_address_is_said_plainly() -> None:
    match = RemoteMatch.join(f"127.0.0.1:{free_port()}", "ABCDEF")
    try:
        assert match.wait(lambda: match.status == "failed", WAIT)
        assert match.failure is not None and match.failure.kind == "unreachable"
    finally:
        match.close()


@contextmanager
def other_host(answer: dict) -> Iterator[str]:
    """A server on 127.0.0.1 that answers every hello with ``answer`` (a host of another
    protocol version, or something that is not a Continuum host at all)."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    port: list[int] = []
    stop = asyncio.Event()

    async def reply(ws) -> None:
        async for _ in ws:
            await ws.send(json.dumps(answer))

    async def main() -> None:
        async with serve(reply, "127.0.0.1", 0) as server:
            port.append(next(iter(server.sockets)).getsockname()[1])
            ready.set()
            await stop.wait()

    thread = threading.Thread(target=lambda: loop.run_until_complete(main()), daemon=True)
    thread.start()
    assert ready.wait(5)
    try:
        yield f"127.0.0.1:{port[0]}"
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(5)


def test_a_host_of_another_protocol_version_is_told_in_one_sentence() -> None:
    newer = PROTOCOL_VERSION + 1
    refusal = {"type": "refused", "v": newer, "about": "hello", "reason": "some words"}
    with other_host(refusal) as address:
        match = RemoteMatch.join(address, "ABCDEF")
        try:
            assert match.wait(lambda: match.status == "failed", WAIT)
            failure = match.failure
            assert failure is not None and failure.kind == "version"
            assert failure.detail == str(newer)
            said = str(failure)
            assert said.count(".") == 1 and said.endswith(".") and f"protocol {newer}" in said
        finally:
            match.close()


def test_something_that_is_not_a_continuum_host() -> None:
    with other_host({"hello": "world"}) as address:
        match = RemoteMatch.join(address, "ABCDEF")
        try:
            assert match.wait(lambda: match.status == "failed", WAIT)
            assert match.failure is not None and match.failure.kind == "not_host"
        finally:
            match.close()


@pytest.mark.parametrize(
    ("typed", "uri"),
    [
        ("192.168.1.20:8765", "ws://192.168.1.20:8765"),
        (" teacher.local ", "ws://teacher.local:8765"),
        ("ws://10.0.0.5:9000/", "ws://10.0.0.5:9000"),
        ("[::1]:8000", "ws://[::1]:8000"),
        ("::1", "ws://[::1]:8765"),
    ],
)
def test_typed_addresses(typed: str, uri: str) -> None:
    assert parse_address(typed) == uri


@pytest.mark.parametrize("typed", ["", "http://x:80", "host:99999", "host:port", "a b:1", ":80"])
def test_addresses_that_are_not(typed: str) -> None:
    with pytest.raises(AddressError):
        parse_address(typed)


def test_what_the_host_refuses_or_why_it_goes_reaches_a_spanish_student_in_spanish() -> None:
    """The host's words travel with their message key: a Spanish screen says them in Spanish
    (a class's refusals came in English inside Spanish sentences)."""
    from game.ui import i18n
    from game.ui.scenes.waiting import news_line

    with host_thread(["castria", "arcadia"]) as (served, address, codes):
        ana = joined(address, codes["castria"], "Ana")
        try:
            assert ana.send_message(["atlantis"], "¿Hay alguien?") is None
            assert ana.wait(lambda: ana.message_refusal is not None, WAIT)
            _, why = ana.message_refusal
            assert why == "no seat named atlantis in this match"  # the English, as it was
            assert i18n.reason(why, "es") == "no hay ningún puesto llamado atlantis en esta partida"
            served.stop()
            assert ana.wait(lambda: ana.link == "down", WAIT)
            lost = [n for n in ana.take_news() if n.kind == "lost"]
            assert lost and i18n.reason(lost[0].text, "es") == "el anfitrión se ha detenido"
            i18n.set_language("es")
            try:
                line, tone = news_line(lost[0])
            finally:
                i18n.set_language("en")
            assert "el anfitrión se ha detenido" in line and "host" not in line
            assert tone == "bad"
        finally:
            ana.close()
