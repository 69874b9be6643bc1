"""Engine events of ECS tasks, polled: ECS has no event stream without EventBridge.

Every ``event_poll_interval`` seconds the cluster's tasks are listed. A task stopped by
the driver (its ``stoppedReason`` starts with ``rangex driver:``) is never news; any
other stop is DIED (OOM_KILLED when ECS says OutOfMemory), a live task that disappears
is LOST.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime

from rangex_graphql.orchestrator.ecs.config import EcsConfig
from rangex_graphql.orchestrator.ecs.errors import ENGINE_OR_DRIVER_ERRORS, reason
from rangex_graphql.orchestrator.ecs.inventory import Inventory
from rangex_graphql.orchestrator.ecs.status import (
    is_oom,
    stopped_by_driver,
    stopped_detail,
    task_exit_code,
)
from rangex_graphql.orchestrator.ecs.tags import Json, resource_tags
from rangex_graphql.orchestrator.ecs.tasks import Tasks
from rangex_graphql.orchestrator.protocol import (
    LABEL_MACHINE,
    LABEL_SESSION,
    EngineEvent,
    EventKind,
)

log = logging.getLogger(__name__)


class TaskWatcher:
    """Polls the cluster's tasks for news until :meth:`close`."""

    def __init__(self, config: EcsConfig, inventory: Inventory, tasks: Tasks) -> None:
        self.config = config
        self._inventory = inventory
        self._tasks = tasks
        self._closed = asyncio.Event()

    def close(self) -> None:
        self._closed.set()

    async def poll(self, since: float) -> AsyncIterator[EngineEvent]:
        alive: dict[str, tuple[str, str]] = {}  # task ARN → (session, machine)
        settled: set[str] = set()  # stopped tasks dealt with, and others' tasks
        while not self._closed.is_set():
            try:
                listed = await self._inventory.task_arns(None, "RUNNING", "STOPPED")
                settled.intersection_update(listed)
                wanted = [a for a in dict.fromkeys([*listed, *alive]) if a not in settled]
                tasks, unknown = (
                    await self._inventory.describe_tasks(wanted) if wanted else ([], set())
                )
            except ENGINE_OR_DRIVER_ERRORS as exc:
                if self._closed.is_set():
                    return
                log.warning("polling ECS tasks for events failed: %s", reason(exc))
            else:
                for event in self.task_events(tasks, unknown, alive, settled, since):
                    yield event
            if await self._closing(self.config.event_poll_interval):
                return

    def task_events(
        self,
        tasks: Sequence[Json],
        unknown: set[str],
        alive: dict[str, tuple[str, str]],
        settled: set[str],
        since: float,
    ) -> list[EngineEvent]:
        """The news in one poll; updates ``alive`` and ``settled`` for the next one."""
        now = datetime.now(UTC)
        events: list[EngineEvent] = []
        for task in tasks:
            arn = task["taskArn"]
            tags = resource_tags(task)
            session_id = tags.get(LABEL_SESSION)
            if not session_id:
                settled.add(arn)  # not a machine of ours
                continue
            if arn in self._tasks.provisioning:
                continue  # the provisioning deals with it
            machine = tags.get(LABEL_MACHINE, "")
            if task.get("lastStatus") != "STOPPED":
                alive[arn] = (session_id, machine)
                continue
            settled.add(arn)
            was_alive = alive.pop(arn, None) is not None
            if arn in self._tasks.stopping or stopped_by_driver(task):
                continue
            stopped_at = task.get("stoppedAt")
            recent = isinstance(stopped_at, datetime) and stopped_at.timestamp() >= since
            if not (was_alive or recent):
                continue  # it stopped before this subscription
            events.append(
                EngineEvent(
                    session_id=session_id,
                    machine=machine,
                    kind=EventKind.OOM_KILLED if is_oom(task) else EventKind.DIED,
                    resource_id=arn,
                    at=stopped_at if isinstance(stopped_at, datetime) else now,
                    exit_code=task_exit_code(task),
                    detail=stopped_detail(task),
                )
            )
        for arn in sorted(unknown & set(alive)):
            session_id, machine = alive.pop(arn)
            if arn in self._tasks.stopping:
                continue
            events.append(
                EngineEvent(
                    session_id, machine, EventKind.LOST, arn, now, detail="ECS no longer knows it"
                )
            )
        return events

    async def _closing(self, seconds: float) -> bool:
        """Wait up to ``seconds``; True when the driver closed meanwhile."""
        try:
            await asyncio.wait_for(self._closed.wait(), seconds)
        except TimeoutError:
            return self._closed.is_set()
        return True
