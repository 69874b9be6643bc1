"""eventLeaderboard and eventSolves over graphql-transport-ws: the current board first,
then changes at most once a second, one execution for every subscriber of a view, the
freeze respected, and across two apps sharing Redis."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.broker.redis import RedisBroker
from rangex_graphql.models.enums import EventStatus
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.runtime import build_runtime
from rangex_graphql.services.events.solve_messages import publish_board_changed
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.subscriptions.client import Client, LiveServer, serve
from tests.api.subscriptions.conftest import token_for
from tests.events.leaderboard_world import World, at, event_world, solo, solve

BOARD = """
subscription B($id: ID!, $top: Int!, $truth: Boolean! = false) {
  eventLeaderboard(eventId: $id, top: $top, truth: $truth) {
    frozen entries { rank score displayName }
  }
}
"""
SOLVES = """
subscription S($id: ID!) { eventSolves(eventId: $id) { blood bonusPoints participantName } }
"""


def gid(world: World) -> str:
    return to_global_id("Event", world.event.id)


def scores(message: dict[str, Any]) -> list[int]:
    assert message["type"] == "next", message
    return [e["score"] for e in message["payload"]["data"]["eventLeaderboard"]["entries"]]


async def test_the_board_comes_first_then_each_change_in_one_shared_execution(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    world = await event_world((100, 200))
    people = [await solo(world) for _ in range(3)]
    await solve(world, people[0], 0, at(1))
    hub = server.subscriptions.hub
    async with AsyncExitStack() as stack:
        clients = []
        for i in range(6):  # anonymous visitors and signed-in spectators alike
            token = token_for(settings, await factories.user()) if i % 2 else None
            client = await stack.enter_async_context(Client.open(server.url, token))
            await client.subscribe("b", BOARD, {"id": gid(world), "top": 2})
            assert scores(await client.receive()) == [100, 0]
            clients.append(client)
        assert len(hub.groups) == 1
        before = hub.executions
        await solve(world, people[1], 1, at(2), broker=server.runtime.broker)
        assert [scores(await c.receive()) for c in clients] == [[200, 100]] * 6
        assert hub.executions - before == 1

        # Two changes within the second: one board after them, showing both.
        before = hub.executions
        await solve(world, people[2], 1, at(3), broker=server.runtime.broker)
        await solve(world, people[2], 0, at(4), broker=server.runtime.broker)
        started = asyncio.get_running_loop().time()
        assert [scores(await c.receive()) for c in clients] == [[300, 200]] * 6
        assert asyncio.get_running_loop().time() - started > 0.5  # held back to the second
        await asyncio.sleep(1.2)
        assert hub.executions - before == 1


async def test_the_frozen_board_stays_for_the_public_and_moves_for_organisers(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    world = await event_world((100, 200), freeze_at=at(30))
    first, second = await solo(world), await solo(world)
    await solve(world, first, 0, at(10))
    async with (
        Client.open(server.url) as public,
        Client.open(server.url, token_for(settings, world.creator)) as organiser,
        Client.open(server.url, token_for(settings, await factories.user())) as learner,
    ):
        await public.subscribe("b", BOARD, {"id": gid(world), "top": 5})
        await organiser.subscribe("b", BOARD, {"id": gid(world), "top": 5, "truth": True})
        frozen = await public.receive()
        assert frozen["payload"]["data"]["eventLeaderboard"]["frozen"] is True
        assert scores(frozen) == [100, 0]
        assert scores(await organiser.receive()) == [100, 0]

        await learner.subscribe("t", BOARD, {"id": gid(world), "top": 5, "truth": True})
        refused = await learner.receive()
        assert refused["type"] == "error"
        assert refused["payload"][0]["extensions"]["code"] == "FORBIDDEN"

        await solve(world, second, 1, at(40), broker=server.runtime.broker)  # after the freeze
        assert scores(await organiser.receive()) == [200, 100]
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(public.receive(), 1.5)

        # A change of the board itself (a registration leaving) is read again.
        await publish_board_changed(server.runtime.broker, world.event.id, "unregistered")
        assert scores(await public.receive()) == [100, 0]


async def test_bad_arguments_are_refused(settings: Settings, live: Callable[..., Any]) -> None:
    server = await live()
    world = await event_world((100,))
    draft = await event_world((100,), status=EventStatus.DRAFT)
    async with Client.open(server.url) as client:
        await client.subscribe("a", BOARD, {"id": gid(world), "top": 101})
        assert (await client.receive())["payload"][0]["extensions"]["code"] == "BAD_USER_INPUT"
        await client.subscribe("b", BOARD, {"id": gid(draft), "top": 5})
        assert (await client.receive())["payload"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_each_solve_streams_with_its_blood_and_the_freeze_holds_for_the_public(
    settings: Settings, live: Callable[..., Any]
) -> None:
    server = await live()
    world = await event_world((100, 200), freeze_at=at(30))
    solver = await factories.user(display_name="Blood Hunter")
    registration = await solo(world, solver)
    async with (
        Client.open(server.url) as public,
        Client.open(server.url, token_for(settings, world.creator)) as organiser,
    ):
        await public.subscribe("s", SOLVES, {"id": gid(world)})
        await organiser.subscribe("s", SOLVES, {"id": gid(world)})
        await asyncio.sleep(0.2)  # both listening
        await solve(world, registration, 0, at(10), blood=1, bonus=5, broker=server.runtime.broker)
        expected = {"blood": 1, "bonusPoints": 5, "participantName": "Blood Hunter"}
        for client in (public, organiser):
            assert (await client.receive())["payload"]["data"]["eventSolves"] == expected
        await solve(world, registration, 1, at(45), broker=server.runtime.broker)
        late = await organiser.receive()
        assert late["payload"]["data"]["eventSolves"]["blood"] == 0
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(public.receive(), 1.0)


@asynccontextmanager
async def app_on_redis(settings: Settings, redis_url: str) -> AsyncIterator[LiveServer]:
    runtime = build_runtime(
        settings, driver=SimulatedDriver(SimulatedDelays.none()), broker=RedisBroker(redis_url)
    )
    try:
        async with serve(runtime) as server:
            yield server
    finally:
        await runtime.aclose()


async def test_a_solve_published_by_one_app_reaches_subscribers_of_another(
    settings: Settings, db: None, redis_url: str
) -> None:
    world = await event_world((100, 200))
    registration = await solo(world)
    async with (
        app_on_redis(settings, redis_url) as a,
        app_on_redis(settings, redis_url) as b,
        Client.open(a.url) as client,
    ):
        await client.subscribe("b", BOARD, {"id": gid(world), "top": 3})
        await client.subscribe("s", SOLVES, {"id": gid(world)})
        assert scores(await client.receive()) == [0]
        await asyncio.sleep(0.3)  # listening at Redis
        await solve(world, registration, 1, at(5), blood=1, bonus=10, broker=b.runtime.broker)
        got = {}
        for _ in range(2):
            message = await client.receive()
            got[message["id"]] = message["payload"]["data"]
        assert got["s"]["eventSolves"]["blood"] == 1
        assert got["b"]["eventLeaderboard"]["entries"][0]["score"] == 210
