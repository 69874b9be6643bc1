"""Enumerations stored as short strings; the API exposes the same members."""

from __future__ import annotations

from enum import StrEnum


class UserRole(StrEnum):
    USER = "USER"
    CREATOR = "CREATOR"
    ADMIN = "ADMIN"


class UserStatus(StrEnum):
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    # Created by an admin, no password yet: the invitation mail's code sets one.
    INVITED = "INVITED"
    # Erased (services/users/erasure.py): the row stays, pseudonymous, for scores.
    DELETED = "DELETED"


class Difficulty(StrEnum):
    BEGINNER = "BEGINNER"
    INTERMEDIATE = "INTERMEDIATE"
    ADVANCED = "ADVANCED"
    EXPERT = "EXPERT"


class Visibility(StrEnum):
    PUBLIC = "PUBLIC"
    UNLISTED = "UNLISTED"
    PRIVATE = "PRIVATE"


class VersionStatus(StrEnum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    PUBLISHED = "PUBLISHED"
    ARCHIVED = "ARCHIVED"


class ResourceProfile(StrEnum):
    MICRO = "MICRO"
    SMALL = "SMALL"
    MEDIUM = "MEDIUM"
    LARGE = "LARGE"


class MachineRole(StrEnum):
    ATTACKER = "ATTACKER"
    TARGET = "TARGET"
    INTERNAL = "INTERNAL"
    SERVICE = "SERVICE"


class EgressPolicy(StrEnum):
    NONE = "NONE"
    SESSION = "SESSION"
    INTERNET = "INTERNET"


class EntrypointProtocol(StrEnum):
    """How a learner or another machine talks to a machine port (UDP: a UDP port, the
    others TCP)."""

    HTTP = "HTTP"
    HTTPS = "HTTPS"
    SSH = "SSH"
    RDP = "RDP"
    VNC = "VNC"
    TCP = "TCP"
    UDP = "UDP"


class QuestionKind(StrEnum):
    SINGLE_CHOICE = "SINGLE_CHOICE"
    MULTIPLE_CHOICE = "MULTIPLE_CHOICE"
    TRUE_FALSE = "TRUE_FALSE"
    SHORT_ANSWER = "SHORT_ANSWER"
    FLAG = "FLAG"
    MATCHING = "MATCHING"
    ORDERING = "ORDERING"


class SessionState(StrEnum):
    REQUESTED = "REQUESTED"
    PROVISIONING = "PROVISIONING"
    RUNNING = "RUNNING"
    PAUSED = "PAUSED"
    TERMINATING = "TERMINATING"
    TERMINATED = "TERMINATED"
    EXPIRED = "EXPIRED"
    FAILED = "FAILED"


class SessionMachineState(StrEnum):
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    PAUSED = "PAUSED"
    STOPPED = "STOPPED"
    FAILED = "FAILED"


class EventStatus(StrEnum):
    """DRAFT → PUBLISHED → RUNNING → (FROZEN) → FINISHED; the schedule drives all but the
    first step (``services/events/lifecycle.py``)."""

    DRAFT = "DRAFT"
    PUBLISHED = "PUBLISHED"
    RUNNING = "RUNNING"
    FROZEN = "FROZEN"
    FINISHED = "FINISHED"


class RegistrationMode(StrEnum):
    OPEN = "OPEN"
    APPROVAL = "APPROVAL"
    INVITE_CODE = "INVITE_CODE"


class ParticipationMode(StrEnum):
    SOLO = "SOLO"
    TEAM = "TEAM"


class RegistrationStatus(StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class ScoringMode(StrEnum):
    STATIC = "STATIC"
    DYNAMIC = "DYNAMIC"


class JoinRequestStatus(StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class TeamRole(StrEnum):
    CAPTAIN = "CAPTAIN"
    MEMBER = "MEMBER"


class ScenarioType(StrEnum):
    CHALLENGE = "CHALLENGE"
    OPEN_LAB = "OPEN_LAB"
    EVENT_LAB = "EVENT_LAB"


class VersionScoringMode(StrEnum):
    """How a session of the version scores: only when every question is right, or each."""

    ALL_OR_NOTHING = "ALL_OR_NOTHING"
    PER_QUESTION = "PER_QUESTION"


class HintMode(StrEnum):
    DISABLED = "DISABLED"
    ENABLED = "ENABLED"


class ValidationMode(StrEnum):
    INSTANT = "INSTANT"


class HintUnlockCondition(StrEnum):
    """When a learner may unlock a hint: after minutes of running time, or wrong attempts."""

    AFTER_MINUTES = "AFTER_MINUTES"
    AFTER_WRONG_ATTEMPTS = "AFTER_WRONG_ATTEMPTS"


class FileKind(StrEnum):
    """What an uploaded file is for: a version cover image, a user avatar, a version asset."""

    COVER = "COVER"
    AVATAR = "AVATAR"
    ASSET = "ASSET"


class FileState(StrEnum):
    """PENDING until uploadComplete checks the object, then ATTACHED."""

    PENDING = "PENDING"
    ATTACHED = "ATTACHED"


class AssetKind(StrEnum):
    TOOL = "TOOL"
    SCRIPT = "SCRIPT"
    FILE = "FILE"
    WORDLIST = "WORDLIST"
    CONFIG = "CONFIG"


class AssetDelivery(StrEnum):
    """How a learner gets an asset: placed into a machine at start, or downloaded."""

    EMBEDDED = "EMBEDDED"
    DOWNLOAD = "DOWNLOAD"
