"""The global leaderboard: learners by total score, for everyone.

Ordered by score, then the earliest account, then the id; ranked by competition ranking
(equal scores share a rank, the next rank skips: 1, 1, 3). A page costs one statement,
and two more counts when it starts after a cursor (the rank of its first row): never a
statement per row. A learner who hides their profile is shown anonymised, except to
themselves and admins.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import strawberry
from tortoise.expressions import Q

from ...models import User
from ...models.enums import UserStatus
from ..context import Info
from ..pagination import (
    After,
    Connection,
    Edge,
    First,
    PageInfo,
    SortKey,
    decode_cursor,
    encode_cursor,
    page_size,
)
from .types import UserNode

BOARD_KEY = SortKey("total_score", int, then=(("created_at", datetime),))
HIDDEN_LEARNER = "Hidden learner #{rank}"


def _on_board() -> Q:
    """Who is ranked: active accounts that scored."""
    return Q(status=UserStatus.ACTIVE, total_score__gt=0)


@strawberry.type(description="A learner's place on the global leaderboard.")
class LearnerStanding:
    rank: int = strawberry.field(
        description="Competition rank from 1: equal scores share a rank and the next rank "
        "skips (1, 1, 3)."
    )
    score: int = strawberry.field(description="The learner's total score (`User.totalScore`).")
    anonymised: bool = strawberry.field(
        description="True when the learner hides their profile and you are neither them "
        "nor an admin: no user, and a stand-in name."
    )
    display_name: str = strawberry.field(
        description="The learner's display name, or 'Hidden learner #<rank>' when anonymised."
    )
    profile: strawberry.Private[UserNode]

    @strawberry.field(description="The learner; null when anonymised.")
    def user(self) -> UserNode | None:
        return None if self.anonymised else self.profile


def _seek_after(score: int, created_at: datetime, pk: UUID) -> Q:
    return (
        Q(total_score__lt=score)
        | Q(total_score=score, created_at__gt=created_at)
        | Q(total_score=score, created_at=created_at, id__gt=pk)
    )


async def _first_rank_offset(rows: list[dict[str, Any]]) -> tuple[int, int]:
    """For a page after a cursor: the rank of its first row, and the offset such that a
    row at index i whose score differs from the row before it ranks ``offset + i + 1``."""
    top = int(rows[0]["total_score"])
    above = await User.filter(_on_board(), total_score__gt=top).count()
    tied = await User.filter(_on_board(), total_score=top).count()
    tied_here = sum(1 for row in rows if int(row["total_score"]) == top)
    # Everyone above, every learner tied with the first row, then this page's rows below.
    return above + 1, above + tied - tied_here


def _standing(info: Info, row: dict[str, Any], rank: int) -> LearnerStanding:
    profile = UserNode.from_row(row)
    anonymised = bool(row["profile_hidden"]) and not info.context.is_self_or_admin(row["id"])
    return LearnerStanding(
        rank=rank,
        score=int(row["total_score"]),
        anonymised=anonymised,
        display_name=HIDDEN_LEARNER.format(rank=rank) if anonymised else row["display_name"],
        profile=profile,
    )


async def global_leaderboard(
    info: Info, first: int | None, after: str | None
) -> Connection[LearnerStanding]:
    limit, _ = page_size(first, None, info.context.settings)
    queryset = User.filter(_on_board())
    if after:
        (score, created_at), pk = decode_cursor(after, BOARD_KEY, "after")
        queryset = queryset.filter(_seek_after(score, created_at, pk))
    columns = tuple(dict.fromkeys((*UserNode.columns(), "profile_hidden", "display_name")))
    found = await (
        queryset.order_by("-total_score", "created_at", "id").limit(limit + 1).values(*columns)
    )
    rows = list(found[:limit])
    first_rank, offset = (1, 0)
    if after and rows:
        first_rank, offset = await _first_rank_offset(rows)
    edges: list[Edge[LearnerStanding]] = []
    rank = first_rank
    for i, row in enumerate(rows):
        if i and row["total_score"] != rows[i - 1]["total_score"]:
            rank = offset + i + 1
        edges.append(
            Edge(
                encode=encode_cursor,
                position=((row["total_score"], row["created_at"]), row["id"]),
                node=_standing(info, row, rank),
            )
        )

    async def count_total() -> int:
        return await User.filter(_on_board()).count()

    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(found) > limit,
            has_previous_page=after is not None,
            start_cursor=edges[0].cursor_at() if edges else None,
            end_cursor=edges[-1].cursor_at() if edges else None,
        ),
        count_total=count_total,
    )


@strawberry.type
class LeaderboardQuery:
    @strawberry.field(
        description="Learners ranked by total score (the sum over scenario versions of "
        "each one's best session score), highest first; ties ranked equal and listed "
        "earliest account first. Active accounts with points only. Open to everyone; "
        "learners who hide their profile appear anonymised."
    )
    async def leaderboard(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[LearnerStanding]:
        return await global_leaderboard(info, first, after)
