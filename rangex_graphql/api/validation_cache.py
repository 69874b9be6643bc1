"""Validation results cached by the parsed document's identity, not its contents.

Strawberry's ``ValidationCache`` is an ``lru_cache`` keyed by the document: each lookup
hashes the whole syntax tree (graphql-core's nodes are frozen dataclasses that hash every
field, recursively, anew each time: about 20 µs for the HTTP benchmark's detail query, on
every request). ``ParserCache`` hands out one ``DocumentNode`` per query text, so the
document's identity is enough to find its result. An entry holds its document, so the
``id`` in its key cannot be reused while it is cached. A document parsed anew (its text
evicted from the parse cache) is a miss and is validated again: slower, never wrong.

The key also holds the schema and the validation rules (``DocumentLimits`` adds rules
that depend on the settings), as Strawberry's cache does; the result is the same list for
every request, as there.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import DocumentNode, GraphQLError, GraphQLSchema
from graphql.validation import ASTValidationRule
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from .document_memo import DocumentMemo

Rules = tuple[type[ASTValidationRule], ...]


class DocumentValidationCache:
    """At most ``maxsize`` results, the least recently used dropped first."""

    def __init__(self, maxsize: int) -> None:
        self._results: DocumentMemo[list[GraphQLError]] = DocumentMemo(maxsize)

    def __len__(self) -> int:
        return len(self._results)

    def validate(
        self, schema: GraphQLSchema, document: DocumentNode, rules: Rules
    ) -> list[GraphQLError]:
        return self._results.get(
            document, (schema, rules), lambda: validate_document(schema, document, rules)
        )


class ValidationCache(SchemaExtension):
    """Strawberry's extension of that name, on a ``DocumentValidationCache``."""

    def __init__(self, cache: DocumentValidationCache) -> None:
        super().__init__()
        self.cache = cache

    def on_validate(self) -> Iterator[None]:
        execution_context = self.execution_context
        document = execution_context.graphql_document
        if document is not None:
            execution_context.pre_execution_errors = self.cache.validate(
                execution_context.schema._schema, document, execution_context.validation_rules
            )
        yield
