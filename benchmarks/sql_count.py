"""SQL statements one GraphQL request costs, counted in-process.

Tortoise logs every statement on ``tortoise.db_client`` at DEBUG. Each case runs once through
``schema.execute`` with the context the HTTP view would build (the bearer token's user is
looked up the same way), while a handler counts the statements.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from cases import Case, Viewer
from tortoise import Tortoise

from rangex_graphql.api.context import Context, viewer_from_token
from rangex_graphql.api.schema import schema
from rangex_graphql.db.config import tortoise_config
from rangex_graphql.settings import Settings

SQL_LOGGER = "tortoise.db_client"
_POOL_MESSAGES = ("Created connection", "Closed connection")


class StatementCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = str(record.msg)
        if not message.startswith(_POOL_MESSAGES):
            self.statements.append(record.getMessage())


@contextmanager
def counting_statements() -> Iterator[StatementCounter]:
    logger = logging.getLogger(SQL_LOGGER)
    counter = StatementCounter()
    saved = logger.level, logger.propagate
    logger.setLevel(logging.DEBUG)
    logger.propagate = False  # keep the statements off the console
    logger.addHandler(counter)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


async def count_statements(
    settings: Settings, cases: Sequence[Case], tokens: Mapping[Viewer, str]
) -> dict[str, int]:
    """Statements per request of each case, keyed by case key; ``tokens``: the bearer
    token of each signed-in viewer."""
    counts: dict[str, int] = {}
    await Tortoise.init(config=tortoise_config(settings))
    try:
        for case in cases:
            token = tokens.get(case.viewer)
            with counting_statements() as counter:
                viewer = await viewer_from_token(settings, token)
                result = await schema.execute(
                    case.query,
                    variable_values=case.variables(0),
                    context_value=Context(settings=settings, viewer=viewer),
                )
            if result.errors:
                raise RuntimeError(f"case ({case.key}) failed in-process: {result.errors}")
            counts[case.key] = len(counter.statements)
    finally:
        await Tortoise.close_connections()
    return counts
