"""Short answers checked by a regular expression, without letting a pattern stall the server.

Patterns use the syntax of the ``regex`` package (a superset of Python's ``re``) and match
the whole answer (``fullmatch``), ignoring case unless the answer key is case-sensitive.

Python's ``re`` cannot be interrupted; ``regex`` takes a ``timeout`` and raises
``TimeoutError`` when the match runs out of it. Three guards, in this order:

- **Size** (authoring and answering): ``regex`` compiles a counted repeat (``x{1000}``)
  into that many copies of its body, in C and without a time limit: ``(ab|cd){4294967294}``
  exhausts memory, ``(a{1000}){1000}`` takes a second. The pattern is parsed first (the
  package's own parser, no compiling) and refused when its size, each repeat counting its
  minimum times its body, is over ``MAX_PATTERN_SIZE``.
- **Probes** (authoring): the compiled pattern is tried on long strings of one character
  or of two the pattern writes side by side, with and without a failing last character
  (``aaaa…!``: what makes ``(a+)+$`` backtrack for ever), within ``PROBE_BUDGET_SECONDS``
  in all; one that runs out is refused. Probes catch the common shapes, not every one: the
  deadline at answer time is what bounds the rest.
- **Deadline** (answering): every match runs with the time left of the answer's budget
  (``RANGEX_ANSWER_REGEX_TIMEOUT_MS``), in a worker thread (``concurrent=True`` releases the
  GIL), so the event loop never waits on it; running out is a wrong answer, ``TIMED_OUT``.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Iterator, Sequence
from enum import StrEnum
from functools import lru_cache
from typing import Any

import regex
from regex import _regex_core as _typed_core

# The package's own parser: private, so untyped here; tests pin its behaviour.
_regex_core: Any = _typed_core

# Each repeat counts its minimum times its body; compiling 10,000 takes about 3 ms.
MAX_PATTERN_SIZE = 10_000
# The longest answer value (services.sessions.answers.MAX_VALUE_LENGTH): probes as long.
PROBE_LENGTH = 10_000
PROBE_ALPHABET = "a0 A._-/x"
# Besides the alphabet, at most this many distinct characters of the pattern itself.
PROBE_PATTERN_CHARACTERS = 16
PROBE_PATTERN_PAIRS = 8
PROBE_BUDGET_SECONDS = 0.05


class PatternProblem(StrEnum):
    INVALID = "INVALID"
    TOO_SLOW = "TOO_SLOW"


class MatchOutcome(StrEnum):
    MATCHED = "MATCHED"
    NOT_MATCHED = "NOT_MATCHED"
    # The answer's time ran out before a pattern decided: a wrong answer.
    TIMED_OUT = "TIMED_OUT"


class PatternRefused(Exception):
    def __init__(self, problem: PatternProblem, message: str) -> None:
        super().__init__(message)
        self.problem = problem
        self.message = message


def _flags(case_sensitive: bool) -> int:
    return 0 if case_sensitive else int(regex.IGNORECASE)


def _parse(pattern: str, flags: int) -> Any:
    """The pattern's parse tree, as ``regex.compile`` builds it before compiling."""
    global_flags = flags
    while True:
        source = _regex_core.Source(pattern)
        info = _regex_core.Info(global_flags, source.char_type, {})
        info.guess_encoding = _regex_core.UNICODE
        source.ignore_space = bool(info.flags & _regex_core.VERBOSE)
        source.use_unicode_space(bool(info.flags & _regex_core.VERSION1))
        try:
            parsed = _regex_core._parse_pattern(source, info)
        except _regex_core._UnscopedFlagSet:
            global_flags = info.global_flags
            continue
        if not source.at_end():
            raise regex.error("unbalanced parenthesis", pattern, source.pos)
        return parsed


def _children(node: Any) -> Iterator[Any]:
    for name in ("subpattern", "items", "branches", "yes_item", "no_item"):
        value = getattr(node, name, None)
        if isinstance(value, list):
            yield from value
        elif value is not None:
            yield value


def pattern_size(node: Any) -> int:
    """What compiling costs: 1 per leaf, a repeat's body times its minimum count."""
    children = list(_children(node))
    size = sum(pattern_size(child) for child in children) if children else 1
    if isinstance(node, _regex_core.GreedyRepeat):  # lazy and possessive ones too
        size *= max(1, int(node.min_count))
    return size


@lru_cache(maxsize=512)
def compiled(pattern: str, case_sensitive: bool) -> regex.Pattern[str]:
    """The pattern compiled, after its size is checked; PatternRefused when it is not
    a pattern or too large to compile."""
    flags = _flags(case_sensitive)
    try:
        size = pattern_size(_parse(pattern, flags))
    except (regex.error, ValueError, TypeError, IndexError, RecursionError) as error:
        raise PatternRefused(PatternProblem.INVALID, f"not a regular expression: {error}") from None
    if size > MAX_PATTERN_SIZE:
        raise PatternRefused(
            PatternProblem.TOO_SLOW,
            f"repeats expand to {size:,} steps; at most {MAX_PATTERN_SIZE:,}",
        )
    try:
        return regex.compile(pattern, flags)
    except (regex.error, ValueError, TypeError, IndexError, RecursionError) as error:
        raise PatternRefused(PatternProblem.INVALID, f"not a regular expression: {error}") from None


def probes(pattern: str) -> list[str]:
    """Long strings that make backtracking patterns blow up: runs of one character (of a
    few common ones and of the pattern's own) or of two letters the pattern writes side by
    side, alone and followed by a character that cannot end a match."""
    units = list(PROBE_ALPHABET)
    own = [c for c in dict.fromkeys(pattern) if c.isprintable() and c not in units]
    units += own[:PROBE_PATTERN_CHARACTERS]
    pairs = [a + b for a, b in itertools.pairwise(pattern) if (a + b).isalnum()]
    units += list(dict.fromkeys(pairs))[:PROBE_PATTERN_PAIRS]
    found = []
    for unit in units:
        run = unit * ((PROBE_LENGTH - 1) // len(unit))
        found += [run, run + "!"]
    return found


@lru_cache(maxsize=512)
def _probe_verdict(pattern: str, case_sensitive: bool) -> PatternRefused | None:
    try:
        compiled_pattern = compiled(pattern, case_sensitive)
    except PatternRefused as refused:
        return refused
    deadline = time.monotonic() + PROBE_BUDGET_SECONDS
    for probe in probes(pattern):
        left = deadline - time.monotonic()
        try:
            if left <= 0:
                raise TimeoutError
            compiled_pattern.fullmatch(probe, timeout=left, concurrent=True)
        except TimeoutError:
            return PatternRefused(
                PatternProblem.TOO_SLOW,
                "takes too long on long answers (catastrophic backtracking, as in (a+)+$)",
            )
    return None


def check_pattern(pattern: str, case_sensitive: bool) -> PatternRefused | None:
    """Why an author cannot use ``pattern``; None when it compiles and passes the probes.
    Verdicts are remembered, so checking a version again costs nothing."""
    return _probe_verdict(pattern, case_sensitive)


def _first_match(
    patterns: Sequence[str], value: str, case_sensitive: bool, budget_seconds: float
) -> MatchOutcome:
    deadline = time.monotonic() + budget_seconds
    for pattern in patterns:
        try:
            compiled_pattern = compiled(pattern, case_sensitive)
        except PatternRefused:
            continue  # a key that never passed authoring (a database edit) matches nothing
        left = deadline - time.monotonic()
        try:
            if left <= 0:
                raise TimeoutError
            if compiled_pattern.fullmatch(value, timeout=left, concurrent=True):
                return MatchOutcome.MATCHED
        except TimeoutError:
            return MatchOutcome.TIMED_OUT
    return MatchOutcome.NOT_MATCHED


async def match_any(
    patterns: Sequence[str], value: str, *, case_sensitive: bool, budget_seconds: float
) -> MatchOutcome:
    """Whether ``value`` fully matches one of ``patterns``, all of them within
    ``budget_seconds``; run in a worker thread."""
    return await asyncio.to_thread(_first_match, patterns, value, case_sensitive, budget_seconds)
