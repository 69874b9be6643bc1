"""Authoring's payload error and the payloads its mutations return."""

from __future__ import annotations

from enum import Enum

import strawberry

from ..payload import ERROR_CODE, ERROR_MESSAGE, ERRORS, result
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
    CAPABILITY_NOT_ALLOWED = strawberry.enum_value(
        "CAPABILITY_NOT_ALLOWED", description="Not one of the capabilities a machine may have."
    )
    SYSCTL_NOT_ALLOWED = strawberry.enum_value(
        "SYSCTL_NOT_ALLOWED", description="Not one of the kernel parameters a machine may set."
    )
    ULIMIT_NOT_ALLOWED = strawberry.enum_value(
        "ULIMIT_NOT_ALLOWED", description="Not one of the resource limits a machine may set."
    )
    EXCEEDS_PROFILE = strawberry.enum_value(
        "EXCEEDS_PROFILE", description="CPU or memory above the version's resource profile."
    )
    TARGET_REQUIRED = strawberry.enum_value(
        "TARGET_REQUIRED", description="A version needs a machine with the TARGET role."
    )
    REGEX_INVALID = strawberry.enum_value(
        "REGEX_INVALID",
        description="An expected answer of a regular-expression question is no regular "
        "expression (it does not compile).",
    )
    REGEX_TOO_SLOW = strawberry.enum_value(
        "REGEX_TOO_SLOW",
        description="A regular expression too costly to run: catastrophic backtracking on "
        "long answers, or repeats that expand too far.",
    )
    IMAGE_NOT_APPROVED = strawberry.enum_value(
        "IMAGE_NOT_APPROVED",
        description="A machine's image is no approved entry of the image catalog "
        "(imageVariants): choose one, or ask for it (imageApprovalRequest).",
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
    ADMIN_ONLY = strawberry.enum_value(
        "ADMIN_ONLY", description="Only an admin may set this (a version's featured flag)."
    )
    AUTHOR_ONLY = strawberry.enum_value(
        "AUTHOR_ONLY",
        description="Only the scenario's author may do this (withdraw a submission).",
    )
    TEST_RUN_REQUIRED = strawberry.enum_value(
        "TEST_RUN_REQUIRED",
        description="The platform requires a PASSED test run of the version before it is "
        "submitted (`versionTestRunStart`).",
    )


@strawberry.type(description="An expected failure: which input field, why, in words.")
class AuthoringError:
    field: str | None = strawberry.field(
        description="Input field path, camelCase; for versionSubmit a path into the "
        "version (`machines.1.entrypoints.0.port`, `scenario.title`)."
    )
    code: AuthoringErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.type(description="What scenarioCreate, scenarioUpdate or scenarioDelete did.")
class ScenarioPayload:
    scenario: ScenarioNode | None = strawberry.field(
        default=None, description=result("The scenario as it is now (also once deleted)")
    )
    errors: list[AuthoringError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(
    description="What versionCreate, versionUpdate, versionReview, "
    "versionWithdraw, versionRevertToDraft, versionUnpublish, versionArchive, "
    "versionFeature or questionReorder did."
)
class VersionPayload:
    version: ScenarioVersionNode | None = strawberry.field(
        default=None, description=result("The version as it is now")
    )
    errors: list[AuthoringError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.enum(description="Why a submission deserves a second look; it went through.")
class SubmitWarningCode(Enum):
    NO_PASSED_TEST_RUN = strawberry.enum_value(
        "NO_PASSED_TEST_RUN",
        description="No test run of the version PASSED: reviewers cannot see it deploy.",
    )


@strawberry.type(description="Something a reviewer will ask about; it did not stop the mutation.")
class SubmitWarning:
    code: SubmitWarningCode = strawberry.field(description="What, as a code for clients.")
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.type(description="What versionSubmit did.")
class VersionSubmitPayload:
    version: ScenarioVersionNode | None = strawberry.field(
        default=None, description=result("The version, now SUBMITTED")
    )
    warnings: list[SubmitWarning] = strawberry.field(
        default_factory=list,
        description="What a reviewer will ask about (no PASSED test run); empty when "
        "nothing, and when the mutation failed.",
    )
    errors: list[AuthoringError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What versionPublish did.")
class VersionPublishPayload:
    version: ScenarioVersionNode | None = strawberry.field(
        default=None, description=result("The version, now PUBLISHED")
    )
    archived_versions: list[ScenarioVersionNode] = strawberry.field(
        default_factory=list,
        description="The version published until now, archived by this publish (if any).",
    )
    errors: list[AuthoringError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What versionDelete did.")
class VersionDeletePayload:
    deleted_version_id: strawberry.ID | None = strawberry.field(
        default=None, description=result("The global ID the deleted version had")
    )
    scenario: ScenarioNode | None = strawberry.field(
        default=None, description=result("Its scenario, without it")
    )
    errors: list[AuthoringError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What scenarioDuplicate did.")
class ScenarioDuplicatePayload:
    scenario: ScenarioNode | None = strawberry.field(
        default=None, description=result("The new scenario, the viewer's")
    )
    version: ScenarioVersionNode | None = strawberry.field(
        default=None, description=result("Its version 1, a DRAFT copy of the source version")
    )
    errors: list[AuthoringError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What machineAdd or machineUpdate did.")
class MachinePayload:
    machine: MachineNode | None = strawberry.field(
        default=None, description=result("The machine as it is now")
    )
    errors: list[AuthoringError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What machineRemove did.")
class MachineRemovePayload:
    removed_machine_id: strawberry.ID | None = strawberry.field(
        default=None, description=result("The global ID the removed machine had")
    )
    version: ScenarioVersionNode | None = strawberry.field(
        default=None, description=result("Its version, without it")
    )
    errors: list[AuthoringError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What questionAdd or questionUpdate did.")
class QuestionPayload:
    question: QuestionNode | None = strawberry.field(
        default=None, description=result("The question as it is now")
    )
    errors: list[AuthoringError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.type(description="What questionRemove did.")
class QuestionRemovePayload:
    removed_question_id: strawberry.ID | None = strawberry.field(
        default=None, description=result("The global ID the removed question had")
    )
    version: ScenarioVersionNode | None = strawberry.field(
        default=None, description=result("Its version, without it; the others renumbered")
    )
    errors: list[AuthoringError] = strawberry.field(default_factory=list, description=ERRORS)
