"""The orchestrator: one driver protocol, several engines (simulated, Docker, ECS Fargate).

``protocol`` holds the types every layer above uses; the drivers are imported from their
own modules (``simulated``, ``docker``, ``ecs``) so that using one never imports another's
client.
"""

from rangex_graphql.orchestrator.protocol import (
    Driver,
    DriverError,
    EgressPolicy,
    EngineEvent,
    EngineUnavailable,
    EventKind,
    InvalidPlan,
    MachineHandle,
    MachineRole,
    MachineSpec,
    MachineState,
    MachineStatus,
    OperationFailed,
    PortSpec,
    ProvisionFailed,
    PublishedPort,
    SessionExists,
    SessionNotFound,
    SessionPlan,
    validate_plan,
)

__all__ = [
    "Driver",
    "DriverError",
    "EgressPolicy",
    "EngineEvent",
    "EngineUnavailable",
    "EventKind",
    "InvalidPlan",
    "MachineHandle",
    "MachineRole",
    "MachineSpec",
    "MachineState",
    "MachineStatus",
    "OperationFailed",
    "PortSpec",
    "ProvisionFailed",
    "PublishedPort",
    "SessionExists",
    "SessionNotFound",
    "SessionPlan",
    "validate_plan",
]
