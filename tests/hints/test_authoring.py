"""Authoring hints in the service: rules with codes and paths, groups and positions,
editable versions only, copies with versionCreate(copyFrom:)."""

from __future__ import annotations

import pytest

from rangex_graphql.models import Hint, Question, ScenarioVersion, User
from rangex_graphql.models.enums import HintUnlockCondition, UserRole, VersionStatus
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.authoring.errors import AuthoringCode, RuleCode
from rangex_graphql.services.authoring.versions import copy_content
from rangex_graphql.services.errors import DomainError, DomainErrors
from rangex_graphql.services.hints.authoring import (
    HintChanges,
    add_hint,
    remove_hint,
    reorder_hints,
    update_hint,
)
from rangex_graphql.services.hints.rules import HintSpec
from tests import factories

pytestmark = pytest.mark.usefixtures("db")

GOOD = HintSpec(
    title="  Look closer  ",
    body="Try the *login* form.",
    unlock_condition=HintUnlockCondition.AFTER_MINUTES,
    unlock_threshold=10,
    penalty_points=5,
)


async def _draft(questions: int = 2) -> tuple[User, ScenarioVersion]:
    author = await factories.user(UserRole.CREATOR)
    scenario = await factories.scenario(author)
    return author, await factories.version(scenario, VersionStatus.DRAFT, questions=questions)


def _me(user: User) -> Actor:
    return Actor(id=user.id)


async def _positions(version: ScenarioVersion) -> list[tuple[str | None, int, str]]:
    rows = await Hint.filter(version_id=version.id).order_by("question_id", "position")
    return [
        (str(r.question_id) if r.question_id else None, r.position, r.title)  # type: ignore[attr-defined]
        for r in rows
    ]


async def test_add_trims_and_numbers_within_each_group() -> None:
    author, version = await _draft()
    first = (await Question.filter(version=version).order_by("position"))[0]
    a = await add_hint(_me(author), version.id, None, GOOD, SYSTEM)
    b = await add_hint(_me(author), version.id, first.id, GOOD, SYSTEM)
    c = await add_hint(_me(author), version.id, None, GOOD, SYSTEM)
    assert (a.position, b.position, c.position) == (0, 0, 1)
    assert a.title == "Look closer"


async def test_rules_report_every_problem_with_its_path() -> None:
    author, version = await _draft()
    bad = HintSpec(
        title="x" * 161,
        body="  ",
        unlock_condition=HintUnlockCondition.AFTER_WRONG_ATTEMPTS,
        unlock_threshold=101,
        penalty_points=-1,
    )
    with pytest.raises(DomainErrors) as caught:
        await add_hint(_me(author), version.id, None, bad, SYSTEM)
    found = {(e.field, e.code) for e in caught.value.errors}
    assert found == {
        ("title", RuleCode.INVALID),
        ("body", RuleCode.REQUIRED),
        ("unlockThreshold", RuleCode.INVALID),
        ("penaltyPoints", RuleCode.INVALID),
    }
    minutes = HintSpec("t", "b", HintUnlockCondition.AFTER_MINUTES, 481)
    with pytest.raises(DomainErrors) as caught:
        await add_hint(_me(author), version.id, None, minutes, SYSTEM)
    assert [e.field for e in caught.value.errors] == ["unlockThreshold"]
    assert await Hint.all().count() == 0


async def test_only_the_author_of_an_editable_version() -> None:
    author, version = await _draft()
    stranger = await factories.user(UserRole.CREATOR)
    with pytest.raises(DomainError) as caught:
        await add_hint(_me(stranger), version.id, None, GOOD, SYSTEM)
    assert caught.value.code is AuthoringCode.NOT_FOUND
    other = await factories.version(await factories.scenario(author), VersionStatus.DRAFT)
    foreign_question = await Question.filter(version=other).first()
    assert foreign_question is not None
    with pytest.raises(DomainError) as caught:
        await add_hint(_me(author), version.id, foreign_question.id, GOOD, SYSTEM)
    assert (caught.value.code, caught.value.field) == (AuthoringCode.NOT_FOUND, "questionId")
    hint = await add_hint(_me(author), version.id, None, GOOD, SYSTEM)
    await ScenarioVersion.filter(id=version.id).update(status=VersionStatus.PUBLISHED)
    with pytest.raises(DomainError) as caught:
        await update_hint(_me(author), hint.id, HintChanges(title="New"), SYSTEM)
    assert (caught.value.code, caught.value.field) == (AuthoringCode.VERSION_IMMUTABLE, "hintId")
    admin = Actor(id=(await factories.user(UserRole.ADMIN)).id, is_admin=True)
    await ScenarioVersion.filter(id=version.id).update(status=VersionStatus.REJECTED)
    changed = await update_hint(admin, hint.id, HintChanges(penalty_points=0), SYSTEM)
    assert changed.penalty_points == 0
    assert changed.title == "Look closer"


async def test_update_checks_the_result_as_a_whole() -> None:
    author, version = await _draft()
    hint = await add_hint(_me(author), version.id, None, GOOD, SYSTEM)
    # 30 minutes is fine; 30 wrong attempts too; 200 wrong attempts is not.
    changes = HintChanges(unlock_condition=HintUnlockCondition.AFTER_WRONG_ATTEMPTS)
    changed = await update_hint(_me(author), hint.id, changes, SYSTEM)
    assert changed.unlock_condition is HintUnlockCondition.AFTER_WRONG_ATTEMPTS
    with pytest.raises(DomainErrors):
        await update_hint(_me(author), hint.id, HintChanges(unlock_threshold=200), SYSTEM)


async def test_remove_and_reorder_keep_positions_contiguous() -> None:
    author, version = await _draft()
    made = [
        await add_hint(
            _me(author), version.id, None, HintSpec(f"T{i}", "b", GOOD.unlock_condition), SYSTEM
        )
        for i in range(3)
    ]
    await remove_hint(_me(author), made[0].id, SYSTEM)
    assert [p[1:] for p in await _positions(version)] == [(0, "T1"), (1, "T2")]
    await reorder_hints(_me(author), version.id, None, [made[2].id, made[1].id], SYSTEM)
    assert [p[1:] for p in await _positions(version)] == [(0, "T2"), (1, "T1")]
    with pytest.raises(DomainError) as caught:
        await reorder_hints(_me(author), version.id, None, [made[2].id], SYSTEM)
    assert (caught.value.code, caught.value.field) == (RuleCode.INVALID, "hintIds")


async def test_copy_follows_the_copied_questions() -> None:
    author, version = await _draft()
    first = (await Question.filter(version=version).order_by("position"))[0]
    await add_hint(_me(author), version.id, None, GOOD, SYSTEM)
    await add_hint(_me(author), version.id, first.id, GOOD, SYSTEM)
    copy = await factories.version(
        await version.scenario, VersionStatus.DRAFT, machines=0, questions=0
    )
    await copy_content(version.id, copy.id)
    copied = await Hint.filter(version_id=copy.id).values("question_id", "title", "penalty_points")
    assert len(copied) == 2
    question_ids = {
        str(q) for q in await Question.filter(version=copy).values_list("id", flat=True)
    }
    attached = [row for row in copied if row["question_id"] is not None]
    assert len(attached) == 1
    assert str(attached[0]["question_id"]) in question_ids
    assert await Hint.filter(version_id=version.id).count() == 2  # the source keeps its own
