"""Each row-backed node type is declared once (``@row_node``): its type name, table,
columns and relations, which a query planner can read from ``node_declarations()``."""

from __future__ import annotations

import dataclasses
from typing import Any, cast
from uuid import UUID, uuid4

import pytest
import strawberry
from graphql import GraphQLObjectType
from strawberry.types.base import StrawberryObjectDefinition, get_object_definition
from tortoise.fields.relational import RelationalField

from rangex_graphql.api.errors import BadUserInput
from rangex_graphql.api.ids import from_global_id
from rangex_graphql.api.node import Node, NodeDeclaration, RowNode, node_declarations, row_node
from rangex_graphql.api.schema import schema


def _node_types_in_schema() -> dict[str, type]:
    found: dict[str, type] = {}
    for graphql_type in schema._schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType):
            continue
        if "Node" not in {interface.name for interface in graphql_type.interfaces}:
            continue
        definition = graphql_type.extensions["strawberry-definition"]
        assert isinstance(definition, StrawberryObjectDefinition)
        found[graphql_type.name] = definition.origin
    return found


DECLARATIONS = {declaration.type_name: declaration for declaration in node_declarations()}


def _foreign_key_targets(declaration: NodeDeclaration) -> dict[str, type]:
    """Each foreign-key column (``author_id``) of the model, and the model it points at."""
    meta = declaration.model._meta
    targets: dict[str, type] = {}
    for name in meta.fk_fields | meta.o2o_fields:
        relation = meta.fields_map[name]
        assert isinstance(relation, RelationalField)
        assert relation.source_field
        targets[relation.source_field] = relation.related_model
    return targets


def _model_fields(declaration: NodeDeclaration) -> set[str]:
    """What ``.values()`` can select: plain fields, and foreign keys by their ``*_id``."""
    return set(declaration.model._meta.fields_db_projection) | set(
        _foreign_key_targets(declaration)
    )


def test_every_node_type_of_the_schema_is_declared_once() -> None:
    in_schema = _node_types_in_schema()
    assert in_schema, "the schema has Node types"
    assert {name: d.node_class for name, d in DECLARATIONS.items()} == in_schema
    assert len(DECLARATIONS) == len(node_declarations())


@pytest.mark.parametrize("name", sorted(DECLARATIONS))
def test_its_columns_exist_on_its_model(name: str, db: None) -> None:
    declaration = DECLARATIONS[name]
    missing = set(declaration.selected_columns) - _model_fields(declaration)
    assert not missing, f"{name} reads columns {declaration.model.__name__} lacks: {missing}"


@pytest.mark.parametrize("name", sorted(DECLARATIONS))
def test_its_declaration_fills_every_field_the_type_needs(name: str) -> None:
    declaration = DECLARATIONS[name]
    fields = {f.name: f for f in dataclasses.fields(cast(Any, declaration.node_class))}
    declared = {"id", *declaration.columns, *declaration.computed}
    assert declared <= set(fields), f"{name} declares fields it lacks"
    required = {
        field_name
        for field_name, f in fields.items()
        if f.init and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    assert required <= declared, f"{name} leaves fields unfilled: {required - declared}"


@pytest.mark.parametrize("name", sorted(DECLARATIONS))
def test_its_relations_lead_to_declared_types_by_existing_keys(name: str, db: None) -> None:
    declaration = DECLARATIONS[name]
    definition = get_object_definition(declaration.node_class, strict=True)
    graphql_fields = {f.python_name for f in definition.fields}
    for relation in declaration.relations:
        assert relation.field in graphql_fields, f"{name}.{relation.field} is not a field"
        target = DECLARATIONS[relation.target]
        # to one: this row's foreign key to the target; to many: the target's key to this.
        keyed, pointed_at = (
            (declaration, target) if relation.kind == "to_one" else (target, declaration)
        )
        assert _foreign_key_targets(keyed).get(relation.key) is pointed_at.model, (
            f"{name}.{relation.field}: {relation.key} is no key of "
            f"{keyed.model.__name__} to {pointed_at.model.__name__}"
        )


@pytest.mark.parametrize("name", sorted(DECLARATIONS))
def test_its_global_ids_name_its_type(name: str) -> None:
    pk = uuid4()
    assert from_global_id(DECLARATIONS[name].node_class.global_id_of(pk)) == (name, pk)


PLAIN = sorted(name for name, declaration in DECLARATIONS.items() if not declaration.computed)


@pytest.mark.parametrize("name", PLAIN)
def test_its_rows_become_nodes_field_by_column(name: str) -> None:
    declaration = DECLARATIONS[name]
    row = {column: f"value of {column}" for column in declaration.selected_columns}
    row["id"] = str(uuid4())
    node = declaration.node_class.from_row(row)
    assert isinstance(node, Node)
    assert from_global_id(node.id) == (name, UUID(row["id"]))
    for field_name, column in declaration.columns.items():
        assert getattr(node, field_name) == row[column], f"{name}.{field_name}"


def test_an_id_of_the_type_gives_its_key_and_another_types_id_is_an_input_error() -> None:
    team, user = DECLARATIONS["Team"].node_class, DECLARATIONS["User"].node_class
    pk = uuid4()
    assert team.pk_of(team.global_id_of(pk)) == pk
    with pytest.raises(BadUserInput, match="expected a Team ID, got a User ID"):
        team.pk_of(user.global_id_of(pk), "teamId")


def test_a_type_name_cannot_be_declared_twice() -> None:
    taken = DECLARATIONS["Team"]

    @strawberry.type(name="Team")
    class AnotherTeam(RowNode, Node):
        pass

    with pytest.raises(TypeError, match="Team is declared twice"):
        row_node(taken.model, columns={})(AnotherTeam)
    assert node_declarations() == tuple(DECLARATIONS.values())
