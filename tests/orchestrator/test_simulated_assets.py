"""EMBEDDED assets in the plan (``services/sessions/plan.py``) and on the simulated driver."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from rangex_graphql.models import StoredFile, User, VersionAsset
from rangex_graphql.models.enums import AssetDelivery, AssetKind, FileKind, FileState
from rangex_graphql.orchestrator.protocol import AssetSpec, ProvisionFailed
from rangex_graphql.orchestrator.simulated import SimulatedDelays, SimulatedDriver
from rangex_graphql.services.sessions.plan import build_plan
from rangex_graphql.settings import Settings
from tests import factories
from tests.orchestrator.test_docker_assets import Objects, plan_with


async def stored(owner: User, key: str, size: int = 10) -> StoredFile:
    return await StoredFile.create(
        owner=owner,
        kind=FileKind.ASSET,
        state=FileState.ATTACHED,
        object_key=key,
        filename="f",
        content_type="application/octet-stream",
        size=size,
        expires_at=datetime.now(UTC) + timedelta(hours=1),
    )


@pytest.mark.usefixtures("db")
async def test_the_plan_carries_each_machines_embedded_assets(settings: Settings) -> None:
    author = await factories.user()
    version = await factories.version(await factories.scenario(author), machines=2)
    await VersionAsset.create(
        version=version,
        kind=AssetKind.SCRIPT,
        filename="f",
        file=await stored(author, "files/a", 7),
        delivery=AssetDelivery.EMBEDDED,
        machine_name="m1",
        target_path="/opt/a.sh",
        permissions=0o750,
    )
    await VersionAsset.create(
        version=version,
        kind=AssetKind.SCRIPT,
        filename="f",
        file=await stored(author, "files/b"),
        delivery=AssetDelivery.DOWNLOAD,
    )
    session = await factories.session(await factories.user(), version)
    plan = await build_plan(settings, session.id, {})
    by_name = {m.name: m.assets for m in plan.machines}
    assert by_name == {"m0": (), "m1": (AssetSpec("files/a", "/opt/a.sh", 0o750, 7),)}


async def test_the_simulated_driver_records_what_it_placed() -> None:
    driver = SimulatedDriver(SimulatedDelays.none(), assets=Objects({"files/tool": b"#!/bin/sh\n"}))
    plan = plan_with(AssetSpec("files/tool", "/opt/tools/run.sh", 0o755))
    await driver.provision(plan)
    assert driver.placed[plan.session_id] == {
        "attacker": (AssetSpec("files/tool", "/opt/tools/run.sh", 0o755),)
    }
    await driver.destroy(plan.session_id)
    assert plan.session_id not in driver.placed


async def test_a_missing_object_fails_the_simulated_provisioning_with_nothing_left() -> None:
    driver = SimulatedDriver(SimulatedDelays.none(), assets=Objects({}))
    plan = plan_with(AssetSpec("files/gone", "/opt/x", 0o644))
    with pytest.raises(ProvisionFailed, match="the stored file for /opt/x is missing"):
        await driver.provision(plan)
    assert await driver.status(plan.session_id) == []
    assert plan.session_id not in driver.placed
