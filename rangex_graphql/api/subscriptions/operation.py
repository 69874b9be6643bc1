"""A ``subscribe`` message made ready to run: parsed, validated and limited like an HTTP
request, its variables coerced and its one root field's arguments read.

Every refusal is a list of GraphQLErrors with ``extensions.code``: the connection sends
them as that operation's ``error`` and stays open.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLSchema,
    GraphQLSyntaxError,
    OperationType,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_operation_ast,
    parse,
    print_ast,
    specified_rules,
    validate,
    visit,
)
from graphql.execution.values import get_argument_values, get_variable_values

from ...settings import Settings
from ..context import Viewer
from ..limits.cost import CostModel, operation_cost
from ..limits.document import validation_rules
from ..scopes import missing_scope

# Types whose fields read the same for every admin: a document that selects only these
# may share one execution among all admins. Any other type might depend on who asks
# (a favorite, a rating), so a document reaching it is executed per viewer. Not here on
# purpose: SessionMachineAccess, whose password shows to the owner (an admin may own
# the session) and to nobody else.
VIEWER_NEUTRAL_TYPES = frozenset(
    {
        "Subscription",
        "EnvironmentSession",
        "SessionMachine",
        "PlatformActivity",
        "StateCount",
        # An event's board and solves: each field reads the same for everyone who sees
        # the same view (public or organisers, the feed's audience). Their user and team
        # fields lead to types not listed here, so selecting those runs per viewer.
        "EventLeaderboardUpdate",
        "LeaderboardEntry",
        "EventSolve",
    }
)


class OperationRefused(Exception):
    def __init__(self, *errors: GraphQLError) -> None:
        super().__init__(errors[0].message)
        self.errors = list(errors)


def _error(code: str, message: str) -> OperationRefused:
    return OperationRefused(GraphQLError(message, extensions={"code": code}))


@dataclass(frozen=True, slots=True)
class PreparedOperation:
    document: DocumentNode
    operation_name: str | None
    variables: dict[str, Any]  # as sent; execution coerces them again
    field_name: str  # the root field, e.g. "sessionUpdated"
    arguments: dict[str, Any]  # its coerced arguments, by GraphQL name
    viewer_neutral: bool
    # Equal for operations that produce the same result for the same viewer.
    key: str
    kind: OperationType


def prepare(
    schema: GraphQLSchema, settings: Settings, viewer: Viewer | None, payload: object
) -> PreparedOperation:
    if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
        raise _error("BAD_REQUEST", "`payload.query` must be a GraphQL document string")
    operation_name = payload.get("operationName")
    variables = payload.get("variables") or {}
    if not isinstance(operation_name, str | None) or not isinstance(variables, dict):
        raise _error("BAD_REQUEST", "`operationName` must be a string, `variables` an object")
    document, text, neutral = checked_document(
        schema,
        payload["query"],
        settings.max_query_tokens,
        settings.max_query_depth,
        settings.max_query_aliases,
    )
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        raise _error("OPERATION_RESOLUTION_FAILURE", "name the operation to run (operationName)")
    if operation.operation is not OperationType.SUBSCRIPTION:
        # A query or mutation: run once by the schema's own pipeline (limits, budget).
        return PreparedOperation(
            document, operation_name, variables, "", {}, False, "", operation.operation
        )
    scopes = viewer.scopes if viewer is not None else None
    if scopes is not None and (reason := missing_scope(document, operation_name, scopes)):
        raise _error("FORBIDDEN", reason)
    cost = operation_cost(
        schema, document, operation_name, variables, CostModel.from_settings(settings)
    )
    if cost > settings.max_query_cost:
        raise _error(
            "QUERY_TOO_COMPLEX",
            f"the operation costs {cost}; the limit is {settings.max_query_cost}",
        )
    coerced = get_variable_values(schema, operation.variable_definitions or (), variables)
    if isinstance(coerced, list):
        for problem in coerced:
            problem.extensions = {"code": "BAD_USER_INPUT"}
        raise OperationRefused(*coerced)
    root = operation.selection_set.selections[0]
    if not isinstance(root, FieldNode):
        raise _error("BAD_REQUEST", "select the subscription field directly, not in a fragment")
    subscription_type = schema.subscription_type
    assert subscription_type is not None
    field = subscription_type.fields[root.name.value]
    arguments = get_argument_values(field, root, coerced)
    key = json.dumps([text, operation_name, variables], sort_keys=True, default=str)
    return PreparedOperation(
        document=document,
        operation_name=operation_name,
        variables=variables,
        field_name=root.name.value,
        arguments=arguments,
        viewer_neutral=neutral,
        key=key,
        kind=OperationType.SUBSCRIPTION,
    )


@lru_cache(maxsize=256)
def checked_document(
    schema: GraphQLSchema, query: str, max_tokens: int, max_depth: int, max_aliases: int
) -> tuple[DocumentNode, str, bool]:
    """A valid document, its printed form and whether only viewer-neutral types are in it;
    cached, so that many subscribers of one query share one parsed document."""
    try:
        located = parse(query, max_tokens=max_tokens)
    except GraphQLSyntaxError as error:
        error.extensions = {"code": "GRAPHQL_PARSE_FAILED"}
        raise OperationRefused(error) from None
    rules = (*specified_rules, *validation_rules(max_depth, max_aliases))
    if invalid := validate(schema, located, rules):
        for problem in invalid:
            problem.extensions = {"code": "GRAPHQL_VALIDATION_FAILED", **(problem.extensions or {})}
        raise OperationRefused(*invalid)
    # Kept without token locations: a parsed document is several times smaller then.
    document = parse(query, no_location=True, max_tokens=max_tokens)
    return document, print_ast(document), _only_neutral_types(schema, document)


def _only_neutral_types(schema: GraphQLSchema, document: DocumentNode) -> bool:
    type_info = TypeInfo(schema)
    seen: set[str] = set()

    class Collect(Visitor):
        def enter_field(self, node: FieldNode, *_: Any) -> None:
            parent = type_info.get_parent_type()
            if parent is not None:
                seen.add(parent.name)

    visit(document, TypeInfoVisitor(type_info, Collect()))
    return seen <= VIEWER_NEUTRAL_TYPES
