/* Starts GraphiQL on the page the RangeX GraphQL server renders at its endpoint.
 * Loaded as a separate file (no inline script) so the page runs under
 * Content-Security-Policy script-src 'self'. Expects the UMD globals React, ReactDOM
 * and GraphiQL, loaded before it (all scripts are `defer`, so they run in order). */
(function () {
  "use strict";

  var root = document.getElementById("graphiql");
  if (!root) {
    return;
  }
  if (!window.React || !window.ReactDOM || !window.GraphiQL) {
    root.textContent =
      "GraphiQL's scripts did not load. Check that `npm ci` was run on the server.";
    return;
  }

  var endpoint = new URL(root.dataset.endpoint || window.location.pathname, window.location.href);
  var subscriptions = new URL(endpoint.href);
  subscriptions.protocol = endpoint.protocol === "https:" ? "wss:" : "ws:";
  subscriptions.search = "";
  subscriptions.hash = "";

  // Subscriptions go over graphql-transport-ws; the headers typed in GraphiQL's header
  // editor are sent as the connection_init payload.
  var fetcher = window.GraphiQL.createFetcher({
    url: endpoint.href,
    subscriptionUrl: subscriptions.href,
  });

  // What a newcomer sees first: the catalog, with the shapes the API is built on.
  var defaultQuery = [
    "# RangeX GraphQL. Ctrl-Enter runs the query; the Docs pane lists every type.",
    "# Sign in by adding a header: {\"Authorization\": \"Bearer <access token>\"}",
    "",
    "query Catalog {",
    "  scenarios(first: 10, orderBy: {field: CREATED_AT, direction: DESC}) {",
    "    totalCount",
    "    pageInfo { hasNextPage endCursor }",
    "    nodes {",
    "      id",
    "      title",
    "      difficulty",
    "      tags",
    "      author { displayName }",
    "      publishedVersion { number machineCount }",
    "    }",
    "  }",
    "}",
    "",
  ].join("\n");

  ReactDOM.createRoot(root).render(
    React.createElement(window.GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
    })
  );
})();
