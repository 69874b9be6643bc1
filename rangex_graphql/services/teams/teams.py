"""Teams: create (the creator becomes its captain), update, delete, rotate the invite code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError

from ...db.slugs import insert_with_free_slug
from ...db.slugs import slugify as db_slugify
from ...db.transactions import retrying_transaction, savepoint
from ...models import Team, TeamMember
from ...models.enums import TeamRole
from ...settings import Settings
from ..audit import RequestMeta, audit
from ..authoring.access import Actor
from ..errors import DomainError
from .access import team_for_captain
from .errors import TeamCode
from .event_rosters import refuse_if_locked, release_places
from .invite_codes import new_invite_code
from .membership import refuse_if_in_team
from .validation import (
    DESCRIPTION_MAX_LENGTH,
    MOTTO_MAX_LENGTH,
    clean_country,
    clean_name,
    clean_text,
)

SLUG_MAX_LENGTH = 90


@dataclass(frozen=True, slots=True)
class TeamSpec:
    name: str
    description: str = ""
    motto: str = ""
    country: str | None = None
    is_open: bool = False


@dataclass(frozen=True, slots=True)
class TeamChanges:
    """None leaves a field as it is; an empty country clears it. The slug never changes."""

    name: str | None = None
    description: str | None = None
    motto: str | None = None
    country: str | None = None
    is_open: bool | None = None


def slugify(name: str) -> str:
    return db_slugify(name, max_length=SLUG_MAX_LENGTH, fallback="team")


async def _refuse_taken_name(name: str, but: UUID | None = None) -> None:
    query = Team.filter(name__iexact=name)
    if but is not None:
        query = query.exclude(id=but)
    if await query.exists():
        raise DomainError(TeamCode.NAME_TAKEN, "another team has this name", "input.name")


def _invite_fields(settings: Settings, is_open: bool) -> dict[str, str | None]:
    if not is_open:
        return {"invite_code_sealed": None, "invite_code_tag": None}
    code = new_invite_code(settings)
    return {"invite_code_sealed": code.sealed, "invite_code_tag": code.tag}


async def _insert(name: str, fields: dict[str, Any]) -> Team:
    """A concurrent insert of the same name is NAME_TAKEN; of another name with the same
    slug, a retry under a random suffix."""
    return await insert_with_free_slug(
        Team,
        slugify(name),
        {"name": name, **fields},
        on_conflict=lambda: _refuse_taken_name(name),
        exhausted=lambda: DomainError(
            TeamCode.NAME_TAKEN, "could not reserve a unique slug; try again", "input.name"
        ),
    )


async def create_team(actor: Actor, spec: TeamSpec, settings: Settings, meta: RequestMeta) -> UUID:
    name = clean_name(spec.name)
    fields: dict[str, Any] = {
        "description": clean_text(spec.description, DESCRIPTION_MAX_LENGTH, "input.description"),
        "motto": clean_text(spec.motto, MOTTO_MAX_LENGTH, "input.motto"),
        "country": clean_country(spec.country),
        "is_open": spec.is_open,
        "max_members": settings.team_max_members,
        "member_count": 1,
        "created_by_id": actor.id,
        **_invite_fields(settings, spec.is_open),
    }

    async def insert() -> UUID:
        await refuse_if_in_team(actor.id, "input")
        await _refuse_taken_name(name)
        team = await _insert(name, fields)
        try:
            async with savepoint():
                await TeamMember.create(team_id=team.id, user_id=actor.id, role=TeamRole.CAPTAIN)
        except IntegrityError:  # a concurrent create or join took the user
            raise DomainError(
                TeamCode.ALREADY_IN_TEAM, "already in a team; leave it first", "input"
            ) from None
        await audit(
            "team.create",
            meta,
            actor_id=actor.id,
            target_type="Team",
            target_id=team.id,
            name=name,
            slug=team.slug,
        )
        return team.id

    return await retrying_transaction(insert)


async def update_team(
    actor: Actor, team_id: UUID, changes: TeamChanges, settings: Settings, meta: RequestMeta
) -> None:
    values: dict[str, object] = {}
    if changes.name is not None:
        values["name"] = clean_name(changes.name)
    if changes.description is not None:
        values["description"] = clean_text(
            changes.description, DESCRIPTION_MAX_LENGTH, "input.description"
        )
    if changes.motto is not None:
        values["motto"] = clean_text(changes.motto, MOTTO_MAX_LENGTH, "input.motto")
    if changes.country is not None:
        values["country"] = clean_country(changes.country)

    async def change() -> None:
        team = await team_for_captain(actor, team_id)
        if "name" in values:
            await _refuse_taken_name(str(values["name"]), but=team_id)
        if changes.is_open is not None and changes.is_open != team.is_open:
            values["is_open"] = changes.is_open
            values.update(_invite_fields(settings, changes.is_open))
        if values:
            try:
                async with savepoint():
                    await Team.filter(id=team_id).update(**values)
            except IntegrityError:
                raise DomainError(
                    TeamCode.NAME_TAKEN, "another team has this name", "input.name"
                ) from None
        await audit(
            "team.update",
            meta,
            actor_id=actor.id,
            target_type="Team",
            target_id=team_id,
            changed=sorted(k for k in values if not k.startswith("invite_code")),
        )

    await retrying_transaction(change)


async def delete_team(actor: Actor, team_id: UUID, meta: RequestMeta) -> None:
    """The captain (or an admin) deletes the team, its memberships and requests, and its
    registrations; refused while it plays in a RUNNING or FROZEN event."""

    async def delete() -> None:
        team = await team_for_captain(actor, team_id)
        await refuse_if_locked(team_id)
        await release_places(team_id)
        await team.delete()
        await audit(
            "team.delete",
            meta,
            actor_id=actor.id,
            target_type="Team",
            target_id=team_id,
            name=team.name,
        )

    await retrying_transaction(delete)


async def rotate_invite_code(
    actor: Actor, team_id: UUID, settings: Settings, meta: RequestMeta
) -> None:
    """A new invite code for an open team; the old one stops working."""

    async def rotate() -> None:
        team = await team_for_captain(actor, team_id)
        if not team.is_open:
            raise DomainError(
                TeamCode.TEAM_NOT_OPEN, "only an open team has an invite code", "input.teamId"
            )
        await Team.filter(id=team_id).update(**_invite_fields(settings, True))
        await audit(
            "team.invite_code_rotate",
            meta,
            actor_id=actor.id,
            target_type="Team",
            target_id=team_id,
        )

    await retrying_transaction(rotate)
