"""Persisted queries over HTTP, Apollo's protocol (``PersistedQueryLink``).

A request names its document with ``extensions.persistedQuery = {"version": 1,
"sha256Hash": "<hex>"}``, in the POST body or in the ``extensions`` parameter of a GET:

- hash only: the document the server keeps under that hash runs; an unknown hash gets
  ``PersistedQueryNotFound`` (``PERSISTED_QUERY_NOT_FOUND``, status 200, ``no-store``), on
  which the client sends the hash again with the document's text;
- hash and text: the text must hash to it (else 400 ``PERSISTED_QUERY_HASH_MISMATCH``, not
  run); it runs, and once it has passed validation it is kept (``persisted_query_store``).

``RANGEX_PERSISTED_QUERIES``: ``automatic`` (the above; documents registered with
``persisted-queries register`` answer a hash too), ``off`` (``PersistedQueryNotSupported``,
on which Apollo's link stops sending hashes), ``only`` (an allow-list: only registered
documents run, by hash or by text; anything else gets 400 ``PERSISTED_QUERY_NOT_ALLOWED``).

A GET of a persisted query is ``Cache-Control: public, max-age=N`` when it carries no
``Authorization`` and its result no error (``RANGEX_PERSISTED_QUERIES_GET_MAX_AGE_SECONDS``),
``no-store`` otherwise; ``Vary: Accept, Authorization`` either way.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from graphql import GraphQLError
from redis.asyncio import Redis
from starlette.datastructures import MutableHeaders
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError

from ...services.persisted_queries import registered_document, sha256_hex
from ...settings import PersistedQueriesMode, Settings
from .persisted_query_store import DocumentStore, MemoryDocumentStore, build_document_store

SUPPORTED_VERSION = 1
SHA256_HEX = re.compile(r"^[0-9a-fA-F]{64}$")
NO_STORE = {"Cache-Control": "no-store"}

RegisteredLookup = Callable[[str], Awaitable[str | None]]


class PersistedQueryCode(StrEnum):
    NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
    NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED"
    NOT_ALLOWED = "PERSISTED_QUERY_NOT_ALLOWED"
    HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH"
    VERSION_NOT_SUPPORTED = "PERSISTED_QUERY_VERSION_NOT_SUPPORTED"
    INVALID = "PERSISTED_QUERY_INVALID"


class PersistedQueryRefused(Exception):
    """A request refused before any GraphQL work; the view answers it as a request error."""

    def __init__(
        self,
        status_code: int,
        message: str,
        code: PersistedQueryCode,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.code = code
        self.headers = dict(headers or {})


@dataclass(frozen=True, slots=True)
class PersistedDocument:
    """The document a request runs; ``remember``: it came with its text, keep it once valid."""

    sha256_hash: str
    query: str
    remember: bool


@dataclass
class PersistedRequestData(GraphQLRequestData):
    persisted: PersistedDocument | None = None


class PersistedQueries:
    def __init__(
        self,
        mode: PersistedQueriesMode,
        store: DocumentStore,
        *,
        registered_cache: MemoryDocumentStore,
        get_max_age_seconds: int = 0,
        lookup_registered: RegisteredLookup = registered_document,
    ) -> None:
        self.mode = mode
        self.store = store
        self.registered_cache = registered_cache
        self.get_max_age_seconds = get_max_age_seconds
        self.lookup_registered = lookup_registered

    @classmethod
    def from_settings(cls, settings: Settings, *, redis: Redis | None = None) -> PersistedQueries:
        """``redis``: the runtime's pool, for the Redis store (see ``build_document_store``)."""
        return cls(
            settings.persisted_queries,
            build_document_store(settings, redis=redis),
            registered_cache=MemoryDocumentStore(
                settings.persisted_queries_cache_size, settings.persisted_queries_cache_bytes
            ),
            get_max_age_seconds=settings.persisted_queries_get_max_age_seconds,
        )

    async def prepare(self, params: object) -> tuple[object, PersistedDocument | None]:
        """``params`` with the text of the document they name, and that document."""
        document = await self.resolve(params)
        if document is None or not isinstance(params, dict):
            return params, None
        return {**params, "query": document.query}, document

    async def prepare_subscribe(self, payload: object) -> object:
        """A graphql-transport-ws ``subscribe`` payload with the text of the document it
        names; a refusal is a GraphQLError with its code, sent as that operation's error."""
        try:
            prepared, _ = await self.prepare(payload)
        except PersistedQueryRefused as refused:
            raise GraphQLError(refused.message, extensions={"code": refused.code}) from None
        return prepared

    async def resolve(self, params: object) -> PersistedDocument | None:
        """The document ``params`` (a request's JSON object) asks for, or None when it does
        not use persisted queries; raises ``PersistedQueryRefused``."""
        if not isinstance(params, dict):
            return None  # not a GraphQL request: the view refuses it
        query = params.get("query")
        if isinstance(query, str) and not query.strip():
            query = None  # a hash-only GET may carry an empty `query`
        if not isinstance(query, str | None):
            return None  # a malformed `query`: the view refuses it
        extensions = params.get("extensions")
        if not isinstance(extensions, dict):
            extensions = {}  # none, or malformed: the view refuses it
        asked = "persistedQuery" in extensions
        if self.mode is PersistedQueriesMode.OFF:
            if asked:
                raise PersistedQueryRefused(
                    200, "PersistedQueryNotSupported", PersistedQueryCode.NOT_SUPPORTED, NO_STORE
                )
            return None
        sha256_hash = _requested_hash(extensions) if asked else None
        if sha256_hash is not None and query is not None and sha256_hex(query) != sha256_hash:
            raise PersistedQueryRefused(
                400,
                "The query's SHA-256 is not `extensions.persistedQuery.sha256Hash`",
                PersistedQueryCode.HASH_MISMATCH,
            )
        if self.mode is PersistedQueriesMode.ONLY:
            return await self._registered_only(sha256_hash, query)
        if sha256_hash is None:
            return None
        if query is not None:
            return PersistedDocument(sha256_hash, query, remember=True)
        found = await self.store.get(sha256_hash) or await self._registered(sha256_hash)
        if found is None:
            raise PersistedQueryRefused(
                200, "PersistedQueryNotFound", PersistedQueryCode.NOT_FOUND, NO_STORE
            )
        return PersistedDocument(sha256_hash, found, remember=False)

    async def _registered_only(
        self, sha256_hash: str | None, query: str | None
    ) -> PersistedDocument | None:
        if sha256_hash is None and query is None:
            return None  # no document at all: the view refuses the request
        sha256_hash = sha256_hash or sha256_hex(query or "")
        found = await self._registered(sha256_hash)
        if found is None:
            raise PersistedQueryRefused(
                400,
                "This server runs registered documents only, and this one is not registered",
                PersistedQueryCode.NOT_ALLOWED,
            )
        return PersistedDocument(sha256_hash, found, remember=False)

    async def _registered(self, sha256_hash: str) -> str | None:
        # A hash names one text for ever, so a registered document is cached without expiry.
        found = await self.registered_cache.get(sha256_hash)
        if found is None:
            found = await self.lookup_registered(sha256_hash)
            if found is not None:
                await self.registered_cache.put(sha256_hash, found)
        return found

    async def after_execution(
        self,
        document: PersistedDocument,
        result: ExecutionResult,
        *,
        is_get: bool,
        authorized: bool,
        headers: MutableHeaders,
    ) -> None:
        """Keep a document that passed validation; say how a GET's response may be cached."""
        if document.remember and not isinstance(result, PreExecutionError):
            await self.store.put(document.sha256_hash, document.query)
        if not is_get:
            return
        headers["Vary"] = "Accept, Authorization"
        cacheable = self.get_max_age_seconds > 0 and not authorized and not result.errors
        headers["Cache-Control"] = (
            f"public, max-age={self.get_max_age_seconds}" if cacheable else "no-store"
        )

    async def aclose(self) -> None:
        await self.store.aclose()


def _requested_hash(extensions: dict[str, object]) -> str:
    persisted = extensions["persistedQuery"]
    if not isinstance(persisted, dict):
        raise PersistedQueryRefused(
            400, "`extensions.persistedQuery` must be an object", PersistedQueryCode.INVALID
        )
    if persisted.get("version") != SUPPORTED_VERSION:
        raise PersistedQueryRefused(
            400,
            f"Unsupported persisted query version: only {SUPPORTED_VERSION} is supported",
            PersistedQueryCode.VERSION_NOT_SUPPORTED,
        )
    sha256_hash = persisted.get("sha256Hash")
    if not isinstance(sha256_hash, str) or not SHA256_HEX.match(sha256_hash):
        raise PersistedQueryRefused(
            400,
            "`extensions.persistedQuery.sha256Hash` must be a SHA-256 in hexadecimal",
            PersistedQueryCode.INVALID,
        )
    return sha256_hash.lower()


def persisted_request_data(
    data: GraphQLRequestData, document: PersistedDocument | None
) -> GraphQLRequestData:
    if document is None:
        return data
    return PersistedRequestData(
        query=data.query,
        variables=data.variables,
        operation_name=data.operation_name,
        extensions=data.extensions,
        protocol=data.protocol,
        persisted=document,
    )
