"""Typed configuration, read from ``RANGEX_*`` environment variables."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET_KEY = "dev-insecure-change-me-dev-insecure-change-me"


class MySQLDriver(StrEnum):
    ASYNCMY = "asyncmy"
    AIOMYSQL = "aiomysql"


class Settings(BaseSettings):
    """Every setting is documented in the README's configuration table."""

    model_config = SettingsConfigDict(env_prefix="RANGEX_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite://rangex.sqlite3",
        description="sqlite://PATH (embedded default) or mysql://user:pass@host:port/db",
    )
    mysql_driver: MySQLDriver = Field(
        default=MySQLDriver.ASYNCMY,
        description="MySQL client library: asyncmy or aiomysql",
    )
    db_pool_min: int = Field(default=1, ge=1, description="MySQL pool: connections kept open")
    db_pool_max: int = Field(default=10, ge=1, description="MySQL pool: most connections")
    db_pool_recycle: int = Field(
        default=3600,
        ge=10,
        description="MySQL pool: seconds before a connection is replaced; keep it below the "
        "server's wait_timeout",
    )
    migrate_on_start: bool = Field(
        default=True, description="apply pending migrations when `serve` starts"
    )
    migrations_dir: Path | None = Field(
        default=None,
        description="folder holding the aerich migrations; default: `migrations/` beside "
        "the package (set it for an installed copy)",
    )
    host: str = Field(default="127.0.0.1", description="`serve` listen address")
    port: int = Field(default=8000, ge=1, le=65535, description="`serve` listen port")
    workers: int = Field(default=1, ge=1, description="`serve` worker processes")
    log_level: str = Field(default="info", description="Python log level")
    graphiql: bool = Field(default=True, description="serve GraphiQL at GET /graphql")
    graphiql_assets_dir: Path | None = Field(
        default=None,
        description="folder holding GraphiQL's npm packages (node_modules); "
        "default: the one `npm ci` fills beside the package",
    )
    introspection: bool = Field(default=True, description="allow schema introspection")
    secret_key: SecretStr = Field(
        default=SecretStr(DEVELOPMENT_SECRET_KEY),
        description="key that signs access tokens; required (long and random) with MySQL",
    )
    access_token_minutes: int = Field(default=15, ge=1, description="access token lifetime")
    max_page_size: int = Field(default=100, ge=1, le=1000, description="largest `first`/`last`")
    default_page_size: int = Field(default=20, ge=1, description="page size when none is asked")


@lru_cache
def get_settings() -> Settings:
    return Settings()
