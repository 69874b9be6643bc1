"""Every model enum the API exposes, registered with Strawberry in one place.

Registering an enum twice (say, from two domains) makes two GraphQL definitions of it,
so domains import enums from ``models.enums`` and this module is loaded first.
"""

from __future__ import annotations

import strawberry

from ..models.enums import (
    Difficulty,
    EgressPolicy,
    EventStatus,
    MachineRole,
    ParticipationMode,
    QuestionKind,
    RegistrationMode,
    RegistrationStatus,
    ResourceProfile,
    SessionMachineState,
    SessionState,
    TeamRole,
    UserRole,
    UserStatus,
    VersionStatus,
    Visibility,
)
from ..services.api_tokens import ApiScope

strawberry.enum(EventStatus, description="Where an event is in its schedule.")
strawberry.enum(RegistrationMode, description="How users get into an event.")
strawberry.enum(ParticipationMode, description="Whether users compete alone or in teams.")
strawberry.enum(RegistrationStatus, description="State of a registration.")
strawberry.enum(Difficulty, description="How hard a scenario is.")
strawberry.enum(Visibility, description="Who can find a scenario in the catalog.")
strawberry.enum(VersionStatus, description="Where a version is in the authoring workflow.")
strawberry.enum(ResourceProfile, description="CPU and memory size of a session's machines.")
strawberry.enum(MachineRole, description="What a machine is for in a scenario.")
strawberry.enum(EgressPolicy, description="Where a machine may open connections to.")
strawberry.enum(QuestionKind, description="How a question is answered.")
strawberry.enum(SessionState, description="Lifecycle state of an environment session.")
strawberry.enum(SessionMachineState, description="State of one deployed machine.")
strawberry.enum(TeamRole, description="A member's role in a team.")
strawberry.enum(UserRole, description="What a user may do on the platform.")
strawberry.enum(UserStatus, description="Whether a user's account can be used.")
strawberry.enum(ApiScope, description="What an API token may do.")
