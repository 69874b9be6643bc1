"""Content as code against the database: export, import as a DRAFT, and the round trip."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from rangex_graphql.models import (
    AuditLog,
    Machine,
    Question,
    QuestionAnswerKey,
    Scenario,
    ScenarioTag,
    ScenarioVersion,
    User,
)
from rangex_graphql.models.enums import (
    Difficulty,
    UserRole,
    UserStatus,
    VersionStatus,
    Visibility,
)
from rangex_graphql.services.authoring import documents
from rangex_graphql.services.authoring.yaml_document import dump, parse
from rangex_graphql.services.errors import DomainError, DomainErrors
from tests import factories
from tests.conftest import StatementCounter
from tests.services.authoring.test_yaml_document import ANSWERS, EXAMPLE, with_line

pytestmark = pytest.mark.usefixtures("db")

TABLES = (Scenario, ScenarioTag, ScenarioVersion, Machine, Question, QuestionAnswerKey, AuditLog)


async def row_counts() -> dict[str, int]:
    return {model.__name__: await model.all().count() for model in TABLES}


async def export(version: ScenarioVersion, *, answers: bool = True) -> str:
    return await documents.export_document(version.id, include_answers=answers)


# --- round trip ---------------------------------------------------------------------------


async def test_import_then_export_gives_the_document_back_byte_for_byte() -> None:
    creator = await factories.user(UserRole.CREATOR)

    first = await documents.import_document(EXAMPLE, creator.id)
    assert (first.number, first.status) == (1, VersionStatus.DRAFT)
    assert await export(first) == EXAMPLE

    again = await documents.import_document(await export(first), creator.id)
    assert (again.scenario_id, again.number) == (first.scenario_id, 2)  # type: ignore[attr-defined]
    assert await export(again) == EXAMPLE
    assert await export(again, answers=False) == dump(parse(EXAMPLE), include_answers=False)


async def test_a_version_made_by_other_means_survives_export_import_export() -> None:
    author = await factories.user(UserRole.CREATOR)
    scenario = await factories.scenario(author, tags=("web", "beginner"))
    version = await factories.version(scenario, machines=2, questions=2)
    await Machine.filter(version_id=version.id, name="m1").update(
        environment={"Z_LAST": "z", "A_FIRST": "multi\nline"},
        entrypoints=[
            {"protocol": "HTTP", "port": 80, "exposed": True, "description": "shop"},
            {"protocol": "UDP", "port": 443, "exposed": False, "description": ""},
        ],
    )

    with_answers, without = await export(version), await export(version, answers=False)
    imported = await documents.import_document(with_answers, author.id)

    assert imported.number == 2
    assert await export(imported) == with_answers
    assert await export(imported, answers=False) == without


# --- what an import creates ---------------------------------------------------------------


async def test_import_creates_the_scenario_machines_questions_and_answer_keys() -> None:
    creator = await factories.user(UserRole.CREATOR)
    version = await documents.import_document(EXAMPLE, creator.id)

    scenario = await Scenario.get(id=version.scenario_id)  # type: ignore[attr-defined]
    assert scenario.slug == "sql-injection-101"
    assert scenario.author_id == creator.id  # type: ignore[attr-defined]
    assert (scenario.difficulty, scenario.visibility) == (Difficulty.BEGINNER, Visibility.PUBLIC)
    tags = await ScenarioTag.filter(scenario_id=scenario.id).order_by("tag").values_list("tag")
    assert tags == [("sqli",), ("web",)]
    assert (version.time_limit_minutes, version.changelog) == (90, "First release.")
    machines = await Machine.filter(version_id=version.id).order_by("position")
    assert [(m.name, m.position) for m in machines] == [("attacker", 0), ("web", 1)]
    questions = await Question.filter(version_id=version.id).order_by("position")
    assert [q.position for q in questions] == [0, 1]
    keys = await QuestionAnswerKey.filter(question_id__in=[q.id for q in questions]).values(
        "question_id", "expected", "case_sensitive"
    )
    by_question = {k["question_id"]: (k["expected"], k["case_sensitive"]) for k in keys}
    assert by_question == {
        questions[0].id: (["FLAG{sqli_basics}"], True),
        questions[1].id: (["80"], False),
    }
    [entry] = await AuditLog.filter(action="scenario_version.import").values(
        "actor_id", "target_id", "data"
    )
    assert entry["actor_id"] == creator.id
    assert entry["target_id"] == str(version.id)
    assert entry["data"]["scenario"] == "sql-injection-101"


async def test_without_a_slug_the_title_gives_one_made_unique() -> None:
    creator = await factories.user(UserRole.CREATOR)
    await factories.scenario(slug="sql-injection-101")
    anonymous = with_line(EXAMPLE, "  slug: sql-injection-101\n", "")

    version = await documents.import_document(anonymous, creator.id)

    scenario = await Scenario.get(id=version.scenario_id)  # type: ignore[attr-defined]
    assert scenario.slug == "sql-injection-101-2"
    assert scenario.author_id == creator.id  # type: ignore[attr-defined]
    assert version.number == 1


async def test_a_slug_of_an_existing_scenario_adds_the_next_version_and_its_metadata() -> None:
    owner = await factories.user(UserRole.CREATOR)
    scenario = await factories.scenario(owner, slug="sql-injection-101", tags=("old", "web"))
    await factories.version(scenario, VersionStatus.ARCHIVED)
    published = await factories.version(scenario, VersionStatus.PUBLISHED)
    document = with_line(EXAMPLE, "    - sqli\n", "    - ' SQLi '\n")

    version = await documents.import_document(document, owner.id)

    assert (version.scenario_id, version.number, version.status) == (  # type: ignore[attr-defined]
        scenario.id,
        3,
        VersionStatus.DRAFT,
    )
    await published.refresh_from_db()
    assert published.status is VersionStatus.PUBLISHED  # untouched
    await scenario.refresh_from_db()
    assert scenario.title == "SQL injection 101"
    tags = await ScenarioTag.filter(scenario_id=scenario.id).order_by("tag").values_list("tag")
    assert tags == [("sqli",), ("web",)]  # replaced, normalized


async def test_an_admin_may_add_a_version_to_anyones_scenario() -> None:
    scenario = await factories.scenario(slug="sql-injection-101")
    admin = await factories.user(UserRole.ADMIN)
    version = await documents.import_document(EXAMPLE, admin.id)
    assert (version.scenario_id, version.number) == (scenario.id, 1)  # type: ignore[attr-defined]
    await scenario.refresh_from_db()
    assert scenario.author_id != admin.id  # type: ignore[attr-defined]  # keeps its owner


# --- refusals write nothing ---------------------------------------------------------------


async def test_a_document_failing_validation_lists_every_problem_and_writes_nothing() -> None:
    creator = await factories.user(UserRole.CREATOR)
    document = EXAMPLE
    for old, new in (
        ("  title: SQL injection 101\n", "  title: SQL\n"),
        ("timeLimitMinutes: 90\n", "timeLimitMinutes: 5\n"),
        ("    role: TARGET\n", "    role: SERVICE\n"),
        ("        port: 6901\n", "        port: 31337\n"),
        ("    expectedAnswers:\n      - '80'\n", "    expectedAnswers:\n      - '8080'\n"),
    ):
        document = with_line(document, old, new)
    before = await row_counts()

    with pytest.raises(DomainErrors) as caught:
        await documents.import_document(document, creator.id)

    assert {e.field for e in caught.value.errors} >= {
        "scenario.title",
        "timeLimitMinutes",
        "machines",
        "machines.0.entrypoints.1.port",
        "questions.1.expectedAnswers.0",
    }
    assert await row_counts() == before


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("  category: web\n", "  category: [web\n", None),  # YAML syntax
        ("    role: TARGET\n", "    role: hacker\n", "machines.1.role"),  # unknown value
        ("    points: 50\n", "", "questions.0.points"),  # missing
        ("    memoryMib: 512\n", "    memoryMib: lots\n", "machines.1.memoryMib"),  # type
    ],
)
async def test_a_malformed_document_is_refused_with_its_path_and_writes_nothing(
    old: str, new: str, field: str | None
) -> None:
    creator = await factories.user(UserRole.CREATOR)
    before = await row_counts()
    with pytest.raises(DomainErrors) as caught:
        await documents.import_document(with_line(EXAMPLE, old, new), creator.id)
    assert field in [e.field for e in caught.value.errors]
    assert await row_counts() == before


async def test_a_document_without_answers_is_refused_by_the_submit_rules() -> None:
    creator = await factories.user(UserRole.CREATOR)
    before = await row_counts()
    with pytest.raises(DomainErrors) as caught:
        await documents.import_document(dump(parse(EXAMPLE), include_answers=False), creator.id)
    assert [e.field for e in caught.value.errors] == [
        "questions.0.expectedAnswers",
        "questions.1.expectedAnswers",
    ]
    assert await row_counts() == before


@pytest.mark.parametrize(
    ("role", "status"),
    [(UserRole.USER, UserStatus.ACTIVE), (UserRole.CREATOR, UserStatus.SUSPENDED)],
)
async def test_only_active_creators_and_admins_import(role: UserRole, status: UserStatus) -> None:
    user = await factories.user(role, status=status)
    before = await row_counts()
    with pytest.raises(DomainError) as caught:
        await documents.import_document(EXAMPLE, user.id)
    assert (caught.value.code, caught.value.field) == ("FORBIDDEN", "author")
    assert await row_counts() == before


async def test_another_creators_or_a_deleted_scenario_is_not_found() -> None:
    stranger = await factories.user(UserRole.CREATOR)
    theirs = await factories.scenario(slug="sql-injection-101")
    await factories.scenario(stranger, slug="gone", deleted_at=datetime.now(UTC))
    before = await row_counts()

    for document in (EXAMPLE, with_line(EXAMPLE, "slug: sql-injection-101", "slug: gone")):
        with pytest.raises(DomainError) as caught:
            await documents.import_document(document, stranger.id)
        assert (caught.value.code, caught.value.field) == ("NOT_FOUND", "scenario.slug")
        assert "leave the slug out" in caught.value.message
    assert await ScenarioVersion.filter(scenario_id=theirs.id).count() == 0
    assert await row_counts() == before


# --- export -------------------------------------------------------------------------------


async def test_export_without_answers_never_reads_the_answer_keys(
    sql_counter: StatementCounter,
) -> None:
    creator = await factories.user(UserRole.CREATOR)
    version = await documents.import_document(EXAMPLE, creator.id)
    sql_counter.reset()

    text = await export(version, answers=False)

    for secret in ANSWERS:
        assert secret not in text
    assert sql_counter.count > 0
    assert not [s for s in sql_counter.statements if "question_answer_key" in s]
    assert not await AuditLog.filter(action="scenario_version.export_answers").exists()


async def test_an_export_with_answers_is_audited() -> None:
    creator = await factories.user(UserRole.CREATOR)
    version = await documents.import_document(EXAMPLE, creator.id)
    await documents.export_document(
        version.id, include_answers=True, actor_id=creator.id, source="test"
    )
    [entry] = await AuditLog.filter(action="scenario_version.export_answers").values(
        "actor_id", "target_id", "data"
    )
    assert (entry["actor_id"], entry["target_id"]) == (creator.id, str(version.id))
    assert entry["data"] == {"scenario": "sql-injection-101", "source": "test"}


async def test_load_of_an_unknown_version_is_not_found() -> None:
    missing = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(DomainError) as caught:
        await documents.load_version_spec(missing)
    assert caught.value.code == "NOT_FOUND"


async def test_the_default_version_is_the_published_one_else_the_latest() -> None:
    scenario = await factories.scenario()
    assert await documents.default_version_id(scenario.id) is None
    first = await factories.version(scenario, VersionStatus.ARCHIVED)
    assert await documents.default_version_id(scenario.id) == first.id
    published = await factories.version(scenario, VersionStatus.PUBLISHED)
    await factories.version(scenario, VersionStatus.DRAFT)
    assert await documents.default_version_id(scenario.id) == published.id


async def test_the_exported_authors_username_is_not_in_the_document() -> None:
    """Content only: no IDs, numbers, timestamps or people."""
    creator = await factories.user(UserRole.CREATOR, username="author-name-xyz")
    version = await documents.import_document(EXAMPLE, creator.id)
    text = await export(version)
    user = await User.get(id=creator.id)
    for leak in (
        str(version.id),
        str(version.scenario_id),  # type: ignore[attr-defined]
        user.username,
        "number",
        str(datetime.now(UTC).year),
    ):
        assert leak not in text
