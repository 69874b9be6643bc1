// Apollo Client 4's own PersistedQueryLink against a running server: node
// persisted_query_link.mjs URL QUERY. Prints one JSON line: every HTTP exchange the link
// made (method, whether the text and the hash were sent, status, error codes) and the
// results of three runs: POST, the same again, then GET (useGETForHashedQueries).
import { createHash } from "node:crypto";
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { createPersistedQueryLink } from "@apollo/client/link/persisted-queries";

const [url, queryText] = process.argv.slice(2);
const exchanges = [];

async function recordingFetch(input, init) {
  const target = new URL(String(input));
  const body = init.body ? JSON.parse(init.body) : null;
  const sent = body ?? Object.fromEntries(target.searchParams);
  const extensions = typeof sent.extensions === "string" ? JSON.parse(sent.extensions) : sent.extensions;
  const response = await fetch(input, init);
  const text = await response.clone().text();
  let codes = [];
  try {
    codes = (JSON.parse(text).errors ?? []).map((error) => error.extensions?.code);
  } catch {}
  exchanges.push({
    method: init.method,
    query: Boolean(sent.query),
    hash: extensions?.persistedQuery?.sha256Hash ?? null,
    status: response.status,
    cacheControl: response.headers.get("cache-control"),
    codes,
  });
  return response;
}

function client(useGETForHashedQueries) {
  const sha256 = (text) => createHash("sha256").update(text).digest("hex");
  const link = ApolloLink.from([
    createPersistedQueryLink({ sha256, useGETForHashedQueries }),
    new HttpLink({ uri: url, fetch: recordingFetch }),
  ]);
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

const query = gql(queryText);
const results = [];
const posting = client(false);
for (let run = 0; run < 2; run++) {
  const { data } = await posting.query({ query, fetchPolicy: "network-only" });
  results.push(data);
}
const { data } = await client(true).query({ query, fetchPolicy: "network-only" });
results.push(data);
console.log(JSON.stringify({ exchanges, results }));
