"""What every authoring mutation does: who acts, the service's spec from the input, reading
rows back as nodes, a fresh view."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from ....models import Machine, Question, Scenario, ScenarioVersion
from ....services.authoring.access import Actor
from ....services.errors import DomainError, DomainErrors
from ...context import Info
from ...loaders import Loaders
from ...scenario.types import (
    MACHINE_COLUMNS,
    QUESTION_COLUMNS,
    SCENARIO_COLUMNS,
    VERSION_COLUMNS,
    MachineNode,
    QuestionNode,
    ScenarioNode,
    ScenarioVersionNode,
)
from ..inputs import EnvironmentVariableInput

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Spec = TypeVar("Spec", bound="DataclassInstance")


def actor_of(info: Info) -> Actor:
    viewer = info.context.viewer
    assert viewer is not None  # guaranteed by the field's permission
    return Actor(id=viewer.id, is_admin=viewer.is_admin)


def from_input(spec: type[Spec], input: object, **given: Any) -> Spec:
    """The service's spec: each of its fields from the input's field of the same name, or
    from ``given`` (a value the input holds in another form, or not at all)."""
    taken = {f.name: getattr(input, f.name) for f in fields(spec) if f.name not in given}
    return spec(**taken, **given)


def forget(info: Info) -> None:
    """After a write: the payload's fields read afresh, not what this request's loaders
    cached before it (an earlier mutation of the same document may have filled them)."""
    info.context.loaders = Loaders()


async def scenario_node(pk: UUID) -> ScenarioNode:
    return ScenarioNode.from_row((await Scenario.filter(id=pk).values(*SCENARIO_COLUMNS))[0])


async def version_node(pk: UUID) -> ScenarioVersionNode:
    row = (await ScenarioVersion.filter(id=pk).values(*VERSION_COLUMNS))[0]
    return ScenarioVersionNode.from_row(row)


async def machine_node(pk: UUID) -> MachineNode:
    return MachineNode.from_row((await Machine.filter(id=pk).values(*MACHINE_COLUMNS))[0])


async def question_node(pk: UUID) -> QuestionNode:
    return QuestionNode.from_row((await Question.filter(id=pk).values(*QUESTION_COLUMNS))[0])


def environment(variables: list[EnvironmentVariableInput] | None) -> dict[str, str] | None:
    """The variables as a mapping; a name given twice is an input error."""
    if variables is None:
        return None
    seen: dict[str, str] = {}
    duplicates = []
    for i, variable in enumerate(variables):
        if variable.name in seen:
            duplicates.append(
                DomainError(
                    "DUPLICATE", f"{variable.name!r} is given twice", f"environment.{i}.name"
                )
            )
        seen.setdefault(variable.name, variable.value)
    if duplicates:
        raise DomainErrors(duplicates)
    return seen
