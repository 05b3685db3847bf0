"""Asking for more questions than fit never gives fewer: the sheet keeps the most found (rv5 C2)."""

from __future__ import annotations

import pytest
from test_questions import bundled

from quizgen.worksheet.options import TYPES
from quizgen.worksheet.plan import plan_questions


@pytest.mark.parametrize(("source", "seed"), [("002", 1), ("003", 1), ("004", 2)])
def test_a_short_sheet_is_as_long_as_the_longest_sheet_of_a_smaller_count(source, seed):
    """For every count from 20 to beyond the article's facts: once a count cannot be met, the
    sheet's length never falls as the count grows, and equals the longest sheet any smaller count
    gave (the test's own running maximum over the counts it asked)."""
    bank = bundled()
    pool = bank.select(sources=(source,))
    longest = 0
    short = 0
    for count in range(20, len(pool.facts) + 3):
        plan = plan_questions(pool, bank, count, TYPES, seed)
        if plan.total < count:
            short += 1
            assert plan.total == longest, (count, plan.total, longest)
            assert any(f"only {plan.total} of {count} questions (the most that fit)" in n for n in plan.notes)
        longest = max(longest, plan.total)
    assert short >= 3  # the counts reach past what the article allows
