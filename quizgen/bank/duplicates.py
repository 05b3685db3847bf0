"""Finds facts that ask the same thing: the same answer to mostly the same question words."""

from __future__ import annotations

import re
from itertools import combinations

from quizgen.bank.provenance import words
from quizgen.folding import fold
from quizgen.model import Fact

# "Mostly the same words": the longer question repeats this share of the shorter one's meaningful
# words, and they share this share of all their meaningful words (so one long question that
# mentions everything does not match every short one).
SAME_WORDS = 0.5
SHARED_WORDS = 0.25
_COMMON = {
    "what", "which", "who", "whom", "when", "where", "why", "how", "many", "much", "did", "does", "do",
    "was", "were", "is", "are", "be", "been", "the", "a", "an", "of", "and", "in", "on", "to", "for",
    "with", "by", "at", "as", "that", "this", "its", "it", "s", "from", "according", "year", "date",
    "month", "name", "called", "after", "into", "their", "his", "her", "or",
}


def question_key(question: str) -> str:
    """Questions that differ only in case, spacing or punctuation count as the same."""
    return re.sub(r"[\W_]+", " ", question.casefold()).strip()


def _answers(fact: Fact) -> list[frozenset[str]]:
    return [frozenset(words(form)) for form in (fact.a, *fact.alt)]


def _same_answer(one: Fact, other: Fact) -> bool:
    """One accepted form contains the other's words: 'May 2002' and '2002' answer alike."""
    return any(a <= b or b <= a for a in _answers(one) for b in _answers(other) if a and b)


def _meaningful(question: str) -> set[str]:
    return {w for w in words(question) if w not in _COMMON and not fold(w).isdigit()}


def same_question(one: Fact, other: Fact) -> bool:
    if question_key(one.q) == question_key(other.q):
        return True
    if not _same_answer(one, other):
        return False
    mine, theirs = _meaningful(one.q), _meaningful(other.q)
    shared = len(mine & theirs)
    return (shared / (min(len(mine), len(theirs)) or 1) >= SAME_WORDS
            and shared / (len(mine | theirs) or 1) >= SHARED_WORDS)


def repeated_questions(facts: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Every pair of facts asking the same thing, in file order."""
    return [(a, b) for a, b in combinations(facts, 2) if same_question(a, b)]
