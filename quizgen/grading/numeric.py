"""A typed quantity against the answer's, with the bound the question itself asks with.

The bounds: 'more than how many', 'a floor', 'what maximum'."""

from __future__ import annotations

import re

from quizgen.grading.names import ALMOST, CORRECT, WRONG
from quizgen.grading.quantity import APPROXIMATE, FILLERS, QUALIFIERS, UNITS, Quantity, number_words, read_quantity
from quizgen.grading.spelling import normalize
from quizgen.model import Fact

# The question's own comparison, right before what it asks: "more than how many", "since which year".
_ASKED = re.compile(
    r"\b(more than|over|at least|up to|fewer than|less than|under|since|until|till|by|before|after|from|"
    r"as of|(?:a )?maximum of|at most|nearly|almost)\s+(?:how (?:many|much|long)|"
    r"(?:which|what) (?:(?:day|month)(?: and| or)? )?(?:year|month|date|day))\b",
    re.IGNORECASE,
)
_ASKED_SIZE = re.compile(r"\b(?:what|which)\s+(maximum|minimum)\b", re.IGNORECASE)  # 'to what maximum size'
# The bound the question names: 'a floor for defence spending' asks a minimum, 'a cap on' a maximum.
_ASKED_BOUND = re.compile(r"\b(?:a|the|its|their)\s+(floor|minimum|ceiling|cap|maximum)\b", re.IGNORECASE)
_BOUND_WORDS = {"floor": "minimum", "ceiling": "maximum", "cap": "maximum"}


def asked_qualifiers(question: str) -> frozenset[str]:
    """The comparison the question asks with, as the quantity reader names it ('more', 'after')."""
    found = [match.group(1) for pattern in (_ASKED, _ASKED_SIZE) for match in pattern.finditer(question)]
    found += [_BOUND_WORDS.get(match.group(1).lower(), match.group(1)) for match in _ASKED_BOUND.finditer(question)]
    return frozenset(QUALIFIERS[word] for phrase in found for word in normalize(phrase).split() if QUALIFIERS.get(word))


def asked_words(question: str) -> set[str]:
    """The words of the comparison the question asks with: 'since', 'from', 'as of'."""
    return {word for match in _ASKED.finditer(question) for word in normalize(match.group(1)).split()}


def match_quantity(given: str, form: str, fact: Fact) -> str:
    """Same numbers, no other unit or currency, no comparison but the question's own.

    Other words are close at most: 'halved to 10' may be right, 'Article 5' is not 5 deaths.
    """
    got, want = read_quantity(given), read_quantity(form)
    if got is not None and want is not None and _share_of(got, want):
        return ALMOST  # '0.68' for 68 %: a share written as a fraction, the learner decides
    if got is None or want is None or got.values != want.values:
        return WRONG
    question = normalize(fact.q).split()
    if got.qualifiers not in (want.qualifiers, want.qualifiers | asked_qualifiers(fact.q)):
        return WRONG
    units_in_question = {UNITS[w] for w in question if w in UNITS}
    if not got.units <= want.units | units_in_question:
        return WRONG  # 24 months for 24 years, euros for dollars
    allowed = set(normalize(form).split()) | set(question) | FILLERS | APPROXIMATE | set(QUALIFIERS) | set(UNITS)
    if got.leading and got.leading[-1] not in allowed and _glued(given):
        return WRONG  # a word right before the number names another thing: 'Article 5', 'Flight 17'
    extra = [w for w in got.words if w not in allowed]
    if extra and _measure_after(given, allowed):
        return WRONG  # '2 seats' for 2%: the number counts something else
    return ALMOST if extra else CORRECT


def _share_of(got: Quantity, want: Quantity) -> bool:
    """A fraction below 1 with no unit that is the percentage answer divided by 100."""
    return (
        want.units == {"percent"}
        and not got.units
        and len(got.values) == len(want.values) == 1
        and 0 < got.values[0] < 1
        and got.values[0] * 100 == want.values[0]
        and got.qualifiers == want.qualifiers
    )


# Nouns right after a number that count another thing than the answer's: '2 seats' for 2 %.
MEASURES = {
    "seat",
    "seats",
    "vote",
    "votes",
    "point",
    "points",
    "mandate",
    "mandates",
    "times",
    "fold",
    "ballot",
    "ballots",
    "rank",
    "place",
    "places",
}


def _measure_after(given: str, allowed: set[str]) -> bool:
    """The word right after the last number is one the answer and question do not use."""
    words = normalize(number_words(given)).split()
    last = max((i for i, w in enumerate(words) if w[:1].isdigit()), default=None)
    return last is not None and last + 1 < len(words) and words[last + 1] in MEASURES - allowed


def _glued(given: str) -> bool:
    """The word before the first number touches it: 'Article 5', not 'halved to 10'."""
    words = number_words(given).split()
    first = next((i for i, w in enumerate(words) if w[:1].isdigit()), 0)
    return first > 0 and not words[first - 1][:1].isdigit()
