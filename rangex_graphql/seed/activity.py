"""The demo's activity on top of the catalog: sessions past and running, events, teams."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from .. import models as m
from ..models.enums import (
    Difficulty,
    EventStatus,
    ParticipationMode,
    RegistrationMode,
    RegistrationStatus,
    ScoringMode,
    SessionState,
    TeamRole,
    VersionStatus,
)
from ..services.events.dynamic_value import blood_bonus
from . import data
from .deployment import LIVE_STATES, DeploymentBuilder

EVENT_POINTS = {
    Difficulty.BEGINNER: 100,
    Difficulty.INTERMEDIATE: 200,
    Difficulty.ADVANCED: 300,
    Difficulty.EXPERT: 500,
}


class DemoBuilder(DeploymentBuilder):
    """The whole demo data set, as rows in ``self.rows`` (nothing touches the database)."""

    def build(self) -> None:
        self.event_questions: dict[UUID, list[tuple[m.EventQuestion, UUID]]] = {}
        self.build_catalog()
        self.start_deployments()
        self.past_sessions()
        self.live_event()
        self.scheduled_event()
        self.running_sessions()
        best: dict[tuple[UUID, UUID], int] = {}
        for s in self.rows[m.EnvironmentSession]:
            key = (s.user_id, s.version_id)
            best[key] = max(best.get(key, 0), s.score)
        for learner in self.learners:
            learner.total_score = sum(v for (user, _), v in best.items() if user == learner.id)

    def score(self, version: m.ScenarioVersion, share: float) -> int:
        return sum(p for p in self.points[version.id] if self.rng.random() < share)

    def session(
        self,
        user: m.User,
        version: m.ScenarioVersion,
        state: SessionState,
        started: datetime,
        ended: datetime | None = None,
        **values: Any,
    ) -> m.EnvironmentSession:
        """A session; a live one also gets its deployed machines (``deployment``)."""
        machines = self.machines[version.id]
        hours = ((ended or self.now) - started).total_seconds() / 3600
        usd_per_hour = sum(
            mc.cpu * data.USD_PER_VCPU_HOUR + mc.memory_mib / 1024 * data.USD_PER_GB_HOUR
            for mc in machines
        )
        self.clock = started
        session = self.add(
            m.EnvironmentSession,
            user_id=user.id,
            version_id=version.id,
            state=state,
            resource_profile=version.resource_profile,
            started_at=started,
            ended_at=ended,
            expires_at=started + timedelta(minutes=version.time_limit_minutes),
            cost_rm=Decimal(f"{usd_per_hour * hours * data.RM_PER_USD:.4f}"),
            lock_version=4 if ended else 2,
            **values,
        )
        if state in LIVE_STATES:
            self.deploy(session, version)
        return session

    def past_sessions(self) -> None:
        """1-5 finished sessions a learner, on published and since-archived versions."""
        rng = self.rng
        versions = self.published() * 3 + self.published(VersionStatus.ARCHIVED)
        for learner in self.learners:
            for _ in range(rng.randint(1, 5)):
                version = rng.choice(versions)
                published: datetime = version.published_at or self.now
                first = max(published, learner.created_at)
                last = (version.archived_at or self.now) - timedelta(hours=3)
                if first >= last:
                    continue
                started, roll = self.between(first, last), rng.random()
                limit = timedelta(minutes=version.time_limit_minutes)
                if roll < 0.04:
                    ended = started + timedelta(minutes=2)
                    reason = rng.choice(data.FAILURE_REASONS)
                    state = SessionState.FAILED
                    self.session(learner, version, state, started, ended, failure_reason=reason)
                elif roll < 0.25:
                    score = self.score(version, 0.4)
                    state = SessionState.EXPIRED
                    self.session(learner, version, state, started, started + limit, score=score)
                else:
                    ended = started + limit * rng.uniform(0.25, 1)
                    score = self.score(version, 0.8)
                    state = SessionState.TERMINATED
                    self.session(learner, version, state, started, ended, score=score)

    def live_event(self) -> None:
        """A DYNAMIC team event under way, its public board frozen half an hour ago: 4 teams
        of 3, five challenges, solves with bloods, finished team sessions."""
        rng = self.rng
        slug, title, description = data.LIVE_EVENT
        self.clock = self.ago(days=30)
        self.live = self.add(
            m.Event,
            slug=slug,
            title=title,
            description=description,
            status=EventStatus.FROZEN,
            starts_at=self.ago(hours=3),
            ends_at=self.ago(hours=-21),
            freeze_at=self.ago(minutes=30),
            registration_mode=RegistrationMode.OPEN,
            participation_mode=ParticipationMode.TEAM,
            team_size_limit=4,
            max_participants=8,
            scoring_mode=ScoringMode.DYNAMIC,
            dynamic_decay=4,
            created_by_id=self.admin.id,
        )
        self.live_versions = self.event_scenarios(self.live, 5)
        members = rng.sample(self.active_learners, 3 * len(data.TEAMS))
        self.live_teams: list[tuple[m.Team, list[m.User]]] = []
        registrations: list[tuple[m.EventRegistration, list[m.User]]] = []
        self.live_registration: dict[UUID, UUID] = {}
        for i, (name, motto) in enumerate(data.TEAMS):
            crew = members[3 * i : 3 * i + 3]
            self.clock = self.ago(days=20 - i)
            team = self.add(
                m.Team,
                name=name,
                slug=name.lower().replace(" ", "-"),
                description=motto,
                motto=motto,
                is_open=False,
                member_count=len(crew),
                created_by_id=crew[0].id,
            )
            for j, user in enumerate(crew):
                role = TeamRole.CAPTAIN if j == 0 else TeamRole.MEMBER
                self.add(m.TeamMember, team_id=team.id, user_id=user.id, role=role)
            status = RegistrationStatus.APPROVED
            registration = self.add(
                m.EventRegistration, event_id=self.live.id, team_id=team.id, status=status
            )
            for user in crew:
                self.add(
                    m.EventParticipant,
                    event_id=self.live.id,
                    registration_id=registration.id,
                    user_id=user.id,
                )
            registrations.append((registration, crew))
            self.live_registration[team.id] = registration.id
            self.live_teams.append((team, crew))
            for user in crew[1:]:
                version = rng.choice(self.live_versions)
                started = self.ago(hours=rng.uniform(1.5, 2.8))
                ended = started + timedelta(minutes=rng.randint(20, 80))
                self.session(
                    user,
                    version,
                    SessionState.TERMINATED,
                    started,
                    ended,
                    event_id=self.live.id,
                    team_id=team.id,
                    registration_id=registration.id,
                    score=self.score(version, 0.7),
                )
        self.live.registered_count = len(registrations)
        self.live_solves(registrations)

    def live_solves(self, registrations: list[tuple[m.EventRegistration, list[m.User]]]) -> None:
        """Each team solves some of the event's questions, at times spread over the event
        so far (some after the freeze); bloods go to the first three solvers of each."""
        rng = self.rng
        entries = self.event_questions[self.live.id]
        solves: list[tuple[datetime, tuple[m.EventQuestion, UUID], m.EventRegistration, m.User]]
        solves = []
        for registration, crew in registrations:
            share = rng.uniform(0.3, 0.8)
            for pair in entries:
                if rng.random() < share:
                    at = self.ago(minutes=rng.uniform(2, 175))
                    solves.append((at, pair, registration, rng.choice(crew)))
        solves.sort(key=lambda solve: solve[0])
        percents = (
            self.live.first_blood_percent,
            self.live.second_blood_percent,
            self.live.third_blood_percent,
        )
        for at, (question, question_id), registration, user in solves:
            question.solves += 1
            blood = question.solves if question.solves <= 3 else 0
            self.add(
                m.EventSolve,
                event_id=self.live.id,
                registration_id=registration.id,
                question_id=question_id,
                user_id=user.id,
                solved_at=at,
                blood=blood,
                bonus_points=blood_bonus(question.initial_points, blood, percents),
                created_at=at,
            )

    def scheduled_event(self) -> None:
        """A solo event in two weeks, with approved, pending and rejected registrations."""
        slug, title, description = data.SCHEDULED_EVENT
        self.clock = self.ago(days=6)
        event = self.add(
            m.Event,
            slug=slug,
            title=title,
            description=description,
            status=EventStatus.PUBLISHED,
            starts_at=self.ago(days=-14),
            ends_at=self.ago(days=-16),
            registration_mode=RegistrationMode.APPROVAL,
            participation_mode=ParticipationMode.SOLO,
            created_by_id=self.admin.id,
        )
        self.event_scenarios(event, 4, categories={"cloud", "web", "network"})
        statuses = [RegistrationStatus.APPROVED] * 7 + [RegistrationStatus.PENDING] * 2
        statuses.append(RegistrationStatus.REJECTED)
        for user, status in zip(self.rng.sample(self.active_learners, 10), statuses, strict=True):
            registration = self.add(
                m.EventRegistration,
                event_id=event.id,
                user_id=user.id,
                status=status,
                created_at=self.ago(days=self.rng.uniform(0.5, 5.5)),
            )
            if status is not RegistrationStatus.REJECTED:
                self.add(
                    m.EventParticipant,
                    event_id=event.id,
                    registration_id=registration.id,
                    user_id=user.id,
                )
        event.registered_count = statuses.count(RegistrationStatus.APPROVED)

    def event_scenarios(
        self, event: m.Event, size: int, categories: set[str] | None = None
    ) -> list[m.ScenarioVersion]:
        pool = [v for v in self.published() if not categories or self.category[v.id] in categories]
        chosen = self.rng.sample(pool, size)
        chosen.sort(key=lambda v: EVENT_POINTS[self.difficulty[v.id]])
        for position, version in enumerate(chosen):
            questions = [q for q in self.rows[m.Question] if q.version_id == version.id]
            challenge = self.add(
                m.EventScenario,
                event_id=event.id,
                version_id=version.id,
                position=position,
                points=sum(q.points for q in questions),
                category=self.category[version.id],
            )
            for question in questions:
                entry = self.add(
                    m.EventQuestion,
                    event_id=event.id,
                    challenge_id=challenge.id,
                    question_id=question.id,
                    initial_points=question.points,
                )
                self.event_questions.setdefault(event.id, []).append((entry, question.id))
        return chosen

    def running_sessions(self) -> None:
        """Two running and one paused solo session, and two teams at work in the event."""
        rng = self.rng
        busy = {user.id for _, crew in self.live_teams for user in crew}
        solo = [u for u in self.active_learners if u.id not in busy]
        states = (SessionState.RUNNING, SessionState.RUNNING, SessionState.PAUSED)
        for user, state in zip(rng.sample(solo, len(states)), states, strict=True):
            version = rng.choice(self.published())
            started = self.ago(minutes=rng.randint(5, 40))
            paused = state is SessionState.PAUSED
            used = int((self.now - started).total_seconds())
            left = version.time_limit_minutes * 60 - used if paused else None
            score = self.score(version, 0.3)
            self.session(user, version, state, started, score=score, paused_remaining_seconds=left)
        for team, crew in self.live_teams[:2]:
            version = rng.choice(self.live_versions)
            self.session(
                crew[0],
                version,
                SessionState.RUNNING,
                self.ago(minutes=rng.randint(10, 50)),
                event_id=self.live.id,
                team_id=team.id,
                registration_id=self.live_registration[team.id],
                score=self.score(version, 0.3),
            )
