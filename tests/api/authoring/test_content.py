"""Machines and questions of a DRAFT: the same rules as submit, with input-relative paths."""

from __future__ import annotations

import json
import logging

import pytest

from rangex_graphql.api.ids import from_global_id, to_global_id
from rangex_graphql.models import AuditLog, Machine, Question, QuestionAnswerKey, User
from rangex_graphql.security.secret_box import open_sealed
from rangex_graphql.services.authoring import documents
from tests.api.authoring.conftest import ATTACKER, FLAG_QUESTION, TARGET, Authoring, ready_version
from tests.api.graphql import data_of


async def test_machines_get_role_defaults_within_the_version_profile(
    authoring: Authoring, creator: User
) -> None:
    _, version_id = await ready_version(authoring, creator)
    machines = await Machine.filter().order_by("position").values("name", "cpu", "memory_mib")
    assert machines == [
        {"name": "attacker", "cpu": 0.5, "memory_mib": 1024},
        {"name": "web", "cpu": 0.25, "memory_mib": 512},
    ]
    await authoring.ok("versionUpdate", creator, versionId=version_id, resourceProfile="MICRO")
    added = await authoring.ok(
        "machineAdd", creator, versionId=version_id, **{**ATTACKER, "name": "kali2"}
    )
    assert added["machine"]["cpu"] == 0.25  # the attacker default, capped by MICRO
    assert added["machine"]["memoryMib"] == 512


async def test_machine_input_is_checked_by_the_submit_rules(
    authoring: Authoring, creator: User
) -> None:
    _, version_id = await ready_version(authoring, creator)
    errors = await authoring.refused(
        "machineAdd",
        creator,
        versionId=version_id,
        name="Web_2",
        role="TARGET",
        imageRef="Nginx Latest",
        cpu=1.0,
        memoryMib=4096,
        entrypoints=[
            {"protocol": "HTTP", "port": p, "description": "x" * (201 if i == 4 else 3)}
            for i, p in enumerate([80, 8081, 80, 22, 443, 3000])
        ],
        networkGroup="lab",
        environment=[{"name": "1BAD", "value": "x"}],
    )
    assert errors == [
        ("INVALID", "name"),
        ("INVALID", "imageRef"),
        ("EXCEEDS_PROFILE", "cpu"),
        ("EXCEEDS_PROFILE", "memoryMib"),
        ("TOO_MANY", "entrypoints"),
        ("PORT_NOT_ALLOWED", "entrypoints.1.port"),
        ("DUPLICATE", "entrypoints.2.port"),
        ("INVALID", "entrypoints.4.description"),
        ("INVALID", "environment.0"),
    ]
    assert await authoring.refused("machineAdd", creator, versionId=version_id, **TARGET) == [
        ("DUPLICATE", "name")
    ]
    env = [{"name": "A", "value": "1"}, {"name": "A", "value": "2"}]
    assert await authoring.refused(
        "machineAdd", creator, versionId=version_id, **{**TARGET, "name": "w"}, environment=env
    ) == [("DUPLICATE", "environment.1.name")]
    for n in range(2):
        await authoring.ok(
            "machineAdd", creator, versionId=version_id, **{**TARGET, "name": f"w{n}"}
        )
    assert await authoring.refused(
        "machineAdd", creator, versionId=version_id, **{**TARGET, "name": "w9"}
    ) == [("TOO_MANY", "versionId")]
    assert await Machine.filter().count() == 4


async def test_machine_update_and_remove(authoring: Authoring, creator: User) -> None:
    _, version_id = await ready_version(authoring, creator)
    await authoring.ok(
        "machineAdd",
        creator,
        versionId=version_id,
        name="db",
        role="INTERNAL",
        imageRef="mariadb:11",
    )
    gid = to_global_id("Machine", (await Machine.get(name="attacker")).id)
    updated = await authoring.ok(
        "machineUpdate",
        creator,
        machineId=gid,
        name="kali",
        entrypoints=[
            {"protocol": "SSH", "port": 22},
            {"protocol": "TCP", "port": 9090, "exposed": False},
        ],
    )
    assert updated["machine"]["name"] == "kali"
    assert updated["machine"]["entrypoints"] == [
        {"protocol": "SSH", "port": 22},
        {"protocol": "TCP", "port": 9090},
    ]
    assert updated["machine"]["exposedPorts"] == [22]  # deprecated: the exposed ones
    assert (await Machine.get(name="kali")).entrypoints == [
        {"protocol": "SSH", "port": 22, "exposed": True, "description": ""},
        {"protocol": "TCP", "port": 9090, "exposed": False, "description": ""},
    ]
    assert updated["machine"]["cpu"] == 0.5  # untouched
    assert await authoring.refused("machineUpdate", creator, machineId=gid, name="web") == [
        ("DUPLICATE", "name")
    ]
    assert await authoring.refused("machineUpdate", creator, machineId=gid, cpu=4.0) == [
        ("EXCEEDS_PROFILE", "cpu")
    ]
    removed = await authoring.ok("machineRemove", creator, machineId=gid)
    assert removed["removedMachineId"] == gid
    assert [m["name"] for m in removed["version"]["machines"]] == ["web", "db"]
    positions = await Machine.filter().order_by("position").values_list("name", "position")
    assert positions == [("web", 0), ("db", 1)]
    assert await authoring.refused("machineRemove", creator, machineId=gid) == [
        ("NOT_FOUND", "machineId")
    ]


async def test_questions_add_update_reorder_remove(authoring: Authoring, creator: User) -> None:
    _, version_id = await ready_version(authoring, creator)
    choice = await authoring.ok(
        "questionAdd",
        creator,
        versionId=version_id,
        prompt="Which closes the literal?",
        kind="SINGLE_CHOICE",
        points=5,
        choices=["'", "#"],
        expectedAnswers=["'"],
    )
    assert choice["question"]["position"] == 1
    assert choice["question"]["expectedAnswers"] == ["'"]  # the author sees the key
    errors = await authoring.refused(
        "questionAdd",
        creator,
        versionId=version_id,
        prompt=" ",
        kind="MULTIPLE_CHOICE",
        points=0,
        choices=["a", "b"],
        expectedAnswers=["c", " "],
    )
    assert errors == [
        ("REQUIRED", "prompt"),
        ("INVALID", "points"),
        ("INVALID", "expectedAnswers.1"),
        ("INVALID", "expectedAnswers.0"),
    ]

    choice_id = choice["question"]["id"]
    updated = await authoring.ok(
        "questionUpdate", creator, questionId=choice_id, expectedAnswers=["#"], points=7
    )
    assert updated["question"]["expectedAnswers"] == ["#"]
    assert updated["question"]["points"] == 7
    assert await authoring.refused(
        "questionUpdate", creator, questionId=choice_id, expectedAnswers=[]
    ) == [("REQUIRED", "expectedAnswers")]

    flag_id = to_global_id("Question", (await Question.get(kind="FLAG")).id)
    reordered = await authoring.ok(
        "questionReorder", creator, versionId=version_id, questionIds=[choice_id, flag_id]
    )
    assert [q["prompt"] for q in reordered["version"]["questions"]] == [
        "Which closes the literal?",
        FLAG_QUESTION["prompt"],
    ]
    assert await authoring.refused(
        "questionReorder", creator, versionId=version_id, questionIds=[choice_id, choice_id]
    ) == [("INVALID", "questionIds")]
    assert await authoring.refused(
        "questionReorder", creator, versionId=version_id, questionIds=[choice_id]
    ) == [("INVALID", "questionIds")]

    removed = await authoring.ok("questionRemove", creator, questionId=choice_id)
    assert removed["version"]["questions"] == [{"prompt": FLAG_QUESTION["prompt"], "position": 0}]
    _, choice_pk = from_global_id(choice_id)
    assert not await QuestionAnswerKey.filter(question_id=choice_pk).exists()


async def test_machine_runtime_settings_are_allow_listed(
    authoring: Authoring, creator: User
) -> None:
    _, version_id = await ready_version(authoring, creator)
    errors = await authoring.refused(
        "machineAdd",
        creator,
        versionId=version_id,
        **{**TARGET, "name": "box"},
        startupCommands=["echo one", "", "two\nlines"],
        capabilities=["NET_ADMIN", "SYS_ADMIN", "net_admin"],
        sysctls=[
            {"name": "net.ipv4.ip_forward", "value": "1"},
            {"name": "kernel.core_pattern", "value": "|/x"},
            {"name": "net.ipv4.conf.all.rp_filter", "value": "0; reboot"},
        ],
        ulimits=[{"name": "nofile", "limit": 1_000_000}, {"name": "core", "limit": 0}],
    )
    assert errors == [
        ("INVALID", "startupCommands.1"),
        ("INVALID", "startupCommands.2"),
        ("CAPABILITY_NOT_ALLOWED", "capabilities.1"),
        ("DUPLICATE", "capabilities.2"),
        ("SYSCTL_NOT_ALLOWED", "sysctls.1"),
        ("INVALID", "sysctls.2"),
        ("INVALID", "ulimits.0"),
        ("ULIMIT_NOT_ALLOWED", "ulimits.1"),
    ]
    twice = [{"name": "nproc", "limit": 100}, {"name": "nproc", "limit": 200}]
    assert await authoring.refused(
        "machineAdd", creator, versionId=version_id, **{**TARGET, "name": "box"}, ulimits=twice
    ) == [("DUPLICATE", "ulimits.1.name")]
    await authoring.ok(
        "machineAdd",
        creator,
        versionId=version_id,
        **{**TARGET, "name": "router"},
        startupCommands=["sysctl -w net.ipv4.ip_forward=1", "exec httpd -f"],
        capabilities=["NET_ADMIN", "sys_ptrace"],
        sysctls=[{"name": "net.ipv4.ip_forward", "value": "1"}],
        ulimits=[{"name": "nofile", "limit": 4096}],
    )
    row = await Machine.get(name="router")
    assert row.startup_commands == ["sysctl -w net.ipv4.ip_forward=1", "exec httpd -f"]
    assert row.capabilities == ["NET_ADMIN", "SYS_PTRACE"]
    assert row.sysctls == {"net.ipv4.ip_forward": "1"}
    assert row.ulimits == {"nofile": 4096}
    gid = to_global_id("Machine", row.id)
    assert await authoring.refused(
        "machineUpdate", creator, machineId=gid, capabilities=["ALL"]
    ) == [("CAPABILITY_NOT_ALLOWED", "capabilities.0")]
    updated = await authoring.ok("machineUpdate", creator, machineId=gid, capabilities=[])
    assert updated["machine"]["name"] == "router"
    assert (await Machine.get(id=row.id)).capabilities == []


async def test_machine_healthcheck_is_set_checked_and_cleared(
    authoring: Authoring, creator: User
) -> None:
    _, version_id = await ready_version(authoring, creator)
    assert await authoring.refused(
        "machineAdd",
        creator,
        versionId=version_id,
        **{**TARGET, "name": "box"},
        healthcheck={"command": " ", "intervalSeconds": 2, "retries": 11},
    ) == [
        ("INVALID", "healthcheck.command"),
        ("INVALID", "healthcheck.intervalSeconds"),
        ("INVALID", "healthcheck.retries"),
        ("INVALID", "healthcheck.timeoutSeconds"),  # the default 5 s, above the interval
    ]
    await authoring.ok(
        "machineAdd",
        creator,
        versionId=version_id,
        **{**TARGET, "name": "box"},
        healthcheck={"command": "curl -sf http://localhost/", "intervalSeconds": 10},
    )
    row = await Machine.get(name="box")
    assert row.healthcheck == {
        "command": "curl -sf http://localhost/",
        "interval_seconds": 10,
        "timeout_seconds": 5,
        "retries": 3,
        "start_period_seconds": 0,
    }
    gid = to_global_id("Machine", row.id)
    assert await authoring.refused(
        "machineUpdate",
        creator,
        machineId=gid,
        healthcheck={"command": "true"},
        clearHealthcheck=True,
    ) == [("INVALID", "clearHealthcheck")]
    assert await authoring.refused(
        "machineUpdate",
        creator,
        machineId=gid,
        healthcheck={"command": "true", "timeoutSeconds": 40},
    ) == [("INVALID", "healthcheck.timeoutSeconds")]
    await authoring.ok("machineUpdate", creator, machineId=gid, name="box2")
    assert (await Machine.get(id=row.id)).healthcheck is not None  # untouched
    await authoring.ok("machineUpdate", creator, machineId=gid, clearHealthcheck=True)
    assert (await Machine.get(id=row.id)).healthcheck is None


async def test_a_machines_ssh_login_is_sealed_and_never_shown_back(
    authoring: Authoring, creator: User, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "Pa55 word-of-bob"
    caplog.set_level(logging.DEBUG)
    scenario_id, version_id = await ready_version(authoring, creator)
    assert await authoring.refused(
        "machineAdd",
        creator,
        versionId=version_id,
        **{**TARGET, "name": "box"},
        sshLogin={"username": "Bob Smith", "password": "two\nlines"},
    ) == [("INVALID", "sshLogin.username"), ("INVALID", "sshLogin.password")]
    added = await authoring.ok(
        "machineAdd",
        creator,
        versionId=version_id,
        **{**TARGET, "name": "box"},
        sshLogin={"username": "bob", "password": secret},
    )
    row = await Machine.get(name="box")
    assert row.ssh_username == "bob"
    assert row.ssh_password_sealed
    assert secret not in row.ssh_password_sealed
    assert open_sealed(authoring.settings, row.ssh_password_sealed) == secret
    gid = to_global_id("Machine", row.id)
    query = "query($id: ID!) { node(id: $id) { ... on Machine { sshUsername } } }"
    assert await data_of(authoring.settings, query, {"id": gid}, as_user=creator) == {
        "node": {"sshUsername": "bob"}
    }
    # Neither the payload, the audit log, the document nor a copy of the version shows it.
    assert secret not in json.dumps(added)
    assert secret not in json.dumps(await AuditLog.all().values("data"))
    exported = await documents.export_document(from_global_id(version_id)[1], include_answers=True)
    assert "bob" not in exported
    assert secret not in exported
    copy = await authoring.ok("versionCreate", creator, scenarioId=scenario_id, copyFrom=version_id)
    copied = await Machine.get(name="box", version_id=from_global_id(copy["version"]["id"])[1])
    assert copied.ssh_password_sealed == row.ssh_password_sealed
    assert await authoring.refused(
        "machineUpdate",
        creator,
        machineId=gid,
        sshLogin={"username": "eve", "password": "x"},
        clearSshLogin=True,
    ) == [("INVALID", "clearSshLogin")]
    await authoring.ok("machineUpdate", creator, machineId=gid, clearSshLogin=True)
    row = await Machine.get(id=row.id)
    assert row.ssh_username is None
    assert not row.ssh_password_sealed
    assert secret not in caplog.text


async def test_machine_access_flags(authoring: Authoring, creator: User) -> None:
    _, version_id = await ready_version(authoring, creator)
    await authoring.ok(
        "machineAdd",
        creator,
        versionId=version_id,
        **{**TARGET, "name": "jump"},
        learnerMayEnter=True,
        reachableFromAttacker=False,
        pivotHost=True,
    )
    jump = await Machine.get(name="jump")
    flags = ("learner_may_enter", "reachable_from_attacker", "internal_connections_allowed")
    assert [getattr(jump, f) for f in flags] + [jump.pivot_host] == [True, False, True, True]
    # Absent, entering follows the role: attackers are entered, the others not.
    assert (await Machine.get(name="attacker")).learner_may_enter is True
    assert (await Machine.get(name="web")).learner_may_enter is False
    gid = to_global_id("Machine", jump.id)
    await authoring.ok("machineUpdate", creator, machineId=gid, pivotHost=False)
    jump = await Machine.get(id=jump.id)
    assert (jump.pivot_host, jump.learner_may_enter) == (False, True)
    query = """query($id: ID!) { node(id: $id) { ... on Machine {
      learnerMayEnter reachableFromAttacker internalConnectionsAllowed pivotHost } } }"""
    assert await data_of(authoring.settings, query, {"id": gid}, as_user=creator) == {
        "node": {
            "learnerMayEnter": True,
            "reachableFromAttacker": False,
            "internalConnectionsAllowed": True,
            "pivotHost": False,
        }
    }
