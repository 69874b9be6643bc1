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

  ReactDOM.createRoot(root).render(
    React.createElement(window.GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
    })
  );
})();
