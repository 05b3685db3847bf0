"""Dates as learners type them: '24 Feb 2022', 'February 24, 2022', '2022-02-24', '03/2009', '1949-04'."""

from __future__ import annotations

import calendar
import contextlib
import re

from rapidfuzz.distance import DamerauLevenshtein
from text_to_num import alpha2digit

from quizgen.model import MONTHS, When
from quizgen.text import fold

Reading = tuple[int, int | None, int | None]  # (year, month, day), month and day when given

_MONTH_NUMBERS = {name.lower()[:3]: n for n, name in enumerate(MONTHS, start=1)}
FILLERS = {"st", "nd", "rd", "th", "of", "on", "in", "the", "year", "ad"}


def parse_date(text: str) -> Reading | None:
    """(year, month, day) from '24 February 2022', 'Feb 24, 2022', '2022-02-24' or 'May 2002'."""
    words = _words(text)
    return _read(words, month_first=False) if words is not None else None


def date_readings(text: str) -> set[Reading]:
    """Every date `text` may mean: 03/04/2022 is 3 April (day first) or March 4 (month first)."""
    short = re.fullmatch(r"\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{2})\s*", text)
    if short:  # 8/8/08: the year in either century
        return {
            reading
            for century in ("19", "20")
            for first in (False, True)
            if (reading := _read([short.group(1), short.group(3), century + short.group(4)], first))
        }
    apostrophe = _APOSTROPHE_YEAR.search(text)
    if apostrophe:  # 27 May '97: the year in either century
        return {
            reading
            for century in ("19", "20")
            for reading in date_readings(text[: apostrophe.start()] + f" {century}{apostrophe.group(1)}")
        }
    words = _words(text)
    if words is None:
        return set()
    return {reading for first in (False, True) if (reading := _read(words, first))}


def doubtful_readings(text: str) -> set[Reading]:
    """'27 May 97', 'April 4 49': a day, a month name and a bare two-digit year, in either century.
    Never proof of a date (the learner decides); 'April 19 49' may also be the spaced year 1949."""
    if _APOSTROPHE_YEAR.search(text):
        return set()  # "27 May '97" says the year is short: a sure reading
    words = _words(text, join=False)
    if words is None or not any(not w.isdigit() for w in words):
        return set()
    numbers = [w for w in words if w.isdigit()]
    if len(numbers) != 2 or len(numbers[-1]) != 2 or words[-1] != numbers[-1]:
        return set()
    head = words[:-1]
    return {
        reading
        for century in ("19", "20")
        for first in (False, True)
        if (reading := _read([*head, century + numbers[-1]], first)) and reading[2] is not None
    }


# An apostrophe year ending a date with a month: '27 May '97', 'May ’97'.
_APOSTROPHE_YEAR = re.compile(r"(?<=[^\W\d_])\.?,?\s+['’‘`´](\d{2})\s*\.?\s*$")


def _words(text: str, join: bool = True) -> list[str] | None:
    """Numbers and month names of `text`, or None when it holds any other word (`join`: 19 94 is 1994)."""
    folded = fold(text)
    folded = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", folded)
    with contextlib.suppress(Exception):  # an unreadable word sequence is left as typed
        folded = alpha2digit(folded, "en", threshold=0)  # 'the twenty-fourth of May', 'two thousand two'
    words = re.findall(r"[^\W\d_]+|\d+", folded)  # a word in any script is a word ('не 2014' is no date)
    if any(not w.isdigit() and not month_number(w) and w not in FILLERS for w in words):
        return None
    digits = list(re.finditer(r"\d+", folded))
    spaced = len(digits) >= 2 and not folded[digits[-2].end() : digits[-1].start()].strip()
    # 'nineteen ninety-one' arrives as 19 91 (only a space between: '19.94' and '19/94' are no year)
    if (
        join
        and spaced
        and len(words) >= 2
        and all(w.isdigit() for w in words[-2:])
        and 10 <= int(words[-2]) <= 20
        and len(words[-1]) == 2
        and not any(w.isdigit() and int(w) >= 100 for w in words)
    ):
        words = words[:-2] + [words[-2] + words[-1]]
    return [w for w in words if w not in FILLERS]


# A year dressed as a number: '2014.0', or with a suffix: '1994s', '2014th' (a thousands mark,
# '1,994', stays a notation the README lists, as on the study page).
_NUMBER_DRESS = re.compile(r"\b\d{4}(?:\.0+\b|s\b|th\b)", re.IGNORECASE)


def dressed_year(text: str) -> bool:
    """A year or date typed with a number's suffix or decimals: the learner decides."""
    return bool(_NUMBER_DRESS.search(text))


def _read(words: list[str], month_first: bool) -> Reading | None:
    numbers = [int(w) for w in words if w.isdigit()]
    months = [month_number(w) for w in words if not w.isdigit()]
    years = [n for n in numbers if n >= 100]
    if len(years) != 1 or len(months) > 1 or len(numbers) > 3:
        return None
    year, rest = years[0], [n for n in numbers if n < 100]
    if months:
        if len(rest) > 1:
            return None
        day = rest[0] if rest else None
        month = months[0]
        if month is None:
            return None
        return (year, month, day) if day is None or _real(year, month, day) else None
    if len(rest) == 1:  # 1949-04, 03/2009
        return (year, rest[0], None) if 1 <= rest[0] <= 12 else None
    if len(rest) == 2:
        if numbers[0] == year or month_first:  # 2022-02-24 is always year, month, day
            month, day = rest
        else:
            day, month = rest
        return (year, month, day) if 1 <= month <= 12 and _real(year, month, day) else None
    return (year, None, None) if not rest else None


def _real(year: int, month: int, day: int) -> bool:
    """A day of the calendar: 30 February and 31 April are no dates at all."""
    return 1 <= year <= 9999 and 1 <= day <= calendar.monthrange(year, month)[1]


def month_number(word: str) -> int | None:
    """1-12 for 'feb', 'febr', 'february', or 'febuary' (a slip in a month name is not a wrong date)."""
    number = _MONTH_NUMBERS.get(word[:3])
    if number and MONTHS[number - 1].lower().startswith(word) and len(word) >= 3:
        return number
    if len(word) >= 4 and not word.isdigit():
        for number, name in enumerate(MONTHS, start=1):
            if DamerauLevenshtein.distance(word, name.lower(), score_cutoff=1) <= 1 and word[0] == name[0].lower():
                return number
    return None


def agreement(given: Reading, wanted: Reading, when: When | None) -> str:
    """'right' when `given` says what `wanted` says and any more detail matches the fact's `when`;
    'unchecked' when it is finer than anything the fact knows ('1 January 1994' for `when: 1994-01`);
    'wrong' when any part disagrees."""
    known = (when.year, when.month, when.day) if when is not None else (None, None, None)
    verdict = "right"
    for part in range(3):
        want = wanted[part] if wanted[part] is not None else known[part]
        if given[part] is None:
            if wanted[part] is not None:
                return "wrong"
        elif want is None:
            verdict = "unchecked"
        elif given[part] != want:
            return "wrong"
    return verdict
