"""A session's machines as Fargate tasks: starting them, reading them back, stopping them.

One task per machine (``awsvpc`` in the configured subnets, tagged with every machine
label, ``startedBy`` derived from the session id, ECS Exec off), waited for until
RUNNING; its ENI's private address is the machine's address, the public one (only for
machines that publish ports or have internet egress) is where its published ports are.
"""

from __future__ import annotations

import asyncio
import collections
import hashlib
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from rangex_graphql.orchestrator.ecs.assets import (
    ASSETS_LABEL,
    AssetsProblem,
    AssetUrls,
    assets_of_label,
)
from rangex_graphql.orchestrator.ecs.config import EcsClients, EcsConfig, Sleep
from rangex_graphql.orchestrator.ecs.errors import (
    ENGINE_ERRORS,
    MachineFailed,
    error_code,
    machine_failed,
    reason,
)
from rangex_graphql.orchestrator.ecs.groups import SecurityGroups
from rangex_graphql.orchestrator.ecs.inventory import Inventory
from rangex_graphql.orchestrator.ecs.status import (
    PENDING_STATES,
    STOP_REASON_PREFIX,
    stopped_detail,
    task_container,
)
from rangex_graphql.orchestrator.ecs.tags import (
    TAG_PUBLISHED,
    Json,
    SessionView,
    ecs_tags,
    parse_published,
    resource_tags,
)
from rangex_graphql.orchestrator.protocol import (
    LABEL_EGRESS,
    LABEL_MACHINE,
    LABEL_PROVISION,
    LABEL_ROLE,
    AssetSpec,
    DriverError,
    EgressPolicy,
    MachineHandle,
    MachineRole,
    OperationFailed,
    PortSpec,
    PublishedPort,
)
from rangex_graphql.orchestrator.provisioning import Attempt, each

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Launch:
    """Everything RunTask needs for one machine, from a plan or from the session's tags."""

    name: str
    role: MachineRole
    image: str
    task_definition: str  # ARN
    tags: dict[str, str]
    security_groups: tuple[str, ...]
    public_ip: bool
    published: tuple[PortSpec, ...]
    # The machine's command and EMBEDDED assets: each run presigns the assets afresh.
    command: tuple[str, ...] | None = None
    assets: tuple[AssetSpec, ...] = ()


def _eni(task: Json) -> tuple[str | None, str | None]:
    """The task's network interface id and private IPv4 address (None when not known)."""
    for attachment in task.get("attachments") or []:
        if attachment.get("type") != "ElasticNetworkInterface":
            continue
        details = {d.get("name"): d.get("value") for d in attachment.get("details") or []}
        return details.get("networkInterfaceId"), details.get("privateIPv4Address")
    return None, None


class Tasks:
    def __init__(
        self,
        config: EcsConfig,
        clients: EcsClients,
        inventory: Inventory,
        groups: SecurityGroups,
        sleep: Sleep,
        asset_urls: AssetUrls,
    ) -> None:
        self.config = config
        self.asset_urls = asset_urls
        self._clients = clients
        self._inventory = inventory
        self._groups = groups
        self._sleep = sleep
        # Tasks this driver stops or provisions: their stops are not news.
        self.stopping: collections.OrderedDict[str, float] = collections.OrderedDict()
        self.provisioning: set[str] = set()

    # -- launches: from a plan's machines, or read back --------------------------------

    def public_ip(self, published: Sequence[PortSpec], egress: EgressPolicy) -> bool:
        return self.config.assign_public_ip and bool(published or egress is EgressPolicy.INTERNET)

    def launch_of_task(self, task: Json) -> Launch:
        tags = resource_tags(task)
        published = parse_published(tags.get(TAG_PUBLISHED, ""))
        role = tags.get(LABEL_ROLE, "")
        return Launch(
            name=tags.get(LABEL_MACHINE, ""),
            role=MachineRole(role) if role in set(MachineRole) else MachineRole.INTERNAL,
            image=str(task_container(task).get("image") or ""),
            task_definition=str(task.get("taskDefinitionArn") or ""),
            tags=tags,
            security_groups=(),
            public_ip=self.config.assign_public_ip
            and bool(published or tags.get(LABEL_EGRESS) == EgressPolicy.INTERNET.value),
            published=published,
        )

    async def launch_from_tags(self, view: SessionView, machine: str, definition: str) -> Launch:
        """A machine's launch after a restart: its task definition's tags and the session's."""
        ecs = await self._clients.ecs()
        described = await ecs.describe_task_definition(taskDefinition=definition, include=["TAGS"])
        content = resource_tags(described)
        tags = {**view.session_labels, **content}
        published = parse_published(content.get(TAG_PUBLISHED, ""))
        egress = EgressPolicy(content.get(LABEL_EGRESS, EgressPolicy.NONE.value))
        containers = described["taskDefinition"].get("containerDefinitions") or [{}]
        command = containers[0].get("command")
        return Launch(
            name=machine,
            role=MachineRole(content.get(LABEL_ROLE, MachineRole.INTERNAL.value)),
            image=str(containers[0].get("image") or ""),
            task_definition=definition,
            tags=tags,
            security_groups=self._groups.for_machine(view.groups, machine, published, egress),
            public_ip=self.public_ip(published, egress),
            published=published,
            command=None if command is None else tuple(str(part) for part in command),
            assets=assets_of_label((containers[0].get("dockerLabels") or {}).get(ASSETS_LABEL)),
        )

    async def running_handles(self, session_id: str) -> list[MachineHandle]:
        """The session's running machines now (new addresses after a resume)."""
        tasks = [
            t
            for t in await self._inventory.session_tasks(session_id)
            if t.get("lastStatus") == "RUNNING"
        ]
        launches = {t["taskArn"]: self.launch_of_task(t) for t in tasks}
        public = await self._public_ips([t for t in tasks if launches[t["taskArn"]].public_ip])
        handles = [self._handle(launches[t["taskArn"]], t, public) for t in tasks]
        return sorted(handles, key=lambda h: h.name)

    # -- starting (provision and resume) -----------------------------------------------

    async def start(
        self, session_id: str, launches: Sequence[Launch], attempt: Attempt
    ) -> list[MachineHandle]:
        """Run a task per launch and wait until all run; a failure is undone by ``attempt``."""
        attempt.on_undo(lambda: self._undo(session_id, attempt))
        arns = await each(
            [launch.name for launch in launches],
            [attempt.creating(self._run(session_id, launch, attempt)) for launch in launches],
            engine_errors=ENGINE_ERRORS,
            machine_failed=machine_failed,
        )
        by_arn = dict(zip(arns, launches, strict=True))
        self.provisioning.update(arns)
        try:
            tasks = await self._wait_running(by_arn)
            public = await self._public_ips([t for t in tasks if by_arn[t["taskArn"]].public_ip])
        finally:
            self.provisioning.difference_update(arns)
        return [self._handle(by_arn[t["taskArn"]], t, public) for t in tasks]

    async def _run(self, session_id: str, launch: Launch, attempt: Attempt) -> str:
        ecs = await self._clients.ecs()
        token = hashlib.sha256(f"{attempt.id}/{launch.name}".encode()).hexdigest()[:32]
        extra: Json = {}
        try:  # URLs made for this run: a resume's tasks get fresh ones
            overrides = await self.asset_urls.overrides(launch.name, launch.command, launch.assets)
        except AssetsProblem as exc:
            raise MachineFailed(launch.name, str(exc)) from exc
        if overrides is not None:
            extra["overrides"] = overrides
        response = await ecs.run_task(
            cluster=self.config.cluster,
            taskDefinition=launch.task_definition,
            launchType="FARGATE",
            platformVersion=self.config.platform_version,
            count=1,
            startedBy=self._inventory.started_by(session_id),
            # Every label explicitly: the shared task definition has only the content's.
            tags=ecs_tags({**launch.tags, LABEL_PROVISION: attempt.id}),
            propagateTags="NONE",
            enableExecuteCommand=False,
            networkConfiguration={
                "awsvpcConfiguration": {
                    "subnets": list(self.config.subnets),
                    "securityGroups": list(launch.security_groups),
                    "assignPublicIp": "ENABLED" if launch.public_ip else "DISABLED",
                }
            },
            clientToken=token,  # a retried call starts no second task
            **extra,
        )
        tasks = response.get("tasks") or []
        if not tasks:
            failures = response.get("failures") or []
            why = "; ".join(
                f"{f.get('reason', '')} {f.get('detail', '')}".strip() for f in failures
            )
            raise MachineFailed(launch.name, why or "RunTask started no task")
        arn = str(tasks[0]["taskArn"])
        attempt.record("task", arn)
        return arn

    async def _wait_running(self, started: dict[str, Launch]) -> list[Json]:
        """Poll until every task is RUNNING; the tasks in ``started`` order.

        A task that stops (or is being stopped) fails its machine; so does one not
        running within ``start_timeout``. A task ECS does not know yet is waited for.
        """
        running: dict[str, Json] = {}
        waiting = dict(started)
        last: dict[str, str] = {}
        waited = 0.0
        while True:
            tasks, _ = await self._inventory.describe_tasks(list(waiting))
            for task in tasks:
                arn = task["taskArn"]
                status = str(task.get("lastStatus") or "")
                last[arn] = status
                if status == "RUNNING" and task.get("desiredStatus") != "STOPPED":
                    running[arn] = task
                    del waiting[arn]
                elif status not in PENDING_STATES or task.get("desiredStatus") == "STOPPED":
                    why = stopped_detail(task) or f"{status} before it ran"
                    raise MachineFailed(waiting[arn].name, why)
            if not waiting:
                return [running[arn] for arn in started]
            if waited >= self.config.start_timeout:
                arn, launch = next(iter(waiting.items()))
                raise MachineFailed(
                    launch.name,
                    f"not running after {self.config.start_timeout:g} s"
                    f" (last status {last.get(arn, 'unknown')})",
                )
            pause = min(self.config.poll_interval, self.config.start_timeout - waited)
            await self._sleep(pause)
            waited += pause

    async def _public_ips(self, tasks: Sequence[Json]) -> dict[str, str]:
        """Public IPv4 by task ARN, for the tasks given (those with a public IP wanted)."""
        enis = {eni: t["taskArn"] for t in tasks if (eni := _eni(t)[0])}
        if not enis:
            return {}
        ec2 = await self._clients.ec2()
        response = await ec2.describe_network_interfaces(NetworkInterfaceIds=sorted(enis))
        public: dict[str, str] = {}
        for interface in response.get("NetworkInterfaces") or []:
            address = (interface.get("Association") or {}).get("PublicIp")
            arn = enis.get(interface.get("NetworkInterfaceId", ""))
            if address and arn:
                public[arn] = str(address)
        return public

    def _handle(self, launch: Launch, task: Json, public: dict[str, str]) -> MachineHandle:
        _, private = _eni(task)
        outside = public.get(task["taskArn"])
        if launch.public_ip and outside is None:
            log.warning("task %s of %s has no public IP yet", task["taskArn"], launch.name)
        host = outside or private
        if launch.published and host is None:
            raise MachineFailed(launch.name, "the task has no network address")
        return MachineHandle(
            name=launch.name,
            role=launch.role,
            image=launch.image,
            resource_id=str(task["taskArn"]),
            address=private,
            published=tuple(
                PublishedPort(p.port, p.protocol, str(host), p.port) for p in launch.published
            ),
        )

    # -- stopping ----------------------------------------------------------------------

    async def _undo(self, session_id: str, attempt: Attempt) -> None:
        created = attempt.created("task")
        self.provisioning.difference_update(created)
        problems = await self.remove(
            session_id, attempt_id=attempt.id, tasks=created, operation="cleanup"
        )
        if problems:
            raise OperationFailed(session_id, "cleanup", "; ".join(problems))

    async def remove(
        self,
        session_id: str,
        *,
        attempt_id: str | None = None,
        tasks: Sequence[str] = (),
        operation: str,
    ) -> list[str]:
        """Stop the session's tasks (with ``attempt_id``, only that attempt's, plus ``tasks``).

        Returns what could not be stopped.
        """
        try:
            listed = await self._inventory.session_tasks(session_id, attempt=attempt_id)
        except ENGINE_ERRORS as exc:
            return [f"listing tasks: {reason(exc)}"]
        return await self.stop(
            list(dict.fromkeys([*tasks, *(t["taskArn"] for t in listed)])), operation
        )

    async def stop(self, arns: Sequence[str], operation: str) -> list[str]:
        """Stop these tasks, for ``operation`` (their stop reason says so)."""
        if not arns:
            return []
        now = time.time()
        for arn in arns:
            self.stopping[arn] = now
        while len(self.stopping) > 10_000:
            self.stopping.popitem(last=False)
        try:
            ecs = await self._clients.ecs()
        except DriverError as exc:
            return [str(exc)]
        results = await asyncio.gather(
            *(
                ecs.stop_task(
                    cluster=self.config.cluster,
                    task=arn,
                    reason=f"{STOP_REASON_PREFIX} {operation}",
                )
                for arn in arns
            ),
            return_exceptions=True,
        )
        problems: list[str] = []
        for arn, result in zip(arns, results, strict=True):
            if not isinstance(result, BaseException):
                continue
            if error_code(result) == "InvalidParameterException" and "not found" in reason(result):
                continue  # gone already
            if isinstance(result, ENGINE_ERRORS):
                problems.append(f"task {arn.rsplit('/', 1)[-1]}: {reason(result)}")
            else:
                raise result
        return problems
