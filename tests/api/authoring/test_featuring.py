"""versionFeature and the catalog's featured scenarios through GraphQL."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from rangex_graphql.api.context import Context, Viewer
from rangex_graphql.api.schema import schema
from rangex_graphql.models import AuditLog, Scenario, ScenarioVersion, User
from rangex_graphql.models.enums import UserRole, VersionStatus, Visibility
from rangex_graphql.services.api_tokens import ApiScope
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.authoring.conftest import Authoring, document, gid
from tests.api.graphql import data_of, run

CATALOG = """
query($filter: ScenarioFilter) {
  scenarios(first: 20, filter: $filter, orderBy: {field: TITLE, direction: ASC}) {
    totalCount
    nodes { title featured }
  }
}
"""


async def catalog(
    settings: Settings, featured: bool | None, as_user: User | None
) -> list[tuple[str, bool]]:
    """(title, featured) of the catalog the user sees, filtered on ``featured``."""
    variables = {"filter": None if featured is None else {"featured": featured}}
    found = (await data_of(settings, CATALOG, variables, as_user=as_user))["scenarios"]
    assert found["totalCount"] == len(found["nodes"])
    return [(node["title"], node["featured"]) for node in found["nodes"]]


async def titled(title: str, author: User, **fields: Any) -> Scenario:
    return await factories.scenario(author, title=title, **fields)


async def featured_version(of: Scenario, status: VersionStatus) -> ScenarioVersion:
    version = await factories.version(of, status, machines=0, questions=0)
    version.featured = True
    await version.save(update_fields=["featured"])
    return version


async def test_an_admin_features_the_published_version(
    authoring: Authoring, creator: User, admin: User
) -> None:
    version = await factories.version(await factories.scenario(creator))
    version_id = gid("ScenarioVersion", version.id)
    featured = await authoring.ok("versionFeature", admin, versionId=version_id, featured=True)
    assert featured["version"] == {"id": version_id, "status": "PUBLISHED", "featured": True}
    log = await AuditLog.get(action="version.feature", target_id=str(version.id), actor_id=admin.id)
    assert (log.data["before"], log.data["after"]) == (False, True)
    # Idempotent: the same value again succeeds and changes nothing.
    again = await authoring.ok("versionFeature", admin, versionId=version_id, featured=True)
    assert again["version"]["featured"] is True
    assert await AuditLog.filter(action="version.feature").count() == 1
    unfeatured = await authoring.ok("versionFeature", admin, versionId=version_id, featured=False)
    assert unfeatured["version"]["featured"] is False
    assert await AuditLog.filter(action="version.feature").count() == 2


async def test_each_refusal_has_its_code_and_path(
    authoring: Authoring, settings: Settings, creator: User, admin: User
) -> None:
    scenario = await factories.scenario(creator)
    archived = await factories.version(scenario, VersionStatus.ARCHIVED)
    published = await factories.version(scenario)
    archived_id = gid("ScenarioVersion", archived.id)
    published_id = gid("ScenarioVersion", published.id)

    assert await authoring.refused(
        "versionFeature", admin, versionId=archived_id, featured=True
    ) == [("VERSION_IMMUTABLE", "versionId")]
    unknown = gid("ScenarioVersion", uuid4())
    assert await authoring.refused("versionFeature", admin, versionId=unknown, featured=True) == [
        ("NOT_FOUND", "versionId")
    ]
    # Not even the scenario's author: featuring is an admin's curation.
    for user in (creator, await factories.user()):
        assert (
            await authoring.top_level("versionFeature", user, versionId=published_id, featured=True)
            == "FORBIDDEN"
        )
    assert (
        await authoring.top_level("versionFeature", None, versionId=published_id, featured=True)
        == "UNAUTHENTICATED"
    )
    scenario_id = gid("Scenario", scenario.id)
    assert (
        await authoring.top_level("versionFeature", admin, versionId=scenario_id, featured=True)
        == "BAD_USER_INPUT"
    )
    for version in (archived, published):
        await version.refresh_from_db()
        assert version.featured is False
    assert not await AuditLog.filter(action="version.feature").exists()


async def test_an_api_token_features_only_with_the_admin_scope(
    settings: Settings, admin: User
) -> None:
    version = await factories.version(await factories.scenario())
    variables = {"input": {"versionId": gid("ScenarioVersion", version.id), "featured": True}}
    answers = []
    for scopes in ({ApiScope.AUTHORING}, {ApiScope.ADMIN}):
        viewer = Viewer(id=admin.id, role=UserRole.ADMIN, scopes=frozenset(scopes))
        result = await schema.execute(
            document("versionFeature"),
            variable_values=variables,
            context_value=Context(settings=settings, viewer=viewer),
        )
        answers.append(result.errors[0].extensions if result.errors else result.data)
    assert answers[0] == {"code": "FORBIDDEN"}
    assert answers[1] == {
        "versionFeature": {
            "version": {
                "id": variables["input"]["versionId"],
                "status": "PUBLISHED",
                "featured": True,
            },
            "errors": [],
        }
    }


async def test_the_catalog_filters_on_the_published_versions_flag(
    settings: Settings, creator: User, admin: User
) -> None:
    featured = await titled("A featured", creator)
    await featured_version(featured, VersionStatus.PUBLISHED)
    plain = await titled("B plain", creator)
    await factories.version(plain)
    # A featured version that was archived, under an unfeatured published one.
    superseded = await titled("C superseded", creator)
    await featured_version(superseded, VersionStatus.ARCHIVED)
    await factories.version(superseded)
    # A featured draft of a new version does not feature the published one.
    drafting = await titled("D drafting", creator)
    await factories.version(drafting)
    await featured_version(drafting, VersionStatus.DRAFT)
    # No published version at all: out of the learners' catalog; never featured.
    withdrawn = await titled("E withdrawn", creator)
    await featured_version(withdrawn, VersionStatus.ARCHIVED)
    # Featured and published, but private: the filter keeps the catalog's visibility.
    private = await titled("F private", creator, visibility=Visibility.PRIVATE)
    await featured_version(private, VersionStatus.PUBLISHED)

    learner = await factories.user()
    for user in (None, learner):
        assert await catalog(settings, True, user) == [("A featured", True)]
        assert await catalog(settings, False, user) == [
            ("B plain", False),
            ("C superseded", False),
            ("D drafting", False),
        ]
    assert await catalog(settings, True, admin) == [("A featured", True), ("F private", True)]
    assert await catalog(settings, False, admin) == [
        ("B plain", False),
        ("C superseded", False),
        ("D drafting", False),
        ("E withdrawn", False),
    ]
    assert len(await catalog(settings, None, admin)) == 6


async def test_unpublishing_takes_the_scenario_out_of_the_featured_list(
    authoring: Authoring, settings: Settings, creator: User, admin: User
) -> None:
    scenario = await titled("Featured then unpublished", creator)
    version = await factories.version(scenario)
    version_id = gid("ScenarioVersion", version.id)
    await authoring.ok("versionFeature", admin, versionId=version_id, featured=True)
    assert await catalog(settings, True, admin) == [("Featured then unpublished", True)]
    await authoring.ok("versionUnpublish", admin, versionId=version_id)
    assert await catalog(settings, True, admin) == []
    assert await catalog(settings, False, admin) == [("Featured then unpublished", False)]
    # The archived version keeps its flag, and is refused any change of it.
    await version.refresh_from_db()
    assert version.featured is True
    data, errors = await run(
        settings,
        document("versionFeature"),
        {"input": {"versionId": version_id, "featured": False}},
        as_user=admin,
    )
    assert not errors
    assert data is not None
    assert [e["code"] for e in data["versionFeature"]["errors"]] == ["VERSION_IMMUTABLE"]
