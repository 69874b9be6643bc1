"""The client's address behind trusted proxies: HTTP and WebSocket, IPv4 and IPv6."""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from typing import Any

import httpx
import pytest
from pydantic import ValidationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket

from rangex_graphql.security.client_ip import (
    UNKNOWN_CLIENT,
    IPNetwork,
    client_ip,
    parse_address,
    parse_trusted_proxies,
)
from rangex_graphql.settings import Settings

PROXIES = parse_trusted_proxies(["10.0.0.0/8", "2001:db8:ffff::/48"])


def scope(
    peer: str | None, *forwarded_for: str, kind: str = "http", other: Sequence[str] = ()
) -> dict[str, Any]:
    headers = [(b"host", b"testserver")]
    headers += [(b"x-forwarded-for", value.encode("latin-1")) for value in forwarded_for]
    headers += [(b"x-other", value.encode()) for value in other]
    return {
        "type": kind,
        "path": "/",
        "headers": headers,
        "client": (peer, 40000) if peer is not None else None,
    }


def ip_of(peer: str | None, *forwarded_for: str, proxies: list[IPNetwork] = PROXIES) -> str:
    return client_ip(scope(peer, *forwarded_for), proxies)


# --- the peer is the client ------------------------------------------------------------


def test_untrusted_peer_is_the_client_and_its_header_is_ignored() -> None:
    # A client connecting directly cannot pick its address with a forged header.
    assert ip_of("203.0.113.7", "198.51.100.1") == "203.0.113.7"
    assert ip_of("203.0.113.7", "10.0.0.1") == "203.0.113.7"


def test_without_trusted_proxies_the_header_is_never_read() -> None:
    assert ip_of("10.0.0.1", "198.51.100.1", proxies=[]) == "10.0.0.1"


def test_trusted_peer_without_a_header_is_the_client() -> None:
    assert ip_of("10.0.0.1") == "10.0.0.1"


def test_peer_that_is_not_an_address_is_returned_as_is() -> None:
    assert ip_of("testclient", "198.51.100.1") == "testclient"
    assert ip_of(None, "198.51.100.1") == UNKNOWN_CLIENT


# --- walking X-Forwarded-For --------------------------------------------------------------


def test_trusted_peer_names_the_client_in_the_header() -> None:
    assert ip_of("10.0.0.1", "198.51.100.1") == "198.51.100.1"


def test_chain_of_trusted_proxies_is_skipped_from_the_right() -> None:
    assert ip_of("10.0.0.1", "198.51.100.1, 10.1.1.1, 10.2.2.2") == "198.51.100.1"


def test_entries_left_of_the_first_untrusted_address_are_not_believed() -> None:
    # The client itself sent "1.1.1.1"; the trusted proxy appended the real address.
    assert ip_of("10.0.0.1", "1.1.1.1, 198.51.100.1") == "198.51.100.1"
    assert ip_of("10.0.0.1", "1.1.1.1, 198.51.100.1, 10.9.9.9") == "198.51.100.1"


def test_only_trusted_addresses_gives_the_leftmost() -> None:
    assert ip_of("10.0.0.1", "10.3.3.3, 10.2.2.2") == "10.3.3.3"


def test_several_header_fields_are_one_list_in_order() -> None:
    assert ip_of("10.0.0.1", "1.1.1.1, 198.51.100.1", "10.2.2.2") == "198.51.100.1"
    assert ip_of("10.0.0.1", "198.51.100.1", "203.0.113.9") == "203.0.113.9"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("198.51.100.1, garbage, 10.2.2.2", "10.2.2.2"),  # stops at garbage: last good
        ("198.51.100.1, unknown", "10.0.0.1"),  # rightmost malformed: the peer
        ("198.51.100.1, ", "10.0.0.1"),  # empty entry
        ("198.51.100.1, 999.1.1.1", "10.0.0.1"),
        ("198.51.100.1, [10.2.2.2]", "10.0.0.1"),  # brackets are for IPv6 only
    ],
)
def test_malformed_entry_stops_at_the_last_good_address(header: str, expected: str) -> None:
    assert ip_of("10.0.0.1", header) == expected


def test_addresses_with_ports_are_understood() -> None:
    assert ip_of("10.0.0.1", "198.51.100.1:5555") == "198.51.100.1"
    assert ip_of("10.0.0.1", "[2001:db8:1::5]:443") == "2001:db8:1::5"
    assert ip_of("10.0.0.1", "198.51.100.1, 10.2.2.2:80") == "198.51.100.1"


# --- IPv6 -------------------------------------------------------------------------------


def test_ipv6_chain_and_canonical_spelling() -> None:
    assert ip_of("2001:db8:ffff::1", "2001:DB8:0001:0000::0005, 2001:db8:ffff::2") == (
        "2001:db8:1::5"
    )


def test_untrusted_ipv6_peer_ignores_the_header() -> None:
    assert ip_of("2001:db8:1::9", "198.51.100.1") == "2001:db8:1::9"


def test_ipv4_mapped_peer_is_matched_against_ipv4_networks() -> None:
    # A dual-stack listener reports IPv4 peers as ::ffff:a.b.c.d.
    assert ip_of("::ffff:10.0.0.1", "198.51.100.1") == "198.51.100.1"
    assert ip_of("::ffff:203.0.113.7", "198.51.100.1") == "203.0.113.7"


def test_parse_address() -> None:
    assert parse_address(" 192.0.2.1 ") is not None
    assert str(parse_address("[::1]")) == "::1"
    assert parse_address("not-an-ip") is None
    assert parse_address("") is None


# --- HTTP and WebSocket through Starlette --------------------------------------------------


def _app() -> Starlette:
    async def http_endpoint(request: Request) -> PlainTextResponse:
        return PlainTextResponse(client_ip(request, PROXIES))

    async def ws_endpoint(websocket: WebSocket) -> None:
        await websocket.accept()
        await websocket.send_text(client_ip(websocket, PROXIES))
        await websocket.close()

    return Starlette(routes=[Route("/ip", http_endpoint), WebSocketRoute("/ws", ws_endpoint)])


async def test_http_request_behind_a_trusted_proxy() -> None:
    transport = httpx.ASGITransport(app=_app(), client=("10.0.0.1", 5000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        response = await http.get("/ip", headers={"X-Forwarded-For": "1.1.1.1, 198.51.100.1"})
    assert response.text == "198.51.100.1"


async def test_http_request_from_an_untrusted_peer() -> None:
    transport = httpx.ASGITransport(app=_app(), client=("203.0.113.7", 5000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        response = await http.get("/ip", headers={"X-Forwarded-For": "198.51.100.1"})
    assert response.text == "203.0.113.7"


async def _websocket_says(peer: str, forwarded_for: str) -> str:
    ws_scope = scope(peer, forwarded_for, kind="websocket")
    ws_scope.update(path="/ws", scheme="ws", query_string=b"", subprotocols=[])
    incoming: list[dict[str, Any]] = [
        {"type": "websocket.connect"},
        {"type": "websocket.disconnect", "code": 1000},
    ]
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0)

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    await _app()(ws_scope, receive, send)
    texts = [m["text"] for m in sent if m["type"] == "websocket.send"]
    assert len(texts) == 1, sent
    return str(texts[0])


async def test_websocket_behind_a_trusted_proxy() -> None:
    assert await _websocket_says("10.0.0.1", "1.1.1.1, 2001:db8:1::7") == "2001:db8:1::7"


async def test_websocket_from_an_untrusted_peer() -> None:
    assert await _websocket_says("203.0.113.7", "198.51.100.1") == "203.0.113.7"


def test_raw_scope_and_connection_agree() -> None:
    raw = scope("10.0.0.1", "198.51.100.1", other=["x"])
    assert client_ip(raw, PROXIES) == client_ip(Request(raw), PROXIES) == "198.51.100.1"


# --- the setting ---------------------------------------------------------------------------


def test_trusted_proxies_default_to_none() -> None:
    settings = Settings(_env_file=None)
    assert settings.trusted_proxies == []
    assert settings.trusted_proxy_networks == []


def test_trusted_proxies_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RANGEX_TRUSTED_PROXIES", '["10.0.0.0/8", "2001:DB8::/32", "192.0.2.1"]')
    settings = Settings(_env_file=None)
    assert settings.trusted_proxies == ["10.0.0.0/8", "2001:db8::/32", "192.0.2.1/32"]
    networks = settings.trusted_proxy_networks
    assert [str(n) for n in networks] == settings.trusted_proxies
    assert settings.trusted_proxy_networks is networks  # parsed once
    assert client_ip(scope("192.0.2.1", "198.51.100.1"), networks) == "198.51.100.1"


@pytest.mark.parametrize("bad", ["10.0.0.0/33", "not-a-network", "10.0.0.1/8", "::1/129"])
def test_invalid_trusted_proxy_stops_the_start_up(bad: str) -> None:
    with pytest.raises(ValidationError, match="invalid trusted proxy"):
        Settings(_env_file=None, trusted_proxies=["10.0.0.0/8", bad])
