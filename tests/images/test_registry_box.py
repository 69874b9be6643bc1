"""Registry secrets sealed with AES-GCM under the server key's subkey, and key rotation."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from rangex_graphql.security.keys import Purpose, subkey
from rangex_graphql.security.registry_box import (
    RegistrySecretUnreadable,
    key_id,
    open_registry_secret,
    seal_registry_secret,
    sealed_with_current_key,
)
from rangex_graphql.settings import Settings

OLD = "o" * 48
NEW = "n" * 48
HOST = "registry.example.com:5000"


def keyed(current: str, *previous: str) -> Settings:
    return Settings(
        database_url="sqlite://:memory:",
        secret_key=SecretStr(current),
        previous_secret_keys=[SecretStr(k) for k in previous],
    )


def test_a_sealed_secret_opens_and_shows_nothing_of_itself() -> None:
    settings = keyed(OLD)
    sealed = seal_registry_secret(settings, HOST, "hunter2-token")
    assert "hunter2" not in sealed
    prefix, kid, _ = sealed.split(".", 2)
    assert (prefix, kid) == ("rc1", key_id(subkey(OLD, Purpose.REGISTRY_CREDENTIAL)))
    assert open_registry_secret(settings, HOST, sealed) == "hunter2-token"
    # A fresh nonce each time: the same secret never seals to the same text.
    assert seal_registry_secret(settings, HOST, "hunter2-token") != sealed


def test_after_a_rotation_old_secrets_open_and_new_ones_use_the_new_key() -> None:
    before = seal_registry_secret(keyed(OLD), HOST, "old-secret")
    rotated = keyed(NEW, OLD)
    assert open_registry_secret(rotated, HOST, before) == "old-secret"
    assert not sealed_with_current_key(rotated, before)
    after = seal_registry_secret(rotated, HOST, "new-secret")
    assert sealed_with_current_key(rotated, after)
    assert after.split(".")[1] == key_id(subkey(NEW, Purpose.REGISTRY_CREDENTIAL))
    # Once the old key is dropped, what it sealed no longer opens; the new one still does.
    dropped = keyed(NEW)
    with pytest.raises(RegistrySecretUnreadable):
        open_registry_secret(dropped, HOST, before)
    assert open_registry_secret(dropped, HOST, after) == "new-secret"


def test_an_altered_or_moved_secret_does_not_open() -> None:
    settings = keyed(OLD)
    sealed = seal_registry_secret(settings, HOST, "secret")
    body = sealed.rsplit(".", 1)[1]
    flipped = sealed[: -len(body)] + ("A" if body[0] != "A" else "B") + body[1:]
    with pytest.raises(RegistrySecretUnreadable):
        open_registry_secret(settings, HOST, flipped)
    # The host is the associated data: the row of another registry cannot borrow it.
    with pytest.raises(RegistrySecretUnreadable):
        open_registry_secret(settings, "other.example.com", sealed)
    with pytest.raises(RegistrySecretUnreadable):
        open_registry_secret(settings, HOST, "not-sealed")
    # The server key's other subkeys (the secret box's) are not this one.
    assert subkey(OLD, Purpose.REGISTRY_CREDENTIAL) != subkey(OLD, Purpose.SECRET_BOX)
