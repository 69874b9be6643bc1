from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import strawberry
from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from ...db.rows import child_join, row_reader
from ...models import Scenario, ScenarioTag, ScenarioVersion
from ...models.enums import VersionStatus, Visibility
from ...services.authoring.visibility import (
    can_see_unpublished,
    version_visible,
    visible_scenarios,
)
from ..context import Info
from ..ids import expect_global_id
from ..node import Node, node_class, visible_through_parent
from ..pagination import (
    After,
    Before,
    Connection,
    First,
    Last,
    OrderDirection,
    PageRequest,
    paginate,
)
from .filters import SCENARIO_SORT_KEYS, ScenarioFilter, ScenarioOrder
from .loaders import machines_by_id, questions_by_id
from .prefetch import (
    TEXT_COLUMNS,
    Selected,
    machines_of_versions,
    page_nodes,
    prefetch_scenarios,
    published_versions,
    questions_of_versions,
    selection,
)
from .types import (
    MachineNode,
    QuestionNode,
    ScenarioNode,
    ScenarioVersionNode,
    published_versions_by_scenario,
    questions_by_version,
    scenarios_by_id,
    version_texts,
    versions_by_id,
)


def _filter_conditions(info: Info, where: ScenarioFilter | None) -> list[Q]:
    if where is None:
        return []
    conditions = []
    if where.difficulty:
        conditions.append(Q(difficulty__in=where.difficulty))
    if where.category:
        conditions.append(Q(category=where.category))
    if where.tag:
        tagged = ScenarioTag.filter(tag=where.tag.strip().lower()).values("scenario_id")
        conditions.append(Q(id__in=Subquery(tagged)))
    text = (where.search or "").strip()
    if text:
        tag_match = ScenarioTag.filter(tag__icontains=text).values("scenario_id")
        conditions.append(
            Q(title__icontains=text)
            | Q(description__icontains=text)
            | Q(id__in=Subquery(tag_match))
        )
    if where.author:
        conditions.append(Q(author_id=expect_global_id(where.author, "User", "filter.author")))
    if where.featured is not None:
        # Scenario.featured: the published version's flag; archived versions do not count.
        shown = ScenarioVersion.filter(status=VersionStatus.PUBLISHED, featured=True)
        featured = Q(id__in=Subquery(shown.values("scenario_id")))
        conditions.append(featured if where.featured else ~featured)
    if where.status:
        having = ScenarioVersion.filter(status=where.status).values("scenario_id")
        conditions.append(Q(id__in=Subquery(having)))
        viewer = info.context.viewer
        if where.status is not VersionStatus.PUBLISHED and not (viewer and viewer.is_admin):
            conditions.append(Q(author_id=viewer.id) if viewer else Q(pk__isnull=True))
    return conditions


def author_columns() -> tuple[str, ...]:
    """A page's authors, read along with it (``values()`` names of the joined columns)."""
    return tuple(f"author__{column}" for column in node_class("User").columns())


def _with_author(row: dict[str, Any]) -> ScenarioNode:
    scenario = ScenarioNode.from_row(row)
    user = node_class("User")
    scenario.author_read = user.from_row({c: row[f"author__{c}"] for c in user.columns()})
    return scenario


async def list_scenarios(
    info: Info,
    where: ScenarioFilter | None,
    order_by: ScenarioOrder | None,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> Connection[ScenarioNode]:
    settings = info.context.settings
    order_by = order_by or ScenarioOrder()
    key = SCENARIO_SORT_KEYS[order_by.field]
    page = PageRequest.parse(
        key,
        first=first,
        after=after,
        last=last,
        before=before,
        settings=settings,
    )
    viewer = info.context.viewer
    conditions = _filter_conditions(info, where)

    def listed() -> QuerySet[Scenario]:
        visible = visible_scenarios(viewer)
        if not (viewer and viewer.is_admin):
            # Unlisted scenarios open by link only; their authors still see them.
            visible &= ~Q(visibility=Visibility.UNLISTED) | (
                Q(author_id=viewer.id) if viewer else Q(pk__isnull=True)
            )
        return Scenario.filter(visible, *conditions)

    # Unfiltered, the list depends only on whether the viewer is anonymous or an admin.
    shape = None
    if not conditions and (viewer is None or viewer.is_admin):
        shape = ("scenarios", viewer is not None)
    selected = page_nodes(selection(info))
    # The page reads its authors along (a join) when the query selects them.
    with_authors = "author" in selected
    connection = await paginate(
        listed,
        page,
        key,
        descending=order_by.direction is OrderDirection.DESC,
        columns=ScenarioNode.columns() + author_columns()
        if with_authors
        else ScenarioNode.columns(),
        to_node=_with_author if with_authors else ScenarioNode.from_row,
        shape=shape,
    )
    await prefetch_scenarios(info, [edge.node for edge in connection.edges], selected)
    return connection


async def scenario_if_visible(info: Info, scenario: ScenarioNode | None) -> ScenarioNode | None:
    """The scenario when the viewer may open it (unlisted ones included), else None."""
    if scenario is None:
        return None
    viewer = info.context.viewer
    if scenario.is_deleted and not (viewer and viewer.is_admin):
        return None
    if can_see_unpublished(viewer, scenario.author_id):
        return scenario
    if scenario.visibility is Visibility.PRIVATE:
        return None
    published = await info.context.loader(published_versions_by_scenario).load(scenario.pk)
    return scenario if published else None


async def resolve_scenario_node(info: Info, pk: UUID) -> Node | None:
    return await scenario_if_visible(info, await info.context.loader(scenarios_by_id).load(pk))


async def version_if_visible(
    info: Info, version: ScenarioVersionNode | None
) -> ScenarioVersionNode | None:
    if version is None:
        return None
    scenario = await resolve_scenario_node(info, version.scenario_id)
    if not isinstance(scenario, ScenarioNode):
        return None
    if not version_visible(info.context.viewer, version.status, scenario.author_id):
        return None
    return version


async def resolve_version_node(info: Info, pk: UUID) -> Node | None:
    return await version_if_visible(info, await info.context.loader(versions_by_id).load(pk))


async def resolve_machine_node(info: Info, pk: UUID) -> Node | None:
    machine: MachineNode | None = await info.context.loader(machines_by_id).load(pk)
    return await visible_through_parent(
        info, machine, lambda found: found.version_id, resolve_version_node
    )


async def resolve_question_node(info: Info, pk: UUID) -> Node | None:
    question: QuestionNode | None = await info.context.loader(questions_by_id).load(pk)
    return await visible_through_parent(
        info, question, lambda found: found.version_id, resolve_version_node
    )


@strawberry.type
class ScenarioQuery:
    @strawberry.field(
        description="The scenario catalog: public scenarios with a published version, plus "
        "the viewer's own (authors) or every live scenario (admins). Unlisted scenarios "
        "open by slug or ID only."
    )
    async def scenarios(
        self,
        info: Info,
        filter: Annotated[
            ScenarioFilter | None,
            strawberry.argument(description="Only scenarios that meet every condition given."),
        ] = None,
        order_by: Annotated[
            ScenarioOrder | None,
            strawberry.argument(description="Sort order; newest first when absent."),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[ScenarioNode]:
        return await list_scenarios(info, filter, order_by, first, after, last, before)

    @strawberry.field(description="A scenario by its slug; null when absent or not visible.")
    async def scenario(
        self,
        info: Info,
        slug: Annotated[
            str, strawberry.argument(description="The scenario's `slug`, as in its URL.")
        ],
    ) -> ScenarioNode | None:
        selected = selection(info)
        found = await scenario_if_visible(info, await scenario_by_slug(info, slug, selected))
        if found is not None:
            await prefetch_scenarios(info, [found], selected)
        return found


async def scenario_by_slug(info: Info, slug: str, selected: Selected) -> ScenarioNode | None:
    """The scenario with the slug, read in one statement with its published versions and,
    when the query selects the versions' machines or questions, theirs. The versions go to
    the request's loader (``published_versions_by_scenario``: the same rows in the same
    order), so that the visibility check and the versions learners see read no more; the
    machines and questions to their versions (``machines_read``, ``questions_read``)."""
    wanted = {
        relation
        for name in ("versions", "publishedVersion")
        for relation in ("machines", "questions")
        if relation in selected.get(name, {})
    }
    # A challenge page shows the published version's mission: read along.
    texts = any(
        field in selected.get(name, {})
        for name in ("versions", "publishedVersion")
        for field in ("mission", "codeOfEthics")
    )
    readers = [
        row_reader(Scenario, ScenarioNode.columns(), "slug"),
        published_versions(texts=texts),
    ]
    if "machines" in wanted:
        readers.append(machines_of_versions())
    also = None
    if "questions" in wanted:
        if "machines" in wanted:
            also = questions_of_versions()
        else:
            readers.append(questions_of_versions())
    found = await child_join(*readers, also=also).where_in([slug])
    if not found:
        return None
    scenario = ScenarioNode.from_row(found[0].row)
    loader = info.context.loader
    # A challenge page (hints, the viewer's session) asks for these rows again by key: the
    # session's questions and machines, a machine's or hint's author check. They go to
    # those loaders too; not for other pages, where priming would cost more than it saves.
    share = any(
        field in selected.get(name, {})
        for name in ("versions", "publishedVersion")
        for field in ("hints", "viewerLatestSession")
    )
    if share:
        loader(scenarios_by_id).prime(scenario.pk, scenario)
    versions = []
    for joined in found[0].children:
        version = ScenarioVersionNode.from_row(joined.row)
        if share:
            loader(versions_by_id).prime(version.pk, version)
        if texts:
            loader(version_texts).prime(
                version.pk, (joined.row[TEXT_COLUMNS[0]], joined.row[TEXT_COLUMNS[1]])
            )
        if "machines" in wanted:
            version.machines_read = [MachineNode.from_row(m.row) for m in joined.children]
            for row, machine in zip(joined.children, version.machines_read, strict=True):
                if share:
                    loader(machines_by_id).prime(row.row["id"], machine)
            questions = joined.also
        else:
            questions = joined.children
        if "questions" in wanted:
            version.questions_read = [QuestionNode.from_row(q.row) for q in questions]
            if share:
                loader(questions_by_version).prime(version.pk, version.questions_read)
                for question in version.questions_read:
                    loader(questions_by_id).prime(question.pk, question)
        versions.append(version)
    loader(published_versions_by_scenario).prime(scenario.pk, versions)
    return scenario
