"""EMBEDDED assets on ECS (orchestrator/ecs/assets.py): presigned at every run_task.

The driver runs on moto's ECS, the store is the S3 store on the same moto server: the
URLs a task gets are fetched for real (httpx, and the wrapper script run by /bin/sh).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from rangex_graphql.files.local import LocalStore
from rangex_graphql.files.s3 import S3Store
from rangex_graphql.orchestrator.ecs import EcsDriver
from rangex_graphql.orchestrator.ecs.assets import (
    ASSETS_ENV,
    ASSETS_LABEL,
    FETCH_FAILED,
    FETCH_SECONDS,
    MAX_OVERRIDE_CHARS,
    WRAPPER,
    WRAPPER_NAME,
    AssetUrls,
    assets_of_label,
    wrapper_command,
)
from rangex_graphql.orchestrator.factory import build_driver
from rangex_graphql.orchestrator.protocol import AssetSpec, InvalidPlan, SessionPlan
from rangex_graphql.services.sessions.plan import startup_command
from rangex_graphql.settings import Settings
from tests.orchestrator.conftest import ecs_config
from tests.orchestrator.plans import attacker, plan, target
from tests.support.moto_server import (
    MOTO_WARNINGS,
    EcsEnvironment,
    MotoServer,
    aws_clients,
    aws_session,
)

pytestmark = pytest.mark.filterwarnings(MOTO_WARNINGS)

Json = dict[str, Any]
BUCKET = "rangex-ecs-assets"
TOOL = b"#!/bin/sh\necho tool\n"
WORDLIST = b"admin\nletmein\n" * 50
STARTUP = ("/bin/sh", "-c", "set -e\necho started > /tmp/started\nexec httpd -f -p 80 -h /www")


@pytest.fixture
async def store(moto_server: MotoServer) -> AsyncIterator[S3Store]:
    """An S3 store on moto holding the two objects the plans name."""
    async with aws_session().create_client(
        "s3", region_name="us-east-1", endpoint_url=moto_server.url
    ) as s3:
        with contextlib.suppress(s3.exceptions.BucketAlreadyOwnedByYou):
            await s3.create_bucket(Bucket=BUCKET)
    s3_store = S3Store(
        bucket=BUCKET, region="us-east-1", endpoint_url=moto_server.url, session=aws_session()
    )
    await s3_store.put("files/tool", TOOL, "application/octet-stream")
    await s3_store.put("files/wordlist", WORDLIST, "text/plain")
    try:
        yield s3_store
    finally:
        await s3_store.aclose()


class Clock:
    """A clock the test moves (presigned URLs carry the time they were made)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


ASSETS = (
    AssetSpec(key="files/tool", path="/opt/tools/run tool.sh", mode=0o750),
    AssetSpec(key="files/wordlist", path="/usr/share/wordlists/top.txt", mode=0o644),
)


def asset_plan(**web: object) -> SessionPlan:
    """An attacker without assets and a web machine with two."""
    fields: dict[str, object] = {"command": STARTUP, "assets": ASSETS, **web}
    return plan(attacker(), target("web", **fields))  # type: ignore[arg-type]


@contextlib.asynccontextmanager
async def recording_driver(
    env: EcsEnvironment, store: Any, clock: Clock
) -> AsyncIterator[tuple[EcsDriver, dict[str, list[Json]]]]:
    """A driver whose RunTask arguments are recorded by machine name."""
    calls: dict[str, list[Json]] = {}

    def record(params: Json, **_: Any) -> None:
        tags = {t["key"]: t["value"] for t in params.get("tags") or []}
        calls.setdefault(tags["rangex.machine"], []).append(params)

    async with aws_clients(env.url) as clients:
        clients[0].meta.events.register("before-parameter-build.ecs.RunTask", record)
        driver = EcsDriver(ecs_config(env), clients=clients, assets=store)
        driver.asset_urls.clock = clock
        try:
            yield driver, calls
        finally:
            await driver.close()


def lines_of(overrides: Json) -> list[tuple[str, str, str]]:
    """The (mode, url, path) lines of the override's RANGEX_ASSETS."""
    (container,) = overrides["containerOverrides"]
    env = {e["name"]: e["value"] for e in container["environment"]}
    assert list(env) == [ASSETS_ENV]
    assert env[ASSETS_ENV].endswith("\n")
    found = []
    for line in env[ASSETS_ENV].splitlines():
        mode, rest = line.split(" ", 1)
        url, path = rest.split(" ", 1)
        found.append((mode, url, path))
    return found


def amz(url: str) -> tuple[str, str, str]:
    query = parse_qs(urlsplit(url).query)
    return query["X-Amz-Date"][0], query["X-Amz-Expires"][0], query["X-Amz-Signature"][0]


async def fetch_all(urls: list[str]) -> list[bytes]:
    async with httpx.AsyncClient() as client:
        answers = [await client.get(url) for url in urls]
    assert [a.status_code for a in answers] == [200] * len(urls)
    return [a.content for a in answers]


async def test_start_and_resume_give_each_task_fresh_urls_that_fetch_the_objects(
    ecs_env: EcsEnvironment, aws: tuple[Any, Any], store: S3Store
) -> None:
    clock = Clock()
    p = asset_plan()
    async with recording_driver(ecs_env, store, clock) as (driver, calls):
        await driver.provision(p)
        clock.now += timedelta(minutes=7)
        await driver.pause(p.session_id)
    ecs, _ = aws

    # The attacker has no assets: its RunTask is as before, its task definition too.
    assert ["overrides" in c for c in calls["attacker"]] == [False]
    (start,) = calls["web"]
    (container,) = start["overrides"]["containerOverrides"]
    assert container["name"] == "web"
    assert container["command"] == ["/bin/sh", "-c", WRAPPER, WRAPPER_NAME, *STARTUP]
    started = lines_of(start["overrides"])
    assert [(m, path) for m, _, path in started] == [
        ("750", "/opt/tools/run tool.sh"),
        ("644", "/usr/share/wordlists/top.txt"),
    ]
    date, expires, _ = amz(started[0][1])
    assert int(expires) == pytest.approx(ecs_config(ecs_env).start_timeout + FETCH_SECONDS, abs=2)
    assert await fetch_all([url for _, url, _ in started]) == [TOOL, WORDLIST]

    # The task definition records the assets (a resume has no plan), the attacker's not.
    definitions = {}
    for name in ("attacker", "web"):
        arn = (calls[name][0])["taskDefinition"]
        described = await ecs.describe_task_definition(taskDefinition=arn)
        definitions[name] = described["taskDefinition"]["containerDefinitions"][0]
    assert "dockerLabels" not in definitions["attacker"]
    assert assets_of_label(definitions["web"]["dockerLabels"][ASSETS_LABEL]) == ASSETS
    assert definitions["web"]["command"] == list(STARTUP)

    # A restarted server resumes: new tasks, new URLs (later, signed anew), same objects.
    clock.now += timedelta(minutes=7)
    async with recording_driver(ecs_env, store, clock) as (restarted, resumed_calls):
        try:
            await restarted.resume(p.session_id)
        finally:
            await restarted.destroy(p.session_id)
    assert ["overrides" in c for c in resumed_calls["attacker"]] == [False]
    (resume,) = resumed_calls["web"]
    assert resume["overrides"]["containerOverrides"][0]["command"] == container["command"]
    resumed = lines_of(resume["overrides"])
    assert [(m, path) for m, _, path in resumed] == [(m, path) for m, _, path in started]
    for (_, first, _), (_, again, _) in zip(started, resumed, strict=True):
        assert first != again
        assert amz(first)[2] != amz(again)[2]  # another signature ...
        assert amz(again)[0] >= date  # ... made then, not before (the date has seconds)
    assert await fetch_all([url for _, url, _ in resumed]) == [TOOL, WORDLIST]


def run_wrapper(
    command: list[str], environment: str, path: str, cwd: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        env={"PATH": path, ASSETS_ENV: environment},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def only_wget(tmp_path: Path) -> str:
    """A PATH with the wrapper's tools and wget, without curl (as in busybox images)."""
    folder = tmp_path / "bin-wget"
    folder.mkdir()
    for tool in ("sh", "mkdir", "chmod", "sleep", "cat", "wget"):
        found = shutil.which(tool)
        if found is None:
            pytest.fail(f"{tool} is not installed")
        (folder / tool).symlink_to(found)
    return str(folder)


@pytest.mark.parametrize("tools", ["system", "wget"])
async def test_the_wrapper_fetches_the_files_then_runs_the_command(
    store: S3Store, tmp_path: Path, only_wget: str, tools: str
) -> None:
    root = tmp_path / "machine"
    assets = (
        AssetSpec(key="files/tool", path=f"{root}/opt/new dir/run tool.sh", mode=0o750),
        AssetSpec(key="files/wordlist", path=f"{root}/top.txt", mode=0o600),
    )
    command = startup_command([f"cat '{root}/top.txt' > '{root}/ran'", "echo done"])
    assert command is not None
    urls = AssetUrls(store, lifetime=60)
    overrides = await urls.overrides("web", command, assets)
    assert overrides is not None
    (container,) = overrides["containerOverrides"]
    path = only_wget if tools == "wget" else os.environ.get("PATH", "/usr/bin:/bin")
    done = run_wrapper(container["command"], container["environment"][0]["value"], path, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "done\n"  # the machine's command ran, after the fetches
    tool = root / "opt" / "new dir" / "run tool.sh"
    assert tool.read_bytes() == TOOL
    assert tool.stat().st_mode & 0o777 == 0o750
    assert (root / "top.txt").stat().st_mode & 0o777 == 0o600
    assert (root / "ran").read_bytes() == WORDLIST


def test_a_wrapper_without_curl_or_wget_fails_before_the_command(tmp_path: Path) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "sh").symlink_to(shutil.which("sh") or "/bin/sh")
    line = f"644 http://127.0.0.1:9/x {tmp_path}/x\n"
    done = run_wrapper(wrapper_command(["sh", "-c", "echo ran"]), line, str(folder), tmp_path)
    assert done.returncode == FETCH_FAILED
    assert "neither curl nor wget" in done.stderr
    assert done.stdout == ""


async def test_asset_lists_over_the_override_limit_are_refused_before_anything_exists(
    ecs_driver: EcsDriver, aws: tuple[Any, Any], ecs_env: EcsEnvironment, store: S3Store
) -> None:
    ecs_driver.asset_urls.source = store
    many = tuple(
        AssetSpec(key="files/wordlist", path=f"/usr/share/wordlists/list-{n:03}.txt")
        for n in range(40)
    )
    p = asset_plan(assets=many)
    with pytest.raises(InvalidPlan) as raised:
        await ecs_driver.provision(p)
    (problem,) = raised.value.problems
    assert "machine 'web': its 40 EMBEDDED assets need" in problem
    assert f"ECS allows {MAX_OVERRIDE_CHARS}" in problem
    assert await ecs_driver.list_owned() == {}
    ecs, _ = aws
    assert (await ecs.list_tasks(cluster=ecs_env.cluster))["taskArns"] == []

    # A few fit: the same machine with three of them starts.
    await ecs_driver.provision(asset_plan(assets=many[:3]))


async def test_plans_the_tasks_cannot_fetch_for_are_refused(
    ecs_driver: EcsDriver, store: S3Store, tmp_path: Path
) -> None:
    # No startup commands: the image's own command is unknown, nothing to exec after.
    with pytest.raises(InvalidPlan, match="EMBEDDED assets on ECS need startup commands"):
        await ecs_driver.provision(asset_plan(command=None))
    # No store.
    with pytest.raises(InvalidPlan, match="no object store to fetch assets from"):
        await ecs_driver.provision(asset_plan())
    # A local store without a base URL gives paths a task cannot fetch.
    ecs_driver.asset_urls.source = LocalStore(root=tmp_path, signing_keys=[b"k" * 32])
    with pytest.raises(InvalidPlan, match=r"no absolute URL for /opt/tools/run tool\.sh"):
        await ecs_driver.provision(asset_plan())
    assert await ecs_driver.list_owned() == {}
    # With a base URL it gives absolute ones.
    ecs_driver.asset_urls.source = LocalStore(
        root=tmp_path, signing_keys=[b"k" * 32], base_url="https://rangex.example.org"
    )
    overrides = await ecs_driver.asset_urls.overrides("web", STARTUP, ASSETS)
    assert overrides is not None
    assert all(
        url.startswith("https://rangex.example.org/files/download/")
        for _, url, _ in lines_of(overrides)
    )


def test_the_runtime_store_reaches_the_ecs_driver(tmp_path: Path) -> None:
    settings = Settings(
        orchestrator="ecs",
        ecs_cluster="range",
        ecs_region="ap-south-2",
        ecs_vpc_id="vpc-1",
        ecs_subnets=["subnet-a"],
        ecs_ingress_cidr="203.0.113.0/24",
        ecs_start_timeout=42.0,
    )
    local = LocalStore(root=tmp_path, signing_keys=[b"k" * 32], base_url="https://x.example")
    driver = build_driver(settings, assets=local)
    assert isinstance(driver, EcsDriver)
    assert driver.asset_urls.source is local
    assert driver.asset_urls.lifetime == 42.0 + FETCH_SECONDS
