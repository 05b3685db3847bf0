"""The exact last resort of the worksheet planner, against plain enumeration of every subset."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.worksheet.exact import largest_compatible


@dataclass(frozen=True)
class Item:
    name: int
    fact: str

    @property
    def ids(self) -> frozenset[str]:
        return frozenset({self.fact})


@st.composite
def graphs(draw):
    size = draw(st.integers(0, 10))
    facts = draw(st.lists(st.sampled_from("abcdefgh"), min_size=size, max_size=size))
    items = [Item(n, fact) for n, fact in enumerate(facts)]
    edges = draw(st.sets(st.tuples(st.integers(0, max(size - 1, 0)), st.integers(0, max(size - 1, 0)))))
    return items, {frozenset(edge) for edge in edges if edge[0] != edge[1] and edge[1] < size}


@settings(max_examples=300, deadline=None)
@given(graphs(), st.integers(1, 10))
def test_the_set_is_as_large_as_the_largest_conflict_free_subset(graph, enough):
    items, edges = graph

    def conflict(one, other):  # a shared fact, or an edge of the drawn graph
        return one.fact == other.fact or frozenset((one.name, other.name)) in edges

    best = max(
        (
            size
            for size in range(len(items) + 1)
            for subset in combinations(items, size)
            if all(not conflict(a, b) for a, b in combinations(subset, 2))
        ),
        default=0,
    )
    found = largest_compatible(items, conflict, enough)
    assert len(found) == min(best, enough)
    assert all(not conflict(a, b) for a, b in combinations(found, 2))
    assert len({item.name for item in found}) == len(found)
