"""``node(id:)`` on a VersionAsset ID: the same rule as ``ScenarioVersion.assets``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import ScenarioVersion, User
from rangex_graphql.models.enums import UserRole, VersionStatus
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.files.test_assets import setup
from tests.api.graphql import data_of

pytestmark = pytest.mark.usefixtures("db")

NODE = """query($id: ID!) { node(id: $id) { id ... on VersionAsset {
  filename delivery machineName targetPath permissions size contentType } } }"""


@pytest.fixture
def files_settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(update={"files_dir": tmp_path / "objects", "files_backend": "local"})


async def node(settings: Settings, gid: str, as_user: User) -> object:
    return (await data_of(settings, NODE, {"id": gid}, as_user=as_user))["node"]


async def test_author_and_admin_see_every_asset_with_its_placement(
    files_settings: Settings,
) -> None:
    author, _, embedded, download = await setup(files_settings)
    admin = await factories.user(UserRole.ADMIN)
    for viewer in (author, admin):
        assert await node(files_settings, embedded, as_user=viewer) == {
            "id": embedded,
            "filename": "tool.sh",
            "delivery": "EMBEDDED",
            "machineName": "m1",
            "targetPath": "/opt/run.sh",
            "permissions": 0o755,
            "size": len(b"#!/bin/sh\n"),
            "contentType": "text/x-shellscript",
        }
        shown = await node(files_settings, download, as_user=viewer)
        assert isinstance(shown, dict)
        assert shown["delivery"] == "DOWNLOAD"


async def test_a_learner_sees_download_assets_of_playable_versions_only(
    files_settings: Settings,
) -> None:
    _, version, embedded, download = await setup(files_settings)
    learner = await factories.user()
    # A DRAFT version is not theirs to play: neither asset is there.
    assert await node(files_settings, download, as_user=learner) is None
    assert await node(files_settings, embedded, as_user=learner) is None
    await ScenarioVersion.filter(id=version.id).update(status=VersionStatus.PUBLISHED)
    assert await node(files_settings, download, as_user=learner) == {
        "id": download,
        "filename": "tool.sh",
        "delivery": "DOWNLOAD",
        "machineName": None,
        "targetPath": None,
        "permissions": 0o644,
        "size": len(b"words\n"),
        "contentType": "text/x-shellscript",
    }
    # An EMBEDDED asset is placed into a machine: a learner never reads it.
    assert await node(files_settings, embedded, as_user=learner) is None


async def test_an_unknown_asset_is_null(files_settings: Settings) -> None:
    learner = await factories.user()
    gid = to_global_id("VersionAsset", "00000000-0000-0000-0000-000000000001")
    assert await node(files_settings, gid, as_user=learner) is None


async def test_a_node_read_from_its_row_alone_loads_its_file_facts(
    files_settings: Settings,
) -> None:
    """``nodes_by_id("VersionAsset")`` builds the node from the asset row: size and
    media type then come from the file, in one statement for the batch."""
    from rangex_graphql.api.files.types import VersionAssetType, file_facts_by_id
    from rangex_graphql.models import VersionAsset

    await setup(files_settings)
    rows = await VersionAsset.all().order_by("created_at").values(*VersionAssetType.columns())
    nodes = [VersionAssetType.from_row(row) for row in rows]
    loader = file_facts_by_id()

    class Context:
        def loader(self, factory: object) -> object:
            assert factory is file_facts_by_id
            return loader

    class FakeInfo:
        context = Context()

    info: Any = FakeInfo()
    assert [await n.size(info) for n in nodes] == [len(b"#!/bin/sh\n"), len(b"words\n")]
    assert {await n.content_type(info) for n in nodes} == {"text/x-shellscript"}
