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
from inspect import isasyncgenfunction
from typing import TYPE_CHECKING, Any, Protocol, TypeVar
from weakref import WeakKeyDictionary

from graphql import (
    GraphQLAbstractType,
    GraphQLField,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLSchema,
    Undefined,
)
from graphql.execution.collect_fields import FieldDetails, collect_fields, collect_subfields
from graphql.execution.executor import default_field_resolver, to_nodes
from graphql.language import FieldNode
from graphql.pyutils import Path
from graphql.type import is_abstract_type, is_leaf_type, is_list_type, is_non_null_type
from strawberry.types.arguments import convert_arguments

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
        "direct",
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
        schema: GraphQLSchema,
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
        self.direct = None if self.attribute else shared_direct_call(self, schema)
        self.complete = shared_completer(self)
        self.needs_path = not is_leaf_type(_named(self.return_type))
        # Runtime object type -> the plan of this field's sub-selection on it (made on
        # first use; leaves never have one).
        self.object_plans: dict[GraphQLObjectType, ObjectPlan] | None = None

    def object_plan(self, executor: Executor[Any], object_type: GraphQLObjectType) -> ObjectPlan:
        if self.object_plans is None:
            self.object_plans = {}
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
                fields.append(FieldPlan(key, object_type, field_def, details, schema))
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


class DirectCall:
    """A Strawberry resolver called as Strawberry's own wrapper calls it, without the wrapper.

    For a field with no field extensions (permission classes are extensions) and no
    exception handlers, the wrapper only converts the arguments to Python values, passes
    the source as `self`/`root`/`parent` and Strawberry's `Info` where the resolver asks
    for them, then calls the function. That is done here; a resolver that asks for neither
    `info` nor arguments is called without any resolver info being built.
    """

    __slots__ = (
        "arguments",
        "config",
        "field",
        "function",
        "info_name",
        "needs_info",
        "pass_self",
        "scalar_registry",
        "source_names",
    )

    def __init__(self, field: Any, converter: Any) -> None:
        resolver = field.base_resolver
        self.field = field
        self.function: Callable[..., Any] = resolver.wrapped_func
        self.pass_self = resolver.self_parameter is not None
        self.source_names = tuple(
            parameter.name
            for parameter in (resolver.parent_parameter, resolver.root_parameter)
            if parameter is not None
        )
        info = resolver.info_parameter
        self.info_name: str | None = info.name if info is not None else None
        self.arguments = field.arguments
        # Input types may build their value from the info (Strawberry's `convert_arguments`).
        self.needs_info = self.info_name is not None or bool(self.arguments)
        self.config = converter.config
        self.scalar_registry = converter.scalar_registry

    @classmethod
    def of(cls, field_def: GraphQLField, schema: GraphQLSchema) -> DirectCall | None:
        field = (field_def.extensions or {}).get(STRAWBERRY_DEFINITION)
        strawberry_schema = getattr(schema, "_strawberry_schema", None)
        if field is None or strawberry_schema is None:
            return None
        resolver = getattr(field, "base_resolver", None)
        if resolver is None or field.extensions or field.is_subscription:
            return None
        if isasyncgenfunction(resolver.wrapped_func):
            return None
        converter = strawberry_schema.schema_converter
        # No public reader of the handlers that apply to a field.
        if converter._get_field_exception_handlers(field):
            return None
        return cls(field, converter)

    def __call__(
        self, source: Any, info: GraphQLResolveInfo[Any] | None, args: dict[str, Any]
    ) -> Any:
        kwargs: dict[str, Any] = {}
        strawberry_info = None
        if self.needs_info:
            strawberry_info = self.config.info_class(_raw_info=info, _field=self.field)
        if args:
            kwargs = convert_arguments(
                args,
                self.arguments,
                scalar_registry=self.scalar_registry,
                config=self.config,
                info=strawberry_info,
            )
        for name in self.source_names:
            kwargs[name] = source
        if self.info_name is not None:
            kwargs[self.info_name] = strawberry_info
        if self.pass_self:
            return self.function(source, **kwargs)
        return self.function(**kwargs)


# Completion functions, one per return type shape. Each mirrors graphql-core's
# `complete_value` for its shape; anything unusual is handed to graphql-core's own
# `complete_value` for that value (the same errors, by construction).


T = TypeVar("T")
PerField = WeakKeyDictionary[GraphQLObjectType, dict[str, T]]
"""What is made once per schema field (parent type, field name) and shared by every plan
that selects it; a schema that goes takes its entries along."""

_COMPLETERS: PerField[Completer] = WeakKeyDictionary()
_DIRECT_CALLS: PerField[DirectCall | None] = WeakKeyDictionary()


def _per_field(made: PerField[T], field: FieldPlan, make: Callable[[], T]) -> T:
    by_name = made.get(field.parent_type)
    if by_name is None:
        by_name = made[field.parent_type] = {}
    name = field.node.name.value
    if name not in by_name:
        by_name[name] = make()
    return by_name[name]


def shared_direct_call(field: FieldPlan, schema: GraphQLSchema) -> DirectCall | None:
    """The field's `DirectCall` (or None), made once per schema field."""
    return _per_field(_DIRECT_CALLS, field, lambda: DirectCall.of(field.field_def, schema))


def shared_completer(field: FieldPlan) -> Completer:
    """The completion function of a schema field, made once per schema field (it depends
    on the field's type and name only)."""
    return _per_field(_COMPLETERS, field, lambda: completer(field, field.return_type))


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
