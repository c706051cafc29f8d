"""Finding a class on the LAN (game/net/discovery.py): the browser's record handling is fed
service records (zeroconf ``ServiceInfo`` objects) directly, as the network would bring them.
Nothing here announces or browses on a real network."""

from __future__ import annotations

import io

import pytest
from zeroconf import ServiceInfo

from game.net import discovery
from game.net.discovery import SERVICE, LanBrowser, announced_from, announcing, service_info
from game.net.protocol import PROTOCOL_VERSION
from tests.host_thread import host_thread


def record(name: str = "Kosovo (pc)", port: int = 8765, addresses=("192.168.1.20",), **txt):
    props = {"v": str(PROTOCOL_VERSION), "title": "A province in flames", "seats": "4"}
    props.update({k: v for k, v in txt.items()})
    return ServiceInfo(
        SERVICE,
        f"{name}.{SERVICE}",
        port=port,
        parsed_addresses=list(addresses),
        properties={k: v for k, v in props.items() if v is not None},
        server="pc.local.",
    )


def test_what_a_host_announces_is_what_the_browser_lists() -> None:
    info = service_info("A province in flames", "kosovo", "192.168.1.20", 8765, 5, 3, "teacher")
    assert info.type == SERVICE and info.name == f"A province in flames (teacher).{SERVICE}"
    browser = LanBrowser()
    found = browser.add(info)
    assert found is not None and browser.classes() == [found]
    assert found.title == "A province in flames" and found.scenario == "kosovo"
    assert found.address == "192.168.1.20:8765" and (found.seats, found.free) == (5, 3)
    assert found.version == PROTOCOL_VERSION and found.joinable


def test_the_list_follows_the_network() -> None:
    browser = LanBrowser()
    changes = browser.changes
    browser.add(record("Zeta class", title="Zeta", free="4"))
    browser.add(record("alpha class", title="alpha", addresses=("10.0.0.2",), free="1"))
    assert [a.title for a in browser.classes()] == ["alpha", "Zeta"]  # by title, any case
    assert browser.changes == changes + 2
    browser.add(record("alpha class", title="alpha", addresses=("10.0.0.2",), free="1"))
    assert browser.changes == changes + 2  # the same record again: nothing moved
    browser.add(record("alpha class", title="alpha", addresses=("10.0.0.2",), free="0"))
    assert browser.classes()[0].free == 0 and browser.changes == changes + 3  # a seat taken
    browser.remove(f"Zeta class.{SERVICE}")
    assert [a.title for a in browser.classes()] == ["alpha"]
    browser.remove("never announced")
    assert browser.changes == changes + 4


def test_a_class_of_another_version_is_listed_last_and_cannot_be_joined() -> None:
    browser = LanBrowser()
    browser.add(record("new", title="Aaa newer", v=str(PROTOCOL_VERSION + 1)))
    browser.add(record("ours", title="Zzz ours"))
    listed = browser.classes()
    assert [a.title for a in listed] == ["Zzz ours", "Aaa newer"]
    assert listed[0].joinable and not listed[1].joinable


@pytest.mark.parametrize(
    "info",
    [
        record(port=0),  # no port
        record(addresses=()),  # no address
        record(v=None),  # no version: not a Continuum class
        record(v="one"),
        record(v="99999999999"),
        ServiceInfo("_http._tcp.local.", f"web.{'_http._tcp.local.'}", port=80),  # another service
    ],
)
def test_records_that_are_not_a_class_are_left_out(info: ServiceInfo) -> None:
    browser = LanBrowser()
    assert browser.add(info) is None and browser.classes() == []


def test_what_a_record_says_is_cut_to_what_a_screen_can_show() -> None:
    found = announced_from(
        record(title="Long " * 45 + "\nsecond line", seats="4", free="9", scenario="x" * 200)
    )
    assert found is not None
    assert len(found.title) <= discovery.MAX_TITLE and "\n" not in found.title
    assert found.free == 4  # never more free seats than seats
    assert len(found.scenario) <= 40
    broken = record(seats="-3", free="lots")
    found = announced_from(broken)
    assert found is not None and (found.seats, found.free) == (0, 0)


def test_an_ipv6_only_class_is_listed_with_brackets() -> None:
    found = announced_from(record(addresses=("fe80::1",)))
    assert found is not None and found.address == "[fe80::1]:8765"


def test_a_flood_of_records_is_bounded() -> None:
    browser = LanBrowser()
    for i in range(discovery.MAX_LISTED + 20):
        browser.add(record(f"class {i}", title=f"class {i}"))
    assert len(browser.classes()) == discovery.MAX_LISTED


def test_a_host_counts_its_free_seats() -> None:
    from game.net.client import RemoteMatch

    with host_thread(["castria", "arcadia"]) as (served, address, codes):
        assert discovery._free_seats(served.host) == (2, 2)
        ana = RemoteMatch.join(address, codes["castria"], "Ana")
        try:
            assert ana.wait(lambda: ana.status == "playing", 10)
            assert discovery._free_seats(served.host) == (2, 1)
        finally:
            ana.close()


def test_a_host_on_loopback_or_with_no_announce_announces_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = io.StringIO()
    with announcing(False, "0.0.0.0", out) as on_start:
        assert on_start is None and out.getvalue() == ""
    with announcing(True, "0.0.0.0", out) as on_start:  # the suite runs with CONTINUUM_LAN=off
        assert on_start is None and out.getvalue() == ""
    monkeypatch.delenv("CONTINUUM_LAN")
    with host_thread(["castria"]) as (served, _, _codes), announcing(True, "127.0.0.1", out) as on:
        assert on is not None
        on(served.host)  # listens on 127.0.0.1: no one else could join it, nothing is sent
    assert out.getvalue().endswith("this host listens to this computer only\n")
