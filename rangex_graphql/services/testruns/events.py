"""The message a test run publishes at each change (``testRunUpdated`` listens)."""

from __future__ import annotations

from uuid import UUID

from ...broker import Broker

TEST_RUN_MESSAGE = "testrun"


def topic_for_test_run(run_id: UUID | str) -> str:
    return f"testrun:{run_id}"


async def publish_test_run(broker: Broker, run_id: UUID, change: str) -> None:
    """After the change committed: its subscribers read the run again."""
    await broker.publish(
        topic_for_test_run(run_id),
        {"type": TEST_RUN_MESSAGE, "testRunId": str(run_id), "change": change},
    )
