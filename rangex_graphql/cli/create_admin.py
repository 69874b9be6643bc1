"""``rangex-graphql create-admin``: create an ADMIN user, its password asked twice."""

from __future__ import annotations

import os
import re
import sys
from typing import Annotated

import typer
from rich.markup import escape
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from ..db.migrate import apply_migrations
from ..models import AuditLog, User
from ..models.enums import UserRole
from ..security.passwords import hash_password, password_problems
from ..settings import Settings
from .common import CliError, database, err, fail, load_settings, os_user, out, run

ADMIN_PASSWORD_ENV = "RANGEX_ADMIN_PASSWORD"
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{2,29}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _read_password() -> str:
    from_env = os.environ.get(ADMIN_PASSWORD_ENV)
    if not sys.stdin.isatty() and from_env:
        return from_env
    if from_env:
        err.print(f"note: {ADMIN_PASSWORD_ENV} is only read when stdin is not a terminal")
    try:
        # Hidden on a terminal; piped input (no terminal) has nothing to hide from.
        password: str = typer.prompt(
            "Password", hide_input=sys.stdin.isatty(), confirmation_prompt=True
        )
    except typer.Abort:
        fail(f"no password given: type it at the prompt, or set {ADMIN_PASSWORD_ENV}")
    return password


async def _create_admin(
    settings: Settings, email: str, username: str, display_name: str, password: str
) -> str:
    await apply_migrations(settings)
    async with database(settings):
        if await User.filter(email__iexact=email).exists():
            raise CliError(f"a user with the email {email} already exists")
        if await User.filter(username__iexact=username).exists():
            raise CliError(f"a user with the username {username} already exists")
        password_hash = await hash_password(password)
        try:
            async with in_transaction():
                user = await User.create(
                    email=email,
                    username=username,
                    display_name=display_name,
                    role=UserRole.ADMIN,
                    password_hash=password_hash,
                )
                await AuditLog.create(
                    action="user.create_admin",
                    target_type="User",
                    target_id=str(user.id),
                    data={
                        "source": "cli",
                        "email": email,
                        "username": username,
                        "os_user": os_user(),
                    },
                )
        except IntegrityError as exc:
            raise CliError(f"a user with this email or username already exists ({exc})") from exc
        return str(user.id)


def create_admin(
    email: Annotated[str, typer.Option(help="The admin's email address (sign-in name).")],
    username: Annotated[str, typer.Option(help="3-30 letters, digits, '.', '_' or '-'.")],
    display_name: Annotated[
        str | None, typer.Option(help="Name shown in the UI.", show_default="the username")
    ] = None,
) -> None:
    """Create an ADMIN user; asks for its password twice, hidden.

    When stdin is not a terminal (automation), the password is read from the
    RANGEX_ADMIN_PASSWORD environment variable instead.
    """
    email, username = email.strip().lower(), username.strip()
    display_name = (display_name or username).strip()
    if not EMAIL_PATTERN.match(email) or len(email) > 254:
        fail(f"not an email address: {email!r}")
    if not USERNAME_PATTERN.match(username):
        fail(
            "the username must be 3-30 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    if not 1 <= len(display_name) <= 100:
        fail("the display name must be 1-100 characters")
    settings = load_settings()
    password = _read_password()
    problems = password_problems(password, username=username, email=email)
    if problems:
        fail("password too weak: it " + "; it ".join(problems))
    user_id = run(_create_admin(settings, email, username, display_name, password), settings)
    out.print(f"created admin {escape(username)} <{escape(email)}> (id {user_id})")
