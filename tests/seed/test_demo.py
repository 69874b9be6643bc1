"""The demo data set: the promised counts, the domain's invariants, and reproducibility."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, datetime
from typing import Any

import pytest

from rangex_graphql.models import (
    EnvironmentSession,
    Event,
    EventParticipant,
    EventQuestion,
    EventRegistration,
    EventScenario,
    EventSolve,
    Hint,
    Machine,
    Question,
    QuestionAnswerKey,
    Scenario,
    ScenarioVersion,
    SessionMachine,
    StoredFile,
    Team,
    TeamMember,
    User,
)
from rangex_graphql.models.enums import (
    EventStatus,
    FileKind,
    HintMode,
    MachineRole,
    ParticipationMode,
    QuestionKind,
    ScoringMode,
    SessionState,
    UserRole,
    VersionStatus,
)
from rangex_graphql.security.passwords import verify_password_sync
from rangex_graphql.seed import SeedSummary, database_is_empty, reset_database, seed_demo
from rangex_graphql.seed.data import DEMO_PASSWORD
from rangex_graphql.seed.demo import MODELS_CHILD_FIRST
from rangex_graphql.services.authoring.machine_rules import (
    ALLOWED_PORTS,
    MAX_MACHINES,
    MAX_PORTS_PER_MACHINE,
    PROFILE_RESOURCES,
)

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
LIVE = (SessionState.RUNNING, SessionState.PAUSED)
FINISHED = (SessionState.TERMINATED, SessionState.EXPIRED, SessionState.FAILED)

pytestmark = pytest.mark.usefixtures("db")


async def flat(query: Any, field: str) -> list[Any]:
    """One column, as a list (Tortoise's typing of ``values_list(flat=True)`` is loose)."""
    return list(await query.values_list(field, flat=True))


@pytest.fixture
async def summary() -> SeedSummary:
    return await seed_demo(now=NOW)


async def test_people(summary: SeedSummary) -> None:
    admins = await flat(User.filter(role=UserRole.ADMIN), "email")
    assert admins == ["admin@rangex.local"]
    assert await User.filter(role=UserRole.CREATOR).count() == 4
    assert await User.filter(role=UserRole.USER).count() == 30
    assert summary.users_by_role == {"ADMIN": 1, "CREATOR": 4, "USER": 30}
    hashes = set(await flat(User.all(), "password_hash"))
    assert len(hashes) == 1  # one precomputed hash: seeding does not hash 35 times
    assert verify_password_sync(hashes.pop(), DEMO_PASSWORD)[0]


async def test_scenarios_and_their_versions(summary: SeedSummary) -> None:
    assert await Scenario.all().count() == 24
    categories = set(await flat(Scenario.all(), "category"))
    assert {"web", "network", "forensics", "crypto", "cloud", "reverse-engineering"} <= categories
    assert len(set(await flat(Scenario.all(), "difficulty"))) == 4

    versions = defaultdict(list)
    for row in await ScenarioVersion.all().order_by("number").values():
        versions[row["scenario_id"]].append(row)
    assert len(versions) == 24
    for history in versions.values():
        assert 1 <= len(history) <= 4
        assert [v["number"] for v in history] == list(range(1, len(history) + 1))
        statuses = [v["status"] for v in history]
        assert statuses.count(VersionStatus.PUBLISHED) <= 1
        if VersionStatus.PUBLISHED in statuses:
            published = statuses.index(VersionStatus.PUBLISHED)
            assert statuses[:published] == [VersionStatus.ARCHIVED] * published
            assert len(statuses) - published <= 2  # at most one newer version in the works
        for v in history:
            if v["status"] in (VersionStatus.PUBLISHED, VersionStatus.ARCHIVED):
                assert v["published_at"] is not None
            if v["status"] == VersionStatus.ARCHIVED:
                assert v["archived_at"] is not None
            if v["status"] == VersionStatus.REJECTED:
                assert v["rejection_reason"]
    every_status = Counter(await flat(ScenarioVersion.all(), "status"))
    assert {VersionStatus.DRAFT, VersionStatus.SUBMITTED, VersionStatus.REJECTED} <= set(
        every_status
    )
    assert sum(summary.versions_by_status.values()) == await ScenarioVersion.all().count()


async def test_every_version_has_an_attacker_and_a_target_within_the_limits() -> None:
    await seed_demo(now=NOW)
    machines = defaultdict(list)
    for row in await Machine.all().values():
        machines[row["version_id"]].append(row)
    assert set(machines) == set(await flat(ScenarioVersion.all(), "id"))
    for rows in machines.values():
        assert 2 <= len(rows) <= MAX_MACHINES
        roles = {r["role"] for r in rows}
        assert {MachineRole.ATTACKER, MachineRole.TARGET} <= roles
        for r in rows:
            assert r["image_ref"].startswith("rangex/")
            assert (r["cpu"], r["memory_mib"]) in {
                (p.cpu, p.memory_mib) for p in PROFILE_RESOURCES.values()
            }
            assert {e["port"] for e in r["entrypoints"]} <= ALLOWED_PORTS
            assert len(r["entrypoints"]) <= MAX_PORTS_PER_MACHINE
    images = set(await flat(Machine.all(), "image_ref"))
    assert {"rangex/kali-lite:2024.1", "rangex/dvwa:1.10"} <= images


async def test_every_version_has_its_content_and_two_hints(summary: SeedSummary) -> None:
    """A newcomer opening any demo challenge sees a mission and hints to unlock."""
    versions = await ScenarioVersion.all()
    assert versions
    hints = Counter(str(v) for v in await flat(Hint.all(), "version_id"))
    for version in versions:
        assert version.mission.startswith("## Your mission")
        assert version.solution
        assert version.short_description.endswith(".")
        assert 5 <= version.estimated_minutes <= 480
        assert version.hint_mode is HintMode.ENABLED
        assert hints[str(version.id)] == 2
    on_questions = await Hint.filter(question_id__isnull=False).count()
    assert on_questions == len(versions)


async def test_every_question_has_an_answer_key() -> None:
    await seed_demo(now=NOW)
    per_version = Counter(await flat(Question.all(), "version_id"))
    assert all(3 <= n <= 6 for n in per_version.values())
    assert len(per_version) == await ScenarioVersion.all().count()
    question_ids = set(await flat(Question.all(), "id"))
    keyed = await flat(QuestionAnswerKey.all(), "question_id")
    assert set(keyed) == question_ids
    assert len(keyed) == len(question_ids)
    assert set(await flat(Question.all(), "kind")) == set(QuestionKind)
    for kind, choices, expected in await Question.all().values_list(
        "kind", "choices", "answer_key__expected"
    ):
        assert expected
        if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
            assert set(expected) <= set(choices)
        if kind == QuestionKind.SINGLE_CHOICE:
            assert len(expected) == 1


async def test_sessions() -> None:
    await seed_demo(now=NOW)
    sessions = await EnvironmentSession.all().values()
    states = Counter(s["state"] for s in sessions)
    assert states[SessionState.TERMINATED] > 30
    assert states[SessionState.EXPIRED] > 5
    assert states[SessionState.RUNNING] >= 2
    deployed = Counter(await flat(SessionMachine.all(), "session_id"))
    machines = Counter(await flat(Machine.all(), "version_id"))
    points: defaultdict[Any, int] = defaultdict(int)
    for version_id, value in await Question.all().values_list("version_id", "points"):
        points[version_id] += value
    for s in sessions:
        assert s["started_at"] <= NOW
        assert 0 <= s["score"] <= points[s["version_id"]]
        if s["state"] in LIVE:
            assert deployed[s["id"]] == machines[s["version_id"]] > 0
            assert s["ended_at"] is None
            assert s["expires_at"] > s["started_at"]
        else:
            assert s["state"] in FINISHED
            assert deployed[s["id"]] == 0
            assert s["started_at"] < s["ended_at"] <= NOW
    live_per_user = Counter(s["user_id"] for s in sessions if s["state"] in LIVE)
    assert max(live_per_user.values()) <= 5
    playable = {VersionStatus.PUBLISHED, VersionStatus.ARCHIVED}
    played = await flat(
        ScenarioVersion.filter(id__in={s["version_id"] for s in sessions}), "status"
    )
    assert set(played) <= playable
    addresses = await flat(SessionMachine.all(), "address")
    assert len(set(addresses)) == len(addresses)
    assert all(a.startswith("172.") for a in addresses)


async def test_learner_total_score_is_the_sum_of_their_best_scores() -> None:
    await seed_demo(now=NOW)
    best: dict[tuple[Any, Any], int] = {}
    for user_id, version_id, score in await EnvironmentSession.all().values_list(
        "user_id", "version_id", "score"
    ):
        best[user_id, version_id] = max(best.get((user_id, version_id), 0), score)
    for user_id, total in await User.filter(role=UserRole.USER).values_list("id", "total_score"):
        assert total == sum(v for (u, _), v in best.items() if u == user_id)


async def test_events() -> None:
    await seed_demo(now=NOW)
    live = await Event.get(status=EventStatus.FROZEN)
    scheduled = await Event.get(status=EventStatus.PUBLISHED)
    assert await Event.all().count() == 2

    assert live.participation_mode == ParticipationMode.TEAM
    assert live.starts_at < NOW < live.ends_at
    teams = await EventRegistration.filter(event=live).values_list("team_id", "user_id")
    assert len(teams) == 4
    assert all(team and not user for team, user in teams)
    members = await TeamMember.filter(team_id__in=[t for t, _ in teams]).values_list(
        "team_id", "user_id", "role"
    )
    assert sorted(Counter(t for t, _, _ in members).values()) == [3, 3, 3, 3]
    assert len({u for _, u, _ in members}) == 12  # nobody is in two teams
    assert Counter(r for _, _, r in members)["CAPTAIN"] == 4
    assert await Team.all().count() == 4
    event_versions = set(await flat(EventScenario.filter(event=live), "version_id"))
    assert event_versions
    for version_id, team_id in await EnvironmentSession.filter(event=live).values_list(
        "version_id", "team_id"
    ):
        assert version_id in event_versions
        assert team_id in {t for t, _ in teams}
    assert await EnvironmentSession.filter(event=live, state=SessionState.RUNNING).exists()
    # A frozen DYNAMIC board: solves before and after the freeze, bloods per question.
    assert live.scoring_mode == ScoringMode.DYNAMIC
    assert live.freeze_at is not None
    assert live.starts_at < live.freeze_at < NOW
    assert live.registered_count == 4
    assert await EventParticipant.filter(event=live).count() == 12
    solves = await EventSolve.filter(event=live).values("question_id", "blood", "solved_at")
    assert any(s["solved_at"] < live.freeze_at for s in solves)
    assert any(s["solved_at"] > live.freeze_at for s in solves)
    for entry in await EventQuestion.filter(event=live).values("question_id", "solves"):
        bloods = sorted(s["blood"] for s in solves if s["question_id"] == entry["question_id"])
        assert len(bloods) == entry["solves"]
        assert [b for b in bloods if b] == list(range(1, min(3, entry["solves"]) + 1))

    assert scheduled.participation_mode == ParticipationMode.SOLO
    assert scheduled.starts_at > NOW
    people = await EventRegistration.filter(event=scheduled).values_list("user_id", "team_id")
    assert len(people) >= 5
    assert all(user and not team for user, team in people)
    assert await EventScenario.filter(event=scheduled).count() >= 3
    assert scheduled.registered_count == 7
    assert await EventParticipant.filter(event=scheduled).count() == 9  # rejected: none
    for status in await flat(
        ScenarioVersion.filter(event_entries__event_id__in=[live.id, scheduled.id]), "status"
    ):
        assert status == VersionStatus.PUBLISHED


async def snapshot() -> dict[str, list[dict[str, Any]]]:
    tables = {}
    for model in MODELS_CHILD_FIRST:
        rows = await model.all().order_by("id").values()
        tables[model._meta.db_table] = [
            {k: v for k, v in row.items() if k != "updated_at"} for row in rows
        ]
    return tables


async def test_summary_counts_what_was_written_and_seeding_is_reproducible() -> None:
    summary = await seed_demo(now=NOW)
    first = await snapshot()
    assert summary.counts == {table: len(rows) for table, rows in first.items()}

    deleted = await reset_database()
    assert deleted == summary.counts
    assert await database_is_empty()
    assert await seed_demo(now=NOW) == summary
    assert await snapshot() == first


async def test_reset_removes_the_files_users_uploaded_before_the_users() -> None:
    await seed_demo(now=NOW)
    owner = await User.filter(role=UserRole.USER).first()
    assert owner is not None
    await StoredFile.create(
        owner=owner,
        kind=FileKind.AVATAR,
        object_key="files/avatar-1",
        filename="me.png",
        content_type="image/png",
        size=1024,
        expires_at=NOW,
    )
    await reset_database()
    assert await database_is_empty()


async def test_progress_is_reported_step_by_step() -> None:
    assert await database_is_empty()
    steps: list[tuple[str, int, int]] = []
    await seed_demo(lambda description, done, total: steps.append((description, done, total)))
    assert not await database_is_empty()
    done = [d for _, d, _ in steps]
    assert done == sorted(done)
    assert done[0] == 0
    assert steps[-1][1] == steps[-1][2] == len(MODELS_CHILD_FIRST) + 1
