"""Browser-facing protections of every HTTP response: CORS and security headers.

``SecurityHeaders`` is a pure ASGI middleware (no ``BaseHTTPMiddleware``: that one buffers
each response through a task and breaks streaming). It adds, unless the response set its
own (GraphiQL's page sends a Content-Security-Policy it works under, and keeps it):

- ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``,
  ``X-Frame-Options: DENY``;
- ``Content-Security-Policy: default-src 'none'; frame-ancestors 'none'``: API responses
  are JSON, never a document to render;
- ``Strict-Transport-Security`` on requests that arrived over https (the ASGI scheme;
  behind a TLS-terminating proxy, run uvicorn with ``--proxy-headers`` and
  ``--forwarded-allow-ips``), or on every response with ``hsts`` set.

CORS is Starlette's ``CORSMiddleware``, installed only when ``cors_origins`` is set: other
origins get no CORS headers, and a browser keeps their scripts from reading responses.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ...settings import Settings

API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"
HSTS = "max-age=31536000"
HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Content-Security-Policy", API_CONTENT_SECURITY_POLICY),
)
CORS_METHODS = ("GET", "POST")
CORS_HEADERS = ("Authorization", "Content-Type", "X-Request-Id")
CORS_MAX_AGE_SECONDS = 600


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, hsts: bool = False) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        strict_transport = self.hsts or scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS:
                    headers.setdefault(name, value)
                if strict_transport:
                    headers.setdefault("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def security_middleware(settings: Settings) -> list[Middleware]:
    """Outermost first: security headers (so CORS preflight answers get them too), CORS."""
    if "*" in settings.cors_origins and settings.cors_allow_credentials:
        raise ValueError(
            "RANGEX_CORS_ORIGINS must name origins when RANGEX_CORS_ALLOW_CREDENTIALS is "
            "set: `*` with credentials would let any site act as its visitors"
        )
    middleware = [Middleware(SecurityHeaders, hsts=settings.hsts)]
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_methods=CORS_METHODS,
                allow_headers=CORS_HEADERS,
                allow_credentials=settings.cors_allow_credentials,
                max_age=CORS_MAX_AGE_SECONDS,
            )
        )
    return middleware
