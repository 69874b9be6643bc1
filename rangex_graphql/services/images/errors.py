"""Why an image catalog or registry credential change was refused."""

from __future__ import annotations

from ..errors import ErrorCode


class ImageCode(ErrorCode):
    NOT_FOUND = "NOT_FOUND"
    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    DUPLICATE = "DUPLICATE"
    # The request was reviewed already (approved or rejected).
    ALREADY_REVIEWED = "ALREADY_REVIEWED"
    # The engine could not pull the image (to pin its digest).
    IMAGE_UNAVAILABLE = "IMAGE_UNAVAILABLE"


class CredentialCode(ErrorCode):
    NOT_FOUND = "NOT_FOUND"
    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    DUPLICATE = "DUPLICATE"
    CREDENTIAL_TEST_FAILED = "CREDENTIAL_TEST_FAILED"
