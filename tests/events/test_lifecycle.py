"""Organising an event through the services: create, update, delete, publish, invite
codes. Every refusal has a code and a field path and writes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from rangex_graphql.models import AuditLog, Event
from rangex_graphql.models.enums import (
    EventStatus,
    ParticipationMode,
    RegistrationMode,
    ScoringMode,
    UserRole,
)
from rangex_graphql.security.secret_box import read_sealed
from rangex_graphql.services.audit import RequestMeta
from rangex_graphql.services.authoring.access import Actor
from rangex_graphql.services.errors import DomainError, DomainErrors
from rangex_graphql.services.events import lifecycle
from rangex_graphql.services.events.invite_codes import code_matches
from rangex_graphql.services.events.lifecycle import EventSpec
from rangex_graphql.settings import Settings
from tests import factories

META = RequestMeta(ip="203.0.113.5")
NOW = datetime.now(UTC)


def spec(**changes: Any) -> EventSpec:
    base = EventSpec(
        title="Spring CTF", starts_at=NOW + timedelta(days=1), ends_at=NOW + timedelta(days=2)
    )
    return replace(base, **changes)


async def organiser() -> Actor:
    user = await factories.user(UserRole.CREATOR)
    return Actor(user.id)


def failures(error: BaseException) -> set[tuple[str, str | None]]:
    assert isinstance(error, DomainError | DomainErrors)
    found = error.errors if isinstance(error, DomainErrors) else [error]
    return {(e.code.value, e.field) for e in found}


async def test_create_writes_a_draft_with_a_unique_slug_and_an_audit_row(
    db: None, settings: Settings
) -> None:
    actor = await organiser()
    first = await lifecycle.create_event(actor, spec(), settings, META)
    second = await lifecycle.create_event(actor, spec(), settings, META)
    assert (first.slug, second.slug) == ("spring-ctf", "spring-ctf-2")
    assert first.status is EventStatus.DRAFT
    assert first.invite_code_sealed is None
    audited = AuditLog.filter(action="event.create", target_id=str(first.id), actor_id=actor.id)
    assert await audited.count() == 1


BAD_SPECS = [
    ({"ends_at": NOW + timedelta(days=1)}, "INVALID_SCHEDULE", "input.ends_at"),
    ({"freeze_at": NOW + timedelta(days=3)}, "INVALID_SCHEDULE", "input.freeze_at"),
    ({"freeze_at": NOW}, "INVALID_SCHEDULE", "input.freeze_at"),
    (
        {
            "registration_opens_at": NOW + timedelta(hours=5),
            "registration_closes_at": NOW + timedelta(hours=4),
        },
        "INVALID_SCHEDULE",
        "input.registration_closes_at",
    ),
    (
        {"registration_closes_at": NOW + timedelta(days=3)},
        "INVALID_SCHEDULE",
        "input.registration_closes_at",
    ),
    ({"team_size_limit": 0}, "INVALID_VALUE", "input.team_size_limit"),
    ({"team_size_limit": 11}, "INVALID_VALUE", "input.team_size_limit"),
    ({"max_participants": -1}, "INVALID_VALUE", "input.max_participants"),
    ({"max_participants": 100_001}, "INVALID_VALUE", "input.max_participants"),
    ({"dynamic_minimum_percent": 101}, "INVALID_VALUE", "input.dynamic_minimum_percent"),
    ({"dynamic_decay": 1}, "INVALID_VALUE", "input.dynamic_decay"),
    ({"dynamic_decay": 10_001}, "INVALID_VALUE", "input.dynamic_decay"),
    ({"first_blood_percent": -1}, "INVALID_VALUE", "input.first_blood_percent"),
    ({"third_blood_percent": 101}, "INVALID_VALUE", "input.third_blood_percent"),
    ({"title": "   "}, "INVALID_VALUE", "input.title"),
    ({"title": "x" * 201}, "INVALID_VALUE", "input.title"),
    ({"starts_at": datetime(2030, 1, 1)}, "TIMEZONE_REQUIRED", "input.starts_at"),
]


@pytest.mark.parametrize(("changes", "code", "field"), BAD_SPECS)
async def test_create_refuses_a_bad_value_and_writes_nothing(
    db: None, settings: Settings, changes: dict[str, Any], code: str, field: str
) -> None:
    with pytest.raises((DomainError, DomainErrors)) as raised:
        await lifecycle.create_event(await organiser(), spec(**changes), settings, META)
    assert (code, field) in failures(raised.value)
    assert await Event.all().count() == 0
    assert await AuditLog.filter(action="event.create").count() == 0


async def test_create_reports_every_problem_at_once(db: None, settings: Settings) -> None:
    with pytest.raises(DomainErrors) as raised:
        await lifecycle.create_event(
            await organiser(), spec(title="", team_size_limit=99), settings, META
        )
    assert failures(raised.value) == {
        ("INVALID_VALUE", "input.title"),
        ("INVALID_VALUE", "input.team_size_limit"),
    }


async def test_times_with_an_offset_are_stored_in_utc(db: None, settings: Settings) -> None:
    paris = timezone(timedelta(hours=2))
    starts = datetime(2031, 5, 1, 12, 0, tzinfo=paris)
    event = await lifecycle.create_event(
        await organiser(),
        spec(starts_at=starts, ends_at=starts + timedelta(hours=8)),
        settings,
        META,
    )
    stored = await Event.get(id=event.id)
    assert stored.starts_at == datetime(2031, 5, 1, 10, 0, tzinfo=UTC)


async def test_update_changes_only_the_fields_given(db: None, settings: Settings) -> None:
    actor = await organiser()
    event = await lifecycle.create_event(actor, spec(max_participants=50), settings, META)
    await lifecycle.update_event(actor, event.id, {"title": "Autumn CTF"}, settings, META)
    stored = await Event.get(id=event.id)
    assert (stored.title, stored.max_participants, stored.slug) == (
        "Autumn CTF",
        50,
        "spring-ctf",
    )
    audit = await AuditLog.get(action="event.update", target_id=str(event.id))
    assert audit.data["fields"] == ["title"]


async def test_update_checks_the_result_against_the_stored_fields(
    db: None, settings: Settings
) -> None:
    actor = await organiser()
    event = await lifecycle.create_event(actor, spec(), settings, META)
    with pytest.raises(DomainErrors) as raised:
        await lifecycle.update_event(
            actor, event.id, {"starts_at": NOW + timedelta(days=5)}, settings, META
        )
    # the stored end conflicts with the new start: told at the field that was given
    assert failures(raised.value) == {("INVALID_SCHEDULE", "input.starts_at")}
    assert (await Event.get(id=event.id)).starts_at == event.starts_at


async def test_update_clears_an_optional_time_with_none(db: None, settings: Settings) -> None:
    actor = await organiser()
    event = await lifecycle.create_event(
        actor, spec(freeze_at=NOW + timedelta(days=1, hours=12)), settings, META
    )
    await lifecycle.update_event(actor, event.id, {"freeze_at": None}, settings, META)
    assert (await Event.get(id=event.id)).freeze_at is None


async def test_update_of_a_required_field_to_none_is_refused(db: None, settings: Settings) -> None:
    actor = await organiser()
    event = await lifecycle.create_event(actor, spec(), settings, META)
    with pytest.raises(DomainErrors) as raised:
        await lifecycle.update_event(actor, event.id, {"ends_at": None}, settings, META)
    assert failures(raised.value) == {("INVALID_VALUE", "input.ends_at")}


async def test_a_running_event_keeps_its_shape(db: None, settings: Settings) -> None:
    owner = await factories.user(UserRole.CREATOR)
    # stored PUBLISHED but its start has passed: effectively RUNNING (the job is late)
    event = await factories.event(
        EventStatus.PUBLISHED,
        created_by=owner,
        starts_at=NOW - timedelta(hours=1),
        ends_at=NOW + timedelta(hours=5),
    )
    actor = Actor(owner.id)
    for name, value in (
        ("participation_mode", ParticipationMode.TEAM),
        ("scoring_mode", ScoringMode.DYNAMIC),
    ):
        with pytest.raises(DomainErrors) as raised:
            await lifecycle.update_event(actor, event.id, {name: value}, settings, META)
        assert failures(raised.value) == {("STATUS_CONFLICT", f"input.{name}")}
    # the end may still move
    later = NOW + timedelta(hours=6)
    await lifecycle.update_event(actor, event.id, {"ends_at": later}, settings, META)
    stored = await Event.get(id=event.id)
    assert stored.ends_at == later
    assert stored.scoring_mode is ScoringMode.STATIC


async def test_another_creator_is_told_the_event_does_not_exist(
    db: None, settings: Settings
) -> None:
    event = await lifecycle.create_event(await organiser(), spec(), settings, META)
    stranger = await organiser()
    with pytest.raises(DomainError) as raised:
        await lifecycle.update_event(stranger, event.id, {"title": "Mine"}, settings, META)
    assert failures(raised.value) == {("NOT_FOUND", "input.eventId")}
    admin = await factories.user(UserRole.ADMIN)
    await lifecycle.update_event(Actor(admin.id, True), event.id, {"title": "Ok"}, settings, META)
    assert (await Event.get(id=event.id)).title == "Ok"


async def test_delete_is_soft_and_refused_while_running(db: None, settings: Settings) -> None:
    owner = await factories.user(UserRole.CREATOR)
    running = await factories.event(EventStatus.RUNNING, created_by=owner)
    with pytest.raises(DomainError) as raised:
        await lifecycle.delete_event(Actor(owner.id), running.id, META)
    assert failures(raised.value) == {("STATUS_CONFLICT", "input.eventId")}
    assert (await Event.get(id=running.id)).deleted_at is None

    draft = await factories.event(EventStatus.DRAFT, created_by=owner)
    await lifecycle.delete_event(Actor(owner.id), draft.id, META)
    assert (await Event.get(id=draft.id)).deleted_at is not None
    assert await AuditLog.filter(action="event.delete", target_id=str(draft.id)).count() == 1
    with pytest.raises(DomainError):  # gone for every further change
        await lifecycle.delete_event(Actor(owner.id), draft.id, META)


async def test_publish_needs_a_challenge_and_a_draft(db: None, settings: Settings) -> None:
    owner = await factories.user(UserRole.CREATOR)
    event = await factories.event(EventStatus.DRAFT, created_by=owner)
    with pytest.raises(DomainError) as raised:
        await lifecycle.publish_event(Actor(owner.id), event.id, META, broker=None)
    assert failures(raised.value) == {("NO_CHALLENGES", "input.eventId")}
    assert (await Event.get(id=event.id)).status is EventStatus.DRAFT

    await factories.event_entry(event, await factories.version(await factories.scenario()))
    published = await lifecycle.publish_event(Actor(owner.id), event.id, META, broker=None)
    assert published.status is EventStatus.PUBLISHED
    assert await AuditLog.filter(action="event.publish", target_id=str(event.id)).count() == 1
    with pytest.raises(DomainError) as again:
        await lifecycle.publish_event(Actor(owner.id), event.id, META, broker=None)
    assert failures(again.value) == {("STATUS_CONFLICT", "input.eventId")}


async def test_invite_codes_are_sealed_and_rotate(db: None, settings: Settings) -> None:
    actor = await organiser()
    event = await lifecycle.create_event(
        actor, spec(registration_mode=RegistrationMode.INVITE_CODE), settings, META
    )
    sealed = event.invite_code_sealed
    code = read_sealed(settings, sealed)
    assert code is not None
    assert sealed is not None
    assert code not in sealed
    assert code_matches(settings, sealed, code)
    assert not code_matches(settings, sealed, code + "x")

    rotated = await lifecycle.rotate_invite_code(actor, event.id, settings, META)
    assert not code_matches(settings, rotated.invite_code_sealed, code)
    assert await AuditLog.filter(action="event.invite_rotate").count() == 1

    await lifecycle.update_event(
        actor, event.id, {"registration_mode": RegistrationMode.OPEN}, settings, META
    )
    assert (await Event.get(id=event.id)).invite_code_sealed is None
    with pytest.raises(DomainError) as raised:
        await lifecycle.rotate_invite_code(actor, event.id, settings, META)
    assert failures(raised.value) == {("NOT_INVITE_CODE", "input.eventId")}
