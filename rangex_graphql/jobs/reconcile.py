"""The reconciler: the engine and the database brought back in line, after a crash too.

One pass does three things:

(a) **Orphans.** Every resource the engine holds carries its session's id; a session id
    with no row, or whose row has ended, has its resources destroyed.
(b) **Vanished machines.** A RUNNING or PAUSED session whose machines the engine no
    longer reports (none left, or all exited) ends FAILED (``end_reason``
    ``resources_lost``), whatever remains being destroyed. Checked are the sessions with
    no machine (container or task) in the engine's listing, plus a rolling batch of the
    others (the engine event stream reports most deaths as they happen; this catches
    what it missed), with one ``status_many`` call to the engine for all of them.
(c) **Abandoned work.** A session in REQUESTED, PROVISIONING or TERMINATING whose lease
    ran out was being worked on by a process that died: its resources are destroyed and
    it ends FAILED ("interrupted: ...") or, when it was being torn down, in the final
    state its teardown was heading for.

Destroying is idempotent, so two replicas removing the same orphan do no harm; every
state change goes through ``tear_down``'s compare-and-set, so it happens once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from uuid import UUID

from tortoise.expressions import Q

from ..models import EnvironmentSession
from ..models.enums import SessionState
from ..orchestrator import DriverError
from ..orchestrator.protocol import MACHINE_RESOURCE_PREFIXES, MachineState, MachineStatus
from ..services.audit import SYSTEM, audit
from ..services.runtime import Runtime
from ..services.sessions.lease import release
from ..services.sessions.teardown import tear_down
from ..services.sessions.transitions import FINAL_STATES
from .claims import claim_sessions, lease_is_free
from .clock import utc_now

S = SessionState
log = logging.getLogger(__name__)

LIVE_STATES = (S.RUNNING, S.PAUSED)
STARTING_STATES = (S.REQUESTED, S.PROVISIONING)
INTERRUPTED_REASON = "interrupted: server stopped while provisioning"
#: end_reason values of a teardown that was ending the session as a failure.
FAILURE_END_REASONS = frozenset(
    {"interrupted", "provision_failed", "resources_lost", "machine_failed"}
)


@dataclass(slots=True)
class ReconcileReport:
    orphans_destroyed: list[str] = field(default_factory=list)
    lost: list[UUID] = field(default_factory=list)
    interrupted: list[UUID] = field(default_factory=list)
    teardowns_finished: list[UUID] = field(default_factory=list)


def _as_uuid(value: str) -> UUID | None:
    try:
        return UUID(value)
    except ValueError:
        return None


def vanished_reason(statuses: list[MachineStatus]) -> str | None:
    """Why the session's machines count as gone, or None while any is alive."""
    if not statuses:
        return "resources vanished: the engine reports no machines"
    if all(s.state is MachineState.EXITED for s in statuses):
        ended = ", ".join(
            f"{s.name} ({'OOM-killed' if s.oom_killed else f'exit code {s.exit_code}'})"
            for s in statuses
        )
        return f"resources vanished: every machine exited: {ended}"
    return None


class Reconciler:
    """Keeps the rolling position of check (b) between passes."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self._after: UUID | None = None

    async def run_once(self, now: datetime | None = None) -> ReconcileReport:
        now = now or utc_now()
        report = ReconcileReport()
        owned = await self.runtime.driver.list_owned()
        report.orphans_destroyed = await self.destroy_orphans(owned)
        report.lost = await self.fail_vanished(owned, now)
        report.interrupted, report.teardowns_finished = await self.recover_abandoned(now)
        if report.orphans_destroyed or report.lost or report.interrupted:
            log.warning("reconciler: %s", report)
        return report

    # -- (a) --------------------------------------------------------------------------

    async def destroy_orphans(self, owned: dict[str, list[str]]) -> list[str]:
        ids = [u for u in map(_as_uuid, owned) if u is not None]
        states = dict(
            await EnvironmentSession.filter(id__in=ids).values_list("id", "state") if ids else []
        )
        destroyed = []
        for key, resources in owned.items():
            session_id = _as_uuid(key)
            state = states.get(session_id) if session_id else None
            if state is not None and S(state) not in FINAL_STATES:
                continue
            try:
                await self.runtime.driver.destroy(key)
            except DriverError:
                log.warning("reconciler: destroying orphan %s failed", key, exc_info=True)
                continue
            destroyed.append(key)
            await audit(
                "session.orphans_destroyed",
                SYSTEM,
                target_type="EnvironmentSession",
                target_id=key,
                state=state.value if isinstance(state, S) else state,
                resources=resources,
            )
        return destroyed

    # -- (b) --------------------------------------------------------------------------

    async def fail_vanished(self, owned: dict[str, list[str]], now: datetime) -> list[UUID]:
        limit = self.runtime.settings.jobs_batch_size
        with_machines = {
            key
            for key, found in owned.items()
            if any(r.startswith(MACHINE_RESOURCE_PREFIXES) for r in found)
        }
        live = (
            await EnvironmentSession.filter(state__in=LIVE_STATES)
            .order_by("id")
            .values_list("id", "lock_version")
        )
        versions = {UUID(str(i)): int(v) for i, v in live}
        missing = [i for i in versions if str(i) not in with_machines][:limit]
        rolling = self._next_batch(sorted(versions, key=str), limit)
        checked = list(dict.fromkeys([*missing, *rolling]))
        if not checked:
            return []
        try:
            statuses = await self.runtime.driver.status_many([str(i) for i in checked])
        except DriverError:
            log.warning("reconciler: status of %d sessions failed", len(checked), exc_info=True)
            return []
        lost = []
        for session_id in checked:
            found = statuses.get(str(session_id))
            if found is None:  # not answered for: no news, not "no machines"
                log.warning("reconciler: the engine did not answer for %s", session_id)
                continue
            reason = vanished_reason(found)
            if reason is None:
                continue
            # The lock version read before the engine was asked: a reset that finished in
            # between gave the session new machines, so the claim does not match.
            where = Q(id=session_id, state__in=LIVE_STATES, lock_version=versions[session_id])
            if not await claim_sessions(self.runtime, where, now, limit=1):
                continue
            if await self._end(session_id, S.FAILED, "fail", "resources_lost", reason):
                lost.append(session_id)
        return lost

    def _next_batch(self, ids: list[UUID], limit: int) -> list[UUID]:
        after = [i for i in ids if self._after is None or str(i) > str(self._after)]
        batch = (after or ids)[:limit]
        self._after = batch[-1] if batch and len(batch) == limit else None
        return batch

    # -- (c) --------------------------------------------------------------------------

    async def recover_abandoned(self, now: datetime) -> tuple[list[UUID], list[UUID]]:
        limit = self.runtime.settings.jobs_batch_size
        lease_gone = now - timedelta(seconds=self.runtime.settings.session_lease_seconds)
        # A row with no lease at all counts as abandoned once a lease would have run out.
        abandoned = Q(lease_expires_at__lte=now) | Q(
            lease_expires_at__isnull=True, created_at__lte=lease_gone
        )
        interrupted = []
        starting = Q(abandoned, state__in=STARTING_STATES)
        for session_id in await claim_sessions(self.runtime, starting, now, limit=limit):
            ended = await self._end(session_id, S.FAILED, "fail", "interrupted", INTERRUPTED_REASON)
            if ended:
                interrupted.append(session_id)
        finished = []
        # TERMINATING: tear_down takes the dead lease over itself (a compare-and-set on
        # the lease), so these are only read, not claimed.
        stuck = (
            await EnvironmentSession.filter(lease_is_free(now), state=S.TERMINATING)
            .order_by("id")
            .limit(limit)
            .values("id", "end_reason", "failure_reason")
        )
        for row in stuck:
            session_id = UUID(str(row["id"]))
            final, action = final_state_of(row["end_reason"], row["failure_reason"])
            if await self._end(session_id, final, action, row["end_reason"] or "", None):
                finished.append(session_id)
        return interrupted, finished

    async def _end(
        self, session_id: UUID, final: S, action: str, end_reason: str, reason: str | None
    ) -> bool:
        try:
            ended = await tear_down(
                self.runtime,
                session_id,
                final=final,
                action=action,
                end_reason=end_reason,
                reason=reason,
            )
        except Exception:
            log.exception("reconciler: ending session %s failed", session_id)
            ended = None
        finally:
            await release(self.runtime, session_id)
        return ended is not None


def final_state_of(end_reason: str | None, failure_reason: str | None) -> tuple[S, str]:
    """The final state (and action) an interrupted teardown was heading for."""
    if end_reason == "expired":
        return S.EXPIRED, "expire"
    if end_reason in FAILURE_END_REASONS or failure_reason:
        return S.FAILED, "fail"
    return S.TERMINATED, "terminate"
