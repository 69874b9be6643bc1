"""Execution plans (`api/plans`): a query runs from a cached plan with graphql-core's
answers: data, errors, paths, null propagation, permissions per viewer, `@skip`/`@include`
by variable; mutations and side-effect queries are left to graphql-core. The suite runs
with `RANGEX_EXECUTION_PLANS_VERIFY` on, so every planned query of every test is compared
with graphql-core's answer as well; these tests pin the planner's own rules."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

import pytest
from graphql import ExecutionResult, parse

from rangex_graphql.api.error_log import ApiSchema
from rangex_graphql.api.ids import to_global_id
from rangex_graphql.api.plans import compile as plan_compile
from rangex_graphql.api.plans.entry import PlanCache
from rangex_graphql.api.plans.verify import MISMATCHES, PlanMismatch, first_difference, verified
from rangex_graphql.api.schema import schema
from rangex_graphql.models import Scenario, ScenarioVersion, User
from rangex_graphql.models.enums import UserRole
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run
from tests.conftest import StatementCounter

pytestmark = pytest.mark.usefixtures("db")

VERSION = """
query Version($id: ID!) {
  node(id: $id) {
    ... on ScenarioVersion { id number status solution machines { id name } }
  }
}
"""
SCENARIO = """
query Scenario($slug: String!, $withVersions: Boolean!) {
  scenario(slug: $slug) {
    title
    author { username }
    versions @include(if: $withVersions) { number machines { name cpu } }
  }
}
"""
CATALOG = """
query Catalog {
  scenarios(first: 5) { edges { node { slug versions { number } } } totalCount }
}
"""


async def _world() -> tuple[User, User, Scenario, ScenarioVersion]:
    author = await factories.user(UserRole.CREATOR)
    learner = await factories.user()
    scenario = await factories.scenario(author)
    version = await factories.version(scenario, machines=2)
    version.solution = "Read the source."
    await version.save()
    return author, learner, scenario, version


def _plans(settings: Settings, **overrides: Any) -> Settings:
    return settings.model_copy(update={"execution_plans": True, **overrides})


async def test_one_cached_plan_answers_each_viewer_with_its_own_permissions(
    settings: Settings,
) -> None:
    author, learner, _, version = await _world()
    variables = {"id": to_global_id("ScenarioVersion", version.id)}
    before = len(schema.plan_cache)
    as_author, author_errors = await run(_plans(settings), VERSION, variables, as_user=author)
    as_learner, learner_errors = await run(_plans(settings), VERSION, variables, as_user=learner)

    assert len(schema.plan_cache) == before + 1  # one plan, both viewers
    assert author_errors == []
    assert as_author is not None
    assert as_author["node"]["solution"] == "Read the source."
    assert as_learner == {"node": None}
    assert [error["path"] for error in learner_errors] == [["node", "solution"]]
    assert learner_errors[0]["extensions"]["code"] == "FORBIDDEN"


async def test_skip_and_include_by_variable_get_a_plan_each(settings: Settings) -> None:
    _, _, scenario, _ = await _world()
    slug = scenario.slug
    with_versions, errors = await run(
        _plans(settings), SCENARIO, {"slug": slug, "withVersions": True}
    )
    without, more_errors = await run(
        _plans(settings), SCENARIO, {"slug": slug, "withVersions": False}
    )
    assert errors == more_errors == []
    assert with_versions is not None
    assert without is not None
    assert [v["number"] for v in with_versions["scenario"]["versions"]] == [1]
    assert with_versions["scenario"]["versions"][0]["machines"] == [
        {"name": "m0", "cpu": 0.5},
        {"name": "m1", "cpu": 0.5},
    ]
    assert "versions" not in without["scenario"]


async def test_plans_off_runs_graphql_core_and_caches_nothing(settings: Settings) -> None:
    _, _, scenario, _ = await _world()
    before = len(schema.plan_cache)
    data, errors = await run(
        settings.model_copy(update={"execution_plans": False}),
        SCENARIO,
        {"slug": scenario.slug, "withVersions": True},
    )
    assert errors == []
    assert data is not None
    assert data["scenario"]["author"]["username"]
    assert len(schema.plan_cache) == before


async def test_a_plan_reads_with_the_statement_count_of_graphql_core(
    settings: Settings, sql_counter: StatementCounter
) -> None:
    for _ in range(3):
        await factories.version(await factories.scenario(), machines=3)
    counts = []
    for plans in (False, True):
        sql_counter.reset()
        _, errors = await run(settings.model_copy(update={"execution_plans": plans}), CATALOG)
        assert errors == []
        counts.append(sql_counter.count)
    assert counts[0] == counts[1]


async def test_a_refused_non_null_field_nulls_its_parent_as_graphql_core_does(
    settings: Settings,
) -> None:
    """`solution` is a non-null String refused to learners: the version (the nearest
    nullable parent) becomes null, with the error at the same path, either way."""
    _, learner, _, version = await _world()
    variables = {"id": to_global_id("ScenarioVersion", version.id)}
    answers = [
        await run(
            settings.model_copy(update={"execution_plans": plans}),
            VERSION,
            variables,
            as_user=learner,
        )
        for plans in (True, False)
    ]
    assert answers[0] == answers[1]
    assert answers[0][0] == {"node": None}


async def test_mutations_and_side_effect_queries_are_left_to_graphql_core(
    settings: Settings,
) -> None:
    cache = PlanCache()
    executor_class = schema.execution_context_class
    assert executor_class is not None
    for text in ("mutation { logout { ok } }", 'query { scenarioExport(versionId: "x") }'):
        document = parse(text)
        executor = executor_class.build(schema._schema, document)
        assert not isinstance(executor, list)
        assert cache.plan_for(executor, document, None) is None
    document = parse(CATALOG)
    executor = executor_class.build(schema._schema, document)
    assert not isinstance(executor, list)
    assert cache.plan_for(executor, document, None) is not None


async def test_the_equality_check_catches_a_plan_that_answers_differently(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Verify mode is what proves plans equal to graphql-core over the suite: a planner
    that serialised one leaf differently must fail the request and be recorded."""
    _, _, scenario, _ = await _world()
    real_leaf = plan_compile._leaf

    def shouting_leaf(type_: Any) -> Any:
        complete = real_leaf(type_)
        return lambda *args: (lambda value: value.upper() if isinstance(value, str) else value)(
            complete(*args)
        )

    monkeypatch.setattr(plan_compile, "_leaf", shouting_leaf)
    monkeypatch.setattr(plan_compile, "_COMPLETERS", WeakKeyDictionary())  # made anew
    document = SCENARIO.replace("query Scenario", "query ScenarioShouting")  # a new plan
    recorded = len(MISMATCHES)
    data, errors = await run(
        _plans(settings, execution_plans_verify=True),
        document,
        {"slug": scenario.slug, "withVersions": False},
    )
    assert data is None
    assert len(errors) == 1  # the request fails as a whole
    assert len(MISMATCHES) == recorded + 1
    assert "ScenarioShouting" in MISMATCHES[-1]
    del MISMATCHES[recorded:]  # expected here: not a failure of the suite
    assert PlanMismatch.__mro__[1] is AssertionError


def test_first_difference_names_the_path() -> None:
    assert first_difference([["a", [1, 2]]], [["a", [1, 3]]]) == "at /0/1/1: 2 vs 3"
    assert first_difference([["a", 1]], [["b", 1]]) == "at /0/0: 'a' vs 'b'"
    assert first_difference({"x": [1]}, {"x": [1]}) is None
    # Where two graphql-core runs disagree (a clock read), the plan is not held to either.
    assert first_difference([["asOf", "a"]], [["asOf", "b"]], [["asOf", "c"]]) is None
    assert first_difference([["n", 1]], [["n", 2]], [["n", 2]]) == "at /0/1: 1 vs 2"


async def test_the_plan_cache_keeps_as_many_plans_as_the_setting_says(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rangex_graphql.api import schema as schema_module
    from rangex_graphql.api.http.routes import http_routes

    built: list[ApiSchema] = []
    real_build = schema_module.build_schema

    def recorded(**options: Any) -> ApiSchema:
        built.append(real_build(**options))
        return built[-1]

    monkeypatch.setattr(schema_module, "build_schema", recorded)
    http_routes(settings.model_copy(update={"execution_plans_cache_size": 2}))
    cache = built[0].plan_cache
    assert cache.maxsize == 2

    monkeypatch.setattr(schema, "plan_cache", cache)
    await _world()
    for number in range(4):
        query = f"query Q{number} {{ scenarios(first: 1) {{ totalCount }} }}"
        data, errors = await run(_plans(settings), query)
        assert errors == []
        assert data is not None
    assert len(cache) == 2


def _answers(*values: int) -> Any:
    """Callables answering `{"left": value}`, one value per call, as runs would."""
    results = iter(ExecutionResult({"left": value}) for value in values)
    return lambda: next(results)


async def _planned(value: int) -> ExecutionResult:
    return ExecutionResult({"left": value})


async def test_a_clock_tick_between_the_plan_and_graphql_core_is_not_a_mismatch() -> None:
    """`timeLeftSeconds` read as 3027 by the plan and 3026 by graphql-core, twice, since
    the second ended in between: plan and graphql-core run once more, agree, and the
    plan's answer stands."""
    recorded = len(MISMATCHES)
    result = await verified(
        _planned(3027), _answers(3026, 3026, 3026), "Tick", plan_again=_answers(3026)
    )
    assert result.data == {"left": 3027}
    assert len(MISMATCHES) == recorded


async def test_a_plan_that_differs_again_is_a_mismatch() -> None:
    recorded = len(MISMATCHES)
    with pytest.raises(PlanMismatch, match="Wrong"):
        await verified(_planned(1), _answers(2, 2, 2), "Wrong", plan_again=_answers(1))
    assert len(MISMATCHES) == recorded + 1
    del MISMATCHES[recorded:]  # expected here: not a failure of the suite
