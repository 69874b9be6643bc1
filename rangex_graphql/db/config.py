"""Tortoise and aerich configuration built from settings."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

from ..models import MODEL_MODULES
from ..settings import MySQLDriver, Settings, get_settings

AIOMYSQL_ENGINE = "rangex_graphql.db.aiomysql_engine"
ASYNCMY_ENGINE = "tortoise.backends.mysql"


def dialect_of(url: str) -> str:
    scheme = urlparse(url).scheme
    if scheme.startswith("mysql"):
        return "mysql"
    if scheme.startswith("sqlite"):
        return "sqlite"
    raise ValueError(f"unsupported database URL scheme {scheme!r}: use sqlite:// or mysql://")


def connection_config(settings: Settings) -> dict[str, Any]:
    url = settings.database_url
    if dialect_of(url) == "sqlite":
        path = url.split("://", 1)[1] or ":memory:"
        return {
            "engine": "tortoise.backends.sqlite",
            "credentials": {
                "file_path": path,
                "journal_mode": "WAL",
                "foreign_keys": "ON",
            },
        }
    parsed = urlparse(url)
    extra = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
    engine = ASYNCMY_ENGINE if settings.mysql_driver is MySQLDriver.ASYNCMY else AIOMYSQL_ENGINE
    return {
        "engine": engine,
        "credentials": {
            "host": parsed.hostname or "127.0.0.1",
            "port": parsed.port or 3306,
            "user": unquote(parsed.username or "root"),
            "password": unquote(parsed.password or ""),
            "database": parsed.path.lstrip("/") or "rangex",
            "charset": "utf8mb4",
            "minsize": settings.db_pool_min,
            "maxsize": settings.db_pool_max,
            "pool_recycle": settings.db_pool_recycle,
            "connect_timeout": settings.db_connect_timeout_seconds,
            **extra,
        },
    }


def request_connection_config(settings: Settings) -> dict[str, Any]:
    """:func:`connection_config` with the read and statement timeouts requests need: a
    database that stalls or a statement that runs on fails the request within seconds
    instead of holding it (and a pooled connection) for as long as the fault lasts.

    Migrations connect without them: an ALTER on a large table, or waiting up to minutes
    for the migration lock, is expected to take its time.
    """
    config = connection_config(settings)
    if dialect_of(settings.database_url) != "mysql":
        return config
    credentials = config["credentials"]
    if settings.db_read_timeout_seconds:
        credentials.setdefault("read_timeout", settings.db_read_timeout_seconds)
    statement_timeout = settings.db_statement_timeout_seconds
    if statement_timeout and "init_command" not in credentials:
        # MariaDB-only comment: MySQL has no max_statement_time and skips the clause.
        credentials["init_command"] = (
            f"SET @rangex_statement_timeout = {statement_timeout:g}"
            f" /*M!100108 , SESSION max_statement_time = {statement_timeout:g} */"
        )
    return config


def tortoise_config(settings: Settings | None = None) -> dict[str, Any]:
    settings = settings or get_settings()
    return {
        "connections": {"default": request_connection_config(settings)},
        "apps": {
            "models": {
                "models": [*MODEL_MODULES, "aerich.models"],
                "default_connection": "default",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def __getattr__(name: str) -> Any:
    # aerich reads ``rangex_graphql.db.config.TORTOISE_ORM``; build it lazily so importing
    # this module never reads the environment.
    if name == "TORTOISE_ORM":
        return tortoise_config()
    raise AttributeError(name)
