"""The Docker driver's engine: where it is, what a call to it fails with, label filters."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import aiodocker
import aiohttp
from aiodocker.exceptions import DockerError

from rangex_graphql.orchestrator._common import DEFAULT_SUBNET_POOL
from rangex_graphql.orchestrator.protocol import EngineUnavailable

#: The engine client, made on first use (raises EngineUnavailable once the driver closed).
Engine = Callable[[], aiodocker.Docker]

#: What a call to the engine can fail with, besides a DockerError answer.
ENGINE_ERRORS = (DockerError, aiohttp.ClientError, OSError, asyncio.TimeoutError)


@dataclass(frozen=True, slots=True)
class DockerDriverConfig:
    url: str = "unix:///var/run/docker.sock"  # or a socket path, or tcp://host:port
    publish_host: str = "127.0.0.1"  # host address published ports are bound to
    subnet_pool: str = DEFAULT_SUBNET_POOL
    avoid_host_routes: bool = True  # never carve a subnet this host already routes
    pull_missing_images: bool = True
    api_timeout: float = 60.0  # seconds for one engine call
    pull_timeout: float = 600.0
    name_prefix: str = "rangex"
    log_max_size: str = "10m"

    @property
    def docker_url(self) -> str:
        return f"unix://{self.url}" if self.url.startswith("/") else self.url

    def network_name(self, session_id: str) -> str:
        return f"{self.name_prefix}-{session_id}"

    def container_name(self, session_id: str, machine: str) -> str:
        return f"{self.name_prefix}-{session_id}-{machine}"


def reason(exc: BaseException) -> str:
    if isinstance(exc, DockerError):
        return f"{exc.message} (HTTP {exc.status})"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def label_filter(*labels: str, **more: Sequence[str]) -> str:
    return json.dumps({"label": list(labels), **{k: list(v) for k, v in more.items()}})


@contextmanager
def engine(what: str) -> Iterator[None]:
    """Raise an engine failure inside as :class:`EngineUnavailable`, saying ``what`` failed."""
    try:
        yield
    except ENGINE_ERRORS as exc:
        raise EngineUnavailable(f"{what}: {reason(exc)}") from exc
