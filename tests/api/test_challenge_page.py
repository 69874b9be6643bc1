"""The learner's challenge page: one request for the published version's content, its
machines with their entrypoints, its questions and hints, and the viewer's latest session
with its answers, hints (locked: no body; unlocked: the body) and machine access. Its SQL
statement count depends on the query's shape, never on how many rows it reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import (
    EnvironmentSession,
    Hint,
    HintUnlock,
    Machine,
    Question,
    Scenario,
    ScenarioVersion,
    User,
)
from rangex_graphql.models.enums import (
    HintMode,
    HintUnlockCondition,
    QuestionKind,
    ScenarioType,
    SessionState,
    UserRole,
)
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run
from tests.conftest import StatementCounter

pytestmark = pytest.mark.usefixtures("db")

CHALLENGE_PAGE = """
query ChallengePage($slug: String!) {
  scenario(slug: $slug) {
    id title difficulty
    publishedVersion {
      id number shortDescription mission estimatedMinutes scenarioType learningOutcomes
      codeOfEthics hintMode scoringMode timeLimitMinutes
      machines { id name role entrypoints { protocol port exposed description } }
      questions { id prompt kind points maxAttempts choices }
      hints { id title unlockCondition unlockThreshold penaltyPoints question { id } }
      viewerLatestSession {
        id state score expiresAt timeLeftSeconds
        answers { question { id } attempts attemptsLeft correct pointsAwarded }
        hints { id title unlocked unlockableNow penaltyPoints body question { id } }
        machines { machine { name } connection { address entrypoints { protocol host port } } }
      }
    }
  }
}
"""

# The scenario with its published version (and its mission), machines and questions (one
# join, whose rows also serve the loaders by key: Hint.question, the machines of the
# session, the author check of internal entrypoints), the version's hints, the viewer's
# latest session, and its answers, unlocked hints and machines (one union of three
# selects: db/row_unions.py).
EXPECTED_STATEMENTS = 4


@dataclass
class Page:
    scenario: Scenario
    version: ScenarioVersion
    session: EnvironmentSession
    unlocked: Hint
    locked: Hint


async def _challenge(
    learner: User, *, machines: int, questions: int, hints: int, old_sessions: int
) -> Page:
    """A published version with content, an internal entrypoint on its last machine,
    a choice question, ``hints`` hints (the first unlocked in the learner's latest
    session), and ``old_sessions`` older sessions of the learner before that one; newer
    sessions of someone else and a creator test run must not show."""
    author = await factories.user(UserRole.CREATOR)
    scenario = await factories.scenario(author)
    version = await factories.version(scenario, machines=machines, questions=questions)
    await ScenarioVersion.filter(id=version.id).update(
        short_description="Break into the web shop.",
        mission="## Mission\nFind the admin panel.",
        estimated_minutes=45,
        scenario_type=ScenarioType.CHALLENGE,
        learning_outcomes=["SQL injection", "Pivoting"],
        code_of_ethics="Only attack the lab.",
        hint_mode=HintMode.ENABLED,
    )
    last = await Machine.filter(version=version).order_by("-position").first()
    assert last is not None
    last.entrypoints = [
        {"protocol": "HTTP", "port": 80, "exposed": True, "description": "shop"},
        {"protocol": "TCP", "port": 3000, "exposed": False, "description": "secret api"},
    ]
    await last.save(update_fields=["entrypoints"])
    first_question = await Question.filter(version=version).order_by("position").first()
    assert first_question is not None
    await Question.filter(id=first_question.id).update(
        kind=QuestionKind.SINGLE_CHOICE, choices=["sqli", "xss", "rce"]
    )
    created: list[Hint] = []
    for i in range(hints):
        created.append(
            await Hint.create(
                version=version,
                question=first_question if i % 2 else None,
                position=i // 2,
                title=f"Hint {i}",
                body=f"Body of hint {i}",
                unlock_condition=HintUnlockCondition.AFTER_MINUTES,
                unlock_threshold=0 if i == 0 else 300,
                penalty_points=5 + i,
            )
        )
    long_ago = datetime.now(UTC) - timedelta(days=3)
    for n in range(old_sessions):
        old = await factories.session(learner, version, SessionState.TERMINATED, machines=1)
        await EnvironmentSession.filter(id=old.id).update(
            created_at=long_ago + timedelta(minutes=n), score=99
        )
    session = await factories.session(learner, version, SessionState.RUNNING, machines=machines)
    await EnvironmentSession.filter(id=session.id).update(score=20)
    await HintUnlock.create(
        session=session, hint=created[0], unlocked_at=datetime.now(UTC), penalty_points=5
    )
    later = datetime.now(UTC) + timedelta(minutes=5)
    for owner, is_test in ((await factories.user(), False), (learner, True)):
        other = await factories.session(owner, version, SessionState.RUNNING)
        await EnvironmentSession.filter(id=other.id).update(created_at=later, is_test=is_test)
    return Page(scenario, version, session, unlocked=created[0], locked=created[-1])


def _gid(type_name: str, pk: Any) -> str:
    return to_global_id(type_name, pk)


async def test_the_challenge_page_shows_a_learner_content_hints_and_latest_session(
    settings: Settings,
) -> None:
    learner = await factories.user()
    page = await _challenge(learner, machines=2, questions=3, hints=2, old_sessions=1)
    data = await data_of(settings, CHALLENGE_PAGE, {"slug": page.scenario.slug}, as_user=learner)
    version = data["scenario"]["publishedVersion"]
    assert version["id"] == _gid("ScenarioVersion", page.version.id)
    assert version["mission"] == "## Mission\nFind the admin panel."
    assert version["shortDescription"] == "Break into the web shop."
    assert version["estimatedMinutes"] == 45
    assert version["learningOutcomes"] == ["SQL injection", "Pivoting"]
    assert version["codeOfEthics"] == "Only attack the lab."
    assert version["hintMode"] == "ENABLED"
    # Learners see exposed entrypoints only: the internal one is theirs to discover.
    assert [m["entrypoints"] for m in version["machines"]][-1] == [
        {"protocol": "HTTP", "port": 80, "exposed": True, "description": "shop"}
    ]
    assert version["questions"][0]["choices"] == ["sqli", "xss", "rce"]
    assert len(version["questions"]) == 3
    # The version's hints: titles, conditions and penalties; no body field is asked here.
    assert [h["title"] for h in version["hints"]] == ["Hint 0", "Hint 1"]
    assert version["hints"][1]["question"] == {"id": version["questions"][0]["id"]}

    session = version["viewerLatestSession"]
    assert session["id"] == _gid("EnvironmentSession", page.session.id)
    assert session["state"] == "RUNNING"
    assert session["score"] == 20
    assert session["expiresAt"] is not None
    assert [a["question"]["id"] for a in session["answers"]] == [
        q["id"] for q in version["questions"]
    ]
    hints = {h["id"]: h for h in session["hints"]}
    unlocked = hints[_gid("Hint", page.unlocked.id)]
    locked = hints[_gid("Hint", page.locked.id)]
    assert unlocked["unlocked"] is True
    assert unlocked["body"] == "Body of hint 0"
    assert locked["unlocked"] is False
    assert locked["body"] is None
    assert locked["title"] == "Hint 1"
    assert locked["penaltyPoints"] == 6
    assert locked["unlockableNow"] is False  # 300 minutes of running time needed
    assert [m["machine"]["name"] for m in session["machines"]] == ["m0", "m1"]
    assert session["machines"][0]["connection"]["address"] == "10.0.0.2"


async def test_a_learner_is_refused_hint_bodies_on_the_version(settings: Settings) -> None:
    learner = await factories.user()
    page = await _challenge(learner, machines=1, questions=1, hints=1, old_sessions=0)
    document = """query($slug: String!) {
      scenario(slug: $slug) { publishedVersion { hints { title body } } }
    }"""
    _data, errors = await run(settings, document, {"slug": page.scenario.slug}, as_user=learner)
    assert [error["path"][-1] for error in errors] == ["body"]
    assert "author and admins" in errors[0]["message"]
    # The same learner reads the titles (locked view) when no body is asked.
    document = document.replace("title body", "title penaltyPoints unlockCondition")
    data = await data_of(settings, document, {"slug": page.scenario.slug}, as_user=learner)
    assert data["scenario"]["publishedVersion"]["hints"] == [
        {"title": "Hint 0", "penaltyPoints": 5, "unlockCondition": "AFTER_MINUTES"}
    ]


async def test_no_latest_session_for_anonymous_viewers_or_without_sessions(
    settings: Settings,
) -> None:
    learner = await factories.user()
    page = await _challenge(learner, machines=1, questions=1, hints=1, old_sessions=0)
    document = """query($slug: String!) {
      scenario(slug: $slug) { publishedVersion { viewerLatestSession { id } } }
    }"""
    variables = {"slug": page.scenario.slug}
    anonymous = await data_of(settings, document, variables)
    assert anonymous["scenario"]["publishedVersion"]["viewerLatestSession"] is None
    stranger = await data_of(settings, document, variables, as_user=await factories.user())
    assert stranger["scenario"]["publishedVersion"]["viewerLatestSession"] is None
    mine = await data_of(settings, document, variables, as_user=learner)
    assert mine["scenario"]["publishedVersion"]["viewerLatestSession"] == {
        "id": _gid("EnvironmentSession", page.session.id)
    }


async def test_latest_sessions_of_many_versions_are_one_statement(
    settings: Settings, sql_counter: StatementCounter
) -> None:
    """``scenarios { publishedVersion { viewerLatestSession } }``: one batch for the page."""
    learner = await factories.user()
    pages = [
        await _challenge(learner, machines=1, questions=1, hints=1, old_sessions=n)
        for n in range(4)
    ]
    document = """{ scenarios(first: 20) { nodes { slug publishedVersion {
      viewerLatestSession { id state } } } } }"""
    sql_counter.reset()
    data = await data_of(settings, document, as_user=learner)
    latest = [s for s in sql_counter.statements if "ROW_NUMBER" in s]
    assert len(latest) == 1, sql_counter.statements
    nodes = data["scenarios"]["nodes"]
    by_slug = {n["slug"]: n["publishedVersion"]["viewerLatestSession"] for n in nodes}
    for page in pages:
        assert by_slug[page.scenario.slug] == {
            "id": _gid("EnvironmentSession", page.session.id),
            "state": "RUNNING",
        }


async def test_statements_of_the_challenge_page_do_not_depend_on_rows(
    settings: Settings, sql_counter: StatementCounter
) -> None:
    learner = await factories.user()
    small = await _challenge(learner, machines=2, questions=3, hints=2, old_sessions=0)
    large = await _challenge(learner, machines=4, questions=10, hints=12, old_sessions=15)
    counts, sizes = [], []
    for page in (small, large):
        sql_counter.reset()
        data = await data_of(
            settings, CHALLENGE_PAGE, {"slug": page.scenario.slug}, as_user=learner
        )
        counts.append(sql_counter.count)
        sizes.append(len(str(data)))
        version = data["scenario"]["publishedVersion"]
        assert version["viewerLatestSession"]["id"] == _gid("EnvironmentSession", page.session.id)
    assert sizes[1] > sizes[0] * 2, "the second page must really read many more rows"
    assert counts[0] == counts[1], sql_counter.statements
    assert counts[0] == EXPECTED_STATEMENTS, "\n".join(s[:160] for s in sql_counter.statements)
