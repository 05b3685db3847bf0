"""The date forms of the bank: ISO dates in YAML ('2002-05') and date answers ('28 May 2002')."""

from __future__ import annotations

import re

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only, not ٢٠٠٢
_ANSWER = re.compile(r"(?:([0-9]{1,2}) )?(" + "|".join(MONTHS) + r") ([0-9]{4})")


def parse_iso(text: str) -> tuple[int, int | None, int | None] | None:
    """'2002-05' -> (2002, 5, None); None when the text is not of that shape (not checked as a date)."""
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def parse_date_answer(text: str) -> tuple[int, int, int | None] | None:
    """'28 May 2002' -> (2002, 5, 28), 'May 2002' -> (2002, 5, None); None for other text."""
    match = _ANSWER.fullmatch(text)
    if match is None:
        return None
    day, month, year = match.groups()
    return int(year), MONTHS.index(month) + 1, int(day) if day else None
