"""Another answer of the bank in a typed answer: a negation, a comparison, a second place, another person."""

from __future__ import annotations

from quizgen.grading.lexicon import Lexicon
from quizgen.grading.numeric import asked_words
from quizgen.grading.quantity import QUALIFIERS
from quizgen.grading.spelling import normalize
from quizgen.grading.wording import NEGATIONS
from quizgen.model import Fact


def says_otherwise(got: str, accepted: set[str], others: set[str], fact: Fact, listed: bool) -> bool:
    """Wrong outright: a negation or comparison the answer lacks, or a hedge with another answer
    of the bank ('Lisbon, Madrid'), unless the fact's own text names that other place or body."""
    words = got.split()
    answer_words = {w for form in accepted for w in form.split()} | (asked_words(fact.q) - NEGATIONS)
    if any(w in NEGATIONS or (w in QUALIFIERS and QUALIFIERS[w]) for w in words if w not in answer_words):
        return True
    if listed:
        return False  # 'Poland, Estonia, Latvia and Lithuania' for a list answer is no hedge
    own = normalize(" ".join((fact.q, fact.note or "", fact.quote, fact.derived or "")))
    padded = f" {got} "
    return any(
        f" {other} " in padded
        and f" {other} " not in f" {own} "
        and not any(f" {other} " in f" {form} " for form in accepted)
        for other in others
    )


def names_another(words: str, fact: Fact, known: Lexicon, accepted: set[str], others: set[str]) -> bool:
    """Words beside an answer that name another answer of the bank (one the fact's own text does not name)."""
    if not words:
        return False
    own = f" {normalize(' '.join((fact.q, fact.note or '', fact.quote, fact.derived or '')))} "
    padded = f" {words} "
    named = any(f" {other} " in padded and f" {other} " not in own for other in others)
    return named or bool(set(words.split()) & (known.surnames - {form.split()[-1] for form in accepted if form}))


def mentions(words: str, others: set[str], known: Lexicon) -> bool:
    """`words` (normalized) hold another answer of the bank, or one of its people's surnames."""
    padded = f" {words} "
    return any(f" {other} " in padded for other in others if other) or bool(set(words.split()) & known.surnames)


def another_person(got: str, fact: Fact, known: Lexicon, accepted: set[str]) -> bool:
    """Another surname of the bank's people is another person (Bauer: Rob Bauer, not Monika Bauhr)."""
    own = {form.split()[-1] for form in accepted if form}
    return fact.kind == "person" and got.split()[-1] in known.surnames - own
