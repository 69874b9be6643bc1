"""Reading ahead through a loader, and resolvers that answer from a loader synchronously."""

from __future__ import annotations

import inspect

import pytest
from strawberry.dataloader import DataLoader

from rangex_graphql.api.loader_shapes import loaded, loaded_required, read_ahead


def _loader(calls: list[list[int]], fail: bool = False) -> DataLoader[int, int | None]:
    async def load(keys: list[int]) -> list[int | None]:
        calls.append(keys)
        if fail:
            raise RuntimeError("database gone")
        return [key * 10 if key else None for key in keys]

    return DataLoader(load_fn=load)


async def test_loaded_answers_now_when_the_loader_holds_the_value() -> None:
    calls: list[list[int]] = []
    loader = _loader(calls)
    pending = loaded(loader, 1)
    assert inspect.isawaitable(pending)
    assert await pending == 10
    assert loaded(loader, 1) == 10
    assert loaded_required(loader, 1) == 10
    assert calls == [[1]]


async def test_read_ahead_reads_in_one_batch_what_the_loader_does_not_hold() -> None:
    calls: list[list[int]] = []
    loader = _loader(calls)
    assert await loader.load(1) == 10
    assert await read_ahead(loader, [1, 2, 2, 3, 0]) == {1: 10, 2: 20, 3: 30, 0: None}
    assert calls == [[1], [2, 3, 0]], "one batch, only the keys not held yet"
    pending = loaded(loader, 2)
    assert inspect.isawaitable(pending), "what was read ahead is the caller's"


async def test_a_failed_read_ahead_leaves_the_error_to_the_fields() -> None:
    calls: list[list[int]] = []
    loader = _loader(calls, fail=True)
    assert await read_ahead(loader, [1, 2]) == {}
    with pytest.raises(RuntimeError, match="database gone"):
        await loaded(loader, 1)  # type: ignore[misc]
    assert calls == [[1, 2], [1]]


async def test_a_dangling_reference_is_an_error_now_or_later() -> None:
    loader = _loader([])
    with pytest.raises(AssertionError, match="dangling"):
        await loaded_required(loader, 0)  # type: ignore[misc]
    with pytest.raises(AssertionError, match="dangling"):
        loaded_required(loader, 0)
