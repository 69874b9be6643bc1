"""moto's server for the ECS driver's tests: ECS and EC2 over HTTP, in this process.

``start_moto_server()`` starts ``moto.server.ThreadedMotoServer`` on a free port of
127.0.0.1 (ready in milliseconds) and pins ECS tasks where they are: moto otherwise
moves a task one step toward STOPPED on every ``describe_tasks`` (``shared/ENGINES.md``).
``create_environment()`` builds what a deployment brings along, fresh for each test so
that tests share nothing but the server: a VPC with DNS hostnames, two subnets and an
ECS cluster. moto is a test dependency: when its server cannot start, the tests fail.

Clients made here never retry (``max_attempts=1``), so moto's 500s fail fast, and use
dummy credentials of their own (nothing from the environment).
"""

from __future__ import annotations

import functools
import json
import logging
import urllib.request
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from aiobotocore.config import AioConfig  # type: ignore[import-untyped]
from aiobotocore.session import AioSession  # type: ignore[import-untyped]

REGION = "ap-south-2"
ACCOUNT_ID = "123456789012"  # moto's default account
#: moto's serializer warns about error codes missing from the service model (e.g.
#: RunTask's InvalidSubnetID.NotFound); under ``filterwarnings = error`` the warning
#: would turn the error answer into a 500 inside the server thread.
MOTO_WARNINGS = "ignore::UserWarning:moto.core.serialize"
PIN_TASKS = {"model_name": "ecs::task", "transition": {"progression": "manual", "times": 10**6}}


@dataclass
class MotoServer:
    server: Any  # moto.server.ThreadedMotoServer
    url: str

    def post(self, path: str, body: dict[str, Any] | None = None) -> int:
        request = urllib.request.Request(
            f"{self.url}{path}",
            data=json.dumps(body or {}).encode(),
            method="POST",
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)

    def pin_tasks(self) -> None:
        """Keep ECS tasks in their state (RUNNING from the start) until stopped."""
        self.post("/moto-api/state-manager/set-transition", PIN_TASKS)

    def reset(self) -> None:
        """Forget every resource (and transition) the server holds."""
        self.post("/moto-api/reset")
        self.pin_tasks()

    def stop(self) -> None:
        self.server.stop()


def start_moto_server() -> MotoServer:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    moto = MotoServer(server, f"http://{host}:{port}")
    try:
        moto.pin_tasks()
    except BaseException:
        moto.stop()
        raise
    return moto


@functools.cache
def aws_session() -> AioSession:
    """One aiobotocore session with dummy credentials (moto accepts any) for all tests.

    Shared, because each session parses the services' models anew (EC2's is large).
    Register event hooks on a client's ``meta.events``, never on this session.
    """
    session = AioSession()
    session.set_credentials("testing", "testing")
    return session


@asynccontextmanager
async def aws_clients(url: str, session: AioSession | None = None) -> AsyncIterator[Any]:
    """``(ecs, ec2)`` clients on the moto server, for looking without the driver."""
    session = session or aws_session()
    options = {
        "region_name": REGION,
        "endpoint_url": url,
        "config": AioConfig(retries={"max_attempts": 1}),
    }
    async with (
        session.create_client("ecs", **options) as ecs,
        session.create_client("ec2", **options) as ec2,
    ):
        yield ecs, ec2


@dataclass(frozen=True)
class EcsEnvironment:
    url: str
    region: str
    vpc_id: str
    subnets: tuple[str, str]
    cluster: str


async def create_environment(ecs: Any, ec2: Any, url: str) -> EcsEnvironment:
    """A fresh VPC (DNS hostnames on), two subnets in it, and a fresh cluster."""
    vpc_id = (await ec2.create_vpc(CidrBlock="10.20.0.0/16"))["Vpc"]["VpcId"]
    await ec2.modify_vpc_attribute(VpcId=vpc_id, EnableDnsHostnames={"Value": True})
    subnets = [
        (await ec2.create_subnet(VpcId=vpc_id, CidrBlock=cidr, AvailabilityZone=zone))["Subnet"][
            "SubnetId"
        ]
        for cidr, zone in (("10.20.1.0/24", f"{REGION}a"), ("10.20.2.0/24", f"{REGION}b"))
    ]
    cluster = f"rangex-test-{uuid.uuid4().hex[:8]}"
    await ecs.create_cluster(clusterName=cluster)
    return EcsEnvironment(url, REGION, vpc_id, (subnets[0], subnets[1]), cluster)


def vanish_task(env: EcsEnvironment, task_arn: str) -> None:
    """Make ECS forget a task, as it does an hour after a task stops.

    No API does that, and moto keeps every task: this reaches into the server's state,
    which lives in this process.
    """
    from moto.ecs.models import ecs_backends

    tasks = ecs_backends[ACCOUNT_ID][env.region].tasks[env.cluster]
    del tasks[task_arn]
