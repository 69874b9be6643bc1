"""``rangex-graphql persisted-queries register | list``: the persisted-query allow-list.

``register`` reads ``.graphql`` files and persisted-query manifests (Apollo's, Relay's),
checks every document against the schema and stores them in the database, where every
replica finds them (``services/persisted_queries.py``). With
``RANGEX_PERSISTED_QUERIES=only`` nothing else runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from graphql import GraphQLSchema
from rich.markup import escape

from ..db.migrate import apply_migrations
from ..services.persisted_queries import (
    Document,
    Registration,
    RegistrationError,
    documents_in,
    register_documents,
    registered_documents,
)
from ..settings import Settings
from .common import CliError, database, fail, load_settings, out, run

persisted_queries_app = typer.Typer(
    help="The persisted-query allow-list: register a client's documents, list them.",
    no_args_is_help=True,
)


def _problems(error: RegistrationError) -> str:
    if len(error.problems) == 1:
        return f"nothing registered: {error.problems[0]}"
    lines = "\n".join(f"  {problem}" for problem in error.problems)
    return f"nothing registered: {len(error.problems)} problems\n{lines}"


async def _register(
    settings: Settings, documents: list[Document], schema: GraphQLSchema, client: str
) -> Registration:
    await apply_migrations(settings)
    async with database(settings):
        try:
            return await register_documents(documents, schema, client)
        except RegistrationError as error:
            raise CliError(_problems(error)) from None


@persisted_queries_app.command()
def register(
    files: Annotated[
        list[Path],
        typer.Argument(
            help=".graphql/.gql documents (a file is one document, hashed as written) or "
            "manifests: Apollo's persisted-query manifest, Relay's {id: text} map.",
            dir_okay=False,
        ),
    ],
    client: Annotated[
        str, typer.Option(help="Name of the client these documents belong to (listed).")
    ] = "",
) -> None:
    """Check documents against the schema and register them: all, or none on any problem."""
    settings = load_settings()
    try:
        documents = [document for path in files for document in documents_in(path)]
    except RegistrationError as error:
        fail(_problems(error))
    from ..api.schema import schema  # after the files are read: building it takes a while

    registration = run(_register(settings, documents, schema._schema, client), settings)
    sources = {document.sha256_hash: document.source for document in documents}
    for sha256_hash in registration.added:
        out.print(f"registered {sha256_hash}  {escape(sources[sha256_hash])}")
    out.print(
        f"{len(registration.added)} document(s) registered, "
        f"{len(registration.already_registered)} already registered"
    )


async def _list(settings: Settings) -> list[dict[str, Any]]:
    await apply_migrations(settings)
    async with database(settings):
        return await registered_documents()


@persisted_queries_app.command("list")
def list_documents() -> None:
    """List the registered documents, one a line: hash, operations, client, source, date
    (tab-separated)."""
    settings = load_settings()
    rows = run(_list(settings), settings)
    if not rows:
        out.print("no registered documents")
        return
    for row in rows:
        operations = ",".join(name or "(anonymous)" for name in row["operation_names"])
        fields = (
            row["sha256_hash"],
            operations,
            row["client_name"] or "-",
            row["source"],
            row["created_at"].isoformat(timespec="seconds"),
        )
        typer.echo("\t".join(fields))  # not rich: it would turn the tabs into spaces
