"""Where Strawberry hands an operation to graphql-core: a plan when there is one.

`PlanCache.execute` takes graphql-core's `execute` arguments. It lets graphql-core build
the request's executor (operation choice, variable coercion and their errors are
graphql-core's), then runs a query (or a subscription's operation on an event, for the
shared execution of `subscriptions/fanout.py`) from its cached plan, and anything else
(mutations, resolver middleware, a field whose results have side effects) with
graphql-core.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    GraphQLError,
    GraphQLSchema,
    OperationType,
    VariableNode,
    execute,
)
from graphql.execution.executor import Executor, default_field_resolver, default_type_resolver
from graphql.language import (
    FieldNode,
    FragmentDefinitionNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

from ..document_memo import DocumentMemo
from .compile import ObjectPlan, Unplannable, root_plan
from .run import PlanRun
from .verify import verified

UNPLANNED_ROOT_FIELDS = frozenset({"scenarioExport"})
"""Query fields with a side effect (an audited export): graphql-core alone runs them, so
that the equality check (`verify.py`) never runs one twice."""


class PlanCache:
    """Plans of the most recently used operations, at most ``maxsize``.

    Keyed by the parsed document's identity (Strawberry's parser cache hands out one
    document per query text, as for the validation cache), the operation name and the
    values of the variables that `@skip`/`@include` read: the selections differ with them.
    An entry holds its document, so the ``id`` in its key cannot be reused while cached.
    """

    def __init__(self, maxsize: int = 256) -> None:
        self._plans: DocumentMemo[ObjectPlan | None] = DocumentMemo(maxsize)
        self._conditions: DocumentMemo[tuple[str, ...]] = DocumentMemo(maxsize)

    @property
    def maxsize(self) -> int:
        return self._plans.maxsize

    def __len__(self) -> int:
        return len(self._plans)

    def execute(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        root_value: Any = None,
        context_value: Any = None,
        variable_values: dict[str, Any] | None = None,
        operation_name: str | None = None,
        **options: Any,
    ) -> ExecutionResult | Awaitable[ExecutionResult]:
        settings = getattr(context_value, "settings", None)
        if settings is None or not settings.execution_plans:
            return execute(
                schema,
                document,
                root_value,
                context_value,
                variable_values,
                operation_name,
                **options,
            )
        executor_class: type[Executor[Any]] = options.pop("executor_class")

        def build(context: Any) -> Executor[Any] | list[GraphQLError]:
            return executor_class.build(
                schema,
                document,
                root_value,
                context,
                variable_values,
                operation_name,
                **options,
            )

        executor = build(context_value)
        if isinstance(executor, list):  # the request's errors: no such operation, variables
            return ExecutionResult(None, errors=executor)
        plan = self.plan_for(executor, document, operation_name)
        if plan is None:
            return executor.execute_operation()  # type: ignore[return-value]
        result = PlanRun(executor).run(plan)
        if settings.execution_plans_verify:
            # graphql-core from the same start: loaders the plan filled would change the
            # order in which resolvers finish, and with it which errors are kept.
            fresh = getattr(context_value, "with_fresh_loaders", lambda: context_value)
            return verified(
                result,
                lambda: _reference(build(fresh())),
                operation_name,
                plan_again=lambda: _planned_again(build(fresh()), plan),
            )
        return result

    def plan_for(
        self, executor: Executor[Any], document: DocumentNode, operation_name: str | None
    ) -> ObjectPlan | None:
        if not _plannable(executor):
            return None
        key = (operation_name, self._condition_values(executor, document))
        return self._plans.get(document, key, lambda: _plan(executor))

    def _condition_values(
        self, executor: Executor[Any], document: DocumentNode
    ) -> tuple[bool, ...]:
        names = self._conditions.get(
            document, None, lambda: tuple(sorted(set(_condition_variables(document))))
        )
        coerced = executor.variable_values.coerced
        return tuple(bool(coerced.get(name)) for name in names)


def _plan(executor: Executor[Any]) -> ObjectPlan | None:
    """The operation's plan; None when graphql-core is to run it whole."""
    try:
        plan = root_plan(executor)
    except Unplannable:
        return None
    if any(field.node.name.value in UNPLANNED_ROOT_FIELDS for field in plan.fields):
        return None
    return plan


def _planned_again(executor: Executor[Any] | list[GraphQLError], plan: ObjectPlan) -> Any:
    if isinstance(executor, list):  # pragma: no cover: it built once already
        return ExecutionResult(None, errors=executor)
    return PlanRun(executor).run(plan)


def _reference(executor: Executor[Any] | list[GraphQLError]) -> Any:
    if isinstance(executor, list):  # pragma: no cover: it built once already
        return ExecutionResult(None, errors=executor)
    return executor.execute_operation()


PLANNED_OPERATIONS = frozenset({OperationType.QUERY, OperationType.SUBSCRIPTION})
"""Queries, and subscriptions executed on an event (`subscriptions/fanout.py` runs the
operation on each event's value; subscribing itself never comes here)."""


def _plannable(executor: Executor[Any]) -> bool:
    return (
        executor.operation.operation in PLANNED_OPERATIONS
        and not getattr(executor.middleware_manager, "_middleware_resolvers", None)
        and executor.field_resolver is default_field_resolver
        and executor.type_resolver is default_type_resolver
        and executor.abort_signal is None
    )


def _condition_variables(document: DocumentNode) -> Iterable[str]:
    """Names of the variables any `@skip(if:)` or `@include(if:)` of the document reads."""
    for definition in document.definitions:
        if isinstance(definition, (OperationDefinitionNode, FragmentDefinitionNode)):
            yield from _selection_conditions(definition.selection_set)


def _selection_conditions(selection_set: SelectionSetNode | None) -> Iterable[str]:
    if selection_set is None:
        return
    for selection in selection_set.selections:
        for directive in selection.directives or ():
            if directive.name.value in ("skip", "include"):
                for argument in directive.arguments or ():
                    if isinstance(argument.value, VariableNode):
                        yield argument.value.name.value
        if isinstance(selection, (FieldNode, InlineFragmentNode)):
            yield from _selection_conditions(selection.selection_set)
