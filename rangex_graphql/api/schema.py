"""The GraphQL schema, assembled from each domain's root fields."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Annotated
from uuid import UUID

import strawberry
from strawberry.extensions import DisableIntrospection, ParserCache, SchemaExtension
from strawberry.tools import merge_types
from strawberry.types.base import get_object_definition

from .account.mutations import AccountMutation
from .account.queries import resolve_api_token_node
from .account.types import ApiTokenNode
from .audit.queries import AuditQuery
from .audit.types import AuditLogEntryNode, resolve_audit_node
from .authoring.mutations import AuthoringMutation
from .budget.mutations import BudgetMutation
from .budget.queries import BudgetQuery
from .context import Info
from .document.mutations import ScenarioDocumentMutation
from .document.queries import ScenarioDocumentQuery
from .engagement.mutations import EngagementMutation
from .engagement.queries import resolve_rating_node
from .engagement.types import ScenarioRatingNode
from .error_log import ApiSchema
from .error_masking import MaskUnexpectedErrors
from .errors import BadUserInput
from .event.mutations import EventMutation
from .event.queries import (
    EventQuery,
    resolve_event_node,
    resolve_event_scenario_node,
    resolve_registration_node,
)
from .event.registration_mutations import EventRegistrationMutation
from .event.types import EventNode, EventRegistrationNode, EventScenarioNode
from .files.mutations import FileMutation
from .files.queries import resolve_asset_node
from .files.types import VersionAssetType
from .hint.mutations import HintMutation
from .hint.queries import resolve_hint_node
from .hint.types import HintNode
from .ids import from_global_id
from .image.credential_mutations import RegistryCredentialMutation
from .image.mutations import ImageMutation
from .image.queries import (
    ImageQuery,
    resolve_image_variant_node,
    resolve_registry_credential_node,
)
from .image.types import ImageVariantNode, RegistryCredentialNode
from .limits import (
    DocumentLimits,
    InputLimits,
    IntrospectionCache,
    IntrospectionLimits,
    QueryCost,
    document_input_lengths,
)
from .node import Node, NodeResolver
from .notification.mutations import NotificationMutation
from .notification.queries import resolve_notification_node
from .notification.types import NotificationNode
from .platform.mutations import PlatformMutation
from .platform.queries import PlatformQuery
from .scenario.queries import (
    ScenarioQuery,
    resolve_machine_node,
    resolve_question_node,
    resolve_scenario_node,
    resolve_version_node,
)
from .scenario.types import MachineNode, QuestionNode, ScenarioNode, ScenarioVersionNode
from .scopes import ApiScopeGuard
from .session.answers import AnswerMutation
from .session.mutations import SessionMutation
from .session.queries import SessionQuery, resolve_session_machine_node, resolve_session_node
from .session.types import EnvironmentSessionNode, SessionMachineNode
from .statistics.queries import StatisticsQuery
from .subscriptions.fields import Subscription
from .team.mutations import TeamMutation
from .team.queries import (
    TeamQuery,
    resolve_team_join_request_node,
    resolve_team_member_node,
    resolve_team_node,
)
from .team.types import TeamJoinRequestNode, TeamMemberNode, TeamNode
from .testrun.mutations import TestRunMutation
from .testrun.queries import resolve_test_run_node
from .testrun.types import VersionTestRunNode
from .user.leaderboard import LeaderboardQuery
from .user.mutations import UserMutation
from .user.queries import UserQuery, resolve_user_node
from .user.types import UserNode
from .validation_cache import DocumentValidationCache, ValidationCache

NODE_RESOLVERS: dict[str, NodeResolver] = {
    "User": resolve_user_node,
    "Scenario": resolve_scenario_node,
    "ScenarioVersion": resolve_version_node,
    "Machine": resolve_machine_node,
    "Question": resolve_question_node,
    "Hint": resolve_hint_node,
    "EnvironmentSession": resolve_session_node,
    "SessionMachine": resolve_session_machine_node,
    "Event": resolve_event_node,
    "EventScenario": resolve_event_scenario_node,
    "EventRegistration": resolve_registration_node,
    "Team": resolve_team_node,
    "TeamMember": resolve_team_member_node,
    "TeamJoinRequest": resolve_team_join_request_node,
    "AuditLogEntry": resolve_audit_node,
    "ApiToken": resolve_api_token_node,
    "ScenarioRating": resolve_rating_node,
    "Notification": resolve_notification_node,
    "VersionTestRun": resolve_test_run_node,
    "VersionAsset": resolve_asset_node,
    "ImageVariant": resolve_image_variant_node,
    "RegistryCredential": resolve_registry_credential_node,
}
NODE_TYPES = [
    UserNode,
    ScenarioNode,
    ScenarioVersionNode,
    MachineNode,
    QuestionNode,
    HintNode,
    EnvironmentSessionNode,
    SessionMachineNode,
    EventNode,
    EventScenarioNode,
    EventRegistrationNode,
    TeamNode,
    TeamMemberNode,
    TeamJoinRequestNode,
    AuditLogEntryNode,
    ApiTokenNode,
    ScenarioRatingNode,
    NotificationNode,
    VersionTestRunNode,
    VersionAssetType,
    ImageVariantNode,
    RegistryCredentialNode,
]
MAX_NODES = 100


def node_lookup(global_id: str, field: str = "id") -> tuple[NodeResolver, UUID]:
    """The resolver of the type a global ID names, and its primary key."""
    type_name, pk = from_global_id(global_id, field)
    resolver = NODE_RESOLVERS.get(type_name)
    if resolver is None:
        raise BadUserInput(f"{field}: {global_id!r} names no known type", field=field)
    return resolver, pk


async def resolve_node(info: Info, global_id: str, field: str = "id") -> Node | None:
    resolver, pk = node_lookup(global_id, field)
    return await resolver(info, pk)


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Any object by its global ID; null when absent or hidden.")
    async def node(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(
                description="A global ID, as read from any object's `id`; an ID that names "
                "no known type is a BAD_USER_INPUT error."
            ),
        ],
    ) -> Node | None:
        return await resolve_node(info, id)

    @strawberry.field(description=f"Objects by global IDs, in order (at most {MAX_NODES}).")
    async def nodes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(
                description=f"Global IDs, at most {MAX_NODES}; the answer holds one entry "
                "per ID, in the same order, null where the object is absent or hidden."
            ),
        ],
    ) -> list[Node | None]:
        if len(ids) > MAX_NODES:
            raise BadUserInput(f"ids: at most {MAX_NODES} IDs, got {len(ids)}", field="ids")
        lookups = [node_lookup(gid, f"ids.{i}") for i, gid in enumerate(ids)]
        # Together, so that each type's loader reads all of its IDs in one statement.
        return list(await asyncio.gather(*(resolve(info, pk) for resolve, pk in lookups)))


Query = merge_types(
    "Query",
    (
        NodeQuery,
        UserQuery,
        LeaderboardQuery,
        ScenarioQuery,
        EventQuery,
        TeamQuery,
        AuditQuery,
        ScenarioDocumentQuery,
        SessionQuery,
        ImageQuery,
        BudgetQuery,
        StatisticsQuery,
        PlatformQuery,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        AccountMutation,
        AnswerMutation,
        AuthoringMutation,
        EngagementMutation,
        EventMutation,
        EventRegistrationMutation,
        FileMutation,
        HintMutation,
        NotificationMutation,
        PlatformMutation,
        ScenarioDocumentMutation,
        SessionMutation,
        TeamMutation,
        TestRunMutation,
        ImageMutation,
        RegistryCredentialMutation,
        UserMutation,
        BudgetMutation,
    ),
)
# merge_types takes no description: set it on the merged definitions.
get_object_definition(Query, strict=True).description = (
    "Reading the platform: the viewer, the catalog, events, teams, sessions, and any object "
    "by its global ID. Anonymous visitors see the public catalog and events."
)
get_object_definition(Mutation, strict=True).description = (
    "Changing the platform. A mutation takes its arguments in one `input` object (if any) "
    "and answers a payload whose `errors` list its expected failures; a missing sign-in or "
    "permission is a top-level error."
)


def build_schema(*, introspection: bool = True, plan_cache_size: int = 512) -> ApiSchema:
    introspection_cache = IntrospectionCache()
    validation_cache = DocumentValidationCache(maxsize=512)  # by the parsed document's identity
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: ParserCache(maxsize=512),
        lambda: ValidationCache(validation_cache),
        MaskUnexpectedErrors,
        ApiScopeGuard,
        DocumentLimits,  # tokens, depth, aliases (limits from the context's settings)
        InputLimits,  # string arguments: valid Unicode, no NUL, within their field's length
        QueryCost,  # cost limit and budget before execution; extensions.cost
        lambda: IntrospectionLimits(introspection_cache),  # one __schema, answered from cache
    ]
    if not introspection:
        extensions.append(DisableIntrospection)
    built = ApiSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=NODE_TYPES,
        extensions=extensions,
        plan_cache_size=plan_cache_size,
    )
    document_input_lengths(built._schema)
    return built


schema = build_schema()
