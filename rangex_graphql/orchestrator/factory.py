"""The driver the settings ask for. Drivers connect on first use, so building one is cheap."""

from __future__ import annotations

from ..settings import Orchestrator, Settings
from .protocol import AssetSource, Driver


def build_driver(settings: Settings, *, assets: AssetSource | None = None) -> Driver:
    """``assets``: where the drivers read the EMBEDDED assets they place (the store)."""
    if settings.orchestrator is Orchestrator.DOCKER:
        from .docker import DockerDriver, DockerDriverConfig

        return DockerDriver(
            DockerDriverConfig(
                url=settings.docker_url,
                publish_host=settings.docker_publish_host,
                subnet_pool=settings.docker_subnet_pool,
            ),
            assets=assets,
        )
    if settings.orchestrator is Orchestrator.ECS:
        from .ecs import EcsConfig, EcsDriver

        return EcsDriver(
            EcsConfig(
                cluster=settings.ecs_cluster,
                region=settings.ecs_region,
                vpc_id=settings.ecs_vpc_id,
                subnets=settings.ecs_subnets,
                ingress_cidr=settings.ecs_ingress_cidr,
                assign_public_ip=settings.ecs_assign_public_ip,
                endpoint_url=settings.ecs_endpoint_url,
                task_role_arn=settings.ecs_task_role_arn,
                execution_role_arn=settings.ecs_execution_role_arn,
                log_group=settings.ecs_log_group,
                log_stream_prefix=settings.ecs_log_stream_prefix,
                platform_security_groups=settings.ecs_platform_security_groups,
                platform_version=settings.ecs_platform_version,
                cpu_architecture=settings.ecs_cpu_architecture,
                round_fargate_sizes=settings.ecs_round_fargate_sizes,
                name_prefix=settings.ecs_name_prefix,
                group_delete_timeout=settings.ecs_group_delete_timeout,
                group_delete_backoff=settings.ecs_group_delete_backoff,
                start_timeout=settings.ecs_start_timeout,
                poll_interval=settings.ecs_poll_interval,
                event_poll_interval=settings.ecs_event_poll_interval,
                api_timeout=settings.ecs_api_timeout,
                max_attempts=settings.ecs_max_attempts,
            ),
            assets=assets,
        )
    from .simulated import SimulatedDelays, SimulatedDriver
    from .simulated_db import DatabaseStore

    scale = settings.simulated_delay_scale
    base = SimulatedDelays()
    return SimulatedDriver(
        SimulatedDelays(
            network=base.network * scale,
            machine_start=base.machine_start * scale,
            pause=base.pause * scale,
            resume=base.resume * scale,
            destroy=base.destroy * scale,
        ),
        store=DatabaseStore(),  # every process of the server sees the same machines
        assets=assets,
    )
