"""The legacy graphql-ws protocol (subscriptions-transport-ws), served only with
``RANGEX_WS_LEGACY_PROTOCOL``: Strawberry's handler, with the same rules as
graphql-transport-ws (``transport_ws.py``).

- A document is checked by ``operation.prepare`` first (parse, validation, limits, scopes,
  cost, variables): a refusal is one ``error`` message with ``extensions.code``.
- A query or mutation runs once: ``data``, then ``complete``. A subscription streams
  one execution per subscriber (``fields.py``).
- Every operation gets a context of its own: its own request id (in masked errors and in
  the logs) and loaders; the viewer is the connection's.
- Every error of a ``data`` message has ``extensions.code``; an unexpected failure is
  logged with its traceback and answered INTERNAL_SERVER_ERROR with the request id.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress
from dataclasses import replace
from typing import Any

from graphql import GraphQLError, OperationType
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler
from strawberry.subscriptions.protocols.graphql_ws.types import (
    CompleteMessage,
    DataMessage,
    ErrorMessage,
    OperationMessage,
    StartMessage,
)
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError
from strawberry.types.graphql import OperationType as ExecutedType

from ...observability.request_ids import bound_request_id, new_request_id
from ..context import Context
from ..error_log import document_hash, error_code
from ..error_masking import INTERNAL_MESSAGE
from ..http.persisted_queries import PersistedQueries
from ..unavailable import SERVICE_UNAVAILABLE, UNAVAILABLE_MESSAGE, is_outage
from .operation import OperationRefused, prepare

log = logging.getLogger("rangex_graphql.errors")


class LegacyWsHandler(BaseGraphQLWSHandler[Context, None]):
    async def handle_message(self, message: OperationMessage) -> None:
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            await self.websocket.close(code=4400, reason="Messages are JSON objects with a `type`")
            return
        await super().handle_message(message)

    async def handle_start(self, message: StartMessage) -> None:
        if not self.connection_acknowledged:
            await super().handle_start(message)  # closes the socket (4401)
            return
        id: object = message.get("id")
        payload: object = message.get("payload")
        if not isinstance(id, str) or not id:
            await self.websocket.close(code=4400, reason="`start` needs a string `id`")
            return
        persisted_queries = getattr(self.view, "persisted_queries", None)
        if isinstance(persisted_queries, PersistedQueries):
            # The allow-list (RANGEX_PERSISTED_QUERIES=only) and hashes hold here too.
            try:
                payload = await persisted_queries.prepare_subscribe(payload)
            except GraphQLError as refused:
                await self._send_error(id, refused)
                return
            message = StartMessage(type="start", id=id, payload=payload)  # type: ignore[typeddict-item]
        if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
            await self._send_error(
                id,
                GraphQLError(
                    "`payload.query` must be a GraphQL document string",
                    extensions={"code": "BAD_REQUEST"},
                ),
            )
            return
        limit = self.max_subscriptions_per_connection
        if limit is not None and id not in self.tasks and len(self.tasks) >= limit:
            await self._send_error(
                id,
                GraphQLError(
                    f"at most {limit} subscriptions per connection",
                    extensions={"code": "TOO_MANY_SUBSCRIPTIONS"},
                ),
            )
            return
        await super().handle_start(message)

    async def handle_async_results(
        self,
        operation_id: str,
        query: str,
        operation_name: str | None,
        variables: dict[str, object] | None,
    ) -> None:
        with bound_request_id(new_request_id()) as request_id:
            await self._operation(operation_id, query, operation_name, variables, request_id)

    async def _operation(
        self,
        operation_id: str,
        query: str,
        operation_name: str | None,
        variables: dict[str, object] | None,
        request_id: str,
    ) -> None:
        # replace() makes the copy's loaders afresh (an init=False field): no stale rows.
        context = replace(self.context, request_id=request_id, extensions={})
        try:
            await self._run(operation_id, context, query, operation_name, variables)
            await self.send_message(CompleteMessage(type="complete", id=operation_id))
        except asyncio.CancelledError:  # a `stop` from the client
            with suppress(WebSocketDisconnected):
                await self.send_message(CompleteMessage(type="complete", id=operation_id))
        except WebSocketDisconnected:
            pass
        except _Refused as refused:
            await self._send_error(operation_id, refused.error)
        except Exception as error:
            if is_outage(error):
                log.warning(
                    "legacy graphql-ws operation: a dependency is unavailable (request id %s)",
                    context.request_id,
                )
                with suppress(WebSocketDisconnected):
                    await self._send_error(
                        operation_id,
                        GraphQLError(
                            UNAVAILABLE_MESSAGE,
                            extensions={
                                "code": SERVICE_UNAVAILABLE,
                                "requestId": context.request_id,
                            },
                        ),
                    )
                return
            log.exception(
                "legacy graphql-ws operation failed (operation %s, document %s, request id %s)",
                (operation_name or "-")[:100],
                document_hash(query),
                context.request_id,
            )
            with suppress(WebSocketDisconnected):
                await self._send_error(
                    operation_id,
                    GraphQLError(
                        INTERNAL_MESSAGE,
                        extensions={
                            "code": "INTERNAL_SERVER_ERROR",
                            "requestId": context.request_id,
                        },
                    ),
                )
        finally:
            self.subscriptions.pop(operation_id, None)
            self.tasks.pop(operation_id, None)

    async def _run(
        self,
        operation_id: str,
        context: Context,
        query: str,
        operation_name: str | None,
        variables: dict[str, object] | None,
    ) -> None:
        payload = {"query": query, "operationName": operation_name, "variables": variables}
        try:
            operation = prepare(self.schema._schema, context.settings, context.viewer, payload)  # type: ignore[attr-defined]
        except OperationRefused as refused:
            raise _Refused(refused.errors[0]) from None
        if operation.kind is not OperationType.SUBSCRIPTION:
            result = await self.schema.execute(
                query,
                variable_values=variables,
                context_value=context,
                operation_name=operation_name,
                allowed_operation_types=(ExecutedType.QUERY, ExecutedType.MUTATION),
            )
            if isinstance(result, PreExecutionError) and result.errors:
                raise _Refused(result.errors[0])
            await self.send_data_message(result, operation_id)
            return
        source = await self.schema.subscribe(
            query, variable_values=variables, context_value=context, operation_name=operation_name
        )
        self.subscriptions[operation_id] = source
        first = True
        async for result in source:
            if first and isinstance(result, PreExecutionError) and result.errors:
                raise _Refused(result.errors[0])
            first = False
            await self.send_data_message(result, operation_id)

    async def _send_error(self, operation_id: str, error: GraphQLError) -> None:
        await self.send_message(
            ErrorMessage(type="error", id=operation_id, payload=_coded(error, executed=False))  # type: ignore[typeddict-item]
        )

    async def send_data_message(self, execution_result: ExecutionResult, operation_id: str) -> None:
        payload: dict[str, Any] = {"data": execution_result.data}
        if execution_result.errors:
            payload["errors"] = [_coded(e, executed=True) for e in execution_result.errors]
        if execution_result.extensions:
            payload["extensions"] = execution_result.extensions
        await self.send_message(DataMessage(type="data", id=operation_id, payload=payload))  # type: ignore[typeddict-item]


class _Refused(Exception):
    def __init__(self, error: GraphQLError) -> None:
        super().__init__(error.message)
        self.error = error


def _coded(error: GraphQLError, executed: bool) -> dict[str, Any]:
    formatted: dict[str, Any] = dict(error.formatted)
    formatted["extensions"] = {
        **(formatted.get("extensions") or {}),
        "code": error_code(error, executed),
    }
    return formatted
