"""Label values that come from outside, bounded.

Prometheus keeps one time series per distinct label value, so a label fed by clients (an
operation name) must not grow without bound: values that do not look like a name, and
any beyond the first ``limit`` distinct ones, are reported as one overflow value.
"""

from __future__ import annotations

import re


class BoundedLabel:
    """At most ``limit`` distinct values matching ``pattern``, first come; the rest are
    ``overflow``. Used from the event loop only."""

    __slots__ = ("limit", "overflow", "pattern", "seen")

    def __init__(self, pattern: str, limit: int, overflow: str) -> None:
        self.pattern = re.compile(pattern)
        self.limit = limit
        self.overflow = overflow
        self.seen: set[str] = set()

    def value(self, candidate: str, *, admit: bool = True) -> str:
        """``candidate`` when it is known, or admitted now (``admit`` and room left and
        the pattern matches); ``overflow`` otherwise."""
        if candidate in self.seen:
            return candidate
        if admit and len(self.seen) < self.limit and self.pattern.fullmatch(candidate):
            self.seen.add(candidate)
            return candidate
        return self.overflow
