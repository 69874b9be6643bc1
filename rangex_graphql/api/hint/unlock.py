"""``hintUnlock``: the session's owner opens a hint for its penalty."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Annotated
from uuid import UUID

import strawberry

from ...models import EnvironmentSession
from ...models.enums import SessionState
from ...services.api_tokens import ApiScope
from ...services.errors import DomainError
from ...services.hints import unlock
from ...services.hints.errors import HintCode
from ..context import Info
from ..errors import ApiError
from ..ids import from_global_id
from ..payload import ERROR_CODE, ERROR_MESSAGE, ERRORS, actor, mutation_payload, result
from ..permissions import Allow
from .session_hints import SessionHint, hint_of, session_hints


@strawberry.enum(description="Why a hint was not unlocked.")
class HintUnlockErrorCode(Enum):
    SESSION_NOT_FOUND = strawberry.enum_value(
        "SESSION_NOT_FOUND", description="No such session of yours (admins cannot unlock)."
    )
    HINT_NOT_FOUND = strawberry.enum_value(
        "HINT_NOT_FOUND", description="The session's scenario version has no such hint."
    )
    HINTS_DISABLED = strawberry.enum_value(
        "HINTS_DISABLED", description="The version's hint mode is DISABLED."
    )
    SESSION_NOT_RUNNING = strawberry.enum_value(
        "SESSION_NOT_RUNNING",
        description="The session is not RUNNING (not started yet, paused, or ended).",
    )
    HINT_LOCKED = strawberry.enum_value(
        "HINT_LOCKED",
        description="Its condition is not met yet: more running time, or more wrong attempts.",
    )


@strawberry.type(description="Why a hint was not unlocked: which input field, why, in words.")
class HintUnlockError:
    field: str | None = strawberry.field(description="Input field path, e.g. `input.hint`.")
    code: HintUnlockErrorCode = strawberry.field(description=ERROR_CODE)
    message: str = strawberry.field(description=ERROR_MESSAGE)


@strawberry.type(description="What hintUnlock did.")
class HintUnlockPayload:
    hint: SessionHint | None = strawberry.field(
        default=None, description=result("The hint, unlocked, with its body")
    )
    penalty_applied: int | None = strawberry.field(
        default=None,
        description=result(
            "Points this call deducted: the hint's penalty, or 0 when it was unlocked before"
        ),
    )
    session_score: int | None = strawberry.field(
        default=None, description=result("The session's score after the unlock")
    )
    errors: list[HintUnlockError] = strawberry.field(default_factory=list, description=ERRORS)


@strawberry.input(description="A hint of the viewer's running session.")
class HintUnlockInput:
    session: strawberry.ID = strawberry.field(description="An EnvironmentSession ID of yours.")
    hint: strawberry.ID = strawberry.field(description="A Hint ID of its version.")


def _pk(global_id: str, type_name: str, code: HintCode, field: str) -> UUID:
    """An ID of the expected type; otherwise the same error as an unknown one."""
    try:
        found, pk = from_global_id(global_id, field)
    except ApiError:
        found, pk = "", UUID(int=0)
    if found != type_name:
        raise DomainError(code, f"no such {type_name}", field)
    return pk


@dataclass(frozen=True, slots=True)
class _Session:
    """The session as its hints need it, read after the unlock."""

    pk: UUID
    user_id: UUID
    version_id: UUID
    state: SessionState
    started_at: datetime | None


async def _session(session_id: UUID) -> _Session:
    rows = await EnvironmentSession.filter(id=session_id).values(
        "user_id", "version_id", "state", "started_at"
    )
    row = rows[0]
    return _Session(
        pk=session_id,
        user_id=UUID(str(row["user_id"])),
        version_id=UUID(str(row["version_id"])),
        state=SessionState(row["state"]),
        started_at=row["started_at"],
    )


@strawberry.type
class HintUnlockMutation:
    @strawberry.mutation(
        extensions=[Allow(scope=ApiScope.SESSIONS)],
        description="Unlock a hint of your RUNNING session, once its condition is met and "
        "when the version's hint mode is ENABLED: its body is yours and its penalty is "
        "deducted from the session score (and your event score) once. Unlocking it again "
        "answers the same hint and deducts nothing.",
    )
    @mutation_payload(HintUnlockPayload, HintCode)
    async def hint_unlock(
        self,
        info: Info,
        input: Annotated[
            HintUnlockInput, strawberry.argument(description="The session and the hint.")
        ],
    ) -> HintUnlockPayload:
        session_id = _pk(
            input.session, "EnvironmentSession", HintCode.SESSION_NOT_FOUND, unlock.SESSION_FIELD
        )
        hint_id = _pk(input.hint, "Hint", HintCode.HINT_NOT_FOUND, unlock.HINT_FIELD)
        done = await unlock.unlock_hint(
            actor(info).id,
            session_id,
            hint_id,
            meta=info.context.meta,
            broker=info.context.services.broker,
        )
        info.context.reset_loaders()
        hints = await session_hints(info, await _session(session_id))
        return HintUnlockPayload(
            hint=hint_of(hints, hint_id),
            penalty_applied=done.penalty_points if done.newly_unlocked else 0,
            session_score=done.session_score,
        )
