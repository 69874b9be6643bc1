"""Private registries on the real Docker Engine: a registry behind basic auth
(tests/support/fake_registry.py) whose image runs only with its sealed credential."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import AsyncIterator

import aiodocker
import pytest
from aiodocker.exceptions import DockerError

from rangex_graphql.models import EnvironmentSession, Machine, RegistryCredential
from rangex_graphql.models.enums import MachineRole, SessionState, UserRole
from rangex_graphql.orchestrator.docker import DockerDriver
from rangex_graphql.orchestrator.protocol import LABEL_SESSION, MachineState, ProvisionFailed
from rangex_graphql.runtime import Runtime
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.errors import DomainError
from rangex_graphql.services.images import catalog, credentials
from rangex_graphql.settings import Settings
from tests import factories
from tests.orchestrator.plans import HTTP_80, plan, target
from tests.support.dockerd import PrivateDockerd, cache_dir, labbase_tar, prepare_engine
from tests.support.fake_registry import FakeRegistry, serving
from tests.support.sessions import start_session

pytestmark = pytest.mark.usefixtures("db")

PASSWORD = "lab-registry-s3cret"


@pytest.fixture
async def registry(
    private_dockerd: PrivateDockerd, docker_api: aiodocker.Docker
) -> AsyncIterator[FakeRegistry]:
    """A registry of this test's own (a fresh repository name: the engine has not pulled it)."""
    cache = cache_dir()
    fake = FakeRegistry("lab", PASSWORD, f"private/lab-{uuid.uuid4().hex[:8]}", "1.0")
    fake.load_rootfs(labbase_tar(cache, prepare_engine(cache)))
    async with serving(fake):
        try:
            yield fake
        finally:
            with contextlib.suppress(DockerError):  # never pulled
                await docker_api.images.delete(fake.image_ref, force=True)


async def admin() -> Actor:
    return Actor((await factories.user(UserRole.ADMIN)).id, is_admin=True)


async def test_a_private_image_runs_with_its_sealed_credential(
    settings: Settings, registry: FakeRegistry, docker_driver: DockerDriver
) -> None:
    # Without a login the engine cannot pull it: the provisioning fails.
    anonymous = plan(target("web", image=registry.image_ref))
    with pytest.raises(ProvisionFailed, match="not available"):
        await docker_driver.provision(anonymous)

    saved = await credentials.create_credential(
        await admin(),
        credentials.CredentialSpec(registry.host, "lab", PASSWORD),
        SYSTEM,
        settings=settings,
        driver=docker_driver,
    )
    assert saved.last_test_ok is True  # the engine's own login (POST /auth) passed
    assert PASSWORD not in saved.secret_sealed

    # The plan's login comes from the sealed row, as build_plan takes it.
    auth = await credentials.auth_for(settings, registry.image_ref)
    assert auth is not None
    assert (auth.username, auth.password) == ("lab", PASSWORD)
    with_login = plan(target("web", image=registry.image_ref, registry_auth=auth))
    handles = await docker_driver.provision(with_login)
    assert [h.name for h in handles] == ["web"]
    statuses = await docker_driver.status(with_login.session_id)
    assert [s.state for s in statuses] == [MachineState.RUNNING]
    # Served only to the login: the layer went out to "lab", never to an anonymous pull.
    blob_users = {user for _, path, user in registry.requests if "/blobs/" in path}
    assert "lab" in blob_users
    served = [(path, user) for method, path, user in registry.requests if method == "GET"]
    assert all(user == "lab" for path, user in served if "/blobs/" in path)


async def test_a_login_the_registry_refuses_is_never_saved(
    settings: Settings, registry: FakeRegistry, docker_driver: DockerDriver
) -> None:
    with pytest.raises(DomainError) as refused:
        await credentials.create_credential(
            await admin(),
            credentials.CredentialSpec(registry.host, "lab", "wrong"),
            SYSTEM,
            settings=settings,
            driver=docker_driver,
        )
    assert (refused.value.code, refused.value.field) == ("CREDENTIAL_TEST_FAILED", "secret")
    assert not await RegistryCredential.exists()


async def test_approving_an_image_pins_the_digest_the_registry_serves(
    settings: Settings, registry: FakeRegistry, docker_driver: DockerDriver
) -> None:
    actor = await admin()
    await credentials.create_credential(
        actor,
        credentials.CredentialSpec(registry.host, "lab", PASSWORD),
        SYSTEM,
        settings=settings,
        driver=docker_driver,
    )
    variant = await catalog.create_variant(
        actor,
        catalog.VariantSpec(name="Private lab", image_ref=registry.image_ref),
        SYSTEM,
        settings=settings,
        driver=docker_driver,
    )
    repository = registry.image_ref.rsplit(":", 1)[0]
    assert variant.pinned_ref == f"{repository}@{registry.manifest_digest}"
    # The pinned reference is approved too: a machine may name the image by its digest.
    assert await catalog.unapproved_image_errors([variant.pinned_ref]) == []


async def test_an_image_no_registry_serves_is_unavailable(
    settings: Settings, registry: FakeRegistry, docker_driver: DockerDriver
) -> None:
    with pytest.raises(DomainError) as refused:
        await catalog.create_variant(
            await admin(),
            catalog.VariantSpec(name="Gone", image_ref=f"{registry.host}/private/none:1"),
            SYSTEM,
            settings=settings,
            driver=docker_driver,
        )
    assert (refused.value.code, refused.value.field) == ("IMAGE_UNAVAILABLE", "imageRef")


async def test_a_learners_session_of_a_private_image_runs_on_docker(
    settings: Settings,
    registry: FakeRegistry,
    docker_runtime: Runtime,
    docker_api: aiodocker.Docker,
) -> None:
    """The whole path: the sealed row, build_plan, the engine's authenticated pull."""
    await credentials.create_credential(
        await admin(),
        credentials.CredentialSpec(registry.host, "lab", PASSWORD),
        SYSTEM,
        settings=settings,
        driver=docker_runtime.driver,
    )
    version = await factories.version(await factories.scenario(), machines=0, questions=0)
    await Machine.create(
        version=version,
        name="lab",
        role=MachineRole.ATTACKER,
        image_ref=registry.image_ref,
        cpu=0.25,
        memory_mib=64,
        entrypoints=[HTTP_80],
        position=0,
    )
    _, session_id = await start_session(settings, docker_runtime, await factories.user(), version)

    row = await EnvironmentSession.get(id=session_id)
    assert row.state is SessionState.RUNNING, row.failure_reason
    label = json.dumps({"label": [f"{LABEL_SESSION}={session_id}"]})
    (container,) = await docker_api.containers.list(filters=label)
    assert container["Image"] == registry.image_ref
    assert any(user == "lab" and "/blobs/" in path for _, path, user in registry.requests)
