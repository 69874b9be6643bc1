"""The persisted-query allow-list: GraphQL documents registered ahead of time, by their
SHA-256 hash, so that with ``RANGEX_PERSISTED_QUERIES=only`` nothing else runs.

Documents come from ``.graphql`` files (the whole file is one document, hashed as written)
or from a manifest of the client's build: Apollo's persisted-query manifest
(``@apollo/generate-persisted-query-manifest``) or Relay's ``{id: text}`` query map. Every
document is checked against the schema before any is stored; one problem registers none.
The rows live in the database, so every replica sees them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphql import GraphQLError, GraphQLSchema, OperationDefinitionNode, parse, validate

from ..db.transactions import retrying_transaction
from ..models import PersistedQuery

GRAPHQL_SUFFIXES = (".graphql", ".gql")
APOLLO_MANIFEST_FORMAT = "apollo-persisted-query-manifest"
SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Document:
    """One document to register; ``declared_id`` is the hash a manifest gave it."""

    text: str
    source: str
    declared_id: str | None = None

    @property
    def sha256_hash(self) -> str:
        return sha256_hex(self.text)


@dataclass(frozen=True, slots=True)
class Registration:
    added: list[str]
    already_registered: list[str]


class RegistrationError(Exception):
    """Documents that cannot be registered, one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def documents_in(path: Path) -> list[Document]:
    """The documents of one file: a ``.graphql`` file, or a manifest (``.json``)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RegistrationError([f"{path}: cannot read it ({error})"]) from error
    if path.suffix.lower() in GRAPHQL_SUFFIXES:
        return [Document(text, str(path))]
    if path.suffix.lower() == ".json":
        return _manifest_documents(path, text)
    raise RegistrationError(
        [f"{path}: expected a .graphql/.gql document or a .json persisted-query manifest"]
    )


def _manifest_documents(path: Path, text: str) -> list[Document]:
    try:
        manifest: Any = json.loads(text)
    except ValueError as error:
        raise RegistrationError([f"{path}: not JSON ({error})"]) from error
    if isinstance(manifest, dict) and manifest.get("format") == APOLLO_MANIFEST_FORMAT:
        operations = manifest.get("operations")
        if manifest.get("version") != 1 or not isinstance(operations, list):
            raise RegistrationError([f"{path}: expected an Apollo manifest of version 1"])
        documents = []
        for index, operation in enumerate(operations):
            body = operation.get("body") if isinstance(operation, dict) else None
            if not isinstance(body, str):
                raise RegistrationError([f"{path}: operations[{index}] has no `body` string"])
            name = operation.get("name") or index
            declared = operation.get("id")
            documents.append(
                Document(body, f"{path}#{name}", declared if isinstance(declared, str) else None)
            )
        return documents
    if isinstance(manifest, dict) and all(isinstance(v, str) for v in manifest.values()):
        return [Document(body, f"{path}#{key}", key) for key, body in manifest.items()]
    raise RegistrationError(
        [f"{path}: expected an Apollo persisted-query manifest or a Relay {{id: text}} map"]
    )


def operation_names(text: str) -> list[str]:
    return [
        definition.name.value if definition.name else ""
        for definition in parse(text).definitions
        if isinstance(definition, OperationDefinitionNode)
    ]


def document_problems(document: Document, schema: GraphQLSchema) -> list[str]:
    """What keeps ``document`` from being registered; empty when it may be."""
    where = document.source
    if document.declared_id is not None and document.declared_id != document.sha256_hash:
        return [
            f"{where}: its id {document.declared_id!r} is not the SHA-256 of its text; "
            "clients must send the SHA-256 (Relay: persistConfig algorithm SHA256)"
        ]
    try:
        ast = parse(document.text)
    except GraphQLError as error:
        return [f"{where}: {error.message}"]
    if not any(isinstance(d, OperationDefinitionNode) for d in ast.definitions):
        return [f"{where}: holds no operation"]
    return [f"{where}: {error.message}" for error in validate(schema, ast)]


async def register_documents(
    documents: Iterable[Document], schema: GraphQLSchema, client_name: str = ""
) -> Registration:
    """Validate every document, then store those not registered yet; all or none."""
    unique = {document.sha256_hash: document for document in documents}
    problems = [
        problem for document in unique.values() for problem in document_problems(document, schema)
    ]
    if problems:
        raise RegistrationError(problems)

    async def store() -> tuple[list[str], set[str]]:
        rows = await PersistedQuery.filter(sha256_hash__in=list(unique)).values("sha256_hash")
        existing = {str(row["sha256_hash"]) for row in rows}
        added = [sha256_hash for sha256_hash in unique if sha256_hash not in existing]
        await PersistedQuery.bulk_create(
            [
                PersistedQuery(
                    sha256_hash=sha256_hash,
                    document=unique[sha256_hash].text,
                    operation_names=operation_names(unique[sha256_hash].text),
                    client_name=client_name[:100],
                    source=unique[sha256_hash].source[-255:],
                )
                for sha256_hash in added
            ]
        )
        return added, existing

    added, existing = await retrying_transaction(store)
    return Registration(added=added, already_registered=sorted(existing))


async def registered_document(sha256_hash: str) -> str | None:
    """The registered document with this hash, if any."""
    if not SHA256_HEX.match(sha256_hash):
        return None
    rows = await PersistedQuery.filter(sha256_hash=sha256_hash).values("document")
    return str(rows[0]["document"]) if rows else None


async def registered_documents() -> list[dict[str, Any]]:
    """Every registered document but its text, oldest first."""
    return (
        await PersistedQuery.all()
        .order_by("created_at", "sha256_hash")
        .values("sha256_hash", "operation_names", "client_name", "source", "created_at")
    )
