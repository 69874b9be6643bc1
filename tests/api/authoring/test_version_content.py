"""A version's content through GraphQL: versionUpdate, reading it, the solution's secrecy,
the copy, the document."""

from __future__ import annotations

from typing import Any

from rangex_graphql.models import ScenarioVersion, User
from rangex_graphql.models.enums import UserRole, VersionStatus
from tests import factories
from tests.api.authoring.conftest import CONTENT, Authoring, gid, ready_version
from tests.api.graphql import data_of, run
from tests.conftest import StatementCounter

CONTENT_FIELDS = """shortDescription estimatedMinutes scenarioType mission learningOutcomes
  codeOfEthics featured scoringMode hintMode validationMode"""
READ = (
    f"""query($id: ID!) {{ node(id: $id) {{ ... on ScenarioVersion {{ {CONTENT_FIELDS} }} }} }}"""
)
SOLUTION = """query($id: ID!) { node(id: $id) { ... on ScenarioVersion { mission solution } } }"""
EVERYTHING = {
    "shortDescription": "Bypass a login form.",
    "estimatedMinutes": 45,
    "scenarioType": "OPEN_LAB",
    "mission": "  Log in as **admin**.\n",
    "learningOutcomes": [" Spot an injection ", "Use a tautology"],
    "codeOfEthics": "Attack only your session's machines.",
    "scoringMode": "PER_QUESTION",
    "hintMode": "ENABLED",
    "validationMode": "INSTANT",
}
DEFAULTS = {
    "shortDescription": "",
    "estimatedMinutes": 60,
    "scenarioType": "CHALLENGE",
    "mission": "",
    "learningOutcomes": [],
    "codeOfEthics": "",
    "featured": False,
    "scoringMode": "ALL_OR_NOTHING",
    "hintMode": "DISABLED",
    "validationMode": "INSTANT",
}


async def read(authoring: Authoring, version_id: str, viewer: User) -> dict[str, Any]:
    data = await data_of(authoring.settings, READ, {"id": version_id}, as_user=viewer)
    node: dict[str, Any] = data["node"]
    return node


async def new_version(authoring: Authoring, author: User) -> str:
    scenario = (
        await authoring.ok(
            "scenarioCreate",
            author,
            title="Content lab",
            description="A scenario to write content into.",
            difficulty="BEGINNER",
            category="web",
        )
    )["scenario"]
    version = await authoring.ok("versionCreate", author, scenarioId=scenario["id"])
    return str(version["version"]["id"])


async def test_version_update_sets_each_content_field_and_leaves_the_others(
    authoring: Authoring, creator: User
) -> None:
    version_id = await new_version(authoring, creator)
    assert await read(authoring, version_id, creator) == DEFAULTS

    await authoring.ok("versionUpdate", creator, versionId=version_id, **EVERYTHING)
    expected = {
        **DEFAULTS,
        **EVERYTHING,
        "mission": "Log in as **admin**.",  # trimmed, as every text
        "learningOutcomes": ["Spot an injection", "Use a tautology"],
    }
    assert await read(authoring, version_id, creator) == expected

    # Partial: only what is given changes.
    await authoring.ok("versionUpdate", creator, versionId=version_id, estimatedMinutes=5)
    assert await read(authoring, version_id, creator) == {**expected, "estimatedMinutes": 5}


async def test_bad_content_is_refused_with_its_field_and_nothing_changes(
    authoring: Authoring, creator: User
) -> None:
    version_id = await new_version(authoring, creator)
    cases: list[tuple[dict[str, Any], list[tuple[str, str]]]] = [
        ({"shortDescription": "x" * 401}, [("INVALID", "shortDescription")]),
        ({"estimatedMinutes": 4}, [("INVALID", "estimatedMinutes")]),
        ({"estimatedMinutes": 481}, [("INVALID", "estimatedMinutes")]),
        ({"mission": "m" * 20_001}, [("INVALID", "mission")]),
        ({"solution": "s" * 50_001}, [("INVALID", "solution")]),
        ({"codeOfEthics": "c" * 10_001}, [("INVALID", "codeOfEthics")]),
        ({"learningOutcomes": ["a"] * 11}, [("TOO_MANY", "learningOutcomes")]),
        ({"learningOutcomes": ["a", " "]}, [("INVALID", "learningOutcomes.1")]),
        ({"featured": True}, [("ADMIN_ONLY", "featured")]),
        ({"featured": True, "mission": "ok"}, [("ADMIN_ONLY", "featured")]),
    ]
    for input, errors in cases:
        refused = await authoring.refused("versionUpdate", creator, versionId=version_id, **input)
        assert refused == errors, input
    assert await read(authoring, version_id, creator) == DEFAULTS
    # An unknown scenario type is no value of the enum: refused before anything runs.
    data, top = await run(
        authoring.settings,
        'mutation { versionUpdate(input: {versionId: "x", scenarioType: CTF}) { version { id } } }',
        {},
        as_user=creator,
    )
    assert data is None
    assert top


async def test_only_an_admin_features_a_version(
    authoring: Authoring, creator: User, admin: User
) -> None:
    version_id = await new_version(authoring, creator)
    await authoring.ok("versionUpdate", admin, versionId=version_id, featured=True)
    assert (await read(authoring, version_id, creator))["featured"] is True
    assert await authoring.refused(
        "versionUpdate", creator, versionId=version_id, featured=False
    ) == [("ADMIN_ONLY", "featured")]


async def test_submit_needs_the_mission_and_the_solution(
    authoring: Authoring, creator: User
) -> None:
    _, version_id = await ready_version(authoring, creator)
    await authoring.ok("versionUpdate", creator, versionId=version_id, mission=" ", solution="")
    assert await authoring.refused("versionSubmit", creator, versionId=version_id) == [
        ("REQUIRED", "mission"),
        ("REQUIRED", "solution"),
    ]
    await authoring.ok("versionUpdate", creator, versionId=version_id, mission="Go.")
    assert await authoring.refused("versionSubmit", creator, versionId=version_id) == [
        ("REQUIRED", "solution")
    ]
    await authoring.ok("versionUpdate", creator, versionId=version_id, solution="So.")
    await authoring.ok("versionSubmit", creator, versionId=version_id)


async def published(authoring: Authoring, creator: User, admin: User) -> tuple[str, str]:
    scenario_id, version_id = await ready_version(authoring, creator)
    await authoring.ok("versionSubmit", creator, versionId=version_id)
    await authoring.ok("versionReview", admin, versionId=version_id, decision="APPROVE")
    await authoring.ok("versionPublish", creator, versionId=version_id)
    return scenario_id, version_id


async def test_the_solution_is_for_the_author_and_admins_only(
    authoring: Authoring, creator: User, admin: User
) -> None:
    reviewer = await factories.user(UserRole.ADMIN)
    scenario_id, version_id = await published(authoring, creator, reviewer)
    settings = authoring.settings
    for reader in (creator, admin):
        data = await data_of(settings, SOLUTION, {"id": version_id}, as_user=reader)
        assert data["node"] == CONTENT

    learner = await factories.user()
    other_creator = await factories.user(UserRole.CREATOR)
    by_slug = """query($id: ID!) { node(id: $id) { ... on Scenario {
      publishedVersion { mission solution } versions { solution } } } }"""
    for anyone in (learner, other_creator, None):
        # The mission is for learners.
        data = await data_of(
            settings,
            """query($id: ID!) { node(id: $id) { ... on ScenarioVersion { mission } } }""",
            {"id": version_id},
            as_user=anyone,
        )
        assert data["node"]["mission"] == CONTENT["mission"]
        # The solution is refused whichever way it is asked for.
        for document, variables in (
            (SOLUTION, {"id": version_id}),
            (by_slug, {"id": scenario_id}),
            (
                "query($ids: [ID!]!) { nodes(ids: $ids) { ... on ScenarioVersion { solution } } }",
                {"ids": [version_id]},
            ),
        ):
            answer, errors = await run(settings, document, variables, as_user=anyone)
            assert errors, (document, answer)
            assert {e["extensions"]["code"] for e in errors} == {"FORBIDDEN"}
            assert CONTENT["solution"] not in str(answer)

    # Nor in the document: learners get none, authors only with the answers.
    export = "query($id: ID!, $a: Boolean!) { scenarioExport(versionId: $id, includeAnswers: $a) }"
    for answers in (False, True):
        data = await data_of(settings, export, {"id": version_id, "a": answers}, as_user=learner)
        assert data["scenarioExport"] is None
    public = await data_of(settings, export, {"id": version_id, "a": False}, as_user=creator)
    assert "solution" not in public["scenarioExport"]
    assert "mission: Log in as **admin**" in public["scenarioExport"]
    secret = await data_of(settings, export, {"id": version_id, "a": True}, as_user=creator)
    assert "solution: Enter `' OR 1=1 --` as the user name." in secret["scenarioExport"]


async def test_a_copy_takes_the_content_along(
    authoring: Authoring, creator: User, admin: User
) -> None:
    scenario_id, v1 = await ready_version(authoring, creator)
    await authoring.ok("versionUpdate", creator, versionId=v1, **EVERYTHING)
    await authoring.ok("versionUpdate", admin, versionId=v1, featured=True)
    v2 = (await authoring.ok("versionCreate", creator, scenarioId=scenario_id, copyFrom=v1))[
        "version"
    ]["id"]
    original = await read(authoring, v1, creator)
    copy = await read(authoring, v2, creator)
    assert copy == {**original, "featured": False}  # featuring a copy is an admin's choice
    solution = await data_of(authoring.settings, SOLUTION, {"id": v2}, as_user=creator)
    assert solution["node"]["solution"] == CONTENT["solution"]
    v3 = (await authoring.ok("versionCreate", admin, scenarioId=scenario_id, copyFrom=v1))[
        "version"
    ]["id"]
    assert await read(authoring, v3, creator) == original


async def test_reading_the_content_of_many_versions_takes_the_same_statements(
    authoring: Authoring, creator: User, sql_counter: StatementCounter
) -> None:
    scenario = await factories.scenario(creator)
    document = f"""query($id: ID!) {{ node(id: $id) {{ ... on Scenario {{
      versions {{ {CONTENT_FIELDS} solution }} }} }} }}"""
    variables = {"id": gid("Scenario", scenario.id)}
    counts = []
    for versions in (1, 4):
        while await ScenarioVersion.filter(scenario_id=scenario.id).count() < versions:
            made = await factories.version(scenario, VersionStatus.DRAFT, machines=0, questions=0)
            await ScenarioVersion.filter(id=made.id).update(mission="M", solution="S")
        sql_counter.reset()
        data = await data_of(authoring.settings, document, variables, as_user=creator)
        assert [v["solution"] for v in data["node"]["versions"]] == ["S"] * versions
        assert [v["mission"] for v in data["node"]["versions"]] == ["M"] * versions
        counts.append(sql_counter.count)
    # The scenario; its versions; their texts; the solutions.
    assert counts == [4, 4], sql_counter.statements
