"""Every model enum the API exposes, registered with Strawberry in one place.

Registering an enum twice (say, from two domains) makes two GraphQL definitions of it,
so domains import enums from ``models.enums`` and this module is loaded first.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

import strawberry
from strawberry.types.enum import has_enum_definition

from ..models.enums import (
    AssetDelivery,
    AssetKind,
    Difficulty,
    EgressPolicy,
    EntrypointProtocol,
    EventStatus,
    FileKind,
    HintMode,
    HintUnlockCondition,
    JoinRequestStatus,
    MachineRole,
    ParticipationMode,
    QuestionKind,
    RegistrationMode,
    RegistrationStatus,
    ResourceProfile,
    ScenarioType,
    ScoringMode,
    SessionMachineState,
    SessionState,
    TeamRole,
    UserRole,
    UserStatus,
    ValidationMode,
    VersionScoringMode,
    VersionStatus,
    Visibility,
)
from ..services.api_tokens import ApiScope

E = TypeVar("E", bound=Enum)


def register(enum: type[E], description: str, values: Mapping[E, str]) -> None:
    """Register a model enum with Strawberry, describing the type and each member (the
    members live in ``models``, which knows nothing of GraphQL)."""
    missing = [member.name for member in enum if member not in values]
    if missing:
        raise ValueError(f"{enum.__name__}: no description for {', '.join(missing)}")
    registered: object = strawberry.enum(enum, description=description)
    assert has_enum_definition(registered)
    for value in registered.__strawberry_definition__.values:
        value.description = values[enum(value.value)]


register(
    EventStatus,
    "Where an event is in its schedule.",
    {
        EventStatus.DRAFT: "Being prepared by its organizers; seen by them only.",
        EventStatus.PUBLISHED: "Announced: visible, registration per its mode; not started.",
        EventStatus.RUNNING: "Under way: participants play its challenges and score.",
        EventStatus.FROZEN: "Under way, the public board frozen at the freeze time; "
        "organizers still see the live board.",
        EventStatus.FINISHED: "Over; the scores are final and the board is open again.",
    },
)
register(
    RegistrationMode,
    "How users get into an event.",
    {
        RegistrationMode.OPEN: "Anyone signed in may register.",
        RegistrationMode.APPROVAL: "Anyone may ask to register; an organizer approves each "
        "registration.",
        RegistrationMode.INVITE_CODE: "Registering takes the invite code the organizers hand out.",
    },
)
register(
    ParticipationMode,
    "Whether users compete alone or in teams.",
    {
        ParticipationMode.SOLO: "Each user registers and scores alone.",
        ParticipationMode.TEAM: "Users register and score as teams.",
    },
)
register(
    RegistrationStatus,
    "State of a registration.",
    {
        RegistrationStatus.PENDING: "Waiting for an organizer's approval.",
        RegistrationStatus.APPROVED: "Accepted: the user or team takes part.",
        RegistrationStatus.REJECTED: "Refused by an organizer; not taking part.",
    },
)
register(
    Difficulty,
    "How hard a scenario is.",
    {
        Difficulty.BEGINNER: "For newcomers to security: no prior skills needed.",
        Difficulty.INTERMEDIATE: "Needs the basics of networking, the web or Linux.",
        Difficulty.ADVANCED: "Needs solid offensive or defensive experience.",
        Difficulty.EXPERT: "For specialists: chained, less documented techniques.",
    },
)
register(
    Visibility,
    "Who can find a scenario in the catalog.",
    {
        Visibility.PUBLIC: "Listed in the catalog for everyone once a version is published.",
        Visibility.UNLISTED: "Not listed in the catalog; anyone may open it by its slug or ID "
        "once a version is published.",
        Visibility.PRIVATE: "Seen only by its author and admins.",
    },
)
register(
    VersionStatus,
    "Where a version is in the authoring workflow.",
    {
        VersionStatus.DRAFT: "Being written: its content may change.",
        VersionStatus.SUBMITTED: "Sent for review; its content is frozen until a decision.",
        VersionStatus.APPROVED: "Approved by an admin; its author may publish it.",
        VersionStatus.REJECTED: "Sent back by a reviewer with a reason; its content may "
        "change and it may be submitted again.",
        VersionStatus.PUBLISHED: "The version learners start; its content never changes.",
        VersionStatus.ARCHIVED: "Retired (a newer version was published, or an admin archived "
        "it); sessions already running on it go on.",
    },
)
register(
    ScenarioType,
    "What kind of exercise a scenario version is.",
    {
        ScenarioType.CHALLENGE: "A challenge with questions to answer and a score.",
        ScenarioType.OPEN_LAB: "An open lab to explore and practise in, at the learner's pace.",
        ScenarioType.EVENT_LAB: "A lab made for events (competitions) rather than the catalog.",
    },
)
register(
    VersionScoringMode,
    "How a session of a version scores its questions.",
    {
        VersionScoringMode.ALL_OR_NOTHING: "The version's points only when every question is "
        "answered right.",
        VersionScoringMode.PER_QUESTION: "Each question's points as it is answered right.",
    },
)
register(
    HintMode,
    "Whether learners may unlock a version's hints.",
    {
        HintMode.DISABLED: "No hints: none are shown or unlocked.",
        HintMode.ENABLED: "Hints unlock by their conditions, each at its penalty.",
    },
)
register(
    ValidationMode,
    "When a learner's answers are checked.",
    {
        ValidationMode.INSTANT: "Each answer is checked as it is submitted.",
    },
)
register(
    ResourceProfile,
    "CPU and memory size of a session's machines: a machine of the version may use at most "
    "the profile's size, and a session's profile sizes its entry (attacker) machine.",
    {
        ResourceProfile.MICRO: "0.25 vCPU and 512 MiB per machine.",
        ResourceProfile.SMALL: "0.5 vCPU and 1024 MiB per machine.",
        ResourceProfile.MEDIUM: "1 vCPU and 2048 MiB per machine.",
        ResourceProfile.LARGE: "2 vCPU and 4096 MiB per machine.",
    },
)
register(
    MachineRole,
    "What a machine is for in a scenario.",
    {
        MachineRole.ATTACKER: "The learner's workstation: the entry machine, whose ports "
        "are published and which gets the session's login.",
        MachineRole.TARGET: "A machine the learner attacks; every version needs at least one.",
        MachineRole.INTERNAL: "A machine reached only from inside the session's network "
        "(a pivot or a back-end host).",
        MachineRole.SERVICE: "A supporting machine the scenario needs (a database, simulated "
        "traffic, a printer on the network).",
    },
)
register(
    EgressPolicy,
    "Where a machine may open connections to.",
    {
        EgressPolicy.NONE: "Nowhere outside the session's own network (as SESSION).",
        EgressPolicy.SESSION: "The other machines of its session only.",
        EgressPolicy.INTERNET: "The internet too, besides its session's machines.",
    },
)
register(
    EntrypointProtocol,
    "How a learner or another machine talks to an entrypoint (the frontend's connect button).",
    {
        EntrypointProtocol.HTTP: "A web page or API over plain HTTP (TCP).",
        EntrypointProtocol.HTTPS: "A web page or API over HTTPS (TCP), a browser desktop too.",
        EntrypointProtocol.SSH: "A shell over SSH (TCP).",
        EntrypointProtocol.RDP: "A remote desktop over RDP (TCP).",
        EntrypointProtocol.VNC: "A remote desktop over VNC (TCP).",
        EntrypointProtocol.TCP: "Another TCP service (netcat, a database, a custom protocol).",
        EntrypointProtocol.UDP: "A UDP service (DNS, SNMP, a game server).",
    },
)
register(
    QuestionKind,
    "How a question is answered.",
    {
        QuestionKind.SINGLE_CHOICE: "One value, one of the question's choices.",
        QuestionKind.MULTIPLE_CHOICE: "The chosen values, no repeats; right when the set "
        "equals the expected set, in any order.",
        QuestionKind.TRUE_FALSE: "One value, one of the question's choices (true or false).",
        QuestionKind.SHORT_ANSWER: "One free-text value, trimmed; right when it equals an "
        "expected answer (case ignored unless the question is case-sensitive), or, when the "
        "answer key is a regular expression, when one matches the whole value within the "
        "time limit.",
        QuestionKind.FLAG: "One flag found on a machine, trimmed; right when it equals the "
        "flag exactly (a per-session flag when the question has a flag variable).",
        QuestionKind.MATCHING: "`left=right` pairs, one per left item; right when the set of "
        "pairs equals the expected pairs.",
        QuestionKind.ORDERING: "Every one of the question's choices (the items), once each, "
        "in order; right when the order is exactly the expected one.",
    },
)
register(
    SessionState,
    "Lifecycle state of an environment session.",
    {
        SessionState.REQUESTED: "Accepted; waiting for its machines to be provisioned.",
        SessionState.PROVISIONING: "Its machines are being deployed (at start or reset).",
        SessionState.RUNNING: "Its machines run and its clock and cost run.",
        SessionState.PAUSED: "Frozen by the learner: the clock and the cost stop.",
        SessionState.TERMINATING: "Ending: its machines are being removed.",
        SessionState.TERMINATED: "Ended by the learner or an admin; its machines are removed.",
        SessionState.EXPIRED: "Ended because its time ran out; answers are still taken for "
        "a grace period.",
        SessionState.FAILED: "Ended by an error (see `failureReason`); nothing is left "
        "running on the engine.",
    },
)
register(
    SessionMachineState,
    "State of one deployed machine.",
    {
        SessionMachineState.PENDING: "Not deployed yet, or being deployed again after a reset.",
        SessionMachineState.RUNNING: "Running and reachable from the session.",
        SessionMachineState.PAUSED: "Frozen with its session (stopped, on ECS Fargate).",
        SessionMachineState.STOPPED: "Removed when its session ended.",
        SessionMachineState.FAILED: "Could not start, or died (see `failureReason`).",
    },
)
register(
    ScoringMode,
    "How an event's questions are worth points.",
    {
        ScoringMode.STATIC: "A question is worth its points, however many solve it.",
        ScoringMode.DYNAMIC: "A question's worth falls from its points to the event's "
        "minimum as more participants solve it; every solver scores its current worth.",
    },
)
register(
    JoinRequestStatus,
    "State of a request to join a team.",
    {
        JoinRequestStatus.PENDING: "Waiting for the captain's decision.",
        JoinRequestStatus.APPROVED: "Accepted: the applicant joined the team.",
        JoinRequestStatus.REJECTED: "Refused by the captain.",
    },
)
register(
    TeamRole,
    "A member's role in a team.",
    {
        TeamRole.CAPTAIN: "Leads the team.",
        TeamRole.MEMBER: "Plays for the team.",
    },
)
register(
    UserRole,
    "What a user may do on the platform.",
    {
        UserRole.USER: "A learner: runs sessions on published scenarios, answers, rates.",
        UserRole.CREATOR: "A learner who also authors scenarios and submits them for review.",
        UserRole.ADMIN: "Reviews and publishes content, manages users, sees everything.",
    },
)
register(
    UserStatus,
    "Whether a user's account can be used.",
    {
        UserStatus.ACTIVE: "The user may sign in and use the platform.",
        UserStatus.SUSPENDED: "Blocked by an admin: signing in and refreshing tokens are "
        "refused, and open subscriptions are closed.",
        UserStatus.INVITED: "Created by an admin (userCreate); no sign-in until the user "
        "chooses a password with the mailed invitation code.",
        UserStatus.DELETED: "Erased (userDelete): personal data replaced by a pseudonym, "
        "no sign-in ever again; sessions and scores stay, anonymised.",
    },
)
register(
    ApiScope,
    "What an API token may do. Every query and subscription needs READ; each mutation "
    "names the scope it needs, and a mutation that names none is closed to API tokens.",
    {
        ApiScope.READ: "Queries and subscriptions, within what the token's user may see, and "
        "the user's own bookkeeping: favorites and marking notifications read.",
        ApiScope.SESSIONS: "Start and control the user's sessions, answer questions, rate.",
        ApiScope.AUTHORING: "Create and edit the user's scenarios (creators and admins).",
        ApiScope.ADMIN: "Admin mutations: reviews, archiving, user management (admins only).",
    },
)
register(
    HintUnlockCondition,
    "What unlocks a hint in a session (with its `unlockThreshold`).",
    {
        HintUnlockCondition.AFTER_MINUTES: "Minutes of running time since the session's "
        "machines first ran.",
        HintUnlockCondition.AFTER_WRONG_ATTEMPTS: "Wrong answers: to its question, or to "
        "any question of the session for a hint of the whole version.",
    },
)
register(
    FileKind,
    "What an upload is for.",
    {
        FileKind.COVER: "A version's cover image: PNG, JPEG or WebP, 200 to 4096 pixels a side.",
        FileKind.AVATAR: "The uploader's avatar: PNG, JPEG or WebP, 32 to 4096 pixels a side.",
        FileKind.ASSET: "A file a version brings along (any media type).",
    },
)
register(
    AssetKind,
    "What a version asset is, for the learner's and the author's lists.",
    {
        AssetKind.TOOL: "A program.",
        AssetKind.SCRIPT: "A shell or interpreter script to run.",
        AssetKind.FILE: "Any other file.",
        AssetKind.WORDLIST: "A word list (passwords, paths).",
        AssetKind.CONFIG: "A configuration file.",
    },
)
register(
    AssetDelivery,
    "How a version asset reaches the learner.",
    {
        AssetDelivery.EMBEDDED: "Placed into one machine at a target path with its mode "
        "bits when a session starts.",
        AssetDelivery.DOWNLOAD: "Downloaded by the session's owner (sessionAssetDownload).",
    },
)
