"""``GET /metrics``: the app's metrics in Prometheus's text format.

There only when metrics are enabled (``RANGEX_METRICS_TOKEN``, or
``RANGEX_METRICS_ALLOW_UNAUTHENTICATED``); otherwise the path is unknown (404). With a
token, a scrape must send ``Authorization: Bearer <token>``, compared in constant time;
without it or with another one the answer is 401 with an empty body, and the refusal is
logged in one line (the client's address, never what it sent).

The database gauges (sessions by state, the month's spend) are read before answering, at
most once per ``RANGEX_METRICS_DATABASE_CACHE_SECONDS`` (``observability/database_gauges.py``).
"""

from __future__ import annotations

import hmac
import logging

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from ...observability.database_gauges import DatabaseFigures
from ...observability.metrics import CONTENT_TYPE, Metrics
from ...security.client_ip import client_ip
from ...services.budgets.spend import month_spend_rm
from ...services.sessions.counts import sessions_by_state
from ...settings import Settings

log = logging.getLogger(__name__)

NO_STORE = {"Cache-Control": "no-store"}


async def read_database_figures() -> DatabaseFigures:
    counts = await sessions_by_state()
    return DatabaseFigures(
        sessions_by_state={state.value: count for state, count in counts.items()},
        month_spend_rm=await month_spend_rm(),
    )


def bearer_matches(authorization: str | None, token: bytes) -> bool:
    """``Authorization: Bearer <token>``, the token compared in constant time."""
    scheme, _, credentials = (authorization or "").partition(" ")
    # Header values arrive decoded as latin-1: encoding back gives the bytes sent.
    sent = credentials.strip().encode("latin-1", "replace")
    return hmac.compare_digest(sent, token) and scheme.lower() == "bearer"


def metrics_routes(settings: Settings, metrics: Metrics | None) -> list[BaseRoute]:
    if metrics is None:
        return []
    token = settings.metrics_token.get_secret_value().encode("utf-8")

    async def scrape(request: Request) -> Response:
        if token and not bearer_matches(request.headers.get("authorization"), token):
            log.info(
                "GET /metrics refused: %s bearer token (client %s)",
                "a wrong" if "authorization" in request.headers else "no",
                client_ip(request, settings.trusted_proxy_networks),
            )
            return Response(status_code=401, headers={"WWW-Authenticate": "Bearer", **NO_STORE})
        await metrics.database.refresh(read_database_figures)
        return Response(metrics.exposition(), media_type=CONTENT_TYPE, headers=NO_STORE)

    return [Route("/metrics", scrape, methods=["GET", "HEAD"], name="metrics")]
