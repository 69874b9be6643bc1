"""Which operation of a document a request runs, when it names none.

The GraphQL specification (GetOperation): without an operation name, a document holding
several operations is a request error. Strawberry picks the first one instead, so the view
asks here first.
"""

from __future__ import annotations

from graphql import GraphQLError, OperationDefinitionNode, parse

# Every operation but the shorthand `{ ... }` starts with one of these; two shorthand
# operations, or one beside a named one, fail validation already.
OPERATION_KEYWORDS = ("query", "mutation", "subscription")


def has_several_operations(document: str, max_tokens: int) -> bool:
    """True when ``document`` defines more than one operation.

    A document with fewer than two operation keywords in its text has at most one named
    operation and is not parsed. A document that does not parse within ``max_tokens`` is
    left to the executor, which reports the syntax error or the token limit.
    """
    if sum(document.count(keyword) for keyword in OPERATION_KEYWORDS) < 2:
        return False
    try:
        parsed = parse(document, no_location=True, max_tokens=max_tokens)
    except GraphQLError:
        return False
    operations = [node for node in parsed.definitions if isinstance(node, OperationDefinitionNode)]
    return len(operations) > 1
