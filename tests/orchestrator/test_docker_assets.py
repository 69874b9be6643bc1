"""EMBEDDED assets placed into Docker containers before they start (``docker_assets``).

On the private engine of the fixtures: a plan's assets are in the machine with their mode
and content, new parent directories are created and the image's own are left as they
were; a session of a version with an EMBEDDED asset runs with the file in place, and a
missing object fails the session with a reason and nothing on the engine.
"""

from __future__ import annotations

import io
import tarfile
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiodocker
import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.files.local import LocalStore
from rangex_graphql.models import (
    EnvironmentSession,
    Machine,
    ScenarioVersion,
    SessionMachine,
    StoredFile,
    User,
    VersionAsset,
)
from rangex_graphql.models.enums import (
    AssetDelivery,
    AssetKind,
    FileKind,
    FileState,
    MachineRole,
    SessionState,
)
from rangex_graphql.orchestrator.docker import DockerDriver
from rangex_graphql.orchestrator.docker_assets import build_archive, parents
from rangex_graphql.orchestrator.protocol import (
    AssetSpec,
    InvalidPlan,
    ProvisionFailed,
    SessionPlan,
    validate_plan,
)
from rangex_graphql.runtime import Runtime, build_runtime
from rangex_graphql.settings import Settings
from tests import factories
from tests.orchestrator.conftest import driver_config
from tests.orchestrator.plans import attacker, new_session_id
from tests.orchestrator.test_docker import labelled, run_in
from tests.orchestrator.test_sessions_on_docker import lab_image  # noqa: F401 - fixture
from tests.support.dockerd import PrivateDockerd
from tests.support.sessions import settle, start_session

SCRIPT = b"#!/bin/sh\necho placed-by-rangex\n"
TOOL_PATH = "/opt/tools/run.sh"


def plan_with(*assets: AssetSpec) -> SessionPlan:
    return SessionPlan(
        session_id=new_session_id(),
        scenario="assets",
        creator="tester",
        scenario_version="1",
        machines=(attacker(assets=assets),),
    )


class Objects:
    """An asset source of a few objects in memory, counting the reads."""

    def __init__(self, objects: dict[str, bytes]) -> None:
        self.objects = objects
        self.reads: list[str] = []

    async def get(self, key: str, max_bytes: int | None = None) -> bytes:
        self.reads.append(key)
        return self.objects[key][:max_bytes]

    async def presign_download(
        self, key: str, expires_at: datetime, filename: str | None = None
    ) -> str:
        return f"https://objects.test/{key}"


# -- the archive, without an engine ---------------------------------------------------


def test_the_archive_holds_the_files_and_only_the_missing_directories_owned_by_root() -> None:
    archive = build_archive(
        [
            (AssetSpec("k1", TOOL_PATH, 0o755), SCRIPT),
            (AssetSpec("k2", "/etc/x.conf", 0o600), b"x"),
        ],
        ["/opt/tools", "/opt"],
    )
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        entries = {m.name: m for m in tar.getmembers()}
        assert list(entries) == ["opt", "opt/tools", "opt/tools/run.sh", "etc/x.conf"]
        assert entries["opt"].isdir()
        assert entries["opt"].mode == 0o755
        assert entries["opt/tools/run.sh"].mode == 0o755
        assert entries["etc/x.conf"].mode == 0o600
        assert all(m.uid == 0 and m.gid == 0 for m in entries.values())
        extracted = tar.extractfile("opt/tools/run.sh")
        assert extracted is not None
        assert extracted.read() == SCRIPT


def test_parents_are_listed_deepest_first() -> None:
    assert parents("/opt/tools/run.sh") == ["/opt/tools", "/opt"]
    assert parents("/run.sh") == []


@pytest.mark.parametrize(
    "asset",
    [
        AssetSpec("k", "relative/path", 0o644),
        AssetSpec("k", "/opt/../etc/passwd", 0o644),
        AssetSpec("k", "/opt//x", 0o644),
        AssetSpec("k", "/opt/x", 0o1777),
        AssetSpec("", "/opt/x", 0o644),
    ],
)
def test_a_plan_with_a_bad_asset_is_refused(asset: AssetSpec) -> None:
    with pytest.raises(InvalidPlan, match="asset"):
        validate_plan(plan_with(asset))


# -- on the engine ---------------------------------------------------------------------


@pytest.fixture
async def asset_driver(private_dockerd: PrivateDockerd) -> AsyncIterator[DockerDriver]:
    source = Objects({"files/tool": SCRIPT, "files/note": b"secret note\n"})
    driver = DockerDriver(driver_config(private_dockerd), assets=source)
    try:
        yield driver
    finally:
        for session_id in await driver.list_owned():
            if session_id.startswith("t"):
                await driver.destroy(session_id)
        await driver.close()


async def test_assets_are_in_the_machine_with_their_mode_and_content(
    asset_driver: DockerDriver, docker_api: aiodocker.Docker
) -> None:
    plan = plan_with(
        AssetSpec("files/tool", TOOL_PATH, 0o755, len(SCRIPT)),
        AssetSpec("files/note", "/tmp/note.txt", 0o600),
        AssetSpec("files/tool", "/srv/copy.sh", 0o700),  # one object, two places
    )
    handles = await asset_driver.provision(plan)
    cid = handles[0].resource_id
    assert await run_in(docker_api, cid, "stat", "-c", "%a %u:%g", TOOL_PATH) == (
        0,
        b"755 0:0\n",
    )
    assert await run_in(docker_api, cid, "cat", TOOL_PATH) == (0, SCRIPT)
    assert await run_in(docker_api, cid, "sh", TOOL_PATH) == (0, b"placed-by-rangex\n")
    assert await run_in(docker_api, cid, "stat", "-c", "%a", "/opt/tools", "/srv") == (
        0,
        b"755\n755\n",
    )
    assert await run_in(docker_api, cid, "stat", "-c", "%a", "/tmp/note.txt") == (0, b"600\n")
    # The image's own /tmp (1777 in the lab image) kept its mode: not in the archive.
    assert await run_in(docker_api, cid, "stat", "-c", "%a", "/tmp") == (0, b"1777\n")
    source = asset_driver.assets
    assert isinstance(source, Objects)
    assert sorted(source.reads) == ["files/note", "files/tool"]  # each object read once


async def test_a_missing_object_fails_before_anything_is_created(
    asset_driver: DockerDriver, docker_api: aiodocker.Docker
) -> None:
    plan = plan_with(AssetSpec("files/gone", TOOL_PATH, 0o755))
    with pytest.raises(ProvisionFailed) as failed:
        await asset_driver.provision(plan)
    assert failed.value.machine == "attacker"
    assert failed.value.reason == f"the stored file for {TOOL_PATH} is missing"
    assert await labelled(docker_api, f"rangex.session={plan.session_id}") == ([], [])


async def test_a_path_that_is_a_directory_in_the_image_fails_and_leaves_nothing(
    asset_driver: DockerDriver, docker_api: aiodocker.Docker
) -> None:
    plan = plan_with(AssetSpec("files/tool", "/bin", 0o755))
    with pytest.raises(ProvisionFailed) as failed:
        await asset_driver.provision(plan)
    assert failed.value.machine == "attacker"
    assert failed.value.reason == "/bin is a directory"
    assert await labelled(docker_api, f"rangex.session={plan.session_id}") == ([], [])


# -- a session of a version with an EMBEDDED asset -----------------------------------


async def embedded_version(image: str, author: User, key: str) -> ScenarioVersion:
    version = await factories.version(await factories.scenario(author), machines=0, questions=0)
    await Machine.create(
        version=version,
        name="m0",
        role=MachineRole.ATTACKER,
        image_ref=image,
        cpu=0.25,
        memory_mib=64,
        entrypoints=[],
        position=0,
    )
    stored = await StoredFile.create(
        owner=author,
        kind=FileKind.ASSET,
        state=FileState.ATTACHED,
        object_key=key,
        filename="run.sh",
        content_type="text/x-shellscript",
        size=len(SCRIPT),
        expires_at=datetime.now(UTC) + timedelta(hours=1),
    )
    await VersionAsset.create(
        version=version,
        file=stored,
        filename="run.sh",
        kind=AssetKind.SCRIPT,
        delivery=AssetDelivery.EMBEDDED,
        machine_name="m0",
        target_path=TOOL_PATH,
        permissions=0o755,
    )
    return version


@pytest.fixture
async def store_runtime(
    settings: Settings, private_dockerd: PrivateDockerd, tmp_path: Path
) -> AsyncIterator[tuple[Runtime, LocalStore]]:
    configured = settings.model_copy(
        update={"jobs_enabled": False, "files_backend": "local", "files_dir": tmp_path}
    )
    store = LocalStore(root=tmp_path, signing_keys=[b"k" * 32])
    driver = DockerDriver(driver_config(private_dockerd), assets=store)
    runtime = build_runtime(configured, driver=driver, broker=MemoryBroker())
    before = set(await driver.list_owned())
    yield runtime, store
    await settle(runtime)
    for session_id in set(await driver.list_owned()) - before:
        await driver.destroy(session_id)
    await runtime.aclose()


@pytest.mark.usefixtures("db")
async def test_a_session_runs_with_its_embedded_asset_in_place(
    settings: Settings,
    store_runtime: tuple[Runtime, LocalStore],
    docker_api: aiodocker.Docker,
    lab_image: str,  # noqa: F811 - the fixture
) -> None:
    runtime, store = store_runtime
    author = await factories.user()
    await store.put("files/run-sh", SCRIPT, "text/x-shellscript")
    version = await embedded_version(lab_image, author, "files/run-sh")
    _, session_id = await start_session(settings, runtime, await factories.user(), version)

    row = await EnvironmentSession.get(id=session_id)
    assert row.state is SessionState.RUNNING, row.failure_reason
    machine = await SessionMachine.get(session_id=session_id)
    cid = str(machine.driver_handle)
    assert await run_in(docker_api, cid, "stat", "-c", "%a", TOOL_PATH) == (0, b"755\n")
    assert await run_in(docker_api, cid, "cat", TOOL_PATH) == (0, SCRIPT)


@pytest.mark.usefixtures("db")
async def test_a_session_whose_asset_object_is_missing_fails_with_nothing_left(
    settings: Settings,
    store_runtime: tuple[Runtime, LocalStore],
    docker_api: aiodocker.Docker,
    lab_image: str,  # noqa: F811 - the fixture
) -> None:
    runtime, _ = store_runtime
    version = await embedded_version(lab_image, await factories.user(), "files/never-put")
    _, session_id = await start_session(settings, runtime, await factories.user(), version)

    row = await EnvironmentSession.get(id=session_id)
    assert row.state is SessionState.FAILED
    assert row.end_reason == "provision_failed"
    assert row.failure_reason == f"the stored file for {TOOL_PATH} is missing"
    assert await labelled(docker_api, f"rangex.session={session_id}") == ([], [])
