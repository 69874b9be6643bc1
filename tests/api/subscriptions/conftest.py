from __future__ import annotations

import asyncio

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.models import EnvironmentSession, User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.runtime import Runtime
from rangex_graphql.security.tokens import issue_access_token
from rangex_graphql.services.sessions.events import publish_session_event
from rangex_graphql.settings import Settings
from tests import factories


def token_for(settings: Settings, user: User) -> str:
    return issue_access_token(settings, user.id, generation=user.token_generation)[0]


async def learner_with_session(
    role: UserRole = UserRole.USER,
) -> tuple[User, EnvironmentSession]:
    owner = await factories.user(role)
    scenario = await factories.scenario(owner)
    version = await factories.version(scenario, machines=1)
    return owner, await factories.session(owner, version, machines=1)


async def changed(runtime: Runtime, session: EnvironmentSession, action: str = "pause") -> None:
    """What the lifecycle publishes after a transition."""
    await publish_session_event(runtime.broker, session, action)


async def listening(runtime: Runtime, topic: str) -> None:
    """Until the server's broker has a subscriber on ``topic`` (a subscription without a
    first value has no other sign that it is in place)."""
    broker = runtime.broker
    assert isinstance(broker, MemoryBroker)
    for _ in range(500):
        if broker.subscriber_count(topic):
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"nobody subscribed to {topic}")
