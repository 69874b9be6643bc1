"""Machines and questions of a DRAFT: the same rules as submit, with input-relative paths."""

from __future__ import annotations

from rangex_graphql.api.ids import from_global_id, to_global_id
from rangex_graphql.models import Machine, Question, QuestionAnswerKey, User
from tests.api.authoring.conftest import ATTACKER, FLAG_QUESTION, TARGET, Authoring, ready_version


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
        exposedPorts=[80, 8081, 80, 22, 443, 3000],
        networkGroup="lab",
        environment=[{"name": "1BAD", "value": "x"}],
    )
    assert errors == [
        ("INVALID", "name"),
        ("INVALID", "imageRef"),
        ("EXCEEDS_PROFILE", "cpu"),
        ("EXCEEDS_PROFILE", "memoryMib"),
        ("TOO_MANY", "exposedPorts"),
        ("PORT_NOT_ALLOWED", "exposedPorts.1"),
        ("DUPLICATE", "exposedPorts.2"),
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
        "machineUpdate", creator, machineId=gid, name="kali", exposedPorts=[22]
    )
    assert updated["machine"]["name"] == "kali"
    assert updated["machine"]["exposedPorts"] == [22]
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
