"""A scenario's own cap on its active sessions (``Scenario.max_active_sessions``), which
every start checks under the scenario's row lock (services/sessions/start.py)."""

from __future__ import annotations

from uuid import UUID

from ...db.transactions import retrying_transaction
from ...models import Scenario
from ..audit import RequestMeta, audit
from ..errors import DomainError
from .changes import CAP_MAX
from .errors import PlatformSettingsCode as Code


async def set_scenario_cap(
    scenario_id: UUID, cap: int | None, actor_id: UUID, meta: RequestMeta
) -> Scenario:
    """Cap the scenario's active sessions at ``cap`` (None: no cap of its own); sessions
    already running go on."""
    if cap is not None and not 1 <= cap <= CAP_MAX:
        raise DomainError(
            Code.OUT_OF_RANGE, f"must be 1-{CAP_MAX}, or null", "input.maxActiveSessions"
        )

    async def write() -> Scenario:
        scenario = (
            await Scenario.filter(id=scenario_id, deleted_at__isnull=True)
            .select_for_update()
            .first()
        )
        if scenario is None:
            raise DomainError(Code.SCENARIO_NOT_FOUND, "no such scenario", "input.scenarioId")
        before = scenario.max_active_sessions
        if before != cap:
            scenario.max_active_sessions = cap
            await scenario.save(update_fields=["max_active_sessions", "updated_at"])
            await audit(
                "scenario.cap_set",
                meta,
                actor_id=actor_id,
                target_type="Scenario",
                target_id=scenario.id,
                before={"max_active_sessions": before},
                after={"max_active_sessions": cap},
            )
        return scenario

    return await retrying_transaction(write)
