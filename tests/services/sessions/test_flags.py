"""Per-session flags: generated once per session, sealed at rest, the same after a reset."""

from __future__ import annotations

import asyncio
import re

import pytest

from rangex_graphql.models import Question, QuestionAnswerKey, ScenarioVersion, SessionAnswer
from rangex_graphql.models.enums import QuestionKind
from rangex_graphql.services.sessions.flags import (
    issue_session_flags,
    session_flag_environment,
    session_flag_of,
)
from rangex_graphql.settings import Settings
from tests import factories

pytestmark = pytest.mark.usefixtures("db")

FLAG = re.compile(r"RANGEX\{[0-9a-f]{32}\}")


async def flag_question(version: ScenarioVersion, env: str | None) -> Question:
    q = await Question.create(
        version=version, prompt="flag?", kind=QuestionKind.FLAG, points=50, session_flag_env=env
    )
    await QuestionAnswerKey.create(question=q, expected=[] if env else ["FLAG{static}"])
    return q


async def test_each_session_gets_its_own_sealed_flags(settings: Settings) -> None:
    version = await factories.version(await factories.scenario(), questions=1)
    web = await flag_question(version, "WEB_FLAG")
    db_flag = await flag_question(version, "DB_FLAG")
    await flag_question(version, None)  # a static flag: nothing per session
    owner = await factories.user()
    one = await factories.session(owner, version)
    two = await factories.session(owner, version)

    flags_one = await issue_session_flags(one.id, version.id, settings)
    flags_two = await issue_session_flags(two.id, version.id, settings)

    assert set(flags_one) == set(flags_two) == {"WEB_FLAG", "DB_FLAG"}
    assert all(FLAG.fullmatch(f) for f in (*flags_one.values(), *flags_two.values()))
    assert not set(flags_one.values()) & set(flags_two.values())
    rows = await SessionAnswer.filter(session_id=one.id).values("question_id", "flag_sealed")
    assert {r["question_id"] for r in rows} == {web.id, db_flag.id}
    stored = " ".join(str(r["flag_sealed"]) for r in rows)
    assert not any(flag in stored for flag in flags_one.values())  # sealed, not plain
    assert await session_flag_of(one.id, web.id, settings) == flags_one["WEB_FLAG"]
    assert await session_flag_of(two.id, db_flag.id, settings) == flags_two["DB_FLAG"]


async def test_flags_stay_the_same_across_a_reset(settings: Settings) -> None:
    version = await factories.version(await factories.scenario(), questions=0)
    await flag_question(version, "TARGET_FLAG")
    session = await factories.session(await factories.user(), version)

    issued = await issue_session_flags(session.id, version.id, settings)

    assert await session_flag_environment(session.id, settings) == issued
    assert await issue_session_flags(session.id, version.id, settings) == issued
    assert await SessionAnswer.filter(session_id=session.id).count() == 1


async def test_concurrent_issues_agree_on_one_flag(settings: Settings) -> None:
    version = await factories.version(await factories.scenario(), questions=0)
    await flag_question(version, "TARGET_FLAG")
    session = await factories.session(await factories.user(), version)

    results = await asyncio.gather(
        *(issue_session_flags(session.id, version.id, settings) for _ in range(2))
    )

    assert results[0] == results[1] == await session_flag_environment(session.id, settings)


async def test_a_version_without_session_flags_issues_none(settings: Settings) -> None:
    version = await factories.version(await factories.scenario(), questions=2)
    session = await factories.session(await factories.user(), version)

    assert await issue_session_flags(session.id, version.id, settings) == {}
    assert await session_flag_environment(session.id, settings) == {}
    assert await SessionAnswer.filter(session_id=session.id).count() == 0
