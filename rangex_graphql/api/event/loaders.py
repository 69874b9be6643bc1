"""The event domain's DataLoaders, made per request by ``Context.loader``. Those the event
types read themselves are declared beside them, in ``types.py``."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from ...models import EventRegistration, EventScenario
from ..loader_shapes import one_by_id
from .types import (
    EventRegistrationNode,
    EventScenarioNode,
)


def event_scenarios_by_id() -> DataLoader[UUID, EventScenarioNode | None]:
    return one_by_id(EventScenario, EventScenarioNode.columns(), EventScenarioNode.from_row)


def registrations_by_id() -> DataLoader[UUID, EventRegistrationNode | None]:
    return one_by_id(
        EventRegistration, EventRegistrationNode.columns(), EventRegistrationNode.from_row
    )
