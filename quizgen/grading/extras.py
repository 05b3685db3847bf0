"""An accepted answer plus words that only add to it: close (the learner decides), never correct or wrong.

The harmless additions: a hedge, a weekday, a time of day, a party or a country in brackets, where it
happened, words of the question."""

from __future__ import annotations

import re
from collections.abc import Callable

from quizgen.grading.dates import month_number
from quizgen.grading.names import TITLES
from quizgen.grading.places import COUNTRIES
from quizgen.grading.quantity import QUALIFIERS
from quizgen.grading.spelling import clean, normalize
from quizgen.grading.wording import MODIFIERS, NEGATIONS

# Words that add nothing another answer could hide in. A negation, a comparison, a number, a month,
# a list word ('and', 'or', 'plus') or another person's name is none of them: by construction, an
# answer with one of those added is never made close by this rule.
HEDGES = frozenset(
    "probably maybe perhaps possibly presumably likely surely certainly i think believe guess suppose im "
    "pretty quite ever".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
TIMES = frozenset(
    "dawn daybreak morning afternoon evening night overnight midnight noon early late mid onwards onward".split()
)
LINKS = frozenset("at in on of from the a an".split())
_COUNTRY_WORDS = frozenset(word for name in COUNTRIES for word in name.split() if len(word) > 2)  # not 'd', 'of'
_I = frozenset({"i", "im"})  # only with its verb: 'I think', not the initial of 'I. Putin'
_VERBS = frozenset({"think", "believe", "guess", "suppose", "sure"})
# Titles a person is named with, without the bodies that are answers of their own.
_TITLE_WORDS = TITLES - {"us", "nato", "eu", "un", "state"}
_ABBREVIATION = re.compile(r"\(\s*([A-Z][A-Z0-9]{1,5})\s*\)")  # '(SPD)': a party or body in brackets
_PROPER = re.compile(r"\b[A-Z][a-z]+\b")  # 'Brussels' in '… in Brussels'
MAX_WORDS = 10


def harmless_words(typed: str, kind: str, question: str = "") -> frozenset[str]:
    """The words that may stand beside an accepted answer of `kind` in `typed` (normalized), with the
    words of its `question` (but negations and comparisons): '27 May 1997 NATO' is close, never right."""
    allowed = set(HEDGES | WEEKDAYS | TIMES | LINKS | _COUNTRY_WORDS)
    allowed |= {word for word in normalize(question).split() if word not in NEGATIONS and not QUALIFIERS.get(word)}
    if kind == "person":
        allowed |= _TITLE_WORDS
    allowed |= {normalize(short) for short in _ABBREVIATION.findall(clean(typed))}
    if kind in ("date", "year"):  # where it happened: 'July 1999 in Brussels'
        allowed |= {normalize(word) for word in _PROPER.findall(clean(typed)) if not month_number(word.lower())}
    # 'deputy', 'former', 'north': a word that makes another person or thing is never an addition
    return frozenset(word for word in allowed - MODIFIERS if word and not any(c.isdigit() for c in word))


def only_added_to(
    got: str,
    typed: str,
    kind: str,
    is_answer: Callable[[str], bool],
    named_elsewhere: Callable[[str], bool],
    question: str = "",
) -> bool:
    """Whether `got` (normalized) is an accepted answer (`is_answer`) with harmless words before or after it;
    `named_elsewhere(words)`: those words name another answer of the bank (then it is no addition)."""
    words = got.split()
    if kind == "number" or not 1 < len(words) <= MAX_WORDS:
        return False  # numbers: the quantity reader weighs every other word
    allowed = set(harmless_words(typed, kind, question))
    stems = [word for word in normalize(question).split() if len(word) >= 4 and word in allowed]
    # the question's own verb in another form: 'annexed in 2014' for "did Russia annex Crimea"
    allowed |= {w for w in words if any(w.startswith(stem) and len(w) - len(stem) <= 3 for stem in stems)}
    for start in range(len(words)):
        for end in range(len(words), start, -1):
            extra = words[:start] + words[end:]
            if not extra or not all(word in allowed for word in extra) or (_I & set(extra) and not _VERBS & set(extra)):
                continue
            if named_elsewhere(" ".join(words[:start])) or named_elsewhere(" ".join(words[end:])):
                continue
            if is_answer(" ".join(words[start:end])):
                return True
    return False
