"""Hints over GraphQL: authoring mutations, the version's and the session's hints, and
hintUnlock with its payload errors."""

from __future__ import annotations

from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import EnvironmentSession, Hint, Question, ScenarioVersion, User
from rangex_graphql.models.enums import (
    HintUnlockCondition,
    SessionState,
    UserRole,
    VersionStatus,
)
from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run
from tests.conftest import StatementCounter
from tests.hints.helpers import enable_hints, hint, started_minutes_ago, wrong_attempts

pytestmark = pytest.mark.usefixtures("db")

HINT_ADD = """
mutation($input: HintAddInput!) {
  hintAdd(input: $input) {
    hint { id title body position unlockCondition unlockThreshold penaltyPoints question { id } }
    errors { field code message }
  }
}
"""
HINT_UPDATE = """
mutation($input: HintUpdateInput!) {
  hintUpdate(input: $input) { hint { title penaltyPoints } errors { field code } }
}
"""
HINT_REMOVE = """
mutation($input: HintRemoveInput!) {
  hintRemove(input: $input) { removedHintId version { hints { title position } } errors { code } }
}
"""
HINT_REORDER = """
mutation($input: HintReorderInput!) {
  hintReorder(input: $input) { version { hints { title position } } errors { field code } }
}
"""
VERSION_HINTS = """
query($id: ID!) {
  node(id: $id) { ... on ScenarioVersion { hints { id title penaltyPoints BODY } } }
}
"""
SESSION_HINTS = """
query($id: ID!) {
  node(id: $id) {
    ... on EnvironmentSession {
      score
      hints {
        id title position unlockCondition unlockThreshold penaltyPoints
        unlocked unlockedAt unlockableNow body question { id }
      }
    }
  }
}
"""
UNLOCK = """
mutation($input: HintUnlockInput!) {
  hintUnlock(input: $input) {
    hint { id unlocked body }
    penaltyApplied
    sessionScore
    errors { field code message }
  }
}
"""


def gid(type_name: str, pk: Any) -> str:
    return to_global_id(type_name, pk)


async def _draft() -> tuple[User, ScenarioVersion]:
    author = await factories.user(UserRole.CREATOR)
    version = await factories.version(await factories.scenario(author), VersionStatus.DRAFT)
    return author, version


async def _add(settings: Settings, author: User, **fields: Any) -> dict[str, Any]:
    payload: dict[str, Any] = (
        await data_of(settings, HINT_ADD, {"input": fields}, as_user=author)
    )["hintAdd"]
    return payload


async def test_authoring_round_trip(settings: Settings) -> None:
    author, version = await _draft()
    question = await Question.get(version=version)
    vid, qid = gid("ScenarioVersion", version.id), gid("Question", question.id)
    added = await _add(
        settings,
        author,
        versionId=vid,
        questionId=qid,
        title="Cookies",
        body="Look at the **cookie**.",
        unlockCondition="AFTER_WRONG_ATTEMPTS",
        unlockThreshold=2,
        penaltyPoints=5,
    )
    assert added["errors"] == []
    assert added["hint"] == {
        "id": added["hint"]["id"],
        "title": "Cookies",
        "body": "Look at the **cookie**.",
        "position": 0,
        "unlockCondition": "AFTER_WRONG_ATTEMPTS",
        "unlockThreshold": 2,
        "penaltyPoints": 5,
        "question": {"id": qid},
    }
    first = added["hint"]["id"]
    second = (await _add(settings, author, versionId=vid, questionId=qid, title="B", body="b"))[
        "hint"
    ]["id"]
    update = {"input": {"hintId": first, "penaltyPoints": 7, "title": " Cookie jar "}}
    changed = await data_of(settings, HINT_UPDATE, update, as_user=author)
    assert changed["hintUpdate"] == {
        "hint": {"title": "Cookie jar", "penaltyPoints": 7},
        "errors": [],
    }
    order = {"input": {"versionId": vid, "questionId": qid, "hintIds": [second, first]}}
    reordered = await data_of(settings, HINT_REORDER, order, as_user=author)
    assert reordered["hintReorder"]["version"]["hints"] == [
        {"title": "B", "position": 0},
        {"title": "Cookie jar", "position": 1},
    ]
    removed = await data_of(settings, HINT_REMOVE, {"input": {"hintId": second}}, as_user=author)
    assert removed["hintRemove"]["removedHintId"] == second
    assert removed["hintRemove"]["version"]["hints"] == [{"title": "Cookie jar", "position": 0}]


async def test_authoring_errors_are_payload_errors_with_paths(settings: Settings) -> None:
    author, version = await _draft()
    vid = gid("ScenarioVersion", version.id)
    bad = await _add(
        settings, author, versionId=vid, title="", body="b", unlockThreshold=500, penaltyPoints=-3
    )
    assert bad["hint"] is None
    assert {(e["field"], e["code"]) for e in bad["errors"]} == {
        ("title", "REQUIRED"),
        ("unlockThreshold", "INVALID"),
        ("penaltyPoints", "INVALID"),
    }
    stranger = await factories.user(UserRole.CREATOR)
    refused = await _add(settings, stranger, versionId=vid, title="t", body="b")
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("versionId", "NOT_FOUND")]
    await ScenarioVersion.filter(id=version.id).update(status=VersionStatus.SUBMITTED)
    frozen = await _add(settings, author, versionId=vid, title="t", body="b")
    assert [e["code"] for e in frozen["errors"]] == ["VERSION_IN_REVIEW"]
    learner = await factories.user()
    _, errors = await run(
        settings,
        HINT_ADD,
        {"input": {"versionId": vid, "title": "t", "body": "b"}},
        as_user=learner,
    )
    assert errors
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    assert await Hint.all().count() == 0


async def test_version_hints_show_bodies_to_the_author_only(settings: Settings) -> None:
    author = await factories.user(UserRole.CREATOR)
    version = await factories.version(await factories.scenario(author))
    await hint(version, title="Secret", body="the answer is near")
    vid = gid("ScenarioVersion", version.id)
    as_author = await data_of(
        settings, VERSION_HINTS.replace("BODY", "body"), {"id": vid}, as_user=author
    )
    assert as_author["node"]["hints"][0]["body"] == "the answer is near"
    learner = await factories.user()
    titles = await data_of(
        settings, VERSION_HINTS.replace("BODY", ""), {"id": vid}, as_user=learner
    )
    assert titles["node"]["hints"][0]["title"] == "Secret"
    data, errors = await run(
        settings, VERSION_HINTS.replace("BODY", "body"), {"id": vid}, as_user=learner
    )
    assert errors
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    assert "the answer is near" not in str(data)


async def _learner_session(
    condition: HintUnlockCondition = HintUnlockCondition.AFTER_MINUTES, threshold: int = 0
) -> tuple[User, EnvironmentSession, Hint]:
    learner = await factories.user()
    version = await factories.version(await factories.scenario())
    await enable_hints(version)
    session = await factories.session(learner, version)
    made = await hint(
        version, condition=condition, threshold=threshold, penalty=4, body="Use nmap."
    )
    return learner, session, made


async def _unlock(
    settings: Settings, who: User, session: Any, hint_id: Any, runtime: Runtime
) -> dict[str, Any]:
    variables = {
        "input": {
            "session": session if isinstance(session, str) else gid("EnvironmentSession", session),
            "hint": hint_id if isinstance(hint_id, str) else gid("Hint", hint_id),
        }
    }
    data, errors = await run(settings, UNLOCK, variables, as_user=who, runtime=runtime)
    assert not errors, errors
    assert data is not None
    payload: dict[str, Any] = data["hintUnlock"]
    return payload


async def test_session_hints_open_after_their_unlock(settings: Settings, runtime: Runtime) -> None:
    learner, session, made = await _learner_session(threshold=15)
    sid = gid("EnvironmentSession", session.id)
    locked = (await data_of(settings, SESSION_HINTS, {"id": sid}, as_user=learner))["node"]
    (view,) = locked["hints"]
    assert view["unlocked"] is False
    assert view["unlockableNow"] is False
    assert view["body"] is None
    assert view["unlockedAt"] is None
    assert (view["unlockCondition"], view["unlockThreshold"]) == ("AFTER_MINUTES", 15)

    too_early = await _unlock(settings, learner, session.id, made.id, runtime)
    assert too_early["hint"] is None
    assert [(e["field"], e["code"]) for e in too_early["errors"]] == [("input.hint", "HINT_LOCKED")]

    await started_minutes_ago(session, 15)
    ready = (await data_of(settings, SESSION_HINTS, {"id": sid}, as_user=learner))["node"]
    assert ready["hints"][0]["unlockableNow"] is True
    assert ready["hints"][0]["body"] is None

    done = await _unlock(settings, learner, session.id, made.id, runtime)
    assert done["errors"] == []
    assert done["hint"] == {"id": gid("Hint", made.id), "unlocked": True, "body": "Use nmap."}
    assert (done["penaltyApplied"], done["sessionScore"]) == (4, -4)
    again = await _unlock(settings, learner, session.id, made.id, runtime)
    assert (again["penaltyApplied"], again["sessionScore"]) == (0, -4)

    opened = (await data_of(settings, SESSION_HINTS, {"id": sid}, as_user=learner))["node"]
    assert opened["score"] == -4
    assert opened["hints"][0]["body"] == "Use nmap."
    assert opened["hints"][0]["unlocked"] is True
    admin = await factories.user(UserRole.ADMIN)
    seen = (await data_of(settings, SESSION_HINTS, {"id": sid}, as_user=admin))["node"]
    assert seen["hints"][0]["body"] == "Use nmap."


async def test_unlock_refusals_are_payload_errors(settings: Settings, runtime: Runtime) -> None:
    learner, session, made = await _learner_session()
    other = await factories.user()
    cases = [
        (other, session.id, made.id, "input.session", "SESSION_NOT_FOUND"),
        (learner, session.id, gid("Question", made.id), "input.hint", "HINT_NOT_FOUND"),
        (learner, "not-an-id", made.id, "input.session", "SESSION_NOT_FOUND"),
    ]
    elsewhere = await hint(await factories.version(await factories.scenario()))
    cases.append((learner, session.id, elsewhere.id, "input.hint", "HINT_NOT_FOUND"))
    for who, sid, hid, field, code in cases:
        payload = await _unlock(settings, who, sid, hid, runtime)
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, code)], code
    await EnvironmentSession.filter(id=session.id).update(state=SessionState.TERMINATED)
    ended = await _unlock(settings, learner, session.id, made.id, runtime)
    assert [(e["field"], e["code"]) for e in ended["errors"]] == [
        ("input.session", "SESSION_NOT_RUNNING")
    ]
    await EnvironmentSession.filter(id=session.id).update(state=SessionState.RUNNING)
    await ScenarioVersion.filter(id=made.version_id).update(  # type: ignore[attr-defined]
        hint_mode="DISABLED"
    )
    off = await _unlock(settings, learner, session.id, made.id, runtime)
    assert [e["code"] for e in off["errors"]] == ["HINTS_DISABLED"]
    assert (await EnvironmentSession.get(id=session.id)).score == 0


async def test_other_users_cannot_read_a_session_hints(settings: Settings) -> None:
    _, session, _ = await _learner_session()
    stranger = await factories.user()
    data, errors = await run(
        settings, SESSION_HINTS, {"id": gid("EnvironmentSession", session.id)}, as_user=stranger
    )
    assert "Use nmap." not in str(data)
    assert "Use nmap." not in str(errors)


async def test_statements_for_session_hints_do_not_depend_on_hint_counts(
    settings: Settings, sql_counter: StatementCounter
) -> None:
    counts = []
    for hints in (2, 12):
        learner = await factories.user()
        version = await factories.version(await factories.scenario(), questions=3)
        await enable_hints(version)
        session = await factories.session(learner, version)
        questions = await Question.filter(version=version).order_by("position")
        for i in range(hints):
            await hint(version, question=questions[i % 3] if i % 4 else None, position=i)
        await wrong_attempts(session, questions[0], 2)
        await started_minutes_ago(session, 3)
        sql_counter.reset()
        data = await data_of(
            settings, SESSION_HINTS, {"id": gid("EnvironmentSession", session.id)}, as_user=learner
        )
        counts.append(sql_counter.count)
        assert len(data["node"]["hints"]) == hints
    assert counts[0] == counts[1], counts
