"""The simulated engine's machines, kept in the database so that every process of the
server (workers, replicas) sees one engine (``rangex_graphql.orchestrator.simulated_db``)."""

from __future__ import annotations

from tortoise import fields

from .base import TimestampedModel


class SimulatedMachine(TimestampedModel):
    """A machine of the simulated engine; state and role hold orchestrator enum values.

    (``MachineState``, ``MachineRole``.) Nothing here refers to platform rows: the engine
    knows sessions by id only, as Docker or ECS would."""

    session_id = fields.CharField(max_length=64)  # indexed by the unique (session, name)
    network_id = fields.CharField(max_length=32)
    subnet = fields.CharField(max_length=18)
    name = fields.CharField(max_length=32)
    position = fields.IntField()
    role = fields.CharField(max_length=16)
    image = fields.CharField(max_length=255)
    resource_id = fields.CharField(max_length=32, unique=True)
    # Unique: two sessions given the same /24 at once collide here, and one retries.
    address = fields.CharField(max_length=15, unique=True)
    # The first of the machine's published host ports (a block of up to 5), or null.
    host_port = fields.IntField(null=True, unique=True)
    # [[container port, protocol, host ip, host port], ...]
    published: fields.Field[list[list[object]]] = fields.JSONField(default=list)
    labels: fields.Field[dict[str, str]] = fields.JSONField(default=dict)
    state = fields.CharField(max_length=16)
    exit_code = fields.IntField(null=True)
    oom_killed = fields.BooleanField(default=False)

    class Meta:
        table = "simulated_machine"
        unique_together = (("session_id", "name"),)
