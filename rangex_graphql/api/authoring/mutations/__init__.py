"""Authoring mutations, and the API-token scope each needs.

Content and the author's own steps (submit, publish) need AUTHORING; the admin-only
review and archive need ADMIN (a token acts as an admin only with the ADMIN scope).
"""

from __future__ import annotations

from strawberry.tools import merge_types

from ....services.api_tokens import ApiScope
from ...scopes import MUTATION_SCOPES
from .content import ContentMutation
from .scenarios import ScenarioMutation
from .versions import VersionMutation
from .workflow import WorkflowMutation

AUTHORING_SCOPES = {
    "scenarioCreate": ApiScope.AUTHORING,
    "scenarioUpdate": ApiScope.AUTHORING,
    "scenarioDelete": ApiScope.AUTHORING,
    "versionCreate": ApiScope.AUTHORING,
    "versionUpdate": ApiScope.AUTHORING,
    "machineAdd": ApiScope.AUTHORING,
    "machineUpdate": ApiScope.AUTHORING,
    "machineRemove": ApiScope.AUTHORING,
    "questionAdd": ApiScope.AUTHORING,
    "questionUpdate": ApiScope.AUTHORING,
    "questionRemove": ApiScope.AUTHORING,
    "questionReorder": ApiScope.AUTHORING,
    "versionSubmit": ApiScope.AUTHORING,
    "versionPublish": ApiScope.AUTHORING,
    "versionReview": ApiScope.ADMIN,
    "versionArchive": ApiScope.ADMIN,
}
MUTATION_SCOPES.update(AUTHORING_SCOPES)

AuthoringMutation = merge_types(
    "AuthoringMutation", (ScenarioMutation, VersionMutation, ContentMutation, WorkflowMutation)
)

__all__ = ["AUTHORING_SCOPES", "AuthoringMutation"]
