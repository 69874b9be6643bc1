"""The provisioning bookkeeping both engine drivers share, without an engine."""

from __future__ import annotations

import asyncio
import logging

import pytest

from rangex_graphql.orchestrator.protocol import OperationFailed
from rangex_graphql.orchestrator.provisioning import Attempt, Rollbacks, UndoStep, each


class EngineDown(OSError):
    """Stands for what an engine call fails with."""


class MachineBroke(Exception):
    def __init__(self, machine: str, error: BaseException) -> None:
        super().__init__(f"{machine}: {error}")
        self.machine = machine


def broke(machine: str, error: BaseException) -> MachineBroke:
    return MachineBroke(machine, error)


async def test_each_runs_the_machines_steps_at_once() -> None:
    started: list[str] = []
    all_started = asyncio.Event()

    async def step(name: str) -> str:
        started.append(name)
        if len(started) == 3:
            all_started.set()
        await all_started.wait()  # one at a time, this would wait forever
        return name.upper()

    names = ["web", "db", "attacker"]
    values = await asyncio.wait_for(
        each(names, [step(n) for n in names], engine_errors=(OSError,), machine_failed=broke), 5
    )
    assert values == ["WEB", "DB", "ATTACKER"]


async def test_each_lets_every_step_finish_and_names_the_first_machine_that_failed() -> None:
    finished: list[str] = []

    async def step(name: str, fails: bool) -> str:
        await asyncio.sleep(0)
        finished.append(name)
        if fails:
            raise EngineDown(f"{name} is down")
        return name

    with pytest.raises(MachineBroke) as failed:
        await each(
            ["web", "db", "attacker"],
            [step("web", False), step("db", True), step("attacker", True)],
            engine_errors=(OSError,),
            machine_failed=broke,
        )
    assert failed.value.machine == "db"
    assert isinstance(failed.value.__cause__, EngineDown)
    assert sorted(finished) == ["attacker", "db", "web"]


async def test_each_raises_other_errors_as_they_are() -> None:
    async def step() -> None:
        raise KeyError("a bug, not the engine")

    with pytest.raises(KeyError):
        await each(["web"], [step()], engine_errors=(OSError,), machine_failed=broke)


async def test_an_attempt_is_undone_newest_step_first() -> None:
    undone: list[str] = []
    attempt = Attempt()

    def undo(what: str) -> UndoStep:
        async def step() -> None:
            undone.append(what)

        return step

    attempt.on_undo(undo("networks"))
    attempt.on_undo(undo("containers"))
    await Rollbacks(settle_timeout=1).roll_back("s1", attempt)
    assert undone == ["containers", "networks"]


async def test_a_failed_undo_step_is_logged_and_stops_the_older_steps(
    caplog: pytest.LogCaptureFixture,
) -> None:
    undone: list[str] = []
    attempt = Attempt()

    async def delete_groups() -> None:
        undone.append("groups")

    async def stop_tasks() -> None:
        raise OperationFailed("s1", "cleanup", "task 42: ServerException")

    attempt.on_undo(delete_groups)
    attempt.on_undo(stop_tasks)
    with caplog.at_level(logging.ERROR):
        await Rollbacks(settle_timeout=1).roll_back("s1", attempt)
    assert undone == []  # a group in use by a task that still runs cannot go
    (record,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "s1" in record.getMessage()
    assert "task 42: ServerException" in record.getMessage()


async def test_an_undo_error_that_is_no_driver_error_is_raised() -> None:
    attempt = Attempt()

    async def buggy() -> None:
        raise KeyError("bug")

    attempt.on_undo(buggy)
    with pytest.raises(KeyError):
        await Rollbacks(settle_timeout=1).roll_back("s1", attempt)


async def test_the_undo_waits_for_a_creation_under_way_when_the_attempt_is_cancelled() -> None:
    attempt = Attempt("attempt-1")
    created = asyncio.Event()
    release = asyncio.Event()
    seen_by_undo: list[list[str]] = []

    async def create_container() -> str:
        await release.wait()
        attempt.record("container", "c1")
        created.set()
        return "c1"

    async def remove() -> None:
        seen_by_undo.append(attempt.created("container"))

    attempt.on_undo(remove)
    provisioning = asyncio.ensure_future(attempt.creating(create_container()))
    await asyncio.sleep(0)
    provisioning.cancel()
    with pytest.raises(asyncio.CancelledError):
        await provisioning
    assert not created.is_set()  # the request goes on, unseen by the cancelled caller

    rollbacks = Rollbacks(settle_timeout=5)
    undoing = asyncio.ensure_future(rollbacks.roll_back("s1", attempt))
    await asyncio.sleep(0)
    assert seen_by_undo == []  # waiting for the creation to end
    release.set()
    await undoing
    assert seen_by_undo == [["c1"]]
    assert attempt.id == "attempt-1"


async def test_a_rollback_finishes_even_when_its_caller_is_cancelled() -> None:
    attempt = Attempt()
    release = asyncio.Event()
    undone: list[str] = []

    async def slow_remove() -> None:
        await release.wait()
        undone.append("all")

    attempt.on_undo(slow_remove)
    rollbacks = Rollbacks(settle_timeout=1)
    caller = asyncio.ensure_future(rollbacks.roll_back("s1", attempt))
    await asyncio.sleep(0)
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    release.set()
    await rollbacks.wait()  # as the driver's close() does
    assert undone == ["all"]
