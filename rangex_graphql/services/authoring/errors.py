"""Why authoring failed, in three sets: the content rules (shared by versionSubmit and
the document import), editing and review, and reading a scenario document."""

from __future__ import annotations

from ..errors import ErrorCode


class RuleCode(ErrorCode):
    """A value that breaks a content rule."""

    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    TOO_MANY = "TOO_MANY"
    DUPLICATE = "DUPLICATE"
    PORT_NOT_ALLOWED = "PORT_NOT_ALLOWED"
    EXCEEDS_PROFILE = "EXCEEDS_PROFILE"
    TARGET_REQUIRED = "TARGET_REQUIRED"
    CAPABILITY_NOT_ALLOWED = "CAPABILITY_NOT_ALLOWED"
    SYSCTL_NOT_ALLOWED = "SYSCTL_NOT_ALLOWED"
    ULIMIT_NOT_ALLOWED = "ULIMIT_NOT_ALLOWED"
    REGEX_INVALID = "REGEX_INVALID"
    REGEX_TOO_SLOW = "REGEX_TOO_SLOW"
    # A machine's image is no APPROVED entry of the image catalog (versionSubmit).
    IMAGE_NOT_APPROVED = "IMAGE_NOT_APPROVED"


class AuthoringCode(ErrorCode):
    """Editing a scenario or version, and moving it through review."""

    NOT_FOUND = "NOT_FOUND"
    IN_USE = "IN_USE"
    VERSION_IMMUTABLE = "VERSION_IMMUTABLE"
    VERSION_IN_REVIEW = "VERSION_IN_REVIEW"
    STATUS_CONFLICT = "STATUS_CONFLICT"
    SELF_REVIEW = "SELF_REVIEW"
    ADMIN_ONLY = "ADMIN_ONLY"
    AUTHOR_ONLY = "AUTHOR_ONLY"
    # versionSubmit with RANGEX_REQUIRE_PASSED_TEST_RUN: no PASSED test run of the version.
    TEST_RUN_REQUIRED = "TEST_RUN_REQUIRED"


class DocumentCode(ErrorCode):
    """Reading, exporting or importing a scenario document."""

    YAML_SYNTAX = "YAML_SYNTAX"
    TOO_LARGE = "TOO_LARGE"
    UNSUPPORTED_VERSION = "UNSUPPORTED_VERSION"
    UNKNOWN_FIELD = "UNKNOWN_FIELD"
    NOT_FOUND = "NOT_FOUND"
    FORBIDDEN = "FORBIDDEN"
    CONFLICT = "CONFLICT"
