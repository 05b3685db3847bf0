"""Teacher controls on a drawn sheet: --exclude replaces only what it names, --include counts questions."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_questions import bundled

from quizgen.errors import UsageError
from quizgen.worksheet.options import TYPES
from quizgen.worksheet.plan import plan_questions

MOVED = 1  # other questions an exclusion may displace: one swap of the refill (see below)


def questions(plan) -> list[frozenset[str]]:
    """Each question of a plan as the set of fact ids it asks."""
    return [
        frozenset(f.id for f in (q.facts if hasattr(q, "facts") else (q.fact,)))
        for items in plan.questions.values()
        for q in items
    ]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    count=st.integers(5, 30),
    types=st.lists(st.sampled_from(TYPES), min_size=1, max_size=5, unique=True),
    seed=st.integers(1, 10**6),
    pick=st.integers(0, 10**6),
)
def test_excluding_one_printed_fact_keeps_the_rest_of_the_sheet(count, types, seed, pick):
    """Excluding a fact of a drawn sheet removes its question; of the others at most MOVED go: the
    refill adds questions to the ones kept, and only a swap (one chosen single question traded for
    two that fit) removes one, and one swap makes up the one question lost. The sheet stays as full."""
    bank = bundled()
    types = tuple(t for t in TYPES if t in types)
    before = plan_questions(bank, bank, count, types, seed)
    asked = sorted(fact_id for q in questions(before) for fact_id in q)
    excluded = asked[pick % len(asked)]
    after = plan_questions(bank, bank, count, types, seed, exclude=(excluded,))
    gone = [q for q in questions(before) if excluded not in q and q not in questions(after)]
    assert all(excluded not in q for q in questions(after))
    assert len(gone) <= MOVED, gone
    assert after.total >= before.total


def test_the_facts_of_one_matching_question_pinned_make_one_question():
    """rv4 C2: the facts of a matching question drawn on a sheet, pinned with -n 2, are asked on a
    sheet of two questions (the matching one, and a single one if a pair became a spare)."""
    bank = bundled()
    found = 0
    for seed in range(1, 7):
        plan = plan_questions(bank, bank, 20, ("mcq", "match"), seed)
        for match in plan.questions["match"]:
            pinned = tuple(sorted(f.id for f in match.facts))
            sheet = plan_questions(bank, bank, 2, ("match", "mcq"), seed, include=pinned)
            assert sheet.total == 2
            assert set(pinned) <= {fact_id for q in questions(sheet) for fact_id in q}
            found += 1
    assert found >= 4


def test_more_pinned_questions_than_places_is_refused_in_questions():
    bank = bundled()
    plan = plan_questions(bank, bank, 6, ("mcq",), 1)
    pinned = tuple(next(iter(q)) for q in questions(plan))
    with pytest.raises(UsageError, match="make 6 questions, but the sheet has 5"):
        plan_questions(bank, bank, 5, ("mcq",), 1, include=pinned)
    assert plan_questions(replace(bank), bank, 6, ("mcq",), 1, include=pinned).total == 6


@pytest.mark.parametrize("kind", ["order", "match"])
def test_a_pinned_event_the_planner_orders_or_matches_can_be_pinned_into_that_type_alone(kind):
    """Every fact the planner itself puts in a `kind` question (over 12 seeds of matching and
    ordering sheets): `--include ID --types kind -n 1` makes one `kind` question asking it (rv5 C1:
    refused, as "cannot be asked as the types asked")."""
    bank = bundled()
    seen = {
        fact.id
        for seed in range(1, 13)
        for question in plan_questions(bank, bank, 4, ("match", "order"), seed).questions[kind]
        for fact in question.facts
    }
    assert len(seen) >= 10
    for fact_id in sorted(seen):
        plan = plan_questions(bank, bank, 1, (kind,), 1, include=(fact_id,))
        [question] = plan.questions[kind]
        assert fact_id in {fact.id for fact in question.facts}
