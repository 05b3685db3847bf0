"""Grades a typed date against a fact's: right, wrong, or close (detail the bank cannot check, two readings)."""

from __future__ import annotations

import re

from quizgen.grading.dates import Reading, agreement, date_readings, doubtful_readings, parse_date
from quizgen.grading.names import ALMOST, CORRECT, WRONG
from quizgen.grading.numeric import asked_words
from quizgen.grading.spelling import normalize
from quizgen.model import Fact

# 'since March 2019' where the question asks "from which month": the same claim in other words, close
_SINCE = frozenset({"since", "from"})


def match_date(given: str, form: str, fact: Fact) -> str | None:
    """A date is right when it says the asked date; more detail must agree with the fact's `when`
    (detail the fact does not know is the learner's to judge), and an answer with two readings
    that grade differently ('April 19 49': April 1949, or 19 April '49) is the learner's too."""
    wanted = parse_date(form)
    if not wanted:
        return None
    words = given.split()
    grade = whole_date_grade(given, wanted, fact)
    asked = asked_words(fact.q)
    while grade is None and len(words) > 1 and normalize(words[0]) in asked:  # 'since June 1998'
        words = words[1:]
        grade = date_grade(" ".join(words), wanted, fact)
    if grade or fact.kind != "date":
        return grade
    # '27 May 1997 in Paris': the date and more words: close when the date part is right.
    dated = " ".join(re.findall(r"\d+|[^\W\d_]+", given)[:4])
    return ALMOST if date_grade(dated, wanted, fact) in (CORRECT, ALMOST) else WRONG


_AGREEMENT = {"right": CORRECT, "unchecked": ALMOST, "wrong": WRONG}


def date_grade(text: str, wanted: Reading, fact: Fact) -> str | None:
    """The best grade of `text`'s sure readings, and of its doubtful ones ('27 May 97', at most
    close); None when it reads as no date at all. Two sets of readings that disagree: close."""
    grades = set()
    for readings, best in ((date_readings(text), CORRECT), (doubtful_readings(text), ALMOST)):
        if readings:
            graded = {reading: _AGREEMENT[agreement(reading, wanted, fact.when)] for reading in readings}
            found = set(graded.values())
            grades.add(best if CORRECT in found else ALMOST if ALMOST in found else WRONG)
            if CORRECT in found and _other_day(graded):
                grades.add(ALMOST)  # '6/10/2021': 6 October, or 10 June: the learner decides
    if not grades:
        return None
    return grades.pop() if len(grades) == 1 else ALMOST


def _other_day(graded: dict[Reading, str]) -> bool:
    """A reading with another day or month than every right one ('10/6/2021' read day first and
    month first); another century alone ('8/8/08') is no other day."""
    right = {reading[1:] for reading, grade in graded.items() if grade == CORRECT}
    return any(grade != CORRECT and reading[1:] not in right for reading, grade in graded.items())


def whole_date_grade(text: str, wanted: Reading, fact: Fact) -> str | None:
    """The grade of `text` read whole as a date; 'since' for the question's 'from' (or the reverse)
    is read too, close at most; None when it is no date."""
    grade = date_grade(text, wanted, fact)
    words = text.split()
    if grade is None and len(words) > 1 and normalize(words[0]) in _SINCE:
        asked = asked_words(fact.q)
        if normalize(words[0]) not in asked and asked & _SINCE:
            inner = date_grade(" ".join(words[1:]), wanted, fact)
            grade = ALMOST if inner == CORRECT else inner
    return grade
