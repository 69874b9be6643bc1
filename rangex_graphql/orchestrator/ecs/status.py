"""How the ECS driver reads Fargate tasks as machine statuses, one session or many at once.

A session's machines are its tasks (tagged ``rangex.session`` and started for it, see
:meth:`~rangex_graphql.orchestrator.ecs.inventory.Inventory.started_by`) read together
with its anchor security group, whose tags record each machine's task definition and whether the
session is paused. :func:`statuses_by_session` groups one listing of a whole cluster by
session, so that the reconciler's check of many sessions costs a few calls, not a few per
session.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Protocol

from rangex_graphql.orchestrator.ecs.tags import Json, resource_tags
from rangex_graphql.orchestrator.protocol import (
    LABEL_MACHINE,
    LABEL_SESSION,
    MachineState,
    MachineStatus,
)

#: The ``stoppedReason`` of every task the driver stops starts with this.
STOP_REASON_PREFIX = "rangex driver:"
#: ECS task states on the way to RUNNING.
PENDING_STATES = frozenset({"PROVISIONING", "PENDING", "ACTIVATING"})
_STATES = {
    **dict.fromkeys(PENDING_STATES, MachineState.PENDING),
    "RUNNING": MachineState.RUNNING,
    **dict.fromkeys(("DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED"), MachineState.EXITED),
}


class SessionAnchor(Protocol):
    """What a session's anchor group tells about its machines."""

    @property
    def task_definitions(self) -> dict[str, str]: ...

    @property
    def paused(self) -> bool: ...


def stopped_by_driver(task: Json, *operations: str) -> bool:
    """Whether the driver stopped the task (for one of ``operations``, if given)."""
    reason = str(task.get("stoppedReason") or "")
    if not reason.startswith(STOP_REASON_PREFIX):
        return False
    return not operations or reason.removeprefix(STOP_REASON_PREFIX).strip() in operations


def task_container(task: Json) -> Json:
    containers = task.get("containers") or []
    return containers[0] if containers else {}


def stopped_detail(task: Json) -> str:
    """Why a task stopped, as ECS tells it (the task's and the container's reasons)."""
    parts = [str(task.get("stoppedReason") or "")]
    container_reason = str(task_container(task).get("reason") or "")
    if container_reason and container_reason not in parts[0]:
        parts.append(f"({container_reason})")
    return " ".join(p for p in parts if p)


def is_oom(task: Json) -> bool:
    return "OutOfMemory" in stopped_detail(task)


def task_exit_code(task: Json) -> int | None:
    code = task_container(task).get("exitCode")
    return code if isinstance(code, int) and not isinstance(code, bool) else None


def _timestamp(task: Json, *keys: str) -> float:
    for key in keys:
        value = task.get(key)
        if isinstance(value, datetime):
            return value.timestamp()
    return 0.0


def machine_statuses(
    tasks: Sequence[Json], task_definitions: dict[str, str], *, paused: bool
) -> list[MachineStatus]:
    """The machines' states from their tasks (newest per machine) and the session's tags.

    Tasks stopped by a destroy or a failed provisioning are history, not machines. A
    machine without a live task is PAUSED while the session is paused.
    """
    by_machine: dict[str, list[tuple[int, Json]]] = {}
    for index, task in enumerate(tasks):
        if stopped_by_driver(task, "destroy", "cleanup"):
            continue
        machine = resource_tags(task).get(LABEL_MACHINE)
        if machine:
            by_machine.setdefault(machine, []).append((index, task))
    statuses: list[MachineStatus] = []
    for machine in sorted(set(by_machine) | set(task_definitions)):
        candidates = by_machine.get(machine)
        if not candidates:
            statuses.append(
                MachineStatus(
                    name=machine,
                    resource_id=task_definitions[machine],
                    state=MachineState.PAUSED if paused else MachineState.UNKNOWN,
                    detail="paused: resume starts a fresh task"
                    if paused
                    else "no task (ECS forgets stopped tasks after about an hour)",
                )
            )
            continue
        _, task = max(
            candidates,
            key=lambda c: (
                c[1].get("lastStatus") != "STOPPED",
                _timestamp(c[1], "createdAt", "startedAt", "stoppedAt"),
                c[0],
            ),
        )
        state = _STATES.get(str(task.get("lastStatus")), MachineState.UNKNOWN)
        detail = ""
        if state is MachineState.EXITED and paused:
            state, detail = MachineState.PAUSED, "paused: resume starts a fresh task"
        elif state is MachineState.EXITED:
            detail = stopped_detail(task)
        stopped = task.get("lastStatus") == "STOPPED" and state is MachineState.EXITED
        statuses.append(
            MachineStatus(
                name=machine,
                resource_id=task["taskArn"],
                state=state,
                exit_code=task_exit_code(task) if stopped else None,
                oom_killed=state is MachineState.EXITED and is_oom(task),
                detail=detail,
            )
        )
    return statuses


def statuses_by_session(
    session_ids: Sequence[str],
    tasks: Sequence[Json],
    anchors: Mapping[str, SessionAnchor],
    started_by: Callable[[str], str],
) -> dict[str, list[MachineStatus]]:
    """Each session's machine statuses, from tasks and anchors listed for many sessions.

    A task is the session's when it carries the session's tag and was started for it,
    as the driver finds one session's tasks; a session with neither tasks nor an anchor
    maps to an empty list.
    """
    tasks_of: dict[str, list[Json]] = {session_id: [] for session_id in session_ids}
    for task in tasks:
        session_id = resource_tags(task).get(LABEL_SESSION)
        if session_id is None or session_id not in tasks_of:
            continue
        if task.get("startedBy") == started_by(session_id):
            tasks_of[session_id].append(task)
    statuses: dict[str, list[MachineStatus]] = {}
    for session_id, found in tasks_of.items():
        anchor = anchors.get(session_id)
        statuses[session_id] = machine_statuses(
            found,
            anchor.task_definitions if anchor else {},
            paused=bool(anchor and anchor.paused),
        )
    return statuses
