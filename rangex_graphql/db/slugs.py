"""Unique URL names (slugs): derived from a title, made unique when the row is inserted."""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.models import Model

from .transactions import savepoint

M = TypeVar("M", bound=Model)
ATTEMPTS = 5


def slugify(title: str, *, max_length: int, fallback: str) -> str:
    """``"SQL Injection 101: Login!"`` → ``"sql-injection-101-login"``; ASCII only."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:max_length].rstrip("-") or fallback


async def free_slug(model: type[Model], base: str) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever is free first (deleted rows count)."""
    rows = await model.filter(Q(slug=base) | Q(slug__startswith=f"{base}-")).values("slug")
    taken = {str(row["slug"]) for row in rows}
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


async def insert_with_free_slug(
    model: type[M],
    base: str,
    values: dict[str, Any],
    *,
    exhausted: Callable[[], Exception],
    on_conflict: Callable[[], Awaitable[None]] | None = None,
) -> M:
    """Insert under the first free slug, in the caller's transaction. A concurrent insert
    can take the slug between the look and the insert: then try a random suffix (a fresh
    look could still read the transaction's old snapshot on MariaDB). ``on_conflict`` runs
    after each refused insert (to report another unique column); ``exhausted`` is raised
    when every attempt was refused."""
    slug = await free_slug(model, base)
    for _ in range(ATTEMPTS):
        try:
            async with savepoint():  # the refused insert alone rolls back
                return await model.create(slug=slug, **values)
        except IntegrityError:
            if on_conflict is not None:
                await on_conflict()
            slug = f"{base}-{secrets.token_hex(3)}"
    raise exhausted()
