"""API tokens act only within their scopes, checked before execution.

A query or subscription needs READ. A mutation needs, for every root field it selects,
the scope its field declares (``extensions=[Allow(scope=...)]``); a mutation without one
is closed to API tokens (default deny), so a new mutation is safe until someone decides
which scope may call it.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import ExecutionResult, FieldNode, OperationDefinitionNode, OperationType
from strawberry.extensions import SchemaExtension
from strawberry.schema.name_converter import NameConverter
from strawberry.types.base import get_object_definition

from ..services.api_tokens import ApiScope
from .errors import Forbidden
from .permissions import MUTATION_SCOPES, Allow


def declared_scopes(type_: type) -> dict[str, ApiScope]:
    """The scope each field of ``type_`` declares, by its GraphQL name."""
    names = NameConverter()
    scopes = {}
    for field in get_object_definition(type_, strict=True).fields:
        for extension in field.extensions:
            if isinstance(extension, Allow) and extension.scope is not None:
                scopes[names.from_field(field)] = extension.scope
    return scopes


def _operation(document: object, name: str | None) -> OperationDefinitionNode | None:
    operations = [
        d for d in getattr(document, "definitions", ()) if isinstance(d, OperationDefinitionNode)
    ]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == name), None)


def missing_scope(
    document: object, operation_name: str | None, scopes: frozenset[ApiScope]
) -> str | None:
    """Why a token with ``scopes`` may not run the operation, or None when it may."""
    operation = _operation(document, operation_name)
    if operation is None:
        return None  # execution will report the ambiguity itself
    if operation.operation is not OperationType.MUTATION:
        return None if ApiScope.READ in scopes else "this API token lacks the READ scope"
    for selection in operation.selection_set.selections:
        if not isinstance(selection, FieldNode) or selection.name.value.startswith("__"):
            continue
        needed = MUTATION_SCOPES.get(selection.name.value)
        if needed is None:
            return f"API tokens cannot call {selection.name.value}"
        if needed not in scopes:
            return f"{selection.name.value} needs the {needed.value} scope"
    return None


class ApiScopeGuard(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        viewer = getattr(context.context, "viewer", None)
        if viewer is not None and viewer.scopes is not None:
            reason = missing_scope(context.graphql_document, context.operation_name, viewer.scopes)
            if reason is not None:
                context.result = ExecutionResult(data=None, errors=[Forbidden(reason)])
        yield


__all__ = ["MUTATION_SCOPES", "ApiScopeGuard", "declared_scopes", "missing_scope"]
