"""GraphiQL in a real browser: the page renders under its Content-Security-Policy from
the assets the server serves itself, introspects the schema, runs a query and shows the
answer, and streams a subscription over graphql-transport-ws with the headers typed in
its Headers editor as the connection's credentials, without a single CSP violation or
script error.

Needs Chromium (Debian's ``chromium``): skipped without it, failed under CI=true, where
``.ci/run`` installs it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from rangex_graphql.models.enums import SessionState, UserRole, VersionStatus
from rangex_graphql.security.tokens import issue_access_token
from rangex_graphql.settings import Settings
from tests import factories
from tests.conftest import require_service
from tests.support.browser import Page, chromium_path, open_page

EDITOR_READY = "document.querySelector('.graphiql-query-editor .CodeMirror') !== null"
QUERY_EDITOR = "document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror"
# The Variables and Headers editors share a pane; the one not shown is `.hidden`.
HEADER_EDITOR = (
    "document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror')"
)
SUBSCRIPTION = "subscription Dashboard { platformActivity { activeSessions activeUsers } }"
RESULT = "document.querySelector('.result-window .CodeMirror')"
RESULT_TEXT = f"(() => {{ const r = {RESULT}; return r ? r.CodeMirror.getValue() : ''; }})()"
RUN = "document.querySelector('.graphiql-execute-button').click()"


async def run_until_answered(page: Page, field: str, attempts: int = 20) -> dict[str, Any]:
    """Press Run until the answer is about ``field``. GraphiQL reads the operation's name
    from the editor after a debounce: until then Run sends the previous name, which the
    new document does not have, and gets OPERATION_RESOLUTION_FAILURE back."""
    for _ in range(attempts):
        await page.evaluate(f"{RESULT}.CodeMirror.setValue('')")
        await page.evaluate(RUN)
        text = await page.wait_for(RESULT_TEXT)
        if field in text:
            answer: dict[str, Any] = json.loads(text)
            return answer
        assert "OPERATION_RESOLUTION_FAILURE" in text, text
    raise AssertionError(f"no answer about {field} after {attempts} runs")


def problems_in(console: list[str]) -> list[str]:
    """Errors, uncaught exceptions and CSP reports from the tab."""
    return [
        line
        for line in console
        if line.startswith(("error", "exception")) or "Content Security Policy" in line
    ]


async def test_graphiql_runs_the_catalog_query_in_a_real_browser(
    live: Callable[..., Any],
) -> None:
    chromium = chromium_path()
    if chromium is None:
        require_service("Chromium is not installed (Debian package `chromium`)")
        return
    scenario = await factories.scenario(title="Browser-tested scenario")
    await factories.version(scenario, VersionStatus.PUBLISHED)
    server = await live()
    url = server.url.replace("ws://", "http://")

    async with open_page(chromium, url) as page:
        await page.wait_for(EDITOR_READY)
        # The schema arrived: the Docs pane lists the root Query type's fields.
        await page.evaluate(
            "document.querySelector('[aria-label^=\"Show Documentation\"]').click()"
        )
        await page.wait_for("document.querySelector('.graphiql-doc-explorer') !== null")
        await page.wait_for("document.body.innerText.includes('scenarios')")

        await page.evaluate(RUN)
        answer = json.loads(await page.wait_for(RESULT_TEXT))

        assert answer["data"]["scenarios"]["totalCount"] == 1
        [node] = answer["data"]["scenarios"]["nodes"]
        assert node["title"] == "Browser-tested scenario"
        assert node["publishedVersion"]["machineCount"] == 2
        assert problems_in(page.console) == []


async def test_graphiql_streams_a_subscription_with_the_typed_headers(
    settings: Settings, live: Callable[..., Any]
) -> None:
    chromium = chromium_path()
    if chromium is None:
        require_service("Chromium is not installed (Debian package `chromium`)")
        return
    admin = await factories.user(UserRole.ADMIN)
    owner = await factories.user()
    version = await factories.version(await factories.scenario(), machines=1, questions=0)
    await factories.session(owner, version, SessionState.RUNNING)
    token = issue_access_token(settings, admin.id, generation=admin.token_generation)[0]
    server = await live()
    url = server.url.replace("ws://", "http://")

    async with open_page(chromium, url) as page:
        await page.wait_for(EDITOR_READY)
        await page.evaluate(
            f"{QUERY_EDITOR}.setValue({json.dumps(SUBSCRIPTION)});"
            "[...document.querySelectorAll('.graphiql-editor-tools button')]"
            ".find(b => b.textContent.trim() === 'Headers').click()"
        )
        headers = json.dumps(json.dumps({"Authorization": f"Bearer {token}"}))
        await page.wait_for(f"{HEADER_EDITOR} !== null")
        await page.evaluate(f"{HEADER_EDITOR}.CodeMirror.setValue({headers})")
        answer = await run_until_answered(page, "platformActivity")

        assert "errors" not in answer, answer
        assert answer["data"]["platformActivity"]["activeSessions"] == 1
        assert answer["data"]["platformActivity"]["activeUsers"] == 1
        assert problems_in(page.console) == []
