"""Content as code: a version's content to and from the database, and the import rule.

``load_version_spec`` reads a version into the plain ``VersionSpec``;
``create_draft_from_spec`` writes one as a new DRAFT (a new scenario, or the next version
of an existing one) in one transaction. ``export_document`` and ``import_document`` are
the CLI's and the API's ways in: the YAML document of ``yaml_document`` plus who may do
what. Expected answers are read only when asked for, and such an export is audited.
"""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.functions import Max

from ...db.transactions import retrying_transaction
from ...models import (
    Machine,
    Question,
    QuestionAnswerKey,
    Scenario,
    ScenarioTag,
    ScenarioVersion,
    User,
)
from ...models.enums import UserRole, UserStatus, VersionStatus
from ..audit import SYSTEM, RequestMeta, audit
from ..errors import DomainError, DomainErrors
from ..hints.document import create_hints, version_hints
from . import yaml_document
from .access import Actor, scenario_for_change
from .errors import AuthoringCode, DocumentCode
from .scenarios import _insert_with_slug, _write_tags, slugify
from .spec import (
    VERSION_CONTENT,
    EntrypointSpec,
    HealthcheckSpec,
    MachineSpec,
    QuestionSpec,
    ScenarioSpec,
    VersionSpec,
)
from .validation import normalize_tags, validate_version

AUTHOR_ROLES = (UserRole.CREATOR, UserRole.ADMIN)


# --- database → spec ----------------------------------------------------------------------


async def load_version_spec(version_id: UUID | str, *, answers: bool = True) -> VersionSpec:
    """The version's content in order; without ``answers`` the answer keys and the
    solution write-up are left out."""
    version = await ScenarioVersion.get_or_none(id=version_id).select_related("scenario")
    if version is None:
        raise DomainError(AuthoringCode.NOT_FOUND, "no such scenario version", "versionId")
    scenario = version.scenario
    tags = await ScenarioTag.filter(scenario_id=scenario.id).order_by("tag").values_list("tag")
    machines = await Machine.filter(version_id=version.id).order_by("position", "name")
    questions = await Question.filter(version_id=version.id).order_by("position", "created_at")
    keys: dict[UUID, dict[str, Any]] = {}
    if answers:
        rows = await QuestionAnswerKey.filter(question_id__in=[q.id for q in questions]).values(
            "question_id", "expected", "case_sensitive", "regex"
        )
        keys = {row["question_id"]: row for row in rows}
    return VersionSpec(
        scenario=ScenarioSpec(
            slug=scenario.slug,
            title=scenario.title,
            description=scenario.description,
            difficulty=scenario.difficulty,
            category=scenario.category,
            tags=[tag for (tag,) in tags],
            visibility=scenario.visibility,
        ),
        changelog=version.changelog,
        time_limit_minutes=version.time_limit_minutes,
        resource_profile=version.resource_profile,
        **{name: getattr(version, name) for name in VERSION_CONTENT if name != "solution"},
        solution=version.solution if answers else "",
        machines=[
            MachineSpec(
                name=m.name,
                role=m.role,
                image_ref=m.image_ref,
                cpu=float(m.cpu),
                memory_mib=m.memory_mib,
                entrypoints=[EntrypointSpec.from_json(e) for e in m.entrypoints],
                environment=dict(m.environment),
                network_group=m.network_group,
                egress=m.egress,
                startup_commands=list(m.startup_commands),
                capabilities=list(m.capabilities),
                sysctls=dict(m.sysctls),
                ulimits=dict(m.ulimits),
                healthcheck=HealthcheckSpec.from_json(m.healthcheck),
                learner_may_enter=m.learner_may_enter,
                reachable_from_attacker=m.reachable_from_attacker,
                internal_connections_allowed=m.internal_connections_allowed,
                pivot_host=m.pivot_host,
            )
            for m in machines
        ],
        questions=[_question_spec(q, keys.get(q.id)) for q in questions],
        hints=await version_hints(version.id),
    )


def _question_spec(question: Question, key: dict[str, Any] | None) -> QuestionSpec:
    return QuestionSpec(
        prompt=question.prompt,
        kind=question.kind,
        points=question.points,
        max_attempts=question.max_attempts,
        choices=list(question.choices),
        expected_answers=list(key["expected"]) if key else [],
        case_sensitive=bool(key["case_sensitive"]) if key else False,
        session_flag_env=question.session_flag_env,
        regex=bool(key["regex"]) if key else False,
    )


# --- spec → database ----------------------------------------------------------------------


def _scenario_fields(spec: ScenarioSpec) -> dict[str, Any]:
    return {
        "title": spec.title,
        "description": spec.description,
        "difficulty": spec.difficulty,
        "category": spec.category,
        "visibility": spec.visibility,
    }


async def create_draft_from_spec(
    spec: VersionSpec, author_id: UUID, *, scenario_id: UUID | None = None
) -> ScenarioVersion:
    """A new DRAFT with the spec's content, all in one transaction.

    Without ``scenario_id``: a new scenario owned by ``author_id``, its slug the spec's
    (or the title's) made unique. With it: the next version number of that scenario, whose
    metadata (title, description, difficulty, category, visibility, tags) the spec
    replaces: the scenario holds them for all its versions. Validation is the caller's.
    """

    async def insert() -> ScenarioVersion:
        if scenario_id is None:
            scenario = await _insert_with_slug(
                spec.scenario.slug or slugify(spec.scenario.title),
                author_id=author_id,
                **_scenario_fields(spec.scenario),
            )
            number = 1
        else:
            # The row lock (MySQL) serializes two imports counting versions at once.
            scenario = await Scenario.select_for_update().get(id=scenario_id)
            await scenario.update_from_dict(_scenario_fields(spec.scenario)).save()
            numbers = ScenarioVersion.filter(scenario_id=scenario.id)
            latest = await numbers.annotate(latest=Max("number")).values_list("latest")
            number = int(latest[0][0] or 0) + 1
        await _write_tags(scenario.id, normalize_tags(spec.scenario.tags))
        version = await ScenarioVersion.create(
            scenario=scenario,  # version.scenario is then at hand, without a query
            number=number,
            status=VersionStatus.DRAFT,
            changelog=spec.changelog,
            time_limit_minutes=spec.time_limit_minutes,
            resource_profile=spec.resource_profile,
            **{name: getattr(spec, name) for name in VERSION_CONTENT},
        )
        await _create_content(version, spec)
        return version

    try:
        version = await retrying_transaction(insert)
    except IntegrityError as exc:  # a concurrent import took the slug or the number
        raise DomainError(
            DocumentCode.CONFLICT,
            "the scenario changed while importing; try again",
            "scenario.slug",
        ) from exc
    return version


async def _create_content(version: ScenarioVersion, spec: VersionSpec) -> None:
    await Machine.bulk_create(
        Machine(
            version_id=version.id,
            position=position,
            name=m.name,
            role=m.role,
            image_ref=m.image_ref,
            cpu=m.cpu,
            memory_mib=m.memory_mib,
            entrypoints=[e.to_json() for e in m.entrypoints],
            environment=dict(m.environment),
            network_group=m.network_group,
            egress=m.egress,
            startup_commands=list(m.startup_commands),
            capabilities=list(m.capabilities),
            sysctls=dict(m.sysctls),
            ulimits=dict(m.ulimits),
            healthcheck=m.healthcheck.to_json() if m.healthcheck else None,
            learner_may_enter=m.entered,
            reachable_from_attacker=m.reachable_from_attacker,
            internal_connections_allowed=m.internal_connections_allowed,
            pivot_host=m.pivot_host,
        )
        for position, m in enumerate(spec.machines)
    )
    questions = [
        Question(
            version_id=version.id,
            position=position,
            prompt=q.prompt,
            kind=q.kind,
            points=q.points,
            max_attempts=q.max_attempts,
            choices=list(q.choices),
            session_flag_env=q.session_flag_env,
        )
        for position, q in enumerate(spec.questions)
    ]
    await Question.bulk_create(questions)  # IDs are made here, in Python: keys can use them
    await QuestionAnswerKey.bulk_create(
        QuestionAnswerKey(
            question_id=question.id,
            expected=list(q.expected_answers),
            case_sensitive=q.case_sensitive,
            regex=q.regex,
        )
        for question, q in zip(questions, spec.questions, strict=True)
    )
    await create_hints(version.id, spec.hints, [question.id for question in questions])


# --- the document: who may export and import ---------------------------------------------


async def default_version_id(scenario_id: UUID) -> UUID | None:
    """The version an export means by default: the published one, else the latest."""
    versions = ScenarioVersion.filter(scenario_id=scenario_id)
    published = await versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()
    chosen = published or await versions.order_by("-number").first()
    return chosen.id if chosen else None


async def export_document(
    version_id: UUID | str,
    *,
    include_answers: bool,
    actor_id: UUID | None = None,
    meta: RequestMeta = SYSTEM,
    **context: Any,
) -> str:
    """The version's YAML document; an export with answers is written to the audit log.

    Who may export is the caller's rule (the CLI runs with the operator's access).
    """
    spec = await load_version_spec(version_id, answers=include_answers)
    if include_answers:
        await audit(
            "scenario_version.export_answers",
            meta,
            actor_id=actor_id,
            target_type="ScenarioVersion",
            target_id=str(version_id),
            scenario=spec.scenario.slug,
            **context,
        )
    return yaml_document.dump(spec, include_answers=include_answers)


async def _importable_scenario(spec: VersionSpec, actor: Actor) -> UUID | None:
    """The scenario the spec's slug names (None: a new one), if ``actor`` may add to it."""
    if spec.scenario.slug is None:
        return None
    rows = await Scenario.filter(slug=spec.scenario.slug).values("id")
    if not rows:
        return None
    try:
        scenario = await scenario_for_change(actor, rows[0]["id"], "scenario.slug")
    except DomainError:  # deleted, or another author's: which of the two is not told
        raise DomainError(
            DocumentCode.NOT_FOUND,
            f"no scenario {spec.scenario.slug} that you may add a version to; leave the "
            "slug out to import the document as a new scenario",
            "scenario.slug",
        ) from None
    return scenario.id


async def import_document(
    text: str,
    author_id: UUID,
    *,
    as_admin: bool | None = None,
    meta: RequestMeta = SYSTEM,
    **context: Any,
) -> ScenarioVersion:
    """A DRAFT from the YAML document ``text``: ``import_spec`` of what it holds.

    Parsed in a worker thread: a large document is CPU work the event loop must not wait on.
    """
    spec = await asyncio.to_thread(yaml_document.parse, text)
    return await import_spec(spec, author_id, as_admin=as_admin, meta=meta, **context)


async def import_spec(
    spec: VersionSpec,
    author_id: UUID,
    *,
    as_admin: bool | None = None,
    meta: RequestMeta = SYSTEM,
    **context: Any,
) -> ScenarioVersion:
    """A DRAFT with ``spec``'s content, authored by ``author_id``.

    The author must be an active CREATOR or ADMIN; when the spec's slug names an existing
    scenario, a new version of it is made, and the author must own it or be an admin. A
    spec the content rules refuse (``validate_version``; the mission and solution a submit
    also needs are not checked), or a featured one from a non-admin, raises
    ``DomainErrors`` with every problem, and nothing is written. ``as_admin=False``
    withholds an admin's rights (an API token without the ADMIN scope); by default an
    ADMIN acts as one.
    """
    author = await User.get_or_none(id=author_id)
    if author is None:
        raise DomainError(DocumentCode.NOT_FOUND, "no such user", "author")
    if author.status is not UserStatus.ACTIVE or author.role not in AUTHOR_ROLES:
        raise DomainError(
            DocumentCode.FORBIDDEN,
            f"{author.username} may not author scenarios: an active creator or admin may",
            "author",
        )
    admin = author.role is UserRole.ADMIN and as_admin is not False
    # Regular-expression answer keys are probed (up to 50 ms each): off the event loop.
    problems = await asyncio.to_thread(validate_version, spec)
    if spec.featured and not admin:
        problems.append(
            DomainError(DocumentCode.FORBIDDEN, "only admins feature a version", "featured")
        )
    if problems:
        raise DomainErrors(problems)
    scenario_id = await _importable_scenario(spec, Actor(author.id, is_admin=admin))

    async def import_draft() -> ScenarioVersion:  # the draft and its audit entry together
        version = await create_draft_from_spec(spec, author.id, scenario_id=scenario_id)
        await audit(
            "scenario_version.import",
            meta,
            actor_id=author.id,
            target_type="ScenarioVersion",
            target_id=str(version.id),
            scenario=version.scenario.slug,
            number=version.number,
            **context,
        )
        return version

    return await retrying_transaction(import_draft)
