"""Reading the run-time settings: all of them for admins, the status for anyone. Both
come from this replica's memory: no SQL statement."""

from __future__ import annotations

import strawberry

from ...models.enums import UserRole
from ..context import Info
from ..permissions import Allow
from .types import PlatformSettingsType, PlatformStatus


@strawberry.type
class PlatformQuery:
    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN)],
        description="The run-time platform settings. Admins only.",
    )
    def platform_settings(self, info: Info) -> PlatformSettingsType:
        return PlatformSettingsType.of(info.context.platform)

    @strawberry.field(
        description="Whether the platform is under maintenance (and why), and whether it "
        "takes registrations: anyone may read it, signed in or not."
    )
    def platform_status(self, info: Info) -> PlatformStatus:
        return PlatformStatus.of(info.context.platform)
