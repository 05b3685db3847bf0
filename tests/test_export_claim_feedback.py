"""An exported claim's feedback does not give the claim to the article's author (rv4-author W1)."""

from __future__ import annotations

from conftest import ROOT

from quizgen.authoring.lint import claim_warnings
from quizgen.bank.loader import load_banks
from quizgen.export.feedback import fact_feedback


def test_a_claims_feedback_points_to_whom_the_question_names():
    """'Putin warned…' is Putin's claim, not the author's: the feedback says the question names whose
    (check warns of a claim whose question does not), for every bundled claim."""
    bank = load_banks(ROOT / "decks", ROOT / "seeds")[0]
    claims = [fact for fact in bank.facts if fact.stance == "claim"]
    assert claims
    for fact in claims:
        text = "\n".join(fact_feedback(fact, "Answer: x")).casefold()
        assert "author argues" not in text and "the view of whom the question names" in text, fact.id
    assert sum(not claim_warnings(fact) for fact in claims) >= len(claims) - 1  # the questions say whose
