"""GraphiQL served offline: the page, its bootstrap script and its npm assets, all from this app.

Ranges are air-gapped, so nothing comes from a CDN. GraphiQL 3's UMD bundle (which carries
graphql-js and graphql-ws inside) and React 18's UMD builds arrive through npm
(``npm ci`` at the repository root fills ``node_modules/``); only the files in ``ASSETS``
are served, under ``/graphiql/assets/<name>``, with a content hash in the page's URLs so
they can be cached for a year. The page has no inline script, so it runs under
``PAGE_HEADERS``' Content-Security-Policy.
"""

from __future__ import annotations

import hashlib
import html
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

import rangex_graphql

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
ASSETS_PATH = "/graphiql/assets"
JS = "text/javascript; charset=utf-8"
CSS = "text/css; charset=utf-8"
SVG = "image/svg+xml"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        # GraphiQL's editors and popovers set style attributes at run time.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",  # graphiql.min.css inlines its fonts
        "connect-src 'self'",  # fetch to /graphql and ws(s):// to the same host
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}
ASSET_CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
ASSET_CACHE_REVALIDATE = "no-cache"


@dataclass(frozen=True)
class Asset:
    name: str  # the URL's last segment
    path: str  # relative to node_modules/ when from_npm, else to static/
    media_type: str
    from_npm: bool


ASSETS: tuple[Asset, ...] = (
    Asset("graphiql.min.css", "graphiql/graphiql.min.css", CSS, from_npm=True),
    Asset("rangex-graphiql.css", "graphiql.css", CSS, from_npm=False),
    Asset("react.production.min.js", "react/umd/react.production.min.js", JS, from_npm=True),
    Asset(
        "react-dom.production.min.js",
        "react-dom/umd/react-dom.production.min.js",
        JS,
        from_npm=True,
    ),
    Asset("graphiql.min.js", "graphiql/graphiql.min.js", JS, from_npm=True),
    Asset("rangex-graphiql.js", "graphiql.js", JS, from_npm=False),
    # Named by the pages, so browsers do not ask for /favicon.ico (a 404 in their console).
    Asset("favicon.svg", "favicon.svg", SVG, from_npm=False),
)
ASSETS_BY_NAME = {asset.name: asset for asset in ASSETS}
INSTALL_COMMAND = "npm ci"


def default_assets_dir() -> Path:
    """``node_modules/`` at the repository root, where ``npm ci`` puts it."""
    return Path(rangex_graphql.__file__).resolve().parent.parent / "node_modules"


@lru_cache(maxsize=64)
def _content_hash(path: Path, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _version(path: Path) -> str | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return _content_hash(path, stat.st_mtime_ns, stat.st_size)


class GraphiQL:
    def __init__(self, assets_dir: Path, assets_path: str = ASSETS_PATH) -> None:
        self.assets_dir = assets_dir
        self.assets_path = assets_path

    def file(self, asset: Asset) -> Path:
        return (self.assets_dir if asset.from_npm else STATIC_DIR) / asset.path

    def missing(self) -> list[Asset]:
        return [asset for asset in ASSETS if not self.file(asset).is_file()]

    def _url(self, request: Request, asset: Asset) -> str:
        root_path = request.scope.get("root_path", "")
        version = _version(self.file(asset)) or "missing"
        return html.escape(f"{root_path}{self.assets_path}/{asset.name}?v={version}")

    def page(self, request: Request) -> Response:
        missing = self.missing()
        if missing:
            log.warning(
                "GraphiQL assets missing from %s: %s; run `%s` at the repository root",
                self.assets_dir,
                ", ".join(asset.path for asset in missing),
                INSTALL_COMMAND,
            )
            return HTMLResponse(
                self._missing_page(request, missing), status_code=503, headers=PAGE_HEADERS
            )
        styles = "".join(
            f'<link rel="stylesheet" href="{self._url(request, asset)}">\n'
            for asset in ASSETS
            if asset.media_type == CSS
        )
        scripts = "".join(
            f'<script defer src="{self._url(request, asset)}"></script>\n'
            for asset in ASSETS
            if asset.media_type == JS
        )
        icon = self._icon_link(request)
        endpoint = html.escape(request.url.path)
        return HTMLResponse(
            f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>RangeX GraphQL · GraphiQL</title>
{icon}{styles}{scripts}</head>
<body>
<div id="graphiql" data-endpoint="{endpoint}"><p class="rangex-note">Loading GraphiQL…</p></div>
<noscript><p class="rangex-note">GraphiQL needs JavaScript.</p></noscript>
</body>
</html>
""",
            headers=PAGE_HEADERS,
        )

    def _icon_link(self, request: Request) -> str:
        href = self._url(request, ASSETS_BY_NAME["favicon.svg"])
        return f'<link rel="icon" type="{SVG}" href="{href}">\n'

    def _missing_page(self, request: Request, missing: list[Asset]) -> str:
        css = ASSETS_BY_NAME["rangex-graphiql.css"]
        files = "".join(
            f"<li><code>node_modules/{html.escape(asset.path)}</code></li>" for asset in missing
        )
        return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>RangeX GraphQL · GraphiQL not installed</title>
{self._icon_link(request)}<link rel="stylesheet" href="{self._url(request, css)}">
</head>
<body>
<main class="rangex-note">
<h1>GraphiQL is not installed on this server</h1>
<p>The API at this URL works; only the GraphiQL page needs its browser files, which this
server serves itself (no CDN). Install them from the repository root with:</p>
<pre><code>{INSTALL_COMMAND}</code></pre>
<p>or point <code>RANGEX_GRAPHIQL_ASSETS_DIR</code> at a <code>node_modules</code> folder that
holds them, then reload this page. Missing files:</p>
<ul>{files}</ul>
</main>
</body>
</html>
"""

    async def serve_asset(self, request: Request) -> Response:
        asset = ASSETS_BY_NAME.get(request.path_params["path"])
        if asset is None:
            return PlainTextResponse("Not Found", status_code=404)
        path = self.file(asset)
        version = _version(path)
        if version is None:
            return PlainTextResponse(
                f"Not installed: run `{INSTALL_COMMAND}` at the repository root",
                status_code=404,
            )
        cache = (
            ASSET_CACHE_IMMUTABLE
            if request.query_params.get("v") == version
            else ASSET_CACHE_REVALIDATE
        )
        return FileResponse(
            path,
            media_type=asset.media_type,
            headers={"Cache-Control": cache, "X-Content-Type-Options": "nosniff"},
        )

    def asset_route(self) -> Route:
        return Route(
            f"{self.assets_path}/{{path:path}}",
            self.serve_asset,
            methods=["GET", "HEAD"],
            name="graphiql_asset",
        )
