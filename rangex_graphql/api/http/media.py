"""Media types of GraphQL over HTTP: which response type a client accepts, which body it sent.

Rules from the GraphQL-over-HTTP draft (https://graphql.github.io/graphql-over-http/draft/):
a client that names ``application/graphql-response+json`` gets it; a client without an
``Accept`` header, or one that only accepts ``application/json`` or a wildcard, gets the
legacy ``application/json`` (the reference implementation, graphql-http, does the same).
"""

from __future__ import annotations

from dataclasses import dataclass

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    quality: float

    def matches(self, media_type: str) -> int:
        """How specifically this range names ``media_type``: 3 exact, 2 type/*, 1 */*, 0 no."""
        type_, _, subtype = media_type.partition("/")
        if self.type == type_ and self.subtype == subtype:
            return 3
        if self.type == type_ and self.subtype == "*":
            return 2
        if self.type == "*" and self.subtype == "*":
            return 1
        return 0


def parse_accept(header: str) -> list[MediaRange]:
    ranges: list[MediaRange] = []
    for part in header.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        type_, slash, subtype = media.lower().partition("/")
        if not slash or not type_ or not subtype:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append(MediaRange(type_, subtype, quality))
    return ranges


def _quality(ranges: list[MediaRange], media_type: str) -> tuple[float, int]:
    """The quality the most specific matching range gives, and that range's specificity."""
    best: tuple[int, float] = (0, 0.0)
    for media_range in ranges:
        specificity = media_range.matches(media_type)
        if specificity > best[0]:
            best = (specificity, media_range.quality)
    return best[1], best[0]


def negotiate_response_type(accept: str | None) -> str | None:
    """The response media type for this ``Accept`` header, or None when neither is acceptable."""
    if accept is None or not accept.strip():
        return JSON
    ranges = parse_accept(accept)
    graphql_quality, graphql_specificity = _quality(ranges, GRAPHQL_RESPONSE_JSON)
    json_quality, _ = _quality(ranges, JSON)
    if graphql_quality > json_quality:
        return GRAPHQL_RESPONSE_JSON
    if json_quality > graphql_quality:
        return JSON
    if graphql_quality == 0.0:
        return None
    # Equal preference: the modern type when the client names it, the legacy one otherwise.
    return GRAPHQL_RESPONSE_JSON if graphql_specificity == 3 else JSON


def is_json_request_body(content_type: str | None) -> bool:
    """True for ``application/json`` with no charset or a UTF-8 one."""
    if not content_type:
        return False
    media, *params = (piece.strip() for piece in content_type.split(";"))
    if media.lower() != JSON:
        return False
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip('"').lower() not in (
            "utf-8",
            "utf8",
        ):
            return False
    return True


def accepts_html(accept: str | None) -> bool:
    """True when a browser asks for a page (``text/html`` named with a non-zero quality)."""
    if not accept:
        return False
    return any(
        media_range.matches("text/html") == 3 and media_range.quality > 0
        for media_range in parse_accept(accept)
    )
