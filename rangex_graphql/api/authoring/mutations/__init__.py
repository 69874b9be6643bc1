"""Authoring mutations, and the API-token scope each needs.

Content and the author's own steps (submit, withdraw, publish, delete, duplicate) need
AUTHORING; the admin-only review, revert to draft, unpublish, archive and feature need
ADMIN (a token acts as an admin only with the ADMIN scope).
"""

from __future__ import annotations

from strawberry.tools import merge_types

from ...scopes import declared_scopes
from .featuring import FeaturingMutation
from .scenarios import ScenarioMutation
from .version_parts import VersionPartsMutation
from .versions import VersionMutation
from .workflow import WorkflowMutation

AuthoringMutation = merge_types(
    "AuthoringMutation",
    (
        ScenarioMutation,
        VersionMutation,
        VersionPartsMutation,
        WorkflowMutation,
        FeaturingMutation,
    ),
)

AUTHORING_SCOPES = declared_scopes(AuthoringMutation)

__all__ = ["AUTHORING_SCOPES", "AuthoringMutation"]
