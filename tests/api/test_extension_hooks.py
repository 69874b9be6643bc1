"""Schema-extension hooks prepared once per class (`api/extension_hooks.py`) run as
Strawberry runs them: each stage's hooks around the stage, per request, on that request's
extension instance; a hook of a kind not prepared (a plain function) goes Strawberry's way."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import strawberry
from strawberry.extensions import SchemaExtension

from rangex_graphql.api.error_log import ApiSchema
from rangex_graphql.api.extension_hooks import NO_MIDDLEWARE, middleware_manager


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        return "hi"


class Recording(SchemaExtension):
    calls: list[str] = []  # noqa: RUF012 - shared on purpose: read by the test
    instances: list[SchemaExtension] = []  # noqa: RUF012 - kept alive: ids stay distinct

    def on_operation(self) -> Iterator[None]:
        self.instances.append(self)
        self.calls.append(f"operation start {id(self)}")
        yield
        self.calls.append(f"operation end {id(self)}")

    async def on_execute(self) -> AsyncIterator[None]:
        self.calls.append("execute start")
        yield
        self.calls.append("execute end")

    def on_validate(self) -> None:  # type: ignore[override]  # a plain function: Strawberry wraps it
        self.calls.append("validate")


class Resolving(SchemaExtension):
    def resolve(self, _next, root, info, *args, **kwargs):  # type: ignore[no-untyped-def]
        return _next(root, info, *args, **kwargs)


async def test_each_request_runs_the_hooks_of_its_own_extension_instance() -> None:
    schema = ApiSchema(query=Query, extensions=[Recording])
    Recording.calls.clear()
    Recording.instances.clear()
    for _ in range(2):
        result = await schema.execute("{ hello }")
        assert result.errors is None
        assert result.data == {"hello": "hi"}
    first, second = Recording.calls[:5], Recording.calls[5:]
    instance = first[0].split()[-1]
    assert first == [
        f"operation start {instance}",
        "validate",
        "execute start",
        "execute end",
        f"operation end {instance}",
    ]
    assert len(second) == 5
    assert len(Recording.instances) == 2
    assert Recording.instances[0] is not Recording.instances[1]  # one instance per request


def test_the_middleware_manager_is_shared_only_when_nothing_resolves() -> None:
    assert middleware_manager([Recording()]) is NO_MIDDLEWARE
    manager = middleware_manager([Recording(), Resolving()])
    assert manager is not NO_MIDDLEWARE
    assert len(manager.middlewares) == 1
