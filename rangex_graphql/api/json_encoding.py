"""The JSON the API writes: HTTP response bodies and WebSocket messages (both protocols).

orjson, measured against msgspec and the standard library on the HTTP benchmark's responses
(``benchmarks/json_encoding.py``, docs/benchmarks.md). What a value becomes:

- a string: UTF-8 as it is, not ``\\u`` escapes; a string holding a lone surrogate (not
  Unicode, so not encodable as UTF-8: it can reach us from a client's ``\\ud800`` escape
  echoed in an error message) has the whole document written by the standard library,
  ASCII only with ``\\u`` escapes, as the API always did: valid JSON, never a crash;
- an integer beyond 64 bits, a dict key that is not a string, nesting deeper than orjson
  goes: the standard library too (exact digits, keys as it writes them);
- NaN and ±Infinity: ``null`` (JSON has no such numbers);
- ``Decimal``: its digits as a string, as the ``Decimal`` scalar serialises it;
  ``datetime``/``date``/``time``: ISO 8601; ``UUID``: its canonical form; an enum: its value;
- any other type: ``str(value)``.

GraphQL results hold only JSON types once graphql-core has serialised their scalars; the
rules above matter for ``JSON`` scalar values, ``extensions`` and error messages.
"""

from __future__ import annotations

import json
import math
from datetime import date, datetime, time
from enum import Enum
from typing import Any

import orjson

__all__ = ["to_json", "to_json_bytes"]


def to_json_bytes(data: object) -> bytes:
    """``data`` as compact UTF-8 JSON: an HTTP body."""
    try:
        return orjson.dumps(data, default=_default)
    except orjson.JSONEncodeError:
        return _standard(data).encode("ascii")


def to_json(data: object) -> str:
    """``data`` as compact JSON text: a WebSocket text frame."""
    try:
        return orjson.dumps(data, default=_default).decode()
    except orjson.JSONEncodeError:
        return _standard(data)


def _default(value: Any) -> Any:
    """What orjson does not know. (Enums, UUIDs and dates it writes itself.)"""
    return str(value)


def _standard(data: object) -> str:
    # ensure_ascii (the default): a lone surrogate becomes an escape, not an encoding error.
    return json.dumps(_finite(data), separators=(",", ":"), default=_standard_default)


def _standard_default(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return str(value)


def _finite(value: Any) -> Any:
    """``value`` with NaN and infinities as None, as orjson writes them."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value
