# ruff: noqa: BLE001 -- any exception a resolver raises is a field error, as in graphql-core
"""Walking a plan over the data of one request.

The walk has graphql-core's shape (the same resolver calls in the same order, awaitables
gathered per object and per list as graphql-core gathers them, so data loaders batch as
before) with less done per field: a field without a resolver reads its attribute and gets
no resolver `info`; a field with one gets graphql-core's `info`, built by the request's
own executor. Errors go through the executor's `handle_field_error`, so paths, null
propagation and the error list are graphql-core's.
"""

from __future__ import annotations

from collections.abc import Awaitable, Sequence
from typing import Any

from graphql import (
    ExecutionResult,
    GraphQLAbstractType,
    GraphQLError,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
)
from graphql.execution.executor import Executor
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path, gather_with_cancel

from .compile import Completer, FieldPlan, ObjectPlan


class PlanRun:
    """One request's walk; ``executor`` is the one graphql-core built for the request."""

    __slots__ = ("executor", "is_awaitable")

    def __init__(self, executor: Executor[Any]) -> None:
        self.executor = executor
        self.is_awaitable = executor.is_awaitable

    async def run(self, root: ObjectPlan) -> ExecutionResult:
        executor = self.executor
        try:
            data = self.execute_fields(root, executor.root_value, None)
            if self.is_awaitable(data):
                data = await data
        except GraphQLError as error:
            executor.collected_errors.add(error, None)
            return executor.build_response(None)  # type: ignore[return-value]
        return executor.build_response(data)  # type: ignore[return-value]

    def execute_fields(self, plan: ObjectPlan, source: Any, path: Path | None) -> Any:
        is_awaitable = self.is_awaitable
        results: dict[str, Any] = {}
        pending: list[str] | None = None
        type_name = plan.name
        try:
            for fp in plan.fields:
                attribute = fp.attribute
                if attribute is not None:
                    completed = self.plain_field(fp, source, path, type_name, attribute)
                else:
                    completed = self.resolved_field(fp, source, path, type_name)
                results[fp.key] = completed
                if is_awaitable(completed):
                    if pending is None:
                        pending = [fp.key]
                    else:
                        pending.append(fp.key)
        except Exception:
            if pending:
                self.executor.settle_in_background([results[key] for key in pending])
            raise
        if pending is None:
            return results
        return self._await_fields(results, pending)

    @staticmethod
    async def _await_fields(results: dict[str, Any], pending: list[str]) -> dict[str, Any]:
        if len(pending) == 1:
            key = pending[0]
            results[key] = await results[key]
        else:
            done = await gather_with_cancel(*(results[key] for key in pending))
            results.update(zip(pending, done, strict=True))
        return results

    def plain_field(
        self, fp: FieldPlan, source: Any, path: Path | None, type_name: str, attribute: str
    ) -> Any:
        """A field without a resolver of its own: Strawberry's would read the attribute."""
        field_path = Path(path, fp.key, type_name) if fp.needs_path else None
        try:
            value = getattr(source, attribute)
            if self.is_awaitable(value):
                field_path = field_path or Path(path, fp.key, type_name)
                info = self.info(fp, field_path, None)
                return self._complete_awaitable(fp, info, field_path, value)
            completed = fp.complete(self, fp, value, field_path, None)  # type: ignore[arg-type]
            if self.is_awaitable(completed):
                return self._await_completed(
                    fp, completed, field_path or Path(path, fp.key, type_name)
                )
            return completed
        except Exception as error:
            self.executor.handle_field_error(
                error, fp.return_type, fp.details, field_path or Path(path, fp.key, type_name)
            )
            return None

    def resolved_field(self, fp: FieldPlan, source: Any, path: Path | None, type_name: str) -> Any:
        executor = self.executor
        field_path = Path(path, fp.key, type_name)
        direct = fp.direct
        info: GraphQLResolveInfo[Any] | None = None
        try:
            if direct is None or direct.needs_info:
                info = executor.build_resolve_info(
                    fp.field_def, fp.nodes, fp.parent_type, field_path
                )
            args = (
                get_argument_values(
                    fp.field_def,
                    fp.node,
                    executor.variable_values,
                    fp.fragment_variables,
                    executor.hide_suggestions,
                )
                if fp.args_needed
                else {}
            )
            if direct is not None:
                result = direct(source, info, args)
            else:
                result = fp.resolve(source, info, **args)  # type: ignore[arg-type]
            if self.is_awaitable(result):
                return self._complete_awaitable(fp, info, field_path, result)
            completed = fp.complete(self, fp, result, field_path, info)
            if self.is_awaitable(completed):
                return self._await_completed(fp, completed, field_path)
            return completed
        except Exception as error:
            executor.handle_field_error(error, fp.return_type, fp.details, field_path)
            return None

    async def _complete_awaitable(
        self,
        fp: FieldPlan,
        info: GraphQLResolveInfo[Any] | None,
        path: Path,
        result: Awaitable[Any],
    ) -> Any:
        try:
            resolved = await self.executor.with_abort_signal(result)
            completed = fp.complete(self, fp, resolved, path, info)
            if self.is_awaitable(completed):
                completed = await completed
        except Exception as error:
            self.executor.handle_field_error(error, fp.return_type, fp.details, path)
            completed = None
        return completed

    async def _await_completed(self, fp: FieldPlan, completed: Awaitable[Any], path: Path) -> Any:
        try:
            return await completed
        except Exception as error:
            self.executor.handle_field_error(error, fp.return_type, fp.details, path)
            return None

    def info(
        self, fp: FieldPlan, path: Path, info: GraphQLResolveInfo[Any] | None
    ) -> GraphQLResolveInfo[Any]:
        if info is not None:
            return info
        return self.executor.build_resolve_info(fp.field_def, fp.nodes, fp.parent_type, path)

    def graphql_core_complete(
        self,
        fp: FieldPlan,
        type_: GraphQLOutputType,
        value: Any,
        path: Path,
        info: GraphQLResolveInfo[Any] | None,
    ) -> Any:
        """graphql-core completes this value (a shape the plan leaves to it)."""
        return self.executor.complete_value(
            type_, fp.details, self.info(fp, path, info), path, value, None
        )

    def complete_items(
        self,
        fp: FieldPlan,
        item_type: GraphQLOutputType,
        inner: Completer,
        items: Sequence[Any],
        path: Path,
    ) -> Any:
        is_awaitable = self.is_awaitable
        executor = self.executor
        completed: list[Any] = []
        pending: list[int] | None = None
        for index, item in enumerate(items):
            item_path = Path(path, index, None)
            if is_awaitable(item):
                info = self.info(fp, path, None)
                value: Any = executor.complete_awaitable_list_item_value(
                    item, item_type, fp.details, info, item_path, None
                )
            else:
                try:
                    value = inner(self, fp, item, item_path, None)
                except Exception as error:
                    executor.handle_field_error(error, item_type, fp.details, item_path)
                    value = None
                else:
                    if not is_awaitable(value):
                        completed.append(value)
                        continue
                    value = self._await_item(item_type, fp, value, item_path)
            completed.append(value)
            if pending is None:
                pending = [index]
            else:
                pending.append(index)
        if pending is None:
            return completed
        return self._await_items(completed, pending)

    async def _await_item(
        self, item_type: GraphQLOutputType, fp: FieldPlan, value: Awaitable[Any], path: Path
    ) -> Any:
        try:
            return await value
        except Exception as error:
            self.executor.handle_field_error(error, item_type, fp.details, path)
            return None

    @staticmethod
    async def _await_items(completed: list[Any], pending: list[int]) -> list[Any]:
        if len(pending) == 1:
            index = pending[0]
            completed[index] = await completed[index]
        else:
            done = await gather_with_cancel(*(completed[index] for index in pending))
            for index, value in zip(pending, done, strict=True):
                completed[index] = value
        return completed

    def complete_object(
        self,
        fp: FieldPlan,
        type_: GraphQLObjectType,
        value: Any,
        path: Path,
        info: GraphQLResolveInfo[Any] | None,
    ) -> Any:
        plan = fp.object_plan(self.executor, type_)
        is_type_of = plan.is_type_of
        if is_type_of is not None:
            type_info: Any = None if plan.is_type_of_info_free else self.info(fp, path, info)
            matches = is_type_of(value, type_info)
            if matches is not True:  # a mismatch or an awaitable: graphql-core decides
                return self.graphql_core_complete(fp, type_, value, path, info)
        return self.execute_fields(plan, value, path)

    def complete_abstract(
        self,
        fp: FieldPlan,
        type_: GraphQLAbstractType,
        value: Any,
        path: Path,
        info: GraphQLResolveInfo[Any] | None,
    ) -> Any:
        executor = self.executor
        info = self.info(fp, path, info)
        resolve_type = type_.resolve_type or executor.type_resolver
        runtime_name = resolve_type(value, info, type_)
        if self.is_awaitable(runtime_name):
            return self.graphql_core_complete(fp, type_, value, path, info)
        runtime_type = executor.ensure_valid_runtime_type(
            runtime_name, type_, fp.details, info, value
        )
        return self.complete_object(fp, runtime_type, value, path, info)
