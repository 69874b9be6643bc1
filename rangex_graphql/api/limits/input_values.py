"""Input strings checked before anything runs: valid Unicode, no NUL, not longer than the
field they are for (``input_lengths``).

A lone UTF-16 surrogate (JSON allows ``"\\ud800"``) cannot be encoded as UTF-8, so it broke
whatever stored, hashed or logged it; a string longer than its column failed inside the
Tortoise filter it was compared in. Both are refused here as ``BAD_USER_INPUT`` with the
argument's path (``input.login``), for variables and inline literals alike, once the
document is validated and before the first resolver: no resolver needs its own check.
The error never repeats the value (it may not be encodable).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    ValueNode,
    VariableNode,
    get_named_type,
    get_operation_ast,
)
from graphql.type.introspection import TypeMetaFieldDef
from strawberry.extensions import SchemaExtension

from ..document_memo import DocumentMemo
from ..errors import BadUserInput
from .input_lengths import argument_coordinate, input_field_coordinate, length_limit

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
Path = tuple[str | int, ...]


class InvalidInput(BadUserInput):
    """A string argument that cannot be taken: invalid Unicode, NUL, or too long."""


def string_problem(value: str, limit: int) -> str | None:
    if LONE_SURROGATE.search(value):
        return "not valid Unicode (a lone UTF-16 surrogate)"
    if "\x00" in value:
        return "contains a NUL character"
    if len(value) > limit:
        return f"at most {limit:,} characters, got {len(value):,}"
    return None


def invalid_unicode_in(value: object, path: Path = ()) -> Path | None:
    """The path of the first string (or mapping key) holding a lone surrogate, if any."""
    if isinstance(value, str):
        return path if LONE_SURROGATE.search(value) else None
    if isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str) and LONE_SURROGATE.search(key):
                return path
            found = invalid_unicode_in(item, (*path, str(key)))
            if found is not None:
                return found
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            found = invalid_unicode_in(item, (*path, i))
            if found is not None:
                return found
    return None


@dataclass(frozen=True, slots=True)
class _VariableUse:
    """An argument (or a part of one) whose value is a variable's."""

    variable: str
    type_: GraphQLInputType
    coordinate: str
    name: str
    path: Path
    refused_default: InvalidInput | None  # when absent: the default's first refusal


Site = _VariableUse | InvalidInput
"""Where an operation's arguments are checked: a variable's use, or a literal refused."""


class _ArgumentWalk:
    """Every argument of one operation, in order: the literals checked, the variables'
    uses noted (their values are checked per request, ``check_sites``)."""

    def __init__(
        self, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode
    ) -> None:
        self.schema = schema
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.variable_defaults = {
            d.variable.name.value: d.default_value
            for d in operation.variable_definitions or ()
            if d.default_value is not None
        }
        self.seen_fragments: set[str] = set()
        self.sites: list[Site] = []

    def check(self, parent: GraphQLNamedType, selection_set: SelectionSetNode) -> None:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                self.field(parent, selection)
            elif isinstance(selection, InlineFragmentNode):
                self.check(self.condition(selection, parent), selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is not None and name not in self.seen_fragments:
                    self.seen_fragments.add(name)
                    self.check(self.condition(fragment, parent), fragment.selection_set)

    def condition(
        self, node: InlineFragmentNode | FragmentDefinitionNode, parent: GraphQLNamedType
    ) -> GraphQLNamedType:
        if node.type_condition is None:
            return parent
        return self.schema.get_type(node.type_condition.name.value) or parent

    def field(self, parent: GraphQLNamedType, node: FieldNode) -> None:
        definition = self.definition(parent, node.name.value)
        if definition is None:
            return
        for argument in node.arguments or ():
            name = argument.name.value
            argument_definition = definition.args.get(name)
            if argument_definition is None:
                continue
            coordinate = argument_coordinate(parent.name, node.name.value, name)
            self.value(argument.value, argument_definition.type, coordinate, name, (name,))
        if node.selection_set is not None:
            self.check(get_named_type(definition.type), node.selection_set)

    def definition(self, parent: GraphQLNamedType, name: str) -> GraphQLField | None:
        if name == "__type":
            meta: GraphQLField = TypeMetaFieldDef
            return meta
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            field: GraphQLField | None = parent.fields.get(name)
            return field
        return None

    def value(
        self, node: ValueNode, type_: GraphQLInputType, coordinate: str, name: str, path: Path
    ) -> None:
        """A literal (or a variable's use) of ``type_``, for ``coordinate``."""
        if isinstance(node, VariableNode):
            variable = node.name.value
            default = self.variable_defaults.get(variable)
            refused = None
            if default is not None:
                before = len(self.sites)
                self.value(default, type_, coordinate, name, path)
                refusals = self.sites[before:]
                del self.sites[before:]
                refused = next((r for r in refusals if isinstance(r, InvalidInput)), None)
            self.sites.append(_VariableUse(variable, type_, coordinate, name, path, refused))
            return
        if isinstance(type_, GraphQLNonNull):
            self.value(node, type_.of_type, coordinate, name, path)
        elif isinstance(type_, GraphQLList):
            items = node.values if isinstance(node, ListValueNode) else (node,)
            for i, item in enumerate(items):
                self.value(item, type_.of_type, coordinate, name, (*path, i))
        elif isinstance(type_, GraphQLInputObjectType) and isinstance(node, ObjectValueNode):
            for field in node.fields:
                key = field.name.value
                if key in type_.fields:
                    field_coordinate = input_field_coordinate(type_.name, key)
                    field_type = type_.fields[key].type
                    self.value(field.value, field_type, field_coordinate, key, (*path, key))
        elif isinstance(node, StringValueNode):
            refused = _refusal(node.value, get_named_type(type_).name, coordinate, name, path)
            if refused is not None:
                self.sites.append(refused)


def _raw(value: object, type_: GraphQLInputType, coordinate: str, name: str, path: Path) -> None:
    """A variable's JSON value of ``type_`` (not coerced yet: it may not fit the type)."""
    if isinstance(type_, GraphQLNonNull):
        _raw(value, type_.of_type, coordinate, name, path)
    elif isinstance(type_, GraphQLList):
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            _raw(item, type_.of_type, coordinate, name, (*path, i))
    elif isinstance(type_, GraphQLInputObjectType) and isinstance(value, Mapping):
        for key, item in value.items():
            if key in type_.fields:
                field_coordinate = input_field_coordinate(type_.name, key)
                field_type = type_.fields[key].type
                _raw(item, field_type, field_coordinate, key, (*path, key))
    elif isinstance(value, str):
        refused = _refusal(value, get_named_type(type_).name, coordinate, name, path)
        if refused is not None:
            raise refused


def _refusal(
    value: str, named_type: str, coordinate: str, name: str, path: Path
) -> InvalidInput | None:
    problem = string_problem(value, length_limit(coordinate, named_type, name))
    if problem is None:
        return None
    field = ".".join(map(str, path))
    return InvalidInput(f"{field}: {problem}", field=field)


_SITES: DocumentMemo[tuple[Site, ...]] = DocumentMemo()


def argument_sites(
    schema: GraphQLSchema, document: DocumentNode, operation_name: str | None
) -> tuple[Site, ...]:
    """The operation's argument checks in order, worked out once per document."""

    def walk() -> tuple[Site, ...]:
        operation = get_operation_ast(document, operation_name)
        root = schema.get_root_type(operation.operation) if operation is not None else None
        if operation is None or root is None:
            return ()
        found = _ArgumentWalk(schema, document, operation)
        found.check(root, operation.selection_set)
        return tuple(found.sites)

    return _SITES.get(document, (schema, operation_name), walk)


def _again(refused: InvalidInput) -> InvalidInput:
    """A fresh error like ``refused`` (a cached one is not raised twice)."""
    return InvalidInput(refused.message, field=(refused.extensions or {}).get("field"))


def check_arguments(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
) -> None:
    """Raise ``InvalidInput`` for the first string argument that cannot be taken, then for
    a lone surrogate anywhere else in the variables (a key, a value of another type)."""
    given = variables or {}
    for site in argument_sites(schema, document, operation_name):
        if isinstance(site, InvalidInput):
            raise _again(site)
        if site.variable in given:
            _raw(given[site.variable], site.type_, site.coordinate, site.name, site.path)
        elif site.refused_default is not None:
            raise _again(site.refused_default)
    found = invalid_unicode_in(given)
    if found is not None:
        field = ".".join(map(str, found))
        raise InvalidInput(
            f"variable ${field}: not valid Unicode (a lone UTF-16 surrogate)", field=field
        )


class InputLimits(SchemaExtension):
    """``check_arguments`` once the operation is validated, before it executes."""

    def on_execute(self) -> Iterator[None]:
        execution_context = self.execution_context
        if execution_context.result is None and execution_context.graphql_document is not None:
            check_arguments(
                execution_context.schema._schema,
                execution_context.graphql_document,
                execution_context.operation_name,
                execution_context.variables,
            )
        yield
