"""Every DataLoader of a request, created fresh per request (and per subscription event)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from ..db.rows import RowCounter
from ..models import (
    ApiToken,
    EnvironmentSession,
    Event,
    EventRegistration,
    EventScenario,
    Machine,
    Notification,
    Question,
    QuestionAnswerKey,
    Scenario,
    ScenarioFavorite,
    ScenarioRating,
    ScenarioTag,
    ScenarioVersion,
    SessionMachine,
    Team,
    TeamMember,
    User,
)
from ..models.enums import VersionStatus
from .account.types import API_TOKEN_COLUMNS, ApiTokenNode
from .engagement.loaders import UserScenario, favorited, ratings_by_user_scenario
from .engagement.types import RATING_COLUMNS, ScenarioRatingNode
from .event.types import (
    EVENT_COLUMNS,
    EVENT_SCENARIO_COLUMNS,
    REGISTRATION_COLUMNS,
    EventNode,
    EventRegistrationNode,
    EventScenarioNode,
)
from .loader_shapes import Lazy, many_by_key, one_by_id
from .nested_pagination import NestedConnectionLoader, NestedKey
from .scenario.types import (
    MACHINE_COLUMNS,
    QUESTION_COLUMNS,
    SCENARIO_COLUMNS,
    VERSION_COLUMNS,
    MachineNode,
    QuestionNode,
    ScenarioNode,
    ScenarioVersionNode,
)
from .session.answers import AnswerRow, answers_by_session
from .session.types import (
    SESSION_COLUMNS,
    SESSION_MACHINE_COLUMNS,
    EnvironmentSessionNode,
    SessionMachineNode,
)
from .team.types import TEAM_COLUMNS, TEAM_MEMBER_COLUMNS, TeamMemberNode, TeamNode
from .user.types import USER_COLUMNS, UserNode

if TYPE_CHECKING:
    from .pagination import Connection

SESSIONS_OF_USER = NestedConnectionLoader(
    EnvironmentSession,
    "user_id",
    "created_at DESC, id DESC",
    SESSION_COLUMNS,
    EnvironmentSessionNode.from_row,
)
REGISTRATIONS_OF_EVENT = NestedConnectionLoader(
    EventRegistration,
    "event_id",
    "created_at ASC, id ASC",
    REGISTRATION_COLUMNS,
    EventRegistrationNode.from_row,
)
RATINGS_OF_SCENARIO = NestedConnectionLoader(
    ScenarioRating,
    "scenario_id",
    "created_at DESC, id DESC",
    RATING_COLUMNS,
    ScenarioRatingNode.from_row,
)


def count_by_key(
    model: type[Model], key: str, *, null: tuple[str, ...] = ()
) -> DataLoader[UUID, int]:
    """How many rows each key has (``null``: columns that must be NULL): one grouped
    COUNT per batch."""
    counter = RowCounter(model, key, null)

    async def load(keys: list[UUID]) -> list[int]:
        counts = await counter.counts(keys)
        return [counts.get(str(k), 0) for k in keys]

    return DataLoader(load_fn=load)


async def _tags(keys: list[UUID]) -> list[list[str]]:
    rows = (
        await ScenarioTag.filter(scenario_id__in=keys)
        .order_by("tag")
        .values_list("scenario_id", "tag")
    )
    tags: dict[UUID, list[str]] = {key: [] for key in keys}
    for scenario_id, tag in rows:
        tags[scenario_id].append(tag)
    return [tags[key] for key in keys]


async def _answers(keys: list[UUID]) -> list[list[str]]:
    rows = await QuestionAnswerKey.filter(question_id__in=keys).values_list(
        "question_id", "expected"
    )
    found: dict[UUID, list[str]] = dict(rows)
    return [found.get(key, []) for key in keys]


def _users() -> DataLoader[UUID, UserNode | None]:
    return one_by_id(User, USER_COLUMNS, UserNode.from_row)


class Loaders:
    """Each DataLoader is created on first use: a request touches only a few."""

    users_by_id: Lazy[UUID, UserNode | None] = Lazy(_users)
    scenarios_by_id: Lazy[UUID, ScenarioNode | None] = Lazy(
        lambda: one_by_id(Scenario, SCENARIO_COLUMNS, ScenarioNode.from_row)
    )
    tags_by_scenario: Lazy[UUID, list[str]] = Lazy(lambda: DataLoader(load_fn=_tags))
    versions_by_id: Lazy[UUID, ScenarioVersionNode | None] = Lazy(
        lambda: one_by_id(ScenarioVersion, VERSION_COLUMNS, ScenarioVersionNode.from_row)
    )
    # Only the published version (one row per scenario), for catalog listings.
    published_versions_by_scenario: Lazy[UUID, list[ScenarioVersionNode]] = Lazy(
        lambda: many_by_key(
            ScenarioVersion,
            "scenario_id",
            VERSION_COLUMNS,
            ScenarioVersionNode.from_row,
            order_by=("-number",),
            where={"status": VersionStatus.PUBLISHED},
        )
    )
    versions_by_scenario: Lazy[UUID, list[ScenarioVersionNode]] = Lazy(
        lambda: many_by_key(
            ScenarioVersion,
            "scenario_id",
            VERSION_COLUMNS,
            ScenarioVersionNode.from_row,
            order_by=("-number",),
        )
    )
    machines_by_id: Lazy[UUID, MachineNode | None] = Lazy(
        lambda: one_by_id(Machine, MACHINE_COLUMNS, MachineNode.from_row)
    )
    machines_by_version: Lazy[UUID, list[MachineNode]] = Lazy(
        lambda: many_by_key(Machine, "version_id", MACHINE_COLUMNS, MachineNode.from_row)
    )
    machine_count_by_version: Lazy[UUID, int] = Lazy(lambda: count_by_key(Machine, "version_id"))
    questions_by_id: Lazy[UUID, QuestionNode | None] = Lazy(
        lambda: one_by_id(Question, QUESTION_COLUMNS, QuestionNode.from_row)
    )
    answers_by_question: Lazy[UUID, list[str]] = Lazy(lambda: DataLoader(load_fn=_answers))
    questions_by_version: Lazy[UUID, list[QuestionNode]] = Lazy(
        lambda: many_by_key(Question, "version_id", QUESTION_COLUMNS, QuestionNode.from_row)
    )
    sessions_by_id: Lazy[UUID, EnvironmentSessionNode | None] = Lazy(
        lambda: one_by_id(EnvironmentSession, SESSION_COLUMNS, EnvironmentSessionNode.from_row)
    )
    sessions_of_user: Lazy[NestedKey, Connection[EnvironmentSessionNode]] = Lazy(
        SESSIONS_OF_USER.loader
    )
    session_answers_by_session: Lazy[UUID, list[AnswerRow]] = Lazy(answers_by_session)
    # A session's extension policy: how many extensions its version allows.
    max_extensions_by_version: Lazy[UUID, int | None] = Lazy(
        lambda: one_by_id(
            ScenarioVersion, ("id", "max_extensions"), lambda row: int(row["max_extensions"])
        )
    )
    session_machines_by_id: Lazy[UUID, SessionMachineNode | None] = Lazy(
        lambda: one_by_id(SessionMachine, SESSION_MACHINE_COLUMNS, SessionMachineNode.from_row)
    )
    session_machines_by_session: Lazy[UUID, list[SessionMachineNode]] = Lazy(
        lambda: many_by_key(
            SessionMachine,
            "session_id",
            SESSION_MACHINE_COLUMNS,
            SessionMachineNode.from_row,
            order_by=("created_at", "id"),
        )
    )
    events_by_id: Lazy[UUID, EventNode | None] = Lazy(
        lambda: one_by_id(Event, EVENT_COLUMNS, EventNode.from_row)
    )
    event_scenarios_by_id: Lazy[UUID, EventScenarioNode | None] = Lazy(
        lambda: one_by_id(EventScenario, EVENT_SCENARIO_COLUMNS, EventScenarioNode.from_row)
    )
    event_scenarios_by_event: Lazy[UUID, list[EventScenarioNode]] = Lazy(
        lambda: many_by_key(
            EventScenario, "event_id", EVENT_SCENARIO_COLUMNS, EventScenarioNode.from_row
        )
    )
    registrations_by_id: Lazy[UUID, EventRegistrationNode | None] = Lazy(
        lambda: one_by_id(EventRegistration, REGISTRATION_COLUMNS, EventRegistrationNode.from_row)
    )
    registrations_of_event: Lazy[NestedKey, Connection[EventRegistrationNode]] = Lazy(
        REGISTRATIONS_OF_EVENT.loader
    )
    teams_by_id: Lazy[UUID, TeamNode | None] = Lazy(
        lambda: one_by_id(Team, TEAM_COLUMNS, TeamNode.from_row)
    )
    members_by_team: Lazy[UUID, list[TeamMemberNode]] = Lazy(
        lambda: many_by_key(
            TeamMember,
            "team_id",
            TEAM_MEMBER_COLUMNS,
            TeamMemberNode.from_row,
            order_by=("role", "created_at", "id"),
        )
    )
    team_members_by_id: Lazy[UUID, TeamMemberNode | None] = Lazy(
        lambda: one_by_id(TeamMember, TEAM_MEMBER_COLUMNS, TeamMemberNode.from_row)
    )
    memberships_by_user: Lazy[UUID, list[TeamMemberNode]] = Lazy(
        lambda: many_by_key(
            TeamMember,
            "user_id",
            TEAM_MEMBER_COLUMNS,
            TeamMemberNode.from_row,
            order_by=("created_at", "id"),
        )
    )
    favorited_by_user: Lazy[UserScenario, bool] = Lazy(lambda: DataLoader(load_fn=favorited))
    favorite_count_by_scenario: Lazy[UUID, int] = Lazy(
        lambda: count_by_key(ScenarioFavorite, "scenario_id")
    )
    rating_by_user: Lazy[UserScenario, ScenarioRatingNode | None] = Lazy(
        lambda: DataLoader(load_fn=ratings_by_user_scenario)
    )
    ratings_of_scenario: Lazy[NestedKey, Connection[ScenarioRatingNode]] = Lazy(
        RATINGS_OF_SCENARIO.loader
    )
    unread_notification_count_by_user: Lazy[UUID, int] = Lazy(
        lambda: count_by_key(Notification, "user_id", null=("read_at",))
    )
    api_tokens_by_user: Lazy[UUID, list[ApiTokenNode]] = Lazy(
        lambda: many_by_key(
            ApiToken,
            "user_id",
            API_TOKEN_COLUMNS,
            ApiTokenNode.from_row,
            order_by=("-created_at", "id"),
        )
    )
