"""Each app announces notifications on its own runtime's broker, passed down explicitly:
two apps in one process (or a test beside a server) never announce on each other's."""

from __future__ import annotations

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.app import create_app
from rangex_graphql.broker import topic_for_user
from rangex_graphql.models import Notification
from rangex_graphql.models.enums import UserRole, VersionStatus
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run

ARCHIVE = """
mutation($input: VersionInput!) {
  versionArchive(input: $input) { version { status } errors { code } }
}
"""


async def test_a_review_decision_is_announced_on_the_app_that_made_it(
    db: None, settings: Settings
) -> None:
    first = create_app(settings).state.runtime
    second = create_app(settings).state.runtime  # made last: once the process-wide one
    author = await factories.user(UserRole.CREATOR)
    version = await factories.version(await factories.scenario(author), VersionStatus.APPROVED)
    admin = await factories.user(UserRole.ADMIN)
    topic = topic_for_user(author.id)
    on_first = await first.broker.subscribe([topic])
    on_second = await second.broker.subscribe([topic])

    data, errors = await run(
        settings,
        ARCHIVE,
        {"input": {"versionId": to_global_id("ScenarioVersion", version.id)}},
        as_user=admin,
        runtime=first,
    )

    assert errors == []
    assert data == {"versionArchive": {"version": {"status": "ARCHIVED"}, "errors": []}}
    for subscription in (on_first, on_second):
        await subscription.aclose()
    (notification,) = await Notification.filter(user_id=author.id)
    assert [message async for message in on_first] == [
        {
            "type": "notification",
            "notificationId": str(notification.id),
            "userId": str(author.id),
        }
    ]
    assert [message async for message in on_second] == []
    await first.aclose()
    await second.aclose()
