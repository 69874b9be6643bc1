from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import AuditLog
from rangex_graphql.models.enums import UserRole
from rangex_graphql.services.audit import RequestMeta, audit
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run

QUERY = """query($filter: AuditLogFilter) { auditLogs(first: 10, filter: $filter) {
  totalCount nodes { action ip userAgent actor { username } data } } }"""


async def test_admins_query_the_audit_log_by_actor_action_and_time(
    db: None, settings: Settings
) -> None:
    admin = await factories.user(UserRole.ADMIN)
    someone = await factories.user()
    meta = RequestMeta(ip="198.51.100.4", user_agent="curl/8")
    await audit("login.success", meta, actor_id=someone.id)
    await audit("login.failure", meta, actor_id=someone.id, login="x")
    await audit("user.role_update", meta, actor_id=admin.id, role="CREATOR")
    old = await AuditLog.create(action="login.success", actor_id=someone.id)
    await AuditLog.filter(id=old.id).update(created_at=datetime.now(UTC) - timedelta(days=30))

    by_prefix = await data_of(settings, QUERY, {"filter": {"action": "login."}}, as_user=admin)
    assert by_prefix["auditLogs"]["totalCount"] == 3
    recent = {
        "action": "login.",
        "actor": to_global_id("User", someone.id),
        "since": (datetime.now(UTC) - timedelta(days=1)).isoformat(),
    }
    data = await data_of(settings, QUERY, {"filter": recent}, as_user=admin)
    assert [n["action"] for n in data["auditLogs"]["nodes"]] == ["login.failure", "login.success"]
    assert data["auditLogs"]["nodes"][0]["ip"] == "198.51.100.4"
    assert data["auditLogs"]["nodes"][0]["data"] == {"login": "x"}
    exact = await data_of(settings, QUERY, {"filter": {"action": "login"}}, as_user=admin)
    assert exact["auditLogs"]["totalCount"] == 0

    _, errors = await run(settings, QUERY, as_user=someone)
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
