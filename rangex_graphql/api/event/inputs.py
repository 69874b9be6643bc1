"""The event mutations' inputs."""

from __future__ import annotations

from datetime import datetime

import strawberry

from ...models.enums import ParticipationMode, RegistrationMode, ScoringMode, Visibility

# The descriptions create and update share.
TITLE = "Its name, as announced: 1 to 200 characters. The slug is made from it at creation."
DESCRIPTION = "What the event is about: audience, rules, prizes."
STARTS_AT = "When play starts; a time with its timezone (stored in UTC)."
ENDS_AT = "When play ends; after the start."
OPENS = "When registration opens; null: as soon as it is published. Before it closes."
CLOSES = "When registration closes; null: at the event's end, which it may not pass."
FREEZE = "When the public board freezes, strictly between start and end; null: never."
VISIBILITY = "Who sees it: PUBLIC, UNLISTED (by slug or ID only) or PRIVATE (participants)."
REGISTRATION = "How users get in; INVITE_CODE makes a code only organisers can read."
PARTICIPATION = "SOLO or TEAM; fixed once the event runs."
TEAM_SIZE = "TEAM events: the most members a registered team may have, 1 to 10."
MAX_PARTICIPANTS = "The most approved registrations, 0 (unlimited) to 100,000."
SCORING = "STATIC or DYNAMIC; fixed once the event runs."
MINIMUM = "DYNAMIC: the least a question is worth, 0 to 100 percent of its points."
DECAY = "DYNAMIC: the solves at which a question reaches its minimum, 2 to 10,000."
BLOOD = "The bonus of a question's {} solver, 0 to 100 percent of its points."


@strawberry.input(description="A new event; it starts as a DRAFT only its organisers see.")
class EventCreateInput:
    title: str = strawberry.field(description=TITLE)
    starts_at: datetime = strawberry.field(description=STARTS_AT)
    ends_at: datetime = strawberry.field(description=ENDS_AT)
    description: str = strawberry.field(default="", description=DESCRIPTION)
    registration_opens_at: datetime | None = strawberry.field(default=None, description=OPENS)
    registration_closes_at: datetime | None = strawberry.field(default=None, description=CLOSES)
    freeze_at: datetime | None = strawberry.field(default=None, description=FREEZE)
    visibility: Visibility = strawberry.field(default=Visibility.PUBLIC, description=VISIBILITY)
    registration_mode: RegistrationMode = strawberry.field(
        default=RegistrationMode.OPEN, description=REGISTRATION
    )
    participation_mode: ParticipationMode = strawberry.field(
        default=ParticipationMode.SOLO, description=PARTICIPATION
    )
    team_size_limit: int = strawberry.field(default=5, description=TEAM_SIZE)
    max_participants: int = strawberry.field(default=0, description=MAX_PARTICIPANTS)
    scoring_mode: ScoringMode = strawberry.field(default=ScoringMode.STATIC, description=SCORING)
    dynamic_minimum_percent: int = strawberry.field(default=10, description=MINIMUM)
    dynamic_decay: int = strawberry.field(default=20, description=DECAY)
    first_blood_percent: int = strawberry.field(default=5, description=BLOOD.format("first"))
    second_blood_percent: int = strawberry.field(default=3, description=BLOOD.format("second"))
    third_blood_percent: int = strawberry.field(default=1, description=BLOOD.format("third"))


UNCHANGED = " Absent: unchanged."


@strawberry.input(
    description="Change an event: only the fields given change. Once it runs, its start, "
    "participation and scoring are fixed; once it has finished, only its title, description "
    "and visibility change."
)
class EventUpdateInput:
    event_id: strawberry.ID = strawberry.field(description="The Event to change.")
    title: str | None = strawberry.field(default=strawberry.UNSET, description=TITLE + UNCHANGED)
    description: str | None = strawberry.field(
        default=strawberry.UNSET, description=DESCRIPTION + UNCHANGED
    )
    starts_at: datetime | None = strawberry.field(
        default=strawberry.UNSET, description=STARTS_AT + UNCHANGED
    )
    ends_at: datetime | None = strawberry.field(
        default=strawberry.UNSET, description=ENDS_AT + UNCHANGED
    )
    registration_opens_at: datetime | None = strawberry.field(
        default=strawberry.UNSET, description=OPENS + UNCHANGED
    )
    registration_closes_at: datetime | None = strawberry.field(
        default=strawberry.UNSET, description=CLOSES + UNCHANGED
    )
    freeze_at: datetime | None = strawberry.field(
        default=strawberry.UNSET, description=FREEZE + UNCHANGED
    )
    visibility: Visibility | None = strawberry.field(
        default=strawberry.UNSET, description=VISIBILITY + UNCHANGED
    )
    registration_mode: RegistrationMode | None = strawberry.field(
        default=strawberry.UNSET,
        description=REGISTRATION + " Changing it to INVITE_CODE makes a new code." + UNCHANGED,
    )
    participation_mode: ParticipationMode | None = strawberry.field(
        default=strawberry.UNSET, description=PARTICIPATION + UNCHANGED
    )
    team_size_limit: int | None = strawberry.field(
        default=strawberry.UNSET, description=TEAM_SIZE + UNCHANGED
    )
    max_participants: int | None = strawberry.field(
        default=strawberry.UNSET, description=MAX_PARTICIPANTS + UNCHANGED
    )
    scoring_mode: ScoringMode | None = strawberry.field(
        default=strawberry.UNSET, description=SCORING + UNCHANGED
    )
    dynamic_minimum_percent: int | None = strawberry.field(
        default=strawberry.UNSET, description=MINIMUM + UNCHANGED
    )
    dynamic_decay: int | None = strawberry.field(
        default=strawberry.UNSET, description=DECAY + UNCHANGED
    )
    first_blood_percent: int | None = strawberry.field(
        default=strawberry.UNSET, description=BLOOD.format("first") + UNCHANGED
    )
    second_blood_percent: int | None = strawberry.field(
        default=strawberry.UNSET, description=BLOOD.format("second") + UNCHANGED
    )
    third_blood_percent: int | None = strawberry.field(
        default=strawberry.UNSET, description=BLOOD.format("third") + UNCHANGED
    )


@strawberry.input(description="One event to act on.")
class EventInput:
    event_id: strawberry.ID = strawberry.field(description="The Event to act on.")


@strawberry.input(description="One challenge of an event.")
class EventChallengeInput:
    version_id: strawberry.ID = strawberry.field(
        description="A PUBLISHED ScenarioVersion; the event keeps this very version."
    )
    category: str = strawberry.field(
        default="", description="Its category on the board (web, crypto…), at most 60 characters."
    )


@strawberry.input(description="An event's challenges, replacing those it had.")
class EventChallengeSetInput:
    event_id: strawberry.ID = strawberry.field(description="The Event, DRAFT or PUBLISHED.")
    challenges: list[EventChallengeInput] = strawberry.field(
        description="The challenges in order (their position is their index), at most 100, "
        "each version once."
    )
