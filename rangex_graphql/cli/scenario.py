"""``rangex-graphql scenario export | import``: content as code.

A scenario version as a YAML document (see ``services/authoring/yaml_document.py``) to
review and keep in git, and a document back into the database as a new DRAFT. The CLI
runs with the operator's access to the database: ``export --include-answers`` writes the
expected answers, and such a file is secret (written with mode 0600, and audited).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated
from uuid import UUID

import typer
from rich.markup import escape

from ..db.migrate import apply_migrations
from ..models import Scenario, ScenarioVersion, User
from ..services.authoring import documents, yaml_document
from ..services.errors import DomainError, DomainErrors
from ..settings import Settings
from .common import CliError, database, err, fail, load_settings, os_user, out, run

scenario_app = typer.Typer(
    help="Scenario content as code: export a version as YAML, import one as a DRAFT.",
    no_args_is_help=True,
)


def _problems(what: str, failure: DomainError | DomainErrors) -> str:
    """One line saying what failed, then one indented line per problem with its path."""
    errors = failure.errors if isinstance(failure, DomainErrors) else [failure]
    if len(errors) == 1:
        only = errors[0]
        return f"{what}: " + (f"{only.field}: {only.message}" if only.field else only.message)
    lines = [f"{e.field}: {e.message}" if e.field else e.message for e in errors]
    return f"{what}: {len(errors)} problems\n" + "\n".join(f"  {line}" for line in lines)


# --- export ------------------------------------------------------------------------------


async def _version_id(slug: str, number: int | None) -> UUID:
    scenarios = await Scenario.filter(slug=slug).values("id")
    if not scenarios:
        raise CliError(f"no scenario has the slug {slug!r}")
    scenario_id = scenarios[0]["id"]
    if number is None:
        found = await documents.default_version_id(scenario_id)
        if found is None:
            raise CliError(f"the scenario {slug} has no version yet")
        return found
    versions = await ScenarioVersion.filter(scenario_id=scenario_id, number=number).values("id")
    if not versions:
        raise CliError(f"the scenario {slug} has no version {number}")
    version_id: UUID = versions[0]["id"]
    return version_id


async def _export(settings: Settings, slug: str, number: int | None, answers: bool) -> str:
    async with database(settings):
        version_id = await _version_id(slug, number)
        return await documents.export_document(
            version_id, include_answers=answers, source="cli", os_user=os_user()
        )


def _write_secret(path: Path, text: str) -> None:
    """Write ``text`` readable by its owner only (the file holds expected answers)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)  # an existing file keeps its mode otherwise
    with open(descriptor, "w", encoding="utf-8") as file:
        file.write(text)


@scenario_app.command("export")
def export(
    slug: Annotated[str, typer.Argument(help="The scenario's slug.")],
    number: Annotated[
        int | None,
        typer.Option(
            "--version",
            min=1,
            help="The version number.",
            show_default="the published version, else the latest",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="Write to this file, not stdout."),
    ] = None,
    include_answers: Annotated[
        bool,
        typer.Option(
            "--include-answers",
            help="Also write the expected answers: the document is then secret.",
        ),
    ] = False,
) -> None:
    """Print a scenario version as a YAML document (without expected answers unless asked)."""
    settings = load_settings()
    text = run(_export(settings, slug, number, include_answers), settings)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        if include_answers:
            _write_secret(output, text)
        else:
            output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    secret = " with the expected answers: keep it secret" if include_answers else ""
    err.print(f"wrote {escape(slug)} to {escape(str(output))}{secret}")


# --- import ------------------------------------------------------------------------------


async def _author_id(username: str | None, slug: str | None) -> UUID:
    """The user named ``username``; by default the owner of the scenario the slug names."""
    if username is not None:
        users = await User.filter(username__iexact=username).values("id")
        if not users:
            raise CliError(f"no user has the username {username!r}")
        user_id: UUID = users[0]["id"]
        return user_id
    owners = await Scenario.filter(slug=slug).values("author_id") if slug else []
    if not owners:
        raise CliError("give --author USERNAME: the new scenario needs an owner")
    owner_id: UUID = owners[0]["author_id"]
    return owner_id


async def _import(settings: Settings, text: str, where: str, username: str | None) -> str:
    try:
        spec = yaml_document.parse(text)
    except (DomainError, DomainErrors) as exc:
        raise CliError(_problems(f"{where} is not a scenario document", exc)) from None
    await apply_migrations(settings)
    async with database(settings):
        author_id = await _author_id(username, spec.scenario.slug)
        try:
            version = await documents.import_spec(
                spec, author_id, source="cli", file=where, os_user=os_user()
            )
        except (DomainError, DomainErrors) as exc:
            raise CliError(_problems(f"cannot import {where}", exc)) from None
        return f"imported {version.scenario.slug} version {version.number} as a DRAFT"


@scenario_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="The YAML document; - reads stdin.")],
    author: Annotated[
        str | None,
        typer.Option(
            help="Username of the author: a CREATOR or ADMIN.",
            show_default="the owner of the scenario the document's slug names",
        ),
    ] = None,
) -> None:
    """Create a DRAFT from a YAML document: a new scenario, or a new version of the
    scenario its slug names. The document is checked with the submit rules first; when
    anything is wrong, every problem is listed and nothing is written."""
    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}")
    settings = load_settings()
    out.print(escape(run(_import(settings, text, str(file), author), settings)))
