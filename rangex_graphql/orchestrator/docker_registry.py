"""The Docker driver and private registries: pulls with the machine's registry login
(``X-Registry-Auth``), the engine's own login check (``POST /auth``), and an image's
digest as the registry reported it (``RepoDigests`` after a pull)."""

from __future__ import annotations

import aiodocker

from rangex_graphql.orchestrator.docker_engine import ENGINE_ERRORS, reason
from rangex_graphql.orchestrator.registry import (
    DOCKER_HUB,
    RegistryAuth,
    RegistryLoginFailed,
    registry_of,
    repository_of,
)


def qualified(image_ref: str) -> str:
    """The reference with its registry host: the engine's pull wants one to send a login to."""
    if registry_of(image_ref) == DOCKER_HUB and not image_ref.startswith(DOCKER_HUB + "/"):
        return f"{DOCKER_HUB}/{image_ref}"
    return image_ref


async def pull(
    docker: aiodocker.Docker, image_ref: str, auth: RegistryAuth | None, pull_timeout: float
) -> None:
    """Pull ``image_ref``, logged in to its registry with ``auth`` when given."""
    if auth is None:
        await docker.images.pull(image_ref, timeout=pull_timeout)
        return
    await docker.images.pull(qualified(image_ref), auth=auth.as_docker_auth(), timeout=pull_timeout)


async def login(docker: aiodocker.Docker, auth: RegistryAuth) -> None:
    try:
        await docker.auth(**auth.as_docker_auth())
    except ENGINE_ERRORS as exc:
        raise RegistryLoginFailed(reason(exc)) from exc


async def pinned_reference(
    docker: aiodocker.Docker, image_ref: str, auth: RegistryAuth | None, pull_timeout: float
) -> str | None:
    """Pull the image, then read the digest the registry served it under. An image the
    engine has but no registry serves (built or loaded there) keeps its tag: None."""
    try:
        await pull(docker, image_ref, auth, pull_timeout)
    except ENGINE_ERRORS as exc:
        pulled: BaseException | None = exc
    else:
        pulled = None
    try:
        found = await docker.images.inspect(image_ref)
    except ENGINE_ERRORS as exc:
        failure = reason(pulled) if pulled is not None else reason(exc)
        raise RegistryLoginFailed(f"pulling {image_ref} failed: {failure}") from exc
    repository = repository_of(image_ref)
    for digest_ref in found.get("RepoDigests") or []:
        if repository_of(digest_ref) in (repository, repository_of(qualified(image_ref))):
            return f"{repository}@{str(digest_ref).split('@', 1)[1]}"
    return None
