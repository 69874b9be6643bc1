from __future__ import annotations

import gc

import pytest
from pydantic import SecretStr

from rangex_graphql.app import GC_THRESHOLDS, ConfigurationError, create_app, tune_garbage_collector
from rangex_graphql.settings import Settings


def test_mysql_without_a_secret_key_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="RANGEX_SECRET_KEY"):
        create_app(Settings(database_url="mysql://root@127.0.0.1:3306/test"))
    create_app(
        Settings(database_url="mysql://root@127.0.0.1:3306/test", secret_key=SecretStr("x" * 48))
    )
    create_app(Settings(database_url="sqlite://:memory:"))


def test_garbage_collector_is_tuned_after_start_up() -> None:
    before = gc.get_threshold()
    try:
        tune_garbage_collector()
        assert gc.get_threshold() == GC_THRESHOLDS
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_password_hashing_concurrency_comes_from_the_settings() -> None:
    from rangex_graphql.security.passwords import configure_password_hashing, get_password_hashing

    try:
        create_app(Settings(database_url="sqlite://:memory:", password_hash_concurrency=3))
        assert get_password_hashing().max_concurrent == 3
    finally:
        configure_password_hashing()
