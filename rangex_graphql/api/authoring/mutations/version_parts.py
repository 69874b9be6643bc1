"""A version's machines and questions: machineAdd/Update/Remove, questionAdd/Update/
Remove/Reorder. Only while the version is DRAFT or REJECTED; the scenario's author or an
admin."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, TypeVar

import strawberry

from ....models.enums import UserRole
from ....services.api_tokens import ApiScope
from ....services.authoring import machines, questions
from ....services.authoring.errors import RuleCode
from ....services.authoring.spec import EntrypointSpec, HealthcheckSpec
from ....services.errors import DomainError, DomainErrors
from ...context import Info
from ...ids import expect_global_id
from ...payload import actor, mutation_payload
from ...permissions import Allow
from ...scenario.types import MachineNode, QuestionNode
from ..inputs import (
    EntrypointInput,
    HealthcheckInput,
    MachineAddInput,
    MachineRemoveInput,
    MachineUpdateInput,
    QuestionAddInput,
    QuestionRemoveInput,
    QuestionReorderInput,
    QuestionUpdateInput,
    SshLoginInput,
    SysctlInput,
    UlimitInput,
)
from ..types import (
    MachinePayload,
    MachineRemovePayload,
    QuestionPayload,
    QuestionRemovePayload,
    VersionPayload,
)
from .common import (
    AUTHORING_CODES,
    environment,
    from_input,
    machine_node,
    question_node,
    version_node,
)

Named = TypeVar("Named", SysctlInput, UlimitInput)
V = TypeVar("V")
EDITABLE = " Only while the version is DRAFT or REJECTED; the scenario's author or an admin."

MachineAdd = Annotated[
    MachineAddInput, strawberry.argument(description="The version and the new machine.")
]
MachineUpdate = Annotated[
    MachineUpdateInput, strawberry.argument(description="The machine and what to change.")
]
MachineRemove = Annotated[
    MachineRemoveInput, strawberry.argument(description="The machine to remove.")
]
QuestionAdd = Annotated[
    QuestionAddInput, strawberry.argument(description="The version and the new question.")
]
QuestionUpdate = Annotated[
    QuestionUpdateInput, strawberry.argument(description="The question and what to change.")
]
QuestionRemove = Annotated[
    QuestionRemoveInput, strawberry.argument(description="The question to remove.")
]
QuestionReorder = Annotated[
    QuestionReorderInput,
    strawberry.argument(description="The version and its questions in the new order."),
]


def entrypoints(given: list[EntrypointInput] | None) -> list[EntrypointSpec] | None:
    if given is None:
        return None
    return [EntrypointSpec(e.protocol, e.port, e.exposed, e.description) for e in given]


def healthcheck(given: HealthcheckInput | None) -> HealthcheckSpec | None:
    if given is None:
        return None
    return HealthcheckSpec(
        given.command.strip(),
        given.interval_seconds,
        given.timeout_seconds,
        given.retries,
        given.start_period_seconds,
    )


def ssh_login(given: SshLoginInput | None) -> machines.SshLogin | None:
    return None if given is None else machines.SshLogin(given.username.strip(), given.password)


def named(
    given: Sequence[Named] | None, field: str, value: Callable[[Named], V]
) -> dict[str, V] | None:
    """Named values (sysctls, ulimits) as a mapping; a name given twice is an input error."""
    if given is None:
        return None
    found: dict[str, V] = {}
    duplicates = []
    for i, item in enumerate(given):
        if item.name in found:
            problem = f"{item.name!r} is given twice"
            duplicates.append(DomainError(RuleCode.DUPLICATE, problem, f"{field}.{i}.name"))
        found.setdefault(item.name, value(item))
    if duplicates:
        raise DomainErrors(duplicates)
    return found


@strawberry.type
class VersionPartsMutation:
    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Add a machine (at most 4 a version)." + EDITABLE,
    )
    @mutation_payload(MachinePayload, *AUTHORING_CODES)
    async def machine_add(self, info: Info, input: MachineAdd) -> MachinePayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        new = from_input(
            machines.NewMachine,
            input,
            environment=environment(input.environment) or {},
            entrypoints=entrypoints(input.entrypoints) or [],
            sysctls=named(input.sysctls, "sysctls", lambda s: s.value) or {},
            ulimits=named(input.ulimits, "ulimits", lambda u: u.limit) or {},
            healthcheck=healthcheck(input.healthcheck),
            ssh_login=ssh_login(input.ssh_login),
        )
        machine = await machines.add_machine(
            actor(info), version_id, new, info.context.meta, info.context.settings
        )
        return MachinePayload(machine=await machine_node(machine.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Change a machine." + EDITABLE,
    )
    @mutation_payload(MachinePayload, *AUTHORING_CODES)
    async def machine_update(self, info: Info, input: MachineUpdate) -> MachinePayload:
        machine_id = expect_global_id(input.machine_id, "Machine", "machineId")
        changes = from_input(
            machines.MachineChanges,
            input,
            environment=environment(input.environment),
            entrypoints=entrypoints(input.entrypoints),
            sysctls=named(input.sysctls, "sysctls", lambda s: s.value),
            ulimits=named(input.ulimits, "ulimits", lambda u: u.limit),
            healthcheck=healthcheck(input.healthcheck),
            ssh_login=ssh_login(input.ssh_login),
        )
        machine = await machines.update_machine(
            actor(info), machine_id, changes, info.context.meta, info.context.settings
        )
        return MachinePayload(machine=await machine_node(machine.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Remove a machine; the ones after it move up." + EDITABLE,
    )
    @mutation_payload(MachineRemovePayload, *AUTHORING_CODES)
    async def machine_remove(self, info: Info, input: MachineRemove) -> MachineRemovePayload:
        machine_id = expect_global_id(input.machine_id, "Machine", "machineId")
        version_id = await machines.remove_machine(actor(info), machine_id, info.context.meta)
        return MachineRemovePayload(
            removed_machine_id=MachineNode.global_id_of(machine_id),
            version=await version_node(version_id),
        )

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Add a question, with its answer key, after the others." + EDITABLE,
    )
    @mutation_payload(QuestionPayload, *AUTHORING_CODES)
    async def question_add(self, info: Info, input: QuestionAdd) -> QuestionPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        new = from_input(questions.NewQuestion, input)
        question = await questions.add_question(actor(info), version_id, new, info.context.meta)
        return QuestionPayload(question=await question_node(question.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Change a question or its answer key." + EDITABLE,
    )
    @mutation_payload(QuestionPayload, *AUTHORING_CODES)
    async def question_update(self, info: Info, input: QuestionUpdate) -> QuestionPayload:
        question_id = expect_global_id(input.question_id, "Question", "questionId")
        changes = from_input(questions.QuestionChanges, input)
        question = await questions.update_question(
            actor(info), question_id, changes, info.context.meta
        )
        return QuestionPayload(question=await question_node(question.id))

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Remove a question and its answer key; the ones after it move up." + EDITABLE,
    )
    @mutation_payload(QuestionRemovePayload, *AUTHORING_CODES)
    async def question_remove(self, info: Info, input: QuestionRemove) -> QuestionRemovePayload:
        question_id = expect_global_id(input.question_id, "Question", "questionId")
        version_id = await questions.remove_question(actor(info), question_id, info.context.meta)
        return QuestionRemovePayload(
            removed_question_id=QuestionNode.global_id_of(question_id),
            version=await version_node(version_id),
        )

    @strawberry.mutation(
        extensions=[Allow(role=UserRole.CREATOR, scope=ApiScope.AUTHORING)],
        description="Put the version's questions in a new order." + EDITABLE,
    )
    @mutation_payload(VersionPayload, *AUTHORING_CODES)
    async def question_reorder(self, info: Info, input: QuestionReorder) -> VersionPayload:
        version_id = expect_global_id(input.version_id, "ScenarioVersion", "versionId")
        ids = [
            expect_global_id(gid, "Question", f"questionIds.{i}")
            for i, gid in enumerate(input.question_ids)
        ]
        await questions.reorder_questions(actor(info), version_id, ids, info.context.meta)
        return VersionPayload(version=await version_node(version_id))
