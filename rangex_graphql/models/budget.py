"""The platform's budget, the warnings sent against it, and the daily usage it is read from."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel
from .enums import ResourceProfile

if TYPE_CHECKING:
    from .event import Event
    from .scenario import Scenario
    from .session import EnvironmentSession
    from .user import User

PLATFORM_BUDGET_KEY = "platform"


class PlatformBudget(TimestampedModel):
    """The one budget row (``key`` = ``platform``), created from the settings on first use.

    The grace state lives here, so every replica sees the same one: ``grace_started_at``
    is set once when a cap is reached (by a compare-and-set), ``shutdown_at`` once when the
    grace ran out and the running sessions were shut down.
    """

    key = fields.CharField(max_length=16, unique=True, default=PLATFORM_BUDGET_KEY)
    daily_rm = fields.DecimalField(max_digits=12, decimal_places=4)
    monthly_rm = fields.DecimalField(max_digits=12, decimal_places=4)
    soft_warn_percent = fields.IntField(default=80)
    high_warn_percent = fields.IntField(default=90)
    grace_minutes = fields.IntField(default=30)
    maintenance_on_cap = fields.BooleanField(default=False)
    grace_started_at = fields.DatetimeField(null=True)
    # DAY or MONTH: which cap started the grace.
    grace_cap = fields.CharField(max_length=8, null=True)
    shutdown_at = fields.DatetimeField(null=True)

    class Meta:
        table = "platform_budget"


class BudgetWarning(TimestampedModel):
    """A warning level (percent of a cap) crossed in a period (a day ``YYYY-MM-DD`` or a
    month ``YYYY-MM``); inserted once, so sent once."""

    period = fields.CharField(max_length=10)
    level = fields.IntField()
    spent_rm = fields.DecimalField(max_digits=14, decimal_places=4)

    class Meta:
        table = "budget_warning"
        unique_together = (("period", "level"),)


class UsageDaily(TimestampedModel):
    """What one session ran and cost on one day (UTC), written as its time is charged.

    Per session and day, so only the accrual holding the session's row lock writes it;
    the daily figures and the cost breakdowns are sums over these rows. The session, user,
    scenario and event are kept loosely (SET NULL): the spend stays when they go.
    """

    day = fields.DateField(db_index=True)
    session: fields.ForeignKeyNullableRelation[EnvironmentSession] = fields.ForeignKeyField(
        "models.EnvironmentSession",
        related_name="usage_days",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="usage_days",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    scenario: fields.ForeignKeyNullableRelation[Scenario] = fields.ForeignKeyField(
        "models.Scenario",
        related_name="usage_days",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    event: fields.ForeignKeyNullableRelation[Event] = fields.ForeignKeyField(
        "models.Event",
        related_name="usage_days",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    resource_profile = fields.CharEnumField(ResourceProfile, max_length=16)
    hours = fields.DecimalField(max_digits=12, decimal_places=4, default=Decimal("0"))
    vcpu_cost_rm = fields.DecimalField(max_digits=14, decimal_places=4, default=Decimal("0"))
    memory_cost_rm = fields.DecimalField(max_digits=14, decimal_places=4, default=Decimal("0"))
    total_rm = fields.DecimalField(max_digits=14, decimal_places=4, default=Decimal("0"))

    class Meta:
        table = "usage_daily"
        unique_together = (("day", "session"),)
