"""What is worked out from a parsed document once, kept by the document's identity.

Strawberry's parser cache hands out one ``DocumentNode`` per query text, so what is
worked out from the document (its validation, its execution plans, its cost, where its
arguments take variables) can be done once per text and reused by every request that
sends it. An entry holds its document, so the ``id`` in its key cannot be
reused while it is cached; a document parsed anew is a miss, never a wrong hit.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from graphql import DocumentNode

V = TypeVar("V")


class DocumentMemo(Generic[V]):
    """At most ``maxsize`` values, each for a document and a key of the caller's (the
    operation's name, say), the least recently used dropped first."""

    def __init__(self, maxsize: int = 512) -> None:
        self.maxsize = maxsize
        self._entries: OrderedDict[tuple[int, Hashable], tuple[DocumentNode, V]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, document: DocumentNode, key: Hashable, compute: Callable[[], V]) -> V:
        """The value for ``document`` and ``key``; ``compute()`` works it out on a miss."""
        entry_key = (id(document), key)
        entry = self._entries.get(entry_key)
        if entry is not None and entry[0] is document:
            self._entries.move_to_end(entry_key)
            return entry[1]
        value = compute()
        self._entries[entry_key] = (document, value)
        if len(self._entries) > self.maxsize:
            self._entries.popitem(last=False)
        return value
