"""The session plan carries the login of each machine's registry, opened from its seal;
and where an image reference says its registry is."""

from __future__ import annotations

import pytest

from rangex_graphql.models import Machine, RegistryCredential
from rangex_graphql.orchestrator.registry import (
    RegistryAuth,
    registry_of,
    repository_of,
)
from rangex_graphql.security.registry_box import seal_registry_secret
from rangex_graphql.services.sessions.plan import build_plan
from rangex_graphql.settings import Settings
from tests import factories


@pytest.mark.usefixtures("db")
async def test_a_machine_on_a_private_registry_gets_its_login(settings: Settings) -> None:
    version = await factories.version(await factories.scenario(), machines=2, questions=0)
    private = "registry.example.com:5000/team/web:2"
    await Machine.filter(version_id=version.id, name="m1").update(image_ref=private)
    host = "registry.example.com:5000"
    credential = await RegistryCredential.create(
        registry_host=host,
        username="puller",
        secret_sealed=seal_registry_secret(settings, host, "s3cret"),
    )
    await RegistryCredential.create(  # another registry's: not this plan's business
        registry_host="other.example.com",
        username="x",
        secret_sealed=seal_registry_secret(settings, "other.example.com", "y"),
    )
    session = await factories.session(await factories.user(), version)

    plan = await build_plan(settings, session.id, {})

    public, web = plan.machines
    assert public.registry_auth is None  # rangex/image-0:1.0 is on Docker Hub: none stored
    assert web.registry_auth == RegistryAuth(host, "puller", "s3cret", str(credential.id))
    assert "s3cret" not in repr(web)  # the password stays out of logs


@pytest.mark.parametrize(
    ("image_ref", "registry", "repository"),
    [
        ("kali:1", "docker.io", "kali"),
        ("rangex/kali:2024.1", "docker.io", "rangex/kali"),
        ("localhost/labbase:latest", "localhost", "localhost/labbase"),
        ("127.0.0.1:5000/a/b@sha256:" + "0" * 64, "127.0.0.1:5000", "127.0.0.1:5000/a/b"),
        ("Registry.Example.com/x/y", "registry.example.com", "Registry.Example.com/x/y"),
        ("public.ecr.aws/docker/library/busybox:1.36", "public.ecr.aws", None),
    ],
)
def test_the_registry_of_an_image_reference(
    image_ref: str, registry: str, repository: str | None
) -> None:
    assert registry_of(image_ref) == registry
    expected = repository or image_ref.rsplit(":", 1)[0]
    assert repository_of(image_ref) == expected
