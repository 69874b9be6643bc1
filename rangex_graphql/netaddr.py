"""IP networks from configuration: a leaf both the settings and ``security/client_ip.py``
use, so the settings depend on nothing of the package."""

from __future__ import annotations

from collections.abc import Iterable
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_network
from typing import TypeAlias

IPAddress: TypeAlias = IPv4Address | IPv6Address
IPNetwork: TypeAlias = IPv4Network | IPv6Network


def parse_trusted_proxies(values: Iterable[str]) -> list[IPNetwork]:
    """CIDRs (or single addresses) to networks; ``ValueError`` names the first bad one.

    Host bits must be zero (``10.0.0.1/8`` is refused, not silently widened): a typo in
    the list of proxies allowed to name the client is worth stopping the start-up for.
    """
    networks: list[IPNetwork] = []
    for raw in values:
        value = raw.strip()
        if not value:
            continue
        try:
            networks.append(ip_network(value, strict=True))
        except ValueError as exc:
            raise ValueError(f"invalid trusted proxy {raw!r}: {exc}") from exc
    return networks
