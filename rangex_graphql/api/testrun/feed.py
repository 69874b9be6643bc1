"""``testRunUpdated``: a test run's status and checks at each change."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from ...broker.protocol import Message
from ...models.test_run import VersionTestRun
from ...services.authoring.access import Actor
from ...services.testruns.events import TEST_RUN_MESSAGE, topic_for_test_run
from ...services.testruns.service import may_see_test_runs
from ..context import Context, Viewer
from ..errors import NotFound
from ..ids import expect_global_id
from ..subscriptions.feed_base import ADMINS, Feed, Opened, signed_in, viewer_audience
from .loaders import test_runs_by_id
from .types import VersionTestRunNode, is_final


class TestRunUpdated(Feed):
    __test__ = False  # not a pytest test class

    field_name = "testRunUpdated"
    emits_on_subscribe = True
    resyncs_on_missed = True

    async def open(
        self, viewer: Viewer | None, arguments: Mapping[str, Any], neutral: bool
    ) -> Opened:
        viewer = signed_in(viewer)
        pk = expect_global_id(str(arguments["id"]), "VersionTestRun")
        versions = await VersionTestRun.filter(id=pk).values_list("version_id", flat=True)
        actor = Actor(id=viewer.id, is_admin=viewer.is_admin)
        if not versions or not await may_see_test_runs(actor, UUID(str(versions[0]))):
            raise NotFound("no test run with this ID is visible to you", field="id")
        audience = ADMINS if viewer.is_admin and neutral else viewer_audience(viewer)
        return Opened(topics=(topic_for_test_run(pk),), audience=audience, subject=pk)

    def wants(self, message: Message) -> bool:
        return message.get("type") == TEST_RUN_MESSAGE

    async def load(self, context: Context, opened: Opened, message: Message | None) -> object:
        assert opened.subject is not None
        found: object = await context.loader(test_runs_by_id).load(opened.subject)
        return found

    def is_final(self, value: object) -> bool:
        return isinstance(value, VersionTestRunNode) and is_final(value.status)
