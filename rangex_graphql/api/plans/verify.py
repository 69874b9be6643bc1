"""The equality check: a planned result next to graphql-core's, for the same request.

With `RANGEX_EXECUTION_PLANS_VERIFY=true` (the test suite sets it) every planned query is
run a second time by graphql-core's own executor, and any difference in `data` (values and
key order) or in `errors` (message, path, locations, extensions) is a `PlanMismatch`: the
request fails and the mismatch is recorded in `MISMATCHES` for the suite to report. The
second run shares the request's data loaders, and the SQL it still sends is marked with
`verifying` so that statement counts see the planned run alone.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from graphql import ExecutionResult, GraphQLError

from ...observability.sql_statements import uncounted

verifying: ContextVar[bool] = ContextVar("rangex_plan_verifying", default=False)
MISMATCHES: list[str] = []


class PlanMismatch(AssertionError):
    """A plan answered differently from graphql-core."""


async def verified(
    planned: Awaitable[ExecutionResult],
    reference: Callable[[], Any],
    operation_name: str | None,
    plan_again: Callable[[], Any] | None = None,
) -> ExecutionResult:
    """``plan_again``: the plan run anew (fresh loaders), to tell a clock tick between the
    plan's run and graphql-core's from a difference of the plan's own."""
    result = await planned
    expected = await _run_reference(reference)
    difference = first_difference(_comparable(result), _comparable(expected))
    if difference is not None:
        # A clock read in a resolver (`asOf`, `timeLeftSeconds`) differs from run to run:
        # where graphql-core disagrees with itself too, the value is not the plan's doing.
        again = await _run_reference(reference)
        if first_difference(_comparable(expected), _comparable(again)) is not None:
            difference = first_difference(
                _comparable(result), _comparable(expected), _comparable(again)
            )
    if difference is not None and plan_again is not None:
        # The second ticked between the plan's run and graphql-core's (both references
        # then agree with each other, not with the plan): the plan and graphql-core run
        # once more, back to back; a difference of the plan's own shows again.
        replanned = await _run_reference(plan_again)
        latest = await _run_reference(reference)
        if first_difference(_comparable(replanned), _comparable(latest)) is None:
            difference = None
    if difference is not None:
        message = f"plan and graphql-core differ for operation {operation_name!r}: {difference}"
        MISMATCHES.append(message)
        raise PlanMismatch(message)
    return result


async def _run_reference(reference: Callable[[], Any]) -> ExecutionResult:
    token = verifying.set(True)
    try:
        with uncounted():  # nor does the request's statement metric see it
            expected = reference()
            if not isinstance(expected, ExecutionResult):
                expected = await expected
        return expected  # type: ignore[no-any-return]
    finally:
        verifying.reset(token)


def _comparable(result: ExecutionResult) -> dict[str, Any]:
    return {
        "data": _ordered(result.data),
        "errors": [_error(error) for error in result.errors or ()],
    }


def _error(error: GraphQLError) -> dict[str, Any]:
    return json.loads(json.dumps(error.formatted, default=str))  # type: ignore[no-any-return]


def _ordered(value: Any) -> Any:
    """Dicts as lists of pairs, so that key order counts as it does in the JSON."""
    if isinstance(value, dict):
        return [[key, _ordered(item)] for key, item in value.items()]
    if isinstance(value, list):
        return [_ordered(item) for item in value]
    return value


_Unset: Any = object()


def first_difference(ours: Any, theirs: Any, again: Any = _Unset, path: str = "") -> str | None:
    """Where ``ours`` first differs from ``theirs``; with ``again`` (a second reference),
    positions where the two references differ from each other are not compared."""
    if again is not _Unset and _differ(theirs, again):
        return None
    if type(ours) is not type(theirs):
        return f"at {path or '/'}: {ours!r} vs {theirs!r}"
    if isinstance(ours, list):
        if len(ours) != len(theirs):
            return f"at {path or '/'}: {len(ours)} entries vs {len(theirs)}"
        for index, (mine, other) in enumerate(zip(ours, theirs, strict=True)):
            other_again = again[index] if again is not _Unset else _Unset
            found = first_difference(mine, other, other_again, f"{path}/{index}")
            if found is not None:
                return found
        return None
    if isinstance(ours, dict):
        return first_difference(
            sorted(ours.items()),
            sorted(theirs.items()),
            sorted(again.items()) if again is not _Unset else _Unset,
            path,
        )
    return None if ours == theirs else f"at {path or '/'}: {ours!r} vs {theirs!r}"


def _differ(first: Any, second: Any) -> bool:
    """Whether the two references differ here (only leaves count: a list whose items
    differ is compared item by item)."""
    if type(first) is not type(second):
        return True
    if isinstance(first, list):
        return len(first) != len(second)
    if isinstance(first, dict):
        return sorted(first) != sorted(second)
    return bool(first != second)
