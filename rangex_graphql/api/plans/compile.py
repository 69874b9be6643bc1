"""From a validated operation to its plan: per object type, the fields it selects, each
with what it reads and how its value is completed.

Field collection (fragments, aliases merged into one response key, `@skip`/`@include`) is
graphql-core's own `collect_fields`/`collect_subfields`, run once per plan instead of once
per object per request. A plan is compiled for one set of `@skip`/`@include` variable
values (the cache keys on them), so the collected fields are the ones graphql-core would
collect for the request. Sub-plans of object types are compiled on first use: a field of
an interface or union type gets one per runtime type it meets.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from graphql import (
    GraphQLAbstractType,
    GraphQLField,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    Undefined,
)
from graphql.execution.collect_fields import FieldDetails, collect_fields, collect_subfields
from graphql.execution.executor import default_field_resolver, to_nodes
from graphql.language import FieldNode
from graphql.pyutils import Path
from graphql.type import is_abstract_type, is_leaf_type, is_list_type, is_non_null_type

if TYPE_CHECKING:
    from graphql.execution.executor import Executor


class Walk(Protocol):
    """What completion functions need of the walk that calls them (`run.PlanRun`)."""

    executor: Executor[Any]

    def complete_items(
        self,
        fp: FieldPlan,
        item_type: GraphQLOutputType,
        inner: Completer,
        items: Sequence[Any],
        path: Path,
    ) -> Any: ...

    def complete_object(
        self,
        fp: FieldPlan,
        type_: GraphQLObjectType,
        value: Any,
        path: Path,
        info: GraphQLResolveInfo[Any] | None,
    ) -> Any: ...

    def complete_abstract(
        self,
        fp: FieldPlan,
        type_: GraphQLAbstractType,
        value: Any,
        path: Path,
        info: GraphQLResolveInfo[Any] | None,
    ) -> Any: ...

    def graphql_core_complete(
        self,
        fp: FieldPlan,
        type_: GraphQLOutputType,
        value: Any,
        path: Path,
        info: GraphQLResolveInfo[Any] | None,
    ) -> Any: ...


STRAWBERRY_DEFINITION = "strawberry-definition"
STRAWBERRY_IS_TYPE_OF = "GraphQLCoreConverter.from_object.<locals>._get_is_type_of.<locals>."

Completer = Callable[["Walk", "FieldPlan", Any, Path, GraphQLResolveInfo[Any] | None], Any]
"""(run, field, value, path, info or None) -> the completed value, or an awaitable of it."""


class Unplannable(Exception):
    """The operation needs something the planner leaves to graphql-core."""


class FieldPlan:
    """One response key of an object's selection."""

    __slots__ = (
        "args_needed",
        "attribute",
        "complete",
        "details",
        "field_def",
        "fragment_variables",
        "key",
        "needs_path",
        "node",
        "nodes",
        "object_plans",
        "parent_type",
        "resolve",
        "return_type",
    )

    def __init__(
        self,
        key: str,
        parent_type: GraphQLObjectType,
        field_def: GraphQLField,
        details: list[FieldDetails],
    ) -> None:
        self.key = key
        self.parent_type = parent_type
        self.field_def = field_def
        self.details = details
        self.nodes: list[FieldNode] = to_nodes(details)
        self.node = details[0].node
        self.fragment_variables = details[0].fragment_variable_values
        self.return_type: GraphQLOutputType = field_def.type
        self.args_needed = bool(field_def.args or self.node.arguments)
        self.resolve = field_def.resolve or default_field_resolver
        self.attribute = _plain_attribute(field_def, self.args_needed)
        self.complete = completer(self, self.return_type)
        self.needs_path = not is_leaf_type(_named(self.return_type))
        # Runtime object type -> the plan of this field's sub-selection on it.
        self.object_plans: dict[GraphQLObjectType, ObjectPlan] = {}

    def object_plan(self, executor: Executor[Any], object_type: GraphQLObjectType) -> ObjectPlan:
        plan = self.object_plans.get(object_type)
        if plan is None:
            collected = collect_subfields(
                executor.schema,
                executor.fragments,
                executor.variable_values,
                executor.operation,
                object_type,
                self.details,
                executor.hide_suggestions,
            )
            if collected.new_defer_usages:
                raise Unplannable("@defer")
            plan = ObjectPlan(object_type, collected.grouped_field_set, executor)
            self.object_plans[object_type] = plan
        return plan


class ObjectPlan:
    """The fields one object type answers for one selection."""

    __slots__ = ("fields", "is_type_of", "is_type_of_info_free", "name", "type")

    def __init__(
        self,
        object_type: GraphQLObjectType,
        grouped: Mapping[str, list[FieldDetails]],
        executor: Executor[Any],
    ) -> None:
        self.type = object_type
        self.name = object_type.name
        self.is_type_of = object_type.is_type_of
        # Strawberry's own is_type_of (types with interfaces) never reads its info.
        self.is_type_of_info_free = STRAWBERRY_IS_TYPE_OF in getattr(
            self.is_type_of, "__qualname__", ""
        )
        schema = executor.schema
        fields = []
        for key, details in grouped.items():
            field_def = schema.get_field(object_type, details[0].node.name.value)
            if field_def is not None:  # graphql-core leaves unknown fields out too
                fields.append(FieldPlan(key, object_type, field_def, details))
        self.fields = fields


def root_plan(executor: Executor[Any]) -> ObjectPlan:
    root_type = executor.schema.get_root_type(executor.operation.operation)
    if root_type is None:
        raise Unplannable("no root type")
    collected = collect_fields(
        executor.schema,
        executor.fragments,
        executor.variable_values,
        root_type,
        executor.operation,
        executor.hide_suggestions,
    )
    if collected.new_defer_usages:
        raise Unplannable("@defer")
    return ObjectPlan(root_type, collected.grouped_field_set, executor)


def _named(type_: GraphQLOutputType) -> GraphQLOutputType:
    while isinstance(type_, (GraphQLNonNull, GraphQLList)):
        type_ = type_.of_type
    return type_


def _plain_attribute(field_def: GraphQLField, args_needed: bool) -> str | None:
    """The attribute a Strawberry field without a resolver reads, if it is one.

    Strawberry gives such fields a resolver marked `_is_default` that calls
    `getattr(source, python_name)` (the default `default_resolver`); reading the attribute
    directly is the same call without the resolver `info` it never uses.
    """
    if args_needed or not getattr(field_def.resolve, "_is_default", False):
        return None
    definition = (field_def.extensions or {}).get(STRAWBERRY_DEFINITION)
    if definition is None or definition.default_resolver is not getattr:
        return None
    name = definition.python_name
    return name if isinstance(name, str) else None


# Completion functions, one per return type shape. Each mirrors graphql-core's
# `complete_value` for its shape; anything unusual is handed to graphql-core's own
# `complete_value` for that value (the same errors, by construction).


def completer(field: FieldPlan, type_: GraphQLOutputType) -> Completer:
    if is_non_null_type(type_):
        return _non_null(field, completer(field, type_.of_type))
    if is_list_type(type_):
        return _list(type_, completer(field, type_.of_type))
    if is_leaf_type(type_):
        return _leaf(type_)
    if is_abstract_type(type_) or isinstance(type_, GraphQLObjectType):
        return _composite(type_)
    raise Unplannable(f"output type {type_}")  # pragma: no cover: every output type is above


def _non_null(field: FieldPlan, inner: Completer) -> Completer:
    message = (
        f"Cannot return null for non-nullable field {field.parent_type}.{field.node.name.value}."
    )

    def complete(
        run: Walk, fp: FieldPlan, value: Any, path: Path, info: GraphQLResolveInfo[Any] | None
    ) -> Any:
        if isinstance(value, Exception):
            raise value
        completed = inner(run, fp, value, path, info)
        if completed is None:
            raise TypeError(message)
        return completed

    return complete


def _leaf(type_: GraphQLLeafType) -> Completer:
    coerce = type_.coerce_output_value

    def complete(
        run: Walk, fp: FieldPlan, value: Any, path: Path, info: GraphQLResolveInfo[Any] | None
    ) -> Any:
        if value is None or value is Undefined:
            return None
        if isinstance(value, Exception):
            raise value
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            return run.executor.complete_leaf_value(type_, value)  # raises its error
        return coerced

    return complete


def _list(type_: GraphQLList[Any], inner: Completer) -> Completer:
    item_type = type_.of_type

    def complete(
        run: Walk, fp: FieldPlan, value: Any, path: Path, info: GraphQLResolveInfo[Any] | None
    ) -> Any:
        if value is None or value is Undefined:
            return None
        if isinstance(value, Exception):
            raise value
        if not isinstance(value, (list, tuple)):  # iterators, async iterables: graphql-core
            return run.graphql_core_complete(fp, type_, value, path, info)
        return run.complete_items(fp, item_type, inner, value, path)

    return complete


def _composite(type_: GraphQLObjectType | GraphQLAbstractType) -> Completer:
    """An object, or an interface or union (its runtime type decided per value)."""
    abstract = is_abstract_type(type_)

    def complete(
        run: Walk, fp: FieldPlan, value: Any, path: Path, info: GraphQLResolveInfo[Any] | None
    ) -> Any:
        if value is None or value is Undefined:
            return None
        if isinstance(value, Exception):
            raise value
        if abstract:
            return run.complete_abstract(fp, type_, value, path, info)  # type: ignore[arg-type]
        return run.complete_object(fp, type_, value, path, info)  # type: ignore[arg-type]

    return complete
