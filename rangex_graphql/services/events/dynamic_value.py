"""A question's worth in an event, and the blood bonuses of its first solvers.

DYNAMIC scoring follows CTFd's parabola: the first solver leaves the value at its initial
points; it then falls with the square of the further solves and reaches the minimum at
``decay`` solves, never going below it. Every participant who solved the question scores
its current value, so an early solve loses worth as others catch up (bloods make up for it).
"""

from __future__ import annotations

from math import ceil

from ...models.enums import ScoringMode

BLOOD_RANKS = (1, 2, 3)


def minimum_value(initial: int, minimum_percent: int) -> int:
    return max(0, ceil(initial * minimum_percent / 100))


def question_value(
    initial: int,
    solves: int,
    *,
    mode: ScoringMode,
    minimum_percent: int,
    decay: int,
) -> int:
    """The points a question is worth when ``solves`` participants have solved it."""
    if mode is ScoringMode.STATIC or solves <= 1:
        return initial
    minimum = minimum_value(initial, minimum_percent)
    if solves >= decay:
        return minimum
    further = solves - 1
    value = initial + (minimum - initial) * further * further / ((decay - 1) ** 2)
    return max(minimum, ceil(value))


def blood_bonus(initial: int, blood: int, percents: tuple[int, int, int]) -> int:
    """The bonus of the ``blood``-th solver (1, 2, 3), fixed at solve time; 0 after."""
    if blood not in BLOOD_RANKS:
        return 0
    return ceil(initial * percents[blood - 1] / 100)
