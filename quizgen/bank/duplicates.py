"""Finds facts that ask the same thing: the same answer to the same question (`text.similar`)."""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.model import Fact
from quizgen.text import answer_key, tokens
from quizgen.text.similar import repeats_question


@dataclass(frozen=True)
class _Asked:
    """What comparing one fact needs, worked out once: its question's key and words, its answers."""

    fact: Fact
    key: str
    answers: tuple[frozenset[str], ...]
    question: str


def _asked(fact: Fact) -> _Asked:
    answers = tuple(frozenset(tokens(form)) for form in (fact.a, *fact.alt))
    return _Asked(fact, answer_key(fact.q), tuple(a for a in answers if a), fact.q)


def _same(one: _Asked, other: _Asked) -> bool:
    if one.key == other.key:
        return True
    # one accepted form contains the other's words: 'May 2002' and '2002' answer alike
    if not any(a <= b or b <= a for a in one.answers for b in other.answers):
        return False
    return repeats_question(one.question, other.question)


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
        rarest = {min((f"a:{w}" for w in answer), key=lambda token: len(index[token])) for answer in item.answers}
        for token in rarest | {f"q:{item.key}"}:
            for other in index[token] - {number}:
                pair = (min(number, other), max(number, other))
                if pair not in found and _same(asked[pair[0]], asked[pair[1]]):
                    found.add(pair)
    return [(asked[a].fact, asked[b].fact) for a, b in sorted(found)]
