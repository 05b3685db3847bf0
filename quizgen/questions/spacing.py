"""Card orders that keep give-away pairs apart (the quiz, the Anki deck and the study page)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

SEARCH_STEPS = 20_000  # steps of the search for an order keeping every give-away pair apart
SEARCH_DEPTH = 500  # items beyond which that search is not tried (the greedy order and moves remain)


def spaced(
    items: list[T], pairs, key: Callable[[T], str], lanes: Callable[[T], Iterable[int]] = lambda item: (0,)
) -> list[T]:
    """`items` reordered so that no two neighbours are a give-away pair (by their `key`, a fact id),
    as near their order as that allows. Neighbours are taken within each lane (Anki shows a deck's
    first cards of every note, then the second ones: an item is in the lane of each of its cards).

    An order with no partners side by side is searched for (`_apart`), else built greedily; then,
    while two partners still meet in a lane, one item moves to the nearest place with fewer meetings.
    """
    partners: dict[str, set[str]] = {}
    for one, other in pairs:
        partners.setdefault(one, set()).add(other)
        partners.setdefault(other, set()).add(one)
    in_lane = {id(item): frozenset(lanes(item)) for item in items}

    def meet(a: T, b: T) -> bool:
        return key(b) in partners.get(key(a), ())

    def meetings(seq: list[T]) -> int:
        found = 0
        for lane in set().union(*in_lane.values()):
            queue = [item for item in seq if lane in in_lane[id(item)]]
            found += sum(meet(a, b) for a, b in zip(queue, queue[1:], strict=False))
        return found

    order = _apart(items, meet) or _greedy(items, meet)
    count = meetings(order)
    while count:
        better = next(
            (trial for moved in range(len(order)) for trial in _moves(order, moved) if meetings(trial) < count), None
        )
        if better is None:
            break
        order, count = better, meetings(better)
    return order


def _apart(items: list[T], meet: Callable[[T, T], bool], budget: int = SEARCH_STEPS) -> list[T] | None:
    """An order of `items` in which no neighbours meet, nearest the given order first (depth-first
    search, exhaustive for small decks), or None when none is found within `budget` steps."""
    if len(items) > SEARCH_DEPTH:  # (the search recurses once per item)
        return None
    order: list[T] = []
    used = [False] * len(items)
    steps = 0

    def extend() -> bool:
        nonlocal steps
        steps += 1
        if len(order) == len(items):
            return True
        if steps > budget:
            return False
        for n, item in enumerate(items):
            if not used[n] and (not order or not meet(order[-1], item)):
                used[n] = True
                order.append(item)
                if extend():
                    return True
                order.pop()
                used[n] = False
        return False

    return order if extend() else None


def _greedy(items: list[T], meet: Callable[[T, T], bool]) -> list[T]:
    """Each next item the first left that the one before does not meet (the first left if none)."""
    left, order = list(items), list[T]()
    while left:
        chosen = next((item for item in left if not order or not meet(order[-1], item)), left[0])
        left.remove(chosen)
        order.append(chosen)
    return order


def _moves(order: list[T], moved: int):
    """`order` with the item at `moved` put in each other place, nearest first."""
    rest = order[:moved] + order[moved + 1 :]
    for gap in sorted(range(len(rest) + 1), key=lambda gap: abs(gap - moved)):
        if gap != moved:
            yield rest[:gap] + [order[moved]] + rest[gap:]
