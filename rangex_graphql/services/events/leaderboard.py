"""An event's ranking, computed per request in two statements whatever its size.

The first reads each question's solve count (the live counter, or the solves before the
freeze for the frozen board) and Python turns the counts into values; the second ranks
every approved registration in one SQL statement: a CASE on the question gives each solve
its value, a LEFT JOIN keeps the participants without a solve, and RANK() gives
competition ranks (1, 1, 3).

A score is the solves' values less the registration's hint penalties (another LEFT JOIN,
``services/hints/penalties.py``). Order: score descending, then who reached that score
first (the last solve's time; those without a solve after, by registration time), then
the registration id. Equal score and equal last solve time share a rank.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from ...models import Event
from ...models.enums import EventStatus, RegistrationStatus, ScoringMode
from ..hints.penalties import penalties_sql
from .dynamic_value import question_value
from .schedule import status_at


@dataclass(frozen=True, slots=True)
class BoardEvent:
    """What ranking needs of an event; ``status`` is its effective status (the schedule's
    clock applied, ``schedule.status_at``)."""

    id: UUID
    status: EventStatus
    freeze_at: datetime | None
    scoring_mode: ScoringMode
    minimum_percent: int
    decay: int
    created_by_id: UUID | None

    @property
    def public_cutoff(self) -> datetime | None:
        """The freeze time while the public board is frozen; None when it shows the live
        scores (before the freeze, and once the event is FINISHED: the board unfreezes)."""
        return self.freeze_at if self.status is EventStatus.FROZEN else None


BOARD_EVENT_COLUMNS = (
    "id",
    "status",
    "starts_at",
    "ends_at",
    "freeze_at",
    "scoring_mode",
    "dynamic_minimum_percent",
    "dynamic_decay",
    "created_by_id",
)


def board_event_from_row(row: dict[str, Any], now: datetime) -> BoardEvent:
    return BoardEvent(
        id=row["id"],
        status=status_at(row, now),
        freeze_at=row["freeze_at"],
        scoring_mode=ScoringMode(row["scoring_mode"]),
        minimum_percent=row["dynamic_minimum_percent"],
        decay=row["dynamic_decay"],
        created_by_id=row["created_by_id"],
    )


async def board_events(ids: Sequence[UUID]) -> dict[UUID, BoardEvent]:
    """The events (not deleted) of ``ids``: one statement."""
    rows = await Event.filter(id__in=list(ids), deleted_at__isnull=True).values(
        *BOARD_EVENT_COLUMNS
    )
    now = datetime.now(UTC)
    return {row["id"]: board_event_from_row(row, now) for row in rows}


@dataclass(frozen=True, slots=True)
class Position:
    """A participant's place in the board's order: the keyset of its pages."""

    score: int
    unsolved: int  # 1 when it has no solve (then ``time`` is its registration time)
    time: str  # the last solve's (or registration's) time as the database compares it
    registration_id: UUID


@dataclass(frozen=True, slots=True)
class Standing:
    registration_id: UUID
    user_id: UUID | None
    team_id: UUID | None
    rank: int
    score: int
    solves: int
    last_solve_at: datetime | None
    position: Position


def _client() -> BaseDBAsyncClient:
    client: BaseDBAsyncClient = Event._meta.db
    return client


def _dialect(client: BaseDBAsyncClient) -> str:
    return str(client.capabilities.dialect)


def db_time(value: datetime, dialect: str) -> Any:
    """A datetime as the driver compares it with a DatetimeField column (SQLite stores
    ``isoformat(" ")`` text in UTC; MariaDB naive UTC)."""
    utc = value.astimezone(UTC)
    return utc.isoformat(" ") if dialect == "sqlite" else utc.replace(tzinfo=None)


def from_db_time(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _time_key(value: Any) -> str:
    """A sort time as the cursor keeps it: the database's own text on SQLite (compared
    as text), ISO text MariaDB parses on MariaDB."""
    if isinstance(value, datetime):
        return value.isoformat(" ")
    return str(value)


async def question_values(event: BoardEvent, cutoff: datetime | None) -> dict[UUID, int]:
    """Each question's value now (``cutoff`` None: from the live solve counters) or as at
    ``cutoff`` (from the solves before it): one statement."""
    client = _client()
    dialect = _dialect(client)
    mark = "?" if dialect == "sqlite" else "%s"
    if cutoff is None:
        sql = (
            "SELECT question_id, initial_points, solves FROM event_question "
            f"WHERE event_id = {mark}"
        )
        params: list[Any] = [str(event.id)]
    else:
        sql = (
            "SELECT q.question_id, q.initial_points, COUNT(s.id) AS solves "
            "FROM event_question q LEFT JOIN event_solve s "
            "ON s.event_id = q.event_id AND s.question_id = q.question_id "
            f"AND s.solved_at < {mark} "
            f"WHERE q.event_id = {mark} GROUP BY q.question_id, q.initial_points"
        )
        params = [db_time(cutoff, dialect), str(event.id)]
    rows = await client.execute_query_dict(sql, params)
    return {
        UUID(str(row["question_id"])): question_value(
            int(row["initial_points"]),
            int(row["solves"]),
            mode=event.scoring_mode,
            minimum_percent=event.minimum_percent,
            decay=event.decay,
        )
        for row in rows
    }


async def standings(
    event: BoardEvent,
    values: dict[UUID, int],
    cutoff: datetime | None,
    *,
    after: Position | None = None,
    limit: int | None = None,
    only: UUID | None = None,
) -> list[Standing]:
    """The ranked participants (after ``after``, at most ``limit``; or only the
    registration ``only``, ranked among all): one statement."""
    client = _client()
    dialect = _dialect(client)
    mark = "?" if dialect == "sqlite" else "%s"
    params: list[Any] = []
    if values:
        cases = " ".join(f"WHEN {mark} THEN {mark}" for _ in values)
        value_sql = f"CASE s.question_id {cases} ELSE 0 END"
        for question_id, value in values.items():
            params.extend((str(question_id), value))
    else:
        value_sql = "0"
    params.append(str(event.id))
    solve_filter = ""
    if cutoff is not None:
        solve_filter = f" AND s.solved_at < {mark}"
        params.append(db_time(cutoff, dialect))
    # Hint penalties (services/hints/penalties.py), as at the same cutoff.
    params.append(str(event.id))
    if cutoff is not None:
        params.append(db_time(cutoff, dialect))
    params.extend((str(event.id), RegistrationStatus.APPROVED.value))
    outer: list[str] = []
    if only is not None:
        outer.append(f"registration_id = {mark}")
        params.append(str(only))
    if after is not None:
        outer.append(
            f"(score < {mark} OR (score = {mark} AND (unsolved > {mark} OR (unsolved = {mark} "
            f"AND (sort_time > {mark} OR (sort_time = {mark} AND registration_id > {mark}))))))"
        )
        time = after.time
        params.extend((after.score, after.score, after.unsolved, after.unsolved, time, time))
        params.append(str(after.registration_id))
    where = f"WHERE {' AND '.join(outer)} " if outer else ""
    limit_sql = ""
    if limit is not None:
        limit_sql = f" LIMIT {mark}"
        params.append(limit)
    sql = (
        "SELECT registration_id, user_id, team_id, score, solves, last_solve_at, unsolved, "
        "sort_time, board_rank FROM ("
        "SELECT b.*, RANK() OVER (ORDER BY score DESC, unsolved ASC, last_solve_at ASC) "
        "AS board_rank FROM ("
        # The solves are summed per registration first, from the covering index on
        # (event_id, registration_id, question_id, solved_at, bonus_points).
        "SELECT r.id AS registration_id, r.user_id AS user_id, r.team_id AS team_id, "
        "COALESCE(a.score, 0) - COALESCE(p.penalty, 0) AS score, "
        "COALESCE(a.solves, 0) AS solves, "
        "a.last_solve_at AS last_solve_at, "
        "CASE WHEN a.solves IS NULL THEN 1 ELSE 0 END AS unsolved, "
        "COALESCE(a.last_solve_at, r.created_at) AS sort_time "
        "FROM event_registration r LEFT JOIN ("
        f"SELECT s.registration_id, SUM({value_sql} + s.bonus_points) AS score, "
        "COUNT(*) AS solves, MAX(s.solved_at) AS last_solve_at FROM event_solve s "
        f"WHERE s.event_id = {mark}{solve_filter} GROUP BY s.registration_id"
        ") a ON a.registration_id = r.id "
        f"LEFT JOIN ({penalties_sql(mark, cutoff is not None)}) p ON p.registration_id = r.id "
        f"WHERE r.event_id = {mark} AND r.status = {mark}"
        ") b) ranked "
        f"{where}ORDER BY score DESC, unsolved ASC, sort_time ASC, registration_id ASC"
        f"{limit_sql}"
    )
    rows = await client.execute_query_dict(sql, params)
    return [_standing(row) for row in rows]


def _uuid_or_none(value: Any) -> UUID | None:
    return None if value is None else UUID(str(value))


def _standing(row: dict[str, Any]) -> Standing:
    registration_id = UUID(str(row["registration_id"]))
    score = int(row["score"])
    unsolved = int(row["unsolved"])
    return Standing(
        registration_id=registration_id,
        user_id=_uuid_or_none(row["user_id"]),
        team_id=_uuid_or_none(row["team_id"]),
        rank=int(row["board_rank"]),
        score=score,
        solves=int(row["solves"]),
        last_solve_at=from_db_time(row["last_solve_at"]),
        position=Position(score, unsolved, _time_key(row["sort_time"]), registration_id),
    )


async def registration_of(event_id: UUID, user_id: UUID) -> UUID | None:
    """The registration through which ``user_id`` takes part in the event (their own or
    their team's), approved or not: one statement."""
    client = _client()
    mark = "?" if _dialect(client) == "sqlite" else "%s"
    sql = (
        "SELECT r.id FROM event_registration r WHERE r.event_id = "
        f"{mark} AND (r.user_id = {mark} OR r.id IN (SELECT p.registration_id FROM "
        f"event_participant p WHERE p.event_id = {mark} AND p.user_id = {mark}))"
    )
    rows = await client.execute_query_dict(
        sql, [str(event_id), str(user_id), str(event_id), str(user_id)]
    )
    return UUID(str(rows[0]["id"])) if rows else None


@dataclass(frozen=True, slots=True)
class Board:
    """A page of an event's board as some audience sees it."""

    event: BoardEvent
    cutoff: datetime | None  # the freeze time when the board shows scores as at it
    as_of: datetime
    standings: list[Standing]
    has_next: bool
    values: dict[UUID, int]

    @property
    def frozen(self) -> bool:
        return self.cutoff is not None


async def read_board(
    event: BoardEvent,
    *,
    truth: bool,
    first: int,
    after: Position | None = None,
) -> Board:
    """The board's page: live (``truth``, or not frozen) or as at the freeze."""
    now = datetime.now(UTC)
    cutoff = None if truth else event.public_cutoff
    values = await question_values(event, cutoff)
    rows = await standings(event, values, cutoff, after=after, limit=first + 1)
    return Board(
        event=event,
        cutoff=cutoff,
        as_of=cutoff or now,
        standings=rows[:first],
        has_next=len(rows) > first,
        values=values,
    )


async def live_standing(event: BoardEvent, registration_id: UUID) -> Standing | None:
    """One participant's live place and score: two statements."""
    values = await question_values(event, None)
    rows = await standings(event, values, None, only=registration_id)
    return rows[0] if rows else None
