"""Subscribers with the same document, variables and audience share one execution per
event; the statements an event costs do not grow with the number of subscribers."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import AsyncExitStack
from typing import Any

import pytest
from graphql import ExecutionResult

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.api.plans.compile import ObjectPlan
from rangex_graphql.api.plans.run import PlanRun
from rangex_graphql.models import EnvironmentSession
from rangex_graphql.models.enums import SessionState, UserRole
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.subscriptions.client import Client, LiveServer
from tests.api.subscriptions.conftest import changed, learner_with_session, token_for
from tests.conftest import StatementCounter

NEUTRAL = "subscription W($id: ID!) { sessionUpdated(id: $id) { id state machines { state } } }"
PERSONAL = "subscription W($id: ID!) { sessionUpdated(id: $id) { id user { username } } }"


async def one_event(
    server: LiveServer, session: EnvironmentSession, clients: list[Client]
) -> tuple[int, list[dict[str, Any]]]:
    """(executions the event cost, what each client received)."""
    hub = server.subscriptions.hub
    before = hub.executions
    await changed(server.runtime, session)
    received = [await client.receive() for client in clients]
    await asyncio.sleep(0.05)  # nothing more is on its way
    return hub.executions - before, received


async def admins_watching(
    settings: Settings, server: LiveServer, stack: AsyncExitStack, count: int, query: str
) -> tuple[EnvironmentSession, list[Client]]:
    _, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)
    clients = []
    for _ in range(count):
        admin = await factories.user(UserRole.ADMIN)
        client = await stack.enter_async_context(
            Client.open(server.url, token_for(settings, admin))
        )
        await client.subscribe("w", query, {"id": gid})
        await client.receive()
        clients.append(client)
    return session, clients


async def test_admins_with_the_same_document_share_one_execution(
    settings: Settings, live: Callable[..., Any], sql_counter: StatementCounter
) -> None:
    server = await live()
    async with AsyncExitStack() as stack:
        session, clients = await admins_watching(settings, server, stack, 6, NEUTRAL)
        assert len(server.subscriptions.hub.groups) == 1
        sql_counter.reset()
        executions, received = await one_event(server, session, clients)
        assert executions == 1
        payloads = {str(message["payload"]) for message in received}
        assert len(payloads) == 1  # the same text for all
        statements_for_six = sql_counter.count

    async with AsyncExitStack() as stack:
        session, clients = await admins_watching(settings, server, stack, 2, NEUTRAL)
        sql_counter.reset()
        executions, _ = await one_event(server, session, clients)
        assert executions == 1
        assert sql_counter.count == statements_for_six


async def test_a_document_that_may_depend_on_the_viewer_runs_per_viewer(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    async with AsyncExitStack() as stack:
        session, clients = await admins_watching(settings, server, stack, 3, PERSONAL)
        executions, _ = await one_event(server, session, clients)
        assert executions == 3


async def test_the_owner_and_the_admins_are_separate_audiences(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    async with AsyncExitStack() as stack:
        session, clients = await admins_watching(settings, server, stack, 3, NEUTRAL)
        owner = await session.user
        mine = await stack.enter_async_context(Client.open(server.url, token_for(settings, owner)))
        gid = to_global_id("EnvironmentSession", session.id)
        for id in ("a", "b"):  # two tabs of the owner share too
            await mine.subscribe(id, NEUTRAL, {"id": gid})
            await mine.receive()
        executions, _ = await one_event(server, session, [*clients, mine, mine])
        assert executions == 2


async def test_with_shared_execution_off_each_subscriber_executes(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live(subscription_shared_execution=False)
    async with AsyncExitStack() as stack:
        session, clients = await admins_watching(settings, server, stack, 4, NEUTRAL)
        executions, received = await one_event(server, session, clients)
        assert executions == 4
        assert len({str(message["payload"]) for message in received}) == 1


async def test_joiners_share_the_current_value_until_something_changes(
    settings: Settings, live: Callable[..., Any]
) -> None:
    """A subscriber joining a group gets the current value first; joiners in a row with
    no change between them reuse one execution (a reconnect storm after a deploy costs
    one read, not one per dashboard), and a change makes the next joiner read afresh."""
    server = await live()
    hub = server.subscriptions.hub
    _, session = await learner_with_session()
    gid = to_global_id("EnvironmentSession", session.id)

    async def join(stack: AsyncExitStack) -> tuple[Client, dict[str, Any]]:
        admin = await factories.user(UserRole.ADMIN)
        client = await stack.enter_async_context(
            Client.open(server.url, token_for(settings, admin))
        )
        await client.subscribe("w", NEUTRAL, {"id": gid})
        return client, await client.receive()

    async with AsyncExitStack() as stack:
        before = hub.executions
        joined = [await join(stack) for _ in range(5)]
        assert hub.executions - before == 1
        assert len({str(first["payload"]) for _, first in joined}) == 1

        await EnvironmentSession.filter(id=session.id).update(state=SessionState.PAUSED)
        await changed(server.runtime, session)
        for client, _ in joined:
            await client.receive()
        before = hub.executions
        _, latest = await join(stack)
        assert hub.executions - before == 1
        assert latest["payload"] != joined[0][1]["payload"]


async def test_an_event_runs_the_operation_from_its_plan(
    settings: Settings,
    live: Callable[..., Any],
    sql_counter: StatementCounter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runs: list[str] = []
    original = PlanRun.run

    async def counted(self: PlanRun, plan: ObjectPlan) -> ExecutionResult:
        runs.append(plan.name)
        return await original(self, plan)

    monkeypatch.setattr(PlanRun, "run", counted)
    server = await live()
    async with AsyncExitStack() as stack:
        session, clients = await admins_watching(settings, server, stack, 2, NEUTRAL)
        runs.clear()
        sql_counter.reset()
        executions, received = await one_event(server, session, clients)
        planned_statements = sql_counter.count
        assert (executions, runs) == (1, ["Subscription"])
        update = received[0]["payload"]["data"]["sessionUpdated"]
        assert update["state"] == session.state.value
        assert update["machines"]

        monkeypatch.setattr(server.runtime.settings, "execution_plans", False)
        runs.clear()
        sql_counter.reset()
        executions, unplanned = await one_event(server, session, clients)
        assert (executions, runs) == (1, [])
        assert unplanned[0]["payload"] == received[0]["payload"]
        assert sql_counter.count == planned_statements
