"""The S3 store on moto's server: a presigned POST uploaded with httpx, then uploadComplete."""

from __future__ import annotations

import base64
import contextlib
import json
from collections.abc import Iterator

import httpx
import pytest

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.files.factory import build_store
from rangex_graphql.models.enums import UserRole, VersionStatus
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.files.helpers import codes, complete, create
from tests.files.images_data import jpeg
from tests.support.moto_server import MotoServer, aws_session, start_moto_server

BUCKET = "rangex-files"


@pytest.fixture(scope="module")
def moto() -> Iterator[MotoServer]:
    server = start_moto_server()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
async def s3_settings(
    settings: Settings, moto: MotoServer, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    configured = settings.model_copy(
        update={
            "files_backend": "s3",
            "files_s3_bucket": BUCKET,
            "files_s3_region": "us-east-1",
            "files_s3_endpoint_url": moto.url,
        }
    )
    async with aws_session().create_client(
        "s3", region_name="us-east-1", endpoint_url=moto.url
    ) as s3:
        with contextlib.suppress(s3.exceptions.BucketAlreadyOwnedByYou):
            await s3.create_bucket(Bucket=BUCKET)
    return configured


@pytest.mark.usefixtures("db")
async def test_presigned_post_then_complete_on_moto(s3_settings: Settings) -> None:
    author = await factories.user(UserRole.CREATOR)
    version = await factories.version(await factories.scenario(author), VersionStatus.DRAFT)
    image = jpeg(640, 360) + b"\x00" * 100
    created = await create(
        s3_settings,
        author,
        kind="COVER",
        filename="cover.jpg",
        size=len(image),
        contentType="image/jpeg",
    )
    assert created["errors"] == []
    fields = {f["name"]: f["value"] for f in created["fields"]}
    assert fields["Content-Type"] == "image/jpeg"
    # S3 enforces the signed policy (moto does not: uploadComplete checks the size too).
    policy = json.loads(base64.b64decode(fields["policy"]))
    assert ["content-length-range", len(image), len(image)] in policy["conditions"]
    assert {"Content-Type": "image/jpeg"} in policy["conditions"]
    async with httpx.AsyncClient() as client:
        answer = await client.post(
            created["url"], data=fields, files={"file": ("c", image, "image/jpeg")}
        )
        assert answer.status_code in (200, 204), answer.text
        done = await complete(
            s3_settings,
            author,
            uploadId=created["upload"]["id"],
            versionId=to_global_id("ScenarioVersion", version.id),
        )
        assert done["errors"] == []
        shown = await client.get(done["version"]["coverUrl"])
        assert shown.status_code == 200
        assert shown.content == image
    store = build_store(s3_settings)
    upload_id = created["upload"]["id"]
    assert upload_id  # the upload key is deleted, the checked copy stays
    from rangex_graphql.models import StoredFile

    row = await StoredFile.get()
    assert await store.head(f"uploads/{row.id}") is None
    info = await store.head(row.object_key)
    assert info is not None
    assert info.size == len(image)


@pytest.mark.usefixtures("db")
async def test_size_mismatch_on_s3_leaves_no_object(s3_settings: Settings) -> None:
    author = await factories.user()
    image = jpeg(640, 360)
    created = await create(
        s3_settings,
        author,
        kind="AVATAR",
        filename="me.jpg",
        size=len(image),
        contentType="image/jpeg",
    )
    store = build_store(s3_settings)
    from rangex_graphql.models import StoredFile

    row = await StoredFile.get()
    # Put a different object where the upload goes (as a client bypassing the policy).
    await store.put(f"uploads/{row.id}", image + b"extra", "image/jpeg")
    done = await complete(s3_settings, author, uploadId=created["upload"]["id"])
    assert codes(done) == [("input.uploadId", "SIZE_MISMATCH")]
    assert await store.head(f"uploads/{row.id}") is None
    assert await StoredFile.all().count() == 0
