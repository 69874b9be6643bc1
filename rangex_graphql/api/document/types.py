"""The import's input, payload and error type."""

from __future__ import annotations

from enum import Enum

import strawberry

from ..payload import ERROR_CODE, ERROR_MESSAGE
from ..scenario.types import ScenarioVersionNode


@strawberry.enum(description="Why a scenario document could not be imported.")
class ScenarioImportErrorCode(Enum):
    YAML_SYNTAX = strawberry.enum_value(
        "YAML_SYNTAX", description="Not readable as YAML; the message names line and column."
    )
    TOO_LARGE = strawberry.enum_value("TOO_LARGE", description="The document is too long.")
    UNSUPPORTED_VERSION = strawberry.enum_value(
        "UNSUPPORTED_VERSION", description="`rangex:` names a format this server does not read."
    )
    UNKNOWN_FIELD = strawberry.enum_value(
        "UNKNOWN_FIELD", description="A key the document format does not have (a typo?)."
    )
    INVALID = strawberry.enum_value(
        "INVALID", description="A value of the wrong type, out of its set or out of range."
    )
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
        description="A machine's image is not approved in the image catalog (a content rule "
        "of versionSubmit; an import keeps the version as a DRAFT).",
    )
    NOT_FOUND = strawberry.enum_value(
        "NOT_FOUND",
        description="`scenario.slug` names a scenario you may not add a version to (another "
        "author's, or deleted).",
    )
    FORBIDDEN = strawberry.enum_value(
        "FORBIDDEN", description="The viewer may not author scenarios."
    )
    CONFLICT = strawberry.enum_value(
        "CONFLICT", description="The scenario changed during the import; try again."
    )


@strawberry.type(description="A problem of the document, at its path.")
class ScenarioImportError:
    field: str | None = strawberry.field(
        description="Path into the document (`machines.1.role`, `scenario.title`); null for "
        "the whole document (a YAML syntax error, for instance)."
    )
    code: ScenarioImportErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.input(description="A scenario document to import as a new DRAFT version.")
class ScenarioImportInput:
    document: str = strawberry.field(
        description="A scenario document (YAML, `rangex: 2`; format 1 is still read), as "
        "`scenarioExport` writes it with its expected answers and solution."
    )


@strawberry.type(description="What scenarioImport did.")
class ScenarioImportPayload:
    version: ScenarioVersionNode | None = strawberry.field(
        default=None, description="The new DRAFT version."
    )
    errors: list[ScenarioImportError] = strawberry.field(
        default_factory=list,
        description="Every problem of the document, each at its path; empty when imported.",
    )
