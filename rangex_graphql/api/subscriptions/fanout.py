"""Shared execution: subscribers with the same document, variables and audience form a
group; the group holds one broker subscription, executes the document once per event
with fresh loaders, serializes the result once and hands the text to each member.

Before each execution the members' credentials are checked again, together; a member
whose credentials no longer hold is revoked (its connection closes with 4403) and gets
nothing more.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from itertools import count
from typing import Any, Protocol

import strawberry
from graphql import ExecutionResult, GraphQLError, execute
from graphql.execution.executor import Executor
from strawberry.execution.is_awaitable import optimized_is_awaitable
from strawberry.utils.await_maybe import await_maybe

from ...broker.protocol import MISSED, Message, Subscription
from ...observability.request_ids import bound_request_id, new_request_id
from ...runtime import Runtime
from ..context import Context
from ..error_log import document_hash, is_unexpected, log_errors
from ..error_masking import public_error
from ..http.persisted_queries import PersistedQueries
from ..json_encoding import to_json
from .access import Credentials, no_longer_allowed
from .feeds import Feed, Opened
from .operation import PreparedOperation

log = logging.getLogger(__name__)
WELCOME_REUSE_SECONDS = 1.0


class Subscriber(Protocol):
    """One subscription of one connection."""

    @property
    def credentials(self) -> Credentials: ...

    def deliver(self, payload: str) -> None:
        """Queue ``payload`` (the JSON of a result) to be sent as this operation's next."""
        ...

    def add_missed(self, count: int | None) -> None:
        """Results this subscriber will not get (None: unknown, possibly many)."""
        ...

    def revoke(self) -> None:
        """The credentials no longer hold: close the connection (4403)."""
        ...

    def finish(self) -> None:
        """Nothing more will come (the session ended): complete the operation once the
        results queued are sent."""
        ...


@dataclass(frozen=True, slots=True)
class GroupKey:
    field_name: str
    operation: str  # PreparedOperation.key: document, operation name, variables
    audience: tuple[str, ...]
    topics: tuple[str, ...]
    alone: int = 0  # shared execution off: every subscriber its own group


class Hub:
    """Every group of this process."""

    def __init__(self, schema: strawberry.Schema, runtime: Runtime) -> None:
        self.schema = schema
        self.runtime = runtime
        self.groups: dict[GroupKey, Group] = {}
        self.executions = 0  # for tests and benchmarks
        self._alone = count(1)
        self.persisted_queries = PersistedQueries.from_settings(
            runtime.settings, redis=runtime.redis
        )

    async def join(
        self, feed: Feed, operation: PreparedOperation, opened: Opened, member: Subscriber
    ) -> Group:
        settings = self.runtime.settings
        key = GroupKey(
            feed.field_name,
            operation.key,
            opened.audience,
            opened.topics,
            0 if settings.subscription_shared_execution else next(self._alone),
        )
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = Group(self, key, feed, operation, opened)
            group.start()
        group.members[member] = None
        await group.ready.wait()
        if feed.emits_on_subscribe:
            await group.welcome(member)
        return group

    def subscription_count(self) -> int:
        """Subscriptions open in this process (the metrics read it when scraped)."""
        return sum(len(group.members) for group in self.groups.values())

    def leave(self, group: Group, member: Subscriber) -> None:
        group.members.pop(member, None)
        if not group.members and self.groups.get(group.key) is group:
            del self.groups[group.key]
            group.stop()


class Group:
    def __init__(
        self, hub: Hub, key: GroupKey, feed: Feed, operation: PreparedOperation, opened: Opened
    ) -> None:
        self.hub = hub
        self.key = key
        self.feed = feed
        self.operation = operation
        self.opened = opened
        self.members: dict[Subscriber, None] = {}  # insertion-ordered set
        self.ready = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._flush: asyncio.Task[None] | None = None
        self._latest: Message | None = None
        self._last_emit = float("-inf")
        # The current value for joiners: a welcome result is reused while no change came
        # after it (``_generation`` counts them) for at most WELCOME_REUSE_SECONDS (some
        # values move with the clock: time left), and joiners arriving while one is being
        # computed wait for it: a reconnect storm costs a few executions, not thousands.
        self._generation = 0
        self._welcome_result: tuple[int, float, str] | None = None
        self._waiting: dict[Subscriber, None] = {}
        self._welcoming: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(
            self._listen(), name=f"subscription-group:{self.key.field_name}"
        )

    def stop(self) -> None:
        for task in (self._task, self._flush):
            if task is not None:
                task.cancel()

    async def _listen(self) -> None:
        runtime = self.hub.runtime
        subscription: Subscription | None = None
        try:
            subscription = await runtime.broker.subscribe(
                self.opened.topics, queue_size=runtime.settings.subscription_queue_size
            )
            self.ready.set()
            reported = unknown_reported = 0
            async for message in subscription:
                # Messages the broker dropped for this group (it fell behind) or that
                # never reached it (a failed publish; a lost Redis connection, uncounted):
                # every member missed them.
                if subscription.missed > reported:
                    for member in tuple(self.members):
                        member.add_missed(subscription.missed - reported)
                    reported = subscription.missed
                if subscription.unknown_gaps > unknown_reported:
                    for member in tuple(self.members):
                        member.add_missed(None)
                    unknown_reported = subscription.unknown_gaps
                await self._on_message(message)
        finally:
            self.ready.set()
            if subscription is not None:
                await subscription.aclose()

    async def _on_message(self, message: Message) -> None:
        if message.get("type") == MISSED:
            if self.feed.resyncs_on_missed:
                await self._changed(message)
        elif self.feed.wants(message):
            await self._changed(message)

    async def _changed(self, message: Message) -> None:
        self._generation += 1
        if not self.feed.min_interval:
            await self.emit(message)
            return
        self._latest = message
        if self._flush is None or self._flush.done():
            loop = asyncio.get_running_loop()
            delay = max(0.0, self._last_emit + self.feed.min_interval - loop.time())
            self._flush = loop.create_task(self._emit_after(delay))

    async def _emit_after(self, delay: float) -> None:
        await asyncio.sleep(delay)
        await self.emit(self._latest)

    async def welcome(self, member: Subscriber) -> None:
        """Send a member who just joined the current value."""
        cached = self._welcome_result
        now = asyncio.get_running_loop().time()
        if (
            cached is not None
            and cached[0] == self._generation
            and now - cached[1] <= WELCOME_REUSE_SECONDS
        ):
            if await no_longer_allowed({member.credentials}):
                member.revoke()
            else:
                member.deliver(cached[2])
            return
        self._waiting[member] = None
        while member in self._waiting:
            if self._welcoming is None or self._welcoming.done():
                self._welcoming = asyncio.get_running_loop().create_task(self._welcome_waiting())
            await asyncio.shield(self._welcoming)

    async def _welcome_waiting(self) -> None:
        await asyncio.sleep(0)  # joiners arriving together share this execution
        waiting, self._waiting = list(self._waiting), {}
        members = [m for m in waiting if m in self.members]
        if members:
            await self.emit(None, only=members, welcome=True)

    async def emit(
        self, message: Message | None, only: list[Subscriber] | None = None, welcome: bool = False
    ) -> None:
        """Execute once for ``only`` or every member, and deliver the result; the
        execution has a request ID of its own (its context's, its log lines')."""
        with bound_request_id(new_request_id()):
            await self._emit(message, only, welcome)

    async def _emit(
        self, message: Message | None, only: list[Subscriber] | None, welcome: bool
    ) -> None:
        self._last_emit = asyncio.get_running_loop().time()
        generation = self._generation
        members = list(self.members) if only is None else only
        try:
            revoked = await no_longer_allowed({m.credentials for m in members})
            if revoked:
                for member in members:
                    if member.credentials in revoked:
                        member.revoke()
                members = [m for m in members if m.credentials not in revoked]
            if not members:
                return
            payload, final = await self._execute(members[0].credentials, message)
        except Exception:
            log.exception("subscription %s failed on an event", self.key.field_name)
            return
        if payload is not None:
            if welcome and not final:
                self._welcome_result = (generation, self._last_emit, payload)
            for member in members:
                member.deliver(payload)
        if final:
            for member in members:
                member.finish()
                self.hub.leave(self, member)

    async def _execute(
        self, credentials: Credentials, message: Message | None
    ) -> tuple[str | None, bool]:
        """The result's JSON (None: nothing to send), and whether it is the last one."""
        runtime = self.hub.runtime
        # A context per event: its loaders start empty, so every event reads fresh rows.
        context = Context(settings=runtime.settings, viewer=credentials.viewer, runtime=runtime)
        value = await self.feed.load(context, self.opened, message)
        if value is None:
            return None, False
        schema = self.hub.schema
        # The schema's plan cache runs it from a plan (`plans/`), or graphql-core does.
        run = getattr(schema, "plan_cache", None)
        outcome: Any = (run.execute if run is not None else execute)(
            schema._schema,
            self.operation.document,
            root_value=value,
            context_value=context,
            variable_values=self.operation.variables,
            operation_name=self.operation.operation_name,
            is_awaitable=optimized_is_awaitable,  # type: ignore[arg-type]
            executor_class=Executor,
        )
        result: ExecutionResult = await await_maybe(outcome)
        self.hub.executions += 1
        if result.errors:
            log_errors(
                result.errors,
                operation_name=self.operation.operation_name,
                document=document_hash(self.operation.key),
                request_id=context.request_id,
            )
        return encode_result(result, context.request_id), self.feed.is_final(value)


def encode_result(result: ExecutionResult, request_id: str) -> str:
    body: dict[str, Any] = {"data": result.data}
    if result.errors:
        body["errors"] = [_formatted(error, request_id) for error in result.errors]
    return to_json(body)


def _formatted(error: GraphQLError, request_id: str) -> dict[str, Any]:
    if not is_unexpected(error):
        return dict(error.formatted)
    message, code = public_error(error)
    return {
        "message": message,
        "path": error.path,
        "extensions": {"code": code, "requestId": request_id},
    }
