"""The ECS driver's tags: what it writes on tasks and groups, and how it reads them back.

Every resource carries the session's labels as tags. The session's anchor security group
also records each machine's task definition and whether the session is paused: a
:class:`SessionView` reads a session back from its groups, after a restart too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rangex_graphql.orchestrator.protocol import (
    LABEL_CREATOR,
    LABEL_EGRESS,
    LABEL_MACHINE,
    LABEL_NETWORK_GROUP,
    LABEL_PROFILE,
    LABEL_PROVISION,
    LABEL_ROLE,
    LABEL_SCENARIO,
    LABEL_SCENARIO_VERSION,
    MachineSpec,
    PortSpec,
    SessionPlan,
)

#: An AWS resource (a task, a group, a task definition) as the API answers it.
Json = dict[str, Any]

# -- tags beyond the protocol's labels ------------------------------------------------

TAG_GROUP_ROLE = "rangex.group-role"  # session | access | egress | net-<machine>
TAG_PAUSED = "rangex.paused"  # "true" | "false", on the anchor group
TAG_TASK_DEFINITION = "rangex.task-definition."  # + machine name, on the anchor group
TAG_PUBLISHED = "rangex.published-ports"  # "80/tcp 443/tcp" or "none"
_ECS_KEYS = frozenset({TAG_GROUP_ROLE, TAG_PAUSED, TAG_PUBLISHED})
#: AWS's limit of tags per resource (ECS and EC2 alike).
MAX_TAGS = 50
#: Machine labels that depend on the machine's content, not the session: the task
#: definition carries these (it is shared by every session with the same content).
CONTENT_LABELS = (
    LABEL_SCENARIO,
    LABEL_CREATOR,
    LABEL_SCENARIO_VERSION,
    LABEL_MACHINE,
    LABEL_ROLE,
    LABEL_PROFILE,
    LABEL_NETWORK_GROUP,
    LABEL_EGRESS,
    TAG_PUBLISHED,
)

#: Session ids that may go into a tag filter (which takes wildcards: * and ?).
SAFE_SESSION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_TAG_PUNCTUATION = frozenset(" _.:/=+-@")


def _tag_char_ok(char: str) -> bool:
    return char.isalnum() or char in _TAG_PUNCTUATION


def tag_value(value: str) -> str:
    """``value`` as an ECS tag value: other characters become ``_``, at most 256."""
    return "".join(c if _tag_char_ok(c) else "_" for c in value)[:256]


def tag_key_problem(key: str) -> str | None:
    if not 1 <= len(key) <= 128 or not all(map(_tag_char_ok, key)):
        return f"label {key!r} is not a valid AWS tag key"
    if key.lower().startswith("aws:"):
        return f"label {key!r}: the aws: prefix is AWS's own"
    if key in _ECS_KEYS or key.startswith(TAG_TASK_DEFINITION):
        return f"label {key!r} is the ECS driver's own"
    return None


def ecs_tags(tags: dict[str, str]) -> list[dict[str, str]]:
    return [{"key": k, "value": v} for k, v in sorted(tags.items())]


def ec2_tags(tags: dict[str, str]) -> list[dict[str, str]]:
    return [{"Key": k, "Value": v} for k, v in sorted(tags.items())]


def resource_tags(resource: Json) -> dict[str, str]:
    """A resource's tags as a dict: ECS spells them key/value, EC2 Key/Value."""
    tags: dict[str, str] = {}
    for tag in resource.get("tags") or resource.get("Tags") or []:
        key = tag.get("key", tag.get("Key"))
        if key is not None:
            tags[key] = tag.get("value", tag.get("Value", ""))
    return tags


def session_tags(plan: SessionPlan) -> dict[str, str]:
    return {k: tag_value(v) for k, v in plan.session_labels().items()}


def machine_tags(plan: SessionPlan, spec: MachineSpec) -> dict[str, str]:
    tags = {k: tag_value(v) for k, v in plan.machine_labels(spec).items()}
    tags[TAG_PUBLISHED] = _published_value(spec.ports)
    return tags


def _published_value(ports: Iterable[PortSpec]) -> str:
    return " ".join(f"{p.port}/{p.protocol}" for p in ports if p.published) or "none"


def parse_published(value: str) -> tuple[PortSpec, ...]:
    ports: list[PortSpec] = []
    for item in value.split():
        port, _, protocol = item.partition("/")
        if port.isdigit() and protocol in ("tcp", "udp"):
            ports.append(PortSpec(int(port), "udp" if protocol == "udp" else "tcp", True))
    return tuple(ports)


@dataclass(frozen=True, slots=True)
class SessionView:
    """A session as its security groups describe it."""

    anchor_id: str
    tags: dict[str, str]  # the anchor's
    groups: dict[str, str]  # group role → id

    @property
    def paused(self) -> bool:
        return self.tags.get(TAG_PAUSED) == "true"

    @property
    def task_definitions(self) -> dict[str, str]:
        return {
            k.removeprefix(TAG_TASK_DEFINITION): v
            for k, v in self.tags.items()
            if k.startswith(TAG_TASK_DEFINITION)
        }

    @property
    def session_labels(self) -> dict[str, str]:
        return {
            k: v
            for k, v in self.tags.items()
            if k not in _ECS_KEYS and k != LABEL_PROVISION and not k.startswith(TAG_TASK_DEFINITION)
        }


def view_of(groups: Sequence[Json]) -> SessionView | None:
    """The session its groups describe; None without an anchor group."""
    roles = {resource_tags(g).get(TAG_GROUP_ROLE, ""): g for g in groups}
    anchor = roles.get("session")
    if anchor is None:
        return None
    return SessionView(
        anchor_id=anchor["GroupId"],
        tags=resource_tags(anchor),
        groups={role: g["GroupId"] for role, g in roles.items() if role},
    )
