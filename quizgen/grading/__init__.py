"""Which typed answers a fact accepts: the one grading rule the terminal quiz and the study page share."""

from __future__ import annotations

from quizgen.model import Fact

# kinds a learner can type in a few words and the grader can check; other answers are chosen
TYPED_KINDS = frozenset({"year", "date", "number", "person", "place", "organization"})
TYPED_WORDS = 4  # a longer answer is chosen from options, not typed


def asked_typed(fact: Fact) -> bool:
    """Whether the quiz's mixed style asks `fact` as a typed answer (else as multiple choice)."""
    return fact.kind in TYPED_KINDS and len(fact.a.split()) <= TYPED_WORDS
