"""Featuring a version in the catalog, in the service: who, on which versions, audited."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pytest

from rangex_graphql.models import AuditLog, ScenarioVersion, User
from rangex_graphql.models.enums import UserRole, VersionStatus
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.authoring.featuring import feature
from rangex_graphql.services.errors import DomainError
from tests import factories

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
async def admin() -> User:
    return await factories.user(UserRole.ADMIN)


def as_admin(user: User) -> Actor:
    return Actor(user.id, is_admin=True)


async def feature_rows(version: ScenarioVersion) -> list[dict[str, object]]:
    rows = AuditLog.filter(action="version.feature", target_id=str(version.id))
    return [row.data for row in await rows.order_by("created_at")]


@pytest.mark.parametrize(
    "status",
    [s for s in VersionStatus if s is not VersionStatus.ARCHIVED],
)
async def test_an_admin_features_a_version_in_any_status_but_archived(
    admin: User, status: VersionStatus
) -> None:
    version = await factories.version(await factories.scenario(), status)
    featured = await feature(as_admin(admin), version.id, True, SYSTEM)
    assert featured.featured is True
    await version.refresh_from_db()
    assert version.featured is True
    assert version.status is status  # curation, not a transition
    rows = await feature_rows(version)
    assert len(rows) == 1
    assert rows[0]["before"] is False
    assert rows[0]["after"] is True
    assert rows[0]["status"] == status.value
    log = await AuditLog.get(action="version.feature", target_id=str(version.id), actor_id=admin.id)
    assert log.target_type == "ScenarioVersion"


async def test_featuring_is_idempotent_and_undone_with_false(admin: User) -> None:
    version = await factories.version(await factories.scenario())
    await feature(as_admin(admin), version.id, True, SYSTEM)
    again = await feature(as_admin(admin), version.id, True, SYSTEM)
    assert again.featured is True
    assert len(await feature_rows(version)) == 1  # nothing changed, nothing audited
    await feature(as_admin(admin), version.id, False, SYSTEM)
    await version.refresh_from_db()
    assert version.featured is False
    rows = await feature_rows(version)
    assert [(r["before"], r["after"]) for r in rows] == [(False, True), (True, False)]
    await feature(as_admin(admin), version.id, False, SYSTEM)
    assert len(await feature_rows(version)) == 2


async def test_an_archived_version_is_refused(admin: User) -> None:
    version = await factories.version(await factories.scenario(), VersionStatus.ARCHIVED)
    with pytest.raises(DomainError) as caught:
        await feature(as_admin(admin), version.id, True, SYSTEM)
    assert (caught.value.code, caught.value.field) == ("VERSION_IMMUTABLE", "versionId")
    await version.refresh_from_db()
    assert version.featured is False
    assert await feature_rows(version) == []


async def test_an_unknown_version_or_a_deleted_scenario_is_not_found(admin: User) -> None:
    with pytest.raises(DomainError) as caught:
        await feature(as_admin(admin), uuid4(), True, SYSTEM)
    assert (caught.value.code, caught.value.field) == ("NOT_FOUND", "versionId")
    scenario = await factories.scenario()
    version = await factories.version(scenario)
    scenario.deleted_at = datetime.now(UTC)
    await scenario.save(update_fields=["deleted_at"])
    with pytest.raises(DomainError) as caught:
        await feature(as_admin(admin), version.id, True, SYSTEM)
    assert (caught.value.code, caught.value.field) == ("NOT_FOUND", "versionId")


@pytest.mark.parametrize("role", [UserRole.USER, UserRole.CREATOR])
async def test_only_admins_feature_even_their_own_version(role: UserRole) -> None:
    """The API refuses non-admins first (FORBIDDEN); the service holds on its own too."""
    author = await factories.user(role)
    version = await factories.version(await factories.scenario(author))
    with pytest.raises(PermissionError):
        await feature(Actor(author.id, is_admin=False), version.id, True, SYSTEM)
    await version.refresh_from_db()
    assert version.featured is False
