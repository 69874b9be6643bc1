"""United readers: reads asked for in one event-loop turn go as one UNION ALL statement,
each getting exactly the rows (values, types, order) its own statement would return, on
SQLite and MariaDB."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from tortoise.transactions import in_transaction

from rangex_graphql.db.row_unions import UnitedReader
from rangex_graphql.db.rows import RowReader
from rangex_graphql.models import Hint, HintUnlock, Question, SessionAnswer, SessionMachine
from rangex_graphql.models.enums import UserRole
from tests import factories
from tests.conftest import StatementCounter

ANSWERS = ("id", "session_id", "question_id", "attempts", "correct", "answered_at")
MACHINES = ("id", "session_id", "machine_id", "state", "address", "created_at", "ports")
UNLOCKS = ("id", "session_id", "hint_id", "unlocked_at")
SHAPES: list[tuple[Any, tuple[str, ...], tuple[str, ...]]] = [
    (SessionAnswer, ANSWERS, ("question_id",)),
    (SessionMachine, MACHINES, ("-created_at", "id")),
    (HintUnlock, UNLOCKS, ("unlocked_at", "id")),
]


async def _two_sessions() -> list[Any]:
    author = await factories.user(UserRole.CREATOR)
    version = await factories.version(await factories.scenario(author), machines=3, questions=3)
    questions = await Question.filter(version=version).order_by("position")
    hint = await Hint.create(version=version, title="Look around", body="ls -la")
    sessions = []
    for machines in (3, 1):
        learner = await factories.user()
        session = await factories.session(learner, version, machines=machines)
        for number, question in enumerate(questions[:machines]):
            await SessionAnswer.create(
                session=session, question=question, attempts=number + 1, correct=number == 0
            )
        await HintUnlock.create(session=session, hint=hint, unlocked_at=session.started_at)
        sessions.append(session)
    return sessions


@pytest.mark.usefixtures("db")
async def test_reads_in_one_turn_are_one_statement_with_each_reads_own_rows(
    sql_counter: StatementCounter,
) -> None:
    sessions = await _two_sessions()
    keys = [session.id for session in sessions]
    plain = [RowReader(model, columns, "session_id", order) for model, columns, order in SHAPES]
    united = [
        UnitedReader(model, columns, "session_id", order, {}) for model, columns, order in SHAPES
    ]
    expected = [await reader.where_in(keys) for reader in plain]
    assert [len(rows) for rows in expected[:2]] == [4, 4]

    sql_counter.reset()
    together = await asyncio.gather(*(reader.where_in(keys) for reader in united))
    assert sql_counter.count == 1, sql_counter.statements
    assert "UNION ALL" in sql_counter.statements[0]
    assert together == expected  # values, their Python types and each reader's order

    sql_counter.reset()
    one_key = await asyncio.gather(united[0].where_in(keys[:1]), united[0].where_in(keys[1:]))
    assert sql_counter.count == 1
    assert list(one_key) == [await plain[0].where_in(keys[:1]), await plain[0].where_in(keys[1:])]


@pytest.mark.usefixtures("db")
async def test_a_read_alone_in_its_turn_is_the_readers_own_statement(
    sql_counter: StatementCounter,
) -> None:
    sessions = await _two_sessions()
    model, columns, order = SHAPES[1]
    united = UnitedReader(model, columns, "session_id", order, {})
    sql_counter.reset()
    rows = await united.where_in([sessions[0].id])
    assert [r["session_id"] for r in rows] == [sessions[0].id] * 3
    assert sql_counter.count == 1
    assert "UNION" not in sql_counter.statements[0]
    assert await united.where_in([]) == []


@pytest.mark.usefixtures("db")
async def test_a_failed_union_fails_every_read_in_it(monkeypatch: pytest.MonkeyPatch) -> None:
    sessions = await _two_sessions()
    united = [
        UnitedReader(model, columns, "session_id", order, {}) for model, columns, order in SHAPES
    ]
    client = SessionAnswer._meta.db

    async def refused(*_: Any) -> Any:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(type(client), "execute_query_dict", refused)
    outcomes = await asyncio.gather(
        *(reader.where_in([sessions[0].id]) for reader in united), return_exceptions=True
    )
    assert [str(outcome) for outcome in outcomes] == ["the database went away"] * 3


@pytest.mark.usefixtures("db")
async def test_reads_in_a_transaction_stay_on_its_connection(
    sql_counter: StatementCounter,
) -> None:
    sessions = await _two_sessions()
    answers = UnitedReader(SessionAnswer, ANSWERS, "session_id", ("question_id",), {})
    machines = UnitedReader(SessionMachine, MACHINES, "session_id", ("created_at", "id"), {})
    async with in_transaction():
        await SessionAnswer.filter(session_id=sessions[1].id).delete()
        inside, outside_machines = await asyncio.gather(
            answers.where_in([sessions[1].id]), machines.where_in([sessions[1].id])
        )
        assert inside == []  # the transaction's own view
        assert len(outside_machines) == 1


def test_text_orders_are_refused() -> None:
    with pytest.raises(AssertionError, match="collation"):
        UnitedReader(SessionMachine, MACHINES, "session_id", ("address",), {})
