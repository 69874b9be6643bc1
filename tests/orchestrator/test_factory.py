"""The settings choose the engine, and a half-configured engine stops the server at start."""

from __future__ import annotations

import pytest

from rangex_graphql.orchestrator.docker import DockerDriver
from rangex_graphql.orchestrator.ecs import EcsDriver
from rangex_graphql.orchestrator.factory import build_driver
from rangex_graphql.orchestrator.simulated import SimulatedDriver
from rangex_graphql.settings import Settings


def test_the_embedded_default_is_the_simulator_with_scaled_delays() -> None:
    driver = build_driver(Settings(simulated_delay_scale=0.5))
    assert isinstance(driver, SimulatedDriver)
    assert driver.delays.machine_start == pytest.approx(0.25)


def test_docker_settings_reach_the_driver() -> None:
    driver = build_driver(
        Settings(
            orchestrator="docker", docker_url="tcp://10.0.0.5:2375", docker_publish_host="0.0.0.0"
        )
    )
    assert isinstance(driver, DockerDriver)
    assert (driver.config.url, driver.config.publish_host) == ("tcp://10.0.0.5:2375", "0.0.0.0")


def test_ecs_settings_reach_the_driver() -> None:
    settings = Settings(
        orchestrator="ecs",
        ecs_cluster="range",
        ecs_region="ap-south-2",
        ecs_vpc_id="vpc-1",
        ecs_subnets=["subnet-a", "subnet-b"],
        ecs_ingress_cidr="203.0.113.0/24",
        ecs_start_timeout=42.0,
    )
    driver = build_driver(settings)
    assert isinstance(driver, EcsDriver)
    assert driver.config.subnets == ("subnet-a", "subnet-b")
    assert driver.config.start_timeout == 42.0


def test_ecs_without_subnets_is_refused_at_start() -> None:
    with pytest.raises(ValueError, match="subnet"):
        build_driver(
            Settings(
                orchestrator="ecs",
                ecs_cluster="range",
                ecs_region="ap-south-2",
                ecs_vpc_id="vpc-1",
                ecs_ingress_cidr="203.0.113.0/24",
            )
        )
