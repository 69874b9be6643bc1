"""Typed configuration, read from ``RANGEX_*`` environment variables."""

from __future__ import annotations

import os
from enum import StrEnum
from functools import cached_property, lru_cache
from ipaddress import IPv4Network, IPv6Network
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET_KEY = "dev-insecure-change-me-dev-insecure-change-me"


class MySQLDriver(StrEnum):
    ASYNCMY = "asyncmy"
    AIOMYSQL = "aiomysql"


class Orchestrator(StrEnum):
    SIMULATED = "simulated"
    DOCKER = "docker"
    ECS = "ecs"


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
    # --- identity -------------------------------------------------------------------------
    password_hash_concurrency: int = Field(
        default_factory=lambda: max(1, len(os.sched_getaffinity(0)) - 1),
        ge=1,
        description="argon2 hashes computed at once per process; default: usable CPUs - 1 "
        "(at least 1), so a login storm leaves a CPU to the event loop",
    )
    previous_secret_keys: list[SecretStr] = Field(
        default_factory=list,
        description="earlier signing keys (JSON list), still accepted while tokens signed "
        "with them expire: rotate by moving the old key here",
    )
    refresh_token_days: int = Field(default=30, ge=1, description="refresh token lifetime")
    password_reset_minutes: int = Field(
        default=30, ge=5, description="how long a password reset link works"
    )
    mfa_challenge_minutes: int = Field(
        default=5, ge=1, description="how long a login may wait for its second factor"
    )
    mfa_required_roles: list[str] = Field(
        default_factory=list,
        description='roles that must enable TOTP before they may sign in, e.g. ["ADMIN"]',
    )
    mfa_issuer: str = Field(default="RangeX", description="issuer name in TOTP apps")
    mailer: str = Field(
        default="rangex_graphql.mail:LogMailer",
        description="`module:Class` that sends mail (password resets); the default logs it",
    )
    api_token_max_days: int = Field(
        default=365, ge=1, description="longest lifetime an API token may be given"
    )
    max_page_size: int = Field(default=100, ge=1, le=1000, description="largest `first`/`last`")
    default_page_size: int = Field(default=20, ge=1, description="page size when none is asked")
    # --- login throttle and client address (security/throttle.py, security/client_ip.py) ---
    redis_url: str | None = Field(
        default=None,
        description="redis://host:port/db shared by the replicas (login throttle, cost budgets); "
        "unset: kept in each process's memory",
    )
    trusted_proxies: list[str] = Field(
        default_factory=list,
        description='reverse proxies (JSON list of CIDRs, e.g. ["10.0.0.0/8"]) whose '
        "X-Forwarded-For names the client; empty: the TCP peer is the client",
    )
    login_account_max_failures: int = Field(
        default=5, ge=1, description="failed logins that lock an account (per window)"
    )
    login_account_window_seconds: int = Field(
        default=900, ge=1, description="window of the account lock-out, in seconds"
    )
    login_ip_max_failures: int = Field(
        default=20, ge=1, description="failed logins from one client address (per window)"
    )
    login_ip_window_seconds: int = Field(
        default=900, ge=1, description="window of the client address's failures, in seconds"
    )
    login_ip_max_attempts: int = Field(
        default=60, ge=1, description="login attempts from one client address (per window)"
    )
    login_ip_attempt_window_seconds: int = Field(
        default=60, ge=1, description="window of the client address's attempts, in seconds"
    )

    @field_validator("trusted_proxies")
    @classmethod
    def _valid_trusted_proxies(cls, value: list[str]) -> list[str]:
        from rangex_graphql.security.client_ip import parse_trusted_proxies

        return [str(network) for network in parse_trusted_proxies(value)]

    @cached_property
    def trusted_proxy_networks(self) -> list[IPv4Network | IPv6Network]:
        """``trusted_proxies`` parsed (validated when the settings were read)."""
        from rangex_graphql.security.client_ip import parse_trusted_proxies

        return parse_trusted_proxies(self.trusted_proxies)

    # --- end of login throttle and client address ---
    # --- query limits, cost budget, CORS, security headers (api/limits, api/http/security.py)
    max_query_depth: int = Field(
        default=10,
        ge=1,
        description="deepest nesting of selection sets in an operation (`{ viewer { id } }` "
        "is 1); introspection fields do not count",
    )
    max_query_aliases: int = Field(
        default=30, ge=0, description="most aliases in an operation, fragments expanded"
    )
    max_query_tokens: int = Field(
        default=2000, ge=1, description="most lexical tokens (comments too) in a document"
    )
    max_query_cost: int = Field(
        default=50_000, ge=1, description="highest cost of one operation (see Query limits)"
    )
    cost_budget_per_minute: int = Field(
        default=200_000,
        ge=0,
        description="cost points a viewer (or an anonymous client address) may spend per "
        "minute, shared by the replicas through `RANGEX_REDIS_URL`; 0: no budget",
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description="browser origins allowed to call the API (JSON list, e.g. "
        '["https://range.example"]); empty: no CORS headers',
    )
    cors_allow_credentials: bool = Field(
        default=False, description="let those origins send cookies (not with `*`)"
    )
    hsts: bool = Field(
        default=False,
        description="send Strict-Transport-Security on every response, not only on "
        "requests that arrived over https",
    )

    @field_validator("cors_origins")
    @classmethod
    def _valid_cors_origins(cls, value: list[str]) -> list[str]:
        # Browsers send `scheme://host[:port]`, lower-cased; anything else never matches.
        origins = [origin.strip().lower() for origin in value]
        for origin in origins:
            scheme, _, host = origin.partition("://")
            if origin != "*" and (scheme not in ("http", "https") or not host or "/" in host):
                raise ValueError(f"invalid CORS origin {origin!r}: use scheme://host[:port]")
        return origins

    # --- end of query limits, cost budget, CORS, security headers ---
    # --- orchestrator (orchestrator/factory.py) ---
    orchestrator: Orchestrator = Field(
        default=Orchestrator.SIMULATED,
        description="engine that runs session machines: simulated (in process, nothing "
        "real), docker or ecs (AWS Fargate)",
    )
    simulated_delay_scale: float = Field(
        default=1.0,
        ge=0,
        description="simulated engine: multiplier of its realistic delays (0: instant)",
    )
    docker_url: str = Field(
        default="unix:///var/run/docker.sock",
        description="docker engine: unix socket or tcp://host:port",
    )
    docker_publish_host: str = Field(
        default="127.0.0.1",
        description="docker engine: host address the entry machines' ports are published on",
    )
    docker_subnet_pool: str = Field(
        default="172.16.0.0/12",
        description="docker engine: pool each session's /24 network is carved from",
    )
    # --- end of orchestrator ---
    # --- sessions (services/sessions, jobs) ---
    # --- end of sessions ---
    # --- answers and scoring (services/sessions/answers.py) ---
    answer_grace_minutes: int = Field(
        default=15,
        ge=0,
        description="minutes after a session expired during which its learner may still "
        "submit answers (never after a termination)",
    )
    # --- end of answers and scoring ---
    # --- live subscriptions and broker (broker/, api/subscriptions) ---
    # --- end of live subscriptions and broker ---


@lru_cache
def get_settings() -> Settings:
    return Settings()
