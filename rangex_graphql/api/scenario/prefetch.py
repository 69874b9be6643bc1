"""Read ahead what a query selects of scenarios, before graphql-core walks the result.

The catalog page and a scenario's detail read the relations the query selects (author,
versions, published version, machines, questions, machine counts) with the statements the
request's loaders would send, one per relation, and hand them to the nodes
(``author_read``, ``machines_read``...): the fields then answer with a plain attribute,
not a coroutine, a future and a gather each. Where one statement can carry two relations
it does: a page's authors come with the page (``queries.list_scenarios``), published
versions with their machine counts. Who may see what stays with the fields
(``visible_versions``); a field whose relation was not read ahead loads it itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterable, Sequence
from typing import Any
from uuid import UUID

from graphql import (
    BooleanValueNode,
    DirectiveNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionSetNode,
    VariableNode,
)
from strawberry.dataloader import DataLoader
from tortoise.models import Model

from ...db.rows import RowReader, row_reader
from ...models import Machine, Question, ScenarioVersion
from ...models.enums import VersionStatus
from ..context import Info
from ..loader_shapes import read_ahead
from ..node import nodes_by_id
from .types import (
    MachineNode,
    QuestionNode,
    ScenarioNode,
    ScenarioVersionNode,
    machine_count_by_version,
    machines_by_version,
    published_versions_by_scenario,
    questions_by_version,
    visible_versions,
)

Selected = dict[str, "Selected"]
"""Field name -> what is selected below it, merged over aliases and fragments."""


def selection(info: Info) -> Selected:
    """What the query selects below the field being resolved; fields a ``@skip`` or
    ``@include`` directive leaves out are not in it."""
    raw = info._raw_info  # graphql-core's: its field nodes and fragments, as parsed
    walk = _Walk(raw.fragments, info.variable_values)
    tree: Selected = {}
    for node in raw.field_nodes:
        walk.merge(tree, node.selection_set)
    return tree


class _Walk:
    """Field names of selection sets, through fragments; only names and directives are
    read (``info.selected_fields`` would convert every argument on the way)."""

    def __init__(self, fragments: dict[str, FragmentDefinitionNode], variables: dict[str, Any]):
        self.fragments = fragments
        self.variables = variables

    def merge(self, tree: Selected, selection_set: SelectionSetNode | None) -> None:
        if selection_set is None:
            return
        for selected in selection_set.selections:
            if self.left_out(selected.directives):
                continue
            if isinstance(selected, FieldNode):
                self.merge(tree.setdefault(selected.name.value, {}), selected.selection_set)
            elif isinstance(selected, InlineFragmentNode):
                self.merge(tree, selected.selection_set)
            elif isinstance(selected, FragmentSpreadNode):
                fragment = self.fragments.get(selected.name.value)
                self.merge(tree, fragment.selection_set if fragment else None)

    def left_out(self, directives: tuple[DirectiveNode, ...] | None) -> bool:
        for directive in directives or ():
            name = directive.name.value
            if name in ("skip", "include"):
                condition = next(
                    (a.value for a in directive.arguments or () if a.name.value == "if"), None
                )
                if isinstance(condition, VariableNode):
                    value = bool(self.variables.get(condition.name.value))
                else:
                    value = isinstance(condition, BooleanValueNode) and condition.value
                if value == (name == "skip"):
                    return True
        return False


def _union(into: Selected, other: Selected) -> None:
    for name, below in other.items():
        _union(into.setdefault(name, {}), below)


def page_nodes(connection: Selected) -> Selected:
    """What a connection's selection asks of its nodes, through ``edges`` or ``nodes``."""
    nodes: Selected = {}
    _union(nodes, connection.get("edges", {}).get("node", {}))
    _union(nodes, connection.get("nodes", {}))
    return nodes


MACHINE_COUNT = (("machine_count", (Machine, "version_id")),)


TEXT_COLUMNS = ("mission", "code_of_ethics")


def published_versions(
    counts: tuple[tuple[str, tuple[type[Model], str]], ...] = (), *, texts: bool = False
) -> RowReader:
    """The reader of scenarios' published versions, newest first: what the loader
    ``published_versions_by_scenario`` reads, for reads that stand in for it; ``texts``:
    with the long texts of ``version_texts`` too."""
    return row_reader(
        ScenarioVersion,
        ScenarioVersionNode.columns() + (TEXT_COLUMNS if texts else ()),
        "scenario_id",
        ("-number",),
        (("status", VersionStatus.PUBLISHED),),
        counts,
    )


def machines_of_versions() -> RowReader:
    """The reader of versions' machines, in order: what ``machines_by_version`` reads."""
    return row_reader(Machine, MachineNode.columns(), "version_id", ("position", "id"))


def questions_of_versions() -> RowReader:
    """The reader of versions' questions, in order: what ``questions_by_version`` reads."""
    return row_reader(Question, QuestionNode.columns(), "version_id", ("position", "id"))


async def _published_with_machine_counts(keys: list[UUID]) -> dict[UUID, Any]:
    """The published versions of the scenarios, each with its machine count, in one
    statement; nothing when it fails (the fields then load for themselves)."""
    try:
        rows = await published_versions(MACHINE_COUNT).where_in(keys)
    except Exception:  # noqa: BLE001 - left to the fields
        return {}
    found: dict[UUID, list[ScenarioVersionNode]] = {key: [] for key in keys}
    for row in rows:
        version = ScenarioVersionNode.from_row(row)
        version.machine_count_read = row["machine_count"]
        found[version.scenario_id].append(version)
    return found


async def prefetch_scenarios(
    info: Info, scenarios: Sequence[ScenarioNode], selected: Selected
) -> None:
    """Read the relations ``selected`` asks of ``scenarios`` that they do not hold yet, one
    level after the other, and hand them to the scenarios (``*_read``)."""
    if not scenarios:
        return
    reads: dict[str, Coroutine[Any, Any, dict[UUID, Any]]] = {}
    authorless = [s.author_id for s in scenarios if s.author_read is None]
    if "author" in selected and authorless:
        reads["author"] = read_ahead(info.context.loader(nodes_by_id("User")), authorless)
    if "publishedVersion" in selected:
        keys = [s.pk for s in scenarios]
        if "machineCount" in selected["publishedVersion"]:
            reads["publishedVersion"] = _published_with_machine_counts(keys)
        else:
            reads["publishedVersion"] = read_ahead(
                info.context.loader(published_versions_by_scenario), keys
            )
    if "versions" in selected:
        by_loader: dict[DataLoader[UUID, list[ScenarioVersionNode]], list[UUID]] = {}
        for s in scenarios:
            by_loader.setdefault(visible_versions(info, s.author_id), []).append(s.pk)
        for i, (loader, keys) in enumerate(by_loader.items()):
            reads[f"versions{i}"] = read_ahead(loader, keys)
    found = await _together(reads)
    versions: dict[UUID, list[ScenarioVersionNode]] = {}
    for name, values in found.items():
        if name.startswith("versions"):
            versions.update(values)
    newest: list[ScenarioVersionNode] = []
    listed: list[ScenarioVersionNode] = []
    for s in scenarios:
        if "author" in found and s.author_read is None:
            s.author_read = found["author"].get(s.author_id)
        if "publishedVersion" in found:
            s.published_read = found["publishedVersion"].get(s.pk)
            newest.extend(s.published_read[:1] if s.published_read else ())
        if "versions" in selected:
            s.versions_read = versions.get(s.pk)
            listed.extend(s.versions_read or ())
    groups: list[tuple[list[ScenarioVersionNode], Selected]] = []
    if "publishedVersion" in selected:
        groups.append((newest, selected["publishedVersion"]))
    if "versions" in selected:
        groups.append((listed, selected["versions"]))
    await prefetch_versions(info, groups)


async def prefetch_versions(
    info: Info, groups: Iterable[tuple[list[ScenarioVersionNode], Selected]]
) -> None:
    """Read the machines, questions and machine counts each group's selection asks of its
    versions and they do not hold yet, one batch per relation for all groups together,
    and hand them over."""
    wanted: dict[str, list[ScenarioVersionNode]] = {
        "machines": [],
        "questions": [],
        "machineCount": [],
    }
    for versions, selected in groups:
        if "machines" in selected:
            wanted["machines"].extend(v for v in versions if v.machines_read is None)
        if "questions" in selected:
            wanted["questions"].extend(v for v in versions if v.questions_read is None)
        if "machineCount" in selected:
            wanted["machineCount"].extend(v for v in versions if v.machine_count_read is None)
    reads: dict[str, Coroutine[Any, Any, dict[UUID, Any]]] = {}
    if wanted["machines"]:
        keys = [v.pk for v in wanted["machines"]]
        reads["machines"] = read_ahead(info.context.loader(machines_by_version), keys)
    if wanted["questions"]:
        keys = [v.pk for v in wanted["questions"]]
        reads["questions"] = read_ahead(info.context.loader(questions_by_version), keys)
    if wanted["machineCount"]:
        keys = [v.pk for v in wanted["machineCount"]]
        reads["machineCount"] = read_ahead(info.context.loader(machine_count_by_version), keys)
    found = await _together(reads)
    for version in wanted["machines"] if "machines" in found else ():
        version.machines_read = found["machines"].get(version.pk)
    for version in wanted["questions"] if "questions" in found else ():
        version.questions_read = found["questions"].get(version.pk)
    for version in wanted["machineCount"] if "machineCount" in found else ():
        version.machine_count_read = found["machineCount"].get(version.pk)


async def _together(
    reads: dict[str, Coroutine[Any, Any, dict[UUID, Any]]],
) -> dict[str, dict[UUID, Any]]:
    """Run the reads, concurrently when there are several (each on its own connection)."""
    if len(reads) <= 1:
        return {name: await read for name, read in reads.items()}
    return dict(zip(reads, await asyncio.gather(*reads.values()), strict=True))
