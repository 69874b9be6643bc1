"""Tortoise models, one module per domain. ``MODEL_MODULES`` is what Tortoise loads."""

from .audit import AuditLog
from .budget import BudgetWarning, PlatformBudget, UsageDaily
from .engagement import ScenarioFavorite, ScenarioRating
from .event import (
    Event,
    EventParticipant,
    EventQuestion,
    EventRegistration,
    EventScenario,
)
from .event_solve import EventSolve
from .files import StoredFile, VersionAsset
from .hint import Hint, HintUnlock
from .identity import ApiToken, MfaRecoveryCode, OneTimeToken, RefreshToken
from .image import ImageVariant, RegistryCredential
from .lock import PlatformLock
from .notification import Notification
from .persisted_query import PersistedQuery
from .platform_settings import PlatformSettingsRecord
from .scenario import Scenario, ScenarioTag, ScenarioVersion
from .session import EnvironmentSession, SessionAnswer, SessionMachine
from .simulated import SimulatedMachine
from .team import Team, TeamJoinRequest, TeamMember
from .test_run import VersionTestCheck, VersionTestRun
from .user import User
from .version_parts import Machine, Question, QuestionAnswerKey

MODEL_MODULES = [
    "rangex_graphql.models.user",
    "rangex_graphql.models.identity",
    "rangex_graphql.models.scenario",
    "rangex_graphql.models.version_parts",
    "rangex_graphql.models.hint",
    "rangex_graphql.models.files",
    "rangex_graphql.models.session",
    "rangex_graphql.models.event",
    "rangex_graphql.models.event_solve",
    "rangex_graphql.models.team",
    "rangex_graphql.models.test_run",
    "rangex_graphql.models.engagement",
    "rangex_graphql.models.notification",
    "rangex_graphql.models.audit",
    "rangex_graphql.models.lock",
    "rangex_graphql.models.simulated",
    "rangex_graphql.models.persisted_query",
    "rangex_graphql.models.image",
    "rangex_graphql.models.budget",
    "rangex_graphql.models.platform_settings",
]

__all__ = [
    "MODEL_MODULES",
    "ApiToken",
    "AuditLog",
    "BudgetWarning",
    "EnvironmentSession",
    "Event",
    "EventParticipant",
    "EventQuestion",
    "EventRegistration",
    "EventScenario",
    "EventSolve",
    "Hint",
    "HintUnlock",
    "ImageVariant",
    "Machine",
    "MfaRecoveryCode",
    "Notification",
    "OneTimeToken",
    "PersistedQuery",
    "PlatformBudget",
    "PlatformLock",
    "PlatformSettingsRecord",
    "Question",
    "QuestionAnswerKey",
    "RefreshToken",
    "RegistryCredential",
    "Scenario",
    "ScenarioFavorite",
    "ScenarioRating",
    "ScenarioTag",
    "ScenarioVersion",
    "SessionAnswer",
    "SessionMachine",
    "SimulatedMachine",
    "StoredFile",
    "Team",
    "TeamJoinRequest",
    "TeamMember",
    "UsageDaily",
    "User",
    "VersionAsset",
    "VersionTestCheck",
    "VersionTestRun",
]
