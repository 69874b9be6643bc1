"""Version assets: listing by reader, update and delete rules, copies sharing objects,
the session owner's download, and the cleanup job."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.files.factory import build_store
from rangex_graphql.models import AuditLog, ScenarioVersion, StoredFile, User, VersionAsset
from rangex_graphql.models.enums import SessionState, UserRole, VersionStatus
from rangex_graphql.services.audit import SYSTEM
from rangex_graphql.services.authoring.access import Actor, fk
from rangex_graphql.services.authoring.versions import create_version
from rangex_graphql.services.files.cleanup import clean_files
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.files.helpers import call, complete, create, local_app, post_form
from tests.api.graphql import data_of

pytestmark = pytest.mark.usefixtures("db")

UPDATE = """mutation($input: VersionAssetUpdateInput!) { versionAssetUpdate(input: $input) {
  asset { filename delivery machineName targetPath } errors { field code } } }"""
DELETE = """mutation($input: VersionAssetDeleteInput!) { versionAssetDelete(input: $input) {
  version { assets { id } } errors { field code } } }"""
DOWNLOAD = """mutation($input: SessionAssetDownloadInput!) { sessionAssetDownload(input: $input) {
  url expiresAt errors { field code } } }"""
ASSETS = """query($id: ID!) { node(id: $id) { ... on ScenarioVersion {
  assets { id filename delivery machineName targetPath } } } }"""


async def asset(
    settings: Settings, author: User, version: ScenarioVersion, body: bytes, **target: Any
) -> str:
    created = await create(
        settings,
        author,
        kind="ASSET",
        filename="tool.sh",
        size=len(body),
        contentType="text/x-shellscript",
    )
    async with local_app(settings) as client:
        assert (await post_form(client, created, body, "text/x-shellscript")).status_code == 204
    done = await complete(
        settings,
        author,
        uploadId=created["upload"]["id"],
        versionId=to_global_id("ScenarioVersion", version.id),
        asset=target,
    )
    assert done["errors"] == [], done
    gid: str = done["asset"]["id"]
    return gid


def stored(settings: Settings) -> list[Path]:
    return [p for p in Path(settings.files_dir).rglob("*") if p.is_file() and p.suffix != ".type"]


async def setup(settings: Settings) -> tuple[User, ScenarioVersion, str, str]:
    author = await factories.user(UserRole.CREATOR)
    version = await factories.version(await factories.scenario(author), VersionStatus.DRAFT)
    embedded = await asset(
        settings,
        author,
        version,
        b"#!/bin/sh\n",
        kind="SCRIPT",
        delivery="EMBEDDED",
        machineName="m1",
        targetPath="/opt/run.sh",
        permissions=0o755,
    )
    download = await asset(
        settings, author, version, b"words\n", kind="WORDLIST", delivery="DOWNLOAD"
    )
    return author, version, embedded, download


async def test_learners_see_download_assets_only(files_settings: Settings) -> None:
    author, version, _, download = await setup(files_settings)
    await ScenarioVersion.filter(id=version.id).update(status=VersionStatus.PUBLISHED)
    learner = await factories.user()
    vid = to_global_id("ScenarioVersion", version.id)
    mine = await data_of(files_settings, ASSETS, {"id": vid}, as_user=author)
    assert len(mine["node"]["assets"]) == 2
    theirs = await data_of(files_settings, ASSETS, {"id": vid}, as_user=learner)
    assert theirs["node"]["assets"] == [
        {
            "id": download,
            "filename": "tool.sh",
            "delivery": "DOWNLOAD",
            "machineName": None,
            "targetPath": None,
        }
    ]


async def test_update_rules_and_published_immutability(files_settings: Settings) -> None:
    author, version, embedded, download = await setup(files_settings)
    bad = await call(
        files_settings,
        UPDATE,
        "versionAssetUpdate",
        author,
        assetId=embedded,
        targetPath="relative/path",
    )
    assert bad["errors"] == [{"field": "input.targetPath", "code": "INVALID_TARGET_PATH"}]
    moved = await call(
        files_settings, UPDATE, "versionAssetUpdate", author, assetId=download, delivery="EMBEDDED"
    )
    assert moved["errors"] == [
        {"field": "input.machineName", "code": "TARGET_REQUIRED"},
        {"field": "input.targetPath", "code": "TARGET_REQUIRED"},
    ]
    ok = await call(
        files_settings,
        UPDATE,
        "versionAssetUpdate",
        author,
        assetId=embedded,
        filename="run.sh",
        delivery="DOWNLOAD",
    )
    assert ok["asset"] == {
        "filename": "run.sh",
        "delivery": "DOWNLOAD",
        "machineName": None,
        "targetPath": None,
    }
    stranger = await factories.user(UserRole.CREATOR)
    hidden = await call(files_settings, DELETE, "versionAssetDelete", stranger, assetId=embedded)
    assert hidden["errors"] == [{"field": "input.assetId", "code": "ASSET_NOT_FOUND"}]
    await ScenarioVersion.filter(id=version.id).update(status=VersionStatus.PUBLISHED)
    frozen = await call(files_settings, DELETE, "versionAssetDelete", author, assetId=embedded)
    assert frozen["errors"] == [{"field": "input.assetId", "code": "VERSION_IMMUTABLE"}]
    assert len(stored(files_settings)) == 2


async def test_copies_share_objects_and_a_draft_delete_keeps_published_ones(
    files_settings: Settings,
) -> None:
    author, version, _embedded, _ = await setup(files_settings)
    await ScenarioVersion.filter(id=version.id).update(status=VersionStatus.PUBLISHED)
    copy = await create_version(
        Actor(author.id),
        fk(version, "scenario_id"),
        SYSTEM,
        copy_from=version.id,
    )
    assert await VersionAsset.filter(version_id=copy.id).count() == 2
    assert await StoredFile.all().count() == 2  # shared, not duplicated
    copied = await VersionAsset.filter(version_id=copy.id, delivery="EMBEDDED").first()
    assert copied is not None
    gid = to_global_id("VersionAsset", copied.id)
    deleted = await call(files_settings, DELETE, "versionAssetDelete", author, assetId=gid)
    assert deleted["errors"] == []
    assert len(deleted["version"]["assets"]) == 1
    assert len(stored(files_settings)) == 2  # the published version still uses it
    # A draft's own asset takes its object with it.
    draft_only = await asset(files_settings, author, copy, b"x", kind="FILE", delivery="DOWNLOAD")
    assert len(stored(files_settings)) == 3
    await call(files_settings, DELETE, "versionAssetDelete", author, assetId=draft_only)
    assert len(stored(files_settings)) == 2


async def test_session_download_for_the_owner_of_a_running_session(
    files_settings: Settings,
) -> None:
    _author, version, embedded, download = await setup(files_settings)
    await ScenarioVersion.filter(id=version.id).update(status=VersionStatus.PUBLISHED)
    learner = await factories.user()
    session = await factories.session(learner, version, state=SessionState.RUNNING)
    sid = to_global_id("EnvironmentSession", session.id)
    got = await call(
        files_settings, DOWNLOAD, "sessionAssetDownload", learner, sessionId=sid, assetId=download
    )
    assert got["errors"] == []
    async with local_app(files_settings) as client:
        answer = await client.get(got["url"])
    assert answer.content == b"words\n"
    assert answer.headers["content-disposition"].startswith("attachment")
    assert await AuditLog.filter(action="asset.download", actor_id=learner.id).count() == 1
    placed = await call(
        files_settings, DOWNLOAD, "sessionAssetDownload", learner, sessionId=sid, assetId=embedded
    )
    assert placed["errors"] == [{"field": "input.assetId", "code": "NOT_DOWNLOADABLE"}]
    other = await factories.user()
    foreign = await call(
        files_settings, DOWNLOAD, "sessionAssetDownload", other, sessionId=sid, assetId=download
    )
    assert foreign["errors"] == [{"field": "input.sessionId", "code": "SESSION_NOT_FOUND"}]
    await type(session).filter(id=session.id).update(state=SessionState.PAUSED)
    paused = await call(
        files_settings, DOWNLOAD, "sessionAssetDownload", learner, sessionId=sid, assetId=download
    )
    assert paused["errors"] == [{"field": "input.sessionId", "code": "SESSION_NOT_RUNNING"}]


async def test_cleanup_removes_abandoned_and_unreferenced_files(files_settings: Settings) -> None:
    author = await factories.user(UserRole.CREATOR)
    version = await factories.version(await factories.scenario(author), VersionStatus.DRAFT)
    await asset(files_settings, author, version, b"kept", kind="FILE", delivery="DOWNLOAD")
    abandoned = await create(
        files_settings,
        author,
        kind="ASSET",
        filename="a.bin",
        size=3,
        contentType="application/octet-stream",
    )
    async with local_app(files_settings) as client:
        await post_form(client, abandoned, b"abc", "application/octet-stream")
    store = build_store(files_settings)
    later = datetime.now(UTC) + timedelta(seconds=files_settings.files_url_seconds + 120)
    assert len(stored(files_settings)) == 2
    # The abandoned upload (row and object) and the completed one's upload key.
    assert await clean_files(store, later, 50) == 2
    assert await StoredFile.filter(upload_key__isnull=False).count() == 0
    assert await StoredFile.all().count() == 1
    assert len(stored(files_settings)) == 1
    await ScenarioVersion.filter(id=version.id).delete()  # its assets go with it
    assert await clean_files(store, later, 50) == 1
    assert stored(files_settings) == []
