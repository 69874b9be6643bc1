"""Execution plans: queries executed from a per-document plan instead of graphql-core's
generic walk.

graphql-core decides everything anew for every field of every object: which field
definition, which resolver, how to complete the value (an `isinstance` chain on the return
type), which sub-fields to collect, and it builds a resolver `info` for every field. A plan
decides that once per validated operation (see `compile.py`) and keeps, per selected field,
its definition, its resolver or the attribute it reads, and a completion function made for
its return type. `run.py` walks the data with it.

The plan is an accelerator, never a second source of truth: the resolvers, the argument
coercion, the resolver `info` and every error path are graphql-core's own (the executor
graphql-core built for the request), and whatever the plan does not cover (mutations,
middleware, incremental delivery) runs through graphql-core whole.
"""

from __future__ import annotations

from .entry import PlanCache

__all__ = ["PlanCache"]
