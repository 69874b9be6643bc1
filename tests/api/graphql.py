"""Running GraphQL documents against the schema in-process, as a given viewer."""

from __future__ import annotations

from typing import Any, cast

from rangex_graphql.api.context import Context, Viewer
from rangex_graphql.api.schema import schema
from rangex_graphql.models import User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings


def viewer_of(user: User | None) -> Viewer | None:
    return Viewer(id=user.id, role=UserRole(user.role)) if user else None


async def run(
    settings: Settings,
    document: str,
    variables: dict[str, Any] | None = None,
    *,
    as_user: User | None = None,
    runtime: Runtime | None = None,
    client_ip: str = "203.0.113.7",
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """(data, errors as formatted dicts) of one execution with a fresh context."""
    context = Context(
        settings=settings, viewer=viewer_of(as_user), runtime=runtime, client_ip=client_ip
    )
    result = await schema.execute(document, variable_values=variables, context_value=context)
    # A TypedDict of graphql-core's; the tests read it as plain JSON.
    errors = [cast("dict[str, Any]", error.formatted) for error in result.errors or []]
    return result.data, errors


async def data_of(
    settings: Settings,
    document: str,
    variables: dict[str, Any] | None = None,
    *,
    as_user: User | None = None,
    runtime: Runtime | None = None,
) -> dict[str, Any]:
    """The data of an execution that must not fail."""
    data, errors = await run(settings, document, variables, as_user=as_user, runtime=runtime)
    assert not errors, errors
    assert data is not None
    return data
