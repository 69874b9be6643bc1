"""Cost accounting: RUNNING sessions are charged up to now (their daily usage rows with
them), then the budget is checked: its warning levels (admins notified once per level and
period, ``services/budgets/warnings.py``) and its caps (grace, emergency shutdown,
``budget.py``).

``accrue`` locks the row and moves ``cost_accounted_at`` forward in one transaction, so
replicas running this pass at the same time never charge the same seconds twice. A
session held through an engine outage has no ``cost_accounted_at`` (its clock stopped,
``services/sessions/outage.py``) and is charged nothing until its machines are confirmed
running again.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from uuid import UUID

from ..models import EnvironmentSession
from ..models.enums import SessionState
from ..runtime import Runtime
from ..services.budgets.warnings import check_budget_warnings
from ..services.sessions.cost import accrue
from .budget import enforce_budget
from .clock import utc_now


async def account_usage(runtime: Runtime, now: datetime | None = None) -> Decimal:
    """One pass over every RUNNING session, a batch at a time; the amount charged."""
    now = now or utc_now()
    batch = runtime.settings.jobs_batch_size
    charged = Decimal(0)
    after: UUID | None = None
    while True:
        page = EnvironmentSession.filter(state=SessionState.RUNNING)
        if after is not None:
            page = page.filter(id__gt=after)
        found = await page.order_by("id").limit(batch).values_list("id", flat=True)
        ids = [UUID(str(i)) for i in found]
        for session_id in ids:
            charged += await accrue(
                runtime.settings, session_id, now, broker=runtime.broker, check_budget=False
            )
        if len(ids) < batch:
            break
        after = ids[-1]
    await check_budget_warnings(runtime.settings, now, broker=runtime.broker)
    await enforce_budget(runtime, now)
    return charged
