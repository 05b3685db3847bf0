"""Finding F11 of the 2026-12-07 robustness review: `quizgen print -n 140` took 71 s, `-n 251` 191 s,
in the planner's repair step (swap one chosen question for two that fit), which re-checked every
pair of questions against the whole sheet on every step.

The repair now keeps each question's blockers up to date. Over generated conflict graphs it makes
exactly the choices of the plain algorithm written out below (the rule as the module states it),
and its conflict checks no longer grow with the number of questions asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.worksheet.plan import GROUPED, _Search

TYPES = ("mcq", "match", "tf")


@dataclass(eq=False)
class Node:
    number: int
    kind: str


class Graph(_Search):
    """A planner whose conflicts are the edges of a generated graph, counting the checks."""

    def __init__(self, edges: set[frozenset[int]], count: int):  # noqa: D107 (no bank needed)
        self.edges, self.count, self.types, self.checks = edges, count, TYPES, 0

    def conflict(self, one, other) -> bool:
        self.checks += 1
        return one is other or frozenset((one.number, other.number)) in self.edges


def plain_repair(graph: Graph, chosen: list[Node], singles: list[Node]) -> list[Node]:
    """The rule, checked the obvious way: the first unchosen single question blocked by exactly one
    chosen single question, swapped in with the first other question that then fits; repeated."""
    chosen = list(chosen)
    while len(chosen) < graph.count:
        for candidate in (c for c in singles if all(c is not x for x in chosen)):
            blocking = [c for c in chosen if graph.conflict(candidate, c)]
            if len(blocking) != 1 or blocking[0].kind in GROUPED:
                continue
            trial = [c for c in chosen if c is not blocking[0]] + [candidate]
            extra = next(
                (
                    c
                    for c in singles
                    if all(c is not x for x in trial)
                    and c is not blocking[0]
                    and not any(graph.conflict(c, x) for x in trial)
                ),
                None,
            )
            if extra is not None:
                chosen = trial + [extra]
                break
        else:
            return chosen
    return chosen


@st.composite
def sheets(draw):
    size = draw(st.integers(2, 16))
    nodes = [Node(n, draw(st.sampled_from(TYPES))) for n in range(size)]
    pairs = [frozenset((a, b)) for a in range(size) for b in range(a + 1, size)]
    edges = {pair for pair in pairs if draw(st.booleans())}
    chosen: list[Node] = []
    for node in draw(st.permutations(nodes)):  # a conflict-free sheet, maximal or not
        if draw(st.booleans()) and not any(frozenset((node.number, c.number)) in edges for c in chosen):
            chosen.append(node)
    return nodes, edges, chosen, draw(st.integers(len(chosen), size + 3))


@settings(max_examples=300, deadline=None, database=None)
@given(sheets())
def test_f11_repair_makes_the_plain_algorithms_choices(sheet):
    nodes, edges, chosen, count = sheet
    lists = {kind: [n for n in nodes if n.kind == kind] for kind in TYPES}
    singles = [n for kind in TYPES if kind not in GROUPED for n in lists[kind]]
    expected = plain_repair(Graph(edges, count), chosen, singles)
    repaired = list(chosen)
    Graph(edges, count)._repair(repaired, lists)
    assert [n.number for n in repaired] == [n.number for n in expected]
    assert not any(frozenset((a.number, b.number)) in edges for a in repaired for b in repaired)


@settings(max_examples=10, deadline=None, database=None)
@given(hubs=st.integers(20, 40), extra_asked=st.integers(1, 5000))
def test_f11_a_sheet_no_swap_can_grow_costs_the_square_of_its_size_not_the_cube(hubs, extra_asked):
    """The case of `print -n 251`: k chosen questions, each blocking two questions that also block
    each other, so no swap exists, whatever the count asked. Kept-up-to-date blockers cost 2k*k
    checks and one per candidate; the plain algorithm re-checks each pair against the sheet (~k**3)."""
    chosen = [Node(n, "mcq") for n in range(hubs)]
    firsts = [Node(hubs + n, "mcq") for n in range(hubs)]
    seconds = [Node(2 * hubs + n, "mcq") for n in range(hubs)]
    edges = {
        frozenset((a.number, b.number))
        for hub, first, second in zip(chosen, firsts, seconds, strict=True)
        for a, b in ((hub, first), (hub, second), (first, second))
    }
    graph, plain = Graph(edges, hubs + extra_asked), Graph(edges, hubs + extra_asked)
    assert plain_repair(plain, chosen, firsts + seconds) == chosen
    repaired = list(chosen)
    graph._repair(repaired, {"mcq": firsts + seconds, "match": [], "tf": []})
    assert repaired == chosen
    assert graph.checks <= 2 * hubs * hubs + 2 * hubs < plain.checks
