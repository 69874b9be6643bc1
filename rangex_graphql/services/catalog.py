"""What learners do around the catalog: favorites and ratings.

Which scenarios a viewer may open is the API's visibility rule; these functions take a
scenario the caller has already found visible.
"""

from __future__ import annotations

from uuid import UUID

from tortoise import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from ..db.transactions import retrying_transaction_on
from ..models import EnvironmentSession, Scenario, ScenarioFavorite, ScenarioRating
from ..models.enums import SessionState
from .catalog_errors import CatalogCode
from .errors import DomainError, DomainErrors

# A session counts as done once it is over, whichever way it ended on time.
FINISHED_STATES = (SessionState.TERMINATED, SessionState.EXPIRED)
MIN_STARS = 1
MAX_STARS = 5
MAX_COMMENT_LENGTH = 2000


async def favorite(user_id: UUID, scenario_id: UUID) -> None:
    """Save the scenario for the user; saving it again changes nothing."""
    try:
        await ScenarioFavorite.create(user_id=user_id, scenario_id=scenario_id)
    except IntegrityError:
        # A concurrent or earlier favorite of the same pair; anything else is a real error.
        if not await ScenarioFavorite.exists(user_id=user_id, scenario_id=scenario_id):
            raise


async def unfavorite(user_id: UUID, scenario_id: UUID) -> bool:
    """Forget the favorite; True when there was one."""
    removed: int = await ScenarioFavorite.filter(user_id=user_id, scenario_id=scenario_id).delete()
    return removed > 0


def _checked_rating(stars: int, comment: str | None) -> str | None:
    """The comment to store (trimmed, None when blank), or every problem with the input."""
    problems = []
    if not MIN_STARS <= stars <= MAX_STARS:
        problems.append(
            DomainError(CatalogCode.INVALID, f"stars must be {MIN_STARS} to {MAX_STARS}", "stars")
        )
    comment = (comment or "").strip() or None
    if comment is not None and len(comment) > MAX_COMMENT_LENGTH:
        problems.append(
            DomainError(
                CatalogCode.INVALID,
                f"a comment has at most {MAX_COMMENT_LENGTH} characters",
                "comment",
            )
        )
    if problems:
        raise DomainErrors(problems)
    return comment


async def has_finished_session(user_id: UUID, scenario_id: UUID) -> bool:
    """Whether the user ran any version of the scenario to its end."""
    sessions = EnvironmentSession.filter(
        user_id=user_id, version__scenario_id=scenario_id, state__in=FINISHED_STATES, is_test=False
    )
    return bool(await sessions.exists())


async def rate(user_id: UUID, scenario_id: UUID, stars: int, comment: str | None) -> UUID:
    """Rate the scenario (or change the user's rating of it); the rating's id.

    The scenario's ``rating_average``/``rating_count`` are recomputed from the ratings in
    the same transaction, with the scenario's row locked first: raters of one scenario
    queue there, so each recount sees every committed rating and two cannot deadlock.
    """
    comment = _checked_rating(stars, comment)
    if not await has_finished_session(user_id, scenario_id):
        raise DomainError(
            CatalogCode.SESSION_REQUIRED,
            "finish a session of this scenario before rating it",
            "scenario_id",
        )

    async def save_rating(connection: BaseDBAsyncClient) -> UUID:
        locked = await Scenario.filter(id=scenario_id).select_for_update().only("id").first()
        if locked is None:
            raise DomainError(CatalogCode.NOT_FOUND, "no such scenario", "scenario_id")
        rating = (
            await ScenarioRating.filter(user_id=user_id, scenario_id=scenario_id)
            .select_for_update()
            .first()
        )
        if rating is None:
            rating = await ScenarioRating.create(
                user_id=user_id, scenario_id=scenario_id, stars=stars, comment=comment
            )
        else:
            rating.update_from_dict({"stars": stars, "comment": comment})
            await rating.save(update_fields=("stars", "comment", "updated_at"))
        await _recount(connection, scenario_id)
        return rating.id

    return await retrying_transaction_on(save_rating)


async def _recount(connection: BaseDBAsyncClient, scenario_id: UUID) -> None:
    """One UPDATE sets the scenario's rating summary from its ratings. ``stars * 1e0``
    makes the average a double on MySQL too (AVG of integers is a 4-decimal DECIMAL)."""
    mark = "?" if connection.capabilities.dialect == "sqlite" else "%s"
    ratings = ScenarioRating._meta.db_table
    of_scenario = f"FROM {ratings} WHERE scenario_id = {mark}"
    sql = (
        f"UPDATE {Scenario._meta.db_table} SET "
        f"rating_count = (SELECT COUNT(*) {of_scenario}), "
        f"rating_average = (SELECT COALESCE(AVG(stars * 1e0), 0) {of_scenario}) "
        f"WHERE id = {mark}"
    )
    await connection.execute_query(sql, [str(scenario_id)] * 3)
