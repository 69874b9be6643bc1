"""Where and how the ECS driver runs sessions, and its AWS clients (made on first use)."""

from __future__ import annotations

import asyncio
import ipaddress
import re
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass
from typing import Any, Literal

from aiobotocore.config import AioConfig  # type: ignore[import-untyped]
from aiobotocore.session import AioSession  # type: ignore[import-untyped]

from rangex_graphql.orchestrator.protocol import EngineUnavailable

#: How the driver waits between polls (tests record the waits instead).
Sleep = Callable[[float], Awaitable[None]]

_NAME_PREFIX = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,18}[a-z0-9])?$")


@dataclass(frozen=True, slots=True)
class EcsConfig:
    """Where and how the driver runs sessions. ``ValueError`` on an inconsistent config."""

    cluster: str  # name or ARN of an existing cluster
    region: str
    vpc_id: str  # the VPC of the subnets; the session groups are created in it
    subnets: Sequence[str]  # where the tasks' interfaces go (normalised to a tuple)
    ingress_cidr: str  # who may reach published ports (IPv4 or IPv6 CIDR)
    assign_public_ip: bool = False  # public IPs for machines with published ports / egress
    endpoint_url: str | None = None  # another endpoint for both ECS and EC2 (moto)
    task_role_arn: str | None = None
    execution_role_arn: str | None = None  # needed for private ECR images and logs
    log_group: str | None = None  # CloudWatch Logs group (awslogs driver); None: no logs
    log_stream_prefix: str = "rangex"
    platform_security_groups: Sequence[str] = ()  # added to every task (image pulls, logs)
    platform_version: str = "LATEST"
    cpu_architecture: Literal["X86_64", "ARM64"] = "X86_64"
    round_fargate_sizes: bool = True  # round sizes up; False: refuse non-Fargate sizes
    name_prefix: str = "rangex"
    group_delete_timeout: float = 600.0  # seconds of waiting out DependencyViolation
    group_delete_backoff: float = 2.0  # first wait; doubles up to 30 s
    start_timeout: float = 600.0  # seconds for a task to reach RUNNING (image pulls)
    poll_interval: float = 2.0  # seconds between describe_tasks while waiting
    event_poll_interval: float = 10.0  # seconds between polls of events()
    api_timeout: float = 30.0  # connect and read timeout of one call
    max_attempts: int = 5  # botocore "standard" retries, first attempt included

    def __post_init__(self) -> None:
        object.__setattr__(self, "subnets", tuple(self.subnets))
        object.__setattr__(self, "platform_security_groups", tuple(self.platform_security_groups))
        problems: list[str] = []
        for name in ("cluster", "region", "vpc_id"):
            if not getattr(self, name):
                problems.append(f"{name} is empty")
        if not self.subnets:
            problems.append("at least one subnet is needed")
        try:
            ipaddress.ip_network(self.ingress_cidr)
        except ValueError:
            problems.append(f"ingress_cidr {self.ingress_cidr!r} is not a CIDR")
        if self.log_group and not self.execution_role_arn:
            problems.append("log_group needs execution_role_arn (the awslogs driver uses it)")
        if not _NAME_PREFIX.match(self.name_prefix):
            problems.append(f"name_prefix {self.name_prefix!r} is not [a-z0-9-]{{1,20}}")
        for name in ("group_delete_timeout", "group_delete_backoff", "start_timeout"):
            if getattr(self, name) < 0:
                problems.append(f"{name} is negative")
        for name in ("poll_interval", "event_poll_interval", "api_timeout"):
            if getattr(self, name) <= 0:
                problems.append(f"{name} must be positive")
        if self.max_attempts < 1:
            problems.append("max_attempts must be at least 1")
        if problems:
            raise ValueError("invalid ECS configuration: " + "; ".join(problems))


class EcsClients:
    """The ``(ecs, ec2)`` clients, made on first use from ``session`` (or the default chain).

    Clients given ready (stubbed in tests) are used but not closed.
    """

    def __init__(
        self, config: EcsConfig, *, session: Any = None, clients: tuple[Any, Any] | None = None
    ) -> None:
        self.config = config
        self._session = session
        self._ecs: Any = clients[0] if clients is not None else None
        self._ec2: Any = clients[1] if clients is not None else None
        self._stack: AsyncExitStack | None = None
        self._connect_lock = asyncio.Lock()
        self.closed = False
        # Secrets Manager (private registries' logins), made only when a plan needs it.
        self._secrets: Any = None
        self._secrets_stack: AsyncExitStack | None = None

    async def get(self) -> tuple[Any, Any]:
        if self.closed:
            raise EngineUnavailable("the ECS driver is closed")
        if self._ecs is None or self._ec2 is None:
            async with self._connect_lock:
                if self._ecs is None or self._ec2 is None:
                    await self._connect()
        return self._ecs, self._ec2

    async def ecs(self) -> Any:
        return (await self.get())[0]

    async def ec2(self) -> Any:
        return (await self.get())[1]

    async def secrets(self) -> Any:
        """The Secrets Manager client, on the same endpoint and region as the others."""
        if self.closed:
            raise EngineUnavailable("the ECS driver is closed")
        async with self._connect_lock:
            if self._secrets is None:
                stack = AsyncExitStack()
                session, options = self._client_options()
                self._secrets = await stack.enter_async_context(
                    session.create_client("secretsmanager", **options)
                )
                self._secrets_stack = stack
        return self._secrets

    def _client_options(self) -> tuple[Any, dict[str, Any]]:
        session = self._session if self._session is not None else AioSession()
        config = AioConfig(
            connect_timeout=self.config.api_timeout,
            read_timeout=self.config.api_timeout,
            retries={"mode": "standard", "total_max_attempts": self.config.max_attempts},
        )
        options = {
            "region_name": self.config.region,
            "endpoint_url": self.config.endpoint_url,
            "config": config,
        }
        return session, options

    async def _connect(self) -> None:
        session, options = self._client_options()
        stack = AsyncExitStack()
        try:
            self._ecs = await stack.enter_async_context(session.create_client("ecs", **options))
            self._ec2 = await stack.enter_async_context(session.create_client("ec2", **options))
        except BaseException:
            self._ecs = self._ec2 = None
            await stack.aclose()
            raise
        self._stack = stack

    async def close(self) -> None:
        self.closed = True
        if self._secrets_stack is not None:
            secrets_stack, self._secrets_stack = self._secrets_stack, None
            self._secrets = None
            await secrets_stack.aclose()
        if self._stack is not None:
            stack, self._stack = self._stack, None
            self._ecs = self._ec2 = None
            await stack.aclose()
