"""The GraphQL endpoint: GraphQL over HTTP on Strawberry's ASGI view, subscriptions over WebSocket.

Strawberry answers every parse or validation failure with 200 and ``application/json``;
this view follows the GraphQL-over-HTTP draft instead:

- ``Accept`` picks the response type (``media.negotiate_response_type``); none acceptable: 406.
- With ``application/graphql-response+json``, a request that fails before execution
  (parse, validation, operation, variables) gets 400 and no ``data`` entry; with the legacy
  ``application/json`` it gets 200, still without ``data``. Execution started: 200.
- A request that is not a well-formed GraphQL-over-HTTP request (malformed JSON, no
  ``query``, a batch) gets 400 whatever the type; a POST body that is not JSON gets 415;
  a mutation over GET gets 405 with ``Allow: POST``.
- Every error carries ``extensions.code``.
- A database or Redis that is away (``api/unavailable.py``) gets 503 with ``Retry-After``
  and ``SERVICE_UNAVAILABLE``, during execution or before it (the context's reads).

Each HTTP request and WebSocket connection has a request ID bound while it runs
(``observability/request_ids.py``: the client's ``X-Request-Id`` or a new one), which
every log line written meanwhile carries, and the context and masked errors too.

With metrics or tracing on, each HTTP request is observed
(``observability/graphql_requests.py``): its operation name, its errors' codes or its
refusal, its duration and SQL statements, counted in the metrics and traced in a span
(``observability/spans.py``); and each WebSocket counts in the open connections while it
lasts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError, GraphQLSyntaxError
from redis.asyncio import Redis
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import MissingQueryError
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData, process_result
from strawberry.http.base import BaseRequestProtocol
from strawberry.schema import BaseSchema
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError
from strawberry.types.graphql import OperationType

from ...observability.graphql_requests import RequestObservation, observe_request
from ...observability.metrics import Metrics
from ...observability.request_ids import bound_request_id, new_request_id, supplied_request_id
from ...settings import Settings
from ..json_encoding import to_json, to_json_bytes
from ..unavailable import (
    RETRY_AFTER_SECONDS,
    SERVICE_UNAVAILABLE,
    UNAVAILABLE_MESSAGE,
    is_outage,
)
from .graphiql import GraphiQL, default_assets_dir
from .media import (
    GRAPHQL_RESPONSE_JSON,
    JSON,
    accepts_html,
    is_json_request_body,
    negotiate_response_type,
)
from .operation_choice import has_several_operations
from .persisted_queries import (
    PersistedQueries,
    PersistedQueryRefused,
    PersistedRequestData,
    persisted_request_data,
)
from .request_limits import LimitExceeded, RequestLimits

if TYPE_CHECKING:
    from ...observability.spans import Tracing

log = logging.getLogger(__name__)

ContextGetter = Callable[[Request | WebSocket], Awaitable[Any]]
ConnectionInit = Callable[[Any], Awaitable[Any]]
"""Builds the resolvers' context for an HTTP request or a WebSocket connection."""


class WebSocketServer(Protocol):
    """Serves graphql-transport-ws sockets itself (api/subscriptions: shared execution),
    and names the handler of the legacy graphql-ws protocol, which runs on this view."""

    @property
    def legacy_handler(self) -> type[BaseGraphQLWSHandler[Any, None]]: ...

    async def serve(self, websocket: WebSocket) -> None: ...


class ErrorCode(StrEnum):
    BAD_REQUEST = "BAD_REQUEST"
    NOT_FOUND = "NOT_FOUND"
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
    NOT_ACCEPTABLE = "NOT_ACCEPTABLE"
    UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    OPERATION_RESOLUTION_FAILURE = "OPERATION_RESOLUTION_FAILURE"
    OPERATION_NOT_SUPPORTED = "OPERATION_NOT_SUPPORTED"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


class RequestRefused(Exception):
    """An HTTP request the endpoint refuses before any GraphQL work.

    A context getter may raise it too (401 for a malformed token, say) with its own code.
    """

    def __init__(
        self,
        status_code: int,
        message: str,
        code: str,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.code = code
        self.headers = dict(headers or {})


class GraphQLView(GraphQL[Any, None]):
    def __init__(
        self,
        schema: BaseSchema,
        context_getter: ContextGetter,
        *,
        graphiql: GraphiQL | None = None,
        connection_init: ConnectionInit | None = None,
        settings: Settings | None = None,
        websocket_server: WebSocketServer | None = None,
        redis: Redis | None = None,
        metrics: Metrics | None = None,
        tracing: Tracing | None = None,
    ) -> None:
        settings = settings or Settings()
        legacy = (GRAPHQL_WS_PROTOCOL,) if settings.ws_legacy_protocol else ()
        super().__init__(
            schema,
            graphql_ide=None,
            allow_queries_via_get=True,
            keep_alive=settings.ws_keepalive_seconds > 0,
            keep_alive_interval=settings.ws_keepalive_seconds or 1,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL, *legacy),
            connection_init_wait_timeout=timedelta(
                seconds=settings.ws_connection_init_timeout_seconds
            ),
            multipart_uploads_enabled=False,
            max_subscriptions_per_connection=settings.ws_max_subscriptions,
            allowed_origins=settings.ws_allowed_origins,
        )
        self.context_getter = context_getter
        self.graphiql = graphiql
        self.connection_init = connection_init
        self.allowed_origins = frozenset(settings.ws_allowed_origins)
        self.websocket_server = websocket_server
        if websocket_server is not None:
            self.graphql_ws_handler_class = websocket_server.legacy_handler
        self.request_limits = RequestLimits.from_settings(settings)
        self.max_query_tokens = settings.max_query_tokens
        self.persisted_queries = PersistedQueries.from_settings(settings, redis=redis)
        self.metrics = metrics
        self.tracing = tracing

    async def on_ws_connect(self, context: Any) -> Any:
        """``connection_init`` of graphql-transport-ws: authenticate from its payload.

        The callback raises strawberry's ConnectionRejectionError to refuse (close 4403).
        """
        if self.connection_init is not None:
            return await self.connection_init(context)
        return await super().on_ws_connect(context)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await super().__call__(scope, receive, send)
            return
        with bound_request_id(_request_id(scope)) as request_id:
            if scope["type"] == "websocket":
                await self._websocket(scope, receive, send)
            elif self.metrics is None and self.tracing is None:
                await self._http(scope, receive, send, None)
            else:
                await self._observed_http(scope, receive, send, request_id)

    async def _observed_http(
        self, scope: Scope, receive: Receive, send: Send, request_id: str
    ) -> None:
        observation = observe_request()
        tracing = self.tracing
        span = None if tracing is None else tracing.request_started(observation, request_id)
        try:
            if tracing is None or span is None:
                await self._http(scope, receive, send, observation)
            else:
                with tracing.current(span):  # the parent of orchestrator calls' spans
                    await self._http(scope, receive, send, observation)
        except asyncio.CancelledError:
            observation.counted = False  # the client went away: no answer to count
            observation.cancelled = True
            raise
        finally:
            observation.end()
            if self.metrics is not None:
                self.metrics.requests.record(observation)
            if tracing is not None and span is not None:
                tracing.request_finished(span, observation)

    async def _http(
        self, scope: Scope, receive: Receive, send: Send, observation: RequestObservation | None
    ) -> None:
        request = Request(scope, self.request_limits.bounded(receive))
        if observation is not None:
            request.state.observation = observation
        response_type = negotiate_response_type(request.headers.get("accept"))
        refusal: RequestRefused | None = None
        try:
            response = await self._respond(request, response_type)
        except RequestRefused as refused:
            refusal = refused
        except LimitExceeded as exceeded:
            close = {"Connection": "close"} if exceeded.close else {}
            refusal = RequestRefused(exceeded.status_code, exceeded.message, exceeded.code, close)
        except HTTPException as error:  # Strawberry's own refusals, should any remain
            refusal = RequestRefused(error.status_code, error.reason, ErrorCode.BAD_REQUEST)
        except Exception as error:
            if is_outage(error):
                log.warning("GraphQL request failed, dependency away: %s", type(error).__name__)
                refusal = _unavailable_refusal()
            else:
                log.exception("GraphQL request failed outside execution")
                refusal = RequestRefused(
                    500, "Internal server error", ErrorCode.INTERNAL_SERVER_ERROR
                )
        if refusal is not None:
            response = self._refusal(refusal, response_type or JSON)
            if observation is not None:
                observation.refused(refusal.code, refusal.status_code)
        await response(scope, receive, send)

    async def _websocket(self, scope: Scope, receive: Receive, send: Send) -> None:
        """graphql-transport-ws goes to the subscription server when there is one; the
        legacy graphql-ws (when enabled) and the refusals to Strawberry (4406)."""
        websocket = WebSocket(scope, receive, send)
        origin = (websocket.headers.get("origin") or "").lower().rstrip("/")
        if self.allowed_origins and origin and origin not in self.allowed_origins:
            await websocket.close(code=4403, reason="Origin not allowed")  # HTTP 403
            return
        if self.metrics is None:
            await self._serve_websocket(websocket, scope, receive, send)
            return
        connections = self.metrics.websocket_connections
        connections.inc()
        try:
            await self._serve_websocket(websocket, scope, receive, send)
        finally:
            connections.dec()

    async def _serve_websocket(
        self, websocket: WebSocket, scope: Scope, receive: Receive, send: Send
    ) -> None:
        offered = scope.get("subprotocols") or []
        if self.websocket_server is not None and GRAPHQL_TRANSPORT_WS_PROTOCOL in offered:
            await self.websocket_server.serve(websocket)
            return
        await super().__call__(scope, receive, send)

    async def _respond(self, request: Request, response_type: str | None) -> Response:
        if request.method not in ("GET", "POST"):
            raise RequestRefused(
                405,
                "GraphQL is served over GET (queries) and POST",
                ErrorCode.METHOD_NOT_ALLOWED,
                {"Allow": "GET, POST"},
            )
        if self.should_render_graphql_ide(self.request_adapter_class(request)):
            observation = _observation(request)
            if observation is not None:
                observation.counted = False  # a page, not a GraphQL request
            return await self.render_graphql_ide(request)
        if response_type is None:
            raise RequestRefused(
                406,
                f"Accept must allow {GRAPHQL_RESPONSE_JSON} or {JSON}",
                ErrorCode.NOT_ACCEPTABLE,
            )
        if request.method == "POST":
            self.request_limits.check_declared_length(request.headers)
        else:
            self.request_limits.check_url(request.scope["query_string"])
        if request.method == "POST" and not is_json_request_body(
            request.headers.get("content-type")
        ):
            raise RequestRefused(
                415,
                f"Send the request body as {JSON} (UTF-8)",
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            )
        request.state.graphql_response_type = response_type
        return await self.run(request)

    def _refusal(self, refused: RequestRefused, media_type: str) -> Response:
        body = {"errors": [{"message": refused.message, "extensions": {"code": refused.code}}]}
        return Response(
            to_json_bytes(body),
            status_code=refused.status_code,
            media_type=media_type,
            headers=refused.headers,
        )

    # --- GraphiQL -------------------------------------------------------------------------

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        return (
            request.method == "GET"
            and "query" not in request.query_params
            and accepts_html(request.headers.get("accept"))
        )

    async def render_graphql_ide(self, request: Request) -> Response:
        if self.graphiql is None:
            raise RequestRefused(404, "GraphiQL is disabled on this server", ErrorCode.NOT_FOUND)
        return self.graphiql.page(request)

    # --- request parsing --------------------------------------------------------------------

    def encode_json(self, data: object) -> str:
        # str, not bytes: Strawberry sends bytes as binary WebSocket frames (legacy protocol).
        return to_json(data)

    def parse_json(self, data: str | bytes) -> Any:
        try:
            return self.decode_json(data)
        except ValueError as error:  # JSONDecodeError, UnicodeDecodeError
            raise RequestRefused(
                400, f"Malformed JSON in the request: {error}", ErrorCode.BAD_REQUEST
            ) from error
        except RecursionError as error:
            raise RequestRefused(
                400, "Malformed JSON in the request: nested too deeply", ErrorCode.BAD_REQUEST
            ) from error

    async def parse_http_body(self, request: AsyncHTTPRequestAdapter) -> GraphQLRequestData:
        if request.method == "GET":
            params: object = self.parse_query_params(request.query_params)
            size = len(request.query_params.get("variables") or "")
        else:
            body = await request.get_body()
            size = len(body)
            params = self.parse_json(body)
        try:
            params, persisted = await self.persisted_queries.prepare(params)
        except PersistedQueryRefused as refused:
            raise RequestRefused(
                refused.status_code, refused.message, refused.code, refused.headers
            ) from None
        request_data = _request_data(params)
        self.request_limits.check_operation(request_data.query, request_data.variables, size)
        return persisted_request_data(request_data, persisted)

    # --- execution and results --------------------------------------------------------------

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Any:
        return await self.context_getter(request)

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        sub_response.media_type = getattr(request.state, "graphql_response_type", JSON)
        return sub_response

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Any,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        observation = _observation(request)
        if observation is not None:
            observation.read_operation(request_data.operation_name)
        is_get = request_adapter.method == "GET"
        allowed = {OperationType.QUERY} if is_get else {OperationType.QUERY, OperationType.MUTATION}
        if request_data.operation_name is None and has_several_operations(
            request_data.query or "", self.max_query_tokens
        ):
            return _request_error(
                "The document defines several operations: name one in `operationName`",
                ErrorCode.OPERATION_RESOLUTION_FAILURE,
            )
        try:
            result = await self.schema.execute(
                request_data.query,
                root_value=root_value,
                variable_values=request_data.variables,
                context_value=context,
                operation_name=request_data.operation_name,
                allowed_operation_types=allowed,
                operation_extensions=request_data.extensions,
            )
        except MissingQueryError as error:
            raise RequestRefused(
                400, "No GraphQL query found in the request", ErrorCode.BAD_REQUEST
            ) from error
        except InvalidOperationTypeError as error:
            if error.operation_type is OperationType.MUTATION:
                raise RequestRefused(
                    405,
                    "Mutations must be sent with POST",
                    ErrorCode.METHOD_NOT_ALLOWED,
                    {"Allow": "POST"},
                ) from error
            return _request_error(
                "Subscriptions are served over WebSocket (graphql-transport-ws) at this URL",
                ErrorCode.OPERATION_NOT_SUPPORTED,
            )
        except CannotGetOperationTypeError as error:
            return _request_error(
                error.as_http_error_reason(), ErrorCode.OPERATION_RESOLUTION_FAILURE
            )
        if isinstance(request_data, PersistedRequestData) and request_data.persisted:
            await self.persisted_queries.after_execution(
                request_data.persisted,
                result,
                is_get=is_get,
                authorized="authorization" in request.headers,
                headers=sub_response.headers,
            )
        return result

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        response = process_result(result)
        stage = _failed_stage(result)
        if stage is not Stage.EXECUTION:
            # The GraphQL spec: an error raised before execution leaves no `data` entry.
            response.pop("data", None)
        if result.errors:
            response["errors"] = [_with_code(error, stage) for error in result.errors]
        observation = _observation(request)
        if observation is not None:
            observation.answered(_codes(response), executed=stage is Stage.EXECUTION)
        return response

    def create_response(
        self,
        response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
        sub_response: Response,
    ) -> Response:
        media_type = sub_response.media_type or JSON
        response = Response(
            to_json_bytes(response_data),
            status_code=_status_for(response_data, media_type),
            media_type=media_type,
        )
        response.headers.raw.extend(sub_response.headers.raw)
        if sub_response.background:
            response.background = sub_response.background
        if sub_response.status_code:
            response.status_code = sub_response.status_code
        if _has_code(response_data, SERVICE_UNAVAILABLE):
            response.status_code = 503
            response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


def _observation(request: Request) -> RequestObservation | None:
    """The observation of this request (``_http``), None when metrics and tracing are off."""
    return getattr(request.state, "observation", None)


def _request_id(scope: Scope) -> str:
    """The client's (a proxy's) ``X-Request-Id`` when it is a sane one, else a new ID."""
    return supplied_request_id(Headers(scope=scope)) or new_request_id()


def _request_data(params: object) -> GraphQLRequestData:
    if isinstance(params, list):
        raise RequestRefused(
            400,
            "Batched requests are not supported: send one operation per request",
            ErrorCode.BAD_REQUEST,
        )
    if not isinstance(params, dict):
        raise RequestRefused(
            400, "The request must be a JSON object with a `query` string", ErrorCode.BAD_REQUEST
        )
    query = params.get("query")
    if not isinstance(query, str) or not query.strip():
        raise RequestRefused(
            400,
            "No GraphQL query found in the request: `query` must be a non-empty string",
            ErrorCode.BAD_REQUEST,
        )
    operation_name = params.get("operationName")
    if not isinstance(operation_name, str | None):
        raise RequestRefused(400, "`operationName` must be a string", ErrorCode.BAD_REQUEST)
    operation_name = operation_name or None
    variables = params.get("variables")
    extensions = params.get("extensions")
    for name, value in (("variables", variables), ("extensions", extensions)):
        if not isinstance(value, dict | None):
            raise RequestRefused(400, f"`{name}` must be a JSON object", ErrorCode.BAD_REQUEST)
    return GraphQLRequestData(
        query=query, variables=variables, operation_name=operation_name, extensions=extensions
    )


def _unavailable_refusal() -> RequestRefused:
    return RequestRefused(
        503, UNAVAILABLE_MESSAGE, SERVICE_UNAVAILABLE, {"Retry-After": str(RETRY_AFTER_SECONDS)}
    )


def _codes(response_data: GraphQLHTTPResponse) -> list[str]:
    """The ``extensions.code`` of each error of a response (every error has one)."""
    return [
        str(error.get("extensions", {}).get("code"))
        for error in response_data.get("errors") or []
        if isinstance(error, dict)
    ]


def _has_code(response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], code: str) -> bool:
    results = response_data if isinstance(response_data, list) else [response_data]
    return any(
        isinstance(error, dict) and error.get("extensions", {}).get("code") == code
        for result in results
        for error in result.get("errors") or []
    )


def _request_error(message: str, code: ErrorCode) -> PreExecutionError:
    return PreExecutionError(data=None, errors=[GraphQLError(message, extensions={"code": code})])


class Stage(StrEnum):
    """Where a request failed: before execution, a request error, the response has no data."""

    PREPARATION = "preparation"  # parse, validation, operation, extension failures
    VARIABLES = "variables"  # graphql-core's variable coercion
    EXECUTION = "execution"  # execution started (resolver errors, or no error at all)


def _failed_stage(result: ExecutionResult) -> Stage:
    """Strawberry returns failures before execution as ``PreExecutionError``; graphql-core
    reports variable coercion failures as errors without a path and no data."""
    if isinstance(result, PreExecutionError):
        return Stage.PREPARATION
    errors = result.errors or []
    if result.data is None and errors and all(error.path is None for error in errors):
        return Stage.VARIABLES
    return Stage.EXECUTION


def _code_for(error: GraphQLError, stage: Stage) -> ErrorCode:
    crashed = error.original_error is not None and not isinstance(
        error.original_error, GraphQLError
    )
    if stage is Stage.EXECUTION or crashed:
        return ErrorCode.INTERNAL_SERVER_ERROR
    if stage is Stage.VARIABLES:
        return ErrorCode.BAD_USER_INPUT
    if isinstance(error, GraphQLSyntaxError):
        return ErrorCode.GRAPHQL_PARSE_FAILED
    return ErrorCode.GRAPHQL_VALIDATION_FAILED


def _with_code(error: GraphQLError, stage: Stage) -> dict[str, Any]:
    formatted: dict[str, Any] = dict(error.formatted)
    extensions = dict(formatted.get("extensions") or {})
    extensions.setdefault("code", _code_for(error, stage))
    formatted["extensions"] = extensions
    return formatted


def _status_for(
    response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], media_type: str
) -> int:
    if isinstance(response_data, list) or "data" in response_data:
        return 200
    if media_type != GRAPHQL_RESPONSE_JSON:
        return 200  # legacy application/json: request errors are 200 too
    codes = {
        error.get("extensions", {}).get("code")
        for error in response_data.get("errors") or []
        if isinstance(error, dict)
    }
    for code, status in _REFUSAL_STATUS:
        if code in codes:
            return status
    return 400


# The most telling status for an operation refused before execution, first match wins.
_REFUSAL_STATUS = (
    (ErrorCode.INTERNAL_SERVER_ERROR, 500),
    ("UNAUTHENTICATED", 401),
    ("FORBIDDEN", 403),
    ("RATE_LIMITED", 429),
)


def graphql_routes(
    schema: BaseSchema,
    context_getter: ContextGetter,
    settings: Settings,
    *,
    path: str = "/graphql",
    connection_init: ConnectionInit | None = None,
    websocket_server: WebSocketServer | None = None,
    redis: Redis | None = None,
    metrics: Metrics | None = None,
    tracing: Tracing | None = None,
) -> list[BaseRoute]:
    """``path`` for HTTP and WebSocket, and GraphiQL's assets when GraphiQL is on;
    ``redis``: the runtime's pool (persisted queries); ``metrics`` and ``tracing``: the
    runtime's, None when off."""
    graphiql = (
        GraphiQL(settings.graphiql_assets_dir or default_assets_dir())
        if settings.graphiql
        else None
    )
    view = GraphQLView(
        schema,
        context_getter,
        graphiql=graphiql,
        connection_init=connection_init,
        settings=settings,
        websocket_server=websocket_server,
        redis=redis,
        metrics=metrics,
        tracing=tracing,
    )
    routes: list[BaseRoute] = [
        Route(path, view, name="graphql"),
        WebSocketRoute(path, view, name="graphql_ws"),
    ]
    if graphiql is not None:
        routes.append(graphiql.asset_route())
    return routes
