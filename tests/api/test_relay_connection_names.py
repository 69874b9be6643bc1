"""Relay tooling treats every type named ``...Connection`` as a Relay connection."""

from __future__ import annotations

from graphql import GraphQLObjectType

from rangex_graphql.api.schema import schema


def test_only_relay_connections_are_named_connection() -> None:
    misnamed = [
        name
        for name, type_ in schema._schema.type_map.items()
        if name.endswith("Connection")
        and isinstance(type_, GraphQLObjectType)
        and not {"edges", "pageInfo"} <= set(type_.fields)
    ]
    assert misnamed == []


def test_a_session_machine_tells_how_to_reach_it_with_session_machine_access() -> None:
    machine = schema._schema.type_map["SessionMachine"]
    assert isinstance(machine, GraphQLObjectType)
    assert str(machine.fields["connection"].type) == "SessionMachineAccess"
