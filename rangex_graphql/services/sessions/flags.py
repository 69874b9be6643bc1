"""Per-session flags: a FLAG question with ``session_flag_env`` gets a random flag for each
session, put into the environment of the version's non-attacker machines.

The flag is sealed (security/secret_box) in the session's SessionAnswer row of that
question, so it survives a reset (the machines are recreated with the same flags) and
is accepted only in its own session. It is never returned by the API. Each flag carries
a tag keyed with the server key's session-flag subkey, so a flag of another session is
recognized as such (and audited) when submitted.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from uuid import UUID

from tortoise.exceptions import IntegrityError

from ...db.transactions import retrying_transaction
from ...models import EnvironmentSession, Question, SessionAnswer
from ...models.enums import QuestionKind
from ...security.keys import Purpose, current_subkey, legacy_keys, subkeys
from ...security.secret_box import SecretUnreadable, open_sealed, seal
from ...settings import Settings

FLAG_PATTERN = re.compile(r"RANGEX\{([0-9a-f]{16})([0-9a-f]{16})\}")


def _tag(key: bytes, nonce: str) -> str:
    return hmac.new(key, nonce.encode(), hashlib.sha256).hexdigest()[:16]


def _legacy_tag_key(secret: str) -> bytes:
    """The tag key of flags minted before the subkeys (security/keys.py)."""
    return hashlib.sha256(b"rangex-session-flag:" + secret.encode()).digest()


def new_flag(settings: Settings) -> str:
    """``RANGEX{<16 hex random><16 hex tag>}``: the tag (keyed with the server key's
    session-flag subkey) lets the server recognize a flag it minted for some session
    without looking it up."""
    nonce = secrets.token_hex(8)
    return f"RANGEX{{{nonce}{_tag(current_subkey(settings, Purpose.SESSION_FLAG), nonce)}}}"


def minted_here(settings: Settings, value: str) -> bool:
    """Whether ``value`` is a session flag this platform generated (for any session)."""
    match = FLAG_PATTERN.fullmatch(value)
    if match is None:
        return False
    nonce, tag = match.groups()
    keys = [
        *subkeys(settings, Purpose.SESSION_FLAG),
        *(_legacy_tag_key(secret) for secret in legacy_keys(settings)),
    ]
    return any(hmac.compare_digest(tag, _tag(key, nonce)) for key in keys)


#: How many other sessions' flags a foreign-flag investigation opens at most.
OWNER_SEARCH_LIMIT = 5000


async def session_holding_flag(
    question_id: UUID, flag: str, settings: Settings, *, besides: UUID
) -> UUID | None:
    """The other session (most recent first) whose flag for the question is ``flag``.

    Reads and opens the question's sealed flags one by one: only for the audit of a
    foreign flag, a rare event worth naming its source.
    """
    rows = (
        await SessionAnswer.filter(question_id=question_id, flag_sealed__isnull=False)
        .exclude(session_id=besides)
        .order_by("-created_at")
        .limit(OWNER_SEARCH_LIMIT)
        .values_list("session_id", "flag_sealed")
    )
    for session_id, sealed in rows:
        try:
            if hmac.compare_digest(open_sealed(settings, str(sealed)).encode(), flag.encode()):
                return UUID(str(session_id))
        except SecretUnreadable:
            continue
    return None


async def issue_session_flags(
    session_id: UUID, version_id: UUID, settings: Settings
) -> dict[str, str]:
    """Generate the session's flags (once: a second call returns the same ones) and
    return them as {environment variable: flag}."""
    try:
        return await _issue(session_id, version_id, settings)
    except IntegrityError:
        # A concurrent call inserted the rows first: its flags are the session's.
        return await _issue(session_id, version_id, settings)


async def _issue(session_id: UUID, version_id: UUID, settings: Settings) -> dict[str, str]:
    questions = await Question.filter(
        version_id=version_id, kind=QuestionKind.FLAG, session_flag_env__isnull=False
    ).values_list("id", "session_flag_env")
    if not questions:
        return {}
    env_of = {UUID(str(qid)): str(env) for qid, env in questions}

    async def issue() -> dict[str, str]:
        # The session row's lock serializes two issuers (Tortoise drops FOR UPDATE from
        # values queries, so the answer rows themselves cannot be locked that way).
        await EnvironmentSession.filter(id=session_id).select_for_update().only("id").first()
        existing = {
            UUID(str(qid)): sealed
            for qid, sealed in await SessionAnswer.filter(
                session_id=session_id, question_id__in=list(env_of)
            ).values_list("question_id", "flag_sealed")
        }
        flags: dict[str, str] = {}
        missing: list[SessionAnswer] = []
        for question_id, env in env_of.items():
            sealed = existing.get(question_id)
            if sealed:
                flags[env] = open_sealed(settings, str(sealed))
                continue
            flag = new_flag(settings)
            flags[env] = flag
            if question_id in existing:
                await SessionAnswer.filter(session_id=session_id, question_id=question_id).update(
                    flag_sealed=seal(settings, flag)
                )
            else:
                missing.append(
                    SessionAnswer(
                        session_id=session_id,
                        question_id=question_id,
                        flag_sealed=seal(settings, flag),
                    )
                )
        if missing:
            await SessionAnswer.bulk_create(missing)
        return flags

    return await retrying_transaction(issue)


async def session_flag_environment(session_id: UUID, settings: Settings) -> dict[str, str]:
    """The flags ``issue_session_flags`` made for the session, as {variable: flag}."""
    rows = await SessionAnswer.filter(
        session_id=session_id, flag_sealed__isnull=False, question__session_flag_env__isnull=False
    ).values_list("question__session_flag_env", "flag_sealed")
    return {str(env): open_sealed(settings, str(sealed)) for env, sealed in rows}


async def session_flags(session_id: UUID, settings: Settings) -> dict[UUID, str]:
    """Every flag of the session, by question."""
    rows = await SessionAnswer.filter(session_id=session_id, flag_sealed__isnull=False).values_list(
        "question_id", "flag_sealed"
    )
    return {UUID(str(qid)): open_sealed(settings, str(sealed)) for qid, sealed in rows}


async def session_flag_of(session_id: UUID, question_id: UUID, settings: Settings) -> str | None:
    """The flag of one question in one session, if it has its own."""
    found = await SessionAnswer.filter(
        session_id=session_id, question_id=question_id, flag_sealed__isnull=False
    ).values_list("flag_sealed", flat=True)
    return open_sealed(settings, str(found[0])) if found else None
