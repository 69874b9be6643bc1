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


class QuestionKind(StrEnum):
    SINGLE_CHOICE = "SINGLE_CHOICE"
    MULTIPLE_CHOICE = "MULTIPLE_CHOICE"
    TRUE_FALSE = "TRUE_FALSE"
    SHORT_ANSWER = "SHORT_ANSWER"
    FLAG = "FLAG"
    MATCHING = "MATCHING"


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
