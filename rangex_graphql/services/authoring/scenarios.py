"""Scenarios: create (with a stable, unique slug), update metadata and tags, soft delete."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from ...db.slugs import insert_with_free_slug
from ...db.slugs import slugify as db_slugify
from ...db.transactions import retrying_transaction
from ...models import Scenario, ScenarioTag
from ...models.enums import Difficulty, Visibility
from ..audit import RequestMeta, audit
from ..errors import DomainError, DomainErrors
from ..soft_delete import mark_deleted
from .access import Actor, scenario_for_change
from .errors import RuleCode
from .spec import ScenarioSpec
from .validation import (
    category_errors,
    description_errors,
    difficulty_errors,
    normalize_tags,
    scenario_errors,
    tag_errors,
    title_errors,
)

SLUG_MAX_LENGTH = 80


@dataclass(frozen=True, slots=True)
class ScenarioChanges:
    """Metadata to change; None leaves a field as it is. The slug never changes."""

    title: str | None = None
    description: str | None = None
    difficulty: Difficulty | None = None
    category: str | None = None
    tags: list[str] | None = None
    visibility: Visibility | None = None


def slugify(title: str) -> str:
    return db_slugify(title, max_length=SLUG_MAX_LENGTH, fallback="scenario")


async def _insert_with_slug(base: str, **fields: Any) -> Scenario:
    return await insert_with_free_slug(
        Scenario,
        base,
        fields,
        exhausted=lambda: DomainError(
            RuleCode.DUPLICATE, "could not reserve a unique slug; try again", "title"
        ),
    )


async def _write_tags(scenario_id: UUID, tags: list[str]) -> None:
    await ScenarioTag.filter(scenario_id=scenario_id).delete()
    await ScenarioTag.bulk_create([ScenarioTag(scenario_id=scenario_id, tag=t) for t in tags])


async def create_scenario(actor: Actor, spec: ScenarioSpec, meta: RequestMeta) -> Scenario:
    errors = scenario_errors(spec, prefix="")
    if errors:
        raise DomainErrors(errors)
    tags = normalize_tags(spec.tags)

    async def insert() -> Scenario:
        scenario = await _insert_with_slug(
            slugify(spec.title),
            author_id=actor.id,
            title=spec.title.strip(),
            description=spec.description.strip(),
            difficulty=spec.difficulty,
            category=spec.category.strip(),
            visibility=spec.visibility,
        )
        await _write_tags(scenario.id, tags)
        await audit(
            "scenario.create",
            meta,
            actor_id=actor.id,
            target_type="Scenario",
            target_id=scenario.id,
            slug=scenario.slug,
        )
        return scenario

    return await retrying_transaction(insert)


def _change_errors(changes: ScenarioChanges) -> list[DomainError]:
    errors = []
    if changes.title is not None:
        errors += title_errors(changes.title)
    if changes.description is not None:
        errors += description_errors(changes.description)
    if changes.difficulty is not None:
        errors += difficulty_errors(changes.difficulty)
    if changes.category is not None:
        errors += category_errors(changes.category)
    if changes.tags is not None:
        errors += tag_errors(changes.tags)
    return errors


async def update_scenario(
    actor: Actor, scenario_id: UUID, changes: ScenarioChanges, meta: RequestMeta
) -> Scenario:
    """Change metadata shared by every version (the slug stays as created)."""
    errors = _change_errors(changes)
    if errors:
        raise DomainErrors(errors)

    async def change() -> Scenario:
        scenario = await scenario_for_change(actor, scenario_id, lock=True)
        changed: list[str] = []
        for name in ("title", "description", "category"):
            value = getattr(changes, name)
            if value is not None:
                setattr(scenario, name, value.strip())
                changed.append(name)
        for name in ("difficulty", "visibility"):
            value = getattr(changes, name)
            if value is not None:
                setattr(scenario, name, value)
                changed.append(name)
        if changed:
            await scenario.save(update_fields=[*changed, "updated_at"])
        if changes.tags is not None:
            await _write_tags(scenario.id, normalize_tags(changes.tags))
            changed.append("tags")
        if changed:
            await audit(
                "scenario.update",
                meta,
                actor_id=actor.id,
                target_type="Scenario",
                target_id=scenario.id,
                fields=changed,
            )
        return scenario

    return await retrying_transaction(change)


async def delete_scenario(actor: Actor, scenario_id: UUID, meta: RequestMeta) -> Scenario:
    """Soft delete: hidden from the catalog and from further authoring; sessions already
    running keep running, and the slug stays reserved."""

    async def soft_delete() -> Scenario:
        scenario = await scenario_for_change(actor, scenario_id, lock=True)
        await mark_deleted(scenario, actor, meta)
        return scenario

    return await retrying_transaction(soft_delete)
