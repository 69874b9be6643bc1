"""The image catalog: admins add and change images (approved at once); creators ask for a
new image reference to be approved, and an admin approves or rejects it (the requester is
notified). Approving pins the reference to the digest the registry serves, when the engine
can ask it (registry_access.pin); otherwise the tag stays, and ``pinned_ref`` is null."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any
from uuid import UUID

from tortoise.expressions import Q

from ...broker import Broker
from ...db.transactions import retrying_transaction
from ...models import ImageVariant, Notification
from ...models.enums import MachineRole
from ...models.image import ImageApproval, ImageSizeClass
from ...orchestrator.protocol import Driver
from ...orchestrator.registry import RegistryLoginFailed
from ...settings import Settings
from ..audit import RequestMeta, audit
from ..authoring.access import Actor, fk, now, require_admin
from ..authoring.errors import RuleCode
from ..authoring.machine_rules import image_ref_errors
from ..errors import DomainError, DomainErrors
from ..notifications import announce, notify
from .credentials import auth_for
from .errors import ImageCode
from .registry_access import pin

NAME_MAX_LENGTH = 120
BASE_OS_MAX_LENGTH = 64
MAX_TOOLS = 30
TOOL_MAX_LENGTH = 40
REASON_MAX_LENGTH = 2000
MAX_PRICE = Decimal("1000")


@dataclass(frozen=True, slots=True)
class VariantSpec:
    name: str
    image_ref: str
    base_os: str = ""
    size_class: ImageSizeClass = ImageSizeClass.STANDARD
    default_cpu: float = 0.5
    default_memory_mib: int = 512
    hourly_price_usd: Decimal = Decimal("0")
    roles: list[MachineRole] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class VariantChanges:
    """None: unchanged. The image reference itself never changes: request another."""

    name: str | None = None
    base_os: str | None = None
    size_class: ImageSizeClass | None = None
    default_cpu: float | None = None
    default_memory_mib: int | None = None
    hourly_price_usd: Decimal | None = None
    roles: list[MachineRole] | None = None
    tools: list[str] | None = None


def _field_errors(values: dict[str, Any]) -> list[DomainError]:
    """The rules of each given field (absent keys are not checked)."""
    errors: list[DomainError] = []

    def bad(field: str, message: str) -> None:
        errors.append(DomainError(ImageCode.INVALID, message, field))

    if "name" in values and not (0 < len(values["name"].strip()) <= NAME_MAX_LENGTH):
        bad("name", f"1-{NAME_MAX_LENGTH} characters, not blank")
    if "image_ref" in values:
        for problem in image_ref_errors(values["image_ref"], "imageRef"):
            bad("imageRef", problem.message)
    if "base_os" in values and len(values["base_os"]) > BASE_OS_MAX_LENGTH:
        bad("baseOs", f"at most {BASE_OS_MAX_LENGTH} characters")
    if "default_cpu" in values and not (0.1 <= values["default_cpu"] <= 8):
        bad("defaultCpu", "0.1 to 8 vCPU")
    if "default_memory_mib" in values and not (64 <= values["default_memory_mib"] <= 32768):
        bad("defaultMemoryMib", "64 to 32768 MiB")
    if "hourly_price_usd" in values and not (0 <= values["hourly_price_usd"] <= MAX_PRICE):
        bad("hourlyPriceUsd", f"0 to {MAX_PRICE} USD")
    for i, tool in enumerate(values.get("tools") or []):
        if not (0 < len(tool.strip()) <= TOOL_MAX_LENGTH):
            bad(f"tools.{i}", f"1-{TOOL_MAX_LENGTH} characters, not blank")
    if len(values.get("tools") or []) > MAX_TOOLS:
        bad("tools", f"at most {MAX_TOOLS} tools")
    return errors


def _values(spec: VariantSpec | VariantChanges) -> dict[str, Any]:
    given = {f.name: getattr(spec, f.name) for f in fields(spec)}
    values = {k: v for k, v in given.items() if v is not None}
    for text in ("name", "base_os", "image_ref"):
        if text in values:
            values[text] = values[text].strip()
    if "roles" in values:
        values["roles"] = sorted({MachineRole(r).value for r in values["roles"]})
    if "tools" in values:
        values["tools"] = [t.strip() for t in values["tools"]]
    return values


async def _pinned(settings: Settings, driver: Driver | None, image_ref: str) -> str | None:
    """Before any transaction: pulling can take minutes."""
    try:
        return await pin(driver, image_ref, await auth_for(settings, image_ref))
    except RegistryLoginFailed as exc:
        raise DomainError(
            ImageCode.IMAGE_UNAVAILABLE, f"the engine could not pull it: {exc}", "imageRef"
        ) from exc


async def _not_in_catalog(image_ref: str) -> None:
    if await ImageVariant.filter(Q(image_ref=image_ref) | Q(pinned_ref=image_ref)).exists():
        raise DomainError(ImageCode.DUPLICATE, "this image is in the catalog already", "imageRef")


async def _found(variant_id: UUID, *, lock: bool = False) -> ImageVariant:
    query = ImageVariant.filter(id=variant_id)
    row = await (query.select_for_update() if lock else query).first()
    if row is None:
        raise DomainError(ImageCode.NOT_FOUND, "no such image in the catalog", "id")
    return row


async def create_variant(
    actor: Actor,
    spec: VariantSpec,
    meta: RequestMeta,
    *,
    settings: Settings,
    driver: Driver | None,
) -> ImageVariant:
    """An admin's catalog entry: approved at once, pinned when the engine can."""
    require_admin(actor)
    values = _values(spec)
    errors = _field_errors(values)
    if errors:
        raise DomainErrors(errors)
    await _not_in_catalog(values["image_ref"])
    pinned = await _pinned(settings, driver, values["image_ref"])

    async def write() -> ImageVariant:
        await _not_in_catalog(values["image_ref"])
        row = await ImageVariant.create(
            **values,
            pinned_ref=pinned,
            approval=ImageApproval.APPROVED,
            reviewed_by_id=actor.id,
            reviewed_at=now(),
        )
        await audit(
            "image.create",
            meta,
            actor_id=actor.id,
            target_type="ImageVariant",
            target_id=row.id,
            image_ref=row.image_ref,
            pinned_ref=pinned,
        )
        return row

    return await retrying_transaction(write)


async def update_variant(
    actor: Actor, variant_id: UUID, changes: VariantChanges, meta: RequestMeta
) -> ImageVariant:
    require_admin(actor)
    values = _values(changes)
    errors = _field_errors(values)
    if errors:
        raise DomainErrors(errors)

    async def write() -> ImageVariant:
        row = await _found(variant_id, lock=True)
        if values:
            await ImageVariant.filter(id=variant_id).update(**values, updated_at=now())
        await audit(
            "image.update",
            meta,
            actor_id=actor.id,
            target_type="ImageVariant",
            target_id=row.id,
            image_ref=row.image_ref,
            changed=sorted(values),
        )
        return await _found(variant_id)

    return await retrying_transaction(write)


async def request_approval(actor: Actor, spec: VariantSpec, meta: RequestMeta) -> ImageVariant:
    """A creator's image, PENDING until an admin reviews it."""
    values = _values(spec)
    errors = _field_errors(values)
    if errors:
        raise DomainErrors(errors)

    async def write() -> ImageVariant:
        await _not_in_catalog(values["image_ref"])
        row = await ImageVariant.create(
            **values, approval=ImageApproval.PENDING, requested_by_id=actor.id
        )
        await audit(
            "image.request",
            meta,
            actor_id=actor.id,
            target_type="ImageVariant",
            target_id=row.id,
            image_ref=row.image_ref,
        )
        return row

    return await retrying_transaction(write)


async def review_request(
    actor: Actor,
    variant_id: UUID,
    approve: bool,
    reason: str | None,
    meta: RequestMeta,
    *,
    settings: Settings,
    driver: Driver | None,
    broker: Broker | None,
) -> ImageVariant:
    """PENDING → APPROVED (pinned when the engine can) or REJECTED (a reason required)."""
    require_admin(actor)
    reason = (reason or "").strip() or None
    if not approve and reason is None:
        raise DomainError(ImageCode.REQUIRED, "say why it is rejected", "reason")
    if reason is not None and len(reason) > REASON_MAX_LENGTH:
        raise DomainError(ImageCode.INVALID, f"at most {REASON_MAX_LENGTH} characters", "reason")
    seen = await _found(variant_id)
    if seen.approval is not ImageApproval.PENDING:
        raise DomainError(ImageCode.ALREADY_REVIEWED, "this request was reviewed already", "id")
    pinned = await _pinned(settings, driver, seen.image_ref) if approve else None

    async def write() -> tuple[ImageVariant, Notification | None]:
        moved = await ImageVariant.filter(id=variant_id, approval=ImageApproval.PENDING).update(
            approval=ImageApproval.APPROVED if approve else ImageApproval.REJECTED,
            pinned_ref=pinned,
            reviewed_by_id=actor.id,
            reviewed_at=now(),
            review_reason=reason,
            updated_at=now(),
        )
        if moved != 1:
            raise DomainError(ImageCode.ALREADY_REVIEWED, "this request was reviewed already", "id")
        row = await _found(variant_id)
        await audit(
            "image.approve" if approve else "image.reject",
            meta,
            actor_id=actor.id,
            target_type="ImageVariant",
            target_id=row.id,
            image_ref=row.image_ref,
            pinned_ref=pinned,
            reason=reason,
        )
        told = None
        # An admin's own entries have no requester.
        requester = fk(row, "requested_by_id") if getattr(row, "requested_by_id", None) else None
        if requester is not None and requester != actor.id:
            verdict = "approved" if approve else "rejected"
            told = await notify(
                requester,
                f"image.{verdict}",
                f"Your image {row.image_ref} was {verdict}",
                reason or "",
                broker=None,
                image_variant_id=row.id,
                image_ref=row.image_ref,
            )
        return row, told

    row, told = await retrying_transaction(write)
    if told is not None:
        await announce(told.id, told.user_id, broker)
    return row


async def unapproved_image_errors(image_refs: Sequence[str]) -> list[DomainError]:
    """One IMAGE_NOT_APPROVED per machine (``machines.<i>.imageRef``) whose image is no
    APPROVED catalog entry's reference or pinned reference (one statement)."""
    wanted = {ref for ref in image_refs if ref}
    approved: set[str] = set()
    if wanted:
        rows = await ImageVariant.filter(
            Q(image_ref__in=wanted) | Q(pinned_ref__in=wanted), approval=ImageApproval.APPROVED
        ).values_list("image_ref", "pinned_ref")
        approved = {ref for row in rows for ref in row if ref}
    return [
        DomainError(
            RuleCode.IMAGE_NOT_APPROVED,
            f"the image {ref} is not approved: choose one from the catalog "
            "(imageVariants) or ask for it (imageApprovalRequest)",
            f"machines.{i}.imageRef",
        )
        for i, ref in enumerate(image_refs)
        if ref not in approved
    ]
