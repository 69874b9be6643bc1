"""The demo's content: people, scenarios and their versions, machines and questions."""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, TypeVar
from uuid import NAMESPACE_URL, UUID, uuid5

from tortoise.models import Model

from .. import models as m
from ..models.enums import (
    Difficulty,
    HintMode,
    HintUnlockCondition,
    QuestionKind,
    UserRole,
    UserStatus,
    VersionScoringMode,
    VersionStatus,
)
from ..models.image import ImageApproval
from ..security.passwords import hash_password_sync, verify_password_sync
from ..services.authoring.machine_rules import PROFILE_RESOURCES
from ..services.authoring.spec import entrypoint_of_port
from . import data

MODEL = TypeVar("MODEL", bound=Model)

MINUTES = {
    Difficulty.BEGINNER: (45, 60),
    Difficulty.INTERMEDIATE: (60, 90),
    Difficulty.ADVANCED: (90, 120),
    Difficulty.EXPERT: (120, 180),
}
PUBLISHED_STATUSES = {VersionStatus.PUBLISHED, VersionStatus.ARCHIVED}
REVIEWED_STATUSES = {VersionStatus.APPROVED, VersionStatus.REJECTED, *PUBLISHED_STATUSES}
IN_PROGRESS_STATUSES = [
    VersionStatus.DRAFT,
    VersionStatus.SUBMITTED,
    VersionStatus.REJECTED,
    VersionStatus.APPROVED,
]


@lru_cache(maxsize=1)
def demo_password_hash() -> str:
    """The precomputed hash while it matches the hashing parameters, else a fresh one."""
    ok, newer = verify_password_sync(data.DEMO_PASSWORD_HASH, data.DEMO_PASSWORD)
    if ok and newer is None:
        return data.DEMO_PASSWORD_HASH
    return hash_password_sync(data.DEMO_PASSWORD)


class RowMaker:
    """Makes rows as unsaved model instances with ids and timestamps drawn from ``rng``."""

    def __init__(self, rng: random.Random, now: datetime) -> None:
        self.rng, self.now = rng, now
        self.clock = now  # ``created_at`` of the rows being made
        self.rows: defaultdict[type[Model], list[Any]] = defaultdict(list)

    def add(self, model: type[MODEL], **values: Any) -> MODEL:
        values.setdefault("id", UUID(int=self.rng.getrandbits(128), version=4))
        values.setdefault("created_at", self.clock)
        row = model(**values)
        self.rows[model].append(row)
        return row

    def ago(self, days: float = 0, hours: float = 0, minutes: float = 0) -> datetime:
        return self.now - timedelta(days=days, hours=hours, minutes=minutes)

    def between(self, start: datetime, end: datetime) -> datetime:
        return start + timedelta(seconds=self.rng.randint(0, int((end - start).total_seconds())))


class CatalogBuilder(RowMaker):
    """Users, then scenarios with their version history, machines, questions, answer keys."""

    def __init__(self, rng: random.Random, now: datetime) -> None:
        super().__init__(rng, now)
        self.versions: list[m.ScenarioVersion] = []
        self.category: dict[UUID, str] = {}
        self.difficulty: dict[UUID, Difficulty] = {}
        self.machines: dict[UUID, list[m.Machine]] = {}
        self.points: dict[UUID, list[int]] = {}

    def build_catalog(self) -> None:
        self.users()
        for index, spec in enumerate(data.SCENARIOS):
            self.scenario(index, spec)
        self.images()

    def images(self) -> None:
        """Every image the scenarios use, APPROVED in the image catalog (versionSubmit
        refuses others). Ids from the reference, not ``rng``: the rows after stay as they
        were."""
        used = {s.attacker.image: s.attacker for s in data.SCENARIOS}
        used.update({mc.image: mc for s in data.SCENARIOS for mc in s.machines})
        for ref, machine in sorted(used.items()):
            self.add(
                m.ImageVariant,
                id=uuid5(NAMESPACE_URL, f"rangex-image:{ref}"),
                name=ref.partition("/")[2].partition(":")[0] or ref,
                image_ref=ref,
                roles=[machine.role.value],
                default_cpu=PROFILE_RESOURCES[machine.profile].cpu,
                default_memory_mib=PROFILE_RESOURCES[machine.profile].memory_mib,
                approval=ImageApproval.APPROVED,
                reviewed_by_id=self.admin.id,
                reviewed_at=self.now,
            )

    def user(self, email: str, username: str, name: str, role: UserRole, days: int) -> m.User:
        login = self.ago(days=self.rng.randint(0, 9), hours=self.rng.randint(1, 20))
        return self.add(
            m.User,
            email=email,
            username=username,
            display_name=name,
            role=role,
            password_hash=demo_password_hash(),
            created_at=self.ago(days),
            last_login_at=login,
        )

    def users(self) -> None:
        self.admin = self.user(*data.ADMIN, UserRole.ADMIN, 420)
        self.creators = [
            self.user(*creator, UserRole.CREATOR, 400 - 20 * i)
            for i, creator in enumerate(data.CREATORS)
        ]
        domain = data.LEARNER_EMAIL_DOMAIN
        self.learners = [
            self.user(f"{name}@{domain}", name, display, UserRole.USER, self.rng.randint(20, 300))
            for name, display in data.LEARNERS
        ]
        self.learners[17].status = UserStatus.SUSPENDED
        self.active_learners = [u for u in self.learners if u.status is UserStatus.ACTIVE]

    def scenario(self, index: int, spec: data.ScenarioSpec) -> None:
        rng, created = self.rng, self.ago(days=self.rng.randint(150, 380))
        self.clock = created
        scenario = self.add(
            m.Scenario,
            author_id=self.creators[index % len(self.creators)].id,
            slug=spec.slug,
            title=spec.title,
            description=spec.description,
            difficulty=spec.difficulty,
            category=spec.category,
            visibility=spec.visibility,
        )
        for tag in dict.fromkeys((spec.category, *spec.tags)):
            self.add(m.ScenarioTag, scenario_id=scenario.id, tag=tag)
        if not spec.released:
            statuses = [VersionStatus.SUBMITTED if index % 2 else VersionStatus.DRAFT]
        else:
            statuses = [VersionStatus.ARCHIVED] * rng.randint(0, 2) + [VersionStatus.PUBLISHED]
            if rng.random() < 0.4:
                statuses.append(rng.choice(IN_PROGRESS_STATUSES))
        step = (self.ago(days=3) - created) / len(statuses)
        versions = [
            self.version(scenario, spec, number, status, created + step * (number - 1))
            for number, status in enumerate(statuses, start=1)
        ]
        for older, newer in itertools.pairwise(versions):
            if older.status is VersionStatus.ARCHIVED:
                older.archived_at = newer.published_at
        self.versions.extend(versions)

    def version(
        self,
        scenario: m.Scenario,
        spec: data.ScenarioSpec,
        number: int,
        status: VersionStatus,
        start: datetime,
    ) -> m.ScenarioVersion:
        rng, self.clock = self.rng, start
        reviewed = start + timedelta(days=3) if status in REVIEWED_STATUSES else None
        rejected = status is VersionStatus.REJECTED
        changelog = rng.choice(data.CHANGELOGS) if number > 1 else "Initial release."
        minutes = rng.choice(MINUTES[spec.difficulty])
        version = self.add(
            m.ScenarioVersion,
            scenario_id=scenario.id,
            number=number,
            status=status,
            changelog=changelog,
            time_limit_minutes=minutes,
            short_description=spec.description.split(". ")[0].rstrip(".") + ".",
            estimated_minutes=minutes,
            mission=data.MISSION.format(description=spec.description),
            solution=data.SOLUTION.format(objective=spec.description.split(". ")[-1]),
            learning_outcomes=list(data.LEARNING_OUTCOMES),
            code_of_ethics=data.CODE_OF_ETHICS,
            # The seeded sessions score question by question (seed/activity.py).
            scoring_mode=VersionScoringMode.PER_QUESTION,
            hint_mode=HintMode.ENABLED,
            resource_profile=spec.attacker.profile,
            submitted_at=start + timedelta(days=2) if status is not VersionStatus.DRAFT else None,
            reviewed_at=reviewed,
            reviewed_by_id=self.admin.id if reviewed else None,
            rejection_reason=rng.choice(data.REJECTION_REASONS) if rejected else None,
            published_at=start + timedelta(days=3, hours=1)
            if status in PUBLISHED_STATUSES
            else None,
        )
        self.category[version.id], self.difficulty[version.id] = spec.category, spec.difficulty
        if reviewed:
            self.add(
                m.AuditLog,
                actor_id=self.admin.id,
                action="scenario_version.reject" if rejected else "scenario_version.approve",
                target_type="ScenarioVersion",
                target_id=str(version.id),
                data={"scenario": spec.slug, "number": number},
                created_at=reviewed,
            )
        self.add_machines(version, spec, latest=status is not VersionStatus.ARCHIVED)
        self.add_questions(version, spec)
        return version

    def add_machines(
        self, version: m.ScenarioVersion, spec: data.ScenarioSpec, *, latest: bool
    ) -> None:
        """The attacker and the scenario's machines; older versions had fewer of them."""
        count = len(spec.machines) if latest else self.rng.randint(1, len(spec.machines))
        self.machines[version.id] = [
            self.add(
                m.Machine,
                version_id=version.id,
                name=machine.name,
                role=machine.role,
                image_ref=machine.image,
                cpu=PROFILE_RESOURCES[machine.profile].cpu,
                memory_mib=PROFILE_RESOURCES[machine.profile].memory_mib,
                entrypoints=[entrypoint_of_port(p).to_json() for p in machine.ports],
                environment=dict(machine.environment),
                network_group=machine.network_group,
                egress=machine.egress,
                position=position,
            )
            for position, machine in enumerate((spec.attacker, *spec.machines[:count]))
        ]

    def add_questions(self, version: m.ScenarioVersion, spec: data.ScenarioSpec) -> None:
        """2-5 questions from the category's bank, then the scenario's flag."""
        rng = self.rng
        flag = data.QuestionSpec(
            QuestionKind.FLAG,
            rng.choice(data.FLAG_PROMPTS),
            (f"RANGEX{{{rng.getrandbits(64):016x}}}",),
            points=50,
            case_sensitive=True,
        )
        bank = data.QUESTIONS[spec.category] + data.GENERAL_QUESTIONS
        specs = [*rng.sample(bank, rng.randint(2, 5)), flag]
        for position, q in enumerate(specs):
            question = self.add(
                m.Question,
                version_id=version.id,
                prompt=q.prompt,
                kind=q.kind,
                points=q.points,
                position=position,
                choices=list(q.choices),
                max_attempts=3 if q.kind is QuestionKind.TRUE_FALSE else 15,
            )
            self.add(
                m.QuestionAnswerKey,
                question_id=question.id,
                expected=list(q.expected),
                case_sensitive=q.case_sensitive,
            )
        self.points[version.id] = [q.points for q in specs]
        for position, (hint, question_id) in enumerate(
            ((data.VERSION_HINT, None), (data.FLAG_HINT, question.id))
        ):
            title, body, condition, threshold, penalty = hint
            self.add(
                m.Hint,
                id=uuid5(version.id, f"hint-{position}"),  # off the seed's random stream
                version_id=version.id,
                question_id=question_id,
                position=0 if question_id else position,
                title=title,
                body=body,
                unlock_condition=HintUnlockCondition(condition),
                unlock_threshold=threshold,
                penalty_points=penalty,
            )

    def published(self, status: VersionStatus = VersionStatus.PUBLISHED) -> list[m.ScenarioVersion]:
        return [v for v in self.versions if v.status is status]
