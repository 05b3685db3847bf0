"""An accepted answer with an aside ('Sochi, not Moscow', 'Sochi, Krasnodar Krai'): close, never correct."""

from __future__ import annotations

import re
from collections.abc import Callable

from quizgen.grading.names import CORRECT, WRONG
from quizgen.grading.places import COUNTRIES, says_where
from quizgen.grading.spelling import normalize

# 'A, not B', 'A (not B)', 'A not B', 'A - not B', 'A, but not B', 'A, rather than B'
_CONTRAST = re.compile(
    r"\s*(?P<head>.+?)\s*(?:[,;:]\s*|\(\s*|\s[-–—]\s*|\s)(?:but\s+)?(?:not|rather\s+than|instead\s+of)\s+"
    r"(?P<tail>[^()]+?)\s*\)?\s*[.!]?\s*",
    re.IGNORECASE,
)
# 'Sochi, Krasnodar Krai', 'Istanbul (Turkey)': one place and where it is
_WHERE = re.compile(r"\s*(?P<head>[^,;()]+?)\s*(?:,\s*(?P<after>[^,;()]+?)|\(\s*(?P<inside>[^,;()]+?)\s*\))\s*\.?\s*")


def contrasted(given: str, kind: str, grade: Callable[[str], str], another: Callable[[str], bool]) -> bool:
    """'Sochi, not Moscow', '1994 (not 1995)': the part before the contrast is right (a number's not Wrong), the
    contrasted part is the same sort of thing (a number for a number, year or date; words for a
    name), Wrong on its own (`grade`: the fact's grade of a text) and, for a name, no other answer
    of the bank (`another`). Never for a person: 'Heiko Maas (not Olaf Scholz)' names a second person."""
    match = _CONTRAST.fullmatch(given)
    if not match or kind == "person":
        return False
    head, tail = match.group("head"), match.group("tail")
    numeric = kind in ("number", "year", "date")
    if any(c.isdigit() for c in tail) != numeric:
        return False  # '27 May 1997, not Paris' says something else about the date
    # a number turned down is no second answer, even one the bank holds ('2014 not 2022')
    # a number's head may be close ('2 percent of GDP'); a name's must be right ('not parties' is no aside)
    sure = grade(head) != WRONG if numeric else grade(head) == CORRECT
    return sure and grade(tail) == WRONG and (numeric or not another(normalize(tail)))


def with_where(given: str, grade: Callable[[str], str], others: set[str], listed: bool = False) -> bool:
    """'Istanbul (Turkey)', 'Sochi, Krasnodar Krai', 'Kosovo, Balkans': a place that is not wrong
    (`grade`: the fact's grade of a text) with the country, region or part it lies in; never with a
    second place ('Lisbon, Madrid'), nor with another answer of the bank (`others`) but a country.
    After a list (`listed`: 'Germany and Italy, Europe') only a region: a country would be an item."""
    match = _WHERE.fullmatch(given)
    if not match:
        return False
    where = normalize(match.group("after") or match.group("inside") or "")
    if not says_where(where) or (where not in COUNTRIES and where in others) or (listed and where in COUNTRIES):
        return False
    return grade(match.group("head")) != WRONG
