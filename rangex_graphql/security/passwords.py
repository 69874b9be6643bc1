"""Password hashing with argon2id, off the event loop and bounded.

Hashing is deliberately slow and memory-hard (19 MiB and tens of milliseconds per hash
with the defaults). Run on the event loop it would freeze every other request; run in
unbounded threads, a login storm would take all the memory and CPU. So the async API runs
each hash in a worker thread (``asyncio.to_thread``) behind a semaphore that bounds how many
hashes run at once (default 4); further callers wait their turn without blocking the loop.

``verify_password`` returns a fresh hash when the stored one was made with other
parameters (``check_needs_rehash``), so raising the cost upgrades users as they log in.

The sync functions exist for one-off tools (the CLI, the demo seed) that have no loop to
protect.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, Protocol, TypeVar

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

P = ParamSpec("P")
T = TypeVar("T")

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 128
DEFAULT_MAX_CONCURRENT_HASHES = 4

# Published in the README and the seed: an account with this password is a demo account.
PUBLIC_DEMO_PASSWORDS = frozenset({"rangex-demo-password"})


@dataclass(frozen=True, slots=True)
class Argon2Parameters:
    """argon2id cost; the defaults are OWASP's minimum (m=19 MiB, t=2, p=1)."""

    time_cost: int = 2
    memory_cost_kib: int = 19_456
    parallelism: int = 1
    hash_len: int = 32
    salt_len: int = 16

    def hasher(self) -> PasswordHasher:
        return PasswordHasher(
            time_cost=self.time_cost,
            memory_cost=self.memory_cost_kib,
            parallelism=self.parallelism,
            hash_len=self.hash_len,
            salt_len=self.salt_len,
            type=Type.ID,
        )


class Hasher(Protocol):
    """What this module needs of ``argon2.PasswordHasher`` (tests substitute a fake)."""

    def hash(self, password: str) -> str: ...

    def verify(self, hash: str, password: str) -> bool: ...

    def check_needs_rehash(self, hash: str) -> bool: ...


class PasswordHashing:
    """argon2id hashing with a per-event-loop bound on concurrent hashes."""

    def __init__(
        self,
        parameters: Argon2Parameters | None = None,
        max_concurrent: int = DEFAULT_MAX_CONCURRENT_HASHES,
        hasher: Hasher | None = None,
    ) -> None:
        if max_concurrent < 1:
            raise ValueError("max_concurrent must be at least 1")
        self.parameters = parameters or Argon2Parameters()
        self.max_concurrent = max_concurrent
        self._hasher: Hasher = hasher or self.parameters.hasher()
        # asyncio primitives belong to one loop; keep one semaphore per running loop.
        self._slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )

    def hash_sync(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify_sync(self, password_hash: str, password: str) -> tuple[bool, str | None]:
        """``(matches, new_hash)``; ``new_hash`` is set when the stored hash is outdated."""
        try:
            self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False, None
        if self._hasher.check_needs_rehash(password_hash):
            return True, self._hasher.hash(password)
        return True, None

    async def hash(self, password: str) -> str:
        return await self._offload(self.hash_sync, password)

    async def verify(self, password_hash: str, password: str) -> tuple[bool, str | None]:
        return await self._offload(self.verify_sync, password_hash, password)

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        slots = self._slots.get(loop)
        if slots is None:
            slots = self._slots[loop] = asyncio.Semaphore(self.max_concurrent)
        return slots

    async def _offload(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        slots = self._semaphore()
        await slots.acquire()
        try:
            work = asyncio.ensure_future(asyncio.to_thread(fn, *args, **kwargs))
        except BaseException:
            slots.release()
            raise

        def finished(done: asyncio.Future[T]) -> None:
            # The slot is freed when the thread is done, not when the caller stops waiting:
            # a cancelled request must not let more hashes run than the bound allows.
            slots.release()
            if not done.cancelled():
                done.exception()  # mark as retrieved when the caller was cancelled

        work.add_done_callback(finished)
        return await asyncio.shield(work)


_hashing = PasswordHashing()


def get_password_hashing() -> PasswordHashing:
    return _hashing


def configure_password_hashing(
    parameters: Argon2Parameters | None = None,
    max_concurrent: int = DEFAULT_MAX_CONCURRENT_HASHES,
) -> PasswordHashing:
    """Replace the process-wide hasher (at startup, before serving requests)."""
    global _hashing
    _hashing = PasswordHashing(parameters, max_concurrent)
    return _hashing


async def hash_password(password: str) -> str:
    return await _hashing.hash(password)


async def verify_password(password_hash: str, password: str) -> tuple[bool, str | None]:
    """``(matches, new_hash)``: store ``new_hash`` when it is not ``None``."""
    return await _hashing.verify(password_hash, password)


def hash_password_sync(password: str) -> str:
    return _hashing.hash_sync(password)


def verify_password_sync(password_hash: str, password: str) -> tuple[bool, str | None]:
    return _hashing.verify_sync(password_hash, password)


def password_problems(password: str, *, username: str = "", email: str = "") -> list[str]:
    """Why ``password`` is too weak for an account; an empty list means it is accepted."""
    problems: list[str] = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(f"must be at least {MIN_PASSWORD_LENGTH} characters long")
    if len(password) > MAX_PASSWORD_LENGTH:
        problems.append(f"must be at most {MAX_PASSWORD_LENGTH} characters long")
    lowered = password.casefold()
    if username and username.casefold() in lowered:
        problems.append("must not contain the username")
    local_part = email.partition("@")[0].casefold()
    if len(local_part) >= 3 and local_part in lowered:
        problems.append("must not contain the email address")
    if password in PUBLIC_DEMO_PASSWORDS:
        problems.append("is the public demo password")
    return problems
