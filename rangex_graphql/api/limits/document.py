"""Limits on a document's shape, refused before anything runs: tokens, depth, aliases.

The limits come from the request's settings (``max_query_tokens``, ``max_query_depth``,
``max_query_aliases``), so the module-level schema honours each caller's settings.

- **Tokens**: the parser stops after ``max_query_tokens`` lexical tokens, comments
  included (what Strawberry's ``MaxTokensLimiter`` sets), before building a large AST.
- **Depth**: selection sets nested below the operation's; ``{ viewer { id } }`` has depth
  1. Introspection fields (``__schema``, ``__type``) do not count, so GraphiQL's
  introspection query passes; graphql-core's ``MaxIntrospectionDepthRule`` (one of its
  specified rules) bounds those instead, refusing ``fields { type { fields { type ...``
  chains; here it reports its errors with the same code.
- **Aliases**: aliased fields in the operation, each fragment counted at every spread.

Strawberry's ``QueryDepthLimiter`` and ``MaxAliasesLimiter`` walk a fragment again at
every spread: a 190-token document whose fragments each spread the next one twice kept
them busy for 13 s and 4.6 s (2^22 walks), blocking the event loop; each added fragment
doubles that. The rules here measure each fragment once.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from enum import StrEnum
from functools import lru_cache
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSyntaxError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
)
from graphql.language.visitor import SKIP, VisitorAction
from graphql.validation import ASTValidationRule, MaxIntrospectionDepthRule
from strawberry.extensions import SchemaExtension

from ...settings import Settings


class LimitCode(StrEnum):
    QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
    TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
    TOO_MANY_TOKENS = "TOO_MANY_TOKENS"
    TOO_MANY_INTROSPECTION_FIELDS = "TOO_MANY_INTROSPECTION_FIELDS"


Recurse = Callable[[SelectionSetNode], int]
FieldMeasure = Callable[[FieldNode, Recurse], int]


def is_introspection(field: FieldNode) -> bool:
    return field.name.value.startswith("__")


def measure(
    selection_set: SelectionSetNode,
    context: ValidationContext,
    field_measure: FieldMeasure,
    combine: Callable[[int, int], int],
) -> int:
    """Fold ``field_measure`` over a selection set, fragments included, each fragment once.

    A spread that closes a cycle (refused by graphql-core's own rule) adds nothing.
    """
    fragment_values: dict[str, int] = {}

    def fold(selections: SelectionSetNode) -> int:
        total = 0
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                total = combine(total, field_measure(selection, fold))
            elif isinstance(selection, InlineFragmentNode):
                total = combine(total, fold(selection.selection_set))
            elif isinstance(selection, FragmentSpreadNode):
                total = combine(total, spread(selection.name.value))
        return total

    def spread(name: str) -> int:
        if name not in fragment_values:
            fragment_values[name] = 0  # while measuring it: a cycle counts nothing more
            fragment = context.get_fragment(name)
            if fragment is not None:
                fragment_values[name] = fold(fragment.selection_set)
        return fragment_values[name]

    return fold(selection_set)


def field_depth(field: FieldNode, recurse: Recurse) -> int:
    if field.selection_set is None or is_introspection(field):
        return 0
    return 1 + recurse(field.selection_set)


def field_aliases(field: FieldNode, recurse: Recurse) -> int:
    own = 1 if field.alias is not None else 0
    return own + (recurse(field.selection_set) if field.selection_set is not None else 0)


def _operation_rule(
    name: str,
    code: LimitCode,
    limit: int,
    field_measure: FieldMeasure,
    combine: Callable[[int, int], int],
    describe: Callable[[int], str],
) -> type[ASTValidationRule]:
    def enter_operation_definition(
        self: ValidationRule, node: OperationDefinitionNode, *_: Any
    ) -> VisitorAction:
        try:
            value = measure(node.selection_set, self.context, field_measure, combine)
        except RecursionError:
            value = limit + 1  # nested beyond what can be measured: beyond any limit
        if value > limit:
            self.report_error(GraphQLError(describe(value), node, extensions={"code": code}))
        return SKIP

    return type(name, (ValidationRule,), {"enter_operation_definition": enter_operation_definition})


@lru_cache(maxsize=32)
def validation_rules(max_depth: int, max_aliases: int) -> tuple[type[ASTValidationRule], ...]:
    """The rules for these limits; cached, so that equal limits give the same classes and
    ``ValidationCache`` (keyed by the rule classes) keeps hitting."""
    depth = _operation_rule(
        "QueryDepthRule",
        LimitCode.QUERY_TOO_DEEP,
        max_depth,
        field_depth,
        max,
        lambda depth: f"The operation nests {depth} levels deep; the limit is {max_depth}.",
    )
    aliases = _operation_rule(
        "QueryAliasesRule",
        LimitCode.TOO_MANY_ALIASES,
        max_aliases,
        field_aliases,
        operator.add,
        lambda count: f"The operation uses {count} aliases; the limit is {max_aliases}.",
    )
    return (depth, aliases)


def _coded(rule: type[ASTValidationRule], code: LimitCode) -> type[ASTValidationRule]:
    """``rule`` with ``extensions.code`` on the errors it reports."""

    def report_error(self: ASTValidationRule, error: GraphQLError) -> None:
        error.extensions = {**(error.extensions or {}), "code": code}
        rule.report_error(self, error)

    return type(f"Coded{rule.__name__}", (rule,), {"report_error": report_error})


INTROSPECTION_DEPTH_RULE = _coded(MaxIntrospectionDepthRule, LimitCode.QUERY_TOO_DEEP)


def token_limit_message(max_tokens: int) -> str:
    return f"Syntax Error: Document contains more than {max_tokens} tokens. Parsing aborted."


class DocumentLimits(SchemaExtension):
    """Token, depth and alias limits, from the settings of the request's context."""

    def on_operation(self) -> Iterator[None]:
        execution_context = self.execution_context
        settings: Settings = execution_context.context.settings
        max_tokens = settings.max_query_tokens
        execution_context.parse_options["max_tokens"] = max_tokens
        execution_context.validation_rules = (
            *(
                INTROSPECTION_DEPTH_RULE if rule is MaxIntrospectionDepthRule else rule
                for rule in execution_context.validation_rules
            ),
            *validation_rules(settings.max_query_depth, settings.max_query_aliases),
        )
        try:
            yield
        except GraphQLSyntaxError as raised:  # raised through ParserCache's hook
            _code_token_limit(raised, max_tokens)
            raise
        for error in execution_context.pre_execution_errors or ():
            _code_token_limit(error, max_tokens)


def _code_token_limit(error: GraphQLError, max_tokens: int) -> None:
    if isinstance(error, GraphQLSyntaxError) and error.message == token_limit_message(max_tokens):
        error.extensions = {**(error.extensions or {}), "code": LimitCode.TOO_MANY_TOKENS}
