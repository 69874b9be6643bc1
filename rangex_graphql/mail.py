"""Outgoing mail behind one small interface; the default only logs.

Point ``RANGEX_MAILER`` at ``module:Class`` (constructed with the settings) to send for
real, e.g. through an SMTP relay or a provider's API.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from dataclasses import dataclass, field
from typing import Protocol

from .settings import Settings

log = logging.getLogger("rangex_graphql.mail")


@dataclass(frozen=True, slots=True)
class Message:
    to: str
    subject: str
    body: str


class Mailer(Protocol):
    async def send(self, message: Message) -> None: ...


class LogMailer:
    """Writes each message to the log: for development and air-gapped trials."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings

    async def send(self, message: Message) -> None:
        log.info("mail to %s: %s\n%s", message.to, message.subject, message.body)


@dataclass
class MemoryMailer:
    """Keeps messages in a list; tests read them back."""

    settings: Settings | None = None
    outbox: list[Message] = field(default_factory=list)

    async def send(self, message: Message) -> None:
        self.outbox.append(message)


class MailQueue:
    """Sends each message in a task of its own, so an answer never waits for the mail
    server: a request that mails (a registration with a taken address, a reset for an
    existing account) answers as fast as one that does not, and its timing tells nothing."""

    def __init__(self, mailer: Mailer) -> None:
        self.mailer = mailer
        self._pending: set[asyncio.Task[None]] = set()

    async def send(self, message: Message) -> None:
        task = asyncio.create_task(self._deliver(message))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def _deliver(self, message: Message) -> None:
        try:
            await self.mailer.send(message)
        except Exception:
            log.exception("sending mail %r failed", message.subject)

    async def drain(self) -> None:
        """Waits for every message handed over so far (shutdown, tests)."""
        while self._pending:
            await asyncio.gather(*tuple(self._pending), return_exceptions=True)


def build_mailer(settings: Settings) -> Mailer:
    module_name, _, class_name = settings.mailer.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    mailer: Mailer = cls(settings)
    return mailer
