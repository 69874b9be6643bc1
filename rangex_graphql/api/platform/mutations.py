"""Changing the run-time settings and a scenario's own cap. Admins only; each change is
audited with the values before and after (services/platform_settings)."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from ...models.enums import UserRole
from ...services.api_tokens import ApiScope
from ...services.platform_settings import changes
from ...services.platform_settings.errors import PlatformSettingsCode
from ...services.platform_settings.scenario_caps import set_scenario_cap
from ..context import Info
from ..ids import expect_global_id
from ..payload import ERRORS, actor, mutation_payload, result
from ..permissions import Allow
from ..scenario.types import ScenarioNode
from .types import PlatformSettingsError, PlatformSettingsType

UNCHANGED = " Omitted: unchanged."
NO_CAP = " null: no cap." + UNCHANGED
# Input fields given in MiB, kept in bytes.
IN_MIB = {
    "files_user_quota_mib": "files_user_quota_bytes",
    "files_total_quota_mib": "files_total_quota_bytes",
}


@strawberry.input(description="The settings to change; those omitted stay as they are.")
class PlatformSettingsUpdateInput:
    registrations_open: bool | None = strawberry.field(
        default=strawberry.UNSET, description="New accounts may register." + UNCHANGED
    )
    max_total_users: int | None = strawberry.field(
        default=strawberry.UNSET, description="Most accounts, 1 or more." + NO_CAP
    )
    max_concurrent_users: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="Most distinct users holding an active session at once." + NO_CAP,
    )
    max_active_sessions: int | None = strawberry.field(
        default=strawberry.UNSET, description="Most active sessions at once." + NO_CAP
    )
    max_total_machines: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="Most machines of active sessions at once." + NO_CAP,
    )
    sessions_per_user: int | None = strawberry.field(
        default=strawberry.UNSET, description="Active sessions per user, 1-10000." + UNCHANGED
    )
    starts_per_hour: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="Session starts per user in any 60 minutes, 1-10000." + UNCHANGED,
    )
    starts_per_day: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="Session starts per user in any 24 hours, at least the starts per hour."
        + UNCHANGED,
    )
    max_session_minutes: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="Longest running time of a session, 30-1440 minutes." + UNCHANGED,
    )
    idle_timeout_minutes: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="Idle timeout, 1 minute to the maximum session duration." + UNCHANGED,
    )
    files_user_quota_mib: int | None = strawberry.field(
        default=strawberry.UNSET, description="MiB one user may store, 0 or more." + UNCHANGED
    )
    files_total_quota_mib: int | None = strawberry.field(
        default=strawberry.UNSET, description="MiB all users may store, 0 or more." + UNCHANGED
    )

    def changes(self) -> dict[str, Any]:
        """Setting name: new value, for the fields given (quotas in bytes)."""
        given: dict[str, Any] = {}
        for name, value in vars(self).items():
            if value is strawberry.UNSET:
                continue
            if name in IN_MIB:
                given[IN_MIB[name]] = None if value is None else value * changes.MIB
            else:
                given[name] = value
        return given


@strawberry.input(description="Maintenance mode on or off.")
class MaintenanceModeSetInput:
    enabled: bool = strawberry.field(
        description="true: refuse sign-ups and session starts to all but admins (running "
        "sessions go on); false: back to normal."
    )
    message: str | None = strawberry.field(
        default=None, description="What users are told (at most 500 characters)."
    )
    reason: str | None = strawberry.field(
        default=None, description="Why, for the audit log (not shown to users)."
    )


@strawberry.input(description="A scenario's own cap on its active sessions.")
class ScenarioCapSetInput:
    scenario_id: strawberry.ID = strawberry.field(description="Which scenario to cap or uncap.")
    max_active_sessions: int | None = strawberry.field(
        description="Most active sessions of it at once, 1 or more; null: no cap of its own."
    )


@strawberry.type(description="What platformSettingsUpdate or maintenanceModeSet did.")
class PlatformSettingsPayload:
    platform_settings: PlatformSettingsType | None = strawberry.field(
        default=None, description=result("The settings as they are now")
    )
    errors: list[PlatformSettingsError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What scenarioCapSet did.")
class ScenarioCapSetPayload:
    scenario: ScenarioNode | None = strawberry.field(
        default=None, description=result("The scenario with its cap")
    )
    errors: list[PlatformSettingsError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type
class PlatformMutation:
    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN, scope=ApiScope.ADMIN)],
        description="Change some of the run-time platform settings; every replica obeys "
        "within a second. All are checked first: one bad value changes nothing. Admins only.",
    )
    @mutation_payload(PlatformSettingsPayload, PlatformSettingsCode)
    async def platform_settings_update(
        self,
        info: Info,
        input: Annotated[
            PlatformSettingsUpdateInput, strawberry.argument(description="What to change.")
        ],
    ) -> PlatformSettingsPayload:
        values = await changes.update_settings(
            info.context.services.platform, input.changes(), actor(info).id, info.context.meta
        )
        return PlatformSettingsPayload(platform_settings=PlatformSettingsType.of(values))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN, scope=ApiScope.ADMIN)],
        description="Turn maintenance mode on (with a message) or off. Admins only.",
    )
    @mutation_payload(PlatformSettingsPayload, PlatformSettingsCode)
    async def maintenance_mode_set(
        self,
        info: Info,
        input: Annotated[MaintenanceModeSetInput, strawberry.argument(description="On or off.")],
    ) -> PlatformSettingsPayload:
        values = await changes.set_maintenance(
            info.context.services.platform,
            input.enabled,
            input.message,
            actor(info).id,
            input.reason or "set by an admin",
            info.context.meta,
        )
        return PlatformSettingsPayload(platform_settings=PlatformSettingsType.of(values))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.ADMIN, scope=ApiScope.ADMIN)],
        description="Cap a scenario's active sessions (or lift its cap); running sessions "
        "go on. Admins only.",
    )
    @mutation_payload(ScenarioCapSetPayload, PlatformSettingsCode)
    async def scenario_cap_set(
        self,
        info: Info,
        input: Annotated[ScenarioCapSetInput, strawberry.argument(description="The cap.")],
    ) -> ScenarioCapSetPayload:
        pk = expect_global_id(input.scenario_id, "Scenario", "input.scenarioId")
        await set_scenario_cap(pk, input.max_active_sessions, actor(info).id, info.context.meta)
        return ScenarioCapSetPayload(scenario=await ScenarioNode.read(pk))
