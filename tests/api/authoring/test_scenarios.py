"""scenarioCreate/Update/Delete: stable unique slugs, normalized tags, soft delete."""

from __future__ import annotations

from rangex_graphql.api.ids import from_global_id, to_global_id
from rangex_graphql.models import AuditLog, Scenario, User
from rangex_graphql.models.enums import VersionStatus
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.authoring.conftest import SCENARIO, Authoring
from tests.api.graphql import data_of


async def test_slugs_are_made_once_from_the_title_and_made_unique(
    authoring: Authoring, creator: User
) -> None:
    first = (await authoring.ok("scenarioCreate", creator, **SCENARIO))["scenario"]
    second = (await authoring.ok("scenarioCreate", creator, **SCENARIO))["scenario"]
    third = (await authoring.ok("scenarioCreate", creator, **SCENARIO))["scenario"]
    assert [first["slug"], second["slug"], third["slug"]] == [
        "sql-injection-101",
        "sql-injection-101-2",
        "sql-injection-101-3",
    ]
    assert first["tags"] == ["sqli", "web"]  # trimmed, lower-cased, once each

    renamed = await authoring.ok(
        "scenarioUpdate", creator, scenarioId=first["id"], title="Blind SQL injection"
    )
    assert renamed["scenario"]["title"] == "Blind SQL injection"
    assert renamed["scenario"]["slug"] == "sql-injection-101"
    # A deleted scenario keeps its slug reserved.
    await authoring.ok("scenarioDelete", creator, scenarioId=second["id"])
    fourth = (await authoring.ok("scenarioCreate", creator, **SCENARIO))["scenario"]
    assert fourth["slug"] == "sql-injection-101-4"


async def test_create_and_update_report_each_bad_field(authoring: Authoring, creator: User) -> None:
    errors = await authoring.refused(
        "scenarioCreate",
        creator,
        title="SQL",
        description="short",
        difficulty="BEGINNER",
        category=" ",
        tags=["ok", "not ok"],
    )
    assert errors == [
        ("INVALID", "title"),
        ("INVALID", "description"),
        ("REQUIRED", "category"),
        ("INVALID", "tags.1"),
    ]
    assert not await Scenario.exists()

    scenario = (await authoring.ok("scenarioCreate", creator, **SCENARIO))["scenario"]
    errors = await authoring.refused(
        "scenarioUpdate",
        creator,
        scenarioId=scenario["id"],
        description="A long enough new description.",
        tags=[f"t{n}" for n in range(11)],
    )
    assert errors == [("TOO_MANY", "tags")]
    unchanged = await Scenario.get(slug="sql-injection-101")
    assert unchanged.description == SCENARIO["description"]


async def test_update_changes_only_what_is_given(authoring: Authoring, creator: User) -> None:
    scenario = (await authoring.ok("scenarioCreate", creator, **SCENARIO))["scenario"]
    updated = await authoring.ok(
        "scenarioUpdate",
        creator,
        scenarioId=scenario["id"],
        description="  A new description, long enough.  ",
        tags=["XSS", " csrf "],
    )
    assert updated["scenario"]["description"] == "A new description, long enough."
    assert updated["scenario"]["tags"] == ["csrf", "xss"]
    assert updated["scenario"]["title"] == SCENARIO["title"]
    entry = await AuditLog.get(action="scenario.update")
    assert entry.data["fields"] == ["description", "tags"]


async def test_a_deleted_scenario_leaves_the_catalog_and_authoring(
    authoring: Authoring, settings: Settings, creator: User, admin: User
) -> None:
    scenario = await factories.scenario(creator, title="Gone soon")
    await factories.version(scenario, VersionStatus.PUBLISHED)
    learner = await factories.user()
    query = "{ scenarios(first: 10) { totalCount } }"
    assert (await data_of(settings, query, as_user=learner))["scenarios"]["totalCount"] == 1

    scenario_id = to_global_id("Scenario", scenario.id)
    stranger = await factories.user(creator.role)
    assert await authoring.refused("scenarioDelete", stranger, scenarioId=scenario_id) == [
        ("NOT_FOUND", "scenarioId")
    ]
    deleted = await authoring.ok("scenarioDelete", creator, scenarioId=scenario_id)
    assert deleted["scenario"]["slug"] == scenario.slug
    assert (await Scenario.get(id=scenario.id)).deleted_at is not None
    assert (await data_of(settings, query, as_user=learner))["scenarios"]["totalCount"] == 0
    for who in (creator, admin):
        assert await authoring.refused("scenarioDelete", who, scenarioId=scenario_id) == [
            ("NOT_FOUND", "scenarioId")
        ]
        assert await authoring.refused("versionCreate", who, scenarioId=scenario_id) == [
            ("NOT_FOUND", "scenarioId")
        ]
    _, pk = from_global_id(scenario_id)
    assert await AuditLog.filter(action="scenario.delete", target_id=str(pk)).count() == 1
