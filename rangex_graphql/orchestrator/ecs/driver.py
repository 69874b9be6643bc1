"""The ECS driver: the protocol's operations, composed of the package's parts."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any

from rangex_graphql.orchestrator._common import SessionLocks
from rangex_graphql.orchestrator.ecs.assets import FETCH_SECONDS, AssetsProblem, AssetUrls
from rangex_graphql.orchestrator.ecs.config import EcsClients, EcsConfig, Sleep
from rangex_graphql.orchestrator.ecs.errors import (
    ENGINE_ERRORS,
    ENGINE_OR_DRIVER_ERRORS,
    MachineFailed,
    engine,
    machine_failed,
    reason,
)
from rangex_graphql.orchestrator.ecs.events import TaskWatcher
from rangex_graphql.orchestrator.ecs.groups import SecurityGroups
from rangex_graphql.orchestrator.ecs.inventory import Inventory
from rangex_graphql.orchestrator.ecs.registry_secrets import RegistrySecrets
from rangex_graphql.orchestrator.ecs.status import machine_statuses, statuses_by_session
from rangex_graphql.orchestrator.ecs.tags import (
    SAFE_SESSION_ID,
    TAG_GROUP_ROLE,
    Json,
    machine_tags,
    resource_tags,
    view_of,
)
from rangex_graphql.orchestrator.ecs.task_definitions import TaskDefinitions, check_plan
from rangex_graphql.orchestrator.ecs.tasks import Launch, Tasks
from rangex_graphql.orchestrator.protocol import (
    LABEL_MACHINE,
    LABEL_SESSION,
    AssetSource,
    Driver,
    EngineEvent,
    EngineUnavailable,
    InvalidPlan,
    MachineHandle,
    MachineStatus,
    OperationFailed,
    ProvisionFailed,
    SessionExists,
    SessionNotFound,
    SessionPlan,
    validate_plan,
)
from rangex_graphql.orchestrator.provisioning import Attempt, Rollbacks, each


class EcsDriver:
    """A :class:`~rangex_graphql.orchestrator.protocol.Driver` on ECS Fargate.

    Create it anywhere; it makes its clients on first use, inside the event loop.
    ``session`` is an ``aiobotocore`` session to make them from (credentials from the
    default chain otherwise); ``clients`` are ready ``(ecs, ec2)`` clients (stubbed in
    tests), which the driver uses but does not close; ``sleep`` waits between polls;
    ``assets`` is the object store the tasks fetch their EMBEDDED assets from (presigned
    URLs, ``assets.py``).
    """

    def __init__(
        self,
        config: EcsConfig,
        *,
        session: Any = None,
        clients: tuple[Any, Any] | None = None,
        sleep: Sleep = asyncio.sleep,
        assets: AssetSource | None = None,
    ) -> None:
        self.config = config
        self._clients = EcsClients(config, session=session, clients=clients)
        self._locks = SessionLocks()
        self._rollbacks = Rollbacks(settle_timeout=config.api_timeout)
        self.inventory = Inventory(config, self._clients)
        self.task_definitions = TaskDefinitions(config, self._clients)
        self.registry_secrets = RegistrySecrets(config, self._clients)
        self.groups = SecurityGroups(config, self._clients, self.inventory, sleep)
        self.asset_urls = AssetUrls(assets, lifetime=config.start_timeout + FETCH_SECONDS)
        self.tasks = Tasks(
            config, self._clients, self.inventory, self.groups, sleep, self.asset_urls
        )
        self.watcher = TaskWatcher(config, self.inventory, self.tasks)

    def group_name(self, session_id: str, role: str = "session") -> str:
        return self.groups.name(session_id, role)

    def started_by(self, session_id: str) -> str:
        """RunTask's ``startedBy`` for the session (ECS allows no dot there, but ``/``)."""
        return self.inventory.started_by(session_id)

    # -- ping, status, list_owned, handles ---------------------------------------------

    async def ping(self) -> None:
        with engine("ping"):
            ecs = await self._clients.ecs()
            response = await ecs.describe_clusters(clusters=[self.config.cluster])
        clusters = response.get("clusters") or []
        if not clusters or clusters[0].get("status") != "ACTIVE":
            failures = response.get("failures") or []
            why = (
                failures[0].get("reason")
                if failures
                else (clusters[0].get("status") if clusters else "not found")
            )
            raise EngineUnavailable(f"ECS cluster {self.config.cluster} is not active: {why}")

    async def status(self, session_id: str) -> list[MachineStatus]:
        if not SAFE_SESSION_ID.match(session_id):
            return []
        with engine("status"):
            view = await self.inventory.view(session_id)
            tasks = await self.inventory.session_tasks(session_id, stopped=True)
        return machine_statuses(
            tasks,
            view.task_definitions if view else {},
            paused=bool(view and view.paused),
        )

    async def status_many(self, session_ids: Sequence[str]) -> dict[str, list[MachineStatus]]:
        """:meth:`status` of each session, from one listing of the cluster.

        ListTasks (paginated) and DescribeTasks (100 tasks a call) over the whole cluster,
        and DescribeSecurityGroups for the anchors of every session, however many.
        """
        statuses: dict[str, list[MachineStatus]] = {s: [] for s in session_ids}
        wanted = [s for s in statuses if SAFE_SESSION_ID.match(s)]
        if not wanted:
            return statuses
        with engine("status"):
            arns = await self.inventory.task_arns(None, "RUNNING", "STOPPED")
            tasks, _ = await self.inventory.describe_tasks(arns) if arns else ([], set())
            anchors = await self.inventory.groups(
                [
                    {"Name": "tag-key", "Values": [LABEL_SESSION]},
                    {"Name": f"tag:{TAG_GROUP_ROLE}", "Values": ["session"]},
                ]
            )
        groups_of: dict[str, list[Json]] = {}
        for group in anchors:
            groups_of.setdefault(resource_tags(group).get(LABEL_SESSION, ""), []).append(group)
        views = {sid: view for sid, found in groups_of.items() if (view := view_of(found))}
        statuses.update(statuses_by_session(wanted, tasks, views, self.started_by))
        return statuses

    async def handles(self, session_id: str) -> list[MachineHandle]:
        """The session's running machines now (new addresses after a resume)."""
        with engine("handles"):
            try:
                return await self.tasks.running_handles(session_id)
            except MachineFailed as exc:
                raise EngineUnavailable(f"handles: machine {exc.machine!r}: {exc.reason}") from exc

    async def list_owned(self) -> dict[str, list[str]]:
        """Groups and tasks that should run, carrying ``rangex.session``, by session id.

        Stopped tasks are history (ECS keeps them for about an hour), not resources.
        """
        with engine("list owned"):
            arns = await self.inventory.task_arns(None, "RUNNING")
            tasks, _ = await self.inventory.describe_tasks(arns) if arns else ([], set())
            groups = await self.inventory.groups([{"Name": "tag-key", "Values": [LABEL_SESSION]}])
        owned: dict[str, list[str]] = {}
        for group in groups:
            session_id = resource_tags(group).get(LABEL_SESSION)
            if session_id:
                owned.setdefault(session_id, []).append(f"security-group:{group['GroupId']}")
        for task in tasks:
            session_id = resource_tags(task).get(LABEL_SESSION)
            if session_id:
                owned.setdefault(session_id, []).append(f"task:{task['taskArn']}")
        return owned

    # -- provision ---------------------------------------------------------------------

    async def provision(self, plan: SessionPlan) -> list[MachineHandle]:
        validate_plan(plan)
        check_plan(plan, round_fargate_sizes=self.config.round_fargate_sizes)
        await self._check_assets(plan)
        sid = plan.session_id
        async with self._locks.hold(sid):
            with engine("provision"):
                if await self.inventory.session_groups(sid) or await self.inventory.session_tasks(
                    sid
                ):
                    raise SessionExists(sid)
            attempt = Attempt()
            try:
                return await self._provision(plan, attempt)
            except BaseException as exc:
                await self._rollbacks.roll_back(sid, attempt)
                if isinstance(exc, MachineFailed):
                    raise ProvisionFailed(sid, exc.machine, exc.reason) from exc
                if isinstance(exc, ENGINE_ERRORS):
                    raise ProvisionFailed(sid, None, reason(exc)) from exc
                raise

    async def _check_assets(self, plan: SessionPlan) -> None:
        """Refuse, before anything exists, a plan whose assets no task could be given
        (no store, no absolute URL, overrides over ECS's limit). The URLs made here are
        thrown away: each run_task makes its own."""
        problems: list[str] = []
        for m in plan.machines:
            try:
                await self.asset_urls.overrides(m.name, m.command, m.assets)
            except AssetsProblem as exc:
                problems.append(str(exc))
        if problems:
            raise InvalidPlan(plan.session_id, problems)

    async def _provision(self, plan: SessionPlan, attempt: Attempt) -> list[MachineHandle]:
        # Task definitions first: shared by content, nothing to undo, and their ARNs go
        # on the session group.
        logins = {
            m.name: await self.registry_secrets.ensure(m.registry_auth)
            for m in plan.machines
            if m.registry_auth is not None
        }
        definitions = await each(
            [m.name for m in plan.machines],
            [
                self.task_definitions.ensure(
                    self.task_definitions.request(plan, m, logins.get(m.name))
                )
                for m in plan.machines
            ],
            engine_errors=ENGINE_ERRORS,
            machine_failed=machine_failed,
        )
        groups = await self.groups.create(plan, attempt, definitions)
        launches = [
            Launch(
                name=m.name,
                role=m.role,
                image=m.image,
                task_definition=definition,
                tags=machine_tags(plan, m),
                security_groups=self.groups.for_machine(
                    groups, m.name, m.published_ports, m.egress
                ),
                public_ip=self.tasks.public_ip(m.published_ports, m.egress),
                published=m.published_ports,
                command=m.command,
                assets=m.assets,
            )
            for m, definition in zip(plan.machines, definitions, strict=True)
        ]
        return await self.tasks.start(plan.session_id, launches, attempt)

    # -- pause, resume, destroy --------------------------------------------------------

    async def pause(self, session_id: str) -> None:
        """Stop the session's tasks (Fargate keeps no state; see the package's docstring)."""
        async with self._locks.hold(session_id):
            try:
                view = await self.inventory.view(session_id)
                if view is None:
                    raise SessionNotFound(session_id)
                await self.groups.set_paused(view, True)
                live = await self.inventory.session_tasks(session_id)
            except ENGINE_ERRORS as exc:
                raise OperationFailed(session_id, "pause", reason(exc)) from exc
            problems = await self.tasks.stop([t["taskArn"] for t in live], "pause")
            if problems:
                raise OperationFailed(session_id, "pause", "; ".join(problems))

    async def resume(self, session_id: str) -> list[MachineHandle]:
        """Start fresh tasks, from the same task definitions, for the paused machines.

        Fargate keeps nothing of a stopped task: the new ones have new ARNs and addresses,
        returned here with the machines that kept running.
        """
        async with self._locks.hold(session_id):
            try:
                view = await self.inventory.view(session_id)
                if view is None:
                    raise SessionNotFound(session_id)
                live = {
                    resource_tags(t).get(LABEL_MACHINE)
                    for t in await self.inventory.session_tasks(session_id)
                }
                launches = [
                    await self.tasks.launch_from_tags(view, machine, definition)
                    for machine, definition in sorted(view.task_definitions.items())
                    if view.paused and machine not in live
                ]
            except ENGINE_OR_DRIVER_ERRORS as exc:
                if isinstance(exc, SessionNotFound):
                    raise
                raise OperationFailed(session_id, "resume", reason(exc)) from exc
            if not view.paused:
                return await self._resumed_handles(session_id)
            attempt = Attempt()
            try:
                await self.tasks.start(session_id, launches, attempt)
            except BaseException as exc:
                await self._rollbacks.roll_back(session_id, attempt)
                if isinstance(exc, MachineFailed):
                    why = f"machine {exc.machine!r}: {exc.reason}"
                    raise OperationFailed(session_id, "resume", why) from exc
                if isinstance(exc, ENGINE_ERRORS):
                    raise OperationFailed(session_id, "resume", reason(exc)) from exc
                raise
            try:
                await self.groups.set_paused(view, False)
            except ENGINE_ERRORS as exc:
                raise OperationFailed(session_id, "resume", reason(exc)) from exc
            return await self._resumed_handles(session_id)

    async def _resumed_handles(self, session_id: str) -> list[MachineHandle]:
        try:
            return await self.tasks.running_handles(session_id)
        except MachineFailed as exc:
            why = f"machine {exc.machine!r}: {exc.reason}"
            raise OperationFailed(session_id, "resume", why) from exc
        except ENGINE_ERRORS as exc:
            raise OperationFailed(session_id, "resume", reason(exc)) from exc

    async def destroy(self, session_id: str) -> None:
        """Stop the session's tasks, then delete its groups (a group in use cannot go)."""
        if not SAFE_SESSION_ID.match(session_id):
            return  # no resource can carry it
        async with self._locks.hold(session_id):
            problems = await self.tasks.remove(session_id, operation="destroy")
            if not problems:
                problems = await self.groups.delete(session_id)
        if problems:
            raise OperationFailed(session_id, "destroy", "; ".join(problems))

    # -- events, closing ---------------------------------------------------------------

    def events(self) -> AsyncIterator[EngineEvent]:
        """Poll the cluster's tasks every ``event_poll_interval`` seconds (see ``events``).

        Each call polls on its own: hold one subscription per server.
        """
        return self.watcher.poll(time.time())

    async def close(self) -> None:
        if self._clients.closed:
            return
        await self._rollbacks.wait()
        self.watcher.close()
        await self._clients.close()


if TYPE_CHECKING:  # mypy checks that the class satisfies the protocol

    def _is_a_driver(driver: EcsDriver) -> Driver:
        return driver
