"""The driver the settings ask for. Drivers connect on first use, so building one is cheap."""

from __future__ import annotations

from ..settings import Orchestrator, Settings
from .protocol import Driver


def build_driver(settings: Settings) -> Driver:
    if settings.orchestrator is Orchestrator.DOCKER:
        from .docker import DockerDriver, DockerDriverConfig

        return DockerDriver(
            DockerDriverConfig(
                url=settings.docker_url,
                publish_host=settings.docker_publish_host,
                subnet_pool=settings.docker_subnet_pool,
            )
        )
    if settings.orchestrator is Orchestrator.ECS:
        raise NotImplementedError("the ECS driver is wired in with its settings")
    from .simulated import SimulatedDelays, SimulatedDriver

    scale = settings.simulated_delay_scale
    base = SimulatedDelays()
    return SimulatedDriver(
        SimulatedDelays(
            network=base.network * scale,
            machine_start=base.machine_start * scale,
            pause=base.pause * scale,
            resume=base.resume * scale,
            destroy=base.destroy * scale,
        )
    )
