"""Calling the files mutations, and posting a presigned form, for the files tests."""

from __future__ import annotations

from typing import Any

import httpx
from starlette.applications import Starlette

from rangex_graphql.api.http.files import file_routes
from rangex_graphql.files.factory import build_store
from rangex_graphql.files.local import LocalStore
from rangex_graphql.models import User
from rangex_graphql.settings import Settings
from tests.api.graphql import run

CREATE = """
mutation($input: UploadCreateInput!) {
  uploadCreate(input: $input) {
    upload { id } url fields { name value } expiresAt
    errors { field code message }
  }
}"""
COMPLETE = """
mutation($input: UploadCompleteInput!) {
  uploadComplete(input: $input) {
    kind version { id coverUrl assets { id filename kind delivery size machineName } }
    asset { id filename kind delivery size contentType machineName targetPath permissions }
    errors { field code message }
  }
}"""


async def call(
    settings: Settings, document: str, name: str, as_user: User, **input: Any
) -> dict[str, Any]:
    data, errors = await run(settings, document, {"input": input}, as_user=as_user)
    assert not errors, errors
    assert data is not None
    result: dict[str, Any] = data[name]
    return result


async def create(settings: Settings, as_user: User, **input: Any) -> dict[str, Any]:
    return await call(settings, CREATE, "uploadCreate", as_user, **input)


async def complete(settings: Settings, as_user: User, **input: Any) -> dict[str, Any]:
    return await call(settings, COMPLETE, "uploadComplete", as_user, **input)


def codes(payload: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in payload["errors"]]


def local_app(settings: Settings) -> httpx.AsyncClient:
    store = build_store(settings)
    assert isinstance(store, LocalStore)
    app = Starlette(routes=file_routes(settings, store))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://api.test")


async def post_form(
    client: httpx.AsyncClient, created: dict[str, Any], data: bytes, content_type: str
) -> httpx.Response:
    fields = {f["name"]: f["value"] for f in created["fields"]}
    return await client.post(
        created["url"], data=fields, files={"file": ("upload", data, content_type)}
    )
