"""How the bank reads the numbers and dates an author writes in an answer or an alt."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quizgen.bank.schema import real_date
from quizgen.errors import clip
from quizgen.text import MONTHS, parse_date_answer

if TYPE_CHECKING:
    from quizgen.bank.rules import Problems

_MONTH = "(" + "|".join(MONTHS) + ")"
NUMERIC_DATES = (  # other notations of a day, (pattern, order of year, month, day)
    (re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"), "ymd"),
    (re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})"), "dmy"),
    (re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})"), "mdy"),
    (re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})"), "dmy"),  # either reading will do
    (re.compile(_MONTH + r" ([0-9]{1,2}),? ([0-9]{4})", re.IGNORECASE), "mdy"),
    (re.compile(r"([0-9]{1,2}) " + _MONTH + r",? ([0-9]{4})", re.IGNORECASE), "dmy"),
)
# a number answer's one numeral: digits, grouped by thousands if at all, an optional decimal part;
# '1e5', '1,5', '80bn' or '10-15' would get distractors like '2e5' from the scale
NUMERAL_WORD = re.compile(r"\w+(?:[.,]\w+)*")
PLAIN_NUMERAL = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_SPACED_GROUPS = re.compile(r"(?<![\w.,])[0-9]{1,3}(?:[ \u00a0\u2009\u202f][0-9]{3})+(?![\w.,])")
_POINTED_GROUPS = re.compile(r"(?<![\w.,])[0-9]{1,3}(?:\.[0-9]{3})+(?![\w.,])")  # 192.000, 1.234.567


def documented_date(answer: str) -> bool:
    """'24 February 2022' or 'May 2002', a real calendar date: the form questions and options use."""
    date = parse_date_answer(answer)
    return date is not None and real_date(*date)


def impossible_date(text: str) -> bool:
    """Text written as a date in another notation (2021-02-30, 30.02.2021, 2/30/2021,
    February 30, 2021) that no calendar has; the quiz would accept such a form as typed."""
    readings = []
    for pattern, order in NUMERIC_DATES:
        match = pattern.fullmatch(text.strip())
        if match:
            parts = dict(zip(order, match.groups(), strict=True))
            month = int(parts["m"]) if parts["m"].isdigit() else MONTHS.index(parts["m"].title()) + 1
            readings.append(real_date(int(parts["y"]), month, int(parts["d"])))
    return bool(readings) and not any(readings)


def one_plain_numeral(answer: str) -> bool:
    numerals = [word for word in NUMERAL_WORD.findall(answer) if any(ch.isdigit() for ch in word)]
    return len(numerals) == 1 and PLAIN_NUMERAL.fullmatch(numerals[0]) is not None


def numerals(text: str, points: bool = True) -> list[str]:
    """The numerals of `text`, thousands separators dropped: '5,500 km', '5 500 km' and '5.500 km'
    -> ['5500'] (a space, thin or no-break space, or points between groups of three digits, as the
    quiz reads what a learner types); '5.5 km' -> ['5.5']. `points` False reads '5.500' as a decimal."""
    text = _SPACED_GROUPS.sub(lambda match: re.sub(r"\s", "", match.group()), text)
    if points:
        text = _POINTED_GROUPS.sub(lambda match: match.group().replace(".", ""), text)
    return [word.replace(",", "") for word in NUMERAL_WORD.findall(text) if any(ch.isdigit() for ch in word)]


def check_alt_numerals(problems: Problems, answer: str, alts) -> None:
    """An alt of a number answer is the same number written another way: one with a numeral
    must state the answer's ('5500 km' for '5,500 km'; '500 km' is another answer)."""
    number = numerals(answer)[0]
    for alt in alts:
        found = numerals(alt)
        if found and number not in found and number not in numerals(alt, points=False):
            problems.add(
                "alt",
                f"field 'alt': '{clip(alt)}' states {', '.join(found)}, not the answer's number "
                f"{number}: an alt is the answer written another way",
            )
            return
