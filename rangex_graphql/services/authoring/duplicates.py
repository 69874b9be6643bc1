"""scenarioDuplicate: a new scenario of the caller, from a version they may read in full."""

from __future__ import annotations

from uuid import UUID

from ...db.transactions import retrying_transaction
from ...models import ScenarioTag, ScenarioVersion
from ..audit import RequestMeta, audit
from ..errors import DomainErrors
from .access import Actor, fk, version_for_change
from .scenarios import _insert_with_slug, _write_tags, slugify
from .validation import title_errors
from .versions import copied_content, copy_content


async def duplicate_scenario(
    actor: Actor, version_id: UUID, meta: RequestMeta, *, title: str | None = None
) -> ScenarioVersion:
    """A new scenario authored by ``actor`` whose version 1 (a DRAFT) copies the version
    ``version_id``: its settings, content, machines, questions and answer keys, and the
    scenario's metadata and tags (``title`` instead of its title, when given). The new
    slug is the source's (or the title's) made unique. Only a version the actor may read
    in full, answer keys included (its scenario's author's, or any for an admin); the
    featured flag is copied for admins only."""
    if title is not None:
        errors = title_errors(title)
        if errors:
            raise DomainErrors(errors)

    async def insert() -> ScenarioVersion:
        access = await version_for_change(actor, version_id, lock=False)
        source, scenario = access.version, access.scenario
        name = title.strip() if title is not None else scenario.title
        copy = await _insert_with_slug(
            slugify(name) if title is not None else scenario.slug,
            author_id=actor.id,
            title=name,
            description=scenario.description,
            difficulty=scenario.difficulty,
            category=scenario.category,
            visibility=scenario.visibility,
            max_active_sessions=scenario.max_active_sessions,
        )
        tags = (
            await ScenarioTag.filter(scenario_id=scenario.id)
            .order_by("tag")
            .values_list("tag", flat=True)
        )
        await _write_tags(copy.id, [str(tag) for tag in tags])
        version = await ScenarioVersion.create(
            scenario_id=copy.id,
            number=1,
            changelog="",
            time_limit_minutes=source.time_limit_minutes,
            resource_profile=source.resource_profile,
            extension_window_minutes=source.extension_window_minutes,
            max_extensions=source.max_extensions,
            max_lifetime_minutes=source.max_lifetime_minutes,
            **copied_content(source, actor),
        )
        await copy_content(source.id, version.id)
        await audit(
            "scenario.duplicate",
            meta,
            actor_id=actor.id,
            target_type="Scenario",
            target_id=copy.id,
            slug=copy.slug,
            source_scenario_id=str(fk(source, "scenario_id")),
            source_version_id=str(source.id),
            version_id=str(version.id),
        )
        return version

    return await retrying_transaction(insert)
