"""Every transaction a service opens is run again after a deadlock (issue 13).

Each test arms ``deadlock_once`` (tests/support/deadlocks.py): the next outermost
transaction opened through ``retrying_transaction`` runs, is rolled back and fails with
error 1213, as InnoDB does to a deadlock victim. The service call still succeeds, and
what it writes is there once. ``injected == 1`` shows the transaction went through
``retrying_transaction`` at all; the last test keeps services from opening their own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from tortoise.backends.base.client import BaseDBAsyncClient

from rangex_graphql.api.schema import schema
from rangex_graphql.db.transactions import retrying_transaction_on
from rangex_graphql.models import (
    AuditLog,
    Machine,
    Notification,
    PersistedQuery,
    Question,
    Scenario,
    ScenarioRating,
    ScenarioVersion,
)
from rangex_graphql.models.enums import (
    Difficulty,
    MachineRole,
    QuestionKind,
    SessionState,
    UserRole,
    VersionStatus,
)
from rangex_graphql.services import catalog
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring import (
    documents,
    machines,
    questions,
    scenarios,
    versions,
    workflow,
)
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.authoring.spec import ScenarioSpec
from rangex_graphql.services.persisted_queries import Document, register_documents
from tests import factories
from tests.services.authoring.test_yaml_document import EXAMPLE
from tests.support.deadlocks import deadlock_once
from tests.support.recording_broker import RecordingBroker

pytestmark = pytest.mark.usefixtures("db")

SERVICES = Path(__file__).parents[2] / "rangex_graphql" / "services"
# A savepoint inside the caller's transaction (the failed insert alone rolls back); the
# outermost transaction around it is a retrying one.
SAVEPOINTS_ALLOWED: set[tuple[str, str]] = set()  # services use db.transactions.savepoint()


async def audits(action: str) -> int:
    return await AuditLog.filter(action=action).count()


async def test_scenario_create(monkeypatch: pytest.MonkeyPatch) -> None:
    creator = await factories.user(UserRole.CREATOR)
    spec = ScenarioSpec(
        title="Deadlocked once",
        description="A scenario whose first insert was rolled back.",
        difficulty=Difficulty.BEGINNER,
        category="web",
        tags=["sql"],
    )
    victim = deadlock_once(monkeypatch)

    created = await scenarios.create_scenario(Actor(creator.id), spec, SYSTEM)

    assert victim.injected == 1
    assert created.slug == "deadlocked-once"  # not "-2": the first attempt left nothing
    assert await Scenario.filter(author_id=creator.id).count() == 1
    assert await audits("scenario.create") == 1


async def test_machine_add(monkeypatch: pytest.MonkeyPatch) -> None:
    creator = await factories.user(UserRole.CREATOR)
    draft = await factories.version(
        await factories.scenario(creator), VersionStatus.DRAFT, machines=1
    )
    new = machines.NewMachine(name="web", role=MachineRole.TARGET, image_ref="rangex/web:1.0")
    victim = deadlock_once(monkeypatch)

    added = await machines.add_machine(Actor(creator.id), draft.id, new, SYSTEM)

    assert victim.injected == 1
    assert added.position == 1
    assert await Machine.filter(version_id=draft.id).count() == 2
    assert await audits("machine.add") == 1


async def test_question_add(monkeypatch: pytest.MonkeyPatch) -> None:
    creator = await factories.user(UserRole.CREATOR)
    draft = await factories.version(
        await factories.scenario(creator), VersionStatus.DRAFT, questions=1
    )
    new = questions.NewQuestion(
        prompt="Which port?", kind=QuestionKind.SHORT_ANSWER, points=5, expected_answers=["80"]
    )
    victim = deadlock_once(monkeypatch)

    added = await questions.add_question(Actor(creator.id), draft.id, new, SYSTEM)

    assert victim.injected == 1
    assert added.position == 1
    assert await Question.filter(version_id=draft.id).count() == 2
    assert await audits("question.add") == 1


async def test_version_create(monkeypatch: pytest.MonkeyPatch) -> None:
    creator = await factories.user(UserRole.CREATOR)
    scenario = await factories.scenario(creator)
    first = await factories.version(scenario)
    victim = deadlock_once(monkeypatch)

    copy = await versions.create_version(Actor(creator.id), scenario.id, SYSTEM, copy_from=first.id)

    assert victim.injected == 1
    assert copy.number == 2
    assert await ScenarioVersion.filter(scenario_id=scenario.id).count() == 2
    assert await Machine.filter(version_id=copy.id).count() == 2
    assert await audits("version.create") == 1


async def test_version_archive_announces_once_after_the_commit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    creator = await factories.user(UserRole.CREATOR)
    admin = await factories.user(UserRole.ADMIN)
    version = await factories.version(await factories.scenario(creator))
    broker = RecordingBroker()
    victim = deadlock_once(monkeypatch)

    archived = await workflow.archive(
        Actor(admin.id, is_admin=True), version.id, SYSTEM, broker=broker
    )

    assert victim.injected == 1
    assert archived.status is VersionStatus.ARCHIVED
    (notification,) = await Notification.filter(user_id=creator.id)
    # The rolled-back attempt's notification was never announced.
    assert [message["notificationId"] for _, message in broker.published] == [str(notification.id)]
    assert await audits("version.archive") == 1


async def test_scenario_import(monkeypatch: pytest.MonkeyPatch) -> None:
    creator = await factories.user(UserRole.CREATOR)
    victim = deadlock_once(monkeypatch)

    imported = await documents.import_document(EXAMPLE, creator.id)

    assert victim.injected == 1
    assert imported.number == 1
    assert await Scenario.filter(author_id=creator.id).count() == 1
    assert await ScenarioVersion.filter(scenario__author_id=creator.id).count() == 1
    assert await audits("scenario_version.import") == 1


async def test_scenario_rate(monkeypatch: pytest.MonkeyPatch) -> None:
    learner = await factories.user()
    scenario = await factories.scenario()
    await factories.session(learner, await factories.version(scenario), SessionState.TERMINATED)
    victim = deadlock_once(monkeypatch)

    rating_id = await catalog.rate(learner.id, scenario.id, 4, "good")

    assert victim.injected == 1
    assert [r.id for r in await ScenarioRating.filter(scenario_id=scenario.id)] == [rating_id]
    rated = await Scenario.get(id=scenario.id)
    assert (rated.rating_count, rated.rating_average) == (1, 4.0)


async def test_persisted_query_registration(monkeypatch: pytest.MonkeyPatch) -> None:
    document = Document("query Viewer { viewer { id } }", source="viewer.graphql")
    victim = deadlock_once(monkeypatch)
    try:
        registration = await register_documents([document], schema._schema)
        assert victim.injected == 1
        assert registration.added == [document.sha256_hash]
        assert await PersistedQuery.filter(sha256_hash=document.sha256_hash).count() == 1
    finally:
        await PersistedQuery.all().delete()


def _transactions_opened(tree: ast.AST) -> set[str]:
    """The functions that call ``in_transaction`` themselves."""
    return {
        function.name
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Call)
        and (node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None))
        == "in_transaction"
    }


def test_services_open_transactions_only_through_retrying_transaction() -> None:
    """A plain ``in_transaction()`` would not be run again after a deadlock."""
    found = {
        (str(path.relative_to(SERVICES)), function)
        for path in sorted(SERVICES.rglob("*.py"))
        for function in _transactions_opened(ast.parse(path.read_text(encoding="utf-8")))
    }
    assert found <= SAVEPOINTS_ALLOWED


async def test_the_work_gets_the_connection_of_its_own_attempt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    victim = deadlock_once(monkeypatch)
    seen: list[BaseDBAsyncClient] = []

    async def work(connection: BaseDBAsyncClient) -> int:
        seen.append(connection)
        await connection.execute_query("SELECT 1")
        return len(seen)

    assert await retrying_transaction_on(work) == 2
    assert victim.injected == 1
    assert seen[0] is not seen[1]
