"""What every authoring mutation does: the service's spec from the input, reading rows back
as nodes."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from ....models import Machine, Question, Scenario, ScenarioVersion
from ....services.authoring.errors import AuthoringCode, RuleCode
from ....services.errors import DomainError, DomainErrors
from ...scenario.types import (
    MachineNode,
    QuestionNode,
    ScenarioNode,
    ScenarioVersionNode,
)
from ..inputs import EnvironmentVariableInput

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Spec = TypeVar("Spec", bound="DataclassInstance")

# What an authoring mutation may raise: the content rules, editing and review.
AUTHORING_CODES = (AuthoringCode, RuleCode)


def from_input(spec: type[Spec], input: object, **given: Any) -> Spec:
    """The service's spec: each of its fields from the input's field of the same name, or
    from ``given`` (a value the input holds in another form, or not at all)."""
    taken = {f.name: getattr(input, f.name) for f in fields(spec) if f.name not in given}
    return spec(**taken, **given)


async def scenario_node(pk: UUID) -> ScenarioNode:
    return ScenarioNode.from_row((await Scenario.filter(id=pk).values(*ScenarioNode.columns()))[0])


async def version_node(pk: UUID) -> ScenarioVersionNode:
    row = (await ScenarioVersion.filter(id=pk).values(*ScenarioVersionNode.columns()))[0]
    return ScenarioVersionNode.from_row(row)


async def machine_node(pk: UUID) -> MachineNode:
    return MachineNode.from_row((await Machine.filter(id=pk).values(*MachineNode.columns()))[0])


async def question_node(pk: UUID) -> QuestionNode:
    return QuestionNode.from_row((await Question.filter(id=pk).values(*QuestionNode.columns()))[0])


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
                    RuleCode.DUPLICATE, f"{variable.name!r} is given twice", f"environment.{i}.name"
                )
            )
        seen.setdefault(variable.name, variable.value)
    if duplicates:
        raise DomainErrors(duplicates)
    return seen
