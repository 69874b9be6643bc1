"""Typed configuration, read from ``RANGEX_*`` environment variables."""

from __future__ import annotations

import os
from decimal import Decimal
from enum import StrEnum
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, PositiveFloat, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .netaddr import IPNetwork, parse_trusted_proxies


class MySQLDriver(StrEnum):
    ASYNCMY = "asyncmy"
    AIOMYSQL = "aiomysql"


class Orchestrator(StrEnum):
    SIMULATED = "simulated"
    DOCKER = "docker"
    ECS = "ecs"


class LogFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


class PersistedQueriesMode(StrEnum):
    OFF = "off"
    AUTOMATIC = "automatic"
    ONLY = "only"


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
    db_connect_timeout_seconds: float = Field(
        default=3.0,
        gt=0,
        le=300,
        description="MySQL: seconds to open a connection before the request fails "
        "(SERVICE_UNAVAILABLE)",
    )
    db_statement_timeout_seconds: float = Field(
        default=5.0,
        ge=0,
        le=3600,
        description="MariaDB: longest a statement of the server's may run (its "
        "max_statement_time), then it fails (SERVICE_UNAVAILABLE); 0: no limit; migrations "
        "have none",
    )
    db_read_timeout_seconds: float = Field(
        default=6.0,
        ge=0,
        le=3600,
        description="MySQL: seconds to wait for the server's answer before the connection is "
        "dropped and the request fails (SERVICE_UNAVAILABLE); keep it above the statement "
        "timeout; 0: wait forever; migrations have none",
    )

    @field_validator("db_read_timeout_seconds")
    @classmethod
    def _read_outlasts_statements(cls, value: float, info: ValidationInfo) -> float:
        # Else a slow statement drops its connection before the server stops it cleanly.
        statement = info.data.get("db_statement_timeout_seconds") or 0
        if value and statement and value <= statement:
            raise ValueError("must exceed RANGEX_DB_STATEMENT_TIMEOUT_SECONDS")
        return value

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
    log_format: LogFormat = Field(
        default=LogFormat.TEXT,
        description="`text`: one human line per record (time, level, logger, message); "
        "`json`: one JSON object per line with the request ID (docs/observability.md)",
    )
    graphiql: bool = Field(default=True, description="serve GraphiQL at GET /graphql")
    graphiql_assets_dir: Path | None = Field(
        default=None,
        description="folder holding GraphiQL's npm packages (node_modules); "
        "default: the one `npm ci` fills beside the package",
    )
    introspection: bool = Field(default=True, description="allow schema introspection")
    secret_key: SecretStr = Field(
        default=SecretStr(""),
        description="server key (at least 32 characters, random) from which the keys of access "
        "tokens, sealed secrets and flag tags are derived; required with MySQL or a listen "
        "address beyond loopback; unset on SQLite: generated once into `<database>.secret-key` "
        "(mode 0600)",
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
        description="earlier server keys (JSON list): tokens signed with them are accepted "
        "until they expire, secrets sealed with them still open: rotate by moving the old key "
        "here",
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
        description="redis://host:port/db shared by the replicas (login throttle, rate "
        "limits, cost budgets, sign-outs); unset: kept in each process's memory",
    )
    redis_timeout_seconds: float = Field(
        default=1.0,
        gt=0,
        le=60,
        description="Redis: seconds to connect or to wait for an answer before a command "
        "fails (each user then fails open or closed); a silent broker connection is "
        "probed after this long and dropped after twice this",
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
    account_mail_max: int = Field(
        default=3,
        ge=1,
        le=1000,
        description="mails about one account (reset codes, registration notices) per window; "
        "more are not sent, the answer unchanged",
    )
    account_mail_window_seconds: int = Field(
        default=900, ge=1, le=86400, description="window of the mails about one account"
    )
    password_reset_ip_max: int = Field(
        default=10, ge=1, le=10000, description="password reset requests from one client address"
    )
    password_reset_ip_window_seconds: int = Field(
        default=900, ge=1, le=86400, description="window of those reset requests, in seconds"
    )
    register_ip_max: int = Field(
        default=10, ge=1, le=10000, description="registrations from one client address per window"
    )
    register_ip_window_seconds: int = Field(
        default=3600, ge=1, le=86400, description="window of those registrations, in seconds"
    )

    @field_validator("trusted_proxies")
    @classmethod
    def _valid_trusted_proxies(cls, value: list[str]) -> list[str]:
        return [str(network) for network in parse_trusted_proxies(value)]

    @cached_property
    def trusted_proxy_networks(self) -> list[IPNetwork]:
        """``trusted_proxies`` parsed (validated when the settings were read)."""
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
    # --- request size and slow clients (api/http/request_limits.py, api/http/slow_clients.py)
    http_max_body_bytes: int = Field(
        default=1_048_576,
        ge=1024,
        le=104_857_600,
        description="largest HTTP request body, counted while it is read (413 `PAYLOAD_TOO_LARGE`)",
    )
    http_max_head_bytes: int = Field(
        default=65_536,
        ge=4096,
        le=1_048_576,
        description="largest request line and headers (`serve`: 431), and largest GET "
        "query string (414 `URI_TOO_LONG`)",
    )
    http_header_timeout_seconds: float = Field(
        default=10.0,
        gt=0,
        le=300,
        description="`serve`: seconds a connection may take to send a request's line and "
        "headers (closed with 408)",
    )
    http_body_timeout_seconds: float = Field(
        default=30.0,
        gt=0,
        le=600,
        description="seconds a request body may take to arrive, from its first byte read "
        "(408 `REQUEST_TIMEOUT`)",
    )
    max_query_bytes: int = Field(
        default=65_536,
        ge=1,
        le=10_485_760,
        description="largest GraphQL document in bytes (413 `QUERY_TOO_LARGE`), beside the "
        "token limit",
    )
    max_variables_bytes: int = Field(
        default=524_288,
        ge=1,
        le=104_857_600,
        description="largest `variables` in bytes as compact JSON (413 `VARIABLES_TOO_LARGE`)",
    )
    ws_max_message_bytes: int = Field(
        default=262_144,
        ge=1024,
        le=16_777_216,
        description="largest WebSocket message; a larger one closes the socket with 1009",
    )
    ws_max_connections_per_user: int = Field(
        default=10,
        ge=1,
        le=10_000,
        description="WebSockets one user (or one anonymous client address) may hold open in "
        "one process (closed with 4429)",
    )
    # --- end of request size and slow clients ---
    # --- orchestrator (orchestrator/factory.py) ---
    orchestrator: Orchestrator = Field(
        default=Orchestrator.SIMULATED,
        description="engine that runs session machines: simulated (nothing real, its "
        "machines kept in the database), docker or ecs (AWS Fargate)",
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
    ecs_cluster: str = Field(
        default="", description="ECS: ECS cluster name or ARN (must exist, ACTIVE)"
    )
    ecs_region: str = Field(default="", description="ECS: AWS region, e.g. ap-south-2")
    ecs_vpc_id: str = Field(
        default="", description="ECS: VPC of the subnets; session security groups are created in it"
    )
    ecs_subnets: list[str] = Field(
        default_factory=list,
        description="ECS: subnets for the tasks' network interfaces, e.g. ['subnet-a','subnet-b']",
    )
    ecs_ingress_cidr: str = Field(
        default="",
        description="ECS: who may reach published ports (the learners' gateway), IPv4 or IPv6 "
        "CIDR; 0.0.0.0/0 only if you mean it",
    )
    ecs_assign_public_ip: bool = Field(
        default=False,
        description="ECS: give a public IP to machines that publish ports or have internet egress "
        "(public subnets without NAT); others never get one",
    )
    ecs_endpoint_url: str | None = Field(
        default=None,
        description="ECS: another endpoint for ECS and EC2 (moto, LocalStack); unset for AWS",
    )
    ecs_task_role_arn: str | None = Field(
        default=None,
        description="ECS: IAM role the machines get (normally none: lab machines should hold no "
        "AWS credentials)",
    )
    ecs_execution_role_arn: str | None = Field(
        default=None, description="ECS: role ECS uses to pull private ECR images and write logs"
    )
    ecs_log_group: str | None = Field(
        default=None,
        description="ECS: CloudWatch Logs group for the machines' output (awslogs); needs the "
        "execution role",
    )
    ecs_log_stream_prefix: str = Field(default="rangex", description="ECS: awslogs stream prefix")
    ecs_platform_security_groups: list[str] = Field(
        default_factory=list,
        description="ECS: groups added to every task, e.g. one allowing tcp/443 to the ECR/S3/Logs"
        " VPC endpoints: Fargate pulls images over the task's own interface, which the"
        " session groups close",
    )
    ecs_platform_version: str = Field(default="LATEST", description="ECS: Fargate platform version")
    ecs_cpu_architecture: Literal["X86_64", "ARM64"] = Field(
        default="X86_64", description="ECS: the images' architecture"
    )
    ecs_round_fargate_sizes: bool = Field(
        default=True,
        description="ECS: round machine sizes up to the next valid Fargate size; false: refuse a "
        "plan with any other size (InvalidPlan)",
    )
    ecs_name_prefix: str = Field(
        default="rangex",
        description="ECS: prefix of group names, task definition families and startedBy "
        "([a-z0-9-], ≤ 20); one per deployment sharing an account",
    )
    ecs_group_delete_timeout: float = Field(
        default=600.0,
        description="ECS: how long destroy waits out DependencyViolation (interfaces of stopped "
        "tasks not yet released) before it fails (the reconciler retries later)",
    )
    ecs_group_delete_backoff: float = Field(
        default=2.0, description="ECS: first wait between deletion attempts; doubles up to 30 s"
    )
    ecs_start_timeout: float = Field(
        default=600.0,
        description="ECS: how long a task may take to reach RUNNING (image pulls) before "
        "provisioning fails",
    )
    ecs_poll_interval: float = Field(
        default=2.0, description="ECS: between DescribeTasks while waiting for RUNNING"
    )
    ecs_event_poll_interval: float = Field(
        default=10.0,
        description="ECS: between polls of the engine-event watcher (ECS has no push stream "
        "without EventBridge)",
    )
    ecs_api_timeout: float = Field(
        default=30.0, description="ECS: connect and read timeout of one AWS call"
    )
    ecs_max_attempts: int = Field(
        default=5, description="ECS: botocore 'standard' retry mode, attempts in all (throttling)"
    )
    # --- end of orchestrator ---
    # --- sessions (services/sessions, jobs) ---
    session_max_per_user: int = Field(
        default=5, ge=1, description="active sessions one user may hold at once"
    )
    session_max_per_user_in_event: int = Field(
        default=2,
        ge=1,
        description="active sessions one user may hold at once in one event; event sessions "
        "count here only, not against RANGEX_SESSION_MAX_PER_USER",
    )
    session_idle_minutes: int = Field(
        default=60,
        ge=1,
        description="a RUNNING session without activity (heartbeat, answer, resume) for this "
        "long is terminated (end reason `idle`)",
    )
    event_session_idle_minutes: int = Field(
        default=30, ge=1, description="the same for event sessions"
    )
    team_max_members: int = Field(
        default=10,
        ge=1,
        le=1000,
        description="most members of a team created from now on (each team keeps its own)",
    )
    session_platform_max_active: int | None = Field(
        default=None, ge=1, description="active sessions on the whole platform; unset: no cap"
    )
    session_platform_max_users: int | None = Field(
        default=None,
        ge=1,
        description="distinct users with an active session at once; unset: no cap",
    )
    session_lease_seconds: int = Field(
        default=60,
        ge=3,
        description="lease a process holds on a session it provisions or tears down, "
        "renewed every third of it; once run out, the reconciler may take over",
    )
    session_resource_profiles: dict[str, dict[str, float]] = Field(
        default={
            "micro": {"cpu": 0.25, "memory_mib": 512},
            "small": {"cpu": 0.5, "memory_mib": 1024},
            "medium": {"cpu": 1, "memory_mib": 2048},
            "large": {"cpu": 2, "memory_mib": 4096},
        },
        description="size of the entry (attacker) machine per resource profile",
    )
    price_vcpu_hour_usd: Decimal = Field(
        default=Decimal("0.04556"), ge=0, description="price of one vCPU for an hour, USD"
    )
    price_gb_hour_usd: Decimal = Field(
        default=Decimal("0.00533"), ge=0, description="price of one GB of memory for an hour"
    )
    rm_per_usd: Decimal = Field(default=Decimal("4.5"), gt=0, description="RM per USD")
    budget_daily_rm: Decimal = Field(
        default=Decimal("20"),
        ge=0,
        description="initial daily platform budget (RM) until an admin sets one (`budgetUpdate`)",
    )
    budget_monthly_rm: Decimal = Field(
        default=Decimal("200"),
        ge=0,
        description="initial monthly platform budget (RM) until an admin sets one",
    )
    budget_grace_minutes: int = Field(
        default=30,
        ge=0,
        le=1440,
        description="initial grace (minutes) between reaching a budget cap and the emergency "
        "shutdown of running sessions",
    )
    session_driver_retries: int = Field(
        default=3, ge=1, description="attempts at destroying a session's machines"
    )
    session_operation_wait_seconds: float = Field(
        default=30,
        gt=0,
        le=600,
        description="how long a pause, resume or reset waits for another one on the same "
        "session (on any replica) to finish before answering SESSION_BUSY",
    )

    @field_validator("session_resource_profiles")
    @classmethod
    def _valid_profiles(cls, value: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        value = {name.lower(): size for name, size in value.items()}
        missing = {"micro", "small", "medium", "large"} - set(value)
        if missing:
            raise ValueError(f"resource profiles missing: {sorted(missing)}")
        for name, size in value.items():
            if set(size) != {"cpu", "memory_mib"} or size["cpu"] <= 0 or size["memory_mib"] < 6:
                raise ValueError(f"profile {name!r}: give a positive cpu and memory_mib")
        return value

    # --- end of sessions ---
    # --- background jobs (jobs/) ---
    jobs_enabled: bool = Field(
        default=True,
        description="run the background jobs (expiry, reconciler, usage, engine events) "
        "in this process; every replica may run them",
    )
    jobs_expiry_interval_seconds: float = Field(
        default=10, gt=0, description="seconds between two passes of the expiry job"
    )
    jobs_reconcile_interval_seconds: float = Field(
        default=30, gt=0, description="seconds between two passes of the reconciler"
    )
    jobs_usage_interval_seconds: float = Field(
        default=60, gt=0, description="seconds between two passes of cost accounting"
    )
    jobs_expiry_warning_interval_seconds: float = Field(
        default=30, gt=0, description="seconds between two passes of the expiry warnings"
    )
    jobs_event_schedule_interval_seconds: float = Field(
        default=5,
        gt=0,
        description="seconds between two passes of the event schedule (start, freeze, end)",
    )
    jobs_idle_interval_seconds: float = Field(
        default=30, gt=0, description="seconds between two passes of the idle timeout job"
    )
    jobs_event_end_interval_seconds: float = Field(
        default=10,
        gt=0,
        description="seconds between two passes of the job ending the sessions of ended events",
    )
    jobs_jitter: float = Field(
        default=0.2,
        ge=0,
        le=1,
        description="each pause between passes varies by up to this fraction, so replicas "
        "drift apart",
    )
    jobs_batch_size: int = Field(
        default=50, ge=1, description="sessions one pass of a job claims at most"
    )
    # --- end of background jobs ---
    # --- files (covers, avatars, version assets) ---
    files_backend: Literal["local", "s3"] = Field(
        default="local",
        description="object store of uploaded files: `local` (a folder, the embedded default; "
        "uploads and downloads go through this server's signed `/files/...` routes) or `s3`",
    )
    files_dir: Path = Field(
        default=Path("rangex-files"), description="local store: the folder holding the objects"
    )
    files_base_url: str = Field(
        default="",
        description="local store: this server's public URL, prefixed to its upload and "
        "download links (e.g. https://rangex.example.org); empty: links relative to the API",
    )
    files_s3_bucket: str = Field(default="", description="S3 store: the bucket (must exist)")
    files_s3_region: str = Field(default="us-east-1", description="S3 store: AWS region")
    files_s3_endpoint_url: str | None = Field(
        default=None, description="S3 store: endpoint of an S3-compatible service; unset: AWS"
    )
    files_url_seconds: int = Field(
        default=300,
        ge=10,
        le=86_400,
        description="lifetime of presigned upload and download links, and of a pending upload",
    )
    files_user_quota_bytes: int = Field(
        default=268_435_456,
        ge=0,
        description="bytes one user may store (pending uploads count); default 256 MiB",
    )
    files_total_quota_bytes: int = Field(
        default=21_474_836_480,
        ge=0,
        description="bytes all users together may store (pending uploads count); default 20 GiB",
    )
    files_cover_max_bytes: int = Field(
        default=5_242_880, ge=1, description="largest version cover image; default 5 MiB"
    )
    files_avatar_max_bytes: int = Field(
        default=1_048_576, ge=1, description="largest avatar image; default 1 MiB"
    )
    files_asset_max_bytes: int = Field(
        default=52_428_800, ge=1, description="largest version asset; default 50 MiB"
    )
    jobs_files_interval_seconds: float = Field(
        default=60,
        gt=0,
        description="seconds between two passes of the job removing abandoned uploads",
    )
    # --- end of files ---
    # --- answers and scoring (services/sessions/answers.py) ---
    answer_grace_minutes: int = Field(
        default=15,
        ge=0,
        description="minutes after a session expired during which its learner may still "
        "submit answers (never after a termination)",
    )
    answer_regex_timeout_ms: int = Field(
        default=50,
        ge=1,
        le=5_000,
        description="milliseconds one answer to a regular-expression short answer may spend "
        "matching its patterns; past it the answer is wrong (`timedOut`) and audited",
    )
    # --- end of answers and scoring ---
    # --- live subscriptions and broker (broker/, api/subscriptions) ---
    ws_legacy_protocol: bool = Field(
        default=False,
        description="also serve the legacy `graphql-ws` WebSocket protocol "
        "(subscriptions-transport-ws) beside `graphql-transport-ws`",
    )
    ws_compression: bool = Field(
        default=False,
        description="accept permessage-deflate on WebSockets: less bandwidth, about 50 KiB "
        "more memory per connection",
    )
    ws_keepalive_seconds: float = Field(
        default=15.0, ge=0, description="seconds between keep-alive pings on a WebSocket; 0: none"
    )
    ws_connection_init_timeout_seconds: float = Field(
        default=10.0,
        gt=0,
        description="seconds a WebSocket may take to send `connection_init` (closed with 4408)",
    )
    ws_max_subscriptions: int = Field(
        default=20, ge=1, description="most subscriptions one WebSocket connection may hold"
    )
    ws_allowed_origins: list[str] = Field(
        default_factory=list,
        description="browser origins allowed to open a WebSocket (JSON list, e.g. "
        '["https://range.example"]); empty: any origin (the token travels in '
        "`connection_init`, not in a cookie)",
    )
    subscription_queue_size: int = Field(
        default=32,
        ge=1,
        description="results queued per subscriber; a slower consumer loses the oldest and "
        "its next result carries `extensions.missed`",
    )
    subscription_shared_execution: bool = Field(
        default=True,
        description="subscribers with the same document, variables and visibility share one "
        "execution per event (off: one execution per subscriber, for comparison)",
    )
    platform_activity_interval_seconds: float = Field(
        default=1.0, ge=0, description="`platformActivity` pushes at most once per this interval"
    )
    broker_reconnect_seconds: list[PositiveFloat] = Field(
        default_factory=lambda: [0.05, 0.1, 0.2, 0.5, 1.0, 2.0],
        min_length=1,
        description="waits before each new attempt after the Redis pub/sub connection is "
        "lost, the last one repeated (JSON list)",
    )
    expiry_warning_minutes: list[int] = Field(
        default_factory=lambda: [10],
        description="minutes before a session expires at which its learner is notified, once "
        "(JSON list; the largest that applies is used)",
    )

    @field_validator("ws_allowed_origins")
    @classmethod
    def _valid_ws_origins(cls, value: list[str]) -> list[str]:
        return [origin.strip().lower().rstrip("/") for origin in value]

    # --- end of live subscriptions and broker ---
    # --- persisted queries (api/http/persisted_queries.py) ---
    persisted_queries: PersistedQueriesMode = Field(
        default=PersistedQueriesMode.AUTOMATIC,
        description="persisted queries (Apollo's protocol): `off`; `automatic` (a client may "
        "send a document's SHA-256 instead of its text once the server has seen it); `only` "
        "(allow-list: only documents registered with `persisted-queries register` run)",
    )
    persisted_queries_cache_size: int = Field(
        default=1000,
        ge=1,
        le=1_000_000,
        description="documents kept in each process's memory (least recently used out first): "
        "automatic ones without Redis, and registered ones",
    )
    persisted_queries_cache_bytes: int = Field(
        default=8_388_608,
        ge=1024,
        le=1_073_741_824,
        description="bytes of automatic documents kept in each process's memory (without Redis)",
    )
    persisted_queries_ttl_seconds: int = Field(
        default=86_400,
        ge=1,
        le=2_592_000,
        description="with `RANGEX_REDIS_URL`: seconds an automatic document stays in Redis "
        "after its last use",
    )
    persisted_queries_get_max_age_seconds: int = Field(
        default=0,
        ge=0,
        le=86_400,
        description="`Cache-Control: public, max-age` of a GET of a persisted query without "
        "`Authorization` whose result has no error (CDNs may cache it); 0: `no-store`",
    )
    # --- end of persisted queries ---
    # --- execution plans (api/plans) ---
    execution_plans: bool = Field(
        default=True,
        description="run queries from cached execution plans (`api/plans`); `false` runs "
        "graphql-core's executor for every operation",
    )
    execution_plans_cache_size: int = Field(
        default=512,
        ge=1,
        le=100_000,
        description="plans kept per process, the least recently used dropped first (about "
        "10-35 KB each on the benchmark's documents: docs/execution-plans.md)",
    )
    execution_plans_verify: bool = Field(
        default=False,
        description="testing aid: run every planned query through graphql-core as well and "
        "fail the request on any difference (twice the work; the test suite turns it on)",
    )
    # --- end of execution plans ---
    # --- metrics (observability/, api/http/metrics.py) ---
    metrics_token: SecretStr = Field(
        default=SecretStr(""),
        description="bearer token Prometheus sends to GET /metrics (`Authorization: Bearer "
        "<token>`, at least 32 characters); unset: /metrics answers 404 and no metric is "
        "collected, unless RANGEX_METRICS_ALLOW_UNAUTHENTICATED is set",
    )
    metrics_allow_unauthenticated: bool = Field(
        default=False,
        description="serve /metrics without a token (when none is set): only where the "
        "listen address is private to the scraper (a private network, a sidecar)",
    )
    metrics_max_operation_names: int = Field(
        default=200,
        ge=1,
        le=10_000,
        description="distinct operation names the request metrics label (first come); "
        "later ones are counted as `other`",
    )
    metrics_database_cache_seconds: float = Field(
        default=5.0,
        ge=0,
        le=3600,
        description="how long the metrics read from the database (sessions by state, the "
        "month's spend) are reused before a scrape reads them again",
    )

    @field_validator("metrics_token")
    @classmethod
    def _long_metrics_token(cls, value: SecretStr) -> SecretStr:
        if value.get_secret_value() and len(value.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters (random)")
        return value

    @property
    def metrics_enabled(self) -> bool:
        """Metrics are collected and served: a token is set, or serving them without
        one is allowed explicitly."""
        return bool(self.metrics_token.get_secret_value()) or self.metrics_allow_unauthenticated

    # --- end of metrics ---
    # --- traces (observability/tracing.py, the `otel` extra) ---
    otel_endpoint: str | None = Field(
        default=None,
        description="OTLP/HTTP collector that receives the traces, e.g. "
        "`http://otel-collector:4318` (`/v1/traces` is added); unset: no tracing, "
        "OpenTelemetry is not even imported. Needs `pip install 'rangex-graphql[otel]'`",
    )
    otel_service_name: str = Field(
        default="rangex-graphql",
        min_length=1,
        max_length=100,
        description="`service.name` of the traces' resource",
    )

    @field_validator("otel_endpoint")
    @classmethod
    def _http_otel_endpoint(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL (OTLP over HTTP)")
        return value

    # --- end of traces ---
    # --- creator test runs (services/testruns) ---
    require_passed_test_run: bool = Field(
        default=False,
        description="versionSubmit refuses a version without a PASSED test run "
        "(TEST_RUN_REQUIRED); otherwise it only warns",
    )
    test_run_session_minutes: int = Field(
        default=30, ge=30, le=480, description="the running time a test run's session asks for"
    )
    test_run_timeout_seconds: float = Field(
        default=900,
        gt=0,
        description="a test run still DEPLOYING or TESTING this long after it started is "
        "marked FAILED by a job (its process died) and its session terminated",
    )
    test_run_probe_timeout_seconds: float = Field(
        default=3, gt=0, le=60, description="seconds each network probe of a test run may take"
    )
    jobs_test_run_timeout_interval_seconds: float = Field(
        default=60, gt=0, description="seconds between two passes of the test run timeout job"
    )
    # --- end of creator test runs ---
    # --- platform settings at run time (services/platform_settings) ---
    # The fields above that an admin changes at run time (session_max_per_user,
    # session_idle_minutes, session_platform_max_active/_users, files_*_quota_bytes) and
    # these are only the defaults of the one settings record, copied when it is created.
    platform_registrations_open: bool = Field(
        default=True,
        description="default of the run-time setting: new accounts may register",
    )
    platform_max_users: int | None = Field(
        default=None,
        ge=1,
        description="default of the run-time setting: most accounts on the platform (a "
        "registration beyond it is refused); unset: no cap",
    )
    platform_max_machines: int | None = Field(
        default=None,
        ge=1,
        description="default of the run-time setting: most machines (containers) of active "
        "sessions on the whole platform; unset: no cap",
    )
    session_starts_per_hour: int = Field(
        default=10,
        ge=1,
        le=10_000,
        description="default of the run-time setting: session starts per user in any 60 minutes",
    )
    session_starts_per_day: int = Field(
        default=50,
        ge=1,
        le=100_000,
        description="default of the run-time setting: session starts per user in any 24 hours",
    )
    session_max_minutes: int = Field(
        default=480,
        ge=30,
        le=1440,
        description="default of the run-time setting: the longest duration a session may ask "
        "for, in minutes",
    )
    platform_settings_refresh_seconds: float = Field(
        default=5.0,
        gt=0,
        le=3600,
        description="each replica re-reads the run-time settings this often, besides on the "
        "broker's change message, so one that missed a message converges",
    )
    # --- end of platform settings ---
    # --- admin user management (services/users) ---
    invitation_hours: int = Field(
        default=72,
        ge=1,
        le=720,
        description="how long the code of a userCreate invitation mail works, in hours "
        "(a fresh passwordResetRequest sends a new one)",
    )
    data_export_max: int = Field(
        default=5, ge=1, le=1000, description="viewerDataExport calls of one user per window"
    )
    data_export_window_seconds: int = Field(
        default=3600, ge=1, le=86400, description="window of those exports, in seconds"
    )
    data_export_max_rows: int = Field(
        default=10000,
        ge=100,
        le=1000000,
        description="at most this many rows of each kind in one viewerDataExport (newest "
        "first); the export names the kinds it cut short",
    )
    # --- end of admin user management ---


@lru_cache
def get_settings() -> Settings:
    return Settings()
