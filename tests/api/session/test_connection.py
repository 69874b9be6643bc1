"""Connection info: the owner sees it with the password, admins without, others nothing."""

from __future__ import annotations

import json

import pytest

from rangex_graphql.api.context import Context, Viewer
from rangex_graphql.api.ids import to_global_id
from rangex_graphql.api.schema import schema
from rangex_graphql.models import EnvironmentSession, Machine, SessionMachine, User
from rangex_graphql.models.enums import ResourceProfile, SessionState, UserRole
from rangex_graphql.runtime import Runtime
from rangex_graphql.security.secret_box import open_sealed, seal
from rangex_graphql.services.api_tokens import ApiScope
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.sessions.start import StartRequest, start
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of, run
from tests.conftest import StatementCounter
from tests.support.sessions import settle

pytestmark = pytest.mark.usefixtures("db")
EXPECTED_STATEMENTS = 6

CONNECTION = """
  machines { machine { name } connection {
    address username password ports { containerPort protocol host hostPort }
    entrypoints { protocol containerPort host port published description }
    sshLogin { username password } } }
"""
SESSION = f"query($id: ID!) {{ session(id: $id) {{ state {CONNECTION} }} }}"
NODE = f"query($id: ID!) {{ node(id: $id) {{ ... on EnvironmentSession {{ {CONNECTION} }} }} }}"
VIEWER = f"""
query {{ viewer {{ sessions(first: 50) {{ edges {{ node {{
  state timeLeftSeconds costRm extensionsLeft {CONNECTION} }} }} }} }} }}
"""
ADMIN_LIST = f"query {{ sessions(first: 50) {{ edges {{ node {{ {CONNECTION} }} }} }} }}"


async def running_session(settings: Settings, runtime: Runtime, owner: User) -> str:
    version = await factories.version(await factories.scenario(), machines=2, questions=0)
    session = await start(
        runtime, Actor(owner.id), StartRequest(version.id, ResourceProfile.SMALL, 60), SYSTEM
    )
    await settle(runtime)
    return str(session.id)


async def password_of(session_id: str, settings: Settings) -> str:
    sealed = await SessionMachine.get(session_id=session_id, username="learner")
    assert sealed.password_sealed
    return open_sealed(settings, sealed.password_sealed)


async def test_the_owner_sees_address_ports_and_password(
    settings: Settings, runtime: Runtime
) -> None:
    owner = await factories.user()
    session_id = await running_session(settings, runtime, owner)
    password = await password_of(session_id, settings)
    data = await data_of(
        settings, SESSION, {"id": to_global_id("EnvironmentSession", session_id)}, as_user=owner
    )
    by_name = {m["machine"]["name"]: m for m in data["session"]["machines"]}
    entry, target = by_name["m0"], by_name["m1"]  # m0 is the entry (attacker) machine
    assert entry["connection"]["username"] == "learner"
    assert entry["connection"]["password"] == password
    assert [p["containerPort"] for p in entry["connection"]["ports"]] == [22, 80]
    assert all(p["host"] == "127.0.0.1" and p["hostPort"] > 0 for p in entry["connection"]["ports"])
    assert entry["connection"]["address"].startswith("172.")
    assert target["connection"]["ports"] == []
    assert target["connection"]["password"] is None
    assert target["connection"]["address"]


async def test_the_owner_sees_the_exposed_entrypoints_where_to_connect(
    settings: Settings, runtime: Runtime
) -> None:
    owner = await factories.user()
    version = await factories.version(await factories.scenario(), machines=2, questions=0)
    await Machine.filter(version_id=version.id, name="m0").update(
        entrypoints=[
            {"protocol": "SSH", "port": 22, "exposed": True, "description": "your shell"},
            {"protocol": "HTTPS", "port": 6901, "exposed": True, "description": "desktop"},
            {"protocol": "TCP", "port": 9090, "exposed": False, "description": "agent"},
        ]
    )
    await Machine.filter(version_id=version.id, name="m1").update(
        entrypoints=[
            {"protocol": "HTTP", "port": 80, "exposed": True, "description": "the shop"},
            {"protocol": "UDP", "port": 443, "exposed": False, "description": ""},
        ]
    )
    session = await start(
        runtime, Actor(owner.id), StartRequest(version.id, ResourceProfile.SMALL, 60), SYSTEM
    )
    await settle(runtime)
    data = await data_of(
        settings, SESSION, {"id": to_global_id("EnvironmentSession", session.id)}, as_user=owner
    )
    by_name = {m["machine"]["name"]: m["connection"] for m in data["session"]["machines"]}
    entry, target = by_name["m0"], by_name["m1"]
    published = {p["containerPort"]: p for p in entry["ports"]}
    assert sorted(published) == [22, 6901]  # the internal 9090 is not published
    assert entry["entrypoints"] == [
        {
            "protocol": "SSH",
            "containerPort": 22,
            "host": "127.0.0.1",
            "port": published[22]["hostPort"],
            "published": True,
            "description": "your shell",
        },
        {
            "protocol": "HTTPS",
            "containerPort": 6901,
            "host": "127.0.0.1",
            "port": published[6901]["hostPort"],
            "published": True,
            "description": "desktop",
        },
    ]
    assert target["entrypoints"] == [
        {
            "protocol": "HTTP",
            "containerPort": 80,
            "host": target["address"],
            "port": 80,
            "published": False,
            "description": "the shop",
        }
    ]


async def test_only_the_owner_of_a_live_session_reads_a_machines_ssh_login(
    settings: Settings, runtime: Runtime
) -> None:
    secret = "correct-horse-battery"
    version = await factories.version(await factories.scenario(), machines=2, questions=0)
    await Machine.filter(version_id=version.id, name="m1").update(
        ssh_username="bob", ssh_password_sealed=seal(settings, secret)
    )
    owner, other = await factories.user(), await factories.user()
    sessions = {}
    for learner in (owner, other):
        started = await start(
            runtime, Actor(learner.id), StartRequest(version.id, ResourceProfile.SMALL, 60), SYSTEM
        )
        sessions[learner.id] = to_global_id("EnvironmentSession", started.id)
    await settle(runtime)

    async def logins(viewer: User, of: User) -> dict[str, object]:
        data = await data_of(settings, SESSION, {"id": sessions[of.id]}, as_user=viewer)
        if data["session"] is None:
            return {}
        return {
            m["machine"]["name"]: m["connection"]["sshLogin"] for m in data["session"]["machines"]
        }

    assert await logins(owner, owner) == {"m0": None, "m1": {"username": "bob", "password": secret}}
    assert await logins(other, owner) == {}  # another learner: not even the session
    assert await logins(await factories.user(UserRole.ADMIN), owner) == {"m0": None, "m1": None}
    machine_query = """query($id: ID!) { session(id: $id) { machines { machine {
      sshUsername exposedPorts } } } }"""
    as_owner = await data_of(settings, machine_query, {"id": sessions[owner.id]}, as_user=owner)
    assert secret not in json.dumps(as_owner)
    assert {m["machine"]["sshUsername"] for m in as_owner["session"]["machines"]} == {None}
    await EnvironmentSession.filter(user_id=owner.id).update(state=SessionState.TERMINATED)
    assert await logins(owner, owner) == {"m0": None, "m1": None}  # ended: gone


async def test_admins_see_connections_but_never_a_learners_password(
    settings: Settings, runtime: Runtime
) -> None:
    owner = await factories.user()
    session_id = await running_session(settings, runtime, owner)
    password = await password_of(session_id, settings)
    admin = await factories.user(UserRole.ADMIN)
    variables = {"id": to_global_id("EnvironmentSession", session_id)}
    for document, variables_ in ((SESSION, variables), (NODE, variables), (ADMIN_LIST, {})):
        data = await data_of(settings, document, variables_, as_user=admin)
        text = json.dumps(data)
        assert password not in text
        assert "learner" in text
        assert "hostPort" in text


async def test_other_users_see_nothing_of_the_session(settings: Settings, runtime: Runtime) -> None:
    owner = await factories.user()
    session_id = await running_session(settings, runtime, owner)
    password = await password_of(session_id, settings)
    stranger = await factories.user()
    global_id = to_global_id("EnvironmentSession", session_id)
    assert (await data_of(settings, SESSION, {"id": global_id}, as_user=stranger)) == {
        "session": None
    }
    assert (await data_of(settings, NODE, {"id": global_id}, as_user=stranger)) == {"node": None}
    machine = await SessionMachine.filter(session_id=session_id).first()
    assert machine is not None
    machine_node = await data_of(
        settings,
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": to_global_id("SessionMachine", machine.id)},
        as_user=stranger,
    )
    assert machine_node == {"node": None}
    data, errors = await run(
        settings,
        "query($id: ID!) { node(id: $id) { ... on User { sessions { edges { node { "
        + CONNECTION
        + " } } } } } }",
        {"id": to_global_id("User", owner.id)},
        as_user=stranger,
    )
    assert [e["extensions"]["code"] for e in errors] == ["FORBIDDEN"]
    assert password not in json.dumps(data)
    mine = await data_of(settings, VIEWER, as_user=stranger)
    assert password not in json.dumps(mine)


async def test_an_api_token_needs_the_sessions_scope_for_the_password(
    settings: Settings, runtime: Runtime
) -> None:
    owner = await factories.user()
    session_id = await running_session(settings, runtime, owner)
    password = await password_of(session_id, settings)
    for scopes, shown in (({ApiScope.READ}, False), ({ApiScope.READ, ApiScope.SESSIONS}, True)):
        context = Context(
            settings=settings,
            viewer=Viewer(id=owner.id, role=UserRole.USER, scopes=frozenset(scopes)),
        )
        result = await schema.execute(
            SESSION,
            variable_values={"id": to_global_id("EnvironmentSession", session_id)},
            context_value=context,
        )
        assert not result.errors
        assert (password in json.dumps(result.data)) is shown


async def test_the_password_is_gone_once_the_session_ended(
    settings: Settings, runtime: Runtime
) -> None:
    owner = await factories.user()
    session_id = await running_session(settings, runtime, owner)
    await EnvironmentSession.filter(id=session_id).update(state=SessionState.TERMINATED)
    data = await data_of(
        settings, SESSION, {"id": to_global_id("EnvironmentSession", session_id)}, as_user=owner
    )
    assert all(m["connection"]["password"] is None for m in data["session"]["machines"])


async def test_viewer_sessions_with_connections_cost_the_same_for_1_and_20(
    settings: Settings, runtime: Runtime, sql_counter: StatementCounter
) -> None:
    owner = await factories.user()
    counts = []
    for total in (1, 20):
        while await EnvironmentSession.filter(user_id=owner.id).count() < total:
            version = await factories.version(await factories.scenario(), machines=2)
            session = await factories.session(owner, version, SessionState.RUNNING, machines=2)
            await SessionMachine.filter(session_id=session.id).update(
                ports=[{"containerPort": 22, "protocol": "tcp", "host": "h", "hostPort": 1}]
            )
        sql_counter.reset()
        data = await data_of(settings, VIEWER, as_user=owner)
        counts.append(sql_counter.count)
        assert len(data["viewer"]["sessions"]["edges"]) == total
    assert counts[0] == counts[1], sql_counter.statements
    # viewer; sessions window and rows; versions (extensionsLeft); session machines; machine
    # definitions (the owner check of connection reads the sessions already loaded)
    assert counts[0] == EXPECTED_STATEMENTS, sql_counter.statements
