"""platformStatistics: users, versions, reviews, session starts and completions."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from ...models.enums import UserRole, UserStatus, VersionStatus
from ...services.statistics import PlatformStatistics, platform_statistics
from ..errors import BadUserInput
from ..permissions import Allow

MAX_DAYS = 366


@strawberry.type(description="How many users have one role.")
class RoleCount:
    role: UserRole = strawberry.field(description="A role users may hold.")
    count: int = strawberry.field(description="Users with it.")


@strawberry.type(description="How many users are in one status.")
class UserStatusCount:
    status: UserStatus = strawberry.field(description="An account status users may be in.")
    count: int = strawberry.field(description="Users in it.")


@strawberry.type(description="How many scenario versions are in one status.")
class VersionStatusCount:
    status: VersionStatus = strawberry.field(description="A review or publication state.")
    count: int = strawberry.field(description="Versions in it (of scenarios not deleted).")


@strawberry.type(description="Sessions started on one day (UTC).")
class DayCount:
    day: date = strawberry.field(description="The day (UTC).")
    count: int = strawberry.field(description="Sessions started on it.")


@strawberry.type(name="PlatformStatistics", description="The platform in numbers.")
class PlatformStatisticsType:
    users_by_role: list[RoleCount] = strawberry.field(
        description="Users per role (every role, zero included)."
    )
    users_by_status: list[UserStatusCount] = strawberry.field(
        description="Users per status (every status, zero included)."
    )
    scenarios_by_status: list[VersionStatusCount] = strawberry.field(
        description="Scenario versions per status (every status, zero included)."
    )
    pending_reviews: int = strawberry.field(description="Versions SUBMITTED, awaiting review.")
    session_starts_per_day: list[DayCount] = strawberry.field(
        description="Sessions started per day over the window, oldest first (creator test "
        "runs left out)."
    )
    completion_rate: float | None = strawberry.field(
        description="Of the sessions started in the window that have ended, the share "
        "completed (every question answered right); null when none ended."
    )

    @classmethod
    def of(cls, stats: PlatformStatistics) -> PlatformStatisticsType:
        return cls(
            users_by_role=[RoleCount(role=r, count=n) for r, n in stats.users_by_role.items()],
            users_by_status=[
                UserStatusCount(status=s, count=n) for s, n in stats.users_by_status.items()
            ],
            scenarios_by_status=[
                VersionStatusCount(status=s, count=n) for s, n in stats.versions_by_status.items()
            ],
            pending_reviews=stats.pending_reviews,
            session_starts_per_day=[
                DayCount(day=d, count=n) for d, n in stats.session_starts_by_day
            ],
            completion_rate=stats.completion_rate,
        )


@strawberry.type
class StatisticsQuery:
    @strawberry.field(
        extensions=[Allow(role=UserRole.ADMIN)],
        description="Users by role and status, scenario versions by status, pending reviews, "
        "session starts per day and the completion rate. Admins only.",
    )
    async def platform_statistics(
        self,
        days: Annotated[
            int,
            strawberry.argument(
                description=f"The window of the session figures: the last N days (UTC, today "
                f"included), 1 to {MAX_DAYS}."
            ),
        ] = 30,
    ) -> PlatformStatisticsType | None:
        if not 1 <= days <= MAX_DAYS:
            raise BadUserInput(f"days: from 1 to {MAX_DAYS}", field="days")
        return PlatformStatisticsType.of(await platform_statistics(days))
