"""A session's security groups: its network, in the configured VPC.

``<prefix>-<sid>`` (the anchor, every machine: egress to its members only, no ingress),
``<prefix>-<sid>-net-<machine>`` (one per machine: ingress from the groups of the machines
that may reach it, by ``segmentation.may_reach``: its network group and access flags),
``<prefix>-<sid>-access`` (machines that publish ports: ingress from ``ingress_cidr`` on
those ports) and ``<prefix>-<sid>-egress`` (machines with internet egress). Deleting a
group waits out ``DependencyViolation`` while AWS releases stopped tasks' interfaces.
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Sequence

from botocore.exceptions import ClientError  # type: ignore[import-untyped]

from rangex_graphql.orchestrator.ecs.config import EcsClients, EcsConfig, Sleep
from rangex_graphql.orchestrator.ecs.errors import (
    ENGINE_ERRORS,
    error_code,
    reason,
)
from rangex_graphql.orchestrator.ecs.inventory import Inventory
from rangex_graphql.orchestrator.ecs.tags import (
    TAG_GROUP_ROLE,
    TAG_PAUSED,
    TAG_TASK_DEFINITION,
    Json,
    SessionView,
    ec2_tags,
    resource_tags,
    session_tags,
)
from rangex_graphql.orchestrator.protocol import (
    LABEL_PROVISION,
    DriverError,
    EgressPolicy,
    OperationFailed,
    PortSpec,
    SessionExists,
    SessionPlan,
)
from rangex_graphql.orchestrator.provisioning import Attempt
from rangex_graphql.orchestrator.segmentation import may_reach

_MAX_BACKOFF = 30.0


class SecurityGroups:
    def __init__(
        self, config: EcsConfig, clients: EcsClients, inventory: Inventory, sleep: Sleep
    ) -> None:
        self.config = config
        self._clients = clients
        self._inventory = inventory
        self._sleep = sleep

    def name(self, session_id: str, role: str = "session") -> str:
        base = f"{self.config.name_prefix}-{session_id}"
        return base if role == "session" else f"{base}-{role}"

    def for_machine(
        self,
        groups: dict[str, str],
        machine: str,
        published: Sequence[PortSpec],
        egress: EgressPolicy,
    ) -> tuple[str, ...]:
        """The groups of a machine: the anchor, its own (sessions made before it had none),
        and access and egress as it needs them. At most four: an interface takes five."""
        wanted = ["session"]
        if f"net-{machine}" in groups:
            wanted.append(f"net-{machine}")
        if published:
            wanted.append("access")
        if egress is EgressPolicy.INTERNET:
            wanted.append("egress")
        missing = [role for role in wanted if role not in groups]
        if missing:
            raise DriverError(f"the session has no {'/'.join(missing)} security group")
        return (*(groups[role] for role in wanted), *self.config.platform_security_groups)

    # -- creating ----------------------------------------------------------------------

    async def create(
        self, plan: SessionPlan, attempt: Attempt, definitions: Sequence[str]
    ) -> dict[str, str]:
        """The session's groups (role → id); the anchor records the task definitions."""
        sid = plan.session_id
        attempt.on_undo(lambda: self._undo(sid, attempt))
        labels = {**session_tags(plan), LABEL_PROVISION: attempt.id}
        anchor_tags = {
            **labels,
            TAG_GROUP_ROLE: "session",
            TAG_PAUSED: "false",
            **{
                f"{TAG_TASK_DEFINITION}{m.name}": d
                for m, d in zip(plan.machines, definitions, strict=True)
            },
        }
        groups = {"session": await self._create_one(sid, "session", anchor_tags, attempt)}
        session_group = groups["session"]
        self_rule = [{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": session_group}]}]
        await self._close_egress(session_group)
        ec2 = await self._clients.ec2()
        await ec2.authorize_security_group_egress(GroupId=session_group, IpPermissions=self_rule)
        # Who reaches whom: a group per machine, with ingress from the groups of the
        # machines that may reach it (none for a machine no one may reach).
        own: dict[str, str] = {}
        for m in plan.machines:
            role = f"net-{m.name}"
            own[m.name] = groups[role] = await self._create_one(
                sid, role, {**labels, TAG_GROUP_ROLE: role}, attempt
            )
            await self._close_egress(own[m.name])
        for m in plan.machines:
            sources = [own[o.name] for o in plan.machines if o is not m and may_reach(o, m)]
            if sources:
                await ec2.authorize_security_group_ingress(
                    GroupId=own[m.name],
                    IpPermissions=[
                        {
                            "IpProtocol": "-1",
                            "UserIdGroupPairs": [{"GroupId": g} for g in sources],
                        }
                    ],
                )

        published = sorted({(p.port, p.protocol) for m in plan.machines for p in m.published_ports})
        if published:
            access = await self._create_one(
                sid, "access", {**labels, TAG_GROUP_ROLE: "access"}, attempt
            )
            groups["access"] = access
            await self._close_egress(access)
            cidr = ipaddress.ip_network(self.config.ingress_cidr)
            ranges = (
                {"IpRanges": [{"CidrIp": str(cidr), "Description": "RangeX learners"}]}
                if cidr.version == 4
                else {"Ipv6Ranges": [{"CidrIpv6": str(cidr), "Description": "RangeX learners"}]}
            )
            await ec2.authorize_security_group_ingress(
                GroupId=access,
                IpPermissions=[
                    {"IpProtocol": protocol, "FromPort": port, "ToPort": port, **ranges}
                    for port, protocol in published
                ],
            )
        if any(m.egress is EgressPolicy.INTERNET for m in plan.machines):
            groups["egress"] = await self._create_one(
                sid, "egress", {**labels, TAG_GROUP_ROLE: "egress"}, attempt
            )  # AWS's default rule: all egress
        return groups

    async def _create_one(
        self, session_id: str, role: str, tags: dict[str, str], attempt: Attempt
    ) -> str:
        ec2 = await self._clients.ec2()
        name = self.name(session_id, role)

        async def create() -> str:
            try:
                response = await ec2.create_security_group(
                    GroupName=name,
                    Description=f"RangeX session {session_id} ({role})",
                    VpcId=self.config.vpc_id,
                    TagSpecifications=[{"ResourceType": "security-group", "Tags": ec2_tags(tags)}],
                )
                group_id = str(response["GroupId"])
            except ClientError as exc:
                if error_code(exc) != "InvalidGroup.Duplicate":
                    raise
                # Ours when a retried call had created it; else another server's.
                ours = await self._group_of_attempt(name, tags[LABEL_PROVISION])
                if ours is None:
                    raise SessionExists(session_id) from exc
                group_id = ours
            attempt.record("group", group_id)
            return group_id

        return await attempt.creating(create())

    async def _group_of_attempt(self, name: str, attempt_id: str) -> str | None:
        groups = await self._inventory.groups([{"Name": "group-name", "Values": [name]}])
        return next(
            (g["GroupId"] for g in groups if resource_tags(g).get(LABEL_PROVISION) == attempt_id),
            None,
        )

    async def _close_egress(self, group_id: str) -> None:
        """Revoke the egress rules a new group comes with (allow-all, v4 and maybe v6)."""
        ec2 = await self._clients.ec2()
        described = await ec2.describe_security_groups(GroupIds=[group_id])
        rules: list[Json] = []
        for rule in described["SecurityGroups"][0].get("IpPermissionsEgress") or []:
            clean: Json = {"IpProtocol": rule["IpProtocol"]}
            for key in ("FromPort", "ToPort"):
                if key in rule:
                    clean[key] = rule[key]
            for key, address in (("IpRanges", "CidrIp"), ("Ipv6Ranges", "CidrIpv6")):
                if rule.get(key):
                    clean[key] = [{address: r[address]} for r in rule[key]]
            if rule.get("UserIdGroupPairs"):
                clean["UserIdGroupPairs"] = [
                    {"GroupId": p["GroupId"]} for p in rule["UserIdGroupPairs"]
                ]
            rules.append(clean)
        if rules:
            await ec2.revoke_security_group_egress(GroupId=group_id, IpPermissions=rules)

    async def set_paused(self, view: SessionView, paused: bool) -> None:
        ec2 = await self._clients.ec2()
        await ec2.create_tags(
            Resources=[view.anchor_id],
            Tags=[{"Key": TAG_PAUSED, "Value": "true" if paused else "false"}],
        )

    # -- deleting ----------------------------------------------------------------------

    async def _undo(self, session_id: str, attempt: Attempt) -> None:
        problems = await self.delete(session_id, attempt.id, attempt.created("group"))
        if problems:
            raise OperationFailed(session_id, "cleanup", "; ".join(problems))

    async def delete(
        self, session_id: str, attempt_id: str | None = None, groups: Sequence[str] = ()
    ) -> list[str]:
        """Delete the session's groups (with ``attempt_id``, only that attempt's, plus
        ``groups``). Returns what could not be deleted."""
        try:
            found = await self._inventory.session_groups(session_id, attempt_id)
        except ENGINE_ERRORS as exc:
            return [f"listing security groups: {reason(exc)}"]
        group_ids = sorted({*groups, *(g["GroupId"] for g in found)})
        results = await asyncio.gather(*map(self._delete_one, group_ids))
        return [r for r in results if r]

    async def _delete_one(self, group_id: str) -> str | None:
        """Delete a group, waiting out DependencyViolation (interfaces not yet released).

        Waits ``group_delete_backoff`` seconds, doubling up to 30, for at most
        ``group_delete_timeout`` seconds in all. None when gone; else what is wrong.
        """
        waited = 0.0
        delay = self.config.group_delete_backoff
        while True:
            try:
                ec2 = await self._clients.ec2()
                await ec2.delete_security_group(GroupId=group_id)
                return None
            except ENGINE_ERRORS as exc:
                code = error_code(exc)
                if code in ("InvalidGroup.NotFound", "InvalidGroupId.NotFound"):
                    return None
                problem = f"security group {group_id}: {reason(exc)}"
                if code != "DependencyViolation":
                    return problem
            except DriverError as exc:
                return f"security group {group_id}: {exc}"
            remaining = self.config.group_delete_timeout - waited
            if remaining <= 0:
                return f"{problem} (still in use after {waited:g} s)"
            pause = min(delay, remaining)
            await self._sleep(pause)
            waited += pause
            delay = min(delay * 2, _MAX_BACKOFF)
