"""The reconciler: the engine and the database brought back in line, after a crash too.

One pass does four things:

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
(d) **Drift.** A RUNNING session with paused machines, or a PAUSED one with running
    machines (checked with (b), from the same status call), has its machines resumed or
    paused to match the row (``services/sessions/drift.py``); when the engine refuses,
    the session ends FAILED (``state_mismatch``).

Each step, and each session within one, stands alone: an engine listing or a session
that fails is logged and tried again next pass while the rest goes on; without the
listing, (a) waits and (b)/(d) check the rolling batch only. Destroying is idempotent,
so two replicas removing the same orphan do no harm; every state change goes through
``tear_down``'s compare-and-set, so it happens once.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TypeVar
from uuid import UUID

from tortoise.expressions import Q

from ..models import EnvironmentSession
from ..models.enums import SessionState
from ..orchestrator import DriverError
from ..orchestrator.protocol import MACHINE_RESOURCE_PREFIXES, MachineState, MachineStatus
from ..runtime import Runtime
from ..services.audit import SYSTEM, audit
from ..services.sessions.drift import drift_of, repair_drift
from ..services.sessions.failures import FAILURE_CODES, FailureCode
from ..services.sessions.lease import release
from ..services.sessions.outage import engine_answers, recover_sessions
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
FAILURE_END_REASONS = FAILURE_CODES
LOST = FailureCode.RESOURCES_LOST.value
MISMATCH = FailureCode.STATE_MISMATCH.value
INTERRUPTED = FailureCode.INTERRUPTED.value
T = TypeVar("T")


@dataclass(slots=True)
class ReconcileReport:
    orphans_destroyed: list[str] = field(default_factory=list)
    lost: list[UUID] = field(default_factory=list)
    repaired: list[UUID] = field(default_factory=list)
    engine_restarted: list[UUID] = field(default_factory=list)
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
        """One pass. Each step, and each session within it, is reconciled on its own: a
        failure is logged and tried again next pass, the rest of the pass goes on."""
        now = now or utc_now()
        report = ReconcileReport()
        owned: dict[str, list[str]] | None = None
        try:
            owned = await self.runtime.driver.list_owned()
        except Exception:
            log.warning("reconciler: listing the engine's resources failed", exc_info=True)
            if not await engine_answers(self.runtime):
                return report  # an outage: no session is ended on it; the next pass looks
        if owned is not None:
            destroyed = await self._step("orphans", self.destroy_orphans(owned))
            report.orphans_destroyed = destroyed or []
            outage = await self._step("engine outage", recover_sessions(self.runtime))
            report.engine_restarted = outage.failed if outage else []
        checked = await self._step("live sessions", self.check_live(owned, now, report))
        report.lost = checked or []
        abandoned = await self._step("abandoned sessions", self.recover_abandoned(now))
        report.interrupted, report.teardowns_finished = abandoned or ([], [])
        if report.orphans_destroyed or report.lost or report.interrupted or report.repaired:
            log.warning("reconciler: %s", report)
        return report

    @staticmethod
    async def _step(name: str, work: Awaitable[T]) -> T | None:
        try:
            return await work
        except Exception:
            log.exception("reconciler: the %s step failed; next pass tries again", name)
            return None

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
                destroyed.append(key)
                await audit(
                    "session.orphans_destroyed",
                    SYSTEM,
                    target_type="EnvironmentSession",
                    target_id=key,
                    state=state.value if isinstance(state, S) else state,
                    resources=resources,
                )
            except Exception:
                log.warning("reconciler: destroying orphan %s failed", key, exc_info=True)
        return destroyed

    # -- (b) and (d) ------------------------------------------------------------------

    async def check_live(
        self, owned: dict[str, list[str]] | None, now: datetime, report: ReconcileReport
    ) -> list[UUID]:
        """Ask the engine about a batch of RUNNING and PAUSED sessions: those whose machines
        vanished end FAILED (b), those whose machines are not in the row's state are
        brought back in line (d). ``owned`` None: the listing failed, the rolling batch
        alone is checked."""
        limit = self.runtime.settings.jobs_batch_size
        live = (
            await EnvironmentSession.filter(state__in=LIVE_STATES)
            .order_by("id")
            .values_list("id", "lock_version", "state")
        )
        rows = {UUID(str(i)): (int(v), S(str(state))) for i, v, state in live}
        missing: list[UUID] = []
        if owned is not None:
            with_machines = {
                key
                for key, found in owned.items()
                if any(r.startswith(MACHINE_RESOURCE_PREFIXES) for r in found)
            }
            missing = [i for i in rows if str(i) not in with_machines][:limit]
        rolling = self._next_batch(sorted(rows, key=str), limit)
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
            try:
                outcome = await self._check_one(session_id, *rows[session_id], found, now)
            except Exception:
                log.exception("reconciler: checking session %s failed", session_id)
                continue
            if outcome == "lost":
                lost.append(session_id)
            elif outcome == "repaired":
                report.repaired.append(session_id)
        return lost

    async def _check_one(
        self,
        session_id: UUID,
        lock_version: int,
        state: S,
        found: list[MachineStatus],
        now: datetime,
    ) -> str | None:
        reason = vanished_reason(found)
        drift = drift_of(state, found) if reason is None else None
        if reason is None and drift is None:
            return None
        # The lock version read before the engine was asked: a transition in between
        # (a reset, a pause) changed what the engine should run, so the claim misses; and
        # an operation under way holds the lease, so the claim misses too.
        where = Q(id=session_id, state=state, lock_version=lock_version)
        if not await claim_sessions(self.runtime, where, now, limit=1):
            return None
        if reason is not None:
            ended = await self._end(session_id, S.FAILED, "fail", LOST, reason)
            return "lost" if ended else None
        try:
            repaired = await repair_drift(self.runtime, session_id, state)
        finally:
            await release(self.runtime, session_id)
        if repaired is None:
            return "repaired"
        detail = f"the machines were {drift} while the session was {state.value}; {repaired}"
        await self._end(session_id, S.FAILED, "fail", MISMATCH, detail)
        return None

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
            ended = await self._end(session_id, S.FAILED, "fail", INTERRUPTED, INTERRUPTED_REASON)
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
        ended = None
        try:
            # Never a teardown on an engine that does not answer (one shutting down
            # corrupts its network store): the session waits for the next pass.
            if await engine_answers(self.runtime):
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
