"""Uploads on the local store, end to end through the upload route (httpx, ASGI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import AuditLog, ScenarioVersion, StoredFile, User, VersionAsset
from rangex_graphql.models.enums import UserRole, VersionStatus
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.files.helpers import codes, complete, create, local_app, post_form
from tests.files.images_data import png

pytestmark = pytest.mark.usefixtures("db")


def objects(settings: Settings) -> list[str]:
    root = Path(settings.files_dir)
    return sorted(
        str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and p.suffix != ".type"
    )


async def draft() -> tuple[User, ScenarioVersion]:
    author = await factories.user(UserRole.CREATOR)
    scenario = await factories.scenario(author)
    return author, await factories.version(scenario, VersionStatus.DRAFT)


async def test_cover_upload_end_to_end(files_settings: Settings) -> None:
    author, version = await draft()
    image = png(800, 600)
    created = await create(
        files_settings,
        author,
        kind="COVER",
        filename="cover.png",
        size=len(image),
        contentType="image/png",
    )
    assert created["errors"] == []
    assert created["url"].startswith("/files/upload/")
    async with local_app(files_settings) as client:
        answer = await post_form(client, created, image, "image/png")
        assert answer.status_code == 204, answer.text
        done = await complete(
            files_settings,
            author,
            uploadId=created["upload"]["id"],
            versionId=to_global_id("ScenarioVersion", version.id),
        )
        assert done["errors"] == []
        assert done["kind"] == "COVER"
        url = done["version"]["coverUrl"]
        assert url.startswith("/files/download/")
        shown = await client.get(url)
        assert shown.status_code == 200
        assert shown.content == image
        assert shown.headers["content-type"] == "image/png"
    row = await StoredFile.get()
    assert (row.state, row.width, row.height) == ("ATTACHED", 800, 600)
    # The upload key is gone; only the checked copy remains.
    assert objects(files_settings) == [f"files/{row.id}"]
    assert await AuditLog.filter(action="file.attach").count() == 1


async def test_route_refuses_a_file_other_than_declared(files_settings: Settings) -> None:
    author, _ = await draft()
    created = await create(
        files_settings, author, kind="COVER", filename="c.png", size=100, contentType="image/png"
    )
    async with local_app(files_settings) as client:
        too_big = await post_form(client, created, b"x" * 101, "image/png")
        assert too_big.status_code == 400
        fields = {f["name"]: f["value"] for f in created["fields"]}
        fields["Content-Type"] = "text/html"
        wrong = await client.post(
            created["url"], data=fields, files={"file": ("c", b"x" * 100, "text/html")}
        )
        assert wrong.status_code == 403
        forged = await client.post(created["url"][:-3] + "abc", data=fields)
        assert forged.status_code == 403
    assert objects(files_settings) == []


async def test_sniffed_mismatch_discards_the_upload(files_settings: Settings) -> None:
    author, version = await draft()
    fake = b"<html>not an image</html>" + b" " * 200
    created = await create(
        files_settings,
        author,
        kind="COVER",
        filename="c.png",
        size=len(fake),
        contentType="image/png",
    )
    async with local_app(files_settings) as client:
        assert (await post_form(client, created, fake, "image/png")).status_code == 204
    done = await complete(
        files_settings,
        author,
        uploadId=created["upload"]["id"],
        versionId=to_global_id("ScenarioVersion", version.id),
    )
    assert codes(done) == [("input.uploadId", "CONTENT_MISMATCH")]
    assert await StoredFile.all().count() == 0
    assert objects(files_settings) == []
    refreshed = await ScenarioVersion.get(id=version.id)
    assert refreshed.cover_file_id is None  # type: ignore[attr-defined]


async def test_cover_dimensions_are_bounded(files_settings: Settings) -> None:
    author, version = await draft()
    tiny = png(100, 100)
    created = await create(
        files_settings,
        author,
        kind="COVER",
        filename="c.png",
        size=len(tiny),
        contentType="image/png",
    )
    async with local_app(files_settings) as client:
        await post_form(client, created, tiny, "image/png")
    done = await complete(
        files_settings,
        author,
        uploadId=created["upload"]["id"],
        versionId=to_global_id("ScenarioVersion", version.id),
    )
    assert codes(done) == [("input.uploadId", "IMAGE_DIMENSIONS")]
    assert objects(files_settings) == []


async def test_missing_object_keeps_the_upload_pending(files_settings: Settings) -> None:
    author, version = await draft()
    created = await create(
        files_settings, author, kind="COVER", filename="c.png", size=90, contentType="image/png"
    )
    done = await complete(
        files_settings,
        author,
        uploadId=created["upload"]["id"],
        versionId=to_global_id("ScenarioVersion", version.id),
    )
    assert codes(done) == [("input.uploadId", "OBJECT_MISSING")]
    assert await StoredFile.filter(state="PENDING").count() == 1


@pytest.mark.parametrize(
    ("input", "expected"),
    [
        ({"filename": "../etc/passwd"}, [("input.filename", "INVALID_FILENAME")]),
        ({"filename": "a" * 256}, [("input.filename", "INVALID_FILENAME")]),
        ({"filename": ".hidden"}, [("input.filename", "INVALID_FILENAME")]),
        ({"contentType": "image/gif"}, [("input.contentType", "CONTENT_TYPE_NOT_ALLOWED")]),
        ({"size": 5 * 1024 * 1024 + 1}, [("input.size", "TOO_LARGE")]),
        ({"size": 0}, [("input.size", "EMPTY_FILE")]),
    ],
)
async def test_upload_create_refusals(
    files_settings: Settings, input: dict[str, object], expected: list[tuple[str, str]]
) -> None:
    author, _ = await draft()
    given = {"kind": "COVER", "filename": "c.png", "size": 1000, "contentType": "image/png"}
    created = await create(files_settings, author, **{**given, **input})
    assert codes(created) == expected
    assert created["url"] is None
    assert await StoredFile.all().count() == 0


async def test_quotas_count_pending_uploads(files_settings: Settings) -> None:
    small = files_settings.model_copy(
        update={"files_user_quota_bytes": 1500, "files_total_quota_bytes": 2500}
    )
    one, _ = await draft()
    two, _ = await draft()
    args = {"kind": "ASSET", "filename": "w.txt", "contentType": "text/plain"}
    assert (await create(small, one, size=1000, **args))["errors"] == []
    assert codes(await create(small, one, size=501, **args)) == [("input.size", "QUOTA_EXCEEDED")]
    assert (await create(small, one, size=500, **args))["errors"] == []
    assert (await create(small, two, size=1000, **args))["errors"] == []
    assert codes(await create(small, two, size=1, **args)) == [
        ("input.size", "TOTAL_QUOTA_EXCEEDED")
    ]


async def test_asset_embedded_rules_and_download_listing(files_settings: Settings) -> None:
    author, version = await draft()
    body = b"root\nadmin\npassword\n"
    created = await create(
        files_settings,
        author,
        kind="ASSET",
        filename="words.txt",
        size=len(body),
        contentType="text/plain",
    )
    async with local_app(files_settings) as client:
        await post_form(client, created, body, "text/plain")
    vid = to_global_id("ScenarioVersion", version.id)
    bad = await complete(
        files_settings,
        author,
        uploadId=created["upload"]["id"],
        versionId=vid,
        asset={
            "kind": "WORDLIST",
            "delivery": "EMBEDDED",
            "machineName": "m1",
            "targetPath": "/opt/../etc/shadow",
            "permissions": 0o1777,
        },
    )
    assert codes(bad) == [
        ("input.asset.targetPath", "INVALID_TARGET_PATH"),
        ("input.asset.permissions", "INVALID_PERMISSIONS"),
    ]
    nomachine = await complete(
        files_settings,
        author,
        uploadId=created["upload"]["id"],
        versionId=vid,
        asset={
            "kind": "WORDLIST",
            "delivery": "EMBEDDED",
            "machineName": "nope",
            "targetPath": "/opt/words.txt",
        },
    )
    assert codes(nomachine) == [("input.asset.machineName", "MACHINE_NOT_FOUND")]
    done = await complete(
        files_settings,
        author,
        uploadId=created["upload"]["id"],
        versionId=vid,
        asset={
            "kind": "WORDLIST",
            "delivery": "EMBEDDED",
            "machineName": "m1",
            "targetPath": "/opt/words.txt",
            "permissions": 0o600,
        },
    )
    assert done["errors"] == []
    assert done["asset"]["targetPath"] == "/opt/words.txt"
    assert done["asset"]["permissions"] == 0o600
    assert done["asset"]["size"] == len(body)
    assert await VersionAsset.all().count() == 1


async def test_other_users_cannot_complete_or_target_foreign_versions(
    files_settings: Settings,
) -> None:
    author, version = await draft()
    stranger = await factories.user(UserRole.CREATOR)
    image = png(300, 300)
    mine = await create(
        files_settings,
        stranger,
        kind="COVER",
        filename="c.png",
        size=len(image),
        contentType="image/png",
    )
    async with local_app(files_settings) as client:
        await post_form(client, mine, image, "image/png")
    vid = to_global_id("ScenarioVersion", version.id)
    refused = await complete(files_settings, stranger, uploadId=mine["upload"]["id"], versionId=vid)
    assert codes(refused) == [("input.versionId", "NOT_FOUND")]
    not_theirs = await complete(
        files_settings, author, uploadId=mine["upload"]["id"], versionId=vid
    )
    assert codes(not_theirs) == [("input.uploadId", "UPLOAD_NOT_FOUND")]
