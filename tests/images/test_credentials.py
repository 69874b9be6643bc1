"""Registry credentials over GraphQL: admins only, tested against the registry before
they are saved, sealed at rest, never shown. The engine here is the simulated one, so the
login is checked over the registry's HTTP API (a registry behind basic auth)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pydantic import SecretStr

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import AuditLog, RegistryCredential, User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.runtime import Runtime
from rangex_graphql.security.keys import Purpose, subkey
from rangex_graphql.security.registry_box import key_id
from rangex_graphql.services.images.credentials import auth_for
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run
from tests.support.fake_registry import FakeRegistry, serving
from tests.support.simulated_runtime import simulated_runtime

pytestmark = pytest.mark.usefixtures("db")

PASSWORD = "pa55-w0rd-for-the-registry"
FIELDS = "id registryHost username hasSecret lastTestOk lastTestedAt lastTestMessage"
CREATE = f"""mutation($input: RegistryCredentialCreateInput!) {{
  registryCredentialCreate(input: $input) {{ registryCredential {{ {FIELDS} }}
  errors {{ field code message }} }} }}"""
UPDATE = f"""mutation($input: RegistryCredentialUpdateInput!) {{
  registryCredentialUpdate(input: $input) {{ registryCredential {{ {FIELDS} }}
  errors {{ field code message }} }} }}"""
TEST = f"""mutation($input: RegistryCredentialIdInput!) {{
  registryCredentialTest(input: $input) {{ registryCredential {{ {FIELDS} }}
  errors {{ field code message }} }} }}"""
DELETE = """mutation($input: RegistryCredentialIdInput!) {
  registryCredentialDelete(input: $input) { deletedRegistryCredentialId
  errors { field code message } } }"""
LIST = f"query {{ registryCredentials {{ totalCount edges {{ node {{ {FIELDS} }} }} }} }}"
NODE = "query($id: ID!) { node(id: $id) { ... on RegistryCredential { username } } }"


@pytest.fixture
async def registry() -> AsyncIterator[FakeRegistry]:
    fake = FakeRegistry("builder", PASSWORD, "private/lab", "1.0")
    async with serving(fake):
        yield fake


@pytest.fixture
async def runtime(settings: Settings) -> AsyncIterator[Runtime]:
    async with simulated_runtime(settings) as built:
        yield built


class Api:
    def __init__(self, settings: Settings, runtime: Runtime) -> None:
        self.settings, self.runtime = settings, runtime
        self.answers: list[str] = []  # every answer's JSON text, to look for the secret

    async def raw(
        self, document: str, who: User | None, **variables: Any
    ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        data, errors = await run(
            self.settings, document, variables, as_user=who, runtime=self.runtime
        )
        self.answers.append(json.dumps([data, errors]))
        return data, errors

    async def payload(self, document: str, who: User, **input: Any) -> dict[str, Any]:
        data, errors = await self.raw(document, who, input=input)
        assert not errors, errors
        assert data is not None
        (found,) = data.values()
        result: dict[str, Any] = found
        return result


@pytest.fixture
def api(settings: Settings, runtime: Runtime) -> Api:
    return Api(settings, runtime)


def codes(payload: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["code"], e["field"]) for e in payload["errors"]]


async def test_a_credential_is_tested_sealed_and_never_shown(
    api: Api, registry: FakeRegistry, settings: Settings
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    created = await api.payload(
        CREATE, admin, registryHost=registry.host, username="builder", secret=PASSWORD
    )
    assert created["errors"] == []
    node = created["registryCredential"]
    assert (node["registryHost"], node["username"], node["hasSecret"], node["lastTestOk"]) == (
        registry.host,
        "builder",
        True,
        True,
    )
    # The registry saw the login.
    assert ("GET", "/v2/", "builder") in registry.requests
    data, errors = await api.raw(LIST, admin)
    assert not errors
    assert data is not None
    assert data["registryCredentials"]["totalCount"] == 1
    assert all(PASSWORD not in answer for answer in api.answers)
    row = await RegistryCredential.get()
    assert PASSWORD not in row.secret_sealed
    current = key_id(subkey(settings.secret_key.get_secret_value(), Purpose.REGISTRY_CREDENTIAL))
    assert row.secret_sealed.split(".")[1] == current
    audit = await AuditLog.get(action="registry_credential.create")
    assert PASSWORD not in json.dumps(audit.data)


async def test_a_login_the_registry_refuses_changes_nothing(
    api: Api, registry: FakeRegistry
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    refused = await api.payload(
        CREATE, admin, registryHost=registry.host, username="builder", secret="wrong"
    )
    assert codes(refused) == [("CREDENTIAL_TEST_FAILED", "secret")]
    assert refused["registryCredential"] is None
    bad = await api.payload(CREATE, admin, registryHost="Not A Host!", username=" ", secret="")
    assert codes(bad) == [
        ("INVALID", "registryHost"),
        ("INVALID", "username"),
        ("INVALID", "secret"),
    ]
    assert not await RegistryCredential.exists()
    assert not await AuditLog.filter(action__startswith="registry_credential.").exists()

    saved = await api.payload(
        CREATE, admin, registryHost=registry.host, username="builder", secret=PASSWORD
    )
    credential_id = saved["registryCredential"]["id"]
    before = await RegistryCredential.get()
    refused = await api.payload(UPDATE, admin, id=credential_id, secret="also-wrong")
    assert codes(refused) == [("CREDENTIAL_TEST_FAILED", "secret")]
    after = await RegistryCredential.get()
    assert (after.secret_sealed, after.updated_at) == (before.secret_sealed, before.updated_at)
    duplicate = await api.payload(
        CREATE, admin, registryHost=registry.host, username="x", secret=PASSWORD
    )
    assert codes(duplicate) == [("DUPLICATE", "registryHost")]


async def test_the_test_records_its_outcome(api: Api, registry: FakeRegistry) -> None:
    admin = await factories.user(UserRole.ADMIN)
    saved = await api.payload(
        CREATE, admin, registryHost=registry.host, username="builder", secret=PASSWORD
    )
    credential_id = saved["registryCredential"]["id"]
    passed = await api.payload(TEST, admin, id=credential_id)
    assert passed["errors"] == []
    assert passed["registryCredential"]["lastTestOk"] is True

    # The registry's password changes: the stored login now fails its test.
    registry.password = "rotated-by-the-registry"
    failed = await api.payload(TEST, admin, id=credential_id)
    assert codes(failed) == [("CREDENTIAL_TEST_FAILED", "secret")]
    row = await RegistryCredential.get()
    assert row.last_test_ok is False
    assert "401" in (row.last_test_message or "")
    assert await AuditLog.filter(action="registry_credential.test").count() == 2

    fixed = await api.payload(UPDATE, admin, id=credential_id, secret="rotated-by-the-registry")
    assert fixed["registryCredential"]["lastTestOk"] is True

    deleted = await api.payload(DELETE, admin, id=credential_id)
    assert deleted == {"deletedRegistryCredentialId": credential_id, "errors": []}
    assert not await RegistryCredential.exists()
    assert await AuditLog.filter(action="registry_credential.delete").count() == 1
    again = await api.payload(TEST, admin, id=credential_id)
    assert codes(again) == [("NOT_FOUND", "id")]


async def test_only_admins_reach_credentials(api: Api, registry: FakeRegistry) -> None:
    admin = await factories.user(UserRole.ADMIN)
    creator = await factories.user(UserRole.CREATOR)
    saved = await api.payload(
        CREATE, admin, registryHost=registry.host, username="builder", secret=PASSWORD
    )
    credential_id = saved["registryCredential"]["id"]
    for document, variables in (
        (LIST, {}),
        (CREATE, {"input": {"registryHost": "r.example.com", "username": "u", "secret": "s"}}),
        (TEST, {"input": {"id": credential_id}}),
        (DELETE, {"input": {"id": credential_id}}),
    ):
        _, errors = await api.raw(document, creator, **variables)
        assert errors[0]["extensions"]["code"] == "FORBIDDEN", document
    data, _ = await api.raw(NODE, creator, id=credential_id)
    assert data == {"node": None}
    data, _ = await api.raw(NODE, admin, id=credential_id)
    assert data == {"node": {"username": "builder"}}
    assert await RegistryCredential.all().count() == 1


async def test_credentials_open_after_a_key_rotation_and_are_resealed_on_write(
    settings: Settings, registry: FakeRegistry, runtime: Runtime
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    await Api(settings, runtime).payload(
        CREATE, admin, registryHost=registry.host, username="builder", secret=PASSWORD
    )
    old = settings.secret_key
    rotated = settings.model_copy(
        update={"secret_key": SecretStr("r" * 48), "previous_secret_keys": [old]}
    )
    auth = await auth_for(rotated, registry.image_ref)
    assert auth is not None
    assert auth.password == PASSWORD  # the old key still opens it

    row = await RegistryCredential.get()
    updated = await Api(rotated, runtime).payload(UPDATE, admin, id=to_id(row), username="builder")
    assert updated["errors"] == []
    resealed = await RegistryCredential.get()
    assert resealed.secret_sealed.split(".")[1] == key_id(
        subkey("r" * 48, Purpose.REGISTRY_CREDENTIAL)
    )
    assert (await auth_for(rotated, registry.image_ref)) == auth


def to_id(row: RegistryCredential) -> str:
    return to_global_id("RegistryCredential", row.id)
