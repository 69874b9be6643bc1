"""What the catalog and the credentials need from the engine: a login check and an
image's pinned digest, from the driver when it talks to registries itself (Docker), else
over the registry's HTTP API (login) or not at all (digest)."""

from __future__ import annotations

from ...orchestrator.protocol import Driver
from ...orchestrator.registry import RegistryAccess, RegistryAuth, http_registry_login


async def check_login(driver: Driver | None, auth: RegistryAuth) -> None:
    """Raise RegistryLoginFailed unless the registry accepts ``auth``."""
    if isinstance(driver, RegistryAccess):
        await driver.registry_login(auth)
    else:
        await http_registry_login(auth)


async def pin(driver: Driver | None, image_ref: str, auth: RegistryAuth | None) -> str | None:
    """``repository@sha256:…`` when the engine can ask the registry; None otherwise (the
    simulated and ECS engines: the reference stays as given)."""
    if "@sha256:" in image_ref:
        return image_ref
    if isinstance(driver, RegistryAccess):
        return await driver.pinned_reference(image_ref, auth)
    return None
