"""Expected answers reach the scenario's author and admins only, by any path."""

from __future__ import annotations

from rangex_graphql.api.ids import to_global_id
from rangex_graphql.models import Question
from rangex_graphql.models.enums import UserRole
from rangex_graphql.settings import Settings
from tests import factories
from tests.api.graphql import run

BY_SLUG = """query($slug: String!) { scenario(slug: $slug) { versions { questions {
  prompt expectedAnswers } } } }"""
BY_NODE = """query($id: ID!) { node(id: $id) { ... on Question { prompt expectedAnswers } } }"""


async def test_learners_are_refused_expected_answers_directly_and_through_node(
    db: None, settings: Settings
) -> None:
    author = await factories.user(UserRole.CREATOR)
    scenario = await factories.scenario(author)
    version = await factories.version(scenario, questions=1)
    question = await Question.filter(version=version).first()
    assert question is not None
    learner = await factories.user()
    admin = await factories.user(UserRole.ADMIN)
    node_vars = {"id": to_global_id("Question", question.id)}

    for document, variables in ((BY_SLUG, {"slug": scenario.slug}), (BY_NODE, node_vars)):
        data, errors = await run(settings, document, variables, as_user=learner)
        assert errors
        assert {e["extensions"]["code"] for e in errors} == {"FORBIDDEN"}
        assert "FLAG{0}" not in str(data)
        for allowed in (author, admin):
            data, errors = await run(settings, document, variables, as_user=allowed)
            assert not errors
            assert "FLAG{0}" in str(data)
