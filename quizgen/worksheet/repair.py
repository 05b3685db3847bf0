"""The maximal-set step of the planner: swap one chosen single question for two that fit."""

from __future__ import annotations

from collections.abc import Callable

from quizgen.worksheet.candidates import Candidate

GROUPED = ("match", "order")  # one question built from several facts


def repair(
    chosen: list[Candidate], singles: list[Candidate], count: int, conflict: Callable[[Candidate, Candidate], bool]
) -> None:
    """Swap one chosen single question for two that fit, repeated while `chosen` is short of `count`.

    A question that fits the sheet with `out` swapped out conflicts with no chosen question but
    `out`, so the pair is looked for among the questions blocked by `out` alone. Each question's
    blockers are read once and then kept up to date per swap: a step costs singles conflict
    checks, not singles x singles x chosen. The first such pair in the lists' order is taken.
    Each swap removes one chosen single question (never a matching or ordering one).
    """
    taken = {id(c) for c in chosen}
    blockers = {id(c): [b for b in chosen if conflict(c, b)] for c in singles if id(c) not in taken}
    while len(chosen) < count:
        free = [c for c in singles if id(c) in blockers]
        swap = _swap(free, blockers, conflict)
        if swap is None:
            return
        out, candidate, extra = swap
        chosen[:] = [c for c in chosen if c is not out] + [candidate, extra]
        del blockers[id(candidate)], blockers[id(extra)]
        for c in free:
            if id(c) in blockers:
                blockers[id(c)] = [b for b in blockers[id(c)] if b is not out] + [
                    b for b in (candidate, extra) if conflict(c, b)
                ]
        if any(out is c for c in singles):
            blockers[id(out)] = [b for b in chosen if conflict(out, b)]


def _swap(free: list[Candidate], blockers: dict[int, list[Candidate]], conflict):
    """(out, candidate, extra): the first question blocked by one single question only, and the
    first other free question that fits once that one makes way for it; None if there is none."""
    for candidate in free:
        blocking = blockers[id(candidate)]
        if len(blocking) != 1 or blocking[0].kind in GROUPED:
            continue
        out = blocking[0]
        extra = next(
            (
                c
                for c in free
                if c is not candidate and all(b is out for b in blockers[id(c)]) and not conflict(c, candidate)
            ),
            None,
        )
        if extra is not None:
            return out, candidate, extra
    return None
