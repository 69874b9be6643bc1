"""The image catalog over GraphQL: creators ask, admins approve or reject, and
versionSubmit takes approved images only."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from rangex_graphql import models as m
from rangex_graphql.models import AuditLog, ImageVariant, Notification, User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.models.image import ImageApproval
from rangex_graphql.runtime import Runtime
from rangex_graphql.seed.catalog import CatalogBuilder
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.authoring.conftest import ATTACKER, TARGET, Authoring, ready_version
from tests.api.graphql import run
from tests.support.simulated_runtime import simulated_runtime

pytestmark = pytest.mark.usefixtures("db")

FIELDS = "id name imageRef pinnedRef approval roles tools sizeClass hourlyPriceUsd reviewReason"
REQUEST = f"""mutation($input: ImageVariantInput!) {{ imageApprovalRequest(input: $input) {{
  imageVariant {{ {FIELDS} requestedBy {{ username }} }} errors {{ field code message }} }} }}"""
CREATE = f"""mutation($input: ImageVariantInput!) {{ imageVariantCreate(input: $input) {{
  imageVariant {{ {FIELDS} }} errors {{ field code message }} }} }}"""
UPDATE = f"""mutation($input: ImageVariantUpdateInput!) {{ imageVariantUpdate(input: $input) {{
  imageVariant {{ {FIELDS} }} errors {{ field code message }} }} }}"""
REVIEW = f"""mutation($input: ImageApprovalReviewInput!) {{ imageApprovalReview(input: $input) {{
  imageVariant {{ {FIELDS} }} errors {{ field code message }} }} }}"""
LIST = """query($filter: ImageVariantFilter) { imageVariants(filter: $filter) {
  totalCount edges { node { imageRef approval } } } }"""
NODE = "query($id: ID!) { node(id: $id) { ... on ImageVariant { imageRef approval } } }"
SUBMIT = """mutation($input: VersionInput!) { versionSubmit(input: $input) {
  version { status } errors { field code message } } }"""


@pytest.fixture
async def runtime(settings: Settings) -> AsyncIterator[Runtime]:
    async with simulated_runtime(settings) as built:
        yield built


@pytest.fixture
def call(settings: Settings, runtime: Runtime) -> Any:
    async def call(
        document: str, who: User | None, **variables: Any
    ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        return await run(settings, document, variables, as_user=who, runtime=runtime)

    return call


async def payload(call: Any, document: str, who: User, **input: Any) -> dict[str, Any]:
    data, errors = await call(document, who, input=input)
    assert not errors, errors
    (found,) = data.values()
    result: dict[str, Any] = found
    return result


async def test_a_creators_image_is_submitted_only_once_an_admin_approves_it(
    settings: Settings, call: Any
) -> None:
    creator = await factories.user(UserRole.CREATOR, username="maker")
    admin = await factories.user(UserRole.ADMIN)
    authoring = Authoring(settings)
    _, version_id = await ready_version(authoring, creator)

    # Neither machine's image is in the catalog: refused, each at its machine's path.
    refused = await payload(call, SUBMIT, creator, versionId=version_id)
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [
        ("IMAGE_NOT_APPROVED", "machines.0.imageRef"),
        ("IMAGE_NOT_APPROVED", "machines.1.imageRef"),
    ]
    assert await ImageVariant.all().count() == 0
    assert not await AuditLog.filter(action="version.submit").exists()

    # An admin's catalog entry is approved at once; the simulated engine keeps the tag.
    created = await payload(
        call,
        CREATE,
        admin,
        name="Kali",
        imageRef=ATTACKER["imageRef"],
        roles=["ATTACKER"],
        tools=["nmap", "sqlmap"],
        sizeClass="FULL",
        hourlyPriceUsd="0.0450",
    )
    assert created["errors"] == []
    assert created["imageVariant"]["approval"] == "APPROVED"
    assert created["imageVariant"]["pinnedRef"] is None
    assert created["imageVariant"]["hourlyPriceUsd"] == "0.0450"

    # The creator asks for the target's image; it waits for review.
    requested = await payload(
        call, REQUEST, creator, name="DVWA", imageRef=TARGET["imageRef"], roles=["TARGET"]
    )
    variant = requested["imageVariant"]
    assert (variant["approval"], variant["requestedBy"]) == ("PENDING", {"username": "maker"})
    refused = await payload(call, SUBMIT, creator, versionId=version_id)
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [
        ("IMAGE_NOT_APPROVED", "machines.1.imageRef")
    ]

    reviewed = await payload(call, REVIEW, admin, id=variant["id"], approve=True)
    assert reviewed["imageVariant"]["approval"] == "APPROVED"
    told = await Notification.get(user_id=creator.id, kind="image.approved")
    assert told.data["image_ref"] == TARGET["imageRef"]
    assert await AuditLog.filter(action="image.approve", actor_id=admin.id).count() == 1
    assert await AuditLog.filter(action="image.create", actor_id=admin.id).count() == 1

    submitted = await payload(call, SUBMIT, creator, versionId=version_id)
    assert submitted == {"version": {"status": "SUBMITTED"}, "errors": []}


async def test_bad_requests_and_reviews_change_nothing(call: Any) -> None:
    creator = await factories.user(UserRole.CREATOR)
    admin = await factories.user(UserRole.ADMIN)
    bad = await payload(
        call, REQUEST, creator, name=" ", imageRef="Not An Image", defaultCpu=64.0, tools=[""]
    )
    assert [(e["code"], e["field"]) for e in bad["errors"]] == [
        ("INVALID", "name"),
        ("INVALID", "imageRef"),
        ("INVALID", "defaultCpu"),
        ("INVALID", "tools.0"),
    ]
    assert bad["imageVariant"] is None
    assert await ImageVariant.all().count() == 0

    first = await payload(call, REQUEST, creator, name="Web", imageRef="rangex/web:2")
    again = await payload(call, REQUEST, creator, name="Web", imageRef="rangex/web:2")
    assert [(e["code"], e["field"]) for e in again["errors"]] == [("DUPLICATE", "imageRef")]
    variant_id = first["imageVariant"]["id"]

    no_reason = await payload(call, REVIEW, admin, id=variant_id, approve=False)
    assert [(e["code"], e["field"]) for e in no_reason["errors"]] == [("REQUIRED", "reason")]
    assert (await ImageVariant.get()).approval is ImageApproval.PENDING

    rejected = await payload(call, REVIEW, admin, id=variant_id, approve=False, reason="No.")
    assert rejected["imageVariant"]["approval"] == "REJECTED"
    assert await Notification.filter(user_id=creator.id, kind="image.rejected").count() == 1
    twice = await payload(call, REVIEW, admin, id=variant_id, approve=True)
    assert [(e["code"], e["field"]) for e in twice["errors"]] == [("ALREADY_REVIEWED", "id")]
    assert (await ImageVariant.get()).approval is ImageApproval.REJECTED

    unknown = await payload(
        call,
        REVIEW,
        admin,
        id="SW1hZ2VWYXJpYW50OjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA==",
        approve=True,
    )
    assert [(e["code"], e["field"]) for e in unknown["errors"]] == [("NOT_FOUND", "id")]


async def test_who_sees_and_changes_the_catalog(call: Any) -> None:
    alice = await factories.user(UserRole.CREATOR)
    bob = await factories.user(UserRole.CREATOR)
    learner = await factories.user(UserRole.USER)
    admin = await factories.user(UserRole.ADMIN)
    approved = await payload(
        call, CREATE, admin, name="Kali", imageRef="rangex/kali:1", roles=["ATTACKER"]
    )
    pending = await payload(call, REQUEST, alice, name="Mine", imageRef="alice/lab:1")
    pending_id = pending["imageVariant"]["id"]

    async def listed(who: User, **filter: Any) -> list[tuple[str, str]]:
        data, errors = await call(LIST, who, filter=filter or None)
        assert not errors, errors
        return [
            (e["node"]["imageRef"], e["node"]["approval"]) for e in data["imageVariants"]["edges"]
        ]

    both = [("rangex/kali:1", "APPROVED"), ("alice/lab:1", "PENDING")]
    assert await listed(admin) == both
    assert await listed(alice) == both
    assert await listed(bob) == [("rangex/kali:1", "APPROVED")]
    assert await listed(admin, approval="PENDING") == [("alice/lab:1", "PENDING")]
    assert await listed(admin, role="ATTACKER") == [("rangex/kali:1", "APPROVED")]
    assert await listed(admin, role="TARGET") == []

    data, _ = await call(NODE, bob, id=pending_id)
    assert data == {"node": None}
    data, _ = await call(NODE, alice, id=pending_id)
    assert data == {"node": {"imageRef": "alice/lab:1", "approval": "PENDING"}}

    _, errors = await call(LIST, learner)
    assert errors[0]["extensions"]["code"] == "FORBIDDEN"
    _, errors = await call(LIST, None)
    assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
    for document, input in (
        (CREATE, {"name": "X", "imageRef": "x/y:1"}),
        (REVIEW, {"id": pending_id, "approve": True}),
        (UPDATE, {"id": approved["imageVariant"]["id"], "name": "Y"}),
    ):
        _, errors = await call(document, alice, input=input)
        assert errors[0]["extensions"]["code"] == "FORBIDDEN", document
    assert (await ImageVariant.get(image_ref="alice/lab:1")).approval is ImageApproval.PENDING

    changed = await payload(
        call, UPDATE, admin, id=approved["imageVariant"]["id"], tools=["msf"], name="Kali 2"
    )
    assert (changed["imageVariant"]["name"], changed["imageVariant"]["tools"]) == (
        "Kali 2",
        ["msf"],
    )
    assert await AuditLog.filter(action="image.update").count() == 1


def test_the_demo_seeds_every_image_it_uses_as_approved() -> None:
    builder = CatalogBuilder(random.Random(7), datetime(2026, 12, 1, tzinfo=UTC))
    builder.build_catalog()
    catalog = {row.image_ref: row for row in builder.rows[m.ImageVariant]}
    used = {row.image_ref for row in builder.rows[m.Machine]}
    assert used
    assert used <= set(catalog)
    assert {catalog[ref].approval for ref in used} == {ImageApproval.APPROVED}
