"""``platformStatistics``: the platform in numbers for admins.

A fixed number of grouped statements, whatever the number of users, versions and
sessions. Creator test runs (``is_test``) are left out of the session figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from pypika_tortoise.terms import Function as SqlFunction
from pypika_tortoise.terms import Term
from tortoise.expressions import Function
from tortoise.functions import Count

from ..models import EnvironmentSession, ScenarioVersion, User
from ..models.enums import UserRole, UserStatus, VersionStatus

COMPLETED = "completed"


class _SqlDate(SqlFunction):
    def __init__(self, term: Term, alias: str | None = None) -> None:
        super().__init__("DATE", term, alias=alias)


class DayOf(Function):
    """The UTC day of a datetime column (``DATE()`` in SQLite and MySQL alike)."""

    database_func = _SqlDate


@dataclass(frozen=True, slots=True)
class PlatformStatistics:
    users_by_role: dict[UserRole, int]
    users_by_status: dict[UserStatus, int]
    versions_by_status: dict[VersionStatus, int]
    pending_reviews: int
    session_starts_by_day: list[tuple[date, int]]
    sessions_ended: int
    sessions_completed: int

    @property
    def completion_rate(self) -> float | None:
        return self.sessions_completed / self.sessions_ended if self.sessions_ended else None


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


async def _counts(queryset: Any, column: str) -> dict[str, int]:
    rows = await queryset.annotate(n=Count("id")).group_by(column).values(column, "n")
    return {str(row[column]): int(row["n"]) for row in rows}


async def platform_statistics(days: int, now: datetime | None = None) -> PlatformStatistics:
    """Users and versions now; session starts per day and the completion rate of the
    sessions started over the last ``days`` days (today included)."""
    now = now or datetime.now(UTC)
    first_day = now.astimezone(UTC).date() - timedelta(days=days - 1)
    since = datetime.combine(first_day, time(), tzinfo=UTC)
    roles = await _counts(User.all(), "role")
    statuses = await _counts(User.all(), "status")
    versions = await _counts(ScenarioVersion.filter(scenario__deleted_at__isnull=True), "status")
    sessions = EnvironmentSession.filter(started_at__gte=since, is_test=False)
    starts = {
        _as_date(row["day"]): int(row["n"])
        for row in await sessions.annotate(day=DayOf("started_at"), n=Count("id"))
        .group_by("day")
        .values("day", "n")
    }
    ended = await _counts(sessions.filter(ended_at__isnull=False), "end_reason")
    return PlatformStatistics(
        users_by_role={role: roles.get(role.value, 0) for role in UserRole},
        users_by_status={status: statuses.get(status.value, 0) for status in UserStatus},
        versions_by_status={status: versions.get(status.value, 0) for status in VersionStatus},
        pending_reviews=versions.get(VersionStatus.SUBMITTED.value, 0),
        session_starts_by_day=[
            (first_day + timedelta(days=i), starts.get(first_day + timedelta(days=i), 0))
            for i in range(days)
        ],
        sessions_ended=sum(ended.values()),
        sessions_completed=ended.get(COMPLETED, 0),
    )
