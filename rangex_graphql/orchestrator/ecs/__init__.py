"""The ECS Fargate driver: a session's machines as Fargate tasks in one VPC (aiobotocore).

Its parts: ``config`` (settings and clients), ``inventory`` (lookups), ``tags``,
``groups`` (security groups), ``task_definitions``, ``tasks``, ``assets`` (EMBEDDED
assets), ``events`` (the poller), ``status``, and ``driver``, which composes them.

Per session (names start with ``<prefix>-<session id>``; every resource carries every
session label as a tag):

- security groups in the configured VPC:

  - ``<prefix>-<sid>`` (every machine; the session's *anchor*): egress to its own
    members only, no ingress. Its tags also record the task definition of each machine
    (``rangex.task-definition.<machine>``) and whether the session is paused
    (``rangex.paused``), so that a restarted server can resume the session;
  - ``<prefix>-<sid>-net-<machine>`` (one per machine): ingress from the groups of the
    machines that may reach it (``segmentation.may_reach``: network groups and access
    flags), no egress of its own. One per machine rather than per network group: the
    relation is not the same for every machine of a group, and a pivot holding every
    group's would pass the five groups an interface takes;
  - ``<prefix>-<sid>-access`` (machines that publish ports: the attacker, the entry
    point): ingress from ``ingress_cidr`` on exactly those ports, no egress of its own;
  - ``<prefix>-<sid>-egress`` (machines with internet egress; the plan must allow it):
    AWS's default allow-all egress, nothing else.

  Egress ``none`` and ``session-only`` are alike, as with the Docker driver: the machine
  reaches the machines of its session and nothing beyond. Security groups are stateful,
  so answers to allowed connections always flow. Groups in ``platform_security_groups``
  are added to every task: Fargate pulls images and ships logs over the task's own
  network interface, so one of them must allow that (e.g. tcp/443 to the VPC endpoints
  of ECR, S3 and CloudWatch Logs) when the session groups allow no egress;

- one task definition per distinct machine *content* (image, command, environment, ports,
  size, capabilities, content labels): family ``<prefix>-<machine>-<sha256 prefix>``,
  reused by every session with the same content and never deregistered by the driver;
- one Fargate task per machine (``awsvpc`` in the configured subnets, tagged with every
  machine label, ``startedBy`` derived from the session id, ECS Exec off), waited for
  until RUNNING; its ENI's private address is the machine's address, the public one
  (``assign_public_ip``, only for machines that publish ports or have internet egress)
  is where its published ports are reached. A machine's EMBEDDED assets are fetched by
  its task as it starts, from presigned URLs made at each ``run_task`` (provision and
  resume) and passed as a container override with a wrapper command (``assets``).

Machine sizes are Fargate task sizes: the machine's vCPU and memory rounded up to the
smallest valid Fargate combination (0.25 vCPU: 512-2048 MiB, 0.5: 1024-4096, 1:
2048-8192, 2: 4096-16384), or refused when ``round_fargate_sizes`` is off and the plan
asks for anything else; the container's own memory limit stays the machine's. Fargate
lets a task *add* no capability but SYS_PTRACE, so "drop ALL, add the allowed ones"
becomes "drop every default capability not allowed" (the same set; MKNOD always goes)
plus an ``add`` of SYS_PTRACE when asked; a plan adding NET_ADMIN is refused. The pids
limit becomes the ``nproc`` ulimit (an authored nproc never above it); sysctls become
``systemControls``, a healthcheck the container's ``healthCheck`` (interval 5-300 s,
timeout 2-60 s, start period at most 300 s, else refused; ECS's RUNNING does not wait
for it). Fargate has no per-task hostname in
``awsvpc`` mode: machines know each other by address only.

**Pause keeps no state.** Fargate cannot freeze a task: ``pause`` stops the session's
tasks (billing stops with them) and ``resume`` starts *fresh* tasks from the same task
definitions, with new task ARNs and new addresses. Whatever a machine wrote to its disk
or memory is gone after a pause; ``resume`` returns the machines with their new
addresses (as :meth:`EcsDriver.handles` does at any time).
While paused, :meth:`EcsDriver.status` reports each machine as PAUSED.
:meth:`EcsDriver.status_many` answers for many sessions from one listing of the
cluster's tasks and groups (``status``), not a few calls per session.

A failed or cancelled provisioning stops every task it started and deletes its groups
(everything tagged with its one-off ``rangex.provision`` value) before raising; deleting
a group waits, with backoff, for AWS to release the stopped tasks' network interfaces
(``DependencyViolation``) for at most ``group_delete_timeout`` seconds.

ECS has no event stream without EventBridge: :meth:`EcsDriver.events` polls the
cluster's tasks every ``event_poll_interval`` seconds. A task stopped by this driver
(its ``stoppedReason`` starts with ``rangex driver:``) is never news; any other stop is
DIED (OOM_KILLED when ECS says OutOfMemory), a live task that disappears is LOST.
"""

from rangex_graphql.orchestrator.ecs.config import EcsConfig
from rangex_graphql.orchestrator.ecs.driver import EcsDriver
from rangex_graphql.orchestrator.ecs.tags import tag_value
from rangex_graphql.orchestrator.ecs.task_definitions import fargate_size

__all__ = ["EcsConfig", "EcsDriver", "fargate_size", "tag_value"]
