"""``Context.loader``: one DataLoader per factory per request, forgotten on reset."""

from __future__ import annotations

from dataclasses import replace

from strawberry.dataloader import DataLoader

from rangex_graphql.api.context import Context
from rangex_graphql.settings import Settings


async def _echo(keys: list[int]) -> list[int]:
    return keys


def echoes() -> DataLoader[int, int]:
    return DataLoader(load_fn=_echo)


def other_echoes() -> DataLoader[int, int]:
    return DataLoader(load_fn=_echo)


def test_a_factory_makes_one_loader_per_context(settings: Settings) -> None:
    context = Context(settings=settings, viewer=None)
    assert context.loader(echoes) is context.loader(echoes)
    assert context.loader(echoes) is not context.loader(other_echoes)
    assert context.loader(echoes) is not Context(settings=settings, viewer=None).loader(echoes)


def test_reset_loaders_forgets_what_was_loaded(settings: Settings) -> None:
    context = Context(settings=settings, viewer=None)
    first = context.loader(echoes)
    context.reset_loaders()
    assert context.loader(echoes) is not first


def test_a_copied_context_loads_afresh(settings: Settings) -> None:
    """A WebSocket operation's context is a copy of the connection's: no stale rows."""
    context = Context(settings=settings, viewer=None)
    first = context.loader(echoes)
    assert replace(context, request_id="next").loader(echoes) is not first
