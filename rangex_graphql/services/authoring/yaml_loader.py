"""Reading a scenario document's YAML, bounded: PyYAML's safe loader, refusing aliases
(no entity expansion) and duplicate keys, and every problem a ``YAML_SYNTAX`` error with
its line and column, never another exception.

Bounded before and while it is read: ``MAX_DOCUMENT_BYTES`` (UTF-8), ``MAX_NESTING``
levels of collections (PyYAML composes recursively: deeper input was a RecursionError),
``MAX_LIST_ITEMS`` items a list and ``MAX_NODES`` values in all (refused while
composing, before the rest of a huge list is read). Text YAML refuses (a control
character, NUL), a value its tag cannot make (``2024-13-45``) and text that cannot be
stored (a lone surrogate from ``"\\ud800"``) are syntax errors at their position.
Reading is CPU work: callers on the event loop run it in a worker thread.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode
from yaml.reader import ReaderError

from ..errors import DomainError, DomainErrors
from .errors import DocumentCode

MAX_DOCUMENT_BYTES = 1_000_000
# The format nests four levels (questions, a question, its choices); deeper is no document.
MAX_NESTING = 16
# Far beyond a version's content (100 questions, 4 machines), and refused while composing,
# before the rest of a huge list is read.
MAX_LIST_ITEMS = 1_000
MAX_NODES = 20_000
# What PyYAML's scanner and constructors raise, besides YAMLError, on values they cannot make.
UNREADABLE_VALUE = (ValueError, TypeError, AttributeError, LookupError, OverflowError)
UNSTORABLE_TEXT = re.compile("[\ud800-\udfff\x00]")


class _DocumentLoader(yaml.SafeLoader):
    """PyYAML's safe loader, also refusing aliases (no entity expansion) and duplicate keys."""

    nesting = 0
    nodes = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            mark = self.current_event.start_mark  # check_event peeked at it
            raise ComposerError(None, None, "aliases (*name) are not allowed", mark)
        # A sequence's items come with their position; a mapping's with None or a key node.
        too_long = isinstance(index, int) and index >= MAX_LIST_ITEMS
        self.nodes += 1
        if too_long or self.nodes > MAX_NODES:
            problem = (
                f"a list of more than {MAX_LIST_ITEMS} items"
                if too_long
                else f"more than {MAX_NODES} values in the document"
            )
            raise ComposerError(None, None, problem, self.current_event.start_mark)
        if self.check_event(yaml.CollectionStartEvent):
            if self.nesting >= MAX_NESTING:
                mark = self.current_event.start_mark
                problem = f"nested more than {MAX_NESTING} levels deep"
                raise ComposerError(None, None, problem, mark)
            self.nesting += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.nesting -= 1
        return super().compose_node(parent, index)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, ScalarNode):
                if key_node.value in seen:
                    raise ConstructorError(
                        None, None, f"duplicate key {key_node.value!r}", key_node.start_mark
                    )
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        """Also refusing, at the value's position: a value its tag's constructor cannot
        make (``2024-13-45``, ``!!int abc``: PyYAML raises ValueError and the like), and
        text that cannot be stored (a lone surrogate or NUL, from ``"\\ud800"``, ``"\\0"``).
        """
        try:
            value = super().construct_object(node, deep=deep)
        except UNREADABLE_VALUE as exc:
            kind = str(node.tag).rsplit(":", 1)[-1]
            detail = f" ({exc})" if type(exc) is ValueError else ""
            problem = f"not a valid {kind}{detail}"
            raise ConstructorError(None, None, problem, node.start_mark) from None
        if isinstance(value, str) and UNSTORABLE_TEXT.search(value):
            problem = "a lone UTF-16 surrogate or a NUL character cannot be stored"
            raise ConstructorError(None, None, problem, node.start_mark)
        return value


def _line_and_column(text: str, position: int) -> tuple[int, int]:
    """1-based, as editors count."""
    line_start = text.rfind("\n", 0, position) + 1
    return text.count("\n", 0, position) + 1, position - line_start + 1


def _syntax_error(exc: yaml.YAMLError, text: str) -> DomainError:
    if isinstance(exc, ReaderError):  # a character YAML does not allow, NUL for one
        line, column = _line_and_column(text, exc.position)
        character = exc.character if isinstance(exc.character, str) else chr(exc.character)
        message = (
            f"line {line}, column {column}: the character U+{ord(character):04X} is not "
            "allowed in a YAML document"
        )
    elif isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        problem = (exc.problem or "").removeprefix("but ")  # "but found another document"
        message = f"line {mark.line + 1}, column {mark.column + 1}: {problem}"
        if exc.context and exc.context_mark is not None:
            message += f" ({exc.context} at line {exc.context_mark.line + 1})"
    else:
        message = str(exc)
    return DomainError(DocumentCode.YAML_SYNTAX, message, None)


def load(text: str) -> Any:
    """The plain data of the YAML document ``text`` (None when it is empty); a
    ``DomainErrors`` with one error (``TOO_LARGE`` or ``YAML_SYNTAX``, the latter with its
    line and column) when it cannot be read."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_DOCUMENT_BYTES:
        problem = f"the document is {size} bytes, more than {MAX_DOCUMENT_BYTES} (UTF-8)"
        raise DomainErrors([DomainError(DocumentCode.TOO_LARGE, problem, None)])
    try:
        # The loader reads (and checks) the first characters as it is made.
        loader = _DocumentLoader(text)
        try:
            return loader.get_single_data()
        except UNREADABLE_VALUE as exc:  # from the scanner: "\\UFFFFFFFF", for one
            mark = loader.get_mark()
            raise yaml.MarkedYAMLError(problem=f"unreadable ({exc})", problem_mark=mark) from None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise DomainErrors([_syntax_error(exc, text)]) from None
