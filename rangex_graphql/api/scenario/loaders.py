"""The scenario domain's DataLoaders, made per request by ``Context.loader``. Those the
scenario types read themselves are declared beside them, in ``types.py``."""

from __future__ import annotations

from uuid import UUID

from strawberry.dataloader import DataLoader

from ...models import Machine, Question
from ..loader_shapes import one_by_id
from .types import MachineNode, QuestionNode


def machines_by_id() -> DataLoader[UUID, MachineNode | None]:
    return one_by_id(Machine, MachineNode.columns(), MachineNode.from_row)


def questions_by_id() -> DataLoader[UUID, QuestionNode | None]:
    return one_by_id(Question, QuestionNode.columns(), QuestionNode.from_row)
