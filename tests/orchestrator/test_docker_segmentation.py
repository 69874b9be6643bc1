"""Network groups and access flags: the relation (``segmentation``) and the Docker driver's
networks enforcing it on the real, private engine (see conftest.py)."""

from __future__ import annotations

import ipaddress
import itertools

import aiodocker
import pytest

from rangex_graphql.orchestrator.docker import DockerDriver
from rangex_graphql.orchestrator.protocol import (
    LABEL_NETWORK_GROUP,
    LABEL_SESSION,
    InvalidPlan,
    MachineHandle,
    MachineRole,
    MachineSpec,
    ProvisionFailed,
    validate_plan,
)
from rangex_graphql.orchestrator.segmentation import joins, may_reach, segments
from tests.orchestrator.plans import attacker, plan, target
from tests.orchestrator.test_docker import labelled, run_in

POOL = ipaddress.IPv4Network("172.16.0.0/12")


def lab() -> tuple[MachineSpec, ...]:
    """dmz: web (reachable), jump (pivot), vault (refuses internal connections); lan: db
    (not reachable from the attacker); the attacker in a group of its own."""
    return (
        attacker(network_group="attack"),
        target("web", network_group="dmz"),
        target("jump", network_group="dmz", pivot_host=True, reachable_from_attacker=False),
        target("vault", network_group="dmz", internal_connections_allowed=False),
        target("db", network_group="lan", reachable_from_attacker=False),
    )


EXPECTED = {
    # (from, to): reachable
    ("attacker", "web"): True,
    ("attacker", "jump"): True,  # a pivot is entered from the attacker, whatever its flag
    ("attacker", "vault"): True,
    ("attacker", "db"): False,
    ("web", "jump"): True,
    ("web", "vault"): False,
    ("web", "db"): False,
    ("jump", "vault"): True,
    ("jump", "db"): True,
    ("vault", "db"): False,
}


def test_the_relation_of_the_lab() -> None:
    machines = {m.name: m for m in lab()}
    for (a, b), expected in EXPECTED.items():
        assert may_reach(machines[a], machines[b]) is expected, (a, b)
        assert may_reach(machines[b], machines[a]) is expected, (b, a)


def test_the_segments_of_the_lab() -> None:
    found, home = segments(lab())
    assert [(s.key, s.kind, s.members) for s in found] == [
        ("a-attack", "open", ("attacker", "jump")),
        ("a-dmz", "open", ("attacker", "web", "jump")),
        ("m-vault", "isolated", ("attacker", "jump", "vault")),
        ("g-lan", "group", ("jump", "db")),
    ]
    assert home == {
        "attacker": "a-attack",
        "web": "a-dmz",
        "jump": "a-dmz",
        "vault": "m-vault",
        "db": "g-lan",
    }


def test_sharing_a_segment_is_exactly_the_relation() -> None:
    """Every combination of flags over three machines in two groups and an attacker."""
    flags = list(itertools.product((False, True), repeat=3))
    checked = 0
    for one, two, three in itertools.product(flags, repeat=3):
        for groups in (("a", "a", "a"), ("a", "a", "b"), ("a", "b", "b")):
            machines = [attacker(network_group="x")] + [
                target(
                    f"m{i}",
                    network_group=group,
                    reachable_from_attacker=rfa,
                    internal_connections_allowed=ica,
                    pivot_host=pivot,
                )
                for i, (group, (rfa, ica, pivot)) in enumerate(
                    zip(groups, (one, two, three), strict=True)
                )
            ]
            found, joined = joins(machines)
            for a, b in itertools.combinations(machines, 2):
                shared = any(a.name in s.members and b.name in s.members for s in found)
                assert shared is may_reach(a, b), (machines, a.name, b.name)
            for m in machines:  # every machine is on its home segment
                home = next(s for s in found if s.key == joined[m.name][0])
                assert m.name in home.members
            checked += 1
    assert checked == 512 * 3


def test_a_network_group_must_be_a_dns_label() -> None:
    with pytest.raises(InvalidPlan, match="network group is not a lowercase DNS label"):
        validate_plan(plan(target("web", network_group="DMZ net")))


async def reaches(docker: aiodocker.Docker, source: MachineHandle, dest: MachineHandle) -> bool:
    """Whether ``source`` connects to ``dest``'s port 80: at its address on a network they
    share (its reported address when they share none)."""
    networks = [
        (await docker.containers.container(h.resource_id).show())["NetworkSettings"]["Networks"]
        for h in (source, dest)
    ]
    shared = [name for name in networks[1] if name in networks[0]]
    address = networks[1][shared[0]]["IPAddress"] if shared else dest.address
    assert address
    command = f"nc -w 1 {address} 80 </dev/null"
    code, _ = await run_in(docker, source.resource_id, "sh", "-c", command)
    return code == 0


async def test_docker_networks_enforce_groups_and_access_flags(
    docker_driver: DockerDriver, docker_api: aiodocker.Docker
) -> None:
    p = plan(*lab())
    handles = {h.name: h for h in await docker_driver.provision(p)}
    label = f"{LABEL_SESSION}={p.session_id}"
    try:
        for (a, b), expected in EXPECTED.items():
            assert await reaches(docker_api, handles[a], handles[b]) is expected, (a, b)
            assert await reaches(docker_api, handles[b], handles[a]) is expected, (b, a)
        networks = {
            n["Name"].removeprefix(f"rangex-{p.session_id}-"): await (
                await docker_api.networks.get(n["Id"])
            ).show()
            for n in await docker_api.networks.list(filters={"label": label})
        }
        assert set(networks) == {"a-attack", "a-dmz", "m-vault", "g-lan", "access"}
        for key, prefix in (("a-dmz", 24), ("g-lan", 24), ("m-vault", 28)):
            info = networks[key]
            assert info["Internal"] is True
            subnet = ipaddress.IPv4Network(info["IPAM"]["Config"][0]["Subnet"])
            assert subnet.prefixlen == prefix
            assert subnet.subnet_of(POOL)
        assert networks["g-lan"]["Labels"][LABEL_NETWORK_GROUP] == "lan"
        assert networks["g-lan"]["Labels"]["rangex.network-role"] == "group"
        members = {
            key: sorted(
                c["Name"].removeprefix(f"rangex-{p.session_id}-")
                for c in info["Containers"].values()
            )
            for key, info in networks.items()
        }
        assert members["g-lan"] == ["db", "jump"]
        assert members["m-vault"] == ["attacker", "jump", "vault"]
        # Each machine's address is on its home network, its name an alias on each.
        db = await docker_api.containers.container(handles["db"].resource_id).show()
        endpoints = db["NetworkSettings"]["Networks"]
        assert list(endpoints) == [f"rangex-{p.session_id}-g-lan"]
        assert endpoints[f"rangex-{p.session_id}-g-lan"]["IPAddress"] == handles["db"].address
        assert "db" in endpoints[f"rangex-{p.session_id}-g-lan"]["Aliases"]
        assert handles["attacker"].role is MachineRole.ATTACKER
    finally:
        await docker_driver.destroy(p.session_id)
    assert await labelled(docker_api, label) == ([], [])


async def test_a_failed_provisioning_leaves_none_of_the_networks(
    docker_driver: DockerDriver, docker_api: aiodocker.Docker
) -> None:
    p = plan(*lab(), target("broken", image="localhost/rangex-missing:latest"))
    with pytest.raises(ProvisionFailed) as failed:
        await docker_driver.provision(p)
    assert failed.value.machine == "broken"
    assert await labelled(docker_api, f"{LABEL_SESSION}={p.session_id}") == ([], [])
