"""Test runs through the GraphQL mutations, as a client makes them."""

from __future__ import annotations

from typing import Any

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import Machine, ScenarioVersion, User
from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings
from tests.api.graphql import run
from tests.support.images import approve_images
from tests.support.sessions import settle

RUN_FIELDS = """testRun { id status failureMessage startedAt finishedAt
  session { id state }
  checks { name status message position } }
errors { field code message }"""
START_RUN = (
    "mutation($input: VersionTestRunStartInput!) "
    f"{{ versionTestRunStart(input: $input) {{ {RUN_FIELDS} }} }}"
)
CANCEL_RUN = (
    "mutation($input: VersionTestRunCancelInput!) "
    f"{{ versionTestRunCancel(input: $input) {{ {RUN_FIELDS} }} }}"
)
LATEST = """query($id: ID!) { node(id: $id) { ... on ScenarioVersion {
  latestTestRun { id status failureMessage checks { name status message position } }
  testRuns(first: 10) { totalCount nodes { id status } } } } }"""


async def start_run(
    settings: Settings,
    runtime: Runtime,
    who: User,
    version: ScenarioVersion,
    *,
    approve: bool = True,
) -> dict[str, Any]:
    """The payload of versionTestRunStart (no top-level error); the version's images are
    put in the catalog, APPROVED, first unless ``approve`` is false."""
    if approve:
        refs = await Machine.filter(version=version).values_list("image_ref", flat=True)
        await approve_images(*map(str, refs))
    data, errors = await run(
        settings,
        START_RUN,
        {"input": {"versionId": to_global_id("ScenarioVersion", version.id)}},
        as_user=who,
        runtime=runtime,
    )
    assert not errors, errors
    assert data is not None
    payload: dict[str, Any] = data["versionTestRunStart"]
    return payload


async def run_to_verdict(
    settings: Settings, runtime: Runtime, who: User, version: ScenarioVersion
) -> dict[str, Any]:
    """Start a run, wait for the background work, and read the run back."""
    payload = await start_run(settings, runtime, who, version)
    assert payload["errors"] == [], payload["errors"]
    await settle(runtime)
    return await latest(settings, who, version)


async def latest(settings: Settings, who: User, version: ScenarioVersion) -> dict[str, Any]:
    data, errors = await run(
        settings, LATEST, {"id": to_global_id("ScenarioVersion", version.id)}, as_user=who
    )
    assert not errors, errors
    assert data is not None
    found: dict[str, Any] = data["node"]["latestTestRun"]
    return found


def checks_by_name(run: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {check["name"]: check for check in run["checks"]}


async def machine(version: ScenarioVersion, name: str, **fields: Any) -> Machine:
    defaults: dict[str, Any] = {
        "role": "TARGET",
        "image_ref": "rangex/web:1.0",
        "cpu": 0.25,
        "memory_mib": 64,
        "entrypoints": [],
        "position": await Machine.filter(version=version).count(),
    }
    return await Machine.create(version=version, name=name, **{**defaults, **fields})
