"""Registering documents for the persisted-query allow-list: files, manifests, validation."""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from rangex_graphql.api.schema import schema
from rangex_graphql.models import PersistedQuery
from rangex_graphql.services.persisted_queries import (
    Document,
    RegistrationError,
    documents_in,
    register_documents,
    registered_document,
    registered_documents,
)

VIEWER = "query Viewer { viewer { id } }"
NODE = "query Node($id: ID!) { node(id: $id) { id } }"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.fixture(autouse=True)
async def _no_registrations(db: None) -> AsyncIterator[None]:
    yield
    await PersistedQuery.all().delete()


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_graphql_file_is_one_document_hashed_as_written(tmp_path: Path) -> None:
    text = "# the viewer\n" + VIEWER + "\n"
    [document] = documents_in(write(tmp_path / "viewer.graphql", text))
    assert document.text == text
    assert document.sha256_hash == sha256(text)


def test_an_apollo_manifest_gives_one_document_per_operation(tmp_path: Path) -> None:
    manifest = {
        "format": "apollo-persisted-query-manifest",
        "version": 1,
        "operations": [
            {"id": sha256(VIEWER), "name": "Viewer", "type": "query", "body": VIEWER},
            {"id": sha256(NODE), "name": "Node", "type": "query", "body": NODE},
        ],
    }
    path = write(tmp_path / "persisted-query-manifest.json", json.dumps(manifest))
    documents = documents_in(path)
    assert [(d.text, d.declared_id) for d in documents] == [
        (VIEWER, sha256(VIEWER)),
        (NODE, sha256(NODE)),
    ]
    assert documents[0].source.endswith("#Viewer")


def test_a_relay_query_map_gives_one_document_per_entry(tmp_path: Path) -> None:
    path = write(tmp_path / "queryMap.json", json.dumps({sha256(VIEWER): VIEWER}))
    assert [(d.text, d.declared_id) for d in documents_in(path)] == [(VIEWER, sha256(VIEWER))]


@pytest.mark.parametrize(
    ("name", "text", "fragment"),
    [
        ("x.json", "{not json", "not JSON"),
        ("x.json", "[1, 2]", "expected an Apollo persisted-query manifest"),
        ("x.json", '{"format": "apollo-persisted-query-manifest", "version": 2}', "version 1"),
        ("x.txt", VIEWER, "expected a .graphql/.gql document"),
    ],
)
def test_unreadable_files_are_refused(tmp_path: Path, name: str, text: str, fragment: str) -> None:
    with pytest.raises(RegistrationError) as refused:
        documents_in(write(tmp_path / name, text))
    assert fragment in str(refused.value)


async def test_registered_documents_are_found_by_their_hash() -> None:
    registration = await register_documents(
        [Document(VIEWER, "viewer.graphql"), Document(NODE, "node.graphql")],
        schema._schema,
        client_name="web",
    )
    assert sorted(registration.added) == sorted([sha256(VIEWER), sha256(NODE)])
    assert await registered_document(sha256(VIEWER)) == VIEWER
    assert await registered_document(sha256("{ other }")) is None
    rows = await registered_documents()
    assert {
        (row["sha256_hash"], tuple(row["operation_names"]), row["client_name"]) for row in rows
    } == {
        (sha256(VIEWER), ("Viewer",), "web"),
        (sha256(NODE), ("Node",), "web"),
    }


async def test_registering_again_adds_nothing() -> None:
    await register_documents([Document(VIEWER, "a")], schema._schema)
    again = await register_documents([Document(VIEWER, "a"), Document(NODE, "b")], schema._schema)
    assert again.added == [sha256(NODE)]
    assert again.already_registered == [sha256(VIEWER)]
    assert await PersistedQuery.all().count() == 2


@pytest.mark.parametrize(
    ("document", "fragment"),
    [
        (Document("query { noSuchField }", "bad.graphql"), "bad.graphql: Cannot query field"),
        (Document("query {", "broken.graphql"), "broken.graphql: Syntax Error"),
        (Document("fragment F on Query { viewer { id } }", "f.graphql"), "holds no operation"),
        (Document(VIEWER, "m.json#Viewer", declared_id="0" * 64), "is not the SHA-256"),
    ],
)
async def test_a_document_with_a_problem_registers_nothing(
    document: Document, fragment: str
) -> None:
    with pytest.raises(RegistrationError) as refused:
        await register_documents([Document(NODE, "ok.graphql"), document], schema._schema)
    assert fragment in str(refused.value)
    assert await PersistedQuery.all().count() == 0
