"""The server key: generated and kept for the embedded default, required elsewhere, and
split into one subkey per use."""

from __future__ import annotations

import hashlib
import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from uuid import uuid4

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey
from pydantic import SecretStr

from rangex_graphql.app import ConfigurationError, create_app
from rangex_graphql.security import keys
from rangex_graphql.security.keys import (
    Purpose,
    SecretKeyError,
    check_secret_key,
    current_key,
    load_or_create_key_file,
)
from rangex_graphql.security.secret_box import open_sealed, seal
from rangex_graphql.security.tokens import issue_access_token, verify_access_token
from rangex_graphql.services.sessions import flags
from rangex_graphql.settings import Settings

# The fixed key earlier versions shipped as their default: published, so anyone can sign.
FORMER_PUBLIC_KEY = "dev-insecure-change-me-dev-insecure-change-me"
KEY = "k" * 48


def sqlite_settings(tmp_path: Path, **fields: object) -> Settings:
    return Settings(database_url=f"sqlite://{tmp_path / 'rangex.sqlite3'}", **fields)  # type: ignore[arg-type]


def test_without_a_key_sqlite_generates_one_file_with_mode_0600_and_reuses_it(
    tmp_path: Path,
) -> None:
    key_file = tmp_path / "rangex.sqlite3.secret-key"

    first = current_key(sqlite_settings(tmp_path))

    assert key_file.exists()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(first) >= keys.MIN_KEY_LENGTH
    assert load_or_create_key_file(key_file) == first  # a restart reads the same key
    assert list(tmp_path.iterdir()) == [key_file]  # no temporary file left behind


def test_processes_starting_together_end_with_one_key(tmp_path: Path) -> None:
    key_file = tmp_path / "db.secret-key"
    with ThreadPoolExecutor(max_workers=8) as pool:
        found = set(pool.map(lambda _: load_or_create_key_file(key_file), range(32)))
    assert len(found) == 1
    assert found == {key_file.read_text().strip()}


def test_a_damaged_key_file_is_refused_not_replaced(tmp_path: Path) -> None:
    key_file = tmp_path / "db.secret-key"
    key_file.write_text("short\n")
    with pytest.raises(SecretKeyError, match="damaged"):
        load_or_create_key_file(key_file)


def test_listening_beyond_loopback_without_a_key_is_refused(tmp_path: Path) -> None:
    settings = sqlite_settings(tmp_path)
    for host in ("0.0.0.0", "::", "192.168.1.10", "rangex.example"):
        with pytest.raises(SecretKeyError, match="RANGEX_SECRET_KEY"):
            check_secret_key(settings, host)
    for host in ("127.0.0.1", "::1", "localhost"):
        check_secret_key(settings, host)
    check_secret_key(sqlite_settings(tmp_path, secret_key=SecretStr(KEY)), "0.0.0.0")


def test_the_app_factory_refuses_a_public_listen_address_without_a_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="RANGEX_SECRET_KEY"):
        create_app(sqlite_settings(tmp_path, host="0.0.0.0"))


def test_mysql_without_a_key_is_refused() -> None:
    settings = Settings(database_url="mysql://root@127.0.0.1:3306/test")
    with pytest.raises(SecretKeyError, match="MySQL"):
        check_secret_key(settings, "127.0.0.1")


def test_the_former_public_key_and_short_keys_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SecretKeyError, match="published"):
        check_secret_key(sqlite_settings(tmp_path, secret_key=SecretStr(FORMER_PUBLIC_KEY)), "::1")
    with pytest.raises(SecretKeyError, match="at least"):
        check_secret_key(sqlite_settings(tmp_path, secret_key=SecretStr("too-short")), "::1")


def test_a_token_signed_with_the_former_public_key_is_refused(tmp_path: Path) -> None:
    user_id = uuid4()
    claims = {"sub": str(user_id), "gen": 0, "iat": 0, "exp": 4_000_000_000}
    raw = OctKey.import_key(FORMER_PUBLIC_KEY.encode())
    kid = hashlib.sha256(FORMER_PUBLIC_KEY.encode()).hexdigest()[:12]
    derived = keys.subkey(FORMER_PUBLIC_KEY, Purpose.ACCESS_TOKEN)
    forged = [
        jwt.encode({"alg": "HS256", "kid": kid}, claims, raw, algorithms=["HS256"]),
        jwt.encode(
            {"alg": "HS256", "kid": hashlib.sha256(derived).hexdigest()[:12]},
            claims,
            OctKey.import_key(derived),
            algorithms=["HS256"],
        ),
    ]
    # Not with a generated key, nor with the public key kept as a previous key (so that
    # data sealed under it still opens).
    for settings in (
        sqlite_settings(tmp_path),
        sqlite_settings(
            tmp_path,
            secret_key=SecretStr(KEY),
            previous_secret_keys=[SecretStr(FORMER_PUBLIC_KEY)],
        ),
    ):
        for token in forged:
            assert verify_access_token(settings, token) is None


def test_a_token_signed_with_the_raw_key_is_refused_one_with_its_subkey_accepted(
    tmp_path: Path,
) -> None:
    settings = sqlite_settings(tmp_path, secret_key=SecretStr(KEY))
    claims = {"sub": str(uuid4()), "gen": 0, "iat": 0, "exp": 4_000_000_000}
    kid = hashlib.sha256(KEY.encode()).hexdigest()[:12]
    raw = jwt.encode({"alg": "HS256", "kid": kid}, claims, OctKey.import_key(KEY.encode()))
    assert verify_access_token(settings, raw) is None
    token, _ = issue_access_token(settings, uuid4())
    assert verify_access_token(settings, token) is not None


def test_tokens_sealed_secrets_and_flag_tags_use_different_keys(tmp_path: Path) -> None:
    settings = sqlite_settings(tmp_path, secret_key=SecretStr(KEY))
    derived = {purpose: keys.current_subkey(settings, purpose) for purpose in Purpose}
    assert len(set(derived.values()) | {KEY.encode()}) == len(Purpose) + 1

    # Each use opens with its own subkey and with no other key.
    token, _ = issue_access_token(settings, uuid4())
    jwt.decode(token, OctKey.import_key(derived[Purpose.ACCESS_TOKEN]))
    for other in (derived[Purpose.SECRET_BOX], derived[Purpose.SESSION_FLAG], KEY.encode()):
        with pytest.raises(Exception, match="signature"):
            jwt.decode(token, OctKey.import_key(other))
    flag = flags.new_flag(settings)
    nonce, tag = flags.FLAG_PATTERN.fullmatch(flag).groups()  # type: ignore[union-attr]
    assert tag == flags._tag(derived[Purpose.SESSION_FLAG], nonce)
    assert tag != flags._tag(derived[Purpose.SECRET_BOX], nonce)
    sealed = seal(settings, "machine-password")
    only_other_subkeys = sqlite_settings(tmp_path, secret_key=SecretStr("z" * 48))
    with pytest.raises(Exception, match="opens"):
        open_sealed(only_other_subkeys, sealed)


def test_data_sealed_and_tagged_before_the_subkeys_still_opens(tmp_path: Path) -> None:
    from joserfc import jwe

    settings = sqlite_settings(tmp_path, secret_key=SecretStr(KEY))
    legacy_box = OctKey.import_key(hashlib.sha256(b"rangex-secret-box:" + KEY.encode()).digest())
    sealed = jwe.encrypt_compact({"alg": "dir", "enc": "A256GCM"}, b"JBSWY3DPEHPK3PXP", legacy_box)
    assert open_sealed(settings, sealed) == "JBSWY3DPEHPK3PXP"

    nonce = "0123456789abcdef"
    legacy_tag = flags._tag(flags._legacy_tag_key(KEY), nonce)
    assert flags.minted_here(settings, f"RANGEX{{{nonce}{legacy_tag}}}")
    # After a rotation too, with the former key among the previous ones.
    rotated = sqlite_settings(
        tmp_path, secret_key=SecretStr("r" * 48), previous_secret_keys=[SecretStr(KEY)]
    )
    assert open_sealed(rotated, sealed) == "JBSWY3DPEHPK3PXP"
    assert flags.minted_here(rotated, f"RANGEX{{{nonce}{legacy_tag}}}")
    assert open_sealed(rotated, seal(settings, "after")) == "after"
