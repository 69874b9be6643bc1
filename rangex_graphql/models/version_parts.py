"""What a scenario version is made of: machines and questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from .base import TimestampedModel
from .enums import EgressPolicy, MachineRole, QuestionKind

if TYPE_CHECKING:
    from .scenario import ScenarioVersion


class Machine(TimestampedModel):
    version: fields.ForeignKeyRelation[ScenarioVersion] = fields.ForeignKeyField(
        "models.ScenarioVersion",
        related_name="machines",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    name = fields.CharField(max_length=63)
    role = fields.CharEnumField(MachineRole, max_length=16)
    image_ref = fields.CharField(max_length=255)
    cpu = fields.FloatField()
    memory_mib = fields.IntField()
    exposed_ports: fields.Field[list[int]] = fields.JSONField(default=list)
    environment: fields.Field[dict[str, str]] = fields.JSONField(default=dict)
    network_group = fields.CharField(max_length=63, default="default")
    egress = fields.CharEnumField(EgressPolicy, max_length=16, default=EgressPolicy.NONE)
    position = fields.IntField(default=0)

    class Meta:
        table = "machine"
        unique_together = (("version", "name"),)


class Question(TimestampedModel):
    version: fields.ForeignKeyRelation[ScenarioVersion] = fields.ForeignKeyField(
        "models.ScenarioVersion",
        related_name="questions",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    prompt = fields.TextField()
    kind = fields.CharEnumField(QuestionKind, max_length=20)
    points = fields.IntField()
    position = fields.IntField(default=0)
    max_attempts = fields.IntField(default=15)
    choices: fields.Field[list[str]] = fields.JSONField(default=list)
    # FLAG questions only: when set, each session gets its own random flag, put into the
    # environment of the version's non-attacker machines under this variable name.
    session_flag_env = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "question"


class QuestionAnswerKey(TimestampedModel):
    """The expected answer lives in its own table.

    No learner-facing query joins or selects this table, so an answer cannot leak
    through a forgotten column in a list query.
    """

    question: fields.OneToOneRelation[Question] = fields.OneToOneField(
        "models.Question", related_name="answer_key", on_delete=fields.CASCADE
    )
    expected: fields.Field[list[str]] = fields.JSONField()
    case_sensitive = fields.BooleanField(default=False)

    class Meta:
        table = "question_answer_key"
