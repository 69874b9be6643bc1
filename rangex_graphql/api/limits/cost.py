"""Query cost: how many objects an operation may return, estimated from the parsed and
validated document before execution.

The model, per field (``cost = items * (1 + cost of its selection)``):

- a field returning an object, interface or union costs 1 for each object it may return,
  plus its selection's cost for each; scalars and enums cost nothing;
- ``nodes`` and ``edges`` of a connection return one page: as many items as the
  connection's ``first``/``last`` (literal or variable; the argument's default or
  ``default_page_size`` when absent; at most ``max_page_size``);
- other lists of objects (a version's machines or questions) are estimated at
  ``LIST_ESTIMATE`` items, ``nodes(ids:)`` at its number of IDs;
- fragments and inline fragments are added as if every one applied;
- ``__schema`` and ``__type`` cost 1 (answered from memory), ``__typename`` nothing.

``scenarios(first: 50) { nodes { versions { machines { id } } } }`` costs
1 * (1 + 50 * (1 + 10 * (1 + 10 * 1))) = 5,551.

``QueryCost`` refuses an operation above ``max_query_cost`` (``QUERY_TOO_COMPLEX``),
charges the rest to the viewer's budget (``budget.py``; ``RATE_LIMITED`` with
``retryAfter`` when it is spent), and reports ``extensions.cost``:
``{"requested": 5551, "limit": 50000, "remaining": 194449}`` (``remaining``: what is left
of the budget this minute; absent when no budget applies).
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Hashable, Iterator, Mapping
from dataclasses import dataclass
from ipaddress import IPv6Address, IPv6Network, ip_address
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    ListValueNode,
    NamedTypeNode,
    ObjectValueNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    get_operation_ast,
    is_list_type,
    value_from_ast_untyped,
)
from graphql.pyutils import Undefined
from strawberry.extensions import SchemaExtension

from ...security.cost_budget import CostBudget
from ...settings import Settings
from ..context import Context
from ..document_memo import DocumentMemo
from ..errors import ApiError

LIST_ESTIMATE = 10
INTROSPECTION_COST = 1
PAGE_FIELDS = frozenset({"nodes", "edges"})
PAGE_ARGUMENTS = ("first", "last")
COST_ARGUMENTS = frozenset({*PAGE_ARGUMENTS, "ids"})


class QueryTooComplex(ApiError):
    code = "QUERY_TOO_COMPLEX"


class RateLimited(ApiError):
    code = "RATE_LIMITED"


@dataclass(frozen=True, slots=True)
class CostModel:
    default_page_size: int
    max_page_size: int
    list_estimate: int = LIST_ESTIMATE

    @classmethod
    def from_settings(cls, settings: Settings) -> CostModel:
        return cls(settings.default_page_size, settings.max_page_size)


def is_connection(named: GraphQLNamedType) -> bool:
    return (
        isinstance(named, GraphQLObjectType)
        and named.name.endswith("Connection")
        and "pageInfo" in named.fields
        and "edges" in named.fields
    )


def operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    model: CostModel,
) -> int:
    """The cost of the operation ``operation_name`` names (or the only one)."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return 0
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    values = {
        definition.variable.name.value: value_from_ast_untyped(definition.default_value)
        for definition in operation.variable_definitions or ()
        if definition.default_value is not None
    }
    values.update(variables or {})
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    return _CostWalk(schema, fragments, values, model).selections(
        root, operation.selection_set, None
    )


class _CostMemo:
    """One operation's costs by the values of the variables its cost reads (page sizes and
    ID lists): the catalog query costs the same for every `$slug`."""

    __slots__ = ("costs", "variables")

    def __init__(self, variables: tuple[str, ...]) -> None:
        self.variables = variables
        self.costs: dict[Hashable, int] = {}


_COSTS: DocumentMemo[_CostMemo] = DocumentMemo()
_COSTS_PER_OPERATION = 32
_ABSENT = object()


def remembered_operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    model: CostModel,
) -> int:
    """``operation_cost``, worked out once per document, operation and values of the
    variables it reads."""
    memo = _COSTS.get(
        document,
        (schema, operation_name, model),
        lambda: _CostMemo(tuple(sorted(set(_cost_variables(document))))),
    )
    given = variables or {}
    key = _hashable(tuple(given.get(name, _ABSENT) for name in memo.variables))
    cost = memo.costs.get(key) if key is not None else None
    if cost is None:
        cost = operation_cost(schema, document, operation_name, variables, model)
        if key is not None and len(memo.costs) < _COSTS_PER_OPERATION:
            memo.costs[key] = cost
    return cost


def _cost_variables(document: DocumentNode) -> Iterator[str]:
    """The variables any page size or ID list of the document takes."""
    for definition in document.definitions:
        selection_set = getattr(definition, "selection_set", None)
        if selection_set is not None:
            yield from _selection_cost_variables(selection_set)


def _selection_cost_variables(selection_set: SelectionSetNode) -> Iterator[str]:
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            for argument in selection.arguments or ():
                if argument.name.value in COST_ARGUMENTS:
                    yield from _variables_in(argument.value)
        if isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set:
            yield from _selection_cost_variables(selection.selection_set)


def _variables_in(value: ValueNode) -> Iterator[str]:
    if isinstance(value, VariableNode):
        yield value.name.value
    elif isinstance(value, ListValueNode):
        for item in value.values:
            yield from _variables_in(item)
    elif isinstance(value, ObjectValueNode):
        for field in value.fields:
            yield from _variables_in(field.value)


def _hashable(value: Any) -> Hashable | None:
    """A JSON value as a dictionary key (lists as tuples, scalars with their type); None
    when it cannot be one."""
    if isinstance(value, list | tuple):
        items = [_hashable(item) for item in value]
        return None if any(item is None for item in items) else ("list", *items)
    if isinstance(value, dict):
        return None
    if not isinstance(value, Hashable):
        return None
    return (type(value), value)  # `true` and `1` are equal keys, not equal page sizes


class _CostWalk:
    """One walk over an operation; each fragment costed once per page size it meets."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: dict[str, Any],
        model: CostModel,
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.model = model
        self.fragment_costs: dict[tuple[str, int | None], int] = {}

    def selections(
        self, parent: GraphQLNamedType, selection_set: SelectionSetNode, page: int | None
    ) -> int:
        """``page``: the page size when ``parent`` is a connection, else None."""
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(parent, selection, page)
            elif isinstance(selection, InlineFragmentNode):
                condition = self.condition(selection.type_condition, parent)
                total += self.selections(condition, selection.selection_set, page)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.spread(selection.name.value, parent, page)
        return total

    def spread(self, name: str, parent: GraphQLNamedType, page: int | None) -> int:
        key = (name, page)
        if key not in self.fragment_costs:
            self.fragment_costs[key] = 0  # while costing it: a cycle adds nothing
            fragment = self.fragments.get(name)
            if fragment is not None:
                condition = self.condition(fragment.type_condition, parent)
                self.fragment_costs[key] = self.selections(condition, fragment.selection_set, page)
        return self.fragment_costs[key]

    def condition(
        self, type_condition: NamedTypeNode | None, parent: GraphQLNamedType
    ) -> GraphQLNamedType:
        named = self.schema.get_type(type_condition.name.value) if type_condition else None
        return named or parent

    def field(self, parent: GraphQLNamedType, node: FieldNode, page: int | None) -> int:
        if node.selection_set is None:
            return 0
        if node.name.value.startswith("__"):
            return INTROSPECTION_COST
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return 0
        definition = parent.fields.get(node.name.value)
        if definition is None:
            return 0
        named = get_named_type(definition.type)
        inner_page = self.page_size(node, definition) if is_connection(named) else None
        each = 1 + self.selections(named, node.selection_set, inner_page)
        return self.items(node, definition, page) * each

    def items(self, node: FieldNode, definition: GraphQLField, page: int | None) -> int:
        if not is_list_type(get_nullable_type(definition.type)):
            return 1
        if page is not None and node.name.value in PAGE_FIELDS:
            return page
        ids = self.argument(node, definition, "ids")
        if isinstance(ids, list):
            return len(ids)
        return self.model.list_estimate

    def page_size(self, node: FieldNode, definition: GraphQLField) -> int:
        sizes = [self.argument(node, definition, name) for name in PAGE_ARGUMENTS]
        given = [size for size in sizes if size is not None]
        if not given:
            return self.model.default_page_size
        return max(self.clamp(size) for size in given)

    def clamp(self, size: object) -> int:
        """A page size as the resolver would take it; a value it refuses counts the most."""
        most = self.model.max_page_size
        if isinstance(size, bool) or not isinstance(size, int | float) or not math.isfinite(size):
            return most
        return int(min(max(size, 0), most))

    def argument(self, node: FieldNode, definition: GraphQLField, name: str) -> object:
        """The argument's value (variables resolved), its default when absent, else None."""
        for argument in node.arguments or ():
            if argument.name.value == name:
                value = value_from_ast_untyped(argument.value, self.variables)
                return None if value is Undefined else value
        declared = definition.args.get(name)
        default = declared.default_value if declared is not None else Undefined
        return None if default is Undefined else default


# --- the extension -------------------------------------------------------------------------


def budget_of(context: Context) -> CostBudget | None:
    """The app's budget (on its runtime); None for an in-process execution without one,
    or when budgets are off."""
    return context.runtime.cost_budget if context.runtime is not None else None


def budget_key(context: Context) -> str:
    """Whose budget: the viewer's, else the client address's (IPv6 per /64, like the
    login throttle: one subscriber holds a whole /64)."""
    if context.viewer is not None:
        return f"user:{context.viewer.id}"
    ip: str | None = getattr(context, "client_ip", None)
    request = context.request
    if ip is None and request is not None and request.client is not None:
        ip = request.client.host
    if ip is None:
        return "ip:unknown"
    try:
        address = ip_address(ip)
    except ValueError:
        return f"ip:{ip[:100]}"
    if isinstance(address, IPv6Address):
        if address.ipv4_mapped is not None:
            return f"ip:{address.ipv4_mapped}"
        return f"ip:{IPv6Network((int(address), 64), strict=False)}"
    return f"ip:{address}"


class QueryCost(SchemaExtension):
    """Costs the operation before it runs, refuses it over the limit or the budget, and
    reports the cost in the response's ``extensions.cost``."""

    def __init__(self) -> None:
        self.report: dict[str, int] = {}

    async def on_execute(self) -> AsyncIterator[None]:
        execution_context = self.execution_context
        if execution_context.result is not None:  # already answered (refused by a guard)
            yield
            return
        context: Context = execution_context.context
        settings = context.settings
        assert execution_context.graphql_document is not None
        cost = remembered_operation_cost(
            execution_context.schema._schema,
            execution_context.graphql_document,
            execution_context.operation_name,
            execution_context.variables,
            CostModel.from_settings(settings),
        )
        limit = settings.max_query_cost
        self.report = {"requested": cost, "limit": limit}
        if cost > limit:
            raise QueryTooComplex(
                f"This operation costs {cost} points, more than the limit of {limit}: "
                "ask for smaller pages or fewer nested lists."
            )
        budget = budget_of(context)
        if budget is not None:
            charge = await budget.charge(budget_key(context), cost)
            if charge.remaining is not None:
                self.report["remaining"] = charge.remaining
            if not charge.allowed:
                raise RateLimited(
                    f"This operation costs {cost} points and {charge.remaining} of the "
                    f"{budget.per_window} points a minute are left; retry in "
                    f"{charge.retry_after} s.",
                    retryAfter=charge.retry_after,
                )
        yield

    def get_results(self) -> dict[str, Any]:
        return {"cost": self.report} if self.report else {}
