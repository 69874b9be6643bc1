"""Scenario versions: a new DRAFT (empty or a deep copy of another), its settings."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid4

from ...db.transactions import retrying_transaction
from ...models import Machine, Question, QuestionAnswerKey, ScenarioVersion
from ...models.enums import ResourceProfile
from ..audit import RequestMeta, audit
from ..errors import DomainError, DomainErrors
from .access import Actor, require_editable, scenario_for_change, version_for_change
from .errors import AuthoringCode
from .validation import time_limit_errors

MACHINE_CONTENT = (
    "name",
    "role",
    "image_ref",
    "cpu",
    "memory_mib",
    "exposed_ports",
    "environment",
    "network_group",
    "egress",
    "position",
)
QUESTION_CONTENT = (
    "id",
    "prompt",
    "kind",
    "points",
    "position",
    "max_attempts",
    "choices",
    "session_flag_env",
)


@dataclass(frozen=True, slots=True)
class VersionChanges:
    """Settings of a version to change; None leaves one as it is."""

    changelog: str | None = None
    time_limit_minutes: int | None = None
    resource_profile: ResourceProfile | None = None


async def create_version(
    actor: Actor,
    scenario_id: UUID,
    meta: RequestMeta,
    *,
    copy_from: UUID | None = None,
    changelog: str = "",
) -> ScenarioVersion:
    """A new DRAFT numbered after the scenario's highest; a deep copy of ``copy_from`` (a
    version of the same scenario, in any status, left untouched) when given."""

    async def insert() -> ScenarioVersion:
        # The scenario's row lock serializes numbering: two creates never pick one number.
        scenario = await scenario_for_change(actor, scenario_id, lock=True)
        source = None
        if copy_from is not None:
            source = await ScenarioVersion.filter(id=copy_from, scenario_id=scenario.id).first()
            if source is None:
                raise DomainError(
                    AuthoringCode.NOT_FOUND, "no version of this scenario with this ID", "copyFrom"
                )
        numbers = (
            await ScenarioVersion.filter(scenario_id=scenario.id)
            .order_by("-number")
            .limit(1)
            .values("number")
        )
        version = await ScenarioVersion.create(
            scenario_id=scenario.id,
            number=int(numbers[0]["number"]) + 1 if numbers else 1,
            changelog=changelog.strip(),
            time_limit_minutes=source.time_limit_minutes if source else 60,
            resource_profile=source.resource_profile if source else ResourceProfile.SMALL,
        )
        if source is not None:
            await copy_content(source.id, version.id)
        await audit(
            "version.create",
            meta,
            actor_id=actor.id,
            target_type="ScenarioVersion",
            target_id=version.id,
            scenario_id=str(scenario.id),
            number=version.number,
            copied_from=str(source.id) if source else None,
        )
        return version

    return await retrying_transaction(insert)


async def copy_content(source_id: UUID, target_id: UUID) -> None:
    """Copy machines, questions and answer keys of one version into another (new rows)."""
    machines = await Machine.filter(version_id=source_id).values(*MACHINE_CONTENT)
    await Machine.bulk_create([Machine(version_id=target_id, **row) for row in machines])
    questions = await Question.filter(version_id=source_id).values(*QUESTION_CONTENT)
    new_ids = {row["id"]: uuid4() for row in questions}
    await Question.bulk_create(
        [Question(version_id=target_id, **{**row, "id": new_ids[row["id"]]}) for row in questions]
    )
    keys = await QuestionAnswerKey.filter(question_id__in=list(new_ids)).values(
        "question_id", "expected", "case_sensitive"
    )
    await QuestionAnswerKey.bulk_create(
        [
            QuestionAnswerKey(
                question_id=new_ids[key["question_id"]],
                expected=list(key["expected"]),
                case_sensitive=key["case_sensitive"],
            )
            for key in keys
        ]
    )


async def update_version(
    actor: Actor, version_id: UUID, changes: VersionChanges, meta: RequestMeta
) -> ScenarioVersion:
    """Change a DRAFT or REJECTED version's settings."""
    errors = (
        time_limit_errors(changes.time_limit_minutes)
        if changes.time_limit_minutes is not None
        else []
    )
    if errors:
        raise DomainErrors(errors)

    async def change() -> ScenarioVersion:
        version = (await version_for_change(actor, version_id)).version
        require_editable(version)
        changed = []
        if changes.changelog is not None:
            version.changelog = changes.changelog.strip()
            changed.append("changelog")
        if changes.time_limit_minutes is not None:
            version.time_limit_minutes = changes.time_limit_minutes
            changed.append("time_limit_minutes")
        if changes.resource_profile is not None:
            version.resource_profile = changes.resource_profile
            changed.append("resource_profile")
        if changed:
            await version.save(update_fields=[*changed, "updated_at"])
            await audit(
                "version.update",
                meta,
                actor_id=actor.id,
                target_type="ScenarioVersion",
                target_id=version.id,
                fields=changed,
            )
        return version

    return await retrying_transaction(change)
