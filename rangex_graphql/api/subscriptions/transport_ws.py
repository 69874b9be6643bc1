"""One WebSocket speaking graphql-transport-ws (github.com/enisdenjo/graphql-ws,
PROTOCOL.md), its subscriptions served by the hub's shared execution.

Close codes: 4400 malformed message, 4401 subscribe before the acknowledgement, 4403
credentials refused or withdrawn, 4408 no ``connection_init`` in time, 4409 an
operation ID already in use, 4429 a second ``connection_init`` or a connection over the
user's quota (``socket_quota.py``), 1009 a message over ``ws_max_message_bytes``. A
subscription refused (bad document, unknown or hidden session, too many subscriptions)
gets an ``error`` message for its ID; the connection and its other subscriptions stay up.

One writer task per connection sends everything, so a slow client holds up nobody else:
each subscription keeps at most ``subscription_queue_size`` results, drops the oldest
beyond that, and its next result says how many it missed (``extensions.missed``; null
when nobody can know: the broker's connection was lost, the current value follows).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import deque
from collections.abc import Callable
from typing import Any

from graphql import GraphQLError, OperationType
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState
from strawberry.types.graphql import OperationType as ExecutedType

from ...observability.request_ids import bound_request_id, new_request_id
from ...security.client_ip import client_ip
from ...settings import Settings
from ..context import Context, InvalidCredentials
from ..json_encoding import to_json
from .access import (
    ANONYMOUS,
    Credentials,
    authenticate,
    no_longer_allowed,
    seconds_left,
    watch_sign_out,
)
from .fanout import Group, Hub
from .feeds import Feed
from .operation import OperationRefused, prepare
from .socket_quota import PROCESS_SOCKETS, holder_of

log = logging.getLogger(__name__)

PROTOCOL = "graphql-transport-ws"
CONTROL_BACKLOG = 256  # unsent acknowledgements, pongs and errors before giving up


class Member:
    """One subscription: its queued results and what it missed."""

    __slots__ = ("connection", "credentials", "finished", "group", "id", "missed", "queue")

    def __init__(self, connection: TransportWsSocket, id: str) -> None:
        self.connection = connection
        self.id = id
        self.credentials = connection.credentials
        self.queue: deque[str] = deque()
        self.missed: int | None = 0  # None: unknown, possibly many
        self.group: Group | None = None
        self.finished = False

    def deliver(self, payload: str) -> None:
        if len(self.queue) >= self.connection.queue_size:
            self.queue.popleft()
            self.add_missed(1)
        self.queue.append(payload)
        self.connection.wake(self)

    def add_missed(self, count: int | None) -> None:
        self.missed = None if count is None or self.missed is None else self.missed + count

    def revoke(self) -> None:
        self.connection.close(4403, "Forbidden")

    def finish(self) -> None:
        self.finished = True
        if not self.queue:
            self.connection.end(self)

    def next_frame(self) -> str:
        payload = self.queue.popleft()
        if self.missed != 0:
            missed = "null" if self.missed is None else str(self.missed)
            payload = f'{payload[:-1]},"extensions":{{"missed":{missed}}}}}'
            self.missed = 0
        return f'{{"id":{to_json(self.id)},"type":"next","payload":{payload}}}'


class TransportWsSocket:
    def __init__(self, websocket: WebSocket, hub: Hub, feeds: dict[str, Feed]) -> None:
        self.websocket = websocket
        self.hub = hub
        self.feeds = feeds
        self.settings: Settings = hub.runtime.settings
        self.queue_size = self.settings.subscription_queue_size
        self.credentials: Credentials = ANONYMOUS
        self.quota_holder: str | None = None  # counted in PROCESS_SOCKETS once initialised
        self.acknowledged = False
        self.initialised = False
        self.members: dict[str, Member | None] = {}  # None: still being set up
        self._control: deque[str] = deque()
        self._ready: deque[Member] = deque()
        self._wakeup = asyncio.Event()
        self._close: tuple[int, str] | None = None
        self._ping_timer: asyncio.TimerHandle | None = None
        self._expiry_timer: asyncio.TimerHandle | None = None
        self._unwatch_sign_out: Callable[[], None] | None = None

    # --- sending: one writer -----------------------------------------------------------

    def wake(self, member: Member) -> None:
        if len(member.queue) == 1:
            self._ready.append(member)
        self._wakeup.set()

    def send(self, message: dict[str, Any]) -> None:
        if len(self._control) >= CONTROL_BACKLOG:
            self.close(4400, "The client does not read its messages")
            return
        self._control.append(to_json(message))
        self._wakeup.set()

    def end(self, member: Member) -> None:
        """The member's last result is sent: complete its operation."""
        if self.members.get(member.id) is member:
            del self.members[member.id]
            self.send({"id": member.id, "type": "complete"})

    def close(self, code: int, reason: str) -> None:
        if self._close is None:
            self._close = (code, reason)
            self._wakeup.set()

    def _ping_due(self) -> None:
        """Keep-alive: a timer, not a task, so an idle connection costs no wake-ups."""
        if self.acknowledged and not self._control:
            self._control.append('{"type":"ping"}')
            self._wakeup.set()
        self._ping_timer = asyncio.get_running_loop().call_later(
            self.settings.ws_keepalive_seconds, self._ping_due
        )

    async def _write_forever(self) -> None:
        if self.settings.ws_keepalive_seconds:
            self._ping_timer = asyncio.get_running_loop().call_later(
                self.settings.ws_keepalive_seconds, self._ping_due
            )
        send = self.websocket.send_text
        while True:
            await self._wakeup.wait()
            self._wakeup.clear()
            if self._close is not None:
                await self.websocket.close(*self._close)
                return
            while self._control:
                await send(self._control.popleft())
            while self._ready and self._close is None:
                member = self._ready.popleft()
                if member.queue and self.members.get(member.id) is member:
                    await send(member.next_frame())
                    if member.queue:
                        self._ready.append(member)
                    elif member.finished:
                        self.end(member)
                while self._control:
                    await send(self._control.popleft())
            if self._close is not None:
                self._wakeup.set()

    # --- receiving ----------------------------------------------------------------------

    async def serve(self) -> None:
        await self.websocket.accept(subprotocol=PROTOCOL)
        writer = asyncio.get_running_loop().create_task(self._write_forever())
        # When the writer closes the socket, the client's answer ends the reader too.
        try:
            await self._read_forever()
        finally:
            for timer in (self._ping_timer, self._expiry_timer):
                if timer is not None:
                    timer.cancel()
            if self._unwatch_sign_out is not None:
                self._unwatch_sign_out()
            if self.quota_holder is not None:
                PROCESS_SOCKETS.give_back(self.quota_holder)
            writer.cancel()
            await asyncio.gather(writer, return_exceptions=True)
            for member in self.members.values():
                if member is not None and member.group is not None:
                    self.hub.leave(member.group, member)
            self.members.clear()
            if self.websocket.application_state is WebSocketState.CONNECTED:
                with contextlib.suppress(Exception):
                    await self.websocket.close(*(self._close or (1000, "")))

    async def _read_forever(self) -> None:
        timeout = self.settings.ws_connection_init_timeout_seconds
        while self._close is None:
            try:
                if self.initialised:
                    frame = await self.websocket.receive()
                else:
                    frame = await asyncio.wait_for(self.websocket.receive(), timeout)
            except TimeoutError:
                self.close(4408, "Connection initialisation timeout")
                return
            except WebSocketDisconnect:
                return
            if frame["type"] == "websocket.disconnect":
                return
            text = frame.get("text")
            if text is None:
                self.close(4400, "WebSocket message type must be text")
                return
            # uvicorn's ws_max_size refuses it while reading (`serve`); other servers too.
            limit = self.settings.ws_max_message_bytes
            if len(text) > limit // 4 and len(text.encode()) > limit:
                self.close(1009, "Message too big")
                return
            try:
                message = json.loads(text)
            except ValueError:
                self.close(4400, "WebSocket message must be valid JSON")
                return
            if not isinstance(message, dict) or not isinstance(message.get("type"), str):
                self.close(4400, "Messages are JSON objects with a `type`")
                return
            await self._handle(message)

    async def _handle(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        if kind == "connection_init":
            await self._connection_init(message.get("payload"))
        elif kind == "ping":
            self.send({"type": "pong"})
        elif kind == "pong":
            pass
        elif kind == "subscribe":
            # An operation: its own request ID (a subscription's events get theirs).
            with bound_request_id(new_request_id()):
                await self._subscribe(message)
        elif kind == "complete":
            self._complete(message.get("id"))
        else:
            self.close(4400, f"Unknown message type: {kind}")

    async def _connection_init(self, payload: object) -> None:
        if self.initialised:
            self.close(4429, "Too many initialisation requests")
            return
        self.initialised = True
        if payload is not None and not isinstance(payload, dict):
            self.close(4400, "Invalid connection init payload")
            return
        try:
            self.credentials = await authenticate(
                self.settings, payload or {}, self.hub.runtime.revocations.revoked
            )
        except InvalidCredentials:
            self.close(4403, "Forbidden")
            return
        address = client_ip(self.websocket, self.settings.trusted_proxy_networks)
        holder = holder_of(self.credentials.viewer, address)
        if not PROCESS_SOCKETS.take(holder, self.settings.ws_max_connections_per_user):
            self.close(4429, "Too many connections")
            return
        self.quota_holder = holder
        self.acknowledged = True
        self.send({"type": "connection_ack"})
        left = seconds_left(self.credentials)
        if left is not None:
            self._expiry_timer = asyncio.get_running_loop().call_later(
                left, self.close, 4403, "Forbidden"
            )
        self._unwatch_sign_out = watch_sign_out(
            self.credentials, lambda: self.close(4403, "Forbidden")
        )

    async def _subscribe(self, message: dict[str, Any]) -> None:
        id = message.get("id")
        if not isinstance(id, str) or not id:
            self.close(4400, "`subscribe` needs a string `id`")
            return
        if not self.acknowledged:
            self.close(4401, "Unauthorized")
            return
        if id in self.members:
            self.close(4409, f"Subscriber for {id} already exists")
            return
        # Credentials withdrawn since connection_init run nothing more on this socket.
        if await no_longer_allowed([self.credentials]):
            self.close(4403, "Forbidden")
            return
        if len(self.members) >= self.settings.ws_max_subscriptions:
            limit = self.settings.ws_max_subscriptions
            self._refuse(
                id,
                [
                    GraphQLError(
                        f"at most {limit} subscriptions per connection",
                        extensions={"code": "TOO_MANY_SUBSCRIPTIONS"},
                    )
                ],
            )
            return
        self.members[id] = None
        viewer = self.credentials.viewer
        payload = message.get("payload")
        try:
            payload = await self.hub.persisted_queries.prepare_subscribe(payload)
            operation = prepare(self.hub.schema._schema, self.settings, viewer, payload)
            if operation.kind is not OperationType.SUBSCRIPTION:
                assert isinstance(payload, dict)
                await self._run_once(id, payload)
                return
            feed = self.feeds[operation.field_name]
            opened = await feed.open(viewer, operation.arguments, operation.viewer_neutral)
        except OperationRefused as refused:
            self._forget_and_refuse(id, refused.errors)
            return
        except GraphQLError as error:
            self._forget_and_refuse(id, [error])
            return
        if id not in self.members:
            return  # completed by the client meanwhile
        member = Member(self, id)
        self.members[id] = member
        member.group = await self.hub.join(feed, operation, opened, member)

    async def _run_once(self, id: str, payload: dict[str, Any]) -> None:
        """A query or mutation sent over the socket: one ``next``, then ``complete``."""
        context = Context(
            settings=self.settings,
            viewer=self.credentials.viewer,
            request=self.websocket,
            runtime=self.hub.runtime,
            client_ip=client_ip(self.websocket, self.settings.trusted_proxy_networks),
        )
        result = await self.hub.schema.execute(
            payload["query"],
            variable_values=payload.get("variables"),
            context_value=context,
            operation_name=payload.get("operationName"),
            allowed_operation_types=(ExecutedType.QUERY, ExecutedType.MUTATION),
        )
        body: dict[str, Any] = {"data": result.data}
        if result.errors:
            body["errors"] = [dict(error.formatted) for error in result.errors]
        if result.extensions:
            body["extensions"] = result.extensions
        if self.members.pop(id, "absent") is None:
            self.send({"id": id, "type": "next", "payload": body})
            self.send({"id": id, "type": "complete"})

    def _forget_and_refuse(self, id: str, errors: list[GraphQLError]) -> None:
        if self.members.pop(id, "absent") is None:
            self._refuse(id, errors)

    def _refuse(self, id: str, errors: list[GraphQLError]) -> None:
        self.send({"id": id, "type": "error", "payload": [dict(e.formatted) for e in errors]})

    def _complete(self, id: object) -> None:
        if not isinstance(id, str):
            return
        member = self.members.pop(id, None)
        if member is not None and member.group is not None:
            self.hub.leave(member.group, member)
