"""What the cluster and the VPC hold for the driver's sessions: tasks and security groups.

Lookups only; they raise what AWS raised.
"""

from __future__ import annotations

from collections.abc import Sequence

from rangex_graphql.orchestrator.ecs.config import EcsClients, EcsConfig
from rangex_graphql.orchestrator.ecs.tags import (
    SAFE_SESSION_ID,
    Json,
    SessionView,
    resource_tags,
    view_of,
)
from rangex_graphql.orchestrator.protocol import LABEL_PROVISION, LABEL_SESSION


class Inventory:
    def __init__(self, config: EcsConfig, clients: EcsClients) -> None:
        self.config = config
        self._clients = clients

    def started_by(self, session_id: str) -> str:
        """RunTask's ``startedBy`` for the session (ECS allows no dot there, but ``/``)."""
        return f"{self.config.name_prefix}/{session_id.replace('.', '/')}"

    async def task_arns(self, started_by: str | None, *desired: str) -> list[str]:
        ecs = await self._clients.ecs()
        arns: list[str] = []
        for status in desired:
            params: Json = {"cluster": self.config.cluster, "desiredStatus": status}
            if started_by is not None:
                params["startedBy"] = started_by
            async for page in ecs.get_paginator("list_tasks").paginate(**params):
                arns.extend(page.get("taskArns") or [])
        return list(dict.fromkeys(arns))

    async def describe_tasks(self, arns: Sequence[str]) -> tuple[list[Json], set[str]]:
        """The tasks (with tags), and the ARNs ECS does not know (any more)."""
        ecs = await self._clients.ecs()
        tasks: list[Json] = []
        for start in range(0, len(arns), 100):
            chunk = list(arns[start : start + 100])
            response = await ecs.describe_tasks(
                cluster=self.config.cluster, tasks=chunk, include=["TAGS"]
            )
            tasks.extend(t for t in response.get("tasks") or [] if t.get("taskArn") in chunk)
        return tasks, set(arns) - {t["taskArn"] for t in tasks}

    async def session_tasks(
        self, session_id: str, *, stopped: bool = False, attempt: str | None = None
    ) -> list[Json]:
        """The session's tasks that should run (and, with ``stopped``, the stopped ones)."""
        if not SAFE_SESSION_ID.match(session_id):
            return []
        desired = ("RUNNING", "STOPPED") if stopped else ("RUNNING",)
        arns = await self.task_arns(self.started_by(session_id), *desired)
        if not arns:
            return []
        tasks, _ = await self.describe_tasks(arns)
        return [
            t
            for t in tasks
            if resource_tags(t).get(LABEL_SESSION) == session_id
            and (attempt is None or resource_tags(t).get(LABEL_PROVISION) == attempt)
        ]

    async def groups(self, filters: list[Json]) -> list[Json]:
        ec2 = await self._clients.ec2()
        groups: list[Json] = []
        paginator = ec2.get_paginator("describe_security_groups")
        filters = [{"Name": "vpc-id", "Values": [self.config.vpc_id]}, *filters]
        async for page in paginator.paginate(Filters=filters):
            groups.extend(page.get("SecurityGroups") or [])
        return groups

    async def session_groups(self, session_id: str, attempt: str | None = None) -> list[Json]:
        # Tag filters take wildcards (* and ?): never pass an id that is not plain.
        if not SAFE_SESSION_ID.match(session_id):
            return []
        filters = [{"Name": f"tag:{LABEL_SESSION}", "Values": [session_id]}]
        if attempt is not None:
            filters.append({"Name": f"tag:{LABEL_PROVISION}", "Values": [attempt]})
        return [
            g
            for g in await self.groups(filters)
            if resource_tags(g).get(LABEL_SESSION) == session_id
            and (attempt is None or resource_tags(g).get(LABEL_PROVISION) == attempt)
        ]

    async def view(self, session_id: str) -> SessionView | None:
        return view_of(await self.session_groups(session_id))
