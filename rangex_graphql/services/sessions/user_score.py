"""A user's total score: the sum over scenario versions of their best session score.

Replaying a version never adds to it: only a better session of that version raises it.
It is computed again from the sessions (not incremented) in the transaction that changed
a session's score, after that transaction locked the user's row, so concurrent answers of
one user are applied one after the other and each sees the others' committed scores.
"""

from __future__ import annotations

from uuid import UUID

from ...models import User

# One user's total, from their sessions (the index on environment_session.user_id).
_RECOMPUTE_ONE = (
    "UPDATE {q}user{q} SET {q}total_score{q} = ("
    "SELECT COALESCE(SUM({q}best{q}), 0) FROM ("
    "SELECT MAX({q}score{q}) AS {q}best{q} FROM {q}environment_session{q} "
    "WHERE {q}user_id{q} = {m} GROUP BY {q}version_id{q}"
    ") AS {q}per_version{q}"
    ") WHERE {q}id{q} = {m}"
)
RECOMPUTE_ONE = {
    "sqlite": _RECOMPUTE_ONE.format(q='"', m="?"),
    "mysql": _RECOMPUTE_ONE.format(q="`", m="%s"),
}

# Every user's total at once: the data migration that replaced the old sum of every
# session's points (replays included) by the best score per version.
RECOMPUTE_ALL = {
    "sqlite": (
        'UPDATE "user" SET "total_score" = COALESCE(('
        'SELECT SUM("best") FROM ('
        'SELECT "user_id", MAX("score") AS "best" FROM "environment_session" '
        'GROUP BY "user_id", "version_id"'
        ') AS "per_version" WHERE "per_version"."user_id" = "user"."id"'
        "), 0)"
    ),
    "mysql": (
        "UPDATE `user` LEFT JOIN ("
        "SELECT `user_id`, SUM(`best`) AS `total` FROM ("
        "SELECT `user_id`, MAX(`score`) AS `best` FROM `environment_session` "
        "GROUP BY `user_id`, `version_id`"
        ") AS `per_version` GROUP BY `user_id`"
        ") AS `totals` ON `totals`.`user_id` = `user`.`id` "
        "SET `user`.`total_score` = COALESCE(`totals`.`total`, 0)"
    ),
}


_LOCK_ONE = "SELECT `id` FROM `user` WHERE `id` = %s FOR UPDATE"


async def lock_user(user_id: UUID) -> None:
    """Take the user's row lock for the rest of the transaction (nothing to do on SQLite,
    whose writers are serialized anyway)."""
    client = User._meta.db
    if client.capabilities.dialect == "mysql":
        await client.execute_query(_LOCK_ONE, [str(user_id)])


async def recompute_total_score(user_id: UUID) -> None:
    """Set the user's total from their sessions, in the caller's transaction."""
    client = User._meta.db
    sql = RECOMPUTE_ONE[client.capabilities.dialect]
    await client.execute_query(sql, [str(user_id), str(user_id)])


async def recompute_all_total_scores() -> None:
    """Every user's total from the sessions (what the data migration runs)."""
    client = User._meta.db
    await client.execute_query(RECOMPUTE_ALL[client.capabilities.dialect])
