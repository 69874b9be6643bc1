"""``api/json_encoding``: orjson where it can, the standard library where orjson refuses,
the same JSON from both paths."""

from __future__ import annotations

import enum
import json
import math
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any
from uuid import UUID

import orjson
import pytest

from rangex_graphql.api.json_encoding import to_json, to_json_bytes
from rangex_graphql.api.subscriptions.fanout import encode_result


class Colour(enum.Enum):
    RED = "red"


WHEN = datetime(2026, 12, 7, 6, 0, 0, 123456, tzinfo=UTC)
BIG = 2**70

# (value, what it decodes to); every value once alone (orjson's path when it can) and
# once beside a big int, which sends the whole document down the standard library's path.
CASES: list[tuple[Any, Any]] = [
    ("héllo — 日本 🛡", "héllo — 日本 🛡"),
    (Decimal("12.50"), "12.50"),
    (WHEN, "2026-12-07T06:00:00.123456+00:00"),
    (datetime(2026, 12, 7, 6, 0), "2026-12-07T06:00:00"),
    (date(2026, 12, 7), "2026-12-07"),
    (time(6, 30, 1), "06:30:01"),
    (UUID("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"), "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"),
    (Colour.RED, "red"),
    (2**63, 2**63),
    (math.nan, None),
    (-math.inf, None),
    ([1.5, (2, 3)], [1.5, [2, 3]]),
    ({"nested": {"nan": math.inf}}, {"nested": {"nan": None}}),
]


def strict_loads(text: str | bytes) -> Any:
    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize(("value", "expected"), CASES)
def test_both_paths_write_the_same_json(value: Any, expected: Any) -> None:
    assert strict_loads(to_json_bytes(value)) == expected
    assert strict_loads(to_json(value)) == expected
    beside_a_big_int = {"big": BIG, "value": value}
    with pytest.raises(orjson.JSONEncodeError):
        orjson.dumps(beside_a_big_int)  # the case reaches the fallback
    assert strict_loads(to_json_bytes(beside_a_big_int)) == {"big": BIG, "value": expected}
    assert strict_loads(to_json(beside_a_big_int)) == {"big": BIG, "value": expected}


def test_compact_utf8_not_escapes() -> None:
    assert to_json_bytes({"a": [1, "é"]}) == '{"a":[1,"é"]}'.encode()
    assert to_json({"a": [1, "é"]}) == '{"a":[1,"é"]}'


@pytest.mark.parametrize("value", [2**64, -(2**63) - 1, 10**40])
def test_integers_beyond_64_bits_keep_every_digit(value: int) -> None:
    assert to_json_bytes([value]) == f"[{value}]".encode()
    assert to_json({"n": value}) == f'{{"n":{value}}}'


def test_a_lone_surrogate_is_written_as_an_ascii_escape() -> None:
    document = {"text": "é\ud800", "ok": True}
    encoded = to_json_bytes(document)
    assert encoded == b'{"text":"\\u00e9\\ud800","ok":true}'
    assert to_json(document) == encoded.decode()
    assert strict_loads(encoded) == document


def test_keys_that_are_not_strings_are_written_as_the_standard_library_does() -> None:
    assert strict_loads(to_json({1: "a", None: "b", False: "c"})) == {
        "1": "a",
        "null": "b",
        "false": "c",
    }


def test_unknown_types_are_written_as_their_str() -> None:
    class Thing:
        def __str__(self) -> str:
            return "a thing"

    assert strict_loads(to_json({"t": Thing()})) == {"t": "a thing"}
    assert strict_loads(to_json({"t": Thing(), "big": BIG})) == {"t": "a thing", "big": BIG}


def test_a_shared_subscription_result_is_encoded_once_with_these_rules() -> None:
    from graphql import ExecutionResult

    encoded = encode_result(
        ExecutionResult({"when": WHEN, "price": Decimal("1.10"), "big": BIG, "x": math.nan}),
        "req-1",
    )
    assert isinstance(encoded, str)
    assert strict_loads(encoded) == {
        "data": {"when": "2026-12-07T06:00:00.123456+00:00", "price": "1.10", "big": BIG, "x": None}
    }
