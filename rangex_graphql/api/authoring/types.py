"""Authoring's payload error and the payloads its mutations return."""

from __future__ import annotations

from enum import Enum

import strawberry

from ...services.errors import DomainError, DomainErrors
from ..payload import payload_errors
from ..scenario.types import MachineNode, QuestionNode, ScenarioNode, ScenarioVersionNode


@strawberry.enum(description="Why an authoring or review operation failed.")
class AuthoringErrorCode(Enum):
    NOT_FOUND = strawberry.enum_value(
        "NOT_FOUND", description="No such object, or not yours to change (or deleted)."
    )
    INVALID = strawberry.enum_value("INVALID", description="Malformed or out of range.")
    REQUIRED = strawberry.enum_value("REQUIRED", description="Missing.")
    TOO_MANY = strawberry.enum_value("TOO_MANY", description="Beyond a count limit.")
    DUPLICATE = strawberry.enum_value("DUPLICATE", description="Must be unique.")
    PORT_NOT_ALLOWED = strawberry.enum_value(
        "PORT_NOT_ALLOWED", description="Not one of the ports a machine may expose."
    )
    EXCEEDS_PROFILE = strawberry.enum_value(
        "EXCEEDS_PROFILE", description="CPU or memory above the version's resource profile."
    )
    TARGET_REQUIRED = strawberry.enum_value(
        "TARGET_REQUIRED", description="A version needs a machine with the TARGET role."
    )
    IN_USE = strawberry.enum_value("IN_USE", description="Sessions have used it.")
    VERSION_IMMUTABLE = strawberry.enum_value(
        "VERSION_IMMUTABLE",
        description="The version is PUBLISHED or ARCHIVED and never changes again.",
    )
    VERSION_IN_REVIEW = strawberry.enum_value(
        "VERSION_IN_REVIEW",
        description="The version is SUBMITTED or APPROVED: its content waits for review "
        "or publishing.",
    )
    STATUS_CONFLICT = strawberry.enum_value(
        "STATUS_CONFLICT",
        description="The version is not in a status this transition starts from (maybe "
        "another request moved it first).",
    )
    SELF_REVIEW = strawberry.enum_value(
        "SELF_REVIEW", description="Another admin must review a scenario you wrote."
    )


@strawberry.type(description="An expected failure: which input field, why, in words.")
class AuthoringError:
    field: str | None = strawberry.field(
        description="Input field path, camelCase; for versionSubmit a path into the "
        "version (`machines.1.exposedPorts.0`, `scenario.title`)."
    )
    code: AuthoringErrorCode
    message: str


def authoring_errors(failure: DomainError | DomainErrors) -> list[AuthoringError]:
    return payload_errors(
        failure, AuthoringErrorCode, lambda f, c, m: AuthoringError(field=f, code=c, message=m)
    )


@strawberry.type
class ScenarioPayload:
    scenario: ScenarioNode | None = None
    errors: list[AuthoringError] = strawberry.field(default_factory=list)


@strawberry.type
class VersionPayload:
    version: ScenarioVersionNode | None = None
    errors: list[AuthoringError] = strawberry.field(default_factory=list)


@strawberry.type
class VersionPublishPayload:
    version: ScenarioVersionNode | None = None
    archived_versions: list[ScenarioVersionNode] = strawberry.field(
        default_factory=list,
        description="The version published until now, archived by this publish (if any).",
    )
    errors: list[AuthoringError] = strawberry.field(default_factory=list)


@strawberry.type
class MachinePayload:
    machine: MachineNode | None = None
    errors: list[AuthoringError] = strawberry.field(default_factory=list)


@strawberry.type
class MachineRemovePayload:
    removed_machine_id: strawberry.ID | None = None
    version: ScenarioVersionNode | None = None
    errors: list[AuthoringError] = strawberry.field(default_factory=list)


@strawberry.type
class QuestionPayload:
    question: QuestionNode | None = None
    errors: list[AuthoringError] = strawberry.field(default_factory=list)


@strawberry.type
class QuestionRemovePayload:
    removed_question_id: strawberry.ID | None = None
    version: ScenarioVersionNode | None = None
    errors: list[AuthoringError] = strawberry.field(default_factory=list)
