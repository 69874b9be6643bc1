"""``node`` / ``nodes``: global IDs, and the same visibility as each type's own fields."""

from __future__ import annotations

import base64
from uuid import UUID

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import Machine, Question, SessionMachine, TeamMember, User
from rangex_graphql.models.enums import EventStatus, UserRole, VersionStatus, Visibility
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run
from tests.conftest import StatementCounter

NODE = """query($id: ID!) { node(id: $id) { __typename id } }"""


async def test_every_type_resolves_through_node_for_an_admin(db: None, settings: Settings) -> None:
    admin = await factories.user(UserRole.ADMIN)
    scenario = await factories.scenario()
    version = await factories.version(scenario, machines=1, questions=1)
    session = await factories.session(admin, version, machines=1)
    team = await factories.team(members=1)
    event = await factories.event()
    entry = await factories.event_entry(event, version)
    reg = await factories.registration(event, team_=team)
    machine = await Machine.get(version=version)
    question = await Question.get(version=version)
    session_machine = await SessionMachine.get(session=session)
    member = await TeamMember.get(team=team)
    objects = {
        "User": admin,
        "Scenario": scenario,
        "ScenarioVersion": version,
        "Machine": machine,
        "Question": question,
        "EnvironmentSession": session,
        "SessionMachine": session_machine,
        "Team": team,
        "TeamMember": member,
        "Event": event,
        "EventScenario": entry,
        "EventRegistration": reg,
    }
    ids = [to_global_id(name, obj.id) for name, obj in objects.items()]
    data = await data_of(
        settings,
        "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }",
        {"ids": ids},
        as_user=admin,
    )
    assert [n["__typename"] for n in data["nodes"]] == list(objects)
    assert [n["id"] for n in data["nodes"]] == ids


async def test_node_hides_what_the_viewer_may_not_see(db: None, settings: Settings) -> None:
    author = await factories.user(UserRole.CREATOR)
    scenario = await factories.scenario(author)
    draft = await factories.version(scenario, VersionStatus.DRAFT, machines=1)
    owner = await factories.user()
    other = await factories.user()
    published = await factories.version(scenario)
    session = await factories.session(owner, published)
    hidden_event = await factories.event(EventStatus.DRAFT, created_by=author)
    draft_machine = await Machine.get(version=draft)

    async def node_for(name: str, pk: UUID, user: User) -> object:
        data = await data_of(settings, NODE, {"id": to_global_id(name, pk)}, as_user=user)
        return data["node"]

    assert await node_for("ScenarioVersion", draft.id, other) is None
    assert await node_for("Machine", draft_machine.id, other) is None
    assert await node_for("ScenarioVersion", draft.id, author) is not None
    assert await node_for("EnvironmentSession", session.id, other) is None
    assert await node_for("EnvironmentSession", session.id, owner) is not None
    assert await node_for("Event", hidden_event.id, other) is None
    assert await node_for("Event", hidden_event.id, author) is not None


async def test_private_user_fields_are_for_self_and_admins(db: None, settings: Settings) -> None:
    person = await factories.user(email="person@example.test")
    other = await factories.user()
    admin = await factories.user(UserRole.ADMIN)
    query = "query($id: ID!) { node(id: $id) { ... on User { username email } } }"
    variables = {"id": to_global_id("User", person.id)}
    for viewer in (person, admin):
        seen = await data_of(settings, query, variables, as_user=viewer)
        assert seen["node"]["email"] == "person@example.test"
    data, errors = await run(settings, query, variables, as_user=other)
    assert data == {"node": {"username": person.username, "email": None}}
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    assert errors[0]["path"] == ["node", "email"]
    data, errors = await run(settings, query, variables)
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_users_list_is_admin_only(db: None, settings: Settings) -> None:
    learner = await factories.user()
    query = "{ users(first: 5) { totalCount } }"
    data, errors = await run(settings, query, as_user=learner)
    assert data == {"users": None}
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    admin = await factories.user(UserRole.ADMIN)
    assert (await data_of(settings, query, as_user=admin))["users"]["totalCount"] == 2


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("global_id", "message"),
    [
        ("%%%", "is not a valid ID"),
        (_b64("Scenario:not-a-uuid"), "is not a valid ID"),
        (_b64("Wizard:6f1c3b7e-3f57-4a40-9a34-2f0a3c54a8d1"), "names no known type"),
        (_b64("6f1c3b7e-3f57-4a40-9a34-2f0a3c54a8d1"), "is not a valid ID"),
    ],
)
async def test_malformed_or_foreign_ids_are_user_errors(
    db: None, settings: Settings, global_id: str, message: str
) -> None:
    data, errors = await run(settings, NODE, {"id": global_id})
    assert data == {"node": None}
    assert message in errors[0]["message"]
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_unknown_but_well_formed_id_is_null(db: None, settings: Settings) -> None:
    data = await data_of(
        settings, NODE, {"id": to_global_id("Scenario", "6f1c3b7e-3f57-4a40-9a34-2f0a3c54a8d1")}
    )
    assert data == {"node": None}


async def test_nodes_refuses_more_than_100_ids(db: None, settings: Settings) -> None:
    ids = [to_global_id("User", "6f1c3b7e-3f57-4a40-9a34-2f0a3c54a8d1")] * 101
    _data, errors = await run(
        settings, "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": ids}
    )
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_expected_answers_are_not_in_the_schema(settings: Settings) -> None:
    data, _ = await run(settings, '{ __type(name: "Question") { fields { name } } }')
    names = {f["name"] for f in data["__type"]["fields"]}  # type: ignore[index]
    assert "prompt" in names
    assert not {"expected", "expectedAnswer", "answer", "answerKey"} & names


NODES = """query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"""
MISSING = "6f1c3b7e-3f57-4a40-9a34-2f0a3c54a8d1"


async def _nodes_statements(
    settings: Settings, sql_counter: StatementCounter, ids: list[str], viewer: User
) -> tuple[list[object], int]:
    sql_counter.reset()
    data = await data_of(settings, NODES, {"ids": ids}, as_user=viewer)
    return data["nodes"], sql_counter.count


async def test_nodes_reads_each_type_in_one_statement_whatever_the_number_of_ids(
    db: None, settings: Settings, sql_counter: StatementCounter
) -> None:
    learner = await factories.user()
    public = [await factories.scenario() for _ in range(4)]
    for scenario in public:
        await factories.version(scenario)
    hidden = await factories.scenario(visibility=Visibility.PRIVATE)
    users = [await factories.user() for _ in range(2)]

    def scenario_id(pk: UUID | str) -> str:
        return to_global_id("Scenario", pk)

    def user_id(pk: UUID | str) -> str:
        return to_global_id("User", pk)

    few = [scenario_id(public[0].id), user_id(users[0].id)]
    many = [
        user_id(users[1].id),
        scenario_id(public[1].id),
        scenario_id(hidden.id),
        user_id(MISSING),
        scenario_id(public[2].id),
        scenario_id(MISSING),
        user_id(users[0].id),
        scenario_id(public[3].id),
    ]
    _, few_statements = await _nodes_statements(settings, sql_counter, few, learner)
    found, many_statements = await _nodes_statements(settings, sql_counter, many, learner)

    # Scenarios, the published versions that make them visible, users: one statement each.
    assert few_statements == 3, sql_counter.statements
    assert many_statements == few_statements, sql_counter.statements
    # In the order asked, null where absent or hidden.
    expected = [None if i in (2, 3, 5) else {"id": gid} for i, gid in enumerate(many)]
    assert [node and {"id": node["id"]} for node in found] == expected  # type: ignore[index]
