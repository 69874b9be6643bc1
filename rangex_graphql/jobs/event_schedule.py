"""The event schedule: start, freeze and end events on time (``services/events/schedule``).
Safe on any number of replicas: each transition is a conditional UPDATE on the status."""

from __future__ import annotations

from ..runtime import Runtime
from ..services.events.schedule import apply_due_transitions
from .clock import utc_now


async def advance_events(runtime: Runtime) -> int:
    """One pass; how many transitions this process applied."""
    return len(await apply_due_transitions(utc_now(), runtime.broker))
