"""The values a team is made of: each rule a payload error at its input field."""

from __future__ import annotations

import re

from ..errors import DomainError
from .errors import TeamCode

NAME_MAX_LENGTH = 80
MOTTO_MAX_LENGTH = 160
DESCRIPTION_MAX_LENGTH = 2_000
MESSAGE_MAX_LENGTH = 500
COUNTRY = re.compile(r"[A-Z]{2}")


def _invalid(message: str, field: str) -> DomainError:
    return DomainError(TeamCode.INVALID_VALUE, message, field)


def clean_name(name: str, field: str = "input.name") -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise _invalid("a team needs a name", field)
    if len(cleaned) > NAME_MAX_LENGTH:
        raise _invalid(f"at most {NAME_MAX_LENGTH} characters", field)
    return cleaned


def clean_text(value: str, limit: int, field: str) -> str:
    cleaned = value.strip()
    if len(cleaned) > limit:
        raise _invalid(f"at most {limit} characters", field)
    return cleaned


def clean_country(country: str | None, field: str = "input.country") -> str | None:
    """ISO 3166-1 alpha-2 as two upper-case letters; empty or null: none."""
    if not country:
        return None
    if COUNTRY.fullmatch(country) is None:
        raise _invalid("an ISO 3166-1 alpha-2 code: two upper-case letters, such as MY", field)
    return country
