"""The four benchmark cases: one GraphQL request and the baseline's equivalent each.

A case knows how to build its n-th request for either server, who asks (anonymous, the
seeded admin or the seeded learner), how many SQL statements the baseline spends, and the
throughput ratio rangex/baseline it must reach.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

from seed import SCENARIOS, slug_of

CATALOG_PAGE = 20
HEAVY_PAGE = 50

CATALOG_QUERY = """
query Catalog($first: Int!) {
  scenarios(first: $first) {
    edges {
      node {
        id
        title
        difficulty
        author { displayName }
        publishedVersion { number machineCount }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
"""

DETAIL_QUERY = """
query Detail($slug: String!) {
  scenario(slug: $slug) {
    id
    title
    difficulty
    versions {
      id
      number
      status
      machines { id name imageRef cpu memoryMib }
      questions { id prompt points }
    }
  }
}
"""

HEAVY_QUERY = """
query Heavy($first: Int!) {
  scenarios(first: $first) {
    nodes {
      id
      title
      versions {
        id
        number
        status
        machines { id name imageRef cpu memoryMib }
      }
    }
  }
}
"""


CHALLENGE_QUERY = """
query Challenge($slug: String!) {
  scenario(slug: $slug) {
    id
    title
    difficulty
    publishedVersion {
      id
      number
      shortDescription
      mission
      estimatedMinutes
      scenarioType
      learningOutcomes
      codeOfEthics
      hintMode
      scoringMode
      machines { id name role entrypoints { protocol port description } }
      questions { id prompt kind points maxAttempts choices }
      hints { id title unlockCondition unlockThreshold penaltyPoints }
      viewerLatestSession {
        id
        state
        score
        startedAt
        expiresAt
        endedAt
        answers { question { id } attempts attemptsLeft correct pointsAwarded }
        hints { id unlocked unlockedAt unlockableNow body }
        machines {
          machine { name }
          connection { address entrypoints { protocol host port published } }
        }
      }
    }
  }
}
"""


class Viewer(StrEnum):
    ANONYMOUS = "anonymous"
    ADMIN = "admin"  # sends the seeded admin's bearer token: every version is visible
    LEARNER = "learner"  # sends the seeded learner's bearer token: sessions of its own


@dataclass(frozen=True, slots=True)
class HttpRequest:
    method: str
    path: str
    body: bytes = b""
    bearer: str | None = None


@dataclass(frozen=True, slots=True)
class Case:
    key: str
    title: str
    query: str
    baseline_path: str  # formatted with the query's variables
    viewer: Viewer
    target_ratio: float
    baseline_statements: int
    page_size: int = 0  # the `first` variable; 0: the query takes a slug instead

    def variables(self, n: int) -> dict[str, object]:
        """The n-th request's variables: the slug cases walk through every slug."""
        if self.page_size:
            return {"first": self.page_size}
        return {"slug": slug_of(n % SCENARIOS)}

    def graphql_request(self, n: int, token: str | None) -> HttpRequest:
        body = json.dumps({"query": self.query, "variables": self.variables(n)}).encode()
        return HttpRequest("POST", "/graphql", body, self._bearer(token))

    def baseline_request(self, n: int, token: str | None) -> HttpRequest:
        path = self.baseline_path.format(**self.variables(n))
        return HttpRequest("GET", path, bearer=self._bearer(token))

    def request_count(self) -> int:
        """Distinct requests to cycle through: every slug for the slug cases, else one."""
        return 1 if self.page_size else SCENARIOS

    def _bearer(self, token: str | None) -> str | None:
        return None if self.viewer is Viewer.ANONYMOUS else token


CASES = (
    Case(
        key="a",
        title="catalog page (20 scenarios)",
        query=CATALOG_QUERY,
        baseline_path="/catalog?first={first}",
        viewer=Viewer.ANONYMOUS,
        target_ratio=0.25,
        baseline_statements=4,
        page_size=CATALOG_PAGE,
    ),
    Case(
        key="b",
        title="scenario detail by slug",
        query=DETAIL_QUERY,
        baseline_path="/scenario/{slug}",
        viewer=Viewer.ANONYMOUS,
        target_ratio=0.25,
        baseline_statements=4,
    ),
    Case(
        key="c",
        title="heavy: 50 scenarios, all versions",
        query=HEAVY_QUERY,
        baseline_path="/heavy?first={first}",
        viewer=Viewer.ADMIN,
        target_ratio=0.08,
        baseline_statements=4,
        page_size=HEAVY_PAGE,
    ),
    Case(
        key="d",
        title="challenge page by slug",
        query=CHALLENGE_QUERY,
        baseline_path="/challenge/{slug}",
        viewer=Viewer.LEARNER,
        target_ratio=0.3,
        baseline_statements=9,
    ),
)
