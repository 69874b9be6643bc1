"""Task definitions: one per distinct machine content, shared by every session with it.

Family ``<prefix>-<machine>-<sha256 prefix>``, never deregistered by the driver. Machine
sizes are Fargate task sizes (see :func:`fargate_size`); "drop ALL capabilities, add the
allowed ones" becomes "drop every default capability not allowed"; the pids limit becomes
the ``nproc`` ulimit.
"""

from __future__ import annotations

import hashlib
import json
import math

from botocore.exceptions import ClientError  # type: ignore[import-untyped]

from rangex_graphql.orchestrator.ecs.assets import ASSETS_LABEL, check_machine, label_value
from rangex_graphql.orchestrator.ecs.config import EcsClients, EcsConfig
from rangex_graphql.orchestrator.ecs.errors import error_code
from rangex_graphql.orchestrator.ecs.tags import (
    CONTENT_LABELS,
    MAX_TAGS,
    Json,
    ecs_tags,
    machine_tags,
    tag_key_problem,
)
from rangex_graphql.orchestrator.protocol import (
    BASE_CAPABILITIES,
    MAX_MACHINE_CPU,
    InvalidPlan,
    MachineSpec,
    SessionPlan,
)

#: Docker's (and Fargate's) default capability set: what "drop ALL" removes.
DEFAULT_CAPABILITIES = BASE_CAPABILITIES | {"MKNOD"}
#: The one capability beyond the defaults Fargate lets a task add.
FARGATE_ADDABLE = frozenset({"SYS_PTRACE"})

#: Valid Fargate task sizes up to the domain's cap of 2 vCPU: CPU units → memory MiB.
FARGATE_SIZES: dict[int, tuple[int, ...]] = {
    256: (512, 1024, 2048),
    512: (1024, 2048, 3072, 4096),
    1024: tuple(range(2048, 8192 + 1, 1024)),
    2048: tuple(range(4096, 16384 + 1, 1024)),
}


def fargate_size(cpu: float, memory_mib: int, *, round_up: bool = True) -> tuple[int, int]:
    """The Fargate task size (CPU units, memory MiB) for ``cpu`` vCPU and ``memory_mib``.

    Rounds up to the smallest valid combination holding both (more memory first, then
    more CPU); with ``round_up=False`` only an exact Fargate size is accepted. Raises
    ``ValueError`` saying which sizes are valid.
    """
    units = math.ceil(round(cpu * 1024, 6))
    if units <= 0 or memory_mib <= 0:
        raise ValueError(f"{cpu:g} vCPU with {memory_mib} MiB: both must be positive")
    if not round_up:
        if memory_mib in FARGATE_SIZES.get(units, ()):
            return units, memory_mib
        raise ValueError(
            f"{cpu:g} vCPU with {memory_mib} MiB is not a Fargate task size; valid: "
            + _valid_sizes()
        )
    for tier, memories in FARGATE_SIZES.items():
        if tier < units:
            continue
        for memory in memories:
            if memory >= memory_mib:
                return tier, memory
    raise ValueError(
        f"no Fargate task size up to {MAX_MACHINE_CPU:g} vCPU holds {cpu:g} vCPU with"
        f" {memory_mib} MiB; valid: " + _valid_sizes()
    )


def _valid_sizes() -> str:
    return "; ".join(
        f"{tier / 1024:g} vCPU with {'/'.join(map(str, memories))} MiB"
        if len(memories) <= 4
        else f"{tier / 1024:g} vCPU with {memories[0]}-{memories[-1]} MiB in 1024 steps"
        for tier, memories in FARGATE_SIZES.items()
    )


def check_plan(plan: SessionPlan, *, round_fargate_sizes: bool) -> None:
    """Raise :class:`InvalidPlan` for what ECS cannot run as asked."""
    problems: list[str] = []
    for key in plan.extra_labels:
        problem = tag_key_problem(key)
        if problem:
            problems.append(problem)
    for machine in plan.machines:
        try:
            fargate_size(machine.cpu, machine.memory_mib, round_up=round_fargate_sizes)
        except ValueError as exc:
            problems.append(f"machine {machine.name!r}: {exc}")
        check = machine.healthcheck
        if check is not None and not (
            5 <= check.interval <= 300 and 2 <= check.timeout <= 60 and check.start_period <= 300
        ):
            problems.append(
                f"machine {machine.name!r}: ECS healthchecks take an interval of 5-300 s, a "
                "timeout of 2-60 s and a start period of at most 300 s"
            )
        beyond = sorted(set(machine.capabilities) - DEFAULT_CAPABILITIES - FARGATE_ADDABLE)
        if beyond:
            problems.append(
                f"machine {machine.name!r}: Fargate cannot add {beyond} (only SYS_PTRACE "
                "beyond the default capabilities)"
            )
        problems.extend(check_machine(machine))  # EMBEDDED assets: fetched by the task
        task_tags = len(plan.machine_labels(machine)) + 2  # provision, published ports
        if task_tags > MAX_TAGS:
            problems.append(f"machine {machine.name!r}: {task_tags} tags, AWS allows 50")
    anchor_tags = len(plan.session_labels()) + 3 + len(plan.machines)
    if anchor_tags > MAX_TAGS:
        problems.append(f"the session group would carry {anchor_tags} tags, AWS allows 50")
    if problems:
        raise InvalidPlan(plan.session_id, problems)


class TaskDefinitions:
    def __init__(self, config: EcsConfig, clients: EcsClients) -> None:
        self.config = config
        self._clients = clients

    def request(
        self, plan: SessionPlan, spec: MachineSpec, registry_secret: str | None = None
    ) -> Json:
        """RegisterTaskDefinition's arguments; the family names a hash of the rest.
        ``registry_secret``: the ARN of the secret ECS pulls the image with."""
        cpu_units, memory = fargate_size(
            spec.cpu, spec.memory_mib, round_up=self.config.round_fargate_sizes
        )
        added = set(spec.capabilities)
        kept = added & DEFAULT_CAPABILITIES
        capabilities: Json = (
            {"drop": sorted(DEFAULT_CAPABILITIES - kept)} if kept else {"drop": ["ALL"]}
        )
        if added & FARGATE_ADDABLE:
            capabilities["add"] = sorted(added & FARGATE_ADDABLE)
        # Fargate has no pids limit: the nproc ulimit stands in for it, never above it.
        limits = {
            **spec.ulimits,
            "nproc": min(spec.ulimits.get("nproc", spec.pids_limit), spec.pids_limit),
        }
        container: Json = {
            "name": spec.name,
            "image": spec.image,
            "essential": True,
            "memory": spec.memory_mib,  # the machine's own limit; the task may be larger
            "environment": [{"name": k, "value": v} for k, v in sorted(spec.environment.items())],
            "portMappings": [
                {"containerPort": p.port, "hostPort": p.port, "protocol": p.protocol}
                for p in spec.ports
            ],
            "linuxParameters": {"capabilities": capabilities, "initProcessEnabled": True},
            "readonlyRootFilesystem": False,
            "ulimits": [
                {"name": name, "softLimit": limit, "hardLimit": limit}
                for name, limit in sorted(limits.items())
            ],
        }
        if registry_secret is not None:
            container["repositoryCredentials"] = {"credentialsParameter": registry_secret}
        if spec.healthcheck is not None:
            check = spec.healthcheck
            container["healthCheck"] = {
                "command": ["CMD-SHELL", check.command],
                "interval": check.interval,
                "timeout": check.timeout,
                "retries": check.retries,
                "startPeriod": check.start_period,
            }
        if spec.sysctls:
            container["systemControls"] = [
                {"namespace": k, "value": v} for k, v in sorted(spec.sysctls.items())
            ]
        if spec.command is not None:
            container["command"] = list(spec.command)
        if spec.assets:
            # What each run_task presigns (a resume has no plan); see assets.py.
            container["dockerLabels"] = {ASSETS_LABEL: label_value(spec.assets)}
        if self.config.log_group:
            container["logConfiguration"] = {
                "logDriver": "awslogs",
                "options": {
                    "awslogs-group": self.config.log_group,
                    "awslogs-region": self.config.region,
                    "awslogs-stream-prefix": self.config.log_stream_prefix,
                },
            }
        tags = machine_tags(plan, spec)
        request: Json = {
            "networkMode": "awsvpc",
            "requiresCompatibilities": ["FARGATE"],
            "cpu": str(cpu_units),
            "memory": str(memory),
            "runtimePlatform": {
                "operatingSystemFamily": "LINUX",
                "cpuArchitecture": self.config.cpu_architecture,
            },
            "containerDefinitions": [container],
            "tags": ecs_tags({k: tags[k] for k in CONTENT_LABELS}),
        }
        if self.config.task_role_arn:
            request["taskRoleArn"] = self.config.task_role_arn
        if self.config.execution_role_arn:
            request["executionRoleArn"] = self.config.execution_role_arn
        digest = hashlib.sha256(
            json.dumps(request, sort_keys=True, separators=(",", ":")).encode()
        ).hexdigest()
        return {"family": f"{self.config.name_prefix}-{spec.name}-{digest[:24]}", **request}

    async def ensure(self, request: Json) -> str:
        """The ARN of an active task definition of the request's family, registered if new."""
        ecs = await self._clients.ecs()
        try:
            found = (await ecs.describe_task_definition(taskDefinition=request["family"]))[
                "taskDefinition"
            ]
        except ClientError as exc:
            if error_code(exc) not in ("ClientException", "InvalidParameterException"):
                raise
        else:
            if found.get("status") == "ACTIVE":
                return str(found["taskDefinitionArn"])
        registered = await ecs.register_task_definition(**request)
        return str(registered["taskDefinition"]["taskDefinitionArn"])
