"""Finds facts that ask the same thing: the same answer to mostly the same question words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.bank.provenance import words
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


@dataclass(frozen=True)
class _Asked:
    """What comparing one fact needs, worked out once: its question's key and words, its answers."""

    fact: Fact
    key: str
    answers: tuple[frozenset[str], ...]
    meaningful: frozenset[str]


def _asked(fact: Fact) -> _Asked:
    answers = tuple(frozenset(words(form)) for form in (fact.a, *fact.alt))
    meaningful = frozenset(w for w in words(fact.q) if w not in _COMMON and not w.isdigit())
    return _Asked(fact, question_key(fact.q), tuple(a for a in answers if a), meaningful)


def _same(one: _Asked, other: _Asked) -> bool:
    if one.key == other.key:
        return True
    # one accepted form contains the other's words: 'May 2002' and '2002' answer alike
    if not any(a <= b or b <= a for a in one.answers for b in other.answers):
        return False
    shared = len(one.meaningful & other.meaningful)
    return (shared / (min(len(one.meaningful), len(other.meaningful)) or 1) >= SAME_WORDS
            and shared / (len(one.meaningful | other.meaningful) or 1) >= SHARED_WORDS)


def repeated_questions(facts: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Every pair of facts asking the same thing, in file order.

    Two facts can match only when one answer's words all occur in another's, so each fact is
    compared only with the facts holding the rarest word of one of its answers (or asking the
    same question word for word): the check stays near-linear in the size of the bank.
    """
    asked = [_asked(fact) for fact in facts]
    index: dict[str, set[int]] = {}
    for number, item in enumerate(asked):
        for token in {f"q:{item.key}", *(f"a:{w}" for answer in item.answers for w in answer)}:
            index.setdefault(token, set()).add(number)
    found: set[tuple[int, int]] = set()
    for number, item in enumerate(asked):
        rarest = {min((f"a:{w}" for w in answer), key=lambda token: len(index[token]))
                  for answer in item.answers}
        for token in rarest | {f"q:{item.key}"}:
            for other in index[token] - {number}:
                pair = (min(number, other), max(number, other))
                if pair not in found and _same(asked[pair[0]], asked[pair[1]]):
                    found.add(pair)
    return [(asked[a].fact, asked[b].fact) for a, b in sorted(found)]
