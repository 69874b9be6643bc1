"""The Relay ``Node`` interface, the lookup behind ``node(id:)`` / ``nodes(ids:)``, and
the declaration of each node type built from a database row (``@row_node``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cache, cached_property
from typing import Any, Literal, TypeVar
from uuid import UUID

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.types.base import get_object_definition
from strawberry.types.lazy_type import LazyType
from tortoise.models import Model

from .context import Info
from .ids import expect_global_id, to_global_id
from .loader_shapes import one_by_id


@strawberry.interface(description="An object with a globally unique, opaque ID (Relay).")
class Node:
    id: strawberry.ID = strawberry.field(
        description="Global ID of the object: opaque, stable, and accepted by "
        "`node(id:)`, `nodes(ids:)` and every argument or input that names this type."
    )


# Given the request and a primary key, the node if it exists AND the viewer may see it
# through the type's own fields; None otherwise (no existence leak through `node`).
NodeResolver = Callable[[Info, UUID], Awaitable[Node | None]]

N = TypeVar("N", bound=Node)


async def visible_through_parent(
    info: Info, child: N | None, parent_of: Callable[[N], UUID], resolve_parent: NodeResolver
) -> N | None:
    """A part of another object (a machine of a version) is visible exactly when that
    object is: the one rule behind every such ``node`` lookup."""
    if child is None or await resolve_parent(info, parent_of(child)) is None:
        return None
    return child


# --- row-backed node types: one declaration each -------------------------------------------
#
# A node type built from a database row declares, in one place, its table, which column
# feeds which field, and its relations. Its global ID, its ``from_row`` and the columns its
# loaders select all come from that declaration, and ``node_declarations()`` lists them for
# whoever needs to plan reads (a query planner, the cost of a field, tests).


@dataclass(frozen=True)
class Computed:
    """A field whose value is not one column as it is: the columns it reads, and how."""

    reads: tuple[str, ...]
    value: Callable[[Mapping[str, Any]], Any]


@dataclass(frozen=True)
class Relation:
    """A field that leads to another row-backed node type.

    ``to_one``: ``key`` is this row's foreign-key column, the target's primary key.
    ``to_many``: ``key`` is the target table's column holding this row's primary key (a
    list or a connection of the targets)."""

    field: str  # the Python name of the field on this type
    target: str  # the GraphQL type name of the node type it leads to
    key: str
    kind: Literal["to_one", "to_many"]


def to_one(field: str, target: str, key: str) -> Relation:
    return Relation(field, target, key, "to_one")


def to_many(field: str, target: str, key: str) -> Relation:
    return Relation(field, target, key, "to_many")


def same(*names: str) -> dict[str, str]:
    """Fields named like their columns."""
    return {name: name for name in names}


@dataclass(frozen=True)
class NodeDeclaration:
    type_name: str
    model: type[Model]
    node_class: type[RowNode]
    # Field (Python name, Private ones included) -> the column it is read from as it is.
    columns: Mapping[str, str]
    computed: Mapping[str, Computed] = dataclass_field(default_factory=dict)
    # Columns selected though no field shows them (a join orders by them, say).
    also_read: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()

    @cached_property
    def selected_columns(self) -> tuple[str, ...]:
        """The columns to select for ``from_row``: the primary key first, each once."""
        wanted = ["id", *self.columns.values()]
        for computed in self.computed.values():
            wanted.extend(computed.reads)
        wanted.extend(self.also_read)
        return tuple(dict.fromkeys(wanted))

    def global_id(self, pk: UUID | str) -> strawberry.ID:
        return strawberry.ID(to_global_id(self.type_name, pk))

    def field_values(self, row: Mapping[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {"id": self.global_id(row["id"])}
        for name, column in self._column_items:
            values[name] = row[column]
        for name, computed in self._computed_items:
            values[name] = computed.value(row)
        return values

    @cached_property
    def _column_items(self) -> tuple[tuple[str, str], ...]:
        return tuple(self.columns.items())

    @cached_property
    def _computed_items(self) -> tuple[tuple[str, Computed], ...]:
        return tuple(self.computed.items())


_DECLARATIONS: dict[type[Any], NodeDeclaration] = {}

S = TypeVar("S", bound="RowNode")


class RowNode:
    """Mixin of a row-backed node type, declared with ``@row_node``: what the
    declaration gives, typed. (Not a Strawberry type: it adds no field.)"""

    @classmethod
    def declaration(cls) -> NodeDeclaration:
        return _DECLARATIONS[cls]

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        return cls.declaration().selected_columns

    @classmethod
    def global_id_of(cls, pk: UUID | str) -> strawberry.ID:
        return cls.declaration().global_id(pk)

    @classmethod
    def pk_of(cls, global_id: str, field: str = "id") -> UUID:
        """The primary key a global ID of this type names; another type's ID, or no ID at
        all, is the caller's input error at ``field``."""
        return expect_global_id(global_id, cls.declaration().type_name, field)

    @classmethod
    def from_row(cls: type[S], row: Mapping[str, Any]) -> S:
        build: Callable[..., S] = cls
        return build(**_DECLARATIONS[cls].field_values(row))

    @classmethod
    async def read(cls: type[S], pk: UUID) -> S | None:
        """The node of row ``pk`` as it is now (a mutation's payload), None when it is gone."""
        rows = await cls.declaration().model.filter(id=pk).values(*cls.columns())
        return cls.from_row(rows[0]) if rows else None


def row_node(
    model: type[Model],
    *,
    columns: Mapping[str, str],
    computed: Mapping[str, Computed] | None = None,
    also_read: tuple[str, ...] = (),
    relations: tuple[Relation, ...] = (),
) -> Callable[[type[S]], type[S]]:
    """Declare a row-backed node type; put it above ``@strawberry.type(name=...)``, whose
    name is the type name of the declaration (and of its global IDs)."""

    def declare(cls: type[S]) -> type[S]:
        definition = get_object_definition(cls, strict=True)
        taken = {d.type_name: d.node_class for d in _DECLARATIONS.values()}
        if taken.get(definition.name, cls) is not cls:
            raise TypeError(f"{definition.name} is declared twice: {taken[definition.name]}")
        _DECLARATIONS[cls] = NodeDeclaration(
            type_name=definition.name,
            model=model,
            node_class=cls,
            columns=dict(columns),
            computed=dict(computed or {}),
            also_read=also_read,
            relations=relations,
        )
        return cls

    return declare


def node_declarations() -> tuple[NodeDeclaration, ...]:
    """Every row-backed node type declared so far (all of them once the schema is built)."""
    return tuple(_DECLARATIONS.values())


# The GraphQL type graph has circles (a user lists their sessions, a session names its
# user); the import graph may not. A domain reaches a node type that points back at it
# by its name: its GraphQL type lazily, its rows through the loader made from its
# declaration, never by importing the other domain's module.


def node_class(type_name: str) -> type[RowNode]:
    """The node class declared for GraphQL type ``type_name`` (all are, once the schema
    is built)."""
    for declaration in _DECLARATIONS.values():
        if declaration.type_name == type_name:
            return declaration.node_class
    raise KeyError(f"no node type {type_name!r} is declared")


@cache
def nodes_by_id(type_name: str) -> Callable[[], DataLoader[UUID, Any]]:
    """The loader factory of ``type_name``'s nodes by primary key: one object per type,
    so every domain that asks for it shares one DataLoader in a request."""

    def by_id() -> DataLoader[UUID, Any]:
        cls = node_class(type_name)
        return one_by_id(cls.declaration().model, cls.columns(), cls.from_row)

    by_id.__qualname__ = by_id.__name__ = f"nodes_by_id({type_name})"
    return by_id


USER_TYPES = "rangex_graphql.api.user.types"
SCENARIO_TYPES = "rangex_graphql.api.scenario.types"


def node_type(class_name: str, module: str) -> Any:
    """``class_name`` of ``module`` as a field's GraphQL type, resolved when the schema is
    built (``strawberry.field(graphql_type=...)``)."""
    return LazyType(class_name, module)
