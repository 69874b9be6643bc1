"""Scenario versions: a new DRAFT (empty or a deep copy of another), its settings."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any
from uuid import UUID, uuid4

from tortoise.exceptions import IntegrityError

from ...db.transactions import retrying_transaction
from ...models import (
    EnvironmentSession,
    EventScenario,
    Machine,
    Question,
    QuestionAnswerKey,
    ScenarioVersion,
)
from ...models.enums import (
    HintMode,
    ResourceProfile,
    ScenarioType,
    ValidationMode,
    VersionScoringMode,
)
from ..audit import RequestMeta, audit
from ..errors import DomainError, DomainErrors
from ..files.assets import copy_assets
from ..hints.authoring import copy_hints
from .access import (
    EDITABLE,
    Actor,
    require_editable,
    scenario_for_change,
    status_error,
    version_for_change,
)
from .errors import AuthoringCode
from .spec import VERSION_CONTENT
from .validation import (
    CODE_OF_ETHICS_MAX_LENGTH,
    MISSION_MAX_LENGTH,
    SHORT_DESCRIPTION_MAX_LENGTH,
    SOLUTION_MAX_LENGTH,
    estimated_minutes_errors,
    learning_outcome_errors,
    length_errors,
    time_limit_errors,
)

MACHINE_CONTENT = (
    "name",
    "role",
    "image_ref",
    "cpu",
    "memory_mib",
    "entrypoints",
    "environment",
    "network_group",
    "egress",
    "startup_commands",
    "capabilities",
    "sysctls",
    "ulimits",
    "healthcheck",
    "ssh_username",
    "ssh_password_sealed",
    "learner_may_enter",
    "reachable_from_attacker",
    "internal_connections_allowed",
    "pivot_host",
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
    short_description: str | None = None
    estimated_minutes: int | None = None
    scenario_type: ScenarioType | None = None
    mission: str | None = None
    solution: str | None = None
    learning_outcomes: list[str] | None = None
    code_of_ethics: str | None = None
    featured: bool | None = None
    scoring_mode: VersionScoringMode | None = None
    hint_mode: HintMode | None = None
    validation_mode: ValidationMode | None = None


# Text kept as written but for surrounding blank space; enums and numbers as they are.
TEXTS = ("changelog", "short_description", "mission", "solution", "code_of_ethics")


def copied_content(source: ScenarioVersion, actor: Actor) -> dict[str, Any]:
    """The content columns of ``source`` for a copy: all of them, but the featured flag
    only when an admin copies (featuring is an admin's decision, not the copy's)."""
    values = {name: getattr(source, name) for name in VERSION_CONTENT}
    values["learning_outcomes"] = list(source.learning_outcomes)
    values["featured"] = source.featured and actor.is_admin
    return values


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
            **(copied_content(source, actor) if source else {}),
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
        "question_id", "expected", "case_sensitive", "regex"
    )
    await QuestionAnswerKey.bulk_create(
        [
            QuestionAnswerKey(
                question_id=new_ids[key["question_id"]],
                expected=list(key["expected"]),
                case_sensitive=key["case_sensitive"],
                regex=key["regex"],
            )
            for key in keys
        ]
    )
    await copy_hints(source_id, target_id, new_ids)
    await copy_assets(source_id, target_id)


def change_errors(actor: Actor, changes: VersionChanges) -> list[DomainError]:
    """The problems of the given changes, each at its input field."""
    errors: list[DomainError] = []
    if changes.time_limit_minutes is not None:
        errors += time_limit_errors(changes.time_limit_minutes)
    if changes.estimated_minutes is not None:
        errors += estimated_minutes_errors(changes.estimated_minutes)
    for name, field, limit in (
        ("short_description", "shortDescription", SHORT_DESCRIPTION_MAX_LENGTH),
        ("mission", "mission", MISSION_MAX_LENGTH),
        ("solution", "solution", SOLUTION_MAX_LENGTH),
        ("code_of_ethics", "codeOfEthics", CODE_OF_ETHICS_MAX_LENGTH),
    ):
        value = getattr(changes, name)
        if value is not None:
            errors += length_errors(value.strip(), limit, field)
    if changes.learning_outcomes is not None:
        errors += learning_outcome_errors(changes.learning_outcomes)
    if changes.featured is not None and not actor.is_admin:
        errors.append(
            DomainError(AuthoringCode.ADMIN_ONLY, "only admins feature a version", "featured")
        )
    return errors


def _changed_values(changes: VersionChanges) -> dict[str, Any]:
    """Each given change as the column's new value."""
    values: dict[str, Any] = {}
    for change in fields(changes):
        value = getattr(changes, change.name)
        if value is None:
            continue
        if change.name in TEXTS:
            value = value.strip()
        elif change.name == "learning_outcomes":
            value = [outcome.strip() for outcome in value]
        values[change.name] = value
    return values


async def update_version(
    actor: Actor, version_id: UUID, changes: VersionChanges, meta: RequestMeta
) -> ScenarioVersion:
    """Change a DRAFT or REJECTED version's settings and content (only what is given)."""
    errors = change_errors(actor, changes)
    if errors:
        raise DomainErrors(errors)
    values = _changed_values(changes)

    async def change() -> ScenarioVersion:
        version = (await version_for_change(actor, version_id)).version
        require_editable(version)
        if values:
            version.update_from_dict(values)
            await version.save(update_fields=[*values, "updated_at"])
            await audit(
                "version.update",
                meta,
                actor_id=actor.id,
                target_type="ScenarioVersion",
                target_id=version.id,
                fields=list(values),
            )
        return version

    return await retrying_transaction(change)


async def delete_version(actor: Actor, version_id: UUID, meta: RequestMeta) -> UUID:
    """Delete a DRAFT or REJECTED version that no session has ever used (IN_USE
    otherwise), with its machines, questions and answer keys: the scenario's author or an
    admin. Returns the version's scenario."""

    async def delete() -> UUID:
        access = await version_for_change(actor, version_id)
        version = access.version
        if version.status not in EDITABLE:
            raise status_error(version.status, EDITABLE, "deleted")
        used = await EnvironmentSession.filter(version_id=version.id).exists()
        if used or await EventScenario.filter(version_id=version.id).exists():
            raise DomainError(
                AuthoringCode.IN_USE,
                "sessions have used this version: archive it instead",
                "versionId",
            )
        await audit(
            "version.delete",
            meta,
            actor_id=actor.id,
            target_type="ScenarioVersion",
            target_id=version.id,
            scenario_id=str(access.scenario.id),
            number=version.number,
            status=version.status,
        )
        await version.delete()
        return access.scenario.id

    try:
        return await retrying_transaction(delete)
    except IntegrityError as exc:  # a row of another kind still points at it
        raise DomainError(
            AuthoringCode.IN_USE, "the version is in use: archive it instead", "versionId"
        ) from exc
