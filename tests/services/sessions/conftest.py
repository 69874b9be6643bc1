"""A runtime on the simulated engine (no delays) and a memory broker, for lifecycle tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from uuid import UUID

import pytest

from rangex_graphql.models import SessionMachine
from rangex_graphql.models.enums import SessionMachineState
from rangex_graphql.runtime import Runtime
from rangex_graphql.settings import Settings
from tests.support.simulated_runtime import simulated_runtime


@pytest.fixture
async def runtime(settings: Settings) -> AsyncIterator[Runtime]:
    async with simulated_runtime(settings) as built:
        yield built


async def machine_states(session_id: UUID) -> set[SessionMachineState]:
    rows = await SessionMachine.filter(session_id=session_id).values("state")
    return {SessionMachineState(row["state"]) for row in rows}
