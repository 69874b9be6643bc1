"""GraphiQL is served by the app itself: page, bootstrap script and an allow-list of assets."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from rangex_graphql.api.http.graphiql import ASSETS, ASSETS_BY_NAME, STATIC_DIR

from .conftest import client_for

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


async def graphiql_page(app: Starlette) -> httpx.Response:
    async with client_for(app) as client:
        return await client.get("/graphql", headers={"accept": BROWSER_ACCEPT})


def asset_urls(page: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]+)"', page)


async def test_browser_gets_the_graphiql_page(
    app_for: Callable[..., Starlette], assets_dir: Path
) -> None:
    response = await graphiql_page(app_for(graphiql=True, graphiql_assets_dir=assets_dir))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert 'id="graphiql"' in response.text
    assert 'data-endpoint="/graphql"' in response.text


async def test_page_has_no_inline_script_and_a_strict_csp(
    app_for: Callable[..., Starlette], assets_dir: Path
) -> None:
    response = await graphiql_page(app_for(graphiql=True, graphiql_assets_dir=assets_dir))
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", response.text, flags=re.DOTALL)
    assert scripts, "the page loads its scripts"
    for attributes, body in scripts:
        assert 'src="/graphiql/assets/' in attributes
        assert body.strip() == ""
    assert "rangex-graphiql.js" in response.text
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-eval" not in csp
    assert "default-src 'none'" in csp
    assert "//" not in " ".join(asset_urls(response.text)), "no third-party origin"


async def test_every_asset_the_page_names_is_served(
    app_for: Callable[..., Starlette], assets_dir: Path
) -> None:
    app = app_for(graphiql=True, graphiql_assets_dir=assets_dir)
    page = await graphiql_page(app)
    urls = asset_urls(page.text)
    assert len(urls) == len(ASSETS)
    async with client_for(app) as client:
        for url in urls:
            response = await client.get(url.replace("&amp;", "&"))
            assert response.status_code == 200, url
            asset = ASSETS_BY_NAME[url.split("?")[0].rsplit("/", 1)[1]]
            assert response.headers["content-type"] == asset.media_type, url
            assert "immutable" in response.headers["cache-control"], url
            assert "max-age=31536000" in response.headers["cache-control"], url
            assert response.headers["x-content-type-options"] == "nosniff"
            assert len(response.content) > 100, url


async def test_assets_are_the_npm_and_static_files(
    app_for: Callable[..., Starlette], assets_dir: Path
) -> None:
    async with client_for(app_for(graphiql=True, graphiql_assets_dir=assets_dir)) as client:
        graphiql = await client.get("/graphiql/assets/graphiql.min.js")
        bootstrap = await client.get("/graphiql/assets/rangex-graphiql.js")
    assert graphiql.content == (assets_dir / "graphiql/graphiql.min.js").read_bytes()
    assert bootstrap.content == (STATIC_DIR / "graphiql.js").read_bytes()
    assert b"createFetcher" in bootstrap.content
    assert b"subscriptionUrl" in bootstrap.content


async def test_an_asset_without_the_current_version_is_revalidated(
    app_for: Callable[..., Starlette], assets_dir: Path
) -> None:
    async with client_for(app_for(graphiql=True, graphiql_assets_dir=assets_dir)) as client:
        response = await client.get("/graphiql/assets/graphiql.min.js?v=stale")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize(
    "path",
    [
        "graphiql/package.json",
        "react/umd/react.development.js",
        "graphiql.js",
        "../../package.json",
        "%2e%2e/%2e%2e/pyproject.toml",
        "..%2F..%2Fpyproject.toml",
        "graphiql.min.js/../../../pyproject.toml",
        "/etc/passwd",
        "",
    ],
)
async def test_paths_outside_the_allow_list_are_404(
    app_for: Callable[..., Starlette], assets_dir: Path, path: str
) -> None:
    async with client_for(app_for(graphiql=True, graphiql_assets_dir=assets_dir)) as client:
        response = await client.get(f"/graphiql/assets/{path}")
    assert response.status_code == 404
    assert b"[tool." not in response.content


async def test_missing_assets_page_says_how_to_install(
    app_for: Callable[..., Starlette], tmp_path: Path
) -> None:
    app = app_for(graphiql=True, graphiql_assets_dir=tmp_path / "node_modules")
    response = await graphiql_page(app)
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("text/html")
    assert "npm ci" in response.text
    assert "graphiql/graphiql.min.js" in response.text
    async with client_for(app) as client:
        missing = await client.get("/graphiql/assets/graphiql.min.js")
        static = await client.get("/graphiql/assets/rangex-graphiql.css")
    assert missing.status_code == 404
    assert "npm ci" in missing.text
    assert static.status_code == 200


async def test_graphiql_off_gives_404_and_no_assets(app_for: Callable[..., Starlette]) -> None:
    app = app_for(graphiql=False)
    response = await graphiql_page(app)
    assert response.status_code == 404
    assert "<html" not in response.text
    async with client_for(app) as client:
        asset = await client.get("/graphiql/assets/rangex-graphiql.js")
    assert asset.status_code == 404


async def test_a_browser_get_with_a_query_executes_it(
    app_for: Callable[..., Starlette], assets_dir: Path
) -> None:
    async with client_for(app_for(graphiql=True, graphiql_assets_dir=assets_dir)) as client:
        response = await client.get(
            "/graphql",
            params={"query": "{ hello }"},
            headers={"accept": BROWSER_ACCEPT},
        )
    assert response.status_code == 200
    assert response.json() == {"data": {"hello": "hello world"}}
