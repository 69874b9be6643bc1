"""Random query operations over a GraphQL schema, for property tests; seeded, reproducible.

`OperationGenerator(schema, values, rng).operation()` writes one query document by walking
the schema from its query root: fields, and objects nested down to a depth limit;
arguments (required ones always, optional ones sometimes, connections paged with small
`first`/`last`), taken from `ArgumentValues` so that lookups find rows; aliases, the same
field twice under two aliases with different arguments, the same response key twice
(merged); inline fragments on interfaces and unions (`node { ... on Scenario { ... } }`),
named fragments (reused where their type and depth fit); `@include`/`@skip` with literals
and variables (with and without defaults); variables for arguments; now and then a second
operation in the document, one of the two chosen by name.

Response keys are kept conflict-free by construction (a key is reused only for a field of
the same name and type, without arguments; anything else gets a fresh alias), so nearly
every document is valid; the caller still validates and drops what is not.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    GraphQLCompositeType,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    Undefined,
    get_named_type,
    get_nullable_type,
    is_abstract_type,
    is_composite_type,
    is_non_null_type,
)

PAGE_ARGUMENTS = frozenset({"first", "last", "after", "before"})
# What a connection page is asked for: mostly a few items from the start.
PAGING_CHOICES = ("first",) * 17 + ("last",) * 2 + ("default", "both", "cursor")


class EnumName(str):
    """An enum value: written bare in a literal, as a string in the variables."""


@dataclass(frozen=True)
class ArgumentValues:
    """What arguments are drawn from: rows that exist, so that lookups find something."""

    ids: Mapping[str, Sequence[str]]
    """Global IDs by type name."""
    strings: Mapping[str, Sequence[str]]
    """Strings by argument (or input field) name, else by scalar name (``DateTime``)."""
    id_types: Mapping[str, str]
    """The type an ID argument names, by argument name (``versionId``: ScenarioVersion)."""
    slug_types: Mapping[str, str]
    """The `strings` key of a ``slug`` argument, by the field taking it."""
    missing_id: str
    """A well-formed global ID of no row."""


@dataclass(frozen=True)
class Operation:
    document: str
    operation_name: str | None
    variables: dict[str, Any]
    conditions: tuple[str, ...]
    """The Boolean variables given a value that `@include`/`@skip` read."""

    def flipped(self) -> dict[str, Any]:
        """The variables with every condition negated: other selections, another plan."""
        return {
            name: (not value if name in self.conditions else value)
            for name, value in self.variables.items()
        }


@dataclass
class _Variable:
    type: str
    value: Any
    default: str | None = None
    condition: bool = False


@dataclass(frozen=True)
class _Fragment:
    name: str
    type_name: str
    height: int
    text: str
    variables: frozenset[str]
    aliases: int


@dataclass
class _Document:
    """What one document has so far: keys, variables, fragments."""

    keys: dict[str, str] = field(default_factory=dict)
    variables: dict[str, _Variable] = field(default_factory=dict)
    fragments: list[_Fragment] = field(default_factory=list)
    used: list[set[str]] = field(default_factory=list)
    """Variables read, per definition being written (operation, fragments within)."""
    aliases: list[int] = field(default_factory=list)
    """Aliases, fragments counted at each spread, per definition being written."""
    counter: int = 0

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def use(self, names: set[str] | frozenset[str]) -> None:
        for used in self.used:
            used.update(names)

    def begin(self) -> set[str]:
        used: set[str] = set()
        self.used.append(used)
        self.aliases.append(0)
        return used

    def end(self) -> int:
        """The aliases of the definition just written."""
        self.used.pop()
        return self.aliases.pop()


Selection = tuple[str, int]
"""A selection's text and its height (the selection sets nested below it)."""
Argument = tuple[str, str, Any]
"""An argument's name, type and value."""


def literal(value: Any) -> str:
    if isinstance(value, EnumName):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(literal(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {literal(item)}" for key, item in value.items()) + "}"
    return json.dumps(value)


class OperationGenerator:
    def __init__(
        self,
        schema: GraphQLSchema,
        values: ArgumentValues,
        rng: random.Random,
        *,
        max_depth: int = 5,
        max_aliases: int = 30,
        excluded_fields: frozenset[str] = frozenset(),
    ) -> None:
        assert schema.query_type is not None
        self.schema = schema
        self.query = schema.query_type
        self.values = values
        self.rng = rng
        self.max_depth = max_depth
        self.max_aliases = max_aliases
        self.excluded = excluded_fields  # as `Type.field`
        self.doc = _Document()

    def operation(self) -> Operation:
        self.doc = _Document()
        count = 2 if self.rng.random() < 0.05 else 1
        operations = [self._operation(named=count > 1) for _ in range(count)]
        _, name, used = self.rng.choice(operations)
        parts = [op[0] for op in operations] + [f.text for f in self.doc.fragments]
        variables = {
            key: _plain(self.doc.variables[key].value)
            for key in sorted(used)
            if self.doc.variables[key].default is None
        }
        conditions = tuple(key for key in variables if self.doc.variables[key].condition)
        return Operation("\n".join(parts), name, variables, conditions)

    def _operation(self, *, named: bool) -> tuple[str, str | None, set[str]]:
        used = self.doc.begin()
        budget = self.rng.randint(1, self.max_depth)
        selection, _ = self._selection_set(self.query, budget)
        self.doc.end()
        name = self.doc.fresh("Op") if named or self.rng.random() < 0.8 else None
        definitions = ", ".join(self._definition(key) for key in sorted(used))
        header = "query" + (f" {name}" if name else "") + (f"({definitions})" if used else "")
        return f"{header} {selection}", name, used

    def _definition(self, name: str) -> str:
        variable = self.doc.variables[name]
        default = f" = {variable.default}" if variable.default is not None else ""
        return f"${name}: {variable.type}{default}"

    # --- selections

    def _selection_set(self, type_: GraphQLCompositeType, budget: int) -> Selection:
        items: list[Selection] = []
        for index in range(self.rng.randint(1, 4 if budget > 2 else 3)):
            if index == 0 and type_ is self.query:  # `{ __typename }` alone is not executed
                items.extend(self._field(self.query, budget))
            else:
                items.extend(self._selection(type_, budget))
        if not items:
            items.append(("__typename", 0))
        return "{ " + " ".join(text for text, _ in items) + " }", max(h for _, h in items)

    def _selection(self, type_: GraphQLCompositeType, budget: int) -> list[Selection]:
        draw = self.rng.random()
        abstract = is_abstract_type(type_)
        if draw < 0.08:
            return [self._spread(type_, budget)]
        if draw < (0.5 if abstract else 0.16):
            return [self._inline_fragment(type_, budget)]
        if draw < (0.56 if abstract else 0.22) or isinstance(type_, GraphQLUnionType):
            return [("__typename" + self._directives(), 0)]
        return self._field(type_, budget)

    def _field(
        self, parent: GraphQLObjectType | GraphQLInterfaceType, budget: int
    ) -> list[Selection]:
        names = [
            name
            for name, definition in parent.fields.items()
            if (budget > 0 or not is_composite_type(get_named_type(definition.type)))
            and f"{parent.name}.{name}" not in self.excluded
        ]
        if not names:
            return [("__typename", 0)]
        name = self.rng.choice(names)
        definition = parent.fields[name]
        arguments = self._arguments(name, definition)
        key = self._response_key(name, definition, bool(arguments))
        if key is None:
            return [("__typename", 0)]
        copies = [(key, self._render(arguments))]
        twin = self._alias(name, definition) if arguments and self.rng.random() < 0.15 else None
        if twin is not None:  # the same field, other arguments
            copies.append((twin, self._render(self._arguments(name, definition))))
        if self.rng.random() < 0.08 and self._may_alias(key != name):
            copies.append(copies[0])  # the same key again: graphql-core merges the two
        return [self._field_text(name, k, a, definition, budget) for k, a in copies]

    def _field_text(
        self, name: str, key: str, arguments: str, definition: GraphQLField, budget: int
    ) -> Selection:
        head = (f"{key}: " if key != name else "") + name + arguments + self._directives()
        named = get_named_type(definition.type)
        if not is_composite_type(named):
            return head, 0
        selection, height = self._selection_set(named, budget - 1)
        return f"{head} {selection}", height + 1

    def _response_key(self, name: str, definition: GraphQLField, has_arguments: bool) -> str | None:
        """The field's name, or a fresh alias where the name could conflict; None when
        an alias is needed and the operation has its fill of them."""
        shape = str(definition.type)
        known = self.doc.keys.get(name)
        if self.rng.random() < 0.15:
            return self._alias(name, definition)
        if known is None:
            self.doc.keys[name] = shape + ("()" if has_arguments else "")
            return name
        if known == shape and not has_arguments:
            return name
        return self._alias(name, definition)

    def _alias(self, name: str, definition: GraphQLField) -> str | None:
        if not self._may_alias(True):
            return None
        alias = self.doc.fresh(f"{name}_")
        self.doc.keys[alias] = str(definition.type)
        return alias

    def _may_alias(self, aliased: bool) -> bool:
        """Count one more alias if ``aliased`` and the operation has room for it."""
        if not aliased:
            return True
        if sum(self.doc.aliases) >= self.max_aliases:
            return False
        self.doc.aliases[-1] += 1
        return True

    def _inline_fragment(self, type_: GraphQLCompositeType, budget: int) -> Selection:
        if not is_abstract_type(type_) and self.rng.random() < 0.3:
            condition = ""  # `... @include(if: $c) { ... }`: the parent's own type
            target = type_
        else:
            target = self.rng.choice(self._type_conditions(type_))
            condition = f" on {target.name}"
        selection, height = self._selection_set(target, budget)
        return f"...{condition}{self._directives()} {selection}", height

    def _spread(self, type_: GraphQLCompositeType, budget: int) -> Selection:
        conditions = self._type_conditions(type_)
        names = {condition.name for condition in conditions}
        room = self.max_aliases - sum(self.doc.aliases)  # a fragment counts at each spread
        fitting = [
            f
            for f in self.doc.fragments
            if f.type_name in names and f.height <= budget and f.aliases <= room
        ]
        if fitting and self.rng.random() < 0.5:
            fragment = self.rng.choice(fitting)
        else:
            fragment = self._new_fragment(self.rng.choice(conditions), budget)
        self.doc.use(fragment.variables)
        self.doc.aliases[-1] += fragment.aliases
        return f"...{fragment.name}{self._directives()}", fragment.height

    def _new_fragment(self, type_: GraphQLCompositeType, budget: int) -> _Fragment:
        used = self.doc.begin()
        selection, height = self._selection_set(type_, budget)
        aliases = self.doc.end()
        name = self.doc.fresh(f"{type_.name}Parts")
        text = f"fragment {name} on {type_.name} {selection}"
        fragment = _Fragment(name, type_.name, height, text, frozenset(used), aliases)
        self.doc.fragments.append(fragment)
        return fragment

    def _type_conditions(self, type_: GraphQLCompositeType) -> list[GraphQLCompositeType]:
        """Types a fragment within a selection on ``type_`` may be on."""
        if isinstance(type_, GraphQLObjectType):
            return [type_, *type_.interfaces]
        return [type_, *self.schema.get_possible_types(type_)]

    def _directives(self) -> str:
        if self.rng.random() >= 0.12:
            return ""
        directive = self.rng.choice(("include", "skip"))
        if self.rng.random() < 0.35:
            condition = literal(self.rng.random() < 0.5)
        else:
            condition = "$" + self._condition_variable()
        return f" @{directive}(if: {condition})"

    def _condition_variable(self) -> str:
        known = [name for name, v in self.doc.variables.items() if v.condition]
        if known and self.rng.random() < 0.4:
            name = self.rng.choice(known)
        else:
            name = self.doc.fresh("c")
            value = self.rng.random() < 0.5
            if self.rng.random() < 0.2:  # nullable, with a default, not sent
                self.doc.variables[name] = _Variable("Boolean", value, literal(value), True)
            else:
                self.doc.variables[name] = _Variable("Boolean!", value, condition=True)
        self.doc.use({name})
        return name

    # --- arguments

    def _arguments(self, name: str, definition: GraphQLField) -> list[Argument]:
        paging = self._paging() if PAGE_ARGUMENTS & definition.args.keys() else {}
        arguments: list[Argument] = []
        for arg_name, argument in definition.args.items():
            if arg_name in PAGE_ARGUMENTS:
                if arg_name not in paging:
                    continue
                value = paging[arg_name]
            elif (
                is_non_null_type(argument.type) and argument.default_value is Undefined
            ) or self.rng.random() < 0.3:
                value = self._value(arg_name, argument.type, owner=name)
            else:
                continue
            arguments.append((arg_name, str(argument.type), value))
        return arguments

    def _render(self, arguments: list[Argument]) -> str:
        """The arguments' text; some values become variables."""
        parts = [f"{name}: {self._argument(type_, value)}" for name, type_, value in arguments]
        return f"({', '.join(parts)})" if parts else ""

    def _argument(self, type_text: str, value: Any) -> str:
        if self.rng.random() >= 0.3:
            return literal(value)
        name = self.doc.fresh("v")
        default = literal(value) if self.rng.random() < 0.15 else None
        self.doc.variables[name] = _Variable(type_text, value, default)
        self.doc.use({name})
        return f"${name}"

    def _paging(self) -> dict[str, Any]:
        choice = self.rng.choice(PAGING_CHOICES)
        if choice == "first":
            return {"first": self.rng.randint(0, 3)}
        if choice == "last":
            return {"last": self.rng.randint(1, 3)}
        if choice == "both":  # refused by the resolver: an error path
            return {"first": 1, "last": 1}
        if choice == "cursor":  # not a cursor of this list: an error path
            return {"first": 2, "after": "bm90LWEtY3Vyc29y"}
        return {}

    def _value(self, name: str, type_: GraphQLInputType, *, owner: str) -> Any:
        nullable = get_nullable_type(type_)
        if isinstance(nullable, GraphQLList):
            return [self._value(name, nullable.of_type, owner=owner) for _ in range(self._few())]
        if isinstance(nullable, GraphQLInputObjectType):
            return self._input_object(nullable, owner)
        if isinstance(nullable, GraphQLEnumType):
            return EnumName(self.rng.choice(list(nullable.values)))
        scalar = nullable.name
        if scalar == "ID":
            return self._id(name, owner)
        if scalar == "Boolean":
            return self.rng.random() < 0.5
        if scalar == "Int":
            return self.rng.choice((1, 2, 3, 5)) if name != "durationMinutes" else 60
        if scalar == "Float":
            return self.rng.choice((0.5, 1.0, 2.5))
        if name == "slug":
            return self.rng.choice(self.values.strings[self.values.slug_types[owner]])
        choices = self.values.strings.get(name) or self.values.strings.get(scalar) or ("x",)
        return self.rng.choice(choices)

    def _few(self) -> int:
        return self.rng.choice((1, 1, 2, 3))

    def _input_object(self, type_: GraphQLInputObjectType, owner: str) -> dict[str, Any]:
        value: dict[str, Any] = {}
        for name, input_field in type_.fields.items():
            required = is_non_null_type(input_field.type) and input_field.default_value is Undefined
            if required or self.rng.random() < 0.35:
                value[name] = self._value(name, input_field.type, owner=owner)
        return value

    def _id(self, name: str, owner: str) -> str:
        draw = self.rng.random()
        if draw < 0.06:
            return self.values.missing_id
        if draw < 0.08:
            return "not-a-global-id"
        type_name = self.values.id_types.get(f"{owner}.{name}") or self.values.id_types.get(name)
        if type_name is None or draw < 0.12:  # `node(id:)`, or an ID of another type
            type_name = self.rng.choice(sorted(self.values.ids))
        return self.rng.choice(self.values.ids[type_name])


def _plain(value: Any) -> Any:
    """A value as JSON variables carry it."""
    if isinstance(value, EnumName):
        return str(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value
