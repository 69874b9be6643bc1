"""Reaching the MySQL/MariaDB server tests run against, without Tortoise."""

from __future__ import annotations

from urllib.parse import unquote, urlparse

import pymysql


def _connect_args(url: str) -> dict[str, object]:
    parsed = urlparse(url)
    return {
        "host": parsed.hostname or "127.0.0.1",
        "port": parsed.port or 3306,
        "user": unquote(parsed.username or "root"),
        "password": unquote(parsed.password or ""),
        "connect_timeout": 3,
    }


def mysql_reachable(url: str) -> str | None:
    """None when the server answers, else the reason it does not."""
    try:
        pymysql.connect(**_connect_args(url)).close()
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return str(exc)
    return None


def reset_mysql_database(url: str) -> None:
    """Drop and re-create the URL's database so a run starts from nothing."""
    name = urlparse(url).path.lstrip("/")
    conn = pymysql.connect(**_connect_args(url))
    try:
        with conn.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS `{name}`")
            cur.execute(
                f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
            )
    finally:
        conn.close()


def drop_mysql_database(url: str) -> None:
    name = urlparse(url).path.lstrip("/")
    conn = pymysql.connect(**_connect_args(url))
    try:
        with conn.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS `{name}`")
    finally:
        conn.close()
