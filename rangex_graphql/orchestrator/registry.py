"""Private registries: which registry an image reference names, the login a driver pulls
with, and checking a login against a registry.

A driver that can reach registries itself implements :class:`RegistryAccess` (the Docker
driver: the engine logs in and pulls). For the others the login is checked here, over the
registry's HTTP API (``GET /v2/`` with basic auth, or the bearer token its challenge asks
for); plain HTTP only for a loopback registry, as Docker allows.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import aiohttp

DOCKER_HUB = "docker.io"
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
LOGIN_TIMEOUT_SECONDS = 15.0


@dataclass(frozen=True, slots=True)
class RegistryAuth:
    """A login for the registry ``server`` (a host, with a port if not the default)."""

    server: str
    username: str
    password: str = field(repr=False)
    # Names the credential in engine resources (ECS: the Secrets Manager secret).
    credential_id: str = ""

    def as_docker_auth(self) -> dict[str, str]:
        return {"username": self.username, "password": self.password, "serveraddress": self.server}


class RegistryLoginFailed(Exception):
    """The registry refused the login, or could not be reached."""


def registry_of(image_ref: str) -> str:
    """The registry host an image reference names: its first path component when that
    looks like a host (a dot, a port or ``localhost``), else Docker Hub."""
    first, slash, _ = image_ref.partition("/")
    if slash and ("." in first or ":" in first or first == "localhost"):
        return first.lower()
    return DOCKER_HUB


def repository_of(image_ref: str) -> str:
    """The reference without its tag or digest (``host/name`` of ``host/name:tag``)."""
    name = image_ref.split("@", 1)[0]
    head, _, last = name.rpartition("/")
    return f"{head}/{last.split(':', 1)[0]}" if head else last.split(":", 1)[0]


def is_loopback_registry(server: str) -> bool:
    host = server.rsplit(":", 1)[0] if not server.endswith("]") else server
    return host in LOOPBACK_HOSTS or host.startswith("127.")


@runtime_checkable
class RegistryAccess(Protocol):
    """What a driver that talks to registries itself offers."""

    async def registry_login(self, auth: RegistryAuth) -> None:
        """Raise :class:`RegistryLoginFailed` unless the registry accepts ``auth``."""
        ...

    async def pinned_reference(self, image_ref: str, auth: RegistryAuth | None) -> str | None:
        """``repository@sha256:…`` of the image the registry serves as ``image_ref``;
        None when the registry reports no digest. Raises RegistryLoginFailed."""
        ...


async def http_registry_login(auth: RegistryAuth) -> None:
    """Check ``auth`` against the registry's HTTP API (distribution spec ``GET /v2/``)."""
    scheme = "http" if is_loopback_registry(auth.server) else "https"
    server = "registry-1.docker.io" if auth.server == DOCKER_HUB else auth.server
    base = f"{scheme}://{server}/v2/"
    token = base64.b64encode(f"{auth.username}:{auth.password}".encode()).decode()
    basic = {"Authorization": f"Basic {token}"}
    timeout = aiohttp.ClientTimeout(total=LOGIN_TIMEOUT_SECONDS)
    try:
        async with aiohttp.ClientSession(timeout=timeout) as http:
            async with http.get(base, headers=basic) as answer:
                if answer.status == 200:
                    return
                challenge = answer.headers.get("WWW-Authenticate", "")
                if answer.status != 401 or not challenge.lower().startswith("bearer "):
                    raise RegistryLoginFailed(f"the registry answered HTTP {answer.status}")
            await _bearer_login(http, challenge, basic)
    except (TimeoutError, aiohttp.ClientError, OSError) as exc:
        raise RegistryLoginFailed(f"the registry could not be reached: {exc}") from exc


async def _bearer_login(http: aiohttp.ClientSession, challenge: str, basic: dict[str, str]) -> None:
    """The token flow: the realm must issue a token for these credentials."""
    params: dict[str, str] = {}
    for part in challenge[len("bearer ") :].split(","):
        name, _, value = part.strip().partition("=")
        params[name.lower()] = value.strip('"')
    realm = params.pop("realm", "")
    if not realm.startswith(("https://", "http://")):
        raise RegistryLoginFailed("the registry's token challenge names no realm")
    async with http.get(realm, params=params, headers=basic) as answer:
        if answer.status != 200:
            raise RegistryLoginFailed(f"the registry's token service answered HTTP {answer.status}")
