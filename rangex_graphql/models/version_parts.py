"""What a scenario version is made of: machines and questions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
    # A list of {protocol, port, exposed, description}: the ports its services listen on,
    # see services/authoring/spec.py EntrypointSpec.
    entrypoints: fields.Field[list[dict[str, Any]]] = fields.JSONField(default=list)
    environment: fields.Field[dict[str, str]] = fields.JSONField(default=dict)
    # Shell command lines run in order in place of the image command.
    startup_commands: fields.Field[list[str]] = fields.JSONField(default=list)
    # Allow-listed only (orchestrator/protocol.py): capabilities added back after all are
    # dropped, network sysctls, and ulimits by name (soft = hard).
    capabilities: fields.Field[list[str]] = fields.JSONField(default=list)
    sysctls: fields.Field[dict[str, str]] = fields.JSONField(default=dict)
    ulimits: fields.Field[dict[str, int]] = fields.JSONField(default=dict)
    # {command, interval_seconds, timeout_seconds, retries, start_period_seconds}, or null.
    healthcheck: fields.Field[dict[str, Any] | None] = fields.JSONField(null=True)
    # The login the learner gets for this machine, the password sealed (security/secret_box)
    # and shown only to the owner of a live session of the version.
    ssh_username = fields.CharField(max_length=32, null=True)
    ssh_password_sealed = fields.TextField(null=True)
    # Access flags. Entering: the learner connects to it from outside the session (its
    # exposed entrypoints published, as the attacker machine). The other three describe
    # the intended segmentation; the engines do not enforce them yet.
    learner_may_enter = fields.BooleanField(default=False)
    reachable_from_attacker = fields.BooleanField(default=True)
    internal_connections_allowed = fields.BooleanField(default=True)
    pivot_host = fields.BooleanField(default=False)
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
    # SHORT_ANSWER only: each expected answer is a regular expression the whole answer
    # must match (checked at authoring, matched with a time limit).
    regex = fields.BooleanField(default=False)

    class Meta:
        table = "question_answer_key"
