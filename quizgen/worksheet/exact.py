"""The largest set of questions no two of which conflict, found exactly (a worksheet's last resort)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

BUDGET = 20_000  # search steps before the search gives up and keeps the best set found


class _Item(Protocol):
    @property
    def ids(self) -> frozenset[str]: ...


T = TypeVar("T", bound=_Item)


def largest_compatible(items: list[T], conflict: Callable[[T, T], bool], enough: int, budget: int = BUDGET) -> list[T]:
    """Up to `enough` items, pairwise free of conflict, as many as exist (within `budget` steps).

    The conflict graph falls apart into connected groups; the largest conflict-free set of each is
    found by branch and bound (an item taken or left; a branch ends when even every remaining fact
    could not beat the best set), and the groups' sets are joined.
    """
    near = {id(item): [other for other in items if other is not item and conflict(item, other)] for item in items}
    chosen: list[T] = []
    steps = [0]
    for group in _groups(items, near):
        chosen += _largest(group, near, steps, budget)
        if len(chosen) >= enough:
            return chosen[:enough]
    return chosen


def _largest(group: list[T], near: dict[int, list[T]], steps: list[int], budget: int) -> list[T]:
    best: list[T] = []

    def grow(chosen: list[T], rest: list[T]) -> None:
        nonlocal best
        steps[0] += 1
        if len(chosen) > len(best):
            best = chosen
        if not rest or steps[0] > budget:
            return
        if len(chosen) + len({fact_id for item in rest for fact_id in item.ids}) <= len(best):
            return
        first, later = rest[0], rest[1:]
        blocked = {id(other) for other in near[id(first)]}
        grow([*chosen, first], [item for item in later if id(item) not in blocked])
        grow(chosen, later)

    grow([], sorted(group, key=lambda item: len(near[id(item)])))
    return best


def _groups(items: list[T], near: dict[int, list[T]]) -> list[list[T]]:
    """The connected groups of the conflict graph, in the items' order."""
    seen: set[int] = set()
    groups = []
    for item in items:
        if id(item) in seen:
            continue
        group, stack = [], [item]
        seen.add(id(item))
        while stack:
            current = stack.pop()
            group.append(current)
            for other in near[id(current)]:
                if id(other) not in seen:
                    seen.add(id(other))
                    stack.append(other)
        groups.append(group)
    return groups
