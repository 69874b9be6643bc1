"""The ranking: scores from question values and bonuses, competition ranks, tie-breaks,
the frozen board, keyset pages and the score timeline."""

from __future__ import annotations

from uuid import UUID

from rangex_graphql.models.enums import RegistrationStatus, ScoringMode
from rangex_graphql.services.events.dynamic_value import question_value
from rangex_graphql.services.events.leaderboard import (
    Board,
    BoardEvent,
    board_events,
    live_standing,
    read_board,
)
from rangex_graphql.services.events.timeline import timelines
from tests.events.leaderboard_world import World, at, event_world, solo, solve


async def board_of(world: World, *, truth: bool = False, first: int = 100) -> Board:
    return await read_board(await spec(world), truth=truth, first=first)


async def spec(world: World) -> BoardEvent:
    return (await board_events([world.event.id]))[world.event.id]


def table(board: Board) -> list[tuple[int, UUID, int]]:
    return [(s.rank, s.registration_id, s.score) for s in board.standings]


async def test_ranks_by_score_then_by_who_reached_it_first_with_competition_ranks(
    db: None,
) -> None:
    world = await event_world((100, 200, 300))
    late, early, tied_a, tied_b, idle_new, idle_old = [
        await solo(world, registered=at(-60 + i)) for i in range(6)
    ]
    await solve(world, early, 2, at(10))  # 300 at minute 10
    await solve(world, late, 2, at(20))  # 300 at minute 20
    await solve(world, tied_a, 1, at(5))  # 200 at minute 5, twice
    await solve(world, tied_b, 1, at(5))
    board = await board_of(world)
    ids = [s.registration_id for s in board.standings]
    assert ids[:4] == [early.id, late.id, min(tied_a.id, tied_b.id), max(tied_a.id, tied_b.id)]
    assert [s.rank for s in board.standings] == [1, 2, 3, 3, 5, 5]
    # Without a solve: after every solver, by registration time (-56 before -55).
    assert ids[4:] == [idle_new.id, idle_old.id]
    assert [s.score for s in board.standings] == [300, 300, 200, 200, 0, 0]
    assert board.standings[0].last_solve_at == at(10)
    assert board.standings[4].last_solve_at is None
    assert board.standings[4].solves == 0


async def test_dynamic_values_follow_the_solve_count_and_bonuses_are_kept(db: None) -> None:
    world = await event_world(
        (500,), scoring_mode=ScoringMode.DYNAMIC, dynamic_minimum_percent=10, dynamic_decay=5
    )
    people = [await solo(world) for _ in range(4)]
    for i, person in enumerate(people[:3]):
        await solve(world, person, 0, at(i), blood=i + 1, bonus=(25, 15, 5)[i])
    board = await board_of(world)
    value = question_value(500, 3, mode=ScoringMode.DYNAMIC, minimum_percent=10, decay=5)
    assert value < 500
    assert [s.score for s in board.standings] == [value + 25, value + 15, value + 5, 0]


async def test_a_pending_registration_is_not_on_the_board(db: None) -> None:
    world = await event_world()
    approved = await solo(world)
    pending = await solo(world, status=RegistrationStatus.PENDING)
    await solve(world, pending, 0, at(1))
    board = await board_of(world)
    assert [s.registration_id for s in board.standings] == [approved.id]


async def test_the_frozen_board_counts_solves_and_values_as_at_the_freeze(db: None) -> None:
    world = await event_world(
        (1000,),
        scoring_mode=ScoringMode.DYNAMIC,
        dynamic_minimum_percent=10,
        dynamic_decay=3,
        freeze_at=at(30),
    )
    first, second, after_freeze = [await solo(world) for _ in range(3)]
    await solve(world, first, 0, at(10))
    await solve(world, after_freeze, 0, at(40))  # after the freeze
    await solve(world, second, 0, at(20))
    public = await board_of(world)
    assert public.frozen
    assert public.as_of == at(30)
    before = question_value(1000, 2, mode=ScoringMode.DYNAMIC, minimum_percent=10, decay=3)
    now = question_value(1000, 3, mode=ScoringMode.DYNAMIC, minimum_percent=10, decay=3)
    assert before != now
    assert table(public) == [(1, first.id, before), (2, second.id, before), (3, after_freeze.id, 0)]
    truth = await board_of(world, truth=True)
    assert not truth.frozen
    assert table(truth) == [(1, first.id, now), (2, second.id, now), (3, after_freeze.id, now)]
    mine = await live_standing(await spec(world), after_freeze.id)
    assert mine is not None
    assert (mine.rank, mine.score) == (3, now)


async def test_pages_follow_the_order_without_gaps_or_repeats(db: None) -> None:
    world = await event_world((100, 200))
    people = [await solo(world, registered=at(-50 + i)) for i in range(7)]
    for i, person in enumerate(people[:5]):
        await solve(world, person, i % 2, at(10 - i))
    await solve(world, people[0], 1, at(3))  # ties on time with people[...]
    whole = await board_of(world)
    event = await spec(world)
    seen: list[tuple[int, UUID, int]] = []
    after = None
    while True:
        page = await read_board(event, truth=False, first=2, after=after)
        seen.extend(table(page))
        if not page.has_next:
            break
        after = page.standings[-1].position
    assert seen == table(whole)
    assert len(seen) == 7


async def test_the_timeline_adds_up_to_the_board_score(db: None) -> None:
    world = await event_world((100, 200, 300))
    leader, other = await solo(world), await solo(world)
    await solve(world, leader, 0, at(1), blood=1, bonus=5)
    await solve(world, leader, 2, at(5))
    await solve(world, other, 1, at(3))
    board = await board_of(world, first=1)
    lines = await timelines(board)
    assert len(lines) == 1
    assert lines[0].standing.registration_id == leader.id
    assert [(p.at, p.score) for p in lines[0].points] == [(at(1), 105), (at(5), 405)]


async def test_a_solver_without_points_ranks_before_those_without_a_solve(db: None) -> None:
    world = await event_world((0, 100))
    idle = await solo(world, registered=at(-90))
    zero = await solo(world, registered=at(-10))
    await solve(world, zero, 0, at(20))  # worth nothing, after idle registered
    board = await board_of(world)
    assert [(s.rank, s.registration_id) for s in board.standings] == [(1, zero.id), (2, idle.id)]
