"""Small checks on one value, shared by the authoring rules."""

from __future__ import annotations

from enum import Enum


def at(prefix: str, name: str | int) -> str:
    """A field path below ``prefix``: ``at("machines.1", "cpu")`` is ``machines.1.cpu``."""
    return f"{prefix}.{name}" if prefix else str(name)


def text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def is_member(value: object, enum: type[Enum]) -> bool:
    try:
        enum(value)
    except ValueError:
        return False
    return True


def positive_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def in_range(value: object, bounds: tuple[int, int]) -> bool:
    """An integer (not a boolean) within ``bounds``, both ends included."""
    low, high = bounds
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
