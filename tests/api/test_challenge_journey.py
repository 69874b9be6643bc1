"""A challenge from its creator's first draft to a learner completing it, through the API
on the real Docker Engine (the private dockerd of the orchestrator tests) and the local
file store, served by uvicorn on a free port:

a creator writes a scenario and a draft (content, a hint, two busybox httpd machines, the
web one with an exposed HTTP entrypoint), uploads a cover and a wordlist through the
presigned form, runs a test run and follows its checks over ``testRunUpdated`` until
PASSED, and submits; an admin sees the passed run, approves and publishes; a learner
starts a session, sees the published entrypoint and reaches it, unlocks the hint for its
penalty, downloads the wordlist and answers every question right, which completes the
session. Nothing of the sessions is left on the engine.
"""

from __future__ import annotations

import asyncio
import json
import struct
import zlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiodocker
import httpx
import pytest

from rangex_graphql.broker import MemoryBroker
from rangex_graphql.models import EnvironmentSession, User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.orchestrator.docker import DockerDriver
from rangex_graphql.orchestrator.protocol import LABEL_SESSION
from rangex_graphql.runtime import build_runtime
from rangex_graphql.security.tokens import issue_access_token
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run
from tests.api.subscriptions.client import Client, LiveServer, serve
from tests.orchestrator.conftest import docker_api, driver_config, private_dockerd
from tests.support.dockerd import IMAGE, INDEX_HTML, PrivateDockerd
from tests.support.sessions import settle

__all__ = ["docker_api", "private_dockerd"]  # the engine's fixtures, used below

pytestmark = pytest.mark.usefixtures("db")

ERRORS = "errors { field code message }"
SCENARIO_CREATE = f"""mutation($input: ScenarioCreateInput!) {{
  scenarioCreate(input: $input) {{ scenario {{ id }} {ERRORS} }} }}"""
VERSION_CREATE = f"""mutation($input: VersionCreateInput!) {{
  versionCreate(input: $input) {{ version {{ id status }} {ERRORS} }} }}"""
VERSION_UPDATE = f"""mutation($input: VersionUpdateInput!) {{
  versionUpdate(input: $input) {{ version {{ mission hintMode scoringMode }} {ERRORS} }} }}"""
MACHINE_ADD = f"""mutation($input: MachineAddInput!) {{
  machineAdd(input: $input) {{ machine {{ name entrypoints {{ protocol port exposed }} }}
  {ERRORS} }} }}"""
QUESTION_ADD = f"""mutation($input: QuestionAddInput!) {{
  questionAdd(input: $input) {{ question {{ id }} {ERRORS} }} }}"""
HINT_ADD = f"""mutation($input: HintAddInput!) {{
  hintAdd(input: $input) {{ hint {{ id }} {ERRORS} }} }}"""
UPLOAD_CREATE = f"""mutation($input: UploadCreateInput!) {{
  uploadCreate(input: $input) {{ upload {{ id }} url fields {{ name value }} {ERRORS} }} }}"""
UPLOAD_COMPLETE = f"""mutation($input: UploadCompleteInput!) {{
  uploadComplete(input: $input) {{ kind version {{ coverUrl }} asset {{ id kind delivery size }}
  {ERRORS} }} }}"""
ASSET_UPDATE = f"""mutation($input: VersionAssetUpdateInput!) {{
  versionAssetUpdate(input: $input) {{ asset {{ description delivery }} {ERRORS} }} }}"""
TEST_RUN_START = f"""mutation($input: VersionTestRunStartInput!) {{
  versionTestRunStart(input: $input) {{ testRun {{ id status }} {ERRORS} }} }}"""
SUBMIT = f"""mutation($input: VersionInput!) {{
  versionSubmit(input: $input) {{ version {{ status }} warnings {{ code }} {ERRORS} }} }}"""
IMAGE_REQUEST = f"""mutation($input: ImageVariantInput!) {{
  imageApprovalRequest(input: $input) {{ imageVariant {{ id approval }} {ERRORS} }} }}"""
IMAGE_REVIEW = f"""mutation($input: ImageApprovalReviewInput!) {{
  imageApprovalReview(input: $input) {{ imageVariant {{ approval pinnedRef }} {ERRORS} }} }}"""
REVIEW = f"""mutation($input: VersionReviewInput!) {{
  versionReview(input: $input) {{ version {{ status }} {ERRORS} }} }}"""
PUBLISH = f"""mutation($input: VersionInput!) {{
  versionPublish(input: $input) {{ version {{ status }} {ERRORS} }} }}"""
SESSION_START = f"""mutation($input: SessionStartInput!) {{
  sessionStart(input: $input) {{ session {{ id }} {ERRORS} }} }}"""
HINT_UNLOCK = f"""mutation($input: HintUnlockInput!) {{
  hintUnlock(input: $input) {{ hint {{ unlocked body }} penaltyApplied sessionScore
  {ERRORS} }} }}"""
ASSET_DOWNLOAD = f"""mutation($input: SessionAssetDownloadInput!) {{
  sessionAssetDownload(input: $input) {{ url {ERRORS} }} }}"""
ANSWER = f"""mutation($input: AnswerSubmitInput!) {{
  answerSubmit(input: $input) {{ result {{ correct sessionScore }} {ERRORS} }} }}"""

TEST_RUN_FEED = """subscription($id: ID!) {
  testRunUpdated(id: $id) { status checks { name status message } } }"""
REVIEWED_VERSION = """query($id: ID!) { node(id: $id) { ... on ScenarioVersion {
  status coverUrl latestTestRun { status checks { name status } } } } }"""
SESSION = """query($id: ID!) { node(id: $id) { ... on EnvironmentSession {
  state endReason score
  machines { machine { name } connection { entrypoints { protocol host port } } }
  hints { id title unlocked unlockableNow body penaltyPoints }
} } }"""

#: Seconds a test run may take on the engine, deploy and checks together.
RUN_TIMEOUT = 120
SERVE = "exec httpd -f -p 80 -h /www"
WORDLIST = b"admin\npassword\nletmein\nrangex\n"
FLAG = "flag{the-door-was-open}"


def png(width: int, height: int) -> bytes:
    """A valid RGB PNG of one grey colour, built by hand (no image library)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


class Api:
    """The GraphQL API of ``server`` in-process (its runtime, so background work and the
    subscriptions' broker are the server's), and its HTTP routes over the socket."""

    def __init__(self, server: LiveServer, http: httpx.AsyncClient) -> None:
        self.server = server
        self.http = http

    async def call(self, who: User, document: str, **input: Any) -> dict[str, Any]:
        """The payload of a mutation that must succeed."""
        data, errors = await run(
            self.server.runtime.settings,
            document,
            {"input": input},
            as_user=who,
            runtime=self.server.runtime,
        )
        assert not errors, errors
        assert data is not None
        (payload,) = data.values()
        assert payload["errors"] == [], payload["errors"]
        result: dict[str, Any] = payload
        return result

    async def node(self, who: User, document: str, id: str) -> dict[str, Any]:
        data, errors = await run(self.server.runtime.settings, document, {"id": id}, as_user=who)
        assert not errors, errors
        assert data is not None
        found: dict[str, Any] = data["node"]
        return found

    async def upload(
        self,
        who: User,
        version_id: str,
        kind: str,
        filename: str,
        body: bytes,
        content_type: str,
        asset: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """uploadCreate, the presigned form posted to the server, uploadComplete."""
        created = await self.call(
            who,
            UPLOAD_CREATE,
            kind=kind,
            filename=filename,
            size=len(body),
            contentType=content_type,
        )
        form = {field["name"]: field["value"] for field in created["fields"]}
        posted = await self.http.post(
            created["url"], data=form, files={"file": (filename, body, content_type)}
        )
        assert posted.status_code == 204, posted.text
        return await self.call(
            who,
            UPLOAD_COMPLETE,
            uploadId=created["upload"]["id"],
            versionId=version_id,
            asset=asset,
        )

    def token(self, who: User) -> str:
        settings = self.server.runtime.settings
        return issue_access_token(settings, who.id, generation=who.token_generation)[0]


@pytest.fixture
async def api(
    settings: Settings, private_dockerd: PrivateDockerd, tmp_path: Path
) -> AsyncIterator[Api]:
    """The app on a free port, its sessions on the private dockerd, files in a folder."""
    driver = DockerDriver(driver_config(private_dockerd))
    runtime = build_runtime(
        settings.model_copy(
            update={
                "jobs_enabled": False,
                "files_backend": "local",
                "files_dir": tmp_path / "objects",
            }
        ),
        driver=driver,
        broker=MemoryBroker(),
    )
    before = set(await driver.list_owned())
    try:
        async with serve(runtime) as server:
            base = server.url.replace("ws://", "http://").removesuffix("/graphql")
            async with httpx.AsyncClient(base_url=base, timeout=10) as http:
                yield Api(server, http)
    finally:
        await settle(runtime)
        for session_id in set(await driver.list_owned()) - before:
            await driver.destroy(session_id)
        await runtime.aclose()


async def watch_test_run(api: Api, who: User, run_id: str) -> list[dict[str, Any]]:
    """Every value of ``testRunUpdated`` over a graphql-transport-ws connection, until the
    server completes the subscription after the verdict."""
    values: list[dict[str, Any]] = []
    async with Client.open(api.server.url, api.token(who)) as client:
        await client.subscribe("run", TEST_RUN_FEED, {"id": run_id})
        async with asyncio.timeout(RUN_TIMEOUT):
            while (message := await next_message(client))["type"] == "next":
                assert "errors" not in message["payload"], message
                values.append(message["payload"]["data"]["testRunUpdated"])
        assert message == {"id": "run", "type": "complete"}, message
    return values


async def next_message(client: Client) -> dict[str, Any]:
    """The next message, however long the engine takes between two (the client's own
    wait is a few seconds; cancelling a receive loses nothing)."""
    while True:
        try:
            return await client.receive()
        except TimeoutError:
            continue


async def left_on_engine(docker: aiodocker.Docker, session_id: str) -> tuple[list[Any], list[Any]]:
    label = f"{LABEL_SESSION}={session_id}"
    containers = await docker.containers.list(all=True, filters=json.dumps({"label": [label]}))
    networks = await docker.networks.list(filters={"label": label})
    return containers, networks


async def test_a_challenge_from_draft_to_a_completed_session(
    api: Api, docker_api: aiodocker.Docker
) -> None:
    creator = await factories.user(UserRole.CREATOR, username="creator")
    admin = await factories.user(UserRole.ADMIN, username="reviewer")
    learner = await factories.user(username="learner")

    # The creator: a scenario, a draft, its content and a hint.
    scenario = (
        await api.call(
            creator,
            SCENARIO_CREATE,
            title="Open Door",
            description="A web server that trusts everyone a little too much.",
            difficulty="BEGINNER",
            category="web",
        )
    )["scenario"]
    version = (await api.call(creator, VERSION_CREATE, scenarioId=scenario["id"]))["version"]
    version_id = version["id"]
    assert version["status"] == "DRAFT"
    updated = await api.call(
        creator,
        VERSION_UPDATE,
        versionId=version_id,
        shortDescription="Find the way in.",
        estimatedMinutes=30,
        mission="Read the **web** server's page and find the flag.",
        solution="The flag is in the page's source.",
        learningOutcomes=["HTTP basics"],
        hintMode="ENABLED",
    )
    assert updated["version"]["hintMode"] == "ENABLED"
    assert updated["version"]["scoringMode"] == "ALL_OR_NOTHING"
    hint_id = (
        await api.call(
            creator,
            HINT_ADD,
            versionId=version_id,
            title="Where to look",
            body="View the page's source.",
            unlockCondition="AFTER_MINUTES",
            unlockThreshold=0,
            penaltyPoints=5,
        )
    )["hint"]["id"]

    # Two machines in two network groups: the learner enters the web one by HTTP.
    web = await api.call(
        creator,
        MACHINE_ADD,
        versionId=version_id,
        name="web",
        role="TARGET",
        imageRef=IMAGE,
        networkGroup="dmz",
        learnerMayEnter=True,
        startupCommands=[SERVE],
        healthcheck={
            "command": "nc -w 1 127.0.0.1 80 </dev/null",
            "intervalSeconds": 5,
            "timeoutSeconds": 2,
            "retries": 5,
        },
        entrypoints=[{"protocol": "HTTP", "port": 80, "description": "the site"}],
    )
    assert web["machine"]["entrypoints"] == [{"protocol": "HTTP", "port": 80, "exposed": True}]
    await api.call(
        creator,
        MACHINE_ADD,
        versionId=version_id,
        name="db",
        role="INTERNAL",
        imageRef=IMAGE,
        networkGroup="lan",
        startupCommands=[SERVE],
        entrypoints=[{"protocol": "HTTP", "port": 80, "exposed": False, "description": "admin"}],
    )
    questions = [
        (
            await api.call(
                creator,
                QUESTION_ADD,
                versionId=version_id,
                prompt=prompt,
                kind=kind,
                points=points,
                expectedAnswers=[answer],
            )
        )["question"]["id"]
        for prompt, kind, points, answer in (
            ("Which server software answers on port 80?", "SHORT_ANSWER", 40, "busybox"),
            ("The flag?", "FLAG", 60, FLAG),
        )
    ]
    answers = {questions[0]: "busybox", questions[1]: FLAG}

    # The cover and the wordlist, through the presigned form of the local store.
    cover = png(240, 200)
    done = await api.upload(creator, version_id, "COVER", "cover.png", cover, "image/png")
    assert done["kind"] == "COVER"
    shown = await api.http.get(done["version"]["coverUrl"])
    assert (shown.status_code, shown.content) == (200, cover)
    wordlist = (
        await api.upload(
            creator,
            version_id,
            "ASSET",
            "words.txt",
            WORDLIST,
            "text/plain",
            asset={"kind": "WORDLIST", "delivery": "DOWNLOAD"},
        )
    )["asset"]
    assert (wordlist["kind"], wordlist["delivery"], wordlist["size"]) == (
        "WORDLIST",
        "DOWNLOAD",
        len(WORDLIST),
    )
    described = await api.call(
        creator, ASSET_UPDATE, assetId=wordlist["id"], description="Passwords to try."
    )
    assert described["asset"] == {"description": "Passwords to try.", "delivery": "DOWNLOAD"}

    # The image is the creator's own: an admin approves it for the catalog (the engine
    # has it, no registry serves it: the tag stays); then it may run in a test run and
    # the version may be submitted.
    requested = await api.call(creator, IMAGE_REQUEST, name="Lab base", imageRef=IMAGE)
    assert requested["imageVariant"]["approval"] == "PENDING"
    approved_image = await api.call(
        admin, IMAGE_REVIEW, id=requested["imageVariant"]["id"], approve=True
    )
    assert approved_image["imageVariant"] == {"approval": "APPROVED", "pinnedRef": None}

    # A test run on the engine, followed over the subscription until it passes.
    started = await api.call(creator, TEST_RUN_START, versionId=version_id)
    values = await watch_test_run(api, creator, started["testRun"]["id"])
    statuses = [value["status"] for value in values]
    assert statuses[0] in ("PENDING", "DEPLOYING"), statuses
    assert "TESTING" in statuses
    verdict = values[-1]
    assert verdict["status"] == "PASSED", verdict
    checks = {check["name"]: check["status"] for check in verdict["checks"]}
    for name in ("machines_running", "private_addresses", "entrypoint web:80", "segmentation"):
        assert checks[name] == "PASSED", verdict["checks"]
    assert checks["healthchecks"] == "PASSED"
    await settle(api.server.runtime)  # the test session's teardown

    # Submitted without a warning: a passed run exists.
    submitted = await api.call(creator, SUBMIT, versionId=version_id)
    assert (submitted["version"]["status"], submitted["warnings"]) == ("SUBMITTED", [])

    # The reviewer sees the passed run, approves; the version is published.
    reviewed = await api.node(admin, REVIEWED_VERSION, version_id)
    assert reviewed["status"] == "SUBMITTED"
    assert reviewed["latestTestRun"]["status"] == "PASSED"
    approved = await api.call(admin, REVIEW, versionId=version_id, decision="APPROVE")
    assert approved["version"]["status"] == "APPROVED"
    published = await api.call(admin, PUBLISH, versionId=version_id)
    assert published["version"]["status"] == "PUBLISHED"

    # The learner starts a session and sees where to connect.
    session_id = (await api.call(learner, SESSION_START, versionId=version_id))["session"]["id"]
    await settle(api.server.runtime)
    session = await api.node(learner, SESSION, session_id)
    assert session["state"] == "RUNNING", session
    entered = {m["machine"]["name"]: m["connection"]["entrypoints"] for m in session["machines"]}
    assert entered["db"] == []  # internal entrypoints are not listed
    (entrypoint,) = entered["web"]
    assert entrypoint["protocol"] == "HTTP"
    assert entrypoint["host"]
    assert entrypoint["port"] > 0
    async with httpx.AsyncClient(timeout=5) as outside:
        page = await outside.get(f"http://{entrypoint['host']}:{entrypoint['port']}/")
    assert (page.status_code, page.content) == (200, INDEX_HTML)

    # The hint: locked (no body), unlocked for its penalty, once.
    (hint,) = session["hints"]
    assert (hint["id"], hint["unlocked"], hint["body"]) == (hint_id, False, None)
    assert hint["unlockableNow"] is True
    unlocked = await api.call(learner, HINT_UNLOCK, session=session_id, hint=hint_id)
    assert unlocked["hint"] == {"unlocked": True, "body": "View the page's source."}
    assert (unlocked["penaltyApplied"], unlocked["sessionScore"]) == (5, -5)
    again = await api.call(learner, HINT_UNLOCK, session=session_id, hint=hint_id)
    assert (again["penaltyApplied"], again["sessionScore"]) == (0, -5)
    assert (await api.node(learner, SESSION, session_id))["score"] == -5

    # The wordlist, downloaded as uploaded.
    link = await api.call(learner, ASSET_DOWNLOAD, sessionId=session_id, assetId=wordlist["id"])
    downloaded = await api.http.get(link["url"])
    assert (downloaded.status_code, downloaded.content) == (200, WORDLIST)

    # Every question right: the session completes with the points less the penalty.
    for question_id, answer in answers.items():
        result = (
            await api.call(
                learner, ANSWER, session=session_id, question=question_id, answer=[answer]
            )
        )["result"]
        assert result["correct"] is True
    assert result["sessionScore"] == 40 + 60 - 5
    await settle(api.server.runtime)
    ended = await api.node(learner, SESSION, session_id)
    assert (ended["state"], ended["endReason"], ended["score"]) == ("TERMINATED", "completed", 95)

    # Nothing of either session (the test run's, the learner's) is left on the engine.
    for row in await EnvironmentSession.all():
        assert await left_on_engine(docker_api, str(row.id)) == ([], []), row.id
    assert await EnvironmentSession.all().count() == 2
