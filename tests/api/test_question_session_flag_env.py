"""``Question.sessionFlagEnv``: the author reads back what they set; learners are refused
it exactly like ``expectedAnswers`` (it tells how the flag is placed); reading it costs the
same statements for one question as for many."""

from __future__ import annotations

from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import Question, User
from rangex_graphql.models.enums import UserRole, VersionStatus
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.authoring.conftest import Authoring, ready_version
from tests.api.graphql import data_of, run
from tests.conftest import StatementCounter

BY_NODE = """query($id: ID!) { node(id: $id) { ... on Question { prompt sessionFlagEnv } } }"""
BY_SLUG = """query($slug: String!) { scenario(slug: $slug) { versions { questions {
  prompt sessionFlagEnv } } } }"""
BY_SLUG_BOTH = """query($slug: String!) { scenario(slug: $slug) { versions { questions {
  prompt expectedAnswers sessionFlagEnv } } } }"""
ADD = """mutation($input: QuestionAddInput!) { questionAdd(input: $input) {
  question { id sessionFlagEnv } errors { field code } } }"""
UPDATE = """mutation($input: QuestionUpdateInput!) { questionUpdate(input: $input) {
  question { id sessionFlagEnv } errors { field code } } }"""
CATALOG = """query($first: Int!) { scenarios(first: $first) { nodes { slug versions {
  questions { id prompt sessionFlagEnv } } } } }"""

PER_SESSION = {
    "prompt": "Read the flag the web server holds.",
    "kind": "FLAG",
    "points": 20,
    "sessionFlagEnv": "WEB_FLAG",
}


async def flag_env_by_node(settings: Settings, question_id: str, viewer: User) -> str | None:
    data = await data_of(settings, BY_NODE, {"id": question_id}, as_user=viewer)
    value: str | None = data["node"]["sessionFlagEnv"]
    return value


async def test_the_author_reads_back_the_variable_set_and_null_when_unset(
    db: None, settings: Settings
) -> None:
    creator = await factories.user(UserRole.CREATOR)
    _, version_id = await ready_version(Authoring(settings), creator)
    static_id = to_global_id("Question", (await Question.get()).id)

    data = await data_of(
        settings, ADD, {"input": {"versionId": version_id, **PER_SESSION}}, as_user=creator
    )
    added = data["questionAdd"]
    assert added["errors"] == []
    assert added["question"]["sessionFlagEnv"] == "WEB_FLAG"
    question_id = added["question"]["id"]

    assert await flag_env_by_node(settings, question_id, creator) == "WEB_FLAG"
    assert await flag_env_by_node(settings, static_id, creator) is None

    data = await data_of(
        settings,
        UPDATE,
        {"input": {"questionId": question_id, "sessionFlagEnv": "DB_FLAG"}},
        as_user=creator,
    )
    assert data["questionUpdate"] == {
        "question": {"id": question_id, "sessionFlagEnv": "DB_FLAG"},
        "errors": [],
    }
    assert await flag_env_by_node(settings, question_id, creator) == "DB_FLAG"

    cleared = {"questionId": question_id, "sessionFlagEnv": "", "expectedAnswers": ["FLAG{x}"]}
    data = await data_of(settings, UPDATE, {"input": cleared}, as_user=creator)
    assert data["questionUpdate"]["question"]["sessionFlagEnv"] is None
    assert await flag_env_by_node(settings, question_id, creator) is None


async def test_learners_and_other_creators_are_refused_like_expected_answers(
    db: None, settings: Settings
) -> None:
    author = await factories.user(UserRole.CREATOR)
    scenario = await factories.scenario(author)
    version = await factories.version(scenario, questions=2)
    question = await Question.get(version=version, position=1)
    await Question.filter(id=question.id).update(session_flag_env="WEB_FLAG")
    admin = await factories.user(UserRole.ADMIN)
    node_vars = {"id": to_global_id("Question", question.id)}
    slug_vars = {"slug": scenario.slug}

    outsiders = [await factories.user(), await factories.user(UserRole.CREATOR), None]
    for document, variables in ((BY_SLUG, slug_vars), (BY_NODE, node_vars)):
        for outsider in outsiders:
            data, errors = await run(settings, document, variables, as_user=outsider)
            assert errors
            assert {e["extensions"]["code"] for e in errors} == {"FORBIDDEN"}
            assert {e["path"][-1] for e in errors} == {"sessionFlagEnv"}
            assert "WEB_FLAG" not in str(data)
            # The rest of the question still reaches them; only the variable is nulled.
            assert "Question 1?" in str(data)
        for allowed in (author, admin):
            data, errors = await run(settings, document, variables, as_user=allowed)
            assert not errors
            assert "WEB_FLAG" in str(data)

    # The same refusal, in the same place, as the answers it stands in for.
    learner = outsiders[0]
    data, errors = await run(settings, BY_SLUG_BOTH, slug_vars, as_user=learner)
    assert data is not None
    refused = {(e["path"][-1], e["extensions"]["code"]) for e in errors}
    assert refused == {("expectedAnswers", "FORBIDDEN"), ("sessionFlagEnv", "FORBIDDEN")}
    questions = data["scenario"]["versions"][0]["questions"]
    assert [(q["expectedAnswers"], q["sessionFlagEnv"]) for q in questions] == [(None, None)] * 2


async def _questions_in_one_version(count: int) -> dict[str, Any]:
    author = await factories.user(UserRole.CREATOR)
    scenario = await factories.scenario(author)
    version = await factories.version(scenario, questions=count)
    await Question.filter(version=version).update(session_flag_env="WEB_FLAG")
    return {"document": BY_SLUG, "variables": {"slug": scenario.slug}, "as_user": author}


async def _questions_across_scenarios(count: int) -> dict[str, Any]:
    author = await factories.user(UserRole.CREATOR)
    for _ in range(count):
        scenario = await factories.scenario(author)
        await factories.version(scenario, VersionStatus.ARCHIVED, questions=1)
        await factories.version(scenario, questions=2)
    await Question.all().update(session_flag_env="WEB_FLAG")
    # Admins: the scenarios of the run before (another author) are listed too.
    admin = await factories.user(UserRole.ADMIN)
    return {"document": CATALOG, "variables": {"first": 100}, "as_user": admin}


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        # scenario with its published versions; all versions; questions; the guard's
        # versions and scenarios
        (_questions_in_one_version, 5),
        # scenarios page; versions; questions; the guard's versions and scenarios
        (_questions_across_scenarios, 5),
    ],
    ids=["one-version", "many-scenarios"],
)
async def test_statement_count_is_the_same_for_1_and_5_questions(
    db: None,
    settings: Settings,
    sql_counter: StatementCounter,
    build: Any,
    expected: int,
) -> None:
    counts = []
    for size in (1, 5):
        query = await build(size)
        sql_counter.reset()
        data = await data_of(
            settings, query["document"], query["variables"], as_user=query["as_user"]
        )
        counts.append(sql_counter.count)
        assert str(data).count("WEB_FLAG") >= size
    read = [" ".join(statement.split()[-12:]) for statement in sql_counter.statements]
    assert counts[0] == counts[1], read
    assert counts[0] == expected, read
