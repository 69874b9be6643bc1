"""Introspection, bounded and cached.

A full ``__schema`` answer is about 100 kB and costs tens of milliseconds to build; 30
aliased ``__schema`` selections returned 3 MB and held the event loop for 1.5 s, at a
query cost of 30. So:

- **One introspection field per operation**: more than ``MAX_INTROSPECTION_FIELDS``
  ``__schema``/``__type`` selections (aliases and fragments included) are refused in
  validation with ``TOO_MANY_INTROSPECTION_FIELDS``. GraphiQL's and codegen tools'
  queries ask for one.
- **Answered from a cache**: an operation that selects nothing but introspection fields
  depends on the schema and its variables only, so its result is kept per schema (the
  ``IntrospectionCache`` ``build_schema`` makes) and served without executing again.

``RANGEX_INTROSPECTION=false`` refuses introspection altogether (see the README).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from graphql import (
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    ValidationRule,
    get_operation_ast,
)
from graphql.language.visitor import SKIP, VisitorAction
from strawberry.extensions import SchemaExtension

from .document import LimitCode, measure

MAX_INTROSPECTION_FIELDS = 1
INTROSPECTION_FIELDS = frozenset({"__schema", "__type"})
CACHE_SIZE = 32


def _introspection_fields(field: FieldNode, recurse: Any) -> int:
    if field.name.value in INTROSPECTION_FIELDS:
        return 1
    return recurse(field.selection_set) if field.selection_set is not None else 0


class IntrospectionCountRule(ValidationRule):
    """At most ``MAX_INTROSPECTION_FIELDS`` ``__schema``/``__type`` per operation."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> VisitorAction:
        count = measure(node.selection_set, self.context, _introspection_fields, _add)
        if count > MAX_INTROSPECTION_FIELDS:
            self.report_error(
                GraphQLError(
                    f"The operation selects __schema or __type {count} times; the limit is "
                    f"{MAX_INTROSPECTION_FIELDS} (ask once, without aliases).",
                    node,
                    extensions={"code": LimitCode.TOO_MANY_INTROSPECTION_FIELDS},
                )
            )
        return SKIP


def _add(a: int, b: int) -> int:
    return a + b


class IntrospectionCache:
    """The data of introspection-only operations, by (document, operation, variables)."""

    def __init__(self, maxsize: int = CACHE_SIZE) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[tuple[str, str | None, str], dict[str, Any]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: tuple[str, str | None, str]) -> dict[str, Any] | None:
        data = self._data.get(key)
        if data is not None:
            self._data.move_to_end(key)
        return data

    def put(self, key: tuple[str, str | None, str], data: dict[str, Any]) -> None:
        self._data[key] = data
        self._data.move_to_end(key)
        while len(self._data) > self.maxsize:
            self._data.popitem(last=False)


def is_introspection_only(
    operation: OperationDefinitionNode, fragments: dict[str, FragmentDefinitionNode]
) -> bool:
    """A query whose root selects introspection fields and ``__typename`` only."""
    if operation.operation is not OperationType.QUERY:
        return False
    seen: set[str] = set()

    def only(selection_set: SelectionSetNode) -> bool:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if not selection.name.value.startswith("__"):
                    return False
            elif isinstance(selection, InlineFragmentNode):
                if not only(selection.selection_set):
                    return False
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in seen:
                    continue
                seen.add(name)
                fragment = fragments.get(name)
                if fragment is None or not only(fragment.selection_set):
                    return False
        return True

    return only(operation.selection_set)


class IntrospectionLimits(SchemaExtension):
    """Adds ``IntrospectionCountRule`` to validation, and serves introspection-only
    operations from ``cache`` (one per schema). Placed after the cost check, so such an
    operation is still costed and charged."""

    def __init__(self, cache: IntrospectionCache) -> None:
        self.cache = cache

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.validation_rules = (*context.validation_rules, IntrospectionCountRule)
        yield

    def on_execute(self) -> Iterator[None]:
        key = self._key()
        if key is not None:
            data = self.cache.get(key)
            if data is not None:
                self.execution_context.result = ExecutionResult(data=data)
                yield
                return
        yield
        result = self.execution_context.result
        if key is None or not isinstance(result, ExecutionResult):
            return
        if not result.errors and result.data is not None:
            self.cache.put(key, result.data)

    def _key(self) -> tuple[str, str | None, str] | None:
        context = self.execution_context
        document = context.graphql_document
        if context.result is not None or document is None or context.query is None:
            return None
        operation = get_operation_ast(document, context.operation_name)
        fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        if operation is None or not is_introspection_only(operation, fragments):
            return None
        variables = json.dumps(context.variables or {}, sort_keys=True, default=str)
        return context.query, context.operation_name, variables
