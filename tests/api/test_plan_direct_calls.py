"""Resolvers a plan calls directly (`plans.compile.DirectCall`): the same arguments
Strawberry's wrapper would pass (converted inputs, `self`/`root`, `info`), no resolver info
built for a resolver that takes none, and Strawberry's wrapper kept for fields with
permission classes. Compared with graphql-core on a small schema of its own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
import strawberry
from graphql import ExecutionResult, parse
from graphql.execution.executor import Executor
from strawberry.permission import BasePermission
from strawberry.types import Info

from rangex_graphql.api.plans.compile import DirectCall
from rangex_graphql.api.plans.entry import PlanCache
from rangex_graphql.settings import Settings


@strawberry.input
class Range:
    low: int
    high: int = 10


class OnlyAdmins(BasePermission):
    message = "admins only"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return bool(info.context.admin)


@strawberry.type
class Box:
    size: int

    @strawberry.field
    def doubled(self) -> int:
        return self.size * 2

    @strawberry.field
    def within(self, bounds: Range) -> bool:
        return bounds.low <= self.size <= bounds.high

    @strawberry.field
    def seen_by(self, info: Info) -> str:
        return str(info.context.name)

    @strawberry.field
    @staticmethod
    def from_root(root: Box) -> int:
        return root.size + 1

    @strawberry.field
    async def later(self) -> int:
        return self.size

    @strawberry.field(permission_classes=[OnlyAdmins])  # type: ignore[untyped-decorator]
    def secret(self) -> str:
        return "hidden"


@strawberry.type
class Query:
    @strawberry.field
    def boxes(self) -> list[Box]:
        return [Box(size=3), Box(size=12)]


SCHEMA = strawberry.Schema(query=Query)
QUERY = parse("{ boxes { size doubled within(bounds: {low: 1}) seenBy fromRoot later secret } }")


@dataclass
class _Context:
    settings: Settings
    name: str
    admin: bool


async def _run(cache: PlanCache | None, context: _Context) -> ExecutionResult:
    arguments: dict[str, Any] = {"context_value": context, "executor_class": Executor}
    if cache is None:
        from graphql import execute

        outcome: Any = execute(SCHEMA._schema, QUERY, **arguments)
    else:
        outcome = cache.execute(SCHEMA._schema, QUERY, **arguments)
    return outcome if isinstance(outcome, ExecutionResult) else await outcome


@pytest.mark.parametrize("admin", [True, False])
async def test_direct_calls_answer_as_strawberrys_wrapper_does(
    settings: Settings, admin: bool
) -> None:
    context = _Context(settings.model_copy(update={"execution_plans": True}), "ada", admin)
    cache = PlanCache()
    planned = await _run(cache, context)
    expected = await _run(None, context)
    assert planned.data == expected.data
    assert [e.formatted for e in planned.errors or ()] == [
        e.formatted for e in expected.errors or ()
    ]
    if admin:
        assert planned.data is not None
        boxes = planned.data["boxes"]
        assert boxes[0] == {
            "size": 3,
            "doubled": 6,
            "within": True,
            "seenBy": "ada",
            "fromRoot": 4,
            "later": 3,
            "secret": "hidden",
        }
        assert boxes[1]["within"] is False  # the input's default `high: 10` was applied
    else:  # `secret` is a non-null field of a non-null list: graphql-core nulls it all
        assert planned.data is None
        assert [e.message for e in planned.errors or ()] == ["admins only"]


def test_which_fields_are_called_directly() -> None:
    box = SCHEMA._schema.type_map["Box"]
    direct = {
        name: DirectCall.of(field, SCHEMA._schema)
        for name, field in box.fields.items()  # type: ignore[attr-defined]
        if name != "size"
    }
    assert direct["secret"] is None  # a permission class: Strawberry's wrapper checks it
    calls = {name: call for name, call in direct.items() if call is not None}
    assert sorted(calls) == ["doubled", "fromRoot", "later", "seenBy", "within"]
    assert [name for name, call in calls.items() if call.needs_info] == ["within", "seenBy"]


async def test_no_resolver_info_is_built_for_resolvers_that_take_none(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []
    original = Executor.build_resolve_info

    def counted(self: Executor[Any], field_def: Any, nodes: Any, parent: Any, path: Any) -> Any:
        built.append(str(path.key))
        return original(self, field_def, nodes, parent, path)

    monkeypatch.setattr(Executor, "build_resolve_info", counted)
    # Without the equality check, whose graphql-core run builds every field's info.
    plans_only = settings.model_copy(
        update={"execution_plans": True, "execution_plans_verify": False}
    )
    await _run(PlanCache(), _Context(plans_only, "ada", True))
    # `boxes`, `doubled`, `fromRoot` and `later` take neither info nor arguments.
    assert sorted(set(built)) == ["secret", "seenBy", "within"]
