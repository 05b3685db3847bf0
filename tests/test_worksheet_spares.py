"""A matching question's spare items tell nothing about the rest of the sheet (rv5 G2)."""

from __future__ import annotations

import re

import pytest
from test_worksheet_planner import BANKS

from quizgen.worksheet.options import TYPES
from quizgen.worksheet.plan import plan_questions

YEAR = re.compile(r"\b(?:19|20)\d\d\b")
REQUESTS = [(25, TYPES, seed) for seed in range(1, 13)] + [(4, ("match", "order"), seed) for seed in range(1, 13)]


def sheets(bank):
    for count, types, seed in REQUESTS:
        plan = plan_questions(bank, bank, count, tuple(types), seed)
        yield [q for kind in plan.questions for q in plan.questions[kind]]


def facts(question):
    return question.facts if hasattr(question, "facts") else (question.fact,)


@pytest.mark.parametrize("name", BANKS)
def test_no_spare_comes_from_a_fact_asked_elsewhere_nor_prints_a_year_another_question_asks(name):
    """Every matching question of 24 sheets per bank (25 questions of all types; matching and
    ordering alone): no spare role or name is a fact another question asks (the test finds the
    spare's fact by its own comparison), and no year printed in the right-hand column (roles'
    terms of office) is the year of an event another question orders or matches with its year."""
    bank = BANKS[name]()
    spares_seen = years_seen = 0
    for questions in sheets(bank):
        for match in (q for q in questions if hasattr(q, "flavour") and q.flavour != "years"):
            others = [q for q in questions if q is not match]
            asked = {f.id for q in others for f in facts(q)}
            matched = {match.right[i] for i in match.pairs}
            spare = [text for text in match.right if text not in matched]
            sources = {
                f.id
                for f in bank.facts
                for text in spare
                if text.casefold() in {(f.role or "").casefold(), f.a.casefold()}
            }
            spares_seen += len(sources)
            assert not sources & asked, (match.right, sources & asked)
            printed = {y for text in match.right for y in YEAR.findall(text)}
            years_seen += len(printed)
            for other in others:
                if hasattr(other, "order") or getattr(other, "flavour", None) == "years":
                    own = {y for text in (getattr(other, "items", ()) or other.left) for y in YEAR.findall(text)}
                    placed = {str(f.when.year) for f in other.facts} - own
                    assert not placed & printed, (match.right, placed & printed)
    assert spares_seen and years_seen  # the sheets have spares and terms of office to check
