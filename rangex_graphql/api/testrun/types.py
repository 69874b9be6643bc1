"""``VersionTestRun`` and its checks."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import strawberry

from ...models.test_run import TestCheckStatus, TestRunStatus, VersionTestRun
from ..context import Info
from ..enums import register
from ..loader_shapes import required
from ..node import (
    SCENARIO_TYPES,
    USER_TYPES,
    Node,
    RowNode,
    node_type,
    nodes_by_id,
    row_node,
    same,
    to_one,
)
from .loaders import checks_by_run

SESSION_TYPES = "rangex_graphql.api.session.types"

register(
    TestRunStatus,
    "Where a test run is.",
    {
        TestRunStatus.PENDING: "Asked for; its session not deploying yet.",
        TestRunStatus.DEPLOYING: "Its session is starting on the engine.",
        TestRunStatus.TESTING: "Its session runs; the checks are running.",
        TestRunStatus.PASSED: "Over: no check FAILED. Its session is terminated.",
        TestRunStatus.FAILED: "Over: a check FAILED, the version did not deploy, or the run "
        "timed out. Its session is terminated.",
        TestRunStatus.CANCELLED: "Cancelled before its verdict. Its session is terminated.",
    },
)
register(
    TestCheckStatus,
    "The verdict of one check of a test run.",
    {
        TestCheckStatus.PASSED: "It holds.",
        TestCheckStatus.FAILED: "It does not hold; the message says what was found.",
        TestCheckStatus.SKIPPED: "It could not run here (no network on this engine, nothing "
        "to check); the message says why.",
    },
)


@strawberry.type(name="VersionTestCheck", description="One automatic check of a test run.")
class VersionTestCheckNode:
    name: str = strawberry.field(
        description="What it checks: machines_running, private_addresses, "
        "`entrypoint <machine>:<port>` (or entrypoints), internal_entrypoints, "
        "segmentation, healthchecks, learner_login."
    )
    status: TestCheckStatus = strawberry.field(description="Its verdict.")
    message: str = strawberry.field(
        description="What it found, or why it was SKIPPED (no network on this engine, "
        "nothing to check)."
    )
    position: int = strawberry.field(description="Its place in the run: 0, 1, 2…")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> VersionTestCheckNode:
        return cls(
            name=row["name"],
            status=TestCheckStatus(row["status"]),
            message=row["message"],
            position=row["position"],
        )


@row_node(
    VersionTestRun,
    columns={
        "pk": "id",
        **same(
            "version_id",
            "started_by_id",
            "session_id",
            "status",
            "created_at",
            "started_at",
            "finished_at",
            "failure_message",
        ),
    },
    relations=(
        to_one("version", "ScenarioVersion", "version_id"),
        to_one("started_by", "User", "started_by_id"),
        to_one("session", "EnvironmentSession", "session_id"),
    ),
)
@strawberry.type(
    name="VersionTestRun",
    description="A creator's test run of a version: the version deployed on the configured "
    "engine as a test session (unscored, outside popularity and ratings), then checked "
    "automatically. Its version's author and admins only.",
)
class VersionTestRunNode(RowNode, Node):
    status: TestRunStatus = strawberry.field(description="Where the run is.")
    created_at: datetime = strawberry.field(description="When it was asked for (UTC).")
    started_at: datetime | None = strawberry.field(
        description="When its session began deploying (UTC); null while PENDING."
    )
    finished_at: datetime | None = strawberry.field(
        description="When it reached its verdict or was cancelled (UTC); null before."
    )
    failure_message: str | None = strawberry.field(
        description="Why it FAILED (each failed check, a deployment error, a timeout) or "
        "`cancelled`; null otherwise."
    )
    pk: strawberry.Private[UUID]
    version_id: strawberry.Private[UUID]
    started_by_id: strawberry.Private[UUID]
    session_id: strawberry.Private[UUID | None]

    @strawberry.field(
        description="The version tested.",
        graphql_type=node_type("ScenarioVersionNode", SCENARIO_TYPES),
    )
    async def version(self, info: Info) -> Any:
        return await required(info.context.loader(nodes_by_id("ScenarioVersion")), self.version_id)

    @strawberry.field(
        description="Who started it.", graphql_type=node_type("UserNode", USER_TYPES) | None
    )
    async def started_by(self, info: Info) -> Any:
        return await info.context.loader(nodes_by_id("User")).load(self.started_by_id)

    @strawberry.field(
        description="Its test session; null when the viewer is neither the one who started "
        "it nor an admin, or once the session is gone.",
        graphql_type=node_type("EnvironmentSessionNode", SESSION_TYPES) | None,
    )
    async def session(self, info: Info) -> Any:
        if self.session_id is None or not info.context.is_self_or_admin(self.started_by_id):
            return None
        return await info.context.loader(nodes_by_id("EnvironmentSession")).load(self.session_id)

    @strawberry.field(description="Its checks so far, in the order they ran.")
    async def checks(self, info: Info) -> list[VersionTestCheckNode]:
        rows = await info.context.loader(checks_by_run).load(self.pk)
        return [VersionTestCheckNode.from_row(row) for row in rows]


def is_final(status: TestRunStatus) -> bool:
    return status in (TestRunStatus.PASSED, TestRunStatus.FAILED, TestRunStatus.CANCELLED)
