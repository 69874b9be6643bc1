"""The review workflow of a scenario version.

    DRAFT ──submit──▶ SUBMITTED ──review: approve──▶ APPROVED ──publish──▶ PUBLISHED
    (edits) ◀─withdraw─┘ ▲   │                         │                    │
       ▲       submit    │   │ review: reject (reason) │                    │ unpublish
       │                 │   ▼                         │                    ▼
       │                REJECTED (edits)               │                 ARCHIVED
       └──────────── revert to draft (reason) ─────────┘
    any status but ARCHIVED ──archive (or a newer version's publish)──▶ ARCHIVED

Withdrawing is the author's (their submission back to DRAFT); reverting an approval,
unpublishing and archiving are an admin's.

Each transition is one compare-and-set UPDATE (``WHERE id = … AND status = seen``)
whose affected row count says whether it won: of two reviewers acting at once, one
does, the other gets STATUS_CONFLICT. Every transition writes an AuditLog row; review
decisions, publishing and archiving notify the author (unless the author did it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from ...broker import Broker
from ...db.transactions import retrying_transaction
from ...models import Notification, Scenario, ScenarioVersion
from ...models.enums import VersionStatus
from ..audit import RequestMeta, audit
from ..errors import DomainError, DomainErrors
from ..images.catalog import unapproved_image_errors
from ..notifications import announce, notify
from ..testruns.verdicts import NO_PASSED_TEST_RUN, has_passed_run
from .access import (
    EDITABLE,
    Actor,
    fk,
    now,
    require_admin,
    scenario_for_change,
    status_error,
    version_for_change,
)
from .documents import load_version_spec
from .errors import AuthoringCode, RuleCode
from .validation import submit_errors

REASON_MAX_LENGTH = 2000
ARCHIVABLE = tuple(s for s in VersionStatus if s is not VersionStatus.ARCHIVED)


async def _move(
    version_id: UUID,
    observed: VersionStatus,
    allowed: tuple[VersionStatus, ...],
    to: VersionStatus,
    doing: str,
    **changes: Any,
) -> None:
    """The compare-and-set: move the version from the status the caller saw to ``to``,
    or raise why not (also when another request moved it first)."""
    if observed not in allowed:
        raise status_error(observed, allowed, doing)
    moved = await ScenarioVersion.filter(id=version_id, status=observed).update(
        status=to, updated_at=now(), **changes
    )
    if moved != 1:
        # A locking read sees the latest committed row (a plain one on MariaDB could
        # show the transaction's older snapshot).
        current = await ScenarioVersion.filter(id=version_id).select_for_update().first()
        raise status_error(current.status if current else None, allowed, doing)


async def _scenario_of(version_id: UUID) -> UUID:
    """A version's scenario (it never changes), read before a transaction starts: that
    transaction's first statement is then a lock, and its later reads are fresh."""
    found = await ScenarioVersion.filter(id=version_id).values_list("scenario_id", flat=True)
    if not found:
        raise DomainError(AuthoringCode.NOT_FOUND, "not found, or not yours to change", "versionId")
    return UUID(str(found[0]))


def _audit_target(version: ScenarioVersion) -> dict[str, Any]:
    return {
        "target_type": "ScenarioVersion",
        "target_id": version.id,
        "scenario_id": str(fk(version, "scenario_id")),
        "number": version.number,
    }


async def _tell_author(
    scenario: Scenario,
    version: ScenarioVersion,
    actor: Actor,
    kind: str,
    title: str,
    body: str,
) -> Notification | None:
    """Write the author's notification (none for their own action); it is announced
    by ``_announce`` once the transaction has committed, so a retried transaction
    announces once, and only what was written."""
    author_id = fk(scenario, "author_id")
    if author_id == actor.id:
        return None
    return await notify(
        author_id,
        kind,
        title,
        body,
        broker=None,
        scenario_id=scenario.id,
        scenario_slug=scenario.slug,
        version_id=version.id,
        version_number=version.number,
    )


async def _announce(told: Notification | None, broker: Broker | None) -> None:
    if told is not None:
        await announce(told.id, told.user_id, broker)


@dataclass(frozen=True, slots=True)
class SubmitWarning:
    """Something a reviewer will ask about, which does not stop the submission."""

    code: str
    message: str


async def submit_warnings(version_id: UUID) -> list[SubmitWarning]:
    if await has_passed_run(version_id):
        return []
    return [
        SubmitWarning(
            NO_PASSED_TEST_RUN,
            "no test run of this version passed: run versionTestRunStart so that reviewers "
            "see it deploy",
        )
    ]


async def submit(
    actor: Actor, version_id: UUID, meta: RequestMeta, *, require_passed_test_run: bool = False
) -> ScenarioVersion:
    """DRAFT or REJECTED → SUBMITTED, by the author or an admin, when the content passes
    ``submit_errors`` (all its problems are reported at once otherwise) and, when
    ``require_passed_test_run``, a test run of the version PASSED."""

    async def move() -> ScenarioVersion:
        # The version's lock first: no edit can slip between the validation and the move.
        left = (await version_for_change(actor, version_id)).version.status
        await _move(
            version_id,
            left,
            EDITABLE,
            VersionStatus.SUBMITTED,
            "submitted",
            submitted_at=now(),
            reviewed_at=None,
            reviewed_by_id=None,
            rejection_reason=None,
        )
        spec = await load_version_spec(version_id)
        errors = submit_errors(spec)
        errors += await unapproved_image_errors([m.image_ref for m in spec.machines])
        if errors:
            raise DomainErrors(errors)
        if require_passed_test_run and not await has_passed_run(version_id):
            raise DomainError(
                AuthoringCode.TEST_RUN_REQUIRED,
                "a test run of this version must pass before it is submitted",
                "versionId",
            )
        version = await ScenarioVersion.get(id=version_id)
        await audit(
            "version.submit", meta, actor_id=actor.id, previous=left, **_audit_target(version)
        )
        return version

    return await retrying_transaction(move)


@dataclass(frozen=True, slots=True)
class Decision:
    approve: bool
    reason: str | None = None


def _reason(decision: Decision) -> str | None:
    reason = (decision.reason or "").strip() or None
    if not decision.approve and reason is None:
        raise DomainError(RuleCode.REQUIRED, "say what needs to change", "reason")
    if reason is not None and len(reason) > REASON_MAX_LENGTH:
        raise DomainError(RuleCode.INVALID, f"at most {REASON_MAX_LENGTH} characters", "reason")
    return reason


async def review(
    actor: Actor,
    version_id: UUID,
    decision: Decision,
    meta: RequestMeta,
    *,
    broker: Broker | None,
) -> ScenarioVersion:
    """SUBMITTED → APPROVED, or → REJECTED with a reason; by an admin who is not the
    scenario's author. The author's notification is announced on ``broker``."""
    require_admin(actor)
    reason = _reason(decision)

    async def decide() -> tuple[ScenarioVersion, Notification | None]:
        access = await version_for_change(actor, version_id, lock=False)
        if access.author_id == actor.id:
            raise DomainError(
                AuthoringCode.SELF_REVIEW,
                "another admin must review a scenario you wrote",
                "versionId",
            )
        to = VersionStatus.APPROVED if decision.approve else VersionStatus.REJECTED
        await _move(
            version_id,
            access.version.status,
            (VersionStatus.SUBMITTED,),
            to,
            "reviewed",
            reviewed_at=now(),
            reviewed_by_id=actor.id,
            rejection_reason=None if decision.approve else reason,
        )
        version = await ScenarioVersion.get(id=version_id)
        action = "version.approve" if decision.approve else "version.reject"
        await audit(action, meta, actor_id=actor.id, reason=reason, **_audit_target(version))
        name = f"Version {version.number} of “{access.scenario.title}”"
        if decision.approve:
            title, body = f"{name} was approved", reason or "It can be published now."
        else:
            title, body = f"{name} needs changes", reason or ""
        told = await _tell_author(
            access.scenario, version, actor, f"version.{to.lower()}", title, body
        )
        return version, told

    version, told = await retrying_transaction(decide)
    await _announce(told, broker)
    return version


@dataclass(frozen=True, slots=True)
class Published:
    version: ScenarioVersion
    archived: list[ScenarioVersion]


async def publish(
    actor: Actor, version_id: UUID, meta: RequestMeta, *, broker: Broker | None
) -> Published:
    """APPROVED → PUBLISHED, by the author or an admin. The scenario's version published
    until now becomes ARCHIVED; sessions running on it keep running. The author's
    notification is announced on ``broker``."""
    scenario_id = await _scenario_of(version_id)

    async def move() -> tuple[Published, Notification | None]:
        # The scenario's lock serializes publishing: one published version at a time.
        scenario = await scenario_for_change(actor, scenario_id, "versionId", lock=True)
        observed = await ScenarioVersion.get(id=version_id)
        at = now()
        await _move(
            version_id,
            observed.status,
            (VersionStatus.APPROVED,),
            VersionStatus.PUBLISHED,
            "published",
            published_at=at,
        )
        previous = (
            await ScenarioVersion.filter(scenario_id=scenario.id, status=VersionStatus.PUBLISHED)
            .exclude(id=version_id)
            .select_for_update()
        )
        if previous:
            await ScenarioVersion.filter(
                id__in=[v.id for v in previous], status=VersionStatus.PUBLISHED
            ).update(status=VersionStatus.ARCHIVED, archived_at=at, updated_at=at)
        version = await ScenarioVersion.get(id=version_id)
        for old in previous:
            await audit(
                "version.archive",
                meta,
                actor_id=actor.id,
                superseded_by=str(version.id),
                **_audit_target(old),
            )
        await audit("version.publish", meta, actor_id=actor.id, **_audit_target(version))
        told = await _tell_author(
            scenario,
            version,
            actor,
            "version.published",
            f"Version {version.number} of “{scenario.title}” is published",
            "Learners start this version from now on."
            + "".join(f" Version {old.number} was archived." for old in previous),
        )
        archived = [await ScenarioVersion.get(id=old.id) for old in previous]
        return Published(version, archived), told

    published, told = await retrying_transaction(move)
    await _announce(told, broker)
    return published


async def archive(
    actor: Actor, version_id: UUID, meta: RequestMeta, *, broker: Broker | None
) -> ScenarioVersion:
    """Any status but ARCHIVED → ARCHIVED, by an admin. Archived versions never change
    again; sessions already running on one keep running. The author's notification is
    announced on ``broker``."""
    require_admin(actor)

    async def move() -> tuple[ScenarioVersion, Notification | None]:
        access = await version_for_change(actor, version_id, lock=False)
        left = access.version.status
        await _move(
            version_id, left, ARCHIVABLE, VersionStatus.ARCHIVED, "archived", archived_at=now()
        )
        version = await ScenarioVersion.get(id=version_id)
        await audit(
            "version.archive", meta, actor_id=actor.id, previous=left, **_audit_target(version)
        )
        told = await _tell_author(
            access.scenario,
            version,
            actor,
            "version.archived",
            f"Version {version.number} of “{access.scenario.title}” was archived",
            "",
        )
        return version, told

    version, told = await retrying_transaction(move)
    await _announce(told, broker)
    return version


async def withdraw(actor: Actor, version_id: UUID, meta: RequestMeta) -> ScenarioVersion:
    """SUBMITTED → DRAFT, by the scenario's author only (AUTHOR_ONLY for anyone else who
    may change it): the submission is taken back before a review, to edit again."""

    async def move() -> ScenarioVersion:
        access = await version_for_change(actor, version_id)
        if access.author_id != actor.id:
            raise DomainError(
                AuthoringCode.AUTHOR_ONLY,
                "only the scenario's author withdraws a submission",
                "versionId",
            )
        await _move(
            version_id,
            access.version.status,
            (VersionStatus.SUBMITTED,),
            VersionStatus.DRAFT,
            "withdrawn",
            submitted_at=None,
        )
        version = await ScenarioVersion.get(id=version_id)
        await audit("version.withdraw", meta, actor_id=actor.id, **_audit_target(version))
        return version

    return await retrying_transaction(move)


def _required_reason(reason: str | None) -> str:
    return _reason(Decision(approve=False, reason=reason)) or ""


async def revert_to_draft(
    actor: Actor, version_id: UUID, reason: str | None, meta: RequestMeta, *, broker: Broker | None
) -> ScenarioVersion:
    """APPROVED → DRAFT with a reason, by an admin: the approval is taken back before
    publishing. The reason is kept on the version (as a rejection's) and the author is
    notified with it, announced on ``broker``."""
    require_admin(actor)
    why = _required_reason(reason)

    async def move() -> tuple[ScenarioVersion, Notification | None]:
        access = await version_for_change(actor, version_id)
        await _move(
            version_id,
            access.version.status,
            (VersionStatus.APPROVED,),
            VersionStatus.DRAFT,
            "reverted to draft",
            reviewed_at=now(),
            reviewed_by_id=actor.id,
            rejection_reason=why,
        )
        version = await ScenarioVersion.get(id=version_id)
        await audit(
            "version.revert_to_draft", meta, actor_id=actor.id, reason=why, **_audit_target(version)
        )
        told = await _tell_author(
            access.scenario,
            version,
            actor,
            "version.reverted",
            f"Version {version.number} of “{access.scenario.title}” is a draft again",
            why,
        )
        return version, told

    version, told = await retrying_transaction(move)
    await _announce(told, broker)
    return version


async def unpublish(
    actor: Actor, version_id: UUID, meta: RequestMeta, *, broker: Broker | None
) -> ScenarioVersion:
    """PUBLISHED → ARCHIVED with no successor, by an admin: the scenario leaves the catalog
    until another version is published; sessions running on the version go on. The
    author's notification is announced on ``broker``."""
    require_admin(actor)

    async def move() -> tuple[ScenarioVersion, Notification | None]:
        access = await version_for_change(actor, version_id)
        await _move(
            version_id,
            access.version.status,
            (VersionStatus.PUBLISHED,),
            VersionStatus.ARCHIVED,
            "unpublished",
            archived_at=now(),
        )
        version = await ScenarioVersion.get(id=version_id)
        await audit("version.unpublish", meta, actor_id=actor.id, **_audit_target(version))
        told = await _tell_author(
            access.scenario,
            version,
            actor,
            "version.unpublished",
            f"Version {version.number} of “{access.scenario.title}” was unpublished",
            "Learners can no longer start it; sessions already running go on.",
        )
        return version, told

    version, told = await retrying_transaction(move)
    await _announce(told, broker)
    return version
