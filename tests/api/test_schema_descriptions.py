"""Every type, field, argument, input field and enum value of the schema is described.

GraphiQL and generated clients show these descriptions as the API's reference; a missing
one leaves integrators guessing at units, nullability and who may read a field.
"""

from __future__ import annotations

import re

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLEnumValue,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLInt,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLString,
    GraphQLUnionType,
    specified_scalar_types,
)

from rangex_graphql.api.schema import schema

FILLER = frozenset({"a", "an", "the", "its", "it", "of", "this", "is"})


def _words(text: str) -> set[str]:
    """Lower-case words of a description or of a name (camelCase and SNAKE_CASE split)."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)
    return set(re.findall(r"[a-z0-9]+", spaced.lower())) - FILLER


def _lacks_description(name: str, description: str | None) -> bool:
    """No description, or one that only repeats the name ("The name." for ``name``)."""
    return _words(description or "") <= _words(name)


def _undescribed(named: GraphQLNamedType) -> list[str]:
    """Paths (``Type``, ``Type.field``, ``Type.field(arg)``, ``Enum.VALUE``) of the parts of
    one named type that have no description, or one that only repeats their name."""
    missing: list[str] = []
    if _lacks_description(named.name, named.description):
        missing.append(named.name)
    if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
        for field_name, field in named.fields.items():
            if _lacks_description(field_name, field.description):
                missing.append(f"{named.name}.{field_name}")
            missing.extend(
                f"{named.name}.{field_name}({arg_name})"
                for arg_name, arg in field.args.items()
                if _lacks_description(arg_name, arg.description)
            )
    elif isinstance(named, GraphQLInputObjectType):
        missing.extend(
            f"{named.name}.{field_name}"
            for field_name, field in named.fields.items()
            if _lacks_description(field_name, field.description)
        )
    elif isinstance(named, GraphQLEnumType):
        missing.extend(
            f"{named.name}.{value_name}"
            for value_name, value in named.values.items()
            if _lacks_description(value_name, value.description)
        )
    return missing


def _schema_types(graphql_schema: GraphQLSchema) -> list[GraphQLNamedType]:
    """The types this schema defines: introspection types and built-in scalars excluded."""
    return [
        named
        for name, named in graphql_schema.type_map.items()
        if not name.startswith("__") and name not in specified_scalar_types
    ]


def test_the_walk_covers_every_kind_of_type_the_schema_defines() -> None:
    walked = _schema_types(schema._schema)
    names = {named.name for named in walked}
    assert {"Query", "Mutation", "Subscription", "Node", "PageInfo", "DateTime"} <= names
    assert not {"String", "ID", "__Schema", "__Type"} & names
    for kind in (
        GraphQLObjectType,
        GraphQLInterfaceType,
        GraphQLInputObjectType,
        GraphQLEnumType,
        GraphQLScalarType,
    ):
        assert any(isinstance(named, kind) for named in walked), kind


def test_an_undescribed_part_is_reported_by_its_path() -> None:
    field = GraphQLField(GraphQLString, args={"first": GraphQLArgument(GraphQLInt)})
    thing = GraphQLObjectType("Thing", {"name": field}, description="Something to count.")
    kind = GraphQLEnumType("Kind", {"BIG": GraphQLEnumValue("BIG")}, description="How big.")
    filter_ = GraphQLInputObjectType("ThingFilter", {"name": GraphQLInputField(GraphQLString)})
    union = GraphQLUnionType("Any", [thing])
    echo = GraphQLObjectType(
        "Echo", {"createdAt": GraphQLField(GraphQLString, description="The created at.")}
    )
    assert _undescribed(echo) == ["Echo", "Echo.createdAt"]
    assert _undescribed(thing) == ["Thing.name", "Thing.name(first)"]
    assert _undescribed(kind) == ["Kind.BIG"]
    assert _undescribed(filter_) == ["ThingFilter", "ThingFilter.name"]
    assert _undescribed(union) == ["Any"]


def test_every_part_of_the_schema_has_a_description() -> None:
    missing = [path for named in _schema_types(schema._schema) for path in _undescribed(named)]
    assert not missing, f"{len(missing)} parts of the schema lack a description:\n" + "\n".join(
        missing
    )
