"""The client's address, seen through the reverse proxies this deployment trusts.

Behind a load balancer the TCP peer of every request is the balancer; the client's own
address is in ``X-Forwarded-For``, which each proxy extends on the right with the address
it received the request from. Anyone can send that header, so it is only believed as far
as the chain of trusted proxies goes:

- the peer is not a trusted proxy: the peer is the client, the header is ignored (a client
  connecting directly cannot choose its address by sending a forged header);
- the peer is a trusted proxy: walk the header from the right, skipping trusted proxies;
  the first untrusted address is the client. Entries further left were written by that
  client and are not believed. A malformed entry stops the walk: the last well-formed
  address read (a trusted proxy, at worst the peer) is the answer. When every entry is a
  trusted proxy, the leftmost one is.

Addresses are returned in canonical form (``ipaddress``'s ``str``): IPv6 compressed and
lower-cased, IPv4-mapped IPv6 (``::ffff:192.0.2.1``) as plain IPv4, so one client has one
spelling whatever the proxies wrote. A peer that is not an IP address (a test client's
name, a Unix socket) is returned as it is, or ``"unknown"`` when the server gave none.

The same code serves HTTP requests and WebSockets: both are an ASGI scope with
``client`` and ``headers``; pass a Starlette ``Request``/``WebSocket`` or the raw scope.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from ipaddress import IPv6Address, ip_address
from typing import Any

from starlette.requests import HTTPConnection

from ..netaddr import IPAddress, IPNetwork, parse_trusted_proxies

__all__ = [
    "FORWARDED_FOR",
    "UNKNOWN_CLIENT",
    "IPAddress",
    "IPNetwork",
    "client_ip",
    "is_trusted",
    "parse_address",
    "parse_trusted_proxies",  # the settings' parsing, kept here for this module's users
]

UNKNOWN_CLIENT = "unknown"
FORWARDED_FOR = "x-forwarded-for"

# "[2001:db8::1]" or "[2001:db8::1]:443"; and "192.0.2.1:443" (some balancers add the port).
_BRACKETED_V6 = re.compile(r"^\[([^\]]+)\](?::\d{1,5})?$")
_V4_WITH_PORT = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$")


def parse_address(value: str) -> IPAddress | None:
    """One address as a proxy writes it, or ``None`` when it is not one.

    Accepts a bare IPv4/IPv6 address, a bracketed IPv6 address, either with a port.
    IPv4-mapped IPv6 addresses are unmapped.
    """
    text = value.strip()
    if match := _BRACKETED_V6.match(text):
        text = match.group(1)
        if ":" not in text:
            return None  # brackets are for IPv6 only
    elif match := _V4_WITH_PORT.match(text):
        text = match.group(1)
    try:
        address = ip_address(text)
    except ValueError:
        return None
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


# The peer's address, asked on every request: the socket's own text (short, and one per
# client), unlike X-Forwarded-For entries, which the client writes and are not cached.
_parse_peer = lru_cache(maxsize=4096)(parse_address)


def is_trusted(address: IPAddress, trusted_proxies: Sequence[IPNetwork]) -> bool:
    # ``in`` is False across IP versions, so v4 and v6 networks may be mixed freely.
    return any(address in network for network in trusted_proxies)


def _peer(scope_or_connection: HTTPConnection | Mapping[str, Any]) -> str | None:
    if isinstance(scope_or_connection, HTTPConnection):
        client = scope_or_connection.client
        return client.host if client is not None else None
    client_tuple = scope_or_connection.get("client")
    return str(client_tuple[0]) if client_tuple else None


def _forwarded_for(scope_or_connection: HTTPConnection | Mapping[str, Any]) -> list[str]:
    """Read only behind a trusted proxy: most requests need not look at the headers."""
    if isinstance(scope_or_connection, HTTPConnection):
        return scope_or_connection.headers.getlist(FORWARDED_FOR)
    raw_headers: Iterable[tuple[bytes, bytes]] = scope_or_connection.get("headers") or ()
    return [
        value.decode("latin-1") for name, value in raw_headers if name.lower() == b"x-forwarded-for"
    ]


def client_ip(
    scope_or_request: HTTPConnection | Mapping[str, Any],
    trusted_proxies: Sequence[IPNetwork],
) -> str:
    """The client's address for a request or WebSocket (see the module's docstring)."""
    peer_text = _peer(scope_or_request)
    if not peer_text:
        return UNKNOWN_CLIENT
    peer = _parse_peer(peer_text)
    if peer is None:
        return peer_text  # not an IP (a Unix socket, a test client): never a trusted proxy
    if not trusted_proxies or not is_trusted(peer, trusted_proxies):
        return str(peer)
    # Several X-Forwarded-For fields are one comma-separated list, in order (RFC 9110 §5.3).
    hops = [hop for value in _forwarded_for(scope_or_request) for hop in value.split(",")]
    last_good: IPAddress = peer
    for hop in reversed(hops):
        address = parse_address(hop)
        if address is None:
            break
        last_good = address
        if not is_trusted(address, trusted_proxies):
            break
    return str(last_good)
