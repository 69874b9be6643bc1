"""A version's machines show their entrypoints: all of them to the scenario's author and
admins, the exposed ones to everyone else; ``exposedPorts`` (deprecated) follows them."""

from __future__ import annotations

import pytest

from rangex_graphql.models import Machine, User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import data_of
from tests.conftest import StatementCounter

pytestmark = pytest.mark.usefixtures("db")

QUERY = """
query($slug: String!) { scenario(slug: $slug) { publishedVersion { machines {
  name exposedPorts entrypoints { protocol port exposed description } } } } }
"""
ENTRYPOINTS = [
    {"protocol": "HTTP", "port": 80, "exposed": True, "description": "the shop"},
    {"protocol": "TCP", "port": 9090, "exposed": False, "description": "admin agent"},
    {"protocol": "UDP", "port": 443, "exposed": True, "description": ""},
]


async def published_with_entrypoints(author: User, machines: int = 2) -> str:
    scenario = await factories.scenario(author)
    version = await factories.version(scenario, machines=machines, questions=0)
    await Machine.filter(version_id=version.id).update(entrypoints=ENTRYPOINTS)
    return scenario.slug


async def machines_seen(
    settings: Settings, slug: str, viewer: User | None
) -> list[dict[str, object]]:
    data = await data_of(settings, QUERY, {"slug": slug}, as_user=viewer)
    machines: list[dict[str, object]] = data["scenario"]["publishedVersion"]["machines"]
    return machines


async def test_learners_see_only_exposed_entrypoints(settings: Settings) -> None:
    author = await factories.user(UserRole.CREATOR)
    slug = await published_with_entrypoints(author)
    for viewer in (await factories.user(), None):
        for machine in await machines_seen(settings, slug, viewer):
            assert machine["entrypoints"] == [ENTRYPOINTS[0], ENTRYPOINTS[2]]
            assert machine["exposedPorts"] == [80, 443]


async def test_the_author_and_admins_see_every_entrypoint(settings: Settings) -> None:
    author = await factories.user(UserRole.CREATOR)
    slug = await published_with_entrypoints(author)
    for viewer in (author, await factories.user(UserRole.ADMIN)):
        for machine in await machines_seen(settings, slug, viewer):
            assert machine["entrypoints"] == ENTRYPOINTS
            assert machine["exposedPorts"] == [80, 443]


async def test_statements_do_not_depend_on_the_number_of_machines(
    settings: Settings, sql_counter: StatementCounter
) -> None:
    author = await factories.user(UserRole.CREATOR)
    learner = await factories.user()
    counts = []
    for machines in (1, 4):
        slug = await published_with_entrypoints(author, machines)
        sql_counter.reset()
        seen = await machines_seen(settings, slug, learner)
        assert len(seen) == machines
        counts.append(sql_counter.count)
    assert counts[0] == counts[1], counts


async def test_startup_commands_healthcheck_and_pivot_are_for_the_author_and_admins_only(
    settings: Settings,
) -> None:
    author = await factories.user(UserRole.CREATOR)
    slug = await published_with_entrypoints(author, machines=1)
    await Machine.all().update(
        startup_commands=["echo FLAG{x} > /flag", "exec httpd -f"],
        capabilities=["NET_ADMIN"],
        sysctls={"net.ipv4.ip_forward": "1"},
        ulimits={"nofile": 4096},
        pivot_host=True,
        healthcheck={
            "command": "test -f /flag",
            "interval_seconds": 10,
            "timeout_seconds": 2,
            "retries": 3,
            "start_period_seconds": 0,
        },
    )
    query = """query($slug: String!) { scenario(slug: $slug) { publishedVersion { machines {
      startupCommands capabilities sysctls { name value } ulimits { name limit }
      healthcheck { command intervalSeconds timeoutSeconds retries startPeriodSeconds }
      pivotHost
    } } } }"""
    seen = {}
    for who, viewer in (
        ("author", author),
        ("admin", await factories.user(UserRole.ADMIN)),
        ("learner", await factories.user()),
        ("anonymous", None),
    ):
        data = await data_of(settings, query, {"slug": slug}, as_user=viewer)
        (machine,) = data["scenario"]["publishedVersion"]["machines"]
        assert machine["capabilities"] == ["NET_ADMIN"]
        assert machine["sysctls"] == [{"name": "net.ipv4.ip_forward", "value": "1"}]
        assert machine["ulimits"] == [{"name": "nofile", "limit": 4096}]
        seen[who] = (machine["startupCommands"], machine["healthcheck"], machine["pivotHost"])
    commands = ["echo FLAG{x} > /flag", "exec httpd -f"]
    check = {
        "command": "test -f /flag",
        "intervalSeconds": 10,
        "timeoutSeconds": 2,
        "retries": 3,
        "startPeriodSeconds": 0,
    }
    assert seen == {
        "author": (commands, check, True),
        "admin": (commands, check, True),
        "learner": (None, None, None),
        "anonymous": (None, None, None),
    }
