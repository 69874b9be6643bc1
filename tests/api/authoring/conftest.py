"""Authoring through GraphQL: people in each role, and one call per mutation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run
from tests.support.images import approve_images

VERSION = "version { id number status changelog timeLimitMinutes resourceProfile }"
PAYLOADS = {
    "scenarioCreate": ("ScenarioCreateInput", "scenario { id slug title tags visibility }"),
    "scenarioUpdate": ("ScenarioUpdateInput", "scenario { id slug title description tags }"),
    "scenarioDelete": ("ScenarioDeleteInput", "scenario { id slug }"),
    "versionCreate": ("VersionCreateInput", VERSION),
    "versionUpdate": ("VersionUpdateInput", VERSION),
    "machineAdd": (
        "MachineAddInput",
        "machine { id name role imageRef cpu memoryMib networkGroup egress "
        "entrypoints { protocol port exposed description } }",
    ),
    "machineUpdate": (
        "MachineUpdateInput",
        "machine { id name cpu memoryMib exposedPorts entrypoints { protocol port } }",
    ),
    "machineRemove": ("MachineRemoveInput", "removedMachineId version { machines { name } }"),
    "questionAdd": (
        "QuestionAddInput",
        "question { id prompt kind points position choices expectedAnswers }",
    ),
    "questionUpdate": ("QuestionUpdateInput", "question { id prompt points expectedAnswers }"),
    "questionRemove": (
        "QuestionRemoveInput",
        "removedQuestionId version { questions { prompt position } }",
    ),
    "questionReorder": ("QuestionReorderInput", "version { questions { prompt position } }"),
    "versionSubmit": ("VersionInput", VERSION),
    "versionReview": ("VersionReviewInput", VERSION),
    "versionPublish": ("VersionInput", VERSION + " archivedVersions { id number status }"),
    "versionArchive": ("VersionInput", VERSION),
    "versionWithdraw": ("VersionInput", VERSION),
    "versionRevertToDraft": (
        "VersionRevertToDraftInput",
        "version { id number status rejectionReason }",
    ),
    "versionUnpublish": ("VersionInput", VERSION),
    "versionFeature": ("VersionFeatureInput", "version { id status featured }"),
    "versionDelete": ("VersionInput", "deletedVersionId scenario { id versions { id } }"),
    "scenarioDuplicate": (
        "ScenarioDuplicateInput",
        "scenario { id slug title tags author { username } } " + VERSION,
    ),
}


def document(name: str) -> str:
    input_type, selection = PAYLOADS[name]
    return (
        f"mutation($input: {input_type}!) {{ {name}(input: $input) "
        f"{{ {selection} errors {{ field code message }} }} }}"
    )


@dataclass
class Authoring:
    settings: Settings

    async def call(self, name: str, as_user: User, /, **input: Any) -> dict[str, Any]:
        """The payload of a mutation that must not fail at the top level."""
        data, errors = await run(self.settings, document(name), {"input": input}, as_user=as_user)
        assert not errors, errors
        assert data is not None
        payload: dict[str, Any] = data[name]
        return payload

    async def ok(self, name: str, as_user: User, /, **input: Any) -> dict[str, Any]:
        """The payload of a mutation that must succeed."""
        payload = await self.call(name, as_user, **input)
        assert payload["errors"] == [], payload["errors"]
        return payload

    async def refused(self, name: str, as_user: User, /, **input: Any) -> list[tuple[str, str]]:
        """(code, field) of each payload error of a mutation that must fail."""
        payload = await self.call(name, as_user, **input)
        assert payload["errors"], payload
        return [(e["code"], e["field"]) for e in payload["errors"]]

    async def top_level(self, name: str, as_user: User | None, /, **input: Any) -> str:
        """The extensions.code of a mutation refused before it runs."""
        data, errors = await run(self.settings, document(name), {"input": input}, as_user=as_user)
        assert errors, data
        code: str = errors[0]["extensions"]["code"]
        return code


@pytest.fixture
async def authoring(settings: Settings, db: None) -> Authoring:
    # The images of ATTACKER and TARGET are in the catalog, as a platform's would be.
    await approve_images(str(ATTACKER["imageRef"]), str(TARGET["imageRef"]))
    return Authoring(settings)


@pytest.fixture
async def creator(db: None) -> User:
    return await factories.user(UserRole.CREATOR)


@pytest.fixture
async def admin(db: None) -> User:
    return await factories.user(UserRole.ADMIN)


@pytest.fixture
async def other_admin(db: None) -> User:
    return await factories.user(UserRole.ADMIN)


SCENARIO = {
    "title": "SQL injection 101",
    "description": "Log in without a password, then read the flag.",
    "difficulty": "BEGINNER",
    "category": "web",
    "tags": [" Web ", "SQLi", "web"],
}
ATTACKER = {
    "name": "attacker",
    "role": "ATTACKER",
    "imageRef": "rangex/kali:2024.1",
    "entrypoints": [
        {"protocol": "SSH", "port": 22},
        {"protocol": "HTTPS", "port": 6901, "description": "Kali desktop"},
    ],
    "environment": [{"name": "LAB_MODE", "value": "1"}],
}
TARGET = {
    "name": "web",
    "role": "TARGET",
    "imageRef": "rangex/dvwa:1.10",
    "entrypoints": [{"protocol": "HTTP", "port": 80}],
}
FLAG_QUESTION = {
    "prompt": "What is the flag?",
    "kind": "FLAG",
    "points": 10,
    "expectedAnswers": ["FLAG{sqli}"],
}


# What a version needs to be submitted besides machines and questions.
CONTENT = {
    "mission": "Log in as **admin** without knowing the password.",
    "solution": "Enter `' OR 1=1 --` as the user name.",
}


async def ready_version(authoring: Authoring, author: User) -> tuple[str, str]:
    """(scenario ID, version ID) of a DRAFT that passes validation."""
    scenario = (await authoring.ok("scenarioCreate", author, **SCENARIO))["scenario"]
    version = (await authoring.ok("versionCreate", author, scenarioId=scenario["id"]))["version"]
    await authoring.ok("machineAdd", author, versionId=version["id"], **ATTACKER)
    await authoring.ok("machineAdd", author, versionId=version["id"], **TARGET)
    await authoring.ok("questionAdd", author, versionId=version["id"], **FLAG_QUESTION)
    await authoring.ok("versionUpdate", author, versionId=version["id"], **CONTENT)
    return scenario["id"], version["id"]


def gid(type_name: str, pk: object) -> str:
    return to_global_id(type_name, str(pk))
