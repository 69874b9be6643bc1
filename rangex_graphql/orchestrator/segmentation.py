"""Who may reach whom in a session: the machines' access flags, as one relation both
engines enforce (the Docker driver with networks, the ECS driver with security groups).

The relation is symmetric (a shared Docker network carries traffic both ways) and is
decided per pair of machines by :func:`may_reach`:

- Attackers (role ATTACKER) reach each other; their own access flags are not used.
- An attacker and another machine: when that machine is ``reachable_from_attacker``, or
  is a ``pivot_host``.
- A ``pivot_host`` (not an attacker) reaches, and is reached by, every machine of every
  network group: it bridges them. Its ``reachable_from_attacker`` and
  ``internal_connections_allowed`` are not used.
- Two other machines: only when in the same ``network_group`` and both allow internal
  connections (``internal_connections_allowed``). A machine that refuses them is reached
  by the attackers (when reachable) and the pivots only, and reaches no one else either.
- Nothing else: machines of different network groups never reach each other.

:func:`segments` turns the relation into the networks of a Docker session: two machines
share a segment exactly when :func:`may_reach` says so. Per network group ``g``:

- ``a-<g>`` (open): the group's machines that accept internal connections and are
  reachable from the attacker, its pivots, every attacker of the session and every pivot.
  Made when the group has any of the first three.
- ``g-<g>`` (group): the group's machines that accept internal connections (reachable or
  not) and every pivot; made only when some of them are not reachable from the attacker
  (else ``a-<g>`` is the same without the attackers).
- ``m-<machine>`` (isolated): a machine that refuses internal connections, every pivot,
  and every attacker when the machine is reachable from the attacker.

A machine's home segment (where its reported address is): an attacker's or a pivot's
``a-<its group>``, an isolated machine's ``m-<name>``, an unreachable one's ``g-<g>``, any
other's ``a-<g>``. Where a machine is on more than one segment, a peer outside its home
one reaches it at its address on the segment they share (or by name, through the
engine's DNS), not at the reported address.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rangex_graphql.orchestrator.protocol import MachineRole, MachineSpec


def _attacker(m: MachineSpec) -> bool:
    return m.role is MachineRole.ATTACKER


def _pivot(m: MachineSpec) -> bool:
    return not _attacker(m) and m.pivot_host


def may_reach(a: MachineSpec, b: MachineSpec) -> bool:
    """Whether ``a`` and ``b`` (two machines of one session) may connect to each other."""
    if a.name == b.name:
        return True
    if _attacker(a) and _attacker(b):
        return True
    if _attacker(a) or _attacker(b):
        other = b if _attacker(a) else a
        return other.pivot_host or other.reachable_from_attacker
    if _pivot(a) or _pivot(b):
        return True
    return (
        a.network_group == b.network_group
        and a.internal_connections_allowed
        and b.internal_connections_allowed
    )


@dataclass(frozen=True, slots=True)
class Segment:
    """A set of machines that all reach each other: a network, on Docker."""

    key: str  # a-<group>, g-<group> or m-<machine>
    kind: str  # open | group | isolated
    group: str
    members: tuple[str, ...]  # machine names, in plan order


def _kind(m: MachineSpec) -> str:
    if _attacker(m) or _pivot(m):
        return "open"
    if not m.internal_connections_allowed:
        return "isolated"
    return "open" if m.reachable_from_attacker else "group"


def segments(machines: Sequence[MachineSpec]) -> tuple[list[Segment], dict[str, str]]:
    """The segments of a session, and each machine's home segment key by machine name."""
    found: list[Segment] = []
    home: dict[str, str] = {}
    groups = list(dict.fromkeys(m.network_group for m in machines))

    def add(key: str, kind: str, group: str, members: list[MachineSpec]) -> None:
        found.append(Segment(key, kind, group, tuple(m.name for m in members)))

    for g in groups:
        own = [m for m in machines if m.network_group == g]
        if any(_kind(m) == "open" for m in own):
            add(
                f"a-{g}",
                "open",
                g,
                [
                    m
                    for m in machines
                    if _attacker(m) or _pivot(m) or (m.network_group == g and _kind(m) == "open")
                ],
            )
            home.update({m.name: f"a-{g}" for m in own if _kind(m) == "open"})
        if any(_kind(m) == "group" for m in own):
            add(
                f"g-{g}",
                "group",
                g,
                [
                    m
                    for m in machines
                    if _pivot(m) or (m.network_group == g and _kind(m) in ("open", "group"))
                    if not _attacker(m)
                ],
            )
            home.update({m.name: f"g-{g}" for m in own if _kind(m) == "group"})
        for lone in (m for m in own if _kind(m) == "isolated"):
            add(
                f"m-{lone.name}",
                "isolated",
                g,
                [
                    m
                    for m in machines
                    if m is lone or _pivot(m) or (_attacker(m) and lone.reachable_from_attacker)
                ],
            )
            home[lone.name] = f"m-{lone.name}"
    return found, home


def joins(machines: Sequence[MachineSpec]) -> tuple[list[Segment], dict[str, list[str]]]:
    """The segments, and the keys of those each machine joins, its home segment first."""
    found, home = segments(machines)
    joined: dict[str, list[str]] = {m.name: [home[m.name]] for m in machines}
    for segment in found:
        for name in segment.members:
            if segment.key != home[name]:
                joined[name].append(segment.key)
    return found, joined
